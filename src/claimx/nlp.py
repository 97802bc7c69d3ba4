"""spaCy pipelines: a blank language, a lookup lemmatizer, sentences and rule spans.

No pretrained Scandinavian pipelines exist to download, and ours has no
trained weights, so a pipeline is assembled at start-up from ``spacy.blank``,
the lemma tables of ``spacy-lookups-data`` and the rule files (about a second
per language, once per process).
"""

from __future__ import annotations

import json
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span

from claimx.rules import Lexicon, Pattern, build_lexicon, word_fits

SPANS_KEY = "claimx"
SENTENCE_END = {".", "!", "?", "…", "?!", "!!", "..."}
# Abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS = {
    "sv": ["ca.", "pga.", "p.g.a.", "vs.", "bl.a.", "t.ex.", "t.o.m.", "s.k.", "m.fl.", "m.m.",
           "osv.", "dvs.", "resp.", "inkl.", "ev.", "jmf.", "jfr.", "st.", "kap.", "nr.", "fr.o.m."],
    "da": ["ca.", "bl.a.", "f.eks.", "pga.", "vs.", "osv.", "dvs.", "mht.", "mv.", "evt.", "inkl.",
           "iflg.", "jf.", "ift.", "ml.", "mg.", "nr.", "s.k.", "såk."],
    "nb": ["ca.", "bl.a.", "f.eks.", "pga.", "vs.", "osv.", "dvs.", "mht.", "evt.", "inkl.",
           "iflg.", "jf.", "ift.", "nr.", "s.k.", "mv."],
    "en": ["ca.", "approx.", "e.g.", "i.e.", "vs.", "etc.", "et al.", "no.", "fig.", "resp."],
}


