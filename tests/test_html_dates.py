"""htmldate's fallback date parser reads the page's declared language (and English)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from htmldate import extractors

from briefs.extract import extract
from briefs.extract.html.dateparse import for_language, install
from briefs.read import read_seed
from briefs.record import Brief

EARLIEST, LATEST = datetime(1995, 1, 1), datetime(2030, 1, 1)


def read(string: str) -> str | None:
    """What htmldate's extensive search makes of ``string`` (through its own cache)."""
    result: str | None = extractors.try_date_expr(string, "%Y-%m-%d", True, EARLIEST, LATEST)
    return result


def page(lang: str, dateline: str, words: str = "The council met on the matter. ") -> str:
    body = "".join(f"<p>{words * 8}</p>" for _ in range(4))
    return (f'<html lang="{lang}"><head><title>Budget vote</title></head><body><article>'
            f"<h1>Budget vote</h1><p class=\"meta\">{dateline}</p>{body}</article></body></html>")


def test_the_parser_reads_the_page_s_language_and_english() -> None:
    with for_language("fr"):
        assert sorted(extractors.get_external_parser().languages) == ["en", "fr"]
    with for_language("ja"):  # Han-numeral dates: Japanese, Chinese and Korean alike
        assert sorted(extractors.get_external_parser().languages) == ["en", "ja", "ko", "zh"]
    with for_language("en"):
        assert extractors.get_external_parser().languages == ["en"]


def test_no_declared_or_an_unknown_language_keeps_every_language() -> None:
    for language in (None, "xx"):
        with for_language(language):
            assert extractors.get_external_parser().languages is None


def test_a_string_reads_the_same_whatever_page_came_before() -> None:
    """htmldate caches each string's reading; a French page's reading of "1er mars" must
    not leak into an English page read next in the same process (workers share seeds
    differently from run to run)."""
    with for_language("fr"):
        assert read("1er mars 2020 à 10h") == "2020-03-01"
    with for_language("en"):
        assert read("1er mars 2020 à 10h") is None
    with for_language("fr"):
        assert read("1er mars 2020 à 10h") == "2020-03-01"
    with for_language("ja"):
        assert read("2019年3月2日09:18") == "2019-03-02"


def test_an_html_page_s_dateline_in_its_own_language_gives_the_date(tmp_path: Path) -> None:
    brief = extract_page(tmp_path, page("ja", "2019年3月2日09:18", "市議会は予算案を可決した。"))
    assert brief.date is not None and brief.date.isoformat() == "2019-03-02"
    brief = extract_page(tmp_path, page("fr", "Publié le 1er mars 2020 à 10h",
                                        "Le conseil a voté le budget. "))
    assert brief.date is not None and brief.date.isoformat() == "2020-03-01"


def test_a_page_whose_markup_dates_nothing_is_dated_by_its_visible_date_line(
        tmp_path: Path) -> None:
    """No ``<time>``, JSON-LD or meta date, and a Solar Hijri date line htmldate cannot
    read: the date line printed under the headline dates the page, as in a text dump."""
    words = "شورای شهر درباره بودجه سال آینده گفت‌وگو کرد و آن را تصویب کرد. "
    brief = extract_page(tmp_path, page("fa", "دوشنبه ۱۴ آبان ۱۴۰۴ - ۱۰:۳۰", words))
    assert brief.date is not None and brief.date.isoformat() == "2025-11-05"
    assert brief.date_source == "article"


def extract_page(folder: Path, html: str) -> Brief:
    path = folder / "page.html"
    path.write_text(html, encoding="utf-8")
    return extract(read_seed(path, "seeds/page.html"))[0]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[list[str] | None]:
    """The languages of each fallback parser htmldate asks for, from here on."""
    install()  # (so that the parser recorded is the one it puts in place)
    languages: list[list[str] | None] = []
    real = extractors.get_external_parser

    def recording() -> object:
        parser = real()
        languages.append(parser.languages)
        return parser

    monkeypatch.setattr(extractors, "get_external_parser", recording)
    extractors.try_date_expr.cache_clear()  # (what an earlier page read is kept)
    return languages


