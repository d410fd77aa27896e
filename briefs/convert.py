"""The orchestrator: seeds in, briefs out. Reads everything before it writes anything.

1. read, extract and compose every seed (a bad seed is an error; the rest go on);
2. plan: drop duplicates, give each new brief a free, stable file name;
3. write what changed, never over an editor's edit; report orphans;
4. save the state.

Curation rules (``.briefs/state.json`` holds what the converter last wrote):
- a brief whose bytes differ from what the converter wrote was edited: it is kept as it
  is; when its seed changed too, the new version goes to a proposal dotfile beside it;
- a brief deleted by hand while its seed remains is written again, with a note; seeds
  taken off the site on purpose (``briefs remove``, ``--withdraw``) stay off;
- a seed deleted after publishing leaves an orphan: reported, never deleted;
- a run with no changes writes nothing; a dry run writes nothing at all.

Nothing is printed here: the ``Report`` carries every message for the CLI.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefs import dedupe
from briefs import state as state_mod
from briefs.errors import BriefsError, EnvironmentFailure
from briefs.incremental import StatCache, fingerprint, parallel_map
from briefs.lock import hold
from briefs.prepare import RECIPE, Job, Planned, Prepared, prepare, unchanged_by_stat, warm
from briefs.prepare import read_brief as _read_brief
from briefs.read import Survey, saved_files_note, survey
from briefs.validate import as_mkdocs_reads, remember_valid
from briefs.write import commit, seed_tag, set_draft, sha, slugify, stage, suffixed, write_atomic

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
    return _show(path, root.resolve(), root.absolute())


def survey_messages(found: Survey, root: Path) -> list[Message]:
    """What a run says of the seeds folder beside its seeds: the files it skips, and the
    folders of saved pages' files it does not read."""
    return [*(Message("WARNING", show(path, root), why) for path, why in found.skipped),
            *(Message("INFO", show(folder, root), saved_files_note(show(page, root)))
              for folder, page in found.page_folders)]


def show_all(paths: list[Path], root: Path) -> dict[Path, str]:
    """``show`` of each of ``paths``, the root resolved once (a thousand seeds are
    named on every run of the preview's convert)."""
    resolved, absolute = root.resolve(), root.absolute()
    return {path: _show(path, resolved, absolute) for path in paths}


def _show(path: Path, resolved_root: Path, absolute_root: Path) -> str:
    try:
        return path.resolve().relative_to(resolved_root).as_posix() if not path.is_symlink() \
            else path.absolute().relative_to(absolute_root).as_posix()
    except ValueError:
        return path.as_posix()


def lock_path(docs_dir: Path) -> Path:
    return docs_dir / LOCK_NAME


def convert(root: Path, seeds_dir: Path, docs_dir: Path, *, dry_run: bool = False,
            withdraw: bool = False,
            progress: Callable[[int, int], None] | None = None) -> Report:
    """Convert every seed under ``seeds_dir`` into a brief under ``docs_dir/briefs``.

    ``withdraw``: take orphans (briefs whose seed is gone) off the site (``draft: true``).
    """
    lock = lock_path(docs_dir)
    with hold(lock, show(lock, root), shared=dry_run):
        return _convert(root, seeds_dir, docs_dir, dry_run, withdraw, progress)


def _convert(root: Path, seeds_dir: Path, docs_dir: Path, dry_run: bool, withdraw: bool,
             progress: Callable[[int, int], None] | None) -> Report:
    report = Report()
    _BY_SEED.clear()
    state = state_mod.load(root)
    out = briefs_folder(docs_dir, root)
    if not dry_run:
        _remove_stale_temp_files(out)
    cache = StatCache.load(root)
    found = survey(seeds_dir)
    paths = found.seeds
    report.seeds = len(paths)
    report.messages.extend(survey_messages(found, root))
    names = show_all(paths, root)
    items: list[tuple[str, Job | None]] = []  # None: withdrawn
    for path in paths:
        shown = names[path]
        job = None if shown in state.withdrawn else Job(path, shown, state.entries.get(shown),
                                                         docs_dir)
        items.append((shown, job))
    known = [unchanged_by_stat(job, cache) if job else None for _, job in items]
    work = [job for (_, job), fast in zip(items, known, strict=True) if job and fast is None]
    staging = out if work and not dry_run and _can_stage(out) else None
    results = parallel_map(prepare, work, warm=warm)
    planned: list[Planned] = []
    staged: list[Path] = []
    try:
        for done, ((shown, job), fast) in enumerate(zip(items, known, strict=True), 1):
            if progress:
                progress(done, len(items))
            if job is None:
                report.add("INFO", shown, "withdrawn (briefs remove); skipped")
                continue
            _merge(job, fast or _staged(next(results), staging), cache, root, report, planned)
        staged = [plan.staged for plan in planned if plan.staged is not None]
        present = set(names.values())
        planned = _drop_duplicates(planned, state, docs_dir, report, present)
        _assign_names(planned, state, docs_dir, root, report)
        for plan in planned:
            _write(plan, state, docs_dir, root, report, dry_run)
    finally:  # what the workers wrote and no brief took (duplicates, conflicts, a failure)
        for leftover in staged:
            leftover.unlink(missing_ok=True)
    _orphans(state, set(names.values()), docs_dir, root, report, dry_run, withdraw)
    if not dry_run:
        state_mod.save(root, state)
        _remember_written(planned, state, docs_dir, cache)
        cache.save(root)
    return report


