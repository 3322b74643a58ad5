"""Reviewer overrides: parsing, errors naming file and line, and their effect on ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, GazetteerDataError, load_overrides
from gazetteer.overrides import parse_overrides

from .conftest import SMALL

HEADER = "surface,action,geonameid,note\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "overrides.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_parse_rows_comments_and_blank_lines() -> None:
    o = parse_overrides(HEADER + "# a comment\n\nParis,pin,4717560,Texas story\nReading,block,,\n")
    assert [(r.surface, r.action, r.geonameid) for r in o.rows] == [
        ("Paris", "pin", 4717560),
        ("Reading", "block", None),
    ]
    assert o.rows[0].line == 4 and o.rows[0].note == "Texas story"
    assert o.for_key("paris") == (o.rows[0],)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Paris,move,2988507,\n", 2, "'pin' or 'block'"),
        ("Paris,pin,,\n", 2, "needs a geonameid"),
        ("Paris,pin,abc,\n", 2, "not a whole number"),
        ("ok,block,,\nParis,pin,1,2,3,4\n", 3, "2 to 4 fields"),
        ("...,block,,\n", 2, "empty surface"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(GazetteerDataError, match=message) as info:
        load_overrides(path)
    assert str(info.value).startswith(f"{path}:{line}:")
    assert "\n" not in str(info.value)


def test_missing_header_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("Paris,pin,2988507\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"o\.csv:1: expected the header"):
        load_overrides(path)
    with pytest.raises(GazetteerDataError, match="cannot read"):
        load_overrides(tmp_path / "absent.csv")
    path.write_bytes(HEADER.encode() + b"Par\xffis,block,,\n")
    with pytest.raises(GazetteerDataError, match="not UTF-8"):
        load_overrides(path)


def test_pin_moves_a_place_first_and_block_removes(tmp_path: Path, small_built: Path) -> None:
    plain = Gazetteer.open(cache_dir=small_built, build_options=SMALL)
    assert plain.lookup("Paris")[0].geonameid == 2988507
    path = write(
        tmp_path,
        "Paris,pin,4717560,a Texas newsroom\nSt. Petersburg,pin,4171563,\nBerlin,block,2950159,\nReading,block,,\n",
    )
    g = Gazetteer.open(cache_dir=small_built, overrides=path, build_options=SMALL)
    assert g.lookup("Paris")[0].geonameid == 4717560
    assert any(p.geonameid == 2988507 for p in g.lookup("Paris"))  # still a candidate
    assert g.lookup("Saint Petersburg")[0].country_code == "US"  # surfaces compare normalised
    assert all(p.geonameid != 2950159 for p in g.lookup("Berlin"))
    assert g.lookup("Reading") == []
    assert plain.lookup("Reading")  # the other instance is unaffected


def test_pin_of_a_place_not_listed_under_that_name(tmp_path: Path, small_built: Path) -> None:
    path = write(tmp_path, "City of Light,pin,2988507,\n")
    g = Gazetteer.open(cache_dir=small_built, overrides=path, build_options=SMALL)
    assert g.lookup("city of light")[0].geonameid == 2988507


def test_pin_to_an_unknown_id_is_an_error(tmp_path: Path, small_built: Path) -> None:
    path = write(tmp_path, "Paris,block,,\nParis,pin,999999999,\n")
    with pytest.raises(GazetteerDataError, match=r"overrides\.csv:3: GeoNames id 999999999"):
        Gazetteer.open(cache_dir=small_built, overrides=path, build_options=SMALL)


def test_a_pinned_place_scores_first(tmp_path: Path, small_built: Path) -> None:
    path = write(tmp_path, "Paris,pin,4717560,\n")
    g = Gazetteer.open(cache_dir=small_built, overrides=path, build_options=SMALL)
    scored = g.scored_candidates("paris")
    assert scored[0][0].geonameid == 4717560
    assert scored[0][1] > max(s for _, s in scored[1:])
