"""Batch runs: incremental, parallel (processes or Dask), streaming, written atomically.

Every engine maps the same per-document function, :func:`process_to_line`,
over the input stream and writes the lines in input order, so the output is
byte-identical whatever the engine or the number of jobs.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from claimx.errors import ClaimxError
from claimx.ids import doc_id_for, rules_version
from claimx.ingest import DEFAULT_MAX_BYTES, Item, read_articles
from claimx.models import Article
from claimx.output import atomic_writer

BATCH_SIZE = 8
PARTITION_SIZE = 64

_stop = threading.Event()


class Interrupted(ClaimxError):
    """The run was asked to stop (SIGINT/SIGTERM); the previous output is kept."""


def request_stop(*_args: object) -> None:
    """Signal handler: stop at the next document boundary.

    Raising from the handler itself is unsafe: a library with a bare
    ``except:`` (langdetect has one) would swallow the exception mid-document.
    """
    _stop.set()


def _check_stop() -> None:
    if _stop.is_set():
        raise Interrupted("interrupted; the previous output is unchanged")


@dataclass(frozen=True)
class Line:
    """One output line and what the run summary needs to know about it."""

    status: str
    text: str
    source: str
    error: str | None = None
    reused: bool = False


def process_to_line(item: Item, lang: str | None = None, service=None, extract_from: str = "auto") -> Line:
    """The per-document function every engine runs."""
    from claimx.pipeline import process_item  # imported here: a fully reused run never loads spaCy

    result = process_item(item, lang, service, extract_from)
    return Line(result.status, result.to_json(), result.source, result.error)


def process_batch(items: list[Item], lang: str | None) -> list[Line]:
    return [process_to_line(item, lang) for item in items]


@dataclass(frozen=True)
class Previous:
    doc_id: str
    rules_version: str | None
    offset: int
    length: int
    status: str
    translated_to: str | None = None  # the target language when every claim has a translation


def index_output(path: Path) -> dict[str, Previous]:
    """Where each source's record sits in an earlier output (offsets only, not the records)."""
    index: dict[str, Previous] = {}
    if not path.is_file():
        return index
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            try:
                record = json.loads(raw)
                targets = {(c.get("translation") or {}).get("target_lang") for c in record.get("claims", [])}
                translated = targets.pop() if len(targets) == 1 else None
                index[record["source"]] = Previous(record["doc_id"], record.get("rules_version"), offset,
                                                   len(raw), record["status"], translated)
            except (ValueError, KeyError, TypeError):
                pass  # a line we did not write: it is simply not reused
            offset += len(raw)
    return index


def read_previous(path: Path, previous: Previous) -> str:
    with path.open("rb") as handle:
        handle.seek(previous.offset)
        return handle.read(previous.length).decode("utf-8").rstrip("\n")


Job = Item | Line


def plan(items: Iterable[Item], output: Path, index: dict[str, Previous], seen: set[str],
         translate_to: str | None = None) -> Iterator[Job]:
    """Replace unchanged articles by their earlier line; everything else is work.

    Records of failed articles are always redone (the failure may be gone); with
    translation on, a record is reused only if it was translated to the same language.
    """
    version = rules_version()
    for item in items:
        source = item.source
        seen.add(source)
        old = index.get(source)
        if (isinstance(item, Article) and old is not None and old.status in ("ok", "skipped")
                and old.rules_version == version and old.doc_id == doc_id_for(item.text)
                and (translate_to is None or old.translated_to == translate_to)):
            yield Line("ok", read_previous(output, old), source, reused=True)
        else:
            yield item


def map_local(jobs: Iterable[Job], lang: str | None, workers: int, service=None,
              extract_from: str = "auto") -> Iterator[Line]:
    """In order; with ``workers > 1`` a process pool over small batches, at most a few in flight.

    With translation the run stays in this process, so one cache and one budget serve it.
    """
    stream = iter(jobs)
    if workers <= 1 or service is not None:
        for job in stream:
            _check_stop()
            yield job if isinstance(job, Line) else process_to_line(job, lang, service, extract_from)
        return
    for job in stream:  # reused lines pass straight through; a pool is started only for real work
        if not isinstance(job, Line):
            stream = chain([job], stream)
            break
        yield job
    else:
        return
    warm_up()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_fork_context()) as pool:
        pending: deque[Future | list[Line]] = deque()
        while True:
            while len(pending) < 3 * workers:
                chunk = list(islice(stream, BATCH_SIZE))
                if not chunk:
                    break
                pending.append(_submit(pool, chunk, lang))
            if not pending:
                return
            _check_stop()
            head = pending.popleft()
            yield from head if isinstance(head, list) else head.result()


