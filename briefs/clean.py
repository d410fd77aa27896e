"""Stage 2, clean: normalise decoded text before anything is taken out of it.

- Unicode NFC; line breaks unified (CR, CRLF, U+2029, NEL become ``\\n``); U+2028 (a line
  separator inside a paragraph) becomes a space, with a note.
- Control characters, bidi overrides and zero-width characters are removed (a note
  says so: they can hide or reorder text), but for a zero-width non-joiner inside a word
  of a script spelled with it (Persian, Hindi); tabs and no-break spaces become spaces.
- Soft hyphens (U+00AD, where a word may break) are removed without a note: German pages
  set them in long words ("Mes\u00adsen\u00adger\u00addiens\u00adte"), and a reader's
  search for "Messengerdienste" must find them.
- Runs of spaces collapse; lines are stripped, but for the indentation of a YAML front
  matter's lines (a folded ``description: >`` or a nested list needs it).
"""

from __future__ import annotations

import re
import unicodedata

# Scripts whose spelling uses the zero-width non-joiner (U+200C) between two letters: the
# Arabic script (Persian "می\u200cخواهم", Urdu, Kurdish, Pashto) and Syriac, where it
# keeps a letter from joining the next; the Brahmic scripts of India and Sri Lanka
# (Devanagari to Sinhala), where it stops a conjunct.
_ZWNJ_SCRIPTS = "\u0600-\u074f\u0750-\u077f\u08a0-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefc"
# C0/C1 controls except \t and \n, bidi embeddings/overrides/isolates, zero-width
# characters and the BOM. Zero-width joiner (U+200D) is kept: emoji sequences need it. So
# is a non-joiner between two letters of a script that spells with it (it hides nothing
# there, and taking it out misspells the word); anywhere else it goes.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
    f"|(?<![{_ZWNJ_SCRIPTS}])\u200c|\u200c(?![{_ZWNJ_SCRIPTS}])"
)
_BREAKS = re.compile("\r\n|\r|\u2029|\x85")
_SOFT_HYPHEN = "\u00ad"
_SOFT_BREAK = "\u2028"  # a line separator inside a paragraph: a space, noted
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_text(text: str, front_matter: bool = False) -> tuple[str, list[str]]:
    """Normalised text and the notes about what was removed; with ``front_matter``, the
    lines of a YAML front matter opening the text keep their indentation."""
    notes: list[str] = []
    text = _BREAKS.sub("\n", text).replace(_SOFT_HYPHEN, "")
    text = unicodedata.normalize("NFC", text)
    removed = _INVISIBLE.findall(text) + [_SOFT_BREAK] * text.count(_SOFT_BREAK)
    text = text.replace(_SOFT_BREAK, " ")
    if removed:
        kinds = sorted({f"U+{ord(ch):04X}" for ch in removed})
        shown = ", ".join(kinds[:5]) + (", ..." if len(kinds) > 5 else "")
        notes.append(f"removed {len(removed)} control, bidi or zero-width character(s) "
                     f"({shown})")
        text = _INVISIBLE.sub("", text)
    lines = text.split("\n")
    front = _front_matter_end(lines) if front_matter else 0
    return "\n".join(_SPACES.sub(" ", line).strip() if not 0 < i < front
                     else _indented(line) for i, line in enumerate(lines)), notes


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line closing a front matter that opens the text (0: none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return i
    return 0


def _indented(line: str) -> str:
    """A front matter line cleaned after its indentation, which YAML reads."""
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)] + _SPACES.sub(" ", body).rstrip()


def clean_line(text: str) -> str:
    """One line of text: invisible characters removed, spaces collapsed."""
    text = _BREAKS.sub(" ", unicodedata.normalize("NFC", text.replace(_SOFT_HYPHEN, "")))
    text = text.replace("\n", " ")
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()
