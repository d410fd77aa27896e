"""Reading seeds: decoding, refusals with their own reasons, and sidecars."""

from __future__ import annotations

import codecs
import json
import os
import plistlib
import shutil
from pathlib import Path

import pytest

from briefs.clean import clean_text
from briefs.errors import SeedError
from briefs.extract import extract
from briefs.read import decode, read_seed
from briefs.record import Brief
from tests.conftest import FIXTURES
from tests.helpers import BARE_PARAGRAPHS, run_briefs

ARTICLE = ("Harbour plan approved after long debate\n\n"
           "The city council approved the harbour plan on Tuesday after a debate that "
           "lasted well into the night.\n\n"
           "The mayor said the plan would protect the old quay from flooding.\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_utf16_decode_to_the_same_text(tmp_path: Path) -> None:
    plain = read_seed(write(tmp_path, "a.txt", ARTICLE.encode()), "seeds/a.txt")
    for name, data in [("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode()),
                       ("le.txt", ARTICLE.encode("utf-16")),  # BOM + little endian
                       ("be.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
                       ("nobom.txt", ARTICLE.encode("utf-16-le"))]:
        seed = read_seed(write(tmp_path, name, data), f"seeds/{name}")
        assert seed.text == plain.text
        assert seed.notes == ()
        assert "\ufeff" not in seed.text


def test_windows_1252_falls_back_with_a_warning_naming_the_byte() -> None:
    data = b"\x93Smart\x94 caf\xe9 opens\n\nThe caf\xe9 opened on Monday.\n"
    text, notes = decode(data, "seeds/x.txt")
    assert text.startswith("“Smart” café opens")
    assert notes == ["not valid UTF-8 at byte 0; decoded as windows-1252"]


def test_legacy_cyrillic_is_detected() -> None:
    text, notes = decode("Новости дня: в Москве открылась новая станция метро.\n"
                         .encode("cp1251"), "seeds/x.txt")
    assert text.startswith("Новости дня")
    assert notes == ["not valid UTF-8 at byte 0; decoded as windows-1251"]


def test_html_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    data = (b'<html><head><meta charset="iso-8859-15"><title>Caf\xe9 \xa4</title></head>'
            b"<body></body></html>")
    text, notes = decode(data, "seeds/x.html", html=True)
    assert "Café €" in text
    first = data.index(b"\xe9")
    assert notes == [f"not valid UTF-8 at byte {first}; decoded as iso8859-15"]


@pytest.mark.parametrize("mojibake", ["The cafÃ© said â€œhiâ€ to us.",
                                      "The cafÃ© said â€œhiâ€\x9d to us."])
def test_mojibake_is_repaired_with_a_warning(mojibake: str) -> None:
    text, notes = decode(mojibake.encode(), "seeds/x.txt")
    assert text == "The café said “hi” to us."
    assert len(notes) == 1 and notes[0].startswith("mojibake repaired")


def test_correct_accents_are_left_alone() -> None:
    text = "Århus — Straße, naïve café “ok”, São Paulo, Łódź, Ørsted\n"
    assert decode(text.encode(), "seeds/x.txt") == (text, [])


def test_damaged_utf8_mid_file_is_rejected_naming_the_byte() -> None:
    head = "Café opens\n\nThe café opened. ".encode()
    data = head + b"\xff\xfe\x00 and more text\n"
    with pytest.raises(SeedError, match=rf"^seeds/x.txt: invalid UTF-8 at byte {len(head)}$"):
        decode(data, "seeds/x.txt")
    plain = b"Plain ASCII text that breaks \xff\xfe\x00 here\n"
    with pytest.raises(SeedError, match=r"invalid UTF-8 at byte 29$"):
        decode(plain, "seeds/x.txt")


def test_saved_page_with_a_few_stray_bytes_reads_with_a_warning() -> None:
    page = ("<html><body><h1>Café opens</h1><p>The café “opened” today.</p>"
            "<p>Küchenblogs</p></body></html>").encode()
    stray = page.replace("Küchen".encode(), b"K\xfcchen")  # one Latin-1 byte in UTF-8
    text, notes = decode(stray, "seeds/x.html", html=True)
    assert "The café “opened” today." in text
    assert "K\ufffdchenblogs" in text
    at = page.index("Küchen".encode()) + 1
    assert notes == [f"not valid UTF-8 at byte {at}; replaced by U+FFFD, as a browser "
                     "shows them"]
    # the same bytes in a text seed, and many stray bytes in a page, are refused
    with pytest.raises(SeedError, match=rf"^seeds/x.txt: invalid UTF-8 at byte {at}$"):
        decode(stray, "seeds/x.txt")
    damaged = page + b"<p>\xfc\xfc\xfc</p>" * 10
    with pytest.raises(SeedError, match=r"^seeds/x.html: invalid UTF-8 at byte \d+$"):
        decode(damaged, "seeds/x.html", html=True)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t\n   \n", "blank file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (PNG image), not text"),
    (b"\x00" * 64, "binary file (NUL bytes), not text"),
    (b"text\x00with\x00nuls\x00", "binary file (NUL bytes), not text"),
    (bytes(range(256)) * 4, "binary file (NUL bytes), not text"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document), not text"),
])
def test_files_that_are_not_text_are_refused_with_their_reason(
        tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(SeedError) as caught:
        read_seed(write(tmp_path, "x.txt", data), "seeds/x.txt")
    assert caught.value.message == f"seeds/x.txt: {reason}"


def test_stray_nul_bytes_in_a_text_dump_are_cleaned_away_with_a_warning(
        tmp_path: Path) -> None:
    # A real dump (trafilatura's lostiempos.com page) holds 22 NULs in 12 KB: the menu's
    # icon glyphs, copied as U+0000. The article is text; the NULs go, with a note.
    icons = "\x00" * 4
    more = " ".join(f"Work on section {n} of the quay starts in spring." for n in range(20))
    page = f"Ir al contenido\n\n{icons}\n\n{icons}\n\n{ARTICLE}\n{more}\n"
    seed = read_seed(write(tmp_path, "x.txt", page.encode()), "seeds/x.txt")
    text, notes = clean_text(seed.text)
    assert "\x00" not in text and "Harbour plan approved after long debate" in text
    assert notes == ["removed 8 control, bidi or zero-width character(s) (U+0000)"]
    assert extract(seed)[0].title == "Harbour plan approved after long debate"


def test_huge_seed_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SeedError, match=r"52428800 bytes exceeds 2 MB limit$"):
        read_seed(path, "seeds/huge.txt")


def test_saved_page_may_be_larger_than_a_text_seed(tmp_path: Path) -> None:
    # real saved news pages run over 2 MB with their scripts and styles
    page = "<html><head><title>Big page</title><script>" + "x" * (3 * 1024 * 1024) + \
        "</script></head><body><h1>Big page headline here</h1><p>" + ARTICLE + "</p></body></html>"
    seed = read_seed(write(tmp_path, "big.html", page.encode()), "seeds/big.html")
    assert seed.kind == "html" and "Big page headline here" in seed.text
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SeedError, match=r"52428800 bytes exceeds 32 MB limit$"):
        read_seed(huge, "seeds/huge.html")  # refused before reading, as a web archive is