@Language.component("claimx_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence boundaries after . ! ? unless the next word starts in lowercase.

    Blocks (lines) are processed as separate docs, so a heading never glues
    onto the next sentence; abbreviations are single tokens (tokenizer
    special cases), so "ca. 400 mg" stays one sentence.
    """
    after_end = False
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        if token.is_space:
            token.is_sent_start = False
            continue
        first = token.text[0]
        token.is_sent_start = after_end and not first.islower() and first not in ",;:)]"
        if token.text in SENTENCE_END or token.text in ")]\"'»”" and after_end:
            after_end = True
        else:
            after_end = False
    return doc


def full_lemma_table(lang: str) -> dict[str, str] | None:
    """spacy-lookups-data's lookup table for ``lang`` (form -> lemma), or None without one."""
    import gzip
    from importlib import resources

    try:
        data = resources.files("spacy_lookups_data").joinpath("data", f"{lang}_lemma_lookup.json.gz")
        return json.loads(gzip.decompress(data.read_bytes()))
    except (ModuleNotFoundError, FileNotFoundError):
        return None


def rule_lemma_table(lang: str, full: dict[str, str], lexicon: Lexicon) -> dict[str, str]:
    """The part of a lemma table that can change a rule match.

    Lemmas are only compared with single-word exact patterns, so only forms
    whose lemma is such a pattern matter; every other form keeps its text.
    """
    targets = {p.words[0] for patterns in lexicon.exact.values() for p in patterns
               if not p.entry.cased and len(p.words) == 1}
    return {form: lemma for form, lemma in sorted(full.items())
            if lemma.lower() in targets and form.lower() != lemma.lower()}


def make_lemmatizer(nlp: Language, lang: str) -> dict | None:
    """spaCy's lookup lemmatizer with the rule-relevant table shipped in ``models/lemmas``.

    The shipped table is pruned from spacy-lookups-data by ``scripts/build_models.py``
    (loading the full tables costs ~1.5 s per language at every start). Without
    it, the full table is used. The tables are case-sensitive, so rule matching
    also tries the lowercase form.
    """
    from claimx.language import model_path

    path = model_path("lemmas", f"{lang}.json")
    table = json.loads(path.read_text("utf-8")) if path.is_file() else full_lemma_table(lang)
    if table is None:
        return None
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize(lookups=lookups)
    return table


def tag_rule_spans(doc: Doc, lexicon: Lexicon, lemmas=None) -> list[Span]:
    """Every rule match in ``doc`` as a span labelled with its entry's label and id."""
    best: dict[tuple[str, int], tuple[tuple[int, int, int], Span]] = {}
    for token in doc:
        if token.is_space:
            continue
        for pattern in _token_patterns(token, lexicon, lemmas):
            _keep(best, pattern, doc[token.i : token.i + 1])
        for pattern in lexicon.phrase_candidates(token.text):
            end = token.i + len(pattern.words)
            if end <= len(doc) and all(
                word_fits(pattern, k, doc[token.i + k].text) for k in range(len(pattern.words))
            ):
                _keep(best, pattern, doc[token.i : end])
    spans = [span for _, span in best.values()]
    return _drop_covered(spans)


def _token_patterns(token, lexicon: Lexicon, lemmas) -> tuple[Pattern, ...]:
    found = lexicon.word_matches(token.text)
    lemma = token.lemma_
    if lemmas is not None and lemma == token.text and not token.is_lower:
        lemma = lemmas.get(token.lower_, token.lower_)
    if lemma and lemma != token.lower_:
        found += tuple(p for p in lexicon.word_matches(lemma) if p.mode == "exact")
    return found


def _keep(best: dict, pattern: Pattern, span: Span) -> None:
    """Keep, per label and start token, the most specific pattern."""
    key = (pattern.entry.label, span.start)
    current = best.get(key)
    if current is None or pattern.rank > current[0]:
        labelled = Span(span.doc, span.start, span.end, label=pattern.entry.label)
        labelled.id_ = pattern.entry.id
        best[key] = (pattern.rank, labelled)


def _drop_covered(spans: list[Span]) -> list[Span]:
    """Drop a span inside a longer span of the same label ("2-diabetes" inside "typ 2-diabetes")."""
    def covered(span: Span) -> bool:
        return any(other.label_ == span.label_ and other.start <= span.start and span.end <= other.end
                   and other.end - other.start > span.end - span.start for other in spans)

    return sorted((s for s in spans if not covered(s)), key=lambda s: (s.start, -(s.end - s.start)))


@lru_cache(maxsize=None)
def build_nlp(lang: str) -> Language:
    """The pipeline for ``lang``: tokenizer with abbreviations, lemmas, sentences, rule spans."""
    nlp = spacy.blank(lang)
    # No parser or NER here, so spaCy's 1M-character guard does not apply; input size is
    # bounded by ingest's --max-bytes instead.
    nlp.max_length = 100_000_000
    for abbreviation in ABBREVIATIONS.get(lang, []):
        for variant in {abbreviation, abbreviation.capitalize()}:
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
    lexicon = build_lexicon(lang, lambda text: [t.text for t in nlp.make_doc(text)])
    lemmas = make_lemmatizer(nlp, lang)
    nlp.add_pipe("claimx_sentences")
    nlp.meta["claimx_rules_version"] = lexicon.version

    @Language.component(f"claimx_rules_{lang}")
    def rule_spans(doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = tag_rule_spans(doc, lexicon, lemmas)
        return doc

    nlp.add_pipe(f"claimx_rules_{lang}")
    nlp.vocab.strings.add(lang)
    nlp.__dict__["claimx_lexicon"] = lexicon
    return nlp


@lru_cache(maxsize=None)
def _blank(lang: str) -> Language:
    return spacy.blank(lang)


def record_doc(text: str, lang: str | None) -> Doc:
    """Bare tokens of a stored record's text (for rendering and exports), one tokenizer per language."""
    return _blank(lang if lang in ("sv", "da", "nb", "en") else "xx").make_doc(text)


def lexicon_of(nlp: Language) -> Lexicon:
    return nlp.__dict__["claimx_lexicon"]