def _submit(pool: ProcessPoolExecutor, chunk: list[Job], lang: str | None) -> Future | list[Line]:
    work = [job for job in chunk if not isinstance(job, Line)]
    if not work:
        return list(chunk)  # type: ignore[arg-type]
    future = pool.submit(process_batch, work, lang)
    if len(work) == len(chunk):
        return future
    merged: Future = Future()

    def merge(done: Future) -> None:
        results = iter(done.result())
        merged.set_result([job if isinstance(job, Line) else next(results) for job in chunk])

    future.add_done_callback(merge)
    return merged


def warm_up() -> None:
    """Build every pipeline and model once, before forking, so workers share them."""
    from claimx.language import ngram_model
    from claimx.nlp import build_nlp
    from claimx.rules import available_languages

    ngram_model()
    for lang in available_languages():
        build_nlp(lang)
        process_to_line(Article(source="warm-up", text="Magnesium 400 mg dagligen minskar migrän."), lang)


def _fork_context():
    """Fork where the platform has it (workers inherit the built pipelines); else the default."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork") if "fork" in methods else None


def process_partition(jobs: list[Job], lang: str | None, part: str) -> list[tuple[str, str, str | None, bool]]:
    """Dask task: write one part file; return (status, source, error, reused) per line."""
    lines = [job if isinstance(job, Line) else process_to_line(job, lang) for job in jobs]
    with open(part, "w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(line.text + "\n")
    return [(line.status, line.source, line.error, line.reused) for line in lines]


def run_dask(jobs: Iterable[Job], lang: str | None, workers: int, scheduler: str | None,
             parts_dir: Path, on_line: Callable[[Line], None]) -> list[Path]:
    """Partitions of the input as Dask tasks writing part files; returns the parts in order."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    parts: list[Path] = []
    try:
        pending: deque = deque()
        stream = iter(jobs)
        while True:
            while len(pending) < 2 * max(1, workers):
                chunk = list(islice(stream, PARTITION_SIZE))
                if not chunk:
                    break
                part = parts_dir / f"part-{len(parts):06d}.jsonl"
                parts.append(part)
                pending.append(client.submit(process_partition, chunk, lang, str(part), pure=False))
            if not pending:
                return parts
            _check_stop()
            for status, source, error, reused in pending.popleft().result():
                on_line(Line(status, "", source, error, reused))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(inputs: Iterable[str], output: str, *, jobs: int = 1, engine: str = "local",
              scheduler: str | None = None, incremental: bool = False, prune: bool = False,
              lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              on_line: Callable[[Line], None] | None = None, service=None,
              extract_from: str = "auto") -> Counter[str]:
    """Process ``inputs`` into ``output``; returns counts by status (and ``reused``, ``kept``).

    The output is replaced atomically when the run completes; an interrupted run
    leaves the previous output as it was.
    """
    counts: Counter[str] = Counter()
    _stop.clear()

    def count(line: Line) -> None:
        counts[line.status] += 1
        counts["reused"] += line.reused
        if on_line:
            on_line(line)

    target = Path(output)
    index = index_output(target) if incremental and output != "-" else {}
    seen: set[str] = set()
    work = plan(read_articles(inputs, max_bytes=max_bytes), target, index, seen,
                service.target_lang if service is not None else None)
    with atomic_writer(output) as handle:
        if engine == "dask":
            with tempfile.TemporaryDirectory(prefix="claimx-parts-", dir=_parts_root(target)) as parts_dir:
                for part in run_dask(work, lang, jobs, scheduler, Path(parts_dir), count):
                    with part.open(encoding="utf-8") as source:
                        shutil.copyfileobj(source, handle)
        else:
            for line in map_local(work, lang, jobs, service, extract_from):
                count(line)
                handle.write(line.text + "\n")
        if incremental and not prune:
            for source, old in index.items():
                if source not in seen:
                    handle.write(read_previous(target, old) + "\n")
                    counts["kept"] += 1
    return counts


def _parts_root(target: Path) -> str | None:
    """Part files beside the output (a shared folder is what a multi-machine cluster needs)."""
    if str(target) == "-":
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    return str(target.parent.resolve())


def default_jobs() -> int:
    return os.cpu_count() or 1
