"""Seeds found wanting by QA on a fresh clone (one fixture per case in tests/fixtures/qa/).

Each case: a clear error naming the file (or a clean brief), the other seeds still
published, the exit code saying so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.reliability.kit import PARA, briefs_of, build, convert, lines, text_seed

QA = Path(__file__).resolve().parent.parent / "fixtures" / "qa"


def _front(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def _good(root: Path) -> None:
    text_seed(root, "good", "Council agrees on the budget for next year", PARA)


def test_markdown_seed_with_an_impossible_date_is_refused_not_a_crash(project) -> None:
    """``date: 2024-02-30`` made PyYAML raise a bare ValueError: the run died with a
    traceback and no other seed was published."""
    root = project(QA / "md_impossible_date.md")
    _good(root)
    result = build(root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = lines(result, "ERROR")
    assert len(errors) == 1 and errors[0].startswith("ERROR seeds/md_impossible_date.md: ")
    assert "2024-02-30" in errors[0] and "line 3" in errors[0]
    assert [p.name for p in briefs_of(root)] == ["council-agrees-on-the-budget-for-next-year.md"]
    assert (root / "site" / "briefs" / "council-agrees-on-the-budget-for-next-year").is_dir()


def test_sidecar_with_an_impossible_date_is_refused_not_a_crash(project) -> None:
    root = project(QA / "sidecar_impossible_date.txt")
    shutil.copy(QA / "sidecar_impossible_date.yml", root / "seeds")
    _good(root)
    result = convert(root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = lines(result, "ERROR")
    assert len(errors) == 1 and errors[0].startswith("ERROR seeds/sidecar_impossible_date.yml: ")
    assert "not a calendar date: 2024-02-30" in errors[0] and "line 1" in errors[0]
    assert len(briefs_of(root)) == 1


def test_markdown_seed_without_categories_gets_none(project) -> None:
    """A Markdown seed with no ``categories`` got the category ``()`` (the text of an
    empty tuple), and 'The city council' gave the place ``The``."""
    root = project(QA / "md_no_categories.md")
    result = convert(root)
    assert result.returncode == 0, result.stderr
    [brief] = briefs_of(root)
    meta = _front(brief)
    assert "categories" not in meta
    assert meta["tags"] == ["harbour", "budget"]
    assert "The" not in (meta.get("places") or [])


def test_brief_with_a_template_path_is_refused_naming_file_and_field(project) -> None:
    """An editor's ``template: ../../../../etc/passwd`` passed the check, then ended
    ``briefs build`` in a Jinja traceback naming no file."""
    root = project()
    _good(root)
    (root / "docs" / "briefs").mkdir(parents=True)
    shutil.copy(QA / "brief_template_traversal.md", root / "docs" / "briefs" / "pilots.md")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert lines(result, "ERROR") == [
        "ERROR docs/briefs/pilots.md: 'template': expected one of main.html, got "
        "'../../../../etc/passwd'"]
    page = root / "docs" / "about.md"
    page.write_text("---\ntitle: About\ntemplate: nope.html\n---\n\nAbout us.\n", "utf-8")
    (root / "docs" / "briefs" / "pilots.md").unlink()
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert lines(result, "ERROR") == [
        "ERROR docs/about.md: 'template': expected one of main.html, got 'nope.html'"]
