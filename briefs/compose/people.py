"""People an article names: precision before recall.

A capitalised run of two to four words is a person when a cue says so:
- a title inside or before it (``President Barack Obama``, ``Mr.``, ``Sen.``), or a
  role word just before it (``spokesman Zabihullah Mujahid``, ``skipper Wade Bassi``);
- a speech verb right after it (``Ezra Klein said``), or an age (``Nadia Mohamed, 27,``).
Titles are dropped from the name; runs that hold a country, an organisation word or a
place are not people. Each person once, by full name, in order of first mention.
"""

from __future__ import annotations

import re

from briefs.compose.attribution import VERBS
from briefs.compose.names import runs
from briefs.compose.places import is_country_word

TITLES = frozenset({
    "President", "Vice", "Prime", "Minister", "Foreign", "Defence", "Defense", "Secretary",
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof.", "Professor", "Senator",
    "Sen.", "Rep.", "Representative", "Gov.", "Governor", "Gen.", "General", "Lt.", "Col.",
    "Colonel", "Major", "Capt.", "Captain", "Sgt.", "Ambassador", "Judge", "Justice",
    "King", "Queen", "Prince", "Princess", "Pope", "Chancellor", "Mayor", "Sheikh",
    "Ayatollah", "Commander", "Chief", "Speaker", "Rev.", "Sir", "Dame", "Lord", "Lady",
    "Former", "Deputy", "Acting", "State", "Interior", "Finance", "Health",
    "CEO", "Coach", "Chairman", "Chairwoman", "Director", "Officer", "Detective", "Agent",
})
_ROLES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|skipper|writer|colleague|analyst|official|minister|"
    r"president|secretary|envoy|commander|leader|chief|director|founder|CEO|reporter|"
    r"correspondent|coach|manager|owner|professor|lawyer|attorney|judge|author|economist|"
    r"expert|researcher|scientist|son|daughter|wife|husband|mother|father|brother|sister|"
    r"incumbent|candidate|mayor|councilmember|councilman|councilwoman|senator|governor|"
    r"boss|striker|player|actor|actress|singer|chairman|chairwoman|executive|editor|"
    r"columnist|ambassador|general|prosecutor|inspector|officer|doctor|nurse|student)"
    r"\s+$")
_SPEECH = re.compile(rf"^,?\s+(?:{VERBS})\b")
_AGE = re.compile(r"^,\s+\d{1,3},")
_NOT_PERSON = re.compile(
    r"\b(?:Units?|Forces|Battalions?|Brigades?|Army|Party|Council|Ministry|Department|"
    r"Agency|Committee|Commission|Organi[sz]ation|Union|Association|Institute|University|"
    r"Company|Corp|Inc|Group|Front|Movement|Authority|Court|Bank|Police|Guards?|News|"
    r"Times|Post|Press|Network|Channel|Office|Service|Government|House|Street|Road|Drive|"
    r"Avenue|Park|City|County|Province|Region|Valley|Island|Center|Centre|Museum|"
    r"Hospital|School|Church|Airlines|Media|Board|Bureau|Club|Fund|Council|Senate|"
    r"Congress|Assembly|Parliament|Republic|Kingdom|State|States|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|"
    r"September|October|November|December|"
    # a job, a firm or a paper, not a person: "Chief Strategy Officer", "Kotak
    # Institutional Equities", "San Francisco Chronicle", "Science Mission Directorate"
    r"Officer|Director|Directorate|Dir|Equities|Capital|Partners|Holdings|Chronicle|"
    r"Herald|Tribune|Gazette|Journal|Magazine|Hazard|Technology|Technologies|Labs?|"
    r"Systems|Solutions|Software|Foundation|Festival|Conference|Summit|Award|Awards)\b")


def find_people(text: str, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Full names of the people named, in order of first mention."""
    found: dict[str, int] = {}
    for run in runs(text):
        words = run.text.split()
        titled = False
        while words and (words[0] in TITLES or is_country_word(words[0])):
            titled = titled or words[0] in TITLES
            words = words[1:]
        # "Chief Strategy Officer Jane Roe": the title runs up to its last title word
        last = max((i for i, w in enumerate(words[:4]) if w in TITLES), default=-1)
        if 0 <= last < len(words) - 2:
            titled, words = True, words[last + 1 :]
        if not 2 <= len(words) <= 4 or not words[0][:1].isupper():
            continue  # "von Cola Light": a name opens with a capital
        name = " ".join(words)
        if name in exclude or _NOT_PERSON.search(name) or any(is_country_word(w) for w in words) \
                or not all(w[:1].isupper() or w in ("bin", "al", "de", "van", "von", "da")
                           for w in words):
            continue
        before = text[max(0, run.start - 40):run.start]
        after = text[run.end:run.end + 30]
        if titled or _ROLES.search(before) or _SPEECH.match(after) or _AGE.match(after):
            found.setdefault(name, run.start)
    return sorted(found, key=lambda n: found[n])
