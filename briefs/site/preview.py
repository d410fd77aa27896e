"""What makes the preview's *dirty* rebuilds complete, and quick, at a thousand briefs.

After the first build, ``briefs serve`` rebuilds only what changed (``_Preview``):

- a brief page when its Markdown changed (MkDocs' own test: source newer than output);
- a listing page (``listings.plan``) when its ``Listing`` differs from the one the
  previous build rendered, or one of its briefs shows other regions; an unchanged
  listing keeps the page it has (and MkDocs neither reads nor renders it);
- every other page (the home page, hand-written pages) every time: they are few;
- a page that is no more (a deleted brief, a listing left without briefs) is removed
  from the served folder, so it is not served stale.

Briefs not read again keep the front matter they had when last read. The work that
follows a build (feeds, the Pagefind index: ``hooks.on_post_build``) runs after the
page is served, in one background worker (``AfterBuild``): two runs never overlap and
only the newest waiting run is done, at a lower CPU priority than the rebuilds (on
Linux). The first build does it before serving.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

BRIEFS_PREFIX = "briefs/"
log = logging.getLogger("mkdocs.briefs.preview")


def _site_hooks(config: Any) -> Any:
    """The site's hooks module (``hooks.py``), None when the site has none."""
    for plugin in config.plugins.values():
        state = getattr(plugin, "STATE", None)
        if state is not None and hasattr(state, "listings") and hasattr(state, "catalog"):
            return plugin
    return None


def site_state(config: Any) -> Any:
    """The site hooks' build state (``hooks.STATE``), None when the site has no hooks."""
    return getattr(_site_hooks(config), "STATE", None)


def _not_modified() -> bool:
    return False


def _fixed(value: bool) -> Callable[[], bool]:
    return lambda: value


def _remove(path: str) -> None:
    """Remove a built page (or feed) and the folders it leaves empty."""
    try:
        os.remove(path)
    except OSError:
        return
    folder = os.path.dirname(path)
    while True:
        try:
            os.rmdir(folder)  # only when empty
        except OSError:
            return
        folder = os.path.dirname(folder)


class AfterBuild:
    """Runs the work after a build in one background thread: one run at a time, and of
    the runs asked for meanwhile only the newest."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting: Callable[[], None] | None = None
        self._busy = False
        self._stopped = False
        self.feeds: set[str] = set()  # the feeds the last run wrote, relative to the site
        self._thread = threading.Thread(target=self._loop, name="briefs-after-build",
                                        daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        with self._cond:
            self._waiting = job  # replaces a run not started yet: the last one wins
            self._cond.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until nothing is running or waiting; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and self._waiting is None,
                                       timeout=timeout)

    def stop(self, timeout: float = 60) -> None:
        """Finish the running job (not the waiting one) and stop the thread."""
        with self._cond:
            self._stopped = True
            self._waiting = None
            self._cond.notify_all()
        self._thread.join(timeout)

    def _loop(self) -> None:
        _yield_to_builds()
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._waiting is not None or self._stopped)
                if self._stopped:
                    return
                job, self._waiting, self._busy = self._waiting, None, True
            try:
                assert job is not None
                job()
            except Exception as exc:  # noqa: BLE001 - the preview goes on; the log says why
                with self._cond:
                    newer = self._waiting is not None
                # A build that ran meanwhile may have changed pages under Pagefind: the
                # run it asked for follows and decides.
                (log.debug if newer else log.error)(
                    f"after the build (feeds, search index): {exc}")
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


AFTER_BUILD_NICENESS = 10  # steps of niceness below the preview's own priority
MAX_NICENESS = 19


def _yield_to_builds() -> None:
    """Lower the calling thread's CPU priority, so that a rebuild (the page the editor
    waits for) is not slowed by the previous build's search index: Pagefind uses every
    core, and the process it starts inherits this thread's priority. Linux only: there a
    thread has a priority of its own; elsewhere the call would lower the whole preview's."""
    if sys.platform != "linux":
        return
    thread = threading.get_native_id()
    try:
        lower = min(MAX_NICENESS, os.getpriority(os.PRIO_PROCESS, thread) + AFTER_BUILD_NICENESS)
        os.setpriority(os.PRIO_PROCESS, thread, lower)
    except OSError as exc:  # not permitted in some sandboxes: the preview still works
        log.debug(f"after-build worker keeps its priority: {exc}")


def _post_build(method: Callable[..., None], config: Any, worker: AfterBuild) -> None:
    """The hooks' post-build work, then the feeds of groups that are no more removed."""
    from briefs.site.feeds import all_feeds

    method(config=config)
    state = site_state(config)
    if state is None:
        return
    written = {path for feed in all_feeds(state.catalog, str(config.site_name or ""))
               for path in (feed.rss, feed.json)}
    for path in worker.feeds - written:
        _remove(os.path.join(str(config.site_dir), *path.split("/")))
    worker.feeds = written


