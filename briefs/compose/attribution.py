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

from briefs.compose.names import OPENERS, runs

VERBS = ("said|says|say|told|tells|reported|reports|added|adds|stated|stressed|warned|"
         "announced|claimed|confirmed|pledged|vowed|insisted|noted|explained|argued|wrote|"
         "tweeted|declared|alleged|denied|threatened|urged|revealed|estimated|predicted|"
         "acknowledged|admitted|asserted|maintained|testified|posted|cautioned|"
         "emphasized|emphasised|underlined|complained|accused")
_TIME = (r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|during)\b"
         r"[^,.;“”\"]{0,40}?)?")
_INTRO = (r"(?:(?:Later|Earlier|On|In|At|Meanwhile|However|Also|Separately|Last|This|Late|"
          r"Early|Then|But|And|After|Before|When|While|As|Although|Though|During|Since|If|"
          r"Because|Despite|Following|Asked|Speaking|Writing|Responding|Addressing)\b"
          r"[^,“”\"]{0,120},\s+)?")
_ANY_VERB = re.compile(rf"\b(?:{VERBS}|according to)\b")
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
ANAPHORS: dict[str, str] = {
    "the sources": "sources", "sources": "sources", "the source": "sources",
    "the report": "outlet", "the agency": "outlet", "the channel": "outlet",
    "the outlet": "outlet", "the newspaper": "outlet", "the broadcaster": "outlet",
    "the network": "outlet", "the paper": "outlet",
    "the group": "group", "the faction": "group", "the factions": "group",
    "the militia": "group", "the organisation": "group", "the organization": "group",
    "the movement": "group", "they": "group",
    "he": "person", "she": "person",
    # never resolved: too vague to name
    "it": "vague", "this": "vague", "that": "vague", "there": "vague", "one": "vague",
    "some": "vague", "others": "vague", "many": "vague", "who": "vague", "which": "vague",
}
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|been|be|will|would|could|can|"
                     r"did|does|do|may|might|should|must|not)\b")
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
    at: int = 0  # where the speaker is written in the sentence
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
    if not _ANY_VERB.search(sentence):
        return None  # cheap test first: most sentences report nothing
    match = _ACCORDING.search(sentence)
    if match:
        subj = match.group("subj").strip()
        return Attribution(subj, short_name(subj), "according to", clause=(0, len(sentence)),
                           at=match.start("subj"))
    for pattern in (_TRAILING, _TRAILING_INVERTED):
        match = pattern.match(sentence)
        if match and _plausible_subject(match.group("subj")):
            return _make(match.group("subj"), match.group("verb"), "", match.span("rest"),
                         match.start("subj"))
    match = _LEADING.match(sentence)
    if match and _plausible_subject(match.group("subj")):
        return _make(match.group("subj"), match.group("verb"), match.group("via") or "",
                     match.span("rest"), match.start("subj"))
    return None


def _make(subj: str, verb: str, via: str, clause: tuple[int, int], at: int) -> Attribution:
    head = subj.split(",")[0].strip()
    kind = ANAPHORS.get(head.casefold(), "")
    return Attribution(head, head if kind else short_name(head), verb, via.strip(), clause,
                       at=at + (len(subj) - len(subj.lstrip())), anaphor=kind)


def _plausible_subject(subj: str) -> bool:
    head = subj.split(",")[0].strip()
    if not head or len(head.split()) > 10 or _FINITE.search(head):
        return False
    if head.casefold() in ANAPHORS:
        return True
    if head.split()[0].endswith("ing") or (head.split()[0] in OPENERS and "," in subj):
        return False  # "Beyond Des Moines, the new leadership ... declared": an opening phrase
    first = head.split()[0]
    return first[:1].isupper() or first in ("officials", "sources", "police", "analysts",
                                             "experts", "witnesses", "residents")


def short_name(head: str) -> str:
    """The proper name inside a speaker's noun phrase, else the phrase itself."""
    from briefs.compose.places import is_country_word

    found = []
    for run in runs(head):
        if run.possessive:
            continue
        words = [w for w in run.text.split() if w not in _TITLES]
        while len(words) > 1 and is_country_word(words[0]):
            words = words[1:]
        if words and not all(is_country_word(w) for w in words):
            found.append(" ".join(words))
    if found:
        return found[-1]
    return head[0].lower() + head[1:] if head.startswith(("The ", "A ", "An ")) else head


def resolve(attribution: Attribution, history: list[Attribution],
            outlets: frozenset[str]) -> Attribution:
    """An anaphoric attribution with the earlier speaker it refers to, when there is one."""
    kind = attribution.anaphor
    if not kind or attribution.resolved or kind == "vague":
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
    at, end = attribution.at, attribution.at + len(attribution.speaker)
    if sentence[at:end] != attribution.speaker:
        return sentence
    if at == 0 or sentence[:at].rstrip().endswith((".", "“", '"')):
        new = new[0].upper() + new[1:]
    return sentence[:at] + new + sentence[end:]
