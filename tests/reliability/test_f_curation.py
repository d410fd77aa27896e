"""F. Curation safety, "nothing lost" (RELIABILITY.md F1-F5), and ``briefs remove``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_briefs
from tests.reliability.kit import (
    PARA,
    article,
    briefs_of,
    build,
    convert,
    env_epoch,
    lines,
    snapshot,
    text_seed,
)
from tests.xss_oracle import pagefind_records

TITLE = "Council agrees on the budget for next year"


def converted(project) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    root = project()
    text_seed(root, "x", TITLE, PARA, article(1))
    assert convert(root).returncode == 0
    (brief,) = briefs_of(root)
    return root, brief


def edit(brief: Path) -> bytes:
    text = brief.read_text("utf-8").replace("summary: ", "summary: Edited. ", 1)
    text = text.replace("categories:", "tags:\n  - edited\ncategories:", 1)
    brief.write_text(text, encoding="utf-8")
    return brief.read_bytes()


def test_f1_edited_brief_is_kept_byte_identical(project) -> None:
    root, brief = converted(project)
    edited = edit(brief)
    result = convert(root)
    assert result.returncode == 0
    assert brief.read_bytes() == edited
    assert f"INFO docs/briefs/{brief.name}: edited by hand, kept" in lines(result, "INFO")
    assert not list(brief.parent.glob(".*.proposed.md"))


def test_f2_seed_changed_too_leaves_a_proposal(project) -> None:
    root, brief = converted(project)
    edited = edit(brief)
    text_seed(root, "x", TITLE, PARA, article(1), "A new paragraph was added to the seed "
              "after the brief had been edited by hand, with enough words.")
    result = convert(root)
    assert result.returncode == 1
    assert brief.read_bytes() == edited
    proposal = brief.with_name(f".{brief.stem}.proposed.md")
    assert "A new paragraph was added" in proposal.read_text("utf-8")
    assert lines(result, "WARNING") == [
        f"WARNING docs/briefs/{brief.name}: seed seeds/x.txt changed, page edited; "
        f"proposal at docs/briefs/{proposal.name}"]
    assert build(root).returncode == 1  # still in conflict, but the site is built
    assert not list((root / "site").rglob("*proposed*"))
    # the editor takes the proposal: no conflict any more
    proposal.replace(brief)
    assert convert(root).returncode == 0


def test_f2_the_editor_keeps_the_page_and_the_conflict_is_settled(project) -> None:
    """The proposal came back on every run (exit 1) until the editor took it whole:
    ``briefs keep`` says the seed's change was seen and the edited page stays."""
    root, brief = converted(project)
    text_seed(root, "x", TITLE, PARA, article(1), "A new paragraph was added to the seed "
              "after the brief had been edited by hand, with enough words.")
    edited = edit(brief)
    assert convert(root).returncode == 1
    result = run_briefs(root, "keep", f"docs/briefs/{brief.name}")
    assert result.returncode == 0, result.stderr
    assert lines(result, "INFO") == [
        f"INFO docs/briefs/{brief.name}: kept as edited; seeds/x.txt as it is now counts as "
        "seen (its proposal, if any, removed)"]
    assert not list(brief.parent.glob(".*.proposed.md"))
    again = convert(root)
    assert again.returncode == 0 and brief.read_bytes() == edited
    assert f"INFO docs/briefs/{brief.name}: edited by hand, kept" in lines(again, "INFO")
    unknown = run_briefs(root, "keep", "seeds/nope.txt")
    assert unknown.returncode == 1
    assert lines(unknown, "ERROR") == [
        "ERROR seeds/nope.txt: no such seed or brief in .briefs/state.json"]


def test_f3_deleted_seed_is_an_orphan_still_served(project) -> None:
    root, brief = converted(project)
    (root / "seeds" / "x.txt").unlink()
    result = build(root)
    assert result.returncode == 0
    assert lines(result, "WARNING") == [
        f"WARNING docs/briefs/{brief.name}: orphan (seed seeds/x.txt missing); page kept"]
    assert brief.exists()
    assert (root / "site" / "briefs" / brief.stem / "index.html").exists()
    checked = run_briefs(root, "check")  # check names it as convert does
    assert checked.returncode == 0
    assert lines(checked, "WARNING") == [
        f"WARNING docs/briefs/{brief.name}: orphan (seed seeds/x.txt missing); page kept"]


