"""Duplicate articles: the same story scraped twice becomes one brief.

Two texts are the same article when their words (case folded, punctuation and
whitespace ignored) are identical, or nearly so: the Jaccard similarity of their word
4-shingles is at least ``THRESHOLD``. Similarity is estimated from bottom-k sketches
(the ``K`` smallest shingle hashes), exact for texts shorter than ``K`` shingles.
Candidates are found through shared sketch values, so a run costs time linear in
the number of briefs, not quadratic.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

THRESHOLD = 0.9
K = 128
SHINGLE = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sketch:
    exact: str  # sha256 of the normalised words
    mins: frozenset[int]  # the K smallest shingle hashes


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def sketch(text: str) -> Sketch:
    tokens = words(text)
    exact = hashlib.sha256(" ".join(tokens).encode()).hexdigest()
    grams = {" ".join(tokens[i : i + SHINGLE])
             for i in range(max(1, len(tokens) - SHINGLE + 1))}
    hashed = sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
                    for g in grams)
    return Sketch(exact=exact, mins=frozenset(hashed[:K]))


def similarity(a: Sketch, b: Sketch) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if a.exact == b.exact:
        return 1.0
    union = sorted(a.mins | b.mins)[:K]
    if not union:
        return 0.0
    both = a.mins & b.mins
    return sum(1 for h in union if h in both) / len(union)


class Index:
    """Sketches of the briefs kept so far; ``match`` finds the one a text duplicates."""

    def __init__(self) -> None:
        self._by_exact: dict[str, str] = {}
        self._by_hash: dict[int, list[str]] = defaultdict(list)
        self._sketches: dict[str, Sketch] = {}
        self._order: dict[str, int] = {}

    def add(self, key: str, item: Sketch) -> None:
        self._by_exact.setdefault(item.exact, key)
        if key in self._sketches:  # the same key again: its first sketch stays
            return
        self._sketches[key] = item
        self._order[key] = len(self._order)
        for value in item.mins:
            self._by_hash[value].append(key)

    def add_all(self, items: Iterable[tuple[str, Sketch]]) -> None:
        for key, item in items:
            self.add(key, item)

    def match(self, item: Sketch) -> str | None:
        """The key of a kept text ``item`` duplicates (the first added wins a tie).

        A kept text is a candidate when it shares ``needed`` of the item's sketch values.
        Such a text misses at most ``len - needed`` of them, so it holds at least one of
        any ``len - needed + 1`` values: only the values the fewest kept texts hold are
        looked up. Sentences every article of a site repeats make some values common to
        most texts; they are never walked, so a match costs time by the number of its
        near copies, not of all briefs."""
        if item.exact in self._by_exact:
            return self._by_exact[item.exact]
        mins = item.mins
        needed = max(1, int(len(mins) * THRESHOLD * 0.8))
        rare = sorted(mins, key=lambda v: (len(self._by_hash.get(v, ())), v))
        candidates = {key for value in rare[:len(mins) - needed + 1]
                      for key in self._by_hash.get(value, ())}
        for key in sorted(candidates, key=self._order.__getitem__):  # first added first
            kept = self._sketches[key]
            if len(mins & kept.mins) >= needed and similarity(item, kept) >= THRESHOLD:
                return key
        return None
