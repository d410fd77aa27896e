"""Choose the headline: a short line shortly before the body whose words the body repeats.

Candidates are the lines in the header zone before the body run (and its first lines).
Each is described by a few dozen features (``FEATURES``): a headline's length; no full
stop at the end; closeness to the body (counting only lines that are not bylines,
dates, credits or widgets); the share of its content words found in the article's
opening; whether the page repeats it (a title echoed in a breadcrumb or a share box);
whether a byline or date follows it; and the hand-weighted score those signals gave
before the model (``_score``). Each of these is also taken as the difference to the
candidates just below and above, so that a line is judged against its neighbours. A
linear model scores each candidate and the best wins.

The model's weights are in ``briefs/data/headline_model.json``, fitted by
``scripts/train_headline.py`` (a softmax over each page's candidates, L2-regularised)
on public page collections with annotated headlines; that script says which, and how
well the weights do on pages left out of the fit.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections import Counter
from importlib import resources

from briefs.extract.text import lexicon
from briefs.extract.text import meta as meta_dates
from briefs.extract.text.blocks import CJK, Block, folded, shared_titles, tokens

# A sentence's full stop (not an abbreviation's, as in "N.Y.C.", nor an ellipsis).
_FULL_STOP = re.compile(r"(?:^|\s)[^\s.]{2,}\.$")
LOOKBACK = 60  # lines above the body searched for the headline ...
LOOKBACK_MAX = 240  # ... not counting widgets and lines printed again (a playlist's
# "Now playing", "Video Ad Feedback" and clip lengths between headline and text)
FAR_CAP = 3.0  # the most distance costs a line followed by a byline or date
INTO_RUN = 8  # a line this far into the run, followed by a byline or date, may be it


def lookback_start(blocks: list[Block], start: int) -> int:
    """The first line of the header zone: ``LOOKBACK`` lines above ``start``, counting
    neither junk nor a line the zone already printed, and at most ``LOOKBACK_MAX``."""
    seen: set[str] = set()
    counted = 0
    i = start
    while i > 0 and start - i < LOOKBACK_MAX and counted < LOOKBACK:
        i -= 1
        block = blocks[i]
        if not (block.junk or block.time_only or block.text in seen):
            counted += 1
        seen.add(block.text)
    return i


def _is_meta(block: Block, meta: set[int]) -> bool:
    return (block.junk or block.credit or block.time_only or block.index in meta
            or block.words <= 2)


def _eligible(block: Block, meta: set[int]) -> bool:
    if block.junk or block.credit or block.time_only or block.end or block.index in meta:
        return False
    spaced = len(block.text.split()) >= 3 or bool(CJK.search(block.text))  # 国会が予算を可決
    return 3 <= block.words <= 40 and spaced and len(block.text) <= MAX_CHARS


LINE_FEATURES: tuple[str, ...] = (
    "hand_score", "in_run", "deep_in_run", "w1", "w2", "w3", "w4_22", "w23_30", "w_over_30",
    "log_words", "chars", "full_stop", "colon_end", "question_end", "lower_start", "prose",
    "sentence", "stop_ratio", "list_like", "opening_share", "opening_count", "no_content",
    "repeated", "distance", "adjacent", "followed_by_meta", "after_meta", "in_link_box",
    "between", "nearest", "standfirst_next", "title_case", "all_caps", "separator",
    "colon_inside", "digits", "has_date", "is_meta", "page_position", "deep_alone",
    "name_like", "byline_like", "body_share", "next_prose", "junk_between", "lines_to_body",
    "shorter_above", "heading_below", "heading_above", "standfirst_self", "trail",
    "hand_pick",
)
# A line is also judged against its neighbours: each line feature but its place on the
# page again as the next candidate's value less this line's, and as the previous
# candidate's less this line's (a title-cased line above a sentence-cased deck, a short
# line under a long one); the first and last candidates differ by nothing from their
# missing neighbour. Then how many lines separate it from each neighbour (at most
# ``GAP_CAP``, which a missing neighbour counts as).
_COMPARED = tuple(name for name in LINE_FEATURES if name != "page_position")
_COMPARED_AT = tuple(LINE_FEATURES.index(name) for name in _COMPARED)
FEATURES: tuple[str, ...] = LINE_FEATURES + tuple(f"next_{name}" for name in _COMPARED) \
    + tuple(f"prev_{name}" for name in _COMPARED) + ("gap_next", "gap_prev")
GAP_CAP = 10
_SEPARATOR = re.compile(r"\s[|›»>/·•]\s|\s[-–—]\s")
# A step of a breadcrumb trail ("Home › News › Title", "Home / Essays / 2017 / Title").
_TRAIL_STEP = re.compile(r"\s[|›»>/<•]\s|^(?:[|›»>/•]\s)")
_LIST_LABEL = re.compile(r"^\w+( \w+)?:\s")
MAX_CHARS = 300
_COPYRIGHT = re.compile(r"\s*(?:copyright\b|©|\(c\)\s)", re.IGNORECASE)
MODEL_FILE = "headline_model.json"


def choose(blocks: list[Block], start: int, stop: int, meta: set[int],
           stopwords: frozenset[str]) -> int | None:
    """Index of the headline block, or ``None`` when no line fits.

    A line of the text that ends as a sentence is no headline when nothing above the text
    could be one: such a seed is bare paragraphs (an article copied without its title),
    refused as having no headline rather than published under its second paragraph with
    the first one dropped, or under its first. The text's first line may still be the
    headline, full stop and all, when it is one short sentence ("The council closes all
    schools for a week as the storm nears the coast.")."""
    named = _shared_title(blocks, start)
    if named is None:
        named = _crumbed_title(blocks, start, stop)
    if named is not None:
        return named
    weights = model_weights()
    best: tuple[float, int] | None = None
    for index, row in features(blocks, start, stop, meta, stopwords):
        score = sum(w * x for w, x in zip(weights, row, strict=True))
        if _named_below(blocks, index, meta):
            continue  # (weighed as a line among the others, never chosen)
        if best is None or score > best[0]:
            best = (score, index)
    if best is None:
        return None
    chosen = best[1]
    line = blocks[chosen]
    if chosen >= start and ends_as_sentence(line.text) \
            and (chosen > start or line.words >= PARAGRAPH_WORDS or _two_sentences(line.text)) \
            and not any(_ranked(block, meta) for block in blocks[:start]):
        return None
    return chosen


def _shared_title(blocks: list[Block], start: int) -> int | None:
    """The line above the text that the page's share buttons name as what they share
    ("<headline> on facebook", "<headline> on x"), when they name one title."""
    shared = shared_titles([b.text for b in blocks])
    if len(shared) != 1:
        return None
    title = next(iter(shared))
    named = [b.index for b in blocks[:start]
             if _candidate(b) and folded(b.text) == title]
    return named[-1] if named else None


PARAGRAPH_WORDS = 18  # a first line this long that ends as a sentence is a paragraph
# The full stops of scripts that do not use ".": Chinese and Japanese (also full-width),
# Devanagari's danda, Urdu's.
_OTHER_FULL_STOPS = ("。", "．", "।", "॥", "۔")
_INNER_STOP = re.compile(r"[^\s.]{2,}\.\s+\S|[。．।॥۔]\s*\S")


TRAIL_TITLE_WORDS = (3, 30)  # a trail's last step this long may be the headline


def trail_title(blocks: list[Block], lo: int, start: int) -> tuple[int, str, list[str]] | None:
    """A breadcrumb trail above the text that ends in the article's headline ("Home ›
    Politics › Council approves budget after long debate"), for a dump that prints it
    nowhere else: the trail's index, its last step and the steps before it. The lowest
    such trail in ``blocks[lo:start]``; its last step reads as a headline (a few words,
    no sentence's full stop, no date)."""
    for i in range(start - 1, lo - 1, -1):
        text = _unquoted(blocks[i].text)
        if len(text) > MAX_CHARS:
            continue
        steps = [x.strip() for x in _TRAIL_STEP.split(text)]
        if len(steps) < 3:  # two steps of a trail at least before the headline
            continue
        last = steps[-1]
        low, high = TRAIL_TITLE_WORDS
        if low <= len(last.split()) <= high and not ends_as_sentence(last) \
                and meta_dates.find_date(last) is None and last in blocks[i].text:
            return i, last, [x for x in steps[:-1] if x]
    return None


def ends_as_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's full stop (not an abbreviation's), in any
    script."""
    text = text.rstrip()
    return bool(_FULL_STOP.search(text)) or text.endswith(_OTHER_FULL_STOPS)


def _two_sentences(text: str) -> bool:
    """A sentence's full stop inside ``text``, with more text after it."""
    return bool(_INNER_STOP.search(text.rstrip()))


