"""Each speed change of issue #16 against the plain definition it replaces, on every real text we
have (the seeds, ../shared/dev, corpus/) and on sentences written here: the fast path must give
exactly what the plain one gives. (The end-to-end check is benchmarks/identity.py --compare,
byte-identical output on the seeds, dev, corpus and 5,000 benchmark documents.)"""

import itertools
import math
from pathlib import Path

import numpy as np
import pytest

from claimx.language import Guess, ngram_model, paragraphs
from claimx.nlp import SPANS_KEY, build_nlp, lexicon_of, rule_spans_of
from claimx.rules import Lexicon, Pattern, word_fits

ROOT = Path(__file__).resolve().parent.parent
OWN = {
    "sv": "Risken för hjärt- och kärlsjukdom och risken för typ 2-diabetes sjönk; astma sprays och "
          "kanelkapslar hjälpte inte mot Alzheimers sjukdom eller högt blodtryck.",
    "da": "Risikoen for hjerte-kar-sygdom faldt, mens astma spray og lunge funktion ikke ændrede sig "
          "ved type 1-diabetes eller forhøjet blodtryk.",
    "nb": "Risikoen for hjerte- og karsykdom gikk ned, og høyt blodtrykk ble ikke påvirket av "
          "omega-3-fettsyrer hos personer med diabetes type 2.",
    "en": "The risk of heart disease and high blood pressure fell, while vitamin D3 did not change "
          "type 2 diabetes or Alzheimer's disease in older adults.",
}


def _texts(shared: Path | None) -> list[tuple[str, str]]:
    """(lang, paragraph) of every real text and of the sentences above."""
    found = [(lang, text) for lang, text in OWN.items()]
    folders = [ROOT / "corpus"] + ([shared / "seeds", shared / "dev" / "texts"] if shared else [])
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            lang = next((code for code in ("sv", "da", "nb", "en") if path.name.startswith(code)), None)
            text = path.read_text("utf-8")
            if lang is None:
                from claimx.language import identify

                lang = identify(text).code
            if lang in OWN:
                found += [(lang, text[s:e]) for s, e in paragraphs(text)]
    return found


@pytest.fixture(scope="module")
def texts():
    shared = ROOT.parent / "shared"
    return _texts(shared if (shared / "seeds").is_dir() else None)


def plain_phrases(lexicon: Lexicon, tokens: list[str], i: int) -> list[Pattern]:
    """The definition: every phrase starting with token i whose every word fits (word_fits), in
    phrase_candidates order, as the rule component tested them before the word trie."""
    return [p for p in lexicon.phrase_candidates(tokens[i])
            if i + len(p.words) <= len(tokens)
            and all(word_fits(p, k, tokens[i + k]) for k in range(1, len(p.words)))]


def _text_at(tokens: list[str]):
    return lambda j: tokens[j] if j < len(tokens) else None


def test_the_phrase_trie_finds_exactly_the_fitting_phrases_in_order(texts):
    checked = 0
    for lang, text in texts:
        lexicon = lexicon_of(build_nlp(lang))
        tokens = [t.text for t in build_nlp(lang).make_doc(text)]
        text_at = _text_at(tokens)
        for i, word in enumerate(tokens):
            if lexicon.phrase_candidates(word):
                fast = lexicon.phrases_at(word, text_at, i)
                assert fast == plain_phrases(lexicon, tokens, i), (lang, tokens[i:i + 5])
                checked += bool(fast)
    assert checked > 50  # the texts do hold phrases


def test_the_phrase_step_test_never_stops_a_phrase_that_fits(texts):
    """phrases_at() is asked only when phrase_continues() says the next token can go on with a
    phrase: it is true of every pair for which phrases_at finds a phrase, cased and uncased, and
    false for most pairs (otherwise it saves nothing)."""
    found = stopped = 0
    own = [("sv", "Risken för diabetes, risken ökar; RISKEN FÖR astma och Risken för typ 2-diabetes."),
           ("da", "Risikoen for hjerte-kar-sygdom og risikoen ved at tage jern")]
    for lang, text in [*texts, *own]:
        lexicon = lexicon_of(build_nlp(lang))
        tokens = [t.text for t in build_nlp(lang).make_doc(text)]
        for i, word in enumerate(tokens[:-1]):
            if not lexicon.phrase_candidates(word):
                continue
            if lexicon.phrases_at(word, _text_at(tokens), i):
                found += 1
                assert lexicon.phrase_continues(word, tokens[i + 1]), (lang, tokens[i:i + 4])
            elif not lexicon.phrase_continues(word, tokens[i + 1]):
                stopped += 1
    assert found > 50 and stopped > found


def test_the_letter_gate_never_stops_a_name_written_apart(texts):
    """written_apart() is tried only when the next word starts with one of apart_letters(word):
    every pair it would find something for passes the gate."""
    found = 0
    for lang, text in [*texts, ("sv", "Han tog astma sprays och lunge funktion; Kan ell")]:
        lexicon = lexicon_of(build_nlp(lang))
        tokens = [t.text for t in build_nlp(lang).make_doc(text)]
        for word, following in itertools.pairwise(tokens):
            if word.isalpha() and lexicon.may_start_apart(word.lower()) and lexicon.written_apart(word, following):
                found += 1
                assert following[:1] in lexicon.apart_letters(word), (word, following)
    assert found  # "astma sprays" at least


