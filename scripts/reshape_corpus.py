#!/usr/bin/env python3
"""Copy a corpus with its pages dumped the way other tools save a page, to score them.

People scrape news in more shapes than "select all, copy". For each case of CORPUS
(``cases/<id>/source.html`` and ``truth.json``), this writes ``OUT/cases/<id>/`` with
the same truth and a ``dump.txt`` in one SHAPE, made from the saved page by the
corpus's own ``tools/html2dump.py`` reader:

- ``lynx``: each block wrapped at 76 columns, its lines one under the other, a blank
  line between blocks (``lynx -dump``, ``w3m -dump``, an article sent as e-mail);
- ``br``: the same lines with a blank line after every one (a page that breaks its
  text with ``<br>`` at a fixed width, dumped line by line);
- ``lynx-refs``: as ``lynx -dump`` prints a page by default: each link's text after its
  number in brackets, paragraphs indented 3 spaces and wrapped at 76, list items one
  under the other, the numbered addresses under "References" at the end;
- ``markdown``: the whole page as Markdown, as scrapers that feed language models save
  it (Jina Reader, Firecrawl): headings as ``#``, links as ``[text](href)``, images as
  ``![alt](src)``, list items as ``- ``, emphasis as ``**`` and ``_``. Written as
  ``dump.txt`` and as ``page.md`` (``make eval`` scores ``dump.txt``).

These are imitations made here (no text browser or scraper runs), close to the real
tools' output in the ways that matter to the extractor: where lines break, what marks
links, what a page's menus look like.

    python scripts/reshape_corpus.py CORPUS OUT --shape lynx|br|lynx-refs|markdown \\
        [--tools ../shared/corpus/tools]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from build_dev_corpus import load_html2dump  # (beside this script)

WIDTH = 76
SHAPES = ("lynx", "br", "lynx-refs", "markdown")


def _wrapped(blocks: list[str], between: str) -> str:
    return "\n\n".join(between.join(textwrap.wrap(b, WIDTH) or [b]) for b in blocks) + "\n"


def _readers(hd: Any) -> tuple[type, type]:
    """Readers of a page built on html2dump's: one for lynx's numbered links, one for
    Markdown. Each gives ``(kind, text)`` blocks."""

    class Marked(hd._Dumper):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.kind: str | None = None
            self.marked: list[tuple[str | None, str]] = []
            self.hrefs: list[str] = []

        def _flush(self) -> None:
            text = hd.WS.sub(" ", "".join(self.buf)).strip()
            self.buf = []
            if text:
                self.marked.append((self.kind, text))
            self.kind = None

    class Lynx(Marked):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            super().handle_starttag(tag, attrs)
            if self.invisible:
                return
            href = dict(attrs).get("href")
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.kind = "h"
            elif tag == "li":
                self.kind = "li"
            elif tag == "a" and href:
                self.hrefs.append(href)
                self.buf.append(f"[{len(self.hrefs)}]")

    class Markdown(Marked):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = {k: v or "" for k, v in attrs}
            if tag == "img":
                if not self.invisible and found.get("src"):
                    self.buf.append(f"![{found.get('alt', '')}]({found['src']})")
                return
            super().handle_starttag(tag, attrs)
            if self.invisible:
                return
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.kind = "#" * int(tag[1]) + " "
            elif tag == "li":
                self.kind = "- "
            elif tag == "blockquote":
                self.kind = "> "
            elif tag == "a":
                self.buf.append("[")
                self.hrefs.append(found.get("href", ""))
            elif tag in ("strong", "b"):
                self.buf.append("**")
            elif tag in ("em", "i"):
                self.buf.append("_")

        def handle_endtag(self, tag: str) -> None:
            if not self.invisible:
                if tag == "a" and self.hrefs:
                    self.buf.append(f"]({self.hrefs.pop()})")
                elif tag in ("strong", "b"):
                    self.buf.append("**")
                elif tag in ("em", "i"):
                    self.buf.append("_")
            super().handle_endtag(tag)

    return Lynx, Markdown


def lynx_refs(reader: Any, html: str) -> str:
    reader.feed(html)
    reader.close()
    out: list[str] = []
    previous = None
    for kind, text in reader.marked:
        if kind == "h":
            out.append(text)
        elif kind == "li":
            item = "\n".join(textwrap.wrap(text, WIDTH, initial_indent="     * ",
                                           subsequent_indent="       "))
            if previous == "li":
                out[-1] += "\n" + item
                continue
            out.append(item)
        else:
            out.append("\n".join(textwrap.wrap(text, WIDTH, initial_indent="   ",
                                               subsequent_indent="   ")))
        previous = kind
    references = "\n".join(f"{k:4d}. {href}" for k, href in enumerate(reader.hrefs, 1))
    return "\n\n".join(out) + "\n\nReferences\n\n" + references + "\n"


def markdown(reader: Any, html: str) -> str:
    reader.feed(html)
    reader.close()
    return "\n\n".join((kind or "") + text for kind, text in reader.marked
                       if text != "[]()") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shape", choices=SHAPES, required=True)
    parser.add_argument("--tools", type=Path, default=Path("../shared/corpus/tools"))
    args = parser.parse_args()
    hd = load_html2dump(args.tools)
    if hd is None:
        raise SystemExit(f"{args.tools}/html2dump.py: not found")
    lynx_reader, markdown_reader = _readers(hd)
    written = 0
    for case in sorted((args.corpus / "cases").iterdir()):
        page = case / "source.html"
        if not page.is_file():
            continue
        html = hd.decode_html(page.read_bytes())
        if args.shape in ("lynx", "br"):
            dump = _wrapped(hd.html_to_blocks(html), "\n" if args.shape == "lynx" else "\n\n")
        elif args.shape == "lynx-refs":
            dump = lynx_refs(lynx_reader(), html)
        else:
            dump = markdown(markdown_reader(), html)
        folder = args.out / "cases" / case.name
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(case / "truth.json", folder / "truth.json")
        (folder / "dump.txt").write_text(dump, encoding="utf-8")
        if args.shape == "markdown":
            (folder / "page.md").write_text(dump, encoding="utf-8")
        written += 1
    print(f"wrote {written} cases to {args.out} ({args.shape})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
