"""Options shared by the map, the chart and the report, validated on creation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from timeline.errors import TimelineError

__all__ = ["LANES", "RenderError", "ReportOptions"]

LANES = ("place", "country", "actor")


class RenderError(TimelineError, ValueError):
    """Bad render options (an unknown lane kind, tile provider or size)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportOptions:
    """How to draw a timeline.

    ``title`` None takes the timeline's own title. ``tiles`` None draws the offline basemap
    (country polygons, no request leaves the page); any other value is an xyzservices provider
    name such as ``"CartoDB.Positron"`` and makes the page fetch tiles from that provider, so the
    page's Content-Security-Policy then allows https images. ``embed`` makes :func:`write_report`
    also write an iframe snippet. Places are clustered when there are more than
    ``cluster_threshold`` of them. The chart shows at most ``max_lanes`` lanes, the busiest ones;
    the rest share an "other" lane. The event table shows ``table_page_size`` rows a page and a
    map popup lists at most ``popup_event_limit`` events.
    """

    title: str | None = None
    lanes: Literal["place", "country", "actor"] = "place"
    tiles: str | None = None
    embed: bool = False
    cluster_threshold: int = 150
    max_lanes: int = 20
    table_page_size: int = 25
    popup_event_limit: int = 12

    def __post_init__(self) -> None:
        if self.lanes not in LANES:
            raise RenderError(f"lanes must be one of {', '.join(LANES)}; got {self.lanes!r}")
        for name in ("cluster_threshold", "max_lanes", "table_page_size", "popup_event_limit"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise RenderError(f"{name} must be a positive integer; got {value!r}")
        if self.tiles is not None and not self.tiles.strip():
            raise RenderError("tiles must be None (offline basemap) or an xyzservices provider name")
