"""A page saved as one file by a browser (``.mhtml``, ``.mht``: Chrome's and Edge's "Save
as single file"): a MIME message whose first ``text/html`` part is the page; the other
parts are its images, styles and frames, which the extractor does not need.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message

from briefs.errors import SeedError

SUFFIXES = (".mhtml", ".mht")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s/]+\S*$")


@dataclass(frozen=True)
class Archived:
    """The page inside a web archive."""

    html: bytes
    charset: str | None  # as its part declares it (``None``: not declared)
    url: str | None  # the address it was saved from (``Snapshot-Content-Location``)


def saved_from(where: object) -> str | None:
    """The web address an archive names as its page's (``None``: none, or no address)."""
    text = str(where or "").strip()
    return text if _WEB_ADDRESS.match(text) else None


def page_of(data: bytes, shown: str) -> Archived:
    """The saved page. Raises ``SeedError`` when the file holds no HTML part."""
    # The legacy policy: the default one parses every header into objects, which took
    # 20 s for a saved page of 50,000 parts (images) and grows with the square of them;
    # the parts' types, charsets and payloads read the same.
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        parts = list(message.walk())
    except RecursionError as exc:  # (the parser recurses into each nested multipart)
        raise SeedError(shown, "web archive of parts nested too deep to read") from exc
    if not isinstance(message, Message) or message.get("Content-Type") is None:
        raise SeedError(shown, "not a saved web archive (no MIME header)")
    for part in parts:
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                where = message.get("Snapshot-Content-Location") or part.get("Content-Location")
                return Archived(payload, part.get_content_charset(), saved_from(where))
    raise SeedError(shown, "no HTML page in this web archive")
