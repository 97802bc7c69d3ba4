"""The EU register and EFSA upper levels: the data, the verdict rules, and claims grouped across articles.

Every sentence here is written for this file.
"""

import json

import pytest
from click.testing import CliRunner
from helpers import claims_of

from claimx.cli import main
from claimx.errors import RuleError
from claimx.regulatory import health_claims, upper_levels

# (lang, sentence, verdict of its benefit claim (or of its only claim), kind)
VERDICTS = [
    # the examples
    ("sv", "Magnesium bidrar till att minska trötthet och utmattning.", "authorised", "disease"),
    ("sv", "Magnesium förebygger migrän.", "disease_claim", "disease"),
    ("da", "C-vitamin kurerer forkølelse.", "disease_claim", "disease"),
    ("da", "Glukosamin styrker leddene.", "not_authorised", "function"),
    # authorised: the register's function and risk-reduction claims, in the four languages
    ("da", "Magnesium bidrager til at reducere træthed og udmattelse.", "authorised", "disease"),
    ("nb", "Magnesium bidrar til å redusere tretthet og utmattelse.", "authorised", "disease"),
    ("en", "Magnesium contributes to the reduction of tiredness and fatigue.", "authorised", "disease"),
    ("sv", "D-vitamin bidrar till att bibehålla normal benstomme.", "authorised", "function"),
    ("da", "C-vitamin bidrager til immunsystemets normale funktion.", "authorised", "function"),
    ("en", "Vitamin C contributes to the normal function of the immune system.", "authorised", "function"),
    ("nb", "Jern bidrar til normal dannelse av røde blodceller.", "authorised", "function"),
    ("sv", "Zink bidrar till ett normalt immunförsvar.", "authorised", "function"),
    ("en", "Calcium is needed for the maintenance of normal bones.", "authorised", "function"),
    ("en", "Folic acid supplementation reduces the risk of neural tube defects.", "authorised", "risk_reduction"),
    ("da", "Plantesteroler sænker kolesterolet i blodet.", "authorised", "function"),
    # disease claims: a food or supplement said to prevent, treat or cure a disease
    ("nb", "Sink kurerer forkjølelse.", "disease_claim", "disease"),
    ("en", "Zinc prevents colds.", "disease_claim", "disease"),
    ("sv", "Omega-3 botar depression.", "disease_claim", "disease"),
    ("da", "Gurkemeje helbreder gigt.", "disease_claim", "disease"),
    ("en", "Vitamin D cures multiple sclerosis.", "disease_claim", "disease"),
    ("sv", "C-vitamin minskar risken för cancer.", "disease_claim", "risk_reduction"),
    # function claims the register does not hold
    ("en", "Ashwagandha improves sleep quality.", "not_authorised", "function"),
    ("sv", "Kollagen förbättrar hudens elasticitet.", "not_authorised", "function"),
    ("nb", "Rosmarin forbedrer hukommelsen.", "not_authorised", "function"),
    # not applicable: drugs, harm, no effect, association
    ("sv", "Ibuprofen lindrar huvudvärk.", "not_applicable", "disease"),
    ("en", "Statins lower cholesterol.", "not_applicable", "function"),
    ("sv", "Höga doser zink kan ge illamående.", "not_applicable", "none"),
    ("da", "C-vitamin havde ingen effekt på forkølelse.", "not_applicable", "none"),
    ("nb", "Jern kan gi forstoppelse.", "not_applicable", "none"),
    ("en", "Low vitamin D is associated with depression.", "not_applicable", "none"),
]


@pytest.mark.parametrize("lang,text,verdict,kind", VERDICTS)
def test_verdict(lang, text, verdict, kind):
    claims = [c for c in claims_of(text, lang) if c.condition or c.target]
    assert claims, text
    for claim in claims:
        assert (claim.regulatory.verdict, claim.regulatory.kind) == (verdict, kind), claim.sentence.text
        assert bool(claim.regulatory.authorised) == (verdict == "authorised")