def test_the_component_spans_are_those_of_the_span_group(texts):
    for lang, text in texts[:400]:
        doc = build_nlp(lang)(text)
        reused = [(s.start, s.end, s.label_, s.id_) for s in rule_spans_of(doc)]
        assert reused == [(s.start, s.end, s.label_, s.id_) for s in doc.spans[SPANS_KEY]]


def test_a_text_scored_again_in_an_article_gets_the_same_scores(texts):
    model = ngram_model()
    model.forget()
    for _, text in texts[:300]:
        first = model.vector(text)
        again = model.vector(text)
        fresh = model._vector(text)
        assert again is first
        assert first[1] == fresh[1] and np.array_equal(first[0], fresh[0])
    model.forget()
    assert not model._scored


def plain_decide(model, totals: np.ndarray, count: int, allowed=None) -> tuple[Guess, float]:
    """decide() as it was, on numpy scalars."""
    columns = [i for i, lang in enumerate(model.languages) if allowed is None or lang in allowed]
    best = max(columns, key=lambda i: totals[i])
    temperature = max(1.0, count / 25)
    total = sum(math.exp((totals[i] - totals[best]) / temperature) for i in columns)
    return Guess(code=model.languages[best], confidence=round(1 / total, 4)), float(totals[best]) / max(1, count)


def test_deciding_on_python_floats_changes_no_guess(texts):
    model = ngram_model()
    rng = np.random.default_rng(3)
    cases = [model._vector(text) for _, text in texts[:500]]
    cases += [(rng.normal(-400, 30, len(model.languages)), int(rng.integers(1, 900))) for _ in range(500)]
    cases.append((np.array([-10.0, -10.0, -10.0, -10.0]), 4))  # a tie: the first column wins, as before
    for totals, count in cases:
        for allowed in (None, {"sv", "da"}):
            assert model.decide(totals, count, allowed) == plain_decide(model, totals, count, allowed)


def test_lowercasing_agrees_with_ignorecase_on_the_case_safe_characters():
    """WordScreen's premise: below U+0250, outside BEYOND_CASE_SAFE, a character matches a
    lowercase letter under re.IGNORECASE exactly when its one-character lowercase is that letter."""
    import re

    from claimx.dose import BEYOND_CASE_SAFE

    safe = [chr(c) for c in range(0x250) if not BEYOND_CASE_SAFE.match(chr(c))]
    assert len(safe) == 0x250 - 3 and "å" in safe and "Ø" in safe and "ſ" not in safe
    for char in safe:
        assert len(char.lower()) == 1, char
        for letter in {c.lower() for c in safe}:
            assert (re.fullmatch(re.escape(letter), char, re.I) is not None) == (char.lower() == letter), (char, letter)


@pytest.mark.parametrize("text", ["I 8 VECKOR", "i åtta veckor", "3 Måneder", "Ωmega i 3 DAGAR", "i 3 daſe",
                                  "İ 2 år", "ſex uker", "nothing here", "2 ÅR", "ı dag", ""])
def test_a_word_screen_is_the_case_insensitive_search(text):
    import re

    from claimx.dose import WordScreen

    words = ["veckor", "måneder", "dagar", "år", "uker", "dag", "dase"]
    screen = WordScreen(words)
    assert screen.search(text) == bool(re.search("|".join(words), text, re.I)), text
    assert screen.search(text + " x") == screen.search("x " + text)


def test_the_duration_screen_passes_every_sentence_with_a_duration(texts):
    """find_durations skips a sentence without a duration unit: its patterns find nothing there."""
    from claimx.dose import duration_screen, grammar
    from claimx.nlp import segment_text

    own = {"sv": "Ta 200 mg i åtta veckor; en sexmånadersstudie pågick i 2,5 år.",
           "da": "Tag 25 µg om dagen i 3 måneder, et treårsforsøg.",
           "nb": "Ta 1000mg daglig i to uker, i ett år.",
           "en": "Take 400 mg a day for 12 weeks, in a six-month trial."}
    hits = 0
    for lang, text in [*texts, *own.items()]:
        g = grammar(lang)
        for sentence in segment_text(text, lang):
            if g.duration.search(sentence) or g.glued.search(sentence):
                hits += 1
                assert duration_screen(lang).search(sentence), sentence
    assert hits > 20


def test_a_sentence_code_is_the_code_of_its_sentence_language(texts):
    """sentence_code skips the calibration when the model's best guess is the paragraph's language;
    on every sentence-sized piece of every text, under every paragraph language, it names the same
    language as sentence_language, including the sentences that do flip (other languages, short
    lines, weak sv/da/nb swaps)."""
    import re

    from claimx.language import sentence_code, sentence_language

    pieces = {piece.strip() for _, text in texts for piece in re.split(r"(?<=[.!?])\s+", text)}
    pieces |= {"Vitamin D and calcium are important for the bones.", "Zink.", "D-vitamin styrker knoglerne.",
               "Vitamin D vahvistaa luita ja hampaita talvella.", "x" * 2500 + " og magnesium hjælper"}
    flipped = 0
    for piece in sorted(pieces):
        for paragraph in (Guess("sv", 0.99), Guess("da", 0.7), Guess("nb", 0.95), Guess("en", 0.99)):
            ngram_model().forget()
            plain = sentence_language(piece, paragraph).code
            ngram_model().forget()
            assert sentence_code(piece, paragraph) == plain, (piece, paragraph)
            flipped += plain != paragraph.code
    assert flipped > 100  # the slow path is exercised too, not only the shortcut
