"""Rule data is written, not copied: no example or name is a sentence lifted from the seed or dev articles.

The articles under ``../shared`` are what claimx is measured on; a rule example
copied from one of them would make the measurement flatter the rules. Only the
rule strings are reported on failure, never article text.
"""

import re
from importlib import resources

import pytest

from claimx.contexts import parse_context_file
from claimx.rulefiles import context_files
from claimx.rules import parse_rule_file
from claimx.terms import LANGS, load_concepts

MIN_COPIED = 25  # characters: shorter strings are words and phrases, not sentences
NAME_WORDS = 4  # a terminology name this long has the shape of a clause
RULES = resources.files("claimx").joinpath("rules")
CUE_FOLDERS = ("sv", "da", "nb", "en")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def rule_entries(folders: tuple[str, ...]):
    """(file name, entry) of every line of every ``rules/<folder>/*.jsonl``."""
    for folder in folders:
        for path in sorted(RULES.joinpath(folder).iterdir(), key=lambda p: p.name):
            if path.name.endswith(".jsonl") and path.name != "contexts.jsonl":  # tested below
                name = f"rules/{folder}/{path.name}"
                for entry in parse_rule_file(name, path.read_text("utf-8")):
                    yield name, entry


def rule_examples() -> list[tuple[str, str]]:
    """(entry id, example) of every rule file."""
    folders = tuple(p.name for p in RULES.iterdir() if p.is_dir() and p.name != "terms")
    contexts = [entry for name, text in context_files() for entry in parse_context_file(name, text)]
    return [(entry.id, example) for _, entry in rule_entries(folders) for example in entry.examples] + [
        (entry.id, example) for entry in contexts for example in entry.examples]


def term_names() -> list[tuple[str, str]]:
    """("table:line", name) of every name of every concept."""
    return [(f"{c.table}:{c.line}", name.strip("*!="))
            for c in load_concepts() for lang in LANGS for name in c.names[lang]]


class Texts(list):
    """Normalised article texts; the repr keeps them out of failure reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} article texts>"


@pytest.fixture(scope="module")
def shared_texts(shared_dir) -> Texts:
    paths = sorted(shared_dir.glob("seeds/*.txt")) + sorted(shared_dir.glob("dev/texts/*.txt"))
    assert paths, "no seed or dev texts under ../shared"
    return Texts(normalise(path.read_text("utf-8", errors="replace")) for path in paths)


def copied(strings: list[tuple[str, str]], texts: list[str]) -> list[str]:
    """The strings (of MIN_COPIED characters or more) that occur in one of ``texts``."""
    long = [(where, s) for where, s in strings if len(normalise(s)) >= MIN_COPIED]
    return [f"{where}: {s!r}" for where, s in long if any(normalise(s) in text for text in texts)]


def long_names() -> list[tuple[str, str]]:
    """Names with the shape of a clause (four words or more): a term of art is shorter, and
    two- and three-word terms ("kardiovaskulära sjukdomar") occur in articles by right."""
    return [(where, name) for where, name in term_names() if len(name.split()) >= NAME_WORDS]


def test_there_are_long_examples_and_names_to_check():
    assert len([s for _, s in rule_examples() if len(s) >= MIN_COPIED]) >= 50
    assert len([s for _, s in long_names() if len(s) >= MIN_COPIED]) >= 50


def test_no_rule_example_is_copied_from_an_article(shared_texts):
    assert copied(rule_examples(), shared_texts) == []


def test_no_terminology_name_is_copied_from_an_article(shared_texts):
    assert copied(long_names(), shared_texts) == []


def test_copy_check_finds_a_copy():
    text = normalise("Intro.\n  Zink  förkortar FÖRKYLNINGEN med en dag i snitt.\nMer.")
    assert copied([("x", "zink förkortar förkylningen med en dag")], [text]) == [
        "x: 'zink förkortar förkylningen med en dag'"]
    assert copied([("x", "zink")], [text]) == []  # too short to be a copied sentence


# Cue entries with patterns but no example when this test was written (53 of them: too many to
# fail on at once); the list may only shrink, and a new entry must come with an example.
WITHOUT_EXAMPLE = set("""
da.duration.before da.duration.day da.duration.month da.duration.week da.duration.year da.level.words
da.number.words da.per.week da.pseudo.negation da.range.words da.section_end.references da.terminator.conj
en.duration.before en.duration.day en.duration.month en.duration.week en.duration.year en.level.words
en.number.words en.per.day.before en.per.week en.pseudo.negation en.range.words en.ref.mineral
en.section_end.references en.terminator.conj nb.duration.before nb.duration.day nb.duration.month
nb.duration.week nb.duration.year nb.effect.association nb.effect.harm nb.level.words nb.number.words
nb.per.day.before nb.per.week nb.pseudo.negation nb.range.words nb.ref.mineral nb.section_end.references
nb.terminator.conj sv.duration.before sv.duration.day sv.duration.month sv.duration.week sv.duration.year
sv.number.words sv.per.day.before sv.per.week sv.range.words sv.section_end.references sv.terminator.conj
""".split())


def cue_entries_without_example() -> list[str]:
    return sorted(entry.id for _, entry in rule_entries(CUE_FOLDERS) if entry.patterns and not entry.examples)


def test_every_cue_entry_has_an_example():
    assert [i for i in cue_entries_without_example() if i not in WITHOUT_EXAMPLE] == []


def test_entries_listed_without_example_still_lack_one():
    """An entry that got an example leaves the list, so the list only shrinks."""
    assert sorted(WITHOUT_EXAMPLE - set(cue_entries_without_example())) == []