def test_f3_withdraw_unpublishes_orphans_and_says_so(project) -> None:
    root, brief = converted(project)
    (root / "seeds" / "x.txt").unlink()
    before = brief.read_bytes()
    dry = run_briefs(root, "convert", "--withdraw", "--dry-run")
    assert dry.returncode == 0
    assert lines(dry, "INFO")[-1] == (f"INFO docs/briefs/{brief.name}: orphan (seed "
                                      "seeds/x.txt missing); would be withdrawn (dry run)")
    assert brief.read_bytes() == before
    result = run_briefs(root, "convert", "--withdraw")
    assert result.returncode == 0
    assert lines(result, "INFO")[-1] == (f"INFO docs/briefs/{brief.name}: orphan (seed "
                                         "seeds/x.txt missing); withdrawn: draft: true")
    assert "\ndraft: true\n" in brief.read_text("utf-8")
    assert build(root).returncode == 0
    assert not (root / "site" / "briefs" / brief.stem).exists()
    assert_not_searchable(root)
    state = json.loads((root / ".briefs" / "state.json").read_text("utf-8"))
    assert "seeds/x.txt" in state["withdrawn"]


def assert_not_searchable(root: Path) -> None:
    """No brief left on the site: Pagefind indexes nothing; search loads the empty index."""
    site = root / "site"
    assert pagefind_records(site) == [] and not list((site / "pagefind").rglob("*.pf_*"))
    assert "export async function search" in (site / "pagefind" / "pagefind.js").read_text()


def test_f4_identical_and_near_identical_duplicates_give_one_brief(project) -> None:
    root = project()
    body = article(7, words=200)
    text_seed(root, "a", TITLE, PARA, body)
    text_seed(root, "b", TITLE, PARA, body)  # byte-identical article
    text_seed(root, "c", TITLE.upper(), PARA.upper(), "  ".join(body.upper().split()))
    near = body.split()
    near[50] = "lighthouse"
    text_seed(root, "d", "Budget agreed by the council", PARA, " ".join(near))
    text_seed(root, "e", TITLE, PARA.replace("council", "ferry company"), article(8, 200))
    result = convert(root)
    assert result.returncode == 0
    warnings = lines(result, "WARNING")
    assert warnings[:3] == [
        f"WARNING seeds/{s}.txt: duplicate of seeds/a.txt; no brief written" for s in "bcd"]
    # e: same headline, a different article: its own brief, under a stable other name
    assert warnings[3].startswith("WARNING seeds/e.txt: same file name as seeds/a.txt's brief")
    assert len(warnings) == 4 and len(briefs_of(root)) == 2
    # a later run reports them again and still writes nothing new
    again = convert(root)
    assert len(lines(again, "WARNING")) == 3 and len(briefs_of(root)) == 2
    assert again.returncode == 0


def test_f5_second_run_rewrites_nothing_and_dry_run_writes_nothing(project) -> None:
    root = project()
    text_seed(root, "x", TITLE, PARA, article(1))
    dry = run_briefs(root, "convert", "--dry-run")
    assert dry.returncode == 0 and "dry run: 1 seeds: 1 briefs written" in dry.stdout
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml", "seeds"]
    assert not (root / "docs" / "briefs").exists()
    assert not (root / "docs" / ".publish.lock").exists()
    assert convert(root).returncode == 0
    before = snapshot(root)
    result = convert(root)
    assert result.returncode == 0 and "0 briefs written, 1 unchanged" in result.stdout
    assert snapshot(root) == before | {"docs/.publish.lock": snapshot(root)[
        "docs/.publish.lock"]}
    text_seed(root, "y", "Ferry service returns to the island", article(2))
    before = snapshot(root)
    assert run_briefs(root, "convert", "--dry-run").returncode == 0
    assert snapshot(root) == before


def test_deleted_brief_is_written_again_with_a_note(project) -> None:
    root, brief = converted(project)
    text = brief.read_bytes()
    brief.unlink()
    result = convert(root)
    assert result.returncode == 0
    assert brief.read_bytes() == text
    assert (f"INFO docs/briefs/{brief.name}: brief was deleted by hand; written again from "
            "seeds/x.txt (use 'briefs remove seeds/x.txt' to take it off the site)"
            ) in lines(result, "INFO")


