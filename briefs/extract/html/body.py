"""The article text as plain paragraphs, from trafilatura's XML result.

trafilatura's own text output marks list items with ``- `` and table cells with ``|``;
a brief's body is plain text, one item per paragraph, so the XML is walked here:
paragraphs, headings, quotes, list items and table rows each become one paragraph
(a ``<br>`` splits a paragraph), cells of a row are joined with `` · ``, and blocks with
no letter or digit are dropped. ``without_widgets`` then drops the short paragraphs that
the text dumps' lexicon calls page junk ("Order Reprints", "Print Article", a copyright
line), which trafilatura sometimes keeps at the end of an article.
"""

from __future__ import annotations

from typing import Any

from briefs.extract.html.page import block_lines
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
