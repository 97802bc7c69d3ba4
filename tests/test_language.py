"""Document and paragraph language; Norwegian is never silently Danish."""

from pathlib import Path

import pytest

from claimx.language import detect, identify

SENTENCES = [
    ("sv", "Magnesium kan minska antalet migränanfall hos vuxna, enligt en ny svensk studie."),
    ("da", "Magnesium kan reducere hyppigheden af migræneanfald hos voksne, viser en ny dansk undersøgelse."),
    ("nb", "Magnesium kan redusere hyppigheten av migreneanfall hos voksne, viser en ny norsk undersøkelse."),
    ("en", "Magnesium may reduce the frequency of migraine attacks in adults, a new study shows."),
]


@pytest.mark.parametrize("code,text", SENTENCES)
def test_detect(code, text):
    assert detect(text).code == code


def test_deterministic():
    text = "Magnesium og hodepine hos barn"
    assert len({detect(text).code for _ in range(20)}) == 1


def test_mixed_document_paragraphs():
    text = ("Magnesium kan minska antalet migränanfall hos vuxna enligt flera nya svenska studier.\n"
            "Forskarna gav deltagarna magnesium varje dag i tre månader och såg färre anfall än i placebogruppen.\n"
            "In English: magnesium supplements may reduce how often adults get migraine attacks.\n"
            "Smith J, Brown K. Magnesium supplementation and migraine prevention in adults: a randomized trial.\n")
    lang = identify(text)
    assert lang.code == "sv"
    assert [p.code for p in lang.paragraphs] == ["sv", "sv", "en", "sv"]  # a citation takes the article's


def test_short_paragraph_takes_document_language():
    text = "Läs också\n" + SENTENCES[0][1] * 3
    lang = identify(text)
    assert lang.paragraphs[0].code == "sv"


def test_override():
    assert identify("whatever text", override="da").code == "da"


def test_no_letters():
    assert identify("12345 !!!").code == "und"


# Hand-written sentences (not from UD), in pairs that differ mainly in spelling.
DISAMBIGUATION = [
    ("sv", "Jag har inget emot att de kommer hit, men vi måste prata först."),
    ("da", "Jeg har ikke noget imod, at de kommer her, men vi skal tale sammen først."),
    ("nb", "Jeg har ikke noe imot at de kommer hit, men vi må snakke sammen først."),
    ("sv", "Barnen åt frukost tidigt i morse innan skolan började."),
    ("da", "Børnene spiste morgenmad tidligt i morges, før skolen begyndte."),
    ("nb", "Barna spiste frokost tidlig i morges før skolen begynte."),
    ("sv", "Läkaren rekommenderade mer motion och mindre socker."),
    ("da", "Lægen anbefalede mere motion og mindre sukker."),
    ("nb", "Legen anbefalte mer trening og mindre sukker."),
    ("da", "Hvis man tager tilskuddet hver dag, kan det hjælpe på søvnen."),
    ("nb", "Hvis man tar tilskuddet hver dag, kan det hjelpe på søvnen."),
    ("en", "Doctors recommended more exercise and less sugar."),
]


@pytest.mark.parametrize("code,text", DISAMBIGUATION)
def test_disambiguator(code, text):
    assert detect(text).code == code


def test_other_language_is_not_forced_into_a_supported_one():
    assert detect("Die Studie zeigte, dass Vitamin D das Risiko für Infektionen senken kann.").code == "de"
    assert detect("Tutkimuksen mukaan D-vitamiini vähentää hengitystieinfektioita aikuisilla.").code == "fi"


def test_norwegian_quote_in_danish_article():
    text = ("Magnesium kan reducere hyppigheden af migræneanfald hos voksne, viser en ny dansk undersøgelse.\n"
            "Legen anbefalte mer trening og mindre sukker, og hun sa at magnesium kan hjelpe mot hodepine.\n"
            "Tilskuddet blev givet dagligt i otte uger til alle deltagerne i forsøget.\n")
    lang = identify(text)
    assert lang.code == "da"
    assert [p.code for p in lang.paragraphs] == ["da", "nb", "da"]


