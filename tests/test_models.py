"""The artifacts in models/ are what their build scripts make from the current rules."""

import json

import pytest

from claimx.language import model_path
from claimx.nlp import build_nlp, full_lemma_table, rule_lemma_table
from claimx.rules import available_languages


@pytest.mark.parametrize("lang", available_languages())
def test_shipped_lemma_tables_are_up_to_date(lang):
    full = full_lemma_table(lang)
    if full is None:
        pytest.skip("spacy-lookups-data has no table for this language")
    from claimx.nlp import lexicon_of

    expected = rule_lemma_table(lang, full, lexicon_of(build_nlp(lang)))
    shipped = json.loads(model_path("lemmas", f"{lang}.json").read_text("utf-8"))
    assert shipped == expected, "rules changed: run python scripts/build_models.py"


def test_lemmas_reach_rule_words():
    """An inflected form that matches no pattern itself is tagged through its lookup lemma."""
    from claimx.nlp import SPANS_KEY, lexicon_of

    nlp = build_nlp("sv")
    assert not lexicon_of(nlp).word_matches("aktiverade")
    doc = nlp("Magnesium aktiverade enzymet. Aktiverades det?")
    tagged = {(s.text, s.id_) for s in doc.spans[SPANS_KEY]}
    assert ("aktiverade", "sv.effect.improve") in tagged
    assert ("Aktiverades", "sv.effect.improve") in tagged  # capitalised: lowercase fallback
