"""The Dask path on a real LocalCluster: same events and toponyms as the serial pipeline."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from gazetteer.frames import mentions_frame
from gazetteer.index import default_gazetteer
from timeline.distributed import extract_bag
from timeline.errors import InputError
from timeline.model import Timeline
from timeline.pipeline import extract
from timeline.readers import expand_inputs, read_documents

try:
    import distributed
except ImportError:  # the 'cluster' extra is missing: every test here skips (fails under CI)
    distributed = None

pytestmark = pytest.mark.slow  # a cluster of worker processes starts in a few seconds, not instantly

# Reports written for this test, spread over three files of two formats.
ARTICLES = {
    "a.jsonl": [
        {"doc_id": "a1", "published": "2024-03-04", "text": "Ministers met in Nairobi on 3 March 2024 to discuss "
                                                             "grain exports. Talks will resume in Kampala in April."},
        {"doc_id": "a2", "published": "2023-02-15", "text": "The talks in Geneva ended on 14 February 2023. "
                                                             "Delegates will meet again in Vienna in April."},
    ],
    "b.jsonl": [
        {"doc_id": "b1", "published": "2022-07-10", "text": "Protesters gathered in Dhaka on 9 July 2022. Police "
                                                             "arrested dozens in Chittagong the next day."},
    ],
}
MARKDOWN = ("---\ntitle: Road blockades\npublished: 2024-01-27\n---\n"
            "Farmers held a protest in Lyon on 26 January 2024; the protest reached Toulouse by Sunday.\n")
TIMEOUT_S = 180


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, records in ARTICLES.items():
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "c.md").write_text(MARKDOWN, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _dask_installed(need) -> None:  # type: ignore[no-untyped-def]
    need(distributed is not None, "dask[distributed] is not installed (pip install -e '.[cluster]')")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    # Worker processes, like a real cluster: each must open its own gazetteer and receive
    # pickled tasks. No dashboard: it would need a free port and is not under test.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       timeout=TIMEOUT_S)
    client = distributed.Client(cluster, timeout=TIMEOUT_S)
    try:
        yield client
    finally:
        client.close(timeout=TIMEOUT_S)
        cluster.close(timeout=TIMEOUT_S)


def serial_frames(corpus: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    gazetteer = default_gazetteer()
    found = [extract(d, gazetteer=gazetteer) for path in expand_inputs([corpus]) for d in read_documents(path)]
    events = Timeline(events=tuple(e for x in found for e in x.events)).to_dataframe()
    toponyms = pd.concat([mentions_frame(x.places).assign(document_id=x.document.id) for x in found],
                         ignore_index=True)
    return events, toponyms[["document_id", *(c for c in toponyms.columns if c != "document_id")]]


def test_local_cluster_gives_the_serial_results(corpus: Path, client: distributed.Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    events, toponyms = extract_bag(corpus, toponyms=True, timeout=TIMEOUT_S)
    expected_events, expected_toponyms = serial_frames(corpus)
    assert len(expected_events) >= 5 and len(expected_toponyms) >= 8  # a real comparison
    pd.testing.assert_frame_equal(events, expected_events)
    pd.testing.assert_frame_equal(toponyms, expected_toponyms)
    assert list(dict.fromkeys(toponyms["document_id"])) == ["a1", "a2", "b1", "c"]  # input order


def test_overrides_travel_to_the_workers(corpus: Path, client: distributed.Client, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("surface,action,geonameid,note\nDhaka,block,,test\n", encoding="utf-8")
    _, plain = extract_bag(corpus, toponyms=True, timeout=TIMEOUT_S)
    _, blocked = extract_bag(corpus, toponyms=True, overrides=overrides, timeout=TIMEOUT_S)
    resolved = lambda frame: set(frame.loc[frame["lat"].notna(), "surface"])  # noqa: E731
    assert "Dhaka" in resolved(plain)
    assert "Dhaka" not in resolved(blocked)


def test_event_tables_are_refused(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("date,location,notes\n2024-01-01,Paris,a meeting\n", encoding="utf-8")
    with pytest.raises(InputError, match="event tables"):
        extract_bag(table, scheduler="sync")


def test_runs_without_a_cluster_on_a_local_scheduler(corpus: Path) -> None:
    # "sync" ignores any active client: the same code path a laptop without a cluster takes.
    events = extract_bag(corpus, scheduler="sync", published=dt.date(2024, 1, 1))
    pd.testing.assert_frame_equal(events, serial_frames(corpus)[0])


def test_a_bag_of_documents_is_used_as_given(corpus: Path) -> None:
    import dask.bag as db

    documents = [d for path in expand_inputs([corpus]) for d in read_documents(path)]
    events = extract_bag(db.from_sequence(documents, npartitions=2), scheduler="sync")
    pd.testing.assert_frame_equal(events, serial_frames(corpus)[0])
