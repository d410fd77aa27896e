"""The live preview: a real ``briefs serve`` on a loopback port."""

from __future__ import annotations

import shutil
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.helpers import fetch, run_briefs, serving, wait_for


@pytest.mark.slow
def test_serve_shows_briefs_and_converts_a_new_seed(project, seed_article: Path) -> None:
    root = project(seed_article)
    with serving(root) as (_proc, url):
        assert wait_for(lambda: "US sends truckloads" in fetch(url), 60), "home page never served"
        new_seed = FIXTURES / "serve" / "late_arrival.txt"
        shutil.copy(new_seed, root / "seeds" / new_seed.name)
        started = time.monotonic()
        assert wait_for(lambda: "Harbour cranes return" in fetch(url), 20)
        assert time.monotonic() - started < 20


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_a_stopped_preview_leaves_no_files_behind(project, seed_article: Path,
                                                  tmp_path: Path, stop: signal.Signals) -> None:
    """The preview's site lives in the temporary folder, its search index is written
    beside it: stopped by Ctrl+C (which reaches Pagefind too) or by ``kill``, and even
    while it rebuilds for a seed just saved, it exits cleanly and removes both."""
    root = project(seed_article)
    temp = tmp_path / "temp"
    temp.mkdir()
    with serving(root, env={"TMPDIR": str(temp)}, stop=stop) as (proc, url):
        assert wait_for(lambda: "US sends truckloads" in fetch(url), 60), "home page never served"
        assert [p.name for p in temp.iterdir() if p.name.startswith("briefs-serve-")]
        new_seed = FIXTURES / "serve" / "late_arrival.txt"
        shutil.copy(new_seed, root / "seeds" / new_seed.name)
        # Stopped while Pagefind re-indexes the site for the new brief.
        assert wait_for(lambda: [*temp.glob("briefs-serve-*.pagefind-next")], 20,
                        every=0.005), "Pagefind never seen at work"
    assert proc.returncode == 0, proc.stdout.read() if proc.stdout else ""
    assert sorted(p.name for p in temp.iterdir()) == []


@pytest.mark.slow
def test_an_editors_page_at_a_listings_address_is_one_error_line(project,
                                                                 seed_article: Path) -> None:
    """``docs/latest.md`` saved while the preview runs: ``briefs build`` fails on it, and
    the preview's rebuild failed too, but logged a 20-line traceback ending in "site/
    unchanged" (the preview has no site/). MkDocs then holds every page request until a
    build succeeds, so no wrong page is shown: the one line says so, and renaming the
    page brings both back."""
    root = project(seed_article)
    lines: list[str] = []
    with serving(root) as (proc, url):
        assert proc.stdout is not None
        threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True).start()
        assert wait_for(lambda: "US sends truckloads" in fetch(url), 60), "home page never served"
        page = root / "docs" / "latest.md"
        page.write_text("---\ntitle: My latest\n---\n\nAn editor's page.\n", encoding="utf-8")
        assert wait_for(lambda: any("An error happened" in line for line in lines), 30)
        page.rename(root / "docs" / "mine.md")
        assert wait_for(lambda: "My latest" in fetch(url + "mine/"), 30)
        assert "All briefs" in fetch(url + "latest/")
    output = "".join(lines)
    assert "Traceback" not in output, output
    assert "ERROR docs/latest.md: would be published at latest/index.html, where the build " \
        "writes the 'All briefs' listing; rename or move it; the preview is not rebuilt, " \
        "and its pages do not load, until then\n" in output, output


@pytest.mark.parametrize("address", ["abc", "127.0.0.1:99999", "127.0.0.1:-1", "[::1]:80x",
                                     "999.1.1.1:8000"])
def test_a_bad_address_is_a_usage_error_before_anything_runs(project, seed_article: Path,
                                                            address: str) -> None:
    """MkDocs checked --dev-addr after the first convert (exit 1), and a port past 65535
    ended in a traceback; now it is a usage error, exit 2, and nothing is converted."""
    root = project(seed_article)
    result = run_briefs(root, "serve", "--dev-addr", address, timeout=30)
    assert result.returncode == 2
    assert "argument --dev-addr: expected IP:PORT" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "docs" / "briefs").exists()


def test_a_port_in_use_is_named_before_anything_runs(project, seed_article: Path,
                                                     tmp_path: Path) -> None:
    """Another server on the port: MkDocs found it after the first build and ended in a
    traceback; now exit 3, one line naming the address, and no temporary site left."""
    root = project(seed_article)
    temp = tmp_path / "temp"
    temp.mkdir()
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        address = f"127.0.0.1:{other.getsockname()[1]}"
        result = run_briefs(root, "serve", "--dev-addr", address, timeout=30,
                            env={"TMPDIR": str(temp)})
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"ERROR {address}: cannot serve there: Address already in use; pass another --dev-addr"]
    assert list(temp.iterdir()) == []


def test_the_seed_watcher_never_runs_two_converts_at_once(tmp_path: Path) -> None:
    """Seeds saved while a convert runs (a long copy) start another run after it, never
    one beside it: the preview's lock lets its own threads through, so two would write
    the same state file at once."""
    from briefs.site.serve import DEBOUNCE_SECONDS, SeedWatcher

    active, most, runs = 0, 0, 0
    guard = threading.Lock()

    def convert() -> None:
        nonlocal active, most, runs
        with guard:
            active += 1
            most = max(most, active)
        time.sleep(4 * DEBOUNCE_SECONDS)  # a run longer than the pause between saves
        with guard:
            active -= 1
            runs += 1

    watcher = SeedWatcher(tmp_path, convert)
    watcher.start()
    try:
        for n in range(3):
            (tmp_path / f"seed-{n}.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
            time.sleep(2 * DEBOUNCE_SECONDS)  # each save settles, while a run is going
        assert wait_for(lambda: runs >= 2 and active == 0, 20)
    finally:
        watcher.stop()
    assert most == 1
