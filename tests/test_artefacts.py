"""The start-up cache (claimx.artefacts) and the spaCy start-up changes: they make start-up fast and
must change no result. Each test compares the fast path with the path it replaces."""

import pickle
import subprocess
import sys

import pytest
import spacy

from claimx import artefacts
from claimx.nlp import FOOTNOTE_STOP, build_nlp, language_class, lexicon_of, rule_artefacts
from claimx.rules import Lexicon, build_lexicon, read_entries
from claimx.terms import load_concepts, read_concepts

LANGS = ["sv", "da", "nb", "en"]
TEXTS = {
    "sv": "Studien visade att 2 x 200 mg magnesiumcitrat dagligen minskade migränanfallen.15 Hjärt- och "
          "kärlsjukdomar, t.ex. stroke, nämndes inte. D-vitamintillskott gav ingen effekt på benskörhet.",
    "da": "Et jerntilskud på 100 mg hver anden dag kan give mavesmerter. Colon- og brystcancer blev ikke "
          "påvirket af omega-3-fedtsyrer, ifølge et studie fra 2019 (Hansen et al.).",
    "nb": "Kosttilskudd med sink (maks 25 mg per døgn) kan redusere forkjølelse hos barn. Dette gjelder "
          "ikke for eldre, f.eks. de over 70 år.",
    "en": "Probiotics did not shorten the duration of diarrhoea. Up to 4,000 IU of vitamin D3 a day "
          "may lower the risk of respiratory infections, e.g. colds.",
}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMX_CACHE_DIR", str(tmp_path))
    return tmp_path


def _tables(lexicon: Lexicon) -> dict:
    return {name: getattr(lexicon, name) for name in (*Lexicon.TABLES, "infix", "max_affix", "max_modifier")}


@pytest.mark.parametrize("lang", LANGS)
def test_a_lexicon_rebuilt_from_its_state_is_the_same(lang):
    nlp = spacy.blank(lang)
    built = build_lexicon(lang, lambda text: [t.text for t in nlp.make_doc(text)])
    state = pickle.loads(pickle.dumps(built.state()))
    rebuilt = Lexicon.from_state(built.entries, state)
    assert _tables(rebuilt) == _tables(built)  # every table, every pattern, in the same order
    for key, patterns in built.exact.items():
        assert [p.rank for p in rebuilt.exact[key]] == [p.rank for p in patterns]
    assert rebuilt.apart_words() == built.apart_words()
    words = [w for text in TEXTS.values() for w in text.replace(".", " ").split()]
    assert [rebuilt.word_matches(w) for w in words] == [built.word_matches(w) for w in words]


def _doc_view(lang: str, text: str) -> list:
    doc = build_nlp(lang)(text)
    return [(t.text, t.is_sent_start) for t in doc] + [(s.start, s.end, s.label_, s.id_) for s in doc.spans["claimx"]]


@pytest.mark.parametrize("lang", LANGS)
def test_pipelines_from_the_cache_tag_as_freshly_built_ones(lang, cache_dir, monkeypatch):
    monkeypatch.setenv("CLAIMX_CACHE_DIR", "off")
    build_nlp.cache_clear()
    fresh = _doc_view(lang, TEXTS[lang])
    monkeypatch.setenv("CLAIMX_CACHE_DIR", str(cache_dir))
    for _ in range(2):  # the first build writes the cache, the second reads it
        build_nlp.cache_clear()
        assert _doc_view(lang, TEXTS[lang]) == fresh
    assert list(cache_dir.glob(f"rules-{lang}-*.pickle"))
    build_nlp.cache_clear()


@pytest.mark.parametrize("lang", LANGS)
def test_the_tokenizer_class_splits_as_blank_plus_the_footnote_infix(lang, shared_dir):
    """language_class() compiles the infixes once; the tokens are those of spacy.blank with the
    footnote infix added afterwards (the way it was built before)."""
    reference = spacy.blank(lang)
    reference.tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [*reference.Defaults.infixes, FOOTNOTE_STOP]).finditer
    ours = language_class(lang)()
    texts = [TEXTS[lang], "Se artros.15 Kurkumin och tarm.2-6 samt www.example.com/a-b?x=1 (n=40)."]
    ud = {"sv": "UD_Swedish-Talbanken/sv_talbanken-ud-test.conllu", "da": "UD_Danish-DDT/da_ddt-ud-test.conllu",
          "nb": "UD_Norwegian-Bokmaal/no_bokmaal-ud-test.conllu", "en": None}[lang]
    if ud:
        texts += [line[9:] for line in (shared_dir / "ud" / ud).read_text("utf-8").splitlines()
                  if line.startswith("# text = ")][:500]
    for text in texts:
        assert [t.text for t in ours.make_doc(text)] == [t.text for t in reference.make_doc(text)]


