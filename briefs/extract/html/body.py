"""The article text as plain paragraphs, from trafilatura's XML result.

trafilatura's own text output marks list items with ``- `` and table cells with ``|``;
a brief's body is plain text, one item per paragraph, so the XML is walked here:
paragraphs, headings, quotes, list items and table rows each become one paragraph
(a ``<br>`` splits a paragraph), cells of a row are joined with `` · ``, and blocks with
no letter or digit are dropped. ``without_widgets`` then drops the short paragraphs that
the text dumps' lexicon calls page junk ("Order Reprints", "Print Article", a copyright
line), which trafilatura sometimes keeps at the end of an article.

A page whose scripts fill in the article (saved before they ran, or without them) shows
no text; its JSON-LD ``articleBody`` may still hold it (:func:`declared_text`), or the
data it streams to its scripts (:func:`streamed_text`).
"""

from __future__ import annotations

import contextlib
import html as html_lib
import json
import re
from typing import Any

from briefs.extract.html import metadata as md
from briefs.extract.html.page import LINE_TAGS, block_lines, flat, parse, strip_invisible
from briefs.extract.text import lexicon
from briefs.extract.text.blocks import CJK

# "lb" (a <br>) ends a line as a block does
_BLOCKS = frozenset({"p", "head", "quote", "code", "item", "list", "row", "table",
                     "div", "section", "article", "body", "graphic", "lb"})
_CELL_SEPARATOR = " · "


def paragraphs(body: Any) -> list[str]:
    """Plain-text paragraphs of a trafilatura ``<body>`` element, in order."""
    lines = block_lines(body, _BLOCKS, cells=("cell", _CELL_SEPARATOR))
    return [line for line in lines if any(ch.isalnum() for ch in line)]


WIDGET_WORDS = 15  # a widget's line is short; a longer paragraph is kept whatever it says


def without_widgets(paras: list[str]) -> list[str]:
    """``paras`` without the short ones that are page junk (a share, print, reprint,
    newsletter, cookie, copyright or error line, a video player's controls, a photo
    credit)."""
    return [p for p in paras if len(p.split()) > WIDGET_WORDS or not (
        lexicon.is_junk_line(p) or lexicon.is_player_line(p) or lexicon.is_credit(p))]


_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")
DECLARED_MIN_WORDS = 25  # a declared text this short is a teaser, not the article
# A template's placeholder left in the text ("$$ARTICLEAD$$", "{{AD_SLOT}}")
_PLACEHOLDER = re.compile(r"^[^\w\s]{1,3}[A-Z0-9_]{2,}[^\w\s]{1,3}$")


def _size(paras: list[str]) -> int:
    """Words, a Chinese, Japanese or Korean character counting as one."""
    return sum(len(p.split()) + len(CJK.findall(p)) for p in paras)


def _as_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text a page's data holds: markup read as a page's visible lines
    (what its scripts or styles hide is not text), plain text cut at its line breaks."""
    if _MARKUP.search(text):
        tree = parse(f"<html><body><div>{text}</div></body></html>")
        if tree is None:
            return []
        strip_invisible(tree)
        lines = block_lines(tree.find(".//body"), LINE_TAGS)
    else:
        lines = [flat(html_lib.unescape(line)) for line in text.splitlines()]
    return without_widgets([line for line in lines if any(ch.isalnum() for ch in line)
                            and not _PLACEHOLDER.match(line)])


def declared_text(articles: list[dict[str, Any]], title: str | None) -> list[str]:
    """The article's paragraphs as its JSON-LD ``articleBody`` gives them: of the article
    objects, the one whose headline is ``title``, else the one with the longest text.
    Empty when it holds fewer than ``DECLARED_MIN_WORDS`` words."""
    bodies = [(obj, obj["articleBody"]) for obj in articles
              if isinstance(obj.get("articleBody"), str)]
    if not bodies:
        return []
    named = [text for obj, text in bodies if title and md.same(md.ld_text(obj, "headline"),
                                                                title)]
    paras = _as_paragraphs(named[0] if named else max((text for _, text in bodies), key=len))
    return paras if _size(paras) >= DECLARED_MIN_WORDS else []


# Next.js streams a page's data to its scripts as React Server Components rows, in
# ``self.__next_f.push([1, "..."])`` calls: "<id>:<JSON>\n", or, for a long text (the
# article's HTML, which a script sets into the page), "<id>:T<length in bytes, hex>,<text>"
# with no line break after it.
_RSC_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\]\)')
_RSC_TEXT_ROW = re.compile(rb"[0-9a-f]{1,8}:T([0-9a-f]{1,8}),")
MAX_TEXT_ROWS = 200


def _text_rows(payload: bytes) -> list[str]:
    """The texts of the text rows of a React Server Components ``payload``, in order."""
    texts: list[str] = []
    pos = 0
    while pos < len(payload) and len(texts) < MAX_TEXT_ROWS:
        row = _RSC_TEXT_ROW.match(payload, pos)
        if row is None:  # a row of JSON: it ends at its line break
            nl = payload.find(b"\n", pos)
            pos = len(payload) if nl < 0 else nl + 1
            continue
        end = row.end() + int(row.group(1), 16)
        texts.append(payload[row.end():end].decode("utf-8", "replace"))
        pos = end
    return texts


def streamed_text(html: str) -> list[str]:
    """The article's paragraphs from the data a Next.js page streams to its scripts, for
    a page that renders its article only once they run: of the text rows that hold
    markup, the one with the most words. Empty when none holds ``DECLARED_MIN_WORDS``."""
    if "__next_f" not in html:
        return []
    pieces = []
    for push in _RSC_PUSH.finditer(html):
        with contextlib.suppress(ValueError):
            pieces.append(json.loads(push.group(1)))
    payload = "".join(p for p in pieces if isinstance(p, str)).encode("utf-8", "replace")
    best: list[str] = []
    for text in _text_rows(payload):
        if _MARKUP.search(text):
            paras = _as_paragraphs(text)
            if _size(paras) > _size(best):
                best = paras
    return best if _size(best) >= DECLARED_MIN_WORDS else []
