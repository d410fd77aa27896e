"""Stage 1, read: find the seeds, refuse unusable files, decode bytes to text.

A seed is a text dump (``.txt``), a saved page (``.html``/``.htm``, or a browser's web
archive: ``.mhtml``/``.mht``, :mod:`.mhtml`; Safari's ``.webarchive``,
:mod:`.webarchive`), a Markdown file with front matter (``.md``) or an article a
scraper saved as JSON (``.json``). An optional sidecar ``x.yml`` beside ``x.txt``
carries what the text cannot say (url, date, byline, site_name...); it wins over the text.

Refused, each with its own reason: symlinks, files over the size limit of their kind
(before reading them), empty files, whitespace-only files and binary files. Decoding is
:mod:`.decode`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from briefs import yaml_load
from briefs.errors import SeedError
from briefs.files import NotRegular, TooLarge, read_regular, utf8_name
from briefs.read import mhtml, webarchive
from briefs.read.decode import decode, page_encoding

__all__ = ["SEED_SUFFIXES", "Seed", "Survey", "decode", "kind_of", "read_seed",
           "saved_files_note", "survey"]

ARCHIVE_SUFFIXES = (*mhtml.SUFFIXES, *webarchive.SUFFIXES)
SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".json", *ARCHIVE_SUFFIXES)
SIDECAR_SUFFIXES = (".yml", ".yaml")
MB = 1024 * 1024
MAX_BYTES = 2 * MB
# A saved news page carries its scripts, styles and inline images: 3 of 258 real pages of
# fundus's test set (40 countries) are over 2 MB, the largest 2.2 MB.
MAX_HTML_BYTES = 8 * MB
# A web archive carries the page's images too (base64, a third larger than the files).
MAX_ARCHIVE_BYTES = 32 * MB
# So does a page saved as one HTML file with its images and fonts inline ("data:"
# addresses; SingleFile's saves): read up to the archive limit, the inline files set
# aside, what is left must be within the page limit.
_INLINE_FILE = re.compile(rb"data:[\w.+-]+/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,"
                          rb"[A-Za-z0-9+/=\s]{1024,}")
# Everyday names a sidecar may use for two of the fields: ``outlet: Reuters``.
SIDECAR_ALIASES = {"outlet": "site_name", "author": "byline"}
SIDECAR_KEYS = ("title", "date", "byline", "site_name", "url", "lang", "categories",
                "tags", "summary", "description", "draft", *SIDECAR_ALIASES)


@dataclass(frozen=True)
class Seed:
    """A seed file read and decoded, before anything is taken out of it."""

    path: str  # as shown to the user: relative to the project root when possible
    kind: str  # "text", "html", "markdown" or "json"
    text: str
    raw_sha: str  # sha256 of the bytes (and the sidecar's): the hash for incremental runs
    sidecar: dict[str, Any] = field(default_factory=dict)
    sidecar_shown: str = ""  # the sidecar's path as shown (``seeds/x.yaml``), when there is one
    notes: tuple[str, ...] = ()  # warnings for the CLI, e.g. "decoded as windows-1252"
    saved_from: str | None = None  # a web archive's address, when the page names none


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", *ARCHIVE_SUFFIXES):
        return "html"
    if suffix == ".md":
        return "markdown"
    if suffix == ".json":
        return "json"
    return "text"


@dataclass(frozen=True)
class Survey:
    """What one walk of the seeds folder found (see ``survey``)."""

    seeds: list[Path]  # every seed file, sorted by path; dotfiles and sidecars skipped
    # the files read as no seed, each with why: another kind of file (``article.xhtml``,
    # ``notes``), a folder's README, or a sidecar whose seed is not there (dotfiles, such
    # as ``.gitkeep`` or an editor's swap file, are left out); and a sidecar read for two
    # seeds or more (``x.txt`` and ``x.html``), each named
    skipped: list[tuple[Path, str]]
    # the folders that hold a saved page's own files, each with its page: not read, as
    # their frames and scripts are no articles (see ``_page_folder``)
    page_folders: list[tuple[Path, Path]]


def survey(seeds_dir: Path) -> Survey:
    """The seeds under ``seeds_dir``, the files skipped and the saved pages' folders,
    in one walk."""
    walked, folders, passed = _walk(seeds_dir)
    return Survey([path for path, seed in walked if seed],
                  sorted(_skipped(walked) + passed), folders)


def _skipped(walked: list[tuple[Path, bool]]) -> list[tuple[Path, str]]:
    out = []
    # the sidecars read, each with its seeds: found when one is there
    read: dict[Path | None, list[Path]] | None = None
    for path, seed in walked:
        if seed:
            continue
        if _is_readme(path):
            out.append((path, "a folder's README, not a seed; skipped"))
        elif path.suffix.lower() in SIDECAR_SUFFIXES:
            if read is None:
                read = {}
                for p, s in walked:
                    if s:
                        read.setdefault(sidecar_path(p), []).append(p)
            if path not in read:
                out.append((path, _unread_sidecar(path, read)))
            elif len(read[path]) > 1:  # "amb.txt" and "amb.html" beside "amb.yml"
                names = ", ".join(p.name for p in read[path])
                out.append((path, f"sidecar read for {len(read[path])} seeds ({names}), "
                                  "each takes its fields; give each seed a name of its own"))
        else:
            out.append((path, f"not a seed ({', '.join(SEED_SUFFIXES)}); skipped"))
    return out


def _unread_sidecar(path: Path, read: Container[Path | None]) -> str:
    """Why the sidecar ``path`` is read for no seed (an editor's change there would be
    lost without a word)."""
    if not any(_is_file(path.with_suffix(s)) for s in SEED_SUFFIXES):
        return "sidecar without a seed of the same name; skipped"
    if path.suffix not in SIDECAR_SUFFIXES:  # ``x.YML``
        return f"a sidecar's name ends in {' or '.join(SIDECAR_SUFFIXES)}; skipped"
    for other in SIDECAR_SUFFIXES:
        if path.with_suffix(other) in read:
            return f"sidecar {path.with_suffix(other).name} is read instead; skipped"
    return "sidecar read for no seed; skipped"


def saved_files_note(page: str) -> str:
    """What a run says of a saved page's folder of files (``page`` as shown)."""
    return f"the files a browser saved with {page} (frames, scripts, images); not read as seeds"


