"""The map: a folium ``Map`` whose content is drawn by our own small Leaflet script.

Folium gives us the map container, the scale bar and optional tiles. Everything that carries
article text (markers, popups, tooltips, legend, layer control, country shading) is drawn in the
browser by ``static/geotimeline-map.js`` from the JSON view model, inserting text only with
``textContent``. That keeps article text away from folium's templates altogether: folium's
``Popup``/``Html`` compile their text as Jinja2 source (``{{ 7*7 }}`` becomes 49), so nothing
untrusted may ever be handed to them. Even branca's ``MacroElement`` compiles its rendered
output a second time, so our elements (:class:`_SafeMacroElement`) emit theirs as finished
markup. Their templates are constants in this module and their data enters through
:func:`~timeline.render.data.data_block` (escaped JSON, or deflated base64 for large data).

Algorithm: build the folium ``Map`` without tiles (the offline basemap is the country polygons)
or with a named xyzservices provider; drop folium's CDN links; attach one element holding the
inlined Leaflet assets and one holding the data and the call that draws it; finally renumber
every element id in tree order, because branca ids are random and the page must be
byte-identical for the same input.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from timeline.model import Timeline
from timeline.render import assets
from timeline.render.data import ViewModel, data_block, view_model
from timeline.render.options import RenderError, ReportOptions

__all__ = ["build_map", "country_layer_data", "country_names", "csp", "make_deterministic", "render_map"]

# Coordinates rounded to 0.01° (about 1 km): the 1:110m polygons are coarser than that, and it
# halves the bytes of the basemap.
_COORD_DIGITS = 2


class _SafeMacroElement(MacroElement):
    """A MacroElement whose rendered macros are emitted as finished markup.

    branca's ``MacroElement.render`` wraps each macro's output in ``Element(output)``, which
    compiles that output as a Jinja2 template a second time: any data a macro printed (JSON of
    article text, a library's source code) would be evaluated, ``{{ 7*7 }}`` becoming 49. We
    add the output as :class:`_Markup` instead.
    """

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # as MacroElement.render
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise RenderError("a map element can only be rendered inside a folium figure")
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Markup(str(macro(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _InlineAssets(_SafeMacroElement):
    """Leaflet, markercluster and our map script and styles, inlined in the page head."""

    _template = Template("""
{% macro header(this, kwargs) %}
<meta http-equiv="Content-Security-Policy" content="{{ this.csp }}">
<style>{{ this.css }}</style>
<script>{{ this.js }}</script>
{% endmacro %}
""")

    def __init__(self, *, csp: str) -> None:
        super().__init__()
        self._name = "GeotimelineAssets"
        self.csp = csp
        self.css = assets.leaflet_css() + "\n" + assets.our_css()
        self.js = assets.leaflet_js() + "\n" + assets.our_js("geotimeline-map.js")


class _EventLayer(_SafeMacroElement):
    """Places, country shading, legend and popups, drawn by geotimeline-map.js.

    With ``embed_data`` False the data are expected elsewhere in the page under the same ids
    (the report stores them once for the map, the chart and the table).
    """

    _template = Template("""
{% macro html(this, kwargs) %}
{%- if this.embed_data %}
{%- for block, block_id in ((this.data, this.data_id), (this.countries, this.countries_id)) %}
<script type="{{ block.type }}" id="{{ block_id }}"
  {%- if block.encoding %} data-encoding="{{ block.encoding }}"{% endif %}>{{ block.text }}</script>
{%- endfor %}
{%- endif %}
{% endmacro %}
{% macro script(this, kwargs) %}
Promise.all([geotimeline.loadJSON({{ this.data_id|tojson }}), geotimeline.loadJSON({{ this.countries_id|tojson }})])
  .then(function (loaded) { geotimeline.initMap({{ this._parent.get_name() }}, loaded[0], loaded[1]); });
{% endmacro %}
""")

    def __init__(self, *, data: Mapping[str, Any], countries: Mapping[str, Any] | None, embed_data: bool,
                 data_id: str = "gt-data", countries_id: str = "gt-countries") -> None:
        super().__init__()
        self._name = "GeotimelineEvents"
        self.embed_data = embed_data
        self.data_id = data_id
        self.countries_id = countries_id
        self.data = data_block(data) if embed_data else None
        self.countries = data_block(countries) if embed_data else None


def csp(*, tiles: bool) -> str:
    """A Content-Security-Policy that lets the page run its inline code and load nothing.

    Scripts and styles are inline (the page is one file), images are data URIs. With a tile
    provider chosen, https images are allowed: that is the explicit online opt-in.
    """
    img = "data: https:" if tiles else "data:"
    return ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            f"img-src {img}; font-src data:; connect-src 'none'; frame-src 'none'; object-src 'none'; "
            "base-uri 'none'; form-action 'none'")


@cache
def country_layer_data() -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The country polygons, trimmed to what the map draws, and ISO alpha-2 code -> name.

    Cached for the process: callers must not modify the result. (None, {}) when the gazetteer
    has no boundaries module: the map then draws places on a plain background.
    """
    try:
        from gazetteer.boundaries import country_geojson
    except ImportError:
        return None, {}
    collection = country_geojson()
    features = []
    names: dict[str, str] = {}
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        code = props.get("iso_a2") or ""
        if isinstance(code, str) and len(code) == 2 and code.isalpha():
            names[code.upper()] = str(props.get("name") or code)
        geometry = feature.get("geometry")
        if not geometry:
            continue
        features.append({"type": "Feature", "properties": {"iso_a2": code, "name": props.get("name") or ""},
                         "geometry": {"type": geometry["type"],
                                      "coordinates": _round(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}, names


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> country name, from the boundaries' properties."""
    return country_layer_data()[1]


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), _COORD_DIGITS)
    return [_round(c) for c in coords]


def _walk(element: Element) -> Iterator[Element]:
    yield element
    if isinstance(element, Figure):
        for part in (element.header, element.html, element.script):
            yield from _walk(part)
    for child in element._children.values():
        yield from _walk(child)


def make_deterministic(element: Element, prefix: str = "gt") -> None:
    """Replace branca's random element ids with ones numbered in tree order."""
    root = element.get_root()
    for number, node in enumerate(_walk(root)):
        node._id = f"{prefix}{number}"


def build_map(model: ViewModel, countries: Mapping[str, Any] | None, *, options: ReportOptions,
              embed_data: bool, inline_assets: bool) -> folium.Map:
    """The folium map for an already computed view model (shared with the report)."""
    tiles: Any = None
    if options.tiles is not None:
        import xyzservices

        try:
            provider = xyzservices.providers.query_name(options.tiles)
        except ValueError as exc:
            raise RenderError(f"unknown tile provider {options.tiles!r} (an xyzservices name such as "
                              f"'CartoDB.Positron')") from exc
        tiles = folium.TileLayer(tiles=provider.build_url(), attr=provider.html_attribution,
                                 name=provider.name, max_zoom=provider.get("max_zoom", 18))
    fmap = folium.Map(location=None, tiles=tiles, control_scale=True, zoom_start=2, world_copy_jump=True,
                      width="100%", height="100%")
    # Folium hands zoom limits to its tile layer only; without tiles the map itself needs them
    # (marker clustering refuses a map with no maxZoom).
    fmap.options["min_zoom"] = 1
    fmap.options["max_zoom"] = 12
    # Folium's defaults are CDN links to jQuery, Bootstrap, Font Awesome and Leaflet. We inline
    # Leaflet ourselves and draw popups without jQuery or icon fonts.
    fmap.default_js = []
    fmap.default_css = []
    if inline_assets:
        fmap.add_child(_InlineAssets(csp=csp(tiles=options.tiles is not None)))
    fmap.add_child(_EventLayer(data=model.payload, countries=countries, embed_data=embed_data))
    figure = fmap.get_root()
    if isinstance(figure, Figure):
        figure.header._children.pop("meta_http", None)
        figure.header.add_child(_Markup('<meta charset="utf-8">'), name="meta_charset", index=0)
        figure.header.add_child(_Markup(f"<title>{html.escape(model.title)}</title>"), name="title", index=1)
    make_deterministic(fmap)
    return fmap


class _Markup(Element):
    """Finished HTML, emitted as is. ``Element(text)`` would compile ``text`` as a Jinja2
    template, which must never happen to anything derived from article text."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "Markup"
        self.markup = markup

    def render(self, **kwargs: Any) -> str:
        return self.markup


def render_map(timeline: Timeline, *, options: ReportOptions | None = None) -> folium.Map:
    """A standalone folium map of ``timeline``: offline, self-contained, deterministic.

    ``fmap.get_root().render()`` gives a whole HTML page and ``fmap._repr_html_()`` displays it in
    Jupyter; both need no network unless ``options.tiles`` names a tile provider.
    """
    options = options or ReportOptions()
    countries, names = country_layer_data()
    model = view_model(timeline, options=options, country_names=names)
    return build_map(model, countries, options=options, embed_data=True, inline_assets=True)
