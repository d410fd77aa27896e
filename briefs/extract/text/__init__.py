"""Extract an article from a text page dump (one block per line, junk included).

The dump's shape: navigation and a breadcrumb line (links run together, as in
``North AmericaSyriaWest Asia``), the headline, maybe a standfirst, byline and
dateline, the body paragraphs with captions and adverts among them, then page junk
(share and related lists, newsletter boxes, comments, copyright lines).

The steps: judge each block (``blocks``); find the run where prose outweighs junk
(``body``); choose the headline before it (``headline``); read the byline, date and
breadcrumb from the lines around the headline (``meta``); keep the run's article text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from briefs.extract.text import body, headline, lexicon, meta, unwrap
from briefs.extract.text.blocks import Block, make_blocks, tokens
from briefs.record import Brief

_RUN_TOGETHER = re.compile(r"(?<=[a-z\u00e0-\u00ff])(?=[A-Z\u00c0-\u00de])")
_CRUMB_SEP = re.compile(r"\s*[›»>/|·•]\s*")
_SENTENCE_END = re.compile(r"[.!?…]$")
# A kicker above the headline, not a trail: it ends in a colon or quotes ("«Evnukkmakeren»:")
_KICKER = re.compile(r":$|^[«»\"“”„‘’']|[«»\"“”„‘’']:?$")
# A trail's own label: "You are here: Home > News", "Du befindest dich hier: ..."
_YOU_ARE_HERE = re.compile(
    r"^\s*(?:you are here|du befindest dich hier|sie befinden sich hier|vous êtes ici|"
    r"(?:usted )?está aquí|sei qui|u bent hier|du är här|jesteś tutaj|buradasınız)\s*:?\s*",
    re.IGNORECASE)
NAME_ONLY = "\x00"  # marks a byline that is a bare name (weaker than a "By" line)
HEADER_BEFORE = 8  # lines before the headline searched for breadcrumb, date, byline
# A bare name is a byline only this close to the headline (lines above, below): further
# away, a name beside a date is a sidebar's list of posts or a comment's author.
NAME_ONLY_ABOVE, NAME_ONLY_BELOW = 3, 8
GAP_LINE_WORDS = 4  # a line between two runs of the article with fewer words is a widget


def split_breadcrumb(block: str) -> list[str]:
    """``North AmericaSyriaWest Asia`` -> ``[North America, Syria, West Asia]``."""
    out: list[str] = []
    for part in _CRUMB_SEP.split(block):
        out.extend(p.strip() for p in _RUN_TOGETHER.split(part) if p.strip())
    return out


@dataclass(frozen=True)
class Page:
    """A dump cut into blocks, with its body run and the header lines already read."""

    blocks: list[Block]
    start: int  # the body run: blocks[start:stop]
    stop: int
    stopwords: frozenset[str]
    day: dt.date | None  # the first date line's day in the header zone
    meta: set[int]  # indexes of byline and date lines
    bylines: dict[int, str]
    zone: tuple[int, int]  # the header zone searched for them: blocks[lo:hi]
    month_first: bool
    between: frozenset[int] = frozenset()  # furniture between two runs of the article


def analyse(text: str) -> Page | None:
    """The blocks, body run, date and byline lines of a cleaned dump (``None``: no prose)."""
    blocks = make_blocks(unwrap.lines(text))
    runs = body.article_runs(blocks)
    if not runs:
        return None
    start, stop = runs[0][0], runs[-1][1]
    # the widgets between two runs (short lines: "Share", "Back", "Copy link"); longer
    # lines there are the article's (a subheading, a list item)
    between = frozenset(i for (_, a), (b, _) in itertools.pairwise(runs) for i in range(a, b)
                        if blocks[i].words < GAP_LINE_WORDS)
    stopwords = lexicon.guess_stopwords([t for b in blocks[start:stop] for t in tokens(b.text)])
    zone_lo = max(0, headline.lookback_start(blocks, start) - HEADER_BEFORE)
    zone_hi = min(stop, start + headline.INTO_RUN + 4)
    zone = blocks[zone_lo:zone_hi]
    english = stopwords is lexicon.stoplists().get("English")
    month_first = meta.numeric_order([b.text for b in blocks], default=english)
    day, date_lines = meta.pick_date(_dating(zone), month_first=month_first)
    meta_idx = {zone_lo + i for i in date_lines}
    bylines = _bylines(zone, meta_idx, _Lowered(blocks[start:stop]))
    meta_idx |= set(bylines)
    return Page(blocks, start, stop, stopwords, day, meta_idx, bylines, (zone_lo, zone_hi),
                month_first, between)


def _dating(blocks: Sequence[Block]) -> list[str]:
    """The lines that may date the article: not a caption's or credit's (blank in their
    place, so that indexes stay those of ``blocks``)."""
    return ["" if b.credit else b.text for b in blocks]


_WORD = re.compile(r"[^\W\d_]+")


class _Lowered:
    """The words ``blocks`` print in small letters, gathered on the first question (a
    line that could be names run together is rare; a long text is costly to read)."""

    def __init__(self, blocks: list[Block]) -> None:
        self._blocks = blocks

    @functools.cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(w for b in self._blocks for w in _WORD.findall(b.text) if w.islower())

    def __contains__(self, word: object) -> bool:
        return word in self._words


# A Markdown heading's marks before the headline ("# Storm closes schools"), in a dump
# with too little Markdown to be read as such.
_ATX = re.compile(r"^#{1,6}\s+(?=\S)")
# "Deutscher Handel mit Teheran:Druck durch ...": a kicker run into its headline, as a dump
# joins the two inline elements; the headline reads with a space after the colon. The
# kicker may end in a vowel sign ("...पकड़ा:दो"), which is no word character; a time, a
# number or an address ("10:30", "https://") is no kicker, nor a German gender colon
# before a small letter ("Bürger:innen", "jede:r").
_KICKER_GLUED = re.compile(r"(?<=[^\s\d!-/:-@\[-`{-~]{2}):(?=[^\W\d_])(?![a-zß-öø-ÿа-яё])")


KICKER_WORDS = 6
_KICKER_ENDS = ":|-–—/·•»›>"
SMALL_WORD = 4  # a function word ("With", "Of"), not a place in a big stoplist ("Paris")
TAG_WORDS = 6  # a line below the text this long is no tag


def _without_kicker(title: str, blocks: list[Block], stopwords: frozenset[str],
                    start: int) -> str:
    """The headline without the kicker the dump ran into it ("Neue Leipziger Schule Judy
    Lybke, ..."), when another line of the page prints the two apart ("Neue Leipziger
    Schule: Judy Lybke, ...", a teaser or a sharing title), or prints the headline alone
    after a kicker or a breadcrumb trail of two words or more ("Olympische Spiele in Paris
    Getränke per Schiff ins Stadtzentrum"; not after a colon, a dash or a small word, as in
    "Burgenland: Best of Ruster Ausbruch DAC")."""
    for block in blocks:
        kicker, colon, rest = block.text.partition(": ")
        if colon and rest and len(kicker.split()) <= KICKER_WORDS \
                and title in (f"{kicker} {rest}", f"{kicker}{rest}"):
            return rest
    for block in blocks:
        alone = block.text
        # (above the text, or a long line: a short tag or topic link after the article
        # that ends the headline, "Inflation Reduction Act", is no headline)
        if len(alone) < len(title) and title.endswith(" " + alone) and alone[:1].isupper() \
                and len(alone.split()) >= (3 if block.index < start else TAG_WORDS):
            before = title[: -len(alone)].split()
            last = before[-1] if before else ""
            if len(before) >= 2 and last[-1] not in _KICKER_ENDS \
                    and not (len(last) <= SMALL_WORD and last.casefold() in stopwords):
                return alone
    return title


def extract_text(text: str) -> Brief:
    """Headline, body, byline, date and breadcrumb categories from a cleaned page dump."""
    page = analyse(text)
    if page is None:
        return Brief()
    blocks, start, stop, meta_idx = page.blocks, page.start, page.stop, page.meta
    head = headline.choose(blocks, start, stop, meta_idx, page.stopwords)
    # no line above the text reads as its headline, but a breadcrumb trail ends in it
    trail = headline.trail_title(blocks, page.zone[0], start) \
        if head is None or (head >= start and headline.ends_as_sentence(blocks[head].text)) \
        else None
    if trail is not None:
        head = trail[0]
    if head is None:  # the text without a title: a sidecar's ``title`` may give it one,
        # and the byline and date above the text are still the article's
        above = {i: n for i, n in page.bylines.items() if i < start}
        return Brief(body=tuple(b.text for b in _text_blocks(page, start, stop)),
                     byline=_nearest(above, start), date=page.day)
    title = trail[1] if trail is not None else blocks[head].text
    deck = headline.standfirst(blocks, head, start, meta_idx)
    first = max(start, head + 1)
    again = _printed_again(blocks, head, first, stop)
    if again is not None:
        # the headline printed again at the top of the text (a sticky bar's, then the
        # article's own): what lies between is the page's furniture (a section, counts)
        first = again + 1
    stop = _next_article(blocks, first, stop, title)
    kept = body.without_pitch([b for b in _text_blocks(page, first, stop) if b.text != title])
    # (a byline past ``stop`` is the next article's)
    # (a name under the headline printed again sits above the text's first paragraph)
    top, text_start = (head, start) if again is None \
        else (again, _first_prose(blocks, first, stop))
    between = frozenset(b.text for b in blocks[head + 1 : top])
    byline = _nearest({i: n for i, n in page.bylines.items() if i < stop}, head, blocks) \
        or _name_under_headline(blocks, top, text_start, meta_idx, kept, between)
    if byline is None:
        # (not the lines after a next article's start: its own byline is there)
        signed = _signed_at_end(blocks, kept, stop if stop == page.stop else None)
        if signed is not None:
            byline = signed[1]
            kept = [b for b in kept if b.index != signed[0]]
    if byline is None and stop == page.stop:
        byline = _editor_credit(blocks, stop)
    if byline:  # the author's name printed again on a line of its own
        kept = [b for b in kept if b.text.strip() != byline]
    kept = body.without_bio(kept, byline)
    return Brief(
        title=_KICKER_GLUED.sub(": ", _without_kicker(_ATX.sub("", title), blocks,
                                                       page.stopwords, start)),
        body=tuple(b.text for b in kept),
        date=meta.date_near(_dating(blocks), head, *page.zone, page.month_first)
        or page.day,
        byline=byline,
        description=blocks[deck].text if deck is not None else None,
        categories=tuple(_categories(blocks, head, title) if trail is None
                         else (x for x in trail[2] if not _NOT_A_SECTION.match(x))),
    )


AGAIN_WITHIN = 8  # lines into the text searched for the headline printed again


def _printed_again(blocks: list[Block], head: int, first: int, stop: int) -> int | None:
    """The index of the headline's line printed again within the text's first lines,
    with no paragraph before it (a section's name, counts, a date: not a deck or the
    text's opening, which a subheading repeating the headline may follow)."""
    title = blocks[head].text
    for j in range(first, min(stop, first + AGAIN_WITHIN)):
        if blocks[j].text == title:
            return j
        if blocks[j].prose:
            return None
    return None


def _first_prose(blocks: list[Block], first: int, stop: int) -> int:
    return next((b.index for b in blocks[first:stop] if b.prose), first)


def _text_blocks(page: Page, first: int, stop: int) -> list[Block]:
    """The article's blocks in ``page.blocks[first:stop]``: not widgets, bylines, dates
    or the furniture between two runs of the article."""
    boxed = body.inside_boxes(page.blocks, first, stop)
    return [b for b in page.blocks[first:stop] if body.keep_in_body(b)
            and b.index not in page.meta and b.index not in page.between
            and b.index not in boxed]


NEXT_ARTICLE_AFTER = 3  # paragraphs of the article before another one can start
NEXT_HEADLINE_ABOVE = 6  # lines between the next article's headline and its date line


def _next_article(blocks: list[Block], first: int, stop: int, title: str) -> int:
    """Where the next article starts, on a page that scrolls on into it (``stop`` when
    it does not): its header, a headline above a ``Published ...`` line, after this
    article's first paragraphs. A live blog's entries carry times, not such lines; a
    video of this article, shown with its headline and date, is no next article."""
    paragraphs = 0
    for i in range(first, stop):
        paragraphs += blocks[i].prose
        if paragraphs >= NEXT_ARTICLE_AFTER and meta.published_line(blocks[i].text):
            top = None  # the header's first heading-like line (its headline, above names)
            for j in range(i - 1, max(first, i - NEXT_HEADLINE_ABOVE - 1), -1):
                if blocks[j].prose or blocks[j].text == title:
                    break  # a paragraph or this article's own headline: no new header
                if headline.heading_like(blocks[j]):
                    top = j
            if top is not None:
                return top
    return stop


END_BYLINE_LINES = 3  # the article's last lines, and the lines after it, read for "Von ..."
END_BYLINE_WORDS = 10


def _signed_at_end(blocks: list[Block], kept: list[Block], stop: int | None
                   ) -> tuple[int, str] | None:
    """An article signed at its end ("Von Cosima Künzel"): a short line that opens with
    "By"/"Von" among its last lines or right after them (from ``stop``, when given), and
    its index."""
    tail = kept[-END_BYLINE_LINES:]
    if stop is not None:
        tail += [b for b in blocks[stop : stop + END_BYLINE_LINES] if not b.junk]
    for block in tail:
        if block.words <= END_BYLINE_WORDS:
            # (or a blog's post footer: "Posted by Jane Roe at 12:55 AM")
            name = meta.find_byline(block.text) or meta.find_inner_byline(block.text)
            if name:
                return block.index, name
    return None


EDITOR_CREDIT_LINES = 10  # lines after the text read for an editor's credit


def _editor_credit(blocks: list[Block], stop: int) -> str | None:
    """The editors a Chinese news site credits under an article that names no author
    ("(责编：牛镛、岳弘彬)"), within a few lines after the text."""
    for block in blocks[stop : stop + EDITOR_CREDIT_LINES]:
        names = meta.editor_credit(block.text)
        if names:
            return names
    return None


def _bylines(zone: list[Block], dates: set[int], lowered: Container[str]) -> dict[int, str]:
    """Byline lines in the header zone, by block index (``""``: a line that is part of
    a byline whose names are kept on another index)."""
    found: dict[int, str] = {}
    for k, block in enumerate(zone):
        name = meta.find_byline(block.text)
        if name is None and ((alone := meta.is_by_word(block.text))
                             or meta.ends_with_by(block.text)):
            if k + 1 < len(zone) and meta.find_byline(zone[k + 1].text):
                continue  # "Author of the article:" above "By Ben Andrews"
            # "By" alone, the names on the next lines ("David Brand", "and", "Ann Roe")
            parts = []
            for nxt in zone[k + 1 : k + 6]:
                if meta.looks_like_name(nxt.text) or nxt.text.casefold() in meta.JOINERS:
                    parts.append(nxt.text)
                    found[nxt.index] = ""
                else:
                    break
            if not parts and alone and k + 1 < len(zone) and _author_line(zone[k + 1]):
                # "Author:" above "Editorial Staff" or "Associated Press": not a
                # person's name, but what the page says wrote it; a name with its job
                # ("Emma MackenzieLifestyle Writer") is the name
                parts.append(meta.leading_names(zone[k + 1].text) or zone[k + 1].text)
                found[zone[k + 1].index] = ""
            name = " ".join(parts) if parts else None
        if name is None and block.index not in found:
            # (a bare name is no button's or widget's text: "Learn More", "Link Copied")
            name = meta.find_inner_byline(block.text) \
                or (None if block.junk else _name_only(zone, k, dates - set(found), lowered))
            if name:
                name = NAME_ONLY + name
        if name:
            found[block.index] = name
    return {i: n for i, n in found.items() if n} | {i: "" for i, n in found.items() if not n}


BYLINE_WORDS = 6  # the most words of a line taken as the byline after "By" alone


def _author_line(block: Block) -> bool:
    """A short line that can stand as the author after ``By`` or ``Author:`` alone."""
    text = block.text.strip()
    return bool(text) and block.words <= BYLINE_WORDS and not (
        block.junk or block.time_only or block.sentence or block.end
        or any(c.isdigit() for c in text) or meta.is_by_word(text)
        or meta.has_label_word(text))  # "Von:" above a search form's "Filter Suche"


def _name_only(zone: list[Block], k: int, dates: set[int],
               lowered: Container[str]) -> str | None:
    """A line that is only a person's name is a byline when a date, time or handle
    follows it on the line, or a date or time line is next to it."""
    got = meta.name_line(zone[k].text) or meta.names_run_line(zone[k].text, lowered)
    if got is None:
        return None
    name, tailed = got
    if tailed:
        return name
    if k + 1 < len(zone) and zone[k + 1].credit:
        return None  # a name alone above a photo credit is the photo's caption
    if k + 1 < len(zone) and (meta.email_line(zone[k + 1].text)
                              or meta.handle_line(zone[k + 1].text)) and _person_like(name):
        return name  # the author's address or handle under the name (not the newsroom's)
    if k + 1 < len(zone) and meta.role_line(zone[k + 1].text) and _person_like(name):
        return name  # the author's job under the name ("George Anders" / "Contributor")
    near = [b for b in zone[max(0, k - 1) : k + 2] if b is not zone[k]]
    # "Emma Grey Ellis / Science / Sep 30, 2016": a section's name between, a button
    # ("Tim O'Reilly / Follow / Oct 19, 2016 · 10 min read"), or a dateline's place
    # ("Chus del Pino / Sevilla, Los Gallardos / 10/07/2026 00:50")
    if k + 2 < len(zone) and (zone[k + 1].words <= 2 or zone[k + 1].junk
                              or _dateline_place(zone[k + 1])):
        near.append(zone[k + 2])
    return name if any(b.index in dates or b.time_only for b in near) else None


# A bare name is a byline without a date beside it only this close under the headline
# (in lines, widgets, dates and a photo's caption and credit included).
WEAK_NAME_BELOW = 8
DECK_LINES = 1  # the headline's deck may come between it and the name, not more
DATELINE_WORDS = 4  # a place line between a byline and the text: "Sevilla, Los Gallardos"
_ARTICLE_WORDS = frozenset({"the", "a", "an", "der", "die", "das", "le", "la", "les", "el",
                            "los", "las", "il", "lo", "de", "het", "een"})
# Endings of long nouns and verbs, not of names: "Anforderungen", "Photovoltaik",
# "Kommentieren", "Gesellschaft" (not "Per-Erik": a word this short is not tested).
_NOUN_ENDING = re.compile(r"(?:ung|ungen|keit|heit|schaft|ik|ismus|ieren|tion|tions|ment|"
                          r"ments|line)$", re.IGNORECASE)
NOUN_WORD_CHARS = 9
_LOWER_JOINED = re.compile(r"-[a-z]+-")  # "School-to-Prison"


def _person_like(name: str) -> bool:
    """A bare name that can stand as a byline without a date beside it: not all capitals,
    not opening with an article ("Der WindRebell") or a club's initials ("HC Thurgau"),
    no long word with a noun's or verb's ending, no words joined by lower-case pieces."""
    words = name.split()
    first = words[0]
    return not (name.isupper() or first.casefold() in _ARTICLE_WORDS
                or (first.isupper() and len(first) <= 3)
                or any(len(w) >= NOUN_WORD_CHARS and _NOUN_ENDING.search(w) for w in words)
                or any(_LOWER_JOINED.search(w) for w in words))


def _name_under_headline(blocks: list[Block], head: int, start: int, meta_lines: set[int],
                         kept: list[Block], above: frozenset[str] = frozenset()) -> str | None:
    """A name alone on a line right under the headline (or under its deck, and a photo's
    caption and credit), above the article's text: the byline when no other line names
    the author. Not a caption's name (a photo credit under it), nor one the article's
    text mentions (its subject), nor a line ``above`` holds (under a headline printed
    twice, a tab or menu printed twice)."""
    text = " ".join(b.text for b in kept if b.index >= start) + " " + " ".join(above)
    lines = 0
    for block in blocks[head + 1 : head + 1 + WEAK_NAME_BELOW]:
        if block.index >= start:  # the text has begun (a name in it is not set apart)
            return None
        after = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
        captioned = after is not None and after.credit
        if block.junk or block.time_only or block.index in meta_lines or block.credit \
                or (captioned and not block.prose):
            continue  # (a photo's caption and credit neither)
        got = meta.name_line(block.text)
        name = got[0] if got and not got[1] else None
        if name and _person_like(name) and not captioned and name not in text \
                and (lines <= DECK_LINES or (_several(name) and _right_above(
                    blocks, block.index, start, meta_lines))):
            return name
        lines += 1  # (the headline's deck may come first; after more, only names of two
        # people or more right above the text: "Mathatisi Sebusi/Mohalenyane Phakela")
    return None


_NAMES_JOINED = re.compile(r"\s*(?:[/,&]|\s(?:and|und|y|et|e|i|og|och|en)\s)\s*")


def _several(name: str) -> bool:
    """Two people's names or more, each of two words or more ("A B/C D", "A B, C D")."""
    parts = _NAMES_JOINED.split(name)
    return len(parts) >= 2 and all(len(part.split()) >= 2 for part in parts)


def _dateline_place(block: Block) -> bool:
    """A dateline's places: "Sevilla, Los Gallardos", "BEIRUT, Lebanon" (a comma, a few
    words, no sentence)."""
    return "," in block.text and block.words <= DATELINE_WORDS and not block.sentence


def _right_above(blocks: list[Block], i: int, start: int, meta_lines: set[int]) -> bool:
    """Whether only date lines, widgets and one dateline's places ("Sevilla, Los
    Gallardos") stand between ``blocks[i]`` and the text's first line ``blocks[start]``."""
    short = 0
    for block in blocks[i + 1 : start]:
        if block.junk or block.time_only or block.credit or block.index in meta_lines:
            continue
        short += 1
        if short > 1 or not _dateline_place(block):
            return False
    return True


def _nearest(bylines: dict[int, str], head: int,
             blocks: Sequence[Block] = ()) -> str | None:
    """The byline nearest after the headline (a ``By`` line before a bare name), else
    the last one above it. A bare name below counts its distance in lines a reader
    sees (not the share buttons and widgets of ``blocks`` between)."""
    def below(i: int) -> int:
        return sum(not (b.junk or b.time_only) for b in blocks[head + 1 : i]) + 1 \
            if blocks and i > head else i - head

    for explicit in (True, False):
        named = {i: n for i, n in bylines.items()
                 if n and n.startswith(NAME_ONLY) != explicit
                 and (explicit or (i - head >= -NAME_ONLY_ABOVE
                                   and below(i) <= NAME_ONLY_BELOW))}
        after = [i for i in named if i > head]
        pick = min(after) if after else (max(named) if named else None)
        if pick is not None:
            return named[pick].removeprefix(NAME_ONLY)
    return None


# A trail's first step, the home page, and the account links a dump runs into a trail
# ("Log InSign Up"): no section of the site.
_NOT_A_SECTION = re.compile(
    r"^(?:home( ?page)?|startseite|accueil|inicio|início|portada|úvod|главная|首页|主页|홈|"
    r"ホーム|log ?in|sign ?in|sign ?up|register|subscribe|anmelden|registrieren|"
    r"posted in|contact( us)?|kontakt|impressum)$", re.IGNORECASE)


def _categories(blocks: list[Block], head: int, title: str) -> list[str]:
    """The breadcrumb just above the headline, split into its sections."""
    for block in reversed(blocks[max(0, head - 3) : head]):
        text = block.text
        if block.junk or block.time_only or block.credit:
            continue
        if block.words > 12 or _SENTENCE_END.search(text) or meta.find_date(text) \
                or _KICKER.search(text):
            return []
        text = _YOU_ARE_HERE.sub("", text)
        parts = [p for p in split_breadcrumb(text.replace(title, ""))
                 if p != title and not p.isdigit()]
        if len(parts) < 2 and not _CRUMB_SEP.search(text):
            return []
        # (nor a part naming people: "Politik · Jochen Bittner, Tina Hildebrandt")
        return list(dict.fromkeys(p for p in parts
                                  if not (_NOT_A_SECTION.match(p) or meta.several_people(p))))
    return []
