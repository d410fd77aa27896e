"""Stage 4, compose: draft what an editor would write from the extracted article.

summary and key points (extractive), regions and places, organisations and people,
sources cited, quotations, loaded terms for review, tags, language, word count and
reading time. Nothing here invents text: every sentence comes from the article; the
only words added are a resolved speaker's name (``briefs.compose.attribution``).
Fields the page or sidecar already gave (``summary``, ``lang``, ``tags``) are kept.
"""

from __future__ import annotations

from briefs.compose.analysis import analyse
from briefs.compose.lang import detect_language
from briefs.compose.loaded import find_loaded
from briefs.compose.organizations import find_organizations
from briefs.compose.people import find_people
from briefs.compose.places import (
    find_places,
    find_regions,
    names_countries_locally,
    state_regions,
    us_georgia,
)
from briefs.compose.points import key_points
from briefs.compose.quotes import find_quotes
from briefs.compose.sentences import count_words
from briefs.compose.sources import find_sources, known_outlets
from briefs.compose.summary import repeats_title, summarize
from briefs.compose.tags import make_tags
from briefs.record import Brief

WORDS_PER_MINUTE = 230
# The article text the fields are drafted from: its first 200,000 characters. The
# longest text of 1,590 pages tried (a Wikipedia article) has 118,000; a seed at the 2 MB
# limit took 13 s to draft from whole, where every other stage takes 2 to 5.
DRAFTED_FROM = 200_000


def compose(brief: Brief) -> Brief:
    """``brief`` with the drafted fields filled in."""
    words = count_words("\n\n".join(brief.body))
    lead = _lead(brief.body, DRAFTED_FROM)
    text = "\n\n".join(lead)
    sources = find_sources(text)
    outlets = known_outlets() | frozenset(sources)
    sentences = analyse(lead, outlets)
    drafted = [s for s in sentences if not repeats_title(s.text, brief.title or "")]
    summary, used = summarize(drafted)
    lang = brief.lang or detect_language(text)
    regions = us_georgia(text, find_regions(text, lang))
    # Places are vouched for by the countries named in English only: the gazetteer's
    # spelling-tolerant keys read German nouns as towns ("Pizza": Pisa, "Bälle": Basel)
    # once "Deutschland", "Italien" or "Schweiz" make their countries the article's.
    english = us_georgia(text, find_regions(text)) if names_countries_locally(lang) \
        else regions
    places = [p for p in find_places(text, english, lang) if p not in outlets]  # not Xinhua
    regions += [r for r in state_regions(places) if r not in regions]
    organizations = find_organizations(text, exclude=frozenset(sources))
    people = find_people(text, exclude=frozenset(sources) | frozenset(organizations))
    names = [*places, *regions, *organizations, *people, *sources]
    return brief.replace(
        summary=brief.summary or summary or None,
        key_points=tuple(key_points(drafted, brief.title or "", names, used)),
        tags=brief.tags or tuple(make_tags(text, regions, organizations, lang)),
        regions=tuple(regions),
        places=tuple(places),
        organizations=tuple(organizations),
        people=tuple(people),
        sources=tuple(sources),
        quotes=tuple(_full_names(find_quotes(lead, sentences), people)),
        review=tuple(find_loaded([s.text for s in sentences])),
        lang=lang,
        word_count=words,
        reading_time=max(1, round(words / WORDS_PER_MINUTE)),
    )


def _lead(body: tuple[str, ...], most: int) -> tuple[str, ...]:
    """The paragraphs of ``body`` within its first ``most`` characters (at least the
    opening of the first)."""
    out: list[str] = []
    size = 0
    for paragraph in body:
        if size + len(paragraph) > most:
            return tuple(out) if out else (paragraph[:most],)
        out.append(paragraph)
        size += len(paragraph) + 2
    return body


def _full_names(quotes: list[dict[str, str]], people: list[str]) -> list[dict[str, str]]:
    """A speaker named by surname (``Obama``) under the full name found (``Barack Obama``)."""
    out = []
    for quote in quotes:
        speaker = quote["speaker"]
        full = [p for p in people if p.endswith(" " + speaker)]
        out.append({**quote, "speaker": full[0]} if len(full) == 1 else quote)
    return out
