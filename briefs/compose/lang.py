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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def detect_language(text: str) -> str | None:
    """``en``, ``de``, ``fr``...: the language of ``text``, or ``None`` when too short."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < MIN_CHARS:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
