#!/usr/bin/env python3
"""``make bench``: speed figures for extraction, convert, build and the live preview.

1. Extraction: text dumps and HTML pages per second over the corpus (``--corpus``,
   default ``../shared/corpus``; the test fixtures when it is missing), slowest seed.
2. For each size N (``--sizes``, or ``BENCH_SIZES``; default 1000,5000,10000): N synthetic
   seeds (``briefs.bench.synth``) in a fresh project under ``.bench/``, then
   - ``briefs convert`` from nothing: seeds converted per second;
   - ``briefs convert`` again, nothing changed (median of ``--repeat`` runs);
   - ``briefs build`` with nothing to convert: build seconds, peak memory, site size,
     bytes fetched for one search;
   - ``briefs build`` from raw seeds (briefs and state removed first): conversion included;
   - the same articles as a stock Material blog (``plugins: [search, blog]``) built with
     ``mkdocs build`` in the same run (up to ``--stock-max`` briefs), and the ratio;
   - ``briefs serve`` (up to ``--serve-max`` briefs): seconds from a seed saved to its
     page served with the change.
Every command runs as a child process; its peak memory is its ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefs.bench.search_cost import search_bytes  # noqa: E402
from briefs.bench.synth import synth_seed, write_seeds  # noqa: E402

HOOKS = "briefs/site/hooks.py"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


# Running children ---------------------------------------------------------------------

class Run:
    def __init__(self, seconds: float, cpu: float, peak_mb: float, code: int,
                 output: str) -> None:
        self.seconds, self.cpu, self.peak_mb = seconds, cpu, peak_mb
        self.code, self.output = code, output


# A small process runs each command and reports its wall time and its peak memory: a
# child forked from this (larger) process would count this process's pages as its own.
_WRAP = """import resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.call(sys.argv[2:])
t = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{t} {use.ru_utime + use.ru_stime} {use.ru_maxrss}")
sys.exit(code)
"""


def run(args: list[str], cwd: Path, check: bool = True) -> Run:
    """Run ``args``; wall seconds and the child's peak resident memory (MB)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as figures:
        proc = subprocess.run([sys.executable, "-c", _WRAP, figures.name, *args], cwd=cwd,
                              env=ENV, stdout=out, stderr=subprocess.STDOUT, check=False)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        seconds, cpu, peak_kb = (float(x) for x in Path(figures.name).read_text().split())
    if check and proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed ({proc.returncode}):\n{text[-3000:]}")
    return Run(seconds, cpu, peak_kb / 1024, proc.returncode, text)


def briefs(cwd: Path, *args: str) -> Run:
    return run([sys.executable, "-m", "briefs", *args, "-q"], cwd)


# Projects -----------------------------------------------------------------------------

def make_project(root: Path, count: int) -> Path:
    """A project like the repository's, with ``count`` synthetic seeds."""
    if root.exists():
        shutil.rmtree(root)
    (root / "docs").mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(HOOKS, str(REPO / HOOKS)), encoding="utf-8")
    shutil.copy(REPO / "docs" / "index.md", root / "docs" / "index.md")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    write_seeds(root / "seeds", count)
    return root


def reset(root: Path) -> None:
    """Back to raw seeds: no briefs, no state, no site."""
    for path in (root / "docs" / "briefs", root / ".briefs", root / "site"):
        shutil.rmtree(path, ignore_errors=True)


STOCK_CONFIG = """site_name: Stock blog
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins:
  - search
  - blog
"""
_FRONT = re.compile(r"\A---\n(.*?\n)---\n\n", re.DOTALL)


