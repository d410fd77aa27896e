"""The synthetic seeds of ``make bench``: deterministic, in the seed's format, convertible."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from briefs.bench.synth import synth_seed, write_seeds
from briefs.compose import compose
from briefs.extract import extract
from briefs.read import read_seed


def test_same_index_same_bytes_and_sizes_nest(tmp_path: Path) -> None:
    small = write_seeds(tmp_path / "a", 30)
    large = write_seeds(tmp_path / "b", 60)
    assert [s.text for s in small] == [s.text for s in large[:30]]
    for seed in small:
        a, b = tmp_path / "a" / seed.name, tmp_path / "b" / seed.name
        assert a.read_bytes() == b.read_bytes()
    assert synth_seed(7).text == synth_seed(7).text
    assert synth_seed(7, salt="other").text != synth_seed(7).text


def test_seed_has_the_dump_shape() -> None:
    seed = synth_seed(3)
    lines = seed.text.split("\n\n")
    assert "Back to top button" in lines
    crumb = lines[lines.index("Home") + 1]
    assert any(a.islower() and b.isupper() for a, b in itertools.pairwise(crumb)) \
        or len(crumb.split()) == 1
    assert 6 <= sum(1 for line in lines if len(line.split()) >= 12) <= 12


def test_unique_word_occurs_in_one_seed_only() -> None:
    seeds = [synth_seed(i) for i in range(300)]
    for seed in seeds[::37]:
        holders = [s.name for s in seeds if seed.unique_word in re.findall(r"\w+", s.text)]
        assert holders == [seed.name], seed.unique_word


def test_seed_converts_to_a_brief_dated_by_its_file_name(tmp_path: Path) -> None:
    [seed] = write_seeds(tmp_path, 1)
    brief, _notes = extract(read_seed(tmp_path / seed.name, f"seeds/{seed.name}"))
    brief = compose(brief)
    assert brief.title and "after talks in" in brief.title
    assert brief.date == seed.day
    assert brief.categories and len(brief.body) >= 6
    assert not any("Back to top" in p for p in brief.body)
    assert brief.regions


def test_an_article_is_about_a_few_countries(tmp_path: Path) -> None:
    """Like real articles (the corpus's name 2.4 countries on average), so listings by
    region at scale look like a desk's, not like every brief under twenty countries."""
    for seed in write_seeds(tmp_path, 12):
        brief, _notes = extract(read_seed(tmp_path / seed.name, f"seeds/{seed.name}"))
        assert 2 <= len(compose(brief).regions) <= 4
