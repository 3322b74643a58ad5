"""The report page: deterministic, offline, with a strict CSP, and inert under hostile text."""

from __future__ import annotations

import base64
import json
import os
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.errors import OutputError
from timeline.model import Timeline
from timeline.render import (
    RenderError,
    ReportOptions,
    render_chart,
    render_map,
    render_report,
    report_iframe_html,
    write_report,
)
from timeline.render.data import safe_url

from .conftest import HOSTILE, HOSTILE_URLS


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._buffer = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buffer)))
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._buffer.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _json_block(page: str, element_id: str) -> object:
    for attrs, text in _parse(page).scripts:
        if attrs.get("id") == element_id:
            if attrs.get("data-encoding") == "deflate-base64":
                return json.loads(zlib.decompress(base64.b64decode(text)))
            return json.loads(text)
    raise AssertionError(f"no script element with id {element_id}")


def test_same_timeline_gives_byte_identical_report(timeline_sample: Timeline) -> None:
    first = render_report(timeline_sample)
    second = render_report(timeline_sample)
    assert first == second
    # Neither branca's random hex ids nor Bokeh's uuid-style ids survive.
    assert not re.search(r"[0-9a-f]{32}", first.split('id="gt-bokeh"')[0][-200_000:])


def test_report_loads_nothing_from_the_network(timeline_sample: Timeline) -> None:
    page = render_report(timeline_sample)
    tags = _parse(page).tags
    for tag, attrs in tags:
        if tag in ("script", "img", "iframe", "embed", "source", "audio", "video"):
            assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            pytest.fail(f"unexpected <link>: {attrs}")
    assert not re.search(r"""url\(\s*['"]?(https?:)?//""", page)


def test_report_has_a_csp_that_forbids_requests(timeline_sample: Timeline) -> None:
    tags = _parse(render_report(timeline_sample)).tags
    metas = [attrs for tag, attrs in tags if tag == "meta" and (attrs.get("http-equiv") or "").lower()
             == "content-security-policy"]
    assert len(metas) == 1
    policy = {part.split()[0]: part.split()[1:] for part in (metas[0]["content"] or "").split(";") if part.strip()}
    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    assert "'unsafe-eval'" not in policy["script-src"]
    # The CSP must come before the first script to cover it.
    first_script = next(i for i, (tag, _) in enumerate(tags) if tag == "script")
    csp_at = next(i for i, (tag, attrs) in enumerate(tags) if tag == "meta" and attrs.get("http-equiv"))
    assert csp_at < first_script


def test_online_tiles_are_an_explicit_choice(timeline_sample: Timeline) -> None:
    page = render_report(timeline_sample, options=ReportOptions(tiles="OpenStreetMap.Mapnik"))
    assert "img-src data: https:" in page
    assert "tile.openstreetmap.org" in page
    with pytest.raises(RenderError, match="unknown tile provider"):
        render_report(timeline_sample, options=ReportOptions(tiles="No.Such.Provider"))


def test_report_data_has_every_event_place_and_document(timeline_sample: Timeline) -> None:
    page = render_report(timeline_sample)
    data = _json_block(page, "gt-data")
    assert isinstance(data, dict)
    assert data["events"]["title"] == [e.title for e in timeline_sample.events]
    assert len(data["places"]["name"]) == len(timeline_sample.places())
    assert "6 events at 8 places from 2 documents, 1 January 2014 – 2 March 2025." in page
    # The quoted sentence marks the place: Riyadh is found at its offsets in event 5.
    refs = data["events"]["places"][4]
    sentence = data["events"]["sentence"][4]
    assert sentence[refs[2]:refs[3]] == "Riyadh"
    bokeh = _json_block(page, "gt-bokeh")
    assert isinstance(bokeh, dict) and bokeh["roots"]


def _hostile_checks(page: str, *, our_scripts: int) -> None:
    parsed = _parse(page)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert len(scripts) == our_scripts, "a payload created a script element"
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "svg", "iframe", "details", "math", "object", "embed", "form", "base", "x",
                           "marquee", "video", "audio", "input", "isindex"), f"a payload created <{tag}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler attribute on <{tag}>: {name}={value!r}"
            if name in ("href", "src", "action", "formaction", "xlink:href", "background") and value:
                assert value.startswith(("https://", "http://", "#")), f"<{tag} {name}={value!r}>"
    # No template engine evaluated anything: not in the page, not in its data.
    data = _json_block(page, "gt-data")
    text = page + json.dumps(data, ensure_ascii=False)
    assert "Event 49" not in text and "looplooploop" not in text
    assert "{{ 7*7 }}" in text and "{% for x in range(3) %}loop{% endfor %}" in text
    assert "uid=" not in text  # the popen payload never ran