def test_a_page_saved_with_its_images_inline_is_read_without_them(tmp_path: Path) -> None:
    """SingleFile and like tools save a page as one HTML file with its images and fonts
    as base64 ``data:`` addresses: a news page with its photos runs over the 8 MB that
    its markup and text may take."""
    photo = "data:image/jpeg;base64," + "QUJD" * (1024 * 1024)  # 4 MB of base64
    font = "data:font/woff2;charset=utf-8;base64," + "d09G" * (256 * 1024)
    page = (f"<html><head><title>Big page</title><style>@font-face{{src:url({font})}}</style>"
            f'</head><body><h1>Big page headline here</h1><img src="{photo}"><p>{ARTICLE}</p>'
            f'<img src="{photo}"><img alt="x" src="{photo}"></body></html>')
    path = write(tmp_path, "single.html", page.encode())
    assert path.stat().st_size > 12 * 1024 * 1024
    seed = read_seed(path, "seeds/single.html")
    assert seed.kind == "html" and "base64" not in seed.text and len(seed.text) < 10_000
    assert seed.notes == ("its inline images and fonts (13.0 MB) set aside",)
    brief, _ = extract(seed)
    assert brief.title == "Big page headline here"
    assert seed.raw_sha == read_seed(path, "seeds/single.html").raw_sha  # the file's own hash
    # what is left must still be within the page limit
    text = page.replace(photo, "x" * len(photo), 3)
    with pytest.raises(SeedError, match=r"^seeds/single.html: \d+ bytes exceeds 8 MB limit "
                                        r"\(\d+ without its inline images and fonts\)$"):
        read_seed(write(tmp_path, "single.html", text.encode()), "seeds/single.html")


def test_symlink_is_refused(tmp_path: Path) -> None:
    target = write(tmp_path, "real.txt", ARTICLE.encode())
    link = tmp_path / "link.txt"
    os.symlink(target, link)
    with pytest.raises(SeedError, match="symlink refused"):
        read_seed(link, "seeds/link.txt")


