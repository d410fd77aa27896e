"""Every published brief's front matter, read once per build, and its groupings.

``on_files`` runs before MkDocs reads any page, yet listings, feeds and charts need all
briefs' metadata: this module reads only the front-matter slice of each brief with
libyaml's ``CSafeLoader`` and groups the briefs once (by month, week and each facet),
newest first with ties broken by URL. Everything here is linear in the number of briefs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefs.incremental import fingerprint
from briefs.record import LANG_CODE
from briefs.validate import known_valid
from briefs.write import unaccented

BRIEFS_PREFIX = "briefs/"
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_END = re.compile(r"^---[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Facet:
    """A front-matter list field readers browse by: ``regions`` -> /regions/<slug>/."""

    key: str
    singular: str
    plural: str
    feeds: bool


FACETS: tuple[Facet, ...] = (
    Facet("categories", "Category", "Categories", feeds=True),
    Facet("regions", "Region", "Regions", feeds=True),
    Facet("sources", "Source", "Sources", feeds=False),
    Facet("tags", "Tag", "Tags", feeds=False),
)


@dataclass(frozen=True)
class Entry:
    """What listings, feeds and charts know of one brief."""

    url: str
    src_uri: str
    title: str
    date: str
    summary: str
    meta: dict[str, Any] = field(compare=False, repr=False)
    _lists: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False,
                                               compare=False, repr=False)

    def values(self, key: str) -> tuple[str, ...]:
        known = self._lists.get(key)
        if known is None:  # asked for by every listing the brief is on: worked out once
            known = self._lists[key] = text_list(self.meta.get(key))
        return known


@dataclass
class Group:
    """Briefs that share one value of a facet (or one month)."""

    label: str
    slug: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Catalog:
    """Published briefs, newest first, grouped once."""

    entries: list[Entry]
    facets: dict[str, list[Group]]
    months: list[Group]
    by_value: dict[str, dict[str, Group]]

    @property
    def newest(self) -> str:
        return self.entries[0].date if self.entries else ""


def text_list(value: object) -> tuple[str, ...]:
    """A front-matter list as distinct, non-empty, single-line strings (order kept)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    out: dict[str, None] = {}
    for item in value:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = " ".join(str(item).split())
            if text:
                out.setdefault(text, None)
    return tuple(out)


def day(value: object) -> str:
    """A front-matter date as YYYY-MM-DD ('' when it is no date)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            return ""
    return ""


def front_matter(text: str) -> dict[str, Any] | None:
    """The YAML mapping at the top of ``text``; None when there is none or it is broken."""
    if not text.startswith("---"):
        return None
    first = text.find("\n")
    end = _FRONT_END.search(text, first + 1) if first > 0 else None
    if end is None:
        return None
    try:
        data = yaml.load(text[first + 1:end.start()], Loader=_LOADER)
    except (yaml.YAMLError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# The preview reads every brief again on each rebuild: what a file held last time, by
# path, kept while its size and times stay the same.
_READ: dict[str, tuple[tuple[object, ...], tuple[Entry | None, bool]]] = {}


def read_entry(src_uri: str, url: str, path: str) -> tuple[Entry | None, bool]:
    """The brief at ``path`` and whether it is a draft (None for an unreadable brief)."""
    now = fingerprint(Path(path))
    if now is None:
        return None, False
    key = (*now, src_uri, url)
    known = _READ.get(path)
    if known is not None and known[0] == key:
        return known[1]
    read = _read_entry(src_uri, url, path)
    _READ[path] = (key, read)
    return read


def _read_entry(src_uri: str, url: str, path: str) -> tuple[Entry | None, bool]:
    meta = known_valid(path)  # written and validated by this process's convert
    if meta is None:
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return None, False
        meta = front_matter(text)
    if meta is None:
        return None, False
    entry = Entry(url=url, src_uri=src_uri, title=" ".join(str(meta.get("title") or "").split()),
                  date=day(meta.get("date")), summary=str(meta.get("summary") or "").strip(),
                  meta=meta)
    # Anything but an explicit false (or no key) keeps the brief off the site.
    return entry, meta.get("draft") not in (None, False)


def slugify(value: str) -> str:
    """ASCII slug of ``value``; a short hash when nothing ASCII is left (e.g. Arabic)."""
    ascii_text = unaccented(value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if not slug:
        slug = "x-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]
    return slug


def _groups(pairs: Iterable[tuple[str, Entry]]) -> list[Group]:
    """Group entries by value, case-insensitively; largest first, then by label."""
    members: dict[str, list[Entry]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for value, entry in pairs:
        key = value.casefold()
        members[key].append(entry)
        spellings[key][value] += 1
    groups = []
    for key, entries in members.items():
        label = min(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0]
        groups.append(Group(label=label, slug="", entries=entries))
    groups.sort(key=lambda g: (-len(g.entries), g.label.casefold(), g.label))
    used: set[str] = set()
    for group in sorted(groups, key=lambda g: (g.label.casefold(), g.label)):
        base = slug = slugify(group.label)
        number = 2
        while slug in used:
            slug = f"{base}-{number}"
            number += 1
        used.add(slug)
        group.slug = slug
    return groups


def build(entries: list[Entry]) -> Catalog:
    """Sort the briefs newest first (ties by URL) and group them once."""
    entries = sorted(entries, key=lambda e: e.url)
    entries.sort(key=lambda e: e.date, reverse=True)
    facets: dict[str, list[Group]] = {}
    by_value: dict[str, dict[str, Group]] = {}
    for facet in FACETS:
        groups = _groups((value, e) for e in entries for value in e.values(facet.key))
        facets[facet.key] = groups
        by_value[facet.key] = {g.label.casefold(): g for g in groups}
    months = _groups((e.date[:7], e) for e in entries if e.date)
    months.sort(key=lambda g: g.label, reverse=True)
    return Catalog(entries=entries, facets=facets, months=months, by_value=by_value)


def weekly(entries: list[Entry], weeks: int = 52) -> list[tuple[dt.date, int]]:
    """Briefs per ISO week (Monday first) for the ``weeks`` weeks up to the newest brief."""
    counts: Counter[dt.date] = Counter()
    for entry in entries:
        if entry.date:
            date = dt.date.fromisoformat(entry.date)
            counts[date - dt.timedelta(days=date.weekday())] += 1
    if not counts:
        return []
    last = max(counts)
    first = last - dt.timedelta(weeks=min(weeks - 1, (last - min(counts)).days // 7))
    # (counted in weeks from the first, not stepped past the last: a brief dated in the
    # last week of 9999 would step beyond the calendar)
    return [(monday, counts.get(monday, 0))
            for monday in (first + dt.timedelta(weeks=k)
                           for k in range((last - first).days // 7 + 1))]
