"""Outlets, agencies and channels an article cites.

Two ways in, both kept in order of first mention:
- a known outlet named in the text (``briefs/data/outlets.json``: Reuters, SANA, AP...),
  platforms (Telegram, X) excepted, since they carry sources rather than being one;
- a name the article presents as a source: ``news agency X``, ``X news agency``,
  ``X, a ... channel``, ``according to X`` or ``X reported``, when X is a capitalised
  name (not a pronoun, a weekday or a country).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from briefs.compose.places import is_country_word
from briefs.prefilter import alternation, cued_finditer

# A word of a name: a dot only inside an abbreviation (``U.S.``, ``St.Petersburg``), so a
# name never runs over a full stop into the next sentence ("in Lovolrud. IRNA reported").
_WORD = r"[A-Z](?:[\w’'&-]|\.(?=\w))*(?:(?<=\.\w)\.)?"
_NAME = rf"({_WORD}(?: (?:(?:and|of|for|&) )?{_WORD}){{0,5}})"
_PATTERNS = (
    re.compile(r"\b(?:news agency|agency|channel|newspaper|broadcaster|outlet|daily) " + _NAME),
    re.compile(r"(?<!\ba )(?<!\ban )\b" + _NAME + r" (?:news agency|news channel|TV|television)\b"),
    re.compile(_NAME + r", an? [\w -]{0,40}?(?:channel|agency|outlet|newspaper|broadcaster)\b"),
    re.compile(r"\baccording to (?:the )?" + _NAME + r"(?! said)"),
    re.compile(_NAME + r" (?:news agency )?(?:reported|reports)\b"),
)
_NOT_SOURCES = frozenset({"The", "It", "He", "She", "They", "We", "I", "Officials", "Police",
                          "Sources", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                          "Saturday", "Sunday", "Later", "Earlier", "This", "That", "With",
                          "But", "And", "As", "After", "While", "When", "In", "A", "An",
                          "Its", "His", "Her", "Their", "Our", "Some", "Many", "Others"})


# Outlets whose name is also a word that opens sentences ("Mehr" is German for "more"):
# counted only inside a sentence, where the capital is the name's.
_COMMON_WORDS = frozenset({"Mehr", "Dawn", "Variety", "Wired", "Fars", "Vox", "Sputnik"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»]\s*|\n\s*)$")


@lru_cache(maxsize=1)
def _outlet_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("briefs").joinpath("data/outlets.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def _outlets() -> tuple[re.Pattern[str], frozenset[str]]:
    data = _outlet_data()
    platforms = frozenset(data["platforms"])
    names = [n for n in data["outlets"] if n not in platforms]  # (the longest that fits wins)
    pattern = re.compile(alternation(names, not_before=r"\w’'-") + r"(?![\w’'-])")
    return pattern, platforms


@lru_cache(maxsize=1)
def known_outlets() -> frozenset[str]:
    """Every outlet of ``briefs/data/outlets.json`` (read once)."""
    return frozenset(_outlet_data()["outlets"])


def find_sources(text: str) -> list[str]:
    """Cited sources in order of first mention."""
    pattern, platforms = _outlets()
    found: dict[str, int] = {}
    for match in pattern.finditer(text):
        if match.group() in _COMMON_WORDS and _SENTENCE_START.search(text, 0, match.start()):
            continue  # "Mehr ist nicht erlaubt", "Dawn broke over the city"
        found.setdefault(match.group(), match.start())
    for regex in _PATTERNS:
        for match in cued_finditer(regex, text):
            name = match.group(1).strip(" .,'’")
            name = re.sub(r"^The ", "", name) if name.startswith("The ") and \
                name.removeprefix("The ") in found else name
            words = name.split()
            if name in _NOT_SOURCES or words[0] in _NOT_SOURCES or len(name) < 2 \
                    or name in platforms or all(is_country_word(w) for w in words):
                continue
            found.setdefault(name, match.start(1))
    names = sorted(found, key=lambda n: found[n])
    # "Reuters" and "Reuters news agency": keep the shortest form of one name.
    return [n for n in names if not any(o != n and n.startswith(o + " ") for o in names)]
