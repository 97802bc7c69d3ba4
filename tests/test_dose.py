"""Doses written the Scandinavian way, as parametrized sentence tables."""

import pytest

from claimx.dose import expand_range, find_doses, find_durations, parse_number

DOSES = [
    ("sv", "400–500 mg magnesiumoxid dagligen", (400, 500, "mg", "day", None)),
    ("sv", "mellan 200 och 400 mg per dag", (200, 400, "mg", "day", None)),  # a range; "både 200 och 400": two
    ("da", "fra 1 og 2 g", (1, 2, "g", None, None)),
    ("sv", "en dagsportion får innehålla högst 3 mg", (3, 3, "mg", "day", None)),
    ("nb", "en dagsporsjon gir 3 mg", (3, 3, "mg", "day", None)),
    ("sv", "cirka 600 mg magnesiumdikitrat", (600, 600, "mg", None, None)),
    ("sv", "MgO 500 mg/dag i 8 veckor", (500, 500, "mg", "day", None)),
    ("sv", "170 mg magnesium 2ggr per dag", (170, 170, "mg", "day", 2)),
    ("sv", "allt ifrån 120 – 973 mg/dag", (120, 973, "mg", "day", None)),
    ("sv", "förbrukar 10 -20% mer magnesium", (10, 20, "%", None, None)),
    ("sv", "ta 2-300 mg per dygn", (200, 300, "mg", "day", None)),
    ("sv", "250mg magnesium", (250, 250, "mg", None, None)),
    ("sv", "2g kreatin om dagen", (2, 2, "g", "day", None)),
    ("sv", "1,5 gram per dag", (1.5, 1.5, "g", "day", None)),
    ("sv", "10 mikrogram D-vitamin per dag", (10, 10, "ug", "day", None)),
    ("sv", "20 µg dagligen", (20, 20, "ug", "day", None)),
    ("sv", "1000 IE D-vitamin om dagen", (1000, 1000, "IU", "day", None)),
    ("sv", "200 mg tre gånger om dagen", (200, 200, "mg", "day", 3)),
    ("sv", "ett dagligt intag av 300 mg", (300, 300, "mg", "day", None)),
    ("sv", "3 mmol/dygn", (3, 3, "mmol", "day", None)),
    ("da", "500 mg magnesium dagligt i otte uger", (500, 500, "mg", "day", None)),
    ("da", "ca. 400-420 mg for mænd", (400, 420, "mg", None, None)),
    ("da", "368 mg magnesium pr. dag", (368, 368, "mg", "day", None)),
    ("da", "1 g C-vitamin to gange dagligt", (1, 1, "g", "day", 2)),
    ("da", "75 mg zink om dagen", (75, 75, "mg", "day", None)),
    ("da", "300 mg per døgn", (300, 300, "mg", "day", None)),
    ("da", "Den anbefalede daglige tilførsel er ca. 350 mg", (350, 350, "mg", "day", None)),
    ("nb", "1 mg vitamin B12 daglig", (1, 1, "mg", "day", None)),
    ("nb", "200 mg tre ganger daglig", (200, 200, "mg", "day", 3)),
    ("en", "400 mg magnesium daily", (400, 400, "mg", "day", None)),
    ("en", "5 mcg per day", (5, 5, "ug", "day", None)),
    ("en", "200-400 mg of magnesium a day", (200, 400, "mg", "day", None)),
    ("en", "1,000 IU daily", (1000, 1000, "IU", "day", None)),
    ("en", "500 mg three times a day", (500, 500, "mg", "day", 3)),
    ("en", "2 g twice daily", (2, 2, "g", "day", 2)),
    # morning and evening is every day; once a week before the dose is per week
    ("sv", "15 mg zink morgon och kväll", (15, 15, "mg", "day", None)),
    ("da", "250 mg magnesium morgen og aften", (250, 250, "mg", "day", None)),
    ("nb", "3 mmol kalium morgen og kveld", (3, 3, "mmol", "day", None)),
    ("da", "En gang om ugen fik de 5 mg vitamin K", (5, 5, "mg", "week", None)),
    ("sv", "En gång i veckan tog de 50 000 IE D-vitamin", (50000, 50000, "IU", "week", None)),
    ("nb", "En gang i uken fikk de 2 mg B12", (2, 2, "mg", "week", None)),
]


