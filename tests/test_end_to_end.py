"""The whole tool as a user runs it: the CLI on seeds/, the report in a real browser, the scorers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seeds.html"
    assert main(["--quiet", "report", str(SEEDS), "-o", str(out), "--title", "Seeds"]) == 0
    return out


def test_report_from_seeds_is_one_offline_file(seed_report: Path) -> None:
    html = seed_report.read_text(encoding="utf-8")
    assert "<title>Seeds" in html
    assert not re.search(r"""<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?https?:""", html)
    assert "Content-Security-Policy" in html


def test_same_input_gives_byte_identical_report(seed_report: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.html"
    assert main(["--quiet", "report", str(SEEDS), "-o", str(again), "--title", "Seeds"]) == 0
    assert again.read_bytes() == seed_report.read_bytes()


def test_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "geotimeline"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("geotimeline ")


def test_report_in_chromium_draws_map_and_timeline(seed_report: Path, chromium) -> None:  # type: ignore[no-untyped-def]
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url) if not req.url.startswith(("file:", "data:")) else None)
    page.goto(seed_report.as_uri())
    page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0", timeout=15000)
    page.wait_for_timeout(500)
    counts = page.evaluate("""() => {
        const doc = Bokeh.documents[0];
        const points = doc.get_model_by_name("gt-points").view.filter.indices.length;
        const bars = doc.get_model_by_name("gt-bars").view.filter.indices.length;
        const open = doc.get_model_by_name("gt-open").view.filter.indices.length;
        return {events: doc.get_model_by_name("gt-events").get_length(), glyphs: points + bars + open, open: open,
                places: geotimeline.readJSON("gt-data").places.name.length,
                markers: document.querySelectorAll(".gt-marker").length};
    }""")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "end_to_end_seeds.png"), full_page=True)
    page.close()
    assert errors == []
    assert requests == []
    assert counts["events"] == counts["glyphs"] > 10  # every event drawn once: a point, a bar or an open bar
    assert counts["open"] >= 1  # "Russia has held Crimea since 2014" runs on to the chart's right edge
    assert counts["places"] > 10
    assert counts["markers"] == counts["places"]


def test_extract_output_is_accepted_by_both_scorers(shared_dir: Path, tmp_path: Path) -> None:
    bench = shared_dir / "bench"
    for gold, scorer in (("geo/trnews.jsonl", "geo_score.py"), ("time/te3_train_aquaint.jsonl", "timex_score.py")):
        docs = tmp_path / "docs.jsonl"
        made = subprocess.run([sys.executable, str(bench / "make_input.py"), str(bench / "data" / gold)],
                              capture_output=True, text=True, check=True)
        # A handful of documents keeps the test quick; the bench scripts run the whole corpora.
        docs.write_text("".join(made.stdout.splitlines(keepends=True)[:8]), encoding="utf-8")
        pred = tmp_path / "pred.jsonl"
        assert main(["--quiet", "extract", str(docs), "-o", str(pred)]) == 0
        records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
        assert len(records) == 8 and all({"doc_id", "toponyms", "timexes", "events"} <= set(r) for r in records)
        scored = subprocess.run([sys.executable, str(bench / scorer), str(bench / "data" / gold), str(pred), "--json"],
                                capture_output=True, text=True, check=False)
        assert scored.returncode == 0, scored.stderr
        assert json.loads(scored.stdout)