def test_cli_prints_the_warning_and_error_shapes(project) -> None:
    root = project()
    seeds = root / "seeds"
    (seeds / "legacy.txt").write_bytes(ARTICLE.replace("Harbour", "Caf\xe9").encode("cp1252"))
    other = ARTICLE.replace("Harbour plan", "Bridge repair").replace("quay", "bridge")
    (seeds / "bom.txt").write_bytes(other.encode("utf-16"))
    (seeds / "broken.txt").write_bytes(ARTICLE.encode() + b"\xff\xfe\x00 tail\n")
    result = run_briefs(root, "convert")
    assert result.returncode == 1
    assert ("WARNING seeds/legacy.txt: not valid UTF-8 at byte 3; decoded as windows-1252"
            in result.stderr)
    assert f"ERROR seeds/broken.txt: invalid UTF-8 at byte {len(ARTICLE)}" in result.stderr
    pages = sorted((root / "docs" / "briefs").glob("*.md"))
    assert len(pages) == 2
    for page in pages:
        raw = page.read_bytes()
        assert not raw.startswith(codecs.BOM_UTF8)
        raw.decode("utf-8")
    assert any("Café plan approved" in p.read_text(encoding="utf-8") for p in pages)


# Sidecars


def _seed_with_sidecar(tmp_path: Path, sidecar: str, text: str) -> Path:
    """``seeds/x.txt`` (``ARTICLE``) written with ``text`` in its sidecar ``sidecar``."""
    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    (tmp_path / sidecar).write_text(text, encoding="utf-8")
    return seed_path


def _with_sidecar(tmp_path: Path, text: str) -> Brief:
    """What is read from ``seeds/x.txt`` with ``text`` in its sidecar ``x.yml``."""
    return extract(read_seed(_seed_with_sidecar(tmp_path, "x.yml", text), "seeds/x.txt"))[0]


def _sidecar_refusal(tmp_path: Path, sidecar: str, text: str) -> str:
    """The error reading ``seeds/x.txt`` gives with ``text`` in its sidecar ``sidecar``."""
    seed_path = _seed_with_sidecar(tmp_path, sidecar, text)
    with pytest.raises(SeedError) as caught:
        extract(read_seed(seed_path, "seeds/x.txt"))
    return caught.value.message


def test_sidecar_wins_over_the_page(tmp_path: Path) -> None:
    brief = _with_sidecar(
        tmp_path, "title: Harbour plan passes\nurl: https://example.org/harbour\n"
        "date: 2024-03-05\nbyline: Ana Pereira\nsite_name: Example Times\n")
    assert brief.title == "Harbour plan passes"
    assert brief.url == "https://example.org/harbour"
    assert str(brief.date) == "2024-03-05" and brief.date_source == "sidecar"
    assert brief.byline == "Ana Pereira"
    assert brief.site_name == "Example Times"


def test_a_sidecar_title_publishes_an_article_copied_without_its_headline(
        tmp_path: Path) -> None:
    seed_path = write(tmp_path, "x.txt", "\n\n".join(BARE_PARAGRAPHS).encode())
    with pytest.raises(SeedError, match="no headline found"):
        extract(read_seed(seed_path, "seeds/x.txt"))
    (tmp_path / "x.yml").write_text("title: Storm closes schools\n", encoding="utf-8")
    brief, _ = extract(read_seed(seed_path, "seeds/x.txt"))
    assert brief.title == "Storm closes schools"
    assert brief.body == BARE_PARAGRAPHS  # every paragraph, the first one too


def test_a_sidecar_title_keeps_the_byline_and_date_printed_above_the_text(
        tmp_path: Path) -> None:
    # before: the dump's byline and date went with its missing headline
    dump = "\n\n".join(["By Jane Roe", "Published 3 June 2021", *BARE_PARAGRAPHS])
    seed_path = write(tmp_path, "x.txt", dump.encode())
    with pytest.raises(SeedError, match="no headline found"):
        extract(read_seed(seed_path, "seeds/x.txt"))
    (tmp_path / "x.yml").write_text("title: Storm closes schools\n", encoding="utf-8")
    brief, _ = extract(read_seed(seed_path, "seeds/x.txt"))
    assert (brief.title, brief.byline, str(brief.date)) == \
        ("Storm closes schools", "Jane Roe", "2021-06-03")
    assert brief.date_source == "article"  # the article's own date, not the run's
    assert brief.body == BARE_PARAGRAPHS


def test_sidecar_summary_replaces_the_drafted_one(tmp_path: Path) -> None:
    from briefs.compose import compose

    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    drafted = compose(extract(read_seed(seed_path, "seeds/x.txt"))[0]).summary
    (tmp_path / "x.yml").write_text("summary: The editor's own summary.\n", encoding="utf-8")
    brief = compose(extract(read_seed(seed_path, "seeds/x.txt"))[0])
    assert drafted and drafted != "The editor's own summary."
    assert brief.summary == "The editor's own summary."


