"""Regions (countries, by name) and places (cities, provinces, sites) an article names.

Regions: every country name, other name or demonym (``Iraqi`` -> Iraq, ``US`` and
``American`` -> United States), most mentioned first (ties: first mention). A US state
named makes the United States one of the regions.

Places, precision before recall, each given once as the article first writes it:
- a capitalised name the gazetteer knows (``briefs.compose.gazetteer``), kept when its
  country is one of the article's regions, or when it is a city of a million people or
  more; never a country, a month or weekday, a word the article also writes in lower
  case (``Police``), or a person's surname already named in full;
- a capitalised name ending in ``County``, ``Province``, ``City`` (``Napa County``);
- a name with a town cue (``Rmelan town``, ``the province of Hasakah``) -> the name;
- a name with a site cue (``the al-Walid border crossing``, ``Syria’s Omar oilfield``)
  -> the name and the cue (``al-Walid border crossing``, ``Omar oilfield``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from briefs.compose.gazetteer import (
    Place,
    countries,
    country_pattern,
    local_countries,
    local_country_pattern,
    place_rules,
    places,
)
from briefs.compose.names import RUN, Run, fold, runs
from briefs.prefilter import cued_finditer


def is_country_word(word: str) -> bool:
    """True for a country's name, other name or demonym (``Syria’s`` too)."""
    return _POSSESSIVE.sub("", word) in countries()


_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def find_regions(text: str, lang: str | None = None) -> list[str]:
    """Country names, most mentioned first (ties: first mention): the English ones, and
    in a page of one of ``gazetteer.LOCAL_LANGUAGES`` that language's ("Syrien" and
    "Syria" are one region, named in English)."""
    table = countries()
    counts: dict[str, set[int]] = {}  # where each country is named
    for match in country_pattern().finditer(text):
        if _not_the_country(text, match):
            continue
        name, _code = table[match.group()]
        counts.setdefault(name, set()).add(match.start())
    local = local_country_pattern(_base(lang))
    if local is not None:
        names = local_countries(_base(lang))
        for match in local.finditer(text):  # (a place is counted once, whoever finds it)
            if not _inside_a_name(text, match):
                counts.setdefault(names[match.group()][0], set()).add(match.start())
    order = sorted(counts.items(), key=lambda kv: (-len(kv[1]), min(kv[1])))
    return [name for name, _ in order]


# Countries that are also first names ("Chad Smith", "Jordan Peterson"), and the words
# after them that keep them places ("Jordan Valley", "Chad Basin").
_FIRST_NAMES = frozenset({"Chad", "Jordan"})
_GEOGRAPHY = frozenset({"River", "Valley", "Basin", "Lake", "Rift", "Sea", "Border", "City",
                        "Armed", "Army", "Government", "Republic", "Kingdom"})
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)")


def _not_the_country(text: str, match: re.Match[str]) -> bool:
    """A country's name inside another name: a US state ("New Jersey", "New Mexico") or a
    person ("Chad Smith", "Jordan Peterson")."""
    if text[max(0, match.start() - 4) : match.start()] == "New ":
        return True
    if match.group() in _FIRST_NAMES:
        nxt = _NEXT_WORD.match(text, match.end())
        if nxt is None:
            return False
        return nxt.group(1) not in _GEOGRAPHY and not is_country_word(nxt.group(1))
    return False


def _base(lang: str | None) -> str:
    """The language of a code as ``record.lang_code`` writes it ("de-AT": "de")."""
    return (lang or "").partition("-")[0]


def names_countries_locally(lang: str | None) -> bool:
    """Whether ``find_regions`` reads ``lang``'s own country names as well as English."""
    return local_country_pattern(_base(lang)) is not None


# Local names that are also English words, in another language's text part of an English
# name when a capitalised word stands beside them ("Long Island University" in German).
_ENGLISH_WORDS = frozenset({"Island", "Islands"})
_WORD_BEFORE = re.compile(r"(\w+) $")
_WORD_AFTER = re.compile(r" (\w+)")


def _inside_a_name(text: str, match: re.Match[str]) -> bool:
    if match.group() not in _ENGLISH_WORDS:
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _WORD_AFTER.match(text, match.end())
    return any(found is not None and found[1][:1].isupper() for found in (before, after))


def region_codes(regions: Iterable[str]) -> set[str]:
    table = countries()
    return {table[name][1] for name in regions if name in table}


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    _not, towns, sites = place_rules()
    town = "|".join(re.escape(c) for c in towns)
    site = "|".join(re.escape(c) for c in sorted(sites, key=len, reverse=True))
    name = RUN.pattern
    return (
        re.compile(rf"\b(?:{town})\s+of\s+(?:the\s+)?(?P<name>{name})"),
        re.compile(rf"(?P<name>{name})\s+(?:{town})\b"),
        re.compile(rf"(?P<name>{name})\s+(?P<cue>{site})\b"),
    )


# Languages that write every noun with a capital: there "Haar" (hair) or "Norden" (north)
# is as likely a word as the small town of that name.
_CAPITAL_NOUNS = frozenset({"de", "lb"})
_NOUN_TOWN = 100_000  # in those languages, a one-word town this big or more is kept


_DOUBLE = re.compile(r"(\w)\1")


