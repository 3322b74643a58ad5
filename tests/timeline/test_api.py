"""The notebook API: read, build, filter, DataFrames, and objects that display themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

import timeline
from gazetteer import find_places
from gazetteer.frames import geocode_column, mentions_frame
from gazetteer.index import default_gazetteer
from timeline.model import EventStatus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seeds_timeline() -> timeline.Timeline:
    return timeline.build(timeline.read(SEEDS), title="Seeds")


def test_read_and_build_the_seeds() -> None:
    corpus = timeline.read(SEEDS)
    assert len(corpus.documents) == 2 and len(corpus.rows) == 22
    tl = timeline.build(corpus, title="Seeds")
    frame = tl.to_dataframe()
    assert len(frame) == len(tl) > 20
    assert frame["start"].is_monotonic_increasing


def test_filters_return_new_timelines() -> None:
    tl = seeds_timeline()
    since_2022 = tl.filter(start=dt.date(2022, 1, 1))
    assert 0 < len(since_2022) < len(tl)
    assert all(e.interval.end is None or e.interval.end > dt.date(2022, 1, 1) for e in since_2022)
    in_turkey = tl.filter(country="TR")
    assert in_turkey.events and all(any(ep.place.country_code == "TR" for ep in e.places) for e in in_turkey)
    putin = tl.filter(actor="putin")
    assert putin.events and all(any("Putin" in a.name for a in e.actors) for e in putin)
    planned = tl.filter(status="planned")
    assert all(e.status is EventStatus.PLANNED for e in planned)
    assert len(tl.filter(place="Istanbul")) >= 2


def test_objects_display_themselves_offline() -> None:
    tl = seeds_timeline().filter(start=dt.date(2025, 1, 1))
    report = tl.report()
    shown = report._repr_html_()
    assert shown.startswith("<iframe") and "srcdoc=" in shown
    assert "<script src=" not in report.html
    chart = tl.chart()
    assert "<iframe" in chart._repr_html_()
    assert "<script" in chart.html() and "cdn.bokeh.org" not in chart.html()
    assert "leaflet" in tl.map()._repr_html_().lower()
    assert tl._repr_html_().startswith("<iframe")


def test_report_save_writes_the_page(tmp_path: Path) -> None:
    tl = seeds_timeline().filter(country="SA")
    path = tl.report().save(tmp_path / "sa.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_gazetteer_frames() -> None:
    text = "Talks in Riyadh and Paris."
    frame = mentions_frame(find_places(text, gazetteer=default_gazetteer()))
    assert list(frame["surface"]) == ["Riyadh", "Paris"]
    assert (frame["end"] - frame["start"]).tolist() == [6, 5]
    assert frame.loc[0, "geonameid"] == 108410
    names = pd.Series(["Kyiv", "Nowhere-at-all-xyz", None, "Kyiv"], index=[10, 11, 12, 13])
    geo = geocode_column(names)
    assert list(geo.index) == [10, 11, 12, 13]
    assert geo.loc[10, "geonameid"] == geo.loc[13, "geonameid"] == 703448
    assert pd.isna(geo.loc[11, "lat"]) and pd.isna(geo.loc[12, "lat"])
