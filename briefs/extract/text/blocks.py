"""The blocks of a text dump (one per line) and what can be seen of each.

Link density cannot be seen in text, so a block is judged by its length, whether it
reads as prose (sentence punctuation, share of stopwords in the page's language),
and whether it matches the junk lexicon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from briefs.extract.text import lexicon, meta

_WORD = re.compile(r"\w+")
# Chinese and Japanese characters are tokens one by one (a word there is one to a few
# characters, unspaced); other scripts, Korean's Hangul among them, by word.
_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
# Scripts written without spaces between words: count characters, not "words".
CJK = re.compile(f"[{_HAN_KANA}\uac00-\ud7af]")
_TOKEN = re.compile(f"[{_HAN_KANA}]|[^\\W{_HAN_KANA}]+")
HAN_KANA_CHAR = re.compile(f"[{_HAN_KANA}]")  # a Chinese or Japanese character
UNSPACED_NO_END = 0.4  # function characters a Chinese or Japanese line without a full
# stop needs to read as prose (particles run to a quarter of a teaser's characters)
_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]」』）]*(\s*\([^()]{1,20}\))?$")
# (a run of dots is an ellipsis, as Korean headlines print it: "불발··· 친청계")
_SEPARATORS = re.compile(r"[▪|]|(?<![·•])[·•](?![·•])")
# A video's or a podcast's length, which a player prints beside its title.
_LENGTH = (r"(duration|dauer|durée|duración|durata|duração|länge|laufzeit)\s*:?\s*"
           r"\d{1,2}:\d{2}(:\d{2})?|\d{1,3}:\d{2}\s*min\.?|"
           # "05:22 - Source: CNN", "Video02:53 21.01.2023"
           r"\d{1,2}:\d{2}\s+-\s+source:\s*[\w .]{1,30}|"
           r"video\s*\d{1,2}:\d{2}(\s+\d{2}\.\d{2}\.\d{4})?")
LENGTH_ONLY = re.compile(rf"^(?:{_LENGTH})$", re.IGNORECASE)
# A timestamp alone, or two of them ("Uppdaterad 15.59 | Publicerad 14.14").
_TIME_ONLY = re.compile(
    r"^(?:(?:^|\s*[|•·]\s*|\s+)((updated|published|posted|edited|aktualisiert|veröffentlicht|"
    r"mis à jour|"
    r"publié|actualizado|publicado|atualizado|aktualizováno|uppdaterad|publicerad|oppdatert|"
    r"publisert|opdateret|publiceret|bijgewerkt|gepubliceerd|päivitetty|julkaistu|"
    r"aggiornato|pubblicato|zaktualizowano|opublikowano|stand)\s*[:•·]?\s*)?"
    r"(\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.|uhr|h)?\s*(utc|gmt|bst|cet|cest|mez|mesz|"
    r"[ecmp][sd]?t)?|\d+\s*(min|mins|minutes?|hours?|hrs?|h|days?|yrs?\.?|mos?\.?|"
    r"weeks?|months?|years?|sec|seconds?|std|stunden?|tage?n?|heures?|jours?|horas?|"
    r"días|dias|hodin(ami)?|dny|dnem)\s*(ago)?|(vor|il y a|hace|há|před)\s+\d+\s*\w*|"
    r"(just now|yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje|"
    r"včera|dnes)|"
    # a video's or a post's views beside its age: "14K views 6 years ago"
    r"\d[\d.,]*\s*[kmb]?\s+(views|aufrufe|vues|visualizaciones|visualizações)|"
    # a video's or a podcast's length: "Duration 12:38", "Durée :3:49", "04:03 min"
    + _LENGTH + "|"
    + lexicon.AGO_ELSEWHERE +
    r")){1,2}"
    # the reading time after it: "Stand: 20:03 Uhr | Lesedauer: 4 Minuten", "12:05 · 4 min read"
    r"(\s*[|•·]\s*((lesedauer|lesezeit|reading time|read time|temps de lecture|"
    r"tiempo de lectura)\s*:?\s*\d+\s*(min|mins|minutes?|minuten?)\.?|"
    r"\d+\s*(min|mins|minutes?)\.?\s*read))?$", re.IGNORECASE)


# A menu, breadcrumb or footer row: three or more separators between short labels.
MENU_SEPARATORS = 3
MISSED_SHARE = 0.05  # a long line with fewer of the page's stopwords is in another language
OTHER_LANGUAGE_SHARE = 0.3  # ... and this share of the long lines' words: the page's second
FUNCTION_WORD_SHARE = 0.15  # ... when its most frequent words make up this share of them
MENU_LABEL_WORDS = 6


def _menu_like(line: str) -> bool:
    """``Home | World | Sport``: junk. A sentence that merely holds pipes is not."""
    if len(_SEPARATORS.findall(line)) < MENU_SEPARATORS:
        return False
    return all(len(part.split()) <= MENU_LABEL_WORDS for part in _SEPARATORS.split(line))


@dataclass(frozen=True)
class Block:
    """One line of the dump with the features the extractor judges it by."""

    index: int
    text: str
    words: int        # word tokens (CJK: characters / 2)
    stop_ratio: float  # share of tokens that are stopwords of the page's language
    sentence: bool    # ends like a sentence
    junk: bool        # matches the junk lexicon
    end: bool         # a heading that ends an article (related, comments...)
    credit: bool      # a caption or photo credit
    time_only: bool   # a timestamp or relative time alone ("49 minutes ago")
    player: bool = False  # a media player's controls, among others of its kind
    filler: bool = False  # an advert's or embed's placeholder between paragraphs
    unspaced: bool = False  # mostly Chinese or Japanese, read character by character
    titled: bool = False  # every word capitalised: a title (a teaser's), not a sentence

    @property
    def prose(self) -> bool:
        """Reads like article prose: long enough, with stopwords or sentence ends."""
        if self.junk or self.credit or self.titled:
            return False
        if self.words >= 20:
            if self.sentence:
                return self.stop_ratio >= 0.12
            # a teaser's title runs long in characters, with particles among them
            return self.stop_ratio >= (UNSPACED_NO_END if self.unspaced else 0.25)
        if self.words >= 8:
            return self.sentence and self.stop_ratio >= 0.15
        return False


@lru_cache(maxsize=4096)  # a page's line is read for its blocks, its body and headline
def tokens(text: str) -> tuple[str, ...]:
    """Casefolded word tokens; each Chinese or Japanese character is one."""
    return tuple(_TOKEN.findall(text.casefold()))


def count_words(text: str) -> int:
    cjk = len(CJK.findall(text))
    if cjk > 10:
        return cjk // 2 + len(_WORD.findall(CJK.sub(" ", text)))
    return len(_WORD.findall(text))


_COUNTER = re.compile(r"^\d{1,3}\s*(/|of|von|de|sur|z|di)\s*\d{1,3}\b", re.IGNORECASE)
PLAYER_CLUSTER = 3  # player-like lines this close together are a player


# A chart's labels, as a dump prints an embedded graphic: its axis ticks and values, one
# per line ("$915", "billion", "13.0%", "’17", "2023", "%").
_CHART_LABEL = re.compile(
    r"^(?:[-+−]?[$€£¥]?[-+−]?\d[\d.,]*\s?(?:%|k|bn|mn|mrd\.?|mio\.?|billion|million|"
    r"trillion|thousand)?|[’'‘]\d\d|%|billion|million|trillion|thousand|bn|mrd\.?|mio\.?)$",
    re.IGNORECASE)
CHART_CLUSTER = 6  # this many chart labels within as many lines of each other: a chart


def _players(lines: list[str]) -> list[bool]:
    """Lines that are a media player's controls or a chart's labels: player-like (or
    chart-like) and with others of their kind near; an image viewer's buttons and an
    embed's consent box.
    Neither counts for or against the text around them: an article goes on after its
    video, its graphic or its gallery."""
    raw = [lexicon.is_player_line(line) for line in lines]
    chart = [bool(_CHART_LABEL.match(line.strip())) for line in lines]
    return [(r and sum(raw[max(0, i - PLAYER_CLUSTER) : i + PLAYER_CLUSTER + 1]) >= 3)
            or (c and sum(chart[max(0, i - CHART_CLUSTER) : i + CHART_CLUSTER + 1])
                >= CHART_CLUSTER) or lexicon.is_viewer_button(line) or lexicon.is_embed_notice(line)
            for i, (r, c, line) in enumerate(zip(raw, chart, lines, strict=True))]


def _gallery_captions(lines: list[str]) -> set[int]:
    """The caption after each ``3/50`` counter of a slideshow (three counters or more):
    galleries print a caption per photo, prose that is not the article."""
    counters = [i for i, line in enumerate(lines) if _COUNTER.match(line)]
    if len(counters) < 3:
        return set()
    return {i + 1 for i in counters if i + 1 < len(lines) and not _COUNTER.match(lines[i + 1])}


# A caption's label on a line of its own, as a screen reader is told it ("Image caption,"):
# the line after it is the caption.
_CAPTION_LABEL = re.compile(
    r"^(image|photo|picture|video|media) caption\s*[,:]?$|^(caption|bildunterschrift|"
    r"légende|leyenda|didascalia|legenda|popisek)\s*:$", re.IGNORECASE)


def _labelled_captions(lines: list[str]) -> set[int]:
    """The line after each caption label."""
    return {i + 1 for i, line in enumerate(lines[:-1]) if _CAPTION_LABEL.match(line.strip())}


CREDIT_SPLIT_LINES = 3  # lines a caption's bracketed credit may be split over
CREDIT_WORDS = 8


def _split_credits(lines: list[str]) -> set[int]:
    """A caption whose bracketed credit the dump split over lines of its own ("Riot
    police outside the hotel (", "Image:", "Getty Images)"): the caption and its credit,
    which a line ending in an open bracket cannot be the text's paragraph."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not line.endswith("("):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + CREDIT_SPLIT_LINES)):
            if len(lines[j].split()) > CREDIT_WORDS or "(" in lines[j]:
                break
            if lines[j].rstrip().endswith(")"):
                out.update(range(i, j + 1))
                break
    return out


CLIP_TITLE_WORDS = 20  # a clip's title is a line, not a paragraph


def _clip_titles(lines: list[str], seen: Sequence[_Seen]) -> set[int]:
    """The title under a video's length ("04:16 min"): a clip embedded in the text or
    listed beside it, not a subheading of the article (a title line, not a sentence)."""
    return {i + 1 for i, line in enumerate(lines[:-1])
            if seen[i].time_only and LENGTH_ONLY.match(line.strip())
            and 0 < seen[i + 1].words <= CLIP_TITLE_WORDS
            and not seen[i + 1].sentence}


# A share button named for the article: "<headline> on facebook", "... on x".
_SHARE_TITLE = re.compile(r"^(?:share\s+)?(.{8,}?)\s+(?:on|via)\s+("
                          + "|".join(map(re.escape, sorted(lexicon.NETWORKS))) + ")$",
                          re.IGNORECASE)
_NETWORK_ENDINGS = tuple(f" {n}" for n in sorted(lexicon.NETWORKS))


def folded(text: str) -> str:
    """``text`` casefolded, its spaces collapsed: the key two printings of one line share."""
    return " ".join(text.casefold().split())


def shared_titles(lines: Sequence[str]) -> dict[str, list[int]]:
    """Share buttons that each print the article's title and a network, by the title
    (casefolded, spaces collapsed): the same title with two networks or more."""
    found: dict[str, list[tuple[int, str]]] = {}
    for i, line in enumerate(lines):
        if line.rstrip()[-12:].casefold().endswith(_NETWORK_ENDINGS) \
                and (m := _SHARE_TITLE.match(line.strip())):
            key = folded(m.group(1))
            found.setdefault(key, []).append((i, m.group(2).casefold()))
    return {title: [i for i, _ in hits] for title, hits in found.items()
            if len({n for _, n in hits}) >= 2}


_STAMPED = re.compile(r"^\d{1,2}[:h]\d{2}\b(?!\s*(am|pm|uhr)\b)", re.IGNORECASE)
TICKER_WINDOW = 15  # four time-stamped lines this close are a live ticker


def _ticker(lines: list[str]) -> set[int]:
    """Lines of a live ticker (``14:44 Headline``, ``14:32``...): four or more lines that
    open with a clock time within a few lines of each other."""
    stamped = [i for i, line in enumerate(lines) if _STAMPED.match(line)]
    return {i for i in stamped
            if bisect.bisect_right(stamped, i + TICKER_WINDOW)
            - bisect.bisect_left(stamped, i - TICKER_WINDOW) >= 4}


LINK_LINE_WORDS = 8  # a line this short that held a link's note is a link: junk
LONG_LINE = 80  # characters of a line the page's language is guessed from


class _Seen(NamedTuple):
    """What a line's text alone says of it (a page prints many lines more than once:
    "Share", "Advertisement", a clip's "Now playing"), worked out once per text."""

    tokens: tuple[str, ...]
    han: int
    words: int
    sentence: bool
    junk: bool
    menu: bool
    end: bool
    credit: bool
    time_only: bool
    filler: bool
    titled: bool


# An author box's heading: "About Brigit Katz", "Über Moritz Bachmann", "Sobre Carlos Nadalim"
# (not "About This Site", "About Our Ads": a site's own pages)
_ABOUT = re.compile(r"^(?:about|über|sobre|à propos de|acerca de|o autorze)\s+"
                    r"(?!(?:the|this|our|us|me|my|uns|nosotros|nous)\b)(\S.{2,60})$",
                    re.IGNORECASE)


def _about_someone(line: str) -> bool:
    """A heading that names the writer the box under it is about: the article is over."""
    found = _ABOUT.match(line.strip())
    return found is not None and meta.looks_like_name(found.group(1)) is not None


def _seen(line: str) -> _Seen:
    junk_line = lexicon.is_junk_line(line)
    return _Seen(
        tokens=tokens(line), han=len(HAN_KANA_CHAR.findall(line)), words=count_words(line),
        sentence=bool(_SENTENCE_END.search(line)), junk=junk_line, menu=_menu_like(line),
        end=lexicon.is_end_marker(line) or _about_someone(line),
        credit=lexicon.is_credit(line),
        time_only=bool(_TIME_ONLY.match(line.strip())),
        filler=junk_line and lexicon.is_filler(line),  # a filler is a junk line
        titled=_titled(line))


TITLED_WORDS = 6  # a title in capitals this long at least: a shorter line is not weighed
TITLED_SHARE = 0.9  # ... and this share of its words capitalised
_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _titled(line: str) -> bool:
    """Whether every word of ``line``, or nearly, opens with a capital ("He Was Resurrected
    From The Dead And Got A Second Chance With His Family."): an English site's title of
    another story, which no sentence of prose is."""
    if line.count(" ") < TITLED_WORDS - 1 or HAN_KANA_CHAR.search(line):
        return False  # (too short; "Wi-Fi" and "Trend Micro" in a Japanese sentence)
    found = _CASED_WORD.findall(line)
    words = [w for w in found if w[0].lower() != w[0].upper()]
    if len(words) < TITLED_WORDS or len(words) < TITLED_SHARE * len(found):
        return False  # (a script without capitals, or a line of it with a brand in it)
    capitalised: int = sum(w[0].isupper() for w in words)
    shouted: int = sum(w.isupper() and len(w) > 1 for w in words)
    # (a line in capitals throughout is shouted, not titled: an article may print its
    # paragraphs so, and a copy of it in capitals is the same article)
    return capitalised >= TITLED_SHARE * len(words) and shouted < len(words) / 2


def _stop_ratios(seen: dict[str, _Seen], stopwords: frozenset[str]) -> dict[str, float]:
    """Each distinct line's share of tokens that are ``stopwords``."""
    return {text: sum(map(stopwords.__contains__, s.tokens)) / len(s.tokens)
            for text, s in seen.items() if s.tokens}


def make_blocks(lines: list[str]) -> list[Block]:
    """Blocks with features; the stopword list is guessed from the long lines. A link's
    screen-reader note (``(opens in new window)``) is cut from the text; a short line
    that held one is a link of a list or a share box."""
    cut = [lexicon.without_link_notes(line) for line in lines]
    lines = [text for text, _ in cut]
    cache: dict[str, _Seen] = {}
    seen = [cache.get(line) or cache.setdefault(line, _seen(line)) for line in lines]
    linked = [noted and s.words < LINK_LINE_WORDS for (_, noted), s in zip(cut, seen,
                                                                          strict=True)]
    # the language is guessed from the long lines (a character of Chinese or Japanese
    # says about as much as two of a spaced script)
    long_tokens = [t for line, s in zip(lines, seen, strict=True)
                   if len(line) + s.han > LONG_LINE for t in s.tokens]
    stopwords = lexicon.guess_stopwords(long_tokens)
    # a page in a language no stoplist knows, its furniture in one that is known (an
    # isiXhosa article under an English menu): the language of the long lines the list
    # misses gets its own
    ratios = _stop_ratios(cache, stopwords)
    missed = [t for line, s in zip(lines, seen, strict=True)
              if len(line) + s.han > LONG_LINE and s.tokens and ratios[line] < MISSED_SHARE
              for t in s.tokens]
    if missed and len(missed) >= OTHER_LANGUAGE_SHARE * len(long_tokens):
        other = lexicon.guess_stopwords(missed)
        # (a language's function words are a good share of its text; a list of names
        # and scores has none)
        if sum(map(other.__contains__, missed)) >= FUNCTION_WORD_SHARE * len(missed):
            stopwords = stopwords | other
            ratios = _stop_ratios(cache, stopwords)
    players = _players(lines)
    captions = _gallery_captions(lines) | _labelled_captions(lines) | _clip_titles(lines, seen) \
        | _split_credits(lines)
    shares = {i for hits in shared_titles(lines).values() for i in hits}
    ticker = _ticker(lines)
    return [Block(
        index=i, text=line, words=s.words, stop_ratio=ratios.get(line, 0.0),
        sentence=s.sentence,
        junk=players[i] or i in ticker or i in shares or linked[i] or s.junk or s.menu,
        end=s.end, credit=i in captions or s.credit, time_only=s.time_only,
        player=players[i], filler=s.filler, unspaced=2 * s.han > len(s.tokens),
        titled=s.titled,
    ) for i, (line, s) in enumerate(zip(lines, seen, strict=True))]


def weight(block: Block) -> float:
    """The block's vote in the body search: prose counts for, the rest against."""
    if block.player or block.filler:
        return 0.0
    if block.end:
        return -40.0
    if block.junk:
        return -12.0
    if block.credit or block.time_only:
        return -4.0
    if block.prose:
        return float(min(block.words, 150))
    if block.words >= 8:
        # sentence-like but thin on stopwords, or long without punctuation: unsure
        return 1.0 if block.sentence and not block.titled else -2.0
    return -2.0 - 0.25 * block.words
