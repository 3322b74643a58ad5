"""A small API that reads naturally in a notebook.

    docs = timeline.read("seeds/")
    tl = timeline.build(docs)
    tl.to_dataframe(); tl.map(); tl.chart(); tl.report().save("reports/x.html")
    tl.filter(start=dt.date(2022, 1, 1), country="UA")

:func:`read` gathers articles and event tables; :func:`build` runs the pipeline and builds the
timeline. Both are thin layers over :mod:`timeline.readers`, :mod:`timeline.pipeline`,
:mod:`timeline.table` and :mod:`timeline.builder`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gazetteer.index import Gazetteer, default_gazetteer
from timeline.builder import build_timeline
from timeline.model import Document, Event, Timeline
from timeline.pipeline import Extraction, extract
from timeline.readers import SkippedRecord, TableRow, expand_inputs, is_table, read_documents, read_table
from timeline.table import events_from_table

__all__ = ["Corpus", "build", "read"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Corpus:
    """What :func:`read` found: documents, event-table rows, and the records it skipped."""

    documents: tuple[Document, ...] = ()
    rows: tuple[TableRow, ...] = ()
    skipped: tuple[SkippedRecord, ...] = ()

    def __len__(self) -> int:
        return len(self.documents) + len(self.rows)

    def __repr__(self) -> str:
        return (f"Corpus({len(self.documents)} documents, {len(self.rows)} table rows"
                + (f", {len(self.skipped)} skipped" if self.skipped else "") + ")")


def read(*paths: str | Path, published: dt.date | None = None, skip_bad: bool = False) -> Corpus:
    """Read article files, event tables and directories of them."""
    skipped: list[SkippedRecord] = []
    documents: list[Document] = []
    rows: list[TableRow] = []
    for path in expand_inputs(paths):
        if is_table(path):
            rows.extend(read_table(path, skip_bad=skip_bad, on_skip=skipped.append))
        else:
            documents.extend(read_documents(path, published=published, skip_bad=skip_bad, on_skip=skipped.append))
    return Corpus(documents=tuple(documents), rows=tuple(rows), skipped=tuple(skipped))


def build(source: Corpus | Iterable[Document] | str | Path, *, title: str | None = None,
          gazetteer: Gazetteer | None = None, merge: bool = True) -> Timeline:
    """Extract events from every document and table row and build one timeline."""
    if isinstance(source, str | Path):
        source = read(source)
    corpus = source if isinstance(source, Corpus) else Corpus(documents=tuple(source))
    gazetteer = gazetteer or default_gazetteer()
    events: list[Event] = list(events_from_table(corpus.rows, gazetteer=gazetteer)) if corpus.rows else []
    extractions: list[Extraction] = [extract(doc, gazetteer=gazetteer) for doc in corpus.documents]
    for found in extractions:
        events.extend(found.events)
    if title is None and len(corpus.documents) == 1:
        title = corpus.documents[0].title
    return build_timeline(events, documents=corpus.documents, title=title or "Timeline", merge=merge)
