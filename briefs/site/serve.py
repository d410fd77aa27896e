"""The preview: MkDocs' live-reload server, plus a watcher that converts changed seeds.

A seed added or changed while the server runs is converted into docs/; the server sees
the brief change and rebuilds; the open page reloads. Drafts are shown, marked DRAFT.

A full MkDocs build of every page on each save takes seconds at a thousand briefs, so
after the first build the preview rebuilds *dirty*: only the pages whose source changed,
plus every page that is not a brief (the home page and listings show the briefs), with
Material's search index merged with the entries of the pages not rebuilt. Unchanged
briefs keep the front matter they had when last read (``_Preview``), so lists of briefs
stay complete. Changes are seen
through the operating system's file events rather than by polling every file.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

DEBOUNCE_SECONDS = 0.3
BRIEFS_PREFIX = "briefs/"


class SeedWatcher:
    """Calls ``on_change`` once a burst of file events under ``folder`` settles."""

    def __init__(self, folder: Path, on_change: Callable[[], None]) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self._on_change = on_change
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                watcher.poke()

        self._observer = Observer()
        self._observer.schedule(Handler(), str(folder), recursive=True)

    def poke(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._on_change)
            self._timer.daemon = True
            self._timer.start()

    def start(self) -> None:
        self._observer.daemon = True
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()


class _DirtyNotice(logging.Filter):
    """Drop MkDocs' warning that a dirty build may be inaccurate: the preview makes up
    for what a dirty build leaves out (see ``_Preview``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def _preview_plugin() -> Any:
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.utils.meta import get_data

    class _Preview(BasePlugin):  # type: ignore[no-untyped-call,type-arg]
        """Makes a dirty rebuild complete for this site: pages that list briefs are
        rebuilt every time, and briefs not read again keep their front matter."""

        def __init__(self) -> None:
            self.meta: dict[str, tuple[float, dict[str, Any]]] = {}
            self.built: set[str] = set()

        def on_pre_build(self, config: Any) -> None:
            self.built = set()

        def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
            self.built.add(page.url)
            return context

        @event_priority(-100)  # after the site's hooks have added their pages
        def on_files(self, files: Any, config: Any) -> Any:
            for file in files.documentation_pages():
                if str(file.src_uri).startswith(BRIEFS_PREFIX):
                    continue
                dest = file.abs_dest_path
                if os.path.isfile(dest):
                    os.utime(dest, (0, 0))  # older than any source: rebuilt
            return files

        def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
            src = page.file.abs_src_path
            if src and str(page.file.src_uri).startswith(BRIEFS_PREFIX):
                self.meta[page.file.src_uri] = (os.path.getmtime(src), dict(page.meta))
            return html

        @event_priority(100)  # before the site's hooks list the briefs
        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            for file in files.documentation_pages():
                page = file.page
                if page is None or page.markdown is not None \
                        or not str(file.src_uri).startswith(BRIEFS_PREFIX):
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


def serve(config_file: Path, dev_addr: str, seeds_dir: Path,
          on_seed_change: Callable[[], None]) -> None:
    """Serve the site with live reload until interrupted."""
    from mkdocs.commands.build import build
    from mkdocs.livereload import LiveReloadServer, _serve_url

    from briefs.site.build import load

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(_DirtyNotice())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    site_dir = tempfile.mkdtemp(prefix="briefs-serve-")
    preview = _preview_plugin()
    first = True

    def get_config() -> Any:
        config = load(config_file, site_dir=site_dir, dev_addr=dev_addr, strict=False)
        config.plugins["briefs-preview"] = preview
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    def builder(config: Any = None) -> None:
        nonlocal first
        logger.info("Building documentation...")
        config = config or get_config()
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=not first)
        first = False

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                              mount_path=mount_path)
    _watch_by_events(server)

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    seeds_dir.mkdir(parents=True, exist_ok=True)
    watcher = SeedWatcher(seeds_dir, on_seed_change)
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        watcher.start()
        try:
            server.serve()
        finally:
            server.shutdown()
    finally:
        watcher.stop()
        config.plugins.on_shutdown()
        logger.removeHandler(handler)
        logger.propagate = True
        shutil.rmtree(site_dir, ignore_errors=True)


def _watch_by_events(server: Any) -> None:
    """File events instead of MkDocs' polling (every file stat-ed twice a second):
    a change is seen at once. Polling stays where events are not available."""
    from watchdog.observers import Observer

    try:
        observer = Observer()
    except OSError:
        return
    server.observer = observer
