"""A hard-wrapped dump (lynx, w3m, e-mail, a page broken by <br>) reads as its paragraphs."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from briefs.clean import clean_text
from briefs.extract.text import extract_text, unwrap
from tests.conftest import FIXTURES

WRAPPED = FIXTURES / "wrapped"
DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))


def _read(path: Path) -> str:
    return clean_text(path.read_text(encoding="utf-8"))[0]


def test_a_lynx_dump_gives_the_brief_of_the_unwrapped_page() -> None:
    wrapped = extract_text(_read(WRAPPED / "lynx_bbc-1.txt"))
    original = extract_text(_read(FIXTURES / "dumps" / "moz_bbc-1.txt"))
    assert wrapped.title == original.title == \
        "Obama admits US gun laws are his 'biggest frustration'"
    assert wrapped.body == original.body
    assert (wrapped.byline, wrapped.date, wrapped.description) == \
        (original.byline, original.date, original.description)


def test_a_page_broken_by_br_gets_its_paragraphs_back() -> None:
    brief = extract_text(_read(WRAPPED / "br_blog.txt"))
    assert len(brief.body) == 3
    assert brief.body[0].startswith("Last week the tide gauge at Pier 9 went quiet for almost "
                                    "three days, and several of you asked what happened")
    assert brief.body[0].endswith("not the lab's official report.")
    assert brief.body[2].endswith("and write to us if anything looks wrong.")
    assert not any("Thanks for the clear explanation" in p for p in brief.body)
    assert str(brief.date) == "2025-03-04"


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_a_dump_of_whole_lines_is_left_as_it_is(dump: Path) -> None:
    text = _read(dump)
    assert unwrap.lines(text) == [line for line in text.split("\n") if line]


def _wrapped(words: str, width: int = 72) -> list[str]:
    return textwrap.wrap(words, width)


SECOND = ("Residents of the east bank, who cross the river twice a day to reach the "
          "station, asked the council for a ferry in the meantime; the mayor said a "
          "temporary service would be studied and that its cost would be known in May.")
PARAGRAPH = ("The council voted on Tuesday to close the old bridge to cars from next spring, "
             "after engineers found that two of its supports had cracked during the floods "
             "of last winter and could not be repaired for less than the cost of a new "
             "crossing, which the city hopes to open within four years if the region agrees "
             "to pay half of it.")


def test_lines_of_a_wrapped_paragraph_are_joined_and_list_items_are_not() -> None:
    lines = [*_wrapped(PARAGRAPH), "", *_wrapped(SECOND), ""]
    items = ["- a first point that is long enough to reach the width of the other lines",
             "- a second point, also long enough to be taken for a wrapped line"]
    text = "\n".join(lines + items)
    assert unwrap.lines(text) == [PARAGRAPH, SECOND, *items]


def test_one_paragraph_per_line_without_blank_lines_is_left_as_it_is() -> None:
    paragraphs = [PARAGRAPH, PARAGRAPH.replace("council", "board"),
                  PARAGRAPH.replace("Tuesday", "Friday"), "Short line.", "Another short line."]
    text = "\n".join(paragraphs * 2)
    assert unwrap.lines(text) == paragraphs * 2


def test_a_menu_of_short_lines_is_left_as_it_is() -> None:
    menu = ["Home", "World", "Business", "Science and technology", "Sport", "Opinion",
            "Culture and the arts", "Travel", "Obituaries", "Weather"]
    assert unwrap.lines("\n".join(menu)) == menu


def test_chinese_lines_are_never_joined() -> None:
    # a Chinese paragraph cut every 40 characters, lines that mention iPhone models
    # going on with a lower-case "iPhone" (no space to wrap at: not a wrap)
    lines = [f"第{k}段：市议会周二投票决定从明年春季起禁止汽车通行旧桥，工程师发现桥墩裂缝，苹果"
             for k in range(12)]
    lines = [f"{line}{k}号" if k % 2 else line for k, line in enumerate(lines)]
    text = "\n".join(f"{line}\niPhone {k} 的用户也受影响" for k, line in enumerate(lines))
    assert unwrap.lines(text) == [x for x in text.split("\n") if x]


def test_a_lynx_dump_loses_its_link_numbers_and_its_list_of_addresses() -> None:
    brief = extract_text(_read(WRAPPED / "lynx_refs_villagevoice.txt"))
    assert brief.title == ("Party Like It’s 1923: Will Donald Trump Write His Own ‘Mein "
                           "Kampf’ in Jail?")
    assert brief.byline == "R.C. Baker"
    text = "\n".join(brief.body)
    assert "Trump has been known to contradict himself" in text
    assert not re.search(r"\[\d+\]", text)
    assert "https://" not in text and "References" not in text


def test_bracketed_numbers_of_a_few_citations_stay() -> None:
    text = "\n\n".join(["Storm closes schools", "The council said so.[1] It met on Monday.[2]",
                        "References", "1. https://example.org/a"])
    assert unwrap.lines(text)[1] == "The council said so.[1] It met on Monday.[2]"


def test_a_by_line_under_a_headline_is_no_wrap_of_it() -> None:
    # a blank line after every line: "by: ..." in lower case reads like a wrap's next line
    lines = ["Angry media will not buckle over the new surveillance laws, editors say",
             "by: Laurie Oakes", *_wrapped(PARAGRAPH), *_wrapped(SECOND)]
    out = unwrap.lines("\n\n".join(lines))
    assert out[:2] == lines[:2]
    assert out[2:] == [PARAGRAPH, SECOND]
