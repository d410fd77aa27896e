"""A brief convert wrote and validated is not parsed again by the build in the same run,
unless the file changed since."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.errors import BriefInvalid
from briefs.validate import known_valid, remember_valid, validate_file, validate_text

BRIEF = "---\ntitle: Council agrees budget\ndate: 2024-05-01\nseed: seeds/a.txt\n---\n\nText.\n"


def test_an_unchanged_file_is_known_and_a_changed_one_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(BRIEF, encoding="utf-8")
    remember_valid(path, validate_text(BRIEF, "a.md"))
    assert known_valid(path) == validate_file(path, "a.md")
    assert known_valid(path)["title"] == "Council agrees budget"  # type: ignore[index]
    path.write_text(BRIEF.replace("title: Council agrees budget\n", "title: [\n"),
                    encoding="utf-8")  # an editor breaks it: other size and times
    assert known_valid(path) is None
    with pytest.raises(BriefInvalid):
        validate_file(path, "a.md")
