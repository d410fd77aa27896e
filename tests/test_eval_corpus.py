"""The corpus runner and ``scripts/eval.py`` on a small corpus made here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from briefs.evaluate import corpus, report
from tests.conftest import REPO

PARAGRAPHS = [
    "The city council approved the new budget on Tuesday after a long debate that lasted "
    "well into the night, officials said.",
    "The plan raises spending on schools and roads, and it cuts the fees that small shops "
    "pay for their licences, according to the mayor's office.",
    "Opponents said the council had not explained how the extra spending would be paid for "
    "in the years to come.",
]
HEADLINE = "Council approves budget after long debate"
DECK = "Schools and roads get more money while small shops pay lower fees."


def make_corpus(root: Path) -> Path:
    case = root / "cases" / "demo_budget"
    case.mkdir(parents=True)
    junk = ["Home", "NewsLocalPolitics", "Share on Facebook", HEADLINE, DECK, "By Ann Example",
            "Published 3 June 2021", *PARAGRAPHS, "Related stories",
            "Copyright © 2021 Example News. All rights reserved."]
    (case / "dump.txt").write_text("\n\n".join(junk) + "\n", encoding="utf-8")
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (case / "source.html").write_text(
        f"<html><head><title>{HEADLINE} - Example News</title>"
        '<meta name="author" content="Ann Example">'
        '<meta property="article:published_time" content="2021-06-03T10:00:00Z">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{HEADLINE}</h1>"
        f"{paras}</article><footer>Copyright 2021</footer></body></html>", encoding="utf-8")
    truth = {"headline": HEADLINE, "byline": "Ann Example", "date": "2021-06-03T10:00:00Z",
             "body": "\n\n".join(PARAGRAPHS), "body_must_contain": ["long debate"],
             "body_must_not_contain": ["Share on Facebook"], "description": DECK}
    (case / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_runner_scores_the_real_extractors(tmp_path: Path) -> None:
    cases = corpus.load_cases(make_corpus(tmp_path))
    assert [c.id for c in cases] == ["demo_budget"]
    (html,) = corpus.run("html", corpus.briefs_extractor(corpus.HTML_FILE), cases)
    assert html.headline is True
    assert html.overlap is not None and html.overlap.f1 > 0.9
    assert html.snippets == [True, True]
    (text,) = corpus.run("text", corpus.briefs_extractor(corpus.TEXT_FILE), cases)
    assert text.got.error is None and text.overlap is not None
    row = report.summary_row("text", [text])
    assert row["cases"] == "1" and row["body"] == "1"
    assert float(row["F1"]) == round(text.overlap.f1, 3)
    assert text.got.description == DECK and text.description == 1.0
    assert row["desc"] == "1.000 (1)"


def test_head_plus_counts_a_headline_among_the_page_s_other_titles(tmp_path: Path) -> None:
    """The truth follows the og:title, the brief the <h1>: a miss for ``head``, a hit for
    ``head+``, which the corpus README allows ("accept the best of several candidates")."""
    root = make_corpus(tmp_path)
    page = root / "cases" / "demo_budget" / "source.html"
    shared = "Council backs budget for schools and roads after long debate"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</title>", f'</title><meta property="og:title" content="{shared}">'), encoding="utf-8")
    truth_file = root / "cases" / "demo_budget" / "truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    truth_file.write_text(json.dumps({**truth, "headline": shared}), encoding="utf-8")
    (html,) = corpus.run("html", corpus.briefs_extractor(corpus.HTML_FILE),
                         corpus.load_cases(root))
    assert html.got.title == HEADLINE and html.got.other_titles == (shared,)
    assert (html.headline, html.any_title) == (False, True)
    row = report.summary_row("html", [html])
    assert (row["head"], row["head+"]) == ("0.000 (1)", "1.000 (1)")
    worst = report.worst_cases({"html": [html]}, count=1)
    assert f"              other titles [{shared!r}]" in worst


def test_runner_records_a_refused_page(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "cases" / "demo_budget" / "dump.txt").write_text("Home\n", encoding="utf-8")
    (result,) = corpus.run("text", corpus.briefs_extractor(corpus.TEXT_FILE),
                           corpus.load_cases(root))
    assert result.got.error == "demo_budget/dump.txt: no article text found"
    assert result.overlap is not None and result.overlap.f1 == 0.0
    assert result.headline is False


def test_eval_script_prints_one_table_and_worst_cases(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "eval.py"), str(root)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    table = lines[lines.index("== extraction quality ==") + 1 :]
    assert table[0].split()[:6] == ["kind", "cases", "body", "P", "R", "F1"]
    assert [row.split()[0] for row in table[2:5]] == ["text", "html", "trafilatura"]
    assert "== worst text cases ==" in lines and "== by dataset ==" in lines
    (start_up,) = [line for line in lines if line.startswith("start-up")]
    assert [k.split()[0] for k in start_up.split(": ", 1)[1].split(", ")] == \
        ["text", "html", "trafilatura"]


def test_warm_up_runs_the_extractor_once_outside_the_timed_run(tmp_path: Path) -> None:
    """The first page is not charged with the process's imports: ``warm_up`` pays them."""
    cases = corpus.load_cases(make_corpus(tmp_path))
    seen: list[str] = []

    def counting(case: corpus.Case) -> corpus.Extraction:
        seen.append(case.id)
        return corpus.briefs_extractor(corpus.HTML_FILE)(case)

    assert corpus.warm_up(counting, cases) > 0 and seen == ["demo_budget"]
    assert corpus.warm_up(counting, []) == 0.0 and seen == ["demo_budget"]


