"""Scoring: known predictions give known precision, recall and F1."""

import json

import pytest

from claimx.evaluate import evaluate
from claimx.models import ArticleResult, Claim, ConditionSpan, Dose, Language, Span, SubstanceSpan
from claimx.pipeline import segment_text

TEXT = ("Magnesium minskar migrän hos vuxna. Ta 400 mg magnesium dagligen. "
        "Zink minskar förkylning. Vädret var fint.")


def _claim(sentence, sub="magnesium", icd=None, dose=None, polarity="benefit", certainty="asserted"):
    start = TEXT.index(sentence)
    span = Span(text=sentence, start=start, end=start + len(sentence))
    return Claim(
        id=str(hash((sentence, sub, icd, dose))), kinds=["condition"], sentence=span,
        substance=SubstanceSpan(text="", start=start, end=start, name=sub),
        condition=ConditionSpan(text="", start=start, end=start, name="x", icd10=icd) if icd else None,
        dose=Dose(text="", start=start, end=start, min=dose, max=dose, unit="mg", per="day") if dose else None,
        polarity=polarity, certainty=certainty,
    )


def _gold(claims):
    return {"doc": "doc.txt", "language": "sv", "claims": claims}


def _g(quote, sub="magnesium", icd=None, dose=None, polarity="benefit", certainty="asserted"):
    return {"quote": quote, "substance": sub, "form": None,
            "dose": {"min": dose, "max": dose, "unit": "mg", "per": "day", "times_per_day": None,
                     "duration_days": None, "route": None} if dose else None,
            "condition": {"name": "x", "icd10": icd} if icd else None, "target": None,
            "polarity": polarity, "certainty": certainty, "evidence": None, "participants": None}


@pytest.fixture()
def files(tmp_path):
    texts = tmp_path / "texts"
    gold = tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "doc.txt").write_text(TEXT, "utf-8")
    (gold / "doc.txt.json").write_text(json.dumps(_gold([
        _g("Magnesium minskar migrän", icd=["G43"]),
        _g("Ta 400 mg magnesium dagligen", dose=400),
        _g("Zink minskar förkylning", sub="zinc", icd=["J00"], polarity="benefit", certainty="hedged"),
    ])), "utf-8")
    return tmp_path


def _write(tmp_path, claims, lang="sv"):
    record = ArticleResult(doc_id="d", source="x/doc.txt", text=TEXT, status="ok",
                           language=Language(code=lang, confidence=1.0), claims=claims)
    out = tmp_path / "out.jsonl"
    out.write_text(record.to_json() + "\n", "utf-8")
    return out


def test_known_scores(files):
    claims = [
        _claim("Magnesium minskar migrän hos vuxna.", icd="G43"),          # cond TP
        _claim("Ta 400 mg magnesium dagligen.", dose=500),                  # dose FP (wrong amount)
        _claim("Zink minskar förkylning.", sub="zinc", icd="J00"),          # cond TP, certainty wrong
        _claim("Vädret var fint.", icd="R69"),                              # sent FP, cond FP
    ]
    report = evaluate(_write(files, claims), files / "gold", files / "texts", segment_text).as_dict()
    assert report["sent"] == {"p": 0.75, "r": 1.0, "f1": 0.8571, "pred": 4, "gold": 3}
    assert report["dose"]["p"] == 0.0 and report["dose"]["r"] == 0.0 and report["dose"]["gold"] == 1
    assert report["cond"]["p"] == pytest.approx(2 / 3, abs=1e-4) and report["cond"]["r"] == 1.0
    assert report["cond"]["f1"] == 0.8
    assert report["polarity_acc"] == 1.0 and report["certainty_acc"] == 0.5 and report["lang_acc"] == 1.0


def test_perfect_and_empty(files):
    perfect = [_claim("Magnesium minskar migrän hos vuxna.", icd="G43"),
               _claim("Ta 400 mg magnesium dagligen.", dose=400),
               _claim("Zink minskar förkylning.", sub="zinc", icd="J00", certainty="hedged")]
    report = evaluate(_write(files, perfect), files / "gold", files / "texts", segment_text).as_dict()
    assert report["sent"]["f1"] == report["dose"]["f1"] == report["cond"]["f1"] == 1.0
    report = evaluate(_write(files, [], lang="da"), files / "gold", files / "texts", segment_text).as_dict()
    assert report["sent"]["f1"] == 0.0 and report["lang_acc"] == 0.0


def test_synonyms_and_units(files):
    from claimx.evaluate import norm_substance, norm_unit
    assert norm_substance("Curcumin") == "turmeric" and norm_substance("fish oil") == "omega-3"
    assert norm_unit("µg") == norm_unit("mcg") == "ug" and norm_unit("IE") == "IU"


def _cli(*args):
    from click.testing import CliRunner

    from claimx.cli import main

    return CliRunner().invoke(main, ["evaluate", *map(str, args)])


def test_several_sets_in_one_call_with_a_line_per_set_and_language(files, tmp_path):
    other = tmp_path / "other"
    (other / "texts").mkdir(parents=True)
    (other / "gold").mkdir()
    (other / "texts" / "da.txt").write_text("Zink forkorter forkølelse hos voksne.", "utf-8")
    (other / "gold" / "da.txt.json").write_text(json.dumps({"doc": "da.txt", "language": "da", "claims": [
        _g("Zink forkorter forkølelse", sub="zinc", icd=["J00"])]}), "utf-8")
    result = _cli("--gold", files / "gold", "--texts", files / "texts", "--set", other, "--by-language")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines] == ["texts", "texts/sv", "other", "other/da"]
    assert lines[2].startswith("other: docs=1 sent_f1=1.000") and "cond_f1=1.000" in lines[2]  # extracted here
    assert "docs=1" in lines[1] and "lang_acc=1.000" in lines[3]


def test_verbose_groups_misses_and_false_positives_by_field(files):
    out = _write(files, [_claim("Vädret var fint.", icd="R69")])
    lines = _cli(out, "--gold", files / "gold", "--texts", files / "texts", "-v").output.splitlines()
    headers = [line for line in lines if line.startswith("-- ")]
    assert headers == ["-- sentences: 3 missed, 1 false positives", "-- doses: 1 missed, 0 false positives",
                       "-- condition claims: 2 missed, 1 false positives", "-- polarity: 0 wrong of 0",
                       "-- certainty: 0 wrong of 0"]
    doses = lines.index(headers[1])
    assert lines[doses + 1].startswith("MISS dose: doc.txt:") and "400" in lines[doses + 1]


def test_unpaired_gold_and_texts_and_a_set_without_gold_are_usage_errors(files, tmp_path):
    assert _cli("--gold", files / "gold").exit_code == 2
    assert "gold/ and texts/" in _cli("--set", files / "texts").output
    assert "nothing to score" in _cli().output