@pytest.mark.parametrize("short", ["Ja.", "Nej", "OK!", "Tak.", "Hej hej"])
def test_very_short_sentences_take_the_paragraph_language(short):
    from claimx.language import Guess, sentence_language

    paragraph = Guess("nb", 0.99)
    assert sentence_language(short, paragraph) == paragraph


def test_model_ships_as_json():
    import json

    from claimx.language import model_path

    data = json.loads(model_path("langid.json").read_text("utf-8"))
    assert data["format"] == "claimx-langid/1" and data["languages"] == ["sv", "da", "nb", "en"]
    assert "dev" in data["trained_on"] and "test" not in data["trained_on"]


def test_langid_cli_levels(tmp_path):
    import json

    from click.testing import CliRunner

    from claimx.cli import main

    text = ("Magnesium kan minska migrän hos vuxna enligt en ny studie. Ja.\n"
            "Magnesium supplementation may prevent migraine in adults, a randomized trial found.\n")
    for level, expected in (("document", ["sv"]), ("paragraph", ["sv", "en"]), ("sentence", ["sv", "sv", "en"])):
        result = CliRunner().invoke(main, ["langid", "--level", level, "-"], input=text)
        rows = [json.loads(line) for line in result.output.splitlines()]
        assert [r["lang"] for r in rows] == expected
        for row in rows:
            assert text[row["start"]:row["end"]] == row["text"]
            assert set(row) == {"source", "start", "end", "text", "lang", "confidence"}


def test_claims_carry_their_sentence_language():
    from helpers import claims_of

    text = ("Magnesium kan reducere hyppigheden af migræneanfald hos voksne, viser en ny dansk undersøgelse.\n"
            "Magnesium kan redusere hodepine hos voksne, viser en ny norsk undersøkelse fra Oslo.\n")
    langs = {c.condition.name: c.language for c in claims_of(text) if c.condition}
    assert langs == {"migraine": "da", "headache": "nb"}


@pytest.mark.parametrize("text", [
    "", " \n\t ", "a", "ab", "Magnesium kan minska migränanfall.",
    "İstanbul ÅÄÖ straße Ωmega 😀 x\u200by", "lone \ud83d surrogate", "400–500 mg/dag (ca. 12 v.)", "tre  ord\u00a0här " * 40,
])
def test_vector_is_the_sum_over_the_plain_feature_definition(text):
    """The numpy scorer gives the naive Bayes sum of features(), the definition the trainer uses."""
    import json

    import numpy as np

    from claimx.language import features, model_path, ngram_model

    data = json.loads(model_path("langid.json").read_text("utf-8"))
    unseen = data["unseen"]
    expected = np.zeros(len(data["languages"]))
    count = 0
    for gram in features(text):
        expected += np.array(data["features"].get(gram, unseen))
        count += 1
    totals, n = ngram_model().vector(text)
    assert n == count
    assert np.allclose(totals, expected, rtol=1e-12, atol=1e-9)


def test_numbers_alone_do_not_send_a_text_to_langdetect(monkeypatch):
    """Digits lower every language's likelihood; only text whose words look foreign is shown to langdetect."""
    import claimx.language as language

    asked = []
    real = language.first_opinion
    monkeypatch.setattr(language, "first_opinion", lambda text, trials=2: asked.append(text) or real(text, trials))
    danish = "En meta-analyse med 2.028 deltagere viste, at 368 mg (1,5 g) pr. dag i 12 uger gav 23 % færre anfald."
    assert detect(danish).code == "da"
    assert asked == []
    german = "Die Teilnehmer nahmen täglich Magnesium ein und berichteten über deutlich weniger Kopfschmerzen."
    assert detect(german).code == "de"
    assert asked


# --- langdetect only for text that is plausibly another language -------------------------------

@pytest.fixture
def langdetect_calls(monkeypatch):
    import claimx.language as language

    calls = []
    original = language.first_opinion

    def counting(text, trials=language.LANGDETECT_TRIALS):
        calls.append(text)
        return original(text, trials)

    monkeypatch.setattr(language, "first_opinion", counting)
    return calls


