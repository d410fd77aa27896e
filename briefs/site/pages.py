"""A brief page laid out as a brief, from its front matter, every value escaped.

Order: headline, dateline (date, byline, outlet), summary, key points, the facts
(regions, places, categories, sources, tags, people, organisations; regions, categories,
sources and tags link to their listings), quotations, then the article text folded away
in ``<details>``. Whatever fields are present are shown; missing ones are left out.

The block carries Pagefind's attributes: ``data-pagefind-body`` (only brief pages are
indexed), filters for region, category, source, tag and day, the date as meta and sort key.
"""

from __future__ import annotations

import html
import re
from typing import Any

from briefs.record import LANG_CODE, web_address
from briefs.site.catalog import Catalog, day, text_list
from briefs.site.listings import facet_url, href

# (front-matter key, label, pagefind filter name or "")
_FACTS: tuple[tuple[str, str, str], ...] = (
    ("regions", "Regions", "region"),
    ("places", "Places", ""),
    ("categories", "Categories", "category"),
    ("sources", "Sources", "source"),
    ("tags", "Tags", "tag"),
    ("people", "People", ""),
    ("organizations", "Organisations", ""),
)
_LINKED = {"regions", "categories", "sources", "tags"}


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


# Chinese and Japanese characters: written without spaces, so the search index (which
# splits words at spaces) is given their overlapping pairs as words (``cjk_terms``).
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}")
MAX_CJK_TERMS = 5000


def cjk_terms(*texts: str) -> str:
    """The overlapping character pairs of the Chinese and Japanese text in ``texts``
    (``干旱影响`` -> ``干旱 旱影 影响``), each once, in order of first use; '' when none.
    Search splits a Chinese query into the same pairs, so a word inside a sentence is
    found."""
    seen: dict[str, None] = {}
    for text in texts:
        for run in _CJK_RUN.findall(text):  # a run never spans a tag: "<" is no CJK
            for i in range(len(run) - 1):
                seen.setdefault(run[i : i + 2])
                if len(seen) >= MAX_CJK_TERMS:
                    return " ".join(seen)
    return " ".join(seen)


def text_attrs(lang: object) -> str:
    """Attributes for an element that holds the article's own words: ``dir="auto"`` (an
    Arabic or Hebrew headline reads right to left, an English one left to right) and
    the brief's language when it is a valid code (``lang="ar"``)."""
    code = str(lang or "").strip()
    return ' dir="auto"' + (f' lang="{code}"' if LANG_CODE.match(code) else "")


def safe_url(value: object) -> str:
    """``value`` when it is an http(s) URL, else ''. Never a javascript: link."""
    text = str(value or "").strip()
    return text if web_address(text) else ""


def _fact(meta: dict[str, Any], key: str, label: str, pf_filter: str,
          catalog: Catalog, here: str) -> str:
    values = text_list(meta.get(key))
    if key == "tags":  # a tag that repeats a value shown in another facet is not shown twice
        shown = _other_facet_values(meta)
        values = tuple(v for v in values if v.casefold() not in shown)
    if not values:
        return ""
    items = []
    for value in values:
        attr = f' data-pagefind-filter="{pf_filter}"' if pf_filter else ""
        url = facet_url(catalog, key, value) if key in _LINKED else None
        if url:
            items.append(f'<li><a href="{href(url, here)}"{attr}>{escape(value)}</a></li>')
        else:
            items.append(f"<li><span{attr}>{escape(value)}</span></li>")
    listed = "\n".join(items)
    return (f'<div class="brief-facet">\n<dt class="brief-facet__label" data-pagefind-ignore>'
            f'{escape(label)}</dt>\n<dd><ul class="brief-facet__list">{listed}</ul>'
            "</dd></div>\n")


def _other_facet_values(meta: dict[str, Any]) -> set[str]:
    """Casefolded values of every facet but tags, with organisations' acronyms."""
    shown: set[str] = set()
    for key, _label, _pf in _FACTS:
        if key == "tags":
            continue
        for value in text_list(meta.get(key)):
            shown.add(value.casefold())
            if key == "organizations" and value.endswith(")") and " (" in value:
                shown.add(value[value.rindex(" (") + 2:-1].casefold())
    return shown


