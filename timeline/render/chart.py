"""The chart: a Bokeh timeline with lanes, an overview range tool and publication markers.

Algorithm: one ColumnDataSource (named ``gt-events``) holds one row per event, in timeline order,
so row ``i`` is event ``i`` everywhere in the page. Two renderers show it through index filters:
day-precision events as points, everything coarser or open as bars whose extent is the
uncertainty; an open side reaches the chart's edge, is drawn lighter and carries an arrow head.
A second, short figure shows the whole span with a RangeTool driving the main x range. Document
publication dates are diamonds in their own lane.

Hover tooltips use a constant HTML template whose ``@field`` values Bokeh inserts as escaped text.
In the report the text columns are filled in the browser from the page's single JSON copy of
the events (they would otherwise be stored twice); :func:`render_chart` fills them here.

Bokeh numbers its models from a process-wide counter, so two renders in one process differ; we
renumber every model in creation order before serialising, which makes the output depend only
on the input.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
from bokeh.document import Document
from bokeh.layouts import column
from bokeh.model import Model
from bokeh.models import (
    CDSView,
    ColumnDataSource,
    FactorRange,
    HoverTool,
    IndexFilter,
    Range1d,
    RangeTool,
    TapTool,
)
from bokeh.models.layouts import LayoutDOM
from bokeh.plotting import figure
from bokeh.transform import factor_cmap

from timeline.model import EventStatus, Timeline
from timeline.render.data import STATUS_COLOURS, ViewModel, view_model
from timeline.render.options import ReportOptions

__all__ = ["PUBLISHED_LANE", "build_chart", "chart_json", "render_chart", "text_columns"]

PUBLISHED_LANE = "Publication dates"
_DAY_MS = 86_400_000.0
_EPOCH = dt.date(1970, 1, 1)
# Tooltip markup is ours and constant; every @field is inserted by Bokeh as escaped text.
_EVENT_TOOLTIP = """
<div style="max-width:320px;font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24">
  <div style="color:#57606a;font-size:12px"><span style="font-weight:600;text-transform:uppercase;
    letter-spacing:.04em">@status</span> · @label</div>
  <div style="font-weight:650;margin:2px 0 4px">@title</div>
  <div style="font-style:italic;color:#32383f">“@s_pre<b style="background:#fff3b0;font-style:normal">@s_hit</b>@s_post”</div>
  <div style="margin-top:4px;color:#57606a">@places</div>
  <div style="color:#57606a">@source</div>
