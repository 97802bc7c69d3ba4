"""Document and paragraph language; Norwegian is never silently Danish."""

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
            "Smith J, Brown K. Magnesium supplementation and migraine prevention in adults: a randomized trial.\n")
    lang = identify(text)
    assert lang.code == "sv"
    assert [p.code for p in lang.paragraphs] == ["sv", "en"]


def test_short_paragraph_takes_document_language():
    text = "Läs också\n" + SENTENCES[0][1] * 3
    lang = identify(text)
    assert lang.paragraphs[0].code == "sv"


def test_override():
    assert identify("whatever text", override="da").code == "da"


def test_no_letters():
    assert identify("12345 !!!").code == "und"
