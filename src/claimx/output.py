"""Writing results: atomically (temp file + rename), so no reader ever sees half a file."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from claimx.errors import InputError

if TYPE_CHECKING:
    from claimx.models import ArticleResult


@contextlib.contextmanager
def atomic_writer(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """Open a temp file beside ``path``; on success it replaces ``path`` in one rename.

    On any error (or Ctrl-C) the temp file is removed and ``path`` keeps its
    previous content. ``-`` writes to stdout instead.
    """
    if str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask (not mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def default_store_path(output: str | Path) -> Path:
    """Where review decisions for an output file live unless ``--reviews`` says otherwise."""
    path = Path(output)
    return path.with_name(path.name + ".reviews.sqlite")


def load_records(path: str | Path) -> list[ArticleResult]:
    """The records of a claimx output file; a bad line is named by its number."""
    from pydantic import ValidationError

    from claimx.models import ArticleResult

    records = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        records.append(ArticleResult.model_validate_json(line))
                    except ValidationError:
                        raise InputError(str(path), f"line {number}: not a claimx/1 record") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror})") from None
    return records
