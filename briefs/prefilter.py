"""A cheap test before a slow pattern: the strings one of which every match holds.

A long alternation (hundreds of names, a lexicon of terms) is tried by the regex engine
at every position of a text. ``needed_strings`` reads the pattern (with the standard
library's own regex parser) for strings one of which any match must contain: when a
text holds none of them (``may_match`` is false), the pattern cannot match and need not
run. The answer is the same either way; only the time changes.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

# Characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (İ, ı, ſ and the Kelvin sign: i, i, s, k) and that ``str.lower`` does not turn into
# that letter alone. A text holding one is always searched with the full pattern.
CASE_ODD = "\u0130\u0131\u017f\u212a"
_CASE_ODD = re.compile(f"[{CASE_ODD}]")


@lru_cache(maxsize=32)
def needed_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` holds one; ``None`` when some
    alternative has none. A case-insensitive pattern's strings are lower-case ASCII
    (held in any case: see ``may_match``); ``None`` when one is not ASCII."""
    try:
        parsed = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
        found = _needed(parsed)
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    if not found:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(s.isascii() for s in found):
            return None
        return tuple(sorted({s.lower() for s in found}))
    return tuple(sorted(found))


def may_match(text: str, strings: tuple[str, ...] | None, ignore_case: bool = True) -> bool:
    """False only when ``text`` holds none of ``strings`` (``needed_strings`` of a
    pattern, case-insensitive or not as ``ignore_case`` says): the pattern cannot match."""
    if strings is None:
        return True
    if ignore_case:
        if _CASE_ODD.search(text):
            return True
        text = text.lower()
    return any(map(text.__contains__, strings))


def _needed(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed ``items`` holds, or ``None``.

    A run of literal characters is one candidate; a group, a repeat of at least one and
    an alternation (one string per branch) give others; lookarounds and optional parts
    give none. The candidate whose shortest string is longest is kept.
    """
    c = importlib.import_module("re._constants")
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        option: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            option = _needed(av[-1])
        elif op is c.BRANCH:
            branches = [_needed(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                option = frozenset().union(*(b for b in branches if b is not None))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            option = _needed(av[2])
        if option:
            candidates.append(option)
    if not candidates:
        return None
    return max(candidates, key=lambda option: min(len(s) for s in option))
