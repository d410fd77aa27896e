#!/usr/bin/env python3
"""Score the extractor on a corpus with ground truth: ``make eval`` runs this.

Usage: python scripts/eval.py CORPUS [--only GLOB] [--worst N]

For every case it runs the real extraction (``briefs.read.read_seed`` then
``briefs.extract.extract``, as ``briefs convert`` does) on ``dump.txt`` (kind ``text``)
and ``source.html`` (kind ``html``), and trafilatura alone on the same HTML as the
reference line; each extractor runs once untimed first, so the one-off start-up cost
(printed on its own line) is not charged to the first page. Then it prints the
sections in ``SECTIONS`` in order. To add a section
append a function ``(results_by_kind) -> list[str]``. Last comes the summary section:
ROUGE of our drafted summaries against the outlets' own descriptions, beside the
Lead-1 and Lead-3 baselines (``briefs.evaluate.summary``; ``--no-summary`` skips it).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from briefs.evaluate import corpus, report

KINDS: dict[str, corpus.Extractor] = {
    "text": corpus.briefs_extractor(corpus.TEXT_FILE),
    "html": corpus.briefs_extractor(corpus.HTML_FILE),
    "trafilatura": corpus.trafilatura_extractor,
}

Section = Callable[[report.ResultsByKind], list[str]]


def sections(worst: int) -> list[Section]:
    """The report, in order."""
    return [report.table, report.by_dataset, partial(report.worst_cases, count=worst)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("corpus", type=Path, help="folder with cases/<id>/truth.json")
    parser.add_argument("--only", default="*", help="glob on case ids, e.g. 'moz_*'")
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help=f"comma-separated, from {', '.join(KINDS)}")
    parser.add_argument("--worst", type=int, default=5, help="worst cases shown per kind")
    parser.add_argument("--no-summary", action="store_true", help="skip the summary ROUGE")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"eval: {args.corpus}: no such corpus folder", file=sys.stderr)
        return 2
    cases = [c for c in corpus.load_cases(args.corpus) if fnmatch.fnmatch(c.id, args.only)]
    if not cases:
        print(f"eval: {args.corpus}: no cases match {args.only!r}", file=sys.stderr)
        return 2
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        print(f"eval: unknown kind(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    start_up = {kind: corpus.warm_up(KINDS[kind], cases) for kind in kinds}
    by_kind = {kind: corpus.run(kind, KINDS[kind], cases) for kind in kinds}
    for section in sections(args.worst):
        print("\n".join(section(by_kind)))
    print("start-up, once per process and not in 'seconds' or 'slowest': "
          + ", ".join(f"{kind} {seconds:.2f} s" for kind, seconds in start_up.items()))
    if not args.no_summary:
        from briefs.evaluate.summary import summary_section

        print("\n== summary quality ==")
        print(summary_section(args.corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
