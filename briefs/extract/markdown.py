"""Extract an article from a Markdown seed with YAML front matter."""

from __future__ import annotations

import re

import yaml

from briefs.clean import blocks
from briefs.errors import SeedError
from briefs.extract.dates import parse_date
from briefs.record import Brief

_FRONT = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)


def extract_markdown(text: str, shown: str) -> Brief:
    """Title and fields from front matter, paragraphs from the rest."""
    meta: dict[str, object] = {}
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise SeedError(shown, f"front matter: {exc}") from exc
        if not isinstance(loaded, dict):
            raise SeedError(shown, "front matter must be a mapping")
        meta = loaded
        text = text[match.end():]
    paragraphs = [" ".join(blocks(p)) for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = meta.get("title")
    if not title and paragraphs and paragraphs[0].startswith("# "):
        title = paragraphs.pop(0)[2:].strip()

    def text_or_none(key: str) -> str | None:
        value = meta.get(key)
        return str(value) if value not in (None, "") else None

    def strings(key: str) -> tuple[str, ...]:
        value = meta.get(key) or ()
        return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)

    return Brief(
        title=str(title) if title else None,
        body=tuple(paragraphs),
        date=parse_date(meta.get("date")),
        byline=text_or_none("byline") or text_or_none("author"),
        categories=strings("categories"),
        tags=strings("tags"),
        description=text_or_none("description") or text_or_none("summary"),
        site_name=text_or_none("site_name"),
        url=text_or_none("url"),
        lang=text_or_none("lang"),
    )