@functools.cache
def model_weights() -> tuple[float, ...]:
    """The fitted weights, one per name in ``FEATURES`` (the file names them: a model
    fitted on other features is refused rather than misread)."""
    raw = json.loads(resources.files("briefs.data").joinpath(MODEL_FILE).read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL_FILE}: fitted on other features; run scripts/train_headline.py")
    return tuple(float(w) for w in raw["weights"])


def _previous(blocks: list[Block], index: int, meta: set[int]) -> int | None:
    """The nearest block above ``index`` that is not a byline, date, credit or widget."""
    for j in range(index - 1, max(-1, index - 4), -1):
        if not (blocks[j].junk or blocks[j].credit or blocks[j].time_only or j in meta):
            return j
    return None


TITLE_CASE = 0.75  # this share of capitalised words: a headline set in title case


def _standfirst_like(block: Block) -> bool:
    """A line that reads like a deck: one or two sentences, not a title-cased headline."""
    text = block.text.rstrip()
    if block.words < 10 or not (". " in text or ends_as_sentence(text) or block.words >= 18
                                or (", " in text and block.words >= 12)):
        return False
    lettered, capitalised = _capitalised(text)
    return lettered < 4 or capitalised < TITLE_CASE * lettered


def _capitalised(text: str) -> tuple[int, int]:
    """How many words of ``text`` begin with a letter, and how many of them with a capital."""
    alpha = [w for w in text.split() if w[:1].isalpha()]
    return len(alpha), sum(w[0].isupper() for w in alpha)


