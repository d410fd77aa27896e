"""Parse a saved page and drop what a reader never sees.

Before anything is taken out of a page, the tree loses every element a browser does not
show as article text: scripts, styles, templates, comments, processing instructions,
elements with the ``hidden`` attribute, ``aria-hidden="true"`` decorations and inline
``display:none`` / ``visibility:hidden``. JSON-LD blocks are read first (they are
``<script>`` elements), by :func:`json_ld`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from briefs.clean import clean_line

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Not <form>: some sites wrap the whole page in one.
_INVISIBLE_TAGS = ("script", "style", "template", "noscript", "iframe", "object", "embed",
                   "svg", "canvas", "select", "button", "input", "textarea")
# CDATA sections and HTML comments some sites wrap their JSON-LD in.
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_CLOSING = re.compile(r"[,.;:!?)\]}»]")
# Han, kana and CJK punctuation: text pieces in these scripts join without a space.
UNSPACED = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# XML declarations opening the page, one or more, closed by "?>" or, as some sloppy
# pages write it, by ">" alone (browsers read past them all).
_XML_DECL = re.compile(r"^(?:\s*<\?xml\b[^>]*>)+", re.IGNORECASE)


class TooDeep(Exception):
    """The page nests elements deeper than libxml2 reads (2048 with ``huge_tree``): the
    parser stops there, and what follows is lost."""


class TooMany(Exception):
    """The page holds more elements than a page is read with (``MAX_ELEMENTS``)."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} elements")
        self.count = count


# Of 1,632 real pages (news, blogs, the public extraction test sets) the largest holds
# 11,533 elements, the median 764. Reading time grows with the elements, and in parts of
# trafilatura with their square: a page far past the largest is refused, not read for
# minutes.
MAX_ELEMENTS = 60_000


# the control characters lxml takes into a tree but refuses to set as text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)


def _title_closed(html: str) -> str:
    """``html`` with its ``<title>`` closed where a page saved in part (bytes lost in the
    middle of its head) left it open: the parser reads everything after an open
    ``<title>`` as its text, the whole article included. It ends at the next tag."""
    opened = _TITLE_OPEN.search(html)
    if opened is None or _TITLE_CLOSE.search(html, opened.end()):
        return html
    cut = html.find("<", opened.end())
    cut = len(html) if cut < 0 else cut
    return html[:cut] + "</title>" + html[cut:]


def parse(html: str) -> Any:
    """The page as an lxml tree (``None`` when it holds no markup at all). Raises
    :class:`TooDeep` for a page the parser could only read in part, :class:`TooMany`
    for one of more than ``MAX_ELEMENTS`` elements."""
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding decl
    # a vertical tab or form feed (a line break pasted from a word processor), or another
    # control character Python reads as whitespace, is a space, the others nothing, as the
    # text's cleaning reads them: lxml's parser keeps them, but no text holding one can be
    # set on an element again (the hidden elements' removal does). (str.translate over
    # every page cost 0.1 s a megabyte; the expression scans one in 3 ms.)
    html = _CONTROL.sub(lambda m: " " if m.group().isspace() else "", html)
    if not html.strip():
        return None
    html = _title_closed(html)
    # huge_tree: without it libxml2 stops at 256 levels, which a page of unclosed
    # <font> or <div> tags passes.
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True,
                                  collect_ids=False, default_doctype=False, huge_tree=True)
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise TooDeep
    count = sum(1 for _ in tree.iter())
    if count > MAX_ELEMENTS:
        raise TooMany(count)
    return tree


# Inline elements, whose text a reader sees run into the line around them.
INLINE_TAGS = ("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font",
               "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
               "time", "tt", "u", "var")
# Elements inside a line that hold no text of their own (an image, a form field)
_IN_LINE_EMPTY = ("img", "input", "wbr", "embed", "source", "track", "area", "picture",
                  "video", "audio", "canvas", "button", "label", "meter", "progress",
                  "output", "object")
_UNWRAPPED = frozenset(INLINE_TAGS + _IN_LINE_EMPTY)
LONG_RUN = 1000  # such children of one element; real pages have at most a few hundred


