"""Reading inputs: articles and event tables, from files into values (the I/O edge).

Articles become :class:`~timeline.model.Document` values:
- ``.txt``: the whole file is the text; its first line is the title when a blank line follows it
  and it does not end with a full stop (then it is a first paragraph).
- ``.md`` / ``.markdown``: optional YAML front matter (``title``, ``published``, ``source``)
  between ``---`` lines; the body is turned into plain text (headings, emphasis and link syntax
  removed) so that offsets point into what a reader sees.
- ``.jsonl``: one ``{"doc_id", "text", "published", "title"?, "source"?}`` object a line.

Event tables (``.csv``, ``.json``, ``.geojson``) become :class:`TableRow` values; turning them
into events needs the gazetteer and lives in :mod:`timeline.table`. Tables written by
:mod:`timeline.exports` read back into the same events:
- CSV cells that a spreadsheet would run as a formula were written with a leading apostrophe
  (:func:`neutralise_formula`); :func:`restore_formula` removes exactly that apostrophe.
- ``event_date`` / ``end_date`` hold the first and the last day (inclusive) of the interval, or
  ``open`` for an open side; ``time_precision`` may be a precision word (``month``).
- JSON detail columns (``place_details``, ``actor_details``, ``source_details``,
  ``disagreements``) carry every place with its role, every actor and source; when present they
  win over the ACLED-like columns, which must then agree with them (an edit to one but not the
  other is refused rather than silently ignored).
- GeoJSON: a FeatureCollection of Point features. Features carrying ``event_id`` (our export,
  one feature per event and place) are grouped back into one event; other Point features are one
  row each, with the properties as columns and the point as latitude/longitude.

Every problem raises :class:`~timeline.errors.InputError` naming the file and line. Documents
stream: a JSONL corpus is read a line at a time. With ``skip_bad=True`` a bad record is skipped
and reported to the ``on_skip`` callback instead of stopping the run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gazetteer.model import PlaceKind
from timeline.errors import InputError
from timeline.model import Actor, ActorKind, Document, PlaceRole, Source

__all__ = [
    "ARTICLE_SUFFIXES",
    "COLUMN_ALIASES",
    "DETAIL_COLUMNS",
    "FORMULA_TRIGGERS",
    "GEOJSON_EVENT_KEYS",
    "GEOJSON_PLACE_KEYS",
    "OPEN_DATE",
    "OPEN_DATE_SPELLINGS",
    "TABLE_SUFFIXES",
    "PlaceDetail",
    "SkippedRecord",
    "TableRow",
    "expand_inputs",
    "is_table",
    "markdown_to_text",
    "neutralise_formula",
    "parse_date",
    "read_documents",
    "read_table",
    "restore_formula",
    "split_actor_names",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl"})
TABLE_SUFFIXES = frozenset({".csv", ".json", ".geojson"})

# Dates outside this range are almost always typos ("20025-02-17") or epoch confusion; news
# archives do not reach further back than the first newspapers.
EARLIEST_DATE = dt.date(1600, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


@dataclass(frozen=True, kw_only=True, slots=True)
class SkippedRecord:
    """A record left out under ``skip_bad``: where it was and why."""

    path: str
    line: int | None
    problem: str

    def one_line(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.problem}"


SkipHandler = Callable[[SkippedRecord], None]


@dataclass(frozen=True, kw_only=True, slots=True)
class PlaceDetail:
    """One place of an exported event, as written in ``place_details`` or a GeoJSON feature.

    A place with a GeoNames id is looked up in the gazetteer (the other fields only check that
    it is still the same place); one without is rebuilt from these fields.
    """

    role: PlaceRole
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    kind: PlaceKind | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int = 0
    surface: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class TableRow:
    """One row of an event table, as read: strings checked, not yet geocoded.

    ``precision_hint`` carries ACLED's ``time_precision`` (1 day, 2 week, 3 month) or a precision
    word when present. The fields after ``extra`` come from our own exports' columns; None when
    a table does not have them (``document_id`` and ``date_reason`` are taken as written, even
    empty, when their column exists), and then the ACLED-like fields are used.
    """

    path: str
    line: int
    date: str
    end_date: str | None = None
    precision_hint: str | None = None
    title: str | None = None
    description: str = ""
    event_type: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    actors: tuple[str, ...] = ()
    source: str | None = None
    source_url: str | None = None
    status: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
    event_id: str | None = None
    document_id: str | None = None
    sentence_start: int | None = None
    date_reason: str | None = None
    place_details: tuple[PlaceDetail, ...] | None = None
    actor_details: tuple[Actor, ...] | None = None
    source_details: tuple[Source, ...] | None = None
    disagreements: tuple[str, ...] = field(default=())


def parse_date(value: object, *, path: str | Path, line: int | None, what: str = "date") -> dt.date:
    """A calendar date from ``YYYY-MM-DD`` (or a YAML/JSON date), range-checked."""
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InputError(f"{what} {value!r} is not a YYYY-MM-DD date", path=path, line=line) from None
    else:
        raise InputError(f"{what} {value!r} is not a YYYY-MM-DD date", path=path, line=line)
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InputError(f"{what} {day.isoformat()} is out of range ({EARLIEST_DATE.year}-{LATEST_DATE.year})",
                         path=path, line=line)
    return day


def _read_text(path: Path) -> str:
    """Whole file as UTF-8 text; binary or undecodable files are refused with their position."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    if b"\x00" in raw[:8192]:
        raise InputError("looks like a binary file (NUL bytes), not text", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"invalid UTF-8 at byte {exc.start}", path=path, line=line) from None
    # One newline convention, so offsets agree whichever system wrote the file.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Markdown -------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: keep the link text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis with *
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis with _
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^ {0,3}[-*+][ \t]+", re.MULTILINE), ""),  # bullets
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # thematic breaks
)


