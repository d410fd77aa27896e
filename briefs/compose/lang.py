"""The article's language, as an ISO 639-1 code, by py3langid (its model ships in the wheel).

Only the first ``SAMPLE`` characters are read: enough for a stable answer, and fast.
Text too short to tell (under ``MIN_CHARS``) gives ``None`` rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE = 3000
MIN_CHARS = 40


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, decompressed in memory (~70 MB, freed once loaded).

    ``LanguageIdentifier.from_model_file`` unpacks it through a temporary file: a run
    under a file-size limit (``ulimit -f``) or on a full disk would fail there, in a
    stage that writes nothing, instead of at the brief it cannot write.
    """
    import io
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array  # py3langid is pinned (0.4.0)

    with lzma.open(MODEL_DIR / MODEL_FILE) as src:
        buffer = io.BytesIO(src.read())
    with np.load(buffer, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=False,
            tk_row=_to_array(data["nextmove_row"]))


def detect_language(text: str) -> str | None:
    """``en``, ``de``, ``fr``...: the language of ``text``, or ``None`` when too short."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < MIN_CHARS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
