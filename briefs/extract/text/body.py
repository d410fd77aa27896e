"""Find the article's run of blocks: the stretch of the dump where prose outweighs junk.

Each block votes (``blocks.weight``): prose for, by its length; short lines, widgets and
end-of-article headings against. The body is the contiguous run with the largest total
(maximum-subsequence segmentation, as in Pasternack and Roth's article extractor), so
short lines inside an article (subheadings, list items) stay and the menus, teaser
lists and comment boxes around it go. A list or table that a paragraph introduces with
a colon counts a little for, so an article that ends in one keeps it. An article that a
gallery or a share box cuts in two is two runs close together of comparable weight
(``article_runs``; a part of any weight when an advert's or a paywall's placeholder
says the article goes on); the furniture between them is left out. The run stops at an
end-of-article heading ("Related", "Comments") below most of its weight, however much
prose the teasers or comments after it hold; and a cookie dialog's paragraphs, named by
their neighbours' talk of cookies, count little.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from briefs.extract.text.blocks import LENGTH_ONLY, Block, folded, weight
from briefs.extract.text.lexicon import (
    is_consent,
    is_pitch,
    is_thread_heading,
    mentions_cookies,
)
from briefs.extract.text.meta import date_alone, find_date

GAP_GROWTH = 0.4  # each further line of a gap costs this much more than the last
ISOLATION = 3  # prose with no other prose this close is likely a teaser: half weight
TEASER_RUN = 3  # this many lone paragraphs in a row, each under a title: teasers
TEASER_GAP = 2  # at most this many title lines between two teasers
TEASER_WEIGHT = 0.3  # what a paragraph of a teaser list counts
CONSENT_WEIGHT = 0.1  # what a paragraph of a cookie or privacy dialog counts


def _chains(items: list[int], joins: Callable[[int, int], bool]) -> list[list[int]]:
    """``items`` (in order) cut into chains: an item joins the chain before it when
    ``joins(last item of that chain, item)``."""
    chains: list[list[int]] = []
    for item in items:
        if chains and joins(chains[-1][-1], item):
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains


def _transparent(block: Block) -> bool:
    """Lines a reader skips between paragraphs: adverts, widgets, captions, times (not
    the heading that ends an article)."""
    return not block.end and (block.junk or block.credit or block.time_only or block.player)


def _titles_between(lines: list[Block]) -> bool:
    """One or two title lines, not sentences (a question and its answer are an
    interview, not a teaser list) nor the heading that ends the article."""
    return 0 < len(lines) <= TEASER_GAP and not any(b.sentence or b.end for b in lines)


def teasers(blocks: list[Block]) -> set[int]:
    """Paragraphs of a teaser list: a title line, a summary paragraph, a title line...

    An article's paragraphs follow one another (captions and adverts between them do
    not count); a list of other stories prints each summary under its own title, so no
    two paragraphs touch. Three or more such lone paragraphs, each one to two lines
    after the last, make a teaser list."""
    seen = [b for b in blocks if not _transparent(b)]
    prose = [weight(b) > 0 for b in seen]
    lone = [k for k, p in enumerate(prose)
            if p and not (k > 0 and prose[k - 1]) and not (k + 1 < len(seen) and prose[k + 1])]
    chains = _chains(lone, lambda last, k: _titles_between(seen[last + 1 : k]))
    return {seen[k].index for chain in chains if len(chain) >= TEASER_RUN for k in chain}


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+\s*\w+\s+ago\b", re.IGNORECASE)
STAMP_WORDS = 12  # a comment's date line is short
STAMP_CHAIN = 15  # stamps this close to each other belong to one thread
THREAD_STAMPS = 3  # this many stamps in a chain: a comment thread
STAMP_REACH = 3  # a comment's text starts this close after its stamp
COMMENT_WEIGHT = 0.1  # what a paragraph of a comment thread counts
COMMENT_PARAGRAPHS = 6  # more paragraphs after a date than this: an article, not a comment


def _stamp(block: Block) -> bool:
    """A short line that is a date or time, not a sentence (a reference's ``Retrieved
    1 May 2015.``), the signature of a quoted post (``— Name (@name) May 1, 2019``) nor a
    video's length (``04:16 min``, over a clip embedded between paragraphs): a post's or a
    comment's timestamp."""
    introduces = block.text.rstrip().endswith(":")  # "Ann on May 1, 2019 at 4:47 pm said:"
    if block.words > STAMP_WORDS or (block.sentence and not introduces) \
            or block.text.startswith(("—", "–", "-")) \
            or (block.time_only and LENGTH_ONLY.match(block.text.strip())):
        return False
    return (
        block.time_only or bool(_CLOCK.search(block.text)) or find_date(block.text) is not None)


