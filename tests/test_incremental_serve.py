"""The preview rebuilds only what changed, yet stays complete: a changed seed shows on its
page and on the home page, and the briefs that did not change stay listed and searchable."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from briefs.bench.synth import write_seeds
from briefs.site.pagefind_order import read_data as decode
from tests.helpers import fetch, serving, wait_for


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return bytes(response.read())


def search_words(base: str) -> set[str]:
    """Every word in the served site's search index (Material's or Pagefind's)."""
    try:
        index = json.loads(fetch_bytes(base + "search/search_index.json"))
    except OSError:
        index = None
    if index is not None:
        text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
        return set(re.findall(r"\w+", text.casefold()))
    entry = json.loads(fetch_bytes(base + "pagefind/pagefind-entry.json"))
    language = next(iter(entry["languages"].values()))
    meta = decode(fetch_bytes(base + f"pagefind/pagefind.{language['hash']}.pf_meta"))
    words: set[str] = set()
    for chunk in meta[2]:
        for item in decode(fetch_bytes(base + f"pagefind/index/{chunk[2]}.pf_index"))[0]:
            words.add(str(item[0]))
    return words


def settled_words(base: str) -> set[str]:
    """``search_words``, or none while the index is being rewritten under the reader."""
    try:
        return search_words(base)
    except (OSError, ValueError, KeyError, IndexError, http.client.HTTPException):
        return set()  # (a file cut short as Pagefind rewrites it: IncompleteRead)


@pytest.mark.slow
def test_dirty_preview_keeps_unchanged_briefs(project: Callable[..., Path]) -> None:
    root = project()
    seeds = write_seeds(root / "seeds", 6)
    with serving(root) as (proc, base):
        assert wait_for(lambda: "Latest briefs" in fetch(base), 60), "home page never served"
        home = fetch(base)
        titles = [line for s in seeds for line in s.text.split("\n\n") if "after talks in" in line]
        assert all(t in home for t in titles)
        first_mtime = {p.name: p.stat().st_mtime_ns for p in (root / "docs" / "briefs").iterdir()}

        changed = seeds[2]
        path = root / "seeds" / changed.name
        path.write_text(changed.text.replace(titles[2], "Harbour cranes return after talks "
                                             "in Quietport"), encoding="utf-8")
        state = json.loads((root / ".briefs" / "state.json").read_text(encoding="utf-8"))
        page = base + state["briefs"][f"seeds/{changed.name}"]["brief"].removesuffix(".md") + "/"
        assert wait_for(lambda: "Harbour cranes return" in fetch(page), 30)
        assert wait_for(lambda: "Harbour cranes return" in fetch(base), 10)
        home = fetch(base)
        for number, title in enumerate(titles):
            if number != 2:
                assert title in home, f"unchanged brief {number} dropped from the home page"
        # The search index is rebuilt after the page is served, in the background.
        wanted = {"quietport"} | {seed.unique_word.casefold() for seed in seeds}
        assert wait_for(lambda: wanted <= settled_words(base), 30), \
            f"not in the index: {sorted(wanted - settled_words(base))}"
        now = {p.name: p.stat().st_mtime_ns for p in (root / "docs" / "briefs").iterdir()}
        assert sum(now[n] != first_mtime[n] for n in first_mtime) == 1
    assert "Traceback" not in (proc.stdout.read() if proc.stdout else "")


@pytest.mark.skipif(sys.platform != "linux", reason="a thread has its own priority on Linux")
def test_the_work_after_a_rebuild_runs_below_the_rebuilds_priority() -> None:
    # Pagefind, started from the worker, uses every core: it must not slow the next
    # rebuild, the page the editor waits for
    from briefs.site.preview import AFTER_BUILD_NICENESS, MAX_NICENESS, AfterBuild

    seen: list[tuple[int, str]] = []

    def job() -> None:
        child = subprocess.run([sys.executable, "-c", "import os; print(os.nice(0))"],
                               capture_output=True, text=True, check=True)
        seen.append((os.getpriority(os.PRIO_PROCESS, threading.get_native_id()),
                     child.stdout.strip()))

    here = threading.get_native_id()
    before = os.getpriority(os.PRIO_PROCESS, here)
    worker = AfterBuild()
    try:
        worker.submit(job)
        assert worker.wait(timeout=60)
    finally:
        worker.stop()
    expected = min(MAX_NICENESS, before + AFTER_BUILD_NICENESS)
    assert seen == [(expected, str(expected))]  # the worker and what it starts
    assert os.getpriority(os.PRIO_PROCESS, here) == before  # not the rest of the preview