def markdown_to_text(markdown: str) -> str:
    """Plain text a reader sees: markup removed, words and line structure kept."""
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, number of lines the front matter took)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 2  # +1 for 1-based, +1 for the opening ---
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"front matter: {problem}", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of keys to values", path=path, line=2)
    return meta, text[match.end():], match.group(0).count("\n")


def _meta_string(meta: dict[str, Any], key: str, path: Path) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise InputError(f"front matter {key!r} must be text, got {type(value).__name__}", path=path)
    return str(value).strip() or None


def _read_markdown(path: Path, *, published: dt.date | None) -> Document:
    meta, body, _ = _split_front_matter(_read_text(path), path)
    day = published
    if meta.get("published") is not None:
        day = parse_date(meta["published"], path=path, line=None, what="front matter 'published'")
    text = markdown_to_text(body).strip("\n")
    if not text.strip():
        raise InputError("document has no text", path=path)
    return Document(
        id=_meta_string(meta, "id", path) or path.stem,
        text=text,
        published=day,
        title=_meta_string(meta, "title", path),
        source=_meta_string(meta, "source", path) or str(path),
    )


def _read_plain(path: Path, *, published: dt.date | None) -> Document:
    text = _read_text(path).strip("\n")
    if not text.strip():
        raise InputError("document has no text", path=path)
    first, _, rest = text.partition("\n")
    # A short first line followed by a blank line is a headline; one ending in a full stop is the
    # first paragraph of a story without one ("PARIS, Texas — Voters will elect ... .").
    head = first.strip()
    title = head if rest.startswith("\n") and 0 < len(head) <= 200 and not head.endswith(".") else None
    return Document(id=path.stem, text=text, published=published, title=title, source=str(path))


def _read_jsonl(path: Path, *, published: dt.date | None, skip_bad: bool,
                on_skip: SkipHandler | None) -> Iterator[Document]:
    seen: set[str] = set()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                document = _jsonl_document(raw, path=path, line=number, published=published)
                if document is None:
                    continue
                if document.id in seen:
                    raise InputError(f"duplicate doc_id {document.id!r}", path=path, line=number)
            except InputError as exc:
                if not skip_bad:
                    raise
                if on_skip is not None:
                    on_skip(SkippedRecord(path=str(path), line=number, problem=exc.problem))
                continue
            seen.add(document.id)
            yield document


