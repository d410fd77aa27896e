"""The reader's site in Debian's chromium: pages, search, filters, feeds, accessibility.

The ``page`` fixture fails a test on any JavaScript error, alert dialog or request that
leaves 127.0.0.1 (tests/browser/conftest.py).
"""

from __future__ import annotations

from typing import Any

import feedparser
import pytest

from tests.browser.site_fixture import DRAFT_WORD, HOSTILE, UNIQUE_WORD

pytestmark = pytest.mark.browser


def test_home_page_and_a_brief(page: Any, base_url: str) -> None:
    page.goto(base_url)
    assert page.locator("h1").first.inner_text() == "News briefs"
    assert page.locator("figure.brief-chart svg").count() == 2
    items = page.locator("ul.brief-list a.brief-item__title")
    assert items.first.inner_text() == "Convoy crosses the border at dawn"
    page.get_by_role("link", name="Harbour cranes return to the northern port").click()
    page.wait_for_url(base_url + "briefs/harbour-cranes/")
    brief = page.locator("div.brief")
    assert "The northern port reopened its cranes." in brief.locator(".brief-summary").inner_text()
    assert brief.locator("ul.brief-points li").count() == 2
    article = brief.locator("details.brief-article")
    assert not article.locator("p").first.is_visible()  # folded away
    article.locator("summary").click()
    assert article.get_by_text("The port reopened on Monday").is_visible()
    brief.get_by_role("link", name="Norway").click()
    page.wait_for_url(base_url + "regions/norway/")
    assert page.locator("h1").inner_text() == "Region: Norway"


def test_search_a_body_word_from_another_brief_and_open_the_hit(page: Any,
                                                                base_url: str) -> None:
    page.goto(base_url + "briefs/border-convoy/")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill(UNIQUE_WORD)
    hits = page.locator(".md-search-result__list a.md-search-result__link h1")
    hits.first.wait_for()
    assert hits.all_inner_texts() == ["Harbour cranes return to the northern port"]
    assert UNIQUE_WORD in page.locator(".md-search-result mark").first.inner_text()
    hits.first.click()
    page.wait_for_url(base_url + "briefs/harbour-cranes/")
    assert page.locator("h1").inner_text() == "Harbour cranes return to the northern port"


def test_drafts_are_not_found(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator(".md-search__input").fill(DRAFT_WORD)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('No matching')")
    assert page.locator(".md-search-result__list h1").count() == 0


def test_search_page_region_filter(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "search/")
    page.wait_for_selector("form[data-ready=true]")
    status = page.locator(".brief-search__status")
    titles = page.locator(".brief-search__results a.brief-hit__title")
    page.get_by_label("Region").select_option("Iraq")
    expect(status).to_have_text("2 matching briefs")
    expect(titles).to_have_text(["Convoy crosses the border at dawn",
                                 "River levels fall after a dry winter"])
    assert "region=Iraq" in page.url
    page.get_by_label("Words").fill("farmers")
    page.get_by_role("button", name="Search").click()
    expect(status).to_have_text("1 matching brief")
    expect(titles).to_have_text(["River levels fall after a dry winter"])
    page.get_by_label("From").fill("2026-03-01")
    expect(status).to_have_text("No matching briefs.")
    expect(titles).to_have_count(0)


def test_follow_a_feed_link(page: Any, base_url: str) -> None:
    page.goto(base_url + "regions/iraq/")
    link = page.locator("a.brief-feed", has_text="RSS")
    href = link.get_attribute("href")
    with page.expect_response(lambda r: r.url.endswith("/regions/iraq/feed.xml")) as info:
        link.click()
    response = info.value
    assert response.status == 200 and href == "feed.xml"
    feed = feedparser.parse(response.body())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Convoy crosses the border at dawn",
                                               "River levels fall after a dry winter"]


def test_hostile_values_stay_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "briefs/hostile/")
    assert HOSTILE in page.locator("div.brief h1").inner_text()
    assert page.locator("img[onerror]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.locator(".md-search__input").fill("markets")
    page.locator(".md-search-result__list h1").first.wait_for()
    assert HOSTILE in page.locator(".md-search-result__list h1").first.inner_text()
    assert page.locator("img[onerror]").count() == 0


@pytest.mark.parametrize("path", ["", "briefs/harbour-cranes/", "search/?region=Iraq",
                                  "regions/", "regions/iraq/", "archive/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(page: Any, base_url: str, path: str,
                                             scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + path)
    if path.startswith("search/"):
        page.wait_for_selector("form[data-ready=true]")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"]
               if v.get("impact") in ("serious", "critical")]
    assert serious == [], results.generate_report()


def test_readable_on_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    try:
        tab = context.new_page()
        for path in ("", "briefs/harbour-cranes/", "search/"):
            tab.goto(base_url + path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path or 'home'} scrolls sideways ({width}px)"
    finally:
        context.close()


def test_an_arabic_brief_reads_right_to_left_in_its_listing_and_page(page: Any,
                                                                     base_url: str) -> None:
    page.goto(base_url + "regions/egypt/")
    title = page.locator("a.brief-item__title").first
    assert title.evaluate("el => getComputedStyle(el).direction") == "rtl"
    title.click()
    page.wait_for_url(base_url + "briefs/arabic-farmers/")
    brief = page.locator("div.brief")
    for part in ("h1", ".brief-summary", "ul.brief-points", "div.brief-text"):
        element = brief.locator(part)
        assert element.evaluate("el => getComputedStyle(el).direction") == "rtl", part
        assert element.get_attribute("lang") == "ar", part
    # the page's own labels stay left to right
    label = brief.locator("h2#key-points")
    assert label.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_a_word_inside_a_chinese_sentence_finds_its_brief(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("干旱")  # "drought", inside the headline
    hits = page.locator(".md-search-result__list a.md-search-result__link h1")
    hits.first.wait_for()
    assert hits.all_inner_texts() == ["政府宣布新计划支持受干旱影响的农民"]
    # the snippet is the brief's summary, not the index's character pairs
    snippet = page.locator(".md-search-result__list .brief-hit__excerpt").first.inner_text()
    assert snippet == "政府周四宣布了一项新计划，以支持受到干旱影响的农民。"
    # the pairs are for the index only: no reader sees them
    page.goto(base_url + "briefs/chinese-farmers/")
    assert not page.locator("p.brief-terms").is_visible()