def defer_post_build(config: Any, worker: AfterBuild) -> None:
    """Move the site hooks' ``on_post_build`` (feeds, Pagefind) of this build to
    ``worker``; the build returns, and the page is served, without waiting for it."""
    hooks = _site_hooks(config)
    method = getattr(hooks, "on_post_build", None)
    events = config.plugins.events["post_build"]
    if method is None or method not in events:
        return

    def deferred(config: Any) -> None:
        worker.submit(lambda: _post_build(method, config, worker))

    deferred.mkdocs_priority = getattr(method, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    events[events.index(method)] = deferred


def _templates_cache() -> Any:
    import jinja2

    class Templates(jinja2.BytecodeCache):
        """Compiled theme templates kept in memory (a template's key covers its source)."""

        def __init__(self) -> None:
            self.store: dict[str, bytes] = {}

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            data = self.store.get(bucket.key)
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            self.store[bucket.key] = bucket.bytecode_to_string()

    return Templates()


def preview_plugin() -> Any:
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.utils.meta import get_data

    class _Preview(BasePlugin):  # type: ignore[no-untyped-call,type-arg]
        """Makes a dirty rebuild complete for this site (see the module's docstring)."""

        def __init__(self) -> None:
            self.meta: dict[str, tuple[float, dict[str, Any]]] = {}
            self.built: set[str] = set()
            # What the previous build rendered: listings by src_uri, each brief's regions
            # (shown in lists of briefs), the output path of every generated page.
            self.listings: dict[str, Any] = {}
            self.regions: dict[str, tuple[str, ...]] = {}
            self.outputs: dict[str, str] = {}
            self.config_mtime = 0.0
            self.kept: dict[str, str] = {}  # listing pages not rebuilt: src_uri -> newest
            self.templates = _templates_cache()

        def on_pre_build(self, config: Any) -> None:
            self.built = set()
            self.kept = {}

        def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
            self.built.add(page.url)
            return context

        @event_priority(-100)  # after the site's hooks have added their pages
        def on_files(self, files: Any, config: Any) -> Any:
            state = site_state(config)
            listings: dict[str, Any] = dict(state.listings) if state is not None else {}
            entries = state.entries.values() if state is not None else ()
            regions = {e.src_uri: e.values("regions")[:4] for e in entries}
            moved = {uri for uri in regions.keys() | self.regions.keys()
                     if regions.get(uri) != self.regions.get(uri)}
            config_file = str(config.config_file_path or "")
            config_mtime = os.path.getmtime(config_file) if os.path.isfile(config_file) else 0.0
            same_config = config_mtime == self.config_mtime
            outputs: dict[str, str] = {}
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
                uri = str(file.src_uri)
                dest = file.abs_dest_path
                outputs[uri] = dest
                if uri.startswith(BRIEFS_PREFIX):
                    # Decided once: a brief saved while this build runs is read and
                    # written by the next build, never written unread by this one.
                    file.is_modified = _fixed(file.is_modified())
                    continue
                listing = listings.get(uri)
                if listing is not None and same_config and self.listings.get(uri) == listing \
                        and not any(e.src_uri in moved for e in listing.entries) \
                        and os.path.isfile(dest):
                    file.is_modified = _not_modified  # its page stays as built
                    self.kept[uri] = listing.newest
                elif os.path.isfile(dest):
                    os.utime(dest, (0, 0))  # older than any source: rebuilt
            for uri, dest in self.outputs.items():
                if uri not in outputs:
                    _remove(dest)
            self.listings, self.regions, self.outputs = listings, regions, outputs
            self.config_mtime = config_mtime
            return files

        def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
            src = page.file.abs_src_path
            if src and str(page.file.src_uri).startswith(BRIEFS_PREFIX):
                self.meta[page.file.src_uri] = (os.path.getmtime(src), dict(page.meta))
            return html

        @event_priority(100)  # before the site's hooks list the briefs
        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            env.bytecode_cache = self.templates  # each rebuild has a new environment
            for file in files.documentation_pages():
                page = file.page
                if page is None or page.markdown is not None:
                    continue
                uri = str(file.src_uri)
                if uri in self.kept:  # the sitemap's date, as when it was rendered
                    page.update_date = self.kept[uri] or page.update_date
                    continue
                if not uri.startswith(BRIEFS_PREFIX):
                    continue
                mtime = os.path.getmtime(file.abs_src_path)
                known = self.meta.get(file.src_uri)
                if known is None or known[0] != mtime:
                    with open(file.abs_src_path, encoding="utf-8-sig", errors="replace") as f:
                        known = (mtime, get_data(f.read())[1])
                    self.meta[file.src_uri] = known
                page.meta = dict(known[1])
                page.title = page.meta.get("title") or page.title
            return env

        @event_priority(100)  # before Material's search writes its index
        def on_post_build(self, config: Any) -> None:
            """Keep the search entries of the pages not rebuilt. (Material's own merge
            assumes one page was rebuilt; here the home page is rebuilt every time.)"""
            search = next((p for p in config.plugins.values()
                           if hasattr(p, "search_index_prev")), None)
            prev = getattr(search, "search_index_prev", None)
            if search is None or prev is None:
                return
            kept = [entry for entry in prev.entries
                    if str(entry.get("location", "")).split("#")[0] not in self.built]
            search.search_index.entries = kept + search.search_index.entries
            search.search_index_prev = None

    return _Preview()
