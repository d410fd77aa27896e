"""The preview: MkDocs' live-reload server, plus a watcher that converts changed seeds.

A seed added or changed while the server runs is converted into docs/; the server sees
the brief change and rebuilds; the open page reloads. Drafts are shown, marked DRAFT.

A full MkDocs build of every page on each save takes seconds at a thousand briefs, so
after the first build the preview rebuilds *dirty*: the changed briefs, the listings whose
briefs changed, the home page; feeds and the search index follow in the background
(``preview``). Changes are seen through the operating system's file events rather than
by polling every file.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefs.errors import BriefsError, EnvironmentFailure

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# An editor's save is a burst of events within milliseconds (write, rename, close); a
# copy of many seeds may last longer and start a run midway: the next run takes the rest.
DEBOUNCE_SECONDS = 0.15


class SeedWatcher:
    """Calls ``on_change`` once a burst of file events under ``folder`` settles; one call
    at a time (a change saved during a run starts the next run when it ends: two converts
    never run at once in the preview, whose lock lets its own threads through)."""

    def __init__(self, folder: Path, on_change: Callable[[], None]) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self._on_change = on_change
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._running = threading.Lock()
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
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._run)
            self._timer.daemon = True
            self._timer.start()

    def _run(self) -> None:
        with self._running:
            self._on_change()

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


def serve(config_file: Path, dev_addr: str, seeds_dir: Path,
          on_seed_change: Callable[[], None], overrides: dict[str, Any] | None = None) -> None:
    """Serve the site with live reload until interrupted. ``overrides``: config values
    given on the command line (``--docs``: ``docs_dir``)."""
    from mkdocs.commands.build import build
    from mkdocs.livereload import LiveReloadServer, _serve_url

    from briefs.site.build import load
    from briefs.site.preview import AfterBuild, defer_post_build, preview_plugin

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(_DirtyNotice())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    _stop_on_sigterm()
    site_dir = tempfile.mkdtemp(prefix="briefs-serve-")
    preview = preview_plugin()
    after_build = AfterBuild()
    first = True

    def get_config() -> Any:
        config = load(config_file, **{**(overrides or {}), "site_dir": site_dir,
                                      "dev_addr": dev_addr, "strict": False})
        config.plugins["briefs-preview"] = preview
        defer_post_build(config, after_build)
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
        try:
            build(config, serve_url=serve_url, dirty=not first)
        except BriefsError as exc:
            if first:
                raise  # the command stops, as ``briefs build`` does
            raise _refused(exc) from exc
        if first:  # the first site served is complete: feeds and search index too
            after_build.wait()
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
        threading.Thread(target=_warm_up, name="briefs-warm-up", daemon=True).start()
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
        after_build.stop()
        config.plugins.on_shutdown()
        logger.removeHandler(handler)
        logger.propagate = True
        shutil.rmtree(site_dir, ignore_errors=True)


def _refused(exc: BriefsError) -> Exception:
    """A rebuild the site's checks refused (an editor's ``docs/latest.md`` where the
    build writes a listing), as one line in place of the traceback MkDocs printed for
    it. MkDocs prints an ``Abort`` as it is, then that the server will appear stuck:
    it holds every page request until a build succeeds, so the reader is shown no
    page rather than the wrong one; the line says so."""
    from mkdocs.exceptions import Abort

    from briefs.site.build import NOT_BUILT

    cause = exc.cause.removesuffix(NOT_BUILT).rstrip("; ")
    return Abort(f"ERROR {BriefsError(exc.path, cause, exc.field).message}; the preview "
                 "is not rebuilt, and its pages do not load, until then")


def split_address(dev_addr: str) -> tuple[str, str]:
    """``HOST:PORT`` as host (an IPv6 one without its brackets) and port."""
    host, _, port = dev_addr.rpartition(":")
    return (host[1:-1] if host.startswith("[") and host.endswith("]") else host), port


def can_listen(dev_addr: str) -> None:
    """Raise ``EnvironmentFailure`` when nothing can listen on ``dev_addr`` (the port is
    taken, or not this user's to open): ``briefs serve`` asks before its first convert,
    where MkDocs would find it after the first build and end in a traceback."""
    import socket

    host, port = split_address(dev_addr)
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, int(port), type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind(address)
    except OSError as exc:
        raise EnvironmentFailure(dev_addr, f"cannot serve there: {exc.strerror or exc}; "
                                 "pass another --dev-addr") from exc


def _stop_on_sigterm() -> None:
    """``kill`` (SIGTERM, as service managers and ``timeout`` stop a process) ends the
    preview as Ctrl+C does: cleanly, its temporary site removed. Python's default for it
    is to die on the spot and leave the site in the temporary folder."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _warm_up() -> None:
    """Load what converting a changed seed needs (place names, the language model: about
    2 s) while nothing has changed yet, rather than after the first seed is saved."""
    from briefs.compose import gazetteer, lang

    gazetteer.places()
    lang.detect_language("A sentence long enough for the language model to be loaded.")


def _watch_by_events(server: Any) -> None:
    """File events instead of MkDocs' polling (every file stat-ed twice a second):
    a change is seen at once. Polling stays where events are not available.

    Only changes count: a file merely opened or read (as every build reads docs/) is no
    reason to rebuild (MkDocs' watcher would rebuild after each build, for ever), nor is a
    hidden file (convert's lock and temporary files), which MkDocs leaves out of the site;
    a temporary file renamed into place is a change."""
    from watchdog import events
    from watchdog.observers import Observer

    changes: list[type[events.FileSystemEvent]] = [
        events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
        events.FileMovedEvent, events.FileClosedEvent, events.DirCreatedEvent,
        events.DirDeletedEvent, events.DirMovedEvent, events.DirModifiedEvent]

    class Visible(events.FileSystemEventHandler):
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def dispatch(self, event: events.FileSystemEvent) -> None:
            paths = [os.fsdecode(p) for p in (event.src_path, event.dest_path) if p]
            if not all(os.path.basename(p).startswith(".") for p in paths):
                self.inner.dispatch(event)

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     event_filter: Any = None, follow_symlink: bool = False) -> Any:
            return super().schedule(Visible(event_handler), path, recursive=recursive,
                                    event_filter=event_filter or changes,
                                    follow_symlink=follow_symlink)

    try:
        observer = ChangesOnly()
    except OSError:
        return
    server.observer = observer
