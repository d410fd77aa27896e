"""Fixtures for the reliability tests: a control site built from benign text, and a
project with one seed converted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_project
from tests.reliability.kit import PARA, article, build, convert, text_seed
from tests.xss_oracle import control_signature

TITLE = "Council agrees on the budget for next year"  # the seed of ``once``


@pytest.fixture(scope="module")
def once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one seed converted (copied by each test: converting costs seconds)."""
    root = make_project(tmp_path_factory.mktemp("once") / "project")
    text_seed(root, "x", TITLE, PARA, article(1))
    assert convert(root).returncode == 0
    return root


@pytest.fixture(scope="session")
def control(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    """Scripts and embedders of a site built from benign seeds (the oracle's baseline)."""
    root = make_project(tmp_path_factory.mktemp("control") / "project")
    text_seed(root, "a", "Council agrees on the budget for next year", PARA,
              sidecar="tags: [budget]\nsummary: A plain summary.\n")
    text_seed(root, "b", "Ferry service returns to the island this week",
              PARA.replace("council", "ferry company"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return control_signature(root / "site")
