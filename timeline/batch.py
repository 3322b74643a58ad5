"""Extraction over a whole corpus: streaming, in parallel, incremental.

:func:`extract_many` runs the pure :func:`timeline.pipeline.extract` over a stream of
documents and yields the results in input order.

Algorithm:

- The input is cut into chunks of ``chunk_size`` documents. For each chunk the parent first
  asks the :class:`ExtractionCache` (when one is given) for every document; only the misses are
  sent, as one task, to a process pool. At most ``2 * jobs`` chunks are in flight: the parent
  waits for the oldest before reading more input, so memory is bounded by the window, never by
  the corpus, and results come back in input order.
- Each worker process opens the gazetteer index once (on its first task), with the same
  index file and the same reviewer overrides (their text, read once by the parent) as the
  parent, and returns each result as bytes: the encoded cache entry, which the worker also
  writes to the cache itself under the key the parent computed when it looked the document up.
  The parent only decodes the bytes: a result is pickled once, and the parent, through which
  every result passes, spends no file creation per document (it was a third of its share).
- ``jobs=1``, or an input that fits in one chunk, runs in this process: no pool to start.
  The pool is also started only when a chunk has a cache miss, so a fully cached re-run never
  starts one.
- An exception raised by ``extract`` in a worker is re-raised in the parent with its own type
  (the pool pickles it back; the worker's traceback is chained as its cause).

The cache maps a content hash to an encoded result. The key is the SHA-256 of the document's
id, text, publication date, title and source, plus a *context*: :data:`PIPELINE_VERSION`, a
fingerprint of the extraction code and data (so an edited rule never serves stale results),
the gazetteer index file name (it carries the index version and build) and the overrides text.
Entries live under ``DIR/<context>/<2 hex>/<key>.gtx``; each is written to a temporary file and
renamed into place, and carries a checksum, so a torn or damaged entry is detected, counted as
corrupt and recomputed. Entries are pickles: the cache directory must be as trusted as the code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import count, islice
from multiprocessing import get_context
from operator import attrgetter
from pathlib import Path
from typing import Any

from gazetteer.fastinit import builder
from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.overrides import parse_overrides
from timeline.model import Document
from timeline.pipeline import Extraction, extract

__all__ = [
    "DEFAULT_CACHE_DIR",
    "DEFAULT_CHUNK_SIZE",
    "PIPELINE_VERSION",
    "CacheStats",
    "ExtractionCache",
    "extract_many",
    "pipeline_context",
]

# Bump when the meaning of an Extraction changes in a way the source fingerprint cannot see
# (e.g. a third-party library upgrade that changes dates); every cached entry is then stale.
PIPELINE_VERSION = "1"
# Where the CLI keeps its cache unless told otherwise: beside the work, like .pytest_cache.
DEFAULT_CACHE_DIR = Path(".geotimeline-cache")
# A news article takes tens of milliseconds; 16 of them make a task long enough that sending it
# to a worker costs well under 1% and short enough that the last chunks balance across workers.
DEFAULT_CHUNK_SIZE = 16
# Chunks in flight per worker: one running, one queued, so a worker never waits for the parent.
_WINDOW_PER_JOB = 2

_MAGIC = b"GTX2"
_DIGEST_SIZE = 16
# Modules downstream of extraction: editing them cannot change an Extraction, so they are left
# out of the fingerprint (a CSS tweak should not invalidate a corpus worth of results).
_NOT_EXTRACTION = ("timeline/render/", "timeline/exports/", "timeline/cli.py", "timeline/batch.py",
                   "timeline/distributed.py", "timeline/api.py", "timeline/views.py", "timeline/config.py")


@dataclass(frozen=True, kw_only=True, slots=True)
class CacheStats:
    """What a cache did since it was created: lookups answered, missed, found damaged, written."""

    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    writes: int = 0
    write_errors: int = 0


@lru_cache(maxsize=1)
def _source_fingerprint() -> str:
    """SHA-256 of the extraction code and data files (both packages, downstream modules excepted)."""
    import gazetteer
    import timeline

    digest = hashlib.sha256()
    for package in (gazetteer, timeline):
        if package.__file__ is None:  # not loaded from files (a zip import): the version alone decides
            continue
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            relative = f"{root.name}/{path.relative_to(root).as_posix()}"
            if (not path.is_file() or "__pycache__" in relative or path.suffix in {".pyc", ".pyo"}
                    or relative.startswith(_NOT_EXTRACTION)):
                continue
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pipeline_context(*, index_path: Path, overrides_text: str | None) -> str:
    """The part of every cache key that is not the document: code, index and overrides."""
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION, _MAGIC.decode(), _source_fingerprint(), index_path.name, overrides_text or ""):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _document_key(document: Document, context: str) -> str:
    digest = hashlib.sha256(context.encode("ascii"))
    published = document.published.isoformat() if document.published else ""
    for part in (document.id, document.text, published, document.title or "", document.source or ""):
        data = part.encode("utf-8", "surrogatepass")
        # Length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
        digest.update(len(data).to_bytes(8, "little") + data)
    # None and "" differ for title and source; mark which were present.
    digest.update(bytes([document.title is None, document.source is None, document.published is None]))
    return digest.hexdigest()


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


# Per class, a straight-line function making one from its field values (as dataclasses writes
# ``__init__``): a result holds about a hundred of our objects, and loading cached results is
# mostly making them.
_BUILDERS: dict[type, Callable[..., object]] = {}


def _rebuild(cls: type, values: tuple[object, ...]) -> object:
    """Unpickle one of our frozen dataclasses from its field values, without re-validating
    (past the frozen guard, as dataclasses' own unpickling does).

    The name and arguments are part of the cache format (entries name this function): keep them.
    """
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = builder(cls)
    return build(*values)


# Per class: how to take an object apart for ``_rebuild`` (a C getter of all its fields), or
# None for classes pickled the standard way. Decided once per class, not once per object.
_REDUCERS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _reducer(cls: type) -> Callable[[object], tuple[object, ...]] | None:
    if cls in _REDUCERS:
        return _REDUCERS[cls]
    reducer: Callable[[object], tuple[object, ...]] | None = None
    if dataclasses.is_dataclass(cls) and cls.__module__.startswith(("timeline.", "gazetteer.")):
        names = _field_names(cls)
        getter = attrgetter(*names)
        # attrgetter of one name returns the bare value, of several a tuple.
        reducer = getter if len(names) > 1 else partial(_one_field, getter)
    _REDUCERS[cls] = reducer
    return reducer


def _one_field(getter: Callable[[object], object], obj: object) -> tuple[object, ...]:
    return (getter(obj),)


class _Pickler(pickle.Pickler):
    """Our value objects as (class, field values): the standard way for slotted dataclasses
    looks their fields up again for every object, which made loading a cached result (a hundred
    objects or so) cost more than reading it from disk."""

    def reducer_override(self, obj: object) -> Any:
        cls = type(obj)
        reducer = _reducer(cls)
        if reducer is None:
            return NotImplemented
        return _rebuild, (cls, reducer(obj))


def _encode(result: Extraction) -> bytes:
    """A cache entry: magic, checksum, then the pickled parts (the document itself is the key)."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(
        (result.places, result.times, result.events, result.undated))
    payload = buffer.getvalue()
    return _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload


