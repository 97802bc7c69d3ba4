"""DeepL translation through the real client over real HTTP, against a local stand-in server."""

import json
import logging

import deepl
import deepl.http_client
import pytest
from click.testing import CliRunner
from conftest import REAL_DEEPL_KEY
from deepl_server import FakeDeepL

from claimx.cli import main
from claimx.translate import DeepLTranslator, TranslationCache, TranslationError, TranslationService

SV = ["Magnesium kan minska antalet migränanfall hos vuxna.", "Zink minskar förkylning.",
      "D-vitamin hjälper inte mot depression."]


@pytest.fixture(autouse=True)
def fast_client(monkeypatch):
    """The client's own retries, kept short so failure tests take seconds, not minutes."""
    monkeypatch.setattr(deepl.http_client, "max_network_retries", 1)
    monkeypatch.setattr(deepl.http_client, "min_connection_timeout", 1.0)


@pytest.fixture()
def fake():
    with FakeDeepL() as server:
        yield server


def service(fake, tmp_path, **kwargs):
    translator = DeepLTranslator(fake.key, fake.url)
    return TranslationService(translator, TranslationCache(tmp_path / "cache.sqlite"), "EN-US", **kwargs)


def test_translates_in_order_and_cache_hits_send_nothing(fake, tmp_path):
    first = service(fake, tmp_path)
    assert first.translate(SV, "sv") == [f"EN<{t}>" for t in SV]
    assert len(fake.translate_calls) == 1 and fake.translate_calls[0]["source_lang"] == "SV"
    second = service(fake, tmp_path)
    assert second.translate(SV, "sv") == [f"EN<{t}>" for t in SV]
    assert len(fake.translate_calls) == 1 and second.sent_chars == 0


def test_batches_respect_request_limits_and_order(fake, tmp_path):
    texts = [f"Mening nummer {i} om magnesium." for i in range(130)]
    out = service(fake, tmp_path).translate(texts + texts[:5], "sv")
    assert out == [f"EN<{t}>" for t in texts + texts[:5]]
    sizes = [len(call["text"]) for call in fake.translate_calls]
    assert sizes == [50, 50, 30]


def test_budget_stops_before_it_is_exceeded(fake, tmp_path):
    s = service(fake, tmp_path, max_chars=60)  # the first sentence (52 characters) fits, the second would not
    assert s.translate(SV, "sv") == [f"EN<{SV[0]}>", None, None]
    assert s.sent_chars == len(SV[0]) and "budget" in s.stopped


def test_quota_remaining_caps_the_budget(fake, tmp_path):
    fake.count, fake.limit = 999_990, 1_000_000
    s = service(fake, tmp_path)
    s.check()
    assert s.max_chars == 10


@pytest.mark.parametrize("action,reason", [("456", "quota"), ("429", "too many requests"), ("503", "DeepL failed"),
                                           ("hang", "DeepL failed")])
def test_failures_leave_remaining_untranslated(fake, tmp_path, action, reason):
    fake.hang_seconds = 3
    s = service(fake, tmp_path)
    assert s.translate(SV[:1], "sv") == [f"EN<{SV[0]}>"]
    fake.always = action
    assert s.translate(SV[1:], "sv") == [None, None]
    assert reason in s.stopped
    assert s.translate([SV[0]], "sv") == [f"EN<{SV[0]}>"]  # what was translated before stays (cache)


def test_bad_key_fails_at_check(fake, tmp_path):
    s = TranslationService(DeepLTranslator("wrong-key-1234:fx", fake.url), TranslationCache(tmp_path / "c.sqlite"),
                           "EN-US")
    with pytest.raises(TranslationError) as info:
        s.check()
    assert "403" in str(info.value) and "wrong-key" not in str(info.value)


def _write_corpus(tmp_path):
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text("\n".join(SV) + "\n", "utf-8")
    (tmp_path / "in" / "b.txt").write_text("Magnesium kan reducere migræne hos voksne.\n", "utf-8")


def _run(tmp_path, fake, *extra, key=None, input_dir="in"):
    env = {"DEEPL_AUTH_KEY": key or fake.key}
    return CliRunner().invoke(main, ["run", str(tmp_path / input_dir), "-o", str(tmp_path / "out.jsonl"),
                                     "--translate", "EN-US", "--deepl-server-url", fake.url,
                                     "--cache", str(tmp_path / "cache.sqlite"), *extra], env=env)


def _records(tmp_path):
    return [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]