TITLE_WORDS, TITLE_MAX_WORDS = 6, 25  # a line this long above a date, not prose: a title


def _under_a_title(blocks: list[Block], index: int) -> bool:
    """Whether the date at ``index`` is a story's, in a list of dated links: a date alone
    under a title ("Grusel-Aus im Pokal: Aubstadt geht in Illertissen gleich mit 0:4
    unter"), where a comment's date sits under its writer's name ("Jane Roe", "reader
    says:") or beside it ("Georg N. am 10.4.2020", under a review's title)."""
    if index == 0:
        return False
    above = blocks[index - 1]  # (its flags first: reading the date costs more)
    return TITLE_WORDS <= above.words <= TITLE_MAX_WORDS \
        and not (above.sentence or above.prose or above.junk) \
        and not above.text.rstrip().endswith(":") and not above.text[:1].islower() \
        and date_alone(blocks[index].text)


def threads(blocks: list[Block]) -> list[list[int]]:
    """The chains of stamps (``_stamp``) that read as comment threads: three or more, a
    few lines apart, and not the dates of a list of dated links."""
    stamps = [b.index for b in blocks if _stamp(b) and not _under_a_title(blocks, b.index)]
    return [chain for chain in _chains(stamps, lambda last, i: i - last <= STAMP_CHAIN)
            if len(chain) >= THREAD_STAMPS]


def comments(blocks: list[Block], chains: list[list[int]] | None = None) -> set[int]:
    """Paragraphs of a comment thread: each comment prints its author and a date or
    time, so a thread is a chain of three or more stamps a few lines apart. The text
    after each stamp but the chain's first (which may be the article's own date) is a
    comment, up to the next line that is not prose; more paragraphs than a comment
    has are the article under a list of dated links."""
    out: set[int] = set()
    for chain in threads(blocks) if chains is None else chains:
        for stamp, after in zip(chain[1:], [*chain[2:], len(blocks)], strict=True):
            k = stamp + 1
            while k < after and k <= stamp + STAMP_REACH and weight(blocks[k]) <= 0:
                k += 1
            # a stamp that reads as a sentence ("Ann on May 1, 2019 at 4:47 pm said:")
            text = [stamp] if weight(blocks[stamp]) > 0 else []
            while k < after and weight(blocks[k]) > 0:
                text.append(k)
                k += 1
            if len(text) <= COMMENT_PARAGRAPHS:
                out.update(text)
    return out


LIST_ITEMS = 60  # an introduced list is read this far at most
LIST_ITEM_WORDS = 40  # an item longer than this is prose or junk, not a list item
LIST_WEIGHT = 0.25  # what an item of an introduced list counts


def introduced_lists(blocks: list[Block]) -> set[int]:
    """Items of a list or table the article introduces: the lines after a paragraph
    that ends with a colon (``...the standings after 36 races:``), up to the next
    paragraph, widget, credit or end-of-article heading. Such items are short and
    carry few stopwords, so alone they would vote against the text they belong to."""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        if not (weight(block) > 0 and block.text.rstrip().endswith(":")):
            continue
        for item in blocks[i + 1 : i + 1 + LIST_ITEMS]:
            if weight(item) > 0 or item.junk or item.end or item.credit or item.player \
                    or item.words > LIST_ITEM_WORDS:
                break
            out.add(item.index)
    return out


