"""The preview re-renders only the listings a change touches, yet every listing stays right:
a changed seed's listings show the change, a listing it does not touch is still served as
it was, and a brief taken off the site leaves every listing (and its page goes)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from briefs.bench.synth import write_seeds
from briefs.site.catalog import front_matter, slugify, text_list
from tests.helpers import fetch, run_briefs, serving, wait_for

FACETS = ("regions", "categories", "tags", "sources")


def briefs_of(root: Path) -> dict[str, dict[str, object]]:
    """Each brief's front matter by its URL (``briefs/<slug>/``)."""
    out = {}
    for path in sorted((root / "docs" / "briefs").glob("*.md")):
        meta = front_matter(path.read_text(encoding="utf-8"))
        assert meta is not None, path
        out[f"briefs/{path.stem}/"] = meta
    return out


def listing_urls(meta: dict[str, object]) -> set[str]:
    """The facet listings a brief is on (the synthetic values have distinct slugs)."""
    return {f"{key}/{slugify(value)}/" for key in FACETS for value in text_list(meta.get(key))}


def article(html: str) -> str:
    """The page's content, without the live-reload script the server adds to every page."""
    start = html.index("<article")
    return html[start:html.index("</article>", start)]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def headline(text: str) -> str:
    return next(line for line in text.split("\n\n") if "after talks in" in line)


@pytest.mark.slow
def test_changed_seed_updates_its_listings_and_leaves_others(
        project: Callable[..., Path]) -> None:
    root = project()
    seeds = write_seeds(root / "seeds", 8)
    with serving(root) as (proc, base):
        assert wait_for(lambda: "Latest briefs" in fetch(base), 60), "home page never served"
        briefs = briefs_of(root)
        changed = seeds[3]
        old_title = headline(changed.text)
        url, meta = next((u, m) for u, m in briefs.items() if m["title"] == old_title)
        on = listing_urls(meta) | {"latest/", f"archive/{str(meta['date'])[:7]}/"}
        others = set().union(*(listing_urls(m) for u, m in briefs.items() if u != url)) - on
        assert others, "every listing holds the changed brief: nothing to compare"
        for listing in sorted(on):
            assert old_title in fetch(base + listing), listing
        before = {listing: article(fetch(base + listing)) for listing in sorted(others)}

        new_title = "Harbour cranes return after talks in Quietport"
        (root / "seeds" / changed.name).write_text(changed.text.replace(old_title, new_title),
                                                    encoding="utf-8")
        assert wait_for(lambda: new_title in fetch(base + url), 30), "brief page not updated"
        for listing in sorted(on):
            assert wait_for(lambda li=listing: new_title in fetch(base + li), 10), listing
            assert old_title not in fetch(base + listing), listing
        assert new_title in fetch(base)
        for listing, content in before.items():
            assert article(fetch(base + listing)) == content, f"{listing} changed"
    assert "Traceback" not in (proc.stdout.read() if proc.stdout else "")


@pytest.mark.slow
def test_removed_briefs_leave_the_listings(project: Callable[..., Path]) -> None:
    root = project()
    seeds = write_seeds(root / "seeds", 8)
    with serving(root) as (proc, base):
        assert wait_for(lambda: "Latest briefs" in fetch(base), 60), "home page never served"
        briefs = briefs_of(root)
        counts: dict[str, int] = {}
        for meta in briefs.values():
            for listing in listing_urls(meta):
                counts[listing] = counts.get(listing, 0) + 1
        # One brief deleted by an editor: the one with a listing of its own.
        deleted, deleted_meta = next((u, m) for u, m in briefs.items()
                                     if any(counts[li] == 1 for li in listing_urls(m)))
        alone = next(li for li in sorted(listing_urls(deleted_meta)) if counts[li] == 1)
        shared = sorted(li for li in listing_urls(deleted_meta) if counts[li] > 1)
        # One brief withdrawn with `briefs remove` (it becomes a draft).
        withdrawn, withdrawn_meta = next((u, m) for u, m in briefs.items() if u != deleted)
        seed = next(s for s in seeds if headline(s.text) == withdrawn_meta["title"])
        gone = [str(deleted_meta["title"]), str(withdrawn_meta["title"])]
        kept = [str(m["title"]) for u, m in briefs.items() if u not in (deleted, withdrawn)]
        assert status(base + alone) == 200 and gone[0] in fetch(base + alone)
        assert all(title in fetch(base + "latest/") for title in gone)

        # Deleted with its seed (a brief whose seed is still there is written again).
        deleted_seed = next(s for s in seeds if headline(s.text) == deleted_meta["title"])
        (root / "seeds" / deleted_seed.name).unlink()
        (root / "docs" / (deleted.rstrip("/") + ".md")).unlink()
        # (the server converts after the seed's deletion; while it does, another run
        # is refused at once with exit 3, as an editor would see, and tries again)
        deadline = time.monotonic() + 30
        while True:
            done = run_briefs(root, "remove", f"seeds/{seed.name}")
            if done.returncode != 3 or time.monotonic() > deadline:
                break
            assert "another run in progress" in done.stderr, done.stderr
            time.sleep(0.2)
        assert done.returncode == 0, done.stdout + done.stderr

        def off_listings() -> bool:
            latest = fetch(base + "latest/")
            return not any(title in latest for title in gone)

        assert wait_for(off_listings, 30), "removed briefs still listed on latest/"
        for page in ["", *shared, f"archive/{str(deleted_meta['date'])[:7]}/"]:
            text = fetch(base + page)
            assert not any(title in text for title in gone), page or "home page"
        latest = fetch(base + "latest/")
        assert all(title in latest for title in kept), "a brief still published left latest/"
        assert status(base + deleted) == 404, "the deleted brief's page is still served"
        assert status(base + alone) == 404, "a listing left without briefs is still served"
        assert status(base + withdrawn) == 200, "a withdrawn brief stays in the preview"

        other = next(s for s in seeds if headline(s.text) in kept)  # one more rebuild
        new_title = "Harbour cranes return after talks in Quietport"
        (root / "seeds" / other.name).write_text(
            other.text.replace(headline(other.text), new_title), encoding="utf-8")
        assert wait_for(lambda: new_title in fetch(base + "latest/"), 30)
        assert status(base + withdrawn) == 200, "a withdrawn brief left the preview"
        assert "DRAFT" in fetch(base + withdrawn)
        assert not any(title in fetch(base + "latest/") for title in gone)
    assert "Traceback" not in (proc.stdout.read() if proc.stdout else "")
