"""Start-up artefacts cached on disk: what every run would otherwise rebuild from the rule files.

Building a language's pipeline means validating some 1,500 rule entries,
splitting some 40,000 patterns into words, indexing them and compiling the
prefilter's scanners; loading the language-ID model means indexing its
n-gram table. That is about 1 s per run, the same every time. The results are
kept under the user's cache directory as pickles, one per artefact, and a
later run loads them in milliseconds (large numpy arrays are stored after the
pickle and mapped from the file, not copied).

A cached artefact is used only when its key matches: a hash of everything
the build reads (claimx's own source, the rule files and terminology tables,
the files under ``models/``, each by size and modification time) and of the
spaCy and Python versions. Any edit to them makes a new key, so a stale artefact is never used; a file that
cannot be read is rebuilt. Files are written atomically (a temporary file,
then a rename), so a run killed mid-write leaves no broken cache.

Where: ``$CLAIMX_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimx``, else
``~/.cache/claimx``. ``CLAIMX_CACHE_DIR=off`` turns the cache off. The
directory holds only claimx's own pickles; like any cache, it must not be
writable by other users.
"""

from __future__ import annotations

import gc
import hashlib
import mmap
import os
import pickle
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
OFF = ("off", "0", "none", "")


def cache_root() -> Path | None:
    """The artefact folder, or None when caching is off."""
    chosen = os.environ.get("CLAIMX_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimx"


@lru_cache(maxsize=1)
def build_key() -> str:
    """A hash of what the artefacts are built from: claimx's source and data files (by path,
    size and modification time, so nothing is read), and the spaCy and Python versions."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{sys.version}\0{version('spacy')}\0{pickle.HIGHEST_PROTOCOL}".encode())
    for folder in (Path(str(resources.files("claimx"))), _models_folder()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in SOURCES:
                stat = path.stat()
                digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


SOURCES = (".py", ".jsonl", ".tsv", ".json", ".txt", ".csv")


def _models_folder() -> Path:
    from claimx.language import model_path

    return model_path()


def cached(name: str, build: Callable[[], T]) -> T:
    """The artefact ``name``: loaded from the cache when built from the same sources, else built
    (and stored for the next run). Failing to read or write the cache only costs the build."""
    root = cache_root()
    if root is None:
        return build()
    path = root / f"{name}-{build_key()}.pickle"
    try:
        with no_collection():
            return _load(path)
    except Exception:  # noqa: BLE001,S110  not built yet, or truncated, foreign, unreadable: built below
        pass
    value = build()
    _store(path, value)
    _prune(root, name, path)
    return value


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of objects are made at once:
    each of its passes would walk all of them, for nothing (none is garbage). Loading a
    language's rules takes 0.13 s with it and 0.045 s without."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


STALE_SECONDS = 24 * 3600


def _prune(root: Path, name: str, keep: Path) -> None:
    """Remove the artefacts of ``name`` built from other sources and unused for a day (two
    installs that share the folder, a checkout and a wheel, keep theirs instead of taking turns
    rebuilding them)."""
    now = time.time()
    for old in root.glob(f"{name}-*.pickle"):
        if old == keep:
            continue
        with suppress(OSError):
            stat = old.stat()
            if now - max(stat.st_atime, stat.st_mtime) > STALE_SECONDS:
                old.unlink()


MAGIC = b"claimx-artefact/1\n"
ALIGN = 64  # numpy arrays start on a cache line


def _store(path: Path, value: object) -> None:
    """Write ``value`` as a pickle (protocol 5) whose large buffers (numpy arrays) follow it
    out of band, aligned, so that :func:`_load` maps them from the file instead of copying."""
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    header = pickle.dumps({"data": len(data), "buffers": [r.nbytes for r in raws]}, protocol=5)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            handle.write(MAGIC + struct.pack("<Q", len(header)) + header + data)
            for raw in raws:
                handle.write(b"\0" * (-handle.tell() % ALIGN))
                handle.write(raw)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next run builds again
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)


def _load(path: Path) -> object:
    """Read what :func:`_store` wrote; arrays stay views on the read-only mapped file."""
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    if view[:len(MAGIC)] != MAGIC:
        raise ValueError(f"{path}: not a claimx artefact")
    at = len(MAGIC) + 8
    (size,) = struct.unpack("<Q", view[len(MAGIC):at])
    header = pickle.loads(view[at:at + size])
    at += size
    data = view[at:at + header["data"]]
    at += header["data"]
    buffers = []
    for length in header["buffers"]:
        at += -at % ALIGN
        buffers.append(view[at:at + length])
        at += length
    if at > len(view):
        raise ValueError(f"{path}: truncated")
    return pickle.loads(data, buffers=buffers)
