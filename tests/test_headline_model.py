"""The text-dump headline ranker: its shipped weights, its features, and its training."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

from briefs.clean import clean_text
from briefs.evaluate.scoring import headline_match
from briefs.extract.text import analyse, extract_text, headline
from briefs.extract.text.blocks import Block
from briefs.extract.text.lexicon import is_credit
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))


def _headline_on_a_line(dump: Path) -> bool:
    expected = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))
    return any(headline_match(line, expected["headline"])
               for line in dump.read_text(encoding="utf-8").splitlines())


# The dumps whose headline is a line of its own, which the ranker learns to pick (not
# synth_trail_title's, printed only at the end of its breadcrumb trail)
RANKED = [dump for dump in DUMPS if _headline_on_a_line(dump)]
BODY = [
    "The council voted on Tuesday night to approve the city budget for next year, after a "
    "debate that lasted more than six hours and drew a crowd of residents to the hall.",
    "Schools will receive most of the new money, the mayor said, while the roads department "
    "gets a smaller increase than it had asked for in the spring.",
    "Shop owners had asked for lower fees, and the council agreed to cut them by a tenth, "
    "a change that will cost the city about two million a year.",
]


def test_shipped_weights_name_the_features_the_code_computes() -> None:
    raw = json.loads((ROOT / "briefs" / "data" / headline.MODEL_FILE).read_text("utf-8"))
    assert tuple(raw["features"]) == headline.FEATURES
    weights = headline.model_weights()
    assert len(weights) == len(headline.FEATURES)
    assert all(math.isfinite(w) for w in weights)
    assert any(w != 0 for w in weights)


def test_every_candidate_has_a_value_per_feature_and_one_first_version_pick() -> None:
    for dump in DUMPS:
        page = analyse(clean_text(dump.read_text(encoding="utf-8"))[0])
        assert page is not None, dump.name
        rows = headline.features(page.blocks, page.start, page.stop, page.meta,
                                 page.stopwords)
        assert rows, dump.name
        assert all(len(row) == len(headline.FEATURES) for _, row in rows)
        picks = [i for i, row in rows if row[headline.FEATURES.index("hand_pick")] == 1.0]
        assert len(picks) == 1, dump.name
        # the same page gives the same features: the choice is deterministic
        again = headline.features(page.blocks, page.start, page.stop, page.meta,
                                  page.stopwords)
        assert again == rows


def test_headline_wins_over_its_deck_and_the_share_box() -> None:
    dump = "\n\n".join([
        "Skip to content", "Home", "Politics", "Share on Facebook",
        "Council approves budget after long debate",
        "At the meeting, the mayor promised schools and roads more money next year",
        "Copy link", "3 June 2021", *BODY, "Related stories", "Another story entirely here",
    ])
    brief = extract_text(clean_text(dump)[0])
    assert brief.title == "Council approves budget after long debate"
    assert brief.body[0].startswith("The council voted")


def test_headline_over_its_deck_and_byline_wins_whether_longer_or_shorter() -> None:
    # a deck without a full stop sits right above the byline, as the headline often does
    deck = "The mayor explained the late vote to residents who had waited for hours"
    for title in ("City Council Passes Budget With More Money for Schools",
                  "Council Approves the Budget for Schools and Roads After a Six-Hour "
                  "Debate: 'We Did It'"):
        dump = "\n\n".join(["Menu", "Subscribe", "News", "Local", title, deck,
                             "By Ann Example", "Updated on June 3, 2021 09:22 AM", "Share",
                             *BODY, "Related stories"])
        brief = extract_text(clean_text(dump)[0])
        assert brief.title == title
        assert brief.byline == "Ann Example"


def test_each_candidate_is_compared_with_its_neighbours() -> None:
    dump = "\n\n".join(["Menu", "Council approves budget after long debate",
                         "By Ann Example", *BODY])
    page = analyse(clean_text(dump)[0])
    assert page is not None
    rows = headline.features(page.blocks, page.start, page.stop, page.meta, page.stopwords)
    words = headline.FEATURES.index("log_words")
    after = headline.FEATURES.index("next_log_words")
    gap = headline.FEATURES.index("gap_next")
    for (_, row), (_, below) in itertools.pairwise(rows):
        assert row[after] == below[words] - row[words]
    first_index, first = rows[0]
    assert first[gap] == min(rows[1][0] - first_index, headline.GAP_CAP) / headline.GAP_CAP
    assert rows[-1][1][after] == 0.0  # the last candidate has no neighbour below


def test_subheading_in_the_text_is_not_the_headline() -> None:
    dump = "\n\n".join([
        "Menu", "News", "Council approves budget after long debate", "By Ann Example",
        "3 June 2021", BODY[0], "What changes for schools", BODY[1], BODY[2],
    ])
    brief = extract_text(clean_text(dump)[0])
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline == "Ann Example"


def test_a_breadcrumb_trail_ending_in_the_title_is_not_the_headline() -> None:
    dump = "\n\n".join([
        # (a trail that opens with "Home" is no candidate at all: the trail feature is for
        # the others)
        "About me", "Blog / Essays / 2021 / June / Council approves budget after long debate",
        "Share", "3 June 2021", "Council approves budget after long debate", *BODY,
    ])
    page = analyse(clean_text(dump)[0])
    assert page is not None
    rows = dict(headline.features(page.blocks, page.start, page.stop, page.meta,
                                  page.stopwords))
    trail = headline.FEATURES.index("trail")
    assert [i for i, row in rows.items() if row[trail]] == [1]
    assert extract_text(clean_text(dump)[0]).title == "Council approves budget after long debate"


def test_a_footer_printed_above_the_article_is_no_box_of_links_to_it() -> None:
    """A heading such as "More From ..." opens a box of links to other articles, which
    the headline is not in; but a copyright line after it ends the page's footer (some
    layouts are read footer first), and the lines that follow are the article's."""
    footer = ["More From Example News", "About us", "Our newsroom values", "Contact us"]
    article = ["Politics", "Council approves budget after long debate", "By Ann Example",
               "3 June 2021", *BODY]
    box = headline.FEATURES.index("in_link_box")
    for copyright, boxed in ((["Copyright 2021 Example News. All rights reserved."], 0.0),
                             ([], 1.0)):
        dump = "\n\n".join(["Home", *footer, *copyright, *article])
        page = analyse(clean_text(dump)[0])
        assert page is not None
        rows = dict(headline.features(page.blocks, page.start, page.stop, page.meta,
                                      page.stopwords))
        (title,) = [i for i in rows if page.blocks[i].text == article[1]]
        assert rows[title][box] == boxed