SWEDISH_WITH_NOISE = (
    "Magnesium och sömn hos äldre vuxna\n"
    "Magnesium kan förbättra sömnen hos äldre, visar en ny studie från Lunds universitet.\n"
    "Deltagarna fick 320 mg magnesiumcitrat per dag i åtta veckor och sov i genomsnitt 25 minuter längre.\n"
    "Av Karin Lindqvist, Per Hallberg & Ulla Östberg, Lunds universitet, 2024-03-11\n"
    "1. Lindqvist K, Hallberg P, Östberg U, m.fl. Magnesium och sömn hos äldre. Läkartidningen. 2024;121:E4512.\n"
    "Läs mer: www.example.se/magnesium-somn?utm_source=nyhetsbrev&id=4512\n"
)


def test_names_numbers_and_references_never_reach_langdetect(langdetect_calls):
    from claimx.language import sentence_language
    from claimx.language import Guess

    lang = identify(SWEDISH_WITH_NOISE)
    assert lang.code == "sv"
    assert {p.code for p in lang.paragraphs} == {"sv"}
    for line in SWEDISH_WITH_NOISE.splitlines()[3:]:
        assert sentence_language(line, Guess("sv", 1.0)).code == "sv"
    assert langdetect_calls == []


def test_another_language_inside_an_article_still_found(langdetect_calls):
    text = SWEDISH_WITH_NOISE + ("Die Studie zeigte, dass Magnesium den Schlaf älterer Menschen verbessern kann, "
                                 "besonders bei jenen, die schlecht einschlafen.\n")
    lang = identify(text)
    assert lang.code == "sv"
    assert lang.paragraphs[-1].code == "de"
    assert len(langdetect_calls) >= 1


def test_a_german_article_stays_german():
    text = ("Magnesium und Schlaf\n"
            "Viele ältere Menschen nehmen Magnesium, um besser zu schlafen, und berichten von ruhigeren Nächten.\n"
            "Bei hohen Dosen verursacht Magnesiumoxid oft Durchfall, wie mehrere Studien zeigen.\n")
    lang = identify(text)
    assert lang.code == "de"
    assert [p.code for p in lang.paragraphs[1:]] == ["de", "de"]


# --- calibrated confidence -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zink.", "C-vitamin 1000 mg/dag.", "Omega-3 2 g.", "Selen 55 µg/dag.", "Jern og folat.", "Vitamin D3.",
])
def test_a_few_letters_give_no_high_confidence(text):
    guess = detect(text)
    assert guess is not None and guess.confidence < 0.9, guess


@pytest.mark.parametrize("code,text", [
    ("sv", "Magnesium kan ge diarré hos vissa."),
    ("sv", "Zink hjälper inte mot förkylning."),
    ("da", "Jern kan give mavesmerter hos nogle."),
    ("en", "Iron may cause nausea in some."),
])
def test_words_of_one_language_decide_a_short_text(code, text):
    guess = detect(text)
    assert guess is not None and guess.code == code


def test_longer_text_keeps_its_confidence():
    guess = detect("Magnesium kan minska antalet migränanfall hos vuxna, enligt flera studier som gjorts"
                   " under de senaste tjugo åren.")
    assert guess is not None and guess.code == "sv" and guess.confidence > 0.99


def test_confidence_is_calibrated_on_the_ud_test_sentences(shared_dir):
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "langid.py"
    spec = importlib.util.spec_from_file_location("langid_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sentences = module.load(shared_dir / "ud", None)
    rows, error = module.reliability(sentences)
    total = sum(r["units"] for r in rows)
    accuracy = sum(r["accuracy"] * r["units"] for r in rows) / total
    assert accuracy >= 0.953 and error <= 0.02
    for row in rows:  # no bin is much surer than it is right
        if row["units"] >= 50:
            assert row["confidence"] - row["accuracy"] <= 0.11, row
