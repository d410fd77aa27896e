"""Shared fixtures: throw-away projects built from the repository's own config."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
HOOKS = "briefs/site/hooks.py"

os.environ["NO_MKDOCS_2_WARNING"] = "1"
# Fixed clock for seeds without a date: golden briefs stay byte-identical.
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
# A shell starts a background job (``make test &``, a CI step run in the background) with
# Ctrl+C's signal ignored, and every process started from it inherits that: a preview the
# tests stop with SIGINT, as a reader's Ctrl+C does, then ran on and the test timed out.
# A handler here (Python's own) makes the processes the tests start see SIGINT as a
# terminal's program does.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def make_project(root: Path, seeds: list[Path] | None = None) -> Path:
    """A project like the repository (mkdocs.yml, docs/index.md, assets) with ``seeds``."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(HOOKS, str(REPO / HOOKS)), encoding="utf-8")
    (root / "docs").mkdir()
    shutil.copy(REPO / "docs" / "index.md", root / "docs" / "index.md")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    (root / "seeds").mkdir()
    for seed in seeds or []:
        shutil.copy(seed, root / "seeds" / seed.name)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Factory: ``project(seed_paths...)`` gives a fresh project folder."""

    def factory(*seeds: Path) -> Path:
        return make_project(tmp_path / "project", list(seeds))

    return factory


@pytest.fixture
def seed_article() -> Path:
    return FIXTURES / "seeds" / "000_415feae060044a8d.txt"
