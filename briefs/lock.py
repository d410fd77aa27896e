"""One run at a time: an exclusive lock on ``docs/.publish.lock``.

The holder writes its pid into the file so that a second run can name it; the file is
emptied when the run ends (a finished run leaves the same bytes behind every time).
A process that holds the lock may take it again (``briefs build`` holds it across
convert, check and build). A dry run takes a shared lock and writes nothing: it waits
for no one, but a writing run started meanwhile is refused, and vice versa.
The lock is opened only as a regular file, never through a symlink: ``docs/`` may come
from a pull request, and a link there would have each run empty the file it names.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefs.errors import EnvironmentFailure
from briefs.files import kind_of_file

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
    if shared and not os.path.lexists(path):
        yield  # a dry run on a project never converted: nothing to protect, nothing written
        return
    fd = _open(path, shown, shared)
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


def _open(path: Path, shown: str, shared: bool) -> int:
    """The lock file, opened only when it is a regular file: never through a symlink
    (the holder's pid would be written into, and the file emptied, wherever it points),
    nor a named pipe, which would wait for a writer for ever."""
    _refuse_odd(path, shown)
    flags = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC \
        | (os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT)
    try:
        if not shared:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a symlink put there since the check above
            raise EnvironmentFailure(shown, _SYMLINK) from exc
        raise EnvironmentFailure(shown, (exc.strerror or str(exc)).lower()) from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise EnvironmentFailure(shown, f"not a regular file ({kind_of_file(mode)}); refused")
    return fd


_SYMLINK = "symlink refused; delete it (a run makes the lock file again)"


def _refuse_odd(path: Path, shown: str) -> None:
    """``EnvironmentFailure`` naming what is at ``path`` when it is no regular file."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return  # none yet (made by the open), or the open names the cause
    if stat.S_ISLNK(mode):
        raise EnvironmentFailure(shown, _SYMLINK)
    if not stat.S_ISREG(mode):
        raise EnvironmentFailure(shown, f"not a regular file ({kind_of_file(mode)}); refused")


def _mark(fd: int, data: bytes, shown: str) -> None:
    try:
        os.ftruncate(fd, 0)
        if data:
            os.pwrite(fd, data, 0)
    except OSError as exc:
        raise EnvironmentFailure(shown, (exc.strerror or str(exc)).lower()) from exc