def _jsonl_document(raw: bytes, *, path: Path, line: int, published: dt.date | None) -> Document | None:
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw.decode("utf-8-sig" if line == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start} of the line", path=path, line=line) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=path, line=line) from None
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object with doc_id and text", path=path, line=line)
    doc_id, text = obj.get("doc_id", obj.get("id")), obj.get("text")
    if not isinstance(doc_id, str | int) or doc_id == "":
        raise InputError("missing or empty 'doc_id'", path=path, line=line)
    if not isinstance(text, str):
        raise InputError("missing 'text' (a string)", path=path, line=line)
    day = published
    if obj.get("published") is not None:
        day = parse_date(obj["published"], path=path, line=line, what="'published'")
    title, source = obj.get("title"), obj.get("source", obj.get("url"))
    return Document(
        id=str(doc_id), text=text.replace("\r\n", "\n"), published=day,
        title=title if isinstance(title, str) and title.strip() else None,
        source=source if isinstance(source, str) and source.strip() else f"{path}:{line}",
    )


def read_documents(path: str | Path, *, published: dt.date | None = None, skip_bad: bool = False,
                   on_skip: SkipHandler | None = None) -> Iterator[Document]:
    """Stream the documents in one article file. ``published`` fills in a missing date."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, published=published, skip_bad=skip_bad, on_skip=on_skip)
    elif suffix in {".md", ".markdown"}:
        yield _read_markdown(path, published=published)
    elif suffix == ".txt":
        yield _read_plain(path, published=published)
    else:
        raise InputError(f"unknown input type {suffix or '(no suffix)'!r}; expected one of "
                         f"{', '.join(sorted(ARTICLE_SUFFIXES | TABLE_SUFFIXES))}", path=path)


def is_table(path: str | Path) -> bool:
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, with directories expanded (recursively, sorted) to the inputs they hold.

    Inside a directory only known input types are taken, and ``overrides.csv`` files (reviewer
    overrides, not events) are left out. A directory with no inputs is an error.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ARTICLE_SUFFIXES | TABLE_SUFFIXES
                           and not p.name.startswith(".") and p.name != "overrides.csv")
            if not found:
                raise InputError("directory holds no readable documents (.txt, .md, .jsonl, .csv, .json, .geojson)",
                                 path=path)
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or directory", path=path)
    return files


# --- Event tables ---------------------------------------------------------------------------

# Column names accepted for each field, first match wins. ACLED's names come first, then the
# plain ones a newsroom spreadsheet tends to use.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "event_id_cnty", "id"),
    "date": ("event_date", "date", "start", "start_date", "when"),
    "end_date": ("end_date", "end", "until"),
    "precision_hint": ("time_precision", "precision"),
    "title": ("title", "headline", "event"),
    "description": ("notes", "description", "summary", "text", "what"),
    "event_type": ("event_type", "sub_event_type", "type"),
    "location": ("location", "place", "city", "where"),
    "admin1": ("admin1", "region", "state", "province"),
    "country": ("country", "country_code"),
    "lat": ("latitude", "lat"),
    "lon": ("longitude", "lon", "lng", "long"),
    "geonameid": ("geonameid", "geoname_id"),
    "actors": ("actor1", "actor2", "actors", "assoc_actor_1", "assoc_actor_2"),
    "source": ("source", "source_name"),
    "source_url": ("source_url", "url", "link"),
    "status": ("status",),
}
# Columns written by geotimeline's own exports (timeline.exports.csv): JSON detail cells that
# carry what the ACLED-like columns cannot (every place with its role, actors with their kind,
# every source), so an exported table reads back into the same events.
DETAIL_COLUMNS = ("place_details", "actor_details", "source_details", "disagreements")
_OWN_COLUMNS = ("document_id", "sentence_start", "date_reason", *DETAIL_COLUMNS)
_KNOWN_COLUMNS = {alias for aliases in COLUMN_ALIASES.values() for alias in aliases} | set(_OWN_COLUMNS) | {
    "year", "disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "iso", "admin2", "admin3",
    "geo_precision", "source_scale", "fatalities", "tags", "timestamp", "places", "place_roles", "sentence",
    "lats", "lons", "kind",
}
# The end_date (or event_date) of an open interval: "since 2014" has no end. ".." is the
# ISO 8601-2 / EDTF spelling of an open end, accepted on input.
OPEN_DATE = "open"
OPEN_DATE_SPELLINGS = frozenset({"open", ".."})

# Spreadsheet formula injection: a cell whose text starts with one of these is run as a formula
# (or DDE command) by Excel, LibreOffice and Google Sheets. The full-width forms are folded to
# the ASCII ones by some spreadsheets, so they count too.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def neutralise_formula(text: str) -> str:
    """A cell that no spreadsheet runs as a formula, and that :func:`restore_formula` undoes.

    Rule: when the text, after any leading apostrophes, starts with a formula trigger
    (``= + - @`` TAB CR or their full-width forms), one more apostrophe is put in front. A plain
    number ("-33.86") is not a formula and is left alone so it stays numeric. Adding an
    apostrophe also before existing ones ("'=x" becomes "''=x") keeps the rule invertible.
    """
    body = text.lstrip("'")
    if body and body[0] in FORMULA_TRIGGERS and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """Undo :func:`neutralise_formula`: drop one apostrophe before ``'*`` + a trigger."""
    if text.startswith("'"):
        body = text.lstrip("'")
        if body and body[0] in FORMULA_TRIGGERS:
            return text[1:]
    return text


