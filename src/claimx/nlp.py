"""spaCy pipelines: a blank language, sentences and rule spans with lookup lemmas.

No pretrained Scandinavian pipelines exist to download, and ours has no
trained weights, so a pipeline is assembled at start-up from ``spacy.blank``,
the lemma tables of ``spacy-lookups-data`` and the rule files (0.1-0.3 s
per language, once per process).

Speed: the components never walk token objects. What they need to know
about a word (ends a sentence, may start a rule match, ...) is a lexeme
flag, computed once per distinct word when spaCy first sees it; the
components read the flags of a whole doc as one array. Only flagged tokens
(a few per sentence) are looked at from Python.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.artefacts import cached
from claimx.described import MAX_ORGANS, organ_conditions
from claimx.dose import quantity_screen
from claimx.prefilter import OUTCOME_LABELS, Gate, build_gate
from claimx.rules import COMPOUND_LABELS, Lexicon, Pattern, build_lexicon, load_entries
from claimx.terms import BIOLOGY_HEADS

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


CLOSERS = {")", "]", '"', "'", "»", "”"}
NO_START_FIRST = ",;:)]"
# Lexeme flag bits (spaCy leaves FLAG19..FLAG63 free): computed once per distinct word.
FLAG_RULE = 50  # the word can start a rule match (itself, its lemma or a phrase's first word)
FLAG_END = 51  # the word ends a sentence
FLAG_CLOSER = 52  # a closing bracket or quote
FLAG_NO_START = 53  # begins in lowercase or with ,;:)] so never starts a sentence
FLAG_SUSPENDED = 54  # ends in a hyphen: the first part of a suspended compound ("colon-" in "colon- og brystcancer")
FLAG_PHRASE = 55  # the word begins a multi-word pattern
FLAG_APART = 56  # the word may begin a name written apart ("astma" of "astma sprays")
CONJUNCTIONS = {"og", "och", "eller", "samt", "and", "or", "&", "og/eller", "och/eller", "and/or", ","}


def add_word_flags(nlp: Language, lexicon: Lexicon, lemmas: dict[str, str] | None) -> None:
    """Register the per-word flags the sentence and rule components read as arrays."""
    vocab = nlp.vocab
    vocab.add_flag(lambda word: word in SENTENCE_END, flag_id=FLAG_END)
    vocab.add_flag(lambda word: word in CLOSERS, flag_id=FLAG_CLOSER)
    vocab.add_flag(lambda word: word[:1].islower() or word[:1] in NO_START_FIRST, flag_id=FLAG_NO_START)
    vocab.add_flag(lambda word: len(word) >= 3 and word.endswith("-") and word[-2].isalpha(), flag_id=FLAG_SUSPENDED)
    vocab.add_flag(lambda word: not word.isspace() and bool(
        word_patterns(word, lexicon, lemmas) or lexicon.phrase_candidates(word) or word in VITAMIN_WORDS),
        flag_id=FLAG_RULE)
    vocab.add_flag(lambda word: bool(lexicon.phrase_candidates(word)), flag_id=FLAG_PHRASE)
    vocab.add_flag(lambda word: word.isalpha() and lexicon.may_start_apart(word.lower()), flag_id=FLAG_APART)


@Language.component("claimx_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence boundaries after . ! ? unless the next word starts in lowercase.

    Blocks (lines) are processed as separate docs, so a heading never glues
    onto the next sentence; abbreviations are single tokens (tokenizer
    special cases), so "ca. 400 mg" stays one sentence. A word starts a
    sentence when the last word before it that is no closing bracket or
    quote ended one, and it does not begin in lowercase or with ``,;:)]``;
    the first token always starts one and never ends one. Reads the per-word
    flags (:func:`add_word_flags`) of the whole doc as one array, not token
    objects; a plain loop over them beats numpy's vector operations on a
    block's few dozen tokens (8 µs against 16).
    """
    if not len(doc):
        return doc
    starts = [-1] * len(doc)
    starts[0] = 1
    after_end = False
    rows = doc.to_array([IS_SPACE, FLAG_END, FLAG_CLOSER, FLAG_NO_START]).tolist()
    for i in range(1, len(rows)):
        space, end, closer, no_start = rows[i]
        if space:
            continue
        if after_end and not no_start:
            starts[i] = 1
        if end:
            after_end = True
        elif not closer:
            after_end = False
    doc.from_array([SENT_START], np.array(starts, dtype=np.int32).astype(np.uint64).reshape(-1, 1))
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
               if not p.entry.cased and p.entry.inflected and len(p.words) == 1}
    return {form: lemma for form, lemma in sorted(full.items())
            if lemma.lower() in targets and form.lower() != lemma.lower()}


