"""Capitalised name runs in text: the raw material for places, organisations and people.

A run is a sequence of capitalised words, with the connectors that names carry inside
(``Dayr al-Zawr``, ``Rio de Janeiro``, ``Bank of England``) and Arabic articles in
front (``al-Walid``). A possessive ends a run: ``Syria’s Omar`` gives ``Syria`` (marked
possessive) and ``Omar``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ez|es|ed|bin|ibn|abu|de|du|van|von|le|la)"
_WORD = (rf"(?:(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Inc|Corp|Ltd)\.|"
         rf"(?:[A-Z]\.){{2,}}|(?:{_ARTICLE}-)?[A-ZÀ-Þ](?:[\w’'&-]|\.(?=\w))*)")
RUN = re.compile(
    rf"(?<![\w’'-]){_WORD}(?:[ \t\u00a0]+(?:(?:{_ARTICLE}|da|del|della|di|dos|der|of|for)"
    rf"[ \t\u00a0]+)?{_WORD})*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_POSSESSIVES = ("’s", "'s", "’", "'")  # what _POSSESSIVE finds at the end of a word


def names_pattern(names: list[str], not_before: str, not_after: str) -> re.Pattern[str]:
    """The pattern ``(?<![not_before])(?:name|name|...)(?![not_after])``, ``names`` in
    the order given, written so that the regex engine skips ahead fast.

    Tried at every position, that plain alternation of hundreds of names is slow. Here
    the names are grouped by their first character, each group opening with it (the
    engine then only stops where a name can start); at one place only one group can
    match and each group keeps the given order, so the same name wins. The test on
    the character before moves after the first character (``(?<![not_before].)``).
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[:1], []).append(name)
    alternation = "|".join(
        rf"{re.escape(first)}(?<![{not_before}].)(?:{'|'.join(re.escape(n[1:]) for n in group)})"
        for first, group in groups.items())
    return re.compile(rf"(?:{alternation})(?![{not_after}])")


@dataclass(frozen=True)
class Run:
    text: str
    start: int
    end: int
    possessive: bool = False


def runs(text: str) -> list[Run]:
    """The capitalised runs of ``text``, split at possessives, connectors trimmed."""
    return list(_runs(text))


@lru_cache(maxsize=16)  # places, organisations and people each read the article's runs
def _runs(text: str) -> tuple[Run, ...]:
    out: list[Run] = []
    for match in RUN.finditer(text):
        offset = match.start()
        words = match.group().split(" ")
        current: list[str] = []
        start = offset
        pos = offset
        for word in words:
            if not current:
                start = pos
            if word.endswith(_POSSESSIVES) and word[:1].isupper():
                current.append(_POSSESSIVE.sub("", word))
                out.append(_make(current, start, True))
                current = []
            else:
                current.append(word)
            pos += len(word) + 1
        if current:
            out.append(_make(current, start, False))
    return tuple(r for r in out if r.text)


_LEADING_ARTICLES = frozenset({"The", "A", "An", "La", "Le", "Les", "El", "Los", "Las", "Der",
                               "Die", "Das", "Il", "Lo", "Gli", "Het", "De"})
# Words that open a sentence before a name: "But Fischer told me", "Beyond Des Moines, ...",
# "In Hamburg war es anders" (not "So", "To" or "Im": surnames too, as So Ji-sub, To Lam and
# Im Yoon-ah).
OPENERS = frozenset({
    "But", "And", "Or", "Yet", "Then", "Now", "Also", "However", "Meanwhile", "Still",
    "In", "On", "At", "By", "From", "For", "With", "Without", "Into", "Onto", "Of",
    "Beyond", "Across", "Inside", "Outside", "Among", "Amid", "Unlike", "Like", "Under",
    "Over", "Through", "Throughout", "Against", "Around", "Near", "Along", "Between",
    "Upon", "Toward", "Towards", "Despite", "After", "Before", "When", "While", "If", "As",
    "Although", "Though", "Since", "Because", "Unless", "Until", "Once", "Where",
    "Am", "Aus", "Bei", "Nach", "Mit", "Und", "Aber", "Dans", "Selon", "Pour", "Avec",
    "En", "Et", "Mais", "Según", "Con", "Para", "Pero",
})
_KEEP_DOT = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Ltd)\.$")
_CONNECTORS = frozenset({"of", "for", "da", "del", "della", "di", "dos", "der",
                         "de", "du", "van", "von", "le", "la", "al", "el"})


def _make(words: list[str], start: int, possessive: bool) -> Run:
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    while len(words) > 1 and (words[0] in _LEADING_ARTICLES or words[0] in OPENERS
                              or words[0] in ("for", "of")):  # "As for Remain Co"
        start += len(words[0]) + 1
        words = words[1:]
    text = " ".join(words)
    if not (text.endswith(".") and _KEEP_DOT.search(text)):  # both forms end with "."
        text = text.rstrip(".,;:-")
    return Run(text, start, start + len(text), possessive)


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """A spelling-tolerant key: ``al-Hasakah``, ``Hasaka`` and ``Al Ḩasakah`` agree."""
    text = name if name.isascii() else "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    tokens = _FOLD_SPLIT.split(_FOLD_DROP.sub("", text.casefold()))
    tokens = ["al" if t in _ARTICLES_FOLD else t for t in tokens if t]
    if len(tokens) > 1 and tokens[0] == "al":
        tokens = tokens[1:]
    key = _FOLD_DOUBLE.sub(_first_group, _FOLD_KEEP.sub("", "".join(tokens)))
    return key[:-1] if key.endswith("h") and len(key) > 4 else key


_ARTICLES_FOLD = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ez", "es",
                            "ed", "er", "et"})
_FOLD_DROP = re.compile(r"[’'`ʿʾ]")
_FOLD_SPLIT = re.compile(r"[\s-]+")
_FOLD_KEEP = re.compile(r"[^a-z0-9]")
_FOLD_DOUBLE = re.compile(r"(.)\1+")  # doubled letters: Hassakeh / Hasakah


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)  # as the template r"\1" gives, without re's template expansion
