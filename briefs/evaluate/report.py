"""Turn scored results into report lines: the summary table and the worst cases.

Each section is a function ``(results_by_kind) -> list[str]``; ``scripts/eval.py``
prints the sections in order, so a new section (e.g. summary ROUGE) is one more
function in its list.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean

from briefs.evaluate import scoring
from briefs.evaluate.corpus import Result

ResultsByKind = dict[str, list[Result]]

_COLUMNS = ("kind", "cases", "body", "P", "R", "F1", "head", "head+", "date", "byline", "desc",
            "snip", "start", "errors", "seconds", "slowest")


def _rate(flags: Sequence[bool | None]) -> tuple[float | None, int]:
    scored = [f for f in flags if f is not None]
    return (sum(scored) / len(scored) if scored else None), len(scored)


def _fmt(value: float | None, n: int | None = None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" + (f" ({n})" if n is not None else "")


def summary_row(kind: str, results: list[Result]) -> dict[str, str]:
    """The table row for one kind: means over the cases that have each truth."""
    with_body = [r.overlap for r in results if r.overlap is not None]
    head, n_head = _rate([r.headline for r in results])
    any_title, n_any = _rate([r.any_title for r in results])
    date, n_date = _rate([r.date for r in results])
    byline, n_byline = _rate([r.byline for r in results])
    descs = [r.description for r in results if r.description is not None]
    snips = [s for r in results for s in r.snippets]
    start, n_start = _rate([r.start for r in results])
    slowest = max(results, key=lambda r: r.seconds) if results else None
    return {
        "kind": kind,
        "cases": str(len(results)),
        "body": str(len(with_body)),
        "P": _fmt(mean(o.precision for o in with_body) if with_body else None),
        "R": _fmt(mean(o.recall for o in with_body) if with_body else None),
        "F1": _fmt(mean(o.f1 for o in with_body) if with_body else None),
        "head": _fmt(head, n_head),
        "head+": _fmt(any_title, n_any),
        "date": _fmt(date, n_date),
        "byline": _fmt(byline, n_byline),
        "desc": _fmt(mean(descs) if descs else None, len(descs)),
        "snip": _fmt(sum(snips) / len(snips) if snips else None, len(snips)),
        "start": _fmt(start, n_start),
        "errors": str(sum(1 for r in results if r.got.error)),
        "seconds": f"{sum(r.seconds for r in results):.2f}",
        "slowest": f"{slowest.seconds:.2f} {slowest.case.id}" if slowest else "-",
    }


def table(by_kind: ResultsByKind) -> list[str]:
    """One table: a row per kind (body P/R/F1 are means over cases with a body truth;
    head/date/byline/snip are match rates (head+ counts a headline among the brief's
    other_titles too: the corpus README's "accept the best of several candidates"; head
    is the strict figure), desc the mean token F1 of the description
    (0 when none was found), start the share of bodies that open with the truth's
    ``body_prefix``, each with the number of cases scored)."""
    rows = [dict(zip(_COLUMNS, _COLUMNS, strict=True))]
    rows += [summary_row(kind, results) for kind, results in by_kind.items()]
    widths = {c: max(len(row[c]) for row in rows) for c in _COLUMNS}
    lines = ["  ".join(row[c].ljust(widths[c]) for c in _COLUMNS).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * widths[c] for c in _COLUMNS))
    return ["== extraction quality ==", *lines, ""]


def _badness(result: Result) -> float:
    """Lower is worse: body F1 when there is a body truth, else the snippet pass rate;
    a missed headline costs a little more, a missed date or byline a little (so that a
    corpus with dates alone, such as htmldate's, lists its misses)."""
    if result.overlap is not None:
        value = result.overlap.f1
    elif result.snippets:
        value = sum(result.snippets) / len(result.snippets)
    elif result.start is not None:
        value = float(result.start)
    else:
        value = 1.0
    return value - (0.25 if result.headline is False else 0.0) \
        - (0.1 if result.date is False else 0.0) - (0.1 if result.byline is False else 0.0)


def _words(tokens: list[str], limit: int) -> str:
    shown = " ".join(tokens[:limit])
    return shown + (f" ... (+{len(tokens) - limit})" if len(tokens) > limit else "")


def case_diff(result: Result, limit: int = 14) -> list[str]:
    """A few lines saying what went wrong on one case."""
    truth, got = result.case.truth, result.got
    lines = []
    score_text = (f"F1 {result.overlap.f1:.2f} P {result.overlap.precision:.2f} "
                  f"R {result.overlap.recall:.2f}" if result.overlap else "no body truth")
    lines.append(f"  {result.case.id}: {score_text}"
                 + (f"  [error: {got.error}]" if got.error else ""))
    if result.headline is False:
        lines.append(f"    headline: got {got.title!r}")
        lines.append(f"              want {truth['headline']!r}")
        if got.other_titles:
            lines.append(f"              other titles {list(got.other_titles)!r}")
    if result.date is False:
        lines.append(f"    date: got {scoring.as_day(got.date)} "
                     f"want {scoring.as_day(truth['date'])}")
    if result.byline is False:
        lines.append(f"    byline: got {got.byline!r} want {truth['byline']!r}")
    if truth.get("body"):
        missing, extra = scoring.token_diff(got.body, truth["body"])
        if missing:
            lines.append(f"    missing {len(missing)}: {_words(missing, limit)}")
        if extra:
            lines.append(f"    extra {len(extra)}: {_words(extra, limit)}")
    if result.start is False:
        lines.append(f"    opening: got {' '.join(got.body.split())[:70]!r}")
        lines.append(f"             want {' '.join(truth['body_prefix'].split())[:70]!r}")
    failed = [s for s, ok in zip(_snippet_texts(result), result.snippets, strict=True)
              if not ok]
    for text in failed[:3]:
        lines.append(f"    snippet failed: {text[:70]!r}")
    return lines


def _snippet_texts(result: Result) -> list[str]:
    truth = result.case.truth
    must = [f"must contain: {s}" for s in truth.get("body_must_contain") or []]
    must_not = [f"must not contain: {s}" for s in (truth.get("body_must_not_contain") or [])
                + (truth.get("comments_snippets") or [])]
    return must + must_not


def worst_cases(by_kind: ResultsByKind, count: int = 5) -> list[str]:
    """The ``count`` worst cases of each kind, with missing and extra tokens."""
    lines = []
    for kind, results in by_kind.items():
        lines.append(f"== worst {kind} cases ==")
        for result in sorted(results, key=lambda r: (_badness(r), r.case.id))[:count]:
            lines.extend(case_diff(result))
        lines.append("")
    return lines


def by_dataset(by_kind: ResultsByKind) -> list[str]:
    """The same table split by dataset (the case id's prefix, ``moz_``, ``aeb_``...):
    one part of the corpus can be tuned on and another checked."""
    split: ResultsByKind = {}
    for kind, results in by_kind.items():
        for result in results:
            dataset = result.case.id.split("_", 1)[0]
            split.setdefault(f"{kind}/{dataset}", []).append(result)
    lines = table(split)
    lines[0] = "== by dataset =="
    return lines
