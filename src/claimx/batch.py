"""Batch runs: incremental, parallel (processes or Dask), streaming, written atomically.

Every engine maps the same per-document function, :func:`process_to_line`,
over the input stream and writes the lines in input order, so the output is
byte-identical whatever the engine or the number of jobs.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path

from claimx.article import Article
from claimx.errors import ClaimxError
from claimx.ids import doc_id_for, rules_version
from claimx.ingest import DEFAULT_MAX_BYTES, Item, read_articles
from claimx.output import atomic_writer

BATCH_SIZE = 32
WARM_UP_LOOKAHEAD = 64  # articles whose languages are built before the workers fork
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
    identity: tuple | None = None  # (doc_id, rules_version, status, translated_to) for the index


def process_to_line(item: Item, lang: str | None = None, service=None, extract_from: str = "auto") -> Line:
    """The per-document function every engine runs."""
    from claimx.pipeline import process_item  # imported here: a fully reused run never loads spaCy

    result = process_item(item, lang, service, extract_from)
    targets = {c.translation.target_lang if c.translation else None for c in result.claims}
    identity = (result.doc_id, result.rules_version, result.status, targets.pop() if len(targets) == 1 else None)
    return Line(result.status, result.to_json(), result.source, result.error, identity=identity)


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


INDEX_FORMAT = "claimx-index/1"


def index_path(output: Path) -> Path:
    """The index written beside an output: where each source's record sits, and its identity."""
    return output.with_name(output.name + ".index.jsonl")


def record_meta(raw: str | bytes, offset: int, length: int) -> tuple[str, Previous]:
    """The source of one output line and what an incremental run compares (raises on a foreign line)."""
    record = json.loads(raw)
    targets = {(c.get("translation") or {}).get("target_lang") for c in record.get("claims", [])}
    translated = targets.pop() if len(targets) == 1 else None
    return record["source"], Previous(record["doc_id"], record.get("rules_version"), offset, length,
                                      record["status"], translated)