def test_captions_ending_in_a_credit_are_credits() -> None:
    assert is_credit("Pro-Kopf-Konsum von 11,1 Litern pro Jahr © APA/APA (dpa)/Jens Büttner")
    assert is_credit("Beamte kontrollieren Autofahrer an der Grenze. (Foto: picture alliance)")
    assert not is_credit("The council voted on Tuesday night to approve the budget.")


def _corpus(root: Path) -> Path:
    """The fixture dumps as a corpus: ``cases/<id>/dump.txt`` and ``truth.json``."""
    for dump in DUMPS:
        expected = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))
        case = root / "cases" / dump.stem
        case.mkdir(parents=True)
        (case / "dump.txt").write_bytes(dump.read_bytes())
        (case / "truth.json").write_text(json.dumps({"headline": expected["headline"]}),
                                         encoding="utf-8")
    return root


def test_training_script_fits_weights_that_find_the_fixture_headlines(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_headline.py"),
         str(_corpus(tmp_path / "corpus")), "--out", str(out), "--folds", "3"],
        capture_output=True, text=True, check=True, cwd=ROOT)
    assert f"{len(RANKED)} pages with the headline among the candidates " \
        f"({len(DUMPS) - len(RANKED)} left out: no candidate matches)" in run.stdout
    assert "3-fold cross-validated" in run.stdout
    model = json.loads(out.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == headline.FEATURES
    assert len(model["weights"]) == len(headline.FEATURES)
    fitted = [float(w) for w in model["weights"]]
    # the fitted weights rank a right line first on most of the pages they were fitted on
    hits = 0
    for dump in RANKED:
        expected = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))
        page = analyse(clean_text(dump.read_text(encoding="utf-8"))[0])
        assert page is not None
        rows = headline.features(page.blocks, page.start, page.stop, page.meta,
                                 page.stopwords)
        best = max(rows, key=lambda r: sum(w * x for w, x in zip(fitted, r[1], strict=True)))
        hits += headline_match(page.blocks[best[0]].text, expected["headline"])
    assert hits >= 0.8 * len(RANKED)


def test_training_script_leaves_out_the_cases_a_skip_file_lists(tmp_path: Path) -> None:
    skip = tmp_path / "heldout.txt"
    skip.write_text(f"# kept to check on\n{DUMPS[0].stem}\n\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_headline.py"),
         str(_corpus(tmp_path / "corpus")), "--skip", str(skip), "--folds", "3", "--check"],
        capture_output=True, text=True, check=True, cwd=ROOT)
    assert DUMPS[0] in RANKED
    assert f"{len(RANKED) - 1} pages with the headline among the candidates" in run.stdout


def test_the_shipped_held_out_list_names_fundus_cases_only() -> None:
    lines = (ROOT / "scripts" / "heldout.txt").read_text(encoding="utf-8").splitlines()
    ids = [line for line in lines if line and not line.startswith("#")]
    assert len(ids) > 100
    assert all(case.startswith("fun_") for case in ids)
    assert ids == sorted(set(ids))


def _line(text: str, sentence: bool) -> Block:
    return Block(index=0, text=text, words=len(text.split()), stop_ratio=0.2,
                 sentence=sentence, junk=False, end=False, credit=False, time_only=False)


def test_a_caption_ending_in_another_scripts_full_stop_is_not_set_like_a_title() -> None:
    # Hindi's danda, Chinese and Japanese 。, Urdu's ۔ end a sentence as "." does: such a
    # line (a photo caption) loses the headline's "no full stop" in every feature
    for text in ("ASP संजय पांडे और थाना अध्यक्ष मनीषा कुमारी।",
                 "市长 在 周二 的 会议 上 发言。",
                 "The mayor speaks at the council meeting on Tuesday night."):
        assert headline.ends_as_sentence(text)
        assert not headline.heading_like(_line(text, sentence=False)), text
    assert headline.heading_like(_line("Council approves the budget after a long debate",
                                       sentence=False))
