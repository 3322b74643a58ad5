"""Shared fixtures for the renderer tests: real-place timelines and a headless Chromium.

Browser tests use Debian's chromium at /usr/bin/chromium. They skip when it is absent, except in
CI (CI=true), where a missing browser is a failure: CI must prove the report works in a browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gazetteer.model import Place, PlaceKind
from timeline.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventPlace,
    EventStatus,
    Interval,
    PlaceRole,
    Precision,
    Source,
    Timeline,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

# Real GeoNames records (ids and coordinates as published by GeoNames, CC BY 4.0).
RIYADH = Place(geonameid=108410, name="Riyadh", lat=24.68781, lon=46.72185, kind=PlaceKind.CITY, country_code="SA")
PARIS = Place(geonameid=2988507, name="Paris", lat=48.85341, lon=2.3488, kind=PlaceKind.CITY, country_code="FR")
MOSCOW = Place(geonameid=524901, name="Moscow", lat=55.75222, lon=37.61556, kind=PlaceKind.CITY, country_code="RU")
KYIV = Place(geonameid=703448, name="Kyiv", lat=50.45466, lon=30.5238, kind=PlaceKind.CITY, country_code="UA")
UKRAINE = Place(geonameid=690791, name="Ukraine", lat=49.0, lon=32.0, kind=PlaceKind.COUNTRY, country_code="UA")
RUSSIA = Place(geonameid=2017370, name="Russia", lat=60.0, lon=100.0, kind=PlaceKind.COUNTRY, country_code="RU")
USA = Place(geonameid=6252001, name="United States", lat=39.76, lon=-98.5, kind=PlaceKind.COUNTRY, country_code="US")
FRANCE = Place(geonameid=3017382, name="France", lat=46.0, lon=2.0, kind=PlaceKind.COUNTRY, country_code="FR")


def _event(event_id: str, sentence: str, title: str, interval: Interval, precision: Precision,
           places: list[tuple[Place, PlaceRole, str]], *, status: EventStatus = EventStatus.HAPPENED,
           actors: tuple[Actor, ...] = (), document: str = "d1", offset: int = 0) -> Event:
    """An event whose place mentions are located in ``sentence`` (offsets into the document)."""
    eps = []
    for place, role, surface in places:
        at = sentence.find(surface)
        eps.append(EventPlace(place=place, role=role, surface=surface, start=offset + at,
                              end=offset + at + len(surface)) if at >= 0 else EventPlace(place=place, role=role))
    return Event(id=event_id, title=title, interval=interval, precision=precision, status=status, places=tuple(eps),
                 actors=actors, sentence=sentence, sentence_start=offset, sentence_end=offset + len(sentence),
                 document_id=document,
                 sources=(Source(document_id=document, title=f"Wire report {document}",
                                 url=f"https://news.example.org/{document}"),))


def sample_timeline() -> Timeline:
    """Six events at real places, one of each interesting precision, status and openness."""
    lavrov = Actor(name="Sergei Lavrov", kind=ActorKind.PERSON, title="Foreign Minister", country_code="RU")
    rubio = Actor(name="Marco Rubio", kind=ActorKind.PERSON, title="Secretary of State", country_code="US")
    events = (
        _event("e1", "Since 2014, fighting has continued in Ukraine's east.", "Fighting in eastern Ukraine",
               Interval(start=dt.date(2014, 1, 1), end=None), Precision.YEAR, [(UKRAINE, PlaceRole.SITE, "Ukraine")],
               status=EventStatus.ONGOING, document="d2"),
        _event("e2", "Russian troops invaded Ukraine in February 2022.", "Invasion of Ukraine",
               Interval(start=dt.date(2022, 2, 1), end=dt.date(2022, 3, 1)), Precision.MONTH,
               [(UKRAINE, PlaceRole.SITE, "Ukraine"), (RUSSIA, PlaceRole.ACTOR, "Russian")], document="d2"),
        _event("e3", "The Kremlin said talks were held in Moscow in the third quarter of 2024.", "Talks in Moscow",
               Interval(start=dt.date(2024, 7, 1), end=dt.date(2024, 10, 1)), Precision.QUARTER,
               [(MOSCOW, PlaceRole.SITE, "Moscow")], status=EventStatus.REPORTED, document="d2"),
        _event("e4", "Drones struck Kyiv on 17 February 2025.", "Drone strike on Kyiv",
               Interval.day(dt.date(2025, 2, 17)), Precision.DAY, [(KYIV, PlaceRole.SITE, "Kyiv")]),
        _event("e5", "US and Russian officials met in Riyadh on 18 February 2025.", "US-Russia talks in Riyadh",
               Interval.day(dt.date(2025, 2, 18)), Precision.DAY,
               [(RIYADH, PlaceRole.SITE, "Riyadh"), (USA, PlaceRole.ACTOR, "US"), (RUSSIA, PlaceRole.ACTOR, "Russian")],
               actors=(lavrov, rubio)),
        _event("e6", "European leaders will meet in Paris the week of 24 February 2025.", "Summit in Paris",
               Interval(start=dt.date(2025, 2, 24), end=dt.date(2025, 3, 3)), Precision.WEEK,
               [(PARIS, PlaceRole.SITE, "Paris"), (FRANCE, PlaceRole.MENTIONED, "European")],
               status=EventStatus.PLANNED),
    )
    documents = (
        Document(id="d1", text="", published=dt.date(2025, 2, 19), title="Talks in Riyadh",
                 source="https://news.example.org/d1"),
        Document(id="d2", text="", published=dt.date(2025, 1, 10), title="Three years of war",
                 source="https://news.example.org/d2"),
    )
    return Timeline(events=events, documents=documents, title="Ukraine talks, 2014–2025")


# Payloads aimed at every way text could turn into markup, script, a link or a template.
_BASE_PAYLOADS = (
    "<script>alert('t')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "\"><script>alert(2)</script>",
    "'><img src=x onerror=prompt(1)>",
    "</script><script>alert(3)</script>",
    "</title><script>confirm(1)</script>",
    "</textarea></style></noscript><script>alert(1)</script>",
    "<iframe src=javascript:alert(4)>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "javascript:alert(5)",
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "<a href=\"javascript:alert(6)\">click</a>",
    "<details open ontoggle=alert(7)>",
    "<body onload=alert(8)>",
    "<input autofocus onfocus=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=javascript:alert(1)//>",
    "<link rel=import href=data:text/html,x>",
    "\u2028</script>\u2029<script>alert(9)</script>",
    "&lt;script&gt;alert(10)&lt;/script&gt;",
    "<style>body{display:none}</style>",
    "<math><mi xlink:href=\"javascript:alert(11)\">x</mi></math>",
    "${alert(12)}",
    "`-alert(1)-`",
    "'-alert(1)-'",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert`1`>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "＜script＞alert(1)＜/script＞",  # full-width brackets: must stay text, not be normalised
    "\u202eevil\u202c <b>bold</b>",  # right-to-left override
    "zero\u200bwidth<i\u200bmg src=x onerror=alert(1)>",
    "nul\u0000<script>alert(1)</script>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<x onclick=alert(1)>click me</x>",
    "<marquee onstart=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<table background=javascript:alert(1)>",
    "data:text/html,<script>alert(1)</script>",
)
# Each payload also arrives closing the markup we might have wrapped it in.
_WRAPPERS = ("{}", "</q>{}", "</mark></td>{}")
HOSTILE = tuple(dict.fromkeys(w.format(p) for p in _BASE_PAYLOADS for w in _WRAPPERS))
HOSTILE_URLS = ("javascript:alert(13)", " javascript:alert(14)", "java\tscript:alert(15)",
                "data:text/html,<script>alert(16)</script>", "JaVaScRiPt:alert(17)", "vbscript:msgbox(1)",
                "//evil.example.org/x", "https://ok.example.org/?q=\"><script>alert(18)</script>")


def hostile_timeline() -> Timeline:
    """Every text field that reaches the report, filled with hostile strings."""
    events = []
    documents = []
    for i, payload in enumerate(HOSTILE):
        place = Place(geonameid=None, name=f"Place {payload}", lat=-40.0 + (i % 60) * 1.3, lon=-150.0 + i * 2.0,
                      kind=PlaceKind.CITY, country_code="SA")
        sentence = f"They said {payload} in Place {payload} today."
        url = HOSTILE_URLS[i % len(HOSTILE_URLS)]
        doc_id = f"doc{i}"
        documents.append(Document(id=doc_id, text=sentence, published=dt.date(2025, 1, 1 + i % 28),
                                  title=f"Title {payload}", source=url))
        events.append(Event(
            id=f"ev{i}", title=f"Event {payload}", interval=Interval.day(dt.date(2025, 1, 1 + i % 28)),
            precision=Precision.DAY, places=(EventPlace(place=place, role=PlaceRole.SITE, surface=f"Place {payload}",
                                                        start=sentence.find("Place"),
                                                        end=sentence.find("Place") + len(f"Place {payload}")),),
            actors=(Actor(name=f"Actor {payload}"),), sentence=sentence, sentence_start=0,
            sentence_end=len(sentence), document_id=doc_id,
            sources=(Source(document_id=doc_id, title=f"Source {payload}", url=url),),
        ))
    return Timeline(events=tuple(events), documents=tuple(documents), title=f"Report {HOSTILE[0]} {HOSTILE[36]}")


@pytest.fixture
def timeline_sample() -> Timeline:
    return sample_timeline()


@pytest.fixture
def timeline_hostile() -> Timeline:
    return hostile_timeline()


@dataclass
class ReportPage:
    """An opened report and everything it did: console errors, page errors, dialogs, requests."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)  # any request that is not file: or data:

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(scope="session")
def chromium_browser(chromium: Any) -> Any:
    """The session's one headless Chromium (tests/conftest.py): Playwright's sync API allows only
    one running instance per thread, so every test shares it."""
    return chromium


# Dialog functions replaced before any page script runs, so a payload that ran would be counted
# even if the dialog event were missed.
_HOOKS = """
window.__gtDialogs = [];
["alert", "confirm", "prompt", "print"].forEach(function (name) {
  window[name] = function () { window.__gtDialogs.push(name); };
});
"""


@pytest.fixture
def open_report(chromium_browser: Any, tmp_path: Path) -> Iterator[Callable[..., ReportPage]]:
    """``open_report(html, width=1280)``: the page loaded from a file: URL, network cut off."""
    contexts = []

    def opener(html: str, *, width: int = 1280, height: int = 900, name: str = "report.html") -> ReportPage:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = chromium_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = ReportPage(page=page)

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                opened.network.append(url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda msg: opened.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: opened.page_errors.append(str(exc)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.add_init_script(_HOOKS)
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-gt-ready]", timeout=30_000)
        return opened

    yield opener
    for context in contexts:
        context.close()
