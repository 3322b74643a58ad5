"""The cached index file: built once, rebuilt when stale or corrupt."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from gazetteer import Gazetteer, GazetteerDataError
from gazetteer.build import INDEX_VERSION, sources_digest

from .conftest import SMALL


def _index_file(folder: Path) -> Path:
    (path,) = folder.glob(f"gazetteer-v{INDEX_VERSION}*.sqlite")
    return path


def test_open_builds_once_and_reuses(small_built: Path) -> None:
    path = _index_file(small_built)
    before = path.stat().st_mtime_ns
    g = Gazetteer.open(cache_dir=small_built, build_options=SMALL)
    assert g.lookup("Paris")[0].geonameid == 2988507
    assert path.stat().st_mtime_ns == before  # not rebuilt
    assert not list(small_built.glob("*.tmp"))  # no temp files left behind


def _copy_with_meta(small_built: Path, folder: Path, key: str, value: str) -> Path:
    """A copy of the built index in ``folder`` with one meta entry changed."""
    path = folder / _index_file(small_built).name
    path.write_bytes(_index_file(small_built).read_bytes())
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    con.commit()
    con.close()
    return path


def test_rebuilt_when_the_sources_changed(tmp_path: Path, small_built: Path) -> None:
    path = _copy_with_meta(small_built, tmp_path, "sources", "edited-tables")
    Gazetteer.open(cache_dir=tmp_path, build_options=SMALL)
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()[0] == sources_digest()
    con.close()


def test_rebuilt_when_version_differs(tmp_path: Path, small_built: Path) -> None:
    path = _copy_with_meta(small_built, tmp_path, "version", "0")
    with pytest.raises(GazetteerDataError, match="version"):
        Gazetteer(path)  # opening the stale file directly is refused
    g = Gazetteer.open(cache_dir=tmp_path, build_options=SMALL)
    assert g.lookup("Kyiv")[0].geonameid == 703448
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0] == str(INDEX_VERSION)
    con.close()


@pytest.mark.parametrize("damage", [b"not a database at all", b""])
def test_rebuilt_when_corrupt(tmp_path: Path, small_built: Path, damage: bytes) -> None:
    path = tmp_path / _index_file(small_built).name
    path.write_bytes(damage)
    g = Gazetteer.open(cache_dir=tmp_path, build_options=SMALL)
    assert g.lookup("Berlin")[0].country_code == "DE"


def test_rebuilt_when_truncated(tmp_path: Path, small_built: Path) -> None:
    path = tmp_path / _index_file(small_built).name
    path.write_bytes(_index_file(small_built).read_bytes()[:8192])
    g = Gazetteer.open(cache_dir=tmp_path, build_options=SMALL)
    assert g.get(2988507).name == "Paris"


def test_small_and_full_builds_never_share_a_file(small_built: Path) -> None:
    assert "cities15000" in _index_file(small_built).name


def test_unwritable_cache_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="GEOTIMELINE_CACHE_DIR"):
        Gazetteer.open(cache_dir=blocker / "cache", build_options=SMALL)


def test_a_build_removes_indexes_of_older_versions_only(tmp_path: Path) -> None:
    stale = [tmp_path / "gazetteer-v0.sqlite", tmp_path / "gazetteer-v0-cities15000.sqlite.abc.tmp"]
    for path in stale:
        path.write_bytes(b"old")
        os.utime(path, (1_000_000_000, 1_000_000_000))  # 2001: long abandoned
    keep = [tmp_path / "notes.txt", tmp_path / f"gazetteer-v{INDEX_VERSION + 1}.sqlite"]
    for path in keep:
        path.write_text("not ours: another file, a newer install's index", encoding="utf-8")
    Gazetteer.open(cache_dir=tmp_path, build_options=SMALL)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)
    assert _index_file(tmp_path).stat().st_mode & 0o044  # readable by others sharing the cache