def test_remove_takes_a_brief_off_the_site_for_good(project) -> None:
    root, brief = converted(project)
    assert build(root).returncode == 0
    result = run_briefs(root, "remove", "seeds/x.txt")
    assert result.returncode == 0, result.stderr
    assert lines(result, "INFO") == [
        f"INFO seeds/x.txt: withdrawn: no later run brings it back; docs/briefs/{brief.name} "
        "is now a draft (delete the file to drop it)"]
    assert build(root).returncode == 0
    assert not (root / "site" / "briefs" / brief.stem).exists()
    assert_not_searchable(root)
    brief.unlink()  # the editor drops it for good
    again = convert(root)
    assert again.returncode == 0 and not brief.exists()
    assert "INFO seeds/x.txt: withdrawn (briefs remove); skipped" in lines(again, "INFO")
    unknown = run_briefs(root, "remove", "seeds/nope.txt")
    assert unknown.returncode == 1
    assert lines(unknown, "ERROR") == [
        "ERROR seeds/nope.txt: no such seed or brief in .briefs/state.json"]


def test_remove_by_brief_path_keeps_editor_text(project) -> None:
    root, brief = converted(project)
    edited = edit(brief).decode()
    assert run_briefs(root, "remove", f"docs/briefs/{brief.name}").returncode == 0
    after = brief.read_text("utf-8")
    assert after.replace("draft: true\n", "", 1) == edited


def test_a_renamed_seed_keeps_its_brief(project) -> None:
    """A seed renamed (``git mv``) was the "duplicate" of its own old name for good, and
    the brief an orphan that ``--withdraw`` took off the site."""
    root, brief = converted(project)
    rename_seed_and_withdraw(root, brief)
    assert lines(convert(root), "INFO") == []


def rename_seed_and_withdraw(root: Path, brief: Path) -> None:
    """Rename seeds/x.txt and convert with ``--withdraw``: ``brief`` follows the seed,
    published, the only brief, and the state holds the new name alone (``check`` before
    says so rather than calling the brief an orphan)."""
    (root / "seeds" / "x.txt").rename(root / "seeds" / "renamed.txt")
    checked = run_briefs(root, "check")
    assert lines(checked, "WARNING") == []
    assert "INFO seeds/renamed.txt: renamed from seeds/x.txt; convert moves its brief" in \
        lines(checked, "INFO")
    result = run_briefs(root, "convert", "--withdraw")
    assert result.returncode == 0, result.stderr
    assert lines(result, "WARNING") == []
    assert "INFO seeds/renamed.txt: renamed from seeds/x.txt; its brief follows" in \
        lines(result, "INFO")
    assert briefs_of(root) == [brief]
    text = brief.read_text("utf-8")
    assert "\nseed: seeds/renamed.txt\n" in text and "draft: true" not in text
    state = json.loads((root / ".briefs" / "state.json").read_text("utf-8"))
    assert list(state["briefs"]) == ["seeds/renamed.txt"] and not state["withdrawn"]


def test_a_brief_moved_by_hand_is_not_written_again(project) -> None:
    """An editor who renamed or moved a brief had the article written again under the
    old name: published twice, and ``briefs remove`` drafted the file that was gone."""
    root, brief = converted(project)
    moved = brief.parent / "2024" / "budget.md"
    moved.parent.mkdir()
    brief.rename(moved)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert not brief.exists() and briefs_of(root) == [moved]
    assert (f"INFO docs/briefs/2024/budget.md: seeds/x.txt's brief, moved by hand from "
            f"briefs/{brief.name}") in lines(result, "INFO")
    assert (root / "site" / "briefs" / "2024" / "budget" / "index.html").is_file()
    edited = edit(moved)
    again = convert(root)
    assert again.returncode == 0 and moved.read_bytes() == edited
    assert "INFO docs/briefs/2024/budget.md: edited by hand, kept" in lines(again, "INFO")
    removed = run_briefs(root, "remove", "seeds/x.txt")
    assert lines(removed, "INFO") == [
        "INFO seeds/x.txt: withdrawn: no later run brings it back; docs/briefs/2024/budget.md"
        " is now a draft (delete the file to drop it)"]
    assert "\ndraft: true\n" in moved.read_text("utf-8")


