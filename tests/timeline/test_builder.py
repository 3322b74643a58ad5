"""Timeline ordering and merging across sources."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gazetteer.model import Place, PlaceKind
from timeline.builder import build_timeline, event_sort_key
from timeline.model import Event, EventPlace, EventStatus, Interval, PlaceRole, Precision, Source, precision_of

RIYADH = Place(geonameid=108410, name="Riyadh", lat=24.68773, lon=46.72185, kind=PlaceKind.CITY, country_code="SA")
PARIS = Place(geonameid=2988507, name="Paris", lat=48.85341, lon=2.3488, kind=PlaceKind.CITY, country_code="FR")
D = dt.date


def event(eid: str, title: str, start: D | None, end: D | None, *, place: Place = RIYADH, doc: str = "a",
          status: EventStatus = EventStatus.HAPPENED, published: D | None = None,
          precision: Precision | None = None) -> Event:
    interval = Interval(start=start, end=end)
    return Event(id=eid, title=title, interval=interval, precision=precision or precision_of(interval), status=status,
                 places=(EventPlace(place=place, role=PlaceRole.SITE),), document_id=doc,
                 sources=(Source(document_id=doc, title=doc, published=published),))


def test_orders_by_start_then_precision_then_status() -> None:
    month = event("m", "February events", D(2022, 2, 1), D(2022, 3, 1), place=PARIS)
    day = event("d", "Invasion", D(2022, 2, 24), D(2022, 2, 25), place=PARIS)
    since = event("s", "Control since 2014", D(2014, 1, 1), None, place=PARIS, precision=Precision.YEAR)
    planned = event("p", "Talks planned", D(2025, 2, 17), None, status=EventStatus.PLANNED, place=PARIS)
    summit = event("x", "Summit held", D(2025, 2, 17), D(2025, 2, 18))
    first_of_month = event("f", "First of February", D(2022, 2, 1), D(2022, 2, 2), place=PARIS)
    timeline = build_timeline([planned, day, summit, month, since, first_of_month], merge=False)
    assert [e.id for e in timeline.events] == ["s", "f", "m", "d", "x", "p"]


def test_same_talks_from_two_articles_merge_with_both_sources() -> None:
    planned = event("a1", "US-Russia talks in Riyadh", D(2025, 2, 17), None, doc="a",
                    status=EventStatus.PLANNED, published=D(2025, 2, 17))
    held = event("b1", "US-Russia talks in Riyadh", D(2025, 2, 18), D(2025, 2, 19), doc="b",
                 published=D(2025, 2, 19))
    other = event("c1", "Summit in Paris", D(2025, 2, 17), D(2025, 2, 18), place=PARIS, doc="c")
    timeline = build_timeline([planned, held, other])
    assert len(timeline) == 2
    merged = next(e for e in timeline.events if "Riyadh" in e.title)
    assert {s.document_id for s in merged.sources} == {"a", "b"}
    assert merged.status is EventStatus.HAPPENED  # the later report wins
    assert merged.interval == Interval.day(D(2025, 2, 18))  # the closed, precise date wins


def test_disagreeing_dates_are_flagged_not_hidden() -> None:
    a = event("a1", "Talks in Riyadh", D(2025, 2, 18), D(2025, 2, 19), doc="a")
    b = event("b1", "Talks in Riyadh", D(2025, 2, 19), D(2025, 2, 20), doc="b")
    (merged,) = build_timeline([a, b]).events
    assert merged.disagreements == ("dates differ: 2025-02-18 (a) vs 2025-02-19 (b)",)


def test_different_places_or_distant_dates_do_not_merge() -> None:
    a = event("a1", "Talks", D(2025, 2, 18), D(2025, 2, 19), doc="a")
    b = event("b1", "Talks", D(2025, 2, 18), D(2025, 2, 19), doc="b", place=PARIS)
    c = event("c1", "Talks", D(2025, 3, 18), D(2025, 3, 19), doc="c")
    assert len(build_timeline([a, b, c])) == 3


def test_dataframe_has_one_row_per_event() -> None:
    frame = build_timeline([event("a", "Talks", D(2025, 2, 18), D(2025, 2, 19))]).to_dataframe()
    assert list(frame["title"]) == ["Talks"]
    assert frame.loc[0, "places"] == ["Riyadh"]
    assert str(frame.loc[0, "start"].date()) == "2025-02-18"


dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 1, 1))


@st.composite
def events(draw: st.DrawFn) -> Event:
    start = draw(st.one_of(st.none(), dates))
    length = draw(st.integers(min_value=1, max_value=800))
    end = draw(st.one_of(st.none(), st.just(start + dt.timedelta(days=length) if start else D(2030, 1, 1))))
    if start is None and end is None:
        end = D(2000, 1, 1)
    return event(draw(st.text("abcdef", min_size=1, max_size=6)), "E", start, end,
                 status=draw(st.sampled_from(list(EventStatus))), doc=draw(st.sampled_from("xyz")))


@given(st.lists(events(), max_size=25))
def test_ordering_is_a_total_order_consistent_with_starts(items: list[Event]) -> None:
    ordered = build_timeline(items, merge=False).events
    keys = [event_sort_key(e) for e in ordered]
    assert keys == sorted(keys)
    starts = [e.interval.start or D.min for e in ordered]
    assert starts == sorted(starts)
    assert sorted(e.id for e in ordered) == sorted(e.id for e in items)


def test_events_years_apart_are_all_kept() -> None:
    old = event("o", "Talks", D(2014, 3, 1), D(2014, 3, 2))
    new = event("n", "Talks", D(2025, 2, 18), D(2025, 2, 19), place=PARIS)
    newer = event("w", "Summit", D(2025, 2, 19), D(2025, 2, 20), place=PARIS, doc="b")
    assert [e.id for e in build_timeline([new, old, newer]).events] == ["o", "n", "w"]


def test_an_open_interval_is_known_only_up_to_its_latest_report() -> None:
    # "protests have gone on since March", reported on 1 April: a report of protests there
    # starting in June is another happening, one starting in March the same one
    since = event("s", "Protests in Riyadh", D(2024, 3, 1), None, doc="a", published=D(2024, 4, 1))
    later = event("l", "Protests in Riyadh", D(2024, 6, 10), D(2024, 6, 11), doc="b", published=D(2024, 6, 11))
    again = event("g", "Protests in Riyadh", D(2024, 3, 1), None, doc="c", published=D(2024, 5, 1))
    merged = build_timeline([since, later, again]).events
    assert [len(e.sources) for e in merged] == [2, 1]
    assert merged[1].interval.start == D(2024, 6, 10)
