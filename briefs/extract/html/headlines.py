"""The headline of a saved news page.

The headline the article's JSON-LD declares (``headline`` of a NewsArticle, an Article, a
BlogPosting...) comes first, when it shares words with what the page shows or its title
metas (:func:`_declared`): it is the outlet's own statement of the article's headline, the
one search engines and news apps show. On 258 news pages of 40 countries (fundus's test
pages, whose expected titles the outlets' parsers give) it matched the expected title 28
times to the ``<h1>``'s 9 where the two differ; taking it first raised headline match
there from 0.764 to 0.860. trafilatura's hand-made titles follow the ``<h1>`` more often
(0.911 to 0.895 on 808 of its pages). Not when it only repeats ``<title>`` while
``og:title`` prints the ``<h1>`` (:func:`_searched`): then the page shows and shares one
headline, and its data copies the one written for search (on the 1,409 dev and corpus
pages with a headline's truth, this exception makes 8 headlines right and 4 wrong).

Else the visible ``<h1>`` is read as lines (a kicker, a date or a subtitle printed
in its own element inside it are not the headline: :func:`heading`); an ``<h1>`` that is
the site's name or links to the home page is a logo, not a headline; one in ``<nav>``,
``<aside>`` or ``<footer>`` wins only when confirmed. The ``<h1>``
headline another source confirms (JSON-LD ``headline``, ``og:title``,
``twitter:title``, ``itemprop=headline`` or ``<title>``, each without the site-name
suffix or prefix) comes first; else an ``<h2>`` they confirm (the ``<h1>`` holding a
section's name); else the page's one ``<h1>`` headline (what the reader
sees beats a title written for sharing or search); else, on a page without one, an
``<h2>`` that a part of ``<title>`` confirms (blog name » archive » post); else JSON-LD
NewsArticle ``headline`` > ``og:title`` > ``twitter:title`` > other title metas > the
first plausible ``<h1>`` > ``<title>``. Those last two, which nothing confirms, are
checked against the page's visible lines (:func:`_settled`): a ``<title>`` that holds the
headline among names the site's data never states ("The Hindu : Business : Headline"),
one of several ``<h1>`` that name the site or a section, no source at all (a page saved
without its head).

The sources often disagree (a headline for the page, another for sharing, a third for
search), and no order of them is right on every site: :func:`headlines` lists the
ones the chosen headline is not, so the editor can see them and choose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from briefs.extract.html.metadata import (
    DATEISH,
    SEPARATORS,
    is_site,
    ld_text,
    same,
    squash,
    strip_site,
)
from briefs.extract.html.page import UNSPACED, flat, join, text_of

# "/", "https://example.com/", "/index.html", "/en-us", "/de/"; also as a page saved from
# the Wayback Machine links it ("https://web.archive.org/web/2014.../http://example.com/")
_HOME_HREF = re.compile(r"^(?:(?:https?:)?//web\.archive\.org)?(?:/web/\d+[a-z_]*/)?"
                        r"(?:(?:https?:)?//[^/?#]+)?/?(?:index\.\w+|[a-z]{2}(?:[-_][a-z]{2})?/?)?"
                        r"(?:[?#].*)?$", re.IGNORECASE)
_NAME_WORDS = 5  # a site's name is short; a headline that a meta calls the site is not
_INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q",
                     "ruby", "s", "strong", "sub", "sup", "u", "wbr"})


def _links_home(el: Any) -> bool:
    """Whether ``el`` is, or sits in, a link to the site's home page (a logo)."""
    links = el.xpath("descendant-or-self::a[@href] | ancestor::a[@href]")
    return any(_HOME_HREF.match(a.get("href").strip()) for a in links)


def _in_furniture(el: Any) -> bool:
    """Whether ``el`` sits in the page's furniture: navigation, a sidebar, the footer, the
    comments, a newsletter box or a list of other articles."""
    for parent in el.iterancestors():
        tag = parent.tag.lower() if isinstance(parent.tag, str) else ""
        if tag in ("nav", "aside", "footer"):
            return True
    return False


