"""RSS 2.0 and JSON Feed of the whole site and of each region and category, parsed."""

from __future__ import annotations

import datetime as dt
import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from briefs.site.catalog import Entry
from briefs.site.feeds import Feed, rss
from tests.browser.site_fixture import DRAFT_WORD, HOSTILE, build_fixture_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("feeds") / "project")


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def test_site_rss_is_valid_newest_first(site: Path) -> None:
    feed = parse(site / "feed.xml")
    assert feed.version == "rss20"
    assert feed.feed.title == "News briefs"
    titles = [e.title for e in feed.entries]
    assert titles == ["Convoy crosses the border at dawn",
                      "Harbour cranes return to the northern port",
                      "River levels fall after a dry winter", f"Headline {HOSTILE} test",
                      "الحكومة تعلن خطة جديدة لدعم المزارعين",
                      "政府宣布新计划支持受干旱影响的农民"]
    assert feed.entries[0].link == "http://127.0.0.1:8000/briefs/border-convoy/"
    assert feed.entries[0].published_parsed[:3] == (2026, 3, 9)
    assert feed.feed.updated_parsed[:3] == (2026, 3, 9)  # newest brief, not the clock


def check_json_feed(path: Path) -> dict[str, Any]:
    """The rules of JSON Feed 1.1 (feedparser 6.0 reads no JSON Feed)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(data["title"], str) and data["title"]
    for key in ("home_page_url", "feed_url"):
        assert data[key].startswith(("http://", "https://"))
    assert isinstance(data["items"], list)
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_text") or item.get("content_html"), str)
        assert item["url"].startswith(("http://", "https://"))
        published = dt.datetime.fromisoformat(item["date_published"])  # RFC 3339
        assert published.tzinfo is not None
        assert all(isinstance(tag, str) for tag in item.get("tags", []))
    return data


def test_site_json_feed_is_valid(site: Path) -> None:
    data = check_json_feed(site / "feed.json")
    assert data["feed_url"] == "http://127.0.0.1:8000/feed.json"
    assert data["items"][0]["id"] == "http://127.0.0.1:8000/briefs/border-convoy/"
    assert [i["date_published"][:4] for i in data["items"]] == ["2026"] * 4 + ["2025"] * 2
    assert [i.get("language") for i in data["items"][-3:]] == [None, "ar", "zh"]


def test_region_and_category_feeds(site: Path) -> None:
    iraq = parse(site / "regions" / "iraq" / "feed.xml")
    assert [e.title for e in iraq.entries] == ["Convoy crosses the border at dawn",
                                               "River levels fall after a dry winter"]
    economy = check_json_feed(site / "categories" / "economy" / "feed.json")
    assert len(economy["items"]) == 2
    assert "Region: Iraq" in (site / "regions" / "iraq" / "index.html").read_text("utf-8")
    listing = (site / "regions" / "iraq" / "index.html").read_text("utf-8")
    assert 'class="brief-feed" href="feed.xml"' in listing


def test_feeds_leave_out_drafts_and_keep_hostile_text_as_text(site: Path) -> None:
    for path in [*site.rglob("feed.xml"), *site.rglob("feed.json")]:
        text = path.read_text(encoding="utf-8")
        assert DRAFT_WORD not in text and "unpublished draft" not in text
    raw = (site / "feed.xml").read_text(encoding="utf-8")
    assert HOSTILE not in raw and "&#x3C;img src=x onerror=alert(1)&#x3E;" in raw
    assert not (site / "regions" / "atlantis").exists()


def test_every_feed_parses(site: Path) -> None:
    rss = sorted(site.rglob("feed.xml"))
    assert len(rss) == 1 + 4 + 4  # the site, 4 categories, 4 regions (drafts not counted)
    for path in rss:
        assert parse(path).entries
        check_json_feed(path.with_name("feed.json"))


def test_rss_titles_are_plain_text_given_back_exactly(site: Path) -> None:
    """A headline holding markup is text: an XML parser gives it back as written, and
    feedparser marks it text/plain; the description is HTML, the summary escaped in it."""
    raw = (site / "feed.xml").read_bytes()
    items = {item.findtext("title"): item for item in ET.fromstring(raw).iter("item")}
    hostile = items[f"Headline {HOSTILE} test"]
    assert html.unescape(hostile.findtext("description") or "") == \
        f"Summary with {HOSTILE} and <script>alert(2)</script>."
    (entry,) = [e for e in parse(site / "feed.xml").entries if "Headline" in e.title]
    assert entry.title == f"Headline {HOSTILE} test"
    assert entry.title_detail.type == "text/plain"


def test_rss_writes_amp_lt_gt_as_the_profiles_character_references() -> None:
    """The RSS Best Practices Profile: & and < in plain text as &#x26; and &#x3C; (and >
    as &#x3E;), the form most readers show as written (xml.etree wrote &amp; and &lt;,
    which readers that decode a named entity twice showed as & and as markup). A title
    that holds the text "&amp;" keeps it."""
    title = "Bill &amp; Ted <b>x</b> & AT&T > 1 <script>alert(1)</script>"
    summary = "1 < 2 & <script>alert(2)</script>"
    entry = Entry(url="briefs/a/", src_uri="briefs/a.md", title=title, date="2026-01-02",
                  summary=summary, meta={"categories": ["R&D <i>"]})
    raw = rss(Feed("Site & <Co>", "", "feed.xml", "feed.json", [entry]),
              "https://example.org/?a=1&b=2", "")
    for entity in (b"&amp;", b"&lt;", b"&gt;"):
        assert entity not in raw, entity
    assert b"<title>Bill &#x26;amp; Ted &#x3C;b&#x3E;x&#x3C;/b&#x3E; &#x26; AT&#x26;T" in raw
    channel = ET.fromstring(raw).find("channel")
    assert channel is not None and channel.findtext("title") == "Site & <Co>"
    item = channel.find("item")
    assert item is not None
    assert item.findtext("title") == title
    assert item.findtext("category") == "R&D <i>"
    assert item.findtext("link") == "https://example.org/?a=1&b=2/briefs/a/"
    assert html.unescape(item.findtext("description") or "") == summary
    parsed = feedparser.parse(raw)
    assert not parsed.bozo and parsed.entries[0].title == title
    assert parsed.entries[0].title_detail.type == "text/plain"