def test_sidecar_wins_over_html_metadata(tmp_path: Path) -> None:
    page = ("<html><head><title>Harbour plan approved | Example Times</title>"
            '<meta property="og:site_name" content="Example Times"></head><body><article>'
            "<h1>Harbour plan approved</h1><p>" + "The council approved the plan. " * 10 +
            "</p></article></body></html>")
    seed_path = write(tmp_path, "p.html", page.encode())
    (tmp_path / "p.yml").write_text("site_name: The Other Paper\ndate: 2020-01-02\n",
                                    encoding="utf-8")
    brief, _ = extract(read_seed(seed_path, "seeds/p.html"))
    assert brief.title == "Harbour plan approved"
    assert brief.site_name == "The Other Paper"
    assert str(brief.date) == "2020-01-02"


def test_sidecar_unknown_key_is_rejected_naming_the_file(tmp_path: Path) -> None:
    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    (tmp_path / "x.yml").write_text("publisher: Example Times\ntitel: typo\n",
                                    encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        read_seed(seed_path, "seeds/x.txt")
    assert caught.value.path == "seeds/x.yml"
    assert "unknown field(s) publisher, titel" in caught.value.message


@pytest.mark.parametrize("shape", ["symlink", "named pipe", "folder"])
def test_a_sidecar_that_is_no_regular_file_refuses_its_seed(tmp_path: Path, shape: str) -> None:
    """Not passed over: its ``draft: true`` would be lost and the article published."""
    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    side = tmp_path / "x.yml"
    if shape == "symlink":
        (tmp_path / "elsewhere.yml").write_text("draft: true\n", encoding="utf-8")
        side.symlink_to(tmp_path / "elsewhere.yml")
    elif shape == "named pipe":
        os.mkfifo(side)
    else:
        side.mkdir()
    with pytest.raises(SeedError) as caught:
        read_seed(seed_path, "seeds/x.txt")
    assert caught.value.path == "seeds/x.yml"
    assert caught.value.message == "seeds/x.yml: " + (
        "sidecar is a symlink; refused (copy the file there)" if shape == "symlink"
        else f"sidecar is not a regular file (a {shape}); refused")


def test_sidecar_takes_outlet_and_author_for_site_name_and_byline(tmp_path: Path) -> None:
    brief = _with_sidecar(tmp_path, "outlet: Example Times\nauthor: Ana Pereira\n")
    assert brief.site_name == "Example Times"
    assert brief.byline == "Ana Pereira"


def test_sidecar_giving_a_field_under_both_names_is_refused(tmp_path: Path) -> None:
    assert _sidecar_refusal(tmp_path, "x.yml", "site_name: A\noutlet: B\n") == \
        "seeds/x.yml: 'outlet': gives both site_name and outlet, which mean the same: keep one"


@pytest.mark.parametrize("fields", ["byline:\nauthor: Ana Pereira\n",
                                    "byline: Ana Pereira\nauthor: ''\n"])
def test_a_blank_name_beside_its_alias_is_no_clash(tmp_path: Path, fields: str) -> None:
    """As in a Markdown seed's front matter: an empty value gives nothing."""
    assert _with_sidecar(tmp_path, fields).byline == "Ana Pereira"


def test_sidecar_bad_date_is_rejected_naming_file_and_field(tmp_path: Path) -> None:
    assert _sidecar_refusal(tmp_path, "x.yml", "date: May 1st\n") == \
        "seeds/x.yml: 'date': expected YYYY-MM-DD, got 'May 1st'"
    assert _sidecar_refusal(tmp_path, "x.yml", "date: [2024-03-04]\n") == \
        "seeds/x.yml: 'date': expected YYYY-MM-DD, got a list"
    assert _sidecar_refusal(tmp_path, "x.yml", "date: 2024-03-04 10:00:00 +25:00\n") == \
        "seeds/x.yml: line 1: not a calendar date: 2024-03-04 10:00:00 +25:00 (no such day " \
        "or time)"


@pytest.mark.parametrize(("line", "field", "cause"), [
    ("url: javascript:alert(1)", "url",
     "not a web address (http:// or https://): 'javascript:alert(1)'"),
    ("url: www.example.com/news", "url",
     "not a web address (http:// or https://): 'www.example.com/news'"),
    ("lang: <script>alert(1)</script>", "lang",
     "not a language code such as en or pt-BR: '<script>alert(1)</script>'"),
    ("draft: maybe", "draft", "expected true or false, got 'maybe'"),
    # YAML 1.1 reads these unquoted values as no text: what was written is lost
    ("title: 10:30", "title", "expected text, got 630; put it in quotes"),
    ("byline: [Alice, Bob]", "byline", "expected text, got ['Alice', 'Bob']; put it in quotes"),
    ("categories: [NO]", "categories", "expected text, got False; put it in quotes"),
    ("tags: [covid, null]", "tags", "expected text, got None; put it in quotes"),
    # zero-width spaces alone would blank the page's own headline
    ('title: "\\u200b\\u200b"', "title", "no visible text in '\\u200b\\u200b'"),
])
def test_sidecar_value_that_cannot_be_used_is_refused_naming_file_and_field(
        tmp_path: Path, line: str, field: str, cause: str) -> None:
    """Where the page's own value would be dropped quietly (a link the site cannot
    show, a draft flag that is no flag), the sidecar an editor wrote is refused."""
    assert _sidecar_refusal(tmp_path, "x.yml", line + "\n") == f"seeds/x.yml: '{field}': {cause}"


@pytest.mark.parametrize(("text", "cause"), [
    ('title: "Bad \\ud800 half"\n', "line 1: a lone surrogate (\\ud800) is half of a character, "
     "not text"),
    ("? [a, b]\n: 1\n", "line 1: a key must be text, got a list"),
    ('lang: en\ntitle: "a\x00b"\n', "line 2: control character U+0000 is not allowed in YAML"),
])
def test_sidecar_yaml_no_brief_can_hold_is_refused_with_its_line(tmp_path: Path, text: str,
                                                                cause: str) -> None:
    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        read_seed(seed_path, "seeds/x.txt")
    assert caught.value.message == f"seeds/x.yml: {cause}"


def test_sidecar_draft_false_publishes_a_seed_that_says_draft(tmp_path: Path) -> None:
    seed_path = write(tmp_path, "x.md", (
        "---\ntitle: Harbour plan approved\ndraft: true\n---\n\n"
        + "The council approved the plan on Monday after a long debate. " * 5).encode())
    assert extract(read_seed(seed_path, "seeds/x.md"))[0].draft is True
    (tmp_path / "x.yml").write_text("draft: false\n", encoding="utf-8")
    assert extract(read_seed(seed_path, "seeds/x.md"))[0].draft is None


def test_sidecar_language_code_is_written_as_the_site_needs_it(tmp_path: Path) -> None:
    brief = _with_sidecar(tmp_path, "lang: PT_br\ndraft: false\n")
    assert brief.lang == "pt-br" and not brief.draft


def test_seed_url_that_is_no_web_address_is_left_out_with_a_note(tmp_path: Path) -> None:
    """A Markdown seed's front matter is the seed's own word, not an editor's: a url
    there that the site could not link to is left out, with a warning."""
    seed_path = write(tmp_path, "x.md", (
        "---\ntitle: Harbour plan approved\nurl: javascript:alert(1)\nlang: EN_gb\n---\n\n"
        + "The council approved the plan on Monday after a long debate. " * 5).encode())
    brief, notes = extract(read_seed(seed_path, "seeds/x.md"))
    assert brief.url is None and brief.lang == "en-gb"
    assert notes == ["url: 'javascript:alert(1)' is not a web address; left out"]


def test_sidecar_that_is_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    seed_path = write(tmp_path, "x.txt", ARTICLE.encode())
    (tmp_path / "x.yml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(SeedError, match="sidecar must be a mapping"):
        read_seed(seed_path, "seeds/x.txt")


def test_editing_only_the_sidecar_updates_the_brief(project, seed_article: Path) -> None:
    root = project(seed_article)
    sidecar = root / "seeds" / "000_415feae060044a8d.yml"
    sidecar.write_text("date: 2021-06-28\n", encoding="utf-8")
    assert run_briefs(root, "convert").returncode == 0
    (brief,) = (root / "docs" / "briefs").glob("*.md")
    assert "date: 2021-06-28\ndate_source: sidecar\n" in brief.read_text(encoding="utf-8")
    sidecar.write_text("date: 2021-06-29\n", encoding="utf-8")
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    assert "date: 2021-06-29\ndate_source: sidecar\n" in brief.read_text(encoding="utf-8")


CHINESE = ("政府周四宣布了一项新计划，以支持受到持续数月的干旱影响的农民，该计划包括低息贷款"
           "和税收减免。农业部长在新闻发布会上表示，该计划将在三年内耗资约十亿美元。") * 3


def test_a_gb2312_page_is_read_in_its_declared_charset_as_browsers_read_it() -> None:
    # GBK bytes form well-formed UTF-8 pairs by chance (85 in this page): not damage
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=gb2312"><title>干旱</title></head><body><p>{CHINESE}喆</p></body>'
            "</html>").encode("gbk")  # 喆 is GBK, not GB2312: browsers read GBK
    text, notes = decode(page, "seeds/x.html", html=True)
    assert f"<p>{CHINESE}喆</p>" in text
    assert notes == [f"not valid UTF-8 at byte {page.index(b'<title>') + 7}; "
                     "decoded as gb18030"]


def test_a_legacy_chinese_text_seed_is_detected() -> None:
    data = f"政府宣布新计划支持受干旱影响的农民\n\n{CHINESE}\n".encode("gbk")
    text, notes = decode(data, "seeds/x.txt")
    assert text.startswith("政府宣布新计划")
    assert notes == ["not valid UTF-8 at byte 0; decoded as gb18030"]


def test_a_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    page = (FIXTURES / "html" / "heise_1password_de.html").read_bytes()
    path = tmp_path / "saved.txt"
    path.write_bytes(b"<!-- saved from url=(0023)https://www.heise.de/ -->\n" + page)
    seed = read_seed(path, "seeds/saved.txt")
    assert seed.kind == "html"
    assert seed.notes == ("an HTML page by its content; read as HTML",)
    brief, _ = extract(seed)
    assert brief.title == "1Password für Mac generiert Einmal-Passwörter"


def test_a_dump_saved_as_html_is_read_as_text_even_when_it_quotes_a_tag(
        tmp_path: Path) -> None:
    dump = (FIXTURES / "dumps" / "moz_heise.txt").read_text(encoding="utf-8")
    path = tmp_path / "dump.html"
    path.write_text(dump + "\n\nAllowed HTML tags: <em> <strong> <p> <br>\n", encoding="utf-8")
    seed = read_seed(path, "seeds/dump.html")
    assert seed.kind == "text"
    assert seed.notes == ("no HTML markup in it; read as a text dump",)
    brief, _ = extract(seed)
    assert brief.title == "1Password für Mac generiert Einmal-Passwörter"


def _web_archive(page: bytes, boundary: str = "----MultipartBoundary--Qx7Ryi6o2GG4----") -> bytes:
    """A page saved as Chrome's "single file" writes it: a MIME message, the page
    quoted-printable in its first part, an image after it."""
    import quopri

    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.heise.de/mac-and-i/meldung/1Password.html\r\n"
        "Subject: =?utf-8?Q?1Password_f=C3=BCr_Mac?=\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n'
        f"\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.heise.de/mac-and-i/meldung/1Password.html\r\n\r\n")
    image = (f"\r\n--{boundary}\r\nContent-Type: image/png\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\r\n"
             f"\r\n--{boundary}--\r\n")
    return head.encode("ascii") + quopri.encodestring(page) + image.encode("ascii")


