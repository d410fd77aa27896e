#!/usr/bin/env python3
"""Build a larger corpus for fitting and checking the extractor, from upstream datasets.

The team corpus (``../shared/corpus``, 62 cases) holds a few pages of three public
datasets. This script takes the rest of them from git checkouts of the upstream
repositories and writes them in the same layout (``cases/<id>/source.html``,
``dump.txt``, ``truth.json``), leaving out every page the team corpus already has:

- ``aeb_*``: scrapinghub/article-extraction-benchmark, ``html/*.html.gz`` and
  ``ground-truth.json`` (article body and URL; MIT);
- ``moz_*``: mozilla/readability, ``test/test-pages/*`` (Readability's expected title,
  byline, excerpt, date; body = ``expected.html`` flattened into blocks; Apache-2.0);
- ``traf_*``: adbar/trafilatura, ``tests/eval/*.html`` and ``tests/evaldata.json``
  (hand-made title, author, date, description, body snippets; Apache-2.0);
- ``fun_*``: flairNLP/fundus, ``tests/resources/parser/test_data/<country>/`` (news pages
  of some 250 outlets in 40 countries, with the title, authors, date and article text
  that fundus's hand-written parser for the outlet must return; MIT);
- ``mer_*``: postlight/parser (Mercury), ``fixtures/*.html`` with the title, author and
  date its tests expect from each site's hand-written extractor (mostly English news
  sites; MIT);
- ``np_*``: AndyTheFactory/newspaper4k, ``tests/data/html/<name>.html`` with the title,
  authors and date in ``tests/data/metadata/<name>.json`` and the text in
  ``tests/data/txt/<name>.txt`` that newspaper4k's tests expect (20 pages in English,
  Arabic, Chinese, Japanese, Spanish, Thai...; what newspaper4k returns, not a hand
  annotation; MIT). Never fitted on.
- ``goo_*``: goose3/goose3, ``tests/data/<topic>/<name>.html`` with what goose3's tests
  expect in ``<name>.json``: the title, authors and publication date where a test checks
  them, and the opening of the article's text (``cleaned_text``, often cut short, kept
  as ``body_prefix``: its first 30 words, never its last, which the cut may have cut
  in two). The pages of 3 KB or more (smaller ones are
  made by hand to test one feature, with no article): 47, mostly English news of
  2008-2015; goose3's output, not a hand annotation (Apache-2.0). Never fitted on.
- ``hd_*``: adbar/htmldate, ``tests/test_set/*.html`` and ``tests/eval_mediacloud_2020.json``
  (200 news pages of 2020 from outlets worldwide, in some 30 languages, collected by
  Northeastern University's Data Culture Group, with the hand-checked publication day
  and the URL; no headline or text. htmldate's own evaluation set, so htmldate's score
  on it is a best case; Apache-2.0). Never fitted on.
- ``ms_*``: microlinkhq/metascraper, ``packages/metascraper/test/integration/<name>/``
  (``input.html`` and the title, author, date and language its snapshot
  ``snapshots/index.js.md`` records; pages of news outlets, blogs and company sites,
  mostly English, 2015-2023; what metascraper returns, read from the page's metadata, not a
  hand annotation; MIT). Only the pages whose snapshot has an author or a date, so
  the articles and not the profile, video or repository pages. Never fitted on.
- ``nc_*``: codelucas/newspaper (newspaper3k), ``tests/data/html/<name>.html`` and the text
  its tests expect in ``tests/data/text/<name>.txt`` (143 pages of some 70 sites, mostly
  English news and magazines of 2014-15; newspaper3k's output as its authors kept it, not
  a hand annotation: some texts are cut short, a few are notes such as "missed entire
  article because it's loaded dynamically by javascript"; body only; MIT). Never fitted on.
- ``gn_*``: L3S-GN1 (Kohlschütter et al., WSDM 2010: 621 English pages that Google News
  linked to in 2008, of some 400 sites, with the headline and the article's text marked by
  hand), from the copy in j-szulc/html-cleaning-dataset-merged, ``page-signal-master/``
  (``input/<id>.html``, and ``GoldStandard/<id>.txt``, the page with the headline marked
  ``x-nc-sel1`` and the text ``x-nc-sel2``; that copy turned characters outside Latin-1
  into "?" in the marked pages, so a headline with a curly quote cannot match; research
  use only). Old pages: table layouts, no title metas. Never fitted on.
- ``dn_*``: the Dragnet data (Peters and Lecocq, WWW 2013: some 1,380 pages of news
  sites and blogs of 2012, with the article's text copied out by hand), from the same
  copy, ``dragnet_data/`` (``input/<id>.html`` and ``GoldStandard/<id>.txt``; that copy
  turned characters outside ASCII into "\ufffd", which costs the words holding one).
  The text keeps the headline and the dateline, and the pages have no headline
  annotated: body only, and the readers' comments the copy keeps after its text (a
  line "!@#$%^&*() COMMENTS") as snippets a body must not hold. Research use only.
  Never fitted on.

Dumps are made with the team corpus's own ``tools/html2dump.py``, so they have the
seed's shape. The corpus is not shipped (the pages belong to their publishers); it is
what ``scripts/train_headline.py`` fits on and ``make eval CORPUS=...`` can score.

    python scripts/build_dev_corpus.py OUT --shared ../shared/corpus \\
        --benchmark CHECKOUT --readability CHECKOUT --trafilatura CHECKOUT --fundus CHECKOUT \\
        --mercury CHECKOUT --newspaper4k CHECKOUT --goose CHECKOUT --htmldate CHECKOUT \\
        --metascraper CHECKOUT --newspaper3k CHECKOUT --l3s CHECKOUT --dragnet CHECKOUT
"""

