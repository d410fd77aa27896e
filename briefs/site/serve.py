"""The preview: MkDocs' live-reload server, plus a watcher that converts changed seeds.

A seed added or changed while the server runs is converted into docs/; MkDocs sees
the brief change and rebuilds; the open page reloads. Drafts are shown, marked DRAFT.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

DEBOUNCE_SECONDS = 0.3


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


def serve(config_file: Path, dev_addr: str, seeds_dir: Path,
          on_seed_change: Callable[[], None]) -> None:
    """Serve the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    watcher = SeedWatcher(seeds_dir, on_seed_change)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                     strict=False)
    finally:
        watcher.stop()
        logger.removeHandler(handler)