def lemma_table(lang: str) -> dict[str, str] | None:
    """The lookup lemma table for ``lang``: the rule-relevant part shipped in ``models/lemmas``.

    The shipped table is pruned from spacy-lookups-data by ``scripts/build_models.py``
    (loading the full tables costs ~1.5 s per language at every start). Without
    it, the full table is used.
    """
    from claimx.language import model_path

    path = model_path("lemmas", f"{lang}.json")
    return json.loads(path.read_text("utf-8")) if path.is_file() else full_lemma_table(lang)


def word_patterns(word: str, lexicon: Lexicon, lemmas: dict[str, str] | None) -> tuple[Pattern, ...]:
    """Single-word patterns matching ``word`` itself or, for exact patterns, its lemma.

    The lemma is spaCy's lookup lemma (the table is case-sensitive, so a
    capitalised word falls back to its lowercase form). Lemmas are looked up
    only for words the rules test, not for every token of every text.
    """
    # Cached per word for the lemma table the lexicon is first used with (its pipeline's).
    owner, cache = lexicon.__dict__.setdefault("_word_patterns", (lemmas, {}))
    if owner is not lemmas:
        cache = {}
    found = cache.get(word)
    if found is not None:
        return found
    found = lexicon.word_matches(word)
    if lemmas is not None:
        lemma = lemmas.get(word, word)
        lower = word.lower()
        if lemma == word and not word.islower():
            lemma = lemmas.get(lower, lower)
        if lemma and lemma != lower:
            found += tuple(p for p in lexicon.word_matches(lemma) if p.mode == "exact" and p.entry.inflected)
    if len(cache) > 500_000:
        cache.clear()  # memory stays flat on endless streams of new words
    cache[word] = found
    return found


