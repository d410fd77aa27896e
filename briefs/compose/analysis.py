"""The article as the composer reads it: sentences with their attribution resolved."""

from __future__ import annotations

from dataclasses import dataclass

from briefs.compose.attribution import Attribution, find_attribution, resolve
from briefs.compose.sentences import split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the article, from 0
    attribution: Attribution | None


def analyse(body: tuple[str, ...], outlets: frozenset[str]) -> list[Sentence]:
    """Every sentence of ``body``; anaphoric speakers resolved against earlier ones."""
    out: list[Sentence] = []
    history: list[Attribution] = []
    for p, paragraph in enumerate(body):
        for text in split_sentences(paragraph):
            attribution = find_attribution(text)
            if attribution is not None:
                attribution = resolve(attribution, history, outlets)
                history.append(attribution)
            out.append(Sentence(text, p, len(out), attribution))
    return out
