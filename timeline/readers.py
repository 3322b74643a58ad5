"""Reading inputs: articles and event tables, from files into values (the I/O edge).

Articles become :class:`~timeline.model.Document` values:
- ``.txt``: the whole file is the text; its first line is the title when a blank line follows it.
- ``.md`` / ``.markdown``: optional YAML front matter (``title``, ``published``, ``source``)
  between ``---`` lines; the body is turned into plain text (headings, emphasis and link syntax
  removed) so that offsets point into what a reader sees.
- ``.jsonl``: one ``{"doc_id", "text", "published", "title"?, "source"?}`` object a line.

Event tables (``.csv``, ``.json``) become :class:`TableRow` values; turning them into events
needs the gazetteer and lives in :mod:`timeline.table`.

Every problem raises :class:`~timeline.errors.InputError` naming the file and line. Documents
stream: a JSONL corpus is read a line at a time. With ``skip_bad=True`` a bad record is skipped
and reported to the ``on_skip`` callback instead of stopping the run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import InputError
from timeline.model import Document

__all__ = [
    "ARTICLE_SUFFIXES",
    "TABLE_SUFFIXES",
    "SkippedRecord",
    "TableRow",
    "expand_inputs",
    "is_table",
    "markdown_to_text",
    "parse_date",
    "read_documents",
    "read_table",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl"})
TABLE_SUFFIXES = frozenset({".csv", ".json"})

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
class TableRow:
    """One row of an event table, as read: strings checked, not yet geocoded.

    ``precision_hint`` carries ACLED's ``time_precision`` (1 day, 2 week, 3 month) when present.
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
    # A short first line followed by a blank line is a headline.
    title = first.strip() if rest.startswith("\n") and 0 < len(first.strip()) <= 200 else None
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
                raise InputError("directory holds no readable documents (.txt, .md, .jsonl, .csv, .json)", path=path)
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
_KNOWN_COLUMNS = {alias for aliases in COLUMN_ALIASES.values() for alias in aliases} | {
    "event_id_cnty", "event_id", "id", "year", "disorder_type", "sub_event_type", "inter1", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "admin2", "admin3", "geo_precision",
    "source_scale", "fatalities", "tags", "timestamp", "places", "place_roles", "sentence", "document_id",
    "date_reason", "disagreements", "lats", "lons", "kind",
}


def _first(row: dict[str, str], field_name: str) -> str | None:
    for alias in COLUMN_ALIASES[field_name]:
        value = row.get(alias)
        if value is not None and value.strip():
            return value.strip()
    return None


def _number(row: dict[str, str], field_name: str, path: Path, line: int) -> float | None:
    text = _first(row, field_name)
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        column = next(a for a in COLUMN_ALIASES[field_name] if row.get(a, "").strip())
        raise InputError(f"{text!r} is not a number", path=path, line=line, column=column) from None


def _row_to_table_row(row: dict[str, str], *, path: Path, line: int) -> TableRow:
    date = _first(row, "date")
    if date is None:
        raise InputError("missing date", path=path, line=line)
    if _first(row, "location") is None and _first(row, "country") is None and _first(row, "lat") is None:
        raise InputError("row has no place: give location, country or latitude/longitude", path=path, line=line)
    lat, lon = _number(row, "lat", path, line), _number(row, "lon", path, line)
    if (lat is None) != (lon is None):
        raise InputError("latitude and longitude must be given together", path=path, line=line)
    geonameid_text = _first(row, "geonameid")
    try:
        geonameid = int(float(geonameid_text)) if geonameid_text else None
    except ValueError:
        raise InputError(f"geonameid {geonameid_text!r} is not a number", path=path, line=line) from None
    actors = tuple(dict.fromkeys(
        part.strip() for alias in COLUMN_ALIASES["actors"] for part in re.split(r"[;|]", row.get(alias) or "")
        if part.strip()
    ))
    extra = tuple(sorted((k, v) for k, v in row.items() if k.startswith("x_") and v))
    return TableRow(
        path=str(path), line=line, date=date, end_date=_first(row, "end_date"),
        precision_hint=_first(row, "precision_hint"), title=_first(row, "title"),
        description=_first(row, "description") or "", event_type=_first(row, "event_type"),
        location=_first(row, "location"), admin1=_first(row, "admin1"), country=_first(row, "country"),
        lat=lat, lon=lon, geonameid=geonameid, actors=actors, source=_first(row, "source"),
        source_url=_first(row, "source_url"), status=_first(row, "status"), extra=extra,
    )


def _check_columns(columns: list[str], path: Path) -> None:
    if not any(alias in columns for alias in COLUMN_ALIASES["date"]):
        raise InputError(f"no date column: expected one of {', '.join(COLUMN_ALIASES['date'])}", path=path, line=1)
    place_columns = COLUMN_ALIASES["location"] + COLUMN_ALIASES["country"] + COLUMN_ALIASES["lat"]
    if not any(alias in columns for alias in place_columns):
        raise InputError("no place column: expected location, country or latitude/longitude", path=path, line=1)
    if not any(alias in columns for alias in COLUMN_ALIASES["description"] + COLUMN_ALIASES["title"]):
        raise InputError("no description column: expected notes, description or title", path=path, line=1)
    unknown = [c for c in columns if c not in _KNOWN_COLUMNS and not c.startswith("x_")]
    if unknown:
        raise InputError(f"unknown columns {', '.join(repr(c) for c in unknown)} (a typo? prefix your own "
                         "columns with 'x_' to keep them)", path=path, line=1)


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
            values = {k.strip().lower(): (v or "") for k, v in row.items()}
            if not any(v.strip() for v in values.values()):
                continue
            yield reader.line_num, values
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError("expected a JSON list of event objects (or {\"events\": [...]})", path=path, line=1)
    if not data:
        raise InputError("empty event table", path=path)
    columns = sorted({k.lower() for item in data for k in item})
    _check_columns(columns, path)
    for index, item in enumerate(data, start=1):
        values = {}
        for key, value in item.items():
            if isinstance(value, list):
                value = ";".join(str(v) for v in value)
            values[key.lower()] = "" if value is None else str(value)
        yield index, values  # the "line" of a JSON table is the item's position, 1-based


def read_table(path: str | Path, *, skip_bad: bool = False, on_skip: SkipHandler | None = None) -> list[TableRow]:
    """Rows of a CSV or JSON event table, checked.

    Unknown columns are refused (they are usually typos: "lattitude"); a project's own columns
    are kept in ``TableRow.extra`` when their names start with ``x_``.
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
