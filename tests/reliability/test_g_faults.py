"""G. Process and environment faults (RELIABILITY.md G1-G5): killed runs, concurrent
runs, unwritable output. Every case runs in a temporary project."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from briefs.validate import validate_text
from tests.conftest import make_project
from tests.helpers import run_briefs, wait_for
from tests.reliability.kit import PARA, article, briefs_of, build, convert, hashes, text_seed

SEEDS = 200


def many_seeds(root: Path, count: int, variant: str = "") -> None:
    for i in range(count):
        text_seed(root, f"s{i:04d}", f"Story number {i} about the council {variant}".strip(),
                  f"{PARA} {variant}", article(i, words=80))


def popen(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "briefs", *args], cwd=root,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewritten(folder: Path, since_ns: int) -> int:
    """How many briefs in ``folder`` were written since ``since_ns``."""
    count = 0
    for entry in os.scandir(folder):
        with contextlib.suppress(FileNotFoundError):  # a temp file renamed meanwhile
            count += entry.name.endswith(".md") and entry.stat().st_mtime_ns >= since_ns
    return count


@pytest.mark.slow
def test_g1_kill_9_during_convert_leaves_old_or_new_files(tmp_path: Path) -> None:
    """Five kills during a 200-seed update run: before the writes, then after 1, 50, 100
    and 150 briefs were rewritten (watched through their modification times)."""
    template = make_project(tmp_path / "template")
    many_seeds(template, SEEDS)
    assert convert(template).returncode == 0
    old = {p.name: digest(p) for p in briefs_of(template)}
    reference = tmp_path / "reference"
    shutil.copytree(template, reference)
    many_seeds(reference, SEEDS, "updated")
    assert convert(reference).returncode == 0
    new = {p.name: digest(p) for p in briefs_of(reference)}
    mixed = 0
    for n, after in enumerate((0, 1, 50, 100, 150)):
        root = tmp_path / f"kill{n}"
        shutil.copytree(template, root)
        many_seeds(root, SEEDS, "updated")
        started = time.time_ns()
        proc = popen(root, "convert")
        if after == 0:
            time.sleep(0.3)
        else:
            folder = root / "docs" / "briefs"
            while proc.poll() is None and rewritten(folder, started) < after:
                time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        now = {p.name: digest(p) for p in briefs_of(root)}
        mixed += 0 < sum(now[k] == new.get(k) for k in now) < len(now)
        for path in briefs_of(root):
            validate_text(path.read_text("utf-8"), path.name)
            assert digest(path) in (old.get(path.name), new.get(path.name)), path.name
        assert not [p for p in (root / "docs").rglob("*.md") if ".tmp" in p.name]
        rerun = convert(root)
        assert rerun.returncode == 0, rerun.stderr
        assert {p.name: digest(p) for p in briefs_of(root)} == new
        assert not list((root / "docs").rglob("*.tmp"))
    assert mixed, "no kill landed between the first and the last write"


@pytest.mark.slow
def test_g1_kill_9_during_a_first_run_then_rerun_adopts_the_briefs(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    many_seeds(root, SEEDS)
    proc = popen(root, "convert")
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    rerun = convert(root)
    assert rerun.returncode == 0, rerun.stderr
    reference = make_project(tmp_path / "ref")
    many_seeds(reference, SEEDS)
    assert convert(reference).returncode == 0
    assert hashes(root / "docs") == hashes(reference / "docs")


@pytest.mark.slow
def test_g2_kill_9_during_build_keeps_the_previous_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    many_seeds(root, 60)
    assert build(root).returncode == 0
    before = hashes(root / "site")
    many_seeds(root, 60, "updated")
    for delay in (0.5, 1.5, 2.5):
        proc = popen(root, "build")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        current = hashes(root / "site")
        assert current == before or run_briefs(root, "build").returncode == 0
        if current != before:  # the kill came after the swap: a complete new site
            before = hashes(root / "site")
            assert current == before
    assert build(root).returncode == 0
    # The previous site is deleted by a process of its own, once the new one is in place.
    assert wait_for(lambda: not [p for p in root.iterdir() if p.name.startswith(".site.")],
                    30)


def test_g2_strict_failure_keeps_the_previous_site(project) -> None:
    root = project()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA)
    assert build(root).returncode == 0
    before = hashes(root / "site")
    (root / "docs" / "broken.md").write_text("---\ntitle: B\n---\n\n[dead](missing.md)\n",
                                             encoding="utf-8")
    result = build(root)
    assert result.returncode == 1 and "site/ unchanged" in result.stderr + result.stdout
    assert hashes(root / "site") == before


@pytest.mark.parametrize("command", ["convert", "build"])
def test_g3_concurrent_runs_second_exits_3_naming_lock_and_pid(project, command: str) -> None:
    root = project()
    many_seeds(root, 40)
    first = popen(root, command)
    lock = root / "docs" / ".publish.lock"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (lock.exists() and lock.read_text().strip()):
        time.sleep(0.01)
    second = run_briefs(root, command, timeout=2)
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 3
    assert second.stderr.strip().splitlines()[-1] == (
        f"ERROR docs/.publish.lock: another run in progress (pid {first.pid})")
    reference = make_project(root.parent / "ref")
    many_seeds(reference, 40)
    assert run_briefs(reference, command).returncode == 0
    assert hashes(root / "docs") == hashes(reference / "docs")


def _chattr_works(folder: Path) -> bool:
    if not shutil.which("chattr") or os.geteuid() != 0:
        return False
    probe = folder / "chattr-probe"
    probe.mkdir()
    ok = subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode == 0
    if ok:
        subprocess.run(["chattr", "-i", str(probe)], check=True)
    probe.rmdir()
    return ok


def test_g4_immutable_docs_exit_3_no_partial_files(project, tmp_path: Path) -> None:
    root = project()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA)
    assert convert(root).returncode == 0
    text_seed(root, "y", "Ferry service returns to the island this week", article(3))
    folder = root / "docs" / "briefs"
    if os.geteuid() != 0:
        folder.chmod(0o555)  # not root: permissions do stop writes
    elif not _chattr_works(tmp_path):
        pytest.skip("running as root and chattr +i is not supported on this filesystem")
    else:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    seeds = hashes(root / "seeds")
    before = hashes(folder)
    try:
        result = convert(root)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines()[-1] == (
        "ERROR docs/briefs/ferry-service-returns-to-the-island-this-week.md: "
        "permission denied")
    assert hashes(folder) == before and hashes(root / "seeds") == seeds


def test_g5_file_size_limit_exit_3_previous_file_intact(project) -> None:
    root = project()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA)
    assert convert(root).returncode == 0
    (brief,) = briefs_of(root)
    before = brief.read_bytes()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA,
              *(article(i, words=400) for i in range(10)))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run([sys.executable, "-m", "briefs", "convert"], cwd=root,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=120, preexec_fn=limit,
                            check=False)
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"ERROR docs/briefs/{brief.name}: file too large")
    assert brief.read_bytes() == before
    assert not list(brief.parent.glob(".*.tmp"))
    state = yaml.safe_load((root / ".briefs" / "state.json").read_text("utf-8"))
    assert state["briefs"]["seeds/x.txt"]["brief"] == f"briefs/{brief.name}"