# (lang, sentence, the daily amount in the UL's unit or None when not over, UL, population)
DOSES = [
    ("da", "Tag 600 mg magnesium dagligt.", 600, 250, "adults"),  # the examples
    ("sv", "Ta 20 µg D-vitamin om dagen.", None, None, None),
    ("sv", "Vuxna kan ta 10 000 IE D-vitamin om dagen.", 250, 100, "adults"),  # IU: 40 per µg
    ("en", "Take 4000 IU vitamin D per day.", None, None, None),  # 100 µg: at the UL, not over it
    ("nb", "Barn bør ikke få mer enn 40 mg sink daglig.", 40, 7, "children 1-3 years"),
    ("en", "Take 50 mg zinc twice daily.", 100, 25, "adults"),
    ("da", "Tag 2 x 200 µg selen om dagen.", 400, 255, "adults"),
    ("nb", "Ta 15 mg jern daglig.", None, None, None),
    ("sv", "Ta 300 mg magnesium om dagen.", 300, 250, "adults"),
    ("en", "Take 200 mg magnesium a day.", None, None, None),
]


@pytest.mark.parametrize("lang,text,amount,ul,population", DOSES)
def test_dose_above_the_upper_level(lang, text, amount, ul, population):
    [claim] = [c for c in claims_of(text, lang) if c.dose]
    over = claim.regulatory.dose_above_ul
    if amount is None:
        assert over is None
    else:
        assert (over.dose_per_day, over.ul, over.population) == (amount, ul, population)
        assert over.source.startswith(("EFSA", "SCF")) and over.year >= 2000
    assert claim.regulatory.verdict == "not_applicable"  # a dose statement claims no effect


def test_magnesium_upper_level_covers_supplements_only():
    [claim] = [c for c in claims_of("Tag 600 mg magnesium dagligt.", "da") if c.dose]
    assert claim.regulatory.dose_above_ul.basis == "supplemental"


def test_tables_load_and_every_entry_names_its_legal_source():
    claims, limits = health_claims(), upper_levels()
    assert len(claims) >= 150 and len(limits) >= 50
    assert all("Reg" in c.source and c.wording and c.outcomes for c in claims)
    assert {c.type for c in claims} == {"function", "risk_reduction", "children"}
    assert all(lim.source and 2000 <= lim.year <= 2026 for lim in limits)
    names = {c.substance for c in claims}
    for nutrient in ("magnesium", "vitamin d", "vitamin c", "zinc", "iron", "calcium", "folic acid", "omega-3"):
        assert nutrient in names
    adults = {lim.substance: lim for lim in limits if lim.population == "adults"}
    assert (adults["magnesium"].ul, adults["magnesium"].unit, adults["magnesium"].basis) == (250, "mg", "supplemental")
    assert (adults["vitamin d"].ul, adults["vitamin d"].unit) == (100, "ug")


@pytest.mark.parametrize("table,line,message", [
    ("health_claims", "mg.x\tunobtainium\tfunction\tcontributes\t\ttarget:bone\tReg. 432/2012\t\t\t",
     "unknown substance id 'unobtainium'"),
    ("health_claims", "mg.x\tmagnesium\tfunction\tcontributes\t\ttarget:nope\tReg. 432/2012\t\t\t",
     "unknown outcome 'target:nope'"),
    ("health_claims", "mg.x\tmagnesium\tmiracle\tcontributes\t\ttarget:bone\tReg. 432/2012\t\t\t",
     "type 'miracle'"),
    ("health_claims", "mg.x\tmagnesium\tfunction\tcontributes", "4 fields, expected 10"),
    ("upper_levels", "unobtainium\tadults\t250\tmg\tsupplemental\t\tEFSA\t2001", "unknown substance id"),
    ("upper_levels", "zinc\tgrown-ups\t25\tmg\ttotal\t\tEFSA\t2003", "population 'grown-ups'"),
    ("upper_levels", "zinc\tadults\tmany\tmg\ttotal\t\tEFSA\t2003", "ul must be a number"),
])
def test_table_errors_name_the_file_and_line(monkeypatch, table, line, message):
    import claimx.regulatory as regulatory

    headers = {"health_claims": "id\tsubstance\ttype\twording_en\tconditions\toutcomes\tsource\twording_sv\t"
                                "wording_da\twording_nb",
               "upper_levels": "substance\tpopulation\tul\tunit\tbasis\tnote\tsource\tyear"}
    text = f"# test table\n{headers[table]}\n{line}\n"
    monkeypatch.setattr(regulatory, "regulatory_files", lambda: ((f"rules/regulatory/{table}.tsv", text),))
    load = regulatory.health_claims if table == "health_claims" else regulatory.upper_levels
    load.cache_clear()
    try:
        with pytest.raises(RuleError) as raised:
            load()
        assert f"rules/regulatory/{table}.tsv:3: " in str(raised.value) and message in str(raised.value)
    finally:
        load.cache_clear()