def test_cli_translates_claims_and_a_rerun_sends_nothing(fake, tmp_path):
    _write_corpus(tmp_path)
    result = _run(tmp_path, fake)
    assert result.exit_code == 0, result.output
    claims = [c for r in _records(tmp_path) for c in r["claims"]]
    assert claims and all(c["translation"]["text"] == f"EN<{c['sentence']['text']}>" for c in claims)
    assert {c["translation"]["source_lang"] for c in claims} == {"sv", "da"}
    assert all(c["translation"]["provider"] == "deepl" and c["translation"]["target_lang"] == "EN-US" for c in claims)
    calls = len(fake.translate_calls)
    again = _run(tmp_path, fake)
    assert again.exit_code == 0 and len(fake.translate_calls) == calls
    assert "0 characters sent" in again.output
    stats = json.loads(CliRunner().invoke(main, ["cache", "stats", "--cache", str(tmp_path / "cache.sqlite")]).output)
    assert stats["translations"] >= 3
    assert "removed" in CliRunner().invoke(main, ["cache", "clear", "--cache", str(tmp_path / "cache.sqlite")]).output


def test_cli_bad_key_stops_before_any_article(fake, tmp_path):
    _write_corpus(tmp_path)
    result = _run(tmp_path, fake, key="bad-key-5678:fx")
    assert result.exit_code == 2 and "403" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("action", ["456", "429"])
def test_cli_quota_and_rate_limits_still_write_all_claims(fake, tmp_path, action):
    _write_corpus(tmp_path)
    fake.script = [action] * 50
    result = _run(tmp_path, fake)
    assert result.exit_code == 0, result.output
    assert "warning: translation stopped" in result.output
    records = _records(tmp_path)
    assert all(r["status"] == "ok" for r in records) and sum(len(r["claims"]) for r in records) >= 3
    assert all(c["translation"] is None for r in records for c in r["claims"])
    assert all(any("untranslated" in w for w in r["warnings"]) for r in records if r["claims"])


def test_cli_budget_marks_the_rest_untranslated(fake, tmp_path):
    _write_corpus(tmp_path)
    result = _run(tmp_path, fake, "--max-chars", "60", "-j", "1")
    assert result.exit_code == 0
    claims = [c for r in _records(tmp_path) for c in r["claims"]]
    assert any(c["translation"] for c in claims) and any(c["translation"] is None for c in claims)
    assert sum(len(t) for call in fake.translate_calls for t in call["text"]) <= 60


def test_glossary_created_once_and_used(fake, tmp_path):
    _write_corpus(tmp_path)
    glossary = tmp_path / "medical.tsv"
    glossary.write_text("# sv -> en\nmigränanfall\tmigraine attacks\n", "utf-8")
    assert _run(tmp_path, fake, "--glossary", str(glossary)).exit_code == 0
    CliRunner().invoke(main, ["cache", "clear", "--cache", str(tmp_path / "cache.sqlite")])
    assert _run(tmp_path, fake, "--glossary", str(glossary)).exit_code == 0
    assert len([g for g in fake.glossary_calls if g["source_lang"] == "SV"]) == 2  # cleared cache: made again
    calls = len(fake.glossary_calls)
    assert _run(tmp_path, fake, "--glossary", str(glossary)).exit_code == 0
    assert len(fake.glossary_calls) == calls  # glossary id reused from the cache
    sentences = [c["translation"]["text"] for r in _records(tmp_path) for c in r["claims"] if c["translation"]]
    assert any("migraine attacks" in s for s in sentences)
    assert any(call.get("glossary_id") for call in fake.translate_calls)


def test_german_article_is_extracted_through_english_rules(fake, tmp_path):
    (tmp_path / "de").mkdir()
    german = ("Magnesium kann die Häufigkeit von Migräneanfällen bei Erwachsenen deutlich verringern.\n"
              "Eine Studie zeigte, dass 400 mg Magnesium täglich den Blutdruck senkte.\n")
    (tmp_path / "de" / "artikel.txt").write_text(german, "utf-8")
    fake.phrases = {
        "Magnesium kann die Häufigkeit von Migräneanfällen bei Erwachsenen deutlich verringern.":
            "Magnesium can significantly reduce the frequency of migraine attacks in adults.",
        "Eine Studie zeigte, dass 400 mg Magnesium täglich den Blutdruck senkte.":
            "A study showed that 400 mg of magnesium daily lowered blood pressure.",
    }
    result = _run(tmp_path, fake, input_dir="de")
    assert result.exit_code == 0, result.output
    [record] = _records(tmp_path)
    assert record["language"]["code"] == "de" and record["status"] == "ok"
    claims = record["claims"]
    assert {c["condition"]["icd10"] for c in claims if c["condition"]} == {"G43"}
    dose = next(c["dose"] for c in claims if c["dose"] and c["dose"]["min"])
    assert (dose["min"], dose["unit"], dose["per"]) == (400, "mg", "day")
    for c in claims:
        assert c["sentence"]["text"] in german and c["translation"]["text"] in fake.phrases.values()
        for name in ("substance", "dose", "condition", "target", "effect"):
            span = c[name]
            if span:
                assert german[span["start"]:span["end"]] == span["text"]
    assert any(c["substance"]["text"] == "Magnesium" for c in claims)