from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.html

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
           "td", "th", "dt", "dd")
_EMPTY_TRUTH: dict[str, Any] = dict.fromkeys((
    "url", "headline", "byline", "authors", "date", "description", "site_name", "lang",
    "categories", "tags", "body", "body_must_contain", "body_must_not_contain",
    "comments_snippets"))


def _show(repo: Path, path: str) -> bytes:
    """A file of the checkout's HEAD (the work tree may be absent)."""
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"],
                          capture_output=True, check=True).stdout


def _list(repo: Path, folder: str) -> list[str]:
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD",
                          folder + "/"], capture_output=True, text=True, check=True).stdout
    return out.split()


def _flatten(page: str) -> str:
    """Readability's expected HTML as text blocks, a blank line between them."""
    tree = lxml.html.fromstring(page)
    out = []
    for el in tree.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            out.append(text)
    return "\n\n".join(out)


def _text(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(html.unescape(str(v)) for v in value)
    return html.unescape(value) if isinstance(value, str) else value


class Writer:
    """Writes cases, skipping those the team corpus has (by id or URL)."""

    def __init__(self, out: Path, shared: Path, to_dump: Callable[[bytes], str]) -> None:
        self.out = out
        self.to_dump = to_dump
        self.known_ids = {c["id"] for c in json.loads((shared / "index.json").read_text())}
        self.known_urls = {json.loads(p.read_text()).get("url")
                           for p in shared.glob("cases/*/truth.json")}
        self.written = 0

    def write(self, case_id: str, raw: bytes, truth: dict[str, Any]) -> None:
        if case_id in self.known_ids or (truth.get("url") and truth["url"] in self.known_urls):
            return
        folder = self.out / "cases" / case_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "source.html").write_bytes(raw)
        (folder / "dump.txt").write_text(self.to_dump(raw), encoding="utf-8")
        record = {**_EMPTY_TRUTH, **truth, "id": case_id}
        (folder / "truth.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
        self.written += 1


def benchmark(repo: Path, writer: Writer) -> None:
    truth = json.loads(_show(repo, "ground-truth.json"))
    for sha, item in sorted(truth.items()):
        raw = gzip.decompress(_show(repo, f"html/{sha}.html.gz"))
        writer.write(f"aeb_{sha[:10]}", raw, {"url": item.get("url"),
                                              "body": item.get("articleBody")})


def readability(repo: Path, writer: Writer) -> None:
    for folder in _list(repo, "test/test-pages"):
        try:
            meta = json.loads(_show(repo, f"{folder}/expected-metadata.json"))
            raw = _show(repo, f"{folder}/source.html")
            expected = _show(repo, f"{folder}/expected.html").decode("utf-8", "replace")
        except subprocess.CalledProcessError:
            continue
        if not meta.get("readerable", True):
            continue
        writer.write(f"moz_{folder.rsplit('/', 1)[-1]}", raw, {
            "headline": meta.get("title"), "byline": meta.get("byline"),
            "date": meta.get("publishedTime"), "description": meta.get("excerpt"),
            "site_name": meta.get("siteName"), "lang": meta.get("lang"),
            "body": _flatten(expected)})


def trafilatura(repo: Path, writer: Writer) -> None:
    data = json.loads(_show(repo, "tests/evaldata.json"))
    for url, item in sorted(data.items()):
        name = item["file"]
        try:
            raw = _show(repo, f"tests/eval/{name}")
        except subprocess.CalledProcessError:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower().removesuffix(".html"))[:60]
        lists = {k: item.get(k) if isinstance(item.get(k), list) else None
                 for k in ("categories", "tags")}
        writer.write(f"traf_{slug}", raw, {
            "url": url, "headline": _text(item.get("title")), "byline": _text(item.get("author")),
            "date": item.get("date"), "description": _text(item.get("description")), **lists,
            "body_must_contain": item.get("with"), "body_must_not_contain": item.get("without"),
            "comments_snippets": item.get("comments")})


