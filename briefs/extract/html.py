"""Extract an article from a saved HTML page: trafilatura for the text, plus metadata."""

from __future__ import annotations

from typing import Any

from briefs.clean import clean_line
from briefs.extract.dates import parse_date
from briefs.record import Brief


def extract_html(html: str) -> Brief:
    """Headline, body paragraphs and metadata from an HTML page."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=False,
        with_metadata=True, deduplicate=False,
    )
    if doc is None:
        return Brief()
    text = doc.text or ""
    body = tuple(clean_line(p) for p in text.split("\n") if clean_line(p))
    return Brief(
        title=clean_line(doc.title) if doc.title else None,
        body=body,
        date=parse_date(doc.date),
        byline=clean_line(doc.author) if doc.author else None,
        categories=tuple(doc.categories or ()),
        tags=tuple(doc.tags or ()),
        description=clean_line(doc.description) if doc.description else None,
        site_name=clean_line(doc.sitename) if doc.sitename else None,
        url=doc.url or None,
        lang=doc.language or None,
    )
