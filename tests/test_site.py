"""The built site's listings, head metadata, sitemap and search index (no browser).

One real ``briefs build`` of the hand-written fixture briefs (plus 60 filler briefs so
that listings paginate) serves every test in this module.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefs.site.listings import PER_PAGE
from briefs.site.pages import cjk_terms
from tests.browser.site_fixture import DRAFT_WORD, HOSTILE, build_fixture_site

FILLER = 60
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("site") / "project", extra=FILLER)


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_listing_pages_exist_with_counts_newest_first(site: Path) -> None:
    total = 6 + FILLER  # the draft is not published
    latest = read(site, "latest/index.html")
    assert f"{total} briefs, newest first." in latest
    assert latest.count('class="brief-item"') == PER_PAGE
    second = read(site, "latest/2/index.html")
    assert second.count('class="brief-item"') == total - PER_PAGE
    assert 'rel="prev"' in second and "Page 2 of 2" in second
    first_titles = re.findall(r'class="brief-item__title" dir="auto" href="[^"]*">([^<]*)<',
                              latest)
    assert first_titles[:3] == ["Convoy crosses the border at dawn",
                                "Harbour cranes return to the northern port",
                                "River levels fall after a dry winter"]
    iraq = read(site, "regions/iraq/index.html")
    assert "2 briefs, newest first." in iraq
    assert iraq.index("Convoy crosses") < iraq.index("River levels fall")
    regions = read(site, "regions/index.html")
    assert re.search(r'href="iraq/">Iraq</a> <span class="brief-count">2</span>', regions)
    assert "Atlantis" not in regions  # only a draft names it
    for rel in ("archive/index.html", "archive/2026-03/index.html", "categories/economy/index.html",
                "sources/reuters/index.html", "tags/ports/index.html", "search/index.html"):
        assert (site / rel).is_file(), rel
    assert "Briefs of March 2026" in read(site, "archive/2026-03/index.html")


def test_listings_are_not_written_into_docs(site: Path) -> None:
    docs = site.parent / "docs"
    names = sorted(p.name for p in docs.iterdir() if not p.name.startswith("."))
    assert names == ["assets", "briefs", "index.md"]


def test_brief_page_shows_the_brief_with_links_and_folded_text(site: Path) -> None:
    page = read(site, "briefs/harbour-cranes/index.html")
    body = page[page.index('<div class="brief" data-pagefind-body>'):]
    order = ["<h1", "2026-03-02", "A. Writer", "The northern port reopened its cranes.",
             "Key points", "Cranes are back in use", "Norway", "Tromsø", "Economy", "Reuters",
             "Ingrid Berg", "We are open again.", "<details", "Engineers found"]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert 'href="../../regions/norway/" data-pagefind-filter="region">Norway</a>' in body
    assert 'href="../../categories/economy/" data-pagefind-filter="category">' in body
    assert 'href="../../sources/reuters/" data-pagefind-filter="source">Reuters</a>' in body
    assert 'data-pagefind-sort="date:2026-03-02"' in body
    assert "<details" in body and "<details open" not in body


def test_open_graph_and_news_article_json_ld(site: Path) -> None:
    page = read(site, "briefs/harbour-cranes/index.html")
    head = page[:page.index("</head>")]
    assert '<meta property="og:type" content="article">' in head
    assert '<meta property="og:title" content="Harbour cranes return to the northern port">' in head
    assert 'rel="alternate feed" type="application/rss+xml"' in head
    (raw,) = LD_JSON.findall(head)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Harbour cranes return to the northern port"
    assert data["datePublished"] == "2026-03-02"
    assert data["author"] == [{"@type": "Person", "name": "A. Writer"}]
    assert data["isBasedOn"]["url"] == "https://example.org/a"
    assert data["url"].endswith("/briefs/harbour-cranes/")


def test_hostile_values_are_text_everywhere(site: Path) -> None:
    for rel in ("briefs/hostile/index.html", "index.html", "latest/index.html",
                "tags/index.html", "regions/norway/index.html"):
        page = read(site, rel)
        assert HOSTILE not in page, rel
        assert "<script>alert(2)" not in page, rel
    page = read(site, "briefs/hostile/index.html")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert(3)" not in page
    (raw,) = LD_JSON.findall(page)
    assert "<" not in raw and ">" not in raw
    assert json.loads(raw)["headline"] == f"Headline {HOSTILE} test"


def test_sitemap_lists_published_pages_with_brief_dates(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}
    brief = next(u for u in urls if u and u.endswith("/briefs/harbour-cranes/"))
    assert urls[brief] == "2026-03-02"
    assert any(u and u.endswith("/regions/iraq/") for u in urls)
    assert not any(u and "draft-brief" in u for u in urls)


def test_drafts_are_absent_from_site_and_search(site: Path) -> None:
    assert not (site / "briefs" / "draft-brief").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert DRAFT_WORD not in text and "An unpublished draft" not in text, path


def test_search_indexes_the_brief_pages_only(site: Path) -> None:
    entry = json.loads(read(site, "pagefind/pagefind-entry.json"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 6 + FILLER
    for rel in ("index.html", "latest/index.html", "regions/iraq/index.html"):
        assert "data-pagefind-body" not in read(site, rel)


def test_charts_are_inline_svg_without_outside_references(site: Path) -> None:
    home = read(site, "index.html")
    charts = re.findall(r'<figure class="brief-chart.*?</figure>', home, re.DOTALL)
    assert len(charts) == 2
    assert "Briefs per country: Iceland 60, Egypt 2, Iraq 2, Norway 2, Syria 1" in charts[0]
    for chart in charts:
        assert "<svg" in chart and "http" not in chart.replace(
            'xmlns="http://www.w3.org/2000/svg"', "")
    assert re.findall(r'src="(https?:[^"]*)"', home) == []
    assert re.findall(r'<link rel="stylesheet" href="(https?:[^"]*)"', home) == []


def test_brief_page_does_not_repeat_a_tag_shown_in_another_facet() -> None:
    from briefs.site import catalog as cat
    from briefs.site.pages import brief_html

    meta = {"title": "T", "date": "2026-03-01", "regions": ["Iraq"],
            "organizations": ["Popular Mobilization Units (PMU)"],
            "tags": ["iraq", "PMU", "convoy"]}
    page = brief_html(meta, "<p>text</p>", cat.build([]), "briefs/t/", indexed=True)
    tags = re.search(r"Tags</dt>\s*<dd>(.*?)</dd>", page, re.S)
    assert tags is not None
    assert "convoy" in tags.group(1)
    assert "iraq" not in tags.group(1).lower() and "PMU" not in tags.group(1)
    assert "Popular Mobilization Units (PMU)" in page and ">Iraq<" in page


def test_cjk_terms_are_the_overlapping_pairs_of_chinese_and_japanese_text() -> None:
    assert cjk_terms("受干旱影响", "<p>国会が</p>", "No CJK here") == \
        "受干 干旱 旱影 影响 国会 会が"
    assert cjk_terms("Only Latin text", "مرحبا") == ""