# Classes that keep an element off the screen for sighted readers (a heading for screen
# readers only, a "skip to navigation" link).
_OFFSCREEN = re.compile(r"(?:^|[\s_-])(?:sr-only|screen-reader(?:-text)?|visually-?hidden|"
                        r"offscreen|off-screen|a11y-hidden|nav-?skip|skip-?link)"
                        r"(?:$|[\s_-])", re.IGNORECASE)


def _offscreen(el: Any) -> bool:
    """Whether ``el`` or a near ancestor is set off the screen by its class."""
    node, depth = el, 0
    while node is not None and depth < 3:
        if _OFFSCREEN.search(node.get("class") or ""):
            return True
        node, depth = node.getparent(), depth + 1
    return False


def _is_logo(h1: Any, text: str, sites: list[str], host: str) -> bool:
    """An ``<h1>`` that holds the site's name or logo rather than the article's headline:
    a short name of the site, or a link to the home page."""
    return (len(text.split()) <= _NAME_WORDS and is_site(text, sites, host)) or _links_home(h1)


def _segments(h1: Any) -> list[str]:
    """The lines an ``<h1>`` is printed in: a kicker, the headline, a subtitle or a date.

    A child element other than inline formatting (``<span class="kicker">``, ``<small>``,
    ``<div>``, ``<br>``) starts a new line; a line ending in ":" or followed by one that
    starts in lower case goes on in the next; lines of only punctuation or a date go.
    """
    lines = [h1.text or ""]
    for child in h1:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in _INLINE:
            lines[-1] = join(join(lines[-1], text_of(child)), child.tail or "")
        else:
            lines.extend(["" if tag == "br" else text_of(child), child.tail or ""])
    merged: list[str] = []
    for line in (flat(x) for x in lines):
        if not squash(line):
            continue
        if merged and (merged[-1].endswith(":") or line[0].islower()):
            merged[-1] += " " + line
        else:
            merged.append(line)
    return [x for x in merged if not DATEISH.match(x)]


class Heading(NamedTuple):
    """An ``<h1>``: its headline line, all its lines, its whole text, and whether it sits
    in the page's furniture (navigation, a sidebar, the footer)."""

    text: str
    lines: list[str]
    full: str
    furniture: bool


def heading(h1: Any) -> Heading:
    """An ``<h1>`` read as a headline: its longest line, without a kicker, subtitle or
    date (see :func:`_segments`)."""
    lines = _segments(h1)
    return Heading(max(lines, key=len) if lines else "", lines, text_of(h1), _in_furniture(h1))


def _plausible(head: Heading) -> bool:
    """Long enough for a headline: ten characters, and two words (or Chinese or Japanese,
    written without spaces)."""
    text = head.text
    return len(text) >= 10 and (len(text.split()) >= 2 or UNSPACED.search(text) is not None)


def visible_h2s(tree: Any) -> list[Heading]:
    """The page's ``<h2>`` that could hold a headline (on pages whose ``<h1>`` is a logo)."""
    return [head for head in map(heading, tree.iter("h2")) if _plausible(head)]


def visible_h1s(tree: Any, sites: list[str], host: str) -> tuple[list[Heading], list[str]]:
    """The page's ``<h1>`` that could hold a headline, and the texts of the ones that name
    the site (a logo, a link to the home page)."""
    found, logos = [], []
    for h1 in tree.iter("h1"):
        if _offscreen(h1):
            continue
        head = heading(h1)
        if _is_logo(h1, head.full, sites, host):
            logos.append(head.full)
        elif _plausible(head):
            found.append(head)
    return found, [t for t in logos if t]


def _confirmed(h1s: list[Heading], confirmers: list[str], page_title: str) -> str | None:
    """The first ``<h1>`` headline that another source names too (or the name it confirms)."""
    for h1 in h1s:
        for other in confirmers:
            if not other:
                continue
            line = next((x for x in h1.lines if same(x, other)), None)
            if line:
                return line
            if same(h1.full, other) or same(h1.text, other):
                return h1.text
            # "Politics | Headline": a section label printed inside the <h1>
            if len(squash(other)) >= 12 and squash(h1.full).endswith(squash(other)):
                return other
            # <title> "Headline - Site" whose suffix was not recognised
            if other is page_title and squash(other).startswith(squash(h1.text)) and \
                    SEPARATORS.match(page_title[len(h1.text):] or "x"):
                return h1.text
    return None