def tag_rule_spans(doc: Doc, lexicon: Lexicon, lemmas=None) -> list[Span]:
    """Every rule match in ``doc`` as a span labelled with its entry's label and id.

    Only tokens whose word carries ``FLAG_RULE`` (worked out once per distinct
    word) are looked at, through the doc's arrays; spans are made for the
    winning matches only.
    """
    if not len(doc):
        return []
    table = doc.to_array([FLAG_RULE, ORTH, FLAG_SUSPENDED, FLAG_PHRASE, FLAG_APART])
    phrase_starts, apart_starts = table[:, 3].tolist(), table[:, 4].tolist()
    candidates = np.flatnonzero(table[:, 0]).tolist()
    strings, orths, size = doc.vocab.strings, table[:, 1].tolist(), len(doc)
    best: dict[tuple[str, int], tuple[tuple[int, int, int], int, int, Pattern]] = {}
    apart: list[tuple[int, int]] = []

    def text_at(j: int) -> str | None:
        return strings[orths[j]] if j < size else None

    for i in np.flatnonzero(table[:, 2]).tolist():
        if i + 2 < size and strings[orths[i + 1]].lower() in CONJUNCTIONS:
            for pattern, end in suspended_compound(strings[orths[i]], strings[orths[i + 2]], lexicon, lemmas):
                _keep(best, pattern, i, i + end)
    for i in candidates:
        word = strings[orths[i]]
        patterns = word_patterns(word, lexicon, lemmas)
        # "kreatin kinase": a substance word before a biology head names the body's machinery
        biology = patterns and i + 1 < size and strings[orths[i + 1]].lower() in BIOLOGY_HEADS
        for pattern in patterns:
            if not (biology and pattern.entry.label == "SUBSTANCE"):
                _keep(best, pattern, i, i + 1)
        if i + 1 >= size:
            continue  # a phrase or a name written apart needs a next word
        if phrase_starts[i] and lexicon.phrase_continues(word, strings[orths[i + 1]]):
            for pattern in lexicon.phrases_at(word, text_at, i):
                _keep(best, pattern, i, i + len(pattern.words))
        if apart_starts[i]:
            following = strings[orths[i + 1]]
            if following[:1] in lexicon.apart_letters(word):
                for pattern in lexicon.written_apart(word, following):
                    _keep(best, pattern, i, i + 2)
                    apart.append((i, i + 2))
        if word in VITAMIN_WORDS:
            for pattern in vitamin_compound(word, strings[orths[i + 1]], lexicon, lemmas):
                _keep(best, pattern, i, i + 2)  # "vitamin D-tilskudd" read as "D-vitamintilskudd"
    for _, start, end, pattern in [m for m in best.values() if len(m[3].words) > 1 and m[1] >= 2]:
        if strings[orths[start - 1]].lower() in CONJUNCTIONS:  # "lavt og høyt stoffskifte"
            for shared in shared_head(strings[orths[start - 2]], start, pattern, lexicon, text_at):
                _keep(best, shared, start - 2, start - 1)
    for _, start, end, pattern in [m for (label, _), m in best.items() if label == "DISEASE_HEAD"]:
        words = [strings[orths[k]].lower() for k in range(end, min(size, end + 3 * MAX_ORGANS))]
        before = strings[orths[start - 1]].lower() if start else ""
        for organ, at in organ_conditions(words, 0, pattern.entry.name or "", before if before.isalpha() else None,
                                          doc.lang_, lexicon, lambda w: word_patterns(w, lexicon, lemmas)):
            _keep(best, organ, end + at, end + at + 1)  # "sygdomme i nyrerne": "nyrerne" names kidney disease
    spans = []
    for _, start, end, pattern in _drop_covered(list(best.values()), apart):
        span = Span(doc, start, end, label=pattern.entry.label)
        span.id_ = pattern.entry.id
        spans.append(span)
    return spans


VITAMIN_WORDS = {"vitamin", "Vitamin", "VITAMIN"}
VITAMIN_COMPOUND = re.compile(r"([A-Za-z]\d{0,2})-([^\W\d_]{3,})")


def vitamin_compound(word: str, following: str, lexicon: Lexicon, lemmas) -> list[Pattern]:
    """What "vitamin D-tilskudd", "vitamin B12-mangel" or "Vitamin E-tilskott" mean over both tokens: the
    patterns of the solid form Scandinavian writers also use ("D-vitamintilskudd", "B12-vitaminmangel")."""
    found = VITAMIN_COMPOUND.fullmatch(following) if word in VITAMIN_WORDS else None
    if found is None:
        return []
    solid = f"{found[1]}-vitamin{found[2].lower()}"
    return [Pattern(entry=p.entry, words=(word, following), mode=p.mode) for p in word_patterns(solid, lexicon, lemmas)]


def suspended_compound(first: str, second: str, lexicon: Lexicon, lemmas) -> list[tuple[Pattern, int]]:
    """What the first part of a suspended compound means, and how many tokens it spans.

    "hjärt- och kärlsjukdomar": if "hjärt-kärlsjukdomar" (or the closed form) is
    a known word, the three tokens are one mention of it. Otherwise the first
    part borrows the second word's head: "colon- og brystcancer" gives
    "coloncancer" for "colon-" (a known word first, else a compound of the head).
    """
    stem, lower = first[:-1], second.lower()
    for joined in (f"{stem}-{lower}", f"{stem}{lower}"):
        found = [p for p in word_patterns(joined, lexicon, lemmas) if p.mode in ("exact", "prefix")]
        if found:
            return [(p, 3) for p in found]
    glued = [stem + lower[cut:] for cut in range(1, len(lower) - 3)]
    for modes in (("exact", "prefix"), ("modifier", "compound", "suffix")):
        for word in glued:
            found = [p for p in word_patterns(word, lexicon, lemmas) if p.mode in modes]
            if found:
                return [(p, 1) for p in found]
    return []


