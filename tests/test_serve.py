"""The live preview: a real ``briefs serve`` on a loopback port."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.helpers import fetch, serving, wait_for


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
