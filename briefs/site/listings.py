"""Listing pages as MkDocs virtual files: never written into docs/.

- ``latest/`` every brief, newest first, 50 a page (``latest/2/``...);
- ``archive/`` the months with counts, ``archive/YYYY-MM/`` each month's briefs;
- ``categories/``, ``regions/``, ``sources/``, ``tags/``: each value with its count,
  and ``<facet>/<slug>/`` its briefs (with RSS and JSON feeds for regions and categories);
- ``search/`` the search page with its filters.

Each virtual page holds only a front-matter title; its HTML is made from the catalog's
precomputed groups when MkDocs renders it (``html_for``), so no page walks all briefs.
Every value is escaped.
"""

from __future__ import annotations

import calendar
import functools
import html
from dataclasses import dataclass, field
from functools import lru_cache
import yaml

from briefs.site.catalog import FACETS, Catalog, Entry, Group

PER_PAGE = 50


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Listing:
    """One generated page: a slice of briefs, or an index of groups."""

    title: str
    kind: str  # "briefs", "index", "search"
    entries: tuple[Entry, ...] = ()
    groups: tuple[tuple[str, str, int], ...] = ()  # (label, url, count)
    intro: str = ""
    page: int = 1
    pages: int = 1
    first_url: str = ""
    feeds: tuple[str, str] | None = None  # (rss url, json url) of this listing
    newest: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{calendar.month_name[int(number)]} {year}"


def _page_uri(base: str, number: int) -> str:
    return f"{base}index.md" if number == 1 else f"{base}{number}.md"


def _page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}{number}/"


