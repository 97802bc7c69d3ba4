"""Read articles from .txt, .html and .jsonl files, directories or stdin.

Every input becomes either an :class:`Article` or a :class:`Rejected` record
that names the source and the problem; nothing here raises for bad input, so
one broken file never sinks a batch.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from claimx.article import Article, Item, Rejected

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
DEFAULT_MAX_BYTES = 20_000_000


def read_articles(inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield one item per article found in ``inputs``, lazily and in a stable order.

    Args:
        inputs: file paths, directory paths (searched recursively) or ``-`` for stdin.
        max_bytes: files larger than this are skipped with a reason instead of read.
    """
    for name in inputs:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, max_bytes)
        elif path.exists() or path.is_symlink():
            yield from read_file(path, max_bytes)
        else:
            yield Rejected(source=name, status="failed", reason="no such file or directory")


def count_items(inputs: Iterable[str]) -> int | None:
    """How many items ``read_articles`` will yield (for a progress bar); None for stdin.

    A pre-pass over names and JSONL line counts only: no text is decoded.
    """
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        for file in _walk(path) if path.is_dir() else [path]:
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += max(1, sum(1 for line in handle if line.strip()))
            except OSError:
                total += 1
    return total


def _walk(root: Path) -> Iterator[Path]:
    """Article files below ``root`` in sorted order; symlinked directories are not followed."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for filename in sorted(filenames):
            file = Path(dirpath) / filename
            if file.suffix.lower() in ARTICLE_SUFFIXES:
                yield file


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file into articles (one for .txt/.html, many for .jsonl)."""
    source = str(path)
    jsonl = path.suffix.lower() == ".jsonl"
    try:
        size = path.stat().st_size
        if size > max_bytes and not jsonl:  # a JSONL feed is limited line by line instead
            yield _too_big(source, size, max_bytes)
            return
        with path.open("rb") as handle:
            if jsonl:
                yield from read_jsonl(bounded_lines(handle, max_bytes), source, max_bytes)
                return
            data = handle.read(max_bytes + 1)
    except OSError as error:
        yield Rejected(source=source, status="failed", reason=_os_reason(error))
        return
    kind = sniff(data)
    if len(data) > max_bytes:
        yield _too_big(source, len(data), max_bytes)
    elif kind is not None:
        yield Rejected(source=source, status="failed", reason=kind)
    elif path.suffix.lower() in HTML_SUFFIXES:
        yield _keyed(parse_html(data, source), path.name)
    else:
        yield _keyed(parse_text(data, source), path.name)


def _keyed(item: Item, key: str) -> Item:
    """Claim ids use the file's name, so the same file reached by another path keeps its ids."""
    return replace(item, key=key) if isinstance(item, Article) else item


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    data = stream.read(max_bytes + 1)
    kind = sniff(data)
    if len(data) > max_bytes:
        yield _too_big(source, len(data), max_bytes)
    elif kind is not None:
        yield Rejected(source=source, status="failed", reason=kind)
    elif data.lstrip()[:1] == b"{":
        yield from read_jsonl(iter(data.splitlines(keepends=True)), source)
    elif data.lstrip()[:1] == b"<":
        yield parse_html(data, source)
    else:
        yield parse_text(data, source)


def human_size(size: int) -> str:
    """A size in a unit that shows its digits: 2,340 bytes, 812.5 KB, 20.0 MB."""
    if size < 10_000:
        return f"{size:,} bytes" if size != 1 else "1 byte"
    if size < 10_000_000:
        return f"{size / 1000:,.1f} KB"
    return f"{size / 1e6:,.1f} MB"


def _too_big(source: str, size: int, max_bytes: int, what: str = "file") -> Rejected:
    reason = f"{what} is {human_size(size)}, over the --max-bytes limit of {human_size(max_bytes)}"
    return Rejected(source=source, status="skipped", reason=reason)


SIGNATURES = (  # (magic bytes at the start, what the file is, what to do)
    (b"%PDF-", "a PDF document", "extract its text first (e.g. `pdftotext FILE.pdf FILE.txt`) and run claimx on that"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)",
     "save it as plain text (.txt) or HTML and run claimx on that"),
    (b"{\\rtf", "an RTF document", "save it as plain text (.txt) and run claimx on that"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "claimx reads text, not images (no OCR)"),
    (b"\xff\xd8\xff", "a JPEG image", "claimx reads text, not images (no OCR)"),
    (b"GIF87a", "a GIF image", "claimx reads text, not images (no OCR)"),
    (b"GIF89a", "a GIF image", "claimx reads text, not images (no OCR)"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"BZh", "a bzip2 archive", "unpack it first"),
    (b"\xfd7zXZ\x00", "an xz archive", "unpack it first"),
)
ZIP_KINDS = (  # a ZIP's first member names what it holds
    (b"word/", "a Word document (.docx)", "save it as plain text (.txt) or HTML and run claimx on that"),
    (b"xl/", "an Excel workbook (.xlsx)", "export the text to .txt or .csv first"),
    (b"ppt/", "a PowerPoint file (.pptx)", "export its text to .txt first"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file (.odt/.ods)",
     "save it as plain text (.txt) or HTML and run claimx on that"),
    (b"mimetypeapplication/epub", "an EPUB e-book", "convert it to text or HTML first"),
)


