"""``briefs build`` renders pages in one process per core (``briefs.site.parallel``):
the same bytes as one process, every page once, and a page that fails in a worker
fails the build and names the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.bench.synth import write_seeds
from tests.helpers import run_briefs

# A hook that notes which process wrote each page.
PID_HOOK = '''import os
def on_post_page(output, page, config):
    with open(os.environ["PAGE_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {page.file.src_uri}\\n")
    return output
'''


# A hook that fails to render one page, as a broken template or plugin would.
FAIL_HOOK = '''def on_post_page(output, page, config):
    if page.file.src_uri == "broken.md":
        raise ValueError("cannot render this page")
    return output
'''


def _add_hook(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("hooks:\n", f"hooks:\n  - {name}\n"),
                                     encoding="utf-8")


def _files(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def synthetic(project, tmp_path: Path) -> Path:
    root = project()
    write_seeds(root / "seeds", 12)
    assert run_briefs(root, "convert").returncode == 0
    return root


def test_workers_write_the_same_site_as_one_process(synthetic: Path) -> None:
    root = synthetic
    # A page in the menu whose title comes from its heading: every page shows it.
    (root / "docs" / "about.md").write_text("# About this desk\n\nWho we are.\n",
                                            encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  - Home: index.md\n",
                                                    "  - Home: index.md\n  - about.md\n"),
                                     encoding="utf-8")
    one = run_briefs(root, "build", "--site-dir", "one", env={"BRIEFS_JOBS": "1"})
    three = run_briefs(root, "build", "--site-dir", "three", env={"BRIEFS_JOBS": "3"})
    assert one.returncode == 0 and three.returncode == 0, one.stderr + three.stderr
    a, b = _files(root / "one"), _files(root / "three")
    assert len(a) > 40 and a.keys() == b.keys()
    assert [path for path in a if a[path] != b[path]] == []
    assert "About this desk" in (root / "three" / "latest" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("which", [0, 1, 2])
def test_a_link_to_a_missing_anchor_in_any_process_fails_a_strict_build(
        synthetic: Path, which: int) -> None:
    """MkDocs checks links to anchors once every page is written; the pages read by a
    worker bring their anchors back to the parent."""
    root = synthetic  # the project's mkdocs.yml has validation: links: anchors: warn
    assert run_briefs(root, "build", env={"BRIEFS_JOBS": "2"}).returncode == 0
    briefs = sorted((root / "docs" / "briefs").glob("*.md"))
    target = briefs[(which + 1) % len(briefs)]
    edited = briefs[which]  # an editor links another brief's missing section
    edited.write_text(edited.read_text(encoding="utf-8")
                      + f"\nSee [the vote]({target.name}#no-such-section).\n", encoding="utf-8")
    result = run_briefs(root, "build", env={"BRIEFS_JOBS": "2"})
    assert result.returncode == 1
    assert "no-such-section" in result.stdout + result.stderr


def test_every_page_is_written_once_by_one_of_the_workers(synthetic: Path,
                                                          tmp_path: Path) -> None:
    root = synthetic
    _add_hook(root, "pid_hook.py", PID_HOOK)
    log = tmp_path / "pages.log"
    result = run_briefs(root, "build", env={"BRIEFS_JOBS": "2", "PAGE_LOG": str(log)})
    assert result.returncode == 0, result.stderr
    rows = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    pages = [uri for _pid, uri in rows]
    assert len(pages) == len(set(pages)) == len(list((root / "site").rglob("index.html")))
    assert len({pid for pid, _uri in rows}) == 2


@pytest.mark.parametrize("shift", [0, 1])
def test_a_page_failing_in_a_worker_fails_the_build(synthetic: Path, shift: int) -> None:
    root = synthetic
    assert run_briefs(root, "build").returncode == 0
    before = _files(root / "site")
    # Another page before it moves the failing page from one process to the other.
    if shift:
        (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (root / "docs" / "broken.md").write_text("# Broken\n", encoding="utf-8")
    _add_hook(root, "fail_hook.py", FAIL_HOOK)
    result = run_briefs(root, "build", env={"BRIEFS_JOBS": "2"})
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "broken.md" in out and "cannot render this page" in out and "site/ unchanged" in out
    assert _files(root / "site") == before


@pytest.mark.parametrize("jobs", ["abc", "0", "-2", "1.5"])
def test_a_briefs_jobs_that_is_no_number_of_processes_is_a_usage_error(
        project, seed_article: Path, jobs: str) -> None:
    """``BRIEFS_JOBS=abc`` was ignored: the run took every core, and nobody was told."""
    root = project(seed_article)
    result = run_briefs(root, "convert", env={"BRIEFS_JOBS": jobs})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"ERROR BRIEFS_JOBS: expected a number of processes (1 or more), got {jobs!r}; "
        "nothing written"]
    assert not (root / "docs" / "briefs").exists()
