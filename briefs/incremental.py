"""What makes a convert with nothing changed cheap, and a large convert use every core.

**Stat cache.** ``.briefs/cache/stat.json`` (a local cache, never committed) remembers,
for each seed and each brief file, the ``stat`` fingerprint it had when its content hash
was last computed: size, modification and change times (ns) and inode, as git's index
does. A file whose fingerprint is unchanged is taken to hold the same bytes, so an
unchanged seed is neither read nor hashed. A fingerprint recorded less than
``RACY_NS`` before the cache was saved is not trusted (the file could have changed again
within the file system's timestamp granularity): such a file is hashed again. A missing,
unreadable or foreign cache only means hashing again; it never changes the output.
The cache is written only when what it records changed, so a racily clean file stays
hashed on each run until the cache is next written (a brief is cheap to hash; a seed is
rarely written within seconds of a run).

**Parallel map.** ``parallel_map`` runs a pure function over a list in worker processes
(one per available core) when the list is long enough to pay for them, keeping the
input order, so the result is the same as a serial map.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from briefs.errors import EnvironmentFailure
from briefs.files import read_regular
from briefs.write import write_atomic

CACHE_FILE = Path(".briefs") / "cache" / "stat.json"
VERSION = 1
RACY_NS = 2_000_000_000
MIN_PARALLEL = 64  # fewer items than this run in the calling process
CHUNK = 16

T = TypeVar("T")
R = TypeVar("R")
Fingerprint = tuple[int, ...]  # (size, mtime_ns, ctime_ns, inode) per file, concatenated


def fingerprint(path: Path) -> Fingerprint | None:
    """``(size, mtime_ns, ctime_ns, inode)`` of a regular file; ``None`` otherwise."""
    try:
        st = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class StatCache:
    """Content hashes known by file fingerprint, for seeds and for brief files."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self._saved_ns = int(data.get("saved_ns", 0))
        self._old: dict[str, list[Any]] = dict(data.get("files", {}))
        self._new: dict[str, list[Any]] = {}

    @classmethod
    def load(cls, root: Path) -> StatCache:
        """The cache saved in ``root``; an empty one when it is missing, unreadable, of
        another version or of any shape this class would not have written (a wrong type
        in it must cost a hash, not the run)."""
        try:
            data = json.loads(read_regular(root / CACHE_FILE).decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return cls()
        if not _well_formed(data):
            return cls()
        return cls(data)

    def known(self, key: str, now: Fingerprint | None) -> tuple[str, list[str]] | None:
        """The hash (and notes) recorded for ``key`` if the file still has that fingerprint."""
        entry = self._old.get(key)
        if now is None or not entry or len(entry) != 3:
            return None
        recorded, digest, notes = entry
        if not isinstance(recorded, list) or tuple(recorded) != now:
            return None
        times = [value for i, value in enumerate(now) if i % 4 in (1, 2)]
        if max(times, default=0) >= self._saved_ns - RACY_NS:
            return None  # racily clean: changed maybe within the timestamp granularity
        self._new[key] = entry
        return str(digest), [str(n) for n in notes]

    def record(self, key: str, now: Fingerprint | None, digest: str,
               notes: Sequence[str] = ()) -> None:
        if now is not None:
            self._new[key] = [list(now), digest, list(notes)]

    def save(self, root: Path) -> None:
        """Write what this run saw (entries not seen this run are dropped), only when that
        differs from what was loaded: a run with no changes writes nothing."""
        if self._new == self._old:
            return
        data = {"version": VERSION, "saved_ns": time.time_ns(),
                "files": dict(sorted(self._new.items()))}
        # A cache that cannot be written costs time on the next run, nothing else.
        with contextlib.suppress(EnvironmentFailure):
            write_atomic(root / CACHE_FILE, json.dumps(data, separators=(",", ":")),
                         str(CACHE_FILE), within=root)


def _well_formed(data: object) -> bool:
    """Whether ``data`` is a cache as ``StatCache.save`` writes it: the version, an
    integer ``saved_ns`` and, per file, [fingerprint integers, hash, notes]."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return False
    files = data.get("files", {})
    return type(data.get("saved_ns", 0)) is int and isinstance(files, dict) \
        and all(_well_formed_entry(entry) for entry in files.values())


def _well_formed_entry(entry: object) -> bool:
    if not isinstance(entry, list) or len(entry) != 3:
        return False
    recorded, digest, notes = entry
    return isinstance(recorded, list) and all(type(n) is int for n in recorded) \
        and isinstance(digest, str) and isinstance(notes, list) \
        and all(isinstance(note, str) for note in notes)


def asked_jobs() -> int | None:
    """The processes ``BRIEFS_JOBS`` asks for (``None``: not set). Raises ``ValueError``
    when it is set to anything but a whole number of 1 or more (the command line refuses
    such a value before it runs)."""
    value = os.environ.get("BRIEFS_JOBS", "")
    if not value.strip():
        return None
    count = int(value)
    if count < 1:
        raise ValueError(f"{value!r} is under 1")
    return count


def workers() -> int:
    """Worker processes worth starting: ``BRIEFS_JOBS`` when set (``1``: no workers),
    else the cores this process may use."""
    with contextlib.suppress(ValueError):
        asked = asked_jobs()
        if asked is not None:
            return asked
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In a worker: be killed when the run that forked it dies, even by ``kill -9``.

    Without this an interrupted convert leaves its workers behind, holding the run's
    output pipes open (a caller waiting for the run's output would wait for ever).
    """
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def parallel_map(func: Callable[[T], R], items: Sequence[T],
                 warm: Callable[[], object] | None = None) -> Iterator[R]:
    """``map(func, items)`` in input order, in worker processes when that pays.

    Workers are forked, which is only safe from a single-threaded process: from a
    threaded one (the live preview) the map runs in the calling process. ``warm``, when
    workers are forked, runs first in this process: what it loads (tables ``func``
    builds on first use) every worker inherits instead of building its own.
    """
    count = workers()
    if count < 2 or len(items) < MIN_PARALLEL or threading.active_count() > 1 \
            or not hasattr(os, "fork"):
        yield from map(func, items)
        return
    if warm is not None:
        warm()
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context,
                             initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(func, items, chunksize=CHUNK)