def _dateline(meta: dict[str, Any]) -> str:
    parts = []
    date = day(meta.get("date"))
    if date:
        parts.append(f'<time datetime="{escape(date)}" data-pagefind-ignore data-pagefind-meta="date" '
                     f'data-pagefind-sort="date:{escape(date)}">{escape(date)}</time>'
                     f'<span hidden data-pagefind-filter="day:{escape(date)}"></span>')
    byline = " ".join(str(meta.get("byline") or "").split())
    if byline:
        parts.append(f'<span class="brief-byline">{escape(byline)}</span>')
    outlet = " ".join(str(meta.get("site_name") or "").split())
    if outlet:
        parts.append(f'<span class="brief-outlet">{escape(outlet)}</span>')
    if not parts:
        return ""
    return f'<p class="brief-dateline">{" · ".join(parts)}</p>'


def _quotes(meta: dict[str, Any], words_of: str) -> str:
    quotes = meta.get("quotes")
    if not isinstance(quotes, list):
        return ""
    rows = []
    for quote in quotes:
        if not isinstance(quote, dict) or not str(quote.get("text") or "").strip():
            continue
        speaker = " ".join(str(quote.get("speaker") or "").split())
        cite = f"<figcaption{words_of}>{escape(speaker)}</figcaption>" if speaker else ""
        rows.append(f'<figure class="brief-quote"><blockquote{words_of}><p>'
                    f'{escape(str(quote["text"]).strip())}</p></blockquote>{cite}</figure>')
    return f'<h2 id="quotes">Quotes</h2>{"".join(rows)}' if rows else ""


def brief_html(meta: dict[str, Any], body_html: str, catalog: Catalog, here: str, *,
               indexed: bool) -> str:
    """The whole content of a brief page, around the article's own HTML."""
    title = " ".join(str(meta.get("title") or "").split())
    body_attr = " data-pagefind-body" if indexed else ""
    words_of = text_attrs(meta.get("lang"))
    parts = [f'<div class="brief"{body_attr}>',
             f'<h1 data-pagefind-meta="title"{words_of}>{escape(title)}</h1>', _dateline(meta)]
    summary = str(meta.get("summary") or meta.get("description") or "").strip()
    if summary:
        parts.append(f'<p class="brief-summary" data-pagefind-meta="summary"{words_of}>'
                     f'{escape(summary)}</p>')
    points = text_list(meta.get("key_points"))
    if points:
        items = "".join(f"<li>{escape(p)}</li>" for p in points)
        parts.append(f'<h2 id="key-points">Key points</h2>'
                     f'<ul class="brief-points"{words_of}>{items}</ul>')
    facts = "".join(_fact(meta, key, label, pf, catalog, here) for key, label, pf in _FACTS)
    if facts:
        parts.append(f'<dl class="brief-facts">{facts}</dl>')
    parts.append(_quotes(meta, words_of))
    words = meta.get("word_count")
    size = f" ({words} words)" if isinstance(words, int) and not isinstance(words, bool) else ""
    parts.append(f'<details class="brief-article"><summary data-pagefind-ignore>Full article '
                 f'text{size}</summary>\n<div class="brief-text"{words_of}>\n{body_html}\n'
                 f"</div>\n</details>")
    terms = cjk_terms(title, summary, *points, body_html)
    if terms:  # for the search index only (the characters are Chinese or Japanese only)
        parts.append(f'<p class="brief-terms" hidden data-pagefind-weight="0.5">'
                     f"{escape(terms)}</p>")
    link = safe_url(meta.get("url"))
    if link:
        outlet = " ".join(str(meta.get("site_name") or "").split()) or "the original article"
        parts.append(f'<p class="brief-original" data-pagefind-ignore>Published by <a href="{escape(link)}" '
                     f'rel="nofollow noopener">{escape(outlet)}</a></p>')
    parts.append("</div>")
    return "\n".join(p for p in parts if p)
