"""Stage 3, extract: take the article out of a seed, by kind.

Metadata comes from layered sources; later layers win:

1. the page itself (text dump, HTML page or Markdown front matter);
2. the sidecar ``x.yml`` beside the seed (what the text cannot say);
3. for the date only, when neither gave one: a date in the seed's file name
   (``2021-06-28-x.txt``), else ``SOURCE_DATE_EPOCH``, else today; ``date_source``
   records which, so ``briefs check`` can list briefs that need an editor's date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import TypeVar

from briefs.clean import clean_line, clean_text
from briefs.errors import SeedError
from briefs.extract import langscript
from briefs.extract.dates import parse_date
from briefs.extract.html import extract_html
from briefs.extract.html.page import MAX_ELEMENTS, TooDeep, TooMany
from briefs.extract.json_seed import extract_json
from briefs.extract.markdown import (
    chosen_name,
    extract_markdown,
    field_value,
    front_matter_article,
    has_front_matter,
)
from briefs.extract.text import extract_text, from_markdown
from briefs.read import MAX_BYTES, MB, SIDECAR_ALIASES, Seed
from briefs.record import (
    Brief,
    as_flag,
    as_text,
    as_texts,
    lang_code,
    show_value,
    shown_date,
    web_address,
)
from briefs.yaml_load import SURROGATE

T = TypeVar("T")


def extract(seed: Seed) -> tuple[Brief, list[str]]:
    """The brief's raw material from ``seed``, and notes (warnings) about it.

    Raises ``SeedError`` when the seed has no headline or no article text.
    """
    try:
        brief, notes = _by_kind(seed)
    except TooDeep as exc:  # (Markdown's raw HTML is parsed too)
        raise SeedError(seed.path, "elements nested over 2048 deep; the HTML parser "
                        "cannot read the page") from exc
    except TooMany as exc:
        raise SeedError(seed.path, f"{exc.count} HTML elements, over the {MAX_ELEMENTS} "
                        "a page is read with; refused") from exc
    text_bytes = sum(len(p.encode("utf-8", "surrogatepass")) + 1 for p in brief.body)
    if text_bytes > MAX_BYTES:  # (a JSON or HTML seed may be larger than its text)
        raise SeedError(seed.path, f"article text of {text_bytes / MB:.1f} MB exceeds the "
                        f"{MAX_BYTES // MB} MB limit of a text seed")
    brief = _without_surrogates(brief, notes)
    if brief.date is not None:
        brief = brief.replace(date_source="article")
    if brief.url is None and seed.saved_from:
        brief = brief.replace(url=seed.saved_from)  # where the browser saved it from
    if brief.url is not None and not web_address(brief.url):
        # a page's canonical or og:url that is relative, or a javascript: link
        notes.append(f"url: {show_value(brief.url)} is not a web address; left out")
        brief = brief.replace(url=None)
    if brief.lang is not None:
        brief = brief.replace(lang=lang_code(brief.lang))  # "en_US" -> "en-US"; a bad one out
    if brief.lang is not None and not langscript.fits(brief.lang, brief.body):
        notes.append(f"lang: the page declares {brief.lang!r}, not the script of its "
                     "text; detected from the text instead")
        brief = brief.replace(lang=None)
    brief = apply_sidecar(brief, seed)
    if not brief.body:  # first: without a text there is no headline to look for either
        raise SeedError(seed.path, "no article text found")
    if not brief.title:
        raise SeedError(seed.path, "no headline found")
    if brief.date is None:
        brief = brief.replace(**fallback_date(seed.path))
    brief = _bounded(brief, notes)
    return brief.replace(seed=seed.path), notes


def _without_surrogates(brief: Brief, notes: list[str]) -> Brief:
    """``brief`` without lone surrogates (a JSON seed's ``"\\ud800"``: half of a
    character, which no UTF-8 file can hold and the site's YAML reader refuses)."""
    changes: dict[str, object] = {}
    for key, value in brief.front_matter().items():
        if isinstance(value, str) and SURROGATE.search(value):
            changes[key] = SURROGATE.sub("", value)
        elif isinstance(value, list) and any(isinstance(v, str) and SURROGATE.search(v)
                                             for v in value):
            changes[key] = tuple(SURROGATE.sub("", v) if isinstance(v, str) else v
                                 for v in value)
    if any(SURROGATE.search(p) for p in brief.body):
        changes["body"] = tuple(SURROGATE.sub("", p) for p in brief.body)
    for key in changes:
        notes.append(f"{key}: lone surrogates (halves of a character) removed")
    return brief.replace(**changes) if changes else brief


# The most a field of a brief holds: a page's (or a sidecar's) value past these is no
# headline, byline or list of tags but a fault of the page, and would make a brief of
# megabytes (a JSON seed of 100,000 authors gave a 1.9 MB brief).
MAX_CHARS = {"title": 300, "byline": 300, "site_name": 120, "summary": 2000,
             "description": 2000}
MAX_ITEMS, MAX_ITEM_CHARS = 50, 100  # categories, tags
MAX_URL = 2048


def _bounded(brief: Brief, notes: list[str]) -> Brief:
    """``brief`` with each field within its bounds; a note for each one cut."""
    changes: dict[str, object] = {}
    for key, most in MAX_CHARS.items():
        value = getattr(brief, key)
        if isinstance(value, str) and len(value) > most:
            changes[key] = _cut(value, most)
            notes.append(f"{key}: {len(value)} characters, cut to {most}")
    for key in ("categories", "tags"):
        items = getattr(brief, key) or ()
        if len(items) > MAX_ITEMS or any(len(item) > MAX_ITEM_CHARS for item in items):
            changes[key] = tuple(_cut(item, MAX_ITEM_CHARS) for item in items[:MAX_ITEMS])
            notes.append(f"{key}: {len(items)} items, kept the first {MAX_ITEMS}, each at "
                         f"most {MAX_ITEM_CHARS} characters")
    if brief.url is not None and len(brief.url) > MAX_URL:
        changes["url"] = None
        notes.append(f"url: {len(brief.url)} characters, over {MAX_URL}; left out")
    return brief.replace(**changes) if changes else brief


def _cut(text: str, most: int) -> str:
    """``text`` cut to at most ``most`` characters, at a space when one is near, with an
    ellipsis."""
    if len(text) <= most:
        return text
    head = text[: most - 1]
    space = head.rfind(" ")
    if space > most // 2:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + "…"


# A Markdown seed opening with "---" and a "field:" line: a front matter, closed or not.
_FRONT_OPENED = re.compile(r"---[ \t]*\n[\w-]+:")


def _by_kind(seed: Seed) -> tuple[Brief, list[str]]:
    if seed.kind == "html":
        return extract_html(seed.text), []
    if seed.kind == "json":
        return extract_json(seed.text, seed.path), []
    text, notes = clean_text(seed.text)
    # (the front matter's YAML is read with its indentation; a dump that merely opens
    # with a rule of dashes is read with its lines stripped)
    framed = clean_text(seed.text, front_matter=True)[0] if text.startswith("---") else text
    if seed.kind == "markdown" and _FRONT_OPENED.match(text) and not has_front_matter(text):
        raise SeedError(seed.path, "front matter opened by '---' on line 1 is never closed "
                        "by a '---' line")
    if seed.kind == "markdown" and (has_front_matter(text)
                                    or not from_markdown.scraped_page(text)):
        return extract_markdown(framed, seed.path), notes
    if seed.kind == "text" and front_matter_article(framed):
        return extract_markdown(framed, seed.path, lines_are_paragraphs=True), notes
    if seed.kind == "markdown" or from_markdown.reads_as_markdown(text):
        return from_markdown_page(text), notes  # a page a scraper saved as Markdown
    return extract_text(text), notes


def from_markdown_page(text: str) -> Brief:
    """A whole page saved as Markdown, read as its dump; a reader's header (``URL
    Source:``, ``Published Time:``, ``Title:``) fills what the page's lines do not."""
    dump, header = from_markdown.as_dump(text)
    brief = extract_text(dump)
    return brief.replace(url=brief.url or header.url, date=header.date or brief.date,
                         title=brief.title or header.title)


def apply_sidecar(brief: Brief, seed: Seed) -> Brief:
    """Sidecar fields win over what the page says."""
    side = seed.sidecar
    if not side:
        return brief
    changes: dict[str, object] = {}

    def given(key: str, read: Callable[[object], T]) -> T | None:
        return field_value(side, key, read, _sidecar_name(seed))

    def line(key: str, text: str) -> str:
        cleaned = clean_line(text)
        if not cleaned:  # (zero-width spaces alone): it would blank the page's own value
            raise SeedError(_sidecar_name(seed), f"no visible text in {show_value(text)}",
                            field=key)
        return cleaned

    for key in ("title", "byline", "site_name", "url", "lang", "summary", "description"):
        written = _written(side, key, _sidecar_name(seed))
        text = given(written, as_text)
        if text is not None:  # (an editor's summary wins over the drafted one)
            changes[key] = line(written, text)
    if "url" in changes and not web_address(str(changes["url"])):
        raise SeedError(_sidecar_name(seed), "not a web address (http:// or https://): "
                        f"{show_value(side['url'])}", field="url")
    if "lang" in changes:
        code = lang_code(str(changes["lang"]))
        if code is None:
            raise SeedError(_sidecar_name(seed), "not a language code such as en or pt-BR: "
                            f"{show_value(side['lang'])}", field="lang")
        changes["lang"] = code
    for key in ("categories", "tags"):
        items = given(key, as_texts)
        if items:
            changes[key] = tuple(cleaned for cleaned in map(clean_line, items) if cleaned)
    draft = given("draft", as_flag)
    if draft is not None:
        changes["draft"] = True if draft else None
    if "date" in side:
        day = parse_date(side["date"])
        if day is None:
            raise SeedError(_sidecar_name(seed),
                            f"expected YYYY-MM-DD, got {shown_date(side['date'])}", field="date")
        changes["date"], changes["date_source"] = day, "sidecar"
    return brief.replace(**changes) if changes else brief


def _written(side: dict[str, object], key: str, shown: str) -> str:
    """The name ``side`` gives the field ``key`` (``chosen_name``, with the sidecar's
    alias for it, if any)."""
    alias = next((a for a, field in SIDECAR_ALIASES.items() if field == key), None)
    return chosen_name(side, key, alias, shown)


def _sidecar_name(seed: Seed) -> str:
    return seed.sidecar_shown or str(PurePath(seed.path).with_suffix(".yml"))


def fallback_date(shown: str) -> dict[str, object]:
    """A defensible date when the article gives none, and where it came from."""
    from_name = parse_date(PurePath(shown).name)
    if from_name is not None:
        return {"date": from_name, "date_source": "filename"}
    return {"date": today(), "date_source": "converted"}


def today() -> dt.date:
    """The day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
