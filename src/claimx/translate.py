"""Optional machine translation with DeepL: cached, batched, budgeted, and never fatal mid-run.

- A :class:`Translator` protocol with the official ``deepl`` client behind it
  (tests pass a local server through ``server_url``).
- A SQLite :class:`TranslationCache` keyed by (text, source, target, glossary):
  a second run over the same articles sends nothing. Results are cached
  before they are written anywhere else.
- :class:`TranslationService` batches sentences (at most 50 texts and about
  100 KB per request, order kept), stops before ``max_chars`` would be
  exceeded, and on quota (456), rate limiting (429 after the client's own
  retries) or network failure stops translating with a warning: the claims
  are still written, untranslated.
- The DeepL key is only ever handed to the client; it is never logged,
  stored or part of an error message.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from claimx.errors import ClaimxError

MAX_TEXTS_PER_REQUEST = 50
MAX_BYTES_PER_REQUEST = 100_000
DEEPL_SOURCE = {"sv": "SV", "da": "DA", "nb": "NB", "en": "EN", "de": "DE", "fi": "FI", "nl": "NL", "fr": "FR",
                "es": "ES", "it": "IT", "pl": "PL", "pt": "PT", "et": "ET"}


class TranslationError(ClaimxError):
    """Translation cannot start (bad key, bad glossary file); the message never holds the key."""


class Translator(Protocol):
    """What claimx needs from a translation provider."""

    def translate(self, texts: list[str], source_lang: str | None, target_lang: str,
                  glossary_id: str | None) -> list[str]: ...

    def usage(self) -> tuple[int | None, int | None]: ...

    def create_glossary(self, name: str, source_lang: str, target_lang: str, entries: dict[str, str]) -> str: ...


class DeepLTranslator:
    """The official ``deepl`` client. Retries and timeouts are the client's module settings."""

    def __init__(self, auth_key: str, server_url: str | None = None, *, retries: int | None = None,
                 timeout: float | None = None) -> None:
        import deepl
        import deepl.http_client

        if retries is not None:
            deepl.http_client.max_network_retries = retries
        if timeout is not None:
            deepl.http_client.min_connection_timeout = timeout
        self._client = deepl.DeepLClient(auth_key, server_url=server_url)
        self._client.set_app_info("claimx", "0.1")

    def translate(self, texts, source_lang, target_lang, glossary_id):
        results = self._client.translate_text(texts, source_lang=source_lang, target_lang=target_lang,
                                              glossary=glossary_id)
        return [r.text for r in results]

    def usage(self):
        character = self._client.get_usage().character
        return character.count, character.limit

    def create_glossary(self, name, source_lang, target_lang, entries):
        return self._client.create_glossary(name, source_lang, target_lang, entries).glossary_id


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimx" / "translations.sqlite"


