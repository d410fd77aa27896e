"""Markdown seeds: front matter for the fields, plain paragraphs for the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefs.errors import SeedError
from briefs.extract import extract
from briefs.extract.markdown import extract_markdown, plain_paragraphs
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


@pytest.mark.parametrize("above", ["- [Home](https://news.example/)\n\n",
                                   "[Home](/) | [World](/world)\n![logo](/logo.png)\n\n"])
def test_a_heading_under_a_line_of_links_is_the_title(above: str) -> None:
    """A menu's links (or a badge) above the ``#`` heading: the heading is the title and
    the links are no text (the seed was refused with "no headline found")."""
    brief = extract_markdown(above + "# Port fees rise again\n\nThe council raised the port "
                             "fees on Monday.\n", "seeds/x.md")
    assert brief.title == "Port fees rise again"
    assert brief.body == ("The council raised the port fees on Monday.",)


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


# A whole page a scraper saved as Markdown (menus as lists of links, the headline as
# "# ...", images, the footer): read as the dump of the page, as a .txt or a .md seed.
SCRAPED = FIXTURES / "markdown" / "scraped_observer_lvmh.txt"
READER = FIXTURES / "markdown" / "reader_heise_1password.md"


def _no_markup(brief_body: tuple[str, ...]) -> None:
    text = "\n".join(brief_body)
    assert "](" not in text and "https://" not in text and "![" not in text


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_page_scraped_as_markdown_reads_as_its_dump(tmp_path: Path, suffix: str) -> None:
    seed = tmp_path / f"lvmh{suffix}"
    seed.write_bytes(SCRAPED.read_bytes())
    brief, _notes = extract(read_seed(seed, f"seeds/lvmh{suffix}"))
    assert brief.title == ("Bernard Arnault’s LVMH Gives the Louvre a $16M Boost to Acquire "
                           "a Chardin Masterpiece")
    assert brief.byline == "Alexandra Tremayne-Pengelly"
    assert brief.date == dt.date(2023, 11, 8)
    text = "\n".join(brief.body)
    assert "For over a year, the Louvre has fought to acquire" in text
    assert "Editorial Ethics" not in text and "Newsletters" not in text
    _no_markup(brief.body)


def test_a_reader_header_gives_the_address_and_the_date() -> None:
    brief, _notes = extract(read_seed(READER, "seeds/reader_heise_1password.md"))
    assert brief.title == "1Password für Mac generiert Einmal-Passwörter"
    assert brief.url == ("https://www.heise.de/mac-and-i/meldung/"
                         "1Password-fuer-Mac-generiert-Einmal-Passwoerter-2596987.html")
    assert brief.date == dt.date(2015, 4, 8) and brief.date_source == "article"
    assert "1Password kostet aktuell knapp 50 Euro im Mac App Store" in "\n".join(brief.body)
    assert "Einloggen" not in "\n".join(brief.body)
    _no_markup(brief.body)


def test_an_article_with_a_list_of_sources_is_still_read_as_markdown(tmp_path: Path) -> None:
    sources = "\n".join(f"- [Report {k}](https://example.org/report-{k})" for k in range(12))
    seed = tmp_path / "bridge.md"
    seed.write_text("# Bridge to close in spring\n\n"
                    "The council voted on Tuesday to close the old bridge to cars.\n\n"
                    "Engineers found two cracked supports after the floods.\n\n"
                    f"## Sources\n\n{sources}\n", encoding="utf-8")
    brief, _notes = extract(read_seed(seed, "seeds/bridge.md"))
    assert brief.title == "Bridge to close in spring"
    assert brief.body[:2] == ("The council voted on Tuesday to close the old bridge to cars.",
                              "Engineers found two cracked supports after the floods.")
    assert "Report 11" in brief.body


@pytest.mark.parametrize("dump", sorted((FIXTURES / "dumps").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_a_dump_is_never_taken_for_markdown(dump: Path) -> None:
    from briefs.clean import clean_text
    from briefs.extract.text import from_markdown

    assert not from_markdown.reads_as_markdown(clean_text(dump.read_text("utf-8"))[0])


def test_brackets_that_never_close_render_as_text() -> None:
    assert plain_paragraphs("A [sic] note, a lone [ bracket, an \\[escaped one, a < sign "
                            "and a [link](https://example.org).") == [
        "A [sic] note, a lone [ bracket, an [escaped one, a < sign and a link."]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_flood_of_markdown_syntax_is_read_at_once(tmp_path: Path, suffix: str) -> None:
    # Python-Markdown spends the square of a paragraph's open brackets, entities or tags
    # (50,000 "[" took about four minutes): each such paragraph must be read at once
    # (a hang here is the regression)
    floods = ["[" * 50_000, "![" * 25_000, "[a](" * 12_000, "<a " * 16_000,
              "&#91;" * 10_000, "\\[" * 25_000, "[" * 20_000 + "]" * 20_000,
              "[a](" * 8_000 + ")" * 8_000]
    floods.append("[\n" * 25_000)  # (a .txt of 25,000 lines of "[" is no Markdown)
    article = ["# Storm closes schools across the region",
               *[f"The council said on Monday that it would close {n} schools, officials "
                 "said." for n in range(3, 9)],
               *[f"- [Section {k}](https://example.org/{k})" for k in range(12)]]
    seed = tmp_path / f"storm{suffix}"
    seed.write_text("\n\n".join(article + floods), encoding="utf-8")
    brief, _notes = extract(read_seed(seed, f"seeds/storm{suffix}"))
    assert brief.title == "Storm closes schools across the region"
    if suffix == ".md":  # (read as a dump, the floods of "<a a ..." outweigh the text)
        assert "The council said on Monday that it would close 3 schools, officials said." \
            in brief.body


@pytest.mark.parametrize("path", [FIXTURES / "markdown" / "trafilatura_observer_lvmh.txt",
                                  FIXTURES / "markdown" / "trafilatura_observer_lvmh.md",
                                  FIXTURES / "json" / "trafilatura_observer_lvmh.json"],
                         ids=lambda p: p.suffix)
def test_trafilatura_output_with_its_metadata(path: Path) -> None:
    # as text and Markdown (front matter, then one paragraph per line) and as JSON
    brief, _notes = extract(read_seed(path, f"seeds/{path.name}"))
    assert brief.title == ("Bernard Arnault’s LVMH Gives the Louvre a $16M Boost to Acquire "
                           "a Chardin Masterpiece")
    assert brief.byline == "Alexandra Tremayne-Pengelly"
    assert brief.date == dt.date(2023, 11, 8) and brief.date_source == "article"
    assert brief.url == "https://observer.com/2023/11/bernard-arnault-lvmh-louvre-chardin/"
    assert brief.site_name == "Observer" and brief.categories == ("Arts",)
    assert brief.body[0].startswith("For over a year, the Louvre has fought to acquire")
    assert len(brief.body) > 5  # one paragraph per line of its text


def test_a_dump_that_opens_with_a_rule_of_dashes_is_still_a_dump(tmp_path: Path) -> None:
    seed = tmp_path / "rule.txt"
    seed.write_text("---\nNews from the valley\n---\n\nStorm closes schools across the region"
                    "\n\n" + "\n\n".join(
                        f"The council said on Monday that it would close {n} schools "
                        "because of the storm, officials said." for n in range(3, 9)),
                    encoding="utf-8")
    brief, _notes = extract(read_seed(seed, "seeds/rule.txt"))
    assert brief.title == "Storm closes schools across the region"


def test_an_unknown_front_matter_field_is_still_refused(tmp_path: Path) -> None:
    seed = tmp_path / "typo.md"
    seed.write_text("---\ntitel: Bridge to close\n---\n\nThe council voted.\n", encoding="utf-8")
    with pytest.raises(SeedError, match="unknown field"):
        extract(read_seed(seed, "seeds/typo.md"))


@pytest.mark.parametrize(("line", "field", "cause"), [
    ("draft: maybe", "draft", "expected true or false, got 'maybe'"),
    ("draft: 'true'", "draft", "expected true or false, got 'true'"),
    ("title: yes", "title", "expected text, got True; put it in quotes"),
    ("title: 0x1F", "title", "expected text, got 31; put it in quotes"),
    ("title: !!binary aGVsbG8=", "title", "expected text, got b'hello'; put it in quotes"),
    ("author: {name: Jane Roe}", "author",
     "expected text, got {'name': 'Jane Roe'}; put it in quotes"),
    ("tags: [on, 12:30]", "tags", "expected text, got True; put it in quotes"),
])
def test_a_front_matter_value_yaml_reads_as_no_text_is_refused(tmp_path: Path, line: str,
                                                               field: str, cause: str) -> None:
    """YAML 1.1 reads ``yes`` as true and ``0x1F`` as 31: the brief would show Python's
    view of the value, not what was written."""
    seed = tmp_path / "x.md"
    seed.write_text(f"---\n{line}\n---\n\n# Bridge to close\n\nThe council voted.\n",
                    encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        extract(read_seed(seed, "seeds/x.md"))
    assert caught.value.message == f"seeds/x.md: '{field}': {cause}"


def test_a_front_matter_draft_is_kept(project, tmp_path: Path) -> None:
    """``draft: true`` in a Markdown seed is the author's word: the brief is a draft, and
    the built site has no trace of it."""
    seed = tmp_path / "embargo.md"
    seed.write_text(
        "---\ntitle: Embargoed harbour plan\ndraft: true\ndate: 2024-01-01\n---\n\n"
        "The council approved the harbour plan on Monday after a long debate.\n",
        encoding="utf-8")
    root = project(SEED, seed)
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    brief = (root / "docs" / "briefs" / "embargoed-harbour-plan.md").read_text("utf-8")
    assert "\ndraft: true\n" in brief
    site = root / "site"
    assert (site / "index.html").is_file()
    assert not (site / "briefs" / "embargoed-harbour-plan").exists()
    assert not [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml",
                ".json") and b"Embargoed harbour" in p.read_bytes()]


def test_a_lone_surrogate_in_a_json_seed_is_removed_with_a_note(tmp_path: Path) -> None:
    """``"\\ud800"`` is valid JSON but half of a character: no UTF-8 file can hold it, and
    the site's YAML reader would refuse the brief."""
    seed = tmp_path / "x.json"
    seed.write_text('{"title": "Lone \\ud800 half", "maintext": "The council voted on '
                    'Monday. It approved the plan \\udc00 at once."}', encoding="utf-8")
    brief, notes = extract(read_seed(seed, "seeds/x.json"))
    assert brief.title == "Lone  half" and "\udc00" not in "".join(brief.body)
    assert notes == ["title: lone surrogates (halves of a character) removed",
                     "body: lone surrogates (halves of a character) removed"]