def test_a_page_saved_as_one_file_by_a_browser_reads_as_the_page_itself(tmp_path: Path) -> None:
    page = (FIXTURES / "html" / "heise_1password_de.html").read_bytes()
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "page.mhtml").write_bytes(_web_archive(page))
    as_page, _ = extract(read_seed(tmp_path / "page.html", "seeds/page.html"))
    archived = read_seed(tmp_path / "page.mhtml", "seeds/page.mhtml")
    assert archived.kind == "html"
    assert extract(archived)[0] == as_page.replace(seed="seeds/page.mhtml")
    assert as_page.title == "1Password für Mac generiert Einmal-Passwörter"


def test_a_web_archive_gives_the_address_it_was_saved_from_when_the_page_names_none(
        tmp_path: Path) -> None:
    page = ("<html><head><title>Council passes the budget</title></head><body><article>"
            "<h1>Council passes the budget</h1><p>"
            + "The council voted on the budget for the next year after a long debate. " * 5
            + "</p></article></body></html>").encode("utf-8")
    path = tmp_path / "budget.mht"
    path.write_bytes(_web_archive(page))
    brief, _ = extract(read_seed(path, "seeds/budget.mht"))
    assert brief.url == "https://www.heise.de/mac-and-i/meldung/1Password.html"
    assert brief.title == "Council passes the budget"


