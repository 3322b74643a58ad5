"""The ``geotimeline`` command line: report, reports, extract, export, geocode.

Every error a user can cause prints one line, ``geotimeline: error: FILE:LINE: problem``, and
exits non-zero without leaving a partial output. Exit codes: 0 success, 1 bad input, 2 bad
usage, 3 an output that could not be written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gazetteer.errors import GazetteerError
from timeline import __version__
from timeline.batch import DEFAULT_CACHE_DIR
from timeline.config import CONFIG_NAME, ReportSpec, find_config, load_config
from timeline.errors import InputError, OutputError, TimelineError
from timeline.exports import EXPORT_FORMATS

if TYPE_CHECKING:
    from timeline.model import Document, Event
    from timeline.pipeline import Extraction

__all__ = ["main"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
T = TypeVar("T")


class _Console:
    """Messages for people go to stderr; ``--quiet`` keeps only errors."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet

    def info(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"geotimeline: warning: {message}", file=sys.stderr)

    def stream(self, items: Iterable[T], what: str) -> Iterator[T]:
        """Items as they come, with a progress bar on an interactive terminal."""
        if self.quiet or not sys.stderr.isatty():
            yield from items
            return
        from tqdm import tqdm

        yield from tqdm(items, desc=what, unit="doc", file=sys.stderr, leave=False)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geotimeline",
        description="Turn news articles and event tables into a geocoded, dated timeline: "
                    "an offline HTML report with a map and a timeline, or machine-readable extractions.",
    )
    parser.add_argument("--version", action="version", version=f"geotimeline {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def pipeline(p: argparse.ArgumentParser) -> None:
        p.add_argument("-j", "--jobs", type=_positive, metavar="N",
                       help="worker processes for extraction (default: all cores; 1 = no pool)")
        p.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR, metavar="DIR",
                       help=f"cache of extractions keyed by content; unchanged documents are not re-processed "
                            f"(default: {DEFAULT_CACHE_DIR})")
        p.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="article files (.txt, .md with front matter, .jsonl), event tables (.csv, .json, .geojson) "
                            "or directories of them")
        p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                       help="publication date for articles whose metadata has none")
        p.add_argument("--overrides", type=Path, metavar="CSV",
                       help="reviewer overrides for place names (default: overrides.csv beside the inputs, if any)")
        p.add_argument("--skip-bad", action="store_true", default=None,
                       help="skip bad records (JSONL lines, table rows) instead of stopping; they are listed")
        pipeline(p)
        p.add_argument("--config", type=Path, metavar="TOML",
                       help=f"project file with report defaults (default: ./{CONFIG_NAME} if present)")

    report = commands.add_parser("report", help="write a standalone HTML report (map + timeline)",
                                 description="Write one standalone, offline HTML report from the inputs.")
    inputs(report)
    report.add_argument("-o", "--output", type=Path, required=True, metavar="HTML", help="report file to write")
    report.add_argument("--title", help="report title (default: the only document's title, or 'Timeline')")
    report.add_argument("--lanes", choices=["place", "country", "actor"],
                        help="timeline lanes (default: country)")
    report.add_argument("--tiles", metavar="PROVIDER",
                        help="online map tiles by xyzservices name (e.g. OpenStreetMap.Mapnik); "
                             "default: an offline basemap, no network")
    report.add_argument("--embed", action="store_true", default=None,
                        help="also write NAME.embed.html, an iframe snippet")

    reports = commands.add_parser("reports", help=f"build every report listed in {CONFIG_NAME}",
                                  description=f"Build every [[report]] of the project file ({CONFIG_NAME}).")
    reports.add_argument("--config", type=Path, metavar="TOML", help=f"project file (default: ./{CONFIG_NAME})")
    pipeline(reports)

    extract = commands.add_parser("extract", help="write places, times and events as JSONL (scorer format)",
                                  description="Write one JSON object per document: toponyms, timexes, events.")
    inputs(extract)
    extract.add_argument("-o", "--output", type=Path, required=True, metavar="JSONL", help="file to write")

    export = commands.add_parser(
        "export", help="write the timeline as GeoJSON, CSV, KML, TimelineJS JSON or JSONL",
        description="Build the timeline from the inputs and export it. The format follows the output's suffix "
                    "(.geojson, .csv, .kml, .timeline.json, .jsonl) unless --format says otherwise. Exported CSV "
                    "and GeoJSON can be read back as inputs.")
    inputs(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="file to write")
    export.add_argument("--format", choices=EXPORT_FORMATS, help="output format (default: from the suffix)")
    export.add_argument("--title", help="timeline title (TimelineJS and KML show it)")

    geocode = commands.add_parser("geocode", help="resolve place names with the offline gazetteer",
                                  description="Resolve place names offline and print the best match for each.")
    geocode.add_argument("names", nargs="+", metavar="NAME")
    geocode.add_argument("--country", metavar="CC", help="restrict to an ISO 3166-1 alpha-2 country code")
    geocode.add_argument("--all", action="store_true", help="print every candidate, best first")
    geocode.add_argument("--json", action="store_true", help="print JSON lines")
    return parser


