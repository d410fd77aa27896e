"""Extract an article from a saved HTML page.

The page is parsed once. Metadata is read from the whole page first (JSON-LD and
``<meta>`` live in ``<head>`` and ``<script>``), see :mod:`.metadata`; the date comes
from htmldate (trafilatura's date finder), else JSON-LD or a publication ``<meta>``.
Then every element a reader cannot see is removed (:mod:`.page`) and trafilatura
extracts the article text, which :mod:`.body` turns into plain paragraphs, short page
junk left out; on a page where trafilatura finds no text, the text-dump extractor reads
the page's visible lines, and a page whose article shows only without JavaScript is
read with its ``<noscript>`` content, and one that shows none (its scripts fill it in)
with its JSON-LD ``articleBody`` or the data it streams to its scripts (Next.js). A
leading paragraph that repeats the headline is dropped. Where the markup names no
author at all, the page's visible lines are read for one as a text dump's are.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from typing import Any

from lxml import etree

from briefs.extract import langscript
from briefs.extract.dates import parse_date
from briefs.extract.html import metadata as md
from briefs.extract.html.body import (
    declared_text,
    paragraphs,
    streamed_text,
    without_widgets,
)
from briefs.extract.html.dateparse import for_language, known
from briefs.extract.html.headlines import headlines
from briefs.extract.html.page import (
    flat,
    flatten_long_runs,
    json_ld,
    meta_values,
    parse,
    strip_invisible,
    visible_lines,
)
from briefs.extract.text import lexicon
from briefs.extract.text import meta as text_meta
from briefs.extract.text.blocks import CJK
from briefs.record import Brief

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)
# Labels trafilatura's author search can land on in a comment form or an author box.
_FORM_LABELS = frozenset({"name", "author", "autor", "auteur", "autore", "by", "von", "par",
                          "e-mail", "email", "website", "webseite", "comment", "kommentar",
                          "nombre", "nom"})
# Words trafilatura's author search brings along from a date or a reading time
# ("Editor December", "Dec", "Lesedauer"), and a template's placeholder ("Xxx").
_NOT_AUTHOR_WORDS = frozenset({"lesedauer", "lesezeit", "min", "minutes", "read", "updated",
                               "published", "xxx", "xx", "n/a"})


# Month names that are people's names too ("Theresa May", "Jan Novák"): kept.
_NAMES_TOO = frozenset({"may", "june", "april", "august", "march", "jan", "mai", "juni",
                        "juli", "julio", "augusto", "mar", "maj", "mart", "marts"})


def _author_words(text: str) -> str | None:
    """trafilatura's author answer without month names, reading-time and date labels,
    and without a name printed twice (``Confreaks Confreaks``); ``None`` if nothing is left."""
    def kept(word: str) -> bool:
        key = word.casefold().strip(".,:")
        return key not in _NOT_AUTHOR_WORDS and (key not in text_meta.MONTHS
                                                 or key in _NAMES_TOO)
    return md.once(" ".join(w for w in text.split() if kept(w))) or None


_NOSCRIPT = re.compile(r"<noscript", re.IGNORECASE)
_DATE_KEYS = ("article:published_time", "datepublished", "og:published_time",
              "publish-date", "pubdate", "dc.date.issued", "date")


MAX_TITLE = 300  # characters, as for a text dump's headline line
LEAD_WORDS = 12  # a line opening trafilatura's text this short may be a byline or a widget
_MENU_SEPARATOR = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
MENU_ITEMS, MENU_ITEM_WORDS = 3, 3


def _menu_row(line: str) -> bool:
    """A row of links, as a menu prints them: three items or more, of three words at
    most each, between bars or dots ("Home | News Archives | Browse | Feedback",
    "Rugby · Soccer · Cricket"), no sentence's end."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    items = [item for item in items if item and item not in "|·•"]
    return len(items) >= MENU_ITEMS and not line.rstrip().endswith((".", "!", "?")) \
        and all(len(item.split()) <= MENU_ITEM_WORDS for item in items)