DIALOG_REACH = 4  # lines on each side looked at for a cookie dialog's other lines
DIALOG_COOKIES = 3  # ... and how many of those and the line itself must name cookies


def cookie_stretch(blocks: list[Block]) -> list[bool]:
    """For each block, whether it sits in a stretch of a cookie dialog: ``DIALOG_COOKIES``
    lines within ``DIALOG_REACH`` of it, itself included, name cookies ("Klicken Sie auf
    die verschiedenen Kategorienüberschriften, um mehr zu erfahren..." between a dialog's
    cookie paragraphs)."""
    named = list(itertools.accumulate((mentions_cookies(b.text) for b in blocks), initial=0))
    last = len(blocks)
    return [named[min(last, i + 1 + DIALOG_REACH)] - named[max(0, i - DIALOG_REACH)]
            >= DIALOG_COOKIES for i in range(last)]


def votes(blocks: list[Block], teaser: set[int],
          chains: list[list[int]] | None = None) -> list[float]:
    """Each block's weight in context: a long gap of non-prose costs more than its
    lines alone (menus and teaser lists are long, captions and subheadings short), a
    lone prose block among junk (a teaser, a footer notice) counts half, and the
    summaries of a list of other stories (``teaser``, which ``teasers`` found), the
    comments of a thread (``comments``) and the paragraphs of a cookie dialog (one that
    reads as such, ``lexicon.is_consent``, or one among lines that name cookies,
    ``cookie_stretch``) count little."""
    prose = [weight(b) > 0 for b in blocks]
    dialog = cookie_stretch(blocks)
    thread = comments(blocks, chains)
    listed = introduced_lists(blocks)
    out = []
    gap = 0
    for i, block in enumerate(blocks):
        w = weight(block)
        if block.player or block.filler:
            out.append(0.0)  # a player or a placeholder in an article: neither for nor against
        elif block.index in listed:
            out.append(LIST_WEIGHT)
        elif w > 0:
            gap = 0
            near = prose[max(0, i - ISOLATION) : i] + prose[i + 1 : i + 1 + ISOLATION]
            if block.index in teaser:
                w *= TEASER_WEIGHT
            if block.index in thread:
                w *= COMMENT_WEIGHT
            if dialog[i] or is_consent(block.text):
                w *= CONSENT_WEIGHT
            out.append(w if any(near) else w / 2)
        else:
            out.append(w * (1 + GAP_GROWTH * gap))
            gap += 1
    return out


MERGE_SHARE = 0.5  # a run this strong (of the best run's score) nearby is the same article
MERGE_GAP = 40  # ... when at most this many lines, none an end-of-article heading, part them
MERGE_SCAN = 500  # lines searched for such a run on each side (bounds the work per merge)


