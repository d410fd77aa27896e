"""Extract an article from a Markdown seed with optional YAML front matter.

Fields come from the front matter (``title``, ``date``, ``byline`` or ``author``,
``site_name`` or ``outlet``, ``url``, ``lang``, ``categories``, ``tags``, ``description``,
``summary``; a field under both its names is refused);
without a ``title``, a leading ``# Heading`` is the headline. The body is rendered with
Python-Markdown and read back as plain text, one paragraph per block (paragraph, list
item, heading, quote), so no Markdown or HTML markup reaches the brief: links keep their
text, emphasis loses its stars, raw HTML is reduced to its visible text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import markdown

from briefs import yaml_load
from briefs.errors import SeedError
from briefs.extract.dates import parse_date
from briefs.extract.html.page import LINE_TAGS, flat, parse, strip_invisible, visible_lines
from briefs.markdown_bounds import bounded
from briefs.record import Brief, as_flag, as_text, as_texts, shown_date

T = TypeVar("T")
# (``(?:...)?``: an empty front matter, ``---`` then ``---``, as Hugo and Jekyll allow)
_FRONT = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
# Lines of links or images alone (a menu, a badge), up to a few, above the title.
_LINK_ITEM = r"!?\[[^\]\n]*\]\([^)\n]*\)"
_LINKS_ABOVE = re.compile(
    rf"\A(?:[ \t]*(?:[-*+][ \t]+)?{_LINK_ITEM}(?:[ \t]*[|·•]?[ \t]*{_LINK_ITEM})*[ \t]*"
    r"(?:\n[ \t]*)+){1,8}(?=#[ \t])")
# A hard line break ("two spaces" or <br>) stays inside its paragraph.
_LINE_TAGS = LINE_TAGS - {"br"}
FRONT_KEYS = ("title", "date", "byline", "author", "site_name", "outlet", "url", "lang",
              "categories", "tags", "description", "summary", "draft")
# What trafilatura writes in the front matter of its text and Markdown output
# (``--with-metadata``): three of its names for ours, the rest read and left.
TOOL_NAMES = {"sitename": "site_name", "language": "lang", "excerpt": "description"}
TOOL_KEYS = ("hostname", "fingerprint", "id", "license", "comments", "raw_text", "text",
             "image", "pagetype", "filedate", "source", "source-hostname", *TOOL_NAMES)


def has_front_matter(text: str) -> bool:
    return _FRONT.match(text) is not None


_TITLE_LINE = re.compile(r"^title:[ \t]*\S", re.MULTILINE)


def front_matter_article(text: str) -> bool:
    """A text seed that opens with front matter naming its title (what trafilatura's
    text output with its metadata looks like): an article, not a page dump."""
    match = _FRONT.match(text)
    if not match:
        return False
    if _TITLE_LINE.search(match.group(1) or ""):
        return True  # (one that does not load is refused with the reason, as a .md's)
    try:
        meta = yaml_load.load_mapping(match.group(1) or "", FRONT_KEYS + TOOL_KEYS,
                                      noun="front matter")
    except yaml_load.MappingError:
        return False  # (a dump that opens with a rule of dashes)
    return bool(meta.get("title"))


def extract_markdown(text: str, shown: str, lines_are_paragraphs: bool = False) -> Brief:
    """Title and fields from front matter, plain paragraphs from the rest: rendered as
    Markdown, or each line a paragraph (``lines_are_paragraphs``: a text seed)."""
    meta: dict[str, Any] = {}
    match = _FRONT.match(text)
    if match:
        meta = _front_matter(match.group(1) or "", shown)
        text = text[match.end():]
    title = field_value(meta, "title", as_text, shown)
    heading = _ATX_TITLE.match(text)
    if heading is None and (links := _LINKS_ABOVE.match(text)):
        # "- [Home](https://...)" above the "# Headline": a menu's links, not the text
        text = text[links.end():]
        heading = _ATX_TITLE.match(text)
    if heading:
        text = text[heading.end():]
        title = title or heading.group(1)
    date = None
    if meta.get("date") not in (None, ""):
        date = parse_date(meta["date"])
        if date is None:
            raise SeedError(shown, f"expected YYYY-MM-DD, got {shown_date(meta['date'])}",
                            field="date")

    def text_or_none(key: str, alias: str | None = None) -> str | None:
        value = field_value(meta, chosen_name(meta, key, alias, shown), as_text, shown)
        return flat(value) if value else None

    def strings(key: str) -> tuple[str, ...]:
        items = field_value(meta, key, as_texts, shown) or []
        return tuple(flat(v) for v in items if v.strip())

    return Brief(
        title=flat(title) if title else None,
        body=tuple(flat(line) for line in text.split("\n") if line.strip())
        if lines_are_paragraphs else tuple(plain_paragraphs(text)),
        date=date,
        draft=True if field_value(meta, "draft", as_flag, shown) else None,
        byline=text_or_none("byline", "author"),
        categories=strings("categories"),
        tags=strings("tags"),
        summary=text_or_none("summary"),
        description=text_or_none("description"),
        site_name=text_or_none("site_name", "outlet"),
        url=text_or_none("url"),
        lang=text_or_none("lang"),
    )


def _blank(value: object) -> bool:
    """A field left out or left empty: it gives nothing."""
    return value is None or value == ""


def chosen_name(meta: dict[str, Any], key: str, alias: str | None, shown: str) -> str:
    """The name a seed's front matter or a sidecar (``shown``) gives the field ``key``
    under: its own, or its everyday ``alias`` (``outlet`` for ``site_name``) when only
    that one holds a value. Values under both names are an error, as one would be lost
    without a word; a blank one gives nothing, so it is no clash."""
    if alias is None or _blank(meta.get(alias)):
        return key
    if not _blank(meta.get(key)):
        raise SeedError(shown, f"gives both {key} and {alias}, which mean the same: keep one",
                        field=alias)
    return alias


def field_value(meta: dict[str, Any], key: str, read: Callable[[object], T],
                shown: str) -> T | None:
    """``meta[key]`` read by ``read`` (``None`` when absent or empty); a value of the
    wrong kind is an error of the file ``shown`` (the seed, its sidecar), naming the field."""
    value = meta.get(key)
    if _blank(value):
        return None
    try:
        return read(value)
    except ValueError as exc:
        raise SeedError(shown, str(exc), field=key) from exc


def _front_matter(source: str, shown: str) -> dict[str, Any]:
    try:
        meta = yaml_load.load_mapping(source, FRONT_KEYS + TOOL_KEYS, noun="front matter",
                                      label="front matter", first_line=2)
    except yaml_load.MappingError as exc:
        raise SeedError(shown, str(exc)) from exc
    for theirs, ours in TOOL_NAMES.items():
        if meta.get(ours) in (None, "") and meta.get(theirs) not in (None, ""):
            meta[ours] = meta[theirs]
    return meta


def plain_paragraphs(text: str) -> list[str]:
    """The visible text of rendered Markdown, one item per block."""
    rendered = markdown.markdown(bounded(text), extensions=["tables"], output_format="html")
    tree = parse(f"<html><body>{rendered}</body></html>")
    if tree is None:
        return []
    strip_invisible(tree)
    # Every block on a line of its own, text between blocks too: inline HTML that breaks
    # a paragraph (a <div> inside a <p>) leaves words outside any block, and they count.
    return visible_lines(tree, _LINE_TAGS)
