"""Sentences of the article: a splitter that knows abbreviations and quotations.

``split_sentences`` cuts a paragraph after ``.``, ``!``, ``?`` or ``…`` (and any closing
quote or bracket) when the next word starts a sentence (in any script: ``Сейчас``,
``البشير``, ``그런데``) and after a full stop of its own script (``。``, ``।``), but not
after an abbreviation (``Mr.``, ``U.S.``, ``Jan.``), an initial (``John F. Kennedy``) or
a number's point, and not inside a quotation (a quote of two sentences stays with its speaker).
``strip_dateline`` takes a wire dateline (``CAIRO —``, ``WASHINGTON (AP) —``, ``(CNN)``)
off the front of a lead.
"""

from __future__ import annotations

import bisect
import re

# After . ! ? … (and the Arabic question mark) when the next word does not start in
# lower case: a capital or digit in any cased script (Latin, Cyrillic, Greek), or a
# letter of a script without case (Arabic, Hebrew, Hangul, Devanagari, Thai...), whose
# sentences open no other way (``_opens_sentence``). After Chinese and Japanese full
# stops (。！？) and the danda of Hindi, Bengali and their neighbours (। ॥), and the
# full stops of Urdu, Amharic, Burmese and Khmer (۔ ። ။ ។), always: those marks end
# nothing but a sentence, and Chinese and Japanese put no space after them.
# A run of points is read from its start and once (possessive): "……" by the thousand
# would otherwise be tried from each of its points, each time to its end.
_BOUNDARY = re.compile(r"(?<![.!?…؟])[.!?…؟]++[\"'”’)\]»]*+(?=\s+[\"'“‘(\[«„]?\w)|"
                       r"(?<![。！？।॥۔።။។])[。！？।॥۔።။។]++[」』”’）)»]*+(?=\s*\S)")
_CASED_MARKS = ".!?…؟"
_LAST_WORD = re.compile(r"([\w.’'-]+)$")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "maj", "cmdr", "adm", "rep", "sen", "gov", "pres", "rev", "hon", "inc", "corp", "co",
    "ltd", "vs", "v", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "calif", "fla", "ill",
    "mass", "wash", "tex", "ariz", "colo", "conn", "penn", "va", "ga", "mich", "minn",
    "approx", "dept", "est", "fig", "op", "vol", "pp", "al", "ca", "cf", "e.g", "i.e",
})
_DATELINE = re.compile(
    r"^(?:\((?:CNN|AP|AFP|Reuters)\)\s*"
    r"|[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*"
    r"(?:\([\w .]{1,20}\))?\s*[—–-]{1,2}\s+)")


# Chinese and Japanese characters: each counts as a word, as word processors count them
# (those scripts put no space between words; Korean does, and is counted by its spaces).
_HAS_WORD = re.compile(r"\w")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def count_words(text: str) -> int:
    """Words of ``text``: space-separated words, and each Chinese or Japanese character
    as one."""
    if not _CJK_CHAR.search(text):
        return len(text.split())
    cjk = len(_CJK_CHAR.findall(text))
    return cjk + sum(1 for word in _CJK_CHAR.sub(" ", text).split() if _HAS_WORD.search(word))


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, whitespace-trimmed, in order."""
    out: list[str] = []
    start = 0
    quotes = _Quotes(paragraph)
    for match in _BOUNDARY.finditer(paragraph):
        if match.group()[0] in _CASED_MARKS and not _opens_sentence(paragraph, match.end()):
            continue
        # (only the word before the point is read, not the whole piece, which grows
        # while points are passed: "A. A. A. ..." would cost the square of its length)
        low = max(start, match.start() - WORD_CHARS)
        if match.group().startswith(".") and _is_abbreviation(
                paragraph[low:match.start()], paragraph[match.end():match.end() + 8].lstrip(),
                whole=low == start):
            continue
        if quotes.open_between(start, match.end()):
            continue
        piece = paragraph[start:match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out


def _opens_sentence(paragraph: str, at: int) -> bool:
    """The word after ``at`` (past spaces and an opening quote) may open a sentence: it
    does not start with a lower-case letter (nor ``_``)."""
    rest = paragraph[at:at + 80].lstrip()
    first = rest[1:2] if rest[:1] in "\"'“‘([«„" else rest[:1]
    return not (first.islower() or first == "_")


def _is_abbreviation(before: str, after: str, whole: bool = True) -> bool:
    """The word that ends ``before`` (the piece so far, or its last ``WORD_CHARS``
    characters: ``whole`` False) is an abbreviation or an initial, not a sentence's end."""
    match = _LAST_WORD.search(before)
    if not match or (not whole and match.start() == 0):
        return False  # (a word longer than WORD_CHARS)
    word = match.group(1).lstrip("(\"'“‘")
    if len(word) == 1 and word.isalpha() and not word.islower():
        return True  # an initial: John F. Kennedy, В. Путин, and a caseless script's
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # U.S. / U.N. / e.g.
    if word.casefold() in ("no", "nos"):
        return after[:1].isdigit()  # No. 10
    return word.casefold().rstrip(".") in ABBREVIATIONS


WORD_CHARS = 64  # a longer "word" before a point is no abbreviation


_QUOTE_MARK = re.compile('[“”"]')


class _Quotes:
    """Where a paragraph's quotation marks are, to count them in any stretch at once."""

    def __init__(self, paragraph: str) -> None:
        self.at: dict[str, list[int]] = {"“": [], "”": [], '"': []}
        for found in _QUOTE_MARK.finditer(paragraph):
            self.at[found.group()].append(found.start())

    def _count(self, mark: str, start: int, end: int) -> int:
        places = self.at[mark]
        return bisect.bisect_left(places, end) - bisect.bisect_left(places, start)

    def open_between(self, start: int, end: int) -> bool:
        """A quotation opened in ``paragraph[start:end]`` is still open at its end."""
        return self._count("“", start, end) > self._count("”", start, end) \
            or self._count('"', start, end) % 2 == 1


def strip_dateline(sentence: str) -> str:
    """``CAIRO — Gunmen opened fire ...`` -> ``Gunmen opened fire ...``."""
    match = _DATELINE.match(sentence)
    if not match or len(sentence) - match.end() < 20:
        return sentence
    rest = sentence[match.end():]
    return rest[0].upper() + rest[1:] if rest[:1].islower() else rest


def words(text: str) -> int:
    return len(text.split())
