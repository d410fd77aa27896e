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


def votes(blocks: list[Block]) -> list[float]:
    """Each block's weight in context: a long gap of non-prose costs more than its
    lines alone (menus and teaser lists are long, captions and subheadings short), and
    a lone prose block among junk (a teaser, a footer notice) counts half."""
    prose = [weight(b) > 0 for b in blocks]
    out = []
    gap = 0
    for i, block in enumerate(blocks):
        w = weight(block)
        if block.player:
            out.append(0.0)  # a player inside an article: neither for nor against
        elif w > 0:
            gap = 0
            near = prose[max(0, i - ISOLATION) : i] + prose[i + 1 : i + 1 + ISOLATION]
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
