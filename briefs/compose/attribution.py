"""Who says so: the attribution of a sentence, and anaphors resolved to a name.

``find_attribution`` reads one sentence and returns the speaker as written, a short
``name`` (``Syria’s official news agency SANA`` -> ``SANA``), the reporting verb, what
the speaker cites (``citing local sources``) and ``clause``: the span of the words
reported, which count as the speaker's (see ``briefs.compose.loaded``). Three shapes:

- ``according to X`` anywhere in the sentence;
- a trailing attribution: ``..., officials said.`` / ``"...," the group said.``;
- a leading one: ``[Later on Monday,] X[, citing Y,] reported [on Monday] [that] ...``.

``resolve`` turns an anaphoric speaker (``The sources``, ``The report``, ``the group``,
``he``) into the speaker of an earlier sentence, and only when one of the right kind is
there: a report or sources resolve to the last outlet cited, a group to the last
organisation that spoke, he/she to the last person. Nothing is guessed beyond that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

VERBS = ("said|says|say|told|tells|reported|reports|added|adds|stated|stressed|warned|"
         "announced|claimed|confirmed|pledged|vowed|insisted|noted|explained|argued|wrote|"
         "tweeted|declared|alleged|denied|threatened|urged|revealed|estimated|predicted|"
         "acknowledged|admitted|asserted|maintained|testified|posted|cautioned|"
         "emphasized|emphasised|underlined|complained|accused")
_TIME = (r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|during)\b"
         r"[^,.;“”\"]{0,40}?)?")
_INTRO = (r"(?:(?:Later|Earlier|On|In|Meanwhile|However|Also|Separately|Last|This|Late|"
          r"Early|Then|But|And)\b[^,]{0,40},\s+)?")
_ACCORDING = re.compile(r"\baccording to (?:the )?(?P<subj>[^,.;“”\"]{2,80}?)(?=[,.;]|$)")
_TRAILING = re.compile(
    rf"^(?P<rest>.{{10,}}?)[,”\"]+\s+(?P<subj>[^,;“”\"]{{2,80}}?)\s+(?P<verb>{VERBS})"
    rf"{_TIME}\s*(?:,[^,]{{0,60}})?[.!?]?[\"”’]?$")
_TRAILING_INVERTED = re.compile(
    r"^(?P<rest>.{10,}?)[,”\"]+\s+(?P<verb>said|says|added|wrote)\s+(?P<subj>[^,;“”\"]{2,80}?)"
    r"(?:,[^,]{0,80})?[.!?]?[\"”’]?$")
_LEADING = re.compile(
    rf"^{_INTRO}(?P<subj>[^“”\"]{{2,240}}?)(?:,\s+citing (?P<via>[^,]{{2,80}}),)?"
    rf"\s+(?:also\s+|later\s+|had\s+|has\s+|have\s+)?(?P<verb>{VERBS})\b{_TIME}"
    rf"(?:\s+that\b)?(?P<rest>.*)$")
_RUN = re.compile(
    r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ez|bin|ibn|abu|de|van|von)-)?[A-Z][\w’'&.-]*"
    r"(?:\s+(?:(?:al|el|ad|ar|as|az|ez|de|da|del|di|du|van|von|bin|ibn|of|for|and)[\s-]+)?"
    r"(?:(?:al|el|ad|ar|as|az|ez)-)?[A-Z][\w’'&.-]*)*")
_POSSESSIVE = re.compile(r"[’']s?$")
ANAPHORS: dict[str, str] = {
    "the sources": "sources", "sources": "sources", "the source": "sources",
    "the report": "outlet", "the agency": "outlet", "the channel": "outlet",
    "the outlet": "outlet", "the newspaper": "outlet", "the broadcaster": "outlet",
    "the network": "outlet", "the paper": "outlet",
    "the group": "group", "the faction": "group", "the factions": "group",
    "the militia": "group", "the organisation": "group", "the organization": "group",
    "the movement": "group", "they": "group",
    "he": "person", "she": "person",
}
_TITLES = frozenset({"President", "Prime", "Minister", "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
                     "Ms.", "Dr", "Dr.", "Senator", "Sen.", "Rep.", "Gov.", "General",
                     "Gen.", "Secretary", "Spokesman", "Spokeswoman", "Ambassador"})


@dataclass(frozen=True)
class Attribution:
    speaker: str  # as written: "Syria’s official news agency SANA"
    name: str  # short: "SANA"; for an anaphor, the resolved name when resolved
    verb: str  # "reported", "said", "according to"
    via: str = ""  # what the speaker cites: "local sources"
    clause: tuple[int, int] | None = None  # span of the reported words in the sentence
    anaphor: str = ""  # kind of anaphoric speaker ("sources", "outlet", ...), else ""
    resolved: bool = False  # an anaphor replaced by an earlier speaker

    @property
    def label(self) -> str:
        """How a key point says who says so: ``SANA reported, citing local sources``."""
        if self.verb == "according to":
            return f"according to {self.name}"
        verb = "reported" if self.verb in ("reported", "reports") else "said"
        return f"{self.name} {verb}" + (f", citing {self.via}" if self.via else "")


def find_attribution(sentence: str) -> Attribution | None:
    """The attribution of ``sentence``, or ``None`` when it has none."""
    match = _ACCORDING.search(sentence)
    if match:
        subj = match.group("subj").strip()
        return Attribution(subj, short_name(subj), "according to", clause=(0, len(sentence)))
    for pattern in (_TRAILING, _TRAILING_INVERTED):
        match = pattern.match(sentence)
        if match and _plausible_subject(match.group("subj")):
            return _make(match.group("subj"), match.group("verb"), "", match.span("rest"))
    match = _LEADING.match(sentence)
    if match and _plausible_subject(match.group("subj")):
        rest = match.span("rest")
        return _make(match.group("subj"), match.group("verb"), match.group("via") or "", rest)
    return None


def _make(subj: str, verb: str, via: str, clause: tuple[int, int]) -> Attribution:
    head = subj.split(",")[0].strip()
    kind = ANAPHORS.get(head.casefold(), "")
    return Attribution(head, head if kind else short_name(head), verb, via.strip(), clause,
                       anaphor=kind)


def _plausible_subject(subj: str) -> bool:
    head = subj.split(",")[0].strip()
    if not head or len(head.split()) > 12:
        return False
    if head.casefold() in ANAPHORS:
        return True
    first = head.split()[0]
    return first[:1].isupper() or first in ("officials", "sources", "police", "analysts",
                                             "experts", "witnesses", "residents")


def short_name(head: str) -> str:
    """The proper name inside a speaker's noun phrase, else the phrase itself."""
    from briefs.compose.places import is_country_word

    runs = []
    for match in _RUN.finditer(head):
        run = match.group().strip()
        end = match.end()
        if _POSSESSIVE.search(run) or head[end:end + 2] in ("’s", "'s"):
            continue
        words = [w for w in run.split() if w not in _TITLES]
        if not words or all(is_country_word(w) for w in words):
            continue
        if match.start() == 0 and run in ("The", "A", "An"):
            continue
        runs.append(" ".join(words) if len(words) < len(run.split()) else run)
    if runs:
        return runs[-1]
    return head[0].lower() + head[1:] if head.startswith(("The ", "A ", "An ")) else head