def test_a_correction_updates_the_flags(tmp_path):
    from claimx.review import apply_corrections

    [claim] = claims_of("Magnesium förebygger migrän.", "sv")
    corrected = apply_corrections(claim, {"polarity": "harm"})
    assert corrected.regulatory.verdict == "not_applicable" and claim.regulatory.verdict == "disease_claim"


# --- the same claim across articles ----------------------------------------------------------

def _groups(claims_file, *extra):
    result = CliRunner().invoke(main, ["claims", str(claims_file), "--format", "jsonl", *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _expected(records):
    """Each group's (articles, mentions), counted from the records directly."""
    found = {}
    for record in records:
        for c in record.claims:
            outcome = c.condition.name if c.condition else c.target.name if c.target else ""
            key = (c.substance.name, outcome, c.polarity or "")
            sources, mentions = found.get(key, (set(), 0))
            found[key] = (sources | {record.source}, mentions + 1)
    return {k: (len(s), m) for k, (s, m) in found.items()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory, corpus_dir, shared_dir):
    root = tmp_path_factory.mktemp("groups")
    out = {}
    for name, folder in (("corpus", corpus_dir), ("seeds", shared_dir / "seeds")):
        out[name] = root / f"{name}.jsonl"
        assert CliRunner().invoke(main, ["run", str(folder), "-o", str(out[name]), "-j", "1"]).exit_code in (0, 1)
    return out


@pytest.mark.parametrize("name", ["corpus", "seeds"])
def test_groups_count_articles_and_mentions(runs, name):
    from claimx.review import load_records

    records = load_records(runs[name])
    groups = _groups(runs[name])
    expected = _expected(records)
    assert {(g["substance"], g["outcome"], g["polarity"]): (g["articles"], g["mentions"]) for g in groups} == expected
    assert sum(g["mentions"] for g in groups) == sum(len(r.claims) for r in records)
    assert [g["articles"] for g in groups] == sorted((g["articles"] for g in groups), reverse=True)
    for g in groups:
        assert sum(g["certainty"].values()) == sum(g["evidence"].values()) == sum(g["verdicts"].values()) == \
            g["mentions"]
        assert len(g["sources"]) == g["articles"]
    if name == "seeds":  # magnesium against migraine is claimed in all five seed articles
        migraine = next(g for g in groups if (g["substance"], g["icd10"], g["polarity"]) ==
                        ("magnesium", "G43", "benefit"))
        assert migraine["articles"] == 5 and migraine["verdicts"] == {"disease_claim": migraine["mentions"]}


def test_groups_apply_review_decisions_and_filter_by_verdict(runs, tmp_path):
    import shutil

    from claimx.review import ReviewStore, default_store_path, load_records

    claims_file = tmp_path / "corpus.jsonl"
    shutil.copy(runs["corpus"], claims_file)
    records = load_records(claims_file)
    before = _groups(claims_file)
    record = next(r for r in records if r.claims)
    rejected = record.claims[0]
    with ReviewStore(default_store_path(claims_file)) as store:
        store.decide(rejected, record, "rejected", reviewer="ann")
    after = _groups(claims_file)
    assert sum(g["mentions"] for g in after) == sum(g["mentions"] for g in before) - 1
    assert all(rejected.id not in g["claim_ids"] for g in after)
    disease = _groups(claims_file, "--verdict", "disease_claim")
    assert disease and all(g["verdicts"].get("disease_claim") for g in disease)
    above = _groups(claims_file, "--above-ul")
    assert all(g["above_ul"] for g in above)
    table = CliRunner().invoke(main, ["claims", str(claims_file)]).stdout.splitlines()
    assert table[0].startswith("substance,outcome,outcome_type,icd10,polarity,articles,mentions")
    assert len(table) == len(after) + 1
