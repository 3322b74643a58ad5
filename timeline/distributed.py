"""Extraction on a Dask cluster: the same pure ``extract``, partitioned with ``dask.bag``.

For corpora too large for one machine, or when a Dask cluster is already at hand::

    from distributed import Client
    from timeline.distributed import extract_bag

    client = Client("tcp://scheduler:8786")       # or Client(LocalCluster(...))
    events = extract_bag("archive/")               # a pandas DataFrame, one row per event
    events, toponyms = extract_bag(["a.jsonl", "b.jsonl"], toponyms=True)

Algorithm:

- The inputs are expanded on the client (:func:`timeline.readers.expand_inputs`) into files;
  each file is a partition, read *on a worker* (the files must be visible to every worker at
  the same path, e.g. a shared volume). A ready-made ``dask.bag.Bag`` of
  :class:`~timeline.model.Document` values is used as given.
- Each worker opens the gazetteer index once per process (:func:`_worker_gazetteer`, a lazy
  singleton keyed by index folder and overrides), building it on first use on that machine.
  The reviewer overrides travel in the task as text, so every worker applies the same ones.
- Each partition becomes one small pandas frame (the columns of
  :meth:`timeline.model.Timeline.to_dataframe`, plus the optional toponym rows); the client
  concatenates them in partition order, which is input order.

What it does not do: merge events reported by several sources, order the timeline, or render.
Those need every event at once and run on the client: turn the frame back into a timeline with
:func:`extraction_bag` + :func:`timeline.builder.build_timeline` when that is needed. Event
tables (``.csv``/``.json``) are refused: they are small and are read on the client.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from gazetteer.frames import mentions_frame
from gazetteer.index import Gazetteer
from gazetteer.overrides import parse_overrides
from timeline.errors import InputError
from timeline.model import Document, Timeline
from timeline.pipeline import Extraction, extract
from timeline.readers import expand_inputs, is_table, read_documents

if TYPE_CHECKING:
    from typing import TypeAlias

    import dask.bag as db
    import pandas as pd

    Source: TypeAlias = str | Path | Sequence[str | Path] | db.Bag

__all__ = ["extract_bag", "extraction_bag"]

# One gazetteer per worker process and configuration: opening one loads tens of MB of name
# keys, which must happen once per process, not once per task.
_GAZETTEERS: dict[tuple[str | None, str], Gazetteer] = {}
_GAZETTEERS_LOCK = threading.Lock()


def _worker_gazetteer(gazetteer_dir: str | None, overrides_text: str | None, overrides_source: str) -> Gazetteer:
    digest = hashlib.sha256((overrides_text or "").encode("utf-8")).hexdigest()
    key = (gazetteer_dir, digest if overrides_text is not None else "")
    with _GAZETTEERS_LOCK:  # threads of one worker share it; only one builds it
        found = _GAZETTEERS.get(key)
        if found is None:
            base = Gazetteer.open(cache_dir=Path(gazetteer_dir) if gazetteer_dir else None)
            overrides = parse_overrides(overrides_text, source=overrides_source) if overrides_text is not None else None
            found = Gazetteer(base.path, overrides=overrides) if overrides is not None else base
            _GAZETTEERS[key] = found
        return found


def _read_partition(paths: Iterable[str], published: dt.date | None) -> list[Document]:
    return [document for path in paths for document in read_documents(path, published=published)]


def _extract_partition(documents: Iterable[Document], gazetteer_dir: str | None, overrides_text: str | None,
                       overrides_source: str) -> list[Extraction]:
    gazetteer = _worker_gazetteer(gazetteer_dir, overrides_text, overrides_source)
    return [extract(document, gazetteer=gazetteer) for document in documents]


def _frames(extractions: Iterable[Extraction], with_toponyms: bool) -> list[tuple[pd.DataFrame, pd.DataFrame | None]]:
    """One (events, toponyms) pair for a whole partition: few, large objects travel best."""
    import pandas as pd

    found = list(extractions)
    events = Timeline(events=tuple(e for x in found for e in x.events)).to_dataframe()
    toponyms = None
    if with_toponyms:
        parts = []
        for x in found:
            frame = mentions_frame(x.places)
            frame.insert(0, "document_id", x.document.id)
            parts.append(frame)
        toponyms = pd.concat(parts, ignore_index=True) if parts else _empty_toponyms()
    return [(events, toponyms)]


def _empty_toponyms() -> pd.DataFrame:
    frame = mentions_frame([])
    frame.insert(0, "document_id", [])
    return frame


def extraction_bag(source: Source, *, overrides: Path | None = None, gazetteer_dir: Path | None = None,
                   published: dt.date | None = None, partitions: int | None = None) -> db.Bag:
    """A lazy ``dask.bag.Bag`` of :class:`~timeline.pipeline.Extraction`, one per document.

    ``source``: files or folders of articles (one partition per file, unless ``partitions``
    asks for fewer), or a bag of documents. ``overrides`` is read here, on the client, and
    shipped to the workers. ``published`` fills in a missing publication date.
    """
    import dask.bag as db

    overrides_text = Path(overrides).read_text(encoding="utf-8") if overrides is not None else None
    if isinstance(source, db.Bag):
        documents = source
    else:
        given = [source] if isinstance(source, str | Path) else list(source)
        files = expand_inputs(given)
        tables = [f for f in files if is_table(f)]
        if tables:
            raise InputError("event tables are not extracted on the cluster; read them on the client "
                             "(timeline.api.build or the CLI)", path=tables[0])
        names = [str(f) for f in files]
        count = min(len(names), partitions) if partitions else len(names)
        documents = db.from_sequence(names, npartitions=count).map_partitions(_read_partition, published)
    return documents.map_partitions(_extract_partition, str(gazetteer_dir) if gazetteer_dir else None,
                                    overrides_text, str(overrides))


@overload
def extract_bag(source: Source, *, overrides: Path | None = ..., gazetteer_dir: Path | None = ...,
                published: dt.date | None = ..., partitions: int | None = ..., toponyms: Literal[False] = ...,
                scheduler: str | None = ..., timeout: float | None = ...) -> pd.DataFrame: ...


@overload
def extract_bag(source: Source, *, overrides: Path | None = ..., gazetteer_dir: Path | None = ...,
                published: dt.date | None = ..., partitions: int | None = ..., toponyms: Literal[True],
                scheduler: str | None = ..., timeout: float | None = ...) -> tuple[pd.DataFrame, pd.DataFrame]: ...


def extract_bag(source: Source, *, overrides: Path | None = None, gazetteer_dir: Path | None = None,
                published: dt.date | None = None, partitions: int | None = None, toponyms: bool = False,
                scheduler: str | None = None,
                timeout: float | None = None) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Extract every document on the cluster; events (and toponyms) as pandas DataFrames.

    Events are not merged across sources (that happens on the client, see the module doc). The
    computation runs on the active ``distributed.Client`` when there is one (``timeout``, in
    seconds, bounds the wait for its result), else on ``scheduler`` ("processes", "threads",
    "sync"; default: Dask's default for bags).
    """
    import pandas as pd

    bag = extraction_bag(source, overrides=overrides, gazetteer_dir=gazetteer_dir, published=published,
                         partitions=partitions)
    pairs: list[tuple[pd.DataFrame, pd.DataFrame | None]] = _compute(bag.map_partitions(_frames, toponyms),
                                                                     scheduler=scheduler, timeout=timeout)
    event_parts = [events for events, _ in pairs]
    events = pd.concat(event_parts, ignore_index=True) if event_parts else Timeline().to_dataframe()
    if not toponyms:
        return events
    toponym_parts = [t for _, t in pairs if t is not None]
    return events, pd.concat(toponym_parts, ignore_index=True) if toponym_parts else _empty_toponyms()


def _compute(bag: db.Bag, *, scheduler: str | None, timeout: float | None) -> Any:
    if scheduler is None:
        try:
            from distributed import default_client

            client = default_client()
        except (ImportError, ValueError):  # no distributed installed, or no client: local scheduler
            client = None
        if client is not None:
            return client.compute(bag).result(timeout=timeout)
    return bag.compute(scheduler=scheduler)
