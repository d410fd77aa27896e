"""The second line of defence: no live code reaches a reader, whatever a page says.

The converter already writes article text that Markdown cannot turn into markup
(``briefs.write.escape_paragraph``). Pages an editor writes by hand, and values in
front matter, get no such care, and MkDocs and Material escape nothing. So at build:

- ``clean_html`` runs every rendered page body through nh3 (the ammonia HTML
  sanitiser), keeping only the tags and attributes our Markdown extensions and
  hooks produce, ``class`` (the theme's styling) and ``id`` (anchors), and only
  http, https, mailto and relative URLs. Scripts, styles, event handlers, forms,
  frames and ``style`` attributes go.
- ``escape_meta`` HTML-escapes ``title``, ``description`` and ``tags`` in a page's
  front matter: Material puts them raw into ``<title>``, the header, the
  ``meta description`` and the search index. It runs once every page is read
  (``on_env``), after the site's own listings have taken the raw values.
"""

from __future__ import annotations

import html
from typing import Any

import nh3

# What Python-Markdown (with attr_list and toc), our hooks and MkDocs produce.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
ESCAPED_KEYS = ("title", "description", "subtitle")


def clean_html(fragment: str) -> str:
    """``fragment`` with everything that could run in a browser removed."""
    return str(nh3.clean(
        fragment, tags=set(TAGS), clean_content_tags={"script", "style"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()}, url_schemes=set(URL_SCHEMES),
        strip_comments=True, link_rel=None))


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def escape_meta(page: Any) -> None:
    """Escape the front-matter values the theme prints unescaped, once per page."""
    meta = getattr(page, "meta", None)
    if not isinstance(meta, dict) or getattr(page, "_briefs_escaped", False):
        return
    for key in ESCAPED_KEYS:
        if meta.get(key) not in (None, ""):
            meta[key] = escape(meta[key])
    tags = meta.get("tags")
    if isinstance(tags, list):
        meta["tags"] = [escape(tag) for tag in tags]
    elif tags not in (None, ""):
        meta["tags"] = [escape(tags)]
    page._briefs_escaped = True
