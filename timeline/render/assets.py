"""The JavaScript and CSS a report inlines, read from the packages that ship them.

Leaflet, Leaflet.markercluster (XStatic packages) and BokehJS (bokeh's own inline resources) are
read once per process and inlined so a report needs no network. Leaflet's stylesheet points at
PNG files next to it; we turn those into data URIs, drop source-map comments (a browser with
developer tools open would fetch them) and the old-IE ``behavior`` rule.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["bokeh_js", "inline_script", "inline_style", "leaflet_css", "leaflet_js", "our_css", "our_js"]

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=\S+\s*$", re.MULTILINE)
_CSS_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def _xstatic_dir(module: str) -> Path:
    package = __import__(f"xstatic.pkg.{module}", fromlist=["BASE_DIR"])
    return Path(package.BASE_DIR)


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _clean_js(text: str) -> str:
    text = _SOURCE_MAP.sub("", text)
    # Inline scripts end at the first "</script": a library containing it would break the page.
    if re.search(r"</script", text, re.IGNORECASE):
        raise ValueError("an inlined script contains '</script'")
    return text


@cache
def leaflet_js() -> str:
    """Leaflet, markercluster, and default-marker images as data URIs."""
    leaflet = _xstatic_dir("leaflet")
    cluster = _xstatic_dir("leaflet_markercluster")
    images = leaflet / "images"
    # Leaflet guesses the default icon's folder from a CSS url(); with data URIs there is no
    # folder, so we give it the full URLs and an empty path instead.
    icons = (
        "L.Icon.Default.imagePath='';L.Icon.Default.mergeOptions({"
        f"iconUrl:'{_data_uri(images / 'marker-icon.png', 'image/png')}',"
        f"iconRetinaUrl:'{_data_uri(images / 'marker-icon-2x.png', 'image/png')}',"
        f"shadowUrl:'{_data_uri(images / 'marker-shadow.png', 'image/png')}'}});"
    )
    return "\n".join((
        _clean_js((leaflet / "leaflet.js").read_text("utf-8")),
        _clean_js((cluster / "leaflet.markercluster.js").read_text("utf-8")),
        icons,
    ))


@cache
def leaflet_css() -> str:
    leaflet = _xstatic_dir("leaflet")
    cluster = _xstatic_dir("leaflet_markercluster")
    css = (leaflet / "leaflet.css").read_text("utf-8")
    css = css.replace("behavior: url(#default#VML);", "")

    def inline(match: re.Match[str]) -> str:
        return f"url({_data_uri(leaflet / match.group(1), 'image/png')})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    parts = [css, (cluster / "MarkerCluster.css").read_text("utf-8"),
             (cluster / "MarkerCluster.Default.css").read_text("utf-8")]
    text = _CSS_SOURCE_MAP.sub("", "\n".join(parts))
    if re.search(r"url\((?!data:)", text):
        raise ValueError("an inlined stylesheet still points at a file or URL")
    return text


@cache
def bokeh_js() -> str:
    """BokehJS core only: the report uses no Bokeh widgets, tables, WebGL or maths."""
    from bokeh.resources import Resources

    raw = Resources(mode="inline", components=["bokeh"]).js_raw
    return "\n".join(_clean_js(part) for part in raw)


def _static(name: str) -> str:
    return resources.files("timeline.render").joinpath("static", name).read_text("utf-8")


@cache
def our_js(name: str) -> str:
    return _clean_js(_static(name))


@cache
def our_css() -> str:
    return _static("geotimeline.css")


def inline_script(code: str) -> str:
    return f"<script>{code}</script>"


def inline_style(css: str) -> str:
    if re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("an inlined stylesheet contains '</style'")
    return f"<style>{css}</style>"