# A line that is only an e-mail or web address, or a trail that ends in its separator
# ("Home » Blog »": the headline it leads to is on the next line).
_NOT_HEADLINE = re.compile(r"^\s*(?:\S+@\S+\.\w+|(?:https?://|www\.)\S+)\s*$|\s[|›»>/•]\s*$|"
                           # a trail from the home page: "ホーム > セキュリティ事件"
                           r"^\s*(?:home|startseite|accueil|inicio|início|ホーム|首页|主页|홈|forside|"
                           r"forsiden|startsida|etusivu|strona główna|главная|головна|anasayfa|"
                           r"ana sayfa|trang chủ|beranda|الرئيسية)"
                           r"\s*[|›»>/•]\s|"
                           # a trail's step on a line of its own ("⁄ उत्तर प्रदेश")
                           r"^\s*[|›»>/⁄•]\s|"
                           # a telephone number ("Tel: +43 664 868 7407", "+7 353 243 11 93")
                           r"^\s*(?:(?:tel|tél|phone|fon|telefon|телефон|тел)\.?\s*:?\s*)?"
                           r"\+?\d[\d\s()./-]{6,}\d\s*$", re.IGNORECASE)
# A short trail of two or three steps apart from home: "گروه : یزد » یزد", "News › Politics".
_SHORT_TRAIL = re.compile(r"^[^»›]{1,40}(?:\s[»›]\s[^»›]{1,40}){1,2}$")
TRAIL_STEP_WORDS = 3
# A quote in French guillemets ("sur la « gravité de la situation »"): its » is no trail's.
_GUILLEMETS = re.compile(r"«[^«»]*»")


