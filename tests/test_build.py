"""A real ``mkdocs build --strict`` of converted briefs, and what the site holds."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.site import search
from tests.conftest import FIXTURES
from tests.helpers import run_briefs


def test_briefs_build_makes_the_site(project, seed_article: Path) -> None:
    root = project(seed_article)
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("build: ")
    site = root / "site"
    (page_dir,) = [p for p in (site / "briefs").iterdir() if p.is_dir()]
    page = (page_dir / "index.html").read_text(encoding="utf-8")
    assert "US sends truckloads of military, logistic reinforcements" in page
    assert "Rmelan" in page
    assert "Back to top button" not in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="briefs/{page_dir.name}/"' in home
    # Search is Pagefind's: one indexed page (the brief), no lunr index.
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 1
    assert not (site / "search" / "search_index.json").exists()
    # Pagefind wrote beside the site, and its index was moved in: nothing is left there.
    assert not (root / "site.pagefind-next").exists()


def test_a_persian_brief_keeps_its_non_joiners_on_the_site(project) -> None:
    """The page spells "گفت‌وگو" with U+200C, as the seed does, and is dated from the
    seed's Solar Hijri date line (14 Aban 1404 is 5 November 2025)."""
    root = project(FIXTURES / "seeds" / "fa_zwnj_border_crossing.txt")
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    assert "U+200C" not in result.stderr
    (page_dir,) = [p for p in (root / "site" / "briefs").iterdir() if p.is_dir()]
    page = (page_dir / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "گفت\u200cوگوهای تازه درباره بازگشایی گذرگاه مرزی" in page
    assert "می\u200cتواند" in page and "2025-11-05" in page


def test_a_failed_search_index_leaves_nothing_beside_the_site(tmp_path: Path) -> None:
    """Pagefind writes beside the site (a preview's site is in the temporary folder);
    a run that fails, as one does when the preview is stopped under it, must not leave
    its half-written index there: one such folder was left per stopped preview."""
    site = tmp_path / "site"
    site.mkdir()
    # A real Pagefind run that fails: nothing to index where it is sent.
    run = search.Indexing(str(site), pages=1, source=str(tmp_path / "nothing-here"))
    staging = tmp_path / "site.pagefind-next"
    staging.mkdir(exist_ok=True)
    (staging / "fragment.pf").write_bytes(b"half an index")  # what a killed run leaves
    with pytest.raises(search.EnvironmentFailure, match="search index not built"):
        run.finish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_new_search_index_replaces_the_old_file_by_file(tmp_path: Path,
                                                          monkeypatch) -> None:
    """The preview serves the site while it is re-indexed: each file is replaced whole
    (the real ``os.replace``, watched), the entry file last, and the old index's other
    files go after."""
    live, new = tmp_path / "pagefind", tmp_path / "next"
    for folder, files in ((live, {"pagefind-entry.json": "old", "fragment/a.pf": "old a",
                                  "fragment/gone.pf": "stale"}),
                          (new, {"pagefind-entry.json": "new", "fragment/a.pf": "new a",
                                 "fragment/b.pf": "new b"})):
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    order: list[str] = []
    real_replace = os.replace

    def watched(src: str | Path, dst: str | Path) -> None:
        order.append(Path(dst).relative_to(live).as_posix())
        real_replace(src, dst)

    monkeypatch.setattr(search.os, "replace", watched)
    search.swap_in(new, live)
    assert order[-1] == "pagefind-entry.json"
    assert {p.relative_to(live).as_posix(): p.read_text(encoding="utf-8")
            for p in live.rglob("*") if p.is_file()} == {
        "pagefind-entry.json": "new", "fragment/a.pf": "new a", "fragment/b.pf": "new b"}
    assert not new.exists()


def test_stock_mkdocs_strict_build_of_converted_briefs(project, seed_article: Path,
                                                       tmp_path: Path) -> None:
    """The briefs are plain files: MkDocs itself builds them in strict mode."""
    root = project(seed_article)
    assert run_briefs(root, "convert").returncode == 0
    out = tmp_path / "stock-site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=root, capture_output=True, text=True, timeout=300, check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",  # the briefs under test:
             **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert list((out / "briefs").glob("*/index.html"))


def test_failed_build_leaves_previous_site(project, seed_article: Path) -> None:
    root = project(seed_article)
    assert run_briefs(root, "build").returncode == 0
    before = sorted(p.relative_to(root) for p in (root / "site").rglob("*"))
    (root / "docs" / "broken.md").write_text("[dead](missing.md)\n", encoding="utf-8")
    result = run_briefs(root, "build")
    assert result.returncode == 1
    assert "site/ unchanged" in result.stderr + result.stdout
    assert sorted(p.relative_to(root) for p in (root / "site").rglob("*")) == before


def test_a_refusal_names_the_site_folder_given_with_site_dir(project, seed_article: Path) -> None:
    """A page refused by MkDocs and a page refused by our hook (an editor's ``latest.md``)
    both said "site/ unchanged" when the build was for ``--site-dir public``."""
    root = project(seed_article)
    (root / "docs" / "broken.md").write_text("[dead](missing.md)\n", encoding="utf-8")
    result = run_briefs(root, "build", "--site-dir", "public")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors and errors[-1].count("site not built, public/ unchanged") == 1, errors
    assert "site/ unchanged" not in result.stderr + result.stdout
    (root / "docs" / "broken.md").unlink()
    (root / "docs" / "latest.md").write_text("# An editor's page\n", encoding="utf-8")
    result = run_briefs(root, "build", "--site-dir", "public")
    assert result.returncode == 1
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert error.startswith("ERROR docs/latest.md: would be published at latest/index.html")
    assert error.endswith("; rename or move it; site not built, public/ unchanged")
    assert not (root / "public").exists()


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("site_dir", "cause"), [
    ("docs", "is or holds docs/"),
    ("docs/site", "is inside docs/"),
    ("seeds", "is or holds seeds/"),
    (".git", "is or holds .git/"),
    (".", "would replace the project folder"),
    ("..", "would replace the project folder"),
    ("notes", "exists and is no site a build made"),
    ("mkdocs.yml", "exists and is no site a build made"),
])
def test_a_site_dir_the_site_would_destroy_is_refused(project, seed_article: Path,
                                                      site_dir: str, cause: str) -> None:
    """The built site is swapped in and what was there deleted: ``--site-dir docs``
    replaced every brief, ``--site-dir .`` the whole project and its .git. Now exit 2,
    nothing converted, nothing written."""
    root = project(seed_article)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "plan.txt").write_text("an editor's notes\n", encoding="utf-8")
    before = files_under(root.parent)
    result = run_briefs(root, "build", "--site-dir", site_dir)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]]
    assert result.stderr.startswith(f"ERROR {site_dir}: {cause}"), result.stderr
    assert files_under(root.parent) == before