def sniff(data: bytes) -> str | None:
    """What a non-text file really is, from its first bytes (not its name), with a hint; None for text."""
    head = data[:4096]
    if head[:4] == b"PK\x03\x04":
        for marker, what, hint in ZIP_KINDS:
            if marker in head[30:1024]:
                return f"{what}, not text: {hint}"
        return "a ZIP archive, not text: unpack it first"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image, not text: claimx reads text, not images (no OCR)"
    for magic, what, hint in SIGNATURES:
        if head.startswith(magic):
            return f"{what}, not text: {hint}"
    return None


def _os_reason(error: OSError) -> str:
    return f"cannot read: {error.strerror or error.__class__.__name__}"


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.

    Returns the text with newlines normalised to ``\\n`` and any warnings.
    Raises ValueError when the bytes look binary.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                warnings.append("not valid UTF-8; decoded as cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                warnings.append("not valid UTF-8; decoded as latin-1")
    if "\x00" in text:
        raise ValueError("binary file (contains NUL characters), not text")
    return normalise_newlines(text), warnings


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets are the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(data: bytes, source: str) -> Item:
    """A plain-text article; the whole file is the text."""
    try:
        text, warnings = decode_text(data)
    except ValueError as error:
        return Rejected(source=source, status="failed", reason=str(error))
    if not text.strip():
        return Rejected(source=source, status="skipped", reason="empty or whitespace-only text")
    return Article(source=source, text=text, warnings=warnings)


def parse_html(data: bytes, source: str) -> Item:
    """Main text and title of a web page, found by trafilatura (boilerplate removed)."""
    import trafilatura

    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Rejected(source=source, status="failed", reason="binary file, not HTML")
    try:
        document = trafilatura.bare_extraction(
            data, url=source, with_metadata=True, include_tables=True, include_comments=False
        )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return Rejected(source=source, status="failed", reason=f"cannot parse HTML: {error}")
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return Rejected(source=source, status="skipped", reason="no main text found in HTML")
    title = getattr(document, "title", None)
    published = getattr(document, "date", None)
    return Article(
        source=source, text=normalise_newlines(text), title=title, published=published
    )


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of ``stream`` with at most ``max_bytes`` + 1 bytes in memory at a time.

    A longer line is skipped and yielded as its length (an ``int``) instead.
    """
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while rest := stream.readline(1 << 20):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield size


def read_jsonl(lines: Iterable[bytes | int], source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line: ``{"id", "text"}`` required, ``url``, ``title``, ``published``.

    ``--max-bytes`` limits each line (article), not the feed: a JSONL file is read as a stream.
    """
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if isinstance(raw, int):
            yield _too_big(where, raw, max_bytes, "line")
            continue
        if not raw.strip():
            continue
        item = parse_jsonl_line(raw, where)
        if isinstance(item, Article):
            if item.source in seen:
                item = Rejected(source=where, status="failed", reason=f"duplicate id {item.source!r}")
            else:
                seen.add(item.source)
        yield item


def parse_jsonl_line(raw: bytes, where: str) -> Item:
    """Parse one JSONL line; the article's source is its ``id``."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return Rejected(source=where, status="failed", reason=f"bad JSON line: {error}")
    if not isinstance(record, dict):
        return Rejected(source=where, status="failed", reason="line is not a JSON object")
    missing = [key for key in ("id", "text") if key not in record]
    if missing:
        return Rejected(source=where, status="failed", reason=f"missing {', '.join(missing)}")
    if not isinstance(record["text"], str):
        return Rejected(source=where, status="failed", reason="'text' is not a string")
    if not isinstance(record["id"], str | int) or isinstance(record["id"], bool):
        return Rejected(source=where, status="failed", reason="'id' is not a string")
    text = normalise_newlines(record["text"])
    if "\x00" in text:
        return Rejected(source=where, status="failed", reason="'text' contains NUL characters")
    if not text.strip():
        return Rejected(source=where, status="skipped", reason="empty or whitespace-only text")
    return Article(
        source=str(record["id"]),
        text=text,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        published=_optional_str(record.get("published")),
    )


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None
