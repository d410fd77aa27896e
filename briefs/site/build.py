"""Build the site with MkDocs (strict) into a fresh folder, then swap it into place.

``site/`` is replaced only when the build succeeded: a failed or interrupted build
leaves the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from briefs.errors import BriefsError, ConfigError, EnvironmentFailure

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(BriefsError):
    """MkDocs refused the site (a warning in strict mode, a broken page...)."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage().strip())


def load(config_file: Path, **overrides: Any) -> Any:
    from mkdocs import exceptions
    from mkdocs.config import load_config

    try:
        return load_config(config_file=str(config_file), **overrides)
    except (exceptions.ConfigurationError, OSError) as exc:
        raise ConfigError(config_file.name, f"configuration error: {exc}") from exc


def build_site(config_file: Path, site_dir: Path) -> list[str]:
    """Build into ``site_dir`` atomically; the warnings MkDocs logged (none when strict)."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build

    site_dir = site_dir.absolute()
    parent = site_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=parent))
    except OSError as exc:
        raise EnvironmentFailure(str(site_dir), (exc.strerror or str(exc)).lower()) from exc
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load(config_file, strict=True, site_dir=str(staging))
        build(config)
    except exceptions.Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        detail = "; ".join(handler.records[-5:]) or str(exc)
        raise BuildFailed(config_file.name, f"site not built, site/ unchanged: {detail}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(handler)
    _swap(staging, site_dir)
    return handler.records


def _swap(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` where ``site_dir`` is, keeping the old tree until the rename."""
    old = None
    try:
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
        shutil.rmtree(old, ignore_errors=True)
