"""The second line of defence: no live code reaches a reader, whatever a page says.

The converter already writes article text that Markdown cannot turn into markup
(``briefs.write.escape_paragraph``). Pages an editor writes by hand, and values in
front matter, get no such care, and MkDocs and Material escape nothing. So at build:

- ``clean_html`` runs every rendered page body through nh3 (the ammonia HTML
  sanitiser), keeping only the tags and attributes our Markdown extensions and
  hooks produce, ``class`` (the theme's styling) and ``id`` (anchors), and only
  http, https, mailto and relative URLs. Scripts, styles, event handlers, forms,
  frames and ``style`` attributes go, and so does an image's address on another host.

Front-matter values are escaped where they are printed, once: every page's title in
``hooks.on_page_markdown`` (the theme prints ``page.title`` as is), the head's values in
``head.py``, the brief layout in ``pages.py``, listings in ``listings.py``.
"""

from __future__ import annotations

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


def clean_html(fragment: str) -> str:
    """``fragment`` with everything that could run in a browser removed, and no image
    fetched from another host (an editor's ``![](https://...)`` would tell that host
    who reads the page: the site makes no request elsewhere)."""
    return str(nh3.clean(
        fragment, tags=set(TAGS), clean_content_tags={"script", "style"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()}, url_schemes=set(URL_SCHEMES),
        strip_comments=True, link_rel=None, attribute_filter=_local_images))


# An address on another host (a browser reads a backslash as a slash: "\\host").
_ELSEWHERE = ("http:", "https:", "//")


def _local_images(tag: str, attribute: str, value: str) -> str | None:
    """An attribute as it is, but an image's address on another host (dropped: the
    image shows its ``alt`` text)."""
    if tag == "img" and attribute == "src" \
            and value.strip().casefold().replace("\\", "/").startswith(_ELSEWHERE):
        return None
    return value
