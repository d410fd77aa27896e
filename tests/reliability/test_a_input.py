"""A. Input decoding and file hygiene, end to end (RELIABILITY.md A1-A8).

Decoding itself belongs to ``briefs.read`` (tested there); here each case checks what
the curator sees: the file named in the message, the other seeds still published, the
exit code, and the built site safe.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.kit import PARA, article, briefs_of, build, convert, lines, text_seed

TITLE = "Council agrees on the budget for next year"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n"
       b"-\xb4\x00\x00\x00\x00IEND\xaeB`\x82")


def good(root: Path) -> None:
    text_seed(root, "good", TITLE, PARA, article(1))


def dump(title: str, *paragraphs: str) -> str:
    return "World News\n\n" + title + "\n\n" + "\n\n".join((PARA, *paragraphs)) + "\n"


def test_a1_bom_and_utf16_seeds_convert_to_utf8_without_bom(project) -> None:
    root = project()
    (root / "seeds" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + dump(
        "Caf\u00e9 owners welcome the budget", article(2)).encode())
    (root / "seeds" / "u16.txt").write_bytes(dump(
        "Ferry owners welcome the budget", article(3)).encode("utf-16"))
    result = convert(root)
    assert result.returncode == 0, result.stderr
    texts = [p.read_bytes() for p in briefs_of(root)]
    assert len(texts) == 2 and not any(t.startswith(b"\xef\xbb\xbf") for t in texts)
    assert any("title: Café owners welcome the budget" in t.decode() for t in texts)


def test_a2_cp1252_and_mojibake_are_repaired_with_warnings(project) -> None:
    root = project()
    (root / "seeds" / "cp.txt").write_bytes(dump(
        "\u201cSmart\u201d caf\xe9 owners welcome the budget", article(4)).encode("cp1252"))
    (root / "seeds" / "moji.txt").write_text(dump(
        "The cafÃ© said â€œhiâ€\x9d to the council today", article(5)), encoding="utf-8")
    result = convert(root)
    assert result.returncode == 0, result.stderr
    warnings = lines(result, "WARNING")
    assert any(w.startswith("WARNING seeds/cp.txt: not valid UTF-8 at byte ")
               and "; decoded as " in w for w in warnings), warnings
    # (which legacy code page is named is read.py's business: here cp1250 and
    # windows-1252 give the same text for these bytes)
    assert any(w.startswith("WARNING seeds/moji.txt: mojibake repaired") for w in warnings)
    text = "".join(p.read_text("utf-8") for p in briefs_of(root))
    assert "“Smart” café" in text and "The café said “hi”" in text


def test_a3_invalid_utf8_seed_and_cp1252_brief(project) -> None:
    root = project()
    good(root)
    (root / "seeds" / "bad.txt").write_bytes(
        dump("Café owners welcome the budget", "Ünïcödé " * 5 + article(6)).encode()
        .replace(b"budget", b"bud\xff\xfe\x00get", 1))
    result = convert(root)
    assert result.returncode == 1
    (error,) = lines(result, "ERROR")
    assert error.startswith("ERROR seeds/bad.txt: invalid UTF-8 at byte ")
    assert len(briefs_of(root)) == 1
    (root / "docs" / "briefs" / "y.md").write_bytes(
        "---\ntitle: Caf\u00e9\ndate: 2024-01-02\n---\n\nCaf\u00e9.\n".encode("cp1252"))
    built = build(root)
    assert built.returncode == 1 and not (root / "site").exists()
    assert "ERROR docs/briefs/y.md: not UTF-8 (invalid byte at 14)" in lines(built, "ERROR")


def test_a4_empty_blank_and_binary_files_each_get_their_reason(project) -> None:
    root = project()
    good(root)
    (root / "seeds" / "empty.txt").write_bytes(b"")
    (root / "seeds" / "blank.txt").write_bytes(b"  \n\t\n   \n")
    (root / "seeds" / "image.txt").write_bytes(PNG)
    (root / "seeds" / "nuls.txt").write_bytes(b"\x00" * 64)
    result = convert(root)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR seeds/blank.txt: blank file (only whitespace)",
        "ERROR seeds/empty.txt: empty file",
        "ERROR seeds/image.txt: binary file (PNG image), not text",
        "ERROR seeds/nuls.txt: binary file (NUL bytes), not text"]
    assert len(briefs_of(root)) == 1


def test_a5_huge_seed_is_refused_without_reading_it(project) -> None:
    root = project()
    good(root)
    with open(root / "seeds" / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    def limit() -> None:  # the 50 MB file must never be read into memory
        resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024,) * 2)

    result = subprocess.run([sys.executable, "-m", "briefs", "convert"], cwd=root,
                            capture_output=True, text=True, timeout=60, preexec_fn=limit,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR seeds/huge.txt: 52428800 bytes exceeds 2 MB limit"]
    assert len(briefs_of(root)) == 1


@pytest.mark.parametrize("body", ["[" * 20000, "<a " * 20000, "- " * 3000],
                         ids=["brackets", "anchors", "dashes"])
def test_a6_pathological_text_converts_and_builds(project, body: str) -> None:
    root = project()
    good(root)
    text_seed(root, "patho", "Pathological text arrives at the council", PARA, body)
    result = build(root, timeout=60)
    assert "RecursionError" not in result.stderr + result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(briefs_of(root)) == 2


def article_html(inside: str = "", after: str = "") -> str:
    """A saved page: the article (five paragraphs), ``inside`` it after them, ``after`` it."""
    paragraphs = "".join(f"<p>{article(n)}</p>" for n in range(5))
    return ("<html><head><title>Council agrees on the budget</title></head><body><article>"
            f"<h1>Council agrees on the budget</h1>{paragraphs}{inside}</article>{after}"
            "</body></html>")


HTML_SHAPES = {  # each just under MAX_ELEMENTS: 58,000 elements in one paragraph or table
    "spans": ("<p>" + "<span>word</span> " * 58000 + "</p>", ""),
    "images": ("", "<p>" + 'word <img src="x.png"> ' * 58000 + "</p>"),
    "fields": ("", "<p>" + "word <input> " * 58000 + "</p>"),
    "table": ("", "<table>" + ("<tr>" + "<td>cell text</td>" * 100 + "</tr>") * 570
              + "</table>"),
}


@pytest.mark.parametrize("shape", sorted(HTML_SHAPES))
def test_a6_pathological_html_converts_and_builds(project, shape: str) -> None:
    """Pages whose reading time grew with the square of their elements; extracting
    each took, before: a paragraph of 58,000 <span> words 53 s (trafilatura's XPath over
    its text nodes), one of words between images 57 s (the same, and htmldate's), one
    of form fields 11 s (our own removal of hidden elements), a table of 57,000 cells
    179 s (jusText, trafilatura's fallback). Now 0.3 to 1.4 s each."""
    root = project()
    good(root)
    inside, after = HTML_SHAPES[shape]
    (root / "seeds" / "patho.html").write_text(article_html(inside, after), encoding="utf-8")
    result = build(root, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(briefs_of(root)) == 2


def test_a6_a_page_of_too_many_elements_is_refused_by_name(project) -> None:
    root = project()
    good(root)
    (root / "seeds" / "huge.html").write_text(article_html(after="<div></div>" * 300000),
                                              encoding="utf-8")
    result = convert(root, timeout=60)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR seeds/huge.html: 300011 HTML elements, over the 60000 a page is read with; "
        "refused"]
    assert len(briefs_of(root)) == 1


def test_a7_symlinks_in_seeds_and_docs_are_refused(project) -> None:
    root = project()
    good(root)
    (root / "seeds" / "evil.txt").symlink_to("/etc/passwd")
    result = convert(root)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR seeds/evil.txt: symlink refused (seeds must be regular files)"]
    (root / "docs" / "leak.md").symlink_to("/etc/hostname")
    built = build(root)
    assert built.returncode == 1 and not (root / "site").exists()
    assert "ERROR docs/leak.md: symlink in docs/ refused" in lines(built, "ERROR")


def test_a7_named_pipes_in_seeds_and_docs_are_refused_without_waiting(project) -> None:
    """A named pipe where a seed or page should be: reading it would wait for a writer
    for ever (a hung run, seen here). Refused by name; the other seeds still publish."""
    root = project()
    good(root)
    os.mkfifo(root / "seeds" / "pipe.txt")
    result = convert(root, timeout=60)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR seeds/pipe.txt: not a regular file (a named pipe); refused"]
    assert len(briefs_of(root)) == 1
    os.mkfifo(root / "docs" / "briefs" / "pipe.md")
    os.mkfifo(root / "docs" / "extra.css")  # MkDocs would copy it into the site
    built = build(root, timeout=120)
    assert built.returncode == 1 and not (root / "site").exists()
    refused = "not a regular file (a named pipe) in docs/; refused"
    assert {f"ERROR docs/briefs/pipe.md: {refused}", f"ERROR docs/extra.css: {refused}"} \
        <= set(lines(built, "ERROR"))


def test_a7_odd_file_names_are_named_on_one_line(project) -> None:
    """A file's name may hold a line break, an escape sequence or bytes that are not
    UTF-8: each message stays one line, with them escaped; a name that is not UTF-8 is
    refused (no brief, URL or state file can hold it), and the others still publish."""
    root = project()
    good(root)
    seeds = os.fsencode(root / "seeds")
    text_seed(root, "twice", TITLE, PARA, article(1))
    os.rename(root / "seeds" / "twice.txt", root / "seeds" / "new\nline.txt")
    raw = dump("Ferry owners welcome the budget", article(7)).encode()
    with open(seeds + b"/bad\xff\x1b[31mname.txt", "wb") as handle:
        handle.write(raw)
    result = convert(root)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert lines(result, "ERROR") == [
        "ERROR seeds/bad\\udcff\\x1b[31mname.txt: file name is not valid UTF-8; rename the file"]
    assert lines(result, "WARNING") == [
        "WARNING seeds/new\\nline.txt: duplicate of seeds/good.txt; no brief written"]
    assert len(briefs_of(root)) == 1
    # An editor's page under such a name: the build refuses it by name, before MkDocs.
    os.remove(seeds + b"/bad\xff\x1b[31mname.txt")
    page = briefs_of(root)[0].read_bytes()
    with open(os.fsencode(root / "docs" / "briefs") + b"/copy\xff.md", "wb") as handle:
        handle.write(page)
    built = build(root)
    assert built.returncode == 1 and not (root / "site").exists()
    assert "ERROR docs/briefs/copy\\udcff.md: file name is not valid UTF-8; rename the file" \
        in lines(built, "ERROR")


def test_a8_html_seed_script_style_comment_hidden_and_entity_text(project, control) -> None:
    from tests.xss_oracle import site_problems

    root = project()
    (root / "seeds" / "page.html").write_text(
        "<html><head><title>Council agrees on the budget</title>"
        "<style>.x{color:red}</style><script>var leak='a8-script';</script></head><body>"
        "<article><h1>Council agrees on the budget for next year</h1>"
        f"<p>{PARA}</p><!-- a8-comment --><p hidden>a8-hidden text</p>"
        "<p>The sign said &lt;img src=x onerror=alert(1)&gt; and residents laughed at it, "
        "then went home to read the rest of the long report about the budget.</p>"
        f"<p>{article(8)}</p></article></body></html>", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    (brief,) = briefs_of(root)
    text = brief.read_text("utf-8")
    assert "a8-script" not in text and "a8-comment" not in text and ".x{" not in text
    page = (root / "site" / "briefs" / brief.stem / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert site_problems(root / "site", control) == []


def test_a6_pathological_markdown_pasted_into_a_brief_builds(project) -> None:
    """An editor's paste into a brief is rendered as written, but Python-Markdown took
    36 s for a paragraph of 20,000 "[", 69 s for 20,000 "![", and a list indented 500
    deep ended the build in RecursionError. Such paragraphs are made safe before they
    are rendered; their text still reaches the page."""
    root = project()
    good(root)
    assert convert(root).returncode == 0
    (brief,) = briefs_of(root)
    nested = "\n".join("  " * depth + f"- level {depth}" for depth in range(500))
    with brief.open("a", encoding="utf-8") as handle:
        handle.write("\n" + "[" * 20000 + "\n\n" + "![" * 20000 + "\n\n" + nested + "\n")
    result = build(root, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    page = next((root / "site" / "briefs").glob("*/index.html")).read_text(encoding="utf-8")
    assert "level 0" in page and "level 499" in page
    assert page.count("[") >= 20000
