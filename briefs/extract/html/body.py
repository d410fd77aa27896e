"""The article text as plain paragraphs, from trafilatura's XML result.

trafilatura's own text output marks list items with ``- `` and table cells with ``|``;
a brief's body is plain text, one item per paragraph, so the XML is walked here:
paragraphs, headings, quotes, list items and table rows each become one paragraph
(a ``<br>`` splits a paragraph), cells of a row are joined with `` · ``, and blocks with
no letter or digit are dropped. ``without_widgets`` then drops the short paragraphs that
the text dumps' lexicon calls page junk ("Order Reprints", "Print Article", a copyright
line), which trafilatura sometimes keeps at the end of an article.

A page whose scripts fill in the article (saved before they ran, or without them) shows
no text; its JSON-LD ``articleBody`` may still hold it (:func:`declared_text`).
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from briefs.extract.html import metadata as md
from briefs.extract.html.page import LINE_TAGS, block_lines, flat, parse, strip_invisible
from briefs.extract.text import lexicon

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


def declared_text(articles: list[dict[str, Any]], title: str | None) -> list[str]:
    """The article's paragraphs as its JSON-LD ``articleBody`` gives them: of the article
    objects, the one whose headline is ``title``, else the one with the longest text.
    Plain text is cut at its line breaks; markup is read as a page's visible lines (what
    its scripts or styles hide is not text). Empty when no object holds
    ``DECLARED_MIN_WORDS`` words."""
    bodies = [(obj, obj["articleBody"]) for obj in articles
              if isinstance(obj.get("articleBody"), str)]
    if not bodies:
        return []
    named = [text for obj, text in bodies if title and md.same(md.ld_text(obj, "headline"),
                                                                title)]
    text = named[0] if named else max((text for _, text in bodies), key=len)
    if _MARKUP.search(text):
        tree = parse(f"<html><body><div>{text}</div></body></html>")
        if tree is None:
            return []
        strip_invisible(tree)
        lines = block_lines(tree.find(".//body"), LINE_TAGS)
    else:
        lines = [flat(html_lib.unescape(line)) for line in text.splitlines()]
    paras = without_widgets([line for line in lines if any(ch.isalnum() for ch in line)])
    return paras if sum(len(p.split()) for p in paras) >= DECLARED_MIN_WORDS else []
