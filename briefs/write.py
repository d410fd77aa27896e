"""Stage 5, write: a brief as a Markdown file, named safely, written atomically.

- Front matter goes through ``yaml.safe_dump`` in the fixed field order of
  ``briefs.record.FIELDS``; any title survives the round trip.
- The body is escaped so that Markdown reads every line as plain text: no headings,
  lists, quotes, code, links, HTML or attribute lists can come out of article text.
- A slug never leaves ``docs/briefs/``, is never empty or a reserved name, and fits in
  80 bytes; the writer refuses to put two seeds in one file.
- Writes go to a temporary file in the same folder, then ``os.replace``.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from briefs.errors import EnvironmentFailure
from briefs.record import Brief

MAX_SLUG_BYTES = 80
RESERVED_SLUGS = frozenset({
    "index", "tags", "search", "404", "sitemap", "feed", "rss", "assets", "archive",
    "categories", "regions", "sources", "latest", "pagefind",
    "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
})


class _Dumper(yaml.SafeDumper):
    """Safe dumper that indents list items under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def render(brief: Brief) -> str:
    """The complete brief file: front matter, a blank line, the escaped body."""
    data = brief.front_matter()
    front = _plain_front(data)
    if front is None:
        front = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                          width=10_000, default_flow_style=False)
    body = "\n\n".join(escape_paragraph(p) for p in brief.body)
    return f"---\n{front}---\n\n{body}\n"


