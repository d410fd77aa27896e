"""Search with Pagefind: an index of the brief pages only, fetched in small pieces.

``Indexing`` runs the Pagefind binary shipped by the ``pagefind-bin`` package over the
brief pages (only pages under ``briefs/`` that carry ``data-pagefind-body``) and writes
``pagefind/`` (then ``pagefind_order`` makes its bytes the same on every run); with no
page to index, ``pagefind/pagefind.js`` is the empty index ``EMPTY_INDEX``. The header's
search box and the search page (``search_page``) use Pagefind's JavaScript API through
``assets/briefs/search.js``: every file is local.
"""

from __future__ import annotations

import html
import os
import subprocess
from pathlib import Path

from briefs.errors import EnvironmentFailure
from briefs.site import pagefind_order

TIMEOUT_SECONDS = 600
FILTERS = (("region", "Region"), ("category", "Category"), ("source", "Source"))


def _binary() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise EnvironmentFailure("pagefind-bin", "not installed: run make install") from exc
    return str(get_executable())


# Pagefind refuses to build an index of no pages. With no brief published (all drafts,
# or none yet) the search scripts load this module instead: every search finds nothing.
EMPTY_INDEX = """// No brief is published yet: an empty search index (briefs/site/search.py).
export async function options(_options) {}
export async function init() {}
export async function filters() { return {}; }
export async function search(_term, _options) {
  return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
}
export async function debouncedSearch(term, options) { return search(term, options); }
export async function preload() {}
export async function destroy() {}
"""


class Indexing:
    """A Pagefind run, started in the background, writing ``site_dir/pagefind``; the
    pages still to be rendered keep the other core busy meanwhile. ``finish`` waits.

    ``source`` is where the brief pages are read from: the built site, or a folder of
    pages holding only what Pagefind reads (``data-pagefind-body``), at the same paths,
    written while the pages are read (``hooks.on_page_content``) so that indexing runs
    while the site's pages are rendered. Pagefind gives the same index from either.
    """

    def __init__(self, site_dir: str, pages: int = 1, source: str | None = None) -> None:
        self.site_dir = site_dir
        self.proc: subprocess.Popen[str] | None = None
        if pages <= 0:
            folder = Path(site_dir) / "pagefind"
            folder.mkdir(exist_ok=True)
            (folder / "pagefind.js").write_text(EMPTY_INDEX, encoding="utf-8")
            return
        command = [_binary(), "--site", source or site_dir, "--glob", "briefs/**/*.html",
                   "--output-path", str(Path(site_dir) / "pagefind"),
                   "--force-language", "en", "--quiet"]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1"}
        try:
            self.proc = subprocess.Popen(command, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True, env=env)
        except OSError as exc:
            raise EnvironmentFailure("pagefind", f"search index not built: {exc}") from exc

    def finish(self) -> str:
        """Wait for Pagefind, then make its files the same bytes on every run; its log."""
        if self.proc is None:
            return ""
        proc, self.proc = self.proc, None
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            proc.communicate()
            raise EnvironmentFailure("pagefind", f"search index not built: {exc}") from exc
        if proc.returncode != 0:
            detail = (stderr or stdout).strip().splitlines()[-3:]
            raise EnvironmentFailure("pagefind", "search index not built: " + " ".join(detail))
        try:
            pagefind_order.canonicalise(Path(self.site_dir) / "pagefind")
        except (pagefind_order.Unexpected, OSError, KeyError, ValueError) as exc:
            raise EnvironmentFailure("pagefind",
                                     f"search index not made deterministic: {exc}") from exc
        return stdout

    def cancel(self) -> None:
        """Stop a run whose build failed."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.communicate()
            self.proc = None


def search_page(here: str) -> str:
    """The search page: a query box, filters by region, category, source and date."""
    from mkdocs.utils import get_relative_url

    selects = "".join(
        f'<label class="brief-search__field">{label}'
        f'<select name="{name}" data-filter="{name}"><option value="">Any</option></select>'
        f"</label>"
        for name, label in FILTERS)
    base = html.escape(get_relative_url(".", here) or ".", quote=True)
    return (
        '<h1>Search</h1>'
        f'<form class="brief-search" role="search" data-briefs-search-page data-base="{base}">'
        '<label class="brief-search__field brief-search__field--query">Words'
        '<input type="search" name="q" autocomplete="off" spellcheck="false" '
        'placeholder="Search the briefs"></label>'
        f"{selects}"
        '<label class="brief-search__field">From<input type="date" name="from"></label>'
        '<label class="brief-search__field">To<input type="date" name="to"></label>'
        '<button class="md-button md-button--primary" type="submit">Search</button>'
        "</form>"
        '<p class="brief-search__status" role="status" aria-live="polite"></p>'
        '<ol class="brief-search__results"></ol>'
        '<noscript><p>Search needs JavaScript; browse the '
        '<a href="../archive/">archive</a> instead.</p></noscript>')
