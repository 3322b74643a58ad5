"""Measure how close the gazetteer's admin1 points lie to the points news corpora annotate.

Algorithm: collect the gold toponyms of the development corpora that denote a first-level
subdivision, then count how many lie within 161 km of the index's point for that subdivision.

- TR-News gives GeoNames ids: a gold toponym is an admin1 mention when its id is the GeoNames id
  of an admin1 in the index.
- GeoVirus gives only coordinates (from Wikipedia): a gold toponym is an admin1 mention when its
  surface names an admin1 in the index, that admin1 is the nearest of all the name's senses to
  the gold point, and it lies within 800 km of it (farther means another sense was meant).

Optionally (``--alt FILE``) the same mentions are measured against another table of points,
a CSV ``iso_3166_2,lat,lon`` (e.g. one written from a candidate source while choosing one), so
that a source can be judged before it is wired into the build.

Usage: ``python tools/measure_admin1.py [--data DIR] [--alt FILE] [--misses]``. Offline; reads
the corpora, never copies them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from gazetteer.errors import PlaceNotFound
from gazetteer.index import default_gazetteer, haversine_km
from gazetteer.model import Place, PlaceKind
from gazetteer.normalise import normalise_name
from gazetteer.sources import read_admin1

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "data" / "geo"
NEAR_KM = 161.0
# A GeoVirus gold point farther than this from every admin1 of its name is some other sense.
_SENSE_KM = 800.0


def _admin1_mentions(path: Path) -> list[tuple[str, float, float, Place]]:
    """(surface, gold lat, gold lon, admin1 place) for each admin1 gold toponym of one corpus."""
    gaz = default_gazetteer()
    out = []
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        for t in doc["toponyms"]:
            if t.get("lat") is None:
                continue
            lat, lon = float(t["lat"]), float(t["lon"])
            place: Place | None = None
            if t.get("geonameid"):
                try:
                    cand = gaz.get(int(t["geonameid"]))
                except PlaceNotFound:  # an id the index lacks is simply not counted
                    cand = None
                if cand is not None and cand.kind == PlaceKind.ADMIN1:
                    place = cand
            else:
                senses = gaz.candidates(normalise_name(t["name"]))
                if senses:
                    nearest = min(senses, key=lambda p: haversine_km(lat, lon, p.lat, p.lon))
                    km = haversine_km(lat, lon, nearest.lat, nearest.lon)
                    if nearest.kind == PlaceKind.ADMIN1 and km < _SENSE_KM:
                        place = nearest
            if place is not None:
                out.append((t["name"], lat, lon, place))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--alt", type=Path, help="CSV iso_3166_2,lat,lon of candidate points")
    ap.add_argument("--misses", action="store_true", help="list the mentions placed too far")
    args = ap.parse_args(argv)
    iso_by_gid = {a.geonameid: a.iso_code for a in read_admin1() if a.geonameid}
    alt: dict[str, tuple[float, float]] = {}
    if args.alt:
        with args.alt.open(encoding="utf-8") as fh:
            alt = {r["iso_3166_2"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}
    for path in sorted(args.data.glob("*.jsonl")):
        mentions = _admin1_mentions(path)
        near = alt_near = alt_known = 0
        for surface, lat, lon, p in mentions:
            km = haversine_km(lat, lon, p.lat, p.lon)
            near += km <= NEAR_KM
            iso = iso_by_gid.get(p.geonameid or -1)
            alt_km = None
            if iso in alt:
                alt_known += 1
                alt_km = haversine_km(lat, lon, *alt[iso])
                alt_near += alt_km <= NEAR_KM
            if args.misses and (km > NEAR_KM or (alt_km is not None and alt_km > NEAR_KM)):
                alt_text = f"  alt {alt_km:6.0f} km" if alt_km is not None else ""
                print(f"    {path.stem:9} {surface:28} {p.country_code} index {km:6.0f} km{alt_text}")
        n = len(mentions) or 1
        line = f"{path.stem:10} admin1 gold mentions {len(mentions):4}  within {NEAR_KM:.0f} km: index {near / n:.3f}"
        if alt:
            line += f"  alt {alt_near / n:.3f} ({alt_known} with an alt point)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
