"""Helpers for the reliability tests: seeds written in the test, tree snapshots, builds."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.helpers import run_briefs

PARA = ("The council met on Tuesday to discuss the new budget for the coming year, and "
        "members said that more money is needed for schools and roads.")
HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"


def text_seed(root: Path, name: str, title: str, *paragraphs: str, crumb: str = "World News",
              sidecar: str | None = None) -> Path:
    """A page-dump seed ``seeds/<name>.txt``: breadcrumb, headline, paragraphs, junk."""
    body = "\n\n".join(paragraphs or (PARA,))
    path = root / "seeds" / f"{name}.txt"
    path.write_text(f"{crumb}\n\n{title}\n\n{body}\n\nBack to top button\n", encoding="utf-8")
    if sidecar is not None:
        path.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    return path


def article(n: int, words: int = 60) -> str:
    """A distinct paragraph of ordinary prose, different for every ``n``."""
    vocab = ["harbour", "council", "river", "budget", "school", "market", "railway",
             "village", "teacher", "farmer", "bridge", "station", "museum", "festival",
             "doctor", "nurse", "court", "mayor", "ferry", "clinic"]
    out = [f"Report {n} says"]
    state = n * 7919 + 17
    for _ in range(words):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(vocab[state % len(vocab)])
    return " ".join(out) + "."


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: relative path -> (sha256, mtime_ns)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return out


def hashes(folder: Path) -> dict[str, str]:
    return {k: v[0] for k, v in snapshot(folder).items()}


def briefs_of(root: Path) -> list[Path]:
    folder = root / "docs" / "briefs"
    return sorted(folder.rglob("*.md")) if folder.exists() else []


def convert(root: Path, *args: str, **kw: object):  # type: ignore[no-untyped-def]
    return run_briefs(root, "convert", *args, **kw)  # type: ignore[arg-type]


def build(root: Path, *args: str, **kw: object):  # type: ignore[no-untyped-def]
    return run_briefs(root, "build", *args, **kw)  # type: ignore[arg-type]


def lines(result, level: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.startswith(level + " ")]


def env_epoch(epoch: int = 1700000000) -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
