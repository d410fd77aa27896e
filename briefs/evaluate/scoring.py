"""Pure scoring functions: how close an extraction is to the ground truth.

- Body: bag-of-tokens precision, recall and F1, as the scrapinghub
  article-extraction-benchmark scores ``articleBody`` (``\\w+`` tokens, counted with
  multiplicity; true positives are the overlap of the two multisets), with tokens
  casefolded. ``ngram`` > 1 scores shingles of that many tokens instead.
- Headline: equal after normalising quotes, dashes, case and whitespace, accepting the
  variants without a site suffix or prefix (``Title - Site``, ``Site | Title``).
- Date: the same calendar day (``2019-01-03T07:00:02Z`` and ``date(2019, 1, 3)`` match).
- Byline: equal after dropping ``By``/``Par``/``Von``..., punctuation and case; a byline
  naming one of several annotated authors (or the reverse) counts as a match.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefs.extract.text.blocks import HAN_KANA_CHAR

_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "…": "...",
})
# Separators between a headline and the site's name: "Title - Site", "Site | Title".
_SITE_SEP = re.compile(r"\s+[-|:·•/]\s+|\s*[|·•]\s*")
# Chinese and Japanese titles part the site's name without spaces (after NFKC: ":", "|")
_CJK_SITE_SEP = re.compile(r"\s*[_:|]\s*")
_BYLINE_PREFIX = re.compile(
    r"^(by|from|par|von|por|de|di|door|av|af|od|autor|author|auteur|text|texto|"
    r"著者|作者|记者|記者|撰文)\b[:\s]*",
    re.IGNORECASE)
# Words joining names in a byline ("A and B", "A und B", "A et B"...), dropped.
_JOINERS = frozenset({"and", "und", "et", "y", "e", "a", "i", "og", "och", "en", "with",
                      "avec", "mit", "con", "com"})
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def tokenize(text: str | None) -> list[str]:
    """Unicode word tokens (``\\w+``), casefolded, after NFC normalisation; soft hyphens
    (invisible: "Deutsch\\u00adland" is "Deutschland") are not word breaks."""
    if not text:
        return []
    return _TOKEN.findall(unicodedata.normalize("NFC", text.replace("\u00ad", "")).casefold())


def shingles(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    """Overlapping runs of ``n`` tokens (a text shorter than ``n`` is one shingle)."""
    if n <= 1:
        return [(t,) for t in tokens]
    if not tokens:
        return []
    return [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]


@dataclass(frozen=True)
class Overlap:
    """Token-level agreement between an extraction and the truth."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of extracted tokens that are in the truth (1.0 when nothing extracted
        and nothing expected, 0.0 when nothing extracted but something expected)."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of truth tokens that were extracted."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def token_overlap(predicted: str | None, truth: str | None, ngram: int = 1) -> Overlap:
    """True positives, false positives and false negatives over token (or shingle) bags."""
    pred = Counter(shingles(tokenize(predicted), ngram))
    true = Counter(shingles(tokenize(truth), ngram))
    tp = sum((pred & true).values())
    return Overlap(tp=tp, fp=sum(pred.values()) - tp, fn=sum(true.values()) - tp)


def token_diff(predicted: str | None, truth: str | None) -> tuple[list[str], list[str]]:
    """Tokens missing from the extraction and extra in it, each in text order."""
    pred_tokens, true_tokens = tokenize(predicted), tokenize(truth)
    extra_bag = Counter(pred_tokens) - Counter(true_tokens)
    missing_bag = Counter(true_tokens) - Counter(pred_tokens)
    return _take(true_tokens, missing_bag), _take(pred_tokens, extra_bag)


def _take(tokens: Iterable[str], bag: Counter[str]) -> list[str]:
    """The tokens counted in ``bag``, in the order they occur (the last occurrences)."""
    picked: list[str] = []
    left = Counter(bag)
    for token in reversed(list(tokens)):
        if left[token] > 0:
            picked.append(token)
            left[token] -= 1
    return picked[::-1]


