"""JSON seeds: one article a scraper saved as a JSON object, its fields by their names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefs.errors import SeedError
from briefs.extract import extract
from briefs.read import read_seed
from tests.conftest import FIXTURES
from tests.helpers import run_briefs

JSON = FIXTURES / "json"


def _extract(path: Path):  # type: ignore[no-untyped-def]
    return extract(read_seed(path, f"seeds/{path.name}"))[0]


# (trafilatura's JSON output: tests/test_extract_markdown.py, with its text and
# Markdown output of the same page)


def test_news_please_json() -> None:
    brief = _extract(JSON / "newsplease_harbour.json")
    assert brief.title == "Harbour plan approved after a long night"
    assert brief.byline == "Ana Pereira, Ben Okafor"
    assert brief.date == dt.date(2024, 3, 5)
    assert brief.site_name == "example.org" and brief.lang == "en"
    assert brief.url == "https://example.org/news/harbour-plan"
    assert brief.body == (
        "The city council approved the harbour plan on Tuesday after a debate that lasted "
        "well into the night.",
        "A new sea wall will be built along the old quay, and two pumping stations will "
        "follow.",
        '"The quay will be safe from the winter storms," the mayor said.')


def test_a_body_in_html_is_read_as_a_page_and_its_script_is_dropped() -> None:
    brief = _extract(JSON / "scrapy_html_body.json")
    assert brief.title == "Storm closes schools across the region"
    assert brief.byline == "Lena Fischer" and brief.date == dt.date(2024, 2, 11)
    assert brief.categories == ("Weather", "Education")
    text = "\n".join(brief.body)
    assert "All schools in the region will stay closed on Monday" in text
    assert "Parents were told to check the office's page for updates." in text
    assert "alert" not in text and "<" not in text


def test_a_text_given_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    seed = tmp_path / "list.json"
    seed.write_text('{"headline": "Storm closes schools", "paragraphs": ["First one.", '
                    '"", "Second one."], "published": "2024-02-11"}', encoding="utf-8")
    brief = _extract(seed)
    assert brief.body == ("First one.", "Second one.")


@pytest.mark.parametrize(("value", "day"), [
    ("1676551869", dt.date(2023, 2, 16)), ("1676551869000", dt.date(2023, 2, 16)),
    ('"2023-02-16T12:51:09Z"', dt.date(2023, 2, 16)), ('"16 February 2023"', dt.date(2023, 2, 16)),
    ("42", None), ("true", None)])
def test_a_date_as_text_or_unix_time(tmp_path: Path, value: str, day: dt.date | None) -> None:
    seed = tmp_path / "dated.json"
    seed.write_text('{"headline": "Storm closes schools", "text": "The council met.", '
                    f'"published": {value}}}', encoding="utf-8")
    brief = _extract(seed)
    assert (brief.date if brief.date_source == "article" else None) == day


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not JSON"),
    ('[{"title": "a", "text": "b"}, {"title": "c", "text": "d"}]', "a list of 2 items"),
    ("42", "no JSON object"),
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ('{"title": "a", "text": ' + '{"a": ' * 30 + "1" + "}" * 30 + "}", "nested over 20 deep"),
    ('{"title": "Storm closes schools"}', "no article text found"),
    ('{"text": "The council said on Monday that it would close the schools."}',
     "no headline found"),
    ('{"title": "Storm closes schools", "title": "Second title", "text": "The council '
     'said on Monday that it would close the schools."}',
     "'title': given twice in one object; keep one"),
    # a title of a type no headline is read from: the field and what it holds are named
    ('{"title": ["Storm", "Schools"], "text": "The council closed the schools."}',
     "title: a list where text was expected; no headline found"),
    ('{"headline": true, "text": "The council closed the schools."}',
     "headline: true or false where text was expected; no headline found"),
])
def test_a_json_seed_that_is_no_article_is_refused_by_name(tmp_path: Path, content: str,
                                                           reason: str) -> None:
    seed = tmp_path / "bad.json"
    seed.write_text(content, encoding="utf-8")
    with pytest.raises(SeedError, match=reason) as caught:
        _extract(seed)
    assert caught.value.message.startswith("seeds/bad.json: ")


def test_json_seeds_publish_beside_the_others(project) -> None:  # type: ignore[no-untyped-def]
    root = project(JSON / "newsplease_harbour.json", JSON / "scrapy_html_body.json",
                   FIXTURES / "markdown" / "scraped_observer_lvmh.txt")
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    briefs = sorted(p.name for p in (root / "docs" / "briefs").glob("*.md"))
    assert briefs == ["bernard-arnault-s-lvmh-gives-the-louvre-a-16m-boost-to-acquire-a-chardin.md",
                      "harbour-plan-approved-after-a-long-night.md",
                      "storm-closes-schools-across-the-region.md"]
    page = (root / "site" / "briefs" / "harbour-plan-approved-after-a-long-night"
            / "index.html").read_text(encoding="utf-8")
    assert "A new sea wall will be built along the old quay" in page


def test_a_number_too_long_for_python_is_no_error(tmp_path: Path) -> None:
    """Python reads no integer of over 4,300 digits (and says to raise a limit): the
    file is valid JSON, and the article in it is read."""
    seed = tmp_path / "n.json"
    seed.write_text('{"headline": "Storm closes schools", "text": "The council closed the '
                    'schools.", "views": ' + "9" * 5000 + "}", encoding="utf-8")
    assert _extract(seed).title == "Storm closes schools"


def test_an_article_text_past_a_text_seeds_limit_is_refused(tmp_path: Path) -> None:
    """A JSON seed may be as large as a saved page (it may hold one), but its text is
    held to a text seed's 2 MB."""
    seed = tmp_path / "big.json"
    paragraph = "The council met again on Monday and talked about the budget. " * 20
    seed.write_text('{"headline": "Budget", "paragraphs": ["' + '", "'.join(
        [paragraph] * (2_200_000 // len(paragraph))) + '"]}', encoding="utf-8")
    with pytest.raises(SeedError, match=r"^seeds/big.json: article text of 2.1 MB exceeds "
                       "the 2 MB limit of a text seed$"):
        _extract(seed)


READER = FIXTURES / "markdown" / "reader_heise_1password.md"
SCRAPED = FIXTURES / "markdown" / "scraped_observer_lvmh.txt"
PAGE = FIXTURES / "html" / "observer_lvmh_en.html"


def _write_json(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_jina_reader_s_json_reads_as_its_markdown_does(tmp_path: Path) -> None:
    """Jina Reader's JSON answer: the article under ``data``, its page as Markdown in
    ``content``, the title with the site's name after it."""
    header, content = READER.read_text(encoding="utf-8").split("Markdown Content:\n", 1)
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    path = _write_json(tmp_path, "jina.json", {"code": 200, "status": 20000, "data": {
        "title": fields["Title"], "url": fields["URL Source"], "content": content,
        "publishedTime": fields["Published Time"], "usage": {"tokens": 2873}}})
    as_markdown = _extract(READER)
    brief = _extract(path)
    assert fields["Title"] == "1Password für Mac generiert Einmal-Passwörter | Mac & i"
    assert brief.title == as_markdown.title == "1Password für Mac generiert Einmal-Passwörter"
    assert brief.body == as_markdown.body and not any("](" in p for p in brief.body)
    assert brief.url == fields["URL Source"] and brief.date == dt.date(2015, 4, 8)


def test_firecrawl_s_json_reads_its_markdown_page_and_metadata(tmp_path: Path) -> None:
    """Firecrawl's answer: ``data`` with the page as ``markdown`` and the page's facts in
    ``metadata`` (``sourceURL``, ``publishedTime``, ``language``, ``ogSiteName``)."""
    scraped = SCRAPED.read_text(encoding="utf-8")
    as_text = _extract(SCRAPED)
    path = _write_json(tmp_path, "firecrawl.json", {"success": True, "data": {
        "markdown": scraped, "metadata": {
            "title": f"{as_text.title} | Observer", "language": "en", "ogSiteName": "Observer",
            "sourceURL": "https://observer.com/2024/01/lvmh-louvre-chardin/",
            "publishedTime": "2024-01-10T15:04:05Z", "statusCode": 200}}})
    brief = _extract(path)
    assert brief.title == as_text.title and brief.body == as_text.body
    assert not any("](" in p for p in brief.body)
    assert (brief.url, brief.date, brief.lang, brief.site_name) == (
        "https://observer.com/2024/01/lvmh-louvre-chardin/", dt.date(2024, 1, 10), "en",
        "Observer")


def test_crawl4ai_s_json_reads_the_page_s_html_over_its_markdown(tmp_path: Path) -> None:
    """crawl4ai's result holds the page's HTML beside its Markdown renderings: the HTML
    is read, as a saved page is."""
    path = _write_json(tmp_path, "crawl4ai.json", {
        "url": "https://observer.com/2024/01/lvmh-louvre-chardin/", "success": True,
        "html": PAGE.read_text(encoding="utf-8"),
        "markdown": {"raw_markdown": SCRAPED.read_text(encoding="utf-8"), "fit_markdown": ""},
        "metadata": {"title": "LVMH gives the Louvre a boost"}})
    as_page = _extract(PAGE)
    brief = _extract(path)
    assert brief.body == as_page.body and brief.date == as_page.date
    assert brief.title == "LVMH gives the Louvre a boost"  # the object's own title wins


def test_a_markdown_body_with_no_page_around_it_is_read_as_markdown(tmp_path: Path) -> None:
    path = _write_json(tmp_path, "md.json", {"data": {"markdown": (
        "# Harbour plan approved\n\nThe council approved the **harbour plan** after a "
        "[long debate](https://example.org/debate) on Monday night.\n\n"
        "- A new sea wall will be built along the old quay.\n")}})
    brief = _extract(path)
    assert brief.title == "Harbour plan approved"
    assert brief.body == ("The council approved the harbour plan after a long debate on "
                          "Monday night.", "A new sea wall will be built along the old quay.")


def test_a_number_among_the_authors_is_no_name(tmp_path: Path) -> None:
    seed = tmp_path / "a.json"
    seed.write_text(json.dumps({"title": "Tram fares rise", "authors": ["Ana Roe", 5, 7.5],
                                "text": "The city raised tram fares on Monday by ten cents."}),
                    encoding="utf-8")
    assert _extract(seed).byline == "Ana Roe"
