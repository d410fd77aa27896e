"""Bytes of a seed to text, and why a file is not text.

Order, first match wins:

1. a byte-order mark: UTF-8, UTF-16 or UTF-32;
2. a known binary signature (PNG, JPEG, GIF, PDF, ZIP, gzip...): refused as binary;
3. NUL bytes: UTF-16 without a BOM when every other byte is NUL; ``invalid UTF-8 at
   byte N`` when the file is UTF-8 text up to damage that comes before the NULs;
   a few stray NULs (one byte in a hundred at most) in UTF-8 text are text's, cleaned
   away with a warning; otherwise refused as binary;
4. strict UTF-8;
5. not UTF-8: refused as ``invalid UTF-8 at byte N`` when the file is UTF-8 with a few
   bad bytes (damage, not a legacy file: well-formed multi-byte sequences outnumber the
   bad bytes twenty to one; a saved page with a handful of stray bytes is read with
   U+FFFD for them, as a browser shows it); else a legacy encoding: the page's declared
   ``<meta charset>`` when its bytes fit it, else charset-normalizer's guess for
   non-Latin scripts, else windows-1252 (a warning names the encoding);
6. mojibake (UTF-8 that was read as windows-1252 upstream, ``cafÃ©``) is repaired by
   ftfy, with a warning.
"""

from __future__ import annotations

import codecs
import re

from briefs.errors import SeedError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"), (b"MZ\x90\x00", "executable"),
    (b"RIFF", "RIFF media"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"), (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"wOFF", "web font"), (b"wOF2", "web font"), (b"SQLite format 3\x00", "SQLite database"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
                           re.IGNORECASE)
# Scripts charset-normalizer may name for a legacy page; any other guess (a Latin
# code page picked on a few accented letters) is taken as windows-1252.
_LATIN = {"cp1252", "cp1250", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2",
          "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
          "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish",
          "cp437", "cp850", "cp858", "hp_roman8", "ascii", "utf_8", "cp1125"}