def _unquoted(text: str) -> str:
    """``text`` with its guillemet quotes taken out, so that their » is not a separator."""
    return _GUILLEMETS.sub("\"…\"", text) if "«" in text else text


# Links run together: a small letter then a capital ("HomeNews", "ZprávyDomácíKauzy").
_GLUE = re.compile(r"[a-zß-öø-ÿа-яё][A-ZÀ-ÖØ-ÞА-ЯЁ]")


def _crumbed_title(blocks: list[Block], start: int, stop: int) -> int | None:
    """The line above the text (or just into it) that the line before prints again run
    into the end of a breadcrumb trail ("ZprávyDomácíKauzy" + "Hlavní aktér ... vilu",
    then "Hlavní aktér ... vilu" alone): a trail's links and the headline set in one
    block, then the headline. The trail has two links run together at least ("Se
    connecter" + "Mon compte" is a menu's two items), and only one line of the header
    zone is printed so."""
    found = []
    for i in range(max(1, lookback_start(blocks, start)), min(stop, start + INTO_RUN)):
        line = blocks[i].text.strip()
        above = blocks[i - 1].text.strip()
        if len(above) > len(line) and above.endswith(line) and len(line.split()) >= 2 \
                and line[:1].isupper() and above[-len(line) - 1].isalpha() \
                and _GLUE.search(above[: -len(line)]) and _candidate(blocks[i]):
            found.append(i)
    return found[0] if len(found) == 1 else None


# Links run together into one word: "NewsPoliticsLocal", a trail of three sections or
# more (a name such as "YouTube" or "McDonald's" has two parts at most), also after the
# trail's label ("You are here: HomeNewsBusinessEconomy").
_RUN_TOGETHER = re.compile(r"^(?:[A-ZÀ-Þ][a-zß-ÿ]+){3,}$")
_TRAIL_LABEL = re.compile(r"^(?:you are here|vous êtes ici|sie befinden sich hier|"
                          r"du befindest dich hier)\s*:\s*", re.IGNORECASE)


def _candidate(block: Block) -> bool:
    """A line that could be a headline at all (the model weighs the rest)."""
    return not (block.junk or block.credit or block.time_only or block.end) \
        and block.words >= 1 and len(block.text) <= MAX_CHARS \
        and not _NOT_HEADLINE.search(_unquoted(block.text)) \
        and not meta_dates.only_a_date(block.text) \
        and not _RUN_TOGETHER.match(_TRAIL_LABEL.sub("", block.text.strip())) \
        and not _short_trail(block.text)


def _short_trail(text: str) -> bool:
    """A trail of two or three steps of a few words each ("Yazd » Yazd"; a quote in
    guillemets is no trail's)."""
    text = _unquoted(text.strip())
    return bool(_SHORT_TRAIL.match(text)) \
        and all(len(step.split()) <= TRAIL_STEP_WORDS for step in re.split(r"\s[»›]\s", text))


def _ranked(block: Block, meta: set[int]) -> bool:
    """A line the model weighs: a candidate, and not a "By ..." line (never the
    headline)."""
    return _candidate(block) and not (block.index in meta and _explicit_byline(block.text))


def _named_below(blocks: list[Block], i: int, meta: set[int]) -> bool:
    """The line is a name that the byline or date line right below prints again with
    more ("TIMES OF INDIA" over "THE TIMES OF INDIA | Oct 02, 2020, 19:02 IST"): the
    outlet or the writer, not the headline."""
    if i + 1 >= len(blocks) or i + 1 not in meta:
        return False
    name, below = folded(blocks[i].text), folded(blocks[i + 1].text)
    return len(name) < len(below) and name in below


