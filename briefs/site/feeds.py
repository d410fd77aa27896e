"""RSS 2.0 and JSON Feed 1.1 for the whole site and for each region and category.

Feeds hold the newest ``FEED_SIZE`` briefs. Dates come from the briefs (noon UTC of the
brief's day), ``lastBuildDate`` from the newest brief: the same briefs give the same
bytes on every build. RSS is written with ``xml.etree``; JSON Feed with ``json``.

Text in RSS: titles and categories are plain text (RSS 2.0 allows entity-encoded HTML in
``description`` alone, and the RSS Advisory Board: "titles should not contain HTML"), so a
headline that holds ``<script>`` or ``&amp;`` is escaped once and an XML parser gives it
back as written; feedparser, behind many readers, marks it ``text/plain``. Escaping it
twice, as the description is, would show ``&lt;script&gt;`` in every reader that keeps
to the spec. The ``&``, ``<`` and ``>`` of the feed are written as the character
references ``&#x26;``, ``&#x3C;`` and ``&#x3E;``, the form the Board's Best Practices
Profile asks for in plain text because it is shown as written by the most readers
(some decode a named entity twice). The description is HTML: the summary escaped in it.
JSON Feed's ``title`` and ``summary`` are plain text by its spec.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from briefs.record import LANG_CODE
from briefs.site.catalog import FACETS, Catalog, Entry

FEED_SIZE = 50
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Feed:
    """One feed: its title, the listing page it follows and where it is written."""

    title: str
    page_url: str
    rss: str
    json: str
    entries: list[Entry]


def all_feeds(catalog: Catalog, site_name: str) -> list[Feed]:
    feeds = [Feed(site_name, "", "feed.xml", "feed.json", catalog.entries)]
    for facet in FACETS:
        if not facet.feeds:
            continue
        for group in catalog.facets[facet.key]:
            base = f"{facet.key}/{group.slug}/"
            feeds.append(Feed(f"{site_name}: {group.label}", base, f"{base}feed.xml",
                              f"{base}feed.json", group.entries))
    return feeds


def _absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url if site_url else "/" + url


def _when(date: str) -> dt.datetime:
    day = dt.date.fromisoformat(date) if date else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def _sub(parent: ET.Element, tag: str, text: str, attrib: dict[str, str] | None = None) -> None:
    ET.SubElement(parent, tag, attrib or {}).text = _NOT_XML.sub("", text)


def rss(feed: Feed, site_url: str, description: str) -> bytes:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom"})
    channel = ET.SubElement(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", _absolute(site_url, feed.page_url))
    _sub(channel, "description", description or feed.title)
    ET.SubElement(channel, "atom:link", {"href": _absolute(site_url, feed.rss), "rel": "self",
                                         "type": "application/rss+xml"})
    newest = feed.entries[0].date if feed.entries else ""
    _sub(channel, "lastBuildDate", email.utils.format_datetime(_when(newest)))
    _sub(channel, "generator", "briefs")
    for entry in feed.entries[:FEED_SIZE]:
        item = ET.SubElement(channel, "item")
        link = _absolute(site_url, entry.url)
        _sub(item, "title", entry.title or entry.url)
        _sub(item, "link", link)
        _sub(item, "guid", link, {"isPermaLink": "true"})
        _sub(item, "pubDate", email.utils.format_datetime(_when(entry.date)))
        if entry.summary:  # RSS readers render <description> as HTML: the text is escaped
            _sub(item, "description", html.escape(entry.summary, quote=False))
        for category in entry.values("categories"):
            _sub(item, "category", category)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return _PLAIN_REFS.sub(lambda ref: _PLAIN[ref.group()], data) + b"\n"


# The entities xml.etree writes for & < >, as the character references of the RSS
# Profile; the same characters to an XML parser, in text and attributes alike.
_PLAIN = {b"&amp;": b"&#x26;", b"&lt;": b"&#x3C;", b"&gt;": b"&#x3E;"}
_PLAIN_REFS = re.compile(b"&(?:amp|lt|gt);")


def json_feed(feed: Feed, site_url: str, description: str) -> bytes:
    items = []
    for entry in feed.entries[:FEED_SIZE]:
        link = _absolute(site_url, entry.url)
        item: dict[str, object] = {"id": link, "url": link, "title": entry.title or entry.url,
                                   "content_text": entry.summary or entry.title,
                                   "date_published": _when(entry.date).isoformat()}
        if entry.summary:
            item["summary"] = entry.summary
        tags = list(entry.values("categories")) + list(entry.values("tags"))
        if tags:
            item["tags"] = list(dict.fromkeys(tags))
        lang = str(entry.meta.get("lang") or "")
        if lang and lang != "en" and LANG_CODE.match(lang):
            item["language"] = lang  # the item's, where it differs from the feed's
        items.append(item)
    data = {"version": "https://jsonfeed.org/version/1.1", "title": feed.title,
            "home_page_url": _absolute(site_url, feed.page_url),
            "feed_url": _absolute(site_url, feed.json), "description": description or feed.title,
            "language": "en", "items": items}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def write_feeds(catalog: Catalog, site_dir: str, site_url: str, site_name: str,
                description: str) -> list[Feed]:
    """Write every feed under ``site_dir``; the feeds written."""
    feeds = all_feeds(catalog, site_name)
    for feed in feeds:
        for rel, data in ((feed.rss, rss(feed, site_url, description)),
                          (feed.json, json_feed(feed, site_url, description))):
            path = os.path.join(site_dir, *rel.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
    return feeds
