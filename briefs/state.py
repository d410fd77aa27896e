"""What the converter wrote last time, so that no run loses an editor's change.

``.briefs/state.json`` at the project root (committed with the briefs) maps each seed
to its brief file and three hashes: the seed's bytes, the converter recipe, and the
brief exactly as the converter wrote it. A brief whose bytes differ from the recorded
hash was edited by hand and is never overwritten. Seeds taken off the site on purpose
(``briefs remove``) are listed under ``withdrawn``. The file is written atomically,
with sorted keys, so it diffs cleanly.

The file is committed, so it can arrive in a pull request: it is untrusted input. Every
path in it is checked when it is read (a brief is ``briefs/NAME.md``, a file directly in
``docs/briefs/``), since the converter writes, proposes beside and withdraws the file an
entry names: ``/home/me/.bashrc`` or ``../../x.md`` there would have it write outside.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError, EnvironmentFailure
from briefs.files import NotRegular, read_regular
from briefs.record import show_value
from briefs.write import write_atomic

STATE_FILE = Path(".briefs") / "state.json"
VERSION = 1


@dataclass
class Entry:
    brief: str  # docs-relative path of the brief file, e.g. "briefs/x.md"
    seed_sha: str
    brief_sha: str
    recipe: str
    date: str | None = None  # the fallback date given on first conversion, kept after


@dataclass
class State:
    entries: dict[str, Entry] = field(default_factory=dict)  # seed path -> entry
    withdrawn: dict[str, str] = field(default_factory=dict)  # seed path -> reason
    duplicates: dict[str, str] = field(default_factory=dict)  # seed path -> kept seed

    def owner_of(self, brief: str) -> str | None:
        for seed, entry in self.entries.items():
            if entry.brief == brief:
                return seed
        return None


def load(root: Path) -> State:
    """The state in ``root``, checked whole before any of it is used: ``ConfigError``
    naming the field for any value the converter would not have written (a wrong type
    ended in a traceback, or in an error blamed on a seed, far from the file at fault)."""
    data = _read(root)
    return State() if data is None else _parse(data)


def _read(root: Path) -> object:
    """The state file's JSON; ``None`` when there is none. Read only when it is a
    regular file of the project (a folder, a pipe or a symlink is refused by name)."""
    shown = str(STATE_FILE)
    if (root / STATE_FILE.parent).is_symlink():
        raise ConfigError(str(STATE_FILE.parent), "symlink refused; the state must stay "
                          "in the project")
    path = root / STATE_FILE
    if not os.path.lexists(path):
        return None
    if path.is_symlink():
        raise ConfigError(shown, "symlink refused")
    try:
        return json.loads(read_regular(path).decode("utf-8"))
    except NotRegular as exc:
        raise ConfigError(shown, f"not a regular file ({exc.kind}); refused") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(shown, f"not UTF-8 (invalid byte at {exc.start})") from exc
    except ValueError as exc:
        raise ConfigError(shown, f"unreadable state file: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(shown, "unreadable state file: nested too deep") from exc
    except OSError as exc:
        raise EnvironmentFailure(shown, (exc.strerror or str(exc)).lower()) from exc


_TOP = ("version", "briefs", "withdrawn", "duplicates")
_FIELDS = tuple(f.name for f in fields(Entry))
_REQUIRED = tuple(f.name for f in fields(Entry) if f.default is MISSING)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _parse(data: object) -> State:
    if not isinstance(data, dict):
        raise ConfigError(str(STATE_FILE), f"expected a JSON object, got {_shown(data)}")
    for key in data:
        if key not in _TOP:
            raise ConfigError(str(STATE_FILE), "unknown field", field=key)
    version = data.get("version", VERSION)
    if type(version) is not int or version != VERSION:
        raise ConfigError(str(STATE_FILE), f"expected {VERSION}, got {_shown(version)}",
                          field="version")
    entries = {seed: _entry(seed, value) for seed, value in _mapping(data, "briefs").items()}
    _one_seed_a_file(entries)
    return State(entries=entries, withdrawn=_texts(data, "withdrawn"),
                 duplicates=_texts(data, "duplicates"))


def _mapping(data: dict[str, Any], name: str) -> dict[str, Any]:
    """The mapping ``data[name]`` (empty when absent), keyed by text."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(str(STATE_FILE), f"expected a mapping, got {_shown(value)}",
                          field=name)
    for key in value:
        if not _is_text(key):
            raise ConfigError(str(STATE_FILE), f"key {show_value(key)} is not text",
                              field=name)
    return value


