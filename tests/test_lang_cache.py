"""The decompressed language model's cache (``briefs.compose.lang.cache_path``): the
same answers with or without it, never a file of another model, a damaged file replaced."""

from __future__ import annotations

import lzma
from collections.abc import Iterator
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE

from briefs.compose import lang

TEXTS = ("The minister said the talks would resume next week in the capital.",
         "Der Minister sagte, die Gespräche würden nächste Woche in der Hauptstadt beginnen.",
         "Le ministre a déclaré que les pourparlers reprendraient la semaine prochaine.")


def _fresh() -> list[str | None]:
    lang._model_bytes.cache_clear()
    lang._identifier.cache_clear()
    return [lang.detect_language(text) for text in TEXTS]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(folder))
    yield folder
    lang._model_bytes.cache_clear()
    lang._identifier.cache_clear()


def _packed() -> bytes:
    return (MODEL_DIR / MODEL_FILE).read_bytes()


def test_cache_written_then_read_with_the_same_answers(cache_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFS_CACHE_DIR", "")  # no cache: the model decompressed
    assert lang.cache_path(_packed()) is None
    plain = _fresh()
    assert plain == ["en", "de", "fr"]
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_dir))
    assert _fresh() == plain  # written by this run...
    cached = lang.cache_path(_packed())
    assert cached is not None and cached.parent == cache_dir
    assert cached.read_bytes() == lzma.decompress(_packed())
    assert [p.name for p in cache_dir.iterdir()] == [cached.name]  # no temp file left
    assert _fresh() == plain  # ...and read by the next


def test_a_file_of_another_model_is_never_read(cache_dir: Path) -> None:
    other = lang.cache_path(b"another model's compressed bytes")
    assert other is not None and other != lang.cache_path(_packed())
    other.parent.mkdir(parents=True)
    other.write_bytes(b"not this model")
    assert _fresh() == ["en", "de", "fr"]
    assert other.read_bytes() == b"not this model"


def test_a_damaged_cache_is_replaced(cache_dir: Path) -> None:
    cached = lang.cache_path(_packed())
    assert cached is not None
    cached.parent.mkdir(parents=True)
    cached.write_bytes(lzma.decompress(_packed())[:1000])  # cut short
    assert _fresh() == ["en", "de", "fr"]
    assert cached.read_bytes() == lzma.decompress(_packed())


def test_an_unwritable_cache_only_costs_time(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(blocker / "briefs"))
    try:
        assert _fresh() == ["en", "de", "fr"]
    finally:
        lang._model_bytes.cache_clear()
        lang._identifier.cache_clear()
