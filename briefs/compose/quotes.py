"""Direct quotations with their speaker.

A quotation is text between quotation marks (“…” or "…") of four words or more; short
ones are scare quotes or titles, not speech. Its speaker is the attribution of the
sentence where the quotation closes (``“...,” the group said.``), else of the sentence
where it opens (``pledged to “...”``), with anaphors resolved. A quotation whose speaker
cannot be named is left out: a quote is only worth keeping with who said it.
"""

from __future__ import annotations

import re

from briefs.compose.analysis import Sentence

# (a quotation holds no opening mark of its own kind: a text of "“" by the thousand
# with no closing one would otherwise be read to its end from each of them)
_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
MIN_WORDS = 4


def find_quotes(body: tuple[str, ...], sentences: list[Sentence]) -> list[dict[str, str]]:
    """``[{text, speaker}]`` in order of appearance, each quotation once."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for p, paragraph in enumerate(body):
        spans = _spans(paragraph, by_paragraph.get(p, []))
        for match in _QUOTE.finditer(paragraph):
            text = (match.group(1) or match.group(2) or "").strip().rstrip(",")
            if len(text.split()) < MIN_WORDS or text in seen:
                continue
            speaker = _speaker(spans, match.end() - 1) or _speaker(spans, match.start())
            if speaker:
                seen.add(text)
                out.append({"text": text, "speaker": speaker})
    return out


def _spans(paragraph: str, sentences: list[Sentence]) -> list[tuple[int, int, Sentence]]:
    out = []
    pos = 0
    for sentence in sentences:
        start = paragraph.find(sentence.text, pos)
        if start < 0:
            continue
        out.append((start, start + len(sentence.text), sentence))
        pos = start + len(sentence.text)
    return out


def _speaker(spans: list[tuple[int, int, Sentence]], offset: int) -> str:
    for start, end, sentence in spans:
        if start <= offset < end:
            a = sentence.attribution
            if a is None or (a.anaphor and not a.resolved):
                return ""
            return a.name
    return ""
