"""A few topic tags, chosen the same way every time.

In order, at most ``MAX_TAGS``, each once (case-insensitive): the two countries most
mentioned, the first two organisations (by acronym when they have one), then, for
English text, the content words the article repeats most (three mentions or more, four
letters or more, never a function word of ``briefs/data/stopwords_en.txt`` nor a
loaded term). An organisation without an acronym is a tag only when short (three words). Ties go to
the word mentioned first; a plural counts with its singular.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from briefs.compose.loaded import loaded_spans

MAX_TAGS = 6
# A lower-case word: ``(?<![\w’'-])[a-z][a-z-]{3,}(?![\w’'-])``, written to open with
# its first letter (the test on the character before follows it) so that the regex
# engine skips fast to where a word can start.
_WORD = re.compile(r"[a-z](?<![\w’'-].)[a-z-]{3,}(?![\w’'-])")
_ACRONYM = re.compile(r"\(([A-Za-z]{2,10})\)$")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("briefs").joinpath("data/stopwords_en.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


def make_tags(text: str, regions: list[str], organizations: list[str],
              lang: str | None) -> list[str]:
    tags: list[str] = [*regions[:2]]
    for org in organizations[:2]:
        match = _ACRONYM.search(org)
        if match or len(org.split()) <= 3:
            tags.append(match.group(1) if match else org)
    if lang == "en":
        stop = _stopwords()
        loaded = {w.casefold() for _t, (a, b) in loaded_spans(text) for w in text[a:b].split()}
        written = [w for w in _WORD.findall(text) if w not in stop and w not in loaded]
        found = [_singular(w) for w in written]
        counts = Counter(w for w in found if w not in stop)
        first = {w: i for i, w in reversed(list(enumerate(found)))}
        words = sorted((w for w, n in counts.items() if n >= 3),
                       key=lambda w: (-counts[w], first[w]))
        tags.extend(_as_written(w, written) for w in words[:2])
    out: list[str] = []
    for tag in tags:
        if tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return out[:MAX_TAGS]


def _as_written(key: str, written: list[str]) -> str:
    """The tag for a counted word: ``key`` when the text writes it so, else the first
    form written ("witnesses" counts as "witnesse", a word no reader should see)."""
    return key if key in written else next(w for w in written if _singular(w) == key)


def _singular(word: str) -> str:
    """``convoys`` counts as ``convoy`` (not ``press`` or ``analysis``)."""
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "is", "us")) else word