def make_stock(root: Path, project: Path) -> int:
    """The same articles as posts of a stock Material blog; the number of posts."""
    import yaml

    if root.exists():
        shutil.rmtree(root)
    posts = root / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Stock blog\n", encoding="utf-8")
    (root / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    count = 0
    for path in sorted((project / "docs" / "briefs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        if not match:
            continue
        meta = yaml.safe_load(match.group(1))
        paragraphs = text[match.end():].strip().split("\n\n")
        front = yaml.safe_dump({"date": meta["date"], "categories": meta.get("categories", [])},
                               allow_unicode=True, sort_keys=False)
        title = meta["title"].replace("#", "\\#")
        body = "\n\n".join([f"# {title}", paragraphs[0], "<!-- more -->", *paragraphs[1:]])
        (posts / path.name).write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
        count += 1
    return count


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# Extraction ---------------------------------------------------------------------------

def bench_extraction(corpus: Path | None) -> None:
    from briefs.compose import compose
    from briefs.errors import BriefsError
    from briefs.extract import extract
    from briefs.read import read_seed

    cases: list[tuple[str, Path]] = []
    if corpus and (corpus / "cases").is_dir():
        source = str(corpus)
        for case in sorted((corpus / "cases").iterdir()):
            for name, kind in (("dump.txt", "text"), ("source.html", "html")):
                if (case / name).is_file():
                    cases.append((kind, case / name))
    else:
        source = "tests/fixtures (no corpus given or found)"
        for path in sorted((REPO / "tests" / "fixtures").rglob("*")):
            if path.suffix in (".txt", ".html", ".htm") and path.is_file():
                cases.append(("html" if path.suffix != ".txt" else "text", path))
    # Warm up: imports and compiled tables are not any seed's cost (a text seed, then an
    # HTML page: trafilatura and htmldate are imported on the first one). Timed apart.
    started = time.perf_counter()
    for warm_up in ("seeds/000_415feae060044a8d.txt", "html/heise_1password_de.html"):
        compose(extract(read_seed(REPO / "tests/fixtures" / warm_up, "w"))[0])
    warm_seconds = time.perf_counter() - started
    times: dict[str, list[float]] = {"text": [], "html": []}
    slowest = (0.0, "")
    rejected = 0
    for kind, path in cases:
        shown = path.relative_to(corpus).as_posix() if corpus and path.is_relative_to(corpus) \
            else path.relative_to(REPO).as_posix()
        started = time.perf_counter()
        try:
            compose(extract(read_seed(path, shown))[0])
        except BriefsError:
            rejected += 1
        seconds = time.perf_counter() - started
        times[kind].append(seconds)
        slowest = max(slowest, (seconds, shown))
    print(f"\n== Extraction (read + extract + compose, one process) over {source}")
    for kind, values in times.items():
        if values:
            median_ms = statistics.median(values) * 1000
            print(f"  {kind:5} {len(values):4d} seeds in {sum(values):6.2f} s: "
                  f"{len(values) / sum(values):7.1f} pages/s (median {median_ms:.1f} ms)")
    print(f"  slowest seed: {slowest[1]} {slowest[0] * 1000:.0f} ms; rejected: {rejected}"
          f" (before them, once per process: imports and tables, one text and one HTML "
          f"page: {warm_seconds:.2f} s)")


# Serve latency ------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def wait_for(predicate: Any, seconds: float, step: float = 0.02) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    return None


def bench_serve(project: Path, count: int, edits: int) -> tuple[list[float], list[float], bool]:
    """Seconds from a seed saved to its page served with the change, per edit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    proc = subprocess.Popen([sys.executable, "-m", "briefs", "serve", "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    latencies: list[float] = []
    home_took: list[float] = []
    home_ok = True
    try:
        if wait_for(lambda: "Latest briefs" in fetch(base), 300, 0.2) is None:
            log.seek(0)
            raise SystemExit("bench: briefs serve never served the home page:\n"
                             + log.read().decode("utf-8", "replace")[-3000:])
        state = json.loads((project / ".briefs" / "state.json").read_text(encoding="utf-8"))
        # Seeds of the newest briefs the home page lists (a day has many: not all listed).
        home_html = fetch(base)
        newest = [synth_seed(i) for i in range(count - 1, max(-1, count - 101), -1)]
        listed = [s for s in newest if '/' + Path(state["briefs"][f"seeds/{s.name}"]["brief"])
                  .stem + '/"' in home_html]
        for edit in range(edits):
            seed = (listed or newest)[edit % len(listed or newest)]
            entry = state["briefs"][f"seeds/{seed.name}"]
            url = base + entry["brief"].removesuffix(".md") + "/"
            marker = f"Benchmark edit {edit} Zq{time.time_ns() % 10**9}"
            lines = seed.text.split("\n\n")
            head = next(i for i, line in enumerate(lines) if "after talks in" in line)
            lines[head] = f"{marker} after talks in Serveville"
            time.sleep(0.5)
            path = project / "seeds" / seed.name
            path.write_text("\n\n".join(lines), encoding="utf-8")
            took = wait_for(lambda u=url, m=marker: m in fetch(u), 30)
            if took is None:
                raise SystemExit(f"bench: edit {edit} not served within 30 s at {url}")
            latencies.append(took)
            home = wait_for(lambda m=marker: m in fetch(base), 30)
            home_ok = home_ok and home is not None
            home_took.append(took + (home or 0.0))
            path.write_text(seed.text, encoding="utf-8")  # restore
            wait_for(lambda u=url, m=marker: m not in fetch(u), 30)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    return latencies, home_took, home_ok


# One size -----------------------------------------------------------------------------

def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    chosen = ordered[len(ordered) // 2]
    chosen.peak_mb = max(r.peak_mb for r in runs)
    return chosen


def bench_size(count: int, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    repeat = args.repeat if count <= 1000 else 1
    project = work / f"briefs-{count}"
    started = time.perf_counter()
    make_project(project, count)
    made = time.perf_counter() - started
    print(f"\n== {count} briefs (project {project.relative_to(work.parent)}; seeds generated "
          f"in {made:.1f} s; timings are medians of {repeat})", flush=True)
    cold_convert = median_run([_cold_convert(project) for _ in range(repeat)])
    noop = [briefs(project, "convert") for _ in range(max(3, repeat))]
    noop_first, noop_med = noop[0], median_run(noop)
    build = median_run([briefs(project, "build") for _ in range(repeat)])
    files, size = tree_size(project / "site")
    search = search_bytes(project / "site", synth_seed(count // 2).unique_word)
    stock_root = work / f"stock-{count}"
    with_stock = count <= args.stock_max
    if with_stock:
        posts = make_stock(stock_root, project)
    # Our build from raw seeds and the stock blog's, taken in turns so that both meet the
    # same load from whatever else runs on the machine.
    full: list[Run] = []
    stocks: list[Run] = []
    for _ in range(repeat):
        reset(project)
        full.append(briefs(project, "build"))
        if with_stock:
            stocks.append(run([sys.executable, "-m", "mkdocs", "build", "-q"], stock_root))
    full_run = median_run(full)
    row: dict[str, Any] = {
        "n": count, "convert_s": cold_convert.seconds, "noop_first_s": noop_first.seconds,
        "noop_s": noop_med.seconds, "build_s": build.seconds, "full_s": full_run.seconds,
        "peak_mb": max(build.peak_mb, full_run.peak_mb, cold_convert.peak_mb),
    }
    print(f"  convert from nothing    {cold_convert.seconds:7.2f} s  "
          f"{count / cold_convert.seconds:7.1f} seeds/s  peak {cold_convert.peak_mb:6.0f} MB  "
          f"({cold_convert.cpu:.1f} CPU s)")
    print(f"  convert, nothing changed {noop_med.seconds:6.2f} s  (first run after the "
          f"convert {noop_first.seconds:.2f} s)  = {noop_med.seconds / full_run.seconds:.3f} of "
          f"a full build")
    print(f"  build, nothing to convert{build.seconds:6.2f} s  {build.seconds / count * 1000:6.2f}"
          f" ms/brief  peak {build.peak_mb:6.0f} MB  ({build.cpu:.1f} CPU s)")
    print(f"  build from raw seeds    {full_run.seconds:7.2f} s  "
          f"{full_run.seconds / count * 1000:6.2f} ms/brief  peak {full_run.peak_mb:6.0f} MB  "
          f"(conversion included; {full_run.cpu:.1f} CPU s)")
    print(f"  site: {files} files, {size / 1e6:.1f} MB; one search fetches {search}")
    if with_stock:
        stock = median_run(stocks)
        s_files, s_size = tree_size(stock_root / "site")
        s_search = search_bytes(stock_root / "site", synth_seed(count // 2).unique_word)
        row.update(stock_s=stock.seconds, ratio=full_run.seconds / stock.seconds,
                   cpu_ratio=full_run.cpu / stock.cpu)
        print(f"  stock Material blog     {stock.seconds:7.2f} s  "
              f"{stock.seconds / posts * 1000:6.2f} ms/post   peak {stock.peak_mb:6.0f} MB  "
              f"({posts} posts, {s_files} files, {s_size / 1e6:.1f} MB; search {s_search})")
        print(f"  ratio briefs build (raw seeds) / stock blog: {row['ratio']:.2f} wall "
              f"(runs: {_times(full)} vs {_times(stocks)}); CPU seconds "
              f"{full_run.cpu:.1f} / {stock.cpu:.1f} = {row['cpu_ratio']:.2f}")
        if not args.keep:
            shutil.rmtree(stock_root, ignore_errors=True)
    if count <= args.serve_max:
        latencies, home_took, home_ok = bench_serve(project, count, args.edits)
        row["serve_s"] = statistics.median(latencies)
        home = (f"median {statistics.median(home_took):.2f} s" if home_ok
                else "NOT updated within 30 s")
        print(f"  serve: seed saved -> page served with the change: median "
              f"{row['serve_s']:.2f} s, max {max(latencies):.2f} s over {len(latencies)} edits; "
              f"home page: {home}")
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return row


def _times(runs: list[Run]) -> str:
    return "/".join(f"{r.seconds:.1f}" for r in runs)


def _cold_convert(project: Path) -> Run:
    reset(project)
    return briefs(project, "convert")


def verdicts(rows: list[dict[str, Any]]) -> None:
    print("\n== Acceptance (issue 7)")
    by_n = {r["n"]: r for r in rows}
    small = by_n.get(1000)
    if small and "ratio" in small:
        ok = small["ratio"] <= 0.6
        print(f"  [{'ok' if ok else 'FAIL'}] build of 1,000 raw seeds / stock blog = "
              f"{small['ratio']:.2f} (at most 0.6)")
    for row in rows:
        ratio = row["noop_s"] / row["full_s"]
        print(f"  [{'ok' if ratio <= 0.1 else 'FAIL'}] {row['n']}: convert with nothing changed"
              f" / full build = {ratio:.3f} (at most 0.1)")
    big = by_n.get(10000)
    if big:
        ok = big["peak_mb"] < 2048
        print(f"  [{'ok' if ok else 'FAIL'}] 10,000: peak memory {big['peak_mb']:.0f} MB "
              "(under 2048)")
        if small:
            growth = (big["full_s"] / 10000) / (small["full_s"] / 1000)
            print(f"  [{'ok' if growth <= 1.3 else 'FAIL'}] time per brief at 10,000 / at "
                  f"1,000 = {growth:.2f} (at most 1.3)")
    if small and "serve_s" in small:
        ok = small["serve_s"] <= 2
        print(f"  [{'ok' if ok else 'FAIL'}] 1,000: a changed seed served in "
              f"{small['serve_s']:.2f} s (at most 2)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "1000,5000,10000")
    parser.add_argument("--corpus", default=os.environ.get("CORPUS") or "../shared/corpus")
    parser.add_argument("--stock-max", type=int, default=5000,
                        help="build the stock blog up to this many briefs (default 5000)")
    parser.add_argument("--serve-max", type=int, default=1000,
                        help="measure briefs serve up to this many briefs (default 1000)")
    parser.add_argument("--edits", type=int, default=3, help="seed edits timed in serve")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per timing at sizes up to 1,000 (medians; default 3)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the projects")
    parser.add_argument("--skip-extraction", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.replace(" ", "").split(",") if s]
    work = Path(args.keep) if args.keep else REPO / ".bench"
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench: python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.skip_extraction:
        corpus = Path(args.corpus)
        bench_extraction(corpus if corpus.is_dir() else None)
    rows = [bench_size(n, work, args) for n in sizes]
    verdicts(rows)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with contextlib.suppress(OSError):
        if not args.keep:
            work.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
