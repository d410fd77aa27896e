"""The orchestrator: seeds in, briefs out. Reads everything before it writes anything.

1. read, extract and compose every seed (a bad seed is an error; the rest go on);
2. plan: drop duplicates, give each new brief a free, stable file name;
3. write what changed, never over an editor's edit; report orphans;
4. save the state.

Nothing is printed here: the ``Report`` carries every message for the CLI.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefs import state as state_mod
from briefs.errors import BriefsError, EnvironmentFailure
from briefs.incremental import StatCache, fingerprint, parallel_map
from briefs.lock import hold
from briefs.prepare import RECIPE, Job, Planned, Prepared, prepare, unchanged_by_stat
from briefs.read import discover
from briefs.record import Brief
from briefs.write import seed_tag, sha, slugify, write_atomic

BRIEFS_SUBDIR = "briefs"
LOCK_NAME = ".publish.lock"


@dataclass(frozen=True)
class Message:
    level: str  # ERROR, WARNING or INFO
    path: str
    text: str

    def __str__(self) -> str:
        return f"{self.level} {self.path}: {self.text}"


@dataclass
class Report:
    seeds: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    read: int = 0  # seeds whose bytes were read (the others were known by fingerprint)
    kept: int = 0
    rejected: int = 0
    conflicts: int = 0
    messages: list[Message] = field(default_factory=list)

    def add(self, level: str, path: str, text: str) -> None:
        self.messages.append(Message(level, path, text))

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected or self.conflicts else 0

    def summary(self) -> str:
        return (f"{self.seeds} seeds: {len(self.written)} briefs written, "
                f"{self.unchanged} unchanged, {self.kept} kept as edited, "
                f"{self.rejected} rejected")


def show(path: Path, root: Path) -> str:
    """``path`` as the user should see it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if not path.is_symlink() \
            else path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def convert(root: Path, seeds_dir: Path, docs_dir: Path, *, dry_run: bool = False,
            progress: Callable[[int, int], None] | None = None) -> Report:
    """Convert every seed under ``seeds_dir`` into a brief under ``docs_dir/briefs``."""
    lock_path = docs_dir / LOCK_NAME
    with hold(lock_path, show(lock_path, root)):
        return _convert(root, seeds_dir, docs_dir, dry_run, progress)


def _convert(root: Path, seeds_dir: Path, docs_dir: Path, dry_run: bool,
             progress: Callable[[int, int], None] | None) -> Report:
    report = Report()
    state = state_mod.load(root)
    cache = StatCache.load(root)
    paths = discover(seeds_dir)
    report.seeds = len(paths)
    items: list[tuple[str, Job | None]] = []  # None: withdrawn
    for path in paths:
        shown = show(path, root)
        job = None if shown in state.withdrawn else Job(path, shown, state.entries.get(shown),
                                                         docs_dir)
        items.append((shown, job))
    known = [unchanged_by_stat(job, cache) if job else None for _, job in items]
    work = [job for (_, job), fast in zip(items, known, strict=True) if job and fast is None]
    results = parallel_map(prepare, work)
    planned: list[Planned] = []
    for done, ((shown, job), fast) in enumerate(zip(items, known, strict=True), 1):
        if progress:
            progress(done, len(items))
        if job is None:
            report.add("INFO", shown, "withdrawn (briefs remove); skipped")
            continue
        _merge(job, fast or next(results), cache, report, planned)
    planned = _drop_duplicates(planned, state, report)
    _assign_names(planned, state, docs_dir)
    for plan in planned:
        _write(plan, state, docs_dir, root, report, dry_run)
    _report_orphans(state, {show(p, root) for p in paths}, docs_dir, root, report)
    if not dry_run:
        state_mod.save(root, state)
        _remember_written(planned, state, docs_dir, cache)
        cache.save(root)
    return report


def _merge(job: Job, result: Prepared, cache: StatCache, report: Report,
           planned: list[Planned]) -> None:
    for note in result.notes:
        report.add("WARNING", job.shown, note)
    report.read += result.read
    if result.error:
        report.rejected += 1
        report.add("ERROR", *result.error)
        return
    report.unchanged += result.unchanged
    if result.seed:
        cache.record("seed:" + job.shown, *result.seed)
    if result.brief and job.entry:
        cache.record("brief:" + job.entry.brief, *result.brief)
    if result.plan is not None:
        planned.append(result.plan)


