"""The composer on the shipped seed: the issue's acceptance, field by field.

The seed goes through the real pipeline (read, extract, compose); every expectation is
what the article itself says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.compose import compose
from briefs.compose.attribution import find_attribution
from briefs.compose.loaded import allowed, loaded_spans, neutral_text
from briefs.compose.sentences import split_sentences
from briefs.extract import extract
from briefs.read import read_seed
from briefs.record import Brief
from tests.conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def composed(path: Path) -> Brief:
    brief, _notes = extract(read_seed(path, path.name))
    return compose(brief)


@pytest.fixture(scope="module")
def seed() -> Brief:
    return composed(FIXTURES / "seeds" / "000_415feae060044a8d.txt")


def test_summary_is_the_lead_without_its_loaded_clause(seed: Brief) -> None:
    assert seed.summary is not None
    assert seed.summary.startswith("The United States has dispatched two convoys")
    assert "Hasakah" in seed.summary
    # the lead's "airstrikes on Iraqi resistance groups" is the outlet's own voice: the
    # loaded term is put in neutral words, nothing else is rewritten
    assert "resistance" not in seed.summary
    assert "following its deadly airstrikes on Iraqi armed groups on the Iraq-Syria border" \
        in seed.summary
    body = " ".join(seed.body)
    assert seed.summary.replace("armed groups", "resistance groups").removesuffix(".") in body


def test_key_points_carry_who_says_so(seed: Brief) -> None:
    points = seed.key_points
    assert 3 <= len(points) <= 5
    joined = "\n".join(points)
    for expected in ("40 vehicles", "four Iraqi fighters", "rockets"):
        assert expected in joined
    # Reuters' report is the outlet's paraphrase, not a quotation: neutral words
    assert "hit a base for American forces" in joined and "occupation" not in joined
    for point in points:
        assert any(name in point for name in ("SANA", "Sabereen News", "Reuters",
                                              "Kata’ib Sayyid al-Shuhada Battalions")), point
    # "The sources said ..." is spelled out, the rest of the sentence untouched
    assert ("Local sources cited by SANA said the convoy, which had come from Iraq, headed "
            "toward military bases run by US forces in Rmelan town.") in points


def test_sources_places_organisations(seed: Brief) -> None:
    assert list(seed.sources) == ["SANA", "Sabereen News", "Reuters"]
    assert {"Hasakah", "Rmelan", "al-Walid border crossing", "Dayr al-Zawr",
            "Omar oilfield"} <= set(seed.places)
    assert "Hasaka" not in seed.places  # the title's spelling is the same place
    assert set(seed.regions) == {"United States", "Iraq", "Syria"}
    assert {"Popular Mobilization Units (PMU)", "Syrian Democratic Forces (SDF)",
            "Kata’ib Sayyid al-Shuhada Battalions"} <= set(seed.organizations)
    assert seed.people == ()


def test_quotes_keep_their_speaker(seed: Brief) -> None:
    speakers = {q["text"][:20]: q["speaker"] for q in seed.quotes}
    assert speakers["From now on, we will"] == "Kata’ib Sayyid al-Shuhada Battalions"
    assert speakers["within the range of "] == "Kata’ib Sayyid al-Shuhada Battalions"
    assert all(set(q) == {"text", "speaker"} and q["speaker"] for q in seed.quotes)


def test_review_lists_the_loaded_terms(seed: Brief) -> None:
    terms = {item["term"] for item in seed.review}
    assert {"martyr", "occupation", "militant", "resistance (armed groups)",
            "illegal (of a base, presence or settlement)"} <= terms
    body = " ".join(seed.body)
    for item in seed.review:
        assert item["sentence"] in body


def test_tags_language_and_counts(seed: Brief) -> None:
    assert seed.lang == "en"
    assert 1 <= len(seed.tags) <= 6
    assert "PMU" in seed.tags and "United States" in seed.tags
    assert seed.word_count == len(" ".join(seed.body).split())
    assert seed.reading_time == 1


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_no_loaded_term_unattributed(path: Path) -> None:
    """In summary and key points a loaded term stands only in a quote or attributed clause."""
    brief = composed(path)
    for text in [*split_sentences(brief.summary or ""), *brief.key_points]:
        if loaded_spans(text):
            assert allowed(text, find_attribution(text)), text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_summary_and_points_are_the_articles_words(path: Path) -> None:
    brief = composed(path)
    body = " ".join(" ".join(brief.body).split())
    neutral = neutral_text(body)  # loaded terms in neutral words: the only rewording
    for sentence in split_sentences(brief.summary or ""):
        assert sentence.rstrip(".") in body or sentence.rstrip(".") in neutral, sentence
    assert len(brief.key_points) <= 5
    assert len(set(brief.key_points)) == len(brief.key_points)


def test_a_sentence_printed_twice_is_in_the_summary_once() -> None:
    lead = "The council approved the city budget for next year on Tuesday night."
    brief = compose(Brief(title="Council approves budget", body=(
        lead, lead + " Schools will receive most of the new money, the mayor said.",
        "Shop owners had asked for lower fees, and the council agreed to cut them.")))
    assert brief.summary == lead + " Schools will receive most of the new money, the mayor said."


def test_a_chinese_article_gets_a_summary_points_and_a_word_count() -> None:
    seed = FIXTURES / "dumps" / "synth_zh_zuozhe.txt"
    brief = compose(extract(read_seed(seed, seed.name))[0])
    # Chinese puts no space after its full stop: the sentences are still found
    assert brief.summary == ("政府周四宣布了一项新计划，以支持受到持续数月的干旱影响的农民，"
                             "该计划包括低息贷款和税收减免。")
    assert len(brief.key_points) == 3
    # each character counts as a word, as word processors count Chinese
    assert brief.word_count == sum(len(p.replace("，", "").replace("。", "")) for p in brief.body)


def test_chinese_and_japanese_sentences_split_at_their_full_stops() -> None:
    assert split_sentences("政府宣布了计划。部长表示欢迎！农民呢？") == [
        "政府宣布了计划。", "部长表示欢迎！", "农民呢？"]
    assert split_sentences("国会は予算を可決した。「賛成多数」だった。") == [
        "国会は予算を可決した。", "「賛成多数」だった。"]
