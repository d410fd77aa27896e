"""The article's language, as an ISO 639-1 code, by py3langid (its model ships in the wheel).

Only the first ``SAMPLE`` characters are read: enough for a stable answer, and fast.
Text too short to tell (under ``MIN_CHARS``) gives ``None`` rather than a guess.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

SAMPLE = 3000
MIN_CHARS = 40
WINDOW = 6  # the longest string of py3langid 0.4.0's automaton, in bytes (a test checks)


@lru_cache(maxsize=1)
def _model_bytes() -> bytes:
    """py3langid's model file, decompressed in one call: that runs without the GIL
    (``prepare.warm`` builds the gazetteer meanwhile), where a streamed read would take
    it back for every chunk."""
    import lzma

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return lzma.decompress((MODEL_DIR / MODEL_FILE).read_bytes())


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, decompressed in memory (~70 MB, freed once loaded).

    ``LanguageIdentifier.from_model_file`` unpacks it through a temporary file: a run
    under a file-size limit (``ulimit -f``) or on a full disk would fail there, in a
    stage that writes nothing, instead of at the brief it cannot write.
    """
    import io

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

    buffer = io.BytesIO(_model_bytes())
    _model_bytes.cache_clear()  # ~70 MB: not kept once the arrays are made
    with np.load(buffer, allow_pickle=False) as data:
        identifier = Identifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=False,
            tk_row=_to_array(data["nextmove_row"]))
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}")
    rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
    output = np.asarray(identifier.tk_output, dtype=np.intp)
    return identifier


def detect_language(text: str) -> str | None:
    """``en``, ``de``, ``fr``...: the language of ``text``, or ``None`` when too short."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < MIN_CHARS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
