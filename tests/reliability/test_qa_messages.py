"""Editor workflows found wanting by QA: every run ends with one summary line that says
why it exited as it did, and ``briefs check`` says how to settle a converted date."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_briefs
from tests.reliability.kit import PARA, article, briefs_of, convert, lines, text_seed

TITLE = "Council agrees on the budget for next year"


def _converted(project) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    root = project()
    text_seed(root, "x", TITLE, PARA, article(1))
    assert convert(root).returncode == 0
    [brief] = briefs_of(root)
    return root, brief


def test_conflict_is_counted_in_the_summary_line(project) -> None:
    """Seed and brief both changed: exit 1, and the summary line said 0 of everything."""
    root, brief = _converted(project)
    brief.write_text(brief.read_text("utf-8").replace("summary:", "summary: Edited."), "utf-8")
    text_seed(root, "x", TITLE, PARA, article(1), "A new paragraph was added to the seed "
              "after the brief had been edited by hand, with enough words.")
    result = convert(root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].endswith(
        "0 rejected, 1 in conflict (not written; see the lines above)")


def test_remove_ends_with_a_summary_line(project) -> None:
    root, _brief = _converted(project)
    dry = run_briefs(root, "remove", "--dry-run", "seeds/x.txt")
    assert dry.returncode == 0
    assert dry.stdout == "remove: seeds/x.txt would be withdrawn (dry run)\n"
    done = run_briefs(root, "remove", "seeds/x.txt")
    assert done.returncode == 0 and done.stdout == "remove: seeds/x.txt withdrawn\n"
    unknown = run_briefs(root, "remove", "seeds/nope.txt")
    assert unknown.returncode == 1 and unknown.stdout == "remove: nothing withdrawn\n"
    assert lines(unknown, "ERROR") == [
        "ERROR seeds/nope.txt: no such seed or brief in .briefs/state.json"]


def test_check_says_how_to_settle_a_converted_date(project) -> None:
    """An editor who fixes the date sets ``date_source: editor``; the brief leaves the
    list (the message says so), and a later convert keeps the edit."""
    root, brief = _converted(project)
    first = run_briefs(root, "check")
    assert lines(first, "INFO") == [
        f"INFO docs/briefs/{brief.name}: date not found in the article (date_source: "
        "converted); needs an editor's date: set date: and date_source: editor"]
    text = brief.read_text("utf-8")
    head, rest = text.split("date_source: converted\n", 1)
    fixed = head.split("date: ")[0] + "date: 2024-11-18\ndate_source: editor\n" + rest
    brief.write_text(fixed, "utf-8")
    after = run_briefs(root, "check")
    assert after.returncode == 0 and not lines(after, "INFO")
    assert after.stdout.strip().endswith("0 error(s), 0 brief(s) need an editor's date")
    assert convert(root).returncode == 0
    assert brief.read_text("utf-8") == fixed


def test_check_warns_of_a_date_after_today_until_an_editor_keeps_it(project) -> None:
    root = project()
    text_seed(root, "x", TITLE, "Published 3 June 2091", PARA, article(1))
    assert convert(root).returncode == 0
    [brief] = briefs_of(root)
    assert "date: 2091-06-03\ndate_source: article\n" in brief.read_text("utf-8")
    first = run_briefs(root, "check")
    assert first.returncode == 0  # a warning: the editor decides
    assert lines(first, "WARNING") == [
        f"WARNING docs/briefs/{brief.name}: date: 2091-06-03 is after today; check it "
        "(set date_source: editor to keep a date to come)"]
    brief.write_text(brief.read_text("utf-8").replace("date_source: article",
                                                      "date_source: editor"), "utf-8")
    assert not lines(run_briefs(root, "check"), "WARNING")