class TranslationCache:
    """Translations already paid for, in SQLite (WAL, busy timeout)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS translations (source_text TEXT NOT NULL, source_lang TEXT NOT NULL,"
                " target_lang TEXT NOT NULL, glossary_id TEXT NOT NULL, translated TEXT NOT NULL,"
                " created_at TEXT NOT NULL, PRIMARY KEY (source_text, source_lang, target_lang, glossary_id));"
                "CREATE TABLE IF NOT EXISTS glossaries (entries_hash TEXT NOT NULL, source_lang TEXT NOT NULL,"
                " target_lang TEXT NOT NULL, glossary_id TEXT NOT NULL,"
                " PRIMARY KEY (entries_hash, source_lang, target_lang));")
        except sqlite3.DatabaseError as error:
            raise TranslationError(f"{self.path}: not a usable translation cache ({error})") from None

    def get(self, texts: Iterable[str], source_lang: str, target_lang: str, glossary_id: str | None) -> dict:
        found = {}
        for text in set(texts):
            row = self.db.execute(
                "SELECT translated FROM translations WHERE source_text=? AND source_lang=? AND target_lang=?"
                " AND glossary_id=?", (text, source_lang, target_lang, glossary_id or "")).fetchone()
            if row:
                found[text] = row[0]
        return found

    def put(self, pairs: dict[str, str], source_lang: str, target_lang: str, glossary_id: str | None) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                [(text, source_lang, target_lang, glossary_id or "", out, now) for text, out in pairs.items()])
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def glossary(self, entries_hash: str, source_lang: str, target_lang: str) -> str | None:
        row = self.db.execute("SELECT glossary_id FROM glossaries WHERE entries_hash=? AND source_lang=?"
                              " AND target_lang=?", (entries_hash, source_lang, target_lang)).fetchone()
        return row[0] if row else None

    def remember_glossary(self, entries_hash: str, source_lang: str, target_lang: str, glossary_id: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO glossaries VALUES (?, ?, ?, ?)",
                        (entries_hash, source_lang, target_lang, glossary_id))

    def stats(self) -> dict[str, int]:
        rows, chars = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(source_text)), 0) FROM translations").fetchone()
        glossaries = self.db.execute("SELECT COUNT(*) FROM glossaries").fetchone()[0]
        return {"translations": rows, "source_characters": chars, "glossaries": glossaries}

    def clear(self) -> int:
        count = self.db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        self.db.execute("DELETE FROM translations")
        self.db.execute("DELETE FROM glossaries")
        self.db.execute("VACUUM")
        return count

    def close(self) -> None:
        self.db.close()


def read_glossary(path: str | Path) -> dict[str, str]:
    """A TSV of ``source<TAB>target`` lines (blank lines and # comments skipped)."""
    entries = {}
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise TranslationError(f"{path}: cannot read the glossary ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise TranslationError(f"{path}:{number}: a glossary line is 'source<TAB>target'")
        entries[parts[0].strip()] = parts[1].strip()
    if not entries:
        raise TranslationError(f"{path}: the glossary has no entries")
    return entries


@dataclass
class TranslationService:
    """Translate sentences for a run: cache first, batched requests, a character budget."""

    translator: Translator
    cache: TranslationCache
    target_lang: str
    max_chars: int | None = None
    glossary: dict[str, str] | None = None
    sent_chars: int = 0
    requests: int = 0
    stopped: str | None = None
    _glossary_ids: dict[str, str | None] = field(default_factory=dict)

    def check(self) -> None:
        """Before any article: a bad key fails here, and the account's remaining quota caps the budget."""
        import deepl

        try:
            count, limit = self.translator.usage()
        except deepl.AuthorizationException:
            raise TranslationError("DeepL rejected the authentication key (HTTP 403); "
                                   "check DEEPL_AUTH_KEY or --deepl-key") from None
        except deepl.DeepLException as error:
            raise TranslationError(f"DeepL is not reachable: {error.__class__.__name__}") from None
        if count is not None and limit:
            remaining = max(0, limit - count)
            self.max_chars = remaining if self.max_chars is None else min(self.max_chars, remaining)

    def _glossary_id(self, source: str) -> str | None:
        if not self.glossary:
            return None
        if source not in self._glossary_ids:
            target = self.target_lang.split("-")[0]
            digest = hashlib.sha256("\n".join(f"{k}\t{v}" for k, v in sorted(self.glossary.items())).encode())
            entries_hash = digest.hexdigest()[:16]
            known = self.cache.glossary(entries_hash, source, target)
            if known is None:
                known = self.translator.create_glossary(f"claimx-{entries_hash}", source, target, self.glossary)
                self.cache.remember_glossary(entries_hash, source, target, known)
            self._glossary_ids[source] = known
        return self._glossary_ids[source]

    def translate(self, texts: list[str], source_lang: str | None) -> list[str | None]:
        """Translations in the order given; None where the budget or a failure stopped translation."""
        import deepl

        source = DEEPL_SOURCE.get(source_lang or "", None)
        key_lang = source or "auto"
        try:
            glossary_id = self._glossary_id(source) if source else None
        except deepl.DeepLException as error:
            self.stopped = f"glossary could not be created ({error.__class__.__name__})"
            glossary_id = None
        known = self.cache.get(texts, key_lang, self.target_lang, glossary_id)
        todo = [t for t in dict.fromkeys(texts) if t not in known and t.strip()]
        for batch in self._batches(todo):
            if self.stopped:
                break
            try:
                out = self.translator.translate(batch, source, self.target_lang, glossary_id)
            except deepl.QuotaExceededException:
                self.stopped = "DeepL quota exceeded (HTTP 456)"
                break
            except deepl.TooManyRequestsException:
                self.stopped = "DeepL kept answering 'too many requests' (HTTP 429) after retries"
                break
            except deepl.DeepLException as error:
                self.stopped = f"DeepL failed: {error.__class__.__name__}"
                break
            self.requests += 1
            self.sent_chars += sum(len(t) for t in batch)
            pairs = dict(zip(batch, out))
            self.cache.put(pairs, key_lang, self.target_lang, glossary_id)  # cache first, then output
            known.update(pairs)
        return [known.get(t) for t in texts]

    def _batches(self, texts: list[str]) -> Iterable[list[str]]:
        """Requests of at most 50 texts and ~100 KB that together stay inside the budget."""
        batch: list[str] = []
        chars = size = 0
        exhausted = False
        for text in texts:
            if self.max_chars is not None and self.sent_chars + chars + len(text) > self.max_chars:
                exhausted = True
                break
            if batch and (len(batch) >= MAX_TEXTS_PER_REQUEST or size + len(text.encode()) > MAX_BYTES_PER_REQUEST):
                yield batch
                batch, chars, size = [], 0, 0
            batch.append(text)
            chars += len(text)
            size += len(text.encode())
        if batch:
            yield batch
        if exhausted:
            self.stopped = f"translation budget of {self.max_chars} characters reached (--max-chars)"
