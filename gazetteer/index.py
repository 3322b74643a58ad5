"""The compiled place index: open it (building it once if needed) and query it.

Algorithm:

- ``Gazetteer.open`` resolves the cache file ``gazetteer-v{INDEX_VERSION}.sqlite`` (in
  ``cache_dir``, else ``$GEOTIMELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/geotimeline``, else
  ``~/.cache/geotimeline``: the only environment reads, at this edge), checks its recorded
  version, completeness and sources fingerprint, and (re)builds it atomically when missing,
  stale or corrupt.
- A name query normalises the name (:func:`gazetteer.normalise.normalise_name`) and reads the
  ``names`` table, clustered by key, joined to ``places``; rows come back ordered by the
  precomputed name-match score (the importance prior adjusted for main versus alternate names,
  see :mod:`gazetteer.build`). Reviewer overrides then move pinned places to the front and drop
  blocked ones.
- ``candidates(key)`` and ``scored_candidates(key)`` are the scanner's hot path: the same query
  memoised in a bounded LRU, and ``Place`` objects are interned per row, so a repeated name
  costs a dictionary hit. ``prefetch(keys)`` fills that memo for a whole document's names with
  one query, since per-statement overhead, not the lookup, dominates a first sight of a name.
- ``name_index()`` loads, on first use only, the set of ASCII name keys (one compressed blob) and
  a :class:`FirstWordTable` from each key's first word to the most words any key starting with it
  has, so a text scanner can test membership in memory without touching SQLite.
- ``reverse`` scans 1-degree grid cells in growing rings around the point for the town that best
  describes it (distance discounted by population), and otherwise answers with the country whose
  polygon contains the point.

Demonyms ("Russian") and metonyms ("the Kremlin") are stored as names with a role: ``lookup``
and ``candidates`` return literal senses only; ``lookup_demonym`` and ``lookup_metonym`` answer
the other roles.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gazetteer.boundaries import country_at
from gazetteer.build import GRID_DEGREES, INDEX_VERSION, BuildOptions, build_index, sources_digest
from gazetteer.errors import GazetteerDataError, PlaceNotFound
from gazetteer.fastinit import builder
from gazetteer.model import Place, PlaceKind
from gazetteer.model import _check_coordinates as check_coordinates
from gazetteer.normalise import normalise_name
from gazetteer.overrides import Overrides, load_overrides

__all__ = [
    "FirstWordTable",
    "Gazetteer",
    "KeySet",
    "Metonym",
    "NameIndex",
    "default_cache_dir",
    "default_gazetteer",
    "haversine_km",
]

_ROLE_LITERAL = 0
_ROLE_ASSOCIATIVE = 1
_ROLE_METONYMIC = 2

# Enum members by value: a dict hit is several times cheaper than the Enum call per row.
_KINDS: dict[str, PlaceKind] = {k.value: k for k in PlaceKind}
_new_place = builder(Place)
# Sized for a news corpus's working vocabulary: a few thousand distinct names repeat.
_CANDIDATE_CACHE_SIZE = 50_000
# Nearest-city search radius for reverse(): beyond it a point is "in a country", not "at a town".
_REVERSE_CITY_KM = 30.0
_EARTH_RADIUS_KM = 6371.0088

_PLACE_COLUMNS = (
    "pid, geonameid, name, lat, lon, kind, country_code, admin1, admin1_code, feature_class, "
    "feature_code, population, timezone, importance, alternate_names_count"
)

_BY_KEY_SQL = (
    f"SELECT {', '.join('p.' + c.strip() for c in _PLACE_COLUMNS.split(','))}, n.score "
    "FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND n.role = ? "
    "ORDER BY n.score DESC, p.population DESC, p.pid"
)
# The same for many keys at once (see Gazetteer.prefetch); rows come back grouped by key, each
# key's rows in _BY_KEY_SQL's order.
_BY_KEYS_SQL = (
    f"SELECT n.key, {', '.join('p.' + c.strip() for c in _PLACE_COLUMNS.split(','))}, n.score "
    "FROM names n JOIN places p ON p.pid = n.pid WHERE n.key IN ({marks}) AND n.role = ? "
    "ORDER BY n.key, n.score DESC, p.population DESC, p.pid"
)
# Keys per prefetch query: below SQLite's oldest default limit of 999 bound parameters.
_PREFETCH_CHUNK = 500


@dataclass(frozen=True, kw_only=True, slots=True)
class Metonym:
    """A place name used for an institution: "the Kremlin" is in Moscow and means Russia's rulers."""

    place: Place  # where the name is: the city or site itself
    stands_for: str  # what it means, in words: "the Russian presidency"
    stands_for_place: Place  # the place of that institution, usually a country


