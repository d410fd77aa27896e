"""Extract an article a scraper saved as JSON (``.json``): one object, its fields by name.

Scrapers write one JSON object per article under names of their own: news-please
(``title``, ``maintext``, ``authors``, ``date_publish``, ``source_domain``), trafilatura's
JSON output (``title``, ``text``, ``author``, ``date``, ``sitename``), newspaper and
Scrapy items (``headline``, ``body``, ``content``, ``article_body``, ``published``,
``link``...). Each field of the brief is taken from the first of its usual names the
object holds (``FIELDS``, names compared without case, ``-`` or ``_``); a list of
authors is joined; a date is a text or a Unix time (seconds or milliseconds: its day in
UTC). The text's paragraphs are its lines (a blank line or a line break between them),
or the items of a list of them. Text that holds HTML markup, or an object with only the
page's HTML (``html``, ``raw_html``), is read as a saved page is, the object's fields
winning.

The scrapers that feed language models answer in an envelope and in Markdown: Jina
Reader's JSON (``{"code": 200, "data": {"title", "url", "content", "publishedTime"}}``),
Firecrawl's (``{"success": true, "data": {"markdown", "metadata": {"title",
"sourceURL", "publishedTime", ...}}}``), crawl4ai's (``{"url", "markdown": {...},
"metadata": {...}}``). The article is the object under ``data`` (or ``result``...) when
the outer one names none of its fields, and a ``metadata`` object's fields count as the
article's own (these win). A body in Markdown (a ``markdown`` field, or text that reads
as Markdown) is read as a Markdown seed is: an author's file rendered to its
paragraphs, a whole page scraped as Markdown read as that page's dump; a whole page's
HTML beside it is read instead, as the better source. A title that is the page's
headline with the site's name after it (``Headline - BBC News``) gives way to the
headline.

A file that is no JSON, holds no object (or a list of several: one seed is one
article), gives a field twice in one object, or nests deeper than ``MAX_DEPTH`` is
refused by name; so is one whose title field holds no text (a list, ``true``) and whose
page gives no headline either, the field and what it holds named.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from briefs.clean import clean_line
from briefs.errors import SeedError
from briefs.extract.dates import parse_date
from briefs.extract.text import from_markdown
from briefs.record import Brief

# The brief's field, and the names scrapers give it, most specific first.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "title_page", "title_rss", "name"),
    "body": ("maintext", "text", "body", "content", "article_body", "articlebody",
             "article_text", "article", "full_text", "raw_text", "paragraphs",
             "description_full"),
    "byline": ("byline", "authors", "author", "creator", "writer"),
    "date": ("date_publish", "date_published", "datepublished", "published", "publish_date",
             "published_at", "pubdate", "date", "published_time", "created_at",
             "date_modify", "date_modified"),
    "url": ("url", "link", "source_url", "canonical_url", "final_url", "permalink",
            "source"),  # (trafilatura's "source" is the page's address)
    "site_name": ("site_name", "sitename", "og_site_name", "source_hostname",
                  "source_domain", "publisher", "hostname", "domain"),
    "description": ("description", "summary", "excerpt", "lead", "standfirst",
                    "subtitle", "teaser"),
    "lang": ("lang", "language", "inlanguage"),
    "categories": ("categories", "category", "section", "sections"),
    "tags": ("tags", "keywords"),
}
HTML_NAMES = ("html", "raw_html", "page_html", "content_html", "body_html", "source_html")
MARKDOWN_NAMES = ("markdown", "fit_markdown", "raw_markdown", "markdown_with_citations")
# Where an API's answer holds the article, and where a scraper puts the page's metadata.
ENVELOPES = ("data", "result", "results", "article", "item", "page", "document", "response")
METADATA = ("metadata", "meta", "page_metadata")
_SEPARATOR = re.compile(r"\s+[-|–—:·•»]\s+\S")
MAX_DEPTH = 20
_MARKUP = re.compile(r"</(?:p|div|br|span|a|h[1-6]|li|em|strong|b|i)\s*>|<br\s*/?>",
                     re.IGNORECASE)
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")


def _key(name: str) -> str:
    return name.casefold().replace("-", "").replace("_", "")


def _whole_number(digits: str) -> int | str:
    """A JSON integer; one too long for Python to read as a number (over 4,300 digits:
    no date, no count) stays its digits rather than ending the read."""
    return int(digits) if len(digits) <= 4000 else digits


class _Twice(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's fields, each given once (a second ``title`` was taken in silence, the
    first lost)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Twice(key)
        out[key] = value
    return out


def _object(text: str, shown: str) -> dict[str, Any]:
    try:
        data = json.loads(text, parse_int=_whole_number, object_pairs_hook=_unique)
    except _Twice as exc:
        raise SeedError(shown, f"{exc.key!r}: given twice in one object; keep one") from exc
    except RecursionError as exc:
        raise SeedError(shown, "JSON nested too deep to read") from exc
    except ValueError as exc:
        raise SeedError(shown, f"not JSON ({exc})") from exc
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(data, list):
        raise SeedError(shown, f"a list of {len(data)} items; a JSON seed is one article "
                        "(one object)")
    if not isinstance(data, dict):
        raise SeedError(shown, "no JSON object (an article is one object of fields)")
    if _depth(data) > MAX_DEPTH:
        raise SeedError(shown, f"JSON nested over {MAX_DEPTH} deep")
    return data


def _depth(data: Any) -> int:
    """How deep ``data`` nests (walked without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _text(value: Any) -> str | None:
    """A field's text: a string, a number, or the names in an object ({"name": ...})."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("text"))
    return None


def _strings(value: Any, split: bool = False) -> list[str]:
    """A field's texts: a list's items, or (``split``) a string's comma-separated parts
    ("Politics, World")."""
    items = value if isinstance(value, list) else [value]
    texts = [t for t in (_text(v) for v in items) if t]
    if split:
        texts = [part for t in texts for part in t.split(",")]
    return [line for line in map(clean_line, texts) if line]


def _not_numbers(value: Any) -> Any:
    """``value`` without the numbers in it: an author's id ("authors": ["Ana Roe", 5])
    is no name."""
    if isinstance(value, list):
        return [v for v in value if not isinstance(v, int | float)]
    return None if isinstance(value, int | float) else value


def _article(data: dict[str, Any]) -> dict[str, Any]:
    """The article's fields by normalised name: the object under an envelope's
    ``data`` when the outer object names none of the article's fields, with its
    ``metadata`` object's fields beneath its own."""
    names = {_key(n) for field in FIELDS.values() for n in field} | \
        {_key(n) for n in HTML_NAMES}
    for _ in range(3):  # {"data": {"result": {...}}} at most
        keys = {_key(str(k)) for k in data}
        inner = next((v for k, v in data.items() if _key(str(k)) in ENVELOPES), None)
        if isinstance(inner, list) and len(inner) == 1:
            inner = inner[0]
        if keys & names or not isinstance(inner, dict):
            break
        data = inner
    by_key: dict[str, Any] = {}
    for name, value in data.items():
        if _key(str(name)) in METADATA and isinstance(value, dict):
            by_key.update((_key(str(k)), v) for k, v in value.items())
    by_key.update((_key(str(k)), v) for k, v in data.items())
    return by_key


def _markdown_text(value: Any) -> str | None:
    """A Markdown field's text: a string, or crawl4ai's object of several renderings
    (the pruned ``fit_markdown`` when there is one, else the whole page's)."""
    if isinstance(value, dict):
        value = next((v for v in (value.get(n) for n in MARKDOWN_NAMES)
                      if isinstance(v, str) and v.strip()), None)
    return value if isinstance(value, str) and value.strip() else None


def _read_markdown(body: str, shown: str) -> Brief:
    """A body in Markdown, read as the dump of the page it was scraped from (its page
    junk, "941 comments", left out as a dump's is); one with no line a dump's headline
    can be, as an author's Markdown file."""
    from briefs.extract import from_markdown_page
    from briefs.extract.markdown import extract_markdown

    try:
        return from_markdown_page(body)
    except SeedError:
        return extract_markdown(body, shown)


def _title(title: str | None, page_title: str | None) -> str | None:
    """The object's title, unless it is the page's headline with more after a separator
    (the site's name: "Headline - BBC News")."""
    if not title:
        return page_title
    title = clean_line(title)
    if page_title and len(title) > len(page_title) and title.startswith(page_title) and \
            _SEPARATOR.match(title[len(page_title):]):
        return page_title
    return title


def extract_json(text: str, shown: str) -> Brief:
    """The article of a JSON seed (see the module's docstring)."""
    by_key = _article(_object(text, shown))

    def named(field: str) -> tuple[str, Any]:
        """The first of the field's usual names the object fills, and its value."""
        for name in FIELDS[field]:
            value = by_key.get(_key(name))
            if value not in (None, "", [], {}):
                return name, value
        return field, None

    def first(field: str) -> Any:
        return named(field)[1]

    found_body = first("body")
    markdown_body = next((m for m in (_markdown_text(by_key.get(_key(n)))
                                      for n in MARKDOWN_NAMES) if m), None)
    if isinstance(found_body, list):  # the paragraphs one by one
        found_body = "\n".join(_strings(found_body))
    body_value = _text(found_body) or markdown_body
    html = next((v for v in (by_key.get(_key(n)) for n in HTML_NAMES)
                 if isinstance(v, str) and v.strip()), None)
    page = Brief()
    markdown = body_value is not None and (body_value == markdown_body or (
        not _MARKUP.search(body_value) and from_markdown.reads_as_markdown(body_value)))
    if body_value and _MARKUP.search(body_value) and not markdown:
        html, body_value = body_value, None
    if markdown and html:
        body_value = None  # the whole page's HTML: read as a saved page, the better source
    if html and not body_value:
        from briefs.extract.html import extract_html

        page = extract_html(html)
    elif markdown and body_value:
        page = _read_markdown(body_value, shown)
        body_value = None
    body = tuple(p for p in map(clean_line, _PARAGRAPHS.split(body_value)) if p) \
        if body_value else page.body
    authors = _strings(_not_numbers(first("byline")))
    date = _date(first("date"))
    title_key, title_value = named("title")
    title = _title(_text(title_value), page.title)
    if title is None and title_value is not None:
        raise SeedError(shown, f"{title_key}: {_kind_of(title_value)} where text was "
                        "expected; no headline found")
    return Brief(
        title=title,
        body=body,
        date=date or page.date,
        byline=", ".join(authors) if authors else page.byline,
        categories=tuple(_strings(first("categories"), split=True)) or page.categories,
        tags=tuple(_strings(first("tags"), split=True)) or page.tags,
        description=_one(first("description")) or page.description,
        site_name=_one(first("site_name")) or page.site_name,
        url=_address(first("url")) or page.url,
        lang=_one(first("lang")) or page.lang,
    )


def _kind_of(value: Any) -> str:
    """What a JSON value is, as an error names it."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object without a name"
    return "a blank text" if isinstance(value, str) else "a value"


EPOCH_SECONDS = (1e8, 1e10)  # 1973 to 2286: a Unix time in seconds, or in milliseconds
# (news APIs' "published": 1676551869 or 1676551869000), read as its day in UTC


def _date(value: Any) -> dt.date | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = EPOCH_SECONDS
        seconds = value / 1000 if low * 1000 <= value < high * 1000 else value
        if low <= seconds < high:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        return None
    return parse_date(value if isinstance(value, str) else _text(value) or "")


def _address(value: Any) -> str | None:
    found = _one(value)
    return found if found and found.startswith(("http://", "https://")) else None


def _one(value: Any) -> str | None:
    found = _strings(value)
    return found[0] if found else None