def _overrides_path(overrides: Path | None, inputs: Sequence[Path]) -> Path | None:
    if overrides is not None:
        if not overrides.is_file():
            raise InputError("overrides file not found", path=overrides)
        return overrides
    for given in inputs:
        folder = given if given.is_dir() else given.parent
        candidate = folder / "overrides.csv"
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True, kw_only=True, slots=True)
class _Gathered:
    documents: list[Document]  # without their text: the events carry what the report shows
    events: list[Event]
    undated: int
    count: int  # articles extracted (kept in ``documents`` or not)


@dataclass(frozen=True, kw_only=True, slots=True)
class _Run:
    """What to read and how to run the pipeline over it."""

    inputs: tuple[Path, ...]
    published: dt.date | None = None
    overrides: Path | None = None
    skip_bad: bool = False
    jobs: int | None = None
    cache_dir: Path | None = None  # None: no cache


def _gather(run: _Run, console: _Console,
            on_result: Callable[[Extraction], None] | None = None, *, keep: bool = True) -> _Gathered:
    """Read every input and run the pipeline, streaming documents through worker processes.

    Each article's result is passed to ``on_result`` as soon as it is ready (in input order) and
    only its events are kept, with the document's text dropped: memory grows with the events
    found, not with the size of the corpus. With ``keep=False`` (``geotimeline extract``, which
    writes each result as it comes) nothing is kept, so memory stays flat however long the run.
    """
    from gazetteer.index import Gazetteer
    from timeline.batch import ExtractionCache, extract_many
    from timeline.readers import SkippedRecord, expand_inputs, is_table, read_documents, read_table
    from timeline.table import events_from_table

    skipped: list[SkippedRecord] = []
    files = expand_inputs(run.inputs)
    overrides = _overrides_path(run.overrides, run.inputs)
    documents: list[Document] = []
    events: list[Event] = []
    tables = [path for path in files if is_table(path)]
    if tables:
        gazetteer = Gazetteer.open(overrides=overrides)
        for path in tables:
            rows = read_table(path, skip_bad=run.skip_bad, on_skip=skipped.append)
            events.extend(events_from_table(rows, gazetteer=gazetteer))

    def articles() -> Iterator[Document]:
        for path in files:
            if not is_table(path):
                yield from read_documents(path, published=run.published, skip_bad=run.skip_bad,
                                          on_skip=skipped.append)

    cache = ExtractionCache(run.cache_dir) if run.cache_dir is not None else None
    undated = count = 0
    results = extract_many(articles(), jobs=run.jobs, overrides=overrides, cache=cache)
    # What is kept (events, text-less documents) are acyclic values that live until the report
    # is built. Frozen as they arrive, they stay out of the cyclic collector's sight, which
    # otherwise rescans the growing heap again and again (half the CPU of a cached re-run of
    # 10,000 articles); the collector gets them back when extraction ends.
    was_frozen = gc.get_freeze_count() > 0
    try:
        for result in console.stream(results, "extracting"):
            document = result.document
            unanchored = sum(1 for t in result.times if t.relative and not t.anchored)
            if document.published is None and unanchored:
                console.warn(f"{document.source or document.id}: no publication date; {unanchored} relative "
                             f"date(s) left unanchored (give one with --published or in the metadata)")
            if on_result is not None:
                on_result(result)
            count += 1
            if keep:
                documents.append(replace(document, text=""))
                events.extend(result.events)
                gc.freeze()
            undated += result.undated
    finally:
        if not was_frozen:  # someone else's frozen objects stay as they were
            gc.unfreeze()
    if cache is not None and cache.stats.write_errors:
        console.warn(f"{cache.stats.write_errors} extraction(s) could not be cached in {run.cache_dir}")
    if skipped:
        console.warn(f"skipped {len(skipped)} bad record(s):")
        for record in skipped:
            console.warn(f"  {record.one_line()}")
    return _Gathered(documents=documents, events=events, undated=undated, count=count)


def _run_options(args: argparse.Namespace, options: dict[str, Any]) -> _Run:
    return _Run(inputs=tuple(Path(i) for i in args.inputs), published=options.get("published"),
                overrides=options.get("overrides"), skip_bad=bool(options.get("skip_bad")), jobs=args.jobs,
                cache_dir=None if args.no_cache else args.cache_dir)