def test_hostile_text_stays_text_in_the_report(timeline_hostile: Timeline) -> None:
    page = render_report(timeline_hostile, options=ReportOptions(title=f"Custom {HOSTILE[1]}"))
    _hostile_checks(page, our_scripts=8)
    data = _json_block(page, "gt-data")
    assert isinstance(data, dict)
    # The payloads arrive intact as data, for the page to show with textContent...
    assert set(data["events"]["title"]) == {f"Event {p}" for p in HOSTILE}
    # ...but no link other than http(s) survives.
    urls = [url for _, url, _ in data["sources"] if url]
    assert urls == ["https://ok.example.org/?q=\"><script>alert(18)</script>"] or all(
        u.startswith("https://") for u in urls)


def test_hostile_text_stays_text_in_the_standalone_map(timeline_hostile: Timeline) -> None:
    page = render_map(timeline_hostile).get_root().render()
    # The standalone map page has the Leaflet bundle, folium's global switches, the map script
    # and our two JSON blocks.
    _hostile_checks(page, our_scripts=5)


def test_standalone_map_is_deterministic_and_offline(timeline_sample: Timeline) -> None:
    first = render_map(timeline_sample).get_root().render()
    second = render_map(timeline_sample).get_root().render()
    assert first == second
    assert not re.search(r"<script[^>]+src=", first)
    assert not re.search(r"<link[^>]+href=", first)
    assert "Content-Security-Policy" in first


def test_chart_has_one_row_per_event_and_stable_ids(timeline_sample: Timeline) -> None:
    root = render_chart(timeline_sample)
    source = root.select_one({"name": "gt-events"})
    assert len(source.data["left"]) == len(timeline_sample.events)
    assert source.data["title"] == [e.title for e in timeline_sample.events]
    assert all(str(m.id).startswith("gt") for m in root.references())


def test_safe_url_allows_only_http_and_https() -> None:
    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert safe_url("http://example.org") == "http://example.org"
    for url in HOSTILE_URLS[:-1]:
        assert safe_url(url) is None, url
    assert safe_url("") is None and safe_url(None) is None


def test_write_report_is_atomic_and_writes_the_embed_snippet(timeline_sample: Timeline, tmp_path: Path) -> None:
    target = tmp_path / "talks.html"
    target.write_text("previous report", encoding="utf-8")
    written = write_report(timeline_sample, target, options=ReportOptions(embed=True))
    assert written == target
    assert target.read_text(encoding="utf-8") == render_report(timeline_sample, options=ReportOptions(embed=True))
    snippet = (tmp_path / "talks.embed.html").read_text(encoding="utf-8")
    assert 'src="talks.html"' in snippet and "geotimeline:height" in snippet
    assert "event.source !== frame.contentWindow" in snippet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.embed.html", "talks.html"]
    # Readable by a web server like any file written with open(), not owner-only like a temp file.
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "talks.embed.html").stat().st_mode & 0o777 == 0o666 & ~umask
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # kept from the file it replaced


def test_write_report_to_an_unwritable_place_leaves_nothing(timeline_sample: Timeline, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "report.html"
    with pytest.raises(OutputError, match="no-such-dir"):
        write_report(timeline_sample, missing)
    assert list(tmp_path.iterdir()) == []


def test_iframe_html_escapes_the_page_into_srcdoc(timeline_hostile: Timeline) -> None:
    page = render_report(timeline_hostile)
    frame = report_iframe_html(page)
    parsed = _parse(frame)
    assert [tag for tag, _ in parsed.tags] == ["iframe", "script"]
    attrs = parsed.tags[0][1]
    assert frame == report_iframe_html(page)
    assert attrs["srcdoc"] == page
    assert "allow-same-origin" not in (attrs["sandbox"] or "")


def test_options_are_validated() -> None:
    with pytest.raises(RenderError, match="lanes"):
        ReportOptions(lanes="city")  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="max_lanes"):
        ReportOptions(max_lanes=0)


@pytest.mark.parametrize("lanes", ["place", "country", "actor"])
def test_lanes_follow_the_chosen_kind(timeline_sample: Timeline, lanes: str) -> None:
    root = render_chart(timeline_sample, options=ReportOptions(lanes=lanes))  # type: ignore[arg-type]
    factors = list(root.select_one({"name": "gt-main"}).yaxis[0].major_label_overrides.values())
    expected = {"place": "Riyadh", "country": "SA", "actor": "Sergei Lavrov"}[lanes]
    assert any(expected in f or (lanes == "country" and f == "Saudi Arabia") for f in factors), factors


def test_empty_timeline_still_renders() -> None:
    page = render_report(Timeline())
    assert "0 events at 0 places from 0 documents." in page


def test_report_is_identical_across_processes(timeline_sample: Timeline, tmp_path: Path) -> None:
    """Hash seeds and id counters differ between processes; the page must not."""
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from conftest import sample_timeline; "
        "from timeline.render import ReportOptions, render_chart, render_report; "
        "render_chart(sample_timeline());"  # advance Bokeh's id counter first
        "sys.stdout.write(render_report(sample_timeline()))"
    )
    here = str(Path(__file__).parent)
    pages = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script, here], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, encoding="utf-8")
        pages.append(done.stdout)
    assert pages[0] == pages[1] == render_report(timeline_sample)
