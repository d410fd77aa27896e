"""Deterministic synthetic seeds in the seed's format, for measuring at scale.

Each seed is a text page dump like ``seeds/000_*.txt``: site navigation, a breadcrumb
with its links run together (``North AmericaSyriaWest Asia``), the headline, 6 to 12
paragraphs about 2 to 4 countries that cite agencies, then page junk (``Back to top button``,
share and copyright lines). Seed ``i`` depends only on ``(i, salt)``: the first 1,000
seeds of a 10,000 run are the 1,000 seeds of a 1,000 run, byte for byte.

Every article carries invented proper names (people, towns, a code word) drawn from a
syllable table, so search has words that occur in one article only. The file name holds
the publication day (``2024-01-01_00000_<hex>.txt``): about 25 articles a day, as a
desk publishes them, so the date does not depend on the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

PER_DAY = 25
START = dt.date(2024, 1, 1)

REGIONS = ("North America", "West Asia", "Europe", "Africa", "Latin America", "East Asia",
           "South Asia", "Middle East", "Oceania", "Central Asia")
TOPICS = ("Politics", "Economy", "Energy", "Security", "Health", "Climate", "Trade",
          "Diplomacy", "Technology", "Migration")
COUNTRIES = ("Syria", "Iraq", "Iran", "Turkey", "Lebanon", "Jordan", "Egypt", "France",
             "Germany", "Brazil", "India", "China", "Japan", "Kenya", "Nigeria", "Mexico",
             "Canada", "Spain", "Italy", "Poland", "Ukraine", "Qatar", "Oman", "Chile",
             "Peru", "Norway", "Sweden", "Greece", "Morocco", "Tunisia", "Algeria",
             "Pakistan", "Indonesia", "Vietnam", "Argentina", "Colombia")
AGENCIES = ("SANA", "Reuters", "Anadolu", "Xinhua", "IRNA", "Tass", "Kyodo", "Bernama",
            "Prensa Latina", "Agence Kivu")
VERBS = ("announced", "confirmed", "denied", "rejected", "welcomed", "questioned",
         "postponed", "approved", "criticised", "outlined")
NOUNS = ("agreement", "convoy", "budget", "pipeline", "ceasefire", "election", "tariff",
         "reform", "summit", "investigation", "shipment", "vaccine campaign", "port deal",
         "border crossing", "grain corridor", "power plant")
ADJECTIVES = ("new", "disputed", "long-awaited", "regional", "emergency", "joint",
              "provisional", "expanded", "controversial", "bilateral")
TIMES = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
         "on Saturday", "on Sunday", "late on Monday", "earlier in the day", "overnight")
SYLLABLES = ("ka", "lo", "mir", "ta", "ven", "dra", "sul", "qua", "bre", "zo", "nik", "har",
             "pel", "rud", "gia", "to", "sem", "vol", "ard", "ix", "mon", "pra", "lev", "osh")
JUNK_HEAD = ("Skip to content", "Menu", "Search", "Home")
JUNK_TAIL = ("Back to top button", "Share this article", "Related Articles",
             "Read more", "Copyright © 2024 The Daily Desk. All rights reserved.")


@dataclass(frozen=True)
class SynthSeed:
    name: str  # file name
    text: str  # the page dump
    day: dt.date
    unique_word: str  # a word that occurs in this article and no other


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _code(index: int) -> str:
    """A pronounceable word unique to seed ``index`` (bijective base-24 over syllables)."""
    n, out = index, []
    while True:
        n, rest = divmod(n, len(SYLLABLES))
        out.append(SYLLABLES[rest])
        if n == 0:
            break
    return "Zar" + "".join(out)


def _sentence(rng: random.Random, names: list[str], town: str, focus: list[str]) -> str:
    country, other = rng.sample(focus, 2)
    agency = rng.choice(AGENCIES)
    shapes = (
        lambda: (f"Officials in {country} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} "
                 f"{rng.choice(NOUNS)} with {other} {rng.choice(TIMES)}."),
        lambda: (f"{agency} news agency reported that {rng.randint(2, 90)} vehicles had "
                 f"crossed from {country} into the {town} region {rng.choice(TIMES)}."),
        lambda: (f"According to {agency}, {rng.choice(names)} said the {rng.choice(NOUNS)} "
                 f"would be {rng.choice(VERBS)} before the end of the month."),
        lambda: (f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} between {country} and "
                 f"{other} has been {rng.choice(VERBS)} by ministers in {town}."),
        lambda: (f"“We will not accept this {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)},” "
                 f"{rng.choice(names)} told reporters in {town}."),
        lambda: (f"Analysts in {other} said the move could affect {rng.randint(3, 900)} "
                 f"thousand people across {country}."),
    )
    return rng.choice(shapes)()


def synth_seed(index: int, salt: str = "briefs-bench") -> SynthSeed:
    """Seed number ``index``: the same bytes on every machine and every run."""
    digest = hashlib.sha256(f"{salt}:{index}".encode()).hexdigest()
    rng = random.Random(digest)
    day = START + dt.timedelta(days=index // PER_DAY)
    names = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(3)]
    town = _word(rng, 3)
    code = _code(index)
    crumb = "".join([*rng.sample(REGIONS, rng.randint(1, 2)), rng.choice(TOPICS)])
    # An article is about a few countries (2 to 4: the seed names 3; the corpus's
    # articles name 2.4 on average), not a new pair in every sentence.
    focus = rng.sample(COUNTRIES, rng.randint(2, 4))
    country = focus[0]
    headline = (f"{country} {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} "
                f"{rng.choice(NOUNS)} after talks in {town}")
    paragraphs = []
    for number in range(rng.randint(6, 12)):
        sentences = [_sentence(rng, names, town, focus) for _ in range(rng.randint(2, 4))]
        if number == 1:
            sentences.append(f"The plan, known locally as {code}, was first proposed "
                             f"by {names[0]}.")
        paragraphs.append(" ".join(sentences))
    lines = [*JUNK_HEAD, crumb, headline, *paragraphs, *JUNK_TAIL]
    name = f"{day.isoformat()}_{index:05d}_{digest[:16]}.txt"
    return SynthSeed(name=name, text="\n\n".join(lines) + "\n", day=day, unique_word=code)


def write_seeds(folder: Path, count: int, salt: str = "briefs-bench") -> list[SynthSeed]:
    """Write seeds ``0..count-1`` into ``folder`` (created); unchanged files are not
    rewritten, so a second call keeps their modification times."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for index in range(count):
        seed = synth_seed(index, salt)
        path = folder / seed.name
        data = seed.text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        out.append(seed)
    return out
