"""One run at a time: an exclusive lock on ``docs/.publish.lock``.

The holder writes its pid into the file so that a second run can name it; the file is
emptied when the run ends (a finished run leaves the same bytes behind every time).
A process that holds the lock may take it again (``briefs build`` holds it across
convert, check and build). A dry run takes a shared lock and writes nothing: it waits
for no one, but a writing run started meanwhile is refused, and vice versa.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefs.errors import EnvironmentFailure

_HELD: dict[str, int] = {}  # lock path -> depth, for this process


@contextmanager
def hold(path: Path, shown: str, *, shared: bool = False) -> Iterator[None]:
    """Hold the lock for the block; ``EnvironmentFailure`` at once when another run has it."""
    key = str(path.absolute())
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    if shared and not path.exists():
        yield  # a dry run on a project never converted: nothing to protect, nothing written
        return
    try:
        if not shared:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise EnvironmentFailure(shown, (exc.strerror or str(exc)).lower()) from exc
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            raise EnvironmentFailure(shown, f"another run in progress (pid {holder})") from exc
        if not shared:
            _mark(fd, f"{os.getpid()}\n".encode(), shown)
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]
            if not shared:
                _mark(fd, b"", shown)
    finally:
        os.close(fd)


def _mark(fd: int, data: bytes, shown: str) -> None:
    try:
        os.ftruncate(fd, 0)
        if data:
            os.pwrite(fd, data, 0)
    except OSError as exc:
        raise EnvironmentFailure(shown, (exc.strerror or str(exc)).lower()) from exc
