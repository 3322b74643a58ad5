"""Fuzzing the edges: any bytes in any input file give documents or one InputError, nothing else;
any text through the whole pipeline gives valid spans.

Hypothesis runs a bounded number of examples (set by ``max_examples``), so the run stays short
in CI while still trying thousands of malformed files over time (its database keeps failures).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer.index import default_gazetteer
from timeline.errors import InputError
from timeline.model import Document
from timeline.pipeline import extract
from timeline.readers import read_documents, read_table

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that steer random bytes towards the formats' interesting corners.
_JSONL_PARTS = st.sampled_from([b'{"doc_id": "a", "text": "x"}', b'{"doc_id":', b'"text": ', b"\n", b"[", b"]", b"null",
                                b'"published": "2025-02-30"', b"\xff", b"\x00", b"{}", b'"\\ud800"', b","])
_CSV_PARTS = st.sampled_from([b"event_date,location,notes\n", b"2025-02-17,", b"Riyadh,", b'"quoted, text"', b"\n",
                              b'"', b"\r\n", b",,,", b"latitude,longitude", b"99,999", b"\xef\xbb\xbf", b"\x00"])
_MD_PARTS = st.sampled_from([b"---\n", b"title: x\n", b"published: 2025-02-17\n", b"published: [\n", b"# H\n",
                             b"text\n", b"\xc3", b"...\n", b"- a\n", b"*", b"\n\n"])


def _fuzz_file(suffix: str, data: bytes, read) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            result = read(path)
            if suffix != ".csv":
                for document in result:
                    assert isinstance(document, Document)
        except InputError as exc:
            message = str(exc)
            assert "\n" not in message and str(path) in message


@FUZZ
@given(st.lists(st.one_of(_JSONL_PARTS, st.binary(max_size=8)), max_size=20).map(b"".join))
def test_jsonl_reader_never_crashes(data: bytes) -> None:
    _fuzz_file(".jsonl", data, lambda p: list(read_documents(p)))


@FUZZ
@given(st.lists(st.one_of(_CSV_PARTS, st.binary(max_size=8)), max_size=20).map(b"".join))
def test_csv_reader_never_crashes(data: bytes) -> None:
    _fuzz_file(".csv", data, read_table)


@FUZZ
@given(st.lists(st.one_of(_MD_PARTS, st.binary(max_size=8)), max_size=20).map(b"".join))
def test_markdown_reader_never_crashes(data: bytes) -> None:
    _fuzz_file(".md", data, lambda p: list(read_documents(p)))


@settings(max_examples=150, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))))
def test_any_text_extracts_with_valid_spans(text: str, published: dt.date | None) -> None:
    result = extract(Document(id="fuzz", text=text, published=published), gazetteer=default_gazetteer())
    for mention in result.places:
        assert text[mention.start:mention.end] == mention.surface
    for timex in result.times:
        assert text[timex.start:timex.end] == timex.surface
    for event in result.events:
        assert text[event.sentence_start:event.sentence_end] == event.sentence
        for ep in event.places:
            if ep.start is not None and ep.end is not None:
                assert text[ep.start:ep.end] == ep.surface
