"""The positional builder gives the same frozen values as the dataclass constructors."""

from __future__ import annotations

import dataclasses

import pytest

from gazetteer.fastinit import builder
from gazetteer.geoparse.recognise import Cue, Span
from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention


def test_span_builder_equals_constructor() -> None:
    made = builder(Span)(3, 8, "Paris", "paris", Cue.NAME, True, False, None)
    assert made == Span(start=3, end=8, surface="Paris", key="paris", in_organisation=True)
    assert type(made) is Span
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4  # type: ignore[misc]


def test_mention_builder_equals_constructor() -> None:
    paris = Place(geonameid=2988507, name="Paris", lat=48.85341, lon=2.3488, kind=PlaceKind.CITY, country_code="FR")
    made = builder(PlaceMention)("Paris", 0, 5, paris, MentionRole.METONYMIC, 0.5, (), False)
    assert made == PlaceMention(
        surface="Paris", start=0, end=5, place=paris, role=MentionRole.METONYMIC, confidence=0.5
    )
    assert hash(made) == hash(
        PlaceMention(surface="Paris", start=0, end=5, place=paris, role=MentionRole.METONYMIC, confidence=0.5)
    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Unslotted:
    name: str
    count: int = 0


def test_fields_without_slots_are_stored_past_the_frozen_guard() -> None:
    made = builder(_Unslotted)("a", 2)
    assert made == _Unslotted(name="a", count=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.count = 3  # type: ignore[misc]


def test_a_wrong_number_of_values_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        builder(_Unslotted)("a")