def features(blocks: list[Block], start: int, stop: int, meta: set[int],
             stopwords: frozenset[str]) -> list[tuple[int, list[float]]]:
    """``(index, feature values)`` of every headline candidate, in ``FEATURES`` order."""
    openings = _Openings(blocks, stop)
    opening = openings.at(start)
    body_words = openings.words(start, stop)
    echoes = _Echoes(blocks)
    lo = lookback_start(blocks, start)
    hi = min(stop, start + INTO_RUN)
    # Lines after an end-of-article heading ("Related", "Sur le même sujet") and before
    # the body are a box of links to other articles.
    # A copyright line after such a heading closes it: that was the page's footer, and
    # the article follows (a footer printed above the article, as some layouts are read).
    box_from = start
    for i in range(start - 1, lo - 1, -1):
        if _COPYRIGHT.match(blocks[i].text):
            break
        if blocks[i].end:
            box_from = i
            break
    out: list[tuple[int, list[float]]] = []
    hand: dict[int, float] = {}  # the first version's candidates and scores
    distance = 0
    between = 0
    for i in range(hi - 1, lo - 1, -1):
        block = blocks[i]
        if i < start and not _is_meta(block, meta):
            distance += 1
        if not _ranked(block, meta):
            continue
        seen = opening if i < start else openings.at(i + 1)
        near_meta = any(j in meta for j in range(i + 1, i + 4))
        repeated = echoes.repeated(block)
        content = _content(block.text.strip(), stopwords)
        score = _hand_score(block, i, start, repeated, seen, content, distance, near_meta,
                            box_from)
        eligible = _eligible(block, meta)
        if eligible and (i < start + 2 or near_meta):
            hand[i] = score
        out.append((i, _row(block, blocks, i, start, meta, repeated, seen, content,
                            distance, between, box_from, body_words, score)))
        if i < start and eligible:
            between += 1
    out.reverse()
    pick = _hand_pick(blocks, hand, meta)
    for i, row in out:
        row.append(float(i == pick))
    return _with_neighbours(out)


def _with_neighbours(rows: list[tuple[int, list[float]]]) -> list[tuple[int, list[float]]]:
    """Each candidate's line features, then its next and previous candidates' features
    less its own, then the lines to each of them (``FEATURES`` order)."""
    out: list[tuple[int, list[float]]] = []
    for k, (index, row) in enumerate(rows):
        after_at, after = rows[k + 1] if k + 1 < len(rows) else (None, row)
        before_at, before = rows[k - 1] if k > 0 else (None, row)
        gap_next = GAP_CAP if after_at is None else min(after_at - index, GAP_CAP)
        gap_prev = GAP_CAP if before_at is None else min(index - before_at, GAP_CAP)
        out.append((index, row + [after[f] - row[f] for f in _COMPARED_AT]
                    + [before[f] - row[f] for f in _COMPARED_AT]
                    + [gap_next / GAP_CAP, gap_prev / GAP_CAP]))
    return out


def _hand_score(block: Block, i: int, start: int, repeated: bool, seen: set[str],
                content: list[str], distance: int, near_meta: bool, box_from: int) -> float:
    """The first version's score: ``_score`` less the distance to the body, plus a
    bonus for a byline or date right below."""
    far = 0.5 * max(0, distance - 1)
    if near_meta:
        # A byline or date follows the headline; such a header block may sit far above
        # the text (a spec box, a gallery or a video in between), so distance counts less.
        far = min(far, FAR_CAP) - 2.5
    score = _score(block, repeated, seen, content) - far
    return score - (3.0 if box_from < i < start else 0.0)


def _hand_pick(blocks: list[Block], hand: dict[int, float], meta: set[int]) -> int | None:
    """The first version's choice: the best hand score; but a headline is often followed
    by its standfirst, which shares its words: when the winner reads like a standfirst
    and a shorter candidate sits just above, that one."""
    if not hand:
        return None
    score, index = max((sc, i) for i, sc in hand.items())
    above = _previous(blocks, index, meta)
    if above is not None and above in hand and hand[above] >= max(2.0, score - 4.5) \
            and _standfirst_like(blocks[index]) and not ends_as_sentence(blocks[above].text) \
            and (blocks[above].words < blocks[index].words
                 or not _standfirst_like(blocks[above])):
        return above
    return index


