"""Run extractors over a corpus of cases with ground truth, and score each result.

A corpus is a folder ``cases/<id>/`` with ``truth.json`` and the page as ``dump.txt``
(a text dump) and ``source.html`` (the saved page). Each *extractor* takes a case
folder and returns an ``Extraction``; ``run`` times it and scores it against the truth.
``warm_up`` runs an extractor once, untimed in the scores, so the one-off start-up cost
(imports, compiled tables, dateparser's data) is not charged to whichever page comes first.

The extractors are the real ones: ``briefs`` runs ``briefs.read.read_seed`` then
``briefs.extract.extract``, as ``briefs convert`` does; ``trafilatura`` runs
``trafilatura.bare_extraction`` with its default settings on the same HTML, as a
reference.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import SeedError
from briefs.evaluate import scoring
from briefs.extract import extract
from briefs.read import read_seed

TEXT_FILE = "dump.txt"
HTML_FILE = "source.html"


@dataclass(frozen=True)
class Case:
    """One corpus case: its id, folder and ground truth."""

    id: str
    folder: Path
    truth: dict[str, Any]


@dataclass(frozen=True)
class Extraction:
    """What an extractor found in a page (``error`` when it refused the page)."""

    title: str | None = None
    body: str = ""
    date: object = None
    byline: str | None = None
    description: str | None = None
    error: str | None = None
    other_titles: tuple[str, ...] = ()  # the brief's other headlines the page gives


@dataclass(frozen=True)
class Result:
    """One extractor's result on one case, with its scores (``None``: no truth)."""

    kind: str
    case: Case
    got: Extraction
    seconds: float
    overlap: scoring.Overlap | None = None
    headline: bool | None = None
    any_title: bool | None = None  # the headline, or one of the other titles, matches
    date: bool | None = None
    byline: bool | None = None
    description: float | None = None
    snippets: list[bool] = field(default_factory=list)
    start: bool | None = None  # the body opens with the truth's ``body_prefix``


Extractor = Callable[[Case], Extraction]


def load_cases(corpus: Path) -> list[Case]:
    """Every case under ``corpus/cases`` (or ``corpus`` itself), sorted by id."""
    root = corpus / "cases" if (corpus / "cases").is_dir() else corpus
    cases = []
    for folder in sorted(p for p in root.iterdir() if (p / "truth.json").is_file()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        cases.append(Case(id=folder.name, folder=folder, truth=truth))
    return cases


def briefs_extractor(filename: str) -> Extractor:
    """The real ``briefs`` extraction of ``case/filename`` (read, clean, extract)."""

    def run(case: Case) -> Extraction:
        path = case.folder / filename
        try:
            brief, _notes = extract(read_seed(path, f"{case.id}/{filename}"))
        except SeedError as exc:
            return Extraction(error=str(exc))
        day = brief.date if brief.date_source == "article" else None
        return Extraction(title=brief.title, body="\n\n".join(brief.body), date=day,
                          byline=brief.byline, description=brief.description,
                          other_titles=brief.other_titles)

    return run


def trafilatura_extractor(case: Case) -> Extraction:
    """trafilatura alone, default settings with metadata, on the case's HTML."""
    import trafilatura

    path = case.folder / HTML_FILE
    try:
        html = read_seed(path, f"{case.id}/{HTML_FILE}").text
    except SeedError as exc:
        return Extraction(error=str(exc))
    doc: Any = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return Extraction(error="trafilatura found nothing")
    return Extraction(title=doc.title, body=doc.text or "", date=doc.date, byline=doc.author,
                      description=doc.description)


def score(kind: str, case: Case, got: Extraction, seconds: float) -> Result:
    """Compare ``got`` with the case's truth, field by field."""
    truth = case.truth
    must = list(truth.get("body_must_contain") or [])
    must_not = list(truth.get("body_must_not_contain") or [])
    must_not += list(truth.get("comments_snippets") or [])
    found = scoring.snippets_found(got.body, must + must_not)
    snippets = found[: len(must)] + [not f for f in found[len(must) :]]
    return Result(
        kind=kind, case=case, got=got, seconds=seconds,
        overlap=scoring.token_overlap(got.body, truth["body"]) if truth.get("body") else None,
        headline=scoring.headline_match(got.title, truth["headline"])
        if truth.get("headline") else None,
        any_title=any(scoring.headline_match(t, truth["headline"])
                      for t in (got.title, *got.other_titles))
        if truth.get("headline") else None,
        date=scoring.date_match(got.date, truth["date"]) if truth.get("date") else None,
        byline=scoring.byline_match(got.byline, truth["byline"])
        if truth.get("byline") else None,
        description=scoring.token_overlap(got.description, truth["description"]).f1
        if truth.get("description") else None,
        snippets=snippets,
        start=scoring.opens_with(got.body, truth["body_prefix"])
        if truth.get("body_prefix") else None,
    )


def warm_up(extractor: Extractor, cases: Sequence[Case]) -> float:
    """Run ``extractor`` once on the first case and return the seconds it took: the
    process's start-up cost, which ``run`` then does not charge to any page."""
    if not cases:
        return 0.0
    start = time.perf_counter()
    extractor(cases[0])
    return time.perf_counter() - start


def run(kind: str, extractor: Extractor, cases: Iterable[Case]) -> list[Result]:
    """Run ``extractor`` on every case, timing each, and score the results."""
    results = []
    for case in cases:
        start = time.perf_counter()
        got = extractor(case)
        seconds = time.perf_counter() - start
        results.append(score(kind, case, got, seconds))
    return results
