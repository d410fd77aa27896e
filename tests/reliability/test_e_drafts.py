"""E. Drafts and publishing (RELIABILITY.md E1-E3)."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import run_briefs
from tests.reliability.kit import PARA, article, build, lines
from tests.xss_oracle import pagefind_records

BRIEF = "---\ntitle: {title}\ndate: 2024-01-0{day}\n{draft}---\n\n{body}\n"


def write_brief(root: Path, name: str, title: str, day: int, draft: str, body: str) -> Path:
    path = root / "docs" / "briefs" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BRIEF.format(title=title, day=day, draft=draft, body=body), "utf-8")
    return path


def drafts_project(project) -> Path:  # type: ignore[no-untyped-def]
    root = project()
    write_brief(root, "secret", "Secret plan", 1, "draft: true\n", f"{PARA} zqxdrafttoken")
    write_brief(root, "open", "Open plan", 2, "draft: false\n", f"{PARA} {article(1)}")
    write_brief(root, "plain", "Plain plan", 3, "", f"{PARA} {article(2)}")
    return root


def test_e1_drafts_are_absent_from_every_built_file(project) -> None:
    root = drafts_project(project)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text("utf-8")
            assert "zqxdrafttoken" not in text and "Secret plan" not in text, path
            assert "briefs/secret" not in text, path
    assert (site / "briefs" / "open" / "index.html").exists()
    assert (site / "briefs" / "plain" / "index.html").exists()  # no key: published
    assert not (site / "briefs" / "secret").exists()
    # Pagefind's files are gzip-compressed: read them to know the draft is not searchable
    assert {r["url"] for r in pagefind_records(site)} == {"/briefs/open/", "/briefs/plain/"}
    unpacked = [gzip.decompress(p.read_bytes()) for p in (site / "pagefind").rglob("*.pf_*")]
    assert any(b"council" in data for data in unpacked)  # the word index was read
    assert not [d for d in unpacked if b"zqxdrafttoken" in d or b"Secret plan" in d]


def test_e1_draft_maybe_is_an_error_naming_file_and_field(project) -> None:
    root = drafts_project(project)
    write_brief(root, "maybe", "Maybe plan", 4, "draft: maybe\n", PARA)
    result = build(root)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR docs/briefs/maybe.md: 'draft': expected true or false, got 'maybe'"]
    assert not (root / "site").exists()


@pytest.mark.parametrize("hooks", ["", "hooks:\n  - hooks.py\n"])
@pytest.mark.parametrize("command", ["build", "serve"])
def test_e1_a_config_without_the_site_hooks_is_refused(project, hooks: str,
                                                       command: str) -> None:
    """The hooks leave drafts out and sanitise pages: with the ``hooks:`` entry gone (or
    pointing at a copy of hooks.py) drafts and raw <script> were published with exit 0."""
    root = drafts_project(project)
    write_brief(root, "script", "Script plan", 4, "", f"{PARA}\n\n<script>alert(1)</script>")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    listed = next(line for line in text.splitlines() if line.endswith("/hooks.py"))
    shutil.copy(listed.split("- ", 1)[1], root / "hooks.py")
    config.write_text(text.replace(f"hooks:\n{listed}\n", hooks), "utf-8")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    args = ["--dev-addr", "127.0.0.1:0"] if command == "serve" else []
    result = run_briefs(root, command, *args, timeout=60)
    assert result.returncode == 2, result.stderr
    (error,) = lines(result, "ERROR")
    assert error.startswith("ERROR mkdocs.yml: 'hooks': must list ")
    assert error.endswith("/briefs/site/hooks.py, which keeps drafts off the site and "
                          "sanitises every page; nothing written")
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_e1_a_page_that_is_no_brief_is_a_draft_too(project) -> None:
    """``draft: true`` on a hand-written page (``docs/notes.md``) was ignored: the page
    was published, in the sitemap too. It is left out as a brief draft is, and a
    published page linking to it is refused the same way."""
    root = drafts_project(project)
    notes = root / "docs" / "notes.md"
    notes.write_text("---\ntitle: Notes\ndraft: true\n---\n\nzqxnotestoken\n", "utf-8")
    (root / "docs" / "about.md").write_text("# About\n\nWho we are.\n", "utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "notes").exists()
    assert (site / "about" / "index.html").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text("utf-8")
            assert "zqxnotestoken" not in text and "notes/" not in text, path
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (root / "docs" / "about.md").write_text("# About\n\nSee [notes](notes.md).\n", "utf-8")
    result = build(root)
    assert result.returncode == 1
    assert lines(result, "ERROR") == [
        "ERROR docs/about.md: links to unpublished page docs/notes.md; site not built, "
        "site/ unchanged"]
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_e2_published_page_linking_to_a_draft_fails_the_build(project) -> None:
    root = drafts_project(project)
    assert build(root).returncode == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    write_brief(root, "open", "Open plan", 2, "", f"{PARA} See [the plan](secret.md).")
    result = build(root)
    assert result.returncode == 1
    assert ("ERROR docs/briefs/open.md: links to unpublished page docs/briefs/secret.md; "
            "site not built, site/ unchanged") in lines(result, "ERROR")
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.mark.slow
def test_e3_serve_listens_on_loopback_and_marks_drafts(project) -> None:
    import shutil

    if not (shutil.which("ss") and shutil.which("curl")):
        pytest.skip("needs ss (iproute2) and curl to check the listening address")
    root = drafts_project(project)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "briefs", "serve"] +
                            ([] if port == 8000 else ["--dev-addr", f"127.0.0.1:{port}"]),
                            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline and status != 200:
            try:
                status, _ = _get(base)
            except OSError:
                time.sleep(0.3)
        assert status == 200
        status, page = _get(base + "briefs/secret/")
        assert status == 200 and "mkdocs-draft-marker" in page and "zqxdrafttoken" in page
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True,
                                   text=True, check=False).stdout
        addresses = {line.split()[3].rsplit(":", 1)[0] for line in listening.splitlines()}
        assert addresses == {"127.0.0.1"}, listening
        probe = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                                "--path-as-is", "--max-time", "5",
                                base + "../../../../etc/passwd"],
                               capture_output=True, text=True, check=False)
        assert probe.stdout == "404"
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=20)


def test_e3_default_address_is_loopback() -> None:
    result = run_briefs(Path("."), "serve", "--help")
    assert "default: 127.0.0.1:8000" in result.stdout