def shared_head(word: str, start: int, pattern: Pattern, lexicon: Lexicon, text_at) -> list[Pattern]:
    """The phrase a word before "og"/"och"/"and" forms with the words after the first one of a phrase
    starting at ``start``: "lavt og høyt stoffskifte" gives "lavt stoffskifte" for "lavt", "högt
    och lågt blodtryck" "högt blodtryck" for "högt"; only a phrase of the same label and length."""
    if not word.isalpha():
        return []
    length = len(pattern.words)

    def shifted(j: int) -> str | None:  # the phrase's further words, after ``word``
        return text_at(start + j) if 0 < j < length else None

    return [p for p in lexicon.phrases_at(word, shifted, 0)
            if len(p.words) == length and p.entry.label == pattern.entry.label and p.entry.id != pattern.entry.id]


def _keep(best: dict, pattern: Pattern, start: int, end: int) -> None:
    """Keep, per label and start token, the most specific pattern."""
    key = (pattern.entry.label, start)
    current = best.get(key)
    if current is None or pattern.rank > current[0]:
        best[key] = (pattern.rank, start, end, pattern)


# A measure inside a condition's name is part of it ("mage" in "oppblåst mage"); a condition inside
# a measure's name is not ("cancer" in "dö i cancer" is what the deaths are from).
COVERED_BY = {"TARGET": ("TARGET", "CONDITION")}


def _drop_covered(found: list[tuple], apart: list[tuple[int, int]] = ()) -> list[tuple]:
    """Drop a match inside a longer match of the same label ("2-diabetes" inside "typ 2-diabetes"),
    or a measure inside or equal to a condition's name ("mage" inside "oppblåst mage", "betennelse" of
    "lungebetennelse"), and an outcome or
    substance word inside a name written apart ("astma" of "astma sprays")."""
    longer = [(s, e, p.entry.label) for _, s, e, p in found if e - s > 1]  # only these can cover another
    named = {(s, e) for _, s, e, p in found if p.entry.label == "CONDITION"}
    if named and not any(p.entry.label == "TARGET" and (s, e) in named for _, s, e, p in found):
        named = set()  # no measure shares a condition's span (most blocks)
    if not longer and not named:  # and a name written apart is itself longer: nothing is covered
        return sorted(found, key=lambda m: (m[1], -(m[2] - m[1])))

    def covered(start: int, end: int, label: str) -> bool:
        if label == "TARGET" and (start, end) in named:
            return True  # "lungebetennelse" names pneumonia, not inflammation as a measure
        if label in COMPOUND_LABELS and any(s <= start and end <= e and e - s > end - start for s, e in apart):
            return True
        covering = COVERED_BY.get(label, (label,))
        return any(other in covering and s <= start and end <= e and e - s > end - start for s, e, other in longer)

    kept = [m for m in found if not covered(m[1], m[2], m[3].entry.label)]
    return sorted(kept, key=lambda m: (m[1], -(m[2] - m[1])))


FOOTNOTE_STOP = r"(?<=[^\W\d_]{3})\.(?=\d{1,3}(?:[-–,]\d{1,3})*(?:\s|$))"


def language_class(lang: str) -> type[Language]:
    """spaCy's blank language class for ``lang``, with claimx's one tokenizer change in its defaults.

    A reference number glued to a sentence's final stop ("... vid artros.15 Kurkumin", "tarm.2-6")
    is an infix: the stop ends the word, so "artros" is a word and the sentence ends there. Set
    in the defaults, the infix rules are compiled once (``spacy.blank`` and then a new
    ``infix_finditer`` compiled them twice: 0.13 s of start-up against 0.05 s).
    """
    base = spacy.util.get_lang_class(lang)
    defaults = type("Defaults", (base.Defaults,), {"infixes": [*base.Defaults.infixes, FOOTNOTE_STOP]})
    return type(base.__name__, (base,), {"lang": lang, "Defaults": defaults})


