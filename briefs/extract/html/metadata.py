"""Byline, site name, section and description of a saved news page (and the site-name
helpers the headline uses).

Each field has candidates from several layers of the page; the order is written down
per field and tested:

- headline: see :mod:`.headlines`.
- byline: JSON-LD article ``author`` names > ``author`` metas (not URLs) > the visible
  byline element (``rel=author``, ``itemprop=author``, class ``byline``/``author``), read
  as a dump's byline line is (``29. Juni 2017 · von Tobi`` gives ``Tobi``), each without
  the names that are the site's own ("Lesotho Times", "mdr.de"); then a "By ..." line or
  an author link just under the ``<h1>``; then the organisation the JSON-LD names as
  author ("DER SPIEGEL"); then trafilatura's guess; the site's own name last.
  A leading "By"/"Par"/"Von"/"Por" and trailing dates are removed.
- site name: ``og:site_name`` > JSON-LD ``publisher.name`` > ``application-name`` >
  ``twitter:site``.
- categories: JSON-LD ``BreadcrumbList`` (without "Home" and the article itself) >
  ``article:section`` metas > JSON-LD ``articleSection``.
- description: ``og:description`` > ``description`` > ``twitter:description`` > JSON-LD.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from briefs.extract.html.page import flat, text_of, types_of
from briefs.extract.text import lexicon
from briefs.extract.text import meta as text_meta
from briefs.extract.text.blocks import CJK

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting", "TechArticle",
})
# ("ㅣ", a Hangul letter that never stands alone in a word, is Korean sites' "|")
SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»«/~ㅣ]|::|l)\s+")
_NOT_WORD = re.compile(r"\W+")
DATEISH = re.compile(r"^[\d\s./:-]+$|^\w{3,9}\.? \d{1,2},? \d{4}$")
_BY = re.compile(r"^(?:by|par|von|por|de|di|door|av|af|from)\s+", re.IGNORECASE)
_BYLINE_TAIL = re.compile(
    r"\s*(?:\b(?:updated|published|posted|on)\b.*|[,|•·]?\s*\d{1,2}\s+\w{3,9}\.?\s+\d{4}.*"
    r"|[,|•·]?\s*\w{3,9}\.?\s+\d{1,2},?\s+\d{4}.*|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*)$",
    re.IGNORECASE)
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'byline')"
    " or contains(@class, 'author-name') or contains(@class, 'author__name')"
    " or contains(@class, 'AuthorName') or contains(@class, 'article-author')]"
)
_HOME = {"home", "homepage", "startseite", "accueil", "inicio", "início", "portada",
         "úvod", "news"}


def squash(text: str) -> str:
    """Letters and digits only, lower case: the key two spellings of a name share."""
    return _NOT_WORD.sub("", text).lower()


def same(a: str, b: str) -> bool:
    """Equal after normalising quotes, dashes, case and spacing."""
    return bool(a) and squash(a) == squash(b)


def host_of(url: str | None) -> str:
    """``theguardian`` from ``https://www.theguardian.com/x`` (empty when no URL)."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "https://[a.b/x": no address (left out of the brief with a note)
        return ""
    labels = [x for x in host.split(".") if x not in ("www", "m", "amp", "edition")]
    return labels[0] if labels else ""


