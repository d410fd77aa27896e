"""The reader's site as QA saw it in a browser: search excerpts without the dateline."""

from __future__ import annotations

from tests.reliability.kit import PARA, build, text_seed
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
