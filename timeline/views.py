"""Objects that display themselves in Jupyter (JupyterLab, classic Notebook, VS Code).

A report is shown inside an ``<iframe srcdoc>`` so its scripts and styles stay isolated from the
notebook's and it works offline; the same objects save to files.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.atomic import write_text_atomic

__all__ = ["ChartView", "Report"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Report:
    """A rendered, standalone report page."""

    html: str
    title: str = "Timeline"
    height: int = 900

    def save(self, path: str | Path) -> Path:
        """Write the page atomically; returns the path written."""
        target = Path(path)
        write_text_atomic(target, self.html)
        return target

    def _repr_html_(self) -> str:
        from timeline.render import report_iframe_html

        return report_iframe_html(self.html, height=self.height)


@dataclass(frozen=True, kw_only=True, slots=True)
class ChartView:
    """A Bokeh timeline: ``.figure`` for customising, displayed inline as a standalone page."""

    figure: Any
    title: str = "Timeline"
    height: int = 520

    def html(self) -> str:
        from bokeh.embed import file_html
        from bokeh.resources import INLINE

        return file_html(self.figure, resources=INLINE, title=self.title)

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        write_text_atomic(target, self.html())
        return target

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html(), quote=True)}" title="{html.escape(self.title)}" '
                f'style="width:100%;height:{self.height}px;border:0" sandbox="allow-scripts"></iframe>')