</div>
"""
_TEXT_COLUMNS = ("title", "label", "places", "s_pre", "s_hit", "s_post", "source")


def _ms(day: dt.date) -> float:
    return (day - _EPOCH).days * _DAY_MS


def text_columns(payload: dict[str, Any]) -> dict[str, list[str]]:
    """The tooltip text of every event, from the view-model payload (mirrors the page script)."""
    events, place_names, sources = payload["events"], payload["places"]["name"], payload["sources"]
    out: dict[str, list[str]] = {name: [] for name in _TEXT_COLUMNS}
    for i, title in enumerate(events["title"]):
        refs = events["places"][i]
        names = list(dict.fromkeys(place_names[refs[k]] for k in range(0, len(refs), 4)))
        sentence = events["sentence"][i]
        lo = hi = -1
        for k in range(0, len(refs), 4):
            if refs[k + 2] >= 0:
                lo, hi = refs[k + 2], refs[k + 3]
                break
        out["title"].append(title)
        out["label"].append(events["label"][i])
        out["places"].append(", ".join(names))
        if lo >= 0:
            out["s_pre"].append(sentence[:lo])
            out["s_hit"].append(sentence[lo:hi])
            out["s_post"].append(sentence[hi:])
        else:
            out["s_pre"].append(sentence)
            out["s_hit"].append("")
            out["s_post"].append("")
        out["source"].append(" · ".join(sources[s][0] for s in events["sources"][i]))
    return out


def build_chart(model: ViewModel, *, fill_text: bool) -> LayoutDOM:
    """The chart for an already computed view model; text columns only when ``fill_text``."""
    lo, hi = model.first, model.last
    if lo is None or hi is None:
        lo = hi = dt.date(2000, 1, 1)
    span = max((hi - lo).days + 1, 30)
    pad = max(span * 0.04, 3)
    x_lo = _ms(lo) - pad * _DAY_MS
    x_hi = _ms(hi) + (1 + pad) * _DAY_MS

    n = len(model.rows)
    left = np.empty(n, dtype=np.float64)
    right = np.empty(n, dtype=np.float64)
    open_alpha = np.empty(n, dtype=np.float64)
    points: list[int] = []
    bars: list[int] = []
    arrows_x: list[float] = []
    arrows_y: list[str] = []
    arrows_angle: list[float] = []
    arrows_colour: list[str] = []
    for i, row in enumerate(model.rows):
        left[i] = x_lo if row.start is None else _ms(row.start)
        right[i] = x_hi if row.end is None else _ms(row.end)
        open_alpha[i] = 0.35 if row.start is None or row.end is None else 0.75
        (points if row.point else bars).append(i)
        if row.start is None:
            arrows_x.append(x_lo)
            arrows_y.append(row.lane)
            arrows_angle.append(math.pi / 2)
            arrows_colour.append(STATUS_COLOURS[row.status])
        if row.end is None:
            arrows_x.append(x_hi)
            arrows_y.append(row.lane)
            arrows_angle.append(-math.pi / 2)
            arrows_colour.append(STATUS_COLOURS[row.status])

    data: dict[str, Any] = {
        "left": left,
        "right": right,
        "mid": (left + right) / 2,
        "lane": [row.lane for row in model.rows],
        "status": [str(row.status) for row in model.rows],
        "alpha": open_alpha,
    }
    if fill_text:
        data.update(text_columns(model.payload))
    source = ColumnDataSource(data=data, name="gt-events")
    lanes = list(model.lanes)
    if model.published:
        lanes.append(PUBLISHED_LANE)
    factors = list(reversed(lanes)) or ["No events"]
    statuses = [str(s) for s in EventStatus]
    colour = factor_cmap("status", palette=[STATUS_COLOURS[s] for s in EventStatus], factors=statuses)

    height = int(min(640, max(220, 70 + 30 * len(factors))))
    main = figure(
        height=height, sizing_mode="stretch_width", x_axis_type="datetime",
        y_range=FactorRange(factors=factors), x_range=Range1d(x_lo, x_hi, bounds=(x_lo, x_hi)),
        tools="xpan,xwheel_zoom,reset", toolbar_location="above", name="gt-main",
        title=None, min_border_left=10,
    )
    bar_r = main.hbar(y="lane", left="left", right="right", height=0.55, source=source,
                      view=CDSView(filter=IndexFilter(bars)), fill_color=colour, fill_alpha="alpha",
                      line_color=colour, line_alpha=0.9, line_width=1,
                      nonselection_fill_alpha=0.12, nonselection_line_alpha=0.2,
                      selection_line_color="#111111", selection_line_width=2.5, selection_fill_alpha=0.9,
                      name="gt-bars")
    point_r = main.scatter(x="mid", y="lane", size=12, marker="circle", source=source,
                           view=CDSView(filter=IndexFilter(points)), fill_color=colour, line_color="#ffffff",
                           line_width=1.5, nonselection_fill_alpha=0.15, nonselection_line_alpha=0.2,
                           selection_line_color="#111111", selection_line_width=2.5, name="gt-points")
    if arrows_x:
        arrows = ColumnDataSource(data={"x": arrows_x, "lane": arrows_y, "angle": arrows_angle,
                                        "colour": arrows_colour}, name="gt-open-ends")
        main.scatter(x="x", y="lane", angle="angle", marker="triangle", size=11, source=arrows,
                     fill_color="colour", line_color="colour", fill_alpha=0.8)
    renderers: list[Any] = [bar_r, point_r]
    main.add_tools(HoverTool(renderers=renderers, tooltips=_EVENT_TOOLTIP, point_policy="follow_mouse",
                             attachment="below"))
    main.add_tools(TapTool(renderers=renderers))
    if model.published:
        docs = ColumnDataSource(data={
            "x": [_ms(day) + _DAY_MS / 2 for day, _ in model.published],
            "lane": [PUBLISHED_LANE] * len(model.published),
            "title": [title for _, title in model.published],
            "label": [day.isoformat() for day, _ in model.published],
        }, name="gt-documents")
        doc_r = main.scatter(x="x", y="lane", marker="diamond", size=13, source=docs, fill_color="#57606a",
                             line_color="#ffffff", name="gt-published")
        main.add_tools(HoverTool(renderers=[doc_r], tooltips=[("Published", "@label"), ("Document", "@title")]))
    _style(main)
    main.yaxis.major_label_text_font_size = "12px"
    main.yaxis.major_label_text_color = "#32383f"

    overview = figure(
        height=80, sizing_mode="stretch_width", x_axis_type="datetime",
        y_range=FactorRange(factors=factors), x_range=Range1d(x_lo, x_hi), tools="", toolbar_location=None,
        name="gt-overview", min_border_left=10,
    )
    overview.hbar(y="lane", left="left", right="right", height=0.7, source=source, fill_color=colour,
                  line_color=None, fill_alpha=0.6, view=CDSView(filter=IndexFilter(bars)))
    overview.scatter(x="mid", y="lane", size=4, source=source, fill_color=colour, line_color=None,
                     view=CDSView(filter=IndexFilter(points)))
    range_tool = RangeTool(x_range=main.x_range)
    range_tool.overlay.fill_color = "#0072B2"
    range_tool.overlay.fill_alpha = 0.12
    overview.add_tools(range_tool)
    overview.yaxis.visible = False
    _style(overview)
    overview.ygrid.grid_line_color = None
    return column(main, overview, sizing_mode="stretch_width", name="gt-chart")


def _style(fig: Any) -> None:
    fig.outline_line_color = None
    fig.background_fill_color = "#ffffff"
    fig.border_fill_color = "#ffffff"
    fig.xgrid.grid_line_color = "#eaeef2"
    fig.ygrid.grid_line_color = "#f3f4f6"
    fig.axis.axis_line_color = "#d0d7de"
    fig.axis.major_tick_line_color = "#d0d7de"
    fig.axis.minor_tick_line_color = None
    fig.xaxis.major_label_text_color = "#57606a"
    fig.toolbar.logo = None


_SIMPLE_ID = re.compile(r"^p(\d+)$")


def renumber(models: set[Model], prefix: str = "gt") -> None:
    """Give Bokeh models ids by creation order instead of a process-wide counter."""
    def order(m: Model) -> int:
        match = _SIMPLE_ID.match(str(m.id))
        if match is None:
            raise RuntimeError("deterministic output needs Bokeh's simple ids (unset BOKEH_SIMPLE_IDS)")
        return int(match.group(1))

    for number, m in enumerate(sorted(models, key=order)):
        m._id = f"{prefix}{number}"  # type: ignore[assignment]


def chart_document(root: LayoutDOM, *, title: str) -> Document:
    doc = Document()
    renumber(root.references() | doc._config.references())
    doc.add_root(root)
    doc.title = title
    return doc


def chart_json(root: LayoutDOM, *, title: str) -> tuple[dict[str, Any], str]:
    """The document JSON for ``Bokeh.embed.embed_items`` and the id of its root."""
    doc = chart_document(root, title=title)
    return doc.to_json(deferred=False), str(root.id)  # type: ignore[return-value]


def render_chart(timeline: Timeline, *, options: ReportOptions | None = None) -> LayoutDOM:
    """The Bokeh timeline of ``timeline`` (a layout: main chart over an overview with a range tool).

    Show it with ``bokeh.io.show`` or in a notebook; for the standalone page use :func:`render_report`.
    """
    options = options or ReportOptions()
    from timeline.render.map import country_names

    model = view_model(timeline, options=options, country_names=country_names())
    root = build_chart(model, fill_text=True)
    chart_document(root, title=model.title)
    return root