def test_remove_by_the_path_of_a_brief_moved_by_hand(project) -> None:
    """``briefs remove docs/briefs/2024/budget.md`` (the brief's path, as README allows)
    answered "no such seed or brief" for a brief an editor had moved: only the path the
    converter wrote was looked up, while ``briefs keep`` found the moved one."""
    root, brief = converted(project)
    moved = brief.parent / "2024" / "budget.md"
    moved.parent.mkdir()
    brief.rename(moved)
    removed = run_briefs(root, "remove", "docs/briefs/2024/budget.md")
    assert removed.returncode == 0, removed.stderr
    assert lines(removed, "INFO") == [
        "INFO seeds/x.txt: withdrawn: no later run brings it back; docs/briefs/2024/budget.md"
        " is now a draft (delete the file to drop it)"]
    assert "\ndraft: true\n" in moved.read_text("utf-8")


def test_remove_and_keep_take_a_path_as_the_shell_gives_it(project) -> None:
    """``briefs keep /abs/path/docs/briefs/x.md`` and ``briefs remove ./seeds/x.txt``
    (a path the shell completes, or one pasted whole) answered "no such seed or brief":
    only ``seeds/x.txt`` and ``docs/briefs/x.md`` as written were known."""
    root, brief = converted(project)
    edit(brief)
    kept = run_briefs(root, "keep", str(brief))
    assert kept.returncode == 0, kept.stderr
    assert lines(kept, "ERROR") == []
    removed = run_briefs(root, "remove", "./seeds//x.txt", "--dry-run")
    assert removed.returncode == 0, removed.stderr
    assert lines(removed, "INFO") == [
        f"INFO seeds/x.txt: withdrawn: no later run brings it back; docs/briefs/{brief.name} "
        "is now a draft (delete the file to drop it)"]
    gone = run_briefs(root, "remove", "./seeds/nope.txt")
    assert lines(gone, "ERROR") == ["ERROR seeds/nope.txt: no such seed or brief in "
                                    ".briefs/state.json"]


def test_a_seed_renamed_after_its_brief_was_moved_takes_the_moved_brief(project) -> None:
    """A seed renamed after an editor moved its brief was not known as renamed (its
    brief was looked for where the converter wrote it): the article was written again
    as a new brief, published twice, and the moved brief reported as an orphan."""
    root, brief = converted(project)
    moved = brief.parent / "2024" / "budget.md"
    moved.parent.mkdir()
    brief.rename(moved)
    assert convert(root).returncode == 0
    rename_seed_and_withdraw(root, moved)
    again = convert(root)
    assert again.returncode == 0 and lines(again, "WARNING") == []
    assert briefs_of(root) == [moved]


def test_a_brief_copied_by_hand_is_named_as_published_twice(project) -> None:
    root, brief = converted(project)
    copy = brief.with_name("copy.md")
    copy.write_bytes(brief.read_bytes())
    result = run_briefs(root, "check")
    assert lines(result, "WARNING") == [  # (in path order: copy.md comes first)
        f"WARNING docs/briefs/{brief.name}: also seeds/x.txt's brief, as "
        f"docs/briefs/{copy.name} is: the article is published twice (a copy? delete one, "
        "or set draft: true)"]


def test_a_lost_state_brings_no_false_conflict(project) -> None:
    """With ``.briefs/state.json`` gone (deleted, a fresh clone of a repository that does
    not commit it), a brief dated by its first conversion differed from the new run's
    plan by that day alone: a proposal and exit 1 on every run, for nothing."""
    root = project()
    text_seed(root, "x", TITLE, PARA, article(1))
    assert convert(root, env=env_epoch(1_700_000_000)).returncode == 0
    (brief,) = briefs_of(root)
    before = brief.read_bytes()
    assert b"\ndate_source: converted\n" in before
    (root / ".briefs" / "state.json").unlink()
    for _ in range(2):
        result = convert(root, env=env_epoch(1_800_000_000))
        assert result.returncode == 0, result.stderr
        assert lines(result, "WARNING") == [] and brief.read_bytes() == before
    assert not list(brief.parent.glob(".*.proposed.md"))
