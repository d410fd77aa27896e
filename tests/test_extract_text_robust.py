"""The text-dump extractor on odd input: a clear SeedError, never a crash.

Pages of every shape reach the extractor (one line, thousands of short lines, one huge
line, nothing but widgets); each either gives an article or is refused with a
``SeedError`` that says why. Speed is measured by ``make bench``, not asserted here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefs.clean import clean_line, clean_text
from briefs.errors import SeedError
from briefs.extract import extract
from briefs.extract.text import extract_text
from briefs.extract.text.meta import (
    date_near,
    dated_paragraph,
    find_byline,
    find_date,
    name_line,
    numeric_order,
)
from briefs.read import read_seed
from tests.helpers import BARE_PARAGRAPHS

SENTENCE = "The council said on Monday that it would raise the budget for schools, officials said."
ODD_INPUTS = {
    "one_line": "Just one line here",
    "short_lines": "\n".join(f"Item {i}" for i in range(5000)),
    "huge_line": "word " * 20000,
    "huge_sentence": "This is a sentence of the article and it goes on. " * 2000,
    "all_junk": "\n\n".join(["Home", "Share", "Menu", "Login", "Subscribe", "Comments (3)"]
                            * 300),
    "numbers": "\n".join(str(i) for i in range(3000)),
    "time_stamps": "\n".join(f"{i % 24}:{i % 60:02d} Something happened" for i in range(3000)),
    "same_line_repeated": "\n".join(SENTENCE for _ in range(5000)),
}


@pytest.mark.parametrize("name", sorted(ODD_INPUTS))
def test_odd_dump_is_refused_with_a_reason(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(ODD_INPUTS[name], encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        extract(read_seed(path, path.name))
    message = str(caught.value)
    assert path.name in message
    assert "no headline found" in message or "no article text found" in message


PARAGRAPHS_DE = [
    "Die Stadt hat am Montag angekündigt, alle Schulen wegen des erwarteten Sturms für eine "
    "Woche zu schließen, wie Beamte mitteilten.",
    "Eltern wurden gebeten, ihre Kinder bis auf Weiteres zu Hause zu behalten, teilte die "
    "Stadt in einer Erklärung auf ihrer Website mit.",
    "Meteorologen warnten, dass der Wind an der Küste 120 Kilometer pro Stunde erreichen "
    "könnte, mit starkem Regen im Landesinneren.",
]
PARAGRAPHS_JA = [
    "東京都は月曜日、台風の接近に備えて都内すべての公立学校を一週間休校にすると発表した。"
    "気象庁によると、台風は火曜日の夜に関東地方に上陸する見込みだという。",
    "保護者には、追って通知があるまで子どもを自宅で過ごさせるよう求めた。"
    "都は公式ウェブサイトで声明を出し、安全の確保を最優先にすると説明した。",
    "気象庁は沿岸部で最大瞬間風速四十メートルの暴風と、内陸部での大雨による浸水の危険が"
    "あると警告している。",
]


@pytest.mark.parametrize(("above", "paragraphs"), [
    ([], BARE_PARAGRAPHS), (["Share"], BARE_PARAGRAPHS), ([], PARAGRAPHS_DE), ([], PARAGRAPHS_JA),
    # a byline and a date are no headline, nor a breadcrumb's links run into one word
    (["By Jane Roe", "3 June 2021"], BARE_PARAGRAPHS),
    (["NewsPoliticsLocal", "By Jane Roe"], BARE_PARAGRAPHS)])
def test_bare_paragraphs_are_refused_for_want_of_a_headline(
        tmp_path: Path, above: list[str], paragraphs: Sequence[str]) -> None:
    # before: published under the second paragraph, the first one dropped (English), or
    # under the first (German, Japanese); under the first, or under "NewsPoliticsLocal",
    # when a byline stood above the text
    path = tmp_path / "bare.txt"
    path.write_text("\n\n".join([*above, *paragraphs]), encoding="utf-8")
    with pytest.raises(SeedError, match="no headline found"):
        extract(read_seed(path, path.name))


def test_a_breadcrumb_trail_that_ends_in_the_headline_gives_it() -> None:
    # the dump prints the headline nowhere else: before, the text's first paragraph was
    # taken for it and lost from the body
    trail = "Home › Politics › Council approves budget after a long debate"
    brief = extract_text(clean_text("\n\n".join([trail, "By Jane Roe", *BARE_PARAGRAPHS]))[0])
    assert brief.title == "Council approves budget after a long debate"
    assert brief.categories == ("Politics",)
    assert brief.byline == "Jane Roe"
    assert brief.body == BARE_PARAGRAPHS


def test_a_first_line_that_ends_as_a_sentence_can_still_be_the_headline() -> None:
    title = "The council closes all schools for a week as the storm nears the coast."
    brief = extract_text(clean_text("\n\n".join([title, *BARE_PARAGRAPHS]))[0])
    assert brief.title == title
    assert brief.body == BARE_PARAGRAPHS


def test_many_short_lines_around_an_article_still_find_it() -> None:
    menu = [f"Section {i}" for i in range(2500)]
    article = ["Storm closes schools across the region", "By Jane Roe",
               *[f"{SENTENCE} Paragraph {i} adds detail about the storm." for i in range(6)]]
    brief = extract_text(clean_text("\n\n".join(menu + article + menu))[0])
    assert brief.title == "Storm closes schools across the region"
    assert brief.byline == "Jane Roe"
    assert len(brief.body) == 6


def test_hostile_rows_of_buttons_and_credits_around_an_article() -> None:
    # lines that patterns with spaces on both sides of an optional part read in
    # exponentially many ways: each must be read at once (a hang here is the regression)
    hostile = ["facebook " * 40 + "!", "纠错 " * 40 + "x", " " * 20000 + "纠错" + " " * 20000,
               "Share (" + "(" * 20000 + "12"]
    article = ["Storm closes schools across the region",
               *[f"{SENTENCE} Paragraph {i} adds detail about the storm." for i in range(6)]]
    brief = extract_text(clean_text("\n\n".join(hostile + article + hostile))[0])
    assert brief.title == "Storm closes schools across the region"
    assert all(paragraph in brief.body for paragraph in article[1:])


@pytest.mark.parametrize(("line", "name"), [
    ("By Daniel Roe, Senior Staff Technologist, Example Project", "Daniel Roe"),
    ("By Alex Heath, a deputy editor and author of a newsletter.", "Alex Heath"),
    ("ByJ.R. Stone", "J.R. Stone"),
    ("by Ann Roe (reporting) and Ben Poe (photography)", "Ann Roe and Ben Poe"),
    ("Le Journal | 04.05.2015 à 13h36 | Par Jean Dupont (avec Marie Curie)", "Jean Dupont"),
    ("Por María Fernández Gómez", "María Fernández Gómez"),
    ("Von Anna Schmidt und Max Muster", "Anna Schmidt und Max Muster"),
    ("Autor: Jan Novák", "Jan Novák"),
    ("Text Edge Style", None),
    ("By the time the rain stopped, the river had burst its banks.", None),
    ("por Raúl Espina 4 mayo, 2022", "Raúl Espina"),
    ("홍길동 기자 (hong@example.com)", "홍길동"),  # Korean: the name, then "reporter"
    ("김철수 특파원 = 워싱턴", "김철수"),
    ("기자회견에서 밝혔다", None),  # "said at a press conference"
    ("بقلم: أحمد علي", "أحمد علي"),
    ("作者：王明 2021年6月3日", "王明"),
    ("文化娱乐", None),
    ("Von Diana Resnik mit AP", "Diana Resnik"),  # the agency's help is no author
    ("By Euronews with Agencies", "Euronews"),
    ("By Associated Press", "Associated Press"),  # a wire, though "press" is a desk word
    ("By Jane Roe, Associated Press", "Jane Roe"),
    ("Byby JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL",
     "JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL"),
    ("by BWW News Desk", "BWW News Desk"),  # a desk signs as a team
    ("By TMZ Staff", "TMZ Staff"),
    ("By Jane Roe, Staff Writer", "Jane Roe"),
    ("By Daniel Bader last updated 4 April 17", "Daniel Bader"),
    ("By Zach Hanlon 5 minute Read", "Zach Hanlon"),
    ("By Will Leitch/November 18, 2016", "Will Leitch"),
    ("投稿者 Masafumi Negishi", "Masafumi Negishi"),  # Japanese: "posted by"
    ("著者：後藤大地", "後藤大地"),
    ("von Alexander Karper Foto: © GEPA", "Alexander Karper"),
    ("Thread starter Tiberius", "Tiberius"),  # a forum's first post
    ("Themenstarter Pepemaus", "Pepemaus"),
])
def test_byline_lines(line: str, name: str | None) -> None:
    assert find_byline(line) == name


@pytest.mark.parametrize(("line", "expected"), [
    ("Jane Roe", ("Jane Roe", False)),
    ("Jane Roe, @jroe", ("Jane Roe", True)),
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", ("Dan Goodin", True)),
    ("Alex Perry 1 day ago", ("Alex Perry", True)),
    ("Duration Time 0:00", None),
    ("Published Thursday 27 July 2017", None),
    ("Today's Paper", None),
    ("Latino América 21", None),
    ("Pacific Grove", ("Pacific Grove", False)),  # a place in name form: needs a date by it
    ("Tech Insider", None),  # a section label
    ("Janic Cathomen, 01.12.2021", ("Janic Cathomen", True)),
    ("Julia Steinhoff / Oktober 25 2023", ("Julia Steinhoff", True)),
    ("21. Jan 2022 // Dominik Ricker", ("Dominik Ricker", True)),
    ("1. Februar 2022 , Daniel Dillenburg", ("Daniel Dillenburg", True)),
    ("19.10.2019 11:36 Anna Weber", ("Anna Weber", True)),
    ("18.02.2022, 10:27 | Recht & Gesetz | Jetzt kommentieren", None),
    ("3 June 2021", None),
    ("Newer Article", None),  # a site's navigation
    ("Recent Posts", None),
    ("Justiz & Polizei", None),  # a section, not two people
    # a label run into the name, or after a bar; a time after the date's "um"
    ("Jen MillsPublished Jul 17, 2024, 11:21am|Updated Jul 17, 2024", ("Jen Mills", True)),
    ("Fouzia Van Der Fort|Published 4 months ago", ("Fouzia Van Der Fort", True)),
    ("9. September 2025 um 15:46 Uhr / Frank Wunderlich-Pfeiffer",
     ("Frank Wunderlich-Pfeiffer", True)),
    ("Anna Roe-Smith 2 hours ago", ("Anna Roe-Smith", True)),
    ("IT Finanzmagazin /PP 20. Juni 2019", None),
    # two to four people on one line
    ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen, 3. juni 2024",
     ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", True)),
    ("Mathatisi Sebusi/Mohalenyane Phakela", ("Mathatisi Sebusi/Mohalenyane Phakela", False)),
    # a news agency before the reporter; after a name, it is a photo's credit
    ("Reuters, Thorsten Kramer", ("Reuters, Thorsten Kramer", False)),
    ("Al Goldis, Associated Press", None),
    ("Will Leitch/November 18, 2016", ("Will Leitch", True)),
    ("Emma MackenzieLifestyle Writer", ("Emma Mackenzie", True)),  # a job run into the name
    ("Dylan Jones5 hours ago", ("Dylan Jones", True)),  # a relative time run into it
    ("Ronald McDonald", ("Ronald McDonald", False)),
    ("Mattias Geniar, April 19, 2020", ("Mattias Geniar", True)),
    ("04.02.2022 | 15:33 Uhr | Dennis Steimels", ("Dennis Steimels", True)),
    ("1. Februar 2022 Luis Holuch 6", ("Luis Holuch", True)),  # and a comment count
    ("Frank Hahn am 18. September 2019", ("Frank Hahn", True)),
    ("Christoph von Eichhorn", ("Christoph von Eichhorn", False)),
    ("Isabel Caro, Rocío Latorre y José Miguel Wilson",
     ("Isabel Caro, Rocío Latorre y José Miguel Wilson", False)),
    ("Fragen der Solidarität", None),  # a German heading, not a "von" name
    ("Jane Roe/Reuters", None),
    ("James Akinaka • 8h", ("James Akinaka", True)),  # a compact relative time
    ("Evgenia Karp Zuletzt geändert am 06.11.2023", ("Evgenia Karp", True)),
    ("Jacobo Betancur Peláez | Publicado hace 3 horas", ("Jacobo Betancur Peláez", True)),
    ("Jane Roe • Sport", None),
    # a date run into the name, or after a space (a full date: "May 3" alone may be a name)
    ("Shana Nys DambrotNovember 6, 2023", ("Shana Nys Dambrot", True)),
    ("Shana Nys Dambrot November 6, 2023", ("Shana Nys Dambrot", True)),
    ("Hier spielt die Musik November 6, 2023", None),
    ("Theresa May 3, 2021", None),
    # a day printed without its year after the name, with its time or not
    ("Jane Roe, 8 January, 17:46", ("Jane Roe", True)),
    ("Ярослав Кузишин, 8 января, 17:46", ("Ярослав Кузишин", True)),
    ("Jane Roe · Nov 19, 9:41 AM", ("Jane Roe", True)),
    ("Jane Roe 19", None), ("Jane Roe, Saal 3", None),
    # a role in brackets after the names; not a key's "(PGP)", nor a caption's "(left)"
    ("Chus del Pino, Martí Abad (Enviado especial)", ("Chus del Pino, Martí Abad", False)),
    ("Jane Roe (Special correspondent)", ("Jane Roe", False)),
    ("Öffentliche Schlüssel (PGP)", None), ("Jane Roe (left)", None),
    ("Orphan Diseases (B Manger, Section Editor)", None),
])
def test_name_lines(line: str, expected: tuple[str, bool] | None) -> None:
    assert name_line(line) == expected


def test_a_bare_name_under_the_headline_is_the_byline_with_or_without_a_date() -> None:
    """The name-alone rule (see test_extract_text.py) needs no date beside the name. (This
    test once said the opposite of the undated page, and held only because its paragraphs,
    five copies of one sentence that shares no word with the headline, hid the headline.)"""
    title = "Bridge reopens after two years of repairs"
    paragraphs = [f"The bridge over the river reopened on Monday after repairs that took two "
                  f"years, officials said, and detail number {i} follows here." for i in range(5)]
    for under in (["Kate Miller", "14 March 2024"], ["Kate Miller"]):
        brief = extract_text(clean_text("\n\n".join(["Home", "News", title, *under,
                                                      *paragraphs]))[0])
        assert (brief.title, brief.byline) == (title, "Kate Miller"), under


@pytest.mark.parametrize(("line", "month_first", "day"), [
    ("24/07/2015", False, dt.date(2015, 7, 24)),
    ("24/07/2015", True, dt.date(2015, 7, 24)),  # 24 cannot be a month
    ("7/24/2015", False, dt.date(2015, 7, 24)),
    ("11/08/23 5:19pm", True, dt.date(2023, 11, 8)),
    ("11/08/23 5:19pm", False, dt.date(2023, 8, 11)),
    ("Jul 24, 2015 5:36 AM", False, dt.date(2015, 7, 24)),
    ("2015-07-24T05:36:00Z", False, dt.date(2015, 7, 24)),
    ("24 July 2015 Last updated at 05:36 BST", False, dt.date(2015, 7, 24)),
    ("1/2 cup of flour", False, None),
])
def test_date_forms(line: str, month_first: bool, day: dt.date | None) -> None:
    assert find_date(line, month_first) == day


def test_the_date_by_the_headline_beats_a_sidebar_date_above_it() -> None:
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(5)]
    lines = ["Home", "Log out 19.10.2019", "Most read", "Other story 02.01.2018",
             "News", "Bridge reopens after two years of repairs", "By Kate Miller",
             "14 March 2024", *paragraphs, "Comments", "Ann 16 March 2024"]
    assert extract_text(clean_text("\n\n".join(lines))[0]).date == dt.date(2024, 3, 14)


def test_a_published_line_below_the_text_dates_an_article_without_a_header_date() -> None:
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(30)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", *paragraphs,
             "Erschienen am: 01.11.2023", "Impressum"]
    assert extract_text(clean_text("\n\n".join(lines))[0]).date == dt.date(2023, 11, 1)


def test_a_by_word_alone_names_the_desk_on_the_next_line() -> None:
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(5)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", "Author:",
             "City Desk Editorial Staff", "Publish date:", "14 March 2024", *paragraphs]
    brief = extract_text(clean_text("\n\n".join(lines))[0])
    assert brief.title == "Bridge reopens after two years of repairs"
    assert brief.byline == "City Desk Editorial Staff"


def test_a_date_line_alone_below_the_opening_dates_an_article_without_a_header_date() -> None:
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(30)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", *paragraphs[:14],
             "15.12.2021", *paragraphs[14:], "Comments", "Ann 16.12.2021 10:15"]
    assert extract_text(clean_text("\n\n".join(lines))[0]).date == dt.date(2021, 12, 15)


def test_a_label_on_the_line_above_a_date_ranks_it() -> None:
    """"Updated:" and its day on two lines: the day it was first published wins."""
    lines = ["Investor to advise the council on its finances", "Author:", "Lauren Briggs",
             "Updated:", "Mar 6, 2018", "Original:", "Dec 21, 2016", SENTENCE, SENTENCE]
    assert date_near(lines, 0, 0, len(lines)) == dt.date(2016, 12, 21)


def test_the_date_line_under_a_headline_that_names_a_day_dates_the_article() -> None:
    """A headline may name the day of the event it announces; the article's own date
    line is under it."""
    lines = ["Artikel, Veranstaltungen", "Tagung: Institutionen revolutionärer Macht in den "
             "Revolutionen des 19. Jahrhunderts (26. und 27. 2. 2015, Eichstätt)",
             "28. Januar 2015 karstenruppert Schreibe einen Kommentar", SENTENCE, SENTENCE]
    assert date_near(lines, 1, 0, len(lines)) == dt.date(2015, 1, 28)
    # a headline with its day is still dated by it when no line under it is a date
    assert date_near(lines[:2] + lines[3:], 1, 0, len(lines) - 1) == dt.date(2015, 2, 27)


@pytest.mark.parametrize(("opening", "expected"), [
    ("(21. November 2022) Energieverbraucher erhalten", dt.date(2022, 11, 21)),
    ("29.11.2022 – Mehrfach und vehement hatte die Branche", dt.date(2022, 11, 29)),
    ("31. Oktober 2023. Dragqueens sind Kunstfiguren", dt.date(2023, 10, 31)),
    ("12. März 2020 18:00 Uhr – Der Rat", dt.date(2020, 3, 12)),
    # a sentence that opens with a day, or mentions one, is no dateline
    ("1. Oktober 2022 gilt für Erdgas ein neuer Satz", dt.date(2021, 5, 3)),
    ("Seit dem 1. Oktober 2022 gilt für Erdgas ein neuer Satz", dt.date(2021, 5, 3)),
])
def test_a_first_paragraph_that_opens_with_its_day_dates_the_article(
        opening: str, expected: dt.date) -> None:
    """A dateline that is a day: the article's first paragraph, long as it is, opens
    with the day it was written; a short sentence below that mentions a day does not
    date the article."""
    first = f"{opening} {SENTENCE} {SENTENCE}"
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(6)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", first,
             "Work on the bridge began on 3 May 2021 after the old one closed.", *paragraphs]
    assert extract_text(clean_text("\n\n".join(lines))[0]).date == expected
    assert dated_paragraph(first) is (expected.year != 2021)


@pytest.mark.parametrize(("line", "expected"), [
    # a post's footer: its day first, then who filed it where
    ("Dezember 26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar",
     dt.date(2019, 12, 26)),
    # a teaser's sentence with its day run into it dates another article
    ("20.04.2020Dynamische Routen: Von nun an schlägt die App ihren Kunden Touren vor.", None),
])
def test_a_line_opening_with_a_date_below_a_short_post_dates_it(
        line: str, expected: dt.date | None) -> None:
    paragraphs = [f"{SENTENCE} Detail number {i} follows here." for i in range(3)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", *paragraphs,
             "Share", line, "Comments"]
    assert extract_text(clean_text("\n\n".join(lines))[0]).date == expected


def test_soft_hyphens_go_without_a_warning_so_words_are_whole() -> None:
    text, notes = clean_text("Mes\u00adsen\u00adger\u00addiens\u00adte sind kein "
                             "rechts\u00adfrei\u00ader Raum\n\nZero\u200bwidth")
    assert text == "Messengerdienste sind kein rechtsfreier Raum\n\nZerowidth"
    assert notes == ["removed 1 control, bidi or zero-width character(s) (U+200B)"]
    assert clean_line("Deutsch\u00adland") == "Deutschland"


def test_a_non_joiner_stays_inside_a_word_of_a_script_spelled_with_it() -> None:
    """Persian and Hindi words need their U+200C (it keeps two letters apart); anywhere
    else it only hides something, and goes."""
    persian, hindi = "طرف\u200cها می\u200cخواهند", "क\u200cष"
    text, notes = clean_text(f"{persian} {hindi}\n\nthe \u200ciPhone 11\u200c and "
                             "पंजाब \u200cविधानसभा\n\n\u200c\u200c")
    assert text == f"{persian} {hindi}\n\nthe iPhone 11 and पंजाब विधानसभा\n\n"
    assert notes == ["removed 5 control, bidi or zero-width character(s) (U+200C)"]
    assert clean_line(persian) == persian


@pytest.mark.parametrize(("lines", "english", "expected"), [
    (["12/04/2020 by Kay", "14/04/2020 at 3:00 pm"], True, False),  # the 14th: day first
    (["12/04/2020", "04/14/2020"], False, True),  # the 14th second: month first
    (["12/04/2020", "14/04/2020", "04/14/2020"], True, True),  # both: the language's
    (["12/04/2020"], False, False),  # nothing to tell: the language's
])
def test_a_page_tells_its_numeric_date_order(lines: list[str], english: bool,
                                             expected: bool) -> None:
    assert numeric_order(lines, default=english) is expected


def test_an_english_page_that_writes_the_day_first_is_read_so() -> None:
    story = [f"The council voted on Tuesday night to approve the budget, part {n} of the "
             "report says, after a debate that lasted six hours and drew a large crowd."
             for n in range(1, 6)]
    brief = extract_text(clean_text("\n\n".join([
        "Home", "Council approves budget after long debate", "12/04/2020 by Kay",
        *story, "Comments", "14/04/2020 at 3:00 pm", "Great article, thanks."]))[0])
    assert str(brief.date) == "2020-04-12"
