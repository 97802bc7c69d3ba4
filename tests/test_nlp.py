"""The array-based sentence and rule components agree with their plain per-token definitions."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.nlp import (
    CLOSERS,
    FLAG_RULE,
    NO_START_FIRST,
    SENTENCE_END,
    SPANS_KEY,
    build_nlp,
    lemma_table,
    lexicon_of,
    vitamin_compound,
    word_patterns,
)
from claimx.rules import word_fits


def plain_sentence_starts(doc) -> list[bool]:
    """The definition, token by token: a start follows an end unless lowercase or ,;:)] follows."""
    starts, after_end = [], False
    for i, token in enumerate(doc):
        if i == 0:
            starts.append(True)
            continue
        if token.is_space:
            starts.append(False)
            continue
        first = token.text[0]
        starts.append(after_end and not first.islower() and first not in NO_START_FIRST)
        after_end = token.text in SENTENCE_END or (token.text in CLOSERS and after_end)
    return starts


def plain_rule_spans(doc, lang: str) -> set[tuple[int, int, str]]:
    """Rule spans found by trying every token, not only flagged ones."""
    lexicon, lemmas = lexicon_of(build_nlp(lang)), lemma_table(lang)
    found = set()
    for token in doc:
        if token.is_space:
            continue
        for pattern in word_patterns(token.text, lexicon, lemmas):
            found.add((token.i, token.i + 1, pattern.entry.id))
        if token.i + 1 < len(doc):  # "vitamin D-tilskudd" read as "D-vitamintilskudd"
            for pattern in vitamin_compound(token.text, doc[token.i + 1].text, lexicon, lemmas):
                found.add((token.i, token.i + 2, pattern.entry.id))
        for pattern in lexicon.phrase_candidates(token.text):
            end = token.i + len(pattern.words)
            if end <= len(doc) and all(word_fits(pattern, k, doc[token.i + k].text)
                                       for k in range(len(pattern.words))):
                found.add((token.i, end, pattern.entry.id))
    return found


TEXTS = [
    "Magnesium hjälper. Sömnen blev bättre (enligt studien.) Nästa mening!",
    "Ta ca. 400 mg dagligen, t.ex. som magnesiumcitrat. ”Det hjälper.” Sedan: inget mer.",
    ". Första token är punkt. ) och ]. Sen?! Ja!! Nej... Kanske … Slut",
    "  inledande mellanrum.  Två  mellanrum. \t Tab.",
    "Studier på mennesker viser at D-vitamin kan nedsætte risikoen for type 2-diabetes. Inga Ingan.",
    "Vitamin D-tilskudd og vitamin B12-mangel, vitamin E-tilskott; vitamin 3-tal.",
    "",
    ".",
    "»Citat.» ”Citat.” 'x.' \"y.\") z.",
]
WORDS = ["Magnesium", "magnesiumoxid", "kan", "minska", "migrän", "migränanfall", ".", "!", "?", ")", "]",
         "”", "»", '"', "'", ",", ";", ":", "ca.", "Det", "det", "  ", "\n", "typ", "2-diabetes", "D-vitamin",
         "aktiverade", "Aktiverades", "Inga", "ingen", "blodtryck", "…", "x"]


def _check(lang: str, text: str) -> None:
    nlp = build_nlp(lang)
    doc = nlp(text)
    assert [bool(t.is_sent_start) for t in doc] == plain_sentence_starts(doc), text
    tagged = {(s.start, s.end, s.id_) for s in doc.spans[SPANS_KEY]}
    plain = plain_rule_spans(doc, lang)
    assert tagged <= plain, text
    # No token where a plain match starts is skipped by the per-word flag.
    assert all(doc[start].check_flag(FLAG_RULE) for start, _, _ in plain), text
    # A word with no plain match is not flagged (the flag would only waste time, but says the same).
    assert not any(t.check_flag(FLAG_RULE) for t in doc if t.i not in {s for s, _, _ in plain}
                   and not lexicon_of(nlp).phrase_candidates(t.text)), text


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lang", ["sv", "da", "nb", "en"])
def test_components_match_plain_definitions(lang, text):
    _check(lang, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=30), st.sampled_from(["sv", "da"]))
def test_components_match_plain_definitions_on_random_token_soup(words, lang):
    _check(lang, " ".join(words))


def unscreened_matches(lexicon, word: str) -> tuple:
    """Lexicon.word_matches without its screen: the affix lookups on every word."""
    lower = word.lower()
    found = tuple(lexicon._lookup(lower, ""))
    if word != lower or not word.isalpha():
        found += tuple(lexicon._lookup(word, "\x01"))
    return found


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["sv", "da", "nb", "en"]), st.text(max_size=4), st.integers(0, 10_000),
       st.text(max_size=4), st.booleans())
def test_screen_never_hides_a_match(lang, before, pick, after, upper):
    lexicon = lexicon_of(build_nlp(lang))
    stems = sorted({p.words[0] for table in (lexicon.exact, lexicon.prefix, lexicon.suffix)
                    for patterns in table.values() for p in patterns} | {p.words[0] for p in lexicon.infix})
    word = before + stems[pick % len(stems)] + after
    word = word.upper() if upper else word
    assert lexicon.word_matches(word) == unscreened_matches(lexicon, word)


@pytest.mark.parametrize("lang,text,sentences", [
    ("sv", "Zink lindrar värk vid artros.15 Nästa studie var liten.",
     ["Zink lindrar värk vid artros.", "15 Nästa studie var liten."]),
    ("da", "Zink lindrer smerter ved gigt.2-6 Det næste forsøg var lille.",
     ["Zink lindrer smerter ved gigt.", "2-6 Det næste forsøg var lille."]),
    ("nb", "Sink lindrer smerter ved artrose.7,8 Neste studie var liten.",
     ["Sink lindrer smerter ved artrose.", "7,8 Neste studie var liten."]),
    ("en", "Zinc eases pain in arthritis.12 The next trial was small.",
     ["Zinc eases pain in arthritis.", "12 The next trial was small."]),
    ("en", "A dose of 2.5 mg daily.", ["A dose of 2.5 mg daily."]),  # a decimal is no footnote
])
def test_reference_number_after_a_final_stop(lang, text, sentences):
    doc = build_nlp(lang)(text)
    assert [s.text.strip() for s in doc.sents] == sentences
