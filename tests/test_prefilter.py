"""The paragraph prefilter never changes a result: it only skips work that finds nothing."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimx.language import identify
from claimx.nlp import SPANS_KEY, build_nlp, gate_of
from claimx.pipeline import Block, extract_claims
from claimx.prefilter import GATE_LABELS
from claimx.rules import key_scan

ROOT = Path(__file__).resolve().parents[1]


def claims_both_ways(text: str) -> tuple[list, list]:
    language = identify(text)
    blocks = [Block(p.start, p.end, p.code, p.confidence) for p in language.paragraphs
              if p.code in ("sv", "da", "nb", "en")]
    fast = extract_claims(text, blocks, "doc", prefilter=True)
    full = extract_claims(text, blocks, "doc", prefilter=False)
    return [c.model_dump() for c in fast], [c.model_dump() for c in full]


def corpus_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


@pytest.mark.parametrize("index", range(len(corpus_texts())))
def test_same_claims_with_and_without_prefilter_on_the_corpus(index):
    fast, full = claims_both_ways(corpus_texts()[index])
    assert fast == full


def test_same_claims_on_the_seeds(shared_dir):
    for path in sorted((shared_dir / "seeds").iterdir()):
        fast, full = claims_both_ways(path.read_text("utf-8"))
        assert fast == full, path.name


PARAGRAPHS = [line for text in corpus_texts() for line in text.splitlines() if line.strip()] + [
    "Tillskottet minskade risken för migrän med 30 % under tolv veckor.",  # implied substance
    "Det hjälpte mot huvudvärk hos 40 patienter.",
    "Tillskottet gav effekt redan efter tre veckor med 200 mg per dag.",  # implied, dose and duration only
    "Preparatet virkede efter otte uger.",
    "Referenser",
    "Kilder",
    "Läs mer: magnesium.se/butik",
    "Vi talade med forskaren om vädret och valet i höstas.",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=8))
# a lead-in, then a line of two short sentences the prefilter skipped, then an item: the list goes on
@example(paragraphs=["Almindelige bivirkninger ved omeprazol kan være:",
                     "Kilde: Guo Q m.fl. Cochrane Database of Systematic Reviews, 2019.",
                     "Jern og træthed hos kvinder"])
def test_same_claims_on_shuffled_paragraphs(paragraphs):
    """Topic substances, implied substances, closing headings and boilerplate in any order."""
    fast, full = claims_both_ways("\n".join(paragraphs))
    assert fast == full


def test_every_gated_match_passes_the_gate():
    """Wherever a substance or closing-heading rule matches, the gate says the text may match."""
    for lang in ("sv", "da", "nb", "en"):
        nlp = build_nlp(lang)
        for line in PARAGRAPHS + ["MgO och Ca-tillskott", "jodidbrist", "B12-vitaminet", "St John's wort"]:
            doc = nlp(line)
            if any(s.label_ in GATE_LABELS for s in doc.spans[SPANS_KEY]):
                assert gate_of(nlp).may_match(line), (lang, line)


def test_gate_skips_plain_prose():
    gate = gate_of(build_nlp("sv"))
    assert not gate.may_match("Vi talade med forskaren om vädret och valet i höstas.")
    assert gate.may_match("Hon tog MAGNESIUMCITRAT varje kväll.")  # case-insensitive for lowercase patterns
    assert gate.may_match("400 mg MgO")  # cased symbol
    assert not gate.may_match("400 mg mgo")  # ... only in its own case


def test_key_scan_finds_any_word():
    scan = key_scan(anywhere=frozenset({"magnesium", "mag", "zink", "b12"}))
    assert scan.search("ett magiskt tal")
    assert scan.search("vitamin b12")
    assert not scan.search("ma gnesium zin k b1 2")
    assert key_scan() is None


def test_key_scan_start_keys_only_where_a_token_can_start():
    scan = key_scan(starts=frozenset({"mg", "zink"}))
    assert scan.search("400mg per dag")  # after a digit
    assert scan.search("(zink)") and scan.search("zink") and scan.search("tog zinkkapslar")
    assert not scan.search("amgen") and not scan.search("järnzinkoxid")  # inside a word
    assert scan.search("amgen och zink")  # a later occurrence counts


LETTER = re.compile(r"[^\W\d_]")


def token_starts_after_a_letter(nlp, text: str) -> list[str]:
    """Tokens beginning with a letter or digit right after a letter, outside tokenizer special cases."""
    special = [s for s, tokens in nlp.tokenizer.rules.items() if len(tokens) > 1]
    found = []
    for token in nlp.make_doc(text):
        if token.idx and LETTER.match(text[token.idx - 1]) and token.text[0].isalnum():
            chunk = text[text.rfind(" ", 0, token.idx) + 1:].split(" ")[0]
            if not any(s in chunk for s in special):
                found.append(token.text)
    return found


def test_tokens_begin_after_no_letter_on_ud(shared_dir):
    """The gate's start-of-token rule, checked on every UD dev and test sentence."""
    from claimx.rules import available_languages

    names = {"sv": "sv_talbanken", "da": "da_ddt", "nb": "no_bokmaal", "en": "en_ewt"}
    for lang in available_languages():
        nlp = build_nlp(lang)
        for path in sorted((shared_dir / "ud").glob(f"*/{names[lang]}-ud-*.conllu")):
            for line in path.read_text("utf-8").splitlines():
                if line.startswith("# text = "):
                    assert token_starts_after_a_letter(nlp, line[9:]) == [], (lang, line)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["sv", "da", "nb", "en"]),
       st.text(alphabet="abcåäöøæABÅÄ12-–/.,:;!?()[]\"'»”%+=<>&*_#@$€ ", max_size=40))
