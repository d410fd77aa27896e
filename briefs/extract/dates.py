"""Dates as pages print them, parsed to a calendar day."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_WRITTEN = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})"
    r"|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b"
)


def parse_date(value: object) -> dt.date | None:
    """A ``date`` from ISO text, a written date (``3 June 2021``, ``June 3, 2021``) or a
    date/datetime object; ``None`` when there is no valid calendar day in it."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO.search(value)
    if match:
        return _day(int(match[1]), int(match[2]), int(match[3]))
    match = _WRITTEN.search(value)
    if match:
        if match[1]:
            day, month, year = match[1], match[2], match[3]
        else:
            month, day, year = match[4], match[5], match[6]
        number = _MONTHS.get(month[:3].lower())
        if number:
            return _day(int(year), number, int(day))
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
