"""Context words (rules/<lang>/contexts.jsonl): every language names every context, lines are
validated, and the linking rules read their words from the files."""

import importlib
import json
import re

import pytest
from helpers import claims_of

from claimx import contexts, rulefiles
from claimx.contexts import CONTEXTS, PARTS_OF_WORDS, load_contexts, parse_context_file
from claimx.errors import RuleError
from claimx.rules import available_languages


def _entries(lang):
    files = dict(rulefiles.context_files())
    return parse_context_file(f"{lang}/contexts.jsonl", files[f"rules/{lang}/contexts.jsonl"])


@pytest.mark.parametrize("lang", available_languages())
def test_every_language_names_every_context_once(lang):
    named = [entry.context for entry in _entries(lang)]
    assert sorted(named) == sorted(CONTEXTS)


@pytest.mark.parametrize("lang", available_languages())
def test_every_example_holds_one_of_its_words(lang):
    for entry in _entries(lang):
        assert entry.examples, entry.id
        for example in entry.examples:
            wrap = "{}" if entry.context in PARTS_OF_WORDS else r"(?<!\w){}(?!\w)"
            assert any(re.search(wrap.format(re.escape(word)), example.lower()) for word in entry.words), \
                (entry.id, example)


@pytest.mark.parametrize("line,problem", [
    ('{"id": "sv.context.x", "context": "NO_SUCH", "words": ["a"]}', "unknown context"),
    ('{"id": "sv.context.x", "context": "AND_OR", "words": ["Och"]}', "lowercase"),
    ('{"id": "sv.context.x", "context": "AND_OR", "words": [" och"]}', "trimmed"),
    ('{"id": "sv.context.x", "context": "AND_OR", "words": []}', "at least 1"),
    ('{"id": "sv.x", "context": "AND_OR", "words": ["och"]}', "id"),
    ('{"id": "sv.context.x", "context": "AND_OR", "words": ["och"], "extra": 1}', "extra"),
    ("not json", "Expecting value"),
])
def test_a_bad_context_line_names_file_and_line(line, problem):
    with pytest.raises(RuleError) as info:
        parse_context_file("rules/sv/contexts.jsonl", "// comment\n" + line)
    assert "rules/sv/contexts.jsonl:2" in str(info.value)
    assert problem in str(info.value)


def test_a_duplicate_id_is_refused(monkeypatch):
    line = '{"id": "sv.context.x", "context": "AND_OR", "words": ["och"]}'
    monkeypatch.setattr(contexts, "context_files", lambda: (("a.jsonl", line), ("b.jsonl", line)))
    load_contexts.cache_clear()
    try:
        with pytest.raises(RuleError, match="b.jsonl: duplicate id sv.context.x"):
            load_contexts()
    finally:
        load_contexts.cache_clear()


def test_the_context_files_are_part_of_the_rules_version():
    names = [name for name, _ in rulefiles.rule_files("sv")]
    assert {f"rules/{lang}/contexts.jsonl" for lang in available_languages()} <= set(names)


SENTENCE = "Et højt indtag af kalk i relation til magnesium øger risikoen for forhøjet blodtryk."


def test_a_word_added_to_a_file_changes_the_decision(monkeypatch):
    """A domain expert adds "i relation til" to the Danish RELATIVE_TO words: magnesium becomes the
    measure calcium is set against, and loses its claims."""
    from claimx.extraction import links

    assert "magnesium" in {c.substance.name for c in claims_of(SENTENCE, "da")}
    files = []
    for name, text in rulefiles.context_files():
        if name == "rules/da/contexts.jsonl":
            lines = []
            for line in text.splitlines():
                if '"RELATIVE_TO"' in line:
                    entry = json.loads(line)
                    entry["words"].append("i relation til")
                    line = json.dumps(entry, ensure_ascii=False)
                lines.append(line)
            text = "\n".join(lines)
        files.append((name, text))
    monkeypatch.setattr(contexts, "context_files", lambda: tuple(files))
    load_contexts.cache_clear()
    try:
        importlib.reload(links)  # the linking rules compile their regexes from the words at import
        assert {c.substance.name for c in claims_of(SENTENCE, "da")} == {"calcium"}
    finally:
        monkeypatch.undo()
        load_contexts.cache_clear()
        importlib.reload(links)
    assert "magnesium" in {c.substance.name for c in claims_of(SENTENCE, "da")}
