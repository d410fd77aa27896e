"""C. Front matter (RELIABILITY.md C1-C4): titles round-trip; editors' YAML errors are
refused with file, line and reason before MkDocs runs, and site/ stays as it was."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs.record import Brief
from briefs.validate import validate_text
from briefs.write import render
from tests.reliability.kit import PARA, build, convert, hashes, lines, snapshot, text_seed

HOSTILE_TITLES = [
    "Breaking: X", 'It\'s "q"', "---", "a\n---\nb", "- x", "# x", "@h",
    "!!python/object/apply:os.system ['id']", "No", "null", "2024-13-45", "x" * 1000,
    "key: value: other", "[a, b]", "{a: 1}", "&anchor", "*alias", "%YAML 1.1", "|", ">",
    "'", '"', "`cmd`", "~", "? q", "title\ttab", " lead and trail ", "ünïcödé — “quotes”",
]


def brief_with(title: str) -> Brief:
    return Brief(title=title, date=dt.date(2024, 1, 2), seed="seeds/x.txt", body=(PARA,))


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_c1_hostile_titles_round_trip(title: str) -> None:
    text = render(brief_with(title))
    data = yaml.safe_load(text[4 : text.index("\n---\n")])
    assert isinstance(data["title"], str) and data["title"] == title
    assert validate_text(text, "x.md")["title"] == title
    assert text.endswith(f"\n\n{PARA}\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_c1_any_title_round_trips(title: str) -> None:
    """Property: whatever the title (after the cleaner), front matter gives it back."""
    from briefs.clean import clean_line

    title = clean_line(title) or "x"
    data = validate_text(render(brief_with(title)), "x.md")
    assert data["title"] == title


def test_c1_hostile_sidecar_titles_end_to_end(project, tmp_path: Path) -> None:
    """Real seeds: every page parses and keeps its title; no command runs."""
    root = project()
    marker = tmp_path / "pwned"
    titles = [*HOSTILE_TITLES[:11], f"!!python/object/apply:os.system ['touch {marker}']"]
    for i, title in enumerate(titles):
        side = yaml.safe_dump({"title": title})
        text_seed(root, f"c1_{i:02d}", "Placeholder headline for the sidecar",
                  f"{PARA} Story {i}.", f"Second paragraph of story number {i} follows "
                  "with enough words to count.", sidecar=side)
    result = convert(root)
    assert result.returncode == 0, result.stderr
    from briefs.clean import clean_line

    for i, title in enumerate(titles):
        state = yaml.safe_load((root / ".briefs" / "state.json").read_text("utf-8"))
        brief = root / "docs" / state["briefs"][f"seeds/c1_{i:02d}.txt"]["brief"]
        text = brief.read_text("utf-8")
        data = yaml.safe_load(text[4 : text.index("\n---\n")])
        assert data["title"] == clean_line(title)
        assert f"Story {i}." in brief.read_text("utf-8")
    assert not marker.exists()


def built(project) -> Path:  # type: ignore[no-untyped-def]
    root = project()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA)
    assert build(root).returncode == 0
    return root


def edit_front_matter(root: Path, change) -> Path:  # type: ignore[no-untyped-def]
    (brief,) = (root / "docs" / "briefs").glob("*.md")
    brief.write_text(change(brief.read_text("utf-8")), encoding="utf-8")
    return brief


def assert_refused(root: Path, expected: str) -> None:
    site = hashes(root / "site")
    docs = snapshot(root / "docs")
    result = build(root)
    assert result.returncode == 1
    assert expected in lines(result, "ERROR"), result.stderr
    assert "site/ unchanged" in result.stdout
    assert hashes(root / "site") == site
    after = snapshot(root / "docs")
    after.pop(".publish.lock"), docs.pop(".publish.lock")
    assert after == docs


def test_c2_unquoted_colon_in_title(project) -> None:
    root = built(project)
    brief = edit_front_matter(root, lambda t: t.replace(
        "title: Council agrees", "title: Breaking: Council agrees", 1))
    assert_refused(root, f"ERROR docs/briefs/{brief.name}: front matter line 2: mapping "
                   "values are not allowed here")


def test_c2_a_refused_build_names_the_site_folder_it_left_alone(project) -> None:
    """``--site-dir public``: the refusal said "site/ unchanged" of a folder not built."""
    root = built(project)
    edit_front_matter(root, lambda t: t.replace(
        "title: Council agrees", "title: Breaking: Council agrees", 1))
    result = build(root, "--site-dir", "public")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].endswith("brief(s) invalid; public/ unchanged")
    assert not (root / "public").exists()


def test_c3_duplicate_draft_key(project) -> None:
    root = built(project)
    brief = edit_front_matter(root, lambda t: t.replace(
        "date_source:", "draft: true\ndraft: false\ndate_source:", 1))
    assert_refused(root, f"ERROR docs/briefs/{brief.name}: front matter line 5: "
                   "duplicate key 'draft'")


C4 = {
    "block_scalar": (lambda t: t.replace("date_source:", "review_note: |\n  a\n---\n  b\n"
                                         "date_source:", 1),
                     "front matter line 6: '---' inside an indented block ends the front "
                     "matter early"),
    "list": (lambda t: "---\n- a\n- b\n---\n\n" + t.split("---\n", 2)[2],
             "front matter line 2: must be a mapping of field: value, got list"),
    "tab": (lambda t: t.replace("date_source:", "tags:\n\t- budget\ndate_source:", 1),
            "front matter line 5: found character '\\t' that cannot start any token"),
    "bad_date": (lambda t: t.replace("date: 2023-11-14", "date: 2024-13-45", 1),
                 "front matter line 3: not a calendar date: 2024-13-45 (month must be in "
                 "1..12)"),
    # aliases of aliases: a few hundred bytes that print as billions of items
    "alias_bomb": (lambda t: t.replace("date_source:", "tags: [&a [x, x, x], *a, *a]\n"
                                       "date_source:", 1),
                   "front matter line 4: an alias (*a) is not allowed here"),
    # libyaml, which the site reads briefs with, refuses half a character: a brief that
    # passed the check would be left off the site without a word
    "lone_surrogate": (lambda t: t.replace("date_source:", 'review_note: "a \\ud800 b"\n'
                                           "date_source:", 1),
                       "front matter line 4: a lone surrogate (\\ud800) is half of a "
                       "character, not text"),
    "list_as_key": (lambda t: t.replace("date_source:", "? [a, b]\n: 1\ndate_source:", 1),
                    "front matter line 4: a key must be text, got a list"),
    "fields_after_dashes": (lambda t: t.replace("date_source:", "---\ndate_source:", 1),
                            "front matter line 4: '---' ends the front matter early; field "
                            "'date_source' follows at line 5"),
}


@pytest.mark.parametrize("case", sorted(C4))
def test_c4_broken_front_matter_refused_with_line(project, case: str) -> None:
    root = built(project)
    change, message = C4[case]
    brief = edit_front_matter(root, change)
    assert_refused(root, f"ERROR docs/briefs/{brief.name}: {message}")


def test_c4_a_link_or_language_the_site_cannot_use_is_named(project) -> None:
    """An editor's ``url: www.example.com`` (no scheme) or ``lang: en US`` builds, but the
    page shows no link and declares no language: the check says so, by file and field."""
    root = built(project)
    brief = edit_front_matter(root, lambda t: re.sub(
        r"^lang: .*$", "lang: en US\nurl: www.example.com/budget", t, count=1, flags=re.M))
    result = build(root)
    assert result.returncode == 0, result.stderr
    shown = f"docs/briefs/{brief.name}"
    assert {f"WARNING {shown}: url: 'www.example.com/budget' is not a web address "
            "(http:// or https://); the page shows no link to it",
            f"WARNING {shown}: lang: 'en US' is not a language code such as en or pt-BR; "
            "the page does not declare it"} <= set(lines(result, "WARNING"))
    page = (root / "site" / "briefs" / brief.stem / "index.html").read_text(encoding="utf-8")
    assert "www.example.com/budget" not in page and 'lang="en US"' not in page
