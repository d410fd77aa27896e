"""Bytes a reader fetches for one search, and the weight of a brief page, at N briefs.

    python scripts/measure_search.py 1000 5000

For each N: writes N synthetic briefs (deterministic: Zipf-distributed words from a
30,000-word vocabulary, 250-450 words a body, real facet fields) into a temporary
project, builds it with the real hooks, serves it on 127.0.0.1 and, in Debian's
chromium, opens one brief, types a word only another brief's body holds, waits for that
hit, and sums the bytes of every response caused by the search (uncompressed, as
Python's http.server sends them; Pagefind's index files are gzip already).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
HOOKS = "briefs/site/hooks.py"
UNIQUE = "zyxquolith"
COUNTRIES = ["Syria", "Iraq", "Iran", "Israel", "Lebanon", "Yemen", "Egypt", "Turkey",
             "United States", "China", "Russia", "Ukraine", "France", "Germany", "India",
             "Pakistan", "Afghanistan", "Saudi Arabia", "Jordan", "Libya", "Sudan", "Japan",
             "Brazil", "Mexico", "Canada", "Nigeria", "Kenya", "Ethiopia", "Spain", "Italy"]
CATEGORIES = ["Politics", "Economy", "Security", "West Asia", "Europe", "Americas", "Africa",
              "Asia", "Energy", "Health", "Science", "Environment", "Culture", "Sport"]
SOURCES = ["Reuters", "AFP", "AP", "SANA", "IRNA", "Xinhua", "TASS", "BBC", "Al Jazeera",
           "Anadolu", "Tasnim", "Fars", "CNN", "Bloomberg", "Kyodo", "DPA", "EFE", "ANSA"]


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    syllables = ["ba", "ka", "ta", "ri", "lo", "men", "sor", "vi", "ul", "est", "ar", "on",
                 "de", "pra", "gu", "shi", "te", "ne", "qua", "bro", "in", "za", "mo", "ly"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def write_project(root: Path, count: int) -> tuple[str, str]:
    """N briefs under root/docs/briefs; (slug holding UNIQUE, another slug)."""
    rng = random.Random(count)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    root.mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(HOOKS, str(REPO / HOOKS)), encoding="utf-8")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    shutil.copy(REPO / "docs" / "index.md", root / "docs" / "index.md")
    folder = root / "docs" / "briefs"
    folder.mkdir()
    start = dt.date(2025, 1, 1)
    for i in range(count):
        body = rng.choices(words, weights, k=rng.randint(250, 450))
        if i == count // 2:
            body.insert(100, UNIQUE)
        paragraphs = [" ".join(body[j:j + 60]).capitalize() + "." for j in range(0, len(body), 60)]
        front = {
            "title": " ".join(rng.choices(words, weights, k=8)).capitalize(),
            "date": start + dt.timedelta(days=rng.randint(0, 540)),
            "summary": " ".join(body[:30]).capitalize() + ".",
            "key_points": [" ".join(body[k:k + 12]) + "." for k in (30, 60, 90)],
            "categories": rng.sample(CATEGORIES, rng.randint(1, 3)),
            "tags": rng.sample(words[:400], 2),
            "regions": rng.sample(COUNTRIES, rng.randint(1, 3)),
            "sources": rng.sample(SOURCES, rng.randint(1, 3)),
            "word_count": len(body),
        }
        text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n"
        (folder / f"brief-{i:05d}.md").write_text(text + "\n\n".join(paragraphs) + "\n",
                                                   encoding="utf-8")
    return f"brief-{count // 2:05d}", f"brief-{(count // 2 + 1) % count:05d}"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def measure(count: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from briefs.site.build import build_site

    work = Path(tempfile.mkdtemp(prefix=f"briefs-measure-{count}-"))
    try:
        root = work / "project"
        target, other = write_project(root, count)
        started = time.monotonic()
        build_site(root / "mkdocs.yml", root / "site")
        build_seconds = time.monotonic() - started
        site = root / "site"
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        responses: list[Any] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.on("response", lambda r: responses.append(r))
            page.goto(base + f"briefs/{other}/", wait_until="networkidle")
            page_sizes = [(r.url, len(r.body())) for r in responses]
            responses.clear()
            page.locator(".md-search__input").fill(UNIQUE)
            page.locator(f".md-search-result__list a[href$='/briefs/{target}/']").wait_for()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            sizes = [(r.url, len(r.body())) for r in responses]
            browser.close()
        page_bytes = sum(size for _, size in page_sizes)
        page_files = len(page_sizes)
        server.shutdown()
        html = (site / "briefs" / other / "index.html").read_bytes()
        pagefind = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        return {"briefs": count, "build_s": round(build_seconds, 1),
                "search_bytes": sum(size for _, size in sizes), "search_requests": len(sizes),
                "search_files": sorted(f"{url.split('?')[0].rsplit('/', 1)[-1]} {size}"
                                       for url, size in sizes),
                "page_files": sorted(f"{url.split('?')[0].rsplit('/', 1)[-1]} {size}"
                                     for url, size in page_sizes),
                "brief_html": len(html), "brief_html_gzip": len(gzip.compress(html, 9)),
                "brief_first_load_bytes": page_bytes, "brief_first_load_files": page_files,
                "pagefind_dir_bytes": pagefind}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    for count in [int(a) for a in argv] or [1000, 5000]:
        result = measure(count)
        files = result.pop("search_files")
        loaded = result.pop("page_files")
        sys.stdout.write(" ".join(f"{k}={v}" for k, v in result.items()) + "\n")
        sys.stdout.write("  search fetched (bytes): " + ", ".join(files) + "\n")
        sys.stdout.write("  brief page loaded (bytes): " + ", ".join(loaded) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