def briefs_folder(docs_dir: Path, root: Path) -> Path:
    """``docs/briefs``, refused when it is a symlink: every brief the state names is a
    file directly in it (``state.brief_path_problem``), so none is written elsewhere."""
    out = docs_dir / BRIEFS_SUBDIR
    if out.is_symlink():
        raise EnvironmentFailure(show(out, root), "symlink refused; briefs must stay in docs/")
    return out


def _can_stage(out: Path) -> bool:
    """Whether workers may write the briefs' bytes into ``out`` (the parent then only
    renames them into place); if not, the parent writes them and reports the failure."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return out.is_dir() and not out.is_symlink()


def _staged(result: Prepared, staging: Path | None) -> Prepared:
    """``result`` with its brief's bytes written (and fsync'ed) to a temp file in
    ``staging``, for ``_write`` to rename into place. Done here, as each result comes
    in, rather than in the worker: the workers keep computing while this process waits
    for the disk. A write that fails is left to ``_write``, which reports it."""
    plan = result.plan
    if staging is None or plan is None:
        return result
    try:
        staged = stage(staging, plan.text)
    except OSError:
        return result
    return dataclasses.replace(result, plan=dataclasses.replace(plan, staged=staged))


def _remove_stale_temp_files(out: Path) -> None:
    """Temp files a killed run left behind (never ``.md``: MkDocs ignores dotfiles)."""
    if out.is_dir():
        for stale in out.rglob(".*.tmp"):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink(missing_ok=True)


def _merge(job: Job, result: Prepared, cache: StatCache, root: Path, report: Report,
           planned: list[Planned]) -> None:
    """Fold one seed's result into the report, the plan and the stat cache."""
    for note in result.notes:
        report.add("WARNING", job.shown, note)
    report.read += result.read
    if result.error:
        report.rejected += 1
        report.add("ERROR", *result.error)
        return
    report.unchanged += result.unchanged
    if result.kept and job.entry:
        report.kept += 1
        report.add("INFO", show(job.docs_dir / job.entry.brief, root), "edited by hand, kept")
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
        entry = state.entries.get(plan.seed)
        if entry and entry.brief_sha and entry.brief_sha == sha(plan.text):
            cache.record("brief:" + entry.brief, fingerprint(docs_dir / entry.brief),
                         entry.brief_sha)


def _drop_duplicates(planned: list[Planned], state: state_mod.State, docs_dir: Path,
                     report: Report, present: set[str]) -> list[Planned]:
    """One brief per article: a new seed with the same (or nearly the same) text as a
    brief already kept is reported, not written. Briefs already published win; but one
    whose seed is gone is the new seed's own (the seed was renamed)."""
    fresh = [p for p in planned if p.seed not in state.entries]
    if not fresh:
        return planned
    index = dedupe.Index()
    changed = {p.seed: p for p in planned}
    for seed in sorted(state.entries):
        if seed in changed:
            index.add(seed, changed[seed].sketch)
            continue
        text = _read_brief(brief_path(state, seed, docs_dir))  # (moved by hand, maybe)
        if text:
            index.add(seed, dedupe.sketch(as_mkdocs_reads(text).split("\n---", 2)[-1]))
    keep: list[Planned] = []
    for plan in planned:
        if plan.seed in state.entries:
            keep.append(plan)
            continue
        item = plan.sketch
        original = index.match(item)
        if original is not None and original not in present and original in state.entries \
                and original not in state.withdrawn:
            # the seed was renamed (or moved): its brief follows it, no orphan is left,
            # even when an editor had moved the brief (found by its old seed's name)
            where = brief_path(state, original, docs_dir)
            state.entries[plan.seed] = state.entries.pop(original)
            if where != docs_dir / state.entries[plan.seed].brief:
                _BY_SEED[docs_dir][plan.seed] = [where]
            report.add("INFO", plan.seed, f"renamed from {original}; its brief follows")
            keep.append(plan)
            continue
        if original is not None:
            report.add("WARNING", plan.seed, f"duplicate of {original}; no brief written")
            state.duplicates[plan.seed] = original
            continue
        index.add(plan.seed, item)
        state.duplicates.pop(plan.seed, None)
        keep.append(plan)
    return keep


