"""The report: one self-contained, offline HTML page with the map, the chart and an event table.

Algorithm: compute the view model once; build the folium map and the Bokeh chart from it without
their own copies of the event text; render the folium figure into its head, body and script
parts; serialise the Bokeh document with renumbered ids; pour everything into our page template
(Jinja2 with autoescaping; untrusted text only ever arrives as template *data*), with Leaflet,
BokehJS and our scripts inlined and a Content-Security-Policy that forbids network requests.
The page script draws the table, embeds the chart, fills the chart's tooltip text from the
single JSON copy of the events and links the three views by event index.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from timeline.atomic import write_text_atomic
from timeline.model import Timeline
from timeline.render import assets
from timeline.render.chart import build_chart, chart_json
from timeline.render.data import STATUSES, DataBlock, data_block, safe_url, view_model
from timeline.render.map import build_map, country_layer_data, csp
from timeline.render.options import ReportOptions

__all__ = ["embed_snippet", "render_report", "report_iframe_html", "write_report"]

# Listing thousands of documents in the footer would dwarf the page; the table has them all.
_MAX_LISTED_SOURCES = 40


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("timeline.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class _ListedSource:
    title: str
    url: str | None
    published: str


def _version() -> str:
    from timeline import __version__

    return __version__


def _map_parts(fmap: Any) -> tuple[str, str]:
    """Folium's figure rendered as (body markup, script) without a full page.

    Folium's head is left out: it sizes ``html, body`` to the window (right for a page that is
    only a map, wrong for a report that scrolls) and forbids pinch-zoom on phones. Our
    stylesheet sizes the map to its box instead.
    """
    figure = fmap.get_root()
    figure.render()
    return figure.html.render(), figure.script.render()


def render_report(timeline: Timeline, *, options: ReportOptions | None = None) -> str:
    """The whole report page for ``timeline`` as one HTML string (deterministic, offline)."""
    options = options or ReportOptions()
    countries, names = country_layer_data()
    model = view_model(timeline, options=options, country_names=names)

    fmap = build_map(model, countries, options=options, embed_data=False, inline_assets=False)
    map_html, map_script = _map_parts(fmap)
    chart_root = build_chart(model, fill_text=False)
    bokeh_doc, root_id = chart_json(chart_root, title=model.title)

    counts = Counter(event.status for event in timeline.events)
    statuses = [{"name": str(s), "count": counts.get(s, 0)} for s in STATUSES if counts.get(s, 0)]
    listed: dict[tuple[str, str | None], _ListedSource] = {}
    for doc in timeline.documents:
        key = (doc.title or doc.id, safe_url(doc.source))
        listed.setdefault(key, _ListedSource(title=key[0], url=key[1],
                                             published="" if doc.published is None else doc.published.isoformat()))
    sources = list(listed.values())

    tiles_credit = ""
    if options.tiles is not None:
        import xyzservices

        tiles_credit = str(xyzservices.providers.query_name(options.tiles).get("attribution", ""))

    template = _environment().get_template("report.html.j2")
    return template.render(
        csp=csp(tiles=options.tiles is not None),
        version=_version(),
        title=model.title,
        summary=model.summary,
        statuses=statuses,
        sources=sources[:_MAX_LISTED_SOURCES],
        more_sources=max(0, len(sources) - _MAX_LISTED_SOURCES),
        tiles_credit=tiles_credit,
        chart_root_id=root_id,
        # Trusted markup: library code, our own scripts, and folium's output for elements whose
        # templates are constants and whose data went through JSON escaping.
        leaflet_css=Markup(assets.leaflet_css()),
        our_css=Markup(assets.our_css()),
        map_html=Markup(map_html),
        map_script=Markup(map_script),
        data=_markup_block(data_block(model.payload)),
        countries=_markup_block(data_block(countries)),
        bokeh=_markup_block(data_block(bokeh_doc)),
        leaflet_js=Markup(assets.leaflet_js()),
        map_js=Markup(assets.our_js("geotimeline-map.js")),
        bokeh_js=Markup(assets.bokeh_js()),
        report_js=Markup(assets.our_js("geotimeline-report.js")),
    )


def _markup_block(block: DataBlock) -> DataBlock:
    # JSON escaped by script_json, or base64: neither can close the script element.
    return DataBlock(text=Markup(block.text), type=block.type, encoding=block.encoding)


def embed_snippet(report_name: str, *, title: str) -> str:
    """An iframe that shows ``report_name`` and grows to its content's height.

    The report posts ``{type: "geotimeline:height", height}`` to its parent; the snippet accepts
    the message only from its own iframe and only as a number within sane bounds.
    """
    src = html.escape(report_name, quote=True)
    return f"""<!-- geotimeline report: paste this where the report should appear -->
<iframe class="geotimeline-embed" src="{src}" title="{html.escape(title, quote=True)}"
  loading="lazy"
  style="width:100%;height:900px;border:0;display:block"
  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
<script>
(function () {{
  var frames = document.querySelectorAll("iframe.geotimeline-embed");
  var frame = frames[frames.length - 1];
  window.addEventListener("message", function (event) {{
    if (!frame || event.source !== frame.contentWindow) {{ return; }}
    var data = event.data;
    if (!data || data.type !== "geotimeline:height") {{ return; }}
    var height = Number(data.height);
    if (isFinite(height) && height > 100 && height < 100000) {{ frame.style.height = Math.ceil(height) + "px"; }}
  }});
}})();
</script>
"""


def report_iframe_html(page: str, *, height: int = 900) -> str:
    """``page`` in an ``<iframe srcdoc>``, for Jupyter's ``_repr_html_``.

    The sandbox keeps the report's scripts away from the notebook (no same-origin access); the
    report still runs offline since everything is inline. Where the notebook runs output scripts
    (a trusted notebook), the frame then grows to the report's height, as the embed snippet does.
    """
    # A frame id derived from the page keeps the output deterministic and tells two reports in
    # one notebook apart.
    frame_id = "gt-frame-" + hashlib.sha256(page.encode("utf-8")).hexdigest()[:16]
    return (f'<iframe id="{frame_id}" srcdoc="{html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:0" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" title="geotimeline report">'
            "</iframe>\n"
            f"<script>(function () {{ var frame = document.getElementById({json.dumps(frame_id)});"
            "window.addEventListener('message', function (event) {"
            " if (!frame || event.source !== frame.contentWindow || !event.data"
            " || event.data.type !== 'geotimeline:height') { return; }"
            " var h = Number(event.data.height);"
            " if (isFinite(h) && h > 100 && h < 100000) { frame.style.height = Math.ceil(h) + 'px'; } });"
            "})();</script>")


def write_report(timeline: Timeline, path: str | os.PathLike[str], *, options: ReportOptions | None = None) -> Path:
    """Write the report to ``path`` atomically (temporary file, then rename); returns the path.

    With ``options.embed`` also writes ``NAME.embed.html`` next to it. Raises
    :class:`~timeline.errors.OutputError` naming the path when it cannot be written; the previous
    file, if any, is left intact.
    """
    options = options or ReportOptions()
    target = Path(path)
    page = render_report(timeline, options=options)
    write_text_atomic(target, page)
    if options.embed:
        title = options.title or timeline.title or "Timeline"
        write_text_atomic(target.with_name(f"{target.stem}.embed.html"), embed_snippet(target.name, title=title))
    return target

