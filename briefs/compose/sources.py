"""Outlets, agencies and channels an article cites."""

from __future__ import annotations

import re

_NAME = r"([A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,3})"
_PATTERNS = (
    re.compile(r"\b(?:news agency|agency|channel|newspaper|broadcaster|outlet) " + _NAME),
    re.compile(_NAME + r" (?:news agency|news channel)\b"),
    re.compile(_NAME + r", an? [\w -]{0,40}?(?:channel|agency|outlet|newspaper)\b"),
    re.compile(r"\baccording to (?:the )?" + _NAME),
    re.compile(_NAME + r" (?:reported|reports)\b"),
)
_NOT_SOURCES = {"The", "It", "He", "She", "They", "We", "Officials", "Police", "Sources",
                "The sources", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                "Saturday", "Sunday"}


def find_sources(text: str) -> list[str]:
    """Cited sources in order of first mention."""
    found: dict[str, int] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            name = match.group(1).strip(" .,'’")
            if name in _NOT_SOURCES or len(name) < 2:
                continue
            found.setdefault(name, match.start(1))
    return [name for name, _ in sorted(found.items(), key=lambda kv: kv[1])]
