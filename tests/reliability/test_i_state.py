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

from tests.helpers import run_briefs
from tests.reliability.kit import briefs_of, convert, hashes

TITLE = "Council agrees on the budget for next year"
STATE = Path(".briefs") / "state.json"



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


@pytest.mark.parametrize(("field", "value", "cause"), [
    ("brief", 123, "expected text, got 123"),
    ("brief", None, "expected text, got None"),
    ("brief", "", "expected briefs/NAME.md"),
    ("brief", "briefs/a\u0000b.md", "not text"),
    ("brief", "briefs/\udc80.md", "not text"),
    ("seed_sha", ["x"], "expected text, got a list"),
    ("brief_sha", 5, "expected text, got 5"),
    ("recipe", {"a": 1}, "expected text, got a mapping"),
    ("date", "garbage", "expected YYYY-MM-DD (a calendar day) or null, got 'garbage'"),
    ("date", 5, "expected YYYY-MM-DD (a calendar day) or null, got 5"),
    ("date", "2024-02-30", "got '2024-02-30'"),
    ("colour", "red", "unknown field"),
])
def test_a_wrong_type_in_an_entry_is_named_by_field_not_a_traceback(
        converted: tuple[Path, Path], field: str, value: Any, cause: str) -> None:
    root, _brief = converted
    set_entry(root, **{"seed_sha": "changed", field: value})
    before = hashes(root)
    assert cause in refused(convert(root), field)
    assert unchanged(root, before)


@pytest.mark.parametrize(("text", "line"), [
    ("[" * 100_000 + "]" * 100_000, "unreadable state file: nested too deep"),
    ("[]", "expected a JSON object, got a list"),
    ('{"version": 2}', "'version': expected 1, got 2"),
    ('{"briefs": []}', "'briefs': expected a mapping, got a list"),
    ('{"withdrawn": {"seeds/x.txt": 5}}', "'withdrawn': 'seeds/x.txt': expected text, got 5"),
    ('{"duplicates": {"seeds/x.txt": null}}',
     "'duplicates': 'seeds/x.txt': expected text, got None"),
    ('{"briefs": {"seeds/x.txt": []}}',
     "entry 'seeds/x.txt': expected a mapping of field: value, got a list"),
    ('{"briefs": {"seeds/x.txt": {"brief": "briefs/x.md"}}}',
     "entry 'seeds/x.txt': 'seed_sha': required field is missing"),
    ('{"briefs": {"seeds/x.txt": {"brief": "briefs/x.md", "seed_sha": "", "brief_sha": "", '
     '"recipe": ""}, "seeds/y.txt": {"brief": "briefs/X.md", "seed_sha": "", "brief_sha": "", '
     '"recipe": ""}}}', "entry 'seeds/y.txt': 'brief': same file as entry 'seeds/x.txt'"),
    ('{"extra": 1}', "'extra': unknown field"),
    (b"\xff{}", "not UTF-8 (invalid byte at 0)"),
])
def test_a_broken_state_is_one_line_and_exit_2(converted: tuple[Path, Path],
                                               text: str | bytes, line: str) -> None:
    root, _brief = converted
    raw = text if isinstance(text, bytes) else text.encode()
    (root / STATE).write_bytes(raw)
    before = hashes(root)
    for command in (("convert",), ("remove", "seeds/x.txt")):
        result = run_briefs(root, *command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines() == [f"ERROR .briefs/state.json: {line}"]
    assert unchanged(root, before)


def test_a_state_that_is_a_folder_is_named(converted: tuple[Path, Path]) -> None:
    root, _brief = converted
    (root / STATE).unlink()
    (root / STATE).mkdir()
    result = convert(root)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "ERROR .briefs/state.json: not a regular file (a folder); refused"]


@pytest.mark.parametrize("cache", [
    '{"version":1,"saved_ns":"x"}',
    '{"version":1,"saved_ns":1e400}',
    '{"version":1,"files":5}',
    '{"version":1,"files":{"seed:seeds/x.txt":5}}',
    '{"version":1,"files":{"seed:seeds/x.txt":[[1,2,3,4],"abc",[5]]}}',
    '{"version":1,"files":{"seed:seeds/x.txt":[["a"],"abc",[]]}}',
    "[" * 100_000 + "]" * 100_000,
])
def test_a_malformed_stat_cache_only_means_hashing_again(converted: tuple[Path, Path],
                                                         cache: str) -> None:
    root, brief = converted
    text = brief.read_bytes()
    (root / ".briefs" / "cache" / "stat.json").write_text(cache, encoding="utf-8")
    result = convert(root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and "0 briefs written, 1 unchanged" in result.stdout
    assert brief.read_bytes() == text


@pytest.mark.parametrize("command", [("convert",), ("convert", "--dry-run"), ("build",),
                                     ("remove", "seeds/x.txt")])
def test_a_symlink_at_the_lock_is_refused_and_its_target_kept(
        converted: tuple[Path, Path], tmp_path: Path, command: tuple[str, ...]) -> None:
    root, _brief = converted
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    lock = root / "docs" / ".publish.lock"
    lock.unlink()
    lock.symlink_to(victim)
    before = hashes(root)
    result = run_briefs(root, *command)
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == ["ERROR docs/.publish.lock: symlink refused; delete "
                                          "it (a run makes the lock file again)"]
    assert victim.read_bytes() == b"precious\n" and lock.is_symlink()
    assert hashes(root) == before


def test_a_lock_that_is_no_regular_file_is_named(converted: tuple[Path, Path]) -> None:
    root, _brief = converted
    lock = root / "docs" / ".publish.lock"
    lock.unlink()
    lock.mkdir()
    result = convert(root)
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "ERROR docs/.publish.lock: not a regular file (a folder); refused"]


def test_a_symlinked_state_is_refused_and_its_target_kept(converted: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    root, _brief = converted
    victim = tmp_path / "victim.json"
    (root / STATE).rename(victim)
    (root / STATE).symlink_to(victim)
    text = victim.read_bytes()
    set_entry(root, seed_sha="changed")  # (through the link: the state would be saved)
    changed = victim.read_bytes()
    assert changed != text
    for command in (("convert",), ("remove", "seeds/x.txt")):
        result = run_briefs(root, *command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines() == ["ERROR .briefs/state.json: symlink refused"]
    assert victim.read_bytes() == changed


def test_a_symlinked_state_folder_is_refused(converted: tuple[Path, Path],
                                            tmp_path: Path) -> None:
    root, _brief = converted
    (root / ".briefs").rename(tmp_path / "elsewhere")
    (root / ".briefs").symlink_to(tmp_path / "elsewhere")
    before = hashes(tmp_path / "elsewhere")
    result = convert(root)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "ERROR .briefs: symlink refused; the state must stay in the project"]
    assert hashes(tmp_path / "elsewhere") == before


def test_the_stat_cache_is_never_written_through_a_symlink(converted: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    root, _brief = converted
    cache = root / ".briefs" / "cache"
    victim = tmp_path / "victim.json"
    victim.write_bytes(b"precious\n")
    (cache / "stat.json").unlink()
    (cache / "stat.json").symlink_to(victim)
    assert convert(root).returncode == 0
    assert victim.read_bytes() == b"precious\n"
    assert not (cache / "stat.json").is_symlink()  # replaced by the cache itself
    # the cache folder a symlink: no cache written there (it only costs hashing again)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(cache)
    cache.symlink_to(elsewhere)
    result = convert(root)
    assert result.returncode == 0 and result.stderr == ""
    assert list(elsewhere.iterdir()) == []
