"""Outputs appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.atomic import atomic_writer, write_text_atomic
from timeline.errors import OutputError


def test_interrupted_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as handle:
        handle.write("half of a new rep")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_written_file_is_complete_and_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    write_text_atomic(target, "line\n" * 1000)
    assert target.read_text(encoding="utf-8") == "line\n" * 1000
    assert target.stat().st_mode & 0o044 == 0o044  # group and others may read a published report (umask 022)


def test_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "nowhere" / "x.html", "x")
