"""Choose the headline: a short line shortly before the body whose words the body repeats.

Candidates are the lines in the header zone before the body run (and its first lines).
Each is scored on: a headline's length; no full stop at the end; closeness to the body
(counting only lines that are not bylines, dates, credits or widgets); the share of its
content words found in the article's opening; and whether the page repeats it (a title
echoed in a breadcrumb or a share box).
"""

from __future__ import annotations

import re
from collections import Counter

from briefs.extract.text import lexicon
from briefs.extract.text.blocks import Block, tokens

# A sentence's full stop (not an abbreviation's, as in "N.Y.C.", nor an ellipsis).
_FULL_STOP = re.compile(r"(?:^|\s)[^\s.]{2,}\.$")
LOOKBACK = 60
FAR_CAP = 3.0  # the most distance costs a line followed by a byline or date
INTO_RUN = 8  # a line this far into the run, followed by a byline or date, may be it


def _is_meta(block: Block, meta: set[int]) -> bool:
    return (block.junk or block.credit or block.time_only or block.index in meta
            or block.words <= 2)


def _eligible(block: Block, meta: set[int]) -> bool:
    if block.junk or block.credit or block.time_only or block.end or block.index in meta:
        return False
    return 3 <= block.words <= 40 and len(block.text.split()) >= 3 and len(block.text) <= 300


def choose(blocks: list[Block], start: int, stop: int, meta: set[int],
           stopwords: frozenset[str]) -> int | None:
    """Index of the headline block, or ``None`` when no line fits."""
    scored = candidates(blocks, start, stop, meta, stopwords)
    if not scored:
        return None
    score, index = max(scored)
    # A headline is often followed by its standfirst, which shares its words: when the
    # winner reads like a standfirst and a shorter candidate sits just above, take that.
    by_index = dict((i, sc) for sc, i in scored)
    above = _previous(blocks, index, meta)
    if above is not None and above in by_index and by_index[above] >= max(2.0, score - 4.5) \
            and _standfirst_like(blocks[index]) and not _FULL_STOP.search(blocks[above].text) \
            and (blocks[above].words < blocks[index].words
                 or not _standfirst_like(blocks[above])):
        return above
    return index


def _previous(blocks: list[Block], index: int, meta: set[int]) -> int | None:
    """The nearest block above ``index`` that is not a byline, date, credit or widget."""
    for j in range(index - 1, max(-1, index - 4), -1):
        if not (blocks[j].junk or blocks[j].credit or blocks[j].time_only or j in meta):
            return j
    return None


def _standfirst_like(block: Block) -> bool:
    text = block.text.rstrip()
    if block.words < 10:
        return False
    return ". " in text or bool(_FULL_STOP.search(text)) or block.words >= 18 \
        or (", " in text and block.words >= 12)


def candidates(blocks: list[Block], start: int, stop: int, meta: set[int],
               stopwords: frozenset[str]) -> list[tuple[float, int]]:
    """``(score, index)`` of every headline candidate."""
    opening = _opening(blocks, start, stop)
    texts = Counter(" ".join(b.text.casefold().split()) for b in blocks)
    lo = max(0, start - LOOKBACK)
    out: list[tuple[float, int]] = []
    distance = 0
    # Lines after an end-of-article heading ("Related", "Sur le même sujet") and before
    # the body are a box of links to other articles.
    ends = [i for i in range(lo, start) if blocks[i].end]
    box_from = ends[-1] if ends else start
    for i in range(min(stop, start + INTO_RUN) - 1, lo - 1, -1):
        block = blocks[i]
        if i < start and not _is_meta(block, meta):
            distance += 1
        followed = any(j in meta for j in range(i + 1, i + 4))
        if not _eligible(block, meta) or (i >= start + 2 and not followed):
            continue
        seen = opening if i < start else _opening(blocks, i + 1, stop)
        far = 0.5 * max(0, distance - 1)
        if followed:
            # A byline or date follows the headline; such a header block may sit far above
            # the text (a spec box, a gallery or a video in between), so distance counts less.
            far = min(far, FAR_CAP)
        score = _score(block, blocks, texts, seen, stopwords) - far
        if followed:
            score += 2.5
        if box_from < i < start:
            score -= 3.0
        out.append((score, i))
    return out


def _opening(blocks: list[Block], start: int, stop: int) -> Counter[str]:
    """The words of the article's first lines."""
    return Counter(t for b in blocks[start : min(stop, start + 30)] if b.prose
                   for t in tokens(b.text))


def _score(block: Block, blocks: list[Block], texts: Counter[str], opening: Counter[str],
           stopwords: frozenset[str]) -> float:
    score = 0.0
    text = block.text.strip()
    if 4 <= block.words <= 22:
        score += 2.0
    elif block.words <= 30:
        score += 1.0
    if _FULL_STOP.search(text):
        score -= 3.0
    elif text.endswith(":"):
        score -= 1.0
    if text[:1].islower():
        score -= 3.0
    if block.prose:
        score -= 1.5
    if block.words > 18:
        score -= 0.2 * (block.words - 18)
    if block.stop_ratio > 0.4:
        score -= 5.0 * (block.stop_ratio - 0.4)
    if text.count(",") >= 3 or (re.match(r"^\w+( \w+)?:\s", text) and text.count(",") >= 2):
        score -= 3.0  # a list: tags, topics, names
    content = [t for t in tokens(text) if t not in stopwords and not t.isdigit()]
    if content:
        shared = len({t for t in content if opening[t] > 0})
        score += 3.0 * shared / len(set(content)) + 0.5 * min(shared, 6)
    key = " ".join(text.casefold().split())
    if texts[key] > 1 or any(key in " ".join(b.text.casefold().split()) and b is not block
                             and len(b.text) < 3 * len(text) for b in blocks
                             if len(b.text) > len(text)):
        score += 2.0
    return score


STANDFIRST_WORDS = (8, 80)


def standfirst(blocks: list[Block], head: int, start: int, meta: set[int]) -> int | None:
    """The deck under the headline: the first line after it (bylines, dates, credits and
    widgets aside) that reads as one or two sentences and is set apart from the text,
    either above the body run or above the byline/date block. ``None`` when the article
    opens straight with its text (a dateline paragraph is text, not a standfirst)."""
    title = blocks[head].text
    for i in range(head + 1, min(len(blocks), head + 6)):
        block = blocks[i]
        if _is_meta(block, meta) or block.text == title:
            continue
        low, high = STANDFIRST_WORDS
        if not low <= block.words <= high or block.text[:1].islower() \
                or _DATELINE.match(block.text) or block.end or block.stop_ratio < 0.1 \
                or lexicon.has_call_to_action(block.text):
            return None
        after = blocks[i + 1 : i + 4]
        if i < start or any(b.index in meta for b in after[:2]):
            return i
        return None
    return None


_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{1,40}(,\s*[\w .]{2,30})?\s*(\([^)]{1,30}\))?\s*"
                       r"(--|[-–—])\s")
