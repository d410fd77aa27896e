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
import shutil
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


ENTRY = "pagefind-entry.json"


def _staging(site_dir: str) -> Path:
    """Where Pagefind writes the new index: beside the site, on its file system, so the
    files can be moved into ``site/pagefind`` one by one (a preview serves the site while
    it is re-indexed, and never reads a file half written)."""
    return Path(os.path.abspath(site_dir) + ".pagefind-next")


def swap_in(new: Path, live: Path) -> None:
    """Move the index in ``new`` into ``live``: every file replaced whole, the entry file
    that names the others last, then the files of the old index that the new one no longer
    names removed."""
    names = sorted(p.relative_to(new) for p in new.rglob("*") if p.is_file())
    for rel in sorted(names, key=lambda r: r.as_posix() == ENTRY):
        (live / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(new / rel, live / rel)
    moved = set(names)
    for path in sorted(live.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(live) not in moved:
            path.unlink()
    shutil.rmtree(new, ignore_errors=True)


class Indexing:
    """A Pagefind run, started in the background, writing the index beside the site and
    then into ``site_dir/pagefind`` (``swap_in``); the pages still to be rendered keep the
    other core busy meanwhile. ``finish`` waits.

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
        staging = _staging(site_dir)
        shutil.rmtree(staging, ignore_errors=True)  # a run that was killed
        command = [_binary(), "--site", source or site_dir, "--glob", "briefs/**/*.html",
                   "--output-path", str(staging),
                   "--force-language", "en", "--quiet"]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1"}
        try:
            self.proc = subprocess.Popen(command, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True, env=env)
        except OSError as exc:
            raise EnvironmentFailure("pagefind", f"search index not built: {exc}") from exc

    def finish(self) -> str:
        """Wait for Pagefind, then make its files the same bytes on every run; its log.
        However it ends (Pagefind failed, was killed with the preview, timed out), the
        folder it wrote beside the site is gone afterwards."""
        if self.proc is None:
            return ""
        proc, self.proc = self.proc, None
        staging = _staging(self.site_dir)
        try:
            try:
                stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired as exc:
                proc.kill()
                proc.communicate()
                raise EnvironmentFailure("pagefind", f"search index not built: {exc}") from exc
            if proc.returncode != 0:
                detail = (stderr or stdout).strip().splitlines()[-3:]
                raise EnvironmentFailure("pagefind",
                                         "search index not built: " + " ".join(detail))
            try:
                pagefind_order.canonicalise(staging)
                swap_in(staging, Path(self.site_dir) / "pagefind")
            except (pagefind_order.Unexpected, OSError, KeyError, ValueError) as exc:
                raise EnvironmentFailure(
                    "pagefind", f"search index not made deterministic: {exc}") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return stdout

    def cancel(self) -> None:
        """Stop a run whose build failed."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.communicate()
            self.proc = None
            shutil.rmtree(_staging(self.site_dir), ignore_errors=True)


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
