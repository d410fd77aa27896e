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
- a wire dateline (``CAIRO —``, ``WASHINGTON (AP) —``) is taken off the front;
- not the headline again (``repeats_title``: a page may open its text with it), for
  the summary and the key points alike.

Nothing else is rewritten: the summary is the article's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.compose.analysis import Sentence
from briefs.compose.attribution import find_attribution
from briefs.compose.loaded import allowed, neutralise, trim_loaded
from briefs.compose.sentences import count_words, strip_dateline

SHORT = 20
MIN_WORDS = 8
MAX_WORDS = 150
LOOK_AHEAD = 6  # sentences: the summary comes from the top of the article
_ENDS = re.compile(r"[.!…。！।॥۔።။។．｡][\"'”’)」』）»]*$")
_QUESTION = ("?", "？", "؟")
# Scripts whose sentences end with a mark of their own (。, ।): a line that does not is
# a heading, a caption or a menu item ("会員の方はこちら", "このニュースをシェア"),
# never a paragraph that lost its full stop. Thai and Lao end theirs with no mark: a
# full stop is never added to them.
_OWN_STOP = re.compile(r"[\u0900-\u09ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_NO_STOP = re.compile(r"[\u0e00-\u0eff]")


def usable(sentence: Sentence, min_words: int = MIN_WORDS) -> str | None:
    """The sentence's text as the brief may use it, or ``None``."""
    text = strip_dateline(sentence.text)
    if not min_words <= count_words(text) <= MAX_WORDS or text.endswith(_QUESTION) \
            or text[:1] in "“\"‘'([" or _shouted(text):
        return None
    if not _ENDS.search(text):
        if not text[-1:].isalnum() or _OWN_STOP.match(text[-1]):
            return None
        if not _NO_STOP.match(text[-1]):
            text += "."  # a paragraph that lost its full stop
    attribution = sentence.attribution if text == sentence.text else find_attribution(text)
    softened = neutralise(text, attribution)
    if softened is not None:
        return softened
    if not allowed(text, attribution):
        return trim_loaded(text)
    return text


def _shouted(text: str) -> bool:
    """All in capitals: a line of page furniture. Not a sentence of a script without
    case (Korean, Arabic, Chinese) that names ``MBC`` or ``CNN``, which ``str.isupper``
    calls upper case, its only cased letters being those."""
    if not text.isupper():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return 2 * sum(1 for ch in letters if ch.isupper()) > len(letters)


def repeats_title(text: str, title: str) -> bool:
    """``text`` is the headline again, or a part of it (a page that opens its text with
    the headline, with or without its full stop): letters and digits compared, case
    ignored."""
    said = _letters(text)
    return bool(said) and said in _letters(title)


@lru_cache(maxsize=256)  # (the headline, compared with every sentence)
def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.casefold())


_NOT_LETTER = re.compile(r"[\W_]+")  # what ``str.isalnum`` rejects: \w is isalnum and "_"


def summarize(sentences: list[Sentence]) -> tuple[str, list[int]]:
    """The summary and the indexes of the sentences it uses."""
    chosen: list[tuple[int, str]] = []
    for sentence in sentences[:LOOK_AHEAD]:
        text = usable(sentence)
        if text is None:
            if chosen:
                break
            continue
        if any(_letters(text) == _letters(t) for _, t in chosen):
            continue  # the page printed the sentence twice (a standfirst, then the text)
        chosen.append((sentence.index, text))
        if len(chosen) == 2 or count_words(text) >= SHORT:
            break
    return " ".join(t for _, t in chosen), [i for i, _ in chosen]
