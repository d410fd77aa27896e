"""Validate brief files against the front-matter schema declared in ``briefs.record``.

One function, ``validate_text``, is used before a brief is written and by
``briefs check`` (and ``briefs build``, which refuses to run MkDocs on a broken
brief: MkDocs would silently publish broken front matter as text).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from briefs import yaml_load
from briefs.errors import BriefInvalid
from briefs.files import NotRegular, read_regular
from briefs.incremental import Fingerprint, fingerprint
from briefs.record import FIELDS, REQUIRED, show_value

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_KINDS = {f.name: f.metadata["kind"] for f in FIELDS}
_KEYS = {f.name: f.metadata.get("keys", ()) for f in FIELDS}
# Keys editors may add that the tool does not draft (Material's own page keys).
EXTRA_KEYS = {"hide", "template", "search", "status", "icon", "subtitle", "comments"}
_FIELD_LINE = re.compile(r"^([A-Za-z_][\w-]*):", re.MULTILINE)
_META_LINE = re.compile(r"^ {0,3}[A-Za-z0-9_-]+:\s")


def blank_front_matter(text: str) -> str:
    """``text`` with its front matter's lines emptied, so the lines after it keep their
    numbers: what Markdown renders, without the values the pages show escaped."""
    match = _FRONT.match(text)
    return "\n" * match.group().count("\n") + text[match.end():] if match else text


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str]:
    """The front-matter mapping and the body. Raises ``BriefInvalid`` naming the line."""
    match = _FRONT.match(text)
    if not match:
        raise BriefInvalid(shown, "missing front matter (the file must start with '---')")
    try:
        data = yaml_load.load(match.group(1) or "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = f"front matter line {mark.line + 2}: " if mark is not None else "front matter: "
        raise BriefInvalid(shown, f"{line}{problem}") from exc
    if not isinstance(data, dict):
        raise BriefInvalid(shown, "front matter line 2: must be a mapping of field: value, "
                           f"got {type(data).__name__}")
    body = text[match.end():]
    _early_end(body, text[: match.end()].count("\n"), shown)
    return data, body


def _early_end(body: str, offset: int, shown: str) -> None:
    """Refuse a ``---`` line that ended the front matter too early (inside a block scalar,
    or with fields after it): MkDocs would publish the rest as text."""
    first = body.split("\n", 1)[0]
    if first[:1] in (" ", "\t") and first.strip():
        raise BriefInvalid(shown, f"front matter line {offset}: '---' inside an indented "
                           "block ends the front matter early")
    rest = body.split("\n---", 1)
    if len(rest) == 2 and rest[1][:1] in ("", "\n", " ", "\t"):
        known = [m for m in _FIELD_LINE.finditer(rest[0]) if m.group(1) in _KINDS]
        if known:
            line = offset + rest[0][: known[0].start()].count("\n") + 1
            raise BriefInvalid(shown, f"front matter line {offset}: '---' ends the front "
                               f"matter early; field '{known[0].group(1)}' follows at line "
                               f"{line}")


_TEMPLATES = ("main.html",)  # the theme's page template; the others need plugins


def _check_template(data: dict[str, Any], shown: str) -> None:
    """``template`` names one of the theme's page templates: any other value (a path such
    as ``../../etc/passwd``, a missing file) ended ``mkdocs build`` in a traceback."""
    value = data.get("template")
    if value is None:
        return
    if value not in _TEMPLATES:
        raise BriefInvalid(shown, f"expected one of {', '.join(_TEMPLATES)}, got "
                           f"{show_value(value)}", field="template")


def validate_text(text: str, shown: str) -> dict[str, Any]:
    """The front matter of a valid brief; ``BriefInvalid`` for the first problem found."""
    data, _body = split_front_matter(text, shown)
    _check_template(data, shown)
    for name in REQUIRED:
        if name == "seed":
            continue  # hand-written briefs have no seed
        if data.get(name) in (None, ""):
            raise BriefInvalid(shown, "required field is missing", field=name)
    for key, value in data.items():
        kind = _KINDS.get(str(key))
        if kind is None:
            if key in EXTRA_KEYS:
                continue
            raise BriefInvalid(shown, "unknown field", field=str(key))
        problem = _check(kind, value) or _check_keys(_KEYS.get(str(key), ()), value)
        if problem:
            raise BriefInvalid(shown, problem, field=str(key))
    return data


def _check(kind: str, value: Any) -> str | None:
    if kind == "str":
        return None if isinstance(value, str) else f"expected text, got {show_value(value)}"
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return None if ok else f"expected a whole number, got {show_value(value)}"
    if kind == "bool":
        return None if isinstance(value, bool) \
            else f"expected true or false, got {show_value(value)}"
    if kind == "date":
        if isinstance(value, dt.date):
            return None
        return f"expected YYYY-MM-DD, got {show_value(value)}"
    if kind == "list[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of text, got {show_value(value)}"
        return None
    if kind == "list[map]":
        if not isinstance(value, list) or not all(
                isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
                for v in value):
            return f"expected a list of mappings, got {show_value(value)}"
        return None
    return None


def _check_keys(keys: tuple[str, ...], value: Any) -> str | None:
    """Each mapping of a list[map] field has exactly the declared keys."""
    if not keys:
        return None
    for i, item in enumerate(value):
        if set(item) != set(keys):
            return f"item {i + 1}: expected keys {', '.join(keys)}, got {show_value(sorted(item))}"
    return None


def as_mkdocs_reads(text: str) -> str:
    """``text`` as MkDocs reads a page: without a leading byte-order mark, its CRLF and
    CR line ends as LF. An editor's tool may save a brief so; validated as its raw
    bytes, such a brief was refused as missing its front matter, which MkDocs finds."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_page(path: Path, shown: str) -> str:
    """A page of docs/ as MkDocs reads it; ``BriefInvalid`` when it cannot be (a symlink,
    not a regular file, not UTF-8)."""
    if path.is_symlink():
        raise BriefInvalid(shown, "symlink in docs/ refused")
    try:
        return as_mkdocs_reads(read_regular(path).decode("utf-8"))
    except NotRegular as exc:
        raise BriefInvalid(shown, f"not a regular file ({exc.kind}); refused") from exc
    except UnicodeDecodeError as exc:
        raise BriefInvalid(shown, f"not UTF-8 (invalid byte at {exc.start})") from exc


