"""Batch extraction: parallel results equal serial ones in input order; the cache is honest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from gazetteer.index import default_gazetteer
from timeline.batch import ExtractionCache, extract_many
from timeline.model import Document
from timeline.pipeline import Extraction, extract

# Short reports written for these tests: real places, explicit and relative dates.
TEXTS = (
    "Ministers met in Nairobi on 3 March 2024 to discuss grain exports. A second round is planned in "
    "Addis Ababa next month.",
    "Flooding hit Porto Alegre last week, officials in Brazil said on Monday. Rescue teams arrived from "
    "Curitiba on 2 May.",
    "The talks in Geneva ended on 14 February 2023 without an agreement. Delegates will return to Vienna "
    "in April.",
    "Protesters gathered in Tbilisi on Sunday, a day after the vote. Police in Georgia made arrests "
    "yesterday.",
    "A ferry sank near Dhaka on 9 July 2022. Rescuers from Chittagong reached the site the next day.",
    "Farmers blocked roads around Lyon on 26 January 2024, and the protest spread to Toulouse by the "
    "weekend.",
)


def documents(count: int, *, prefix: str = "doc") -> list[Document]:
    return [Document(id=f"{prefix}-{i:03d}", text=TEXTS[i % len(TEXTS)], title=f"Report {i}",
                     published=dt.date(2024, 1, 1) + dt.timedelta(days=i), source=f"test://{prefix}/{i}")
            for i in range(count)]


def serial(docs: list[Document]) -> list[Extraction]:
    gazetteer = default_gazetteer()
    return [extract(d, gazetteer=gazetteer) for d in docs]


def entries(directory: Path) -> dict[Path, int]:
    """Every cache entry with its modification time in nanoseconds."""
    return {p: p.stat().st_mtime_ns for p in directory.rglob("*.gtx")}


def test_two_workers_give_serial_results_in_input_order() -> None:
    docs = documents(14)
    parallel = list(extract_many(docs, jobs=2, chunk_size=3))
    assert [r.document.id for r in parallel] == [d.id for d in docs]
    assert parallel == serial(docs)
    assert any(r.events for r in parallel) and any(r.places for r in parallel)  # a real comparison


def test_in_process_run_equals_direct_calls() -> None:
    docs = documents(4)
    assert list(extract_many(docs, jobs=1)) == serial(docs)


def test_input_is_consumed_lazily_within_the_window() -> None:
    pulled = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for document in documents(40):
            pulled += 1
            yield document

    results = extract_many(stream(), jobs=2, chunk_size=2)
    first = next(results)
    # 2 workers x 2 chunks in flight, plus the one chunk read ahead, of 2 documents each.
    assert first.document.id == "doc-000"
    assert pulled <= (2 * 2 + 1) * 2
    assert len(list(results)) == 39 and pulled == 40


def test_cache_hit_skips_extraction_and_rewrites_nothing(tmp_path: Path) -> None:
    docs = documents(8)
    first = ExtractionCache(tmp_path)
    cold = list(extract_many(docs, jobs=1, cache=first))
    assert (first.stats.misses, first.stats.writes, first.stats.hits) == (8, 8, 0)
    written = entries(tmp_path)
    assert len(written) == 8
    assert "*" in (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()  # never committed

    second = ExtractionCache(tmp_path)
    warm = list(extract_many(docs, jobs=2, cache=second))
    assert (second.stats.hits, second.stats.misses, second.stats.writes) == (8, 0, 0)
    assert entries(tmp_path) == written  # no entry was recomputed and rewritten
    assert warm == cold


def test_entries_written_by_workers_serve_the_next_run(tmp_path: Path) -> None:
    docs = documents(12)
    cold_cache = ExtractionCache(tmp_path)
    cold = list(extract_many(docs, jobs=2, chunk_size=2, cache=cold_cache))
    # The workers wrote the entries; the parent counted each one as it passed the result on.
    assert (cold_cache.stats.misses, cold_cache.stats.writes, cold_cache.stats.write_errors) == (12, 12, 0)
    assert len(entries(tmp_path)) == 12
    warm_cache = ExtractionCache(tmp_path)
    assert list(extract_many(docs, jobs=1, cache=warm_cache)) == cold == serial(docs)
    assert (warm_cache.stats.hits, warm_cache.stats.writes) == (12, 0)


def test_cache_folder_deleted_mid_run_is_made_again(tmp_path: Path) -> None:
    import shutil

    docs = documents(4)
    cache = ExtractionCache(tmp_path / "cache")
    results = extract_many(docs, jobs=1, chunk_size=1, cache=cache)
    first = next(results)
    shutil.rmtree(tmp_path / "cache")  # "delete the folder at any time"
    assert [first, *results] == serial(docs)
    assert (cache.stats.writes, cache.stats.write_errors) == (4, 0)
    assert len(entries(tmp_path / "cache")) == 3


def test_changed_document_alone_is_recomputed(tmp_path: Path) -> None:
    docs = documents(6)
    list(extract_many(docs, jobs=1, cache=ExtractionCache(tmp_path)))
    edited = [*docs[:2], Document(id=docs[2].id, text=docs[2].text + " Talks resume in Oslo on 1 June.",
                                  published=docs[2].published, title=docs[2].title, source=docs[2].source), *docs[3:]]
    cache = ExtractionCache(tmp_path)
    results = list(extract_many(edited, jobs=1, cache=cache))
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (5, 1, 1)
    assert any(m.surface == "Oslo" for m in results[2].places)


def test_corrupt_entry_is_recomputed_and_repaired(tmp_path: Path) -> None:
    docs = documents(3)
    expected = list(extract_many(docs, jobs=1, cache=ExtractionCache(tmp_path)))
    damaged, truncated, _ = sorted(entries(tmp_path))
    damaged.write_bytes(damaged.read_bytes()[:-7] + b"garbage")
    truncated.write_bytes(truncated.read_bytes()[:10])

    cache = ExtractionCache(tmp_path)
    assert list(extract_many(docs, jobs=1, cache=cache)) == expected
    assert (cache.stats.corrupt, cache.stats.hits, cache.stats.writes) == (2, 1, 2)
    again = ExtractionCache(tmp_path)
    list(extract_many(docs, jobs=1, cache=again))
    assert (again.stats.hits, again.stats.corrupt) == (3, 0)


def test_overrides_reach_workers_and_the_cache_key(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("surface,action,geonameid,note\nGeneva,block,,not a place in this corpus\n",
                         encoding="utf-8")
    docs = documents(12)
    cache = ExtractionCache(tmp_path / "cache")
    plain = list(extract_many(docs, jobs=1, cache=cache))
    blocked = list(extract_many(docs, jobs=2, chunk_size=2, overrides=overrides, cache=cache))
    assert cache.stats.hits == 0  # other overrides, other keys: nothing served from the plain run
    assert any(m.surface == "Geneva" and m.place is not None for r in plain for m in r.places)
    assert not any(m.surface == "Geneva" and m.place is not None for r in blocked for m in r.places)
    assert blocked == list(extract_many(docs, jobs=1, overrides=overrides))


def test_worker_error_surfaces_with_its_type() -> None:
    broken = Document(id="broken", text=None)  # type: ignore[arg-type]  # a malformed record
    with pytest.raises(TypeError) as in_process:
        extract(broken, gazetteer=default_gazetteer())
    docs = [*documents(3), broken, *documents(3, prefix="after")]
    with pytest.raises(TypeError) as from_worker:
        list(extract_many(docs, jobs=2, chunk_size=1))
    assert str(from_worker.value) == str(in_process.value)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="jobs"):
        extract_many([], jobs=0)
    with pytest.raises(ValueError, match="chunk_size"):
        extract_many([], chunk_size=0)