def extract_html(html: str) -> Brief:
    """Headline, body paragraphs and metadata from an HTML page."""
    tree = parse(html)
    if tree is None:
        return Brief()
    flatten_long_runs(tree)  # (before htmldate, which reads the text node by node too)
    ld = json_ld(tree)
    meta = meta_values(tree)
    articles = md.article_objects(ld)
    url = _url(tree, meta)
    sites = md.site_names(meta, articles)
    host = md.host_of(url)
    # a person the page's data or its byline names, else one printed under the headline,
    # else the newsroom the data names, else trafilatura's guess, else the site's own
    # name; a page that names no one is read as a dump (below, once the hidden is gone)
    authors = md.author_layers(tree, meta, articles)
    byline = md.byline(authors, sites) or md.byline_after_headline(tree) \
        or md.newsroom(articles)
    if byline is None:
        from trafilatura.metadata import extract_author

        found = extract_author(tree)
        guess = _author_words(md.clean_byline(found.replace("; ", ", "))) if found else None
        if guess and (guess.casefold() in _FORM_LABELS or not md.plausible_name(guess)):
            guess = None  # a comment form's "Name" field or a photo credit, not an author
        byline = guess if guess and not md.names_the_site(guess, sites) \
            else md.site_byline(authors) or guess
    declared = _lang(tree, meta)
    date = _date(tree, meta, articles, url, declared)
    # a January 1 that no markup states is htmldate's guess from a year alone (a
    # copyright line's "© 2022"): the day the visible text gives, else none (the brief
    # asks an editor); the markup is read before the hidden elements go. A page htmldate
    # finds no day on is read the same way: a date line it cannot read ("۱۴ آبان ۱۴۰۴",
    # the Solar Hijri calendar) dates it as it would a text dump. A day htmldate finds
    # one day off the printed date line is the printed one.
    guessed = date is not None and (
        ((date.month, date.day) == (1, 1) and date not in _machine_dates(tree, meta, articles))
        or (date.day == 1 and _impossible_day(date, tree, meta, articles)))
    strip_invisible(tree)
    dump = _AsDump(tree)
    if guessed or date is None:
        date = dump.brief(head_only=True).date
    title, others = headlines(tree, meta, articles, sites, host, dump.lines(),
                              dump.headline_and_text)
    if date is not None and not guessed and title:
        # a timestamp in UTC ("2020-12-24T23:59:50+00:00") may fall on the day before or
        # after the one the page prints for its readers ("25 ديسمبر 2020"): the printed
        # day, which annotators and readers go by
        printed = _printed_day(dump.lines(), title, declared == "en")
        if printed is not None and abs((printed - date).days) == 1:
            date = printed
    if byline is None:
        byline = _dump_byline(dump)
    elif _FIRST_NAME.match(byline) and not md.names_the_site(byline, sites):
        byline = _full_name(byline, dump)
    body = _article_text(tree, url, dump)
    if not body and _NOSCRIPT.search(html):
        # a page that shows its article only to readers without JavaScript
        tree = parse(html)
        flatten_long_runs(tree)
        strip_invisible(tree, noscript=True)
        again = _AsDump(tree)
        title, others = headlines(tree, meta, articles, sites, host, again.lines(),
                                  again.headline_and_text)
        body = _article_text(tree, url, again)
    if not body:  # a page its scripts fill in: the text its JSON-LD declares, else the
        # data it streams to them
        body = declared_text(articles, title) or streamed_text(html)
    # the headline, and the date line printed above it ("08.04.2015 12:46"), open no body
    # and a short line of furniture or a byline above them ("Home | News | Sport", "By Ann
    # Porter", trafilatura's text of a table layout) neither
    while body and ((title and md.same(body[0], title)) or text_meta.only_a_date(body[0])
                    or _menu_row(body[0])
                    or (len(body[0].split()) < LEAD_WORDS
                        and (lexicon.is_junk_line(body[0]) or text_meta.find_byline(body[0])))):
        body.pop(0)
    if body and title and body[0].startswith(title + " "):
        # trafilatura's text of a page it finds no article in: the headline's line and
        # the next run into one paragraph ("Harbour bridge opens The new bridge...")
        rest = body[0][len(title) + 1:]
        if rest in dump.lines():
            body[0] = rest
    if title and len(title) > MAX_TITLE:  # an <h1> that holds a whole paragraph or more
        title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"
    return Brief(
        title=title,
        other_titles=tuple(others),
        body=tuple(body),
        date=date,
        byline=byline or None,
        categories=md.categories(meta, ld, articles, title, tuple(sites), host),
        tags=_tags(meta, articles, tuple(sites), host),
        description=md.description(meta, articles),
        site_name=sites[0] if sites else None,
        url=url,
        lang=declared,
    )


PRINTED_BELOW = 20  # lines under the headline searched for its date line