@lru_cache(maxsize=None)
def build_nlp(lang: str) -> Language:
    """The pipeline for ``lang``: tokenizer with abbreviations, lemmas, sentences, rule spans."""
    nlp = language_class(lang)()
    # No parser or NER here, so spaCy's 1M-character guard does not apply; input size is
    # bounded by ingest's --max-bytes instead.
    nlp.max_length = 100_000_000
    for abbreviation in ABBREVIATIONS.get(lang, []):
        for variant in {abbreviation, abbreviation.capitalize()}:
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
    lemmas = lemma_table(lang)
    lexicon, gate, content_gate = rule_artefacts(lang, nlp, lemmas)
    add_word_flags(nlp, lexicon, lemmas)
    nlp.add_pipe("claimx_sentences")
    nlp.meta["claimx_rules_version"] = lexicon.version

    @Language.component(f"claimx_rules_{lang}")
    def rule_spans(doc: Doc) -> Doc:
        spans = tag_rule_spans(doc, lexicon, lemmas)
        doc.spans[SPANS_KEY] = spans
        doc.user_data[SPANS_KEY] = spans  # the same Span objects, for rule_spans_of()
        return doc

    nlp.add_pipe(f"claimx_rules_{lang}")
    nlp.vocab.strings.add(lang)
    nlp.__dict__["claimx_lexicon"] = lexicon
    nlp.__dict__["claimx_gate"] = gate
    nlp.__dict__["claimx_content_gate"] = content_gate
    return nlp


def rule_artefacts(lang: str, nlp: Language, lemmas: dict[str, str] | None) -> tuple[Lexicon, Gate, Gate]:
    """The rule index of ``lang`` and its two prefilter gates, from the start-up cache
    (:mod:`claimx.artefacts`) when they were built from the same sources before."""

    def build() -> tuple:
        special = frozenset(k for key in nlp.tokenizer.rules for k in (key, key.lower()))
        lexicon = build_lexicon(lang, lambda text: [t.text for t in nlp.make_doc(text)], special)
        gate = build_gate(lexicon, lemmas, nlp.tokenizer.rules)
        outcomes = build_gate(lexicon, lemmas, nlp.tokenizer.rules, OUTCOME_LABELS)
        return lexicon.state(), gate, Gate(outcomes.lower, outcomes.cased, quantity_screen(lang))

    state, gate, content_gate = cached(f"rules-{lang}", build)
    return Lexicon.from_state(load_entries(lang)[0], state), gate, content_gate  # the entries the grammar uses too


@lru_cache(maxsize=None)
def _blank(lang: str) -> Language:
    return spacy.blank(lang)


def record_doc(text: str, lang: str | None) -> Doc:
    """Bare tokens of a stored record's text (for rendering and exports), one tokenizer per language."""
    return _blank(lang if lang in ("sv", "da", "nb", "en") else "xx").make_doc(text)


def rule_spans_of(doc: Doc) -> list[Span]:
    """The rule component's spans of ``doc``, in token order: the Span objects it made, kept beside
    ``doc.spans`` (whose SpanGroup would make new ones on every read)."""
    found = doc.user_data.get(SPANS_KEY)
    if found is None:
        found = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
    return found


def lexicon_of(nlp: Language) -> Lexicon:
    return nlp.__dict__["claimx_lexicon"]


def gate_of(nlp: Language, content: bool = False) -> Gate:
    """The pipeline's paragraph prefilter (:mod:`claimx.prefilter`): substances, or
    with ``content`` what a claim about the topic substance needs (outcome, dose, duration)."""
    return nlp.__dict__["claimx_content_gate" if content else "claimx_gate"]


def segment_text(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` as claimx splits them (blocks, then sentences)."""
    from claimx.language import paragraphs

    out = []
    for start, end in paragraphs(text):
        piece = text[start:end]
        out.extend(piece[left:right] for left, right in sentence_offsets(piece, lang))
    return out


def sentence_offsets(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, whitespace trimmed."""
    from claimx.rules import available_languages

    nlp = build_nlp(lang if lang in available_languages() else "en")
    spans = []
    for sent in nlp(text).sents:
        raw = sent.text
        stripped = raw.strip()
        if stripped:
            left = sent.start_char + len(raw) - len(raw.lstrip())
            spans.append((left, left + len(stripped)))
    return spans