def _kadane(vote: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """The best total of a contiguous stretch of ``vote[lo:hi]``, and its bounds."""
    best, span = 0.0, (lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += vote[i]
        if total > best:
            best, span = total, (start, i + 1)
    return best, span[0], span[1]


def article_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """The article's runs, in order, as ``(start, stop)`` (``stop`` exclusive): the
    best-scoring run (up to an end-of-article heading below most of its text: teasers and
    comments long enough to read as prose come after it), and the runs that page
    furniture (a gallery, a share box, an advert block) cut off from it: a run scoring
    at least half as much, at most ``MERGE_GAP`` lines away, with no end-of-article
    heading between (the widgets between two runs are left out of the text). Empty when
    nothing reads as prose."""
    teaser = teasers(blocks)
    chains = threads(blocks)
    vote = votes(blocks, teaser, chains)
    best, start, stop = _kadane(vote, 0, len(vote))
    if best <= 0:
        return []
    best, start, stop = _above_first_end(blocks, vote, best, start, stop)
    stop = _cut_at_end(blocks, vote, start, stop, best, {i for chain in chains for i in chain})
    start = _past_box(blocks, vote, teaser, start, stop)
    runs = [(start, stop)]
    while True:
        first, last = runs[0][0], runs[-1][1]
        score, s, e = _kadane(vote, max(0, first - MERGE_SCAN), first)
        if score >= _share(blocks[e:first]) * best and first - e <= MERGE_GAP \
                and not any(b.end for b in blocks[e:first]):
            runs.insert(0, (s, e))
            continue
        score, s, e = _kadane(vote, last, min(len(vote), last + MERGE_SCAN))
        if score >= _share(blocks[last:s]) * best and s - last <= MERGE_GAP \
                and not any(b.end for b in blocks[last:s]):
            runs.append((s, e))
            continue
        return runs


END_FIRST_SHARE = 0.7  # a run above the first end-of-article heading this strong wins
# (0.8 gained less on Dragnet's 1,381 pages; 0.5 lost articles to a teaser above them)


def _above_first_end(blocks: list[Block], vote: list[float], best: float, start: int,
                     stop: int) -> tuple[float, int, int]:
    """The best run, or the best run above the first end-of-article heading under the
    page's first prose ("Related Posts", "Comments") when the best run lies below that
    heading and the run above it scores ``END_FIRST_SHARE`` of it at least: an article
    comes before the boxes that follow it, so a short post is not passed over for a
    publisher's blurb, a copyright notice or another post's teaser further down."""
    prose = next((i for i in range(start) if vote[i] > 0), None)
    if prose is None:
        return best, start, stop
    end = next((i for i in range(prose + 1, start) if blocks[i].end), None)
    if end is None:
        return best, start, stop
    score, above_start, above_stop = _kadane(vote, 0, end)
    if score >= END_FIRST_SHARE * best:
        return score, above_start, above_stop
    return best, start, stop


def _past_box(blocks: list[Block], vote: list[float], teaser: set[int], start: int,
              stop: int) -> int:
    """``start``, or the first paragraph after the teasers the run opens with when an
    end-of-article heading ("Mehr zum Thema", "Related") sits just above them (a title
    line or two between): a box of other stories printed above the article, whose
    summaries would read as the article's first paragraphs."""
    above = [b for b in blocks[max(0, start - 2 * TEASER_GAP) : start]
             if b.end or not _transparent(b)][-TEASER_GAP - 1 :]
    if not any(b.end for b in above):
        return start
    last = None
    for i in range(start, stop):
        if vote[i] > 0 and blocks[i].index not in teaser:
            break
        if blocks[i].index in teaser:
            last = i
    if last is None:
        return start
    return next((i for i in range(last + 1, stop) if vote[i] > 0), start)


FILLER_SHARE = 0.1


def _share(gap: list[Block]) -> float:
    """How strong a run must be, of the best run's score, to join it across ``gap``: less
    when the gap holds an advert's or a paywall's placeholder, which says the article
    goes on after it."""
    return FILLER_SHARE if any(b.filler for b in gap) else MERGE_SHARE


END_CUT_SHARE = 0.8  # (0.9 cut too little, 0.7 and less cut articles, on the working sets)
THREAD_CUT_SHARE = 0.1  # ... over a comment thread, however long (0.15 and 0.05 measured)
THREAD_LEAD = 8  # a comment's stamp this close under a heading: the heading is the thread's


def _over_thread(blocks: list[Block], index: int, stamps: set[int]) -> bool:
    """Whether the end-of-article heading at ``index`` heads a comment thread: it names
    the comments ("Comments", "12 thoughts on “Post”") and a stamp of a thread
    (``threads``) follows within ``THREAD_LEAD`` lines. A "Comments" link in the share
    bar under the headline has the article, not a thread, below it."""
    return is_thread_heading(blocks[index].text) and any(
        j in stamps for j in range(index + 1, index + 1 + THREAD_LEAD))


def _cut_at_end(blocks: list[Block], vote: list[float], start: int, stop: int,
                best: float, stamps: set[int]) -> int:
    """``stop``, or the first end-of-article heading in the run when the text above it
    already holds ``END_CUT_SHARE`` of the run's score: ``THREAD_CUT_SHARE`` for the
    heading of a comment thread (``stamps`` are its comments' stamps), as a long thread
    outweighs a short post even at a tenth of a paragraph's weight a comment. A heading
    the run printed above already labels a box inside the article ("Mehr zum Thema" over
    one link, three times between its paragraphs), not its end."""
    total = 0.0
    labels: set[str] = set()
    for i in range(start, stop):
        if blocks[i].end:
            label = folded(blocks[i].text)
            share = THREAD_CUT_SHARE if _over_thread(blocks, i, stamps) else END_CUT_SHARE
            if total >= share * best and label not in labels:
                return i
            labels.add(label)
        total += vote[i]
    return stop


BOX_LINES = 3  # lines under a box's heading inside the article: its links' titles, names


def inside_boxes(blocks: list[Block], start: int, stop: int) -> set[int]:
    """The lines of the boxes inside ``blocks[start:stop]``, an article's run: under an
    end-of-article heading the run goes on past, the lines before the next paragraph of
    prose (the link's title, its author), when there are at most ``BOX_LINES``."""
    out: set[int] = set()
    for i in range(start, stop):
        if not blocks[i].end:
            continue
        for j in range(i + 1, min(stop, i + 2 + BOX_LINES)):
            if blocks[j].prose or blocks[j].end:
                if blocks[j].prose:
                    out.update(range(i + 1, j))
                break
    return out


def keep_in_body(block: Block) -> bool:
    """Whether a block inside the run is article text (not a widget, credit or time)."""
    return not (block.junk or block.credit or block.time_only or block.end)


def without_pitch(kept: list[Block]) -> list[Block]:
    """The article's text (blocks kept in the body, widgets already out) without the
    publisher's pitch that closes it (a plea for donations, a newsletter offer, the
    outlet describing itself). Only the end is cut: an article about newsletters keeps
    its text."""
    end = len(kept)
    while end > 1 and is_pitch(kept[end - 1].text):
        end -= 1
    return kept[:end]


# What an author's note says of the writer right after the name: "... is a reporter for",
# "... currently works for", "... ist freie Autorin", "... est journaliste".
_BIO = re.compile(
    r"^,?\s*(?:\([^)]{1,60}\)\s*)?(?:is (?:an?|the|currently)\b|currently\b|works (?:for|at|as)\b|"
    r"writes (?:for|about)\b|has (?:been|written|worked|covered)\b|joined\b|covers\b|"
    r"ist (?:eine?|freie[rn]?|seit|redakteur|korrespondent)|est (?:une?|journaliste|"
    r"rédact|correspondant)|es (?:una?|periodista|redactor)|é (?:uma?|jornalista))",
    re.IGNORECASE)


def without_bio(kept: list[Block], byline: str | None) -> list[Block]:
    """The article's text without an author's note that opens it ("Alexia Tsotsis
    currently works for TechCrunch as a writer. ..."): the first paragraph, when it
    begins with a name of the byline and then says who the writer is. A note after the
    article is left (annotations differ on whether it is the article's)."""
    if not kept or not byline or len(kept) < 2:
        return kept
    first = kept[0].text
    for name in re.split(r",\s*|\s+(?:and|und|et|y|e)\s+|\s*&\s*", byline):
        name = name.strip()
        if len(name.split()) >= 2 and first.startswith(name) \
                and _BIO.match(first[len(name):]):
            return kept[1:]
    return kept
