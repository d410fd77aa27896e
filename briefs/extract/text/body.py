"""Find the article's run of blocks: the stretch of the dump where prose outweighs junk.

Each block votes (``blocks.weight``): prose for, by its length; short lines, widgets and
end-of-article headings against. The body is the contiguous run with the largest total
(maximum-subsequence segmentation, as in Pasternack and Roth's article extractor), so
short lines inside an article (subheadings, list items) stay and the menus, teaser
lists and comment boxes around it go.
"""

from __future__ import annotations

from briefs.extract.text.blocks import Block, weight

GAP_GROWTH = 0.4  # each further line of a gap costs this much more than the last
ISOLATION = 3  # prose with no other prose this close is likely a teaser: half weight
TEASER_RUN = 3  # this many lone paragraphs in a row, each under a title: teasers
TEASER_GAP = 2  # at most this many title lines between two teasers
TEASER_WEIGHT = 0.4  # what a paragraph of a teaser list counts


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
    chains: list[list[int]] = []
    for k in lone:
        if chains and _titles_between(seen[chains[-1][-1] + 1 : k]):
            chains[-1].append(k)
        else:
            chains.append([k])
    return {seen[k].index for chain in chains if len(chain) >= TEASER_RUN for k in chain}


def votes(blocks: list[Block]) -> list[float]:
    """Each block's weight in context: a long gap of non-prose costs more than its
    lines alone (menus and teaser lists are long, captions and subheadings short), a
    lone prose block among junk (a teaser, a footer notice) counts half, and the
    summaries of a list of other stories count little (``teasers``)."""
    prose = [weight(b) > 0 for b in blocks]
    teaser = teasers(blocks)
    out = []
    gap = 0
    for i, block in enumerate(blocks):
        w = weight(block)
        if block.player:
            out.append(0.0)  # a player inside an article: neither for nor against
        elif w > 0:
            gap = 0
            near = prose[max(0, i - ISOLATION) : i] + prose[i + 1 : i + 1 + ISOLATION]
            if block.index in teaser:
                w *= TEASER_WEIGHT
            out.append(w if any(near) else w / 2)
        else:
            out.append(w * (1 + GAP_GROWTH * gap))
            gap += 1
    return out


def best_run(blocks: list[Block]) -> tuple[int, int]:
    """``(start, stop)`` of the best-scoring run (``stop`` exclusive); ``(0, 0)`` when
    nothing in the dump reads as prose."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, vote in enumerate(votes(blocks)):
        if total <= 0:
            total, start = 0.0, i
        total += vote
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def keep_in_body(block: Block) -> bool:
    """Whether a block inside the run is article text (not a widget, credit or time)."""
    return not (block.junk or block.credit or block.time_only or block.end)
