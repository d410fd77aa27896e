"""HTML fragments for the site, built from brief front matter with every value escaped."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

BRIEFS_PREFIX = "briefs/"
LATEST_COUNT = 50


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def is_brief(page: Any) -> bool:
    return str(page.file.src_uri).startswith(BRIEFS_PREFIX)


def mark_drafts(files: Any) -> None:
    """Make briefs whose front matter says ``draft: true`` MkDocs drafts. A brief whose
    front matter cannot be read is a draft too: never publish what may be withdrawn
    (``briefs build`` refuses such a brief before MkDocs runs)."""
    from mkdocs.structure.files import InclusionLevel

    from briefs.errors import BriefsError
    from briefs.validate import split_front_matter

    for file in files.documentation_pages():
        if not str(file.src_uri).startswith(BRIEFS_PREFIX):
            continue
        try:
            with open(file.abs_src_path, encoding="utf-8") as handle:
                meta, _body = split_front_matter(handle.read(), str(file.src_uri))
            draft = meta.get("draft") is not False and meta.get("draft") is not None
        except (OSError, UnicodeDecodeError, BriefsError):
            draft = True
        if draft:
            file.inclusion = InclusionLevel.DRAFT


@dataclass(frozen=True)
class Entry:
    title: str
    date: str
    url: str
    summary: str
    categories: tuple[str, ...]


def _day(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")


def collect(files: Any) -> list[Entry]:
    """Every published brief page, newest first (ties by title)."""
    out = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or not is_brief(page) or not file.inclusion.is_included():
            continue
        meta = page.meta
        out.append(Entry(title=str(meta.get("title") or ""), date=_day(meta.get("date")),
                         url=file.url, summary=str(meta.get("summary") or ""),
                         categories=tuple(str(c) for c in meta.get("categories") or ())))
    out.sort(key=lambda e: (e.title, e.url))
    out.sort(key=lambda e: e.date, reverse=True)
    return out


def _chips(label: str, values: object) -> str:
    if not isinstance(values, list) or not values:
        return ""
    items = "".join(f'<li>{escape(v)}</li>' for v in values)
    return (f'<div class="brief-facet"><span class="brief-facet__label">{escape(label)}</span>'
            f'<ul class="brief-facet__list">{items}</ul></div>')


def brief_header(meta: dict[str, Any]) -> str:
    """The block that opens a brief page: date, facets and summary."""
    parts = ['<div class="brief-meta">']
    day = _day(meta.get("date"))
    if day:
        parts.append(f'<p class="brief-date"><time datetime="{escape(day)}">{escape(day)}'
                     "</time></p>")
    parts.append(_chips("Categories", meta.get("categories")))
    parts.append(_chips("Regions", meta.get("regions")))
    parts.append(_chips("Sources", meta.get("sources")))
    if meta.get("summary"):
        parts.append(f'<p class="brief-summary"><strong>{escape(meta["summary"])}</strong></p>')
    parts.append("</div>\n\n")
    return "".join(parts)


def latest_list(entries: list[Entry], page: Any) -> str:
    """The home page's list of the latest briefs."""
    if not entries:
        return '<p class="brief-empty">No briefs published yet.</p>'
    rows = []
    for entry in entries[:LATEST_COUNT]:
        href = escape(_relative(entry.url, page.url))
        rows.append(
            f'<li class="brief-item"><a href="{href}">{escape(entry.title)}</a> '
            f'<time datetime="{escape(entry.date)}">{escape(entry.date)}</time>'
            f'<p>{escape(entry.summary)}</p></li>')
    return f'<h2 id="latest">Latest briefs</h2><ul class="brief-list">{"".join(rows)}</ul>'


def _relative(url: str, base: str) -> str:
    from mkdocs.utils import get_relative_url

    return str(get_relative_url(url, base))
