"""I. ``.briefs/state.json`` and the local caches are untrusted input.

The state is committed with the briefs, so it can arrive in a pull request: whatever it
holds, the converter writes nothing outside docs/briefs/, and a broken state is named in
one line (exit 2) before anything is written, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_project
from tests.helpers import run_briefs
from tests.reliability.kit import PARA, article, briefs_of, convert, hashes, text_seed

TITLE = "Council agrees on the budget for next year"
STATE = Path(".briefs") / "state.json"


@pytest.fixture(scope="module")
def once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one seed converted (copied by each test: converting costs seconds)."""
    root = make_project(tmp_path_factory.mktemp("once") / "project")
    text_seed(root, "x", TITLE, PARA, article(1))
    assert convert(root).returncode == 0
    return root


@pytest.fixture
def converted(once: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of ``once`` and its one brief."""
    root = tmp_path / "project"
    shutil.copytree(once, root, symlinks=True)
    (brief,) = briefs_of(root)
    return root, brief


def set_entry(root: Path, **fields: Any) -> None:
    """Change seeds/x.txt's entry in the state as a pull request could."""
    data = json.loads((root / STATE).read_text("utf-8"))
    data["briefs"]["seeds/x.txt"].update(fields)
    (root / STATE).write_text(json.dumps(data), encoding="utf-8")


def unchanged(root: Path, before: dict[str, str]) -> bool:
    """Nothing written (the lock file is emptied again by every run)."""
    after = hashes(root)
    return {k: v for k, v in after.items() if k != "docs/.publish.lock"} == \
        {k: v for k, v in before.items() if k != "docs/.publish.lock"}


def refused(result, field: str = "brief") -> str:  # type: ignore[no-untyped-def]
    """The one error line of a run that refused the state, with exit 2."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"ERROR .briefs/state.json: entry 'seeds/x.txt': '{field}': "), line
    return str(line)


def test_a_brief_path_outside_docs_briefs_is_refused_and_the_target_kept(
        converted: tuple[Path, Path], tmp_path: Path) -> None:
    root, _brief = converted
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    set_entry(root, brief=str(victim), seed_sha="changed",
              brief_sha=hashlib.sha256(victim.read_bytes()).hexdigest())
    before = hashes(root)
    line = refused(convert(root))
    assert "absolute path" in line
    assert victim.read_bytes() == b"precious\n"
    assert unchanged(root, before)


@pytest.mark.parametrize(("command", "value", "cause"), [
    (("convert",), "../../outside/pwned.md", "'..' in"),
    (("convert",), "briefs/sub/pwned.md", "expected briefs/NAME.md"),
    (("convert",), "briefs/pwned.txt", "expected briefs/NAME.md"),
    (("convert",), "briefs/.pwned.md", "expected briefs/NAME.md"),
    (("convert",), "briefs/" + "a" * 250 + ".md", "file name over 200 bytes"),
    (("convert", "--withdraw"), "briefs/../../outside/pwned.md", "'..' in"),
    (("convert", "--dry-run"), "../../outside/pwned.md", "'..' in"),
    (("remove", "seeds/x.txt"), "../../outside/pwned.md", "'..' in"),
    (("remove", "seeds/x.txt"), "briefs/sub/pwned.md", "expected briefs/NAME.md"),
])
def test_every_command_refuses_a_brief_path_that_leaves_docs_briefs(
        converted: tuple[Path, Path], command: tuple[str, ...], value: str,
        cause: str) -> None:
    root, _brief = converted
    (root.parent / "outside").mkdir()
    (root / "docs" / "briefs" / "sub").mkdir()
    if "--withdraw" in command:
        (root / "seeds" / "x.txt").unlink()  # an orphan, to be withdrawn
    set_entry(root, brief=value, seed_sha="changed")
    before = hashes(root)
    line = refused(run_briefs(root, *command))
    assert cause in line
    assert unchanged(root, before)
    assert not (root.parent / "outside" / "pwned.md").exists()
    assert not list((root / "docs" / "briefs").rglob("*pwned*"))


def test_remove_refuses_a_docs_briefs_that_is_a_symlink(
        converted: tuple[Path, Path], tmp_path: Path) -> None:
    root, _brief = converted
    elsewhere = tmp_path / "elsewhere"
    (root / "docs" / "briefs").rename(elsewhere)
    (root / "docs" / "briefs").symlink_to(elsewhere)
    before = hashes(elsewhere)
    result = run_briefs(root, "remove", "seeds/x.txt")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "ERROR docs/briefs: symlink refused; briefs must stay in docs/"]
    assert hashes(elsewhere) == before
