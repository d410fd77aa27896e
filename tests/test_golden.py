"""Golden briefs: the converter's output for fixed seeds, compared byte for byte.

Run ``pytest --update-golden`` after an intended change and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, GOLDEN
from tests.helpers import run_briefs

GOLDEN_SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", GOLDEN_SEEDS, ids=lambda p: p.stem)
def test_brief_matches_golden(seed: Path, project, update_golden: bool) -> None:
    root = project(seed)
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    written = sorted((root / "docs" / "briefs").glob("*.md"))
    assert len(written) == 1
    golden = GOLDEN / f"{seed.stem}.md"
    if update_golden:
        golden.write_text(written[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert written[0].read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


def test_seed_brief_fields(project, seed_article: Path) -> None:
    """The foundation's acceptance, field by field, on the shipped seed."""
    root = project(seed_article)
    assert run_briefs(root, "convert").returncode == 0
    (page,) = (root / "docs" / "briefs").glob("*.md")
    text = page.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert front["title"] == ("US sends truckloads of military, logistic reinforcements to "
                              "Syria’s Hasaka after air raids")
    assert front["categories"] == ["North America", "Syria", "West Asia"]
    assert {"Syria", "Iraq", "United States"} <= set(front["regions"])
    assert {"SANA", "Reuters", "Sabereen News"} <= set(front["sources"])
    assert "Hasakah" in front["summary"]
    assert 1 <= front["summary"].count(". ") + 1 <= 2
    assert front["seed"] == "seeds/000_415feae060044a8d.txt"
    assert "draft" not in front
    assert "Back to top button" not in text
    assert "North AmericaSyriaWest Asia" not in text


def test_same_seeds_give_identical_briefs(project, seed_article: Path, tmp_path: Path) -> None:
    root = project(seed_article)
    assert run_briefs(root, "convert").returncode == 0
    first = {p.name: p.read_bytes() for p in (root / "docs" / "briefs").glob("*.md")}
    (root / ".briefs" / "state.json").unlink()
    for page in (root / "docs" / "briefs").glob("*.md"):
        page.unlink()
    assert run_briefs(root, "convert").returncode == 0
    second = {p.name: p.read_bytes() for p in (root / "docs" / "briefs").glob("*.md")}
    assert first == second