# The common case written directly, as ``yaml.dump`` (above) writes it, or ``None`` for
# yaml.dump to write: the values are strings it writes plain, ints, bools, a date, and
# lists of such strings or of maps of them. The pure-Python emitter was a sixth of a
# seed's conversion time. A string is plain when yaml reads it back as that string (the
# resolver's test) and the emitter's analysis allows a plain block scalar: printable, on
# one line, no indicator in front, no ``: `` or `` #``, no space at either end, and far
# shorter than the line width (no folding). front_matter's lists and maps are fresh
# objects, so yaml.dump writes no anchors for them either.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                        "\U00010000-\U0010fffe]+")
_NOT_PLAIN = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@` ]|^\.\.\.|:(?: |$)| #| $")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_MAX_PLAIN = 9_000


def _plain(value: object) -> str | None:
    if type(value) is not str or len(value) > _MAX_PLAIN or not _PRINTABLE.fullmatch(value) \
            or _NOT_PLAIN.search(value) or _resolve(value) != _STR_TAG:
        return None
    return value


def _resolve(value: str) -> str:
    """The tag yaml gives ``value`` written plain (``true``: a bool, ``1.5``: a float)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _scalar(value: object) -> str | None:
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if type(value) is dt.date:
        return value.isoformat()
    return _plain(value)


def _plain_front(data: dict[str, Any]) -> str | None:
    lines = []
    for key, value in data.items():
        if _plain(key) is None:
            return None
        if type(value) is not list:
            text = _scalar(value)
            if text is None:
                return None
            lines.append(f"{key}: {text}")
            continue
        if not value:
            return None
        lines.append(f"{key}:")
        for item in value:
            if type(item) is dict:
                if not item:
                    return None
                lead = "  - "
                for k, v in item.items():
                    if _plain(k) is None or (text := _plain(v)) is None:
                        return None
                    lines.append(f"{lead}{k}: {text}")
                    lead = "    "
            elif (text := _plain(item)) is None:
                return None
            else:
                lines.append(f"  - {text}")
    return "\n".join(lines) + "\n" if lines else None


# Python-Markdown's escapable characters that can open inline markup. A paragraph is one
# line, so constructs that need two lines (setext headings, tables, fences, definition
# lists) cannot form; ``<`` and entity-like ``&`` become entities.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")


def escape_paragraph(text: str) -> str:
    """One paragraph of article text that Markdown renders back as the same text."""
    text = " ".join(text.split())
    text = _ENTITY.sub("&amp;", text)
    text = _INLINE.sub(r"\\\1", text)
    text = text.replace("<", "&lt;")
    # A leading marker would start a heading, list, quote or setext underline.
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker
        text = match.group(1) + escaped + text[match.end():]
    return text


# Latin letters that Unicode does not decompose into a base letter and a mark, spelt as
# their languages spell them without it: "Stałe" is "stale", not "sta-e".
UNDECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ß": "ss", "ẞ": "Ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ĸ": "k",
})


def unaccented(text: str) -> str:
    """``text`` with its accents dropped and the letters Unicode does not decompose
    spelt out ("Stałe Grønland" -> "Stale Gronland"); other scripts are kept."""
    text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(title: str, fallback: str) -> str:
    """A file-safe, URL-safe name from ``title``; ``fallback`` when nothing usable is left."""
    text = unaccented(title).lower()
    written = sum(1 for ch in text if ch.isalnum())
    text = re.sub(r"[^\w]+", "-", text, flags=re.ASCII).strip("-_")
    if 3 * sum(1 for ch in text if ch.isalnum()) < written:
        # a title mostly in another script: its Latin letters and digits alone ("31" of
        # "...ロケット弾も撃ち込まれ31人死亡", "dna" of a Thai headline) name nothing
        return fallback
    text = re.sub(r"[-_]{2,}", "-", text)
    while len(text.encode()) > MAX_SLUG_BYTES:
        text = text[: text.rfind("-")] if "-" in text[1:] else text[:MAX_SLUG_BYTES]
    if not text or text.split(".")[0] in RESERVED_SLUGS or text.strip(".") == "":
        return fallback
    return text


def suffixed(base: str, tag: str) -> str:
    """``base-tag``, ``base`` shortened so that the whole name still fits the limit."""
    room = MAX_SLUG_BYTES - len(tag) - 1
    while len(base.encode()) > room:
        base = base[:-1]
    return f"{base.rstrip('-_')}-{tag}"


_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")
_FENCE = re.compile(r"---[ \t]*")
_AFTER = ("date_source:", "date:", "title:")


def set_draft(text: str) -> str:
    """``text`` (a brief) with ``draft: true`` in its front matter; nothing else changed.

    The front matter is found as MkDocs finds it: after a byte-order mark, with lines
    ended by LF, CRLF or CR (an editor's tool may save a brief so). The line added ends
    as the line before it does, and every other byte is kept. ``ValueError`` when the
    brief has no front matter."""
    lines = [[m.group(1), m.group(2)] for m in _LINE.finditer(text) if m.group(0)]
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    if not lines or not _FENCE.fullmatch(lines[0][0].removeprefix(bom)) or not lines[0][1]:
        raise ValueError("missing front matter (the file must start with '---')")
    end = next((i for i, (line, _) in enumerate(lines) if i and _FENCE.fullmatch(line)), None)
    if end is None:
        raise ValueError("front matter not closed (no '---' line after it)")
    front = lines[1:end]
    draft = next((line for line in front if line[0].startswith("draft:")), None)
    if draft is not None:
        draft[0] = "draft: true"
    else:
        at = next((i for key in _AFTER for i, line in enumerate(front)
                   if line[0].startswith(key)), len(front) - 1)
        newline = (front[at] if front else lines[0])[1]
        lines.insert(at + 2 if front else 1, ["draft: true", newline])
    return "".join(line + ending for line, ending in lines)


def seed_tag(seed: str) -> str:
    """Six hex digits from the seed path: a stable suffix to tell briefs apart."""
    return hashlib.sha256(seed.encode()).hexdigest()[:6]


def write_atomic(path: Path, text: str, shown: str, *, within: Path | None = None) -> None:
    """Write ``text`` to ``path`` completely or not at all. A symlink at ``path`` is
    replaced, never written through (the temp file is new, then renamed over it).
    ``within``: the folder ``path`` must stay in; a symlink among the folders from it
    down to ``path`` is refused, since the file would be written where it points."""
    try:
        if within is not None:
            _refuse_linked_folders(within, path.parent, shown)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = stage(path.parent, text, prefix=f".{path.name}.", mode=_mode_for(path))
        try:
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise EnvironmentFailure(shown, _os_cause(exc)) from exc


def _refuse_linked_folders(within: Path, folder: Path, shown: str) -> None:
    current = within
    for part in folder.relative_to(within).parts:
        current = current / part
        if current.is_symlink():
            raise EnvironmentFailure(shown, f"{current.relative_to(within).as_posix()} is a "
                                     "symlink; not written through it")


def stage(folder: Path, text: str | bytes, *, prefix: str = ".staged.",
          mode: int | None = None) -> Path:
    """``text`` (UTF-8 when a string) written completely (fsync'ed) to a new temp file in
    ``folder``, with
    ``mode`` (default: a new file's under the umask). ``write_atomic`` renames it into
    place at once; a convert worker stages a brief and the parent ``commit``s it. A temp
    file a killed run leaves behind is removed by the next convert. The temp file is
    made new (``O_CREAT | O_EXCL | O_NOFOLLOW``, a random name): a symlink planted
    where it is made is refused, never followed."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _new_file_mode() if mode is None else mode)  # not 0600
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit(staged: Path, path: Path, shown: str) -> None:
    """Put a ``stage``d file at ``path`` in one rename, keeping ``path``'s permissions."""
    try:
        os.chmod(staged, _mode_for(path))
        os.replace(staged, path)
    except OSError as exc:
        raise EnvironmentFailure(shown, _os_cause(exc)) from exc


def _mode_for(path: Path) -> int:
    """The permissions a rewritten file keeps, or a new file's under the umask (a
    symlink's target lends it none: the link is replaced, not written through)."""
    try:
        info = path.lstat()
    except OSError:
        return _new_file_mode()
    return info.st_mode & 0o777 if stat.S_ISREG(info.st_mode) else _new_file_mode()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _os_cause(exc: OSError) -> str:
    if exc.errno in (errno.EPERM, errno.EACCES):  # chattr +i gives EPERM, chmod EACCES
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
