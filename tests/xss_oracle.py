"""The "oracle" for live code in a built site (RELIABILITY.md, section B).

Parse each built page with ``html.parser`` and fail on:
- any ``on*`` attribute;
- any ``href``/``src``/``action``/``formaction``/``srcset``/``poster``/``data``/``xlink:href``
  whose scheme is not http, https or mailto (relative URLs are fine);
- any iframe, object, embed, form, base, frame or meta refresh not present in a control
  page built from benign text;
- any script not present in the control page (compared by ``src``, ``type``, ``id`` and
  text with the page's relative paths taken out).
The search index's ``title``, ``text`` and ``tags`` fields are parsed as HTML too (the
theme renders them as HTML).
"""

from __future__ import annotations

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


class _Parser(HTMLParser):
    def __init__(self, where: str, findings: Findings) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings = findings
        self._script: list[str] | None = None
        self._script_key = ""

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
        if tag == "script":
            self._script = []
            self._script_key = (f"src={_unrooted('=' + values.get('src', ''))} "
                                f"type={values.get('type', '')} id={values.get('id', '')}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = _unrooted("".join(self._script)).strip()
            self.findings.scripts[f"{self._script_key} text={text[:2000]}"] += 1
            self._script = None


def scan(text: str, where: str) -> Findings:
    findings = Findings()
    parser = _Parser(where, findings)
    parser.feed(text)
    parser.close()
    return findings


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
    return problems
