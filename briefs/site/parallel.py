"""Read and render a build's pages in worker processes (``briefs build``; one per core).

MkDocs reads every page (Markdown to HTML), then renders each through the theme's
templates and writes it, one page after the other. Most pages here (briefs, listings)
depend on nothing another page's reading produces, so ``briefs build`` forks when the
reading starts: process ``k`` of ``n`` reads and renders the pages ``k, k + n, k + 2n...``
of MkDocs' page list. Pages in the navigation (the home page, hand-written pages) are
read by every process, since every page's menu shows their titles; each is still
rendered once. Only the parent copies static files and writes the theme's own pages
(sitemap, 404). A worker sends back what it logged, whether a page failed, and each of
its pages' anchors and links to anchors; the parent logs the same records (so strict mode
counts their warnings), restores the anchors (MkDocs checks links to anchors after the
pages are written), and waits for every worker before the post-build steps (feeds,
search index). Each process notes in shared memory when it has read all its pages, so the
parent can start work that needs every page read (Pagefind over the briefs' searchable
parts, see ``hooks``) while the pages are still being rendered.

What a page's output depends on is the same in every process (hooks that need data of all
pages take it from the catalog read in ``on_files``, before the fork), so the site has
the same bytes as when one process builds it: plain ``mkdocs build`` and the preview run
the same hooks in one process.

This wraps functions of the pinned MkDocs (``mkdocs.commands.build._populate_page``,
``_build_page``, ``_build_theme_template``, ``_build_extra_template`` and
``Files.copy_static_files``); when a MkDocs lacks one of them, or the process runs
threads (forking them is unsafe), the build runs in one process.
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

_PATCHED = ("_populate_page", "_build_page", "_build_theme_template", "_build_extra_template")


class _Capture(logging.Handler):
    """In a worker: keep every record for the parent instead of printing it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _shared(file: Any) -> bool:
    """A page every process reads: one the navigation may show (not a brief or listing)."""
    from mkdocs.structure.files import InclusionLevel

    return bool(file.inclusion != InclusionLevel.NOT_IN_NAV)


