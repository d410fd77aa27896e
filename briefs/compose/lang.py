"""The article's language, as an ISO 639-1 code, by py3langid (its model ships in the wheel).

Only the first ``SAMPLE`` characters are read: enough for a stable answer, and fast.
Text too short to tell (under ``MIN_CHARS``) gives ``None`` rather than a guess.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefs.write import stage

SAMPLE = 3000
MIN_CHARS = 40
WINDOW = 6  # the longest string of py3langid 0.4.0's automaton, in bytes (a test checks)


CACHE_FORMAT = 1


@lru_cache(maxsize=1)
def _model_bytes() -> bytes:
    """py3langid's model file, decompressed: from the cache when it holds this model's
    bytes, else decompressed in one call (that runs without the GIL: ``prepare.warm``
    builds the gazetteer meanwhile, where a streamed read would take it back for every
    chunk) and stored in the cache for the next run."""
    import lzma

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    packed = (MODEL_DIR / MODEL_FILE).read_bytes()
    cached = cache_path(packed)
    if cached is not None:
        with contextlib.suppress(OSError):
            return cached.read_bytes()
    unpacked = lzma.decompress(packed)
    if cached is not None:
        _store(cached, unpacked)
    return unpacked


def cache_path(packed: bytes) -> Path | None:
    """Where the decompressed model of the compressed ``packed`` is kept: a file named
    by the hash of ``packed`` (another model, another file: a stale one is never read),
    in ``BRIEFS_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefs``, else ``~/.cache/briefs``.
    ``None`` when ``BRIEFS_CACHE_DIR`` is empty (no cache) or no home is known.

    Decompressing the model takes a quarter of a second of each convert that reads a
    seed; reading it back, a few milliseconds. The cache is not the project's (it holds
    nothing of the seeds): it is shared by every project of the user."""
    folder = os.environ.get("BRIEFS_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                                 ".cache")
        folder = "" if base.startswith("~") else os.path.join(base, "briefs")
    if not folder:
        return None
    key = hashlib.sha256(f"{CACHE_FORMAT}\0".encode() + packed).hexdigest()[:24]
    return Path(folder) / f"langid-model-{key}.npz"


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temp file renamed into place);
    a cache that cannot be written only costs the next run the decompression."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = stage(path.parent, data, prefix=f".{path.name}.")
        try:
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, decompressed in memory (~70 MB, freed once loaded).

    ``LanguageIdentifier.from_model_file`` unpacks it through a temporary file: a run
    under a file-size limit (``ulimit -f``) or on a full disk would fail there, in a
    stage that writes nothing, instead of at the brief it cannot write.
    """
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array  # py3langid is pinned (0.4.0)

    class Identifier(LanguageIdentifier):  # type: ignore[misc]
        """py3langid's identifier, its byte automaton walked by numpy.

        The automaton (Aho-Corasick, over byte n-grams) is in the state of the longest
        suffix of the bytes read that is one of its strings, at most ``WINDOW`` bytes:
        the state at a byte is where the walk over the ``WINDOW`` bytes ending there
        leads. So all the text's states come from ``WINDOW`` vectorised steps rather
        than a Python loop over every byte; the features are then counted in text order,
        as ``visit_counts`` does, and scored by the library itself.
        """

        def _raw_score(self, text: bytes) -> Any:
            codes = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
            states = np.zeros(len(codes), dtype=np.intp)
            for back in range(min(WINDOW, len(codes)) - 1, -1, -1):
                rest = states[back:]
                states[back:] = nextmove[rowbase[rest] + codes[:len(codes) - back]]
            found = output[states]
            found = found[found >= 0]
            if not len(found):
                return super()._raw_score(text)
            return self._sparse_score(Counter(found.tolist()), self.nb_ptc)

    data = _arrays()
    identifier = Identifier(
        np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
        _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=False,
        tk_row=_to_array(data["nextmove_row"]))
    del data
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}")
    rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
    output = np.asarray(identifier.tk_output, dtype=np.intp)
    return identifier


_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _arrays() -> dict[str, Any]:
    """The model's arrays (the decompressed bytes are freed once they are read). A
    cached file that does not load is deleted and the model decompressed again."""
    import io
    import zipfile

    import numpy as np

    for attempt in range(2):
        raw = _model_bytes()
        _model_bytes.cache_clear()  # ~70 MB: not kept once the arrays are made
        try:
            with np.load(io.BytesIO(raw), allow_pickle=False) as data:
                return {name: data[name] for name in _ARRAYS}
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            if attempt:
                raise
            _drop_cache()
    raise AssertionError("unreachable")


def _drop_cache() -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    cached = cache_path((MODEL_DIR / MODEL_FILE).read_bytes())
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.unlink()


def detect_language(text: str) -> str | None:
    """``en``, ``de``, ``fr``...: the language of ``text``, or ``None`` when too short."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < MIN_CHARS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
