"""Key points: three to five sentences of the article, each saying who says so.

Candidates are the usable sentences (``summary.usable``: real sentences, fair wording)
outside the summary. Each is scored; the best are kept, in article order:

- +3 when it is attributed (a named speaker, or an anaphor resolved to one), since a
  point should carry who said it; an anaphor that cannot be resolved rules it out;
- +1 for a number (counts, casualties, sums), +0.5 for each place, organisation,
  country or person named (at most +2), +1 when it shares words with the headline;
- a small bonus for being early in the article (news puts the important first);
- a sentence that repeats the summary or an earlier point (most words shared) is out.

A resolved anaphor is spelled out (``The sources said`` -> ``Local sources cited by
SANA said``); no other word is changed.
"""

from __future__ import annotations

import re

from briefs.compose.analysis import Sentence
from briefs.compose.attribution import spell_out
from briefs.compose.sentences import count_words
from briefs.compose.summary import usable

MAX_POINTS = 5
MIN_POINTS = 3
MAX_WORDS = 70
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                     r"dozens?|hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]{4,}")


def key_points(sentences: list[Sentence], title: str, names: list[str],
               skip: list[int]) -> list[str]:
    """Up to five points, in article order; ``skip`` are the summary's sentences."""
    title_words = {w.casefold() for w in _WORD.findall(title)}
    taken = [_words(s.text) for s in sentences if s.index in skip]
    scored: list[tuple[float, int, str]] = []
    total = max(len(sentences), 1)
    for sentence in sentences:
        if sentence.index in skip:
            continue
        a = sentence.attribution
        if a is not None and a.anaphor and not a.resolved:
            continue
        text = usable(sentence)
        if text is None or count_words(text) > MAX_WORDS:
            continue
        if a is not None:
            text = spell_out(text, a)
        score = 3.0 if a is not None else 0.0
        score += 1.0 if _NUMBER.search(text) else 0.0
        score += min(2.0, 0.5 * sum(map(text.__contains__, names)))
        score += 1.0 if len(title_words & _words(text)) >= 2 else 0.0
        score += 1.0 - sentence.index / total
        scored.append((score, sentence.index, text))
    chosen: list[tuple[int, str]] = []
    for score, index, text in sorted(scored, key=lambda s: (-s[0], s[1])):
        if len(chosen) >= MAX_POINTS or (len(chosen) >= MIN_POINTS and score < 3.0):
            break
        words = _words(text)
        if any(_overlap(words, other) > 0.6 for other in taken):
            continue
        taken.append(words)
        chosen.append((index, text))
    return [text for _, text in sorted(chosen)]


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))
