"""Writing results: atomically (temp file + rename), so no reader ever sees half a file."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from claimx.errors import InputError
from claimx.models import ArticleResult


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Open a temp file beside ``path``; on success it replaces ``path`` in one rename.

    On any error (or Ctrl-C) the temp file is removed and ``path`` keeps its
    previous content. ``-`` writes to stdout instead.
    """
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def load_records(path: str | Path) -> list[ArticleResult]:
    """The records of a claimx output file; a bad line is named by its number."""
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
