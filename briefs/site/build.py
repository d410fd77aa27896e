"""Build the site with MkDocs (strict) into a fresh folder, then swap it into place.

``site/`` is replaced only when the build succeeded: a failed or interrupted build
leaves the previous site exactly as it was. The swap is one ``renameat2`` call with
``RENAME_EXCHANGE`` where the kernel has it (Linux), so no instant exists without a
complete ``site/``; elsewhere two renames. Folders a killed build left behind
(``.site.new-*``, ``.site.old-*``) are removed by the next build.

What is swapped out is deleted, so only a site may be: a folder that is missing, empty,
or holds what every build leaves there (``SITE_FILES``). Any other folder is refused
before anything is built (``--site-dir docs`` once replaced every brief with the site).

A published page that links to a draft fails the build (stock MkDocs only logs it).
The pages are rendered in one process per core (``briefs.site.parallel``).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from briefs.errors import BriefsError, ConfigError, EnvironmentFailure
from briefs.site.parallel import pages_in_workers

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_DRAFT_LINK = re.compile(r"Doc file '(.+?)' contains a link to '(.+?)' which is excluded "
                         r"from the built site")


class BuildFailed(BriefsError):
    """MkDocs refused the site (a warning in strict mode, a broken page...)."""


NOT_BUILT = "site not built, site/ unchanged"  # how a refusal of the site's ends


def _not_built(site_dir: Path) -> str:
    """``NOT_BUILT`` naming the site folder this build was to replace (``--site-dir``)."""
    return NOT_BUILT.replace("site/", f"{site_dir.name}/")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[str] = []
        self.draft_links: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        match = _DRAFT_LINK.search(message)
        if match:
            self.draft_links.append((match.group(1), match.group(2)))
        elif record.levelno >= logging.WARNING:
            self.records.append(message)


def load(config_file: Path, **overrides: Any) -> Any:
    """The MkDocs config, validated as MkDocs validates it (plugins, theme, hooks...).
    MkDocs logs each fault and raises only "Aborted with a configuration error!": the
    faults it logged are the message."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    handler = _Collect()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(handler)
    try:
        return load_config(config_file=str(config_file), **overrides)
    except (exceptions.MkDocsException, OSError) as exc:  # Abort is one, and a SystemExit
        detail = "; ".join(handler.records) or str(exc)
        raise ConfigError(config_file.name, f"configuration error: {detail}") from exc
    finally:
        logger.removeHandler(handler)


# What every build leaves in the site folder: MkDocs' sitemap, the hooks' feeds and
# Pagefind's script (written even when no page is indexed). No folder of an editor's
# holds all four at its top; a site built before this check was added does.
SITE_FILES = ("sitemap.xml", "feed.xml", "feed.json", "pagefind/pagefind.js")


def replaceable(folder: Path) -> bool:
    """Whether a build may swap ``folder`` out (and delete it): it is missing, empty or
    a site a previous build made."""
    if not folder.exists() and not folder.is_symlink():
        return True
    if not folder.is_dir():
        return False
    try:
        return not any(folder.iterdir()) or all((folder / name).is_file()
                                                  for name in SITE_FILES)
    except OSError:
        return False


def refuse_unless_replaceable(site_dir: Path, shown: str) -> None:
    """Raise ``ConfigError`` unless ``site_dir`` is ``replaceable``."""
    if not replaceable(site_dir):
        raise ConfigError(shown, "exists and is no site a build made (a built site holds "
                          f"{', '.join(SITE_FILES)}); remove or empty it, or choose another "
                          "site folder; nothing written")


def build_site(config_file: Path, site_dir: Path,
               overrides: dict[str, Any] | None = None) -> list[str]:
    """Build into ``site_dir`` atomically; the warnings MkDocs logged (none when strict).
    ``overrides``: config values given on the command line (``--docs``: ``docs_dir``)."""
    from mkdocs.commands.build import build

    site_dir = site_dir.absolute()
    refuse_unless_replaceable(site_dir, str(site_dir))  # what the caller checked; still so?
    parent = site_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=parent))
    except OSError as exc:
        raise EnvironmentFailure(str(site_dir), (exc.strerror or str(exc)).lower()) from exc
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        config = load(config_file, **{**(overrides or {}), "strict": True,
                                      "site_dir": str(staging)})
        with pages_in_workers():
            build(config)
        if handler.draft_links:
            page, target = handler.draft_links[0]
            docs = Path(config["docs_dir"]).name
            raise BuildFailed(f"{docs}/{page}", f"links to unpublished page {docs}/{target}; "
                              f"{NOT_BUILT}")
    except BuildFailed as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if not exc.cause.endswith(NOT_BUILT):
            raise
        # ours or a hook's refusal (the hook saw only the staging folder): the site's name
        cause = exc.cause.removesuffix(NOT_BUILT) + _not_built(site_dir)
        raise BuildFailed(exc.path, cause, exc.field) from exc
    except BriefsError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except Exception as exc:
        # Abort: MkDocs refused the site. Anything else: a theme template, a plugin or a
        # hook failed on a page (MkDocs logged which one).
        shutil.rmtree(staging, ignore_errors=True)
        detail = "; ".join(handler.records[-5:]) or str(exc) or type(exc).__name__
        raise BuildFailed(config_file.name, f"{_not_built(site_dir)}: {detail}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    _swap(staging, site_dir)
    return handler.records


def _remove_leftovers(site_dir: Path) -> None:
    for pattern in (f".{site_dir.name}.new-*", f".{site_dir.name}.old-*"):
        for stale in site_dir.parent.glob(pattern):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False when not supported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    result = func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the filesystem cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def _swap(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` where ``site_dir`` is, keeping the old tree until the rename."""
    old = None
    try:
        if site_dir.exists() and _exchange(staging, site_dir):
            _remove_later(staging)  # now holds the previous site
            return
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
            os.replace(site_dir, old / "site")
        os.replace(staging, site_dir)
    except OSError as exc:
        if old is not None and not site_dir.exists():
            os.replace(old / "site", site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        raise EnvironmentFailure(str(site_dir), (exc.strerror or str(exc)).lower()) from exc
    if old is not None:
        _remove_later(old)


def _remove_later(folder: Path) -> None:
    """Delete the previous site in a process of its own: the new site is already in
    place, so the command does not wait for thousands of files to be unlinked. (If that
    process cannot start, or is killed, the next build removes the folder.)"""
    rm = shutil.which("rm")
    if rm is not None and os.name == "posix":
        with contextlib.suppress(OSError):
            subprocess.Popen([rm, "-rf", "--", str(folder)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
            return
    shutil.rmtree(folder, ignore_errors=True)