def _texts(data: dict[str, Any], name: str) -> dict[str, str]:
    """The mapping ``data[name]`` of text to text (seed -> reason, seed -> seed)."""
    value = _mapping(data, name)
    for key, item in value.items():
        if not isinstance(item, str) or not _is_text(item):
            raise ConfigError(str(STATE_FILE), f"{show_value(key)}: expected text, got "
                              f"{_shown(item)}", field=name)
    return dict(value)


def _entry(seed: str, value: object) -> Entry:
    """One seed's entry, each field of the type the converter writes."""
    if not isinstance(value, dict):
        raise _refused(seed, None, f"expected a mapping of field: value, got {_shown(value)}")
    for key in value:
        if key not in _FIELDS:
            raise _refused(seed, key, "unknown field")
    for name in _REQUIRED:
        if name not in value:
            raise _refused(seed, name, "required field is missing")
    problem = brief_path_problem(value["brief"])
    if problem:
        raise _refused(seed, "brief", problem)
    for name in ("seed_sha", "brief_sha", "recipe"):
        if not isinstance(value[name], str) or not _is_text(value[name]):
            raise _refused(seed, name, f"expected text, got {_shown(value[name])}")
    date = value.get("date")
    if date is not None and not _is_day(date):
        raise _refused(seed, "date", f"expected YYYY-MM-DD (a calendar day) or null, got "
                       f"{_shown(date)}")
    return Entry(**value)


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _one_seed_a_file(entries: dict[str, Entry]) -> None:
    """No two seeds share a brief file (as ``convert`` names them, case aside): one
    seed's brief would be written over another's."""
    holders: dict[str, str] = {}
    for seed, entry in sorted(entries.items()):
        other = holders.setdefault(entry.brief.casefold(), seed)
        if other != seed:
            raise _refused(seed, "brief", f"same file as entry {show_value(other)}")


def _shown(value: object) -> str:
    """A value as a message quotes it; a list or mapping by its kind alone (its repr
    may be long, or nested deeper than repr can go)."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return show_value(value)


# The only shape of name the converter gives a brief (``_assign_names``): one Markdown
# file directly in docs/briefs/, not a dotfile (those are its proposals and temp files).
_BRIEF_NAME = re.compile(r"briefs/[^/.][^/]*\.md")
_NAME_MAX = 200  # bytes: room left (of 255) for the temp file and proposal beside it


def brief_path_problem(value: object) -> str | None:
    """Why ``value`` is no brief path a state may hold (``None``: it is one). Checked
    before any file is touched: a path that leaves docs/briefs/ (absolute, ``..``, a
    subfolder that may be a symlink) would have the converter write where it names."""
    if not isinstance(value, str):
        return f"expected text, got {_shown(value)}"
    if not _is_text(value) or "\0" in value:
        return f"not text (a NUL or an unpaired surrogate in {show_value(value)})"
    if value.startswith("/"):
        return f"absolute path {show_value(value)} refused; a brief stays in docs/briefs/"
    if ".." in value.split("/"):
        return f"'..' in {show_value(value)} refused; a brief stays in docs/briefs/"
    if not _BRIEF_NAME.fullmatch(value):
        return f"expected briefs/NAME.md (a file directly in docs/briefs/), got " \
            f"{show_value(value)}"
    if len(value.encode("utf-8")) > len("briefs/") + _NAME_MAX:
        return f"file name over {_NAME_MAX} bytes: {show_value(value)}"
    return None


def _is_text(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 (JSON may spell an unpaired surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refused(seed: str, name: str | None, problem: str) -> ConfigError:
    """The state refused for one entry's field, naming both."""
    where = f"'{name}': " if name is not None else ""
    return ConfigError(str(STATE_FILE), f"entry {show_value(seed)}: {where}{problem}")


def dump(state: State) -> str:
    data = {
        "version": VERSION,
        "briefs": {k: asdict(v) for k, v in sorted(state.entries.items())},
        "withdrawn": dict(sorted(state.withdrawn.items())),
        "duplicates": dict(sorted(state.duplicates.items())),
    }
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def save(root: Path, state: State) -> bool:
    """Write the state when it changed; True when a write happened."""
    path = root / STATE_FILE
    text = dump(state)
    if not path.exists() and text == dump(State()):
        return False
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text, str(STATE_FILE), within=root)
    return True