def _first(row: dict[str, str], field_name: str) -> str | None:
    for alias in COLUMN_ALIASES[field_name]:
        value = row.get(alias)
        if value is not None and value.strip():
            return value  # cells arrive stripped (and, from CSV, with formula guards undone)
    return None


def _number(row: dict[str, str], field_name: str, path: Path, line: int) -> float | None:
    text = _first(row, field_name)
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        column = next(a for a in COLUMN_ALIASES[field_name] if row.get(a, "").strip())
        raise InputError(f"{text!r} is not a number", path=path, line=line, column=column)
    return number


def _json_cell(row: dict[str, str], column: str, path: Path, line: int) -> list[Any] | None:
    text = row.get(column, "")
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (character {exc.pos})", path=path, line=line,
                         column=column) from None
    if not isinstance(value, list):
        raise InputError("expected a JSON list", path=path, line=line, column=column)
    return value


@dataclass(frozen=True, slots=True)
class _Item:
    """One object of a JSON detail cell, read field by field with errors naming where it is."""

    data: dict[str, Any]
    where: str
    path: Path
    line: int
    column: str

    def error(self, problem: str) -> InputError:
        return InputError(f"{self.where}: {problem}", path=self.path, line=self.line, column=self.column)

    def get(self, key: str, kind: type, *, required: bool = False) -> Any:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"missing {key!r}")
            return None
        # bool is an int in Python; a true/false where a number belongs is a mistake.
        if isinstance(value, bool) or not isinstance(value, kind):
            raise self.error(f"{key!r} has the wrong type ({type(value).__name__})")
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value: str | None = self.get(key, str, required=required)
        return value

    def number(self, key: str) -> float:
        value = self.data.get(key)
        if value is None:
            raise self.error(f"missing {key!r}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(f"{key!r} has the wrong type ({type(value).__name__})")
        return float(value)


def _items(row: dict[str, str], column: str, what: str, path: Path, line: int) -> list[_Item] | None:
    values = _json_cell(row, column, path, line)
    if values is None:
        return None
    items = []
    for index, value in enumerate(values):
        if not isinstance(value, dict):
            raise InputError(f"item {index} is not a JSON object", path=path, line=line, column=column)
        items.append(_Item(value, f"{what} {index}", path, line, column))
    return items


def _place_details(row: dict[str, str], path: Path, line: int) -> tuple[PlaceDetail, ...] | None:
    items = _items(row, "place_details", "place", path, line)
    if items is None:
        return None
    details = []
    for item in items:
        role_text, kind_text = item.text("role", required=True) or "", item.text("kind")
        try:
            role = PlaceRole(role_text)
            kind = None if kind_text is None else PlaceKind(kind_text)
        except ValueError as exc:
            raise item.error(str(exc)) from None
        lat, lon = item.number("lat"), item.number("lon")
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise item.error(f"coordinates {lat}, {lon} are out of range")
        details.append(PlaceDetail(
            role=role, name=item.text("name", required=True) or "", lat=lat, lon=lon,
            geonameid=item.get("geonameid", int), kind=kind, country_code=item.text("country_code"),
            admin1=item.text("admin1"), feature_class=item.text("feature_class"),
            feature_code=item.text("feature_code"), population=item.get("population", int) or 0,
            surface=item.text("surface"), start=item.get("start", int), end=item.get("end", int),
        ))
    return tuple(details)


def _actor_details(row: dict[str, str], path: Path, line: int) -> tuple[Actor, ...] | None:
    items = _items(row, "actor_details", "actor", path, line)
    if items is None:
        return None
    actors = []
    for item in items:
        try:
            actors.append(Actor(name=item.text("name", required=True) or "",
                                kind=ActorKind(item.text("kind") or ActorKind.PERSON),
                                title=item.text("title"), country_code=item.text("country_code")))
        except ValueError as exc:
            raise item.error(str(exc)) from None
    return tuple(actors)


def _source_details(row: dict[str, str], path: Path, line: int) -> tuple[Source, ...] | None:
    items = _items(row, "source_details", "source", path, line)
    if items is None:
        return None
    sources = []
    for item in items:
        published = item.text("published")
        sources.append(Source(
            document_id=item.text("document_id", required=True) or "", title=item.text("title"),
            url=item.text("url"),
            published=None if published is None else parse_date(published, path=path, line=line,
                                                                 what=f"{item.where} 'published'"),
        ))
    return tuple(sources)


def _disagreements(row: dict[str, str], path: Path, line: int) -> tuple[str, ...]:
    items = _json_cell(row, "disagreements", path, line)
    if items is None:
        return ()
    if not all(isinstance(item, str) for item in items):
        raise InputError("expected a JSON list of strings", path=path, line=line, column="disagreements")
    return tuple(items)


def split_actor_names(cells: Iterable[str]) -> tuple[str, ...]:
    """Actor names from actor cells: each cell may hold several, split on ``;`` or ``|``."""
    return tuple(dict.fromkeys(part.strip() for cell in cells for part in re.split(r"[;|]", cell) if part.strip()))


def _disagree(column: str, given: object, detail: str, *, path: Path, line: int) -> InputError:
    return InputError(f"{given!r} disagrees with {detail} in the detail column; edit both, or clear the detail "
                      "column to use the plain one", path=path, line=line, column=column)


def _same(given: object, wanted: object) -> bool:
    """Equal, comparing text as cells are read (surrounding whitespace and emptiness ignored)."""
    if isinstance(given, str | None) and isinstance(wanted, str | None):
        return (given or "").strip() == (wanted or "").strip()
    return given == wanted


def _check_summary(row: dict[str, str], table: TableRow, path: Path, line: int) -> None:
    """An exported row's plain columns must still say what its detail columns say.

    Someone who edits ``location`` in a spreadsheet but not ``place_details`` would otherwise
    have the edit ignored without a word.
    """
    if table.place_details is not None:
        first = table.place_details[0] if table.place_details else None
        expected: dict[str, tuple[object, object]] = {
            "location": (table.location, first.name if first else None),
            "geonameid": (table.geonameid, first.geonameid if first else None),
            "latitude": (table.lat, first.lat if first else None),
            "longitude": (table.lon, first.lon if first else None),
            "country_code": (table.country, first.country_code if first else None),
            "admin1": (table.admin1, first.admin1 if first else None),
        }
        for column, (given, wanted) in expected.items():
            if column in row and not _same(given, wanted):
                raise _disagree(column, given, f"place {wanted!r}", path=path, line=line)
    if table.actor_details is not None and any(c in row for c in COLUMN_ALIASES["actors"]):
        names = split_actor_names(a.name for a in table.actor_details[:2])
        if table.actors != names:
            raise _disagree("actor1", "; ".join(table.actors), f"actors {'; '.join(names)!r}", path=path, line=line)
    if table.source_details is not None:
        first_source = table.source_details[0] if table.source_details else None
        for column, given, wanted in (("source", table.source, first_source and first_source.title),
                                      ("source_url", table.source_url, first_source and first_source.url)):
            if column in row and not _same(given, wanted):
                raise _disagree(column, given, f"source {wanted!r}", path=path, line=line)


def _row_to_table_row(row: dict[str, str], *, path: Path, line: int) -> TableRow:
    date = _first(row, "date")
    if date is None:
        raise InputError("missing date", path=path, line=line)
    place_details = _place_details(row, path, line)
    if place_details is None and _first(row, "location") is None and _first(row, "country") is None \
            and _first(row, "lat") is None:
        raise InputError("row has no place: give location, country or latitude/longitude", path=path, line=line)
    lat, lon = _number(row, "lat", path, line), _number(row, "lon", path, line)
    if (lat is None) != (lon is None):
        raise InputError("latitude and longitude must be given together", path=path, line=line)
    geonameid_text = _first(row, "geonameid")
    try:
        geonameid = int(float(geonameid_text)) if geonameid_text else None
    except ValueError:
        raise InputError(f"geonameid {geonameid_text!r} is not a number", path=path, line=line) from None
    sentence_start_text = _first_of(row, "sentence_start")
    if sentence_start_text is not None and not sentence_start_text.isdigit():
        raise InputError(f"{sentence_start_text!r} is not an offset", path=path, line=line, column="sentence_start")
    actors = split_actor_names(row.get(alias) or "" for alias in COLUMN_ALIASES["actors"])
    extra = tuple(sorted((k, v) for k, v in row.items() if k.startswith("x_") and v))
    table = TableRow(
        path=str(path), line=line, date=date, end_date=_first(row, "end_date"),
        precision_hint=_first(row, "precision_hint"), title=_first(row, "title"),
        description=_first(row, "description") or "", event_type=_first(row, "event_type"),
        location=_first(row, "location"), admin1=_first(row, "admin1"), country=_first(row, "country"),
        lat=lat, lon=lon, geonameid=geonameid, actors=actors, source=_first(row, "source"),
        source_url=_first(row, "source_url"), status=_first(row, "status"), extra=extra,
        event_id=_first(row, "event_id"), document_id=row.get("document_id"),
        sentence_start=None if sentence_start_text is None else int(sentence_start_text),
        date_reason=row.get("date_reason"), place_details=place_details,
        actor_details=_actor_details(row, path, line), source_details=_source_details(row, path, line),
        disagreements=_disagreements(row, path, line),
    )
    _check_summary(row, table, path, line)
    return table


def _first_of(row: dict[str, str], column: str) -> str | None:
    value = row.get(column)
    return value if value is not None and value.strip() else None


def _check_columns(columns: list[str], path: Path, *, line: int | None = 1) -> None:
    if not any(alias in columns for alias in COLUMN_ALIASES["date"]):
        raise InputError(f"no date column: expected one of {', '.join(COLUMN_ALIASES['date'])}", path=path, line=line)
    place_columns = COLUMN_ALIASES["location"] + COLUMN_ALIASES["country"] + COLUMN_ALIASES["lat"] + ("place_details",)
    if not any(alias in columns for alias in place_columns):
        raise InputError("no place column: expected location, country or latitude/longitude", path=path, line=line)
    if not any(alias in columns for alias in COLUMN_ALIASES["description"] + COLUMN_ALIASES["title"]):
        raise InputError("no description column: expected notes, description or title", path=path, line=line)
    unknown = [c for c in columns if c not in _KNOWN_COLUMNS and not c.startswith("x_")]
    if unknown:
        raise InputError(f"unknown columns {', '.join(repr(c) for c in unknown)} (a typo? prefix your own "
                         "columns with 'x_' to keep them)", path=path, line=line)


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    text = _read_text(path)
    if not text.strip():
        raise InputError("empty event table", path=path)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        if len(set(columns)) != len(columns):
            raise InputError("duplicate column names in the header", path=path, line=1)
        _check_columns(columns, path)
        for row in reader:
            if None in row:
                raise InputError(f"more fields than the {len(columns)} header columns", path=path,
                                 line=reader.line_num)
            # Strip first, then undo the formula guard: a guarded cell starts with its apostrophe,
            # so a TAB right after it survives the strip.
            values = {k.strip().lower(): restore_formula((v or "").strip()) for k, v in row.items()}
            if not any(values.values()):
                continue
            yield reader.line_num, values
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None


def _cell(value: object) -> str:
    """A JSON value as a table cell: lists joined with ``;`` (names), the rest as text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        yield from _geojson_rows(data, path)
        return
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError("expected a JSON list of event objects (or {\"events\": [...]})", path=path, line=1)
    if not data:
        raise InputError("empty event table", path=path)
    columns = sorted({k.lower() for item in data for k in item})
    _check_columns(columns, path)
    for index, item in enumerate(data, start=1):
        yield index, {key.lower(): _cell(value) for key, value in item.items()}  # "line": 1-based item position


# --- GeoJSON tables -------------------------------------------------------------------------

# Keys of the simplestyle convention (geojson.io and others add them when a point is styled):
# presentation, not data, so they are neither refused nor kept.
_SIMPLESTYLE_KEYS = frozenset({"marker-color", "marker-size", "marker-symbol", "stroke", "stroke-width",
                               "stroke-opacity", "fill", "fill-opacity"})
# Properties written by timeline.exports.geojson: one feature per (event, place).
GEOJSON_EVENT_KEYS = ("event_id", "title", "start", "end", "open_start", "open_end", "precision", "status",
                      "actors", "actor_details", "sources", "source_details", "sentence", "sentence_start",
                      "document_id", "date_reason", "disagreements", "place_count")
GEOJSON_PLACE_KEYS = ("place_index", "place_name", "geonameid", "role", "surface", "surface_start", "surface_end",
                      "kind", "country_code", "admin1", "feature_class", "feature_code", "population")


def _point(feature: dict[str, Any], path: Path, number: int) -> tuple[float, float] | None:
    """(lat, lon) of a Point feature, None for a feature without geometry."""
    geometry = feature.get("geometry")
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        raise InputError(f"geometry {kind!r} is not supported: events are read from Point features (or null)",
                         path=path, line=number)
    coordinates = geometry.get("coordinates")
    if not (isinstance(coordinates, list) and 2 <= len(coordinates) <= 3
            and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates)):
        raise InputError("Point coordinates must be [longitude, latitude]", path=path, line=number)
    lon, lat = float(coordinates[0]), float(coordinates[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        hint = " (GeoJSON order is [longitude, latitude]; swapped?)" if -90 <= lon <= 90 and -180 <= lat <= 180 else ""
        raise InputError(f"coordinates [{coordinates[0]}, {coordinates[1]}] are out of range{hint}", path=path,
                         line=number)
    return lat, lon


def _features(data: dict[str, Any], path: Path) -> list[tuple[int, dict[str, Any], tuple[float, float] | None]]:
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError("a FeatureCollection needs a 'features' list", path=path, line=1)
    if not features:
        raise InputError("empty event table (no features)", path=path)
    out = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError("expected a GeoJSON Feature", path=path, line=number)
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise InputError("'properties' must be an object", path=path, line=number)
        properties = {str(k).lower(): v for k, v in properties.items() if str(k).lower() not in _SIMPLESTYLE_KEYS}
        out.append((number, properties, _point(feature, path, number)))
    return out


def _geojson_rows(data: dict[str, Any], path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Table rows from a FeatureCollection; the "line" of a row is its (first) feature's number.

    Features written by our export (they carry ``event_id``) are grouped back into one row per
    event; any other Point features become one row each, their point giving latitude/longitude.
    """
    features = _features(data, path)
    if any("event_id" in properties for _, properties, _ in features):
        yield from _own_geojson_rows(features, path)
        return
    columns = sorted({k for _, properties, _ in features for k in properties} | {"latitude", "longitude"})
    _check_columns(columns, path, line=None)
    for number, properties, point in features:
        values = {key: _cell(value) for key, value in properties.items()}
        if point is not None:
            values["latitude"], values["longitude"] = repr(point[0]), repr(point[1])
        yield number, values


def _own_geojson_rows(features: list[tuple[int, dict[str, Any], tuple[float, float] | None]],
                      path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    known = set(GEOJSON_EVENT_KEYS) | set(GEOJSON_PLACE_KEYS)
    groups: dict[str, list[tuple[int, dict[str, Any], tuple[float, float] | None]]] = {}
    for number, properties, point in features:
        event_id = properties.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            raise InputError("missing 'event_id' (every feature of an exported file has one)", path=path, line=number)
        unknown = sorted(k for k in properties if k not in known and not k.startswith("x_"))
        if unknown:
            raise InputError(f"unknown properties {', '.join(repr(k) for k in unknown)} (a typo? prefix your own "
                             "with 'x_' to keep them)", path=path, line=number)
        groups.setdefault(event_id, []).append((number, properties, point))
    for event_id, group in groups.items():
        first_number, first, _ = group[0]
        for number, properties, _ in group[1:]:
            for key in GEOJSON_EVENT_KEYS:
                if properties.get(key) != first.get(key):
                    raise InputError(f"event {event_id!r}: property {key!r} differs from feature {first_number}",
                                     path=path, line=number)
        yield first_number, _own_event_row(group, path)


def _own_event_row(group: list[tuple[int, dict[str, Any], tuple[float, float] | None]], path: Path) -> dict[str, str]:
    number, first, _ = group[0]

    def text(key: str) -> str:
        value = first.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(f"property {key!r} has the wrong type ({type(value).__name__})", path=path, line=number)
        return "" if value is None else str(value)

    def listed(key: str) -> list[Any]:
        value = first.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise InputError(f"property {key!r} must be a list", path=path, line=number)
        return value

    start, end = text("start"), text("end")
    if first.get("open_start") is True:
        if start:
            raise InputError("'open_start' is true but 'start' is given", path=path, line=number)
        start = OPEN_DATE
    if first.get("open_end") is True:
        if end:
            raise InputError("'open_end' is true but 'end' is given", path=path, line=number)
        end = OPEN_DATE
    actor_details, source_details = listed("actor_details"), listed("source_details")
    names = [a.get("name") if isinstance(a, dict) else None for a in actor_details]
    if "actors" in first and listed("actors") != names:
        raise InputError("'actors' disagrees with 'actor_details'; edit both", path=path, line=number)
    labels = [(s.get("url") or s.get("title") or s.get("document_id")) if isinstance(s, dict) else None
              for s in source_details]
    if "sources" in first and listed("sources") != labels:
        raise InputError("'sources' disagrees with 'source_details'; edit both", path=path, line=number)
    places = []
    located = [(n, p, pt) for n, p, pt in group if pt is not None]
    if len(located) != len(group) and len(group) > 1:
        raise InputError(f"event {first['event_id']!r}: a feature without geometry among its places", path=path,
                         line=number)
    def order(feature: tuple[int, dict[str, Any], tuple[float, float] | None]) -> tuple[int, int]:
        index = feature[1].get("place_index")
        return (index if isinstance(index, int) else 0, feature[0])

    for _, properties, point in sorted(located, key=order):
        if point is None:
            continue
        places.append({
            "role": properties.get("role"), "surface": properties.get("surface"),
            "start": properties.get("surface_start"), "end": properties.get("surface_end"),
            "geonameid": properties.get("geonameid"), "name": properties.get("place_name"),
            "lat": point[0], "lon": point[1], "kind": properties.get("kind"),
            "country_code": properties.get("country_code"), "admin1": properties.get("admin1"),
            "feature_class": properties.get("feature_class"), "feature_code": properties.get("feature_code"),
            "population": properties.get("population"),
        })
    count = first.get("place_count")
    if isinstance(count, int) and count != len(places):
        raise InputError(f"event {first['event_id']!r}: place_count is {count} but {len(places)} features have "
                         "a point (set place_count on all its features when you add or delete one)", path=path,
                         line=number)
    return {
        "event_id": text("event_id"), "event_date": start, "end_date": end, "time_precision": text("precision"),
        "status": text("status"), "title": text("title"), "notes": text("sentence"),
        "sentence_start": text("sentence_start"), "document_id": text("document_id"),
        "date_reason": text("date_reason"), "place_details": json.dumps(places, ensure_ascii=False),
        "actor_details": json.dumps(actor_details, ensure_ascii=False),
        "source_details": json.dumps(source_details, ensure_ascii=False),
        "disagreements": json.dumps(listed("disagreements"), ensure_ascii=False),
        **{k: _cell(v) for k, v in first.items() if k.startswith("x_")},
    }


def read_table(path: str | Path, *, skip_bad: bool = False, on_skip: SkipHandler | None = None) -> list[TableRow]:
    """Rows of a CSV, JSON or GeoJSON event table, checked.

    Unknown columns are refused (they are usually typos: "lattitude"); a project's own columns
    are kept in ``TableRow.extra`` when their names start with ``x_``. CSV cells guarded against
    formula injection (see :func:`neutralise_formula`) are restored.
    """
    path = Path(path)
    rows_in = _csv_rows(path) if path.suffix.lower() == ".csv" else _json_rows(path)
    rows: list[TableRow] = []
    for line, values in rows_in:
        try:
            rows.append(_row_to_table_row(values, path=path, line=line))
        except InputError as exc:
            if not skip_bad:
                raise
            if on_skip is not None:
                on_skip(SkippedRecord(path=str(path), line=line, problem=exc.problem))
    if not rows:
        raise InputError("event table has no usable rows", path=path)
    return rows
