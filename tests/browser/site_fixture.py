"""A small site of hand-written briefs for the site and browser tests.

Each brief is a real Markdown file with front matter, built by the real ``briefs build``.
The set covers: every front-matter field the page shows, a unique word in one body, a
hostile title/summary/tag, a draft, an Arabic brief (read right to left), a Chinese one
(searched by a word inside its sentences), and shared regions and categories for
listings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import make_project
from tests.helpers import run_briefs

HOSTILE = '<img src=x onerror=alert(1)>'
UNIQUE_WORD = "quillwort"  # only in the body of the harbour brief
DRAFT_WORD = "marshmallowy"  # only in the draft

BRIEFS: dict[str, dict[str, Any]] = {
    "harbour-cranes": {
        "title": "Harbour cranes return to the northern port",
        "date": dt.date(2026, 3, 2), "summary": "The northern port reopened its cranes.",
        "key_points": ["Cranes are back in use, the port authority said.",
                       "Shipping lines plan to return in April."],
        "categories": ["Economy", "Europe"], "tags": ["ports"],
        "regions": ["Norway"], "places": ["Tromsø"], "organizations": ["Port Authority"],
        "people": ["Ingrid Berg"], "sources": ["Reuters"],
        "quotes": [{"text": "We are open again.", "speaker": "Ingrid Berg"}],
        "byline": "A. Writer", "site_name": "Example Times", "url": "https://example.org/a",
        "body": ["The port reopened on Monday after repairs.",
                 f"Engineers found {UNIQUE_WORD} growing in the old crane rails."],
    },
    "border-convoy": {
        "title": "Convoy crosses the border at dawn",
        "date": dt.date(2026, 3, 9), "summary": "A convoy of forty trucks crossed the border.",
        "categories": ["West Asia"], "regions": ["Iraq", "Syria"], "sources": ["SANA"],
        "body": ["Forty trucks crossed the border crossing early on Monday.",
                 "Local sources said the convoy headed to the oil fields."],
    },
    "river-levels": {
        "title": "River levels fall after a dry winter",
        "date": dt.date(2026, 2, 20), "summary": "Farmers worry about the harvest.",
        "categories": ["West Asia", "Environment"], "regions": ["Iraq"],
        "sources": ["Reuters", "AFP"],
        "body": ["The river is at its lowest level in a decade.",
                 "Farmers downstream said irrigation canals are dry."],
    },
    "hostile": {
        "title": f"Headline {HOSTILE} test", "date": dt.date(2026, 1, 15),
        "summary": f"Summary with {HOSTILE} and <script>alert(2)</script>.",
        "categories": ["Economy"], "tags": [HOSTILE], "regions": ["Norway"],
        "sources": [f"Agency {HOSTILE}"], "url": "javascript:alert(3)",
        "body": ["A plain paragraph about markets."],
    },
    "arabic-farmers": {
        "title": "الحكومة تعلن خطة جديدة لدعم المزارعين", "date": dt.date(2025, 12, 1),
        "lang": "ar", "summary": "أعلنت الحكومة يوم الخميس عن خطة جديدة لدعم المزارعين.",
        "key_points": ["وقال وزير الزراعة إن الخطة ستكلف نحو مليار دولار."],
        "categories": ["Environment"], "regions": ["Egypt"],
        "body": ["أعلنت الحكومة يوم الخميس عن خطة جديدة لدعم المزارعين المتضررين من الجفاف.",
                 "ورحبت نقابة المزارعين بالخطة."],
    },
    "chinese-farmers": {
        "title": "政府宣布新计划支持受干旱影响的农民", "date": dt.date(2025, 11, 1), "lang": "zh",
        "summary": "政府周四宣布了一项新计划，以支持受到干旱影响的农民。",
        "categories": ["Environment"], "regions": ["Egypt"],
        "body": ["政府周四宣布了一项新计划，以支持受到持续数月的干旱影响的农民。",
                 "农民协会对该计划表示欢迎。"],
    },
    "draft-brief": {
        "title": "An unpublished draft", "date": dt.date(2026, 3, 20), "draft": True,
        "summary": "Not for readers yet.", "categories": ["Secret"], "regions": ["Atlantis"],
        "body": [f"The {DRAFT_WORD} plan is not ready."],
    },
}


def write_brief(docs: Path, slug: str, fields: dict[str, Any]) -> Path:
    front = {k: v for k, v in fields.items() if k != "body"}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n"
    text += "\n\n".join(fields.get("body", [])) + "\n"
    path = docs / "briefs" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build_fixture_site(root: Path, extra: int = 0) -> Path:
    """A project with ``BRIEFS`` (plus ``extra`` plain briefs), built; the site folder."""
    make_project(root)
    for slug, fields in BRIEFS.items():
        write_brief(root / "docs", slug, fields)
    for i in range(extra):
        write_brief(root / "docs", f"filler-{i:03d}", {
            "title": f"Filler brief number {i}", "date": dt.date(2025, 6, 1)
            + dt.timedelta(days=i), "summary": f"Filler {i}.", "categories": ["Filler"],
            "regions": ["Iceland"], "body": [f"Filler text {i}."]})
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"