def _row(block: Block, blocks: list[Block], i: int, start: int, meta: set[int],
         repeated: bool, seen: set[str], content: list[str], distance: int,
         between: int, box_from: int, body_words: set[str], hand: float) -> list[float]:
    """The features of one candidate but the last (``hand_pick``, known at the end)."""
    text = block.text.strip()
    words = block.words
    followed = _followed_by_meta(blocks, i, meta)
    shared = len(seen.intersection(content))
    lettered, capitalised = _capitalised(text)
    after = _next_text_block(blocks, i, meta)
    j = _previous(blocks, i, meta)
    above = blocks[j] if j is not None else None
    return [
        hand / 10.0,
        float(i >= start),
        float(i >= start + 2),
        float(words == 1), float(words == 2), float(words == 3),
        float(4 <= words <= 22), float(23 <= words <= 30), float(words > 30),
        math.log1p(words) / 3.0,
        min(len(text), MAX_CHARS) / 100.0,
        float(ends_as_sentence(text)),
        float(text.endswith(":")),
        float(text.endswith(("?", "!"))),
        float(text[:1].islower()),
        float(block.prose),
        float(block.sentence),
        block.stop_ratio,
        float(_list_like(text)),
        shared / len(set(content)) if content else 0.0,
        min(shared, 6) / 6.0,
        float(not content),
        float(repeated),
        min(distance, 20) / 20.0 if i < start else 0.0,
        float(i < start and distance <= 1),
        float(followed),
        float(any(j in meta for j in range(max(0, i - 3), i))),
        float(box_from < i < start),
        math.log1p(between) / 3.0 if i < start else 0.0,
        float(i < start and between == 0),
        float(after is not None and _standfirst_like(after)),
        capitalised / lettered if lettered else 0.0,
        float(text.isupper() and len(text) > 5),
        float(bool(_SEPARATOR.search(text))),
        float(": " in text[:-1]),
        sum(map(str.isdigit, text)) / len(text) if text else 0.0,
        float(meta_dates.find_date(text) is not None),
        float(i in meta),
        i / max(1, len(blocks)),
        float(i >= start + 2 and not followed),
        float(meta_dates.looks_like_name(text) is not None),
        float(_explicit_byline(text)),
        len(body_words.intersection(content)) / len(set(content)) if content else 0.0,
        float(after is not None and after.prose),
        float(any(b.junk or b.end for b in blocks[i + 1 : start])),
        min(max(0, start - i), 10) / 10.0,
        float(above is not None and above.words < words and above.words >= 2
              and not ends_as_sentence(above.text)),
        float(after is not None and heading_like(after)),
        float(above is not None and heading_like(above)),
        float(_standfirst_like(block)),
        float(len(_TRAIL_STEP.findall(_unquoted(text))) >= 2),
    ]


def heading_like(block: Block) -> bool:
    """A line set like a title: a few words, no sentence's full stop, not a widget."""
    return _candidate(block) and 3 <= block.words <= 30 and not block.prose \
        and not ends_as_sentence(block.text)


def _explicit_byline(text: str) -> bool:
    return meta_dates.is_by_word(text) or meta_dates.ends_with_by(text) \
        or meta_dates.find_byline(text) is not None


def _followed_by_meta(blocks: list[Block], index: int, meta: set[int]) -> bool:
    """A byline or date comes within three lines after ``index``, share buttons and
    other widgets between them not counted."""
    seen = 0
    for block in blocks[index + 1 : index + 12]:
        if block.index in meta:
            return True
        if not (block.junk or block.time_only):
            seen += 1
            if seen == 3:
                return False
    return False


def _next_text_block(blocks: list[Block], index: int, meta: set[int]) -> Block | None:
    """The first block after ``index`` that is not a byline, date, credit or widget."""
    for block in blocks[index + 1 : index + 5]:
        if not _is_meta(block, meta):
            return block
    return None