def _check_output(path: Path) -> None:
    """Fail before the work, not after it, when the output's folder is missing."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: directory {folder} does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: cannot write: it is a directory")


def _options(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """Options of this run: the project file's defaults, overridden by what the command line gave.

    ``names`` are command-specific options besides the input options every command has.
    """
    given = {name: getattr(args, name) for name in ("overrides", "published", "skip_bad", *names)}
    return {**_config_defaults(args.config), **{k: v for k, v in given.items() if v is not None}}


def _config_defaults(config: Path | None) -> dict[str, Any]:
    path = config if config is not None else find_config(Path.cwd())
    if config is not None and not config.is_file():
        raise InputError("config file not found", path=config)
    return dict(load_config(path).defaults) if path is not None else {}


def _build_report(spec: ReportSpec, run: _Run, console: _Console) -> None:
    from timeline.builder import build_timeline
    from timeline.render import ReportOptions, write_report

    options = spec.options
    _check_output(spec.output)
    gathered = _gather(replace(run, inputs=spec.inputs, published=options.get("published"),
                               overrides=options.get("overrides"), skip_bad=bool(options.get("skip_bad"))), console)
    documents, events, undated = gathered.documents, gathered.events, gathered.undated
    title = options.get("title") or (documents[0].title if len(documents) == 1 and documents[0].title else None)
    timeline = build_timeline(events, documents=documents, title=title or "Timeline")
    render_options = ReportOptions(title=timeline.title, lanes=options.get("lanes") or "country",
                                   tiles=options.get("tiles") or None, embed=bool(options.get("embed")))
    write_report(timeline, spec.output, options=render_options)
    console.info(f"wrote {spec.output}: {len(timeline)} events, {len(timeline.places())} places, "
                 f"{len(documents)} documents" + (f"; {undated} undated clause(s) left out" if undated else ""))


def _report(args: argparse.Namespace, console: _Console) -> int:
    options = _options(args, "title", "lanes", "tiles", "embed")
    _build_report(ReportSpec(inputs=tuple(Path(i) for i in args.inputs), output=args.output, options=options),
                  _run_options(args, options), console)
    return EXIT_OK


def _reports(args: argparse.Namespace, console: _Console) -> int:
    path = args.config if args.config is not None else find_config(Path.cwd())
    if path is None:
        raise InputError(f"no {CONFIG_NAME} here; give one with --config", path=Path.cwd())
    config = load_config(path)
    if not config.reports:
        raise InputError("no [[report]] tables to build", path=path)
    run = _Run(inputs=(), jobs=args.jobs, cache_dir=None if args.no_cache else args.cache_dir)
    for spec in config.reports:
        _build_report(ReportSpec(inputs=spec.inputs, output=spec.output,
                                 options={**config.defaults, **spec.options}), run, console)
    return EXIT_OK


def _extract(args: argparse.Namespace, console: _Console) -> int:
    from timeline.atomic import atomic_writer
    from timeline.exports import extraction_record

    options = _options(args)
    _check_output(args.output)
    with atomic_writer(args.output) as handle:
        def write(result: Extraction) -> None:
            record = extraction_record(result.document.id, places=result.places, times=result.times,
                                       events=result.events)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

        gathered = _gather(_run_options(args, options), console, on_result=write, keep=False)
    console.info(f"wrote {args.output}: {gathered.count} documents")
    return EXIT_OK


def _export(args: argparse.Namespace, console: _Console) -> int:
    from timeline.builder import build_timeline
    from timeline.exports import export_timeline

    options = _options(args)
    _check_output(args.output)
    gathered = _gather(_run_options(args, options), console)
    timeline = build_timeline(gathered.events, documents=gathered.documents, title=args.title or "Timeline")
    written = export_timeline(timeline, args.output, format=args.format)
    console.info(f"wrote {written}: {len(timeline)} events")
    return EXIT_OK


def _geocode(args: argparse.Namespace, console: _Console) -> int:
    from gazetteer.index import default_gazetteer
    from timeline.exports.jsonl import place_record

    gazetteer = default_gazetteer()
    missing = 0
    for name in args.names:
        places = gazetteer.lookup(name, country=args.country.upper() if args.country else None)
        if not places:
            # Not a place name: maybe a demonym ("Russian") or a metonym ("the Kremlin").
            demonym = gazetteer.lookup_demonym(name)
            metonym = gazetteer.lookup_metonym(name)
            places = [demonym] if demonym is not None else ([metonym.place] if metonym is not None else [])
        if not places:
            missing += 1
            print(f"{name}\tnot found", file=sys.stderr)
            continue
        for rank, place in enumerate(places if args.all else places[:1], start=1):
            if args.json:
                print(json.dumps({"query": name, "rank": rank, **place_record(place)}, ensure_ascii=False))
            else:
                where = ", ".join(x for x in (place.admin1, place.country_code) if x)
                ident = f"geonames:{place.geonameid}" if place.geonameid else "geotimeline"
                print(f"{name}\t{place.name} ({where or '-'})\t{place.lat:.4f}, {place.lon:.4f}\t"
                      f"{place.kind}/{place.feature_code or '-'}\t{ident}")
    return EXIT_INPUT if missing else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    console = _Console(quiet=args.quiet)
    commands = {"report": _report, "reports": _reports, "extract": _extract, "export": _export, "geocode": _geocode}
    try:
        return commands[args.command](args, console)
    except OutputError as exc:
        print(f"geotimeline: error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except (TimelineError, GazetteerError) as exc:
        print(f"geotimeline: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`geotimeline geocode ... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("geotimeline: interrupted; no output was written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