def _fundus_body(body: dict[str, Any]) -> str:
    """fundus's article body (standfirst, then each section's headings and paragraphs)."""
    blocks = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        blocks += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def fundus(repo: Path, writer: Writer) -> None:
    """Each parser version's expected output beside the page it was written for: a
    publisher's versions (V1, V1_1, V2, ...) and its pages, both in date order, pair up."""
    root = "tests/resources/parser/test_data"
    for country in _list(repo, root):
        if "." in country.rsplit("/", 1)[-1]:
            continue
        files = _list(repo, country)
        info = f"{country}/meta.info"
        meta = json.loads(_show(repo, info)) if info in files else {}
        for expected in (f for f in files if f.endswith(".json")):
            publisher = expected.rsplit("/", 1)[-1].removesuffix(".json")
            pages = sorted(f for f in files if f.rsplit("/", 1)[-1].startswith(publisher + "_")
                           and re.fullmatch(r"_\d{4}_\d\d_\d\d\.html\.gz",
                                            f.rsplit("/", 1)[-1][len(publisher):]))
            versions = json.loads(_show(repo, expected))
            if len(pages) != len(versions):
                continue
            for page, name in zip(pages, sorted(versions), strict=True):
                item = versions[name]
                raw = gzip.decompress(_show(repo, page))
                file_name = page.rsplit("/", 1)[-1]
                writer.write(f"fun_{country.rsplit('/', 1)[-1]}_{publisher}_{name}".lower(), raw, {
                    "url": (meta.get(file_name) or {}).get("url"),
                    "headline": item.get("title"), "authors": item.get("authors"),
                    "byline": ", ".join(item.get("authors") or []) or None,
                    "date": item.get("publishing_date"),
                    "body": _fundus_body(item.get("body") or {}) or None,
                    "categories": item.get("topics")})


_JS_STRING = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)"""


def _expected(source: str, field: str) -> str | None:
    """The string a Mercury test asserts for ``field`` (``assert.equal(title, '...')``)."""
    found = re.search(rf"assert\.equal\(\s*{field},\s*{_JS_STRING}", source, re.S)
    if not found:
        return None
    text = next(g for g in found.groups() if g is not None)
    return re.sub(r"\\(.)", r"\1", text)


def mercury(repo: Path, writer: Writer) -> None:
    """Each custom extractor's test: the fixture page it reads and what it must return."""
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD",
                          "src/extractors/custom/"], capture_output=True, text=True,
                         check=True).stdout
    for test in (f for f in out.split() if f.endswith("/index.test.js")):
        source = _show(repo, test).decode("utf-8", "replace")
        fixture = re.search(r"readFileSync\(\s*'\./(fixtures/[^']+)'", source)
        title = _expected(source, "title")
        if not fixture or not title:
            continue
        try:
            raw = _show(repo, fixture.group(1))
        except subprocess.CalledProcessError:
            continue
        url = re.search(rf"url\s*=\s*{_JS_STRING}", source, re.S)
        slug = re.sub(r"[^a-z0-9]+", "-", test.split("/")[-2].lower())[:50]
        writer.write(f"mer_{slug}", raw, {
            "url": next((g for g in url.groups() if g is not None), None) if url else None,
            "headline": title, "byline": _expected(source, "author"),
            "date": _expected(source, "date_published")})


def newspaper4k(repo: Path, writer: Writer) -> None:
    """Each page whose expected metadata and text newspaper4k's tests keep."""
    for path in _list(repo, "tests/data/metadata"):
        name = path.rsplit("/", 1)[-1]
        if not name.endswith(".json"):
            continue
        stem = name.removesuffix(".json")
        try:
            raw = _show(repo, f"tests/data/html/{stem}.html")
        except subprocess.CalledProcessError:
            continue
        meta = json.loads(_show(repo, f"tests/data/metadata/{name}"))
        try:
            body = _show(repo, f"tests/data/txt/{stem}.txt").decode("utf-8").strip() or None
        except subprocess.CalledProcessError:
            body = None
        writer.write(f"np_{stem}", raw, {
            "url": meta.get("url"), "headline": meta.get("title") or None,
            "authors": meta.get("authors") or None,
            "byline": ", ".join(meta.get("authors") or []) or None,
            "date": meta.get("publish_date") or None, "body": body,
            "lang": meta.get("language") or None})