def test_entries_and_concepts_from_the_cache_equal_the_files(cache_dir):
    from claimx.rules import load_entries

    load_entries.cache_clear()
    load_concepts.cache_clear()
    for _ in range(2):
        load_entries.cache_clear()
        load_concepts.cache_clear()
        assert load_entries("da") == read_entries("da")
        assert load_concepts() == read_concepts()
    assert {p.name.split("-")[0] for p in cache_dir.glob("*.pickle")} >= {"entries", "concepts"}
    load_entries.cache_clear()
    load_concepts.cache_clear()


def test_a_broken_cache_file_is_rebuilt(cache_dir):
    calls = []
    path = cache_dir / f"thing-{artefacts.build_key()}.pickle"
    path.write_bytes(b"not a pickle")
    assert artefacts.cached("thing", lambda: calls.append(1) or {"a": 1}) == {"a": 1}
    assert calls == [1]
    assert artefacts.cached("thing", lambda: calls.append(2) or {"a": 2}) == {"a": 1}  # now read, not built
    assert calls == [1]
    assert not list(cache_dir.glob("*.tmp"))


def test_an_artefact_of_other_sources_is_never_used_and_is_removed_once_stale(cache_dir, monkeypatch):
    import os
    import time

    assert artefacts.cached("thing", lambda: "old") == "old"
    old = next(cache_dir.glob("thing-*.pickle"))
    monkeypatch.setattr(artefacts, "build_key", lambda: "a-newer-key")
    assert artefacts.cached("thing", lambda: "new") == "new"
    assert old.exists()  # used within the day: another install may still want it
    (cache_dir / "thing-a-newer-key.pickle").unlink()
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    assert artefacts.cached("thing", lambda: "newest") == "newest"
    assert [p.name for p in cache_dir.glob("thing-*.pickle")] == ["thing-a-newer-key.pickle"]


def test_the_key_follows_the_sources(tmp_path, monkeypatch):
    """An edited source file (new size or time) gives a new key."""
    package = tmp_path / "claimx"
    package.mkdir()
    (package / "rules.py").write_text("A = 1\n")
    monkeypatch.setattr(artefacts.resources, "files", lambda name: package)
    monkeypatch.setattr(artefacts, "_models_folder", lambda: tmp_path / "none")
    artefacts.build_key.cache_clear()
    before = artefacts.build_key()
    (package / "rules.py").write_text("A = 22\n")
    artefacts.build_key.cache_clear()
    assert artefacts.build_key() != before
    artefacts.build_key.cache_clear()


def test_off_builds_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMX_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert artefacts.cached("thing", lambda: 5) == 5
    assert not any(tmp_path.rglob("*.pickle"))


def test_an_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CLAIMX_CACHE_DIR", str(blocker / "below-a-file"))
    assert artefacts.cached("thing", lambda: 7) == 7


def test_rule_artefacts_come_back_equal_after_a_round_trip(cache_dir):
    nlp = language_class("sv")()
    first = rule_artefacts("sv", nlp, None)
    second = rule_artefacts("sv", language_class("sv")(), None)
    assert _tables(first[0]) == _tables(second[0])
    text = TEXTS["sv"].lower()
    assert [g.may_match(text) for g in first[1:]] == [g.may_match(text) for g in second[1:]]


def test_spacy_is_imported_without_its_command_line_which_still_works():
    code = (
        "import sys, claimx.nlp, spacy\n"
        "print('weasel' in sys.modules, 'spacy.cli.download' in sys.modules)\n"
        "import spacy.cli\n"
        "from spacy.cli import download\n"
        "print(callable(download), type(sys.modules['spacy.cli']).__name__, callable(spacy.info))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True", "module", "True"]


def test_lexicon_of_a_built_pipeline_has_its_indexes(cache_dir):
    build_nlp.cache_clear()
    lexicon = lexicon_of(build_nlp("nb"))
    assert lexicon.exact and lexicon.phrases and lexicon.screen()
    build_nlp.cache_clear()


def test_arrays_come_back_mapped_from_the_file_and_a_truncated_file_is_rebuilt(cache_dir):
    import numpy as np

    value = {"table": np.arange(100_000, dtype=np.int32), "name": "x"}
    assert artefacts.cached("arrays", lambda: value) is value  # built and stored
    loaded = artefacts.cached("arrays", lambda: pytest.fail("should be read from the cache"))
    assert loaded["name"] == "x" and np.array_equal(loaded["table"], value["table"])
    assert not loaded["table"].flags.writeable  # a view on the mapped file, not a copy
    path = next(cache_dir.glob("arrays-*.pickle"))
    path.write_bytes(path.read_bytes()[:-1000])
    assert artefacts.cached("arrays", lambda: "rebuilt") == "rebuilt"
