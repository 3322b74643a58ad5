"""The project file ``geotimeline.toml``: report defaults and the reports ``make report`` builds.

    [defaults]                 # any report option; the command line wins over these
    lanes = "country"
    overrides = "seeds/overrides.csv"

    [[report]]                 # one table per report for `geotimeline reports`
    inputs = ["seeds/"]
    output = "reports/seeds.html"
    title = "Everything in seeds/"

Every key is checked against :data:`OPTIONS` (name -> type and allowed values), so a typo is an
error naming the file and the key, not a silently ignored setting. Relative paths are relative
to the file's folder.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.errors import InputError

__all__ = ["CONFIG_NAME", "OPTIONS", "Config", "ReportSpec", "find_config", "load_config"]

CONFIG_NAME = "geotimeline.toml"

# Report options a config may set: name -> (type, allowed values or None).
OPTIONS: dict[str, tuple[type, tuple[str, ...] | None]] = {
    "title": (str, None),
    "lanes": (str, ("place", "country", "actor")),
    "tiles": (str, None),
    "embed": (bool, None),
    "overrides": (Path, None),
    "published": (dt.date, None),
    "skip_bad": (bool, None),
}
_REPORT_ONLY = {"inputs", "output"}


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportSpec:
    """One report to build: inputs, output and options (None = not set)."""

    inputs: tuple[Path, ...]
    output: Path
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Config:
    path: Path
    defaults: dict[str, Any] = field(default_factory=dict)
    reports: tuple[ReportSpec, ...] = ()


def _option(name: str, value: object, *, path: Path, where: str, base: Path) -> Any:
    if name not in OPTIONS:
        raise InputError(f"{where}: unknown key {name!r}; expected one of {', '.join(sorted(OPTIONS))}", path=path)
    kind, allowed = OPTIONS[name]
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise InputError(f"{where}: {name!r} must be a path string", path=path)
        return base / value
    if kind is dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        raise InputError(f"{where}: {name!r} must be a date written as 2025-02-17 (no quotes)", path=path)
    if not isinstance(value, kind):
        raise InputError(f"{where}: {name!r} must be a {kind.__name__}, got {type(value).__name__}", path=path)
    if allowed is not None and value not in allowed:
        raise InputError(f"{where}: {name!r} must be one of {', '.join(allowed)}, got {value!r}", path=path)
    return value


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", path=path) from None
    base = path.parent
    unknown = set(data) - {"defaults", "report"}
    if unknown:
        raise InputError(f"unknown table(s) {', '.join(sorted(unknown))}; expected [defaults] and [[report]]",
                         path=path)
    defaults = {name: _option(name, value, path=path, where="[defaults]", base=base)
                for name, value in data.get("defaults", {}).items()}
    reports = []
    for number, table in enumerate(data.get("report", []), start=1):
        where = f"[[report]] #{number}"
        inputs, output = table.get("inputs"), table.get("output")
        if not isinstance(inputs, list) or not inputs or not all(isinstance(i, str) for i in inputs):
            raise InputError(f"{where}: 'inputs' must be a non-empty list of paths", path=path)
        if not isinstance(output, str) or not output:
            raise InputError(f"{where}: 'output' must be a path", path=path)
        options = {name: _option(name, value, path=path, where=where, base=base)
                   for name, value in table.items() if name not in _REPORT_ONLY}
        reports.append(ReportSpec(inputs=tuple(base / i for i in inputs), output=base / output, options=options))
    return Config(path=path, defaults=defaults, reports=tuple(reports))


def find_config(start: Path) -> Path | None:
    """``geotimeline.toml`` in ``start`` (the working directory), if there is one."""
    candidate = start / CONFIG_NAME
    return candidate if candidate.is_file() else None
