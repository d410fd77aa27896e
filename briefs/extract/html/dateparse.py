"""htmldate's fallback date parser, limited to the page's own language.

In its extensive search htmldate hands a date-like string it cannot read itself
("Aug 9, 6:06 PM") to dateparser, built once with every language dateparser knows.
For a string no language reads, dateparser then tries each of its some 200 locales in
turn and compiles each one's word-splitting patterns: 3 to 4 seconds, once per process,
on whichever page first has such a string (mer_abcnews-go-com of the dev corpus).

A page that declares its language (``<html lang>``, ``og:locale``) gets a parser for
that language and English instead (Japanese, Chinese and Korean together, as they
write dates alike): dates in its language and in English read as before, and the
search through every other locale is skipped. A page that declares no language gets
the language its text is in (the caller detects it). A language dateparser does not
know under its code, nor under the code that replaced it (``iw`` is now ``he``, ``no``
``nb``), gets the language of its text, as a page that declares none: Serbo-Croatian
(``sh``) and the like would otherwise send a first unreadable string through every
locale. A text in a language dateparser does not know either keeps htmldate's own parser.

htmldate asks for the parser through ``htmldate.extractors.get_external_parser()``,
called anew each time; ``install`` replaces that function with one that reads the
language of the page being read from a context variable that ``for_language`` sets.
htmldate also keeps what each string read as (``try_date_expr``'s cache), whatever the
parser: that cache is emptied whenever the language changes, so a string reads the same
for every page of one language whatever pages came before it in the process, and the
output stays the same from run to run however the seeds are shared among workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

# htmldate 1.11's own settings for the parser (htmldate/extractors.py)
_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}

# Languages that write dates with the same Han numerals and units (2019年3月2日): a page
# in one of them gets all three, as dateparser's Japanese locale does not read
# "2019年3月2日09:18" and its Chinese one does.
_HAN_DATES = frozenset({"ja", "ko", "zh"})

# Codes pages still declare that dateparser knows under another one: withdrawn ISO 639
# codes, and Norwegian's macrolanguage (dateparser has Bokmål and Nynorsk).
_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "mo": "ro", "no": "nb"}

_PAGE_LANGUAGE: ContextVar[str | None] = ContextVar("page_language", default=None)
_ORIGINAL: list[Any] = []  # htmldate's get_external_parser, once replaced
_CACHED_FOR: list[str | None] = [None]  # the language htmldate's string cache was filled for


def known(language: str | None) -> str | None:
    """``language`` as dateparser names it (``iw`` → ``he``), or None when it has no
    locale for it (``sh``, ``xx``)."""
    from dateparser.languages.loader import default_loader  # type: ignore[import-untyped]

    if not language:
        return None
    language = _ALIASES.get(language.lower(), language.lower())
    return language if language in default_loader.get_locale_map() else None


@lru_cache(maxsize=64)
def _parser_for(language: str) -> Any:
    """A parser for ``language`` and English, or None when dateparser does not know it."""
    from dateparser import DateDataParser  # type: ignore[import-untyped]

    language = known(language) or ""
    if not language:
        return None  # the parser would raise "Unknown language(s): 'xx'" on every string
    group = sorted(_HAN_DATES) if language in _HAN_DATES else [language]
    languages = [*group, *([] if language == "en" else ["en"])]
    return DateDataParser(languages=languages, settings=dict(_SETTINGS))


def _external_parser() -> Any:
    language = _PAGE_LANGUAGE.get()
    parser = _parser_for(language) if language else None
    return parser if parser is not None else _ORIGINAL[0]()


def install() -> None:
    """Make htmldate's fallback parser follow ``for_language`` (once per process)."""
    if _ORIGINAL:
        return
    from htmldate import extractors

    _ORIGINAL.append(extractors.get_external_parser)
    extractors.get_external_parser = _external_parser  # type: ignore[assignment]


@contextmanager
def for_language(language: str | None) -> Iterator[None]:
    """Within this block, htmldate's fallback parser reads ``language`` (a two- or
    three-letter code such as ``en``, ``de``) and English; ``None``: every language."""
    install()
    language = language.lower() if language else None
    if language != _CACHED_FOR[0]:
        from htmldate import extractors

        extractors.try_date_expr.cache_clear()
        _CACHED_FOR[0] = language
    token = _PAGE_LANGUAGE.set(language)
    try:
        yield
    finally:
        _PAGE_LANGUAGE.reset(token)
