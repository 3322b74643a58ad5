"""The one error root of the timeline package.

Errors a user can trigger carry where the problem is (file, line) so the command line can print
them on one line.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["InputError", "ModelError", "OutputError", "TimelineError"]


class TimelineError(Exception):
    """Root of every error raised by :mod:`timeline`."""


class ModelError(TimelineError, ValueError):
    """A value object was built with inconsistent fields (a programming or data error)."""


class InputError(TimelineError, ValueError):
    """Bad input: names the file and, where known, the line (1-based) and column."""

    def __init__(self, problem: str, *, path: str | Path | None = None, line: int | None = None,
                 column: str | int | None = None) -> None:
        self.problem = problem
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only fields: rebuild from them, so the error crosses process boundaries whole.
        return (_rebuild_input_error, (self.problem, self.path, self.line, self.column))

    def one_line(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.column is not None:
            where += f": column {self.column!r}" if isinstance(self.column, str) else f":{self.column}"
        return f"{where}: {self.problem}"


def _rebuild_input_error(problem: str, path: str | None, line: int | None, column: str | int | None) -> InputError:
    return InputError(problem, path=path, line=line, column=column)


class OutputError(TimelineError, OSError):
    """An output could not be written; nothing partial was left behind."""
