"""The stored place index (briefs/data/gazetteer.json.gz) is what the gazetteer builds
from the pinned sources: regenerate it with ``python scripts/build_gazetteer.py``."""

from __future__ import annotations

from briefs.compose.gazetteer import build_places, dump_places, load_places


def test_stored_index_is_current() -> None:
    stored = load_places()
    assert stored is not None, "stored index missing or built from other sources"
    built = build_places()
    assert stored == built
    assert dump_places(stored) == dump_places(built)  # the file's bytes do not depend on order