def newspaper3k(repo: Path, writer: Writer) -> None:
    """Each page of newspaper3k's tests with the text they expect."""
    for path in _list(repo, "tests/data/html"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".html")
        try:
            body = _show(repo, f"tests/data/text/{stem}.txt").decode("utf-8").strip()
        except subprocess.CalledProcessError:
            continue
        if body:
            name = re.sub(r"[^\w-]", "-", stem)
            writer.write(f"nc_{name}", _show(repo, path), {"body": body})


def _marked(tree: Any, mark: str) -> list[str]:
    """The texts of the elements an L3S-GN1 annotator marked ``mark`` (the outermost ones:
    a mark is repeated on the elements inside a marked one)."""
    marked = f'contains(concat(" ", @class, " "), " {mark} ")'
    found = tree.xpath(f"//*[{marked}][not(ancestor::*[{marked}])]")
    return [t for t in (" ".join(el.text_content().split()) for el in found) if t]


def _gold_pages(repo: Path, folder: str) -> Iterator[tuple[str, bytes, str]]:
    """Each page of one of j-szulc/html-cleaning-dataset-merged's sets (``folder``) that
    has its input: its name, the saved page and its ``GoldStandard`` file."""
    for path in _list(repo, f"{folder}/GoldStandard"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".txt")
        try:
            raw = _show(repo, f"{folder}/input/{stem}.html")
        except subprocess.CalledProcessError:
            continue
        yield stem, raw, _show(repo, path).decode("utf-8", "replace")


def l3s(repo: Path, writer: Writer) -> None:
    """Each L3S-GN1 page with a marked headline and text."""
    for stem, raw, gold in _gold_pages(repo, "page-signal-master"):
        marked = lxml.html.fromstring(gold)
        headline, body = _marked(marked, "x-nc-sel1"), _marked(marked, "x-nc-sel2")
        if raw and headline and body:
            writer.write(f"gn_{stem[:12]}", raw,
                         {"headline": " ".join(headline), "body": "\n\n".join(body)})


_DRAGNET_COMMENTS = re.compile(r"^!@#\$%\^&\*\(\)\s+COMMENTS\s*$", re.M)  # text | comments
COMMENT_WORDS, COMMENTS = 8, 3  # a comment kept to check a body against, and how many


def _blocks(text: str) -> list[str]:
    return [b for b in (" ".join(b.split()) for b in re.split(r"\n\s*\n", text)) if b]


def dragnet(repo: Path, writer: Writer) -> None:
    """Each Dragnet page with its hand-copied text (body only)."""
    for stem, raw, gold in _gold_pages(repo, "dragnet_data"):
        text, *rest = _DRAGNET_COMMENTS.split(gold, 1)
        comments = rest[0] if rest else ""
        body = "\n\n".join(_blocks(text))
        said = [b for b in _blocks(comments) if len(b.split()) >= COMMENT_WORDS]
        if raw and body:
            writer.write(f"dn_{stem[:12]}", raw,
                         {"body": body, "comments_snippets": said[:COMMENTS] or None})


PREFIX_WORDS = 30
REAL_PAGE = 3000  # bytes: below, a page goose3's tests made by hand for one feature


def goose(repo: Path, writer: Writer) -> None:
    """Each test page of goose3 with an expected title, date, authors or text."""
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD",
                          "tests/data/"], capture_output=True, text=True, check=True).stdout
    for path in (f for f in out.split() if f.endswith(".json")):
        stem = path.removesuffix(".json")
        try:
            raw = _show(repo, f"{stem}.html")
        except subprocess.CalledProcessError:
            continue
        if len(raw) < REAL_PAGE:
            continue
        record = json.loads(_show(repo, path))
        expected = record.get("expected") or {}
        text = expected.get("cleaned_text") or ""
        first = text.split("\n\n")[0].split()
        # (goose3's tests cut the text anywhere: a last word may be cut too)
        opening = " ".join(first[:min(PREFIX_WORDS, len(first) - 1)]) or None
        authors = expected.get("authors") or None
        truth = {"url": record.get("url"), "headline": expected.get("title") or None,
                 "date": expected.get("publish_date") or None, "authors": authors,
                 "byline": ", ".join(authors) if authors else None,
                 "body_prefix": opening, "lang": expected.get("meta_lang") or None}
        if any(truth[k] for k in ("headline", "date", "byline", "body_prefix")):
            topic, name = stem.split("/")[-2:]
            slug = re.sub(r"[^a-z0-9]+", "-", f"{topic}_{name}".lower()).strip("-")
            writer.write(f"goo_{slug}", raw, truth)


