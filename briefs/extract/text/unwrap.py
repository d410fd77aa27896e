"""Join the lines a hard-wrapped dump broke inside a paragraph.

A dump made with ``lynx -dump`` or ``w3m -dump``, an article sent as e-mail, or a page
whose text is broken by ``<br>`` at a fixed width holds its paragraphs as lines of at
most some width ``W`` (72 to 80 characters, mostly), each broken where the next word
would not have fitted. Read line by line, such a page has no paragraph long enough to
read as the article, and its headline may be split in two (the team corpus wrapped at
76 columns: body F1 0.20, headline 14 of 47; joined again: 0.969 and 43, as unwrapped).

The width is found from the page itself: the ``W`` at which most lines end where the
next line's first word would have passed it. The page counts as wrapped only when such
breaks are many, end a good share of its lines, are often followed by a line going on
in lower case, and hardly any line is longer than ``W`` (a normal dump's paragraphs
are one line each, hundreds of characters long; of 1,650 dumps of real pages, only an
RFC and two blogs wrapped by hand pass). Then a line ending such a break is joined to
the next: within a group of lines with no blank line between them when the dump has
such groups (``lynx``: a blank line ends a paragraph); else across the blank line that
follows every line (a dump of ``<br>`` lines), and only inside a sentence. Lines longer
than ``W``, short lines (a menu, a headline's end, a paragraph's last line), list
items and Chinese, Japanese or Korean lines stay as they are.

``lynx -dump`` also numbers each link ("the [12]council said"): on a page with many such
numbers and lynx's list of addresses under "References", the numbers go first.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from briefs.extract.text import meta
from briefs.extract.text.blocks import CJK

MIN_WIDTH, MAX_WIDTH = 40, 120  # widths tried
BAND = 25  # a line broken by the wrap is at least W - BAND long
SLACK = 10  # a text wrapped by hand goes a few characters past its width
MIN_BREAKS = 6  # wrapped: at least this many breaks, ...
BREAK_SHARE = 0.4  # ... among the lines in the band followed by another, ...
LOWER_SHARE = 0.3  # ... after which the next line often goes on in lower case, ...
LONG_SHARE = 0.2  # ... ending this share of the lines of 20+ characters at least, ...
LONGER_SHARE = 0.15  # ... and at most this share of the lines of 20+ characters longer
# than W + SLACK (a <br> page's comments or footer may be one long line each)
_ITEM = re.compile(r"^(?:[*•·▪◦‣+-]|\d{1,3}[.)]|\[\d+\])\s")  # a list item or a link note
_FIRST_WORD = re.compile(r"\S+")
# The first letter of a line, after an opening quote or bracket.
_FIRST_LETTER = re.compile(r"^[\"'“‘(\[]?([^\W\d_])")
# Where a blank line follows every line, a break inside a sentence only: the next line
# goes on in lower case, or the line ends on a comma, a dash or a short word in lower
# case ("to", "of", "la"), which a headline or a paragraph hardly ends on.
_OPEN_END = re.compile(r"(?:[,;–—-]|(?:^|\s)[^\W\d_]{1,3})$")


class _Pair:
    """Two lines that follow each other: ``glued`` when no blank line is between them;
    ``usable`` when the second is no list item and the first is not Chinese, Japanese or
    Korean (not wrapped at a space); ``counted`` (as evidence of a wrap) when besides the
    second is no line the page prints again (a teaser's "more ...", each under a title)."""

    __slots__ = ("counted", "first", "glued", "lower", "next_word", "second", "usable")

    def __init__(self, first: str, second: str, glued: bool, repeated: bool) -> None:
        self.first = first
        self.second = second
        self.glued = glued
        word = _FIRST_WORD.match(second)
        self.next_word = len(word.group()) if word else 0
        letter = _FIRST_LETTER.match(second)
        self.lower = bool(letter and letter.group(1).islower())
        self.usable = not (_ITEM.match(second) or CJK.search(first))
        self.counted = self.usable and not repeated

    def broken_at(self, width: int) -> bool:
        """The first line ends where a wrap at ``width`` would have broken it: the next
        word would not have fitted."""
        size = len(self.first)
        return self.usable and width - BAND <= size <= width \
            and size + 1 + self.next_word > width

    def goes_on(self, width: int) -> bool:
        """A line of about ``width`` whose sentence the next line continues in lower
        case: a text wrapped by hand, where the next word might have fitted."""
        return self.usable and self.lower and width - BAND <= len(self.first) <= width + SLACK

    def inside_sentence(self) -> bool:
        return self.lower or bool(_OPEN_END.search(self.first)
                                  and not self.first.rsplit(None, 1)[-1][:1].isupper())


def _byline(pair: _Pair, width: int) -> bool:
    """The second line is a short "by ..." line under a headline ("by: Laurie Oakes"),
    which a page that leaves a blank line after every line cannot tell from a wrap by
    its place alone."""
    return len(pair.second) < width - BAND and pair.second[:2].casefold() == "by" \
        and meta.find_byline(pair.second) is not None


def _width(pairs: list[_Pair], sizes: list[int]) -> int | None:
    """The wrap width of the page, or ``None`` when the page is not hard-wrapped."""
    long_lines = [s for s in sizes if s >= 20]
    if len(pairs) < MIN_BREAKS or not long_lines:
        return None
    # a pair is broken at every width from its first line's length up to the width at
    # which the next word would have fitted (and at most BAND past it): count them all
    # at once, as steps of a running sum over the widths
    steps = [0] * (MAX_WIDTH + 2)
    for pair in pairs:
        size = len(pair.first)
        if size > MAX_WIDTH or not pair.counted:
            continue
        low = max(size, MIN_WIDTH)
        high = min(size + BAND, size + pair.next_word, MAX_WIDTH)
        if low <= high:
            steps[low] += 1
            steps[high + 1] -= 1
    best: tuple[int, int] = (0, 0)
    running = 0
    for width in range(MAX_WIDTH + 1):
        running += steps[width]
        if running >= best[0]:  # (of equal counts, the widest)
            best = (running, width)
    breaks, width = best
    if breaks < MIN_BREAKS:
        return None
    lower = sum(p.lower for p in pairs if p.counted and p.broken_at(width))
    in_band = sum(width - BAND <= len(p.first) <= width for p in pairs if p.counted)
    longer = sum(s > width + SLACK for s in long_lines)
    if breaks < BREAK_SHARE * in_band or lower < LOWER_SHARE * breaks \
            or breaks < LONG_SHARE * len(long_lines) \
            or longer > LONGER_SHARE * len(long_lines):
        return None
    return width


# ``lynx -dump`` numbers each link ("the [12]council said") and lists the addresses
# under "References" at the end: the numbers go when a page has many of them and such
# a list (or a great many of them).
_LINK_NUMBER = re.compile(r"\[\d{1,4}\]")
_REFERENCES = re.compile(r"^(?:References|Visible links)$", re.MULTILINE)
LINK_NUMBERS, MANY_LINK_NUMBERS = 5, 20


def _without_link_numbers(text: str) -> str:
    found = len(_LINK_NUMBER.findall(text))
    if found >= MANY_LINK_NUMBERS or (found >= LINK_NUMBERS and _REFERENCES.search(text)):
        return _LINK_NUMBER.sub("", text)
    return text


def lines(text: str) -> list[str]:
    """The non-empty lines of cleaned ``text``, with the lines of a hard-wrapped
    paragraph joined into one (and a text browser's link numbers taken out)."""
    raw = _without_link_numbers(text).split("\n")
    kept = [line for line in raw if line]
    if len(kept) <= MIN_BREAKS:
        return kept
    # (list items, a menu's or a list of references, are not the text's lines)
    sizes = [len(line) for line in kept if not _ITEM.match(line)]
    long_lines = [size for size in sizes if size >= 20]
    if sum(size > MAX_WIDTH + SLACK for size in long_lines) > LONGER_SHARE * len(long_lines):
        return kept  # longer lines than any wrap width leaves: a dump of whole paragraphs
    # whether each non-empty line is followed by another with no blank line between
    glued = [bool(raw[k + 1]) for k, line in enumerate(raw) if line and k + 1 < len(raw)]
    grouped = any(glued)  # lynx: a blank line only between paragraphs
    count = Counter(kept)
    pairs = [_Pair(a, b, glued[k], count[b] > 1)
             for k, (a, b) in enumerate(itertools.pairwise(kept))]
    width = _width([p for p in pairs if p.glued or not grouped], sizes)
    if width is None:
        return kept
    out: list[str] = [kept[0]]
    for pair in pairs:
        if (pair.glued if grouped else pair.inside_sentence() and not _byline(pair, width)) \
                and (pair.broken_at(width) or pair.goes_on(width)):
            out[-1] = f"{out[-1]} {pair.second}"
        else:
            out.append(pair.second)
    return out