def normalize_headline(text: str) -> str:
    """Casefolded, typographic quotes and dashes made plain, soft hyphens dropped,
    whitespace collapsed, trailing full stops and outer quotes dropped."""
    text = unicodedata.normalize("NFKC", text.replace("\u00ad", "")).translate(_QUOTES).casefold()
    text = " ".join(text.split()).strip(" .")
    for quote in ('"', "'"):
        if len(text) > 2 and text[0] == text[-1] == quote and quote not in text[1:-1]:
            text = text[1:-1].strip(" .")  # «Gute Löhne reichen nicht» quotes a speaker
    return text


def headline_variants(text: str) -> set[str]:
    """The normalised headline, and the headline without a site suffix or prefix
    (everything after the last separator, or before the first)."""
    norm = normalize_headline(text)
    variants = {norm}
    seps = list(_SITE_SEP.finditer(norm))
    if seps:
        variants.add(norm[: seps[-1].start()])  # "Title - Site" -> "Title"
        variants.add(norm[seps[0].end() :])     # "Site | Title" -> "Title"
    cut = norm
    while HAN_KANA_CHAR.search(cut):
        # "見出し：日本経済新聞", "标题_栏目_站名": unspaced, and only short last parts
        parts = _CJK_SITE_SEP.split(cut)
        if len(parts) < 2 or 2 * len(parts[-1]) > len(cut) - len(parts[-1]):
            break
        cut = cut[: cut.rfind(parts[-1])].rstrip(" :_|")
        variants.add(cut)
    return {v.strip(" .") for v in variants if v.strip(" .")}


def headline_match(predicted: str | None, truth: str | None) -> bool:
    """Same headline, once normalised, with or without the site's name around it."""
    if not predicted or not truth:
        return False
    pred, true = normalize_headline(predicted), normalize_headline(truth)
    if pred == true:
        return True
    return bool(headline_variants(predicted) & headline_variants(truth))


def as_day(value: object) -> dt.date | None:
    """The calendar day of an ISO string (``2019-01-03T07:00Z``), a date or a datetime."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DAY.search(value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def date_match(predicted: object, truth: object) -> bool:
    """Same calendar day (time and time zone ignored, as the page prints the day)."""
    pred, true = as_day(predicted), as_day(truth)
    return pred is not None and pred == true


def normalize_byline(text: str) -> list[str]:
    """A byline's name tokens: ``By JOE HILDEBRAND`` -> ``['joe', 'hildebrand']``
    (joining words such as ``and``/``und``/``et`` dropped)."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _BYLINE_PREFIX.sub("", text)
    return [t for t in tokenize(text) if t not in _JOINERS]


def byline_match(predicted: str | None, truth: str | None) -> bool:
    """Same names, once normalised; or all names of one appear, in order, in the other
    (``Martin Untersinger`` matches ``Martin Untersinger (avec Damien Leloup)``)."""
    if not predicted or not truth:
        return False
    pred, true = normalize_byline(predicted), normalize_byline(truth)
    if not pred or not true:
        return False
    if pred == true:
        return True
    shorter, longer = (pred, true) if len(pred) <= len(true) else (true, pred)
    if len(shorter) < 2:
        return False
    return _is_run_in(shorter, longer)


def _is_run_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def snippets_found(text: str, snippets: Iterable[str]) -> list[bool]:
    """For each snippet, whether it occurs in ``text`` (whitespace and case normalised)."""
    hay = " ".join(text.casefold().translate(_QUOTES).split())
    return [" ".join(s.casefold().translate(_QUOTES).split()) in hay for s in snippets]


START_SLACK = 25  # tokens the extracted body may carry before the expected opening


def opens_with(body: str, prefix: str) -> bool:
    """Whether ``body`` opens with ``prefix`` (the first words of the expected body): its
    tokens in a row within the body's first tokens, after at most ``START_SLACK`` others
    (a dateline or a kicker the annotation left out)."""
    needle = tokenize(prefix)
    if not needle:
        return True
    return _is_run_in(needle, tokenize(body)[: START_SLACK + len(needle)])
