"""Renderers: a folium map, a Bokeh timeline and a single-file, offline HTML report.

folium and bokeh are imported only inside this package. Every renderer reads the same view model
(:mod:`timeline.render.data`) and inserts article text only as escaped data, never as template
source. Output is deterministic: the same timeline gives byte-identical HTML.
"""

from timeline.render.chart import render_chart
from timeline.render.labels import date_label
from timeline.render.map import render_map
from timeline.render.options import RenderError, ReportOptions
from timeline.render.report import render_report, report_iframe_html, write_report

__all__ = [
    "RenderError",
    "ReportOptions",
    "date_label",
    "render_chart",
    "render_map",
    "render_report",
    "report_iframe_html",
    "write_report",
]