def _decode(data: bytes, document: Document) -> Extraction | None:
    """The Extraction in an entry, or None when the entry is damaged or not ours."""
    head = len(_MAGIC) + _DIGEST_SIZE
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() != data[len(_MAGIC):head]:
        return None
    try:
        parts = pickle.loads(payload)
    # A checksummed entry that still fails to load was written by other code: whatever the
    # unpickler raises, the answer is the same, recompute.
    except Exception:
        return None
    if not (isinstance(parts, tuple) and len(parts) == 4 and isinstance(parts[0], tuple)
            and isinstance(parts[1], tuple) and isinstance(parts[2], tuple) and isinstance(parts[3], int)):
        return None
    places, times, events, undated = parts
    return Extraction(document=document, places=places, times=times, events=events, undated=undated)


class ExtractionCache:
    """Extraction results on disk, keyed by document content and pipeline context.

    Safe to share between runs and processes (writes are atomic renames); not meant for
    concurrent writers of *different* code versions beyond each writing its own context folder.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._hits = self._misses = self._corrupt = self._writes = self._write_errors = 0
        self._marked = False
        self._folders: set[str] = set()  # entry folders known to exist: no mkdir per entry

    @property
    def stats(self) -> CacheStats:
        return CacheStats(hits=self._hits, misses=self._misses, corrupt=self._corrupt, writes=self._writes,
                          write_errors=self._write_errors)

    def key(self, document: Document, *, context: str) -> str:
        return _document_key(document, context)

    def path(self, key: str, *, context: str) -> Path:
        return self.directory / context[:16] / key[:2] / f"{key}.gtx"

    def get(self, document: Document, *, context: str) -> Extraction | None:
        """The cached result for this document, or None (missing or damaged: recompute)."""
        return self._get_keyed(self.key(document, context=context), document, context=context)

    def _get_keyed(self, key: str, document: Document, *, context: str) -> Extraction | None:
        # A string path and a plain open: run once per document, pathlib costs more than a miss.
        path = os.path.join(self.directory, context[:16], key[:2], f"{key}.gtx")
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            self._misses += 1
            return None
        except OSError:
            self._misses += 1
            return None
        found = _decode(data, document)
        if found is None:
            self._corrupt += 1
            self._misses += 1
            return None
        self._hits += 1
        return found

    def put_encoded(self, document: Document, data: bytes, *, context: str) -> None:
        """Store an encoded entry (as made by a worker). A failed write only costs a recompute."""
        self._count_write(self._store(self.key(document, context=context), data, context=context))

    def _count_write(self, stored: bool) -> None:
        if stored:
            self._writes += 1
        else:
            self._write_errors += 1

    def _store(self, key: str, data: bytes, *, context: str) -> bool:
        """Write one entry under ``key``: True when it is in place, False when the write failed.

        Plain ``os`` calls on strings: this runs once per extracted document, and pathlib,
        ``mkstemp``'s random names and a ``mkdir`` per entry cost more than the write itself.
        """
        folder = os.path.join(self.directory, context[:16], key[:2])
        # pid and a process-wide counter make the temporary name unique among writers.
        temp = os.path.join(folder, f".{key[:16]}.{os.getpid()}.{next(_TEMP_SERIAL)}.tmp")
        try:
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                if not self._marked:
                    self._mark_directory()
                self._folders.add(folder)
            try:
                fd = os.open(temp, _TEMP_FLAGS, 0o600)
            except FileNotFoundError:  # the folder was deleted during the run: make it again
                os.makedirs(folder, exist_ok=True)
                fd = os.open(temp, _TEMP_FLAGS, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                # No fsync: a torn entry after a power cut fails its checksum and is recomputed,
                # and syncing every small file would cost more than extracting it again.
                os.replace(temp, os.path.join(folder, f"{key}.gtx"))
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True

    def _mark_directory(self) -> None:
        """Tell git and backup tools that the folder is a cache (as pytest does with its own)."""
        self._marked = True
        marks = {".gitignore": "# created by geotimeline: an extraction cache, safe to delete\n*\n",
                 "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                                 "# geotimeline extraction cache: safe to delete, rebuilt on the next run\n"}
        for name, text in marks.items():
            mark = self.directory / name
            if not mark.exists():
                mark.write_text(text, encoding="utf-8")

    def put(self, result: Extraction, *, context: str) -> None:
        self.put_encoded(result.document, _encode(result), context=context)


# Temporary entry files: created exclusively (never reusing a stray file), private until renamed
# into place (as ``mkstemp`` makes them), not inherited by child processes.
_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))
_TEMP_SERIAL = count()


# --- workers ----------------------------------------------------------------------------------

# This worker process's gazetteer settings (set by the pool initializer) and the gazetteer,
# opened once, by the first task: an error opening it then reaches the parent as itself
# (a GazetteerDataError, say), where an initializer's error would only break the pool.
_WORKER_SETTINGS: tuple[str, str | None, str] | None = None
_WORKER_GAZETTEER: Gazetteer | None = None


def _init_worker(index_path: str, overrides_text: str | None, overrides_source: str) -> None:
    global _WORKER_SETTINGS
    # Ctrl-C reaches the whole process group; the parent handles it and stops the pool, so a
    # worker must not die mid-task printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_SETTINGS = (index_path, overrides_text, overrides_source)


def _worker_gazetteer() -> Gazetteer:
    global _WORKER_GAZETTEER
    if _WORKER_GAZETTEER is None:
        if _WORKER_SETTINGS is None:  # only if the initializer did not run: a programming error
            raise RuntimeError("worker started without gazetteer settings")
        index_path, overrides_text, overrides_source = _WORKER_SETTINGS
        overrides = parse_overrides(overrides_text, source=overrides_source) if overrides_text is not None else None
        _WORKER_GAZETTEER = Gazetteer(Path(index_path), overrides=overrides)
    return _WORKER_GAZETTEER


# This worker's handle on the parent's cache folder, when the parent has one.
_WORKER_CACHE: ExtractionCache | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class _Store:
    """Where a worker writes the entries of a chunk: the cache folder, context and entry keys
    (the parent computed them when it looked the documents up)."""

    directory: str
    context: str
    keys: list[str]


def _extract_chunk(documents: list[Document], store: _Store | None = None) -> tuple[list[bytes], list[bool]]:
    """Encoded results of a chunk and, when ``store`` is given, whether each entry was cached.

    The worker writes the cache entries itself: the parent, which every result passes through,
    would otherwise spend a file creation per document on the critical path.
    """
    global _WORKER_CACHE
    gazetteer = _worker_gazetteer()
    encoded = [_encode(extract(document, gazetteer=gazetteer)) for document in documents]
    if store is None:
        return encoded, []
    if _WORKER_CACHE is None or str(_WORKER_CACHE.directory) != store.directory:
        _WORKER_CACHE = ExtractionCache(store.directory)
    cache = _WORKER_CACHE
    return encoded, [cache._store(key, data, context=store.context) for key, data in zip(store.keys, encoded,
                                                                                         strict=True)]


# --- the driver -------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True, slots=True)
class _Setup:
    gazetteer: Gazetteer
    overrides_text: str | None
    overrides_source: str
    context: str


def _setup(*, overrides: Path | None, gazetteer_dir: Path | None) -> _Setup:
    # Gazetteer.open builds the index when missing and checks pinned ids, here in the parent,
    # so workers never race to build it and a bad overrides file fails before any work.
    if overrides is None and gazetteer_dir is None:
        # The process-wide index: its name keys, once loaded, serve every later call.
        gazetteer = default_gazetteer()
    else:
        gazetteer = Gazetteer.open(cache_dir=gazetteer_dir, overrides=overrides)
    text = None
    if overrides is not None:
        # Workers parse this same text: a file edited mid-run cannot give them other overrides.
        text = Path(overrides).read_text(encoding="utf-8")
    return _Setup(gazetteer=gazetteer, overrides_text=text, overrides_source=str(overrides),
                  context=pipeline_context(index_path=gazetteer.path, overrides_text=text))


@dataclass(slots=True)
class _Chunk:
    documents: list[Document]
    ready: list[Extraction | None]
    keys: list[str]  # cache keys, one a document (empty without a cache)
    future: Future[tuple[list[bytes], list[bool]]] | None = None


def extract_many(
    documents: Iterable[Document],
    *,
    jobs: int | None = None,
    overrides: Path | None = None,
    cache: ExtractionCache | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    gazetteer_dir: Path | None = None,
) -> Iterator[Extraction]:
    """``extract(document)`` for every document, in input order, in parallel, cached.

    ``jobs``: worker processes (None: every core; 1: this process, no pool). ``overrides``:
    the reviewer overrides file, the same for every worker. ``cache``: skip documents whose
    content and pipeline are unchanged since a previous run. ``gazetteer_dir``: where the
    gazetteer index lives (default: its usual cache). The input is consumed lazily; at most
    ``(2 * jobs + 1) * chunk_size`` documents are held at a time (the window and one chunk read
    ahead).

    Setting up (opening the index, reading the overrides) happens on this call, so a bad
    overrides file raises here; extraction errors raise from the iteration, with their own type.
    """
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    setup = _setup(overrides=overrides, gazetteer_dir=gazetteer_dir)
    return _run(iter(documents), setup=setup, jobs=workers, cache=cache, chunk_size=chunk_size)


def _run(documents: Iterator[Document], *, setup: _Setup, jobs: int, cache: ExtractionCache | None,
         chunk_size: int) -> Iterator[Extraction]:
    pool: ProcessPoolExecutor | None = None
    pending: deque[_Chunk] = deque()
    window = max(2, _WINDOW_PER_JOB * jobs)
    try:
        batch = list(islice(documents, chunk_size))
        while batch:
            following = list(islice(documents, chunk_size))
            keys = [cache.key(d, context=setup.context) for d in batch] if cache is not None else []
            ready: list[Extraction | None] = (
                [cache._get_keyed(k, d, context=setup.context) for k, d in zip(keys, batch, strict=True)]
                if cache is not None else [None] * len(batch))
            chunk = _Chunk(documents=batch, ready=ready, keys=keys)
            misses = [d for d, r in zip(batch, ready, strict=True) if r is None]
            if misses:
                # In-process when asked, or when a pool would be started for this one chunk only.
                if jobs == 1 or (pool is None and not following):
                    _fill_here(chunk, setup=setup, cache=cache)
                else:
                    if pool is None:
                        pool = ProcessPoolExecutor(
                            max_workers=jobs, mp_context=get_context("spawn"), initializer=_init_worker,
                            initargs=(str(setup.gazetteer.path), setup.overrides_text, setup.overrides_source))
                    store = None if cache is None else _Store(
                        directory=str(cache.directory), context=setup.context,
                        keys=[k for k, r in zip(keys, ready, strict=True) if r is None])
                    chunk.future = pool.submit(_extract_chunk, misses, store)
            pending.append(chunk)
            while len(pending) >= window or (pending and pending[0].future is None):
                yield from _finish(pending.popleft(), setup=setup, cache=cache)
            batch = following
        while pending:
            yield from _finish(pending.popleft(), setup=setup, cache=cache)
    finally:
        if pool is not None:
            # On an error or an abandoned iterator: drop queued chunks, let running ones end.
            pool.shutdown(wait=True, cancel_futures=True)


def _fill_here(chunk: _Chunk, *, setup: _Setup, cache: ExtractionCache | None) -> None:
    for index, document in enumerate(chunk.documents):
        if chunk.ready[index] is None:
            result = extract(document, gazetteer=setup.gazetteer)
            if cache is not None:
                cache._count_write(cache._store(chunk.keys[index], _encode(result), context=setup.context))
            chunk.ready[index] = result


def _finish(chunk: _Chunk, *, setup: _Setup, cache: ExtractionCache | None) -> Iterator[Extraction]:
    if chunk.future is not None:
        encoded, stored = chunk.future.result()
        done = 0
        for index, document in enumerate(chunk.documents):
            if chunk.ready[index] is None:
                result = _decode(encoded[done], document)
                if result is None:  # our own fresh encoding: cannot happen unless memory is corrupt
                    raise RuntimeError(f"worker returned an unreadable result for document {document.id!r}")
                if cache is not None:
                    cache._count_write(stored[done])
                chunk.ready[index] = result
                done += 1
    for result in chunk.ready:
        if result is None:  # every slot was filled above
            raise RuntimeError("extraction chunk left a document without a result")
        yield result