class KeySet(AbstractSet[str]):
    """A read-only set of name keys, held as the keys of a ``dict`` whose values are all None.

    Why not a frozenset: Python's cyclic garbage collector tracks every set and, at each full
    collection, visits all of its entries; with the index's ~650,000 keys that costs about 40 ms
    a time, paid again and again by a process that keeps creating objects (a first pass over new
    text does). A dict that holds only strings is not tracked at all. Membership, iteration and
    size work as for a frozenset; :attr:`table` is the dict itself, for hot loops that want the
    C-level ``in``.
    """

    __slots__ = ("table",)

    def __init__(self, words: Iterable[str]) -> None:
        self.table: dict[str, None] = dict.fromkeys(words)

    def __contains__(self, word: object) -> bool:
        return word in self.table

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


class FirstWordTable(Mapping[str, int]):
    """First word of a name key -> the most words any key starting with it has.

    Stored compactly: only words that start a multi-word key are held in a dict; a one-word key
    that starts no longer one answers 1 straight from the key set. That saves the ~325,000
    one-word entries (about 40 MB) a plain dict would duplicate. ``dict(table)`` still gives the
    full plain dict, sharing the key strings.
    """

    __slots__ = ("_keys", "_len", "_multi")

    def __init__(self, multi: dict[str, int], keys: AbstractSet[str] | Mapping[str, None]) -> None:
        self._multi = multi
        self._keys = keys
        self._len = -1  # counted on first len(): a pass over every key, not needed for lookups

    def __getitem__(self, word: str) -> int:
        n = self._multi.get(word)
        if n is not None:
            return n
        if " " not in word and word in self._keys:
            return 1
        raise KeyError(word)

    def get(self, word: str, default: Any = None) -> Any:  # faster than Mapping.get's try/except
        n = self._multi.get(word)
        if n is not None:
            return n
        return 1 if " " not in word and word in self._keys else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def merged(self, extra: Mapping[str, int]) -> FirstWordTable:
        """A table whose value for each word of ``extra`` is the larger of ``extra``'s and ours.

        Copies only the multi-word part (a C-level dict copy): ``dict(table)`` would walk every
        one-word key in Python, which costs half a second on the full index.
        """
        multi = dict(self._multi)
        for word, n in extra.items():
            if n > self.get(word, 0):
                multi[word] = n
        return FirstWordTable(multi, self._keys)

    def __iter__(self) -> Iterator[str]:
        yield from self._multi
        for k in self._keys:
            if " " not in k and k not in self._multi:
                yield k

    def __len__(self) -> int:
        if self._len < 0:
            self._len = len(self._multi) + sum(1 for k in self._keys if " " not in k and k not in self._multi)
        return self._len


@dataclass(frozen=True, kw_only=True, slots=True)
class NameIndex:
    """In-memory name membership for text scanners (ASCII keys of literal place names)."""

    keys: AbstractSet[str]  # a KeySet: see there why not a frozenset
    # first word of a key -> the largest number of words of any key starting with that word
    max_words: Mapping[str, int]
    # demonym/adjective keys -> None (use Gazetteer.lookup_demonym) and metonym keys likewise
    demonym_keys: frozenset[str]
    metonym_keys: frozenset[str]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def default_cache_dir() -> Path:
    """Where the index lives unless told otherwise (reads the environment: call at the edge)."""
    explicit = os.environ.get("GEOTIMELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "geotimeline"


_META_SQL = "SELECT key, value FROM meta WHERE key IN ('version', 'complete', 'cities', 'sources', 'country_points')"


def _index_is_usable(path: Path, options: BuildOptions) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute(_META_SQL))
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return (
        meta.get("version") == str(INDEX_VERSION)
        and meta.get("complete") == "1"
        and meta.get("cities") == options.cities
        and meta.get("country_points") == options.country_points
        and meta.get("sources") == sources_digest()
    )


