#!/usr/bin/env python3
"""Fit the text-dump headline model (``briefs/data/headline_model.json``).

Each corpus case with an annotated headline and a ``dump.txt`` gives one ranking
problem: the candidate lines ``briefs.extract.text.headline.features`` finds, the
right ones being those that match the annotated headline (``scoring.headline_match``).
A linear model is fitted with a softmax over each page's candidates and an L2 penalty,
by plain gradient descent (numpy only), on standardised features; the weights are
stored unstandardised, so the extractor needs no numpy.

It prints how often the model puts a right line first, on the pages it was fitted on
and, by k-fold cross-validation (folds by case id, so the same page never sits on both
sides), on pages it was not fitted on: the second figure is the one to believe.
Pages whose headline is no line of the dump (the <title> only) count as misses in
``make eval`` but cannot teach the ranker, so they are left out here.

Cases listed in a ``--skip`` file are left out of the fit altogether: the shipped
weights were fitted with ``--skip scripts/heldout.txt``, the half of the fundus pages
(whole outlets) kept to check them on.

    python scripts/train_headline.py CORPUS [CORPUS ...] [--skip FILE] [--out FILE] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefs.clean import clean_text
from briefs.errors import SeedError
from briefs.evaluate import corpus, scoring
from briefs.extract.text import analyse, headline
from briefs.read import read_seed

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "briefs" / "data" / headline.MODEL_FILE


@dataclass(frozen=True)
class Problem:
    """One page: its candidates' features and which candidates are right."""

    case: str
    x: np.ndarray  # candidates x features
    right: np.ndarray  # bool per candidate
    weight: float = 1.0


def problems(folders: list[tuple[Path, float]],
             skip: frozenset[str] = frozenset()) -> tuple[list[Problem], int]:
    """The ranking problems of every case (each weighted as its corpus) but those in
    ``skip``, and how many cases had no right candidate."""
    out: list[Problem] = []
    unreachable = 0
    for folder, weight in folders:
        for case in corpus.load_cases(folder):
            if case.id in skip:
                continue
            truth = case.truth.get("headline")
            dump = case.folder / corpus.TEXT_FILE
            if not truth or not dump.is_file():
                continue
            try:
                text, _notes = clean_text(read_seed(dump, case.id).text)
            except SeedError:
                continue
            page = analyse(text)
            if page is None:
                unreachable += 1
                continue
            rows = headline.features(page.blocks, page.start, page.stop, page.meta,
                                     page.stopwords)
            right = [scoring.headline_match(page.blocks[i].text, truth) for i, _ in rows]
            if not any(right):
                unreachable += 1
                continue
            out.append(Problem(case.id, np.array([r for _, r in rows], dtype=float),
                               np.array(right), weight))
    return out, unreachable


def fit(train: list[Problem], l2: float, steps: int = 1500, rate: float = 0.5) -> np.ndarray:
    """Weights (for raw features) maximising the log-probability of the right lines."""
    x = np.concatenate([p.x for p in train])
    right = np.concatenate([p.right for p in train])
    starts = np.cumsum([0] + [len(p.x) for p in train[:-1]])
    group = np.repeat(np.arange(len(train)), [len(p.x) for p in train])
    weights = np.array([p.weight for p in train])
    weights = weights / weights.sum()
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    w = np.zeros(z.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):  # Adam on the mean negative log-likelihood
        s = z @ w
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        pr = p * right
        q = pr / np.add.reduceat(pr, starts)[group]
        grad = z.T @ ((p - q) * weights[group]) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    result: np.ndarray = w / std
    return result


def accuracy(w: np.ndarray, tests: list[Problem]) -> float:
    """Share of pages whose best-scored candidate is a right one (first wins a tie, as
    in ``headline.choose``)."""
    hits = sum(bool(p.right[int(np.argmax(p.x @ w))]) for p in tests)
    return hits / len(tests) if tests else 0.0


def fold_of(case: str, k: int) -> int:
    return int(hashlib.sha256(case.encode()).hexdigest(), 16) % k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", metavar="CORPUS[:WEIGHT]",
                        help="folders with cases/<id>/; a page of a corpus given WEIGHT "
                             "counts WEIGHT times in the fit (default 1)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--skip", type=Path, action="append", default=[], metavar="FILE",
                        help="case ids (one per line, # comments) never fitted on: pages "
                             "kept to check the weights on (repeatable)")
    args = parser.parse_args()

    folders = []
    for spec in args.corpora:
        path, _, weight = spec.rpartition(":") if ":" in spec else (spec, "", "1")
        folders.append((Path(path), float(weight)))
    skip = frozenset(line.split("#", 1)[0].strip() for path in args.skip
                     for line in path.read_text(encoding="utf-8").splitlines()) - {""}
    data, unreachable = problems(folders, skip)
    if not data:
        print("no case with a headline found in a dump line", file=sys.stderr)
        return 1
    print(f"{len(data)} pages with the headline among the candidates "
          f"({unreachable} left out: no candidate matches)")
    held = []
    for k in range(args.folds):
        train = [p for p in data if fold_of(p.case, args.folds) != k]
        test = [p for p in data if fold_of(p.case, args.folds) == k]
        held.append((accuracy(fit(train, args.l2), test), len(test)))
    cv = sum(a * n for a, n in held) / sum(n for _, n in held)
    prefixes = sorted({p.case.split("_", 1)[0] for p in data})
    for prefix in prefixes if len(prefixes) > 1 else []:
        train = [p for p in data if not p.case.startswith(prefix + "_")]
        test = [p for p in data if p.case.startswith(prefix + "_")]
        print(f"  fitted without {prefix}_*: {accuracy(fit(train, args.l2), test):.3f} "
              f"on the {len(test)} {prefix}_* pages")
    w = fit(data, args.l2)
    print(f"  fitted on all: {accuracy(w, data):.3f} on the same pages; "
          f"{args.folds}-fold cross-validated: {cv:.3f}")
    if args.check:
        return 0
    model = {
        "about": "Text-dump headline ranker: a linear score per candidate line "
                 "(briefs/extract/text/headline.py); made by scripts/train_headline.py.",
        "pages": len(data),
        "cross_validated_accuracy": round(cv, 3),
        "features": list(headline.FEATURES),
        "weights": [round(float(x), 6) for x in w],
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
