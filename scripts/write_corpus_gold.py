"""Write corpus/gold/*.json from the hand-made annotations below (GOLD.md format).

The annotations are the developers' own reading of their sample articles;
keeping them as compact rows here makes review easier than editing JSON.
Run: python scripts/write_corpus_gold.py
"""

import json
from pathlib import Path

C = {  # condition name -> ICD-10 categories
    "osteoporosis": ["M81", "M80", "T14"], "respiratory infection": ["J22", "J06"], "common cold": ["J00"],
    "myocardial infarction": ["I21"], "depression": ["F32", "F33"], "hypercalcemia": ["E83"],
    "stroke": ["I63", "I64"], "hypertension": ["I10"], "atrial fibrillation": ["I48"], "asthma": ["J45"],
    "insomnia/sleep problems": ["G47", "F51"], "jet lag": ["G47"], "fatigue": ["R53"], "migraine": ["G43"],
    "headache": ["R51", "G44"], "dizziness": ["R42"], "nausea": ["R11"], "muscle cramps": ["R25"],
    "diarrhea": ["A09", "K52", "K59", "R19"], "infection": ["B99", "A49"], "acne": ["L70"],
    "anemia": ["D64", "D50", "D51"], "copper deficiency": ["E61"], "constipation": ["K59"],
    "abdominal cramps": ["R10"], "liver damage": ["K76", "K72", "K71"], "numbness": ["R20"],
    "vitamin B12 deficiency": ["E53", "D51"],
}


def claim(quote, substance, *, form=None, dose=None, cond=None, target=None, pol=None, cert="asserted",
          ev=None, n=None):
    if dose is not None:
        lo, hi, unit, per, times, days, route = (list(dose) + [None] * 7)[:7]
        dose = {"min": lo, "max": hi, "unit": unit, "per": per, "times_per_day": times,
                "duration_days": days, "route": route}
    return {"quote": quote, "substance": substance, "form": form, "dose": dose,
            "condition": {"name": cond, "icd10": C[cond]} if cond else None, "target": target,
            "polarity": pol, "certainty": cert, "evidence": ev, "participants": n}


