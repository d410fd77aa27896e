"""Loaded language: words that take a side, found for the editor.

The lexicon is ``briefs/data/loaded.json`` (term and pattern). ``find_loaded`` lists
each term once, with the first sentence that uses it, for the ``review`` field.

The rule for the summary and the key points (``allowed``): a loaded term may appear in
them only *inside a direct quotation* or *inside an attributed clause* (the words
reported after ``X said/reported that``, or a sentence carrying ``according to X``),
where the reader can see whose words they are. Anywhere else (the outlet's own
narration, or the name of the speaker: "resistance factions pledged ...") the sentence
is not used as it stands: ``neutralise`` first replaces the terms that have plain
equivalents in the lexicon's ``neutral`` list (``resistance groups`` becomes ``armed
groups``, ``occupation forces`` becomes ``forces``: no fact added or lost); failing
that, ``trim_loaded`` tries to drop a trailing clause that holds the term (", which
...", ", following ..."), and when that fails too the composer chooses another
sentence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from briefs.compose.attribution import Attribution, find_attribution
from briefs.prefilter import may_match, needed_strings

Span = tuple[int, int]


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The terms, and one pattern with a group per term (group ``t3`` is term 3)."""
    data = json.loads(resources.files("briefs").joinpath("data/loaded.json").read_text("utf-8"))
    terms = tuple(t["term"] for t in data["terms"])
    pattern = "|".join(f"(?P<t{i}>{t['pattern']})" for i, t in enumerate(data["terms"]))
    return terms, re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def needed() -> tuple[str, ...] | None:
    """What ``loaded_spans`` looks for first (``needed_strings`` of the lexicon)."""
    return needed_strings(lexicon()[1])


@lru_cache(maxsize=1)
def neutral_wording() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, replacement) pairs that say the same thing without taking a side."""
    data = json.loads(resources.files("briefs").joinpath("data/loaded.json").read_text("utf-8"))
    return tuple((re.compile(n["pattern"], re.IGNORECASE), n["replace"])
                 for n in data.get("neutral", ()))


@lru_cache(maxsize=1)
def _neutral_needed() -> tuple[str, ...] | None:
    """The ``needed_strings`` of all the neutral-wording patterns."""
    found: set[str] = set()
    for pattern, _replacement in neutral_wording():
        strings = needed_strings(pattern)
        if strings is None:
            return None
        found.update(strings)
    return tuple(sorted(found))


def neutral_text(text: str) -> str:
    """``text`` with every loaded term that has neutral words, outside direct
    quotations, put in those words (and "a"/"an" agreeing)."""
    if not may_match(text, _neutral_needed()):
        return text
    quoted = quoted_spans(text)
    found = []
    for pattern, replacement in neutral_wording():
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in quoted):
                found.append((start, end, match.expand(replacement)))
    pieces, cursor = [], 0
    for start, end, words in sorted(found):
        if start < cursor:
            continue  # overlapping matches: the first one wins
        pieces += [_article_for(text[cursor:start], words), words]
        cursor = end
    return "".join(pieces) + text[cursor:]


def neutralise(text: str, attribution: Attribution | None) -> str | None:
    """``text`` in neutral words (``neutral_text``), or ``None`` when there was nothing
    to replace or the result is still not fair (``allowed``).

    Only a quotation keeps a speaker's own words: an attributed clause ("X reported
    that ... occupation forces ...") is the outlet's paraphrase, so it is softened too.
    """
    result = neutral_text(text)
    if result == text:
        return None
    return result if allowed(result, find_attribution(result)) else None


_ARTICLE = re.compile(r"\b([Aa])(n?)(\s+)$")


def _article_for(before: str, words: str) -> str:
    """``before`` with a closing "a"/"an" agreeing with ``words`` ("an illegal base"
    becomes "a base")."""
    match = _ARTICLE.search(before)
    if not match:
        return before
    vowel = words[:1].lower() in "aeiou"
    return before[:match.start()] + match[1] + ("n" if vowel else "") + match[3]


@lru_cache(maxsize=4096)
def loaded_spans(text: str) -> tuple[tuple[str, Span], ...]:
    """Every loaded term in ``text`` with its span, in order."""
    terms, pattern = lexicon()
    if not may_match(text, needed()):
        return ()
    return tuple((terms[int(str(m.lastgroup)[1:])], m.span()) for m in pattern.finditer(text))


def find_loaded(sentences: list[str]) -> list[dict[str, str]]:
    """``[{term, sentence}]``: each loaded term once, with its first sentence."""
    seen: dict[str, dict[str, str]] = {}
    for sentence in sentences:
        for term, _span in loaded_spans(sentence):
            seen.setdefault(term, {"term": term, "sentence": sentence})
    return list(seen.values())


_QUOTED = re.compile(r"[“\"]([^”\"]{2,})[”\"]")


def quoted_spans(text: str) -> list[Span]:
    return [m.span() for m in _QUOTED.finditer(text)]


def allowed(text: str, attribution: Attribution | None) -> bool:
    """True when every loaded term in ``text`` is quoted or inside the attributed clause."""
    covered = quoted_spans(text)
    if attribution is not None and attribution.clause is not None:
        covered.append(attribution.clause)
    return all(any(a <= start and end <= b for a, b in covered)
               for _term, (start, end) in loaded_spans(text))


_TRAILING_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|following|after|amid|as|while|where|when|prompting|"
    r"triggering|sparking|in what|better known as)\b")


def trim_loaded(text: str) -> str | None:
    """``text`` without the trailing clause that holds its loaded terms, or ``None``.

    Cuts at the earliest clause boundary (", which", ", following", ...) before the
    first loaded term; the rest must still be a sentence of at least eight words.
    """
    spans = loaded_spans(text)
    if not spans:
        return text
    first = spans[0][1][0]
    cuts = [m.start() for m in _TRAILING_CLAUSE.finditer(text) if m.start() < first]
    if not cuts:
        return None
    cut = cuts[-1]
    head = text[:cut].rstrip(" ,;:—–-")
    if len(head.split()) < 8 or loaded_spans(head) or head.count("“") != head.count("”") \
            or head.count('"') % 2:
        return None
    return head + "."
