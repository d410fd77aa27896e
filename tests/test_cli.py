"""The command line: exit codes, messages, help, and README coverage."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from briefs.cli import COMMANDS, main
from briefs.site.catalog import front_matter
from tests.conftest import FIXTURES, REPO
from tests.helpers import BARE_PARAGRAPHS, run_briefs


def test_exit_0_when_all_done(project, seed_article: Path) -> None:
    result = run_briefs(project(seed_article), "convert")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("convert: 1 seeds: 1 briefs written")


def test_exit_1_when_a_seed_is_rejected_and_others_still_publish(
        project, seed_article: Path) -> None:
    root = project(seed_article)
    (root / "seeds" / "empty.txt").write_bytes(b"")
    (root / "seeds" / "junk.txt").write_text("Share\n\nBack to top button\n", encoding="utf-8")
    (root / "seeds" / "nohead.txt").write_text("\n\n".join(BARE_PARAGRAPHS), encoding="utf-8")
    result = run_briefs(root, "convert")
    assert result.returncode == 1
    assert "ERROR seeds/empty.txt: empty file" in result.stderr
    assert "ERROR seeds/junk.txt: no article text found" in result.stderr
    assert "ERROR seeds/nohead.txt: no headline found" in result.stderr
    assert len(list((root / "docs" / "briefs").glob("*.md"))) == 1


def test_files_that_are_no_seed_are_named_not_silently_dropped(project,
                                                               seed_article: Path) -> None:
    root = project(seed_article)
    seeds = root / "seeds"
    (seeds / "article.xhtml").write_text("<html><h1>Saved as XHTML</h1></html>", encoding="utf-8")
    (seeds / "orphan.yml").write_text("url: https://example.org/a\n", encoding="utf-8")
    (seeds / "000_415feae060044a8d.yml").write_text("lang: en\n", encoding="utf-8")
    (seeds / "000_415feae060044a8d.yaml").write_text("lang: de\n", encoding="utf-8")
    (seeds / "000_415feae060044a8d.YML").write_text("lang: fr\n", encoding="utf-8")
    (seeds / ".gitkeep").write_text("", encoding="utf-8")
    (seeds / "README.md").write_text("# Seeds\n\nPut raw articles here.\n", encoding="utf-8")
    for command in ("convert", "check"):
        result = run_briefs(root, command)
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert warnings == [  # in path order; an editor's change there would be lost
            "WARNING seeds/000_415feae060044a8d.YML: a sidecar's name ends in .yml or "
            ".yaml; skipped",
            "WARNING seeds/000_415feae060044a8d.yaml: sidecar 000_415feae060044a8d.yml is "
            "read instead; skipped",
            "WARNING seeds/README.md: a folder's README, not a seed; skipped",
            "WARNING seeds/article.xhtml: not a seed (.txt, .html, .htm, .md, .json, .mhtml, "
            ".mht, .webarchive); skipped",
            "WARNING seeds/orphan.yml: sidecar without a seed of the same name; skipped",
        ]


def test_a_hidden_seed_and_a_link_to_a_folder_are_named(project, seed_article: Path,
                                                        tmp_path: Path) -> None:
    """Neither is read (a dotfile is hidden on purpose, a link may lead out of the
    project), but an article there would be lost without a word."""
    root = project(seed_article)
    seeds = root / "seeds"
    shutil.copy(seeds / "000_415feae060044a8d.txt", seeds / ".later.txt")
    (seeds / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (seeds / "linked").symlink_to(tmp_path / "elsewhere")
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == [
        "WARNING seeds/.later.txt: a hidden file (its name starts with a dot), not read as "
        "a seed; skipped",
        "WARNING seeds/linked: a link to a folder, not followed; skipped"]
    assert len(list((root / "docs" / "briefs").glob("*.md"))) == 1


def test_a_sidecar_beside_two_seeds_is_named(project, seed_article: Path) -> None:
    """``x.txt`` and ``x.html`` beside ``x.yml``: both take its fields (a draft stays a
    draft), and the run says so rather than leave the editor to find out."""
    root = project(seed_article)
    seeds = root / "seeds"
    shutil.copy(FIXTURES / "html" / "observer_lvmh_en.html",
                seeds / "000_415feae060044a8d.html")
    (seeds / "000_415feae060044a8d.yml").write_text("draft: true\n", encoding="utf-8")
    result = run_briefs(root, "convert")
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == [
        "WARNING seeds/000_415feae060044a8d.yml: sidecar read for 2 seeds "
        "(000_415feae060044a8d.html, 000_415feae060044a8d.txt), each takes its fields; "
        "give each seed a name of its own"]
    briefs = sorted((root / "docs" / "briefs").glob("*.md"))
    assert len(briefs) == 2
    assert all("\ndraft: true\n" in b.read_text(encoding="utf-8") for b in briefs)


def test_a_saved_page_s_folder_of_files_is_not_read_as_seeds(project, seed_article: Path) -> None:
    """A browser's "Save page as: web page, complete" writes ``X.html`` and ``X_files/``
    with the page's frames (HTML files: an advertisement, an embedded post), scripts and
    styles. The frames were published as briefs or refused ("no headline found", exit 1)
    and every script was warned about."""
    root = project(seed_article)
    seeds = root / "seeds"
    pages = {"Budget vote": "observer_lvmh_en", "Haushalt": "heise_1password_de",
             "Vote": "liberation_nepal_fr"}
    frame = ("<html><head><title>Embedded post</title></head><body><p>A post shared on "
             "a social network about the budget, long enough to read as text.</p></body></html>")
    saved = {"Budget vote": "Budget vote_files", "Haushalt": "Haushalt-Dateien",
             "Vote": "Vote_ressources"}
    for stem, folder in saved.items():
        page = (REPO / f"tests/fixtures/html/{pages[stem]}.html").read_text(encoding="utf-8")
        links = f'<script src="./{folder}/app.js"></script>' if stem == "Vote" else ""
        (seeds / f"{stem}.html").write_text(page.replace("</head>", f"{links}</head>", 1),
                                            encoding="utf-8")
        (seeds / folder).mkdir()
        (seeds / folder / "ads.html").write_text("<html><body>Advertisement</body></html>",
                                                 encoding="utf-8")
        (seeds / folder / "post.html").write_text(frame, encoding="utf-8")
        (seeds / folder / "app.js").write_text("var a = 1;\n", encoding="utf-8")
    # a folder named like a page but neither for files nor linked to: its seeds are read
    (seeds / "Vote_extra").mkdir()
    shutil.copy(REPO / "tests/fixtures/dumps/moz_bbc-1.txt", seeds / "Vote_extra" / "more.txt")
    for command in ("convert", "check"):
        result = run_briefs(root, command)
        assert result.returncode == 0, result.stderr
        assert [line for line in result.stderr.splitlines()
                if line.startswith(("WARNING", "ERROR"))] == []
        assert [line for line in result.stderr.splitlines() if "_files" in line
                or "-Dateien" in line or "_ressources" in line] == [
            f"INFO seeds/{folder}: the files a browser saved with seeds/{stem}.html (frames, "
            "scripts, images); not read as seeds" for stem, folder in sorted(
                saved.items(), key=lambda item: item[1])]
    briefs = json.loads((root / ".briefs" / "state.json").read_text(encoding="utf-8"))
    assert sorted(briefs["briefs"]) == [
        "seeds/000_415feae060044a8d.txt", "seeds/Budget vote.html", "seeds/Haushalt.html",
        "seeds/Vote.html", "seeds/Vote_extra/more.txt"]


def test_a_fault_of_ours_on_one_seed_is_its_error_and_the_others_publish(
        project, seed_article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: no real seed is known to raise anything but ``SeedError`` (the
    deep-nesting crash that prompted this guard is fixed), so extraction is made to
    fail for one seed to show what the run does then."""
    from briefs import prepare
    from briefs.convert import convert

    root = project(seed_article)
    shutil.copy(seed_article, root / "seeds" / "other.txt")
    real = prepare.extract

    def failing(seed):  # type: ignore[no-untyped-def]
        if seed.path.endswith("other.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(seed)

    monkeypatch.setattr(prepare, "extract", failing)
    report = convert(root, root / "seeds", root / "docs")
    assert report.exit_code == 1
    errors = [str(m) for m in report.messages if m.level == "ERROR"]
    assert errors == ["ERROR seeds/other.txt: internal error (RecursionError: maximum "
                      "recursion depth exceeded); please report it with this seed"]
    assert len(report.written) == 1


def test_exit_2_on_usage_and_configuration_errors(tmp_path: Path) -> None:
    assert main(["no-such-command"]) == 2
    assert run_briefs(tmp_path, "convert").returncode == 2
    assert "mkdocs.yml: no such file" in run_briefs(tmp_path, "convert").stderr


@pytest.mark.parametrize(("tail", "cause"), [
    (b"site_name: [unclosed\n", "line {n}, column 1: expected ',' or ']', but got "
                                 "'<stream end>'"),
    (b"extra:\n\tkey: value\n", "line {m}, column 1: found character '\\t' that cannot "
                                 "start any token"),
    (b"site_author: caf\xe9\n", "not UTF-8 (invalid byte at {at})"),
])
def test_a_broken_mkdocs_yml_is_named_with_its_line(project, tail: bytes, cause: str) -> None:
    """An editor's slip in mkdocs.yml: exit 2, one line naming the file and where, for
    every command (a file not in UTF-8 ended in a traceback)."""
    root = project()
    config = root / "mkdocs.yml"
    before = config.read_bytes()
    config.write_bytes(before + tail)
    lines = before.count(b"\n")
    expected = "ERROR mkdocs.yml: " + cause.format(n=lines + 2, m=lines + 2,
                                                   at=len(before) + len(b"site_author: caf"))
    for command in ("convert", "build", "check"):
        result = run_briefs(root, command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [expected]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (and its neighbours': ``..`` leads there) by path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("line", "cause"), [
    ("docs_dir: 5", "Config value 'docs_dir': Expected type: <class 'str'> but received: "
                    "<class 'int'>"),
    ("plugins: [no-such-plugin]", "Config value 'plugins': The \"no-such-plugin\" plugin "
                                  "is not installed"),
    ("theme: no-such-theme", "Config value 'theme': Unrecognised theme name: 'no-such-theme'"),
    ('site_url: "javascript:alert(1)//"', "Config value 'site_url': The URL isn't valid"),
    ("docs_dir: ../outside", "'docs_dir': must be a folder inside the project folder"),
])
@pytest.mark.parametrize("command", ["convert", "build", "serve", "remove", "keep", "check"])
def test_a_config_the_build_refuses_is_refused_before_anything_is_written(
        project, seed_article: Path, line: str, cause: str, command: str) -> None:
    """mkdocs.yml was validated only when the site was built, after convert had written
    the briefs (``docs_dir: 5`` wrote them into ``5/briefs/``, ``docs_dir: ..`` wrote
    them and the lock outside the project): now exit 2 before anything is written.
    ``check``, run before a commit, says so too (it exited 0 on all of these)."""
    root = project(seed_article)
    (root.parent / "outside").mkdir()
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\n{line}\n")
    before = tree(root.parent)
    args = {"serve": ["--dev-addr", "127.0.0.1:0"],
            "remove": ["seeds/000_415feae060044a8d.txt"],
            "keep": ["seeds/000_415feae060044a8d.txt"]}.get(command, [])
    result = run_briefs(root, command, *args, timeout=60)
    assert result.returncode == 2, result.stderr
    (error,) = result.stderr.splitlines()
    assert error.startswith("ERROR mkdocs.yml: ") and cause in error, error
    assert tree(root.parent) == before


def test_check_names_hooks_left_out_of_mkdocs_yml(project, seed_article: Path) -> None:
    """A config without this package's hooks (drafts published, pages unsanitised) is
    refused by every command that writes; ``check`` said nothing and exited 0."""
    root = project(seed_article)
    assert run_briefs(root, "convert").returncode == 0
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("\n".join(line for line in text.splitlines()
                                if "hooks" not in line) + "\n", encoding="utf-8")
    result = run_briefs(root, "check")
    assert result.returncode == 2, result.stderr
    (error,) = result.stderr.splitlines()
    assert error.startswith("ERROR mkdocs.yml: 'hooks': must list "), error


@pytest.mark.parametrize(("docs", "cause"), [
    ("seeds", "'seeds' is the seed folder (seeds/)"),
    ("seeds/briefs-here", "'seeds/briefs-here' is inside the seed folder (seeds/)"),
    (".git", "'.git' is git's folder (.git/)"),
    (".briefs", "'.briefs' is the converter's state (.briefs/)"),
    ("site", "'site' is the site folder (site/)"),
    (".", "must be a folder inside the project folder, got '.'"),
    ("..", "must be a folder inside the project folder, got '..'"),
    ("../outside", "must be a folder inside the project folder, got '../outside'"),
])
@pytest.mark.parametrize("command", ["convert", "check", "remove"])
def test_a_docs_folder_where_no_brief_belongs_is_refused(
        project, seed_article: Path, docs: str, cause: str, command: str) -> None:
    """``--docs`` was taken as given: ``--docs seeds`` wrote a brief into
    ``seeds/briefs/``, which every later convert rejected as a seed (exit 1 for ever);
    ``--docs .``, ``.git`` or a folder outside the project had briefs and the lock
    written there. Now exit 2, nothing written, as for mkdocs.yml's ``docs_dir``."""
    root = project(seed_article)
    (root / ".git").mkdir()
    (root / "seeds" / "briefs-here").mkdir()
    (root / "site").mkdir()
    (root.parent / "outside").mkdir()
    before = tree(root.parent)
    args = ["seeds/000_415feae060044a8d.txt"] if command == "remove" else []
    result = run_briefs(root, command, "--docs", docs, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"ERROR --docs: {cause}" + (
        ", where no brief may be written; choose another docs folder; nothing written"
        if cause.startswith("'") else "; nothing written")]
    assert tree(root.parent) == before


def test_docs_dir_and_seeds_must_not_be_one_folder(project, seed_article: Path) -> None:
    """``--seeds docs`` (or ``docs_dir: seeds``) read the briefs as seeds and wrote
    briefs among them."""
    root = project(seed_article)
    before = tree(root)
    result = run_briefs(root, "convert", "--seeds", "docs")
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        "ERROR mkdocs.yml: 'docs_dir': 'docs' is the seed folder (docs/), where no brief "
        "may be written; choose another docs folder; nothing written"]
    assert tree(root) == before


