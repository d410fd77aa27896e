"""MkDocs hooks, listed in mkdocs.yml: the build-time behaviour of the site.

- ``on_config``: the briefs theme override (``overrides/``: escaped head, Pagefind search
  box) goes in front of Material's templates.
- ``on_files``: every brief's front matter is read once (``catalog``); ``draft: true``
  briefs become MkDocs drafts (left out of the build, listings, feeds, sitemap and
  search; shown marked DRAFT by ``serve``), and so does any other page with ``draft:
  true`` in its front matter (``docs/notes.md``); listing pages are added as virtual
  files. A file in docs/ whose output is one the build generates (``docs/tags.md`` is
  ``tags/index.html``, ``docs/feed.xml``, ``docs/pagefind/...``) fails the build, named:
  one or the other was dropped in silence.
- ``on_page_markdown``: escaped titles.
- ``on_env``: each page's sitemap date is its newest brief's.
- ``on_page_content``: every rendered Markdown body is sanitised (``sanitize.clean_html``:
  nh3, our tags and classes only); then a brief page is laid out as a brief; listing
  pages and the home page's charts and latest briefs are filled in from the catalog,
  every value escaped (``page_content``).
- ``on_page_context``: description, OpenGraph, feed links and JSON-LD for the head.
- ``on_post_build``: RSS and JSON feeds, then the Pagefind index of the brief pages.
  In ``briefs build`` Pagefind starts earlier, in the background: each brief's
  searchable part is written to a page of its own as it is read, and Pagefind indexes
  those as soon as every page is read (``briefs.site.parallel.when_read``), while the
  pages are rendered; ``on_post_build`` then waits for it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from typing import Any

from briefs.markdown_bounds import bounded_page
from briefs.site import catalog as cat
from briefs.site import charts, feeds, head, listings, pages, parallel, sanitize, search
from briefs.site.build import NOT_BUILT, BuildFailed

OVERRIDES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "overrides")
HOME_LATEST = 10
SEARCH_PAGES = ".search-pages"  # in the site folder while it is built, removed after


class _State:
    catalog: cat.Catalog = cat.build([])
    entries: dict[str, cat.Entry] = {}
    listings: dict[str, listings.Listing] = {}
    indexing: search.Indexing | None = None
    search_pages: str | None = None  # where each brief's searchable part is written


STATE = _State()


def is_brief(page: Any) -> bool:
    return str(page.file.src_uri).startswith(cat.BRIEFS_PREFIX)


def is_draft(path: str) -> bool:
    """Whether the page at ``path`` says ``draft:`` with anything but false, as a brief
    draft does: MkDocs itself reads no such key, and published a hand-written page an
    editor had marked a draft."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            meta = cat.front_matter(handle.read())
    except OSError:
        return False
    return meta is not None and meta.get("draft") not in (None, False)


def on_config(config: Any) -> Any:
    dirs = config.theme.dirs
    if OVERRIDES not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)
    return config


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File, InclusionLevel

    entries = []
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        if not str(file.src_uri).startswith(cat.BRIEFS_PREFIX):
            if is_draft(file.abs_src_path):
                file.inclusion = InclusionLevel.DRAFT
            continue
        entry, draft = cat.read_entry(file.src_uri, file.url, file.abs_src_path)
        if draft or entry is None:  # never publish what cannot be read (briefs build refuses it)
            file.inclusion = InclusionLevel.DRAFT
        elif entry is not None and file.inclusion.is_included():
            entries.append(entry)
    STATE.catalog = cat.build(entries)
    STATE.indexing = None
    STATE.search_pages = None
    light = os.path.join(str(config.site_dir), SEARCH_PAGES)

    def start_indexing() -> None:
        STATE.indexing = search.Indexing(str(config.site_dir), len(entries), source=light)

    # In `briefs build`, each brief's searchable part is also written to a page of its
    # own as it is read; Pagefind indexes those while the site's pages are rendered
    # (elsewhere it reads the built brief pages, in on_post_build).
    if parallel.when_read(start_indexing):
        STATE.search_pages = light
    STATE.entries = {e.src_uri: e for e in entries}
    # Listings are reached from the home page and the briefs, never from the nav.
    planned = {uri: (listing, File.generated(config, uri, inclusion=InclusionLevel.NOT_IN_NAV,
                                             content=listings.virtual_content(listing)))
               for uri, listing in listings.plan(STATE.catalog).items()}
    made = {str(file.dest_uri): f"the {listing.title!r} listing"
            for listing, file in planned.values()}
    made.update((path, "a feed") for feed in feeds.all_feeds(STATE.catalog, "")
                for path in (feed.rss, feed.json))
    refuse_collisions(files, made, config)
    refuse_live_files(files, config)
    STATE.listings = {uri: listing for uri, (listing, _) in planned.items()}
    for _listing, file in planned.values():
        files.append(file)
    return files


