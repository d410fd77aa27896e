"""The "oracle" for live code in a built site (RELIABILITY.md, section B).

Parse each built page with ``html.parser`` and fail on:
- any ``on*`` attribute;
- any ``href``/``src``/``action``/``formaction``/``srcset``/``poster``/``data``/``xlink:href``
  whose scheme is not http, https or mailto (relative URLs are fine);
- any iframe, object, embed, form, base, frame or meta refresh not present in a control
  page built from benign text;
- any script not present in the control page (compared by ``src``, ``type``, ``id`` and
  text with the page's relative paths taken out), except JSON-LD: an inline
  ``application/ld+json`` script (no ``src``) whose text is valid JSON with no ``<`` at all
  (so nothing in it can close the element); any other JSON-LD is a problem.
The search index: Pagefind's records (``pagefind/fragment/*.pf_fragment``) are text the
search script puts into the page with ``textContent``; each must come from a page built
for the index (``data-pagefind-body``, so never a draft) and its title must be that page's
visible headline text. Material's ``search_index.json``, if a build writes one, has its
``title``, ``text`` and ``tags`` parsed as HTML (the theme renders them as HTML).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href",
                  "background", "cite", "srcset", "ping"}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
EMBEDDERS = {"iframe", "object", "embed", "form", "base", "frame", "frameset", "applet"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_ROOTS = re.compile(r'"[./]*"')
_UPWARD = re.compile(r'(?<=["=])(?:\.\./|\./|/)+')
JSON_LD = "application/ld+json"
PAGEFIND_SIGNATURE = b"pagefind_dcd"


def _unrooted(text: str) -> str:
    """``text`` with the page's own relative root taken out (``../..``, ``.``, ``/``)."""
    return _UPWARD.sub("", _ROOTS.sub('""', text))


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see in ``url`` (controls and spaces removed)."""
    compact = _INVISIBLE.sub("", url).lower()
    match = _SCHEME.match(compact)
    return match.group(1) if match else None


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    scripts: Counter[str] = field(default_factory=Counter)
    embedders: Counter[str] = field(default_factory=Counter)
    json_ld: list[object] = field(default_factory=list)
    index_title: str | None = None
    index_body: bool = False


class _Parser(HTMLParser):
    def __init__(self, where: str, findings: Findings) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings = findings
        self._script: list[str] | None = None
        self._script_key = ""
        self._json_ld = False
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.problems.append(f"{self.where}: <{tag} {name}=...> event handler")
            if name in URL_ATTRIBUTES:
                urls = [u.strip().split(" ")[0] for u in value.split(",")] \
                    if name == "srcset" else [value]
                for url in urls:
                    scheme = scheme_of(url)
                    if scheme is not None and scheme not in ALLOWED_SCHEMES:
                        self.findings.problems.append(
                            f"{self.where}: <{tag} {name}={value[:60]!r}> scheme {scheme}")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.findings.embedders[f"meta-refresh {values.get('content', '')}"] += 1
        if tag in EMBEDDERS:
            self.findings.embedders[
                f"{tag} class={values.get('class', '')} name={values.get('name', '')}"] += 1
        if "data-pagefind-body" in values:
            self.findings.index_body = True
        if values.get("data-pagefind-meta") == "title" and self.findings.index_title is None:
            self._title = []
        if tag == "script":
            self._script = []
            self._json_ld = (values.get("type", "").strip().lower() == JSON_LD
                             and "src" not in values)
            self._script_key = (f"src={_unrooted('=' + values.get('src', ''))} "
                                f"type={values.get('type', '')} id={values.get('id', '')}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._title is not None and tag == "h1":
            self.findings.index_title = " ".join("".join(self._title).split())
            self._title = None
        if tag == "script" and self._script is not None:
            raw = "".join(self._script)
            if self._json_ld:
                self._check_json_ld(raw)
            else:
                text = _unrooted(raw).strip()
                self.findings.scripts[f"{self._script_key} text={text[:2000]}"] += 1
            self._script = None

    def _check_json_ld(self, raw: str) -> None:
        """JSON-LD is data, never run: valid JSON, and no ``<`` that could close it."""
        if "<" in raw:
            self.findings.problems.append(f"{self.where}: '<' inside JSON-LD: {raw[:80]!r}")
            return
        try:
            self.findings.json_ld.append(json.loads(raw))
        except ValueError as exc:
            self.findings.problems.append(f"{self.where}: JSON-LD is not JSON ({exc})")


def scan(text: str, where: str) -> Findings:
    findings = Findings()
    parser = _Parser(where, findings)
    parser.feed(text)
    parser.close()
    return findings


def pagefind_records(site: Path) -> list[dict[str, object]]:
    """Every page record of the Pagefind index under ``site/pagefind`` (gzip of the
    ``pagefind_dcd`` signature + JSON: url, content, word_count, filters, meta, anchors)."""
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(PAGEFIND_SIGNATURE), f"not a Pagefind fragment: {path}"
        records.append(json.loads(data[len(PAGEFIND_SIGNATURE):].decode("utf-8")))
    return records


def _pagefind_problems(site: Path) -> list[str]:
    problems: list[str] = []
    for record in pagefind_records(site):
        url = str(record.get("url", ""))
        where = f"pagefind {url}"
        page = site / url.strip("/") / "index.html"
        if not url.startswith("/") or ".." in url or not page.is_file():
            problems.append(f"{where}: indexed, but no such page was built")
            continue
        found = scan(page.read_text(encoding="utf-8"), where)
        if not found.index_body:
            problems.append(f"{where}: indexed, but the page is not marked for the index")
        meta = record.get("meta")
        title = meta.get("title") if isinstance(meta, dict) else None
        if title != found.index_title:
            problems.append(f"{where}: title {title!r} is not the page's headline "
                            f"{found.index_title!r}")
    return problems


def control_signature(site: Path) -> tuple[set[str], set[str]]:
    """Scripts and embedders of a control site built from benign text."""
    scripts: set[str] = set()
    embedders: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        found = scan(page.read_text(encoding="utf-8"), str(page))
        assert not found.problems, found.problems
        scripts |= set(found.scripts)
        embedders |= set(found.embedders)
    return scripts, embedders


def site_problems(site: Path, control: tuple[set[str], set[str]]) -> list[str]:
    """Every live-code problem in the built ``site`` (empty when it is safe)."""
    scripts, embedders = control
    problems: list[str] = []
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no pages built in {site}"
    for page in pages:
        where = page.relative_to(site).as_posix()
        found = scan(page.read_text(encoding="utf-8"), where)
        problems += found.problems
        problems += [f"{where}: script not in the control page: {s[:120]}"
                     for s in found.scripts if s not in scripts]
        problems += [f"{where}: {e} not in the control page"
                     for e in found.embedders if e not in embedders]
    index = site / "search" / "search_index.json"
    if index.exists():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            where = f"search_index.json {doc.get('location')}"
            fields = [doc.get("title", ""), doc.get("text", ""), *doc.get("tags", [])]
            for value in fields:
                found = scan(str(value), where)
                problems += found.problems
                problems += [f"{where}: script {s[:80]}" for s in found.scripts]
                problems += [f"{where}: {e}" for e in found.embedders]
    problems += _pagefind_problems(site)
    return problems