def _printed_day(lines: list[str], title: str, english: bool) -> dt.date | None:
    """The day the date line printed around the headline gives, as a text dump's date
    is read (none when the headline is not on a line of its own)."""
    head = next((i for i, line in enumerate(lines) if md.same(line, title)), None)
    if head is None:
        return None
    month_first = text_meta.numeric_order(lines, default=english)
    return text_meta.date_near(lines, head, max(0, head - text_meta.NEAR_ABOVE),
                               min(len(lines), head + PRINTED_BELOW), month_first)


HEAD_CHARS = 60_000  # the visible text read for an author: a byline is near the top


class _AsDump:
    """The page read as a text dump is (its visible lines), once, when first needed: for
    the text where trafilatura finds none, and its opening for the author where the
    markup names none (the same reading, on a page shorter than ``HEAD_CHARS``)."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self._lines: list[str] | None = None
        self._briefs: dict[bool, Brief] = {}

    def _read(self, lines: list[str]) -> Brief:
        from briefs.clean import clean_text
        from briefs.extract.text import extract_text

        text, _notes = clean_text("\n\n".join(lines))
        return extract_text(text)

    def lines(self) -> list[str]:
        """The page's visible lines."""
        if self._lines is None:
            self._lines = visible_lines(self.tree)
        return self._lines

    def headline_and_text(self) -> tuple[str | None, tuple[str, ...]]:
        """The headline and the text the whole page's visible lines give."""
        read = self.brief()
        return read.title, read.body

    def brief(self, head_only: bool = False) -> Brief:
        lines = self.lines()
        size, cut = 0, len(lines)
        for k, line in enumerate(lines):
            size += len(line)
            if size > HEAD_CHARS:
                cut = k
                break
        key = head_only and cut < len(lines)
        if key not in self._briefs:
            self._briefs[key] = self._read(lines[:cut] if key else lines)
        return self._briefs[key]


_FIRST_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]{2,}$")
_SURNAME = r"\s+([A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?|[A-ZÀ-Þ]{3,})\b"


def _full_name(first: str, dump: _AsDump) -> str:
    """The author's full name where the markup gives a first name only ("Nils") and the
    page prints it whole ("Eine Kolumne von Nils Pickert", "Todd Bates"): the surname
    that most often follows the first name on the page's lines (not a stopword of any
    language, as "Ich" in "Nils Ich", nor the first name again)."""
    after = re.compile(r"\b" + re.escape(first) + _SURNAME, re.IGNORECASE)
    seen: Counter[str] = Counter()
    for line in dump.lines():
        if first.casefold() in line.casefold():
            seen.update(m[1] for m in after.finditer(line) if m[1][:1].isupper()
                        and not lexicon.in_any_stoplist(m[1].casefold())
                        and m[1].casefold() != first.casefold()
                        and text_meta.looks_like_name(f"{first} {m[1]}") is not None)
    if not seen:
        return first
    surname = max(sorted(seen), key=lambda k: seen[k])
    return f"{first} {surname.title() if surname.isupper() else surname}"


def _dump_byline(dump: _AsDump) -> str | None:
    """The author a text dump of the page names (a bare name under the headline, a
    "By" line the markup does not mark), for a page whose markup names no one: a
    person's name or a desk, not a widget's label."""
    found = dump.brief(head_only=True).byline
    if found and (lexicon.is_junk_line(found)
                  or (text_meta.looks_like_name(found.split(",")[0]) is None
                      and not _CHINESE_NAMES.match(found))):
        return None
    return found


# Names in Chinese script, as an editor's credit gives them ("牛镛, 岳弘彬")
_CHINESE_NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:, [\u4e00-\u9fff]{2,4})*$")