def _doubled(word: str, name: str) -> bool:
    """``word`` is ``name`` with a letter doubled: "Rabatt" (discount) is not "Rabat"."""
    a, b = word.casefold(), name.casefold()
    return a != b and _DOUBLE.sub(r"\1", a) == _DOUBLE.sub(r"\1", b)


def find_places(text: str, regions: list[str], lang: str | None = None) -> list[str]:
    """Places named in ``text``, in order of first mention, as first written (in German,
    a one-word name the gazetteer knows only when it is a city of 100,000 or more)."""
    not_places, _towns, _sites = place_rules()
    codes = region_codes(regions)
    index = places()
    found: dict[str, tuple[int, str]] = {}

    def keep(start: int, name: str, key: str | None = None) -> None:
        name = name.strip()
        if not name or name in not_places or is_country_word(name):
            return
        key = key or fold(name)
        if key not in found or start < found[key][0]:
            found[key] = (start, name)

    lower = set(_LOWER_WORD.findall(text))
    of_town, town_after, site_after = _cue_patterns()
    for pattern in (of_town, town_after):
        for match in cued_finditer(pattern, text):
            run = _last_run(match.group("name"), match.start("name"))
            # "The city council": a word the article also writes in lower case is no name
            if run is not None and run.text.casefold() not in lower:
                keep(run.start, run.text)
    for match in cued_finditer(site_after, text):
        run = _last_run(match.group("name"), match.start("name"))
        if run is not None and not is_country_word(run.text) \
                and run.text.split()[-1] not in _ADMIN and not _NOT_A_SITE.match(run.text) \
                and not (match["cue"] == "port" and _ACRONYM.match(run.text)):
            keep(run.start, f"{run.text} {match.group('cue')}", fold(run.text + match["cue"]))
    all_runs = runs(text)
    surnames = {r.text.split()[-1] for r in all_runs if len(r.text.split()) > 1}
    named: dict[str, bool] = {}  # a run's text: a place? (a name comes back many times)
    for run in all_runs:
        place = named.get(run.text)
        if place is None:
            place = named[run.text] = _is_place(run.text, surnames, lower, lang, codes, index)
        if place:
            keep(run.start, run.text)
    return [name for _, name in sorted(found.values())]


def _is_place(text: str, surnames: set[str], lower: set[str], lang: str | None,
              codes: set[str], index: dict[str, tuple[Place, ...]]) -> bool:
    """A run of capitalised words (``find_places``) that names a place."""
    words = text.split()
    if len(words) > 1 and words[-1] in _ADMIN and not is_country_word(words[0]) \
            and all(w[:1].isupper() for w in words):
        return True  # "Napa County", "New York City"
    if text in surnames or text.casefold() in lower or text.isupper():
        return False
    candidates = index.get(fold(text))
    if candidates and lang in _CAPITAL_NOUNS and len(words) == 1:
        candidates = tuple(p for p in candidates if p.population >= _NOUN_TOWN
                           and not _doubled(text, p.name))
    if not candidates:
        return False
    return _plausible(text, candidates, codes)


# Not the name of a site before its cue: an acronym ("HDMI port", "USB port") or a
# sentence's opening word ("Au port", French for "at the port").
_NOT_A_SITE = re.compile(r"^(?:Au|Aux|Du|Des|In|At|On|The|A|An|Le|La|Les|El)$")
_ACRONYM = re.compile(r"^[A-Z0-9]{2,6}$")  # "HDMI port" (but "T4 airbase" is a place)


# ``(?<![\w-])[a-z][\w-]+``, opening with its first letter (as tags._WORD is written).
_LOWER_WORD = re.compile(r"[a-z](?<![\w-].)[\w-]+")
_ADMIN = frozenset({"County", "Province", "Governorate", "District", "City", "Prefecture"})


def _last_run(text: str, offset: int) -> Run | None:
    found = runs(text)
    if not found:
        return None
    last = found[-1]
    return Run(last.text, offset + last.start, offset + last.end, last.possessive)


def _plausible(text: str, candidates: tuple[Place, ...], codes: set[str]) -> bool:
    if any(p.country in codes for p in candidates):
        return True
    return any(p.population >= 1_000_000 and fold(p.name) == fold(text)
               for p in candidates)


# The US state, not the country, when the article is about the United States and says
# nothing of the Caucasus ("Voters in Georgia ... officials in Atlanta said").
_GEORGIA_COUNTRY = re.compile(r"\b(?:Tbilisi|Georgian|Caucasus|Abkhazia|South Ossetia|Batumi|"
                              r"Kutaisi)\b")
_US_CUES = re.compile(r"\b(?:Atlanta|Savannah|Gov\.|Governor|Senate|Senator|Republican|"
                      r"Democrat\w*|county|U\.S\.|US|United States|American)\b")


def us_georgia(text: str, regions: list[str]) -> list[str]:
    """``regions`` with Georgia read as the US state where the text says so: it is then
    the United States that the article is about."""
    if "Georgia" not in regions or _GEORGIA_COUNTRY.search(text) or not _US_CUES.search(text):
        return regions
    out = [r for r in regions if r != "Georgia"]
    return out if "United States" in out else [*out, "United States"]


def state_regions(found_places: list[str]) -> list[str]:
    """``United States`` when a US state is among the places."""
    index = places()
    for name in found_places:
        if any(p.kind == "state" for p in index.get(fold(name), ())):
            return ["United States"]
    return []
