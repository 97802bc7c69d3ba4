"""Rule data: every file validates, ids are unique, and every example fires its entry."""

import pytest

from claimx.dose import find_doses
from claimx.errors import RuleError
from claimx.nlp import SPANS_KEY, build_nlp
from claimx.rules import DOSE_LABELS, available_languages, load_entries, parse_rule_file

LANGS = available_languages()


def test_languages():
    assert set(LANGS) >= {"sv", "da", "nb", "en"}


def _examples():
    for lang in LANGS:
        for entry in load_entries(lang)[0].values():
            if entry.id.startswith(f"{lang}.") or (lang == "sv" and entry.id.startswith("com.")):
                for example in entry.examples:
                    yield pytest.param(lang, entry.id, example, id=f"{entry.id}:{example[:30]}")


@pytest.mark.parametrize("lang,entry_id,example", list(_examples()))
def test_example_fires(lang, entry_id, example):
    entry = load_entries(lang)[0][entry_id]
    if entry.label in DOSE_LABELS:
        if entry.label == "UNIT":
            assert any(entry_id in d.rule_ids for d in find_doses(example, lang)), example
        return
    doc = build_nlp(lang)(example)
    assert entry_id in {s.id_ for s in doc.spans[SPANS_KEY]}, example


@pytest.mark.parametrize("line,problem", [
    ('{"id": "sv.x.y", "label": "SUBSTANCE", "patterns": ["a"]}', "name"),
    ('{"id": "bad id", "label": "HEDGE", "patterns": ["a"]}', "id"),
    ('{"id": "sv.x.y", "label": "HEDGE", "patterns": ["a*b"]}', "'*' only at the ends"),
    ('{"id": "sv.x.y", "label": "CONDITION", "name": "x", "icd10": ["G4"], "patterns": ["a"]}', "icd10"),
    ('{"id": "sv.x.y", "label": "HEDGE", "patterns": ["a"], "extra": 1}', "extra"),
    ('not json', "Expecting value"),
])
def test_bad_rule_line_names_file_and_line(line, problem):
    with pytest.raises(RuleError) as info:
        list(parse_rule_file("rules/sv/x.jsonl", "// comment\n" + line))
    assert "rules/sv/x.jsonl:2" in str(info.value)
    assert problem in str(info.value)


def test_rules_version_changes_with_language():
    versions = {load_entries(lang)[1] for lang in LANGS}
    assert len(versions) == len(LANGS)


@pytest.mark.parametrize("lang", ["sv", "da", "nb", "en"])
def test_plain_words_skip_the_tokenizer_only_where_it_would_keep_them_whole(lang):
    """parse_pattern's fast path gives the words the tokenizer gives, for every pattern shipped."""
    from claimx.nlp import build_nlp
    from claimx.rules import PLAIN_WORD, parse_pattern

    nlp = build_nlp(lang)
    tokenize = lambda text: [t.text for t in nlp.make_doc(text)]  # noqa: E731
    special = frozenset(k for key in nlp.tokenizer.rules for k in (key, key.lower()))
    checked = 0
    for entry in load_entries(lang)[0].values():
        if entry.label in DOSE_LABELS:
            continue
        for pattern in entry.patterns:
            core = (pattern if entry.cased else pattern.lower()).strip("*")
            if all(PLAIN_WORD.fullmatch(part) for part in core.split(" ")):
                checked += 1
                assert parse_pattern(entry, pattern, tokenize, special).words == tuple(tokenize(core)), pattern
    assert checked > 1000
    cannot = parse_pattern(load_entries("en")[0]["en.negation.word"], "cannot", tokenize, special)
    assert lang != "en" or cannot.words == ("can", "not")


@pytest.mark.parametrize("lang,written,inflected", [
    ("sv", "Järn kan hos vissa ge förstoppning.", "Magnesium gavs intravenöst vid kramper."),
    ("da", "Jern kan i høje doser give forstoppelse.", "Magnesium gives som tabletter mod kramper."),
    ("nb", "Jern kan i store doser gi forstoppelse.", "Magnesium gis som tabletter mot kramper."),
])
def test_an_entry_that_does_not_inflect_matches_only_as_written(lang, written, inflected):
    """"ge"/"give"/"gi" and their listed finite forms are harm cues ("kan i sällsynta fall ge", "gir
    elveblest"); their passives ("gavs", "gives": administered) are not, though the lemma table maps
    them to the same lemma."""
    ids = {s.id_ for s in build_nlp(lang)(written).spans[SPANS_KEY]}
    assert f"{lang}.effect.harm_give" in ids
    ids = {s.id_ for s in build_nlp(lang)(inflected).spans[SPANS_KEY]}
    assert f"{lang}.effect.harm_give" not in ids


def test_an_entry_that_does_not_inflect_ignores_the_full_lemma_table():
    """Without the pruned table in models/ the full one is used: "gavs" (lemma "ge") still is no cue."""
    from claimx.nlp import full_lemma_table, lexicon_of, word_patterns

    full = full_lemma_table("sv")
    assert full is not None and full.get("gavs") == "ge"
    lexicon = lexicon_of(build_nlp("sv"))
    assert "sv.effect.harm_give" in {p.entry.id for p in word_patterns("ge", lexicon, full)}
    assert "sv.effect.harm_give" not in {p.entry.id for p in word_patterns("gavs", lexicon, full)}
