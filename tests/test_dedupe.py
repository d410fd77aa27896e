"""The duplicate index finds what a scan of every kept text finds, without the scan."""

from __future__ import annotations

import random

from briefs import dedupe
from briefs.bench.synth import synth_seed


def _scan(kept: list[tuple[str, dedupe.Sketch]], item: dedupe.Sketch) -> str | None:
    """The definition: the first kept text with the same words, else the first that shares
    ``needed`` sketch values and is at least THRESHOLD similar."""
    for key, sketch in kept:
        if sketch.exact == item.exact:
            return key
    needed = max(1, int(len(item.mins) * dedupe.THRESHOLD * 0.8))
    for key, sketch in kept:
        if len(item.mins & sketch.mins) >= needed \
                and dedupe.similarity(item, sketch) >= dedupe.THRESHOLD:
            return key
    return None


def test_index_matches_a_full_scan() -> None:
    rng = random.Random(7)
    texts = [synth_seed(i).text for i in range(240)]  # one template: many shared shingles
    for i in range(0, 240, 6):  # near copies: a few words changed, or cut short
        words = texts[i].split()
        for _ in range(rng.randint(0, 15)):
            j = rng.randrange(len(words))
            words[j] += "x"
        texts.append(" ".join(words))
        texts.append(texts[i][: len(texts[i]) * 9 // 10])
    texts.append(texts[3])  # the same words again
    index = dedupe.Index()
    kept: list[tuple[str, dedupe.Sketch]] = []
    found = 0
    for number, text in enumerate(texts):
        item = dedupe.sketch(text)
        expected = _scan(kept, item)
        assert index.match(item) == expected
        if expected is None:
            index.add(str(number), item)
            kept.append((str(number), item))
        else:
            found += 1
    assert found >= 40
