"""Organisations an article names, with their acronyms.

- ``Full Name (ACR)`` where the acronym's letters are the initials of the name's last
  words: ``the Iraqi Popular Mobilization Units (PMU)`` -> ``Popular Mobilization Units
  (PMU)``; later mentions of ``PMU`` are the same organisation;
- a capitalised name ending with an organisation word (``Battalions``, ``Ministry``,
  ``Police Department``) or starting with an Arabic unit word (``Kata’ib``);
- the well-known organisations of ``briefs/data/organizations.json`` by name or acronym.
Outlets cited as sources are listed under ``sources``, not here. Order: first mention.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from briefs.compose.names import names_pattern, runs
from briefs.compose.places import is_country_word

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_JOINED = re.compile(r"((?:[A-Z][\w’'-]*\s)*[A-Z][\w’'-]*) (and|&) $")
_LEADERS = frozenset({"Former", "Then", "New", "Both", "Acting", "Interim", "Local", "Top"})
_SMALL = frozenset({"of", "for", "the", "and", "on", "in", "al", "de"})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("briefs")
                                      .joinpath("data/organizations.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def _known() -> re.Pattern[str]:
    names = [n for pair in _data()["organizations"].items() for n in pair if n]
    names.sort(key=len, reverse=True)
    return names_pattern(names, r"\w’'-", r"\w’'-")


def acronym_name(words: list[str], acronym: str) -> str | None:
    """The last words of ``words`` whose initials spell ``acronym``, or ``None``."""
    letters = acronym.upper()
    picked: list[str] = []
    i = len(letters) - 1
    for word in reversed(words):
        if i < 0:
            break
        if word.casefold() in _SMALL:
            picked.append(word)
            continue
        initial = word.lstrip("(")[:1].upper()
        if initial != letters[i]:
            return None
        picked.append(word)
        i -= 1
    if i >= 0:
        return None
    return " ".join(reversed(picked)).strip()


def find_organizations(text: str, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Organisations in order of first mention; names in ``exclude`` (sources) left out."""
    data = _data()
    last_words = frozenset(data["last_words"])
    first_words = frozenset(data["first_words"])
    known: dict[str, str] = {k: v for k, v in data["organizations"].items()}
    by_acronym = {v: k for k, v in known.items() if v}
    found: dict[str, tuple[int, str]] = {}  # key (acronym or name) -> (position, shown)
    acronyms: dict[str, str] = {}

    def keep(pos: int, name: str, acronym: str = "") -> None:
        if name in exclude or acronym in exclude or is_country_word(name):
            return
        key = acronym or name
        if key in found:
            return
        if not acronym and name in acronyms.values():
            return
        found[key] = (pos, f"{name} ({acronym})" if acronym else name)

    all_runs = runs(text)
    for run in all_runs:
        after = text[run.end:run.end + 14]
        match = _ACRONYM.match(after.lstrip())
        if match and after.startswith(" ("):
            name = acronym_name(run.text.split(), match.group(1))
            if name:
                acronyms[match.group(1)] = name
                keep(run.start, name, match.group(1))
    for run in all_runs:
        words = run.text.split()
        if any(run.text == n or run.text.endswith(" " + n) for n in acronyms.values()):
            continue
        while len(words) > 1 and re.fullmatch(r"[\w.’']+-[a-z]+", words[0]):
            words = words[1:]  # "US-backed", "Iran-aligned"
        if run.text in known or run.text in by_acronym:
            name = by_acronym.get(run.text, run.text)
            keep(run.start, name, known.get(name, ""))
        elif len(words) > 1 and (words[-1] in last_words or words[0] in first_words):
            joined = _JOINED.search(text[max(0, run.start - 60):run.start])
            if joined:  # "World Travel and Tourism Council"
                words = [*joined.group(1).split(), joined.group(2), *words]
            while len(words) > 2 and (is_country_word(words[0]) or words[0] in _LEADERS) \
                    and words[1][:1].isupper():
                words = words[1:]  # "Iraqi Popular Mobilization Units"
            keep(run.start, " ".join(words))
    for match in _known().finditer(text):
        name = by_acronym.get(match.group(), match.group())
        if name not in found and known.get(name, "") not in found:
            keep(match.start(), name, known.get(name, ""))
    named = sorted(found.values())
    shown = [n for _, n in named]
    # "Popular Mobilization Units" when "Popular Mobilization Units (PMU)" is listed
    return [n for n in shown if not any(o != n and o.startswith(n + " (") for o in shown)]
