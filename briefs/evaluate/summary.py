"""Summary quality: ROUGE of our summary beside the Lead-1 and Lead-3 baselines.

For every corpus case with a ``description`` in its ``truth.json`` (the outlet's own
standfirst or meta description), each of its seeds (``source.html`` and ``dump.txt``)
goes through the real pipeline: ``read_seed`` -> ``extract`` -> ``compose``. The
baselines take the first one and the first three sentences of the same extracted body.
Scores are ROUGE-1, ROUGE-2 and ROUGE-L F-measures (the rouge-score package, with
stemming), averaged over the seeds; a seed that the pipeline rejects counts in
``failed`` and scores nothing for any method.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefs.compose import compose
from briefs.compose.sentences import split_sentences
from briefs.errors import BriefsError
from briefs.extract import extract
from briefs.read import read_seed
from briefs.record import Brief

SEEDS = ("source.html", "dump.txt")
METRICS = ("rouge1", "rouge2", "rougeL")


@dataclass
class Scores:
    seeds: int = 0
    failed: int = 0
    totals: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, method: str, scores: dict[str, float]) -> None:
        row = self.totals.setdefault(method, dict.fromkeys(METRICS, 0.0))
        for metric in METRICS:
            row[metric] += scores[metric]

    def mean(self, method: str, metric: str) -> float:
        scored = self.seeds - self.failed
        return self.totals.get(method, {}).get(metric, 0.0) / scored if scored else 0.0


def lead(brief: Brief, n: int) -> str:
    sentences = [s for p in brief.body for s in split_sentences(p)]
    return " ".join(sentences[:n])


def ours(brief: Brief) -> str:
    return compose(brief).summary or ""


METHODS: dict[str, Callable[[Brief], str]] = {
    "ours": ours,
    "Lead-1": lambda b: lead(b, 1),
    "Lead-3": lambda b: lead(b, 3),
}


def cases(corpus: Path) -> list[tuple[Path, str]]:
    """(case folder, description) for every case that has a description."""
    out = []
    for case in sorted((corpus / "cases").iterdir()):
        truth_file = case / "truth.json"
        if not truth_file.is_file():
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if truth.get("description"):
            out.append((case, str(truth["description"])))
    return out


def evaluate(corpus: Path, methods: dict[str, Callable[[Brief], str]] | None = None,
             seeds: tuple[str, ...] = SEEDS) -> Scores:
    from rouge_score import rouge_scorer

    methods = methods or METHODS
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    result = Scores()
    for case, description in cases(corpus):
        for name in seeds:
            path = case / name
            if not path.is_file():
                continue
            result.seeds += 1
            try:
                brief, _notes = extract(read_seed(path, f"{case.name}/{name}"))
            except BriefsError:
                result.failed += 1
                continue
            for method, summarize in methods.items():
                scores = scorer.score(description, summarize(brief))
                result.add(method, {m: scores[m].fmeasure for m in METRICS})
    return result


def summary_section(corpus: Path) -> str:
    """The summary table for ``make eval``."""
    result = evaluate(corpus)
    lines = [
        "Summary vs the outlets' descriptions (ROUGE F1, mean over "
        f"{result.seeds - result.failed} seeds of {len(cases(corpus))} described cases; "
        f"{result.failed} rejected)",
        f"{'method':<8} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}",
    ]
    for method in METHODS:
        figures = " ".join(f"{result.mean(method, m):>8.3f}" for m in METRICS)
        lines.append(f"{method:<8} {figures}")
    return "\n".join(lines)
