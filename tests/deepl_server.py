"""A small DeepL API stand-in on 127.0.0.1 for tests: real HTTP for the real `deepl` client.

It implements what claimx calls (/v2/translate, /v2/usage, /v2/glossaries),
translates deterministically ("EN<...>" or from a phrase table) and can be
told to answer 403, 429, 456, 5xx or to hang.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeDeepL:
    def __init__(self, key: str = "claimx-test-key-0000:fx") -> None:
        self.key = key
        self.count, self.limit = 0, 1_000_000
        self.translate_calls: list[dict] = []
        self.glossary_calls: list[dict] = []
        self.script: list[str] = []  # for the next /v2/translate calls: "403", "429", "456", "503", "hang"
        self.always: str | None = None  # answer every /v2/translate call like this
        self.phrases: dict[str, str] = {}
        self.glossaries: dict[str, dict[str, str]] = {}
        self.hang_seconds = 5.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeDeepL:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def english(self, text: str, glossary: dict[str, str] | None) -> str:
        if text in self.phrases:
            return self.phrases[text]
        for source, target in (glossary or {}).items():
            text = text.replace(source, target)
        return f"EN<{text}>"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _reply(self, status: int, body: dict | None = None) -> None:
                data = json.dumps(body or {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                if self.headers.get("Authorization") != f"DeepL-Auth-Key {fake.key}":
                    self._reply(403, {"message": "Wrong key"})
                    return False
                return True

            def _body(self) -> dict:
                length = int(self.headers.get("Content-Length") or 0)
                return json.loads(self.rfile.read(length) or b"{}")

            def do_GET(self) -> None:
                if not self._authorised():
                    return
                if self.path.startswith("/v2/usage"):
                    self._reply(200, {"character_count": fake.count, "character_limit": fake.limit})
                else:
                    self._reply(404, {"message": "not here"})

            def do_POST(self) -> None:
                body = self._body()
                if not self._authorised():
                    return
                if self.path.startswith("/v2/glossaries"):
                    fake.glossary_calls.append(body)
                    gid = f"gloss-{len(fake.glossaries) + 1}"
                    entries = dict(line.split("\t") for line in body["entries"].splitlines() if line)
                    fake.glossaries[gid] = entries
                    self._reply(201, {"glossary_id": gid, "name": body["name"], "ready": True,
                                      "source_lang": body["source_lang"].lower(),
                                      "target_lang": body["target_lang"].lower(),
                                      "creation_time": "2026-11-21T10:00:00.000000Z", "entry_count": len(entries)})
                    return
                if not self.path.startswith("/v2/translate"):
                    self._reply(404, {"message": "not here"})
                    return
                action = fake.script.pop(0) if fake.script else fake.always
                fake.translate_calls.append({**body, "_action": action})
                if action == "hang":
                    time.sleep(fake.hang_seconds)
                    return
                if action:
                    self._reply(int(action), {"message": f"scripted {action}"})
                    return
                texts = body["text"]
                fake.count += sum(len(t) for t in texts)
                glossary = fake.glossaries.get(body.get("glossary_id") or "")
                self._reply(200, {"translations": [
                    {"detected_source_language": body.get("source_lang") or "SV",
                     "text": fake.english(t, glossary), "billed_characters": len(t)} for t in texts]})

        return Handler
