"""Bytes a reader's browser fetches to search the built site for one word.

- Pagefind (``site/pagefind/`` exists): ``pagefind.js``, ``pagefind-entry.json``, the
  language's WebAssembly module, the ``pf_meta`` file, the index chunks whose word range
  holds the word, and the fragments of the pages that match (at most ``RESULTS``), as
  stored (Pagefind's files are already compressed).
- Material's lunr search (``site/search/search_index.json``): the search worker script
  and the whole index, before the first result; given raw and gzip-compressed (as a web
  server that compresses would send it).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from briefs.site.pagefind_order import read_data as decode

RESULTS = 5  # fragments a results list loads first


def search_bytes(site: Path, word: str) -> str:
    """A one-line account of what one search for ``word`` fetches."""
    if (site / "pagefind" / "pagefind-entry.json").is_file():
        total, parts = pagefind_bytes(site / "pagefind", word)
        return f"{total / 1e3:.0f} kB (Pagefind: {parts})"
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        workers = sorted((site / "assets" / "javascripts" / "workers").glob("search*.js"))
        worker = sum(p.stat().st_size for p in workers)
        packed = len(gzip.compress(data, 6)) + worker
        return (f"{(len(data) + worker) / 1e3:.0f} kB, {packed / 1e3:.0f} kB gzipped "
                "(Material: whole search_index.json + worker)")
    return "no search index found"


def pagefind_bytes(root: Path, word: str) -> tuple[int, str]:
    entry = json.loads((root / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = next(iter(entry["languages"].values()))
    lang_hash, wasm = language["hash"], language.get("wasm") or "unknown"
    meta_path = root / f"pagefind.{lang_hash}.pf_meta"
    meta = decode(meta_path.read_bytes())
    pages = meta[1]
    chunks = meta[2]
    term = word.casefold()
    stem = term[:max(3, len(term) - 2)]  # Pagefind matches the last word as a prefix
    needed = [c for c in chunks if str(c[0]) <= term <= str(c[1])] or chunks[:1]
    chunk_bytes = 0
    matched: list[int] = []
    for chunk in needed:
        path = root / "index" / f"{chunk[2]}.pf_index"
        chunk_bytes += path.stat().st_size
        for entry_words in decode(path.read_bytes())[0]:
            if str(entry_words[0]).startswith(stem) and len(entry_words) > 1:
                matched.extend(int(p[0]) for p in entry_words[1])
    fragment_bytes = 0
    for number in sorted(set(matched))[:RESULTS]:
        fragment = root / "fragment" / f"{pages[number][0]}.pf_fragment"
        if fragment.is_file():
            fragment_bytes += fragment.stat().st_size
    fixed = sum((root / name).stat().st_size for name in (
        "pagefind.js", "pagefind-entry.json", f"wasm.{wasm}.pagefind"))
    meta_bytes = meta_path.stat().st_size
    total = fixed + meta_bytes + chunk_bytes + fragment_bytes
    return total, (f"script+wasm {fixed / 1e3:.0f} kB, meta {meta_bytes / 1e3:.0f} kB, "
                   f"{len(needed)} index chunk(s) {chunk_bytes / 1e3:.0f} kB, "
                   f"{len(set(matched))} result fragment(s) {fragment_bytes / 1e3:.0f} kB")
