"""What goes in a page's <head>: description, OpenGraph, feed links and JSON-LD.

The theme override (``overrides/main.html``) prints ``briefs_head`` as is, so every
value is escaped here: attributes with ``html.escape``, the JSON-LD with ``json.dumps``
and ``<``, ``>``, ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026`` so no value can
close the ``<script>`` element.
"""

from __future__ import annotations

import html
import json
from typing import Any

from briefs.site.catalog import day, text_list
from briefs.site.pages import safe_url


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{escape(prop)}" content="{escape(content)}">' if content else ""


def json_ld(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _absolute(site_url: str, url: str) -> str:
    return (site_url.rstrip("/") + "/" + url.lstrip("/")) if site_url else url


def alternates(site_url: str, base_url: str, feeds: list[tuple[str, str, str]]) -> str:
    """Feed autodiscovery links for each (title, rss url, json url), page-relative.

    ``rel="alternate feed"``, not ``rel="alternate"`` alone: Material's script reads every
    ``link[rel=alternate]`` as a language version and fetches a sitemap.xml beside it on
    each page load (1.5 MB at 10,000 briefs).
    """
    out = []
    for title, rss, json_feed in feeds:
        prefix = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""
        out.append(f'<link rel="alternate feed" type="application/rss+xml" title="{escape(title)}" '
                   f'href="{escape(prefix + rss)}">')
        out.append(f'<link rel="alternate feed" type="application/feed+json" '
                   f'title="{escape(title)}" href="{escape(prefix + json_feed)}">')
    return "".join(out)


def page_head(*, title: str, description: str, canonical: str, site_name: str,
              brief: dict[str, Any] | None, site_url: str) -> str:
    """Description and OpenGraph for any page; NewsArticle JSON-LD for a brief."""
    parts = [_meta("description", description, "name"), _meta("og:site_name", site_name),
             _meta("og:title", title), _meta("og:description", description),
             _meta("og:url", canonical),
             _meta("og:type", "article" if brief is not None else "website"),
             _meta("twitter:card", "summary", "name")]
    if brief is None:
        return "".join(parts)
    date = day(brief.get("date"))
    parts.append(_meta("article:published_time", date))
    for section in text_list(brief.get("categories"))[:1]:
        parts.append(_meta("article:section", section))
    for tag in text_list(brief.get("tags")):
        parts.append(_meta("article:tag", tag))
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle",
                            "headline": title[:110]}
    if canonical:
        data["url"] = canonical
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
    if date:
        data["datePublished"] = date
    if description:
        data["description"] = description
    byline = " ".join(str(brief.get("byline") or "").split())
    if byline:
        data["author"] = [{"@type": "Person", "name": byline}]
    outlet = " ".join(str(brief.get("site_name") or "").split())
    data["publisher"] = {"@type": "Organization", "name": site_name}
    source = safe_url(brief.get("url"))
    if source or outlet:
        based: dict[str, Any] = {"@type": "NewsArticle"}
        if source:
            based["url"] = source
        if outlet:
            based["publisher"] = {"@type": "Organization", "name": outlet}
        data["isBasedOn"] = based
    sections = text_list(brief.get("categories"))
    if sections:
        data["articleSection"] = list(sections)
    keywords = text_list(brief.get("tags"))
    if keywords:
        data["keywords"] = list(keywords)
    places = text_list(brief.get("regions")) + text_list(brief.get("places"))
    if places:
        data["contentLocation"] = [{"@type": "Place", "name": p} for p in places]
    lang = str(brief.get("lang") or "").strip()
    if lang:
        data["inLanguage"] = lang
    words = brief.get("word_count")
    if isinstance(words, int) and not isinstance(words, bool):
        data["wordCount"] = words
    parts.append(json_ld(data))
    return "".join(parts)


def canonical(site_url: str, page_url: str) -> str:
    return _absolute(site_url, page_url) if site_url else ""