def refuse_collisions(files: Any, made: dict[str, str], config: Any) -> None:
    """Raise ``BuildFailed`` naming the first file of docs/ whose output is one the build
    makes (``made``: output path -> what it is) or inside ``pagefind/``. MkDocs kept one
    of the two in silence: the editor's page replaced the regions listing, while
    ``docs/latest.md`` and ``docs/feed.xml`` were lost."""
    docs = os.path.join(os.path.abspath(str(config.docs_dir)), "")
    for file in files:
        if not file.abs_src_path or not os.path.abspath(file.abs_src_path).startswith(docs):
            continue  # the theme's files
        dest = str(file.dest_uri)
        what = made.get(dest) or ("the search index" if dest.startswith("pagefind/") else "")
        if what:
            raise BuildFailed(f"{os.path.basename(docs[:-1])}/{file.src_uri}",
                              f"would be published at {dest}, where the build writes {what}; "
                              f"rename or move it; {NOT_BUILT}")


# Files of docs/ that MkDocs copies as they are and a browser runs: pages and scripts.
LIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs")
# An SVG is an image until it holds a script, an event handler or HTML.
_LIVE_SVG = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<foreignobject|<iframe|<embed",
                       re.IGNORECASE)


def refuse_live_files(files: Any, config: Any) -> None:
    """Raise ``BuildFailed`` naming the first file of docs/ that would reach a reader's
    browser as live code: a page or script MkDocs copies as it is (Markdown pages are
    cleaned, copied files are not), an SVG with a script in it, or a file that takes the
    place of one of the theme's own (``assets/javascripts/bundle.*.min.js``, loaded by
    every page)."""
    docs = os.path.join(os.path.abspath(str(config.docs_dir)), "")
    themes = [str(d) for d in config.theme.dirs]
    for file in files:
        if not file.abs_src_path or not os.path.abspath(file.abs_src_path).startswith(docs) \
                or file.is_documentation_page():
            continue
        uri = str(file.src_uri)
        why = ""
        if uri.lower().endswith(LIVE_SUFFIXES):
            why = "is copied into the site as it is, scripts and all"
        elif uri.lower().endswith(".svg") and _svg_is_live(file.abs_src_path):
            why = "is an SVG image with a script, an event handler or a link to script in it"
        elif any(os.path.isfile(os.path.join(theme, uri)) for theme in themes):
            why = f"would replace the theme's own {uri}"
        if why:
            raise BuildFailed(f"{os.path.basename(docs[:-1])}/{uri}",
                              f"{why}; only Markdown pages, styles and images are published "
                              f"from {os.path.basename(docs[:-1])}/: remove it; {NOT_BUILT}")


