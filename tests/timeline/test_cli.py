"""The command line as a user meets it: help, good runs, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from timeline.cli import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main

ARTICLE = "---\ntitle: Talks\npublished: 2025-02-17\n---\nOfficials met in Riyadh on Monday.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (--help, usage errors)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [[], ["report"], ["reports"], ["extract"], ["geocode"]])
def test_help_everywhere(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0 and "usage: geotimeline" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", "x.md")
    assert code == EXIT_USAGE and "-o/--output" in err
    code, _, err = run(capsys, "report", "x.md", "-o", "y.html", "--published", "17/02/2025")
    assert code == EXIT_USAGE and "is not a YYYY-MM-DD date" in err


def test_report_and_extract_happy_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "report", str(article), "-o", str(tmp_path / "r.html"), "--embed")
    assert code == EXIT_OK, err
    assert (tmp_path / "r.html").is_file() and (tmp_path / "r.embed.html").is_file()
    assert "1 events" in err
    code, _, err = run(capsys, "--quiet", "extract", str(article), "-o", str(tmp_path / "p.jsonl"))
    assert code == EXIT_OK and err == ""
    (record,) = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert [t["name"] for t in record["toponyms"]] == ["Riyadh"]
    assert [(t["text"], t["value"]) for t in record["timexes"]] == [("Monday", "2025-02-17")]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.jsonl", '{"doc_id": "1", "text": "ok"}\n{oops\n', "bad.jsonl:2: invalid JSON"),
    ("bin.txt", b"\x00\x01binary", "bin.txt: looks like a binary file"),
    ("utf.txt", b"ok\n\xff\xfe\n", "utf.txt:2: invalid UTF-8"),
    ("empty.md", "", "empty.md: document has no text"),
    ("t.csv", "event_date,location,notes\n2025-02-30,Riyadh,x\n", "t.csv:2: date '2025-02-30'"),
    ("u.csv", "event_date,location,notes,lattitude\n2025-02-01,Riyadh,x,1\n", "u.csv:1: unknown columns 'lattitude'"),
    ("p.csv", "event_date,location,notes\n2025-02-01,Qwxzzyville,x\n", "p.csv:2: column 'location': place"),
    ("old.csv", "event_date,location,notes\n1066-10-14,Hastings,x\n", "old.csv:2: date 1066-10-14 is out of range"),
])
def test_bad_input_one_line_error_and_no_output(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
                                                content: str | bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    out = tmp_path / "out.html"
    code, _, err = run(capsys, "report", str(path), "-o", str(out))
    assert code == EXIT_INPUT
    assert err.count("\n") == 1, err
    assert err.startswith("geotimeline: error: ") and message in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_skip_bad_continues_and_lists_what_was_skipped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"doc_id": "1", "text": "Talks in Riyadh on 3 March 2024.", "published": "2024-03-04"}\n'
                    "{oops\n", encoding="utf-8")
    code, _, err = run(capsys, "report", str(path), "-o", str(tmp_path / "r.html"), "--skip-bad")
    assert code == EXIT_OK
    assert "skipped 1 bad record(s)" in err and "d.jsonl:2: invalid JSON" in err


def test_missing_published_is_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Officials met in Riyadh last week.", encoding="utf-8")
    code, _, err = run(capsys, "report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == EXIT_OK
    assert "warning: " in err and "no publication date" in err


def test_unwritable_output_exits_3_and_keeps_the_old_report(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "report", str(article), "-o", str(tmp_path / "missing-dir" / "r.html"))
    assert code == EXIT_OUTPUT and err.count("\n") == 1
    if os.geteuid() != 0:  # root can write into a read-only directory
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "r.html").write_text("previous", encoding="utf-8")
        locked.chmod(0o500)
        try:
            code, _, _ = run(capsys, "report", str(article), "-o", str(locked / "r.html"))
            assert code == EXIT_OUTPUT
            assert (locked / "r.html").read_text(encoding="utf-8") == "previous"
        finally:
            locked.chmod(0o700)


def test_empty_directory_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "report", str(tmp_path / "empty"), "-o", str(tmp_path / "r.html"))
    assert code == EXIT_INPUT and "no readable documents" in err
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "p.jsonl"))
    assert code == EXIT_INPUT and "no such file" in err


def test_config_defaults_and_reports(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "geotimeline.toml").write_text(
        '[defaults]\nlanes = "actor"\n\n[[report]]\ninputs = ["a.md"]\noutput = "out/a.html"\ntitle = "A"\n',
        encoding="utf-8")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "reports")
    assert code == EXIT_OK, err
    assert "<title>A" in (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    (tmp_path / "geotimeline.toml").write_text('[defaults]\nlanez = "actor"\n', encoding="utf-8")
    code, _, err = run(capsys, "report", "a.md", "-o", "b.html")
    assert code == EXIT_INPUT and "unknown key 'lanez'" in err


def test_geocode_prints_places(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "geocode", "Riyadh", "Paris", "Kyiv", "Kiev", "Saudi Arabia", "U.S.", "Crimea",
                       "Donbas", "Gaza", "the Kremlin", "Russian")
    assert code == EXIT_OK
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert "geonames:108410" in lines["Riyadh"]
    assert "geonames:2988507" in lines["Paris"]
    assert lines["Kyiv"] == lines["Kiev"].replace("Kiev", "Kyiv") or "geonames:703448" in lines["Kiev"]
    assert set(lines) == {"Riyadh", "Paris", "Kyiv", "Kiev", "Saudi Arabia", "U.S.", "Crimea", "Donbas", "Gaza",
                          "the Kremlin", "Russian"}
    code, _, err = run(capsys, "geocode", "Qwxzzyville")
    assert code == EXIT_INPUT and "not found" in err


def test_export_formats_and_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-diplomacy-2014-2025.csv"
    for name in ("t.geojson", "t.csv", "t.kml", "t.timeline.json", "t.jsonl"):
        code, _, err = run(capsys, "export", str(seeds), "-o", str(tmp_path / name))
        assert code == EXIT_OK, err
    code, _, err = run(capsys, "export", str(seeds), "-o", str(tmp_path / "t.json"))
    assert code == EXIT_OUTPUT and "name the format" in err and not (tmp_path / "t.json").exists()
    code, _, err = run(capsys, "report", str(tmp_path / "t.geojson"), "-o", str(tmp_path / "back.html"))
    assert code == EXIT_OK and "22 events" in err


def test_jobs_and_cache_give_the_same_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [json.dumps({"doc_id": f"d{i}", "published": "2025-02-17",
                         "text": f"Delegations met in {city} on Monday. Talks resume in Geneva next week."})
             for i, city in enumerate(["Riyadh", "Paris", "Istanbul", "Minsk", "Berlin"] * 8)]
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for name, extra in (("serial", ["--jobs", "1", "--no-cache"]), ("two", ["--jobs", "2", "--cache-dir",
                                                                           str(tmp_path / "cache")]),
                        ("cached", ["--jobs", "2", "--cache-dir", str(tmp_path / "cache")])):
        out = tmp_path / f"{name}.html"
        code, _, err = run(capsys, "report", str(corpus), "-o", str(out), *extra)
        assert code == EXIT_OK, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert any((tmp_path / "cache").rglob("*.gtx"))
    code, _, err = run(capsys, "report", str(corpus), "-o", str(tmp_path / "x.html"), "--jobs", "0")
    assert code == EXIT_USAGE and "not a positive number" in err
