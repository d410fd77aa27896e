"""The summary: the article's lead, kept faithful and fair.

Chosen by figures (``make eval``, ROUGE against the outlets' own descriptions, beside
Lead-1 and Lead-3): the first *usable* sentence of the article, and the next one when
the first is short (under ``SHORT`` words). Usable means:

- a sentence, not a caption or a line of page furniture (eight words or more, ends like
  a sentence, is not a question, does not open with a quotation mark), nor a run-on
  block that no sentence end splits (over ``MAX_WORDS`` words);
- fair: a loaded term outside a direct quotation is put in neutral words when the
  lexicon has them (``resistance groups``: ``armed groups``); one left outside a
  quotation or an attributed clause gets its trailing clause trimmed off
  (``briefs.compose.loaded``), else the sentence is skipped;
- a wire dateline (``CAIRO —``, ``WASHINGTON (AP) —``) is taken off the front.

Nothing else is rewritten: the summary is the article's own words.
"""

from __future__ import annotations

import re

from briefs.compose.analysis import Sentence
from briefs.compose.attribution import find_attribution
from briefs.compose.loaded import allowed, neutralise, trim_loaded
from briefs.compose.sentences import count_words, strip_dateline

SHORT = 20
MIN_WORDS = 8
MAX_WORDS = 150
LOOK_AHEAD = 6  # sentences: the summary comes from the top of the article
_ENDS = re.compile(r"[.!…。！][\"'”’)」』）]*$")


def usable(sentence: Sentence, min_words: int = MIN_WORDS) -> str | None:
    """The sentence's text as the brief may use it, or ``None``."""
    text = strip_dateline(sentence.text)
    if not min_words <= count_words(text) <= MAX_WORDS or text.endswith("?") \
            or text[:1] in "“\"‘'([" or text.isupper():
        return None
    if not _ENDS.search(text):
        if not text[-1:].isalnum():
            return None
        text += "."  # a paragraph that lost its full stop
    attribution = sentence.attribution if text == sentence.text else find_attribution(text)
    softened = neutralise(text, attribution)
    if softened is not None:
        return softened
    if not allowed(text, attribution):
        return trim_loaded(text)
    return text


def summarize(sentences: list[Sentence]) -> tuple[str, list[int]]:
    """The summary and the indexes of the sentences it uses."""
    chosen: list[tuple[int, str]] = []
    for sentence in sentences[:LOOK_AHEAD]:
        text = usable(sentence)
        if text is None:
            if chosen:
                break
            continue
        chosen.append((sentence.index, text))
        if len(chosen) == 2 or count_words(text) >= SHORT:
            break
    return " ".join(t for _, t in chosen), [i for i, _ in chosen]