def flatten_long_runs(tree: Any) -> None:
    """Unwrap, in place, the inline elements (and the images, form fields...) of an
    element that holds more than ``LONG_RUN`` of them, keeping their text: a paragraph
    of 20,000 ``<span>`` words, or of words between 20,000 images, takes trafilatura
    minutes (its XPath over the paragraph's nodes grows with their square), the same
    words as one text a second. The lines read are the same. An element that is mostly
    such a run of links is a list of links (a "kudos" list of 3,711 names), not text:
    it goes, as it would once trafilatura weighed its links."""
    lists, runs = [], []
    for el in tree.iter():
        if len(el) <= LONG_RUN:
            continue
        tags = [child.tag for child in el]
        if 2 * tags.count("a") > len(tags):
            lists.append(el)
        elif sum(1 for tag in tags if tag in _UNWRAPPED) > LONG_RUN:
            runs.append(el)
    drop_keep_tails(lists)
    for el in runs:
        etree.strip_tags(el, *_UNWRAPPED)
        # libxml2 keeps each unwrapped piece as a text node of its own; setting the text
        # again makes each run one node
        el.text = el.text
        for child in el:
            child.tail = child.tail


# The most JSON-LD objects and values of one <meta> name read from a page: real pages
# have a few dozen at most; a page of thousands (3,000 authors, 3,000 NewsArticle
# objects) took minutes, where the names are compared with one another.
MAX_LD_OBJECTS = 100
MAX_META_VALUES = 50