def site_names(meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> list[str]:
    """Names the site goes by, best first."""
    names = list(meta.get("og:site_name", []))
    for obj in articles:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(flat(publisher["name"]))
    for key in ("application-name", "apple-mobile-web-app-title", "twitter:site"):
        names.extend(v.lstrip("@") for v in meta.get(key, []))
    return [n for n in dict.fromkeys(names) if n][:MAX_SITE_NAMES]


MAX_SITE_NAMES = 10  # (each headline and crumb is compared with each name)


def is_site(segment: str, sites: list[str], host: str) -> bool:
    """Whether a part of a title (or a heading) names the site, or is only a date."""
    key = squash(segment)
    if not key:
        return True
    if DATEISH.match(segment.strip()):
        return True
    for name in [*sites, host]:
        other = squash(name)
        if other and len(key) >= 3 and (key == other or key in other or
                                        (len(other) >= 4 and other in key and
                                         len(key) <= len(other) + 6)):
            return True
    return False


def strip_site(title: str, sites: list[str], host: str) -> str:
    """``title`` without a leading or trailing segment naming the site (or a date)."""
    title = flat(html_lib.unescape(title))
    for _ in range(3):
        parts = SEPARATORS.split(title)
        if len(parts) < 2:
            break
        matches = list(SEPARATORS.finditer(title))
        if is_site(parts[-1], sites, host):
            title = title[: matches[-1].start()].strip()
        elif is_site(parts[0], sites, host):
            title = title[matches[0].end():].strip()
        else:
            # "Title | example.ch | The site's slogan": the site's name, then its slogan
            named = [k for k in range(1, len(parts) - 1) if is_site(parts[k], sites, host)]
            if named:
                title = title[: matches[named[0] - 1].start()].strip()
            break
    return _strip_unspaced(title, sites, host) if CJK.search(title) else title


# Chinese, Japanese and Korean titles part their segments without spaces:
# "标题_栏目_站名", "「Treeviz」:phpspot開発日誌", "見出し｜サイト名", "제목ㅣ한국일보".
_UNSPACED_SEP = re.compile(r"[_｜|:：ㅣ]")


def _strip_unspaced(title: str, sites: list[str], host: str) -> str:
    """A Chinese or Japanese ``title`` without its site's segment after an unspaced
    separator, or, when underscores part three segments or more (a CMS's "headline_
    section_site"), its first segment when that is the longest."""
    pieces = title.split("_")
    if len(pieces) >= 3 and len(pieces[0]) == max(len(p) for p in pieces):
        return pieces[0].strip()
    for _ in range(3):
        parts = _UNSPACED_SEP.split(title)
        if len(parts) < 2 or not is_site(parts[-1], sites, host):
            break
        title = title[: title.rfind(parts[-1]) - 1].strip() or title
    return title


def ld_text(obj: dict[str, Any], key: str) -> str:
    """A JSON-LD string value, unescaped and on one line (empty when absent)."""
    value = obj.get(key)
    return flat(html_lib.unescape(value)) if isinstance(value, str) else ""


def _names(value: Any, people: bool = True) -> list[str]:
    """Author names from a JSON-LD ``author`` value (a string, a Person or a list); with
    ``people`` false, the organisations' names it gives instead."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            if people:
                names.append(item)
        elif isinstance(item, dict):
            kinds = types_of(item)
            if people == bool(kinds and not kinds & {"Person", "Author"}):
                continue
            name = item.get("name")
            if isinstance(name, str):
                names.append(name)
    return [flat(html_lib.unescape(n)) for n in names if n and n.strip()]


# "Travel By Sophie Foster": a section's name before the "By"
_SECTION_BY = re.compile(r"^(?:[\w&'’-]+\s){1,2}By\s+(?=[A-Z])")
# "(Image: Getty Images/iStockphoto)": a photo credit, not an author
_PHOTO_CREDIT = re.compile(r"^\(|^(?:image|photo|photograph|picture|foto|bild)\b|"
                           r"\b(?:image|photo|picture|foto|bild|credit)\s*:", re.IGNORECASE)


# A label before the author's name: "Zum Profil von jesusfreak", "Artikel von hausinfo",
# "Text und Interview: Harald Willenbrock", "Author Bo"
_LABEL = re.compile(r"^(?:zum profil von|(?:ein )?(?:artikel|beitrag) von|vom|"
                    r"text (?:und|&) (?:interview|fotos?|bilder)\s*:|author|autor|auteur)\s+",
                    re.IGNORECASE)
# A "Follow" button's label run into the name: "Inga HoeltmannFollow"
_FOLLOW_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?:Follow|Folgen)$")
# A share button's label after the name: "Steven Shepard Link Copied"
_BUTTON_TAIL = re.compile(r"\s+(?:link copied|copy link|copied|share|teilen|partager)$",
                          re.IGNORECASE)


# Korean puts the word for reporter after the name: "홍길동 기자" (as the text dumps read it)
_KOREAN_REPORTER = re.compile(r"(?<=[\uac00-\ud7af])\s?(?:선임)?(?:기자|특파원)$")


def clean_byline(text: str) -> str:
    """A byline without "By" or a label before it, and without a date or a "Follow"
    button glued to its end (nor a Korean name's "기자", reporter)."""
    text = _KOREAN_REPORTER.sub("", flat(text))
    text = _SECTION_BY.sub("", text)
    text = _LABEL.sub("", text)
    text = _BY.sub("", text)
    text = _FOLLOW_GLUED.sub("", _BYLINE_TAIL.sub("", text)).strip(" ,;|-–—")
    # "《KT》": a Japanese or Chinese page sets its writer's name in brackets
    return once(_BUTTON_TAIL.sub("", text)).strip("《》〈〉「」『』【】")


_SEGMENT = re.compile(r"\s+[·|•—–/]\s+|\s*\|\s*")
_NOT_A_NAME_SEGMENT = re.compile(r"^(?:in|im|dans|en|unter|under|kategorie\w*|categor\w*)\b",
                                 re.IGNORECASE)


def visible_byline(text: str) -> str | None:
    """The author named by a visible byline element, which often holds the date and the
    section too: ``29. Juni 2017, 23:39 · von Tobi`` -> ``Tobi``; ``Limespacer · 22.
    Oktober 2019`` -> ``Limespacer``; ``Newsdesk 28. Januar 2022, 12:01`` -> ``Newsdesk``.
    The text dumps' byline reading (:mod:`briefs.extract.text.meta`) comes first."""
    line = once(_BUTTON_TAIL.sub("", flat(text)))
    name = text_meta.find_byline(line) or text_meta.find_inner_byline(line)
    if name:
        return name
    got = text_meta.name_line(line)
    if got:
        return got[0]
    segments = _SEGMENT.split(line)
    kept = [seg for seg in segments if seg and text_meta.find_date(seg) is None
            and not text_meta.CLOCK.search(seg) and not _NOT_A_NAME_SEGMENT.match(seg)]
    if len(kept) < len(segments) and kept:
        return kept[0]
    cut = text_meta.date_start(line)
    rest = (line[:cut] if cut is not None else line).strip(" ,;|-–—·•")
    return _the_name(rest)


def once(text: str) -> str:
    """``Duncan Bell Duncan Bell`` (a name and its link, run together) -> ``Duncan Bell``."""
    words = text.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half and words[:half] == words[half:] else text


# What follows a name in a byline element: a role, a time, a handle, the paper's name in
# capitals ("Meg Wagner NEW YORK DAILY NEWS", "Gina Trapani CEO", "Zach Hanlon 5 minute read").
_AFTER_NAME = re.compile(r"\s+(?:(?-i:[A-Z]{2,}\b).*|\d.*|(?:last|updated|is|was|on|via|"
                         r"twitter|facebook|instagram|linkedin|e-?mail|follow|posted|"
                         r"published)\b.*)$", re.IGNORECASE)


def _the_name(text: str) -> str | None:
    """A byline element's text once its names are found: the names at its start, else the
    text itself when short and wordy enough to be a name or a newsroom; else nothing (a
    date, a month, a reading-time label, a placeholder)."""
    if text_meta.only_a_date(text):
        return None
    cut = once(_AFTER_NAME.sub("", text))
    first = cut.split()[0].casefold().rstrip(".,") if cut else ""
    if not cut or first in _NOT_NAMES or (cut.casefold().rstrip(".") in text_meta.MONTHS):
        return None  # "Editor December 20", "Dec 1st 2016" (not "April Glaser")
    names = text_meta.leading_names(cut)
    if names:
        return names
    if len(cut.split()) > 5 or any(c.isdigit() for c in cut) or lexicon.is_junk_line(cut):
        return None
    return cut


# Labels and placeholders a byline element may hold instead of a name.
_NOT_NAMES = frozenset({"editor", "editors", "admin", "administrator", "xxx", "redaktion",
                        "red", "lesedauer", "lesezeit", "staff", "author", "autor"})


# The site's own credits in its footer: "Peter Amende und Fuchsy designed", "Hecho en
# Bolivia con Drupal por Smartica"
_SITE_CREDIT = re.compile(r"\b(?:designed|powered|webdesign|drupal|wordpress|joomla|"
                          r"theme)\b", re.IGNORECASE)


def plausible_name(text: str) -> bool:
    """Not an address, nor a photo credit, nor a site's account ("admin"), nor "von" or
    "By" alone (a byline element whose name is a link printed in another element)."""
    return (2 <= len(text) <= 120 and "://" not in text and "@" not in text
            and "[at]" not in text and not _SITE_CREDIT.search(text)
            and not text.lower().startswith(("http", "www.")) and any(c.isalpha() for c in text)
            and not text_meta.is_by_word(text) and not _PHOTO_CREDIT.search(text)
            and not text_meta.is_account(text))


_LOWER_IN_NAMES = frozenset({"and", "und", "et", "y", "e", "og", "och", "&", "von", "van",
                             "de", "da", "del", "der", "di", "du", "la", "le", "dos", "bin",
                             "al", "el"})


def _names_only(text: str) -> str:
    """What a byline element shows, without the comma-separated parts that read as a
    phrase, not a name: several words, one of them lower case and no particle ("See full
    bio", "Link Copied" aside, which have their own capitals). A lone lower-case word is
    a user name ("gizzmo") and stays."""
    kept = []
    for part in text.split(","):
        words = part.split()
        if len(words) >= 2 and any(w[:1].islower() and w.casefold() not in _LOWER_IN_NAMES
                                   and "." not in w for w in words):
            continue
        kept.append(part.strip())
    return ", ".join(k for k in kept if k)


def author_layers(tree: Any, meta: dict[str, list[str]],
                  articles: list[dict[str, Any]]) -> list[list[str]]:
    """Who the page says wrote it, source by source: JSON-LD, meta tags, byline elements
    (read once; :func:`byline` and :func:`site_byline` choose among them)."""
    layers: list[list[str]] = [[n for obj in articles for n in _names(obj.get("author"))]]
    layers.append([v for key in ("author", "article:author", "parsely-author", "byl",
                                 "dc.creator", "sailthru.author") for v in meta.get(key, [])])
    visible = [visible_byline(text_of(el)) for el in tree.xpath(_BYLINE_XPATH)[:3]]
    layers.append([n for n in (_names_only(clean_byline(once(v))) for v in visible if v) if n])
    return layers


def byline(layers: list[list[str]], sites: list[str]) -> str | None:
    """The author line from :func:`author_layers` (see the module docstring for the
    order): the first source that names someone other than the site itself."""
    return _first_layer(layers, lambda n: not names_the_site(n, sites))


def site_byline(layers: list[list[str]]) -> str | None:
    """The site's own name where the page gives it as the author ("Telebasel",
    "mdr.de"): a last resort, when no person and no newsroom is named."""
    return _first_layer(layers, plausible_name)


MAX_NAMES = 50  # of a layer's names compared (each with each): a byline shows four


def _first_layer(layers: list[list[str]], keep: Callable[[str], bool]) -> str | None:
    """The names of the first layer that has any ``keep`` accepts, at most four."""
    for names in layers:
        cleaned = [n for n in (clean_byline(n) for n in names[:MAX_NAMES]) if keep(n)]
        unique = list(dict.fromkeys(cleaned))
        unique = [n for n in unique if not any(n != o and squash(n) in squash(o) for o in unique)]
        if unique:
            return ", ".join(unique[:4])
    return None


def names_the_site(name: str, sites: list[str]) -> bool:
    """A byline that is no author: not plausible, the site's own name ("Lesotho Times"),
    or a web address ("mdr.de"). (The site's address is not compared: a blog's author
    may be its address's name.)"""
    return not plausible_name(name) or squash(name) in {squash(s) for s in sites} \
        or bool(_DOMAIN.match(name.strip()))


def newsroom(articles: list[dict[str, Any]]) -> str | None:
    """The organisation the JSON-LD names as the author, when no person signs the
    article ("DER SPIEGEL")."""
    for obj in articles:
        for org in _names(obj.get("author"), people=False):
            if plausible_name(org):
                return clean_byline(org)
    return None


# After the headline, the first elements a byline can be: a short "By ..." line, or a
# link to the author's page ("/author/jroe", "/about/editors/jon-fingas/").
_AFTER_H1 = ("following::*[self::div or self::p or self::span or self::li or self::address"
             " or self::a][position() <= 120]")
_AUTHOR_HREF = re.compile(r"/(?:author|authors|autor|autoren|auteur|editors|staff|"
                          r"journalist|journalists|redakteur|profile|people)/[\w.%-]+/?$",
                          re.IGNORECASE)
BY_LINE_CHARS = 80  # a "By ..." element is short; a longer one is text that says "by"


def byline_after_headline(tree: Any) -> str | None:
    """The author named just after the page's first ``<h1>``, where class names say
    nothing (generated ones, "G8VY0"): a short ``By Jane Roe`` element, or a link to
    an author's page whose text is a name."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return None
    for el in h1.xpath(_AFTER_H1):
        if el.tag == "a":
            text = text_of(el)
            if _AUTHOR_HREF.search(el.get("href") or "") and text_meta.looks_like_name(text):
                return text
            continue
        if _longer_than(el, 2 * BY_LINE_CHARS):
            continue  # a container of the article, not a line (not read: it is long)
        text = text_of(el)
        if 4 <= len(text) <= BY_LINE_CHARS and text[:1] in "BbVvPp":
            name = text_meta.find_byline(text)
            if name and plausible_name(name):
                return name
    return None


def _longer_than(el: Any, limit: int) -> bool:
    """Whether the text under ``el`` passes ``limit`` characters (read only that far)."""
    size = 0
    for piece in el.itertext():
        size += len(piece.strip())
        if size > limit:
            return True
    return False


def site_keys(sites: tuple[str, ...], host: str) -> set[str]:
    """The site's names and address, squashed (``faz.net`` gives ``faznet`` and ``faz``)."""
    return {key for key in (squash(n) for n in (*sites, host, host.rsplit(".", 1)[0])) if key}


def _names_the_site(crumb: str, sites: tuple[str, ...], host: str) -> bool:
    """A breadcrumb that is the site's own name ("FAZ.NET", "EL PAÍS: el periódico global",
    "Salzburger Nachrichten"), not a section whose name a site's name holds ("Sport")."""
    key = squash(crumb)
    return any(key == n or (len(n) >= 4 and n in key) for n in site_keys(sites, host))


_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def categories(meta: dict[str, list[str]], ld: list[dict[str, Any]],
               articles: list[dict[str, Any]], title: str | None,
               sites: tuple[str, ...] = (), host: str = "") -> tuple[str, ...]:
    """Section labels: breadcrumb trail (without the home page, the site's own name and
    the article), else ``article:section``, else JSON-LD section."""
    crumbs: list[str] = []
    for obj in ld:
        if "BreadcrumbList" not in types_of(obj):
            continue
        items = obj.get("itemListElement")
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            name = item.get("name")
            inner = item.get("item")
            if not isinstance(name, str) and isinstance(inner, dict):
                name = inner.get("name")
            if isinstance(name, str):
                crumbs.append(flat(html_lib.unescape(name)))
    crumbs = [c for c in crumbs if c and c.lower() not in _HOME and len(c) <= 60
              and not (title and same(c, title)) and not _DOMAIN.match(c)
              and not _names_the_site(c, sites, host)]
    if crumbs:
        return tuple(dict.fromkeys(crumbs))
    sections = list(meta.get("article:section", []))
    for obj in articles:
        value = obj.get("articleSection")
        sections.extend(v for v in (value if isinstance(value, list) else [value])
                        if isinstance(v, str))
    sections = [flat(html_lib.unescape(s)) for s in sections]
    return tuple(dict.fromkeys(s for s in sections if s and len(s) <= 60))


def description(meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> str | None:
    """The outlet's own standfirst or meta description."""
    for key in ("og:description", "description", "twitter:description"):
        if meta.get(key):
            return flat(html_lib.unescape(meta[key][0]))
    for obj in articles:
        text = ld_text(obj, "description")
        if text:
            return text
    return None


def article_objects(ld: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON-LD objects that describe an article."""
    return [obj for obj in ld if types_of(obj) & ARTICLE_TYPES]
