"""The one record passed between the stages, its fields declared once.

``Brief`` lists the front-matter fields in output order. Each field carries its
schema in ``metadata``: the YAML type, whether it is required, who owns it (the tool
drafts it, the editor may change it; ``seed`` and the counters are the tool's alone)
and a one-line description. The writer, the validator, the README table and the
tests all read ``FIELDS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


def _f(kind: str, doc: str, *, required: bool = False, owner: str = "tool, editor",
       default: Any = None, keys: tuple[str, ...] = ()) -> Any:
    meta = {"kind": kind, "required": required, "owner": owner, "doc": doc, "keys": keys}
    if default is None:
        return field(default=None, metadata=meta)
    return field(default_factory=default, metadata=meta)


@dataclass(frozen=True)
class Brief:
    """A news brief: front matter (the fields, in output order) plus ``body``."""

    title: str | None = _f("str", "Headline, exactly as published.", required=True)
    date: dt.date | None = _f("date", "Publication date, YYYY-MM-DD.", required=True)
    date_source: str | None = _f(
        "str", "Where the date came from: article, sidecar, url, filename, converted "
        "(no date found: the day of the first conversion; an editor should fix it) or "
        "editor (an editor set the date).")
    draft: bool | None = _f("bool", "Material's key: true keeps the brief off the site.",
                            owner="editor")
    summary: str | None = _f(
        "str", "One or two sentences of the article (a trailing clause may be cut); no "
        "loaded term outside a quotation or an attributed clause.")
    key_points: tuple[str, ...] = _f(
        "list[str]", "Three to five sentences of the article, in its order, each saying "
        "who says so where the article does (an anaphor like 'the sources' spelled out).",
        default=tuple)
    categories: tuple[str, ...] = _f("list[str]", "Sections from the page's breadcrumb.",
                                     default=tuple)
    tags: tuple[str, ...] = _f(
        "list[str]", "Material's key: topic tags (countries, organisations, repeated words).",
        default=tuple)
    regions: tuple[str, ...] = _f(
        "list[str]", "Countries named, by name (Iraqi gives Iraq), most mentioned first.",
        default=tuple)
    places: tuple[str, ...] = _f(
        "list[str]", "Cities, provinces and sites named, as first written.", default=tuple)
    organizations: tuple[str, ...] = _f(
        "list[str]", "Organisations named, with acronyms: 'Full Name (ACR)'.", default=tuple)
    people: tuple[str, ...] = _f("list[str]", "People named, by full name.", default=tuple)
    sources: tuple[str, ...] = _f("list[str]", "Outlets, agencies and channels cited.",
                                  default=tuple)
    quotes: tuple[dict[str, str], ...] = _f(
        "list[map]", "Direct quotations with who said them: {text, speaker}.", default=tuple,
        keys=("text", "speaker"))
    review: tuple[dict[str, str], ...] = _f(
        "list[map]", "Loaded terms for the editor: {term, sentence}.", default=tuple,
        keys=("term", "sentence"))
    description: str | None = _f(
        "str", "Material's key: the outlet's own standfirst or meta description.")
    byline: str | None = _f("str", "Author line as printed.")
    site_name: str | None = _f("str", "The outlet that published the article.")
    url: str | None = _f("str", "Where the article was published.")
    other_titles: tuple[str, ...] = _f(
        "list[str]", "The page's other headlines (its <h1>, JSON-LD, og:title, <title>) where "
        "they differ from title, for the editor to choose from.", default=tuple)
    lang: str | None = _f("str", "Language code (en, de, ...): the page's, else detected.")
    word_count: int | None = _f("int", "Words in the article text.", owner="tool")
    reading_time: int | None = _f("int", "Minutes to read the article text.", owner="tool")
    seed: str | None = _f("str", "The seed's path relative to the project root.",
                          required=True, owner="tool")
    # Not front matter: the article text, one plain-text paragraph per item
    # (the writer makes it Markdown-safe).
    body: tuple[str, ...] = field(default_factory=tuple, metadata={"kind": "body"})

    def replace(self, **changes: Any) -> Brief:
        """A copy with ``changes`` applied (the record itself never changes)."""
        return dataclasses.replace(self, **changes)

    def front_matter(self) -> dict[str, Any]:
        """The front-matter mapping in output order, empty fields left out."""
        out: dict[str, Any] = {}
        for f in FIELDS:
            value = getattr(self, f.name)
            if value is None or value == () or value == "":
                continue
            if isinstance(value, tuple):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            out[f.name] = value
        return out


FIELDS: tuple[dataclasses.Field[Any], ...] = tuple(
    f for f in dataclasses.fields(Brief) if f.metadata.get("kind") != "body"
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
REQUIRED: tuple[str, ...] = tuple(f.name for f in FIELDS if f.metadata["required"])


# A language code as the site writes it in ``lang=""``: "en", "pt-BR", "zh-Hant".
LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def lang_code(value: str) -> str | None:
    """``value`` as a language code ("EN" -> "en", "pt_BR" -> "pt-BR"), or ``None``
    when it is none."""
    head, _, rest = value.strip().replace("_", "-").partition("-")
    code = head.lower() + ("-" + rest if rest else "")
    return code if LANG_CODE.match(code) else None


def web_address(value: str) -> bool:
    """Whether ``value`` is an http(s) address with a host (what a brief may link to)."""
    text = value.strip()
    if not text or any(ch.isspace() or ch < " " or "\x7f" <= ch <= "\x9f" for ch in text):
        return False  # (a control character hides in an address: "https://a.com/a\x01b")
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[::1" and such
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def show_value(value: object) -> str:
    """A field's value as an error message quotes it: its repr, at most 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def shown_date(value: object) -> str:
    """A ``date`` that is no day, as an error message quotes it: a text as written, a
    list or a mapping by its kind (not Python's ``[datetime.date(2024, 3, 4)]``)."""
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return show_value(value)


def as_text(value: object) -> str:
    """A text field's value as an editor or a scraper gave it: ``value`` when it is text.

    YAML reads some values left unquoted as something else (``NO`` as false, ``10:30`` as
    630, ``0x1F`` as 31, ``[a, b]`` as a list, ``!!binary`` as bytes); their Python form
    is not what was written, so ``ValueError`` says to quote them instead."""
    if isinstance(value, str):
        return value
    raise ValueError(f"expected text, got {show_value(value)}; put it in quotes")


def as_texts(value: object) -> list[str]:
    """A list field's items (one text alone is a list of one), each as ``as_text``."""
    return [as_text(item) for item in (value if isinstance(value, list) else [value])]


def as_flag(value: object) -> bool:
    """A true/false field's value (``draft``); ``ValueError`` for anything else."""
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {show_value(value)}")