@pytest.mark.parametrize("lang,text,expected", DOSES)
def test_dose(lang, text, expected):
    found = find_doses(text, lang)
    assert found, text
    d = found[0]
    assert (d.min, d.max, d.unit, d.per, d.times_per_day) == expected
    assert text[d.start:d.end].strip()


@pytest.mark.parametrize("lang,text", [
    ("sv", "Magnesium deltar i över 600 kemiska reaktioner."),
    ("sv", "En studie på 4035 män."),
    ("da", "Undersøgelsen fulgte 219.224 deltagere."),
    ("sv", "Det ger energi och ork."),
    # a concentration in the blood is no dose
    ("sv", "Ett normalt värde ligger mellan 0,7 och 0,95 mmol/l."),
    ("da", "Et niveau under 50 mg/l er lavt."),
    ("nb", "Serum-kalsium over 2,6 mmol/L regnes som høyt."),
])
def test_no_dose(lang, text):
    assert find_doses(text, lang) == []


DURATIONS = [
    ("sv", "i 8 veckor", 56), ("sv", "6,5 månader", 195), ("sv", "fyra månader", 120), ("sv", "ett år", 365),
    ("sv", "under en sexmånadersstudie", 180), ("da", "i otte uger", 56), ("nb", "i tolv uker", 84),
    ("da", "i tre måneder", 90), ("en", "for 12 weeks", 84),
]


@pytest.mark.parametrize("lang,text,days", DURATIONS)
def test_duration(lang, text, days):
    assert [d.days for d in find_durations(text, lang)] == [days]


@pytest.mark.parametrize("text", ["personer över 65 år", "barn under 12 år"])
def test_age_is_not_a_duration(text):
    assert find_durations(text, "sv") == []


@pytest.mark.parametrize("text,value", [
    ("6,5", 6.5), ("219.224", 219224), ("43 833", 43833), ("1.5", 1.5), ("400", 400),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_expand_range():
    assert expand_range(2, 300, "2", "300") == 200
    assert expand_range(5, 10, "5", "10") == 5
    assert expand_range(10, 20, "10", "20") == 10


@pytest.mark.parametrize("lang,text,expected", [
    ("da", "Både 150 og 600 mg havde ingen effekt.", [(150, 150, None), (600, 600, None)]),
    ("sv", "Doser på 200 eller 400 mg om dagen prövades.", [(200, 200, "day"), (400, 400, "day")]),
    ("en", "Both 1 and 2 g were tested.", [(1, 1, None), (2, 2, None)]),
    # the per of the first amount goes on to a second one for another group
    ("nb", "Anbefalt inntak er 1,1 mg per dag for kvinner og 1,4 mg for menn.", [(1.1, 1.1, "day"), (1.4, 1.4, "day")]),
    ("da", "Anbefalet indtag er 1,1 mg om dagen for kvinder og 1,4 mg for mænd.", [(1.1, 1.1, "day"), (1.4, 1.4, "day")]),
    # but not to an amount of another form, nor past a comma
    ("sv", "Man tar 400 mg magnesiumoxid dagligen och cirka 600 mg magnesiumcitrat.", [(400, 400, "day"), (600, 600, None)]),
])
def test_two_amounts_joined_are_two_doses(lang, text, expected):
    found = find_doses(text, lang)
    assert [(d.min, d.max, d.per) for d in found] == expected
    assert all(text[d.start:d.end].strip()[0].isdigit() for d in found)
