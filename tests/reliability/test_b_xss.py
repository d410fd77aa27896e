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
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import make_project
from tests.helpers import run_briefs
from tests.reliability.kit import HOSTILE, PARA, build, convert, lines, snapshot, text_seed
from tests.xss_oracle import pagefind_records, scan, site_problems

CASES = ("b1_html_payloads", "b2_links", "b3_attr_lists", "b4_structure", "b5_meta")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = make_project(tmp_path_factory.mktemp("xss") / "project")
    for case in CASES:
        for path in HOSTILE.glob(f"{case}.*"):
            shutil.copy(path, root / "seeds" / path.name)
    write_hostile_brief(root / "docs" / "briefs" / "b5-written.md")
    (root / "docs" / "about.md").write_text(  # a page an editor writes, not a brief
        "---\ntitle: \"<img src=x onerror=alert('b5-page')>\"\n---\n\nAbout us.\n", "utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root, result.stderr


def write_hostile_brief(path: Path) -> None:
    """A brief written by hand whose summary would close an attribute (B5)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\ntitle: \"<img src=x onerror=alert('b5-title')> written by hand\"\n"
        "date: 2023-11-15\n"
        "summary: \"x\\\" onfocus=\\\"alert('b5-summary')\\\" autofocus=\\\"\"\n"
        "tags: [\"<b>t</b>\"]\n---\n\nA brief written by hand about the council budget "
        "meeting, with a summary that tries to break out of an attribute.\n", encoding="utf-8")


def page_of(root: Path, seed: str) -> str:
    state = json.loads((root / ".briefs" / "state.json").read_text(encoding="utf-8"))
    brief = state["briefs"][f"seeds/{seed}.txt"]["brief"]
    slug = Path(brief).stem
    return (root / "site" / "briefs" / slug / "index.html").read_text(encoding="utf-8")


class _Article(HTMLParser):
    """The tags and attributes inside ``<article>``; the article text's own tags and the
    visible text of each of its paragraphs (the folded ``<details class="brief-article">``
    of the brief page, without its ``<summary>``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.body_tags: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: list[str] = []
        self._p: list[str] | None = None
        self._body = 0  # depth of <details> inside the article text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        self.tags.append((tag, values))
        if self._body:
            self.body_tags.append((tag, values))
            if tag == "details":
                self._body += 1
            if tag == "p" and self._body == 1:
                self._p = []
        elif tag == "details" and "brief-article" in values.get("class", "").split():
            self._body = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif self.depth and self._body and tag == "details":
            self._body -= 1
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
    # the oracle saw the search index and the JSON-LD: neither check is vacuous
    urls = {str(r["url"]) for r in pagefind_records(root / "site")}
    briefs = {f"/briefs/{p.parent.name}/" for p in (root / "site" / "briefs").glob("*/index.html")}
    assert urls == briefs and len(urls) == len(CASES) + 1  # and the hand-written one
    found = scan(page_of(root, "b5_meta"), "b5")
    assert [d["@type"] for d in found.json_ld] == ["NewsArticle"]  # type: ignore[index]


def test_oracle_catches_live_code() -> None:
    """The oracle itself: each kind of live code is found."""
    page = ('<a href=" JaVa\tScript:alert(1)">x</a><img src=x onerror=alert(1)>'
            '<iframe src="https://x"></iframe><script>alert(1)</script>'
            '<a href="data:text/html,x">d</a><a href="https://ok">ok</a><a href="../ok/">r</a>')
    found = scan(page, "p")
    assert len(found.problems) == 3
    assert list(found.scripts) and list(found.embedders)
    # JSON-LD passes only as valid JSON with no '<'; with a src it is an ordinary script
    ok = scan('<script type="application/ld+json">{"a": "\\u003cb\\u003e"}</script>', "p")
    assert ok.problems == [] and not ok.scripts and ok.json_ld == [{"a": "<b>"}]
    for bad in ('<script type="application/ld+json">{"a": "</script><script>alert(1)</script>',
                '<script type="application/ld+json">{"a": "<b>"}</script>',
                '<script type="application/ld+json">alert(1)</script>'):
        found = scan(bad, "p")
        assert len(found.problems) == 1 and not found.json_ld, bad
    found = scan('<script type="application/ld+json" src="x.js"></script>', "p")
    assert list(found.scripts) and not found.json_ld


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


# What pages.brief_html lays out around the article text.
LAYOUT = {"div", "h1", "h2", "p", "time", "span", "ul", "li", "dl", "dt", "dd", "a", "details",
          "summary", "figure", "blockquote", "figcaption"}


def test_b4_only_our_structure_and_the_visible_text_round_trips(site) -> None:
    root, stderr = site
    parsed = article(page_of(root, "b4_structure"))
    assert {tag for tag, _ in parsed.tags} <= LAYOUT
    # the article text is paragraphs in one wrapper that says its direction and language
    assert [tag for tag, _ in parsed.body_tags] == \
        ["summary", "div"] + ["p"] * len(parsed.paragraphs)
    assert set(parsed.body_tags[1][1]) <= {"class", "dir", "lang"}
    assert [a for tag, a in parsed.body_tags if tag == "p" and a] == []
    hidden = [(tag, a) for tag, a in parsed.tags if "hidden" in a or "style" in a]
    assert [(tag, a["data-pagefind-filter"][:4]) for tag, a in hidden] == [("span", "day:")]
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


RAW_TITLE = "<img src=x onerror=alert('b5-title')>"
RAW_SUMMARY = "x\" onfocus=\"alert('b5-summary')\" autofocus=\""
RAW_TAGS = ["<b>t</b>", "<script>alert('b5-tag')</script>"]
TITLE = "&lt;img src=x onerror=alert(&#x27;b5-title&#x27;)&gt;"
SUMMARY = "x&quot; onfocus=&quot;alert(&#x27;b5-summary&#x27;)&quot; autofocus=&quot;"
TAGS = ["&lt;b&gt;t&lt;/b&gt;", "&lt;script&gt;alert(&#x27;b5-tag&#x27;)&lt;/script&gt;"]


def test_b5_title_summary_tags_escaped_everywhere(site) -> None:
    root, _ = site
    site_dir = root / "site"
    html = page_of(root, "b5_meta")
    assert f"<title>{TITLE} - News briefs</title>" in html
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S) == [TITLE]
    assert re.search(r'class="md-ellipsis">\s*' + re.escape(TITLE), html)  # header
    assert f'<meta property="og:title" content="{TITLE}">' in html
    assert [f'<meta property="article:tag" content="{t}">' in html for t in TAGS] == [True] * 2
    (data,) = scan(html, "b5").json_ld  # valid JSON, no '<' (the oracle)
    assert isinstance(data, dict)
    assert data["headline"] == RAW_TITLE and data["keywords"] == RAW_TAGS
    # The sidecar's summary is the editor's: it replaces the drafted one (apply_sidecar).
    state = json.loads((root / ".briefs" / "state.json").read_text(encoding="utf-8"))
    brief = root / "docs" / state["briefs"]["seeds/b5_meta.txt"]["brief"]
    assert f"summary: {RAW_SUMMARY}\n" in brief.read_text("utf-8")
    assert f'<meta name="description" content="{SUMMARY}">' in html
    assert re.search(f'<p class="brief-summary"[^>]*>{re.escape(SUMMARY)}</p>', html)
    written = (site_dir / "briefs" / "b5-written" / "index.html").read_text("utf-8")
    assert f'<meta name="description" content="{SUMMARY}">' in written
    assert f'<meta property="og:description" content="{SUMMARY}">' in written
    assert re.search(f'<p class="brief-summary"[^>]*>{re.escape(SUMMARY)}</p>', written)
    assert json.dumps(RAW_SUMMARY).replace("<", "\\u003c") in written  # JSON-LD
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert TITLE in home and SUMMARY in home and "<img src=x" not in home
    # tags pages, and the tags index
    for slug, tag in zip(("b-t-b", "script-alert-b5-tag-script"), TAGS, strict=True):
        page = (site_dir / "tags" / slug / "index.html").read_text("utf-8")
        assert f"<title>Tag: {tag} - News briefs</title>" in page
        assert f"<h1>Tag: {tag}</h1>" in page and TITLE in page
    about = (site_dir / "about" / "index.html").read_text("utf-8")
    page_title = "&lt;img src=x onerror=alert(&#x27;b5-page&#x27;)&gt;"
    assert f"<title>{page_title} - News briefs</title>" in about
    assert f"<h1>{page_title}</h1>" in about  # Material's own h1 (the page has none)
    assert re.search(r'class="md-ellipsis">\s*' + re.escape(page_title), about)
    assert f'<meta property="og:title" content="{page_title}">' in about
    tags = (site_dir / "tags" / "index.html").read_text("utf-8")
    assert all(f">{tag}</a>" in tags for tag in TAGS)
    # nothing raw anywhere: every page (nav, header, listings), the RSS feeds, the sitemap
    # (a quote is harmless in XML element text: it is checked in the pages only)
    raws = ("<img src=x", "<b>t</b>", "<script>alert('b5-tag')")
    pages = [p for p in site_dir.rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 20
    assert [p.name for p in pages if any(r in p.read_text("utf-8") for r in raws)] == []
    assert [p.name for p in pages if p.suffix == ".html"
            and 'onfocus="alert(' in p.read_text("utf-8")] == []
    # RSS readers render <description> as HTML: it holds the escaped summary
    rss = ET.parse(site_dir / "feed.xml").getroot()
    described = {i.findtext("title"): i.findtext("description") for i in rss.iter("item")}
    assert described[f"{RAW_TITLE} written by hand"] == SUMMARY.replace("&#x27;", "'").replace(
        "&quot;", '"')  # quotes need no escaping in element text; < > & would be
    # JSON Feed fields are plain text by the spec
    items = json.loads((site_dir / "feed.json").read_text("utf-8"))["items"]
    assert RAW_TITLE in [i["title"] for i in items]
    # Pagefind keeps text as the reader sees it; the search script shows it as text
    (record,) = [r for r in pagefind_records(site_dir)
                 if r["url"] == "/briefs/img-src-x-onerror-alert-b5-title/"]
    assert record["meta"] == {"date": "2023-11-14", "title": RAW_TITLE, "summary": RAW_SUMMARY}
    assert record["filters"]["tag"] == RAW_TAGS  # type: ignore[index]
    script = (site_dir / "assets" / "briefs" / "search.js").read_text("utf-8")
    assert re.findall(r"\w+\.innerHTML\s*=", script) == ["template.innerHTML ="]
    assert 'template = document.createElement("template")' in script
    assert not re.search(r"insertAdjacentHTML|outerHTML|document\.write|\beval\(", script)


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


def test_check_names_no_live_code_in_front_matter_which_pages_show_as_text(project) -> None:
    """A headline, summary or key point that quotes markup ("<script>" in a text seed, a
    page's title about the tag) is shown as text, escaped: ``briefs check`` does not warn
    that the site removes it (it warned on such front-matter lines before)."""
    root = project()
    text_seed(root, "x", "Council <script>alert('f1')</script> agrees on the budget",
              "<script>alert('f2')</script> " + PARA, "[the desk](javascript:alert('f4')) " + PARA)
    (root / "docs" / "notes.md").write_text(
        "---\ntitle: \"Why <script>alert('f3')</script> tags matter\"\n---\n\nPlain text.\n",
        "utf-8")
    assert convert(root).returncode == 0
    checked = run_briefs(root, "check")
    assert checked.returncode == 0 and lines(checked, "WARNING") == []
    assert build(root).returncode == 0
    for page, shown in (("notes", "Why &lt;script&gt;alert(&#x27;f3&#x27;)&lt;/script&gt;"),
                        ("briefs/council-script-alert-f1-script-agrees-on-the-budget",
                         "Council &lt;script&gt;alert(&#x27;f1&#x27;)&lt;/script&gt;")):
        html = (root / "site" / page / "index.html").read_text("utf-8")
        assert f"<h1>{shown}" in html or f">{shown} agrees" in html


def test_check_names_the_live_code_an_editor_wrote_which_the_build_removes(project) -> None:
    """A script or a ``javascript:`` link in a page an editor writes never runs (the
    build removes it); ``briefs check`` says where it was, so the editor knows the link
    is gone. Code shown as code is no such thing."""
    root = project()
    page = root / "docs" / "contact.md"
    page.write_text("---\ntitle: Contact\n---\n\nTo use `<script>` tags, see below.\n\n"
                    "Write to [the desk](javascript:alert('e1')).\n\n"
                    "<script>alert('e2')</script>\n", "utf-8")
    checked = run_briefs(root, "check")
    assert checked.returncode == 0
    assert lines(checked, "WARNING") == [
        "WARNING docs/contact.md: line 7: a javascript: link: the site removes it from the "
        "page (it runs no script; links go to http, https, mailto or the site's own pages)"]
    result = build(root)
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "contact" / "index.html").read_text("utf-8")
    assert "the desk" in html and "alert('e1')" not in html and "alert('e2')" not in html
    assert "&lt;script&gt;" in html  # the code shown as code
