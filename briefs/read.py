"""Stage 1, read: find the seeds, refuse unusable files, decode bytes to text.

A seed is a text dump (``.txt``), a saved page (``.html``/``.htm``) or a Markdown file
with front matter (``.md``). An optional sidecar ``x.yml`` beside ``x.txt`` carries
what the text cannot say (url, date, byline, site_name...); it wins over the text.

Decoding, in order: a BOM (UTF-8, UTF-16, UTF-32); strict UTF-8; a legacy encoding
detected by charset-normalizer (with a warning naming it); mojibake is repaired by
ftfy (with a warning). A file with NUL bytes and no UTF-16/32 BOM is binary.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefs.errors import SeedError

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md")
SIDECAR_SUFFIXES = (".yml", ".yaml")
MAX_BYTES = 2 * 1024 * 1024
SIDECAR_KEYS = ("title", "date", "byline", "site_name", "url", "lang", "categories",
                "tags", "summary", "draft")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Seed:
    """A seed file read and decoded, before anything is taken out of it."""

    path: str  # as shown to the user: relative to the project root when possible
    kind: str  # "text", "html" or "markdown"
    text: str
    raw_sha: str  # sha256 of the bytes: the content hash for incremental runs
    sidecar: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # warnings for the CLI, e.g. "decoded as windows-1252"


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".md":
        return "markdown"
    return "text"


def discover(seeds_dir: Path) -> list[Path]:
    """Every seed file under ``seeds_dir``, sorted by path; dotfiles and sidecars skipped."""
    found = []
    for root, dirs, files in os.walk(seeds_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not name.lower().endswith(SEED_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return sorted(found)


def decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """Bytes to text, with warnings. Raises ``SeedError`` for binary or undecodable data."""
    notes: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), notes
            except UnicodeDecodeError as exc:
                raise SeedError(shown, f"invalid {codec} at byte {exc.start}") from exc
    if data.count(b"\x00") > max(2, len(data) // 1000):  # a stray NUL is cleaned away
        raise SeedError(shown, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _legacy(data, shown, exc, notes)
    return _repair(text, shown, notes), notes


def _legacy(data: bytes, shown: str, exc: UnicodeDecodeError, notes: list[str]) -> str:
    """Decode bytes that are not UTF-8: a legacy single-byte page, or garbage."""
    from charset_normalizer import from_bytes

    # Mostly valid UTF-8 with a broken run is damage, not a legacy encoding.
    tail = data[exc.start:]
    valid_utf8_after = _utf8_multibyte_count(tail)
    if valid_utf8_after >= 3 or _utf8_multibyte_count(data[: exc.start]) >= 3:
        raise SeedError(shown, f"invalid UTF-8 at byte {exc.start}") from exc
    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in ("utf_8", "ascii"):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError as exc2:
            raise SeedError(shown, f"invalid UTF-8 at byte {exc.start}") from exc2
    name = codecs.lookup(encoding).name
    if name == "cp1252":
        name = "windows-1252"
    notes.append(f"not valid UTF-8 at byte {exc.start}; decoded as {name}")
    return text


def _utf8_multibyte_count(data: bytes) -> int:
    """How many well-formed multi-byte UTF-8 sequences ``data`` holds."""
    count = i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        width = (2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF
                 else 4 if 0xF0 <= b <= 0xF4 else 0)
        if width and i + width <= n and all(0x80 <= c <= 0xBF for c in data[i + 1 : i + width]):
            count += 1
            i += width
        else:
            i += 1
    return count


def _repair(text: str, shown: str, notes: list[str]) -> str:
    """Repair mojibake (UTF-8 read as windows-1252 somewhere upstream)."""
    if not any(marker in text for marker in ("Ã", "â€", "Â", "Ð", "Ø")):
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        notes.append("mojibake repaired (text had been decoded with the wrong encoding)")
    return str(fixed)


def read_seed(path: Path, shown: str) -> Seed:
    """Read one seed: refuse symlinks, empty, huge and binary files; decode; load a sidecar."""
    import hashlib

    if path.is_symlink():
        raise SeedError(shown, "symlink refused (seeds must be regular files)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SeedError(shown, f"{size} bytes exceeds 2 MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(shown, f"cannot read: {exc.strerror}") from exc
    if not data:
        raise SeedError(shown, "empty file")
    text, notes = decode(data, shown)
    if not text.strip():
        raise SeedError(shown, "blank file (only whitespace)")
    sidecar = read_sidecar(path, shown)
    return Seed(path=shown, kind=kind_of(path), text=text,
                raw_sha=hashlib.sha256(data).hexdigest(), sidecar=sidecar,
                notes=tuple(notes))


def sidecar_path(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.is_file() and not candidate.is_symlink():
            return candidate
    return None


def read_sidecar(path: Path, shown: str) -> dict[str, Any]:
    """The sidecar mapping beside ``path``, or ``{}``. Unknown keys are an error."""
    side = sidecar_path(path)
    if side is None:
        return {}
    side_shown = str(Path(shown).with_suffix(side.suffix))
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SeedError(side_shown, f"cannot read sidecar: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise SeedError(side_shown, f"{line}{getattr(exc, 'problem', exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SeedError(side_shown, "sidecar must be a mapping of field: value")
    unknown = sorted(str(k) for k in data if k not in SIDECAR_KEYS)
    if unknown:
        raise SeedError(side_shown, f"unknown field(s) {', '.join(unknown)}; "
                        f"allowed: {', '.join(SIDECAR_KEYS)}")
    return dict(data)