def test_exit_3_when_another_run_holds_the_lock(project, seed_article: Path) -> None:
    root = project(seed_article)
    lock = root / "docs" / ".publish.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, b"4242\n")
        result = run_briefs(root, "convert")
    finally:
        os.close(fd)
    assert result.returncode == 3
    assert "ERROR docs/.publish.lock: another run in progress (pid 4242)" in result.stderr
    assert not (root / "docs" / "briefs").exists()


def test_extract_prints_json_lines(project, seed_article: Path) -> None:
    root = project(seed_article)
    result = run_briefs(root, "extract", "seeds/000_415feae060044a8d.txt", "seeds/none.txt")
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["seed"] == "seeds/000_415feae060044a8d.txt"
    assert record["title"].startswith("US sends truckloads")
    assert record["categories"] == ["North America", "Syria", "West Asia"]
    assert "\n\n" in record["body"] and "Back to top" not in record["body"]
    assert record["date"] == "2023-11-14"  # SOURCE_DATE_EPOCH: the seed has no date
    assert record["byline"] is None and record["date_source"] == "converted"
    assert "seeds/none.txt" in result.stderr


def test_check_writes_nothing_and_lists_briefs_needing_a_date(project,
                                                              seed_article: Path) -> None:
    root = project(seed_article)
    assert run_briefs(root, "convert").returncode == 0
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}
    result = run_briefs(root, "check")
    assert result.returncode == 0, result.stderr
    assert "needs an editor's date" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()} == before