def test_a_web_archive_of_many_parts_reads_its_page(tmp_path: Path) -> None:
    """A saved page with its images as 50,000 parts (7.7 MB, well under the 32 MB an
    archive may be) took 20 s to parse with the email package's default policy, which
    makes objects of every header; the legacy one reads it in about a second."""
    page = ("<html><head><title>Council passes the budget</title></head><body><article>"
            "<h1>Council passes the budget</h1><p>"
            + "The council voted on the budget for the next year after a long debate. " * 5
            + "</p></article></body></html>").encode("utf-8")
    archive = _web_archive(page)
    boundary = b"----MultipartBoundary--Qx7Ryi6o2GG4----"
    image = (b"--" + boundary + b"\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: "
             b"base64\r\nContent-Location: https://example.com/i.png\r\n\r\niVBORw0KGgo=\r\n")
    end = b"--" + boundary + b"--\r\n"
    path = tmp_path / "budget.mhtml"
    path.write_bytes(archive.replace(end, image * 50000 + end))
    brief, _ = extract(read_seed(path, "seeds/budget.mhtml"))
    assert brief.title == "Council passes the budget"


def test_a_device_or_a_pipe_is_no_file_to_read(tmp_path: Path) -> None:
    """``/dev/zero`` would never end and a named pipe would wait for a writer: both are
    refused from what the open file is, without reading a byte."""
    from briefs.files import NotRegular, TooLarge, read_regular

    with pytest.raises(NotRegular) as caught:
        read_regular(Path("/dev/zero"))
    assert caught.value.kind == "a device"
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(NotRegular) as caught:
        read_regular(tmp_path / "pipe.txt")
    assert caught.value.kind == "a named pipe"
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(SeedError) as refused:
        read_seed(tmp_path / "folder.txt", "seeds/folder.txt")
    assert refused.value.message == "seeds/folder.txt: not a regular file (a folder); refused"
    (tmp_path / "x.txt").write_bytes(b"12345")
    assert read_regular(tmp_path / "x.txt") == b"12345"
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "x.txt", limit=4)