class _Build:
    """One build's pages shared among processes."""

    def __init__(self, originals: dict[str, Any], count: int) -> None:
        self.originals = originals
        self.count = count
        self.role = 0  # 0: the parent; k: worker k
        self.read_index = 0
        self.index = 0
        self.total = -1
        self.files: Any = None
        self.children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
        self.pipe = -1  # in a worker: the write end
        self.capture: _Capture | None = None
        self.mine: list[Any] = []  # pages this process read (a worker reports their anchors)
        # Shared with the workers: slot k is 1 once process k has read all its pages.
        self.progress = mmap.mmap(-1, 8 * max(count, 1))
        self.after_reading: list[Callable[[], None]] = []

    def owns(self, index: int) -> bool:
        return index % self.count == self.role

    # Reading -------------------------------------------------------------------------

    def populate(self, page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        index = self.read_index
        self.read_index += 1
        if index == 0:
            self.files = files
            self.total = len(files.documentation_pages())
            self._fork()
        if self.owns(index) or _shared(page.file):
            self._guard(page, lambda: self.originals["_populate_page"](page, config, files, dirty))
            if self.owns(index):
                self.mine.append(page)
        if index == self.total - 1:
            struct.pack_into("q", self.progress, 8 * self.role, 1)

    def when_read(self, action: Callable[[], None]) -> None:
        """Run ``action`` in this process once every process has read all its pages."""
        self.after_reading.append(action)

    def _check_read(self) -> None:
        if self.role or not self.after_reading:
            return
        if all(struct.unpack_from("q", self.progress, 8 * k)[0] for k in range(self.count)):
            actions, self.after_reading = self.after_reading, []
            for action in actions:
                action()

    # Writing -------------------------------------------------------------------------

    def build_page(self, page: Any, config: Any, doc_files: Any, nav: Any, env: Any,
                   dirty: bool = False, excluded: bool = False) -> None:
        index = self.index
        self.index += 1
        if index == 0 and len(doc_files) != self.total:
            raise RuntimeError(f"{len(doc_files)} pages to write, {self.total} read")
        self._check_read()
        if self.owns(index):
            self._guard(page, lambda: self.originals["_build_page"](
                page, config, doc_files, nav, env, dirty, excluded))
        if index == self.total - 1:
            if self.role:
                self._leave(None)
            self._join()
            self._check_read()

    def parent_only(self, name: str) -> Callable[..., Any]:
        original = self.originals[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            return None if self.role else original(*args, **kwargs)

        return call

    # Processes -----------------------------------------------------------------------

    def _guard(self, page: Any, work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:
            if self.role:
                self._leave(f"{page.file.src_uri}: {exc}" if str(exc) else
                            f"{page.file.src_uri}: {type(exc).__name__}")
            raise

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
        """In a worker: send the records, the anchors and the outcome, then exit."""
        try:
            records = self.capture.records if self.capture else []
            anchors = [(str(page.file.src_uri), page.present_anchor_ids,
                        {str(to.src_uri): links for to, links in
                         (page.links_to_anchors or {}).items()})
                       for page in self.mine]
            data = pickle.dumps({"records": records, "error": error, "anchors": anchors})
            with os.fdopen(self.pipe, "wb") as out:
                out.write(data)
        finally:
            os._exit(1 if error else 0)

    def _join(self) -> None:
        """In the parent: wait for every worker; log their records, take their pages'
        anchors; raise on a failure."""
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
                report = {"records": [], "anchors": [],
                          "error": f"a page worker stopped ({_status(status)})"}
            for name, level, message in report["records"]:
                logging.getLogger(name).log(level, message)
            if report["error"]:
                failures.append(report["error"])
            self._restore(report["anchors"])
        if failures:
            raise BuildError("; ".join(failures))

    def _restore(self, anchors: list[tuple[str, Any, dict[str, dict[str, str]]]]) -> None:
        for uri, present, links in anchors:
            file = self.files.get_file_from_path(uri)
            if file is None or file.page is None:
                continue
            file.page.present_anchor_ids = present
            file.page.links_to_anchors = {
                target: targets for to, targets in links.items()
                if (target := self.files.get_file_from_path(to)) is not None} or None

    def end(self) -> None:
        """Leaving the build: a worker exits (whatever happened); the parent stops the
        workers of a build that failed."""
        if self.role:
            self._leave("the build stopped early")
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


_CURRENT: list[_Build] = []


def when_read(action: Callable[[], None]) -> bool:
    """Within ``pages_in_workers``: run ``action`` (in the building process) as soon as
    every process has read all its pages (MkDocs' ``on_page_content`` has run for every
    page), while the pages are being rendered; True. Outside it: False."""
    if not _CURRENT:
        return False
    _CURRENT[-1].when_read(action)
    return True


@contextlib.contextmanager
def pages_in_workers(count: int | None = None) -> Iterator[None]:
    """Within this block, an MkDocs build reads and renders its pages in ``count``
    processes (default: ``briefs.incremental.workers()``)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files

    count = workers() if count is None else count
    originals: dict[str, Any] = {name: getattr(mkdocs_build, name, None) for name in _PATCHED}
    originals["copy_static_files"] = getattr(Files, "copy_static_files", None)
    if count < 2 or None in originals.values() or not hasattr(os, "fork"):
        yield
        return
    build = _Build(originals, count)
    patches = {"_populate_page": build.populate, "_build_page": build.build_page,
               "_build_theme_template": build.parent_only("_build_theme_template"),
               "_build_extra_template": build.parent_only("_build_extra_template")}
    original_copy: Any = originals["copy_static_files"]

    def copy_static_files(files: Any, *args: Any, **kwargs: Any) -> None:
        if not build.role:
            original_copy(files, *args, **kwargs)

    for name, patch in patches.items():
        setattr(mkdocs_build, name, patch)
    Files.copy_static_files = copy_static_files  # type: ignore[method-assign,assignment]
    _CURRENT.append(build)
    try:
        yield
    finally:
        try:
            build.end()
        finally:
            _CURRENT.remove(build)
            for name in patches:
                setattr(mkdocs_build, name, originals[name])
            Files.copy_static_files = original_copy  # type: ignore[method-assign]
            build.progress.close()