def _article_text(tree: Any, url: str | None, dump: _AsDump) -> list[str]:
    """The article's paragraphs: trafilatura's, else (where trafilatura finds none, as
    on a blog laid out in tables) what the text-dump extractor finds in the page's
    visible lines."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False,
            fast=_blocks(tree) > FALLBACK_BLOCKS,
        )
    except RecursionError:  # (lists nested some 500 deep: trafilatura recurses into each)
        doc = None
    if doc is not None and doc.body is not None:
        body = without_widgets(paragraphs(doc.body))
        if body:
            return _without_tail(body, dump)
    return list(dump.brief().body)


SHORT_WORDS = 8  # fewer words (and not a line of Chinese, Japanese or Korean): a short line
TAIL_LINES = 3  # a tail this long at least ...
TAIL_SHORT = 0.7  # ... of this share of short lines, at least


def _short(paragraph: str) -> bool:
    return len(paragraph.split()) < SHORT_WORDS \
        and not (CJK.search(paragraph) is not None and len(paragraph) >= 20)


def _without_tail(body: list[str], dump: _AsDump) -> list[str]:
    """trafilatura's paragraphs without the tail it keeps after the article on a page it
    cannot split (a table layout): where the text-dump reading of the visible lines ends
    on one of them, and what follows is ``TAIL_LINES`` or more, mostly short (a list of
    links, a comment thread's signatures, a site's directory). The page is read twice only
    when two of trafilatura's last three lines are short. On L3S-GN1's 604 pages of 2008
    it raised body F1 from 0.912 to 0.921, on fundus's 141 working pages from 0.954 to
    0.956, on newspaper4k's 20 from 0.943 to 0.961; it cost 0.0015 on the benchmark's 166
    (a theatre's ticket box that ends an article). (Read for every page with three short
    lines anywhere, it gained a little more there but cost Readability's 90 pages 0.003,
    and HTML extraction 20% of its speed; read this way, no more than the noise of a
    shared machine.)"""
    if sum(map(_short, body[-TAIL_LINES:])) < TAIL_LINES - 1:
        return body  # (no such tail ends the text: the page is not read twice)
    read = dump.brief().body
    if not read:
        return body
    keys = [md.squash(p) for p in body]
    last = md.squash(read[-1])
    if last not in keys:
        return body
    end = len(keys) - keys[::-1].index(last)
    tail = body[end:]
    if len(tail) >= TAIL_LINES and sum(map(_short, tail)) >= TAIL_SHORT * len(tail):
        if _listed(body[end - 1]):
            return body[:end] + _the_list(tail, dump.lines(), last)
        body = body[:end]
    return body


def _the_list(tail: list[str], lines: list[str], last: str) -> list[str]:
    """The lines of ``tail`` that the page prints after the article's last paragraph
    (``last``, squashed) and before the next end-of-article heading ("More from News"):
    the list that paragraph introduces, without the links under it."""
    keys = [md.squash(line) for line in lines]
    if last not in keys:
        return tail
    after = keys.index(last) + 1
    listed = set()
    for line, key in zip(lines[after:], keys[after:], strict=True):
        if lexicon.is_end_marker(line):
            break
        listed.add(key)
    return list(itertools.takewhile(lambda p: md.squash(p) in listed, tail))


def _listed(before: str) -> bool:
    """Whether the lines after ``before`` are a list the article gives: ``before``
    introduces them ("Here is the full changelog of firmware version 400.21.013;",
    "...the ingredients are:"). A first line of the tail that ends in a colon does not
    say so: "On the Net:", "Related Videos:", "Quellen:" head a site's boxes as often
    as "Ingredients:" a list (taken as one, it kept such boxes in 7 L3S-GN1 and 4 fundus
    texts), and nor do numbered lines ("1. Vanishing ice at the top of the world", a
    site's top ten)."""
    return before.rstrip().endswith((":", ";"))


# trafilatura checks its result against jusText's and readability's when it doubts it;
# jusText's time grows with the square of the page's blocks (a table of 10,000 cells: 5 s,
# of 40,000: 90 s). Past this many blocks (the largest real page seen has 7,308, and its
# text is the same either way) trafilatura runs alone.
FALLBACK_BLOCKS = 5000
_BLOCK_TAGS = ("p", "div", "td", "th", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "pre", "section", "article")


def _blocks(tree: Any) -> int:
    return sum(1 for _ in tree.iter(*_BLOCK_TAGS))


def _url(tree: Any, meta: dict[str, list[str]]) -> str | None:
    candidates = [el.get("href") or "" for el in tree.iter("link")
                  if (el.get("rel") or "").lower() == "canonical"]
    candidates += meta.get("og:url", [])
    for value in candidates:
        value = value.strip()
        if value.startswith("//"):
            value = "https:" + value
        if re.match(r"^https?://[^\s/]+\.[^\s/]+", value):
            return value
    return None


def _date(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]],
          url: str | None, declared: str | None) -> dt.date | None:
    """Publication day: htmldate (original date, extensive search), else JSON-LD
    ``datePublished``, else a publication ``<meta>``. htmldate's last resort, dateparser,
    reads the language the page declares and English (:mod:`.dateparse`); a page that
    declares none, one dateparser does not know, or one whose script is not the text's,
    the language of its text.

    htmldate comes first: it reads the page's own local date where JSON-LD often gives
    UTC, which can be the next calendar day.
    """
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    language = known(declared)  # (the page's own: ``<html lang>``, ``og:locale``)
    sample = _text_sample(tree)
    if language and not langscript.fits(language, (sample,)):
        language = None  # an English theme's lang="en" over a Bengali text: ask every language
    if language is None:  # none declared, or none dateparser knows: the text's
        from briefs.compose.lang import detect_language

        language = detect_language(sample)
    try:
        with for_language(language):
            found = find_date(tree, url=url, **set_date_params(True))
    except (ValueError, OverflowError):  # "2024-03-05T10:00:00+9999": no such time zone
        found = None
    day = parse_date(found)
    if day is not None:
        return _unswapped(day, tree, meta, articles)
    for obj in articles:
        day = parse_date(obj.get("datePublished"))
        if day is not None:
            return day
    for key in _DATE_KEYS:
        for value in meta.get(key, []):
            day = parse_date(value)
            if day is not None:
                return day
    return None