# Briefs this process wrote after validating their text (``convert``), by path, with the
# file's stat when written: ``briefs build`` neither validates nor parses them again (the
# check here, the site's catalog). A file changed since has another stat and is read.
_KNOWN: dict[str, tuple[Fingerprint, dict[str, Any]]] = {}


def remember_valid(path: Path, meta: dict[str, Any]) -> None:
    """``path`` now holds a brief whose front matter ``validate_text`` returned as ``meta``."""
    key = fingerprint(Path(path))
    if key is not None:
        _KNOWN[os.path.abspath(path)] = (key, meta)


def known_valid(path: str | Path) -> dict[str, Any] | None:
    """The front matter of a brief ``remember_valid`` saw, if the file is unchanged since."""
    known = _KNOWN.get(os.path.abspath(path))
    if known is None or known[0] != fingerprint(Path(path)):
        return None
    return dict(known[1])


def validate_file(path: Path, shown: str) -> dict[str, Any]:
    """A brief under docs/briefs/: the whole schema applies."""
    return validated_brief(path, shown)[0]


def validated_brief(path: Path, shown: str) -> tuple[dict[str, Any], str | None]:
    """A brief's front matter (``validate_file``) and its text as MkDocs reads it, or
    ``None`` for one this process wrote and validated (``known_valid``: not read again)."""
    known = known_valid(path)
    if known is not None:
        return known, None
    text = read_page(path, shown)
    return validate_text(text, shown), text


def validate_page(path: Path, shown: str) -> tuple[dict[str, Any], str]:
    """Any other page: UTF-8, and front matter (when present) that parses; its front
    matter (``{}`` without one) and its text as MkDocs reads it."""
    text = read_page(path, shown)
    return _page_meta(text, shown), text


def _page_meta(text: str, shown: str) -> dict[str, Any]:
    if not text.startswith("---"):
        first = text.split("\n", 1)[0]
        if _META_LINE.match(first):
            raise BriefInvalid(shown, f"missing front matter: MkDocs would take the first "
                               f"line {first[:40]!r} as metadata and drop it (start the "
                               "page with '---' front matter or a blank line)")
        return {}
    data, _body = split_front_matter(text, shown)
    _check_template(data, shown)
    return data