def resolve(attribution: Attribution, history: list[Attribution],
            outlets: frozenset[str]) -> Attribution:
    """An anaphoric attribution with the earlier speaker it refers to, when there is one."""
    kind = attribution.anaphor
    if not kind or attribution.resolved:
        return attribution
    for earlier in reversed(history):
        if earlier.anaphor and not earlier.resolved:
            continue
        is_outlet = earlier.name in outlets or earlier.verb in ("reported", "reports")
        if kind == "sources" and ("source" in earlier.via or is_outlet):
            return replace(attribution, name=earlier.name, via=earlier.via,
                           verb=earlier.verb, resolved=True)
        if kind == "outlet" and is_outlet:
            return replace(attribution, name=earlier.name, verb=earlier.verb, resolved=True)
        if kind == "group" and not is_outlet and not _looks_like_person(earlier.name):
            return replace(attribution, name=earlier.name, resolved=True)
        if kind == "person" and _looks_like_person(earlier.name):
            return replace(attribution, name=earlier.name, resolved=True)
    return attribution


_ORG_WORDS = re.compile(
    r"\b(?:Units?|Forces|Battalions?|Brigades?|Army|Party|Council|Ministry|Department|"
    r"Agency|Committee|Commission|Organi[sz]ation|Union|Association|Institute|University|"
    r"Company|Corp|Inc|Group|Front|Movement|Authority|Court|Bank|Police|Guards?|News|"
    r"Times|Post|Press|Network|Channel|Office|Service|Government|House)\b")


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not _ORG_WORDS.search(name)


def spell_out(sentence: str, attribution: Attribution) -> str:
    """``sentence`` with a resolved anaphoric speaker replaced by who it is.

    ``The sources said ...`` -> ``Local sources cited by SANA said ...``;
    ``The report named ...`` -> ``The Reuters report named ...``;
    ``..., the group said.`` -> ``..., Kata’ib Sayyid al-Shuhada Battalions said.``
    """
    if not attribution.resolved:
        return sentence
    kind, name = attribution.anaphor, attribution.name
    if kind == "sources":
        via = attribution.via if "source" in attribution.via else "sources"
        new = f"{via} cited by {name}"
    elif kind == "outlet" and attribution.speaker.casefold() == "the report":
        new = f"the {name} report"
    else:
        new = name
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(attribution.speaker)}(?![\w’'-])",
                         re.IGNORECASE)
    matches = list(pattern.finditer(sentence))
    if not matches:
        return sentence
    match = matches[0] if matches[0].start() == 0 or len(matches) == 1 else matches[-1]
    if match.start() == 0 or sentence[:match.start()].rstrip().endswith((".", "“", '"')):
        new = new[0].upper() + new[1:]
    return sentence[:match.start()] + new + sentence[match.end():]