def _paginate(out: dict[str, Listing], base: str, title: str, entries: list[Entry], *,
              intro: str = "", feeds: tuple[str, str] | None = None) -> None:
    count = len(entries)
    pages = max(1, -(-count // PER_PAGE))
    for number in range(1, pages + 1):
        chunk = tuple(entries[(number - 1) * PER_PAGE:number * PER_PAGE])
        shown = title if number == 1 else f"{title} (page {number} of {pages})"
        out[_page_uri(base, number)] = Listing(
            title=shown, kind="briefs", entries=chunk, intro=intro, page=number, pages=pages,
            first_url=base, feeds=feeds, newest=entries[0].date if entries else "")


def _count(n: int) -> str:
    return f"{n} brief{'s' if n != 1 else ''}"


def plan(catalog: Catalog) -> dict[str, Listing]:
    """Every listing page by its src_uri (e.g. ``regions/syria/index.md``)."""
    out: dict[str, Listing] = {}
    _paginate(out, "latest/", "All briefs", catalog.entries,
              intro=f"{_count(len(catalog.entries))}, newest first.",
              feeds=("feed.xml", "feed.json"))
    out["archive/index.md"] = Listing(
        title="Archive", kind="index", newest=catalog.newest,
        groups=tuple((month_label(g.label), f"archive/{g.label}/", len(g.entries))
                     for g in catalog.months),
        intro="Briefs by month of publication.")
    for group in catalog.months:
        _paginate(out, f"archive/{group.label}/", f"Briefs of {month_label(group.label)}",
                  group.entries, intro=f"{_count(len(group.entries))}, newest first.")
    for facet in FACETS:
        groups: list[Group] = catalog.facets[facet.key]
        out[f"{facet.key}/index.md"] = Listing(
            title=facet.plural, kind="index", newest=catalog.newest,
            groups=tuple((g.label, f"{facet.key}/{g.slug}/", len(g.entries)) for g in groups),
            intro=f"Briefs by {facet.singular.lower()}, with the number of briefs.")
        for group in groups:
            base = f"{facet.key}/{group.slug}/"
            feeds = (f"{base}feed.xml", f"{base}feed.json") if facet.feeds else None
            _paginate(out, base, f"{facet.singular}: {group.label}", group.entries,
                      intro=f"{_count(len(group.entries))}, newest first.", feeds=feeds)
    out["search/index.md"] = Listing(title="Search", kind="search", newest=catalog.newest)
    return out


def virtual_content(listing: Listing) -> str:
    """The Markdown source of a generated page: its title (raw; hooks escape every title)."""
    return _virtual_content(listing.title)


@functools.lru_cache(maxsize=65536)  # the preview asks again on every rebuild
def _virtual_content(title: str) -> str:
    front = yaml.safe_dump({"title": title, "hide": ["navigation", "toc"]},
                           allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n"


def href(url: str, base: str) -> str:
    """The link from the page at ``base`` to ``url``, escaped for an attribute."""
    return escape(_relative(url, base))


@lru_cache(maxsize=4096)
def _folder_from(folder: str, base: str) -> str:
    from mkdocs.utils import get_relative_url

    relative = str(get_relative_url(folder, base))
    return "" if relative == "./" else relative


def _relative(url: str, base: str) -> str:
    """``get_relative_url(url, base)``, the folder part worked out once per page: a
    listing links fifty briefs that all live in ``briefs/``."""
    folder, slash, name = url.rstrip("/").rpartition("/")
    if not slash or url == base or base.startswith(url):
        from mkdocs.utils import get_relative_url

        return str(get_relative_url(url, base))
    return _folder_from(folder + "/", base) + url[len(folder) + 1:]


def brief_items(entries: tuple[Entry, ...] | list[Entry], here: str) -> str:
    """A list of briefs: title, date, regions and summary of each."""
    rows = []
    for entry in entries:
        regions = ", ".join(escape(r) for r in entry.values("regions")[:4])
        where = f' <span class="brief-item__regions">{regions}</span>' if regions else ""
        summary = entry.summary if len(entry.summary) <= 320 else entry.summary[:317] + "…"
        rows.append(
            f'<li class="brief-item"><a class="brief-item__title" dir="auto" '
            f'href="{href(entry.url, here)}">{escape(entry.title or entry.url)}</a>'
            f'<div class="brief-item__meta"><time datetime="{escape(entry.date)}">'
            f'{escape(entry.date)}</time>{where}</div>'
            + (f'<p class="brief-item__summary" dir="auto">{escape(summary)}</p>'
               if summary else "")
            + "</li>")
    return f'<ul class="brief-list">{"".join(rows)}</ul>'


def feed_links(feeds: tuple[str, str], here: str) -> str:
    rss, json_feed = feeds
    return (f'<p class="brief-feeds">Follow: <a class="brief-feed" href="{href(rss, here)}" '
            f'type="application/rss+xml">RSS</a> · <a class="brief-feed" '
            f'href="{href(json_feed, here)}" type="application/feed+json">JSON Feed</a></p>')


def _pager(listing: Listing, here: str) -> str:
    if listing.pages <= 1:
        return ""
    parts = []
    if listing.page > 1:
        newer = _page_url(listing.first_url, listing.page - 1)
        parts.append(f'<a href="{href(newer, here)}" rel="prev">← Newer</a>')
    parts.append(f"<span>Page {listing.page} of {listing.pages}</span>")
    if listing.page < listing.pages:
        older = _page_url(listing.first_url, listing.page + 1)
        parts.append(f'<a href="{href(older, here)}" rel="next">Older →</a>')
    return f'<nav class="brief-pager" aria-label="Pages">{" ".join(parts)}</nav>'


def html_for(listing: Listing, here: str) -> str:
    """The HTML of a listing page at URL ``here``."""
    parts = [f"<h1>{escape(listing.title)}</h1>"]
    if listing.intro:
        parts.append(f'<p class="brief-intro">{escape(listing.intro)}</p>')
    if listing.feeds:
        parts.append(feed_links(listing.feeds, here))
    if listing.kind == "index":
        if not listing.groups:
            parts.append('<p class="brief-empty">Nothing here yet.</p>')
        rows = "".join(
            f'<li><a href="{href(url, here)}">{escape(label)}</a> '
            f'<span class="brief-count">{count}</span></li>'
            for label, url, count in listing.groups)
        parts.append(f'<ul class="brief-groups">{rows}</ul>')
        return "".join(parts)
    parts.append(_pager(listing, here))
    parts.append(brief_items(listing.entries, here) if listing.entries
                 else '<p class="brief-empty">No briefs published yet.</p>')
    parts.append(_pager(listing, here))
    return "".join(parts)


def browse_links(here: str) -> str:
    """Links to every listing index, for the home page."""
    links = [("All briefs", "latest/"), ("Archive", "archive/")]
    links += [(facet.plural, f"{facet.key}/") for facet in FACETS]
    links.append(("Search", "search/"))
    items = "".join(f'<li><a href="{href(url, here)}">{escape(label)}</a></li>'
                    for label, url in links)
    return f'<nav class="brief-browse" aria-label="Browse"><ul>{items}</ul></nav>'


def facet_url(catalog: Catalog, key: str, value: str) -> str | None:
    """The listing URL of one value of a facet (None when it has none)."""
    group = catalog.by_value.get(key, {}).get(" ".join(value.split()).casefold())
    return f"{key}/{group.slug}/" if group else None
