"""H. Build quality and reproducibility (RELIABILITY.md H1-H2; H3 is in ``make bench``)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import make_project
from tests.reliability.kit import HOSTILE, PARA, article, build, env_epoch, hashes, text_seed


def seeded(root: Path) -> Path:
    make_project(root)
    for i in range(5):
        text_seed(root, f"h{i}", f"Story number {i} about the harbour council", PARA,
                  article(i))
    for path in HOSTILE.glob("b[1-5]_*"):
        (root / "seeds" / path.name).write_bytes(path.read_bytes())
    return root


def test_h1_two_projects_same_epoch_give_identical_docs_and_site(tmp_path: Path) -> None:
    one, two = seeded(tmp_path / "one"), seeded(tmp_path / "two")
    assert build(one, env=env_epoch()).returncode == 0
    assert build(two, env=env_epoch()).returncode == 0
    assert hashes(one / "docs") == hashes(two / "docs")
    assert hashes(one / "site") == hashes(two / "site")
    with gzip.open(one / "site" / "sitemap.xml.gz") as handle:
        handle.read()
    header = (one / "site" / "sitemap.xml.gz").read_bytes()[4:8]
    assert int.from_bytes(header, "little") <= 1700000000  # the epoch's day, not "now"
    diff = subprocess.run(["diff", "-r", str(one / "site"), str(two / "site")],
                          capture_output=True, text=True, check=False)
    assert diff.returncode == 0 and diff.stdout == ""


def test_h1_convert_and_build_again_changes_nothing(tmp_path: Path) -> None:
    root = seeded(tmp_path / "p")
    assert build(root, env=env_epoch()).returncode == 0
    docs, site = hashes(root / "docs"), hashes(root / "site")
    assert build(root, env=env_epoch()).returncode == 0
    assert hashes(root / "docs") == docs and hashes(root / "site") == site


def test_h2_generated_site_builds_strict_with_every_validation_warn(tmp_path: Path) -> None:
    root = seeded(tmp_path / "p")
    assert build(root).returncode == 0
    config = (root / "mkdocs.yml").read_text("utf-8")
    head = config.split("validation:")[0]
    (root / "mkdocs.yml").write_text(head + "validation:\n  nav:\n    omitted_files: warn\n"
                                     "    not_found: warn\n    absolute_links: warn\n"
                                     "  links:\n    not_found: warn\n    anchors: warn\n"
                                     "    absolute_links: warn\n    unrecognized_links: warn\n",
                                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--site-dir", str(tmp_path / "stock")], cwd=root,
                            capture_output=True, text=True, check=False,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                 **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}})
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert result.returncode == 0 and warnings == [], result.stderr