# A UTF-8 lead byte read as windows-1252 (Â..ß, à..ï) followed by a continuation byte
# read the same way (0x80-0xBF: the windows-1252 punctuation block or U+00A0-U+00BF).
_CONTINUATION = ("\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
                 "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
                 "\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
_MOJIBAKE = re.compile(f"[\u00c2-\u00ef][{_CONTINUATION}]")
# "â€" whose third byte (0x9D, undefined in windows-1252) was lost on the way: a ”.
_LOST_RIGHT_QUOTE = re.compile("â€(?=[\\s.,;:!?)\\]'\"]|$)")


NUL_SHARE = 100  # a UTF-8 text may hold one NUL in this many bytes, as strays
MAX_STRAY_BYTES = 8  # in a saved page, at most this many (or 1 in 10,000) replaced


def decode(data: bytes, shown: str, *, html: bool = False) -> tuple[str, list[str]]:
    """Bytes to text, with warnings. Raises ``SeedError`` naming why it is not text."""
    notes: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), notes
            except UnicodeDecodeError as exc:
                raise SeedError(shown, f"invalid {codec.upper()} at byte {exc.start}") from exc
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise SeedError(shown, f"binary file ({what}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _not_utf8(data, shown, exc, notes, html)
    else:
        # Stray NULs in a text (a page's icon glyphs copied as U+0000) are cleaned away
        # later, with a warning; more than one byte in a hundred means binary.
        if text.count("\x00") > max(2, len(data) // NUL_SHARE):
            text = _with_nuls(data, shown, None)
    return _repair(text, notes), notes


def _with_nuls(data: bytes, shown: str, bad: int | None) -> str:
    """Text with NUL bytes: UTF-16 without a BOM, damaged UTF-8, or binary."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (len(sample) >= 4 and zeros.count(0) >= 0.9 * len(zeros)
                and chars.count(0) <= 0.1 * len(chars)):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    first_nul = data.index(b"\x00")
    if bad is not None and 0 < bad <= first_nul and _looks_like_text(data[:bad]):
        raise SeedError(shown, f"invalid UTF-8 at byte {bad}")
    raise SeedError(shown, "binary file (NUL bytes), not text")


def _looks_like_text(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return printable >= 0.95 * len(text)


def _not_utf8(data: bytes, shown: str, exc: UnicodeDecodeError, notes: list[str],
              html: bool) -> str:
    """Decode bytes that are not UTF-8: a legacy page, damaged UTF-8, or binary."""
    if b"\x00" in data:
        return _with_nuls(data, shown, exc.start)
    replaced, bad = _as_browser_reads_utf8(data)
    good = _utf8_multibyte_count(data)
    if good >= 3 and bad <= max(MAX_STRAY_BYTES, DAMAGE_SHARE * good):
        if html and bad <= max(MAX_STRAY_BYTES, len(data) // 10_000):
            # A saved page in UTF-8 with a few stray bytes of another encoding (a widget,
            # a comment, a footer): a browser shows U+FFFD for them and the article still
            # reads.
            more = f" and {bad - 1} more place(s)" if bad > 1 else ""
            notes.append(f"not valid UTF-8 at byte {exc.start}{more}; "
                         "replaced by U+FFFD, as a browser shows them")
            return replaced
        raise SeedError(shown, f"invalid UTF-8 at byte {exc.start}") from exc
    encoding = _declared(data) if html else None
    text = _decoded(data, encoding) if encoding else None
    if encoding is None or text is None:
        encoding = _guess(data)
        text = _decoded(data, encoding)
        if good >= 3 and (encoding == "cp1252" or text is None):
            # UTF-8 with many bad bytes: damaged, not a legacy file (a legacy CJK file
            # forms a few UTF-8 sequences by chance, and its encoding is found)
            raise SeedError(shown, f"invalid UTF-8 at byte {exc.start}") from exc
    if text is None:
        encoding = "cp1252"
        text = _decoded(data, encoding)
        if text is None:
            raise SeedError(shown, f"invalid UTF-8 at byte {exc.start}") from exc
    if sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f") > 0.01 * len(text):
        raise SeedError(shown, "binary file (control bytes), not text")
    notes.append(f"not valid UTF-8 at byte {exc.start}; decoded as {_web_name(encoding)}")
    return text


def _decoded(data: bytes, encoding: str) -> str | None:
    """``data`` read in ``encoding``, or ``None`` when it is not well-formed there."""
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


DAMAGE_SHARE = 0.05  # UTF-8 with at most this many bad bytes per good sequence is damaged


def _as_browser_reads_utf8(data: bytes) -> tuple[str, int]:
    """``data`` read as UTF-8 with U+FFFD for each place that is not, and how many such
    places there are."""
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")


# A declared label read as browsers read it (the WHATWG Encoding Standard): the superset
# of the encoding named, as pages declare GB2312 and write GBK, or say ISO-8859-1 and
# write windows-1252 quotes.
_AS_BROWSERS_READ = {"gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252",
                     "ascii": "cp1252", "iso8859-9": "cp1254", "big5": "big5hkscs",
                     "shift_jis": "cp932", "euc_kr": "cp949", "tis-620": "cp874",
                     "iso8859-11": "cp874"}


# Python's codecs that no browser knows: a page declaring one is read as if it declared
# nothing ("undefined" fails on every byte; "unicode_escape" would turn the text
# "\u003cscript\u003e" into markup; utf-7, which browsers dropped, can make half a
# character).
_NOT_FOR_PAGES = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "utf-7",
                            "punycode", "idna", "palmos", "mbcs", "oem"})


def page_encoding(label: str) -> str | None:
    """The Python codec for a charset a page or its web archive declares, read as
    browsers read it; ``None`` for a label no browser would honour."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name in _NOT_FOR_PAGES or not getattr(info, "_is_text_encoding", True):
        return None
    return _AS_BROWSERS_READ.get(info.name, info.name)


def _declared(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB, if a browser knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = page_encoding(match[1].decode("ascii"))
    return None if name == "utf-8" else name


def _guess(data: bytes) -> str:
    """charset-normalizer's guess for a non-Latin legacy encoding, else windows-1252."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return "cp1252"
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name in _LATIN:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return best.encoding
    return best.encoding


def _web_name(encoding: str) -> str:
    """``windows-1252`` for Python's ``cp1252``, as browsers and users name it."""
    name = codecs.lookup(encoding).name
    if re.fullmatch(r"cp12\d\d", name):
        return "windows-" + name[2:]
    return name


def _utf8_multibyte_count(data: bytes) -> int:
    """How many well-formed multi-byte UTF-8 sequences ``data`` holds."""
    count = i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        width = (2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF
                 else 4 if 0xF0 <= b <= 0xF4 else 0)
        if width and i + width <= n and all(0x80 <= c <= 0xBF for c in data[i + 1 : i + width]):
            count += 1
            i += width
        else:
            i += 1
    return count


def _repair(text: str, notes: list[str]) -> str:
    """Repair mojibake (UTF-8 read as windows-1252 somewhere upstream), line by line:
    only lines holding a telltale pair go through ftfy, so big pages stay fast."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not _MOJIBAKE.search(line):
            continue
        marked = _LOST_RIGHT_QUOTE.sub("â€\x9d", line)
        fixed = str(ftfy.fix_encoding(marked))
        if fixed != marked and "â€\x9d" not in fixed:
            lines[i] = fixed
            changed = True
    if not changed:
        return text
    notes.append("mojibake repaired (UTF-8 text had been decoded as windows-1252 upstream)")
    return "\n".join(lines)
