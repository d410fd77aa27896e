"""A page scraped as Markdown, read as the text dump of the same page.

Scrapers that feed language models (Jina Reader, Firecrawl, crawl4ai and their kind)
save a whole page as Markdown: the menus as lists of links (``- [World](/world)``),
the headline as ``# ...``, images as ``![alt](src)``, the footer. Read as a dump, the
link targets and markers count as words and no line is the headline as printed; read
as an author's Markdown, the menus and footer are the article. So such a file is
rendered (Python-Markdown) and its visible text taken block by block, one line each,
inline links run together, exactly as a dump of the page prints it; the text-dump
extractor then reads it.

Jina Reader's header (``Title:``, ``URL Source:``, ``Published Time:`` before
``Markdown Content:``) gives the page's address, date and title; the title is used
only when no line of the page reads as the headline.
"""

from __future__ import annotations

import re

from briefs.extract.dates import parse_date
from briefs.record import Brief

# A Markdown link or image: "[text](target)", "![alt](src)", "[text](target "title")".
_LINK = re.compile(r"!?\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+\S")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}\.\s+|#{1,6}\s+|>\s*)")
MIN_LINES = 5  # Markdown: at least this many lines with a link, an image or a heading ...
MIN_SHARE = 0.1  # ... and this share of the non-empty lines
# A scraped page, not an author's Markdown file: this many lines that are links and
# nothing else, this share of its lines, and either a menu's worth of them before the
# first line of prose or several lists of them (menus, a footer): an author's list of
# sources or further reading is one list, after the text.
MENU_LINES, MENU_SHARE = 8, 0.15
TOP_MENU, PROSE_WORDS = 3, 10
MENUS = 3
_READER_HEADER = re.compile(
    r"\A(?:(?:Title|URL Source|Published Time|Description|Warning):[^\n]*\n+){1,8}"
    r"Markdown Content:[ \t]*\n", re.IGNORECASE)
_HEADER_FIELD = re.compile(r"^(Title|URL Source|Published Time):[ \t]*(.*)$",
                           re.IGNORECASE | re.MULTILINE)


def _counts(text: str) -> tuple[int, int, int, int, int]:
    """Non-empty lines, lines with Markdown's link, image or heading syntax, lines that
    are links and nothing else (a menu's), how many of those come before the first line
    of prose, and how many runs of them the page has."""
    lines = marked = links_only = top = runs = 0
    prose = in_run = False
    for line in text.split("\n"):
        if not line.strip():
            continue
        lines += 1
        has_link = "](" in line and _LINK.search(line) is not None
        if has_link or _HEADING.match(line):
            marked += 1
        if has_link and len(_MARKER.sub("", _LINK.sub("", line)).strip()) <= 2:
            links_only += 1
            top += not prose
            runs += not in_run
            in_run = True
            continue
        in_run = False
        if not prose and not _MARKER.match(line) and len(line.split()) >= PROSE_WORDS:
            prose = True
    return lines, marked, links_only, top, runs


def reads_as_markdown(text: str) -> bool:
    """A text seed written in Markdown (a dump prints a link's text, never its target)."""
    if _READER_HEADER.match(text):
        return True
    lines, marked, *_ = _counts(text)
    return marked >= MIN_LINES and marked >= MIN_SHARE * lines


def scraped_page(text: str) -> bool:
    """A Markdown seed that is a whole page (its menus lines of links), not an article
    its author wrote: read as a dump, not as Markdown."""
    if _READER_HEADER.match(text):
        return True
    lines, _, links_only, top, runs = _counts(text)
    return links_only >= MENU_LINES and links_only >= MENU_SHARE * lines \
        and (top >= TOP_MENU or runs >= MENUS)


def as_dump(text: str) -> tuple[str, Brief]:
    """The page's visible text as a dump (a block per line, a blank line between), and
    what a reader's header says of it (``url``, ``date``, ``title``; else empty)."""
    from briefs.extract.markdown import plain_paragraphs

    header = Brief()
    found = _READER_HEADER.match(text)
    if found:
        fields = {k.casefold(): v.strip() for k, v in _HEADER_FIELD.findall(found.group())}
        header = Brief(title=fields.get("title") or None,
                       url=fields.get("url source") or None,
                       date=parse_date(fields.get("published time", "")))
        text = text[found.end():]
    return "\n\n".join(plain_paragraphs(text)), header
