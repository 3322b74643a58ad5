"""Reviewer overrides: pin a surface form to a place, or block it, on every open of the index.

File format (CSV, UTF-8, a header row; blank lines and lines starting with ``#`` are ignored)::

    surface,action,geonameid,note
    Paris,pin,2988507,the French capital unless the text says otherwise
    Reading,block,,a verb far more often than the English town
    Georgia,block,4197000,never the US state in our corpus

- ``pin``: the place with ``geonameid`` ranks first for that surface form (it is added as a
  candidate when the index does not list it under that name).
- ``block`` with a ``geonameid``: that place is removed from the surface's candidates;
  ``block`` without one: the surface form matches nothing.

Surfaces are compared after :func:`gazetteer.normalise.normalise_name`, so "St. Louis" and
"Saint Louis" are the same row. Overrides are applied at query time, not baked into the cached
index, so editing the file never needs a rebuild. Errors name the file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.model import Place
from gazetteer.normalise import normalise_name

__all__ = ["Override", "Overrides", "load_overrides", "parse_overrides"]

_COLUMNS = ("surface", "action", "geonameid", "note")
_ACTIONS = ("pin", "block")


@dataclass(frozen=True, kw_only=True, slots=True)
class Override:
    """One row of the overrides file."""

    surface: str
    action: str  # "pin" or "block"
    geonameid: int | None
    note: str = ""
    line: int = 0


@dataclass(frozen=True, kw_only=True, slots=True)
class Overrides:
    """All overrides, keyed by normalised surface form."""

    rows: tuple[Override, ...] = field(default=())
    _by_key: dict[str, tuple[Override, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Override]] = {}
        for r in self.rows:
            grouped.setdefault(normalise_name(r.surface), []).append(r)
        object.__setattr__(self, "_by_key", {k: tuple(v) for k, v in grouped.items()})

    def for_key(self, key: str) -> tuple[Override, ...]:
        """The rows whose surface normalises to ``key``, in file order."""
        return self._by_key.get(key, ())

    def apply(
        self, key: str, places: tuple[Place, ...], *, fetch: Callable[[int], Place] | None = None
    ) -> tuple[Place, ...]:
        """Reorder/filter one name's candidates. ``fetch`` supplies a pinned place not listed."""
        rows = self.for_key(key)
        if not rows:
            return places
        out = list(places)
        for r in rows:
            if r.action == "block":
                out = [] if r.geonameid is None else [p for p in out if p.geonameid != r.geonameid]
        # Pins in file order, the first row ending up first.
        for r in reversed([r for r in rows if r.action == "pin"]):
            pinned = [p for p in out if p.geonameid == r.geonameid]
            if not pinned and fetch is not None and r.geonameid is not None:
                pinned = [fetch(r.geonameid)]
            out = pinned[:1] + [p for p in out if p.geonameid != r.geonameid]
        return tuple(out)


def parse_overrides(text: str, *, source: str = "<overrides>") -> Overrides:
    """Parse the overrides CSV text; ``source`` names the file in error messages."""
    lines = text.splitlines()
    rows: list[Override] = []
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            fields = next(csv.reader(io.StringIO(line)))
        except (csv.Error, StopIteration) as exc:
            raise GazetteerDataError(f"{source}:{lineno}: not valid CSV ({exc})") from exc
        fields = [f.strip() for f in fields]
        if not header_seen:
            if tuple(f.lower() for f in fields[: len(_COLUMNS)]) != _COLUMNS[: len(fields)] or len(fields) < 3:
                raise GazetteerDataError(
                    f"{source}:{lineno}: expected the header 'surface,action,geonameid,note', got {line!r}"
                )
            header_seen = True
            continue
        if len(fields) < 2 or len(fields) > 4:
            raise GazetteerDataError(f"{source}:{lineno}: expected 2 to 4 fields, got {len(fields)}")
        surface, action = fields[0], fields[1].lower()
        gid_text = fields[2] if len(fields) > 2 else ""
        note = fields[3] if len(fields) > 3 else ""
        if not normalise_name(surface):
            raise GazetteerDataError(f"{source}:{lineno}: empty surface form")
        if action not in _ACTIONS:
            raise GazetteerDataError(f"{source}:{lineno}: action {fields[1]!r} is not 'pin' or 'block'")
        if gid_text and not gid_text.isdigit():
            raise GazetteerDataError(f"{source}:{lineno}: geonameid {gid_text!r} is not a whole number")
        if action == "pin" and not gid_text:
            raise GazetteerDataError(f"{source}:{lineno}: 'pin' needs a geonameid")
        rows.append(
            Override(
                surface=surface, action=action, geonameid=int(gid_text) if gid_text else None, note=note, line=lineno
            )
        )
    return Overrides(rows=tuple(rows))


def load_overrides(path: Path) -> Overrides:
    """Read an overrides file (see the module docstring); raises GazetteerDataError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerDataError(f"{path}: cannot read the overrides file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerDataError(f"{path}: the overrides file is not UTF-8 ({exc.reason})") from exc
    return parse_overrides(text, source=str(path))
