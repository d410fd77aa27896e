"""The Solar Hijri (Jalali) calendar that Iranian and Afghan pages date their articles in.

``۱۴ آبان ۱۴۰۴`` is 5 November 2025. The year begins at the March equinox (Nowruz); its
first six months have 31 days, the next five 30, the last 29 or 30. Which years are leap
years follows the equinox, not a simple rule: the "breaks" below are the years where the
33-year leap cycle shifts, as Kazimierz M. Borkowski worked them out (the algorithm the
common Jalali libraries use, exact for years 1 to 3177 AP).
"""

from __future__ import annotations

import datetime as dt

# Month names: Iran's, and the zodiac names Afghanistan uses (Dari and Pashto pages), each
# written with the Persian and with the Arabic forms of yeh and kaf (ی/ي, ک/ك).
_NAMES = {
    1: "فروردین حمل",
    2: "اردیبهشت ثور",
    3: "خرداد جوزا",
    4: "تیر سرطان",
    5: "مرداد امرداد اسد",
    6: "شهریور سنبله",
    7: "مهر میزان",
    8: "آبان عقرب",
    9: "آذر قوس",
    10: "دی جدی",
    11: "بهمن دلو",
    12: "اسفند حوت",
}
_ARABIC_FORMS = str.maketrans("یک", "يك")
MONTHS: dict[str, int] = {
    form: number for number, names in _NAMES.items() for name in names.split()
    for form in (name, name.translate(_ARABIC_FORMS))
}
FIRST_YEAR, LAST_YEAR = 1300, 1419  # 1921 to 2041; a later 14xx year is a lunar Hijri one

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
           2262, 2324, 2394, 2456, 3178)


def _nowruz(year: int) -> dt.date:
    """The Gregorian day on which Jalali ``year`` begins (1 Farvardin)."""
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if year < jm:
            break
        leap_j += (jump // 33) * 8 + (jump % 33) // 4
        jp = jm
    n = year - jp
    leap_j += (n // 33) * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gregorian = year + 621
    leap_g = gregorian // 4 - ((gregorian // 100 + 1) * 3) // 4 - 150
    return dt.date(gregorian, 3, 20 + leap_j - leap_g)


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of Jalali ``year``/``month``/``day``; ``None`` for a day the
    calendar does not have, or a year outside ``FIRST_YEAR``..``LAST_YEAR``."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and day >= 1):
        return None
    start = _nowruz(year)
    length = 31 if month <= 6 else 30
    if month == 12:
        length = (_nowruz(year + 1) - start).days - 336  # 29, or 30 in a leap year
    if day > length:
        return None
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return start + dt.timedelta(days=before + day - 1)