def _walk(seeds_dir: Path) -> tuple[list[tuple[Path, bool]], list[tuple[Path, Path]],
                                    list[tuple[Path, str]]]:
    """Every file under ``seeds_dir`` but dotfiles and saved pages' folders, sorted by
    path, and whether it is a seed by its name; then the saved pages' folders; then what
    the walk passes over that could hold an article, each with why: a link to a folder
    (never followed) and a hidden file named as a seed (``.draft.txt``; other dotfiles,
    ``.gitkeep`` or an editor's swap file, are left out in silence)."""
    found = []
    folders = []
    passed = []
    for root, dirs, files in os.walk(seeds_dir):
        pages = {Path(n).stem: Path(root) / n for n in files
                 if n.lower().endswith(_PAGE_SUFFIXES) and not n.startswith(".")}
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            page = _page_folder(name, pages)
            if os.path.islink(os.path.join(root, name)):
                passed.append((Path(root) / name, "a link to a folder, not followed; skipped"))
            elif page is None:
                kept.append(name)
            else:
                folders.append((Path(root) / name, page))
        dirs[:] = kept
        for name in files:
            path = Path(root) / name
            if not name.startswith("."):
                found.append((path, name.lower().endswith(SEED_SUFFIXES)
                              and not _is_readme(path)))
            elif name.lower().endswith(SEED_SUFFIXES) and not path.is_symlink():
                passed.append((path, "a hidden file (its name starts with a dot), not "
                                     "read as a seed; skipped"))
    return sorted(found), sorted(folders), passed