def test_eval_script_refuses_a_missing_corpus(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "eval.py"),
                           str(tmp_path / "nowhere")],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 2 and "no such corpus" in done.stderr


def test_a_case_with_only_the_body_s_first_words_scores_the_opening(tmp_path: Path) -> None:
    """A held-out set may give ``body_prefix`` (the body's first words) and no body."""
    root = make_corpus(tmp_path)
    truth_file = root / "cases" / "demo_budget" / "truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    del truth["body"]
    truth["body_prefix"] = PARAGRAPHS[0][:60]
    truth_file.write_text(json.dumps(truth), encoding="utf-8")
    (html,) = corpus.run("html", corpus.briefs_extractor(corpus.HTML_FILE),
                         corpus.load_cases(root))
    assert html.overlap is None and html.start is True
    assert report.summary_row("html", [html])["start"] == "1.000 (1)"
    truth["body_prefix"] = PARAGRAPHS[2][:60]  # the last paragraph is no opening
    truth_file.write_text(json.dumps(truth), encoding="utf-8")
    (late,) = corpus.run("html", corpus.briefs_extractor(corpus.HTML_FILE),
                         corpus.load_cases(root))
    assert late.start is False
    assert any(line.startswith("    opening: got") for line in report.case_diff(late))


def test_a_date_only_corpus_lists_its_missed_dates_first(tmp_path: Path) -> None:
    """htmldate's test set gives a day and no body: the worst cases are the missed days,
    each shown with what was read and what was wanted."""
    root = make_corpus(tmp_path)
    case = root / "cases" / "demo_budget"
    for name, day in (("dated_right", "2021-06-03"), ("dated_wrong", "2021-06-04")):
        copy = root / "cases" / name
        copy.mkdir()
        (copy / "dump.txt").write_bytes((case / "dump.txt").read_bytes())
        (copy / "truth.json").write_text(json.dumps({"date": day}), encoding="utf-8")
    shutil.rmtree(case)
    results = corpus.run("text", corpus.briefs_extractor(corpus.TEXT_FILE),
                         corpus.load_cases(root))
    lines = report.worst_cases({"text": results}, count=1)
    assert lines[1] == "  dated_wrong: no body truth"
    assert lines[2] == "    date: got 2021-06-03 want 2021-06-04"
