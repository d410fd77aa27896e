"""Render a build's pages in worker processes (``briefs build``; one per core).

MkDocs reads every page first (Markdown to HTML, in order: links and the sitemap need all
of them), then renders each page through the theme's templates and writes it. That second
pass is most of a build, and each page's output depends only on what the first pass
gathered, so ``briefs build`` forks when it starts: process ``k`` of ``n`` renders the
pages ``k, k + n, k + 2n...``. A worker sends back what it logged and whether a page
failed; the parent logs the same records (so strict mode counts their warnings) and waits
for every worker before the post-build steps (feeds, search index). Each process notes in
shared memory how far it is, so the parent can start work that needs a set of pages
written (Pagefind over the brief pages) while the rest are still being rendered. The pages' bytes are
the same as in one process: plain ``mkdocs build`` and the preview run the same hooks in
one process.

This wraps ``mkdocs.commands.build._build_page`` of the pinned MkDocs; when a MkDocs has
no such function, or the process runs threads (forking them is unsafe), the build runs
in one process as before.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable, Iterator
from typing import Any

from briefs.incremental import _die_with_parent as die_with_parent
from briefs.incremental import workers


class _Capture(logging.Handler):
    """In a worker: keep every record for the parent instead of printing it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class _Pages:
    """Stands in for ``_build_page``: renders this process's share of the pages."""

    def __init__(self, original: Callable[..., None], count: int) -> None:
        self.original = original
        self.count = count
        self.role = 0  # 0: the parent; k: worker k
        self.index = 0
        self.total = 0
        self.children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
        self.pipe = -1  # in a worker: the write end
        self.capture: _Capture | None = None
        # Shared with the workers: slot k holds how many pages of the loop process k is
        # past (its own written, the others skipped).
        self.progress = mmap.mmap(-1, 8 * max(count, 1))
        self.waiting: list[tuple[Callable[[Any], bool], Callable[[], None], int]] = []

    def when_written(self, wanted: Callable[[Any], bool], action: Callable[[], None]) -> None:
        """Run ``action`` in this process once every page whose file ``wanted`` selects
        is written, whichever process wrote it."""
        self.waiting.append((wanted, action, -1))

    def _past(self, index: int) -> None:
        struct.pack_into("q", self.progress, 8 * self.role, index + 1)
        if self.role or not self.waiting:
            return
        least = min(struct.unpack_from("q", self.progress, 8 * k)[0] for k in range(self.count))
        due = [(w, a, last) for w, a, last in self.waiting if last < least]
        if due:
            self.waiting = [item for item in self.waiting if item not in due]
            for _wanted, action, _last in due:
                action()

    def __call__(self, page: Any, config: Any, doc_files: Any, nav: Any, env: Any,
                 dirty: bool = False, excluded: bool = False) -> None:
        index = self.index
        self.index += 1
        if index == 0:
            self.total = len(doc_files)
            self.waiting = [(wanted, action, max((i for i, file in enumerate(doc_files)
                                                   if wanted(file)), default=-1))
                            for wanted, action, _ in self.waiting]
            self._fork()
        if index % self.count == self.role:
            try:
                self.original(page, config, doc_files, nav, env, dirty, excluded)
            except BaseException as exc:
                if self.role:
                    self._leave(f"{page.file.src_uri}: {exc}" if str(exc) else
                                f"{page.file.src_uri}: {type(exc).__name__}")
                raise
        self._past(index)
        if index == self.total - 1:
            if self.role:
                self._leave(None)
            self._join()
            for _wanted, action, _last in self.waiting:  # not reached while rendering
                action()
            self.waiting = []

    def _fork(self) -> None:
        if threading.active_count() > 1 or self.total < 2 * self.count:
            self.count = 1
            return
        parent = os.getpid()
        for role in range(1, self.count):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                for _pid, other in self.children:
                    os.close(other)
                self.children = []
                self.role, self.pipe = role, write
                die_with_parent(parent)
                self._capture_logs()
                return
            os.close(write)
            self.children.append((pid, read))

    def _capture_logs(self) -> None:
        self.capture = _Capture()
        for name in ("", "mkdocs"):
            logger = logging.getLogger(name)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
        logging.getLogger().addHandler(self.capture)
        logging.getLogger("mkdocs").propagate = True

    def _leave(self, error: str | None) -> None:
        """In a worker: send the records and the outcome to the parent, then exit."""
        records = self.capture.records if self.capture else []
        data = pickle.dumps({"records": records, "error": error})
        try:
            with os.fdopen(self.pipe, "wb") as out:
                out.write(data)
        finally:
            os._exit(1 if error else 0)

    def _join(self) -> None:
        """In the parent: wait for every worker; log their records; raise on a failure."""
        from mkdocs.exceptions import BuildError

        failures = []
        children, self.children = self.children, []
        for pid, read in children:
            with os.fdopen(read, "rb") as pipe:
                data = pipe.read()
            _pid, status = os.waitpid(pid, 0)
            try:
                report = pickle.loads(data)
            except (pickle.UnpicklingError, EOFError):
                report = {"records": [], "error": f"a page worker stopped ({_status(status)})"}
            for name, level, message in report["records"]:
                logging.getLogger(name).log(level, message)
            if report["error"]:
                failures.append(report["error"])
        if failures:
            raise BuildError("; ".join(failures))

    def abandon(self) -> None:
        """Stop the workers of a build that failed in the parent."""
        for pid, read in self.children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            with contextlib.suppress(OSError):
                os.close(read)
        self.children = []


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit {os.waitstatus_to_exitcode(status)}"


_CURRENT: list[_Pages] = []


def when_written(wanted: Callable[[Any], bool], action: Callable[[], None]) -> bool:
    """Within ``pages_in_workers``: run ``action`` (in the building process) as soon as
    every page whose MkDocs ``File`` ``wanted`` selects is written; True. Outside it
    (plain ``mkdocs build``, the preview): False, nothing is registered."""
    if not _CURRENT:
        return False
    _CURRENT[-1].when_written(wanted, action)
    return True


@contextlib.contextmanager
def pages_in_workers(count: int | None = None) -> Iterator[None]:
    """Within this block, an MkDocs build renders its pages in ``count`` processes."""
    from mkdocs.commands import build as mkdocs_build

    count = workers() if count is None else count
    original = getattr(mkdocs_build, "_build_page", None)
    if count < 2 or original is None or not hasattr(os, "fork"):
        yield
        return
    pages = _Pages(original, count)
    mkdocs_build._build_page = pages
    _CURRENT.append(pages)
    try:
        yield
    finally:
        _CURRENT.remove(pages)
        mkdocs_build._build_page = original
        pages.abandon()
        pages.progress.close()