_MAX_DECLARED = 300  # characters: a longer "headline" is a description or the text
_MAX_PAGE_TITLE = 1000  # characters: a <title> this long holds the page, not its name


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", text.casefold()) if not w.isdigit()}


def _declared(articles: list[dict[str, Any]], shown: list[str], others: list[str],
              sites: list[str], host: str) -> str | None:
    """The headline the article's JSON-LD declares, when it is about the page's article:
    of the declared headlines, the one that shares the most words (at least one) with the
    ``<h1>`` (``shown``), the title metas and ``<title>`` (``others``), so another article
    listed on the page does not count. An object whose ``name`` is what the ``<h1>`` shows
    and whose ``headline`` is something else uses the headline for a description
    (Wikipedia's "constitutional monarchy in Oceania" for "New Zealand")."""
    seen = _words(" ".join([*shown, *others]))
    best, shared = None, 0
    for obj in articles:
        text = strip_site(ld_text(obj, "headline"), sites, host)
        if not text or not 10 <= len(text) <= _MAX_DECLARED or is_site(text, sites, host):
            continue
        name = ld_text(obj, "name")
        if name and not same(name, text) and any(same(name, h) for h in shown):
            continue
        overlap = len(_words(text) & seen)
        if overlap > shared:
            best, shared = text, overlap
    return best


class _Sources(NamedTuple):
    """What a page says its headline is: the visible ``<h1>`` headlines, the site's names
    (with the logos'), ``<title>``, the og/twitter titles and the JSON-LD headline."""

    h1s: list[Heading]
    sites: list[str]
    page_title: str
    metas: list[str]
    declared: str | None


def _sources(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]],
             sites: list[str], host: str) -> _Sources:
    h1s, logos = visible_h1s(tree, sites, host)
    sites = [*sites, *logos]
    title_el = tree.find(".//title")
    page_title = text_of(title_el) if title_el is not None else ""
    metas = [v for key in ("og:title", "twitter:title") for v in meta.get(key, [])]
    declared = _declared(articles, [h.full for h in h1s], [*metas, page_title], sites, host)
    return _Sources(h1s, sites, page_title, metas, declared)


class _Choice(NamedTuple):
    """The headline chosen from the page's sources, the page's other headlines, and
    whether the headline is only the page's best guess: no data, title meta or other
    source confirms it, it is the ``<title>`` (or one of several ``<h1>``), or there is
    none; or it is the page's one ``<h1>``, on a page without title metas."""

    title: str | None
    others: list[str]
    unconfirmed: bool
    lone: bool


def headlines(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]],
              sites: list[str], host: str, lines: list[str],
              read: Callable[[], tuple[str | None, Sequence[str]]],
              ) -> tuple[str | None, list[str]]:
    """The article's headline (see the module docstring for the order), and the page's
    other headlines (:func:`_others`), its sources read once; an unconfirmed one checked
    against the page's visible ``lines`` and the headline and text their text-dump
    reading gives (``read``, called only then: :func:`_settled`)."""
    found = _sources(tree, meta, articles, sites, host)
    chosen, unconfirmed, lone = _chosen(tree, meta, articles, host, found)
    choice = _Choice(chosen, _others(found, host, chosen), unconfirmed, lone)
    return _settled(choice, found.page_title, lines, read, sites, host)


