"""The reader's site as QA saw it in a browser: search excerpts without the dateline."""

from __future__ import annotations

import gzip

from tests.reliability.kit import PARA, article, build, lines, text_seed
from tests.xss_oracle import pagefind_records


def test_search_excerpt_does_not_repeat_the_date(project) -> None:
    """Every hit's excerpt read 'headline. 2023-11-14. The summary...': the date, shown
    beside the hit already, was indexed as article text. It stays the hit's date (meta),
    its sort key and its filter."""
    root = project()
    text_seed(root, "x", "Council agrees on the budget for next year", PARA,
              sidecar="date: 2023-11-14\n")
    assert build(root).returncode == 0
    [record] = pagefind_records(root / "site")
    assert "2023-11-14" not in str(record["content"])
    assert record["meta"]["date"] == "2023-11-14"  # type: ignore[index]
    assert record["meta"]["title"] == "Council agrees on the budget for next year"  # type: ignore[index]
    assert record["filters"]["day"] == ["2023-11-14"]  # type: ignore[index]


WORDS = {"last": "year-9999", "first": "year-one", "old": "in-1965"}


def test_briefs_dated_at_the_ends_of_the_calendar_still_build(project) -> None:
    """A brief dated 9999-12-31 (a typo an editor kept) stopped the whole build: the
    home page's weekly chart stepped past the calendar's last day, and MkDocs stamps
    the gzipped sitemap with the newest date as a 32-bit time. One of 0001-01-01 and an
    archive's of 1965 (before that time's epoch) with it: every page builds, each
    showing its own date, and the editor is told of the date to come."""
    root = project()
    text_seed(root, "last", "Council agrees on the budget for the year 9999", PARA,
              sidecar="date: 9999-12-31\n")
    text_seed(root, "first", "Harbour reopens after the storm of the year one",
              article(1), sidecar="date: 0001-01-01\n")
    text_seed(root, "old", "Ferry service starts across the bay in 1965", article(2),
              sidecar="date: 1965-03-01\n")
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    assert any(line.endswith("date: 9999-12-31 is after today; check it (set date_source: "
                             "editor to keep a date to come)") for line in lines(result, "WARNING"))
    site = root / "site"
    pages = {p.parent.name: p.read_text(encoding="utf-8")
             for p in (site / "briefs").glob("*/index.html")}
    assert len(pages) == 3
    for name, day in (("last", "9999-12-31"), ("first", "0001-01-01"), ("old", "1965-03-01")):
        (page,) = [text for slug, text in pages.items() if WORDS[name] in slug]
        assert day in page
    with gzip.open(site / "sitemap.xml.gz") as handle:
        assert b"<lastmod>2106-02-06</lastmod>" in handle.read()
