"""Build models/lemmas/<lang>.json: the rule-relevant part of spacy-lookups-data's lemma tables.

Rebuild after changing rule files (a test fails when the shipped tables are stale).
Run: python scripts/build_models.py
"""

import json
from pathlib import Path

from claimx.nlp import full_lemma_table, rule_lemma_table
from claimx.rules import available_languages, build_lexicon


def main() -> None:
    import spacy

    out = Path(__file__).resolve().parent.parent / "models" / "lemmas"
    out.mkdir(parents=True, exist_ok=True)
    for lang in available_languages():
        full = full_lemma_table(lang)
        if full is None:
            continue
        tokenizer = spacy.blank(lang)
        lexicon = build_lexicon(lang, lambda text: [t.text for t in tokenizer.make_doc(text)])
        table = rule_lemma_table(lang, full, lexicon)
        (out / f"{lang}.json").write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
        print(f"{lang}: {len(table)} of {len(full)} forms")


if __name__ == "__main__":
    main()