BOMB = "".join(f"- &l{k} [{', '.join([f'*l{k - 1}'] * 9) if k else 'lol, lol, lol'}]\n"
               for k in range(9))


@pytest.mark.parametrize(("name", "text"), [
    ("bomb.md", f"---\ntitle: Bomb\ncategories:\n{BOMB}tags: [*l8, *l8]\n---\n\nText.\n"),
    ("bomb.txt", f"---\ntitle: Bomb\ncategories:\n{BOMB}---\nText.\n"),
])
def test_a_front_matter_of_aliases_is_refused_at_once(tmp_path: Path, name: str,
                                                       text: str) -> None:
    # nine levels of nine aliases each: printed, the categories would be 9^9 items
    seed = tmp_path / name
    seed.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=r"line 5: an alias \(\*l0\) is not allowed"):
        extract(read_seed(seed, f"seeds/{name}"))


def test_front_matter_takes_outlet_and_author_as_a_sidecar_does() -> None:
    brief = extract_markdown("---\ntitle: Bridge to close\noutlet: Example Times\n"
                             "author: Ana Pereira\n---\n\nThe council voted.\n", "seeds/x.md")
    assert (brief.site_name, brief.byline) == ("Example Times", "Ana Pereira")


@pytest.mark.parametrize(("pair", "alias"), [
    ("site_name: Example Times\noutlet: The Example", "outlet"),
    ("byline: Ana Pereira\nauthor: Ana P.", "author"),
])
def test_front_matter_giving_a_field_under_both_names_is_refused(pair: str,
                                                                 alias: str) -> None:
    """As a sidecar is: one of the two values would be lost without a word."""
    with pytest.raises(SeedError) as caught:
        extract_markdown(f"---\ntitle: Bridge to close\n{pair}\n---\n\nThe council voted.\n",
                         "seeds/x.md")
    key = pair.split(":", 1)[0]
    assert caught.value.message == (f"seeds/x.md: '{alias}': gives both {key} and {alias}, "
                                    "which mean the same: keep one")