class _Echoes:
    """Which lines the page prints again, alone or inside a short line (a breadcrumb, a
    share box): lines are compared casefolded, spaces collapsed."""

    def __init__(self, blocks: list[Block]) -> None:
        self.keys = [folded(b.text) for b in blocks]
        self.count = Counter(self.keys)
        order = sorted(range(len(blocks)), key=lambda k: len(blocks[k].text))
        self.sizes = [len(blocks[k].text) for k in order]
        self.order = order

    def repeated(self, block: Block) -> bool:
        """The line occurs twice, or inside a line longer than it but not three times
        as long."""
        key = self.keys[block.index]
        if self.count[key] > 1:
            return True
        size = len(block.text.strip())
        lo = bisect.bisect_right(self.sizes, size)
        hi = bisect.bisect_left(self.sizes, 3 * size)
        return any(key in self.keys[k] for k in self.order[lo:hi] if k != block.index)


class _Openings:
    """The words of the article's first lines (``at(start)``) and of its text
    (``words``), from each prose block's tokens, read once."""

    def __init__(self, blocks: list[Block], stop: int) -> None:
        self.blocks = blocks
        self.stop = stop
        self.tokens: dict[int, tuple[str, ...]] = {}

    def words(self, start: int, stop: int) -> set[str]:
        """The words of the prose blocks in ``blocks[start:stop]``."""
        out: set[str] = set()
        for b in self.blocks[start:stop]:
            if b.prose:
                if b.index not in self.tokens:
                    self.tokens[b.index] = tokens(b.text)
                out.update(self.tokens[b.index])
        return out

    def at(self, start: int) -> set[str]:
        """The words of the 30 lines from ``start`` (the article's opening)."""
        return self.words(start, min(self.stop, start + 30))


def _content(text: str, stopwords: frozenset[str]) -> list[str]:
    """The words of ``text`` that carry meaning: not stopwords, not numbers."""
    return [t for t in tokens(text) if t not in stopwords and not t.isdigit()]


def _list_like(text: str) -> bool:
    """A list of tags, topics or names: three commas, or a label and two."""
    return text.count(",") >= 3 or (bool(_LIST_LABEL.match(text)) and text.count(",") >= 2)


def _score(block: Block, repeated: bool, opening: set[str], content: list[str]) -> float:
    """The hand-weighted score of the first version, kept as one feature of the model."""
    score = 0.0
    text = block.text.strip()
    if 4 <= block.words <= 22:
        score += 2.0
    elif block.words <= 30:
        score += 1.0
    if ends_as_sentence(text):
        score -= 3.0
    elif text.endswith(":"):
        score -= 1.0
    if text[:1].islower():
        score -= 3.0
    if block.prose:
        score -= 1.5
    if block.words > 18:
        score -= 0.2 * (block.words - 18)
    if block.stop_ratio > 0.4:
        score -= 5.0 * (block.stop_ratio - 0.4)
    if _list_like(text):
        score -= 3.0
    if content:
        shared = len(opening.intersection(content))
        score += 3.0 * shared / len(set(content)) + 0.5 * min(shared, 6)
    if repeated:
        score += 2.0
    return score


STANDFIRST_WORDS = (8, 80)


def standfirst(blocks: list[Block], head: int, start: int, meta: set[int]) -> int | None:
    """The deck under the headline: the first line after it (bylines, dates, credits and
    widgets aside) that reads as one or two sentences and is set apart from the text,
    either above the body run or above the byline/date block. ``None`` when the article
    opens straight with its text (a dateline paragraph is text, not a standfirst)."""
    title = blocks[head].text
    for i in range(head + 1, min(len(blocks), head + 6)):
        block = blocks[i]
        if _is_meta(block, meta) or block.text == title:
            continue
        low, high = STANDFIRST_WORDS
        if not low <= block.words <= high or block.text[:1].islower() \
                or _DATELINE.match(block.text) or block.end or block.stop_ratio < 0.1 \
                or lexicon.has_call_to_action(block.text):
            return None
        after = blocks[i + 1 : i + 4]
        if i < start or any(b.index in meta for b in after[:2]):
            return i
        return None
    return None


_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{1,40}(,\s*[\w .]{2,30})?\s*(\([^)]{1,30}\))?\s*"
                       r"(--|[-–—])\s")
