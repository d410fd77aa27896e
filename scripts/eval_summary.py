"""Print the summary ROUGE table: ours beside Lead-1 and Lead-3.

Usage: python scripts/eval_summary.py CORPUS   (CORPUS holds cases/<id>/truth.json)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefs.evaluate.summary import summary_section


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "cases").is_dir():
        sys.stderr.write("usage: eval_summary.py CORPUS  (a folder with cases/)\n")
        return 2
    start = time.perf_counter()
    print(summary_section(Path(argv[0])))
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
