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

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError
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
    path = root / STATE_FILE
    if not path.exists():
        return State()
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        entries = {k: Entry(**v) for k, v in data.get("briefs", {}).items()}
        state = State(entries=entries, withdrawn=dict(data.get("withdrawn", {})),
                      duplicates=dict(data.get("duplicates", {})))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(str(STATE_FILE), f"unreadable state file: {exc}") from exc
    for seed, entry in state.entries.items():
        problem = brief_path_problem(entry.brief)
        if problem:
            raise _refused(seed, "brief", problem)
    return state


# The only shape of name the converter gives a brief (``_assign_names``): one Markdown
# file directly in docs/briefs/, not a dotfile (those are its proposals and temp files).
_BRIEF_NAME = re.compile(r"briefs/[^/.][^/]*\.md")
_NAME_MAX = 200  # bytes: room left (of 255) for the temp file and proposal beside it


def brief_path_problem(value: object) -> str | None:
    """Why ``value`` is no brief path a state may hold (``None``: it is one). Checked
    before any file is touched: a path that leaves docs/briefs/ (absolute, ``..``, a
    subfolder that may be a symlink) would have the converter write where it names."""
    if not isinstance(value, str):
        return f"expected text, got {show_value(value)}"
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


def _refused(seed: str, name: str, problem: str) -> ConfigError:
    """The state refused for one entry's field, naming both."""
    return ConfigError(str(STATE_FILE), f"entry {show_value(seed)}: '{name}': {problem}")


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
    write_atomic(path, text, str(STATE_FILE))
    return True