def test_tokens_begin_after_no_letter_on_symbol_soup(lang, text):
    assert token_starts_after_a_letter(build_nlp(lang), text) == []


def test_special_cases_that_split_inside_a_word_are_keys_of_their_own():
    """English "cannot" is tokenized "can" + "not": a substance "not" must still pass the gate."""
    from claimx.prefilter import build_gate
    from claimx.rules import Lexicon, RuleEntry, parse_pattern

    nlp = build_nlp("en")
    entry = RuleEntry(id="test.substance.not", label="SUBSTANCE", patterns=["not"], name="not")
    lexicon = Lexicon(entries={entry.id: entry}, version="test")
    lexicon.add(parse_pattern(entry, "not", lambda text: [t.text for t in nlp.make_doc(text)]))
    assert any(s.text == "not" for s in nlp.make_doc("we cannot say"))
    assert not build_gate(lexicon, None).may_match("we cannot say")  # without the special cases
    gate = build_gate(lexicon, None, nlp.tokenizer.rules)
    assert gate.may_match("we cannot say")
    assert gate.may_match("not now")
    assert not gate.may_match("knot")  # "not" inside a word is no token start


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["sv", "da", "nb", "en"]), st.data())
def test_quantity_screen_finds_every_dose_and_duration(lang, data):
    from claimx.dose import find_doses, find_durations, grammar, quantity_screen

    g = grammar(lang)
    amount = data.draw(st.sampled_from(["400", "1,5", "2.028", "1 000", "12"] + sorted(g.numbers)))
    unit = data.draw(st.sampled_from(sorted(g.units) + sorted(g.durations)))
    glue = data.draw(st.sampled_from(["", " ", "  ", "-", " - 500 ", "–"]))
    before = data.draw(st.sampled_from(["", "Ta ", "i ", "(", "ca. ", "x", "Slut.", "4"]))
    after = data.draw(st.sampled_from(["", ".", " dagligen", "s", "ar", ")", "/dag"]))
    text = before + amount + glue + unit + after
    if find_doses(text, lang) or find_durations(text, lang):
        assert quantity_screen(lang).search(text), text
