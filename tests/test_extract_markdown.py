"""Markdown seeds: front matter for the fields, plain paragraphs for the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefs.errors import SeedError
from briefs.extract import extract
from briefs.extract.markdown import extract_markdown
from briefs.read import read_seed
from tests.conftest import FIXTURES
from tests.helpers import run_briefs

SEED = FIXTURES / "markdown" / "harbour_front_matter.md"


def test_front_matter_and_plain_body() -> None:
    brief, notes = extract(read_seed(SEED, "seeds/harbour_front_matter.md"))
    assert notes == []
    assert brief.title == "Harbour plan: approved after a long night"
    assert brief.date == dt.date(2024, 3, 5) and brief.date_source == "article"
    assert brief.byline == "Ana Pereira"
    assert brief.site_name == "Example Times"
    assert brief.url == "https://example.org/news/harbour-plan"
    assert brief.categories == ("Local",) and brief.tags == ("harbour", "council")
    assert brief.body == (
        "The city council approved the harbour plan on Tuesday after a debate that lasted "
        "well into the night, the council said.",
        "A new sea wall along the old quay",
        "Two pumping stations",
        "What comes next",
        '"The quay will be safe from the winter storms," the mayor said.',
        "Residents can comment until the end of the month; <img src=x onerror=alert(1)> "
        "stays text.",
    )


def test_words_outside_any_block_are_kept_and_script_is_not() -> None:
    # A <div> inside a paragraph closes it: the words after the div belong to no block.
    brief = extract_markdown(
        "---\ntitle: Budget vote\n---\n\nParliament met. <script>alert(5)</script>"
        '<div onclick="x()">Late amendment</div> and the budget passed by ten votes.\n',
        "seeds/vote.md")
    assert brief.body == ("Parliament met.", "Late amendment",
                          "and the budget passed by ten votes.")


def test_heading_is_the_title_without_front_matter() -> None:
    brief = extract_markdown("# Bridge reopens\n\nThe bridge reopened on *Monday*.\n", "x.md")
    assert brief.title == "Bridge reopens"
    assert brief.body == ("The bridge reopened on Monday.",)


@pytest.mark.parametrize(("source", "message"), [
    ("---\ntitle: [unclosed\n---\nBody.\n", "seeds/x.md: front matter line"),
    ("---\n- a\n- b\n---\nBody.\n", "seeds/x.md: front matter must be a mapping"),
    ("---\ntitle: T\nlayout: post\n---\nBody.\n",
     "seeds/x.md: front matter: unknown field(s) layout"),
    ("---\ntitle: T\ndate: May 1st\n---\nBody.\n",
     "seeds/x.md: 'date': expected YYYY-MM-DD, got 'May 1st'"),
])
def test_bad_front_matter_is_rejected_naming_the_file(source: str, message: str) -> None:
    with pytest.raises(SeedError) as caught:
        extract_markdown(source, "seeds/x.md")
    assert caught.value.message.startswith(message)


def test_markdown_seed_converts_through_the_cli(project, tmp_path: Path) -> None:
    root = project(SEED)
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    page = next((root / "docs" / "briefs").glob("*.md")).read_text(encoding="utf-8")
    assert "Harbour plan: approved after a long night" in page
    assert "**approved**" not in page and "](https://example.org/council)" not in page