# "Save page as: web page, complete" puts the page's images, styles, scripts and frames
# (each frame an HTML file: an advertisement, an embedded post) in a folder beside it:
# "<page>_files" in English, a translated word in other languages' Firefox.
_PAGE_SUFFIXES = (".html", ".htm")
_FOLDER_WORDS = frozenset({
    "files", "dateien", "fichiers", "archivos", "arquivos", "file", "bestanden", "filer",
    "pliki", "soubory", "súbory", "tiedostot", "fájlok", "datoteke", "fitxers", "failid",
    "faili", "failai", "αρχεία", "файлы", "файли", "dosyalar", "ファイル", "文件", "檔案",
})


def _page_folder(name: str, pages: dict[str, Path]) -> Path | None:
    """The saved page whose own files the folder ``name`` beside it holds: named for the
    page with ``_``/``-`` and the word for files, or with another word when the page's
    links point into it (a translation not listed in ``_FOLDER_WORDS``)."""
    for stem, page in pages.items():
        if len(name) <= len(stem) + 1 or not name.startswith(stem) or \
                name[len(stem)] not in "_-":
            continue
        if name[len(stem) + 1 :].casefold() in _FOLDER_WORDS or _links_into(page, name):
            return page
    return None


def _links_into(page: Path, folder: str) -> bool:
    """``page`` refers to files in ``folder`` (``src="./x_files/a.js"``), as a browser
    writes a page it saved with its files."""
    try:
        data = read_regular(page, MAX_HTML_BYTES)
    except (OSError, NotRegular, TooLarge):
        return False
    return any(f"{spelt}/".encode() in data for spelt in {folder, quote(folder)})


def _is_readme(path: Path) -> bool:
    """``README.md``, ``readme.txt``: notes about the folder, not an article."""
    return path.stem.casefold() == "readme"


def read_seed(path: Path, shown: str) -> Seed:
    """Read one seed: refuse symlinks, empty, huge and binary files; decode; load a sidecar."""
    if path.is_symlink():
        raise SeedError(shown, "symlink refused (seeds must be regular files)")
    if not utf8_name(shown):
        # (its bytes are kept as surrogates, which no brief name, state file or page holds)
        raise SeedError(shown, "file name is not valid UTF-8; rename the file")
    kind = kind_of(path)
    archive = path.suffix.lower() in ARCHIVE_SUFFIXES
    limit = MAX_ARCHIVE_BYTES if archive or kind == "html" \
        else MAX_HTML_BYTES if kind == "json" else MAX_BYTES  # (JSON may hold a page)
    try:
        data = read_regular(path, limit)
    except NotRegular as exc:
        raise SeedError(shown, f"not a regular file ({exc.kind}); refused") from exc
    except TooLarge as exc:
        raise SeedError(shown, f"{exc.size} bytes exceeds {limit // MB} MB limit") from exc
    except OSError as exc:
        raise SeedError(shown, f"cannot read: {exc.strerror}") from exc
    if not data:
        raise SeedError(shown, "empty file")
    raw = data
    notes: list[str] = []
    if kind == "html" and not archive and len(data) > MAX_HTML_BYTES:
        data = _INLINE_FILE.sub(b"data:,", data)
        if len(data) > MAX_HTML_BYTES:
            raise SeedError(shown, f"{len(raw)} bytes exceeds {MAX_HTML_BYTES // MB} MB limit "
                            f"({len(data)} without its inline images and fonts)")
        notes.append(f"its inline images and fonts ({(len(raw) - len(data)) / MB:.1f} MB) "
                     "set aside")
    saved_from = None
    if archive:
        reader = webarchive if path.suffix.lower() in webarchive.SUFFIXES else mhtml
        page = reader.page_of(data, shown)
        text, found = _archived_page(page, shown)
        saved_from = page.url
    else:
        text, found = decode(data, shown, html=kind == "html")
    notes.extend(found)
    if not text.strip():
        raise SeedError(shown, "blank file (only whitespace)")
    kind = _sniffed(kind, text, notes)
    side = sidecar_path(path)
    side_shown = str(Path(shown).with_suffix(side.suffix)) if side is not None else ""
    side_bytes, sidecar = _read_sidecar(side, side_shown) if side is not None else (None, {})
    return Seed(path=shown, kind=kind, text=text,
                raw_sha=_content_hash(raw, side_bytes), sidecar=sidecar,
                sidecar_shown=side_shown, notes=tuple(notes), saved_from=saved_from)