def test_the_site_dir_of_mkdocs_yml_is_used_and_checked(project, seed_article: Path) -> None:
    """``briefs build`` built ``site/`` whatever mkdocs.yml's ``site_dir`` said; a site
    folder a build made (or an empty one) is replaced, as ``site/`` always was."""
    root = project(seed_article)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_dir: site\n", "site_dir: seeds\n"), encoding="utf-8")
    result = run_briefs(root, "build")
    assert result.returncode == 2
    assert result.stderr.startswith("ERROR seeds: is or holds seeds/"), result.stderr
    assert not (root / "docs" / "briefs").exists()
    config.write_text(text.replace("site_dir: site\n", "site_dir: public\n"), encoding="utf-8")
    (root / "public").mkdir()
    for _ in range(2):  # into an empty folder, then over the site it built
        result = run_briefs(root, "build")
        assert result.returncode == 0, result.stderr
        assert "site built in public/" in result.stdout
        assert list((root / "public" / "briefs").glob("*/index.html"))
    assert not (root / "site").exists()


@pytest.mark.parametrize(("name", "output"), [
    ("latest.md", "latest/index.html, where the build writes the 'All briefs' listing"),
    ("tags.md", "tags/index.html, where the build writes the 'Tags' listing"),
    ("regions/index.md", "regions/index.html, where the build writes the 'Regions' listing"),
    ("feed.xml", "feed.xml, where the build writes a feed"),
    ("pagefind/pagefind.js", "pagefind/pagefind.js, where the build writes the search index"),
])
def test_an_editors_file_at_a_generated_address_fails_the_build(
        project, seed_article: Path, name: str, output: str) -> None:
    """A page or file of docs/ where the build writes a listing, a feed or the search
    index: one of the two was dropped in silence (docs/latest.md and docs/feed.xml were
    lost, docs/regions/index.md replaced the listing). Now the build names the file."""
    root = project(seed_article)
    assert run_briefs(root, "build").returncode == 0
    before = files_under(root / "site")
    _write_doc(root, name, "# An editor's page\n")
    assert _refused_build_errors(root, before) == [
        f"ERROR docs/{name}: would be published at {output}; rename or move it; "
        "site not built, site/ unchanged"]