def test_a_field_past_any_real_one_is_cut_with_a_note(tmp_path: Path) -> None:
    """A JSON seed of 100,000 authors made a brief of 1.9 MB, a Markdown seed of
    100,000 tags one of 1 MB: each field is held to a bound, and the editor told."""
    body = "The council voted on the budget for the next year after a long debate. " * 3
    seed = tmp_path / "many.json"
    seed.write_text(json.dumps({
        "title": "Council passes the budget " + "again " * 200, "text": body,
        "authors": [f"Ann Example {n}" for n in range(100000)],
        "tags": [f"tag {n}" for n in range(1000)]}), encoding="utf-8")
    brief, notes = extract(read_seed(seed, "seeds/many.json"))
    assert brief.byline is not None and len(brief.byline) <= 300
    assert brief.byline.startswith("Ann Example 0, Ann Example 1, ")
    assert brief.byline.endswith("…")
    assert brief.title is not None and len(brief.title) <= 300
    assert len(brief.tags) == 50
    assert notes == ["title: 1225 characters, cut to 300",
                     "byline: 1888888 characters, cut to 300",
                     "tags: 1000 items, kept the first 50, each at most 100 characters"]


def test_a_yaml_sidecar_is_named_as_it_is_called(tmp_path: Path) -> None:
    assert _sidecar_refusal(tmp_path, "x.yaml", "draft: maybe\n") == \
        "seeds/x.yaml: 'draft': expected true or false, got 'maybe'"


def test_a_seed_named_as_long_as_a_name_may_be_is_read(project, seed_article: Path) -> None:
    """A seed of a 255-byte name: asking for its sidecar (a longer name) raised
    ENAMETOOLONG, and the seed was refused as an internal error; a lone sidecar of such
    a name stopped the listing of skipped files the same way."""
    root = project()
    shutil.copy(seed_article, root / "seeds" / ("x" * 251 + ".txt"))
    (root / "seeds" / ("y" * 251 + ".yml")).write_text("draft: true\n", encoding="utf-8")
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    assert len(list((root / "docs" / "briefs").glob("*.md"))) == 1
    assert result.stderr.strip().splitlines() == [
        f"WARNING seeds/{'y' * 251}.yml: sidecar without a seed of the same name; skipped"]


_BUDGET = ("<html><head><title>Council passes the budget</title></head><body><article>"
           "<h1>Council passes the budget</h1><p>"
           + "The caf\u00e9 council voted on the budget for the next year after a debate. " * 5
           + "Its site says \\u003cb\\u003eyes\\u003c/b\\u003e.</p></article></body></html>")


@pytest.mark.parametrize("charset", ["undefined", "unicode_escape", "utf-7", "x-bogus"])
def test_a_charset_no_browser_knows_is_read_as_if_undeclared(tmp_path: Path,
                                                              charset: str) -> None:
    """Python has codecs no browser honours: "undefined" fails on every byte (an internal
    error), "unicode_escape" would turn the text "\\u003cscript\\u003e" into markup, utf-7
    can make half a character. The page is read as one that declares nothing."""
    page = _BUDGET.replace("<head>", f'<head><meta charset="{charset}">')
    (tmp_path / "p.html").write_bytes(page.encode("latin-1"))
    (tmp_path / "p.mhtml").write_bytes(_web_archive(page.encode("utf-8")).replace(
        b"Content-Type: text/html\r\n", f"Content-Type: text/html; charset={charset}\r\n"
        .encode("ascii"), 1))
    for name in ("p.html", "p.mhtml"):
        brief, _ = extract(read_seed(tmp_path / name, f"seeds/{name}"))
        assert brief.title == "Council passes the budget"
        assert "The café council voted" in brief.body[0]
        assert "says \\u003cb\\u003eyes" in brief.body[0]


