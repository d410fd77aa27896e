"""The per-seed work of ``convert``: read, extract and compose one seed.

``prepare`` is a pure function of the seed file and its state entry (it writes nothing
and changes no shared state), so ``convert`` can run it in worker processes and merge
the results in seed order: the output is the same either way. ``unchanged_by_stat``
is the cheap path: a seed and brief whose file fingerprints still match the hashes
the state records are not read at all (see ``briefs.incremental``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefs import __version__, dedupe
from briefs import state as state_mod
from briefs.compose import compose
from briefs.errors import BriefInvalid, SeedError
from briefs.extract import extract
from briefs.files import read_regular
from briefs.incremental import Fingerprint, StatCache, fingerprint
from briefs.read import read_seed, sidecar_path
from briefs.record import Brief
from briefs.validate import validate_text
from briefs.write import render, sha

# Parts of the package that do not shape a brief's text.
_NOT_RECIPE = ("site", "evaluate", "bench", "__pycache__")


def _recipe() -> str:
    """A hash of the converter itself: the version and every source and data file that
    shapes a brief. When it changes, unedited briefs are written again (edited ones are
    kept, as always), so a project's briefs always come from the tool it runs."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"briefs {__version__}".encode())
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if rel.parts[0] in _NOT_RECIPE or not path.is_file() or path.suffix == ".pyc":
            continue
        digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


RECIPE = _recipe()


@dataclass(frozen=True)
class Planned:
    seed: str
    brief: Brief
    text: str
    seed_sha: str
    sketch: dedupe.Sketch  # of the article's text, to find duplicates (made in the worker)
    meta: dict[str, Any] | None = None  # the front matter of ``text``, validated in the worker
    staged: Path | None = None  # ``text`` already written to this temp file (``convert``)


@dataclass(frozen=True)
class Job:
    path: Path
    shown: str
    entry: state_mod.Entry | None
    docs_dir: Path


@dataclass(frozen=True)
class Prepared:
    plan: Planned | None = None
    notes: tuple[str, ...] = ()  # warnings about the seed, in order
    error: tuple[str, str] | None = None  # (path, cause): the seed is rejected
    unchanged: bool = False
    kept: bool = False  # the brief was edited by hand: kept as it is
    read: bool = True  # the seed's bytes were read (False: known by its fingerprint)
    seed: tuple[Fingerprint | None, str, tuple[str, ...]] | None = None  # for the cache
    brief: tuple[Fingerprint | None, str] | None = None  # for the cache


def _seed_fingerprint(path: Path) -> Fingerprint | None:
    """The seed's fingerprint and its sidecar's (a sidecar changes the brief too)."""
    own = fingerprint(path)
    if own is None:
        return None
    side = sidecar_path(path)
    side_print = fingerprint(side) if side is not None else None
    return own + (side_print or ())


def unchanged_by_stat(job: Job, cache: StatCache) -> Prepared | None:
    """An unchanged result, without reading the seed, when the seed still has the
    fingerprint whose hash the state records and its brief is intact (known by its own
    fingerprint, else hashed: a brief is small). ``None`` when the seed must be read."""
    entry = job.entry
    if entry is None or entry.recipe != RECIPE or not entry.brief_sha:
        return None
    seed = cache.known("seed:" + job.shown, _seed_fingerprint(job.path))
    if seed is None or seed[0] != entry.seed_sha:
        return None
    target = job.docs_dir / entry.brief
    brief_fp = fingerprint(target)
    brief = cache.known("brief:" + entry.brief, brief_fp)
    if brief is not None:
        digest = brief[0]
    else:
        current = read_brief(target) if brief_fp is not None else None
        if not current:
            return None
        digest = sha(current)
    if digest != entry.brief_sha:
        return None
    return Prepared(notes=tuple(seed[1]), unchanged=True, read=False,
                    brief=(brief_fp, digest))


def prepare(job: Job) -> Prepared:
    """Read, extract and compose one seed; no plan when there is nothing to write: the
    seed and its brief are unchanged, or the brief was edited by hand (``kept``).

    A fault of ours on one seed (an exception that is no ``SeedError``) is that seed's
    error, named with its cause, so that the other seeds still publish."""
    try:
        return _prepare(job)
    except Exception as exc:  # one seed's failure must not stop the run
        return Prepared(error=_cause(SeedError.internal(job.shown, exc)))


def _prepare(job: Job) -> Prepared:
    seed_fp = _seed_fingerprint(job.path)
    try:
        seed = read_seed(job.path, job.shown)
    except SeedError as exc:
        return Prepared(error=_cause(exc))
    known = (seed_fp, seed.raw_sha, seed.notes)
    entry = job.entry
    if entry and entry.seed_sha == seed.raw_sha and entry.brief_sha:
        target = job.docs_dir / entry.brief
        brief_fp = fingerprint(target)
        current = read_brief(target)
        if current is not None:
            digest = sha(current)
            if digest == entry.brief_sha and entry.recipe == RECIPE:
                return Prepared(notes=seed.notes, unchanged=True, seed=known,
                                brief=(brief_fp, digest))
            if digest != entry.brief_sha:
                return Prepared(notes=seed.notes, kept=True, seed=known)
    try:
        brief, notes = extract(seed)
    except SeedError as exc:
        return Prepared(notes=seed.notes, error=_cause(exc))
    if entry and entry.date and brief.date_source == "converted":
        brief = brief.replace(date=dt.date.fromisoformat(entry.date))
    brief = compose(brief)
    text = render(brief)
    try:
        meta: dict[str, Any] | None = validate_text(text, job.shown)
    except BriefInvalid:
        meta = None  # written all the same; the check before a build names the problem
    plan = Planned(seed=job.shown, brief=brief, text=text, seed_sha=seed.raw_sha,
                   sketch=dedupe.sketch("\n".join(brief.body)), meta=meta)
    return Prepared(plan=plan, notes=(*seed.notes, *notes), seed=known)


def warm() -> None:
    """Build what converting a seed builds on first use: the gazetteer, the language
    model, the stoplists and the lexicons (about half a second of CPU). Run once before
    workers are forked, they share it rather than each building its own.

    The garbage collector is paused meanwhile: the tables are hundreds of thousands of
    objects that live as long as the process, which collections would only scan again
    and again while they are made. Then everything is frozen (``gc.freeze``): a forked
    worker's collections never scan the tables either, so their pages stay shared."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        _build_tables()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _build_tables() -> None:
    """The tables ``warm`` makes."""
    import threading

    from briefs.compose import gazetteer, lang, loaded, organizations, places, sources
    from briefs.extract.text import lexicon

    # The language model is mostly LZMA decompression, done without the GIL: it is
    # unpacked while the gazetteer is built. The thread ends before any worker is forked.
    model = threading.Thread(target=lang._model_bytes, name="briefs-warm-language-model")
    model.start()
    try:
        gazetteer.places()
        gazetteer.country_pattern()
        lexicon._lists_of()
    finally:
        model.join()
    lang._identifier()
    loaded.needed()
    loaded.neutral_wording()
    organizations._known()
    places._cue_patterns()
    sources._outlets()
    sources.known_outlets()


def read_brief(target: Path) -> str | None:
    if target.is_symlink() or not target.is_file():
        return None
    try:
        return read_regular(target).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # unreadable or not UTF-8: an editor's change, never overwritten


def _cause(exc: SeedError) -> tuple[str, str]:
    return exc.path, exc.message.removeprefix(f"{exc.path}: ")