def test_check_and_extract_give_the_warnings_convert_gives_about_a_seed(
        project, seed_article: Path) -> None:
    """README: a dump saved as ``.html`` is read as text "with a warning". ``convert``
    gave it; ``check`` (which validates the seeds) and ``extract`` said nothing."""
    root = project()
    shutil.copy(seed_article, root / "seeds" / "dump.html")
    warning = "WARNING seeds/dump.html: no HTML markup in it; read as a text dump"
    for args in (("convert", "--dry-run"), ("check",), ("extract", "seeds/dump.html")):
        result = run_briefs(root, *args)
        assert result.returncode == 0, result.stderr
        assert warning in result.stderr.splitlines(), args


def test_check_counts_the_pages_it_checked_as_pages(project) -> None:
    """``check`` said "1 briefs checked" for a project with no brief: it counts every
    Markdown page under docs/ (here docs/index.md)."""
    result = run_briefs(project(), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("check: 0 seeds, 1 pages checked: 0 error(s)")


def test_build_help_gives_the_site_dir_default_of_mkdocs_yml(capsys) -> None:
    """``--site-dir``'s help said "default: site/"; the default is mkdocs.yml's site_dir."""
    assert main(["build", "--help"]) == 0
    assert "(default: mkdocs.yml site_dir)" in " ".join(capsys.readouterr().out.split())


def test_build_docs_option_is_the_folder_the_site_is_built_from(project,
                                                                seed_article: Path) -> None:
    """``briefs build --docs other`` wrote the briefs into other/ and then built the site
    from mkdocs.yml's docs/, without them."""
    root = project(seed_article)
    other = root / "other"
    other.mkdir()
    shutil.copy(root / "docs" / "index.md", other / "index.md")
    shutil.copytree(root / "docs" / "assets", other / "assets")
    result = run_briefs(root, "build", "--docs", "other")
    assert result.returncode == 0, result.stderr
    (brief,) = (other / "briefs").glob("*.md")
    assert (root / "site" / "briefs" / brief.stem / "index.html").is_file()
    assert not (root / "docs" / "briefs").exists()


def test_seeds_or_docs_outside_the_project_are_refused_before_anything_is_written(
        project, seed_article: Path, tmp_path: Path) -> None:
    """``--seeds /elsewhere`` put the seed's absolute path (a path of this machine) into
    the committed state and the brief's ``seed:``; ``--docs /elsewhere`` wrote briefs
    outside the project. Both are refused as mkdocs.yml's docs_dir outside it is."""
    root = project(seed_article)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(seed_article, elsewhere / seed_article.name)
    for args in (("convert", "--seeds", str(elsewhere)), ("build", "--docs", str(elsewhere))):
        result = run_briefs(root, *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines() == [
            f"ERROR {args[1]}: must be a folder inside the project folder, got "
            f"{str(elsewhere)!r}; nothing written"]
    assert not (root / ".briefs" / "state.json").exists()
    assert not list(elsewhere.rglob("*.md")) and not (root / "site").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_and_is_in_readme(command: str, capsys) -> None:
    assert main([command, "--help"]) == 0
    assert COMMANDS[command][1] in capsys.readouterr().out
    assert f"briefs {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_written_files_are_readable_by_others_under_the_usual_umask(project,
                                                                   seed_article: Path) -> None:
    root = project(seed_article)
    old = os.umask(0o022)
    try:
        assert run_briefs(root, "convert").returncode == 0
    finally:
        os.umask(old)
    (brief,) = (root / "docs" / "briefs").glob("*.md")
    assert brief.stat().st_mode & 0o777 == 0o644
    assert (root / ".briefs" / "state.json").stat().st_mode & 0o777 == 0o644


def _built_brief(root: Path) -> tuple[Path, dict[str, Any]]:
    """``briefs build`` in ``root``, which holds one seed: its brief and front matter."""
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    (brief,) = (root / "docs" / "briefs").glob("*.md")
    front = front_matter(brief.read_text(encoding="utf-8"))
    assert front is not None
    return brief, front


def test_an_html_seed_s_other_headlines_go_into_its_front_matter(project) -> None:
    """The brief of a saved page lists the page's sharing headline under ``other_titles``
    (for the editor to choose from), and the site builds with it (``mkdocs build
    --strict``)."""
    root = project(FIXTURES / "html" / "observer_lvmh_en.html")
    brief, front = _built_brief(root)
    assert front["other_titles"] == ["LVMH Gives the Louvre $16M to Help Acquire a Chardin "
                                     "Masterpiece"]
    assert front["title"] != front["other_titles"][0]
    assert (root / "site" / "briefs" / brief.stem / "index.html").is_file()


def test_script_in_a_page_s_other_headline_stays_text(project) -> None:
    """An ``og:title`` holding a script goes into ``other_titles`` as quoted text, and no
    page of the built site carries it as live markup."""
    root = project()
    text = "<p>" + "The harbour bridge opened on Monday after three years of work, the " \
        "council said. " * 4 + "</p>"
    (root / "seeds" / "bridge.html").write_text(
        "<html><head><title>Harbour bridge opens to traffic</title><meta property="
        '"og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; Harbour bridge: what '
        'drivers need"></head><body><article><h1>Harbour bridge opens to traffic</h1>'
        f"{text * 3}</article></body></html>", encoding="utf-8")
    _, front = _built_brief(root)
    assert front["other_titles"] == ["<script>alert(1)</script> Harbour bridge: what drivers "
                                     "need"]
    pages = [p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")]
    assert pages and not any("<script>alert(1)" in page for page in pages)
