"""D. Slugs and paths (RELIABILITY.md D1-D5): names never leave docs/briefs/, are never
empty or reserved, fit 80 bytes, never clobber another page, and are stable."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest
import yaml

from briefs.write import MAX_SLUG_BYTES, RESERVED_SLUGS
from tests.conftest import make_project
from tests.helpers import run_briefs
from tests.reliability.kit import article, briefs_of, convert, lines, text_seed


def titled(root: Path, name: str, title: str, n: int) -> None:
    text_seed(root, name, "Placeholder headline for the sidecar title", article(n),
              sidecar=yaml.safe_dump({"title": title}))


def names(root: Path) -> dict[str, str]:
    state = json.loads((root / ".briefs" / "state.json").read_text("utf-8"))
    return {seed: e["brief"] for seed, e in state["briefs"].items()}


def test_d1_traversal_titles_stay_under_docs_briefs(project, tmp_path: Path) -> None:
    root = project()
    before = {p for p in tmp_path.rglob("*")}
    titled(root, "d1a", "../../etc/passwd", 1)
    titled(root, "d1b", "a/b\\c", 2)
    new_seeds = {p for p in tmp_path.rglob("*")} - before
    assert convert(root).returncode == 0
    created = {p for p in tmp_path.rglob("*")} - before - new_seeds
    files = sorted(p.relative_to(root).as_posix() for p in created if p.is_file())
    # .briefs/cache/stat.json: the local stat cache of incremental convert (not committed)
    assert files == [".briefs/cache/stat.json", ".briefs/state.json", "docs/.publish.lock",
                     "docs/briefs/a-b-c.md", "docs/briefs/etc-passwd.md"]


TITLES = ["..", "", "   ", "!!!", "CON", "NUL", "lpt1", "con.txt", "x" * 300,
          "Ünïcode " * 60, "index", "tags", "search", "404"]


def test_d2_empty_reserved_and_long_titles_get_safe_names(project) -> None:
    root = project()
    for i, title in enumerate(TITLES):
        titled(root, f"d2_{i:02d}", title, i)
    result = convert(root)
    given = names(root)
    # '' leaves the seed's own headline; '   ' is blank: the sidecar is refused
    assert len(given) == len(TITLES) - 1, result.stderr
    for name in given.values():
        stem = Path(name).stem
        assert name.startswith("briefs/") and "/" not in name[len("briefs/"):]
        assert stem and not stem.startswith(".") and stem.split(".")[0] not in RESERVED_SLUGS
        assert len(stem.encode()) <= MAX_SLUG_BYTES
    assert given["seeds/d2_00.txt"].startswith("briefs/brief-")
    assert len(briefs_of(root)) == len(given)
    # a title of nothing visible is an error naming the sidecar, the others still publish
    assert result.returncode == 1
    assert lines(result, "ERROR") == ["ERROR seeds/d2_02.yml: 'title': no visible text in "
                                      "'   '"]


def test_d3_look_alike_titles_get_distinct_files_and_a_warning(project) -> None:
    root = project()
    pairs = [("paypal news", "pаypal news"), ("Café", "Cafe\u0301"), ("News", "news")]
    for i, (a, b) in enumerate(pairs):
        titled(root, f"d3_{i}a", a, 10 + i)
        titled(root, f"d3_{i}b", b, 20 + i)
    result = convert(root)
    assert result.returncode == 0, result.stderr
    given = names(root)
    assert len(set(given.values())) == 6 and len(briefs_of(root)) == 6
    warnings = lines(result, "WARNING")
    for i in (1, 2):
        assert any(w.startswith(f"WARNING seeds/d3_{i}b.txt: same file name as "
                                f"seeds/d3_{i}a.txt's brief") for w in warnings), warnings


def test_d4_same_title_suffixes_are_stable_across_shuffled_runs(project, tmp_path: Path) -> None:
    results = []
    for run in range(3):
        root = tmp_path / f"run{run}"
        if root.exists():
            shutil.rmtree(root)
        make_project(root)
        order = list(range(4))
        random.Random(run).shuffle(order)
        for i in order:
            titled(root, f"d4_{i}", "Same headline for different stories", 30 + i)
            os.utime(root / "seeds" / f"d4_{i}.txt", (1e9 + random.random() * 1e6,) * 2)
        assert convert(root).returncode == 0
        results.append(names(root))
    assert results[0] == results[1] == results[2]
    assert len(set(results[0].values())) == 4


def test_d5_reserved_titles_never_clobber_site_structure(project) -> None:
    root = project()
    index = (root / "docs" / "index.md").read_bytes()
    for i, title in enumerate(["index", "tags", "search", "404"]):
        titled(root, f"d5_{i}", title, 40 + i)
    assert convert(root).returncode == 0
    assert (root / "docs" / "index.md").read_bytes() == index
    assert all(Path(n).stem.startswith("brief-") for n in names(root).values())


def test_d5_a_md_next_to_a_index_md_is_refused(project) -> None:
    root = project()
    folder = root / "docs" / "briefs" / "council-agrees"
    folder.mkdir(parents=True)
    hand = folder / "index.md"
    hand.write_text("---\ntitle: Hand\ndate: 2024-01-02\n---\n\nBy hand.\n", encoding="utf-8")
    titled(root, "d5a", "Council agrees", 50)
    result = convert(root)
    assert result.returncode == 0
    (name,) = names(root).values()
    assert name != "briefs/council-agrees.md" and name.startswith("briefs/council-agrees-")
    assert "docs/briefs/council-agrees already exists" in result.stderr
    # and an editor creating the clash by hand is an error at check time
    (root / "docs" / "briefs" / "council-agrees.md").write_text(
        hand.read_text("utf-8"), encoding="utf-8")
    checked = run_briefs(root, "check")
    assert checked.returncode == 1
    assert ("ERROR docs/briefs/council-agrees/index.md: same URL /briefs/council-agrees/ as "
            "docs/briefs/council-agrees.md; rename one of them") in lines(checked, "ERROR")


@pytest.mark.parametrize("title", ["a" * 79, "word " * 40])
def test_d2_suffixed_names_fit_the_limit_too(project, title: str) -> None:
    root = project()
    titled(root, "long1", title, 60)
    titled(root, "long2", title, 61)
    assert convert(root).returncode == 0
    assert all(len(Path(n).stem.encode()) <= MAX_SLUG_BYTES for n in names(root).values())
    assert len(briefs_of(root)) == 2



def test_d6_letters_unicode_does_not_decompose_are_spelt_not_dropped(project) -> None:
    """"Stałe" gave "sta-e" (ł has no base letter in Unicode): Polish, Danish, German,
    Vietnamese and Icelandic letters are spelt as their languages spell them without
    the mark, in file names and in the listings' addresses alike."""
    from briefs.site.catalog import slugify
    root = project()
    titles = ["Niemcy. Stałe zamknięcie granic", "Grønland og Æbleø", "Straße der Œuvres",
              "Đau bụng kéo dài", "Þingvellir"]
    for i, title in enumerate(titles):
        titled(root, f"d6_{i}", title, 60 + i)
    assert convert(root).returncode == 0
    assert sorted(names(root).values()) == [
        "briefs/dau-bung-keo-dai.md", "briefs/gronland-og-aebleo.md",
        "briefs/niemcy-stale-zamkniecie-granic.md", "briefs/strasse-der-oeuvres.md",
        "briefs/thingvellir.md"]
    assert [slugify(t) for t in ("Grønland", "Łódź", "Đà Nẵng")] == ["gronland", "lodz",
                                                                      "da-nang"]


def test_d7_a_title_mostly_in_another_script_is_not_named_by_its_latin_scraps(
        project) -> None:
    """A Japanese headline gave "31.md" (its only Latin characters: 31人死亡), a Russian
    one "23-wday-ru.md", a Hindi one "2.md": names that say nothing and that the next
    such headline takes too. A title whose Latin letters and digits are under a third of
    its own gets the fallback name; one mostly Latin keeps its slug."""
    root = project()
    titles = ["動画：ナイジェリアで少女らによる自爆攻撃、ロケット弾も撃ち込まれ31人死亡",
              "Мастера вкуса: 23 самых крутых фудблогера по версии Wday.ru",
              "iPhone 15 の発売日が決定"]
    for i, title in enumerate(titles):
        titled(root, f"d7_{i}", title, 70 + i)
    assert convert(root).returncode == 0
    given = names(root)
    assert given["seeds/d7_0.txt"].startswith("briefs/brief-")
    assert given["seeds/d7_1.txt"].startswith("briefs/brief-")
    assert given["seeds/d7_2.txt"] == "briefs/iphone-15.md"