def brief_path(state: state_mod.State, seed: str, docs_dir: Path) -> Path:
    """Where ``seed``'s brief is: its recorded path, else the one brief under ``docs/``
    whose ``seed`` field names it (an editor moved or renamed the file; writing it
    again there would publish the article twice)."""
    recorded = docs_dir / state.entries[seed].brief
    if recorded.exists() or recorded.is_symlink():
        return recorded
    if docs_dir not in _BY_SEED:  # (read once a run, and only when a brief is missing)
        found: dict[str, list[Path]] = {}
        for path in sorted(docs_dir.rglob("*.md")):
            if not path.name.startswith(".") and not path.is_symlink() and path.is_file():
                found.setdefault(_seed_of(path) or "", []).append(path)
        _BY_SEED[docs_dir] = found
    moved = _BY_SEED[docs_dir].get(seed, [])
    return moved[0] if len(moved) == 1 else recorded


_BY_SEED: dict[Path, dict[str, list[Path]]] = {}  # the briefs by seed, for this run


_DATE_LINE = re.compile(r"^date: (\d{4}-\d{2}-\d{2})\n", re.MULTILINE)


def _converted_day(current: str, planned: str) -> str | None:
    """The day of ``current``, a brief dated by its first conversion (no date found in
    the article), when the planned one differs from it by that day alone (the state that
    remembered the day was lost); else ``None``."""
    if "\ndate_source: converted\n" not in current:
        return None
    found = _DATE_LINE.search(current)
    if found is None or _DATE_LINE.sub("", current, 1) != _DATE_LINE.sub("", planned, 1):
        return None
    return found.group(1)


_SEED_LINE = re.compile(r"^seed:[ \t]*(.+)$", re.MULTILINE)


def _seed_of(path: Path) -> str | None:
    """The ``seed`` field of the brief at ``path`` (``None`` when it has none)."""
    text = _read_brief(path)
    text = as_mkdocs_reads(text) if text else text
    end = text.find("\n---", 3) if text else -1
    match = _SEED_LINE.search(text[:end]) if text and end > 0 else None
    if not match:
        return None
    try:
        value = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None
    return value if isinstance(value, str) else None


def _assign_names(planned: list[Planned], state: state_mod.State, docs_dir: Path, root: Path,
                  report: Report) -> None:
    """Give each seed without a brief a file name no other seed or file holds.

    Names are compared case-insensitively; the first seed (in path order) gets the
    plain slug, a later one ``slug-<6 hex digits of its path>``. A brief left by a run
    that was interrupted before it saved the state is recognised by its ``seed`` field.
    """
    holders = {e.brief.casefold(): s for s, e in state.entries.items()}
    for plan in planned:
        if plan.seed in state.entries:
            continue
        tag = seed_tag(plan.seed)
        base = slugify(plan.brief.title or "", "brief-" + tag)
        name = f"{BRIEFS_SUBDIR}/{base}.md"
        target, folder = docs_dir / name, docs_dir / BRIEFS_SUBDIR / base
        holder = holders.get(name.casefold())
        if holder is None and target.exists() and _seed_of(target) == plan.seed:
            pass  # written by an interrupted run: adopt it
        elif holder is not None or target.exists() or target.is_symlink() or folder.exists():
            new = f"{BRIEFS_SUBDIR}/{suffixed(base, tag)}.md"
            why = (f"same file name as {holder}'s brief" if holder is not None
                   else f"{show(folder if folder.exists() else target, root)} already exists")
            report.add("WARNING", plan.seed, f"{why} ({show(target, root)}); "
                       f"written as {show(docs_dir / new, root)}")
            name = new
        holders[name.casefold()] = plan.seed
        state.entries[plan.seed] = state_mod.Entry(brief=name, seed_sha="", brief_sha="",
                                                   recipe="")