_SAMPLE_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]")


def _text_sample(tree: Any) -> str:
    """The first characters of the page's text, enough to tell its script."""
    sample: list[str] = []
    size = 0
    for text in _SAMPLE_TEXT(tree):
        sample.append(text)
        size += len(text)
        if size >= langscript.SAMPLE:
            break
    return "".join(sample)


def _machine_dates(tree: Any, meta: dict[str, list[str]],
                   articles: list[dict[str, Any]]) -> set[dt.date | None]:
    """The days the page's markup states: ``<time datetime>``, JSON-LD ``datePublished``
    and the publication metas."""
    return {parse_date(stamp) for stamp in _machine_stamps(tree, meta, articles)}


def _machine_stamps(tree: Any, meta: dict[str, list[str]],
                    articles: list[dict[str, Any]]) -> list[Any]:
    """The stamps of ``_machine_dates`` as the markup writes them."""
    return [*tree.xpath("//time/@datetime"), *(o.get("datePublished") for o in articles),
            *(v for key in _DATE_KEYS for v in meta.get(key, []))]


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _impossible_day(first: dt.date, tree: Any, meta: dict[str, list[str]],
                    articles: list[dict[str, Any]]) -> bool:
    """Whether the markup states a day that no calendar has in ``first``'s month
    ("2024-02-30"): htmldate reads such a stamp as the month alone, and dates the page
    the 1st, a day the page never gave."""
    for stamp in _machine_stamps(tree, meta, articles):
        for year, month, day in _ISO_DAY.findall(str(stamp or "")):
            if (int(year), int(month)) == (first.year, first.month):
                try:
                    dt.date(int(year), int(month), int(day))
                except ValueError:
                    return True
    return False


def _unswapped(day: dt.date, tree: Any, meta: dict[str, list[str]],
               articles: list[dict[str, Any]]) -> dt.date:
    """``day``, or the same figures read the other way round when only that day is in
    the page's machine-readable dates (htmldate read the visible "10/04/2016" day first
    on a page whose ``<time datetime="2016-10-04 ...">`` says October)."""
    if day.day > 12 or day.day == day.month:
        return day
    machine = _machine_dates(tree, meta, articles)
    swapped = day.replace(month=day.day, day=day.month)
    return swapped if swapped in machine and day not in machine else day


# A publishing system's own labels among the keywords ("Featured-auf-Startseite",
# "section:news", "Articles", "Uncategorized", "evergreen"), which say nothing to a reader.
_CMS_TAG = re.compile(
    r"^(?:articles?|news|uncategori[sz]ed|allgemein|home|homepage|startseite|evergreen|"
    r"top[- ]?stor(?:y|ies)|aufmacher|teaser)$|featured|startseite|homepage|^\w+:\S",
    re.IGNORECASE)


def _tags(meta: dict[str, list[str]], articles: list[dict[str, Any]],
          sites: tuple[str, ...] = (), host: str = "") -> tuple[str, ...]:
    tags = list(meta.get("article:tag", []))
    for obj in articles:
        keywords = obj.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            tags.extend(k for k in keywords if isinstance(k, str))
    if not tags:
        for value in meta.get("news_keywords", []) + meta.get("keywords", []):
            tags.extend(value.split(","))
    cleaned = [flat(t) for t in tags]
    site = md.site_keys(sites, host)
    return tuple(dict.fromkeys(t for t in cleaned if t and len(t) <= 50
                               and not _CMS_TAG.search(t) and md.squash(t) not in site))[:12]


def _lang(tree: Any, meta: dict[str, list[str]]) -> str | None:
    for value in [tree.get("lang") or "", *meta.get("og:locale", []),
                  *meta.get("content-language", [])]:
        match = _LANG.match(value.strip())
        if match:
            return match[1].lower()
    return None
