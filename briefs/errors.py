"""Domain exceptions. The library raises them; only the CLI turns them into messages.

Every error names the file it concerns, optionally the field, and the cause, so the
CLI can print ``seeds/x.txt: no headline found`` or
``docs/briefs/x.md: 'date': expected YYYY-MM-DD, got 'May 1st'``.
"""

from __future__ import annotations


class BriefsError(Exception):
    """Base class: something about one file (or the run) went wrong."""

    exit_code = 1

    def __init__(self, path: str, cause: str, field: str | None = None) -> None:
        self.path = path
        self.cause = cause
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        what = f"'{self.field}': " if self.field else ""
        return f"{where}{what}{self.cause}"


class SeedError(BriefsError):
    """A seed cannot be turned into a brief (unreadable, empty, no headline...)."""

    @classmethod
    def internal(cls, path: str, exc: Exception) -> SeedError:
        """A fault of ours on one seed (an exception that is no ``BriefsError``), named
        with its cause as that seed's error, so that the other seeds still go on."""
        cause = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return cls(path, f"internal error ({cause}); please report it with this seed")


class BriefInvalid(BriefsError):
    """A brief file in docs/ breaks the front-matter schema."""


class ConfigError(BriefsError):
    """Usage or configuration error: nothing was written."""

    exit_code = 2


class EnvironmentFailure(BriefsError):
    """The environment stops the run: lock held, output not writable, disk full."""

    exit_code = 3
