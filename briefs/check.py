"""``briefs check``: validate seeds and briefs, write nothing.

Seeds are read and extracted as ``convert`` would; every Markdown file under docs/
is validated against the schema; symlinks in docs/ are refused; briefs whose date was
not found in the article, or lies after today, are listed for an editor, and those whose
seed is gone (orphans, as ``convert`` reports them); a script, a frame or a ``javascript:``
link an editor wrote, which the build removes, is named with its line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefs import state as state_mod
from briefs.convert import (
    Message,
    brief_path,
    orphan_message,
    orphan_seeds,
    show,
    show_all,
    survey_messages,
)
from briefs.errors import BriefsError, SeedError
from briefs.extract import extract, today
from briefs.extract.dates import parse_date
from briefs.files import kind_of_file, utf8_name
from briefs.read import read_seed, survey
from briefs.record import LANG_CODE, web_address
from briefs.validate import blank_front_matter, validate_page, validated_brief


@dataclass
class CheckResult:
    seeds: int = 0
    pages: int = 0  # every Markdown page under docs/: the briefs and the others
    errors: int = 0
    need_date: int = 0
    messages: list[Message] = field(default_factory=list)

    def error(self, exc: BriefsError) -> None:
        self.errors += 1
        self.messages.append(Message("ERROR", exc.path, exc.message.removeprefix(
            f"{exc.path}: ")))

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def summary(self) -> str:
        return (f"{self.seeds} seeds, {self.pages} pages checked: {self.errors} error(s), "
                f"{self.need_date} brief(s) need an editor's date")


def check_briefs(root: Path, docs_dir: Path, result: CheckResult | None = None) -> CheckResult:
    """Validate every page under ``docs_dir``; refuse symlinks anywhere in it, and two
    pages that would be built to the same URL (``a.md`` and ``a/index.md``; names that
    differ only in case)."""
    result = result or CheckResult()
    tomorrow = today() + dt.timedelta(days=1)  # a day's grace for the time zones
    urls: dict[str, str] = {}
    by_seed: dict[str, str] = {}  # the first brief of each seed
    for folder, dirs, files in os.walk(docs_dir):
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            if path.is_symlink():
                result.error(BriefsError(show(path, root), "symlink in docs/ refused"))
            elif not name.startswith(".") and not utf8_name(name):
                # (MkDocs would stop on it with a codec error naming no file)
                result.error(BriefsError(show(path, root), "file name is not valid UTF-8; "
                                         "rename the file"))
            elif not name.startswith(".") and not (path.is_file() or path.is_dir()):
                # MkDocs would read it to copy it into the site: a named pipe for ever
                kind = kind_of_file(path.lstat().st_mode)
                result.error(BriefsError(show(path, root), f"not a regular file ({kind}) "
                                         "in docs/; refused"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(files):
            path = base / name
            if not name.endswith(".md") or name.startswith(".") or path.is_symlink() \
                    or not path.is_file() or not utf8_name(name):
                continue
            shown = show(path, root)
            result.pages += 1
            url = page_url(path.relative_to(docs_dir).as_posix())
            if url.casefold() in urls:
                result.error(BriefsError(shown, f"same URL /{url} as {urls[url.casefold()]}; "
                                         "rename one of them"))
                continue
            urls[url.casefold()] = shown
            is_brief = path.parent.relative_to(docs_dir).parts[:1] == ("briefs",)
            try:  # (text: None for a brief this process wrote, not read again)
                meta, text = validated_brief(path, shown) if is_brief \
                    else validate_page(path, shown)
            except BriefsError as exc:
                result.error(exc)
                continue
            seed = meta.get("seed") if is_brief else None
            if isinstance(seed, str) and seed in by_seed and not meta.get("draft"):
                result.messages.append(Message(
                    "WARNING", shown, f"also {seed}'s brief, as {by_seed[seed]} is: the article "
                    "is published twice (a copy? delete one, or set draft: true)"))
            elif isinstance(seed, str) and not meta.get("draft"):
                by_seed[seed] = shown
            if meta.get("date_source") == "converted":
                result.need_date += 1
                result.messages.append(Message(
                    "INFO", shown, "date not found in the article (date_source: converted); "
                    "needs an editor's date: set date: and date_source: editor"))
            link, lang = meta.get("url"), meta.get("lang")
            if link and not web_address(str(link)):
                result.messages.append(Message(
                    "WARNING", shown, f"url: {str(link)[:80]!r} is not a web address "
                    "(http:// or https://); the page shows no link to it"))
            if lang and not LANG_CODE.match(str(lang).strip()):
                result.messages.append(Message(
                    "WARNING", shown, f"lang: {str(lang)[:40]!r} is not a language code "
                    "such as en or pt-BR; the page does not declare it"))
            # (the converter's text is escaped: no live code in a brief it wrote; the
            # front matter's values are shown as text, escaped, never as Markdown)
            live = live_code(blank_front_matter(text)) if text is not None else None
            if live:
                result.messages.append(Message(
                    "WARNING", shown, f"{live}: the site removes it from the page (it runs "
                    "no script; links go to http, https, mailto or the site's own pages)"))
            day = parse_date(meta.get("date"))  # (validated: a date or a datetime)
            if day is not None and day > tomorrow and meta.get("date_source") != "editor":
                result.messages.append(Message(
                    "WARNING", shown, f"date: {day.isoformat()} is after today; check it "
                    "(set date_source: editor to keep a date to come)"))
    return result


# What an editor may write that the build takes out of the page (``site.sanitize``): a
# link to a script or to inline data, inline or as a reference, and a script or frame.
_LIVE = re.compile(
    r"(?<!\\)\]\(\s*<?\s*(?P<link>javascript|vbscript|data)\s*:|"
    r"^\s{0,3}\[[^\]\\]+\]:\s*<?\s*(?P<ref>javascript|vbscript|data)\s*:|"
    r"<(?P<tag>script|iframe|object|embed)\b", re.IGNORECASE | re.MULTILINE)


_FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def live_code(text: str) -> str | None:
    """Where and what in a page's Markdown the build will remove as live code ("line 12:
    a javascript: link"), or ``None``. Code blocks and inline code show such things as
    text, so they are left out."""
    text = _FENCED.sub(lambda m: "\n" * m.group().count("\n"), text)
    text = _INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
    found = _LIVE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    if found["tag"]:
        return f"line {line}: a <{found['tag'].lower()}> element"
    return f"line {line}: a {(found['link'] or found['ref']).lower()}: link"


def page_url(rel: str) -> str:
    """The URL path MkDocs gives ``rel`` (a docs-relative ``.md`` path) with directory URLs."""
    parent, _, name = rel.rpartition("/")
    stem = name[: -len(".md")]
    if stem.lower() in ("index", "readme"):
        return f"{parent}/" if parent else ""
    return f"{parent}/{stem}/" if parent else f"{stem}/"


def check(root: Path, seeds_dir: Path, docs_dir: Path) -> CheckResult:
    result = CheckResult()
    found = survey(seeds_dir)
    result.messages.extend(survey_messages(found, root))
    names = show_all(found.seeds, root)
    shas: dict[str, str] = {}  # each seed's bytes' hash, as the state records it
    for path in found.seeds:
        shown = names[path]
        result.seeds += 1
        try:
            seed = read_seed(path, shown)
            shas[shown] = seed.raw_sha
            notes = (*seed.notes, *extract(seed)[1])
        except BriefsError as exc:
            result.error(exc)
        except Exception as exc:  # as in convert: a fault of ours on one seed, named
            result.error(SeedError.internal(shown, exc))
        else:  # the warnings convert gives (a page saved as .txt, a field cut...)
            result.messages.extend(Message("WARNING", shown, note) for note in notes)
    try:  # the briefs whose seed is gone, as convert reports them
        state = state_mod.load(root)
    except BriefsError as exc:
        result.error(exc)
    else:
        new = {sha: shown for shown, sha in shas.items() if shown not in state.entries}
        for gone in orphan_seeds(state, set(names.values())):
            renamed = new.get(state.entries[gone].seed_sha)
            if renamed:  # the same bytes under a new name: convert moves the brief
                result.messages.append(Message("INFO", renamed, f"renamed from {gone}; "
                                               "convert moves its brief"))
                continue
            result.messages.append(Message("WARNING", show(brief_path(state, gone, docs_dir),
                                                          root), orphan_message(gone)))
    return check_briefs(root, docs_dir, result)