def test_a_page_that_declares_no_language_is_read_in_its_text_s(
        tmp_path: Path, asked: list[list[str] | None]) -> None:
    """No ``lang`` on the page: the parser reads the language its text is in, not every
    language dateparser knows (the search that cost 3 to 4 s on a first such string)."""
    html = page("fr", "Publié le 1er mars 2020 à 10h",
                "Le conseil municipal a voté le budget après un long débat. ")
    brief = extract_page(tmp_path, html.replace(' lang="fr"', ""))
    assert brief.date is not None and brief.date.isoformat() == "2020-03-01"
    assert asked and all(sorted(languages or []) == ["en", "fr"] for languages in asked)


def test_a_withdrawn_code_reads_as_the_one_that_replaced_it() -> None:
    with for_language("iw"):
        assert sorted(extractors.get_external_parser().languages) == ["en", "he"]
    with for_language("no"):
        assert sorted(extractors.get_external_parser().languages) == ["en", "nb"]


def test_a_language_dateparser_does_not_know_is_read_in_its_text_s(
        tmp_path: Path, asked: list[list[str] | None]) -> None:
    """``lang="sh"`` (Serbo-Croatian, which dateparser has no locale for): the parser
    reads the text's language, not every locale in turn (2.7 s on htmldate's test page
    of Radio Free Europe's Balkan service, where a first string no locale read cost the
    search through all of them)."""
    words = "Gradsko vijeće je nakon duge rasprave izglasalo proračun za sljedeću godinu. "
    brief = extract_page(tmp_path, page("sh", "Objavljeno 3. srpnja 2021. u 10:00", words))
    assert brief.date is not None and brief.date.isoformat() == "2021-07-03"
    assert asked and all(languages is not None and "hr" in languages for languages in asked)


def utc_page(dateline: str) -> str:
    body = "".join(f"<p>{'The council met late into the night on the budget. ' * 8}</p>"
                   for _ in range(4))
    return ('<html lang="en"><head><title>Budget vote</title>'
            '<meta property="article:published_time" content="2020-12-24T23:59:50+00:00">'
            f"</head><body><article><h1>Budget vote</h1><p>{dateline}</p>{body}</article>"
            "</body></html>")


def test_the_printed_day_wins_over_a_utc_timestamp_one_day_off(tmp_path: Path) -> None:
    """The markup's time is UTC, and the page prints its readers' day under the headline:
    the printed day is the one annotators and readers go by."""
    brief = extract_page(tmp_path, utc_page("December 25, 2020 | 1:59 am"))
    assert brief.date is not None and brief.date.isoformat() == "2020-12-25"
    brief = extract_page(tmp_path, utc_page("Filed by the city desk"))  # nothing printed
    assert brief.date is not None and brief.date.isoformat() == "2020-12-24"
    brief = extract_page(tmp_path, utc_page("December 20, 2020"))  # not a time zone's day
    assert brief.date is not None and brief.date.isoformat() == "2020-12-24"


@pytest.mark.parametrize("markup", [
    '<meta property="article:published_time" content="2024-02-30T10:00:00Z">',
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "2024-06-31T10:00:00Z"}</script>',
])
def test_a_day_no_calendar_has_is_no_date_not_the_first_of_the_month(
        tmp_path: Path, markup: str) -> None:
    """htmldate reads "2024-02-30" as February alone and dates the page the 1st: the
    brief takes no day from it (an editor is asked), as a text dump's would."""
    html = page("en", "").replace("<title>", markup + "<title>")
    brief = extract_page(tmp_path, html)
    assert brief.date_source == "converted"


def test_a_real_first_of_the_month_in_the_markup_stays(tmp_path: Path) -> None:
    html = page("en", "").replace(
        "<title>", '<meta property="article:published_time" content="2024-03-01T10:00:00Z">'
                   "<title>")
    brief = extract_page(tmp_path, html)
    assert brief.date is not None and brief.date.isoformat() == "2024-03-01"
    assert brief.date_source == "article"