GOLD = {
    "sv_d_vitamin_vinter.txt": ("sv", [
        claim("Låga nivåer av D-vitamin har kopplats till benskörhet", "vitamin d", cond="osteoporosis", pol="association"),
        claim("ökad risk för luftvägsinfektioner", "vitamin d", cond="respiratory infection", pol="association"),
        claim("vuxna får i sig 10 mikrogram D-vitamin per dag", "vitamin d", dose=(10, 10, "ug", "day")),
        claim("personer över 75 år rekommenderas 20 µg dagligen", "vitamin d", dose=(20, 20, "ug", "day")),
        claim("fick deltagarna 1000 IE D-vitamin om dagen i tolv månader", "vitamin d",
              dose=(1000, 1000, "IU", "day", None, 360), ev="rct", n=2500),
        claim("hade färre förkylningar än placebogruppen", "vitamin d", cond="common cold", pol="benefit", ev="rct"),
        claim("D-vitamin kan minska risken för akuta luftvägsinfektioner", "vitamin d", cond="respiratory infection",
              pol="benefit", cert="hedged", ev="meta_analysis"),
        claim("visade en stor studie ingen effekt på risken för hjärtinfarkt", "vitamin d",
              cond="myocardial infarction", pol="no_effect", cert="negated"),
        claim("D-vitamin hjälper inte mot depression", "vitamin d", cond="depression", pol="no_effect",
              cert="negated", ev="review"),
        claim("kan 800 IE D-vitamin dagligen tillsammans med 1 g kalcium", "vitamin d",
              dose=(800, 800, "IU", "day"), cond="osteoporosis", pol="benefit", cert="hedged"),
        claim("tillsammans med 1 g kalcium möjligen minska antalet benbrott", "calcium",
              dose=(1, 1, "g", None), cond="osteoporosis", pol="benefit", cert="hedged"),
        claim("mer än 100 mikrogram per dag under lång tid", "vitamin d", dose=(100, 100, "ug", "day"),
              cond="hypercalcemia", pol="harm", cert="hedged"),
        claim("D-vitamin verkar vara viktigt för skelettet", "vitamin d", target="bone health", pol="benefit",
              cert="hedged"),
    ]),
    "sv_omega3_hjarta.txt": ("sv", [
        claim("hade de som åt fisk två gånger i veckan lägre risk för stroke", "omega-3", cond="stroke",
              pol="association", ev="observational", n=40000),
        claim("3 g omega-3 per dag sänkte blodtrycket", "omega-3", dose=(3, 3, "g", "day"), target="blood pressure",
              pol="benefit", ev="meta_analysis"),
        claim("Effekten var tydligast hos personer med högt blodtryck", "omega-3", cond="hypertension", pol="benefit"),
        claim("Fiskolja kan också sänka nivåerna av triglycerider", "omega-3", target="triglycerides",
              pol="benefit", cert="hedged"),
        claim("minskade fiskolja inte risken för hjärtinfarkt", "omega-3", cond="myocardial infarction",
              pol="no_effect", cert="negated", ev="rct"),
        claim("höga doser fiskolja kan öka risken för förmaksflimmer", "omega-3", cond="atrial fibrillation",
              pol="harm", cert="hedged"),
        claim("En matsked tran ger ungefär 10 µg D-vitamin", "vitamin d", dose=(10, 10, "ug", None)),
        claim("har tran i 6 månader förknippats med färre astmaanfall", "omega-3",
              dose=(None, None, None, None, None, 180), cond="asthma", pol="association", cert="hedged"),
    ]),
    "sv_melatonin_somn.txt": ("sv", [
        claim("Melatonin är ett hormon som styr dygnsrytmen", "melatonin", target="circadian rhythm",
              pol="association"),
        claim("nivåerna ofta lägre, vilket kan bidra till sömnproblem", "melatonin", cond="insomnia/sleep problems",
              pol="association", cert="hedged"),
        claim("oftast gett 0,5–5 mg melatonin", "melatonin", dose=(0.5, 5, "mg", None)),
        claim("2 mg melatonin i tre veckor förkortade insomningstiden", "melatonin",
              dose=(2, 2, "mg", None, None, 21), cond="insomnia/sleep problems", pol="benefit", ev="rct", n=112),
        claim("Vid jetlag kan melatonin minska trötthet", "melatonin", cond="jet lag", pol="benefit", cert="hedged"),
        claim("kan melatonin minska trötthet", "melatonin", cond="fatigue", pol="benefit", cert="hedged"),
        claim("3 mg varje kväll gav färre migränanfall än placebo", "melatonin", dose=(3, 3, "mg", "day"),
              cond="migraine", pol="benefit", ev="rct"),
        claim("hade melatonin ingen effekt på sömnen hos barn med ADHD", "melatonin", target="sleep",
              pol="no_effect", cert="negated", ev="rct"),
        claim("Vanliga biverkningar är huvudvärk, yrsel och illamående", "melatonin", cond="headache", pol="harm"),
        claim("Vanliga biverkningar är huvudvärk, yrsel och illamående", "melatonin", cond="dizziness", pol="harm"),
        claim("Vanliga biverkningar är huvudvärk, yrsel och illamående", "melatonin", cond="nausea", pol="harm"),
        claim("300 mg magnesium om dagen i åtta veckor förbättrade sömnkvaliteten", "magnesium",
              dose=(300, 300, "mg", "day", None, 56), target="sleep quality", pol="benefit"),
    ]),
    "da_magnesium_kramper.txt": ("da", [
        claim("Mange tager magnesium for at undgå krampe i læggen", "magnesium", cond="muscle cramps", pol="benefit"),
        claim("Magnesiummangel kan give muskelkramper", "magnesium", cond="muscle cramps", pol="association",
              cert="hedged"),
        claim("kan give muskelkramper, træthed og uro i kroppen", "magnesium", cond="fatigue", pol="association",
              cert="hedged"),
        claim("fandt ingen forskel på natlige kramper mellem magnesium og placebo", "magnesium",
              cond="muscle cramps", pol="no_effect", cert="negated", ev="review"),
        claim("kan magnesium derimod muligvis reducere natlige kramper", "magnesium", cond="muscle cramps",
              pol="benefit", cert="hedged"),
        claim("fik 80 gravide 300 mg magnesiumcitrat dagligt i fire uger", "magnesium", form="citrate",
              dose=(300, 300, "mg", "day", None, 28), cond="muscle cramps", pol="benefit", n=80),
        claim("Tilskud med magnesium kan sænke blodtrykket", "magnesium", target="blood pressure", pol="benefit",
              cert="hedged"),
        claim("sænke blodtrykket en smule hos personer med forhøjet blodtryk", "magnesium", cond="hypertension",
              pol="benefit", cert="hedged"),
        claim("368 mg magnesium pr. dag i tre måneder sænkede det systoliske blodtryk", "magnesium",
              dose=(368, 368, "mg", "day", None, 90), target="blood pressure", pol="benefit",
              ev="meta_analysis", n=2028),
        claim("Magnesiumoxid virker afførende og kan give diarré", "magnesium", form="oxide", cond="diarrhea",
              pol="harm", cert="hedged"),
        claim("er ca. 350 mg for mænd", "magnesium", dose=(350, 350, "mg", "day")),
        claim("og 280 mg for kvinder", "magnesium", dose=(280, 280, "mg", "day")),
    ]),
    "da_zink_forkolelse.txt": ("da", [
        claim("Zink er et mineral, som immunforsvaret har brug for", "zinc", target="immune function",
              pol="association"),
        claim("Mangel på zink er forbundet med flere infektioner", "zinc", cond="infection", pol="association"),
        claim("zinktabletter kan forkorte en forkølelse", "zinc", cond="common cold", pol="benefit", cert="hedged"),
        claim("fik deltagerne 75 mg zink om dagen, og forkølelsen varede kortere", "zinc",
              dose=(75, 75, "mg", "day"), cond="common cold", pol="benefit", ev="rct", n=199),
        claim("Zink forebygger ikke forkølelse hos raske voksne", "zinc", cond="common cold", pol="no_effect",
              cert="negated", ev="review"),
        claim("Hos personer med akne er der fundet lavere zinkniveauer", "zinc", cond="acne", pol="association"),
        claim("Zink kan måske dæmpe betændelse i huden", "zinc", target="inflammation", pol="benefit",
              cert="hedged"),
        claim("Mere end 40 mg zink dagligt i længere tid kan give kobbermangel", "zinc", dose=(40, 40, "mg", "day"),
              cond="copper deficiency", pol="harm", cert="hedged"),
        claim("kan give kobbermangel og blodmangel", "zinc", cond="anemia", pol="harm", cert="hedged"),
        claim("Zink kan også give kvalme", "zinc", cond="nausea", pol="harm", cert="hedged"),
        claim("1 g C-vitamin to gange dagligt viste ingen effekt på forkølelsens varighed", "vitamin c",
              dose=(1, 1, "g", "day", 2), cond="common cold", pol="no_effect", cert="negated"),
    ]),
    "da_jern_traethed.txt": ("da", [
        claim("Lave jerndepoter er forbundet med træthed", "iron", cond="fatigue", pol="association"),
        claim("forbundet med træthed, hovedpine og nedsat koncentration", "iron", cond="headache", pol="association"),
        claim("hovedpine og nedsat koncentration", "iron", target="concentration", pol="association"),
        claim("reducerede 80 mg jern dagligt i 12 uger trætheden", "iron", dose=(80, 80, "mg", "day", None, 84),
              cond="fatigue", pol="benefit", ev="rct", n=198),
        claim("synes jerntilskud at forbedre hukommelsen", "iron", target="memory", pol="benefit", cert="hedged"),
        claim("Jerntabletter giver ofte forstoppelse og mavesmerter", "iron", cond="constipation", pol="harm"),
        claim("giver ofte forstoppelse og mavesmerter", "iron", cond="abdominal cramps", pol="harm"),
        claim("hvis de tager 60 mg hver anden dag", "iron", dose=(60, 60, "mg", None)),
        claim("C-vitamin øger optagelsen af jern fra kosten", "vitamin c", target="iron absorption", pol="benefit"),
        claim("for meget jern kan skade leveren", "iron", cond="liver damage", pol="harm", cert="hedged"),
    ]),
    "en_omega3_heart.txt": ("en", [
        claim("1 g of omega-3 daily did not reduce the risk of heart attacks", "omega-3",
              dose=(1, 1, "g", "day"), cond="myocardial infarction", pol="no_effect", cert="negated", ev="rct",
              n=25871),
        claim("3 g of omega-3 per day may lower blood pressure", "omega-3", dose=(3, 3, "g", "day"),
              target="blood pressure", pol="benefit", cert="hedged", ev="meta_analysis"),
        claim("High doses of fish oil can increase the risk of atrial fibrillation", "omega-3",
              cond="atrial fibrillation", pol="harm", cert="hedged"),
        claim("Low vitamin D levels are associated with depression", "vitamin d", cond="depression",
              pol="association"),
        claim("Vitamin D supplements did not prevent depression", "vitamin d", cond="depression",
              pol="no_effect", cert="negated", ev="rct"),
        claim("Magnesium may reduce migraine attacks when taken as 400 mg daily for 12 weeks", "magnesium",
              dose=(400, 400, "mg", "day", None, 84), cond="migraine", pol="benefit", cert="hedged"),
    ]),
    "nb_vitamin_b12.txt": ("nb", [
        claim("Mangel på B12 er knyttet til anemi", "vitamin b12", cond="anemia", pol="association"),
        claim("nedsatt hukommelse og nummenhet i føttene", "vitamin b12", target="memory", pol="association"),
        claim("nedsatt hukommelse og nummenhet i føttene", "vitamin b12", cond="numbness", pol="association"),
        claim("de med lave B12-nivåer oftere depresjon", "vitamin b12", cond="depression", pol="association",
              ev="observational", n=1200),
        claim("Tilskudd av 1 mg vitamin B12 daglig i tolv uker", "vitamin b12", dose=(1, 1, "mg", "day", None, 84),
              target="blood values", pol="benefit"),
        claim("Tilskuddet påvirket ikke hukommelsen", "vitamin b12", target="memory", pol="no_effect",
              cert="negated"),
        claim("Metformin kan gi B12-mangel ved langvarig bruk", "metformin", cond="vitamin B12 deficiency",
              pol="harm", cert="hedged"),
    ]),
}


def main() -> None:
    root = Path(__file__).resolve().parent.parent / "corpus"
    for doc, (lang, claims) in GOLD.items():
        text = (root / doc).read_text("utf-8")
        for c in claims:
            assert c["quote"] in text, f"{doc}: quote not in text: {c['quote']!r}"
        out = {"doc": doc, "language": lang, "claims": claims}
        (root / "gold" / f"{doc}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
