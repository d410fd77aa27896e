"""J. A brief saved by an editor's tool with CRLF line ends or a UTF-8 byte-order mark.

MkDocs reads such a page as it reads any other (it drops the mark and reads CRLF as LF),
so the tool does too: the brief is valid, listed and searchable, withdrawn by
``briefs remove`` with its own line ends kept, and, being an edit, never overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import run_briefs
from tests.reliability.kit import PARA, article, briefs_of, build, convert, lines, text_seed

TITLE = "Council agrees on the budget for next year"



def resaved(once: Path, tmp_path: Path, style: str) -> tuple[Path, Path, bytes]:
    """A copy of ``once`` whose brief an editor's tool saved in ``style``."""
    root = tmp_path / "project"
    shutil.copytree(once, root, symlinks=True)
    (brief,) = briefs_of(root)
    text = brief.read_bytes()
    if "crlf" in style:
        text = text.replace(b"\n", b"\r\n")
    if "bom" in style:
        text = b"\xef\xbb\xbf" + text
    brief.write_bytes(text)
    return root, brief, text


@pytest.mark.parametrize("style", ["crlf", "bom", "bom+crlf"])
def test_a_resaved_brief_is_valid_listed_and_never_overwritten(
        once: Path, tmp_path: Path, style: str) -> None:
    root, brief, saved = resaved(once, tmp_path, style)
    check = run_briefs(root, "check")
    assert check.returncode == 0 and lines(check, "ERROR") == [], check.stderr
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert f"INFO docs/briefs/{brief.name}: edited by hand, kept" in lines(built, "INFO")
    page = root / "site" / "briefs" / brief.stem / "index.html"
    assert TITLE in page.read_text("utf-8")
    assert TITLE in (root / "site" / "latest" / "index.html").read_text("utf-8")
    assert brief.read_bytes() == saved
    # the seed changes too: a proposal beside it, the brief as the editor saved it
    text_seed(root, "x", TITLE, PARA, article(1), "A new paragraph was added to the seed "
              "after the brief had been saved again, with enough words.")
    changed = convert(root)
    assert changed.returncode == 1, changed.stderr
    assert brief.read_bytes() == saved
    assert brief.with_name(f".{brief.stem}.proposed.md").exists()


@pytest.mark.parametrize("style", ["crlf", "bom+crlf"])
def test_remove_sets_draft_in_a_resaved_brief_keeping_its_line_ends(
        once: Path, tmp_path: Path, style: str) -> None:
    root, brief, saved = resaved(once, tmp_path, style)
    result = run_briefs(root, "remove", "seeds/x.txt")
    assert result.returncode == 0, result.stderr
    after = brief.read_bytes()
    assert b"\r\ndraft: true\r\n" in after
    assert after.replace(b"draft: true\r\n", b"", 1) == saved
    assert build(root).returncode == 0
    assert not (root / "site" / "briefs" / brief.stem).exists()


def test_remove_names_the_true_cause_of_a_front_matter_it_cannot_read(
        once: Path, tmp_path: Path) -> None:
    root, brief, saved = resaved(once, tmp_path, "lf")
    brief.write_bytes(saved.replace(b"\n---\n", b"\n", 1))  # the closing line deleted
    result = run_briefs(root, "remove", "seeds/x.txt")
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        f"ERROR docs/briefs/{brief.name}: front matter not closed (no '---' line after it); "
        "cannot set draft"]
