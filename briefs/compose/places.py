"""Countries an article is about, from names and demonyms."""

from __future__ import annotations

import re
from functools import lru_cache

_DEMONYMS = {
    "United States": ("US", "U.S.", "USA", "American", "Americans", "United States"),
    "United Kingdom": ("UK", "U.K.", "British", "Britain"),
    "Russia": ("Russian", "Russians"),
    "Iran": ("Iranian", "Iranians"),
    "Iraq": ("Iraqi", "Iraqis"),
    "Syria": ("Syrian", "Syrians"),
    "Israel": ("Israeli", "Israelis"),
    "China": ("Chinese",),
    "France": ("French",),
    "Germany": ("German", "Germans"),
}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    import pycountry

    table: dict[str, set[str]] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        table.setdefault(name, set()).add(name)
    for name, demonyms in _DEMONYMS.items():
        table.setdefault(name, set()).update(demonyms)
    out = []
    for name, names in sorted(table.items()):
        alternation = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")))
    return out


def find_regions(text: str) -> list[str]:
    """Country names, most mentioned first (ties: first mention)."""
    counts: list[tuple[int, int, str]] = []
    for name, pattern in _patterns():
        hits = [m.start() for m in pattern.finditer(text)]
        if hits:
            counts.append((-len(hits), hits[0], name))
    return [name for _, _, name in sorted(counts)]