def test_key_never_appears_in_outputs_logs_or_errors(fake, tmp_path, caplog):
    _write_corpus(tmp_path)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("deepl").setLevel(logging.DEBUG)
    ok = _run(tmp_path, fake)
    fake.always = "456"
    degraded = _run(tmp_path, fake, "-o", str(tmp_path / "out2.jsonl"))
    bad = _run(tmp_path, fake, key="another-secret-key-9999:fx")
    CliRunner().invoke(main, ["report", str(tmp_path / "out.jsonl"), "-o", str(tmp_path / "r.html")])
    CliRunner().invoke(main, ["export", str(tmp_path / "out.jsonl"), "--format", "csv", "-o",
                              str(tmp_path / "e.csv")])
    texts = [ok.output, degraded.output, bad.output, caplog.text]
    for path in tmp_path.rglob("*"):
        if path.is_file():
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    for secret in (fake.key, "another-secret-key-9999"):
        assert not any(secret in t for t in texts), secret


def test_usage_command(fake):
    fake.count = 1234
    result = CliRunner().invoke(main, ["usage", "--deepl-server-url", fake.url], env={"DEEPL_AUTH_KEY": fake.key})
    assert result.exit_code == 0 and "1234 of 1000000" in result.output


@pytest.mark.external
@pytest.mark.skipif(not REAL_DEEPL_KEY, reason="DEEPL_AUTH_KEY is not set")
def test_real_deepl_api(tmp_path):
    s = TranslationService(DeepLTranslator(REAL_DEEPL_KEY), TranslationCache(tmp_path / "c.sqlite"), "EN-US",
                           max_chars=200)
    s.check()
    [english] = s.translate(["Magnesium kan minska migrän."], "sv")
    assert "migraine" in english.lower()


GERMAN_TO_ENGLISH = {  # the developers' own translations of corpus/de_magnesium_schlaf.txt
    "Magnesium und Schlaf": "Magnesium and sleep",
    "Viele Menschen nehmen Magnesium, um besser zu schlafen.": "Many people take magnesium to sleep better.",
    "In einer randomisierten Studie mit 46 älteren Erwachsenen verbesserten 500 mg Magnesium täglich die "
    "Schlafqualität.": "In a randomised study of 46 older adults, 500 mg of magnesium daily improved sleep quality.",
    "Magnesium kann auch die Häufigkeit von Migräneanfällen verringern.":
        "Magnesium can also reduce the frequency of migraine attacks.",
    "Bei hohen Dosen verursacht Magnesiumoxid oft Durchfall.": "At high doses, magnesium oxide often causes diarrhoea.",
    "Zink hatte in derselben Studie keine Wirkung auf die Schlafqualität.":
        "Zinc had no effect on sleep quality in the same study.",
}


def test_corpus_translated_end_to_end_and_rerun_sends_nothing(fake, tmp_path, corpus_dir):
    fake.phrases = GERMAN_TO_ENGLISH
    out = tmp_path / "out.jsonl"
    args = ["run", str(corpus_dir), "-o", str(out), "--translate", "EN-US", "--deepl-server-url", fake.url,
            "--cache", str(tmp_path / "cache.sqlite")]
    result = CliRunner().invoke(main, args, env={"DEEPL_AUTH_KEY": fake.key})
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert all(r["status"] == "ok" for r in records)
    claims = [c for r in records for c in r["claims"]]
    assert claims and all(c["translation"] and c["translation"]["text"] for c in claims)
    german = next(r for r in records if r["source"].endswith("de_magnesium_schlaf.txt"))
    assert german["language"]["code"] == "de" and len(german["claims"]) >= 3
    for claim in german["claims"]:
        assert "via:translation" in claim["rule_ids"]
        assert german["text"][claim["sentence"]["start"]:claim["sentence"]["end"]] == claim["sentence"]["text"]
        for name in ("substance", "dose", "condition", "target", "effect"):
            span = claim[name]
            if span:
                assert german["text"][span["start"]:span["end"]] == span["text"]
    assert {(c["substance"]["name"], (c["condition"] or {}).get("icd10")) for c in german["claims"]} >= {
        ("magnesium", "G43"), ("magnesium", "A09")}
    sent = sum(len(t) for call in fake.translate_calls for t in call["text"])
    assert sent > 0
    calls = len(fake.translate_calls)
    again = CliRunner().invoke(main, args, env={"DEEPL_AUTH_KEY": fake.key})
    assert again.exit_code == 0 and len(fake.translate_calls) == calls  # the server saw no new request
    assert "0 characters sent in 0 requests" in again.output