def json_ld(tree: Any) -> list[dict[str, Any]]:
    """The page's JSON-LD objects, flattened (``@graph`` and lists unrolled), the first
    ``MAX_LD_OBJECTS``."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if len(found) >= MAX_LD_OBJECTS:
            break
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = _LD_WRAPPER.sub("", script.text or "")
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):  # (nested past Python's recursion limit)
            continue
        _flatten(data, found, depth=0)
    return found[:MAX_LD_OBJECTS]


def _flatten(data: Any, found: list[dict[str, Any]], depth: int) -> None:
    if depth > 5 or len(found) >= MAX_LD_OBJECTS:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, found, depth + 1)
    elif isinstance(data, dict):
        found.append(data)
        if "@graph" in data:
            _flatten(data["@graph"], found, depth + 1)


def types_of(obj: dict[str, Any]) -> set[str]:
    """The ``@type`` values of a JSON-LD object, as a set of strings."""
    kind = obj.get("@type")
    items = kind if isinstance(kind, list) else [kind]
    return {str(k) for k in items if isinstance(k, str)}


_PAYWALL = re.compile(r"paywall|premium|subscriber", re.IGNORECASE)
_STREAMED = re.compile(r"^S:[0-9a-z]+$")  # React's streamed segment: <div hidden id="S:1a">


def _shown_later(el: Any) -> bool:
    """A hidden element whose text the reader gets all the same: the article behind a
    paywall (``<div class="paywall" hidden>``, a saved page holds what a subscriber reads),
    or a part of the page that React streams in hidden and a script moves into place at
    once (``<div hidden id="S:1a">``, Next.js sites)."""
    ident = el.get("id") or ""
    return bool(_STREAMED.match(ident) or _PAYWALL.search((el.get("class") or "") + " " + ident))


def strip_invisible(tree: Any, *, noscript: bool = False) -> None:
    """Remove, in place, every element a reader does not see as text (with ``noscript``,
    the page as a reader without JavaScript sees it: ``<noscript>`` content kept). The
    article's text that a paywall hides, and a streamed part of the page, are kept
    (:func:`_shown_later`)."""
    invisible = [t for t in _INVISIBLE_TAGS if not (noscript and t == "noscript")]
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if (tag in invisible
                or (el.get("hidden") is not None and not _shown_later(el))
                or (el.get("aria-hidden") or "").lower() == "true"
                or _HIDDEN_STYLE.search(el.get("style") or "")
                # Google Translate's own interface, saved with a page it ran on (its
                # tooltip holds an <h1>Original text</h1>)
                or "skiptranslate" in (el.get("class") or "")):
            doomed.append(el)
    drop_keep_tails(doomed)


def drop_keep_tails(doomed: list[Any]) -> None:
    """Remove each element of ``doomed`` and its content, keeping the text that follows
    it (its tail joins the text before it). The children of one parent are removed in
    one pass, each run of text joined once: joined tail by tail, a paragraph of 50,000
    form fields took ten seconds, the text growing with each."""
    by_parent: dict[Any, list[Any]] = {}
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(el)
    for parent, children in by_parent.items():
        gone = set(children)
        head: list[str] = [parent.text or ""]
        into = head  # the text a removed child's tail joins: the parent's, or a tail
        kept: list[tuple[Any, list[str]]] = []
        for child in list(parent):
            if child in gone:
                if child.tail:
                    into.append(child.tail)
                parent.remove(child)
            else:
                into = [child.tail or ""]
                kept.append((child, into))
        parent.text = "".join(head) or None
        for child, pieces in kept:
            if len(pieces) > 1:
                child.tail = "".join(pieces) or None


def flat(text: str) -> str:
    """One line: invisible characters removed, every run of whitespace one space."""
    return clean_line(" ".join(text.split()))


def text_of(el: Any) -> str:
    """The visible text of an element, whitespace collapsed.

    Pieces of text from different elements are joined by a space, except before
    punctuation that the page printed right after the previous piece
    (``<em>Metroid</em>, One`` is "Metroid, One", not "Metroid , One") and between two
    Chinese or Japanese characters (scripts written without spaces). Ruby annotations
    (``<rt>``, ``<rp>``: the reading printed over a kanji) are not part of the text.
    """
    out: list[str] = []  # joined once at the end: adding piece by piece is quadratic
    last = ""
    for piece in _pieces(el):
        if out and not _glued(last, piece):
            out.append(" ")
        out.append(piece)
        last = piece
    return flat("".join(out))


def _glued(text: str, piece: str) -> bool:
    """Whether ``piece`` follows ``text`` (both non-empty) without a space between."""
    return text[-1].isspace() or piece[0].isspace() or _CLOSING.match(piece) is not None or \
        (UNSPACED.match(text[-1]) is not None and UNSPACED.match(piece) is not None)


def join(text: str, piece: str) -> str:
    """``text`` followed by ``piece`` from the next element, a space between them unless
    one is there already, ``piece`` starts with closing punctuation, or both sides are
    Chinese or Japanese characters (see :func:`text_of`)."""
    glued = not text or not piece or _glued(text, piece)
    return text + piece if glued else text + " " + piece


def _pieces(el: Any) -> list[str]:
    """The text pieces of ``el`` in reading order, ruby annotations left out (walked
    without recursion: a page of unclosed tags nests thousands deep)."""
    pieces = []
    walk = etree.iterwalk(el, events=("start", "end"))
    for event, node in walk:
        if event == "start":
            if node is not el and isinstance(node.tag, str) and node.tag.lower() in ("rt", "rp"):
                walk.skip_subtree()  # its text and children; its tail is read at its end
            else:
                pieces.append(node.text or "")
        elif node is not el:
            pieces.append(node.tail or "")
    return [p for p in pieces if p]


def meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased name/property/itemprop, in page order (the
    first ``MAX_META_VALUES`` of each)."""
    values: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key and len(values.setdefault(key, [])) < MAX_META_VALUES:
                values[key].append(flat(content))
    return values


# Elements a browser sets on lines of their own (what "select all, copy" separates).
LINE_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "td", "th", "tr", "ul"})


def visible_lines(tree: Any, line_tags: frozenset[str] = LINE_TAGS) -> list[str]:
    """The page's visible text as a page dump prints it: one line per block element
    (``line_tags``), inline elements run together (call after :func:`strip_invisible`)."""
    body = tree.find(".//body")
    return block_lines(body if body is not None else tree, line_tags)


def block_lines(root: Any, line_tags: frozenset[str],
                cells: tuple[str, str] | None = None) -> list[str]:
    """The text under ``root`` as non-empty lines: each element named in ``line_tags``
    starts and ends a line, everything else runs together; with ``cells`` (a tag and a
    separator), cells of one line are joined with the separator."""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = flat("".join(buf))
        buf.clear()
        if line:
            lines.append(line)

    # Walked without recursion: a page of unclosed tags nests thousands deep.
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        block = tag in line_tags
        if event == "start":
            if block:
                flush()
            if cells and tag == cells[0] and "".join(buf).strip():
                buf.append(cells[1])
            if el.text and tag:
                buf.append(el.text)
        else:
            if block:
                flush()
            if el.tail:
                buf.append(el.tail)
    flush()
    return lines