class Gazetteer:
    """A read-only view of the compiled index. Thread-safe for readers; cheap to open."""

    def __init__(self, path: Path, *, overrides: Overrides | None = None) -> None:
        self.path = path
        self._local = threading.local()
        self._overrides = overrides or Overrides()
        self._places: dict[int, Place] = {}
        self._cache: OrderedDict[tuple[str, int], tuple[tuple[Place, ...], tuple[float, ...]]] = OrderedDict()
        self._lock = threading.Lock()
        self._name_index: NameIndex | None = None
        con = self._con()
        try:
            version = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerDataError(f"{path}: not a gazetteer index ({exc})") from exc
        if version is None or version[0] != str(INDEX_VERSION):
            raise GazetteerDataError(f"{path}: index version {version} is not {INDEX_VERSION}")

    # -- opening ---------------------------------------------------------------------------

    @property
    def overrides(self) -> Overrides:
        """The reviewer overrides this gazetteer was opened with (empty when none)."""
        return self._overrides

    @classmethod
    def open(
        cls,
        *,
        cache_dir: Path | None = None,
        overrides: Path | None = None,
        build_options: BuildOptions | None = None,
    ) -> Gazetteer:
        """Open the cached index, building it first when missing, stale or corrupt.

        ``build_options`` selects a smaller build (e.g. ``BuildOptions(cities="cities15000")``
        for tests); it is part of the cache file's name so builds never mix.
        """
        options = build_options or BuildOptions()
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        suffix = "" if options == BuildOptions() else f"-{options.cities}"
        if options.country_points != BuildOptions().country_points:
            suffix += f"-{options.country_points}"
        path = directory / f"gazetteer-v{INDEX_VERSION}{suffix}.sqlite"
        if not _index_is_usable(path, options):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)  # fail before the long build
                build_index(path, options=options)
            except OSError as exc:
                raise GazetteerDataError(
                    f"cannot build the gazetteer index at {path} ({exc.strerror or exc}); "
                    "pass cache_dir= or set GEOTIMELINE_CACHE_DIR to a writable folder"
                ) from exc
        loaded = load_overrides(overrides) if overrides is not None else None
        gazetteer = cls(path, overrides=loaded)
        for row in loaded.rows if loaded is not None else ():
            if row.geonameid is not None:
                try:
                    gazetteer.get(row.geonameid)
                except PlaceNotFound:
                    raise GazetteerDataError(
                        f"{overrides}:{row.line}: GeoNames id {row.geonameid} is not in the gazetteer"
                    ) from None
        return gazetteer

    def _con(self) -> sqlite3.Connection:
        # One read-only connection per thread: sqlite3 connections are not shareable.
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=True)
            self._local.con = con
        return con

    # -- rows to places ------------------------------------------------------------------

    def _place(self, row: tuple[object, ...]) -> Place:
        pid = int(row[0])  # type: ignore[call-overload]
        place = self._places.get(pid)
        if place is None:
            # Place(geonameid, name, lat, lon, kind, country_code, admin1, feature_class,
            # feature_code, population, admin1_code, timezone, importance, alternate_names_count),
            # built positionally (a first sight of a name builds dozens), then checked as the
            # constructor would check it.
            place = _new_place(
                row[1],
                row[2],
                row[3],
                row[4],
                _KINDS.get(str(row[5])) or PlaceKind(str(row[5])),
                row[6],
                row[7],
                row[9],
                row[10],
                row[11],
                row[8],
                row[12],
                row[13],
                row[14],
            )
            place.__post_init__()
            self._places[pid] = place
        return place

    def _by_key(self, key: str, role: int) -> tuple[Place, ...]:
        return self._ranked(key, role)[0]

    def _ranked(self, key: str, role: int) -> tuple[tuple[Place, ...], tuple[float, ...]]:
        cache_key = (key, role)
        with self._lock:
            hit = self._cache.get(cache_key)
            if hit is not None:
                self._cache.move_to_end(cache_key)
                return hit
        rows = self._con().execute(_BY_KEY_SQL, (key, role)).fetchall()
        entry = self._entry(key, role, rows)
        self._remember({cache_key: entry})
        return entry

    def _entry(self, key: str, role: int, rows: list[tuple[Any, ...]]) -> tuple[tuple[Place, ...], tuple[float, ...]]:
        """Ranked places and their name-match scores from a key's rows (score last in each row)."""
        places = tuple(self._place(r) for r in rows)
        scores = tuple(float(r[-1]) for r in rows)
        if role == _ROLE_LITERAL and self._overrides.for_key(key):
            # Interned places: identity is a cheap, exact key (hashing a Place hashes 14 fields).
            score_of = {id(p): s for p, s in zip(places, scores, strict=True)}
            places = self._overrides.apply(key, places, fetch=self.get)
            # A place a pin moved to the front, or added, scores just above the best listed score.
            top = max(scores, default=0.0)
            rescored = []
            for i, p in enumerate(places):
                score = score_of.get(id(p))
                if score is None or (i == 0 and score < top):
                    score = top + 0.01
                rescored.append(score)
            scores = tuple(rescored)
        return places, scores

    def _remember(self, entries: Mapping[tuple[str, int], tuple[tuple[Place, ...], tuple[float, ...]]]) -> None:
        with self._lock:
            self._cache.update(entries)
            while len(self._cache) > _CANDIDATE_CACHE_SIZE:
                self._cache.popitem(last=False)

    def prefetch(self, keys: Iterable[str]) -> None:
        """Load the literal candidates of many name keys at once, for ``candidates`` to find.

        A document names a few dozen places; one query for all of them costs about what two
        single-key queries cost, because SQLite's per-statement overhead dominates a lookup by
        primary key. Keys already memoised are skipped, so a warm caller pays a set difference.
        """
        with self._lock:
            missing = sorted({k for k in keys if (k, _ROLE_LITERAL) not in self._cache})
        if not missing:
            return
        con = self._con()
        entries: dict[tuple[str, int], tuple[tuple[Place, ...], tuple[float, ...]]] = {}
        for lo in range(0, len(missing), _PREFETCH_CHUNK):
            chunk = missing[lo : lo + _PREFETCH_CHUNK]
            by_key: dict[str, list[tuple[Any, ...]]] = {k: [] for k in chunk}
            sql = _BY_KEYS_SQL.format(marks=",".join("?" * len(chunk)))
            for row in con.execute(sql, (*chunk, _ROLE_LITERAL)):
                by_key[row[0]].append(row[1:])
            for k, rows in by_key.items():
                # Unknown keys are memoised too (as no candidates): they recur like known ones.
                entries[(k, _ROLE_LITERAL)] = self._entry(k, _ROLE_LITERAL, rows)
        self._remember(entries)

    # -- queries ---------------------------------------------------------------------------

    def candidates(self, key: str) -> tuple[Place, ...]:
        """All literal senses of an already-normalised name key, best prior first (memoised)."""
        return self._by_key(key, _ROLE_LITERAL)

    def scored_candidates(self, key: str) -> tuple[tuple[Place, float], ...]:
        """``candidates(key)`` with each one's name-match score, best first (memoised).

        The score is the place's importance prior adjusted for how it bears this name: +0.01 for
        its main name or a curated alias, -0.03 for an alternate name, -0.15 for an alternate name
        that is also another place's main name ("Victoria" for Hong Kong). Prefer it to
        ``Place.importance`` when comparing the senses of one name.
        """
        places, scores = self._ranked(key, _ROLE_LITERAL)
        return tuple(zip(places, scores, strict=True))

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        kinds: Iterable[PlaceKind] | None = None,
        limit: int | None = None,
    ) -> list[Place]:
        """Places called ``name`` (any spelling the index knows), ranked by prior.

        ``country`` keeps places of that ISO alpha-2 code; ``kinds`` keeps those kinds. An
        unknown name gives an empty list.
        """
        places: Iterable[Place] = self.candidates(normalise_name(name))
        if country is not None:
            cc = country.upper()
            places = [p for p in places if p.country_code == cc]
        if kinds is not None:
            wanted = frozenset(PlaceKind(k) for k in kinds)
            places = [p for p in places if p.kind in wanted]
        out = list(places)
        return out if limit is None else out[:limit]

    def lookup_demonym(self, word: str) -> Place | None:
        """The place a demonym or adjective refers to ("Russian" -> Russia), else None."""
        found = self._by_key(normalise_name(word), _ROLE_ASSOCIATIVE)
        return found[0] if found else None

    def lookup_metonym(self, phrase: str) -> Metonym | None:
        """What a metonymic place name stands for ("the Kremlin"), else None."""
        key = normalise_name(phrase)
        row = (
            self._con()
            .execute("SELECT pid, stands_for, stands_for_pid FROM metonyms WHERE key = ? LIMIT 1", (key,))
            .fetchone()
        )
        if row is None:
            return None
        return Metonym(place=self._get_pid(row[0]), stands_for=row[1], stands_for_place=self._get_pid(row[2]))

    def _get_pid(self, pid: int) -> Place:
        place = self._places.get(pid)
        if place is not None:
            return place
        row = self._con().execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE pid = ?", (pid,)).fetchone()
        if row is None:
            raise PlaceNotFound(f"no place with internal id {pid}")
        return self._place(row)

    def get(self, geonameid: int) -> Place:
        """The place with this GeoNames id; raises :class:`PlaceNotFound`."""
        row = (
            self._con()
            .execute(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid = ? ORDER BY importance DESC LIMIT 1",
                (int(geonameid),),
            )
            .fetchone()
        )
        if row is None:
            raise PlaceNotFound(f"no place with GeoNames id {geonameid} in the gazetteer")
        return self._place(row)

    def country(self, iso_a2: str) -> Place:
        """The country with this ISO 3166-1 alpha-2 code; raises :class:`PlaceNotFound`."""
        row = (
            self._con()
            .execute(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'country' AND country_code = ?", (iso_a2.upper(),)
            )
            .fetchone()
        )
        if row is None:
            raise PlaceNotFound(f"no country with code {iso_a2!r} in the gazetteer")
        return self._place(row)

    def nearest_city(self, lat: float, lon: float, *, max_km: float = _REVERSE_CITY_KM) -> Place | None:
        """The populated place that best describes the point, within ``max_km``, else None.

        "Best" is the smallest distance divided by ``1 + log10(population + 1) / 2``: among places
        at similar distances the larger wins (the centre of Paris is "Paris", not the 4th
        arrondissement 400 m away), while a village still wins over a city three times as far.
        """
        # The narrowest side of a grid cell near this latitude (longitude degrees shrink poleward).
        cell_km = 111.0 * GRID_DEGREES * max(0.02, math.cos(math.radians(min(abs(lat) + GRID_DEGREES, 89.9))))
        rings = min(180, int(max_km / cell_km) + 1)
        best: tuple[float, int] | None = None
        con = self._con()
        ilat, ilon = math.floor(lat + 90.0), math.floor(lon + 180.0)
        for ring in range(rings + 1):
            cells = {
                (ilat + dy) * 360 + (ilon + dx) % 360
                for dy in range(-ring, ring + 1)
                for dx in range(-ring, ring + 1)
                if max(abs(dy), abs(dx)) == ring and 0 <= ilat + dy < 180
            }
            marks = ",".join("?" * len(cells))
            query = f"SELECT pid, lat, lon, population FROM places WHERE cell IN ({marks})"
            for pid, plat, plon, pop in con.execute(query, tuple(cells)):
                d = haversine_km(lat, lon, plat, plon)
                if d > max_km:
                    continue
                effective = d / (1.0 + math.log10(pop + 1) / 2.0)
                if best is None or effective < best[0]:
                    best = (effective, pid)
            # Every cell of ring r+1 is at least r cell widths away. A place there could only win
            # if its discounted distance beat ours; the discount is at most 1 + 5 (a 10^10
            # population bound), so stop once r cell widths exceed 6 times the best effective one.
            if best is not None and ring * cell_km > 6.0 * best[0]:
                break
        return self._get_pid(best[1]) if best is not None else None

    def reverse(self, lat: float, lon: float) -> Place | None:
        """The nearest populated place within 30 km, else the country containing the point."""
        check_coordinates(lat, lon, "reverse geocoding query")
        city = self.nearest_city(lat, lon)
        if city is not None:
            return city
        iso = country_at(lat, lon)
        if iso is None:
            return None
        try:
            return self.country(iso)
        except PlaceNotFound:
            return None

    def name_index(self) -> NameIndex:
        """Name keys for in-memory scanning, loaded on first call (about 0.2 s, about 80 MB)."""
        if self._name_index is None:
            con = self._con()
            blob = con.execute("SELECT value FROM meta WHERE key = 'ascii_keys'").fetchone()[0]
            keys = KeySet(zlib.decompress(blob).decode("ascii").split("\n"))
            packed = con.execute("SELECT value FROM meta WHERE key = 'max_words'").fetchone()[0]
            multi: dict[str, int] = {}
            # Group n holds the words whose longest key has n words; group 1 is implied by the keys.
            for n, group in enumerate(zlib.decompress(packed).decode("ascii").split("\x00"), start=1):
                if group and n > 1:
                    multi.update(dict.fromkeys(group.split("\n"), n))
            max_words = FirstWordTable(multi, keys.table)
            dem = frozenset(
                r[0] for r in con.execute("SELECT DISTINCT key FROM names WHERE role = ?", (_ROLE_ASSOCIATIVE,))
            )
            met = frozenset(r[0] for r in con.execute("SELECT DISTINCT key FROM metonyms"))
            self._name_index = NameIndex(keys=keys, max_words=max_words, demonym_keys=dem, metonym_keys=met)
        return self._name_index

    def close(self) -> None:
        """Close this thread's connection (other threads' close when they end)."""
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer at the default cache location (built on first use)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Gazetteer.open()
        return _DEFAULT