def _settled(head: _Choice, page_title: str, lines: list[str],
             read: Callable[[], tuple[str | None, Sequence[str]]], sites: list[str],
             host: str) -> tuple[str | None, list[str]]:
    """An unconfirmed headline checked against what the page shows. A page with no
    title metas whose ``<title>`` is "Site : Section : Headline" in a form
    :func:`strip_site` does not know, or only the site's or a section's name ("Latest
    News"), or a page without a ``<title>`` (its head cut off when saved): the headline is
    the one the page's visible lines give (``read``: the text-dump reading of them) when
    the ``<title>`` holds it, else the longest visible line the ``<title>`` holds, else,
    for a page with no headline or several ``<h1>`` that nothing confirms, the one the
    visible lines give, and for a ``<title>`` that none of the article's words are in (a
    site's or a section's name: "SFGate: World Views", "National News"), the one the
    visible lines give when it reads as a headline; the same for the page's one ``<h1>``,
    on a page without title metas ("Top Classifieds"). The headline it replaces is
    listed first among the others.

    On 604 Google News pages of 2008 (L3S-GN1, hand-marked headlines; their pages have
    no title metas), HTML headline match rose from 0.546 to 0.694 and the pages refused
    for having no headline from 30 to 0; on the 1,875 dev pages, 3 headlines became right
    and 3 wrong (expected titles that keep the site's name or a "[News]" prefix). The
    ``<title>`` that shares no word with the article: 0.702 to 0.727 there, 1 right and 2
    wrong on the dev pages; such an ``<h1>``: 0.727 to 0.740, no dev page changed."""
    if head.lone and head.title:
        found, text = read()
        if found and _named_elsewhere(head.title, text) and _reads_as_headline(found) \
                and not same(found, head.title):
            return _replaced(head, found)
        return head.title, head.others
    if not head.unconfirmed:
        return head.title, head.others
    # (a <title> of megabytes is no title: not searched line by line)
    key = squash(page_title) if len(page_title) <= _MAX_PAGE_TITLE else ""
    told = squash(head.title or "")
    from_title = bool(head.title) and told in key
    scope = told if from_title else key  # not the part cut as the site's name
    found, text = read()
    title = found if found and scope and squash(found) in scope else None
    if title is None and scope:
        held = [line for line in lines if len(line.split()) >= 3 and len(squash(line)) >= 10
                and squash(line) in scope and not is_site(line, sites, host)]
        title = max(held, key=lambda line: len(squash(line)), default=None)
    if title is None and found and not from_title:
        title = found
    if title is None and found and from_title and _named_elsewhere(head.title or "", text) \
            and _reads_as_headline(found):
        title = found
    if title is None or (head.title and same(title, head.title)):
        return head.title, head.others
    return _replaced(head, title)


def _replaced(head: _Choice, title: str) -> tuple[str, list[str]]:
    """``title`` for the headline; the one it replaces first among the others."""
    others = [other for other in head.others if not same(other, title)]
    if head.title:
        others.insert(0, head.title)
    return title, others[:OTHER_TITLES]


def _named_elsewhere(title: str, text: Sequence[str]) -> bool:
    """No word of ``title`` (of four letters or more) is in the article's ``text``: the
    ``<title>`` names the site or a section. (Not judged for Chinese or Japanese, written
    without spaces.)"""
    words = re.findall(r"[^\W\d_]{4,}", title.casefold())
    if not words or UNSPACED.search(title):
        return False
    body = " ".join(text).casefold()
    return not any(w in body for w in words)


def _reads_as_headline(text: str) -> bool:
    """Three words or more (or Chinese or Japanese), no sentence's full stop at the end,
    no lower-case start: not a word of a test page's "Lorem ipsum" nor a sentence."""
    return (len(text.split()) >= 3 or UNSPACED.search(text) is not None) \
        and not text.endswith(".") and not text[:1].islower()


def _searched(found: _Sources, meta: dict[str, list[str]], host: str) -> str | None:
    """The ``<h1>`` headline, where the declared headline only repeats ``<title>`` (the
    headline written for search, "California's Disasters Are a Warning") and ``og:title``
    prints what the ``<h1>`` shows ("How Can We Plan for the Future in California?"): the
    page shows its readers and shares one headline, and its data copies the other."""
    shown = [h.text for h in found.h1s if not h.furniture]
    title = strip_site(found.page_title, found.sites, host) if found.page_title else ""
    declared = found.declared or ""
    if not shown or same(shown[0], declared) or not same(title, declared):
        return None
    shared = meta.get("og:title", [])
    return shown[0] if shared and same(strip_site(shared[0], found.sites, host), shown[0]) \
        else None


