"""The gazetteer data layer's public names stay exported (the geoparser adds its own)."""

from __future__ import annotations

import subprocess
import sys

import gazetteer

DATA_LAYER = {
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "Metonym",
    "NameIndex",
    "OfflineGeocoder",
    "OnlineGeocoderError",
    "Overrides",
    "Place",
    "PlaceKind",
    "PlaceNotFound",
    "default_gazetteer",
    "format_place",
    "load_overrides",
    "normalise_name",
}


def test_all_exports_the_data_layer() -> None:
    assert set(gazetteer.__all__) >= DATA_LAYER
    for name in gazetteer.__all__:
        assert getattr(gazetteer, name) is not None


def test_importing_the_package_does_not_import_geopy_or_timeline() -> None:
    code = "import sys, gazetteer; print('geopy' in sys.modules, 'timeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
