"""Make Pagefind's output byte-identical from one build to the next.

Pagefind 1.5.2 writes each filter's values (``filter/*.pf_filter``) and the list of
filters in ``pagefind.<lang>_<hash>.pf_meta`` in hash-map order, which changes on every
run; the file names are hashes of those bytes, so names change too. Everything else it
writes is stable. ``canonicalise`` rewrites those files with values and filters sorted
by name, names them by a hash of the new bytes, and points ``pagefind-entry.json`` at
the new meta file. The files are gzip (mtime 0) of ``pagefind_dcd`` + CBOR; the small
CBOR reader/writer below covers what Pagefind writes (ints, strings, arrays, maps).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class Unexpected(ValueError):
    """A Pagefind file this module does not understand (left as it is)."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise Unexpected("integer too large")


def encode(item: Any) -> bytes:
    if isinstance(item, bool) or item is None:
        raise Unexpected("unsupported CBOR value")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(encode(x) for x in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise Unexpected(f"unsupported CBOR value {type(item).__name__}")


def decode(data: bytes) -> Any:
    item, end = _decode(data, 0)
    if end != len(data):
        raise Unexpected("trailing bytes")
    return item


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    if pos >= len(data):
        raise Unexpected("truncated")
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise Unexpected("indefinite or reserved length")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major in (2, 3):
        chunk = data[pos:pos + value]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), pos + value
    if major == 4:
        out = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            out.append(item)
        return out, pos
    if major == 5:
        mapping = {}
        for _ in range(value):
            key, pos = _decode(data, pos)
            mapping[key], pos = _decode(data, pos)
        return mapping, pos
    raise Unexpected(f"unsupported CBOR major type {major}")


def read_data(data: bytes, name: str = "file") -> Any:
    """The item in a Pagefind data file's bytes (gzip of the signature and one CBOR item)."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise Unexpected(f"{name}: no Pagefind signature")
    return decode(raw[len(SIGNATURE):])


def _read(path: Path) -> Any:
    return read_data(path.read_bytes(), path.name)


def _write(folder: Path, prefix: str, suffix: str, digits: int, item: Any) -> str:
    raw = SIGNATURE + encode(item)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonicalise(bundle: Path) -> None:
    """Sort Pagefind's filters in ``bundle`` (the ``pagefind/`` folder) in place."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise Unexpected(f"{meta_path.name}: unknown layout")
        renamed = []
        for name, file_hash in meta[3]:
            path = bundle / "filter" / f"{file_hash}.pf_filter"
            data = _read(path)
            if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
                raise Unexpected(f"{path.name}: unknown layout")
            data[1].sort(key=lambda pair: str(pair[0]))
            os.remove(path)
            renamed.append([name, _write(bundle / "filter", f"{language}_", ".pf_filter", 7,
                                         data)])
        meta[3] = sorted(renamed, key=lambda pair: str(pair[0]))
        os.remove(meta_path)
        info["hash"] = _write(bundle, f"pagefind.{language}_", ".pf_meta", 10, meta)[9:]
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
