"""Shared fixtures for the gazetteer's data-layer tests.

``gazetteer`` is the real, full default index (built once per machine into the user cache, or
``$GEOTIMELINE_CACHE_DIR``); ``small_cache`` is a throwaway cache folder for a small build
(cities of 15,000+ people) used where a test must build or damage an index itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, default_gazetteer
from gazetteer.build import BuildOptions

SMALL = BuildOptions(cities="cities15000")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def small_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding a freshly built small index (built once per session)."""
    folder = tmp_path_factory.mktemp("gazetteer-cache")
    Gazetteer.open(cache_dir=folder, build_options=SMALL).close()
    return folder
