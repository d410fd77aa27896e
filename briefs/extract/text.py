"""Extract an article from a text page dump (one block per line, junk included).

The dump's shape: navigation and a breadcrumb line (links run together, as in
``North AmericaSyriaWest Asia``), the headline, maybe a standfirst, byline and
dateline, the body paragraphs, then page junk (``Back to top button``, share and
related lists, copyright lines).
"""

from __future__ import annotations

import re

from briefs.clean import blocks
from briefs.record import Brief

JUNK = re.compile(
    r"^(back to top( button)?|share( this)?( article| story)?|tweet|print|email|"
    r"skip to (main )?content|advertisement|related( articles| posts)?|read more|"
    r"comments?|subscribe|sign in|log in|menu|search|follow us.*|"
    r"(copyright|©|\(c\)).*|all rights reserved.*)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")
_RUN_TOGETHER = re.compile(r"(?<=[a-z\u00e0-\u00ff])(?=[A-Z\u00c0-\u00de])")


def words(block: str) -> int:
    return len(block.split())


def is_junk(block: str) -> bool:
    return bool(JUNK.match(block.strip()))


def split_breadcrumb(block: str) -> list[str]:
    """``North AmericaSyriaWest Asia`` -> ``[North America, Syria, West Asia]``."""
    parts = re.split(r"\s*[›»>/|·•]\s*", block)
    out: list[str] = []
    for part in parts:
        out.extend(p.strip() for p in _RUN_TOGETHER.split(part) if p.strip())
    return out


def looks_like_headline(block: str) -> bool:
    n = words(block)
    return 3 <= n <= 30 and not is_junk(block)


def looks_like_paragraph(block: str) -> bool:
    return words(block) >= 12 or (words(block) >= 6 and bool(_SENTENCE_END.search(block)))


def extract_text(text: str) -> Brief:
    """Headline, breadcrumb categories and body paragraphs from a cleaned page dump."""
    items = [b for b in blocks(text) if not is_junk(b)]
    head = -1
    for i, block in enumerate(items):
        if looks_like_headline(block) and not _SENTENCE_END.search(block):
            following = items[i + 1 : i + 3]
            if following and looks_like_paragraph(following[0]) \
                    and words(following[0]) > max(words(block), 15):
                head = i
                break
    if head < 0:
        return Brief()
    categories: list[str] = []
    if head > 0:
        crumb = items[head - 1]
        if words(crumb) <= 12 and not _SENTENCE_END.search(crumb):
            categories = split_breadcrumb(crumb)
    body = [b for b in items[head + 1 :] if looks_like_paragraph(b)]
    return Brief(title=items[head], body=tuple(body), categories=tuple(categories))
