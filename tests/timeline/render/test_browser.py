"""The report in real headless Chromium: drawn, linked, offline, and inert under hostile text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from timeline.model import Timeline
from timeline.render import render_map, render_report, report_iframe_html

from .conftest import ReportPage

pytestmark = pytest.mark.browser

# Screen position of event i's glyph in the main chart (bar middle or point).
_GLYPH_XY = """
(i) => {
  const view = Array.from(Bokeh.index.all_views()).find(v => v.model.name === "gt-main");
  const data = geotimeline.chartSource.data;
  const col = (k) => (data instanceof Map ? data.get(k) : data[k]);
  const sx = view.frame.x_scale.compute((col("left")[i] + col("right")[i]) / 2);
  const sy = view.frame.y_scale.compute(col("lane")[i]);
  const box = view.el.getBoundingClientRect();
  return [box.left + sx, box.top + sy];
}
"""
_CHART_COUNTS = """
() => {
  const doc = Bokeh.documents[0];
  const source = doc.get_model_by_name("gt-events");
  const points = doc.get_model_by_name("gt-points").view.filter.indices.length;
  const bars = doc.get_model_by_name("gt-bars").view.filter.indices.length;
  const open = doc.get_model_by_name("gt-open").view.filter.indices.length;
  return {rows: source.get_length(), points: points, bars: bars, open: open};
}
"""
# Bokeh draws its tooltips inside shadow roots: collect their text too.
_DEEP_TEXT = """
(node) => {
  const parts = [];
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) { parts.push(n.textContent); return; }
    if (n.shadowRoot) { walk(n.shadowRoot); }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join("");
}
"""
_INJECTED = """
() => {
  const tags = "img, svg, iframe, details, object, embed, form, base, marquee, video, audio, input, x, math, script";
  const roots = document.querySelectorAll("#gt-table, .leaflet-popup-pane, .leaflet-tooltip-pane, header, footer");
  return Array.from(roots).reduce((n, root) => n + root.querySelectorAll(tags).length, 0);
}
"""
_SELECTED = "() => Array.from(geotimeline.chartSource.selected.indices).sort((a, b) => a - b)"
_HIGHLIGHTED = "() => Array.from(document.querySelectorAll('.gt-marker.gt-hl')).map(e => e.getAttribute('data-place'))"


def _assert_clean(opened: ReportPage) -> None:
    assert opened.console_errors == []
    assert opened.page_errors == []
    assert opened.network == []
    assert opened.dialogs == []
    assert opened.page.evaluate("() => window.__gtDialogs") == []


def _place_index(page: Any, name: str) -> int:
    return int(page.evaluate("(n) => geotimeline.data.places.name.indexOf(n)", name))


def test_report_draws_every_place_and_event(open_report: Callable[..., ReportPage], timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    assert page.locator(".gt-marker").count() == len(timeline_sample.places())
    counts = page.evaluate(_CHART_COUNTS)
    assert counts["rows"] == len(timeline_sample.events)
    assert counts["points"] + counts["bars"] + counts["open"] == len(timeline_sample.events)
    assert counts["points"] == 2  # the two day-precision events
    assert counts["open"] == 1  # "since 2014"
    assert page.locator("#gt-table tbody tr").count() == len(timeline_sample.events)
    _assert_clean(opened)
    opened.screenshot("report-desktop.png")


def test_report_reads_well_on_a_phone(open_report: Callable[..., ReportPage], timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample), width=390, height=844)
    page = opened.page
    # Nothing may push the page sideways on a narrow screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.locator(".gt-marker").count() == len(timeline_sample.places())
    _assert_clean(opened)
    opened.screenshot("report-phone.png")


def test_hover_shows_place_and_event_text(open_report: Callable[..., ReportPage], timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    riyadh = _place_index(page, "Riyadh")
    page.locator(f'.gt-marker[data-place="{riyadh}"]').hover(force=True)
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert "Riyadh" in tooltip.inner_text() and "1 event" in tooltip.inner_text()

    page.locator("#gt-chart").scroll_into_view_if_needed()
    x, y = page.evaluate(_GLYPH_XY, 4)
    page.mouse.move(x, y)
    bokeh_tip = page.locator(".bk-Tooltip, .bk-tooltip").filter(has_text="US-Russia talks in Riyadh")
    bokeh_tip.first.wait_for(timeout=5000)
    text = bokeh_tip.first.evaluate(_DEEP_TEXT)
    assert "18 February 2025" in text and "met in Riyadh" in text
    opened.screenshot("report-hover.png", full_page=False)
    _assert_clean(opened)


def test_clicking_a_timeline_event_highlights_its_marker(open_report: Callable[..., ReportPage],
                                                          timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    page.locator("#gt-chart").scroll_into_view_if_needed()
    x, y = page.evaluate(_GLYPH_XY, 4)  # US-Russia talks in Riyadh
    page.mouse.click(x, y)
    assert page.evaluate(_SELECTED) == [4]
    highlighted = page.evaluate(_HIGHLIGHTED)
    names = page.evaluate("(ids) => ids.map(i => geotimeline.data.places.name[i])", highlighted)
    assert sorted(names) == ["Riyadh", "Russia", "United States"]
    # The table now lists just that event.
    assert page.locator("#gt-table tbody tr").count() == 1
    assert "US-Russia talks in Riyadh" in page.locator("#gt-table tbody").inner_text()
    _assert_clean(opened)


def test_clicking_a_marker_selects_its_events(open_report: Callable[..., ReportPage],
                                              timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    ukraine = _place_index(page, "Ukraine")
    # Kyiv's circle overlaps Ukraine's at this zoom: send the click to Ukraine's own element.
    page.locator(f'.gt-marker[data-place="{ukraine}"]').dispatch_event("click")
    popup = page.locator(".leaflet-popup-content").last
    popup.wait_for()
    assert "Invasion of Ukraine" in popup.inner_text() and "February 2022" in popup.inner_text()
    assert popup.locator("mark").first.inner_text() == "Ukraine"
    assert popup.locator("a.gt-source").first.get_attribute("href") == "https://news.example.org/d2"
    assert page.evaluate(_SELECTED) == [0, 1]
    assert page.locator("#gt-table tbody tr").count() == 2
    opened.screenshot("report-popup.png", full_page=False)
    _assert_clean(opened)


def test_event_table_is_keyboard_navigable(open_report: Callable[..., ReportPage],
                                           timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    page.locator("#gt-table tbody tr").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-event')")
    assert focused == "2"
    page.keyboard.press("Enter")
    assert page.evaluate(_SELECTED) == [2]
    assert page.locator('#gt-table tbody tr[aria-selected="true"]').count() == 1
    moscow = str(_place_index(page, "Moscow"))
    assert page.evaluate(_HIGHLIGHTED) == [moscow]
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.getAttribute('data-event')") == "5"
    _assert_clean(opened)


def test_hostile_article_executes_nothing(open_report: Callable[..., ReportPage],
                                          timeline_hostile: Timeline) -> None:
    from timeline.render import ReportOptions

    opened = open_report(render_report(timeline_hostile, options=ReportOptions(table_page_size=500)))
    page = opened.page
    n = len(timeline_hostile.events)
    assert n >= 100
    assert page.locator(".gt-marker").count() == n
    assert page.evaluate(_CHART_COUNTS)["rows"] == n
    # Every payload shows as the very text it was, character for character.
    titles = page.evaluate("() => Array.from(document.querySelectorAll('.gt-row-title')).map(e => e.textContent)")
    assert titles == [e.title for e in timeline_hostile.events]
    assert page.locator("h1").evaluate("e => e.textContent") == timeline_hostile.title
    # Open every popup and hover every event.
    names = page.evaluate("() => geotimeline.data.places.name")
    for i in range(n):
        page.locator(f'.gt-marker[data-place="{i}"]').dispatch_event("click")
        popup = page.locator(".leaflet-popup-content").last
        popup.wait_for()
        assert popup.locator(".gt-popup-title").evaluate("e => e.textContent") == names[i]
    page.locator("#gt-show-all").click()
    page.locator("#gt-chart").scroll_into_view_if_needed()
    for i in range(n):
        x, y = page.evaluate(_GLYPH_XY, i)
        page.mouse.move(x, y)
    # Bokeh's tooltip shows a payload as its literal text.
    img = next(i for i, e in enumerate(timeline_hostile.events) if e.title == "Event <img src=x onerror=alert(1)>")
    x, y = page.evaluate(_GLYPH_XY, img)
    page.mouse.move(x, y)
    tip = page.locator(".bk-Tooltip").filter(has_text="Event <img src=x onerror=alert(1)>")
    tip.first.wait_for(timeout=5000)
    assert "Event <img src=x onerror=alert(1)>" in tip.first.evaluate(_DEEP_TEXT)
    assert page.locator("a[href^='javascript'], a[href^='data'], a[href^='vbscript']").count() == 0
    # Where article text is shown (table, popups, map tooltips, header, footer), no element a
    # payload could have created exists.
    assert page.evaluate(_INJECTED) == 0
    opened.screenshot("report-hostile.png")
    _assert_clean(opened)


def test_standalone_map_works_offline(open_report: Callable[..., ReportPage], timeline_sample: Timeline,
                                      chromium_browser: Any) -> None:
    page_html = render_map(timeline_sample).get_root().render()
    # The standalone map has no table or chart; mark it ready once the markers are drawn.
    page_html = page_html.replace("</html>", "<script>document.documentElement.setAttribute('data-gt-ready', '1')"
                                  "</script></html>")
    opened = open_report(page_html, name="map.html")
    assert opened.page.locator(".gt-marker").count() == len(timeline_sample.places())
    _assert_clean(opened)
    opened.screenshot("map-standalone.png")


def test_report_runs_inside_a_sandboxed_srcdoc_iframe(open_report: Callable[..., ReportPage],
                                                      timeline_sample: Timeline) -> None:
    host = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
            + report_iframe_html(render_report(timeline_sample))
            + "<script>document.documentElement.setAttribute('data-gt-ready', '1')</script></body></html>")
    opened = open_report(host, name="notebook.html")
    frame = opened.page.frames[1]
    frame.wait_for_selector("html[data-gt-ready]", timeout=30_000)
    assert frame.locator(".gt-marker").count() == len(timeline_sample.places())
    assert frame.evaluate(_CHART_COUNTS)["rows"] == len(timeline_sample.events)
    # The report tells the notebook its height and the frame grows to fit it.
    content = frame.evaluate("() => Math.ceil(document.body.getBoundingClientRect().height)")
    assert content > 1000
    opened.page.wait_for_function(
        "(h) => parseInt(document.querySelector('iframe').style.height) === h", arg=content, timeout=10_000)
    _assert_clean(opened)


def test_many_places_are_clustered(open_report: Callable[..., ReportPage], timeline_sample: Timeline) -> None:
    from timeline.render import ReportOptions

    opened = open_report(render_report(timeline_sample, options=ReportOptions(cluster_threshold=3)))
    page = opened.page
    assert page.evaluate("() => geotimeline.mapController.clustered") is True
    assert page.evaluate("() => geotimeline.mapController.markers.length") == len(timeline_sample.places())
    clusters = page.locator(".gt-cluster")
    assert clusters.count() >= 1
    # A cluster is labelled with the number of events it holds: only digits, no markup from data.
    assert all(text.isdigit() for text in clusters.all_inner_texts())
    # Selecting an event still reaches a clustered place: the map zooms until its marker shows.
    page.evaluate("() => geotimeline.emit('select', {events: [3], origin: 'test'})")
    page.wait_for_function("() => document.querySelectorAll('.gt-marker.gt-hl').length === 1")
    _assert_clean(opened)
    opened.screenshot("report-clustered.png", full_page=False)


def test_printing_lists_every_event(open_report: Callable[..., ReportPage], timeline_sample: Timeline) -> None:
    from timeline.render import ReportOptions

    opened = open_report(render_report(timeline_sample, options=ReportOptions(table_page_size=2)))
    page = opened.page
    assert page.locator("#gt-table tbody tr").count() == 2
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator("#gt-table tbody tr").count() == len(timeline_sample.events)
    assert page.locator(".gt-pager").is_hidden()
    opened.screenshot("report-print.png")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#gt-table tbody tr").count() == 2
    _assert_clean(opened)


def test_layer_control_filters_places_by_status(open_report: Callable[..., ReportPage],
                                                timeline_sample: Timeline) -> None:
    opened = open_report(render_report(timeline_sample))
    page = opened.page
    total = len(timeline_sample.places())
    assert page.locator(".gt-marker").count() == total
    planned = page.locator(".leaflet-control-layers-overlays label").filter(has_text="Planned events")
    planned.locator("input").uncheck()
    # Paris (and France, mentioned with it) have only the planned summit.
    assert page.locator(".gt-marker").count() == total - 2
    planned.locator("input").check()
    assert page.locator(".gt-marker").count() == total
    page.locator(".leaflet-control-layers-overlays label").filter(has_text="Event sites").locator("input").uncheck()
    sites = sum(1 for p in page.evaluate("() => geotimeline.data.places.role") if p == 0)
    assert page.locator(".gt-marker").count() == total - sites
    _assert_clean(opened)


def test_large_report_inflates_its_data_in_the_browser(open_report: Callable[..., ReportPage],
                                                       timeline_sample: Timeline) -> None:
    import dataclasses

    # 600 copies of the sample's events: enough for the data block to be stored deflated.
    events = tuple(dataclasses.replace(e, id=f"{e.id}-{k}", title=f"{e.title} #{k}")
                   for k in range(100) for e in timeline_sample.events)
    big = dataclasses.replace(timeline_sample, events=events)
    page_html = render_report(big)
    assert 'id="gt-data" data-encoding="deflate-base64"' in page_html
    opened = open_report(page_html)
    page = opened.page
    assert page.evaluate("() => geotimeline.data.events.title.length") == len(events)
    assert page.evaluate(_CHART_COUNTS)["rows"] == len(events)
    assert page.locator(".gt-marker").count() == len(timeline_sample.places())
    assert page.locator("#gt-table tbody tr").first.locator(".gt-row-title").inner_text() == events[0].title
    _assert_clean(opened)


def test_online_tiles_are_requested_only_when_chosen(open_report: Callable[..., ReportPage],
                                                     timeline_sample: Timeline) -> None:
    from timeline.render import ReportOptions

    opened = open_report(render_report(timeline_sample, options=ReportOptions(tiles="OpenStreetMap.Mapnik")))
    page = opened.page
    page.wait_for_function("() => document.querySelectorAll('img.leaflet-tile').length > 0")
    assert opened.network, "tiles were chosen, so the page asks for them (our test cuts them off)"
    assert all("tile.openstreetmap.org" in url for url in opened.network)
    assert page.locator(".gt-marker").count() == len(timeline_sample.places())
    assert opened.page_errors == [] and opened.dialogs == []
