"""Writing files so that a reader never sees half of one.

Data goes to a temporary file in the target's directory, is flushed to disk, then renamed over
the target: an interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from timeline.errors import OutputError

__all__ = ["atomic_writer", "write_text_atomic"]


def _file_mode(path: Path) -> int:
    """The permissions a plain ``open()`` would give: the old file's, else 0o666 less the umask.

    ``mkstemp`` creates files readable by their owner only, which a web server could not serve.
    """
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text handle whose content replaces ``path`` only if the block finishes without error."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{target}: cannot write: directory {directory} does not exist")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)
