"""Incremental and parallel convert: an unchanged seed is not read; the output does not
depend on how many processes made it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefs import incremental
from briefs.bench.synth import write_seeds
from briefs.convert import convert
from tests.conftest import REPO
from tests.helpers import run_briefs


def briefs_of(root: Path) -> dict[str, bytes]:
    folder = root / "docs" / "briefs"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def run(root: Path) -> object:
    return convert(root, root / "seeds", root / "docs")


@pytest.fixture
def trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust fingerprints recorded just now (the real margin guards against file systems
    with coarse timestamps; a test would have to wait it out)."""
    monkeypatch.setattr(incremental, "RACY_NS", -10**12)


def test_nothing_changed_reads_no_seed_and_writes_nothing(
        project: Callable[..., Path], trusted_at_once: None) -> None:
    root = project()
    write_seeds(root / "seeds", 12)
    first = convert(root, root / "seeds", root / "docs")
    assert len(first.written) == 12 and first.read == 12
    before = briefs_of(root)
    state = (root / ".briefs" / "state.json").read_bytes()
    second = convert(root, root / "seeds", root / "docs")
    assert second.written == [] and second.unchanged == 12
    assert second.read == 0
    assert briefs_of(root) == before
    assert (root / ".briefs" / "state.json").read_bytes() == state


def test_fingerprints_written_just_now_are_checked_by_content(
        project: Callable[..., Path]) -> None:
    root = project()
    write_seeds(root / "seeds", 5)
    convert(root, root / "seeds", root / "docs")
    again = convert(root, root / "seeds", root / "docs")
    assert again.written == [] and again.unchanged == 5  # racy: hashed, found unchanged


def test_same_size_same_mtime_edit_is_still_seen(
        project: Callable[..., Path], trusted_at_once: None) -> None:
    root = project()
    [seed, *_] = write_seeds(root / "seeds", 3)
    convert(root, root / "seeds", root / "docs")
    path = root / "seeds" / seed.name
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("after talks in", "ahead of talks", 1)
    changed = changed.replace("ahead of talks", "ahead of talks" + " " * (len(text) - len(changed)))
    assert len(changed.encode()) == stat.st_size and changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the change time still moves
    report = convert(root, root / "seeds", root / "docs")
    assert report.read == 1 and len(report.written) == 1
    assert "ahead of talks" in (root / report.written[0]).read_text(encoding="utf-8")


def test_editor_edit_survives_fast_path(project: Callable[..., Path],
                                        trusted_at_once: None) -> None:
    root = project()
    write_seeds(root / "seeds", 2)
    first = convert(root, root / "seeds", root / "docs")
    convert(root, root / "seeds", root / "docs")  # fingerprints recorded
    brief = root / sorted(first.written)[0]
    edited = brief.read_text(encoding="utf-8") + "\nAn editor's line.\n"
    brief.write_text(edited, encoding="utf-8")
    for path in (root / "seeds").iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace("Officials", "Ministers"),
                        encoding="utf-8")
    report = convert(root, root / "seeds", root / "docs")
    assert report.conflicts == 1
    assert brief.read_text(encoding="utf-8") == edited


def test_warnings_about_a_seed_are_repeated_when_it_is_not_read(
        project: Callable[..., Path], trusted_at_once: None) -> None:
    root = project()
    [seed] = write_seeds(root / "seeds", 1)
    legacy = seed.text.replace("Officials", "Officiäls").encode("cp1252")
    (root / "seeds" / seed.name).write_bytes(legacy)
    first = run(root)
    second = run(root)
    assert second.read == 0  # type: ignore[attr-defined]
    notes = [str(m) for m in first.messages]  # type: ignore[attr-defined]
    assert any("decoded as" in n for n in notes)
    assert [str(m) for m in second.messages] == notes  # type: ignore[attr-defined]


def test_parallel_and_serial_convert_write_identical_briefs(
        project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = incremental.MIN_PARALLEL + 16
    root = project()
    write_seeds(root / "seeds", count)
    serial_root = tmp_path / "serial"
    shutil.copytree(root, serial_root)
    parallel = run(root)
    monkeypatch.setattr(incremental, "workers", lambda: 1)
    serial = run(serial_root)
    assert len(parallel.written) == count  # type: ignore[attr-defined]
    assert briefs_of(root) == briefs_of(serial_root)
    assert (root / ".briefs" / "state.json").read_bytes() == \
        (serial_root / ".briefs" / "state.json").read_bytes()
    assert [str(m) for m in parallel.messages] == \
        [str(m) for m in serial.messages]  # type: ignore[attr-defined]


@pytest.mark.skipif(incremental.workers() < 2, reason="needs two cores")
def test_parallel_map_uses_workers_and_keeps_order() -> None:
    # In a fresh process: threads left by other tests make the map run serially (forking
    # a threaded process is unsafe), which is the behaviour under test below, not here.
    script = (
        "import os\n"
        "from briefs import incremental\n"
        "from tests.test_incremental import _pid\n"
        "items = list(range(incremental.MIN_PARALLEL * 2))\n"
        "pids = list(incremental.parallel_map(_pid, items))\n"
        "assert len(pids) == len(items) and os.getpid() not in pids, pids[:3]\n"
        "assert list(incremental.parallel_map(str, items)) == [str(i) for i in items]\n"
        "assert set(incremental.parallel_map(_pid, items[:3])) == {os.getpid()}\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_parallel_map_runs_serially_beside_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        items = list(range(incremental.MIN_PARALLEL * 2))
        assert set(incremental.parallel_map(_pid, items)) == {os.getpid()}
    finally:
        stop.set()


def _pid(_: int) -> int:
    return os.getpid()


def test_worker_written_briefs_leave_no_temp_files(project, tmp_path: Path) -> None:
    """Workers write each brief's bytes to a temp file the parent renames into place;
    a duplicate's temp file (no brief written) is removed too."""
    root = project()
    seeds = write_seeds(root / "seeds", 70)  # enough for the worker processes
    copy = root / "seeds" / ("copy-" + seeds[0].name)
    copy.write_bytes((root / "seeds" / seeds[0].name).read_bytes())
    result = run_briefs(root, "convert", env={"BRIEFS_JOBS": "2"})
    assert result.returncode == 0, result.stderr
    assert "duplicate of" in result.stdout + result.stderr
    briefs = root / "docs" / "briefs"
    assert len(list(briefs.glob("*.md"))) == 70
    assert [p.name for p in briefs.iterdir() if p.name.startswith(".")] == []
