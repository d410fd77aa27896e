"""A page saved as one file by a browser (``.mhtml``, ``.mht``: Chrome's and Edge's "Save
as single file"): a MIME message whose first ``text/html`` part is the page; the other
parts are its images, styles and frames, which the extractor does not need.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from briefs.errors import SeedError

SUFFIXES = (".mhtml", ".mht")


def page_of(data: bytes, shown: str) -> tuple[bytes, str | None]:
    """The saved page's HTML bytes and the charset its part declares (``None``: not
    declared). Raises ``SeedError`` when the file holds no HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or message.get("Content-Type") is None:
        raise SeedError(shown, "not a saved web archive (no MIME header)")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise SeedError(shown, "no HTML page in this web archive")
