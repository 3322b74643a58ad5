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
    FixedTicker,
    HoverTool,
    IndexFilter,
    Range1d,
    RangeTool,
    TapTool,
)
from bokeh.models.layouts import LayoutDOM
from bokeh.plotting import figure
from bokeh.transform import dodge, linear_cmap

from timeline.model import EventStatus, Timeline
from timeline.render.data import STATUS_COLOURS, STATUS_RANK, ViewModel, view_model
from timeline.render.options import ReportOptions

__all__ = ["PUBLISHED_LANE", "build_chart", "chart_json", "render_chart", "text_columns"]

PUBLISHED_LANE = "Publication dates"
_DAY_MS = 86_400_000.0
_EPOCH = dt.date(1970, 1, 1)
# Tooltip markup is ours and constant; every @field is inserted by Bokeh as escaped text.
_EVENT_TOOLTIP = """
<div style="max-width:320px;font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24">
  <div style="color:#57606a;font-size:12px"><span style="font-weight:600;text-transform:uppercase;
    letter-spacing:.04em">@status_text</span> · @label</div>
  <div style="font-weight:650;margin:2px 0 4px">@title</div>
  <div style="font-style:italic;color:#32383f">“@s_pre<b
    style="background:#fff3b0;font-style:normal">@s_hit</b>@s_post”</div>
  <div style="margin-top:4px;color:#57606a">@places</div>
  <div style="color:#57606a">@source</div>
</div>
"""
_TEXT_COLUMNS = ("title", "label", "status_text", "places", "s_pre", "s_hit", "s_post", "source")


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
        out["status_text"].append(payload["statuses"][events["status"][i]])
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

    lanes = list(model.lanes)
    if model.published:
        lanes.append(PUBLISHED_LANE)
    if not lanes:
        lanes = ["No events"]
    # Lanes are numbers on the y axis (top lane highest) with their names as tick labels: a
    # float per event instead of a string keeps 10,000-event pages small.
    lane_y = {name: float(len(lanes) - 1 - i) for i, name in enumerate(lanes)}

    n = len(model.rows)
    # float32 milliseconds are exact to about two minutes at today's dates: far finer than a day.
    left = np.empty(n, dtype=np.float32)
    right = np.empty(n, dtype=np.float32)
    lane = np.empty(n, dtype=np.float32)
    status = np.empty(n, dtype=np.uint8)
    points: list[int] = []
    bars: list[int] = []
    open_bars: list[int] = []
    arrows: dict[str, list[Any]] = {"x": [], "y": [], "angle": [], "colour": []}
    statuses = list(EventStatus)
    for i, row in enumerate(model.rows):
        left[i] = x_lo if row.start is None else _ms(row.start)
        right[i] = x_hi if row.end is None else _ms(row.end)
        lane[i] = lane_y[row.lane]
        status[i] = STATUS_RANK[row.status]
        if row.point:
            points.append(i)
        elif row.start is None or row.end is None:
            open_bars.append(i)
        else:
            bars.append(i)
        for is_open, x, angle in ((row.start is None, x_lo, math.pi / 2), (row.end is None, x_hi, -math.pi / 2)):
            if is_open:
                arrows["x"].append(x)
                arrows["y"].append(lane_y[row.lane])
                arrows["angle"].append(angle)
                arrows["colour"].append(STATUS_COLOURS[row.status])

    data: dict[str, Any] = {"left": left, "right": right, "lane": lane, "status": status}
    if fill_text:
        data.update(text_columns(model.payload))
    source = ColumnDataSource(data=data, name="gt-events")
    colour = linear_cmap("status", palette=[STATUS_COLOURS[s] for s in statuses], low=-0.5,
                         high=len(statuses) - 0.5)
    mid = dodge("left", _DAY_MS / 2)  # a day-precision point sits at noon of its day
    # An int32 array serialises as compact base64, a list as JSON numbers.
    filters = {name: IndexFilter(indices=np.asarray(idx, dtype=np.int32))  # type: ignore[arg-type]
               for name, idx in (("points", points), ("bars", bars), ("open", open_bars))}

    height = int(min(640, max(220, 70 + 30 * len(lanes))))
    y_range = Range1d(start=-0.6, end=len(lanes) - 0.4, bounds="auto")
    main = figure(
        height=height, sizing_mode="stretch_width", x_axis_type="datetime", y_range=y_range,
        x_range=Range1d(start=x_lo, end=x_hi, bounds=(x_lo, x_hi)), tools="xpan,xwheel_zoom,reset",
        toolbar_location="above", name="gt-main", title=None, min_border_left=10,
    )
    selected: dict[str, Any] = {"selection_line_color": "#111111", "selection_line_width": 2.5,
                "nonselection_fill_alpha": 0.12, "nonselection_line_alpha": 0.2}
    bar_r = main.hbar(y="lane", left="left", right="right", height=0.55, source=source,
                      view=CDSView(filter=filters["bars"]), fill_color=colour, fill_alpha=0.75,
                      line_color=colour, line_width=1, selection_fill_alpha=0.9, name="gt-bars", **selected)
    open_r = main.hbar(y="lane", left="left", right="right", height=0.55, source=source,
                       view=CDSView(filter=filters["open"]), fill_color=colour, fill_alpha=0.28,
                       line_color=colour, line_alpha=0.6, line_dash="dashed", line_width=1,
                       selection_fill_alpha=0.5, name="gt-open", **selected)
    point_r = main.scatter(x=mid, y="lane", size=12, marker="circle", source=source,
                           view=CDSView(filter=filters["points"]), fill_color=colour, line_color="#ffffff",
                           line_width=1.5, name="gt-points", **selected)
    if arrows["x"]:
        main.scatter(x="x", y="y", angle="angle", marker="triangle", size=12,
                     source=ColumnDataSource(data=arrows, name="gt-open-ends"),
                     fill_color="colour", line_color="colour", fill_alpha=0.85)
    renderers: list[Any] = [bar_r, open_r, point_r]
    main.add_tools(HoverTool(renderers=renderers, tooltips=_EVENT_TOOLTIP, point_policy="follow_mouse",
                             attachment="below"))
    main.add_tools(TapTool(renderers=renderers))
    if model.published:
        docs = ColumnDataSource(data={
            "x": np.asarray([_ms(day) + _DAY_MS / 2 for day, _ in model.published], dtype=np.float64),
            "y": np.full(len(model.published), lane_y[PUBLISHED_LANE], dtype=np.float32),
            "title": [title for _, title in model.published],
            "label": [day.isoformat() for day, _ in model.published],
        }, name="gt-documents")
        doc_r = main.scatter(x="x", y="y", marker="diamond", size=13, source=docs, fill_color="#57606a",
                             line_color="#ffffff", name="gt-published")
        main.add_tools(HoverTool(renderers=[doc_r], tooltips=[("Published", "@label"), ("Document", "@title")]))
    _style(main)
    main.toolbar.autohide = True  # tools appear on hover: a calmer chart, and none on paper
    main.yaxis.ticker = FixedTicker(ticks=list(range(len(lanes))))
    main.yaxis.major_label_overrides = {int(y): name for name, y in lane_y.items()}
    main.yaxis.major_label_text_font_size = "12px"
    main.yaxis.major_label_text_color = "#32383f"
    main.ygrid.ticker = FixedTicker(ticks=list(range(len(lanes))))

    # The overview is a histogram of events over time, not a second copy of every glyph: it
    # stays light however many events there are.
    edges, counts = _histogram(left, right, x_lo, x_hi)
    overview = figure(
        height=80, sizing_mode="stretch_width", x_axis_type="datetime",
        y_range=Range1d(start=0, end=max(1, int(counts.max(initial=0))) * 1.1),
        x_range=Range1d(start=x_lo, end=x_hi), tools="", toolbar_location=None, name="gt-overview", min_border_left=10,
    )
    overview.quad(left=edges[:-1], right=edges[1:], bottom=0, top=counts, fill_color="#5b7083", fill_alpha=0.55,
                  line_color=None, name="gt-histogram")
    range_tool = RangeTool(x_range=main.x_range)
    range_tool.overlay.fill_color = "#0072B2"
    range_tool.overlay.fill_alpha = 0.12
    overview.add_tools(range_tool)
    overview.yaxis.visible = False
    _style(overview)
    overview.ygrid.grid_line_color = None
    return column(main, overview, sizing_mode="stretch_width", name="gt-chart")


def _histogram(left: np.ndarray, right: np.ndarray, x_lo: float, x_hi: float) -> tuple[np.ndarray, np.ndarray]:
    """Events per bin (by where each event starts, open starts at the left edge), with bins of a
    day, week, month or year so there are at most a few hundred of them."""
    span_days = (x_hi - x_lo) / _DAY_MS
    width = next((w for w in (1, 7, 30.4375, 365.25, 3652.5) if span_days / w <= 300), 36525.0) * _DAY_MS
    bins = max(1, math.ceil((x_hi - x_lo) / width))
    edges = x_lo + np.arange(bins + 1, dtype=np.float64) * width
    counts, _ = np.histogram(left.astype(np.float64), bins=edges)
    return edges.astype(np.float32), counts.astype(np.int32)


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
        m._id = f"{prefix}{number}"  # type: ignore[attr-defined]


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