def _safari_archive(page: bytes, url: str = "https://www.heise.de/mac-and-i/meldung/1.html",
                    binary: bool = True, **main: object) -> bytes:
    """A ``.webarchive`` as Safari writes it: a property list (binary by default)."""
    resource = {"WebResourceData": page, "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": url,
                "WebResourceFrameName": "", **main}
    archive = {"WebMainResource": resource, "WebSubresources": [
        {"WebResourceData": b"\x89PNG\r\n", "WebResourceMIMEType": "image/png",
         "WebResourceURL": "https://www.heise.de/logo.png"}]}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML)


@pytest.mark.parametrize("binary", [True, False])
def test_a_page_safari_saved_as_a_web_archive_reads_as_the_page_itself(
        tmp_path: Path, binary: bool) -> None:
    page = (FIXTURES / "html" / "heise_1password_de.html").read_bytes()
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "page.webarchive").write_bytes(_safari_archive(page, binary=binary))
    as_page, _ = extract(read_seed(tmp_path / "page.html", "seeds/page.html"))
    archived = read_seed(tmp_path / "page.webarchive", "seeds/page.webarchive")
    assert archived.kind == "html" and archived.notes == ()
    assert archived.saved_from == "https://www.heise.de/mac-and-i/meldung/1.html"
    brief = extract(archived)[0]
    assert brief.title == as_page.title == "1Password für Mac generiert Einmal-Passwörter"
    assert brief.body == as_page.body and brief.date == as_page.date


def test_a_web_archive_s_declared_encoding_is_read(tmp_path: Path) -> None:
    page = _BUDGET.encode("cp1252")
    path = tmp_path / "p.webarchive"
    path.write_bytes(_safari_archive(page, WebResourceTextEncodingName="windows-1252"))
    brief, _ = extract(read_seed(path, "seeds/p.webarchive"))
    assert brief.body[0].startswith("The café council voted")


@pytest.mark.parametrize(("name", "content", "cause"), [
    ("saved.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n"
     b"\r\n--b\r\nContent-Type: image/png\r\n\r\nabc\r\n--b--\r\n",
     "no HTML page in this web archive"),
    ("saved.mht", b"just some text, no MIME header at all\n",
     "not a saved web archive (no MIME header)"),
    ("x.webarchive", b"bplist00 broken beyond repair",
     "not a Safari web archive (no property list in it)"),
    ("x.webarchive", b"just some text\n", "not a Safari web archive (no property list in it)"),
    ("x.webarchive", plistlib.dumps({"Other": 1}, fmt=plistlib.FMT_BINARY),
     "not a Safari web archive (no WebMainResource)"),
    ("x.webarchive", plistlib.dumps([1, 2], fmt=plistlib.FMT_BINARY),
     "not a Safari web archive (no WebMainResource)"),
    ("x.webarchive", _safari_archive(b"\x89PNG\r\n", WebResourceMIMEType="image/png"),
     "no HTML page in this web archive"),
    ("x.webarchive", _safari_archive(b"   "), "no HTML page in this web archive"),
    ("x.webarchive", plistlib.dumps({"WebMainResource": {"WebResourceData": "text, not bytes"}}),
     "no HTML page in this web archive"),
])
def test_a_web_archive_without_a_page_is_refused_naming_why(tmp_path: Path, name: str,
                                                            content: bytes, cause: str) -> None:
    """Chrome's MHTML and Safari's web archive alike."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SeedError) as caught:
        read_seed(path, f"seeds/{name}")
    assert caught.value.message == f"seeds/{name}: {cause}"


def test_a_safari_archive_nested_past_the_parsers_reach_is_refused_by_name(
        tmp_path: Path) -> None:
    path = tmp_path / "deep.webarchive"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?><plist version="1.0">'
                     + b"<array>" * 100_000 + b"</array>" * 100_000 + b"</plist>")
    with pytest.raises(SeedError, match=r"^seeds/deep\.webarchive: not a Safari web archive"):
        read_seed(path, "seeds/deep.webarchive")


def test_a_web_archive_nested_past_the_parsers_reach_is_refused_by_name(
        tmp_path: Path) -> None:
    inner = "Content-Type: text/html\n\n" + _BUDGET
    for i in range(1000):
        inner = f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n{inner}\n--b{i}--\n'
    path = tmp_path / "deep.mhtml"
    path.write_text("MIME-Version: 1.0\n" + inner, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        read_seed(path, "seeds/deep.mhtml")
    assert caught.value.message == \
        "seeds/deep.mhtml: web archive of parts nested too deep to read"


def test_a_page_address_with_a_control_character_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(_BUDGET.replace("<head>", '<head><link rel="canonical" '
                                    'href="https://example.com/a&#1;b">'), encoding="utf-8")
    brief, notes = extract(read_seed(path, "seeds/p.html"))
    assert brief.url is None
    assert notes == ["url: 'https://example.com/a\\x01b' is not a web address; left out"]
