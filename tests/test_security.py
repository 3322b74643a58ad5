"""Hostile text in every field that reaches a report: nothing executes, everything still shows.

The corpus (tests/data/hostile.txt, 100+ strings) goes into article text, titles, source names
and URLs, event-table place names, actors, titles and notes. The report is built by the real
CLI and opened in headless Chromium with dialogs, script errors and network requests counted.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pytest
import yaml

from timeline.cli import main

DATA = Path(__file__).resolve().parent / "data" / "hostile.txt"
PAYLOADS = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line and not line.startswith("# ")]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def test_the_corpus_is_large_and_varied() -> None:
    assert len(PAYLOADS) >= 100
    for needle in ("<script", "onerror=", "javascript:", "data:text/html", "<svg", "{{", "{%", "\u202e"):
        assert any(needle in p for p in PAYLOADS), needle


def write_hostile_inputs(folder: Path) -> list[Path]:
    paths = []
    for number, start in enumerate(range(0, len(PAYLOADS), 12)):
        chunk = PAYLOADS[start:start + 12]
        meta = {"title": chunk[0], "published": "2025-02-17",
                "source": chunk[1] if number % 2 else f"javascript:alert({number})"}
        body = "\n\n".join(f"Officials met in Riyadh on Monday, {i + 1} February 2025. {p} said the talks in Paris "
                           f"would continue on Friday." for i, p in enumerate(chunk))
        path = folder / f"hostile-{number:02d}.md"
        path.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    table = folder / "hostile-table.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_date", "title", "location", "latitude", "longitude", "actor1", "actor2", "notes",
                         "source", "source_url"])
        for i, payload in enumerate(PAYLOADS):
            writer.writerow([f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}", payload, payload, f"{10 + i * 0.3:.3f}",
                             f"{20 + i * 0.5:.3f}", payload, f"Person {i}", payload, payload,
                             payload if i % 3 else "javascript:alert(9)"])
    paths.append(table)
    return paths


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    inputs = write_hostile_inputs(folder)
    out = folder / "report.html"
    assert main(["--quiet", "report", *map(str, inputs), "-o", str(out), "--title", PAYLOADS[0], "--lanes", "actor",
                 "--embed"]) == 0
    return out


def test_no_payload_survives_unescaped_in_the_page(hostile_report: Path) -> None:
    page = hostile_report.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if "<" in payload or ">" in payload:
            assert payload not in page, payload
    assert 'href="javascript:' not in page.lower() and "href='javascript:" not in page.lower()
    assert "Talks 49 in Riyadh" not in page
    embed = hostile_report.with_suffix(".embed.html").read_text(encoding="utf-8")
    assert "<script>alert" not in embed


def test_nothing_executes_in_chromium_and_the_text_still_shows(hostile_report: Path, chromium) -> None:  # type: ignore[no-untyped-def]
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script("""
        window.__dialogs = [];
        for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            window[name] = (...args) => { window.__dialogs.push([name, String(args[0])]); };
        }
    """)
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url) if not req.url.startswith(("file:", "data:")) else None)
    page.goto(hostile_report.as_uri())
    page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0", timeout=20000)
    # Before selecting anything the table lists every event, a page at a time: read every page.
    pages = [page.evaluate("() => document.body.innerText")]
    next_button = page.get_by_role("button", name="Next")
    while next_button.count() and next_button.first.is_enabled() and len(pages) < 50:
        next_button.first.click()
        pages.append(page.evaluate("() => document.body.innerText"))
    text = "\n".join(pages)
    # Open popups and tooltips: click markers and walk the table, where untrusted text is drawn.
    markers = page.locator(".gt-marker")
    for index in range(min(markers.count(), 25)):
        markers.nth(index).click(force=True)
        page.wait_for_timeout(30)
    rows = page.locator("[data-event]")
    for index in range(min(rows.count(), 25)):
        rows.nth(index).focus()
        page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile_report.png"), full_page=False)
    executed = page.evaluate("() => [window.__dialogs, typeof window.__pwned]")
    page.close()
    assert dialogs == [] and executed == [[], "undefined"]
    assert errors == []
    assert requests == []
    shown = sum(1 for p in PAYLOADS if p in text or html.unescape(p) in text)
    assert shown >= len(PAYLOADS) // 2, f"only {shown} of {len(PAYLOADS)} payloads visible as text"
    assert "{{ 7*7 }}" in text