def _file_identity(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def index_is_current(path: Path) -> bool:
    """Whether the index beside ``path`` describes it (its first line only is read)."""
    try:
        with index_path(path).open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
        return header.get("format") == INDEX_FORMAT and header.get("file") == _file_identity(path)
    except (OSError, ValueError, AttributeError):
        return False


def _entry(source: str, previous: Previous) -> str:
    """One line of an index: the source, then the fields of :class:`Previous` in order."""
    return json.dumps([source, *vars(previous).values()], ensure_ascii=False) + "\n"


def write_index(path: Path, entries: Iterable[str]) -> None:
    """The index of the output at ``path``: a header naming the file, then ``entries`` (atomically)."""
    with atomic_writer(str(index_path(path))) as handle:
        handle.write(json.dumps({"format": INDEX_FORMAT, "file": _file_identity(path)}) + "\n")
        handle.writelines(entries)


def index_output(path: Path) -> dict[str, Previous]:
    """Where each source's record sits in an earlier output (offsets only, not the records).

    Read from the index beside the output when its first line describes this
    very file (same inode, size and modification time); otherwise every line
    of the output is parsed.
    """
    if not path.is_file():
        return {}
    if index_is_current(path):
        try:
            with index_path(path).open(encoding="utf-8") as handle:
                handle.readline()
                index = {}
                for line in handle:
                    source, *fields = json.loads(line)
                    index[source] = Previous(*fields)
                return index
        except (OSError, ValueError, TypeError):
            pass  # a damaged index: read the output itself
    index = {}
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            try:
                source, previous = record_meta(raw, offset, len(raw))
                index[source] = previous
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # a line we did not write: it is simply not reused
            offset += len(raw)
    return index


class Unchanged(Exception):
    """The new output would be the old one, byte for byte: nothing is rewritten."""


class IndexedWriter:
    """Writes output lines and, to a temp file, where each record went (memory stays flat).

    While every line so far is an old record in its old place, nothing is
    written: an incremental run over an unchanged corpus leaves the output
    (and its modification time) alone. :meth:`save_index` turns the notes
    into the index beside the output once the output has replaced the old one.
    """

    def __init__(self, handle, old: dict[str, Previous], target: Path | None,
                 previous: PreviousReader | None = None) -> None:
        self.handle = handle
        self.offset = 0
        self.old = old
        self.notes = None
        self.previous = previous
        self.pending: list[str] | None = [] if old and previous is not None else None
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.notes = tempfile.NamedTemporaryFile("w+", encoding="utf-8", dir=target.parent,
                                                     prefix=f".{target.name}.", suffix=".index.tmp")

    def write(self, text: str, source: str, reused: bool = False, identity: tuple | None = None) -> None:
        if self.pending is not None:
            if reused and self.old[source].offset == self.offset:
                self.pending.append(source)  # the old record in its old place: write it only if needed
                self.offset += self.old[source].length
                return
            self.materialize()
        line = text + "\n"
        length = len(line.encode("utf-8", "surrogatepass"))
        if self.notes is not None:
            if reused:
                self.notes.write(_entry(source, replace(self.old[source], offset=self.offset, length=length)))
            elif identity is not None:
                doc_id, version, status, translated = identity
                self.notes.write(_entry(source, Previous(doc_id, version, self.offset, length, status, translated)))
            else:
                try:
                    self.notes.write(_entry(*record_meta(text, self.offset, length)))
                except (ValueError, KeyError, TypeError, AttributeError):
                    pass  # not a record: no index entry
        self.handle.write(line)
        self.offset += length

    def materialize(self) -> None:
        """Write the old records held back so far: the old output's first bytes, copied as they are."""
        pending, self.pending = self.pending, None
        if not pending:
            return
        self.handle.write(self.previous.read_range(0, self.offset))
        if self.notes is not None:
            self.notes.writelines(_entry(source, self.old[source]) for source in pending)

    def finish(self, old_size: int | None) -> None:
        """Raise :class:`Unchanged` if the whole old output was rewritten as it was; else flush."""
        if self.pending is not None and self.offset == old_size:
            raise Unchanged
        self.materialize()

    def save_index(self, target: Path) -> None:
        """Write the index of the just-replaced output (atomically; a stale one is never trusted)."""
        if self.notes is None:
            return
        self.notes.seek(0)
        write_index(target, self.notes)

    def close(self) -> None:
        if self.notes is not None:
            self.notes.close()


class PreviousReader:
    """Records of an earlier output through one open handle (the file is replaced only at the end)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = None

    def read(self, previous: Previous) -> str:
        return self.read_range(previous.offset, previous.length).rstrip("\n")

    def read_range(self, offset: int, length: int) -> str:
        if self.handle is None:
            self.handle = self.path.open("rb")
        self.handle.seek(offset)
        return self.handle.read(length).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


Job = Item | Line


def plan(items: Iterable[Item], previous: PreviousReader, index: dict[str, Previous], seen: set[str],
         translate_to: str | None = None) -> Iterator[Job]:
    """Replace unchanged articles by their earlier line; everything else is work.

    Records of failed articles are always redone (the failure may be gone); with
    translation on, a record is reused only if it was translated to the same language.
    """
    version = rules_version()
    for item in items:
        source = item.source
        if index:
            seen.add(source)  # only an incremental run keeps or prunes what it did not see
        old = index.get(source)
        if (isinstance(item, Article) and old is not None and old.status in ("ok", "skipped")
                and old.rules_version == version and old.doc_id == doc_id_for(item.text)
                and (translate_to is None or old.translated_to == translate_to)):
            text = previous.read(old)
            error = json.loads(text).get("error") if old.status != "ok" else None
            yield Line(old.status, text, source, error, reused=True)  # a reused skip is still a skip
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
    ahead = list(islice(stream, WARM_UP_LOOKAHEAD))
    if len(ahead) < WARM_UP_LOOKAHEAD and sum(not isinstance(job, Line) for job in ahead) <= BATCH_SIZE:
        # All the work is one batch: one worker would do it all, so do it here, without forking.
        yield from map_local(ahead, lang, 1, service, extract_from)
        return
    stream = chain(ahead, stream)
    warm_up(None if lang else languages_of(ahead))
    gc.freeze()  # the pipelines just built: the workers' collectors never walk (and so never copy) them
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


def languages_of(jobs: list[Job]) -> set[str]:
    """The rule languages of the articles among ``jobs`` (documents and paragraphs)."""
    from claimx.language import identify

    found: set[str] = set()
    for job in jobs:
        if isinstance(job, Article):
            language = identify(job.text)
            found.update([language.code, *(p.code for p in language.paragraphs)])
    return found


def warm_up(languages: set[str] | None = None) -> None:
    """Build the pipelines and models before forking, so workers share them.

    Only the languages of the first articles are built (``None``: all of them);
    a language that turns up later is built by each worker that meets it.
    """
    from claimx.language import ngram_model
    from claimx.nlp import build_nlp
    from claimx.rules import available_languages

    ngram_model()
    for lang in available_languages():
        if languages is None or lang in languages:
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
    to_file = output != "-"
    index = index_output(target) if incremental and to_file else {}
    seen: set[str] = set()
    previous = PreviousReader(target)
    work = plan(read_articles(inputs, max_bytes=max_bytes), previous, index, seen,
                service.target_lang if service is not None else None)
    writer = None
    old_size = target.stat().st_size if index else None
    try:
        with atomic_writer(output) as handle:
            writer = IndexedWriter(handle, index, target if to_file else None, previous if to_file else None)
            if engine == "dask":
                with tempfile.TemporaryDirectory(prefix="claimx-parts-", dir=_parts_root(target)) as parts_dir:
                    for part in run_dask(work, lang, jobs, scheduler, Path(parts_dir), count):
                        with part.open(encoding="utf-8") as source:
                            for text in source:
                                writer.write(text.rstrip("\n"), "")
            else:
                for line in map_local(work, lang, jobs, service, extract_from):
                    count(line)
                    writer.write(line.text, line.source, line.reused, line.identity)
            if incremental and not prune:
                for source, old in index.items():
                    if source not in seen:
                        writer.write(previous.read(old), source, reused=True)
                        counts["kept"] += 1
            writer.finish(old_size)
        writer.save_index(target)
    except Unchanged:  # the output stays as it was; its index too, unless it had none
        if not index_is_current(target):
            write_index(target, (_entry(source, old) for source, old in
                                 sorted(index.items(), key=lambda item: item[1].offset)))
    finally:
        previous.close()
        if writer is not None:
            writer.close()
    return counts


def _parts_root(target: Path) -> str | None:
    """Part files beside the output (a shared folder is what a multi-machine cluster needs)."""
    if str(target) == "-":
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    return str(target.parent.resolve())


def default_jobs() -> int:
    return os.cpu_count() or 1
