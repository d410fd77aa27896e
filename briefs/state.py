"""What the converter wrote last time, so that no run loses an editor's change.

``.briefs/state.json`` at the project root (committed with the briefs) maps each seed
to its brief file and three hashes: the seed's bytes, the converter recipe, and the
brief exactly as the converter wrote it. A brief whose bytes differ from the recorded
hash was edited by hand and is never overwritten. Seeds taken off the site on purpose
(``briefs remove``) are listed under ``withdrawn``. The file is written atomically,
with sorted keys, so it diffs cleanly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError
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
        return State(entries=entries, withdrawn=dict(data.get("withdrawn", {})),
                     duplicates=dict(data.get("duplicates", {})))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(str(STATE_FILE), f"unreadable state file: {exc}") from exc


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