def _write(plan: Planned, state: state_mod.State, docs_dir: Path, root: Path,
           report: Report, dry_run: bool) -> None:
    entry = state.entries[plan.seed]
    target = brief_path(state, plan.seed, docs_dir) if entry.brief_sha else docs_dir / entry.brief
    shown = show(target, root)
    if target != docs_dir / entry.brief:
        report.add("INFO", shown, f"{plan.seed}'s brief, moved by hand from {entry.brief}")
    if target.is_symlink():
        report.rejected += 1
        report.add("ERROR", shown, "symlink refused; brief not written")
        return
    current = _read_brief(target)
    if current is not None and not entry.brief_sha and _seed_of(target) == plan.seed:
        day = _converted_day(current, plan.text)
        if day is not None:  # the state was lost: this is the tool's own brief, dated then
            entry.seed_sha, entry.brief_sha, entry.recipe = plan.seed_sha, sha(current), RECIPE
            entry.date = day
            report.unchanged += 1
            return
    if current is not None and current != plan.text:
        if entry.brief_sha and sha(current) != entry.brief_sha \
                and entry.seed_sha == plan.seed_sha:  # (a brief moved, then edited)
            report.kept += 1
            report.add("INFO", shown, "edited by hand, kept")
            return
        if (entry.brief_sha and sha(current) != entry.brief_sha) or \
                (not entry.brief_sha and _seed_of(target) == plan.seed):
            report.conflicts += 1
            proposal = target.with_name(f".{target.stem}.proposed.md")
            if not dry_run:
                write_atomic(proposal, plan.text, show(proposal, root))
            report.add("WARNING", shown, f"seed {plan.seed} changed, page edited; "
                       f"proposal at {show(proposal, root)}")
            return
        if not entry.brief_sha:
            report.conflicts += 1
            report.add("WARNING", shown,
                       f"exists and is not {plan.seed}'s brief; not overwritten")
            return
    if current is None and entry.brief_sha:
        report.add("INFO", shown, f"brief was deleted by hand; written again from {plan.seed} "
                   f"(use 'briefs remove {plan.seed}' to take it off the site)")
    if current == plan.text:
        report.unchanged += 1
    else:
        if not dry_run:
            if plan.staged is not None and plan.staged.is_file():
                commit(plan.staged, target, shown)
            else:
                write_atomic(target, plan.text, shown)
        report.written.append(shown)
    if plan.meta is not None and not dry_run:
        remember_valid(target, plan.meta)  # the build that follows need not parse it again
    entry.seed_sha, entry.brief_sha, entry.recipe = plan.seed_sha, sha(plan.text), RECIPE
    if plan.brief.date_source == "converted" and plan.brief.date is not None:
        entry.date = plan.brief.date.isoformat()


def orphan_seeds(state: state_mod.State, present: set[str]) -> list[str]:
    """The seeds (as shown) that have a brief but are no longer under seeds/, and that
    were not withdrawn."""
    return [seed for seed in sorted(state.entries)
            if seed not in present and seed not in state.withdrawn]


def orphan_message(seed: str) -> str:
    return f"orphan (seed {seed} missing); page kept"


def _orphans(state: state_mod.State, present: set[str], docs_dir: Path, root: Path,
             report: Report, dry_run: bool, withdraw: bool) -> None:
    """Briefs whose seed is gone: kept and reported; with ``withdraw``, made drafts."""
    for seed in orphan_seeds(state, present):
        shown = show(brief_path(state, seed, docs_dir), root)
        if not withdraw:
            report.add("WARNING", shown, orphan_message(seed))
            continue
        try:
            withdraw_brief(state, seed, docs_dir, root, "orphan: seed deleted", dry_run)
        except BriefsError as exc:
            report.conflicts += 1
            report.add("ERROR", exc.path, exc.message.removeprefix(f"{exc.path}: "))
            continue
        done = "would be withdrawn (dry run)" if dry_run else "withdrawn: draft: true"
        report.add("INFO", shown, f"orphan (seed {seed} missing); {done}")