def _write_doc(root: Path, name: str, content: str) -> None:
    path = root / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def _refused_build_errors(root: Path, before: dict[str, bytes]) -> list[str]:
    """The ERROR lines of a build that must be refused (exit 1), the site left as it was
    (``before``)."""
    result = run_briefs(root, "build")
    assert result.returncode == 1, result.stderr
    assert files_under(root / "site") == before
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


@pytest.mark.parametrize(("name", "content", "why"), [
    ("briefs/notes.html", "<html><body><script>alert(1)</script></body></html>\n",
     "is copied into the site as it is, scripts and all"),
    ("assets/extra.js", "alert(1);\n", "is copied into the site as it is, scripts and all"),
    ("assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>\n',
     "is an SVG image with a script, an event handler or a link to script in it"),
    ("assets/stylesheets/palette.css", "body { color: red }\n", "PALETTE"),
])
def test_an_editors_file_that_would_run_in_the_browser_fails_the_build(
        project, seed_article: Path, name: str, content: str, why: str) -> None:
    """Markdown pages are cleaned; a file of docs/ MkDocs copies as it is is not: a page
    or script, an SVG with a script, or a file in the place of the theme's own (its
    JavaScript bundle is loaded by every page) would reach readers as it is."""
    root = project(seed_article)
    assert run_briefs(root, "build").returncode == 0
    before = files_under(root / "site")
    if why == "PALETTE":  # one of Material's own stylesheets, by the name it has here
        (theme_file,) = (root / "site" / "assets" / "stylesheets").glob("palette.*.min.css")
        name = f"assets/stylesheets/{theme_file.name}"
        why = f"would replace the theme's own {name}"
    _write_doc(root, name, content)
    assert _refused_build_errors(root, before) == [
        f"ERROR docs/{name}: {why}; only Markdown pages, styles and images are published "
        "from docs/: remove it; site not built, site/ unchanged"]


def test_an_editors_plain_svg_and_stylesheet_are_published(project, seed_article: Path) -> None:
    root = project(seed_article)
    (root / "docs" / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>\n',
        encoding="utf-8")
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "assets" / "logo.svg").is_file()
    assert (root / "site" / "assets" / "briefs.css").is_file()


def test_an_editors_image_from_another_host_is_not_fetched(project, seed_article: Path) -> None:
    """The site makes no request elsewhere: an image an editor links from another host
    would tell it who reads the page. Its address goes (the alt text stays); a link to
    that host stays a link, and an image of the site's own keeps its address."""
    root = project(seed_article)
    (root / "docs" / "notes.md").write_text(
        "# Notes\n\n![a tracker](https://evil.example/t.png) and "
        '<img src="//evil.example/u.png" alt="another"> and '
        "![ours](assets/logo.png) and [a link](https://evil.example/page).\n",
        encoding="utf-8")
    (root / "docs" / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_briefs(root, "build")
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "notes" / "index.html").read_text(encoding="utf-8")
    images = re.findall(r"<img[^>]*>", page)
    assert [i for i in images if "evil.example" in i] == []
    assert any('alt="a tracker"' in i for i in images)
    assert any('src="../assets/logo.png"' in i for i in images)
    assert 'href="https://evil.example/page"' in page


def test_builds_are_byte_identical(project, seed_article: Path) -> None:
    root = project(seed_article)
    assert run_briefs(root, "build", "--site-dir", "one").returncode == 0
    assert run_briefs(root, "build", "--site-dir", "two").returncode == 0
    one = {p.relative_to(root / "one"): p.read_bytes()
           for p in (root / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(root / "two"): p.read_bytes()
           for p in (root / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