def _remember_written(planned: list[Planned], state: state_mod.State, docs_dir: Path,
                      cache: StatCache) -> None:
    """Record the fingerprints of the briefs this run wrote (or found already right)."""
    for plan in planned:
        entry = state.entries[plan.seed]
        if entry.brief_sha and entry.brief_sha == sha(plan.text):
            cache.record("brief:" + entry.brief, fingerprint(docs_dir / entry.brief),
                         entry.brief_sha)


_WORD = re.compile(r"\w+")


def _fingerprint(brief: Brief) -> str:
    words = _WORD.findall(" ".join(brief.body).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _drop_duplicates(planned: list[Planned], state: state_mod.State,
                     report: Report) -> list[Planned]:
    """One brief per article: a second seed with the same text is reported, not written."""
    seen: dict[str, str] = {}
    for seed, entry in sorted(state.entries.items()):
        seen.setdefault(entry.brief_sha, seed)
    keep: list[Planned] = []
    first: dict[str, str] = {}
    for plan in planned:
        key = _fingerprint(plan.brief)
        if key in first and plan.seed not in state.entries:
            report.add("WARNING", plan.seed, f"duplicate of {first[key]}; no brief written")
            state.duplicates[plan.seed] = first[key]
            continue
        first.setdefault(key, plan.seed)
        state.duplicates.pop(plan.seed, None)
        keep.append(plan)
    return keep


def _assign_names(planned: list[Planned], state: state_mod.State, docs_dir: Path) -> None:
    """Give each seed without a brief a file name no other seed or file holds."""
    taken = {e.brief.casefold() for e in state.entries.values()}
    for plan in planned:
        if plan.seed in state.entries:
            continue
        fallback = "brief-" + seed_tag(plan.seed)
        base = slugify(plan.brief.title or "", fallback)
        name = f"{BRIEFS_SUBDIR}/{base}.md"
        if name.casefold() in taken or (docs_dir / name).exists() \
                or (docs_dir / BRIEFS_SUBDIR / base).exists():
            name = f"{BRIEFS_SUBDIR}/{base}-{seed_tag(plan.seed)}.md"
        taken.add(name.casefold())
        state.entries[plan.seed] = state_mod.Entry(brief=name, seed_sha="", brief_sha="",
                                                   recipe="")


def _write(plan: Planned, state: state_mod.State, docs_dir: Path, root: Path,
           report: Report, dry_run: bool) -> None:
    entry = state.entries[plan.seed]
    target = docs_dir / entry.brief
    shown = show(target, root)
    if target.is_symlink():
        report.rejected += 1
        report.add("ERROR", shown, "symlink refused; brief not written")
        return
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if current is not None and entry.brief_sha and sha(current) != entry.brief_sha:
        if current == plan.text:
            entry.brief_sha = sha(current)
            return
        report.conflicts += 1
        proposal = target.with_name(f".{target.stem}.proposed.md")
        if not dry_run:
            write_atomic(proposal, plan.text, show(proposal, root))
        report.add("WARNING", shown, f"seed {plan.seed} changed, page edited; "
                   f"proposal at {show(proposal, root)}")
        return
    if current is not None and not entry.brief_sha:
        report.conflicts += 1
        report.add("WARNING", shown, f"exists and is not {plan.seed}'s brief; not overwritten")
        return
    if current is None and entry.brief_sha:
        report.add("INFO", shown, f"brief was deleted by hand; written again from {plan.seed} "
                   f"(use 'briefs remove {plan.seed}' to take it off the site)")
    if current == plan.text:
        report.unchanged += 1
    elif not dry_run:
        write_atomic(target, plan.text, shown)
        report.written.append(shown)
    else:
        report.written.append(shown)
    entry.seed_sha, entry.brief_sha, entry.recipe = plan.seed_sha, sha(plan.text), RECIPE
    if plan.brief.date_source == "converted" and plan.brief.date is not None:
        entry.date = plan.brief.date.isoformat()


def _report_orphans(state: state_mod.State, present: set[str], docs_dir: Path, root: Path,
                    report: Report) -> None:
    for seed, entry in sorted(state.entries.items()):
        if seed not in present:
            report.add("WARNING", show(docs_dir / entry.brief, root),
                       f"orphan (seed {seed} missing); page kept")


__all__ = ["BriefsError", "EnvironmentFailure", "Report", "convert"]