def htmldate(repo: Path, writer: Writer) -> None:
    """Each page of htmldate's news test set, with its publication day and URL."""
    for url, item in sorted(json.loads(_show(repo, "tests/eval_mediacloud_2020.json")).items()):
        try:
            raw = _show(repo, f"tests/test_set/{item['file']}")
        except subprocess.CalledProcessError:
            continue
        day = item.get("date")  # (NaN for the 3 pages it could not date)
        writer.write(f"hd_{item['file'].removesuffix('.html')}", raw,
                     {"url": url, "date": day if isinstance(day, str) else None})


_SNAPSHOT_FIELD = re.compile(r"^ {6}(\w+): (.*?)(?=^ {6}\w+: |^ {4}\}|\Z)", re.S | re.M)
_JS_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _snapshot(text: str) -> dict[str, str | None]:
    """The first object of an AVA snapshot report (``index.js.md``) as strings: a value
    is ``null`` or one or more single-quoted strings joined by ``+`` over lines."""
    start = text.find("> Snapshot 1")
    fields: dict[str, str | None] = {}
    for key, value in _SNAPSHOT_FIELD.findall(text[start:] if start >= 0 else ""):
        parts = _JS_QUOTED.findall(value)
        joined = "".join(re.sub(r"\\(.)", r"\1", p) for p in parts)
        fields[key] = joined or None
    return fields


def metascraper(repo: Path, writer: Writer) -> None:
    """Each integration page of metascraper whose snapshot has an author or a date."""
    root = "packages/metascraper/test/integration"
    for folder in _list(repo, root):
        name = folder.rsplit("/", 1)[-1]
        try:
            raw = _show(repo, f"{root}/{name}/input.html")
            report = _show(repo, f"{root}/{name}/snapshots/index.js.md").decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        meta = _snapshot(report)
        if not meta.get("title") or not (meta.get("author") or meta.get("date")):
            continue
        writer.write(f"ms_{re.sub(r'[^a-z0-9]+', '-', name.lower())}", raw, {
            "url": meta.get("url"), "headline": meta["title"], "byline": meta.get("author"),
            "date": meta.get("date"), "lang": meta.get("lang"),
            "site_name": meta.get("publisher")})


def load_html2dump(tools: Path) -> Any | None:
    """The team corpus's ``tools/html2dump.py`` as a module (``None``: not there)."""
    path = tools / "html2dump.py"
    spec = importlib.util.spec_from_file_location("html2dump", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--benchmark", type=Path, help="scrapinghub/article-extraction-benchmark")
    parser.add_argument("--readability", type=Path, help="mozilla/readability")
    parser.add_argument("--trafilatura", type=Path, help="adbar/trafilatura")
    parser.add_argument("--fundus", type=Path, help="flairNLP/fundus")
    parser.add_argument("--mercury", type=Path, help="postlight/parser")
    parser.add_argument("--newspaper4k", type=Path, help="AndyTheFactory/newspaper4k")
    parser.add_argument("--goose", type=Path, help="goose3/goose3")
    parser.add_argument("--htmldate", type=Path, help="adbar/htmldate")
    parser.add_argument("--metascraper", type=Path, help="microlinkhq/metascraper")
    parser.add_argument("--newspaper3k", type=Path, help="codelucas/newspaper")
    parser.add_argument("--l3s", type=Path, help="j-szulc/html-cleaning-dataset-merged")
    parser.add_argument("--dragnet", type=Path, help="j-szulc/html-cleaning-dataset-merged")
    args = parser.parse_args()
    html2dump = load_html2dump(args.shared / "tools")
    if html2dump is None:
        print(f"{args.shared}/tools/html2dump.py: not found", file=sys.stderr)
        return 2
    writer = Writer(args.out, args.shared,
                    lambda raw: html2dump.html_to_dump(html2dump.decode_html(raw)))
    for repo, build in ((args.benchmark, benchmark), (args.readability, readability),
                        (args.trafilatura, trafilatura), (args.fundus, fundus),
                         (args.mercury, mercury), (args.newspaper4k, newspaper4k),
                         (args.goose, goose), (args.htmldate, htmldate),
                         (args.metascraper, metascraper), (args.newspaper3k, newspaper3k),
                         (args.l3s, l3s), (args.dragnet, dragnet)):
        if repo is not None:
            build(repo, writer)
    print(f"wrote {writer.written} cases to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