def _chosen(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]], host: str,
            found: _Sources) -> tuple[str | None, bool, bool]:
    """The headline, chosen from ``found`` (the order is the module docstring's), and
    whether it is unconfirmed or the lone ``<h1>`` (:class:`_Choice`)."""
    h1s, sites, page_title = found.h1s, found.sites, found.page_title
    if found.declared:
        return _searched(found, meta, host) or found.declared, False, False
    named: list[str] = [ld_text(obj, "headline") or ld_text(obj, "name") for obj in articles]
    for key in ("og:title", "twitter:title", "headline", "title", "dc.title",
                "parsely-title", "sailthru.title"):
        named.extend(meta.get(key, []))
    named = [strip_site(n, sites, host) for n in named if n]
    named = [n for n in named if n and not is_site(n, sites, host)]
    stripped_title = strip_site(page_title, sites, host) if page_title else ""
    confirmers = [*named, stripped_title, page_title]
    confirmed = _confirmed(h1s, confirmers, page_title)
    if confirmed:
        return confirmed, False, False
    h1s = [h for h in h1s if not h.furniture]
    h2s = [h for h in visible_h2s(tree) if not h.furniture]
    # "Health Center" in the <h1>, the article's headline in an <h2>
    confirmed = _confirmed(h2s, confirmers, page_title)
    if confirmed:
        return confirmed, False, False
    if len({h.text for h in h1s}) == 1:
        return h1s[0].text, False, not named
    if not h1s:
        # "Blog name » Blog Archive » Post": the <h2> that is one part of the <title>
        confirmed = _confirmed(h2s, SEPARATORS.split(page_title), page_title)
        if confirmed:
            return confirmed, False, False
    if named:
        return named[0], False, False
    for candidate in (*(h.text for h in h1s), stripped_title):
        if candidate:
            return candidate, True, False
    return None, True, False


OTHER_TITLES = 3  # at most this many other titles go into the brief
_UNSPACED_PARTS = re.compile(r"[|｜_]")  # "やさしいニュース|見出し", "标题_栏目"


def _long_words(text: str) -> set[str]:
    """Words of four letters or more ("and", "und", "the" are no shared topic)."""
    return {w for w in re.findall(r"\w{4,}", text.casefold()) if not w.isdigit()}


def _others(sources: _Sources, host: str, chosen: str | None) -> list[str]:
    """The page's other headlines, those ``chosen`` is not: the visible ``<h1>`` headline,
    then the JSON-LD ``headline``, ``og:title``, ``twitter:title`` and ``<title>``, each
    without the site's name, in that order; each once (the first spelling), only those
    that read as a headline (:func:`_plausible`, no site name, a word shared with
    ``chosen``) and are not one already listed with a section's name beside it,
    ``OTHER_TITLES`` at most."""
    sites = sources.sites
    shown = [h.text for h in sources.h1s if not h.furniture][:1]
    found: list[str] = []
    topic = _long_words(chosen or "")
    for text in (*shown, sources.declared or "", *sources.metas, sources.page_title):
        text = strip_site(text, sites, host) if text else ""
        if not text or len(text) > _MAX_DECLARED or is_site(text, sites, host) \
                or not _plausible(Heading(text, [text], text, False)) \
                or (topic and not topic & _long_words(text)):  # a section's or site's name
            continue
        # one listed with a section's or the site's name ("Blog Archive » Headline",
        # "Headline - waz.de") is no other
        parts = [text, *SEPARATORS.split(text), *_UNSPACED_PARTS.split(text)]
        listed = [squash(seen) for seen in (chosen or "", *found) if squash(seen)]
        if not any(squash(part) in listed for part in parts) \
                and not any(squash(text).startswith(seen) for seen in listed):
            found.append(text)
    return found[:OTHER_TITLES]