def test_a_sidecar_of_aliases_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "storm.txt").write_text("Storm closes schools\n\n" + "The council said on "
                                        "Monday that it would close the schools. " * 5,
                                        encoding="utf-8")
    (tmp_path / "storm.yml").write_text(f"tags:\n{BOMB}", encoding="utf-8")
    with pytest.raises(SeedError, match="alias"):
        read_seed(tmp_path / "storm.txt", "seeds/storm.txt")


def test_front_matter_keeps_the_indentation_yaml_reads(tmp_path: Path) -> None:
    """Lines are stripped when the text is cleaned, but a folded value or a nested list
    of the front matter needs its indentation; an empty front matter is no front matter
    to refuse; one never closed is named."""
    seed = tmp_path / "x.md"
    seed.write_text("---\ntitle: Bridge   to close\ndescription: >\n  The council voted\n"
                    "  on Monday.\ntags:\n  - bridge\n  - council\n---\n\nThe council "
                    "voted to close the bridge.\n", encoding="utf-8")
    brief, _ = extract(read_seed(seed, "seeds/x.md"))
    assert (brief.title, brief.description, brief.tags) == (
        "Bridge to close", "The council voted on Monday.", ("bridge", "council"))
    seed.write_text("---\n---\n# Bridge to close\n\nThe council voted.\n", encoding="utf-8")
    assert extract(read_seed(seed, "seeds/x.md"))[0].title == "Bridge to close"
    seed.write_text("---\ntitle: Bridge to close\n\nThe council voted.\n", encoding="utf-8")
    with pytest.raises(SeedError, match="front matter opened by '---' on line 1 is never "
                       "closed"):
        extract(read_seed(seed, "seeds/x.md"))
