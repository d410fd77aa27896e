"""Extractive summary: sentences of the article, never new text."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(paragraph) if s.strip()]


def summarize(title: str, sentences: list[str]) -> str:
    """The lead sentence, and the next when the lead is short."""
    if not sentences:
        return ""
    chosen = [sentences[0]]
    if len(sentences[0].split()) < 15 and len(sentences) > 1:
        chosen.append(sentences[1])
    return " ".join(chosen)