def _archived_page(page: mhtml.Archived, shown: str) -> tuple[str, list[str]]:
    """The page inside a web archive, decoded in the charset its part declares (when the
    bytes fit it), else as any saved page is."""
    html = page.html
    encoding = page_encoding(page.charset) if page.charset else None
    if encoding:
        with contextlib.suppress(UnicodeError):
            html = html.decode(encoding).encode("utf-8")  # then repaired as any page is
    return decode(html, shown, html=True)


# A saved page, whatever its name says: it opens with a doctype or <html>/<head> tag
# (after comments and an XML declaration).
_PAGE_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
                         r"(?:<!doctype\s+html|<html[\s>]|<head[\s>])", re.IGNORECASE | re.DOTALL)
# A closing tag of what pages are made of: a "page" with none is text (a dump may quote a
# tag, as in "Allowed HTML tags: <em> <p>", but does not close it).
_CLOSING_TAG = re.compile(r"</(?:html|head|body|div|p|span|a|h[1-6]|table|td|li|title|article)"
                          r"\s*>", re.IGNORECASE)


def _sniffed(kind: str, text: str, notes: list[str]) -> str:
    """The seed's kind by its content where its name says otherwise: a page saved as
    ``.txt`` is read as HTML, a text dump saved as ``.html`` as text (with a note)."""
    if kind == "text" and _PAGE_START.match(text[:4096]):
        notes.append("an HTML page by its content; read as HTML")
        return "html"
    if kind == "html" and not _CLOSING_TAG.search(text) and not _PAGE_START.match(text[:4096]):
        notes.append("no HTML markup in it; read as a text dump")
        return "text"
    return kind


def _content_hash(data: bytes, sidecar: bytes | None) -> str:
    """The seed's hash; with a sidecar, over both, so editing the sidecar alone updates
    the brief (a seed without one hashes as it always did)."""
    digest = hashlib.sha256(data)
    if sidecar is not None:
        digest.update(b"\0sidecar\0" + sidecar)
    return digest.hexdigest()


def sidecar_path(path: Path) -> Path | None:
    """The sidecar beside ``path`` (``x.yml``, else ``x.yaml``), or ``None``: anything of
    that name, so that one which cannot be read (a symlink, a named pipe, a folder) is
    refused by name with its seed, not passed over (a ``draft: true`` in it would be
    lost, and the article published). A seed whose name is as long as a name may be (255
    bytes) has none: its sidecar's name would be longer (``lexists`` is false for it)."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if os.path.lexists(candidate):
            return candidate
    return None


def _is_file(path: Path) -> bool:
    """``path.is_file()``, false for a name too long to ask about."""
    try:
        return path.is_file()
    except OSError:
        return False


def _read_sidecar(side: Path, side_shown: str) -> tuple[bytes, dict[str, Any]]:
    """The sidecar's bytes (for the seed's hash) and its mapping; read once. Unknown keys
    are an error."""
    if side.is_symlink():
        raise SeedError(side_shown, "sidecar is a symlink; refused (copy the file there)")
    try:
        data = read_regular(side, MAX_BYTES)
        text = data.decode("utf-8")
    except TooLarge as exc:
        raise SeedError(side_shown, f"sidecar of {exc.size} bytes exceeds "
                                    f"{MAX_BYTES // MB} MB limit") from exc
    except UnicodeDecodeError as exc:
        raise SeedError(side_shown, f"sidecar is not UTF-8 (invalid byte at {exc.start})") \
            from exc
    except NotRegular as exc:
        raise SeedError(side_shown, f"sidecar is not a regular file ({exc.kind}); "
                                    "refused") from exc
    except OSError as exc:
        raise SeedError(side_shown, f"cannot read sidecar: {exc.strerror or exc}") from exc
    try:
        return data, yaml_load.load_mapping(text, SIDECAR_KEYS, noun="sidecar")
    except yaml_load.MappingError as exc:
        raise SeedError(side_shown, str(exc)) from exc