def withdraw_brief(state: state_mod.State, seed: str, docs_dir: Path, root: Path,
                   reason: str, dry_run: bool = False) -> str | None:
    """Take ``seed``'s brief off the site: ``draft: true`` in its front matter, and the
    seed recorded as withdrawn so that no later run brings it back. The brief file
    stays (nothing an editor wrote is lost). Returns the brief as shown, if any."""
    entry = state.entries.get(seed)
    shown = None
    if entry is not None:
        target = brief_path(state, seed, docs_dir)
        shown = show(target, root)
        text = _read_brief(target)
        if target.is_symlink():
            raise BriefsError(shown, "symlink refused")
        if text:
            try:
                new = set_draft(text)
            except ValueError as exc:
                raise BriefsError(shown, f"{exc}; cannot set draft") from exc
            if new != text and not dry_run:
                write_atomic(target, new, shown)
            if entry.brief_sha == sha(text):
                entry.brief_sha = sha(new)
    state.withdrawn[seed] = reason
    return shown


def _seed_named(state: state_mod.State, name: str, docs_dir: Path, root: Path) -> str:
    """The seed ``name`` gives on the command line: a seed, or its brief's path as shown
    (where the brief is now, also when an editor moved it), each also as a path from
    here (``./seeds/x.txt``, an absolute path, what a shell completes)."""
    path = Path(name)
    name = show(path, root) if path.is_absolute() or path.exists() else posixpath.normpath(name)
    if name in state.entries:
        return name
    by_brief = {show(brief_path(state, s, docs_dir), root): s for s in state.entries}
    return by_brief.get(name, name)


def remove(root: Path, docs_dir: Path, seed: str, *, dry_run: bool = False) -> Report:
    """``briefs remove SEED``: withdraw one seed's brief (see ``withdraw_brief``)."""
    report = Report()
    lock = lock_path(docs_dir)
    with hold(lock, show(lock, root), shared=dry_run):
        _BY_SEED.clear()
        state = state_mod.load(root)
        briefs_folder(docs_dir, root)
        seed = _seed_named(state, seed, docs_dir, root)
        if seed not in state.entries and seed not in state.duplicates:
            report.rejected += 1
            report.add("ERROR", seed, "no such seed or brief in .briefs/state.json")
            return report
        shown = withdraw_brief(state, seed, docs_dir, root, "briefs remove", dry_run)
        if not dry_run:
            state_mod.save(root, state)
        where = f"; {shown} is now a draft (delete the file to drop it)" if shown else ""
        report.add("INFO", seed, f"withdrawn: no later run brings it back{where}")
    return report


def keep(root: Path, docs_dir: Path, seed: str) -> Report:
    """``briefs keep SEED``: settle a conflict for the editor's page. The seed as it is
    now counts as seen, so its change proposes nothing more; the page stays as the
    editor left it (still "edited by hand", never overwritten) and the proposal goes.
    An editor who wants the proposal instead moves it over the page."""
    from briefs.errors import SeedError
    from briefs.read import read_seed

    report = Report()
    lock = lock_path(docs_dir)
    with hold(lock, show(lock, root)):
        _BY_SEED.clear()
        state = state_mod.load(root)
        briefs_folder(docs_dir, root)
        seed = _seed_named(state, seed, docs_dir, root)
        entry = state.entries.get(seed)
        if entry is None:
            report.rejected += 1
            report.add("ERROR", seed, "no such seed or brief in .briefs/state.json")
            return report
        target = brief_path(state, seed, docs_dir)
        current = _read_brief(target)
        if current is None or sha(current) == entry.brief_sha:
            report.rejected += 1
            report.add("ERROR", show(target, root), "not edited by hand: nothing to keep "
                       "(convert writes the seed's new version)")
            return report
        try:
            now = read_seed(root / seed, seed)
        except SeedError as exc:
            report.rejected += 1
            report.add("ERROR", exc.path, exc.message.removeprefix(f"{exc.path}: "))
            return report
        entry.seed_sha, entry.recipe = now.raw_sha, RECIPE
        proposal = target.with_name(f".{target.stem}.proposed.md")
        proposal.unlink(missing_ok=True)
        state_mod.save(root, state)
        report.add("INFO", show(target, root), f"kept as edited; {seed} as it is now counts "
                   "as seen (its proposal, if any, removed)")
    return report


__all__ = ["BriefsError", "EnvironmentFailure", "Report", "convert", "keep", "remove"]