def _svg_is_live(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return _LIVE_SVG.search(handle.read()) is not None
    except OSError:
        return False


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if "title" in page.meta:
        # The theme prints page.title unescaped (<title>, header, h1, nav); a title from
        # front matter is raw text, on any page (briefs, listings, hand-written pages).
        page.title = html.escape(" ".join(str(page.meta.get("title") or "").split()),
                                 quote=True)
    # An editor may paste anything into a brief: what would take Python-Markdown minutes
    # or its stack (20,000 "[", a list 500 deep) is made safe; the rest is left as written.
    return bounded_page(markdown)


# The days a sitemap date may take: MkDocs stamps the gzipped sitemap with the newest as
# a 32-bit Unix time, which a brief of 1965 (an archive's) or of 9999 (a typo an editor
# kept) would overflow, failing the whole build. The brief's page shows its own date.
SITEMAP_DAYS = ("1970-01-01", "2106-02-06")


def _sitemap_date(page: Any) -> str:
    """A brief's date; a listing's newest brief's; the newest brief's for other pages;
    within ``SITEMAP_DAYS``."""
    uri = str(page.file.src_uri)
    newest = STATE.catalog.newest
    if is_brief(page):
        entry = STATE.entries.get(uri)
        day = (entry.date if entry is not None else cat.day(page.meta.get("date"))) or newest
    elif uri in STATE.listings:
        day = STATE.listings[uri].newest or newest
    else:
        day = newest
    first, last = SITEMAP_DAYS
    return min(max(day, first), last) if day else day


def on_env(env: Any, config: Any, files: Any) -> Any:
    # Every page's sitemap date, here where every page exists, read in this process or
    # not (briefs.site.parallel), before the sitemap is written.
    from mkdocs.structure.files import InclusionLevel

    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        if file.page is not None:
            file.page.update_date = _sitemap_date(file.page) or file.page.update_date
    return env


def page_content(content: str, page: Any) -> str:
    """A page's HTML: the rendered Markdown sanitised, then laid out (a brief), made from
    the catalog (a listing) or followed by the latest briefs (the home page)."""
    content = sanitize.clean_html(content)
    uri = str(page.file.src_uri)
    here = page.url
    if is_brief(page):
        return pages.brief_html(page.meta, content, STATE.catalog, here,
                                indexed=page.file.inclusion.is_included())
    listing = STATE.listings.get(uri)
    if listing is not None:
        if listing.kind == "search":
            return search.search_page(here)
        return listings.html_for(listing, here)
    if page.is_homepage:
        return content + _home(here)
    return content


def _home(here: str) -> str:
    entries = STATE.catalog.entries
    parts = [listings.browse_links(here)]
    pictures = charts.countries(STATE.catalog) + charts.weeks(STATE.catalog)
    if pictures:
        parts.append(f'<div class="brief-charts">{pictures}</div>')
    parts.append('<h2 id="latest">Latest briefs</h2>')
    parts.append(listings.feed_links(("feed.xml", "feed.json"), here))
    if entries:
        parts.append(listings.brief_items(entries[:HOME_LATEST], here))
        if len(entries) > HOME_LATEST:
            parts.append(f'<p><a href="{listings.href("latest/", here)}">'
                         f"All {len(entries)} briefs →</a></p>")
    else:
        parts.append('<p class="brief-empty">No briefs published yet.</p>')
    return "".join(parts)


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    content = page_content(content, page)
    if STATE.search_pages and is_brief(page) and page.file.inclusion.is_included():
        path = os.path.join(STATE.search_pages, *str(page.file.dest_uri).split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(f'<!doctype html><html lang="en"><meta charset="utf-8"><body>{content}'
                      "</body></html>")
    return content


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    uri = str(page.file.src_uri)
    site_url = str(config.site_url or "")
    site_name = str(config.site_name or "")
    brief = page.meta if is_brief(page) else None
    listing = STATE.listings.get(uri)
    alternates = [(site_name, "feed.xml", "feed.json")]
    if brief is not None:
        title = " ".join(str(brief.get("title") or "").split())
        description = str(brief.get("summary") or brief.get("description") or "")
    elif listing is not None:
        title, description = listing.title, listing.intro
        if listing.feeds:
            alternates.append((f"{site_name}: {listing.title}", *listing.feeds))
    else:
        title = str(page.meta.get("title") or config.site_name)
        description = str(page.meta.get("description") or config.site_description or "")
    context["briefs_head"] = (
        head.page_head(title=title, description=" ".join(description.split()),
                       canonical=head.canonical(site_url, page.url), site_name=site_name,
                       brief=brief, site_url=site_url)
        + head.alternates(site_url, str(context.get("base_url") or ""), alternates))
    return context


def on_post_build(config: Any) -> None:
    site_dir = str(config.site_dir)
    indexing = STATE.indexing or search.Indexing(site_dir, len(STATE.catalog.entries))
    STATE.indexing = None
    try:
        feeds.write_feeds(STATE.catalog, site_dir, str(config.site_url or ""),
                          str(config.site_name or ""), str(config.site_description or ""))
    except BaseException:
        indexing.cancel()
        raise
    indexing.finish()
    if STATE.search_pages and os.path.isdir(STATE.search_pages):
        shutil.rmtree(STATE.search_pages)  # never published
    STATE.search_pages = None


def on_build_error(error: Exception) -> None:
    if STATE.indexing is not None:
        STATE.indexing.cancel()
        STATE.indexing = None
