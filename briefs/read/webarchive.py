"""A page Safari saved as one file (``.webarchive``, Safari's "Save As: Web Archive",
its default): a property list, binary or XML, whose ``WebMainResource`` holds the
page's bytes, their text encoding and the address it was saved from; its images,
styles and frames (``WebSubresources``, ``WebSubframeArchives``) are not needed.
"""

from __future__ import annotations

import plistlib
from typing import Any

from briefs.errors import SeedError
from briefs.read.mhtml import Archived, saved_from

SUFFIXES = (".webarchive",)
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def page_of(data: bytes, shown: str) -> Archived:
    """The saved page. Raises ``SeedError`` when the file is no web archive or holds no
    HTML page."""
    try:
        archive: Any = plistlib.loads(data)
    # plistlib raises what it meets in a broken or hostile file: InvalidFileException,
    # ValueError, OverflowError, a struct or index error, RecursionError when nested deep
    except Exception as exc:
        raise SeedError(shown, "not a Safari web archive (no property list in it)") from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        raise SeedError(shown, "not a Safari web archive (no WebMainResource)")
    page = main.get("WebResourceData")
    kind = str(main.get("WebResourceMIMEType") or "text/html").lower()
    if not isinstance(page, bytes) or not page.strip() or kind not in _PAGE_TYPES:
        raise SeedError(shown, "no HTML page in this web archive")
    charset = main.get("WebResourceTextEncodingName")
    return Archived(page, charset if isinstance(charset, str) and charset else None,
                    saved_from(main.get("WebResourceURL")))
