"""Language identification: our own sv/da/nb/en classifier, langdetect for the rest.

A character n-gram naive Bayes model trained on the UD dev files
(``scripts/train_langid.py``, shipped as ``models/langid.json``) decides
among sv, da, nb and en; it tells Danish from Norwegian far better than
langdetect and costs tens of microseconds per sentence (numpy scoring).
langdetect (seeded, restricted to the supported profiles and a few
neighbours) is asked only when a long enough text looks unlike all four
languages, to name the other language.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from claimx.models import Language, ParagraphLanguage

SUPPORTED = ("sv", "da", "nb", "en")
OTHER_PROFILES = ("de", "fi", "nl", "fr", "es", "it", "pl", "pt", "et")
_LANGDETECT_TO_CODE = {"no": "nb"}
ORDERS = (1, 2, 3, 4)
MIN_PARAGRAPH_LETTERS = 40
LANGDETECT_TRIALS = 2
MIN_OTHER_LETTERS = 40
MIN_OTHER_PROBABILITY = 0.9
# Mean log-likelihood per feature below which a text may be in another language (measured on UD).
LIKELIHOOD_GATE = -8.6
MAX_SAMPLE = 2000
MAX_PARAGRAPH_SAMPLE = 200
PARAGRAPH_SWAP_CONFIDENCE = 0.8
SENTENCE_SWAP_CONFIDENCE = 0.95

_lock = threading.Lock()


@dataclass(frozen=True)
class Guess:
    code: str
    confidence: float


def features(text: str, orders: tuple[int, ...] = ORDERS) -> Iterator[str]:
    """Character n-grams (word boundaries as spaces) and whole words of the lowercased text."""
    padded = " " + " ".join(text.lower().split()) + " "
    for n in orders:
        for i in range(len(padded) - n + 1):
            gram = padded[i : i + n]
            if n == 1 or gram.strip():
                yield gram
    for word in padded.split():
        yield "W:" + word


def model_path(*parts: str) -> Path:
    """A file of ``models/``: packaged as ``claimx/_models`` in a wheel, else the repo folder."""
    packaged = resources.files("claimx").joinpath("_models", *parts)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2].joinpath("models", *parts)


UNKNOWN_CHAR = 127  # alphabet code of characters the model never saw; no key contains it


@dataclass
class NGramModel:
    """Multinomial naive Bayes over :func:`features`; log-probabilities per language.

    Character n-grams are scored with numpy and no per-character Python:
    each character becomes a 7-bit alphabet code and an n-gram the base-128
    number of its codes (the number of digits tells n apart). 1- to 3-grams
    index a dense row array directly; a 4-gram indexes a dense block of 128
    rows chosen by its first three characters. Whole words are looked up in a
    dict. The rows come out in the order of :func:`features`, so the sums are
    those of the plain definition.
    """

    languages: list[str]
    short: np.ndarray  # 1-3-gram number -> table row (dense)
    blocks: np.ndarray  # 3-gram number -> block of the 4-grams it starts (0: none)
    long: np.ndarray  # block * 128 + last character code -> table row
    words: dict[str, int]  # "W:" features by word
    alphabet: np.ndarray  # code point -> alphabet code (uint8)
    columns: np.ndarray  # the table transposed: one row per language, the last column for unseen
    _scored: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> NGramModel:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != "claimx-langid/1" or tuple(data.get("orders", ())) != (1, 2, 3, 4):
            raise ValueError(f"{path}: not a claimx language model")
        features: dict[str, list[float]] = data["features"]
        table = np.array([*features.values(), data["unseen"]], dtype=np.float64)
        unseen = len(features)
        rows = {gram: row for row, gram in enumerate(features)}
        words = {gram[2:]: row for gram, row in rows.items() if gram.startswith("W:")}
        grams = [gram for gram in rows if not gram.startswith("W:")]
        chars = sorted(set("".join(grams)))
        if len(chars) >= UNKNOWN_CHAR:
            raise ValueError(f"{path}: alphabet of {len(chars)} characters is too large")
        alphabet = np.full(0x110000, UNKNOWN_CHAR, dtype=np.uint8)
        alphabet[[ord(ch) for ch in chars]] = np.arange(1, len(chars) + 1)
        # Every gram as four alphabet codes, left-padded with 0: its number is then base-128 arithmetic.
        points = np.frombuffer("".join(g.rjust(4, "\0") for g in grams).encode("utf-32-le"), dtype=np.int32)
        points = points.reshape(-1, 4)
        codes = alphabet[points].astype(np.int64)
        codes[points == 0] = 0
        numbers = ((codes[:, 0] * 128 + codes[:, 1]) * 128 + codes[:, 2]) * 128 + codes[:, 3]
        gram_rows = np.array([rows[g] for g in grams], dtype=np.int32)
        four = codes[:, 0] > 0
        short = np.full(128 ** 3, unseen, dtype=np.int32)
        short[numbers[~four]] = gram_rows[~four]
        prefixes = numbers[four] // 128
        unique = np.unique(prefixes)
        blocks = np.zeros(128 ** 3, dtype=np.int32)
        blocks[unique] = np.arange(1, len(unique) + 1)
        long = np.full((len(unique) + 1) * 128, unseen, dtype=np.int32)
        long[blocks[prefixes] * 128 + codes[four, 3]] = gram_rows[four]
        return cls(languages=data["languages"], short=short, blocks=blocks, long=long, words=words,
                   alphabet=alphabet, columns=np.ascontiguousarray(table.T))

    @property
    def unseen(self) -> int:
        return self.columns.shape[1] - 1

    def vector(self, text: str) -> tuple[np.ndarray, int]:
        """Summed log-probabilities per language, and the number of features.

        Naive Bayes is additive: the vector of a document is the sum of its paragraphs'.
        Within one article (see :meth:`forget`) a text is scored once: a one-sentence paragraph
        is scored as a paragraph and again as a sentence, with the same text.
        """
        found = self._scored.get(text)
        if found is None:
            if len(self._scored) > 10_000:
                self._scored.clear()  # texts scored outside an article (sentence by sentence) stay few
            found = self._scored[text] = self._vector(text)
        return found

    def forget(self) -> None:
        """Drop the scores of the previous article (:func:`identify` calls this first)."""
        self._scored.clear()

    def _vector(self, text: str) -> tuple[np.ndarray, int]:
        padded = " " + " ".join(text.lower().split()) + " "
        if padded.isspace():  # only the two 1-grams " " (features() drops all-space longer grams)
            space = int(self.short[self.alphabet[ord(" ")]])
            return self._total([space, space]), 2
        points = np.frombuffer(padded.encode("utf-32-le", "surrogatepass"), dtype=np.int32)
        codes = self.alphabet[points].astype(np.int32)
        bigrams = codes[:-1] * 128 + codes[1:]
        trigrams = bigrams[:-1] * 128 + codes[2:]
        fourgrams = self.long[self.blocks[trigrams[:-1]] * 128 + codes[3:]]
        unseen, get = self.unseen, self.words.get
        words = np.fromiter([get(word, unseen) for word in padded.split()], dtype=np.int32)
        # the same rows in the same order as short[codes], short[bigrams], short[trigrams], ...: one lookup
        rows = np.concatenate([self.short[np.concatenate([codes, bigrams, trigrams])], fourgrams, words])
        return self._total(rows), len(rows)

    def _total(self, rows) -> np.ndarray:
        return np.take(self.columns, rows, axis=1).sum(axis=1)

    def decide(self, totals: np.ndarray, count: int, allowed: set[str] | None = None) -> tuple[Guess, float]:
        """The best language, its confidence, and the mean log-likelihood per feature.

        A low mean says the text is unlike all the model's languages.
        """
        values = totals.tolist()  # Python floats: the same doubles, without numpy's per-scalar cost
        columns = [i for i, lang in enumerate(self.languages) if allowed is None or lang in allowed]
        best = max(columns, key=values.__getitem__)
        # Naive Bayes is overconfident; a temperature per feature gives usable confidences.
        temperature = max(1.0, count / 25)
        top = values[best]
        total = sum(math.exp((values[i] - top) / temperature) for i in columns)
        return Guess(code=self.languages[best], confidence=round(1 / total, 4)), top / max(1, count)


@lru_cache(maxsize=1)
def ngram_model() -> NGramModel | None:
    from claimx.artefacts import cached

    path = model_path("langid.json")
    return cached("langid", lambda: NGramModel.load(path)) if path.is_file() else None


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.seed = 0
    profiles = resources.files("langdetect").joinpath("profiles")
    codes = [("no" if code == "nb" else code) for code in SUPPORTED] + list(OTHER_PROFILES)
    factory.load_json_profile([profiles.joinpath(code).read_text("utf-8") for code in codes])
    return factory


def first_opinion(text: str, trials: int = LANGDETECT_TRIALS) -> list[Guess]:
    """langdetect's candidates, most likely first (deterministic: seeded)."""
    with _lock:  # the seeded factory is shared
        detector = _factory().create()
        detector.n_trial = trials
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return []
    return [Guess(_LANGDETECT_TO_CODE.get(g.lang, g.lang), float(g.prob)) for g in found]


def detect(text: str, context: str | None = None) -> Guess | None:
    """The language of ``text``, or None when it has no letters to go on (or, inside a text
    in the supported language ``context``, when it is too little prose to tell: it takes the context's).

    The n-gram model decides among sv, da, nb and en. langdetect is asked only
    when the text looks unlike all four (low likelihood under the model) and is
    long enough for langdetect to be reliable (``MIN_OTHER_LETTERS``); it may
    then name another language if it is sure and sees no supported one.
    """
    sample = text[:MAX_SAMPLE]
    model = ngram_model()
    if model is None:
        return _langdetect_only(sample)
    return _decide(sample, *model.vector(sample), context)


def _has_letters(text: str, wanted: int) -> bool:
    """Whether ``text`` has at least ``wanted`` letters (counting stops early on prose)."""
    if len(text) < wanted:
        return False
    head = 2 * wanted
    found = sum(map(str.isalpha, text[:head]))
    return found >= wanted or found + sum(map(str.isalpha, text[head:])) >= wanted


def _langdetect_only(sample: str) -> Guess | None:
    if not _has_letters(sample, 3):
        return None
    candidates = first_opinion(sample, trials=7)
    return Guess(candidates[0].code, round(candidates[0].confidence, 4)) if candidates else None


def _decide(sample: str, totals: np.ndarray, count: int, context: str | None = None) -> Guess | None:
    """The model's guess for a scored text, unless langdetect is sure it is another language.

    Inside a text of a known language (``context``), a part is not plausibly
    another language when the model gives it that language, or gives its
    lowercase words that language: names, numbers, citations, units and URLs
    lower the model's likelihood, and such lines never reach langdetect.
    """
    if not _has_letters(sample, 3):
        return None
    guess, likelihood = ngram_model().decide(totals, count)  # type: ignore[union-attr]
    if guess.code == context:
        return calibrated(guess, sample, override=False)
    words = " ".join(PLAIN_WORD.findall(sample))  # its lowercase words: no names, numbers, symbols, URL parts
    if context in SUPPORTED and (not _has_letters(words, MIN_SENTENCE_LETTERS) or CITATION.search(sample)):
        return None  # a line of names, numbers, references or a URL: it takes its context's language
    if (likelihood < LIKELIHOOD_GATE and _has_letters(sample, MIN_OTHER_LETTERS)
            and _letters_look_foreign(sample) and _words_look_foreign(words, context)):
        candidates = first_opinion(sample)
        if _is_other(candidates):
            # A quick look says "another language": confirm with langdetect's full sampling.
            candidates = first_opinion(sample, trials=7)
            if _is_other(candidates):
                return Guess(candidates[0].code, round(candidates[0].confidence, 4))
    return calibrated(guess, sample)


EVIDENCE_LETTERS = 40  # under this many letters a guess is capped below 0.9 ...
SHORT_CAPS = ((20, 0.89), (10, 0.8), (0, 0.6))  # (at least this many letters, highest confidence)
DECISIVE_GAP = 2.0  # ... unless words that only one language has (a log-likelihood lead this large each)
DECISIVE_TOTAL = 4.0  # add up to this lead, for that language alone ("ge", "vissa": Swedish)
OVERRIDE_CONFIDENCE = 0.65  # such words overrule the character n-grams of a short text, with this confidence
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def decisive_language(text: str) -> str | None:
    """The one language whose own words the text uses, if their evidence adds up; else None."""
    model = ngram_model()
    if model is None:
        return None
    leads: dict[str, float] = {}
    for word in WORD.findall(text[:MAX_SAMPLE].lower()):
        row = model.words.get(word)
        if row is None:
            continue
        column = model.columns[:, row]
        best, second = np.argsort(column)[::-1][:2]
        gap = float(column[best] - column[second])
        if gap >= DECISIVE_GAP:
            code = model.languages[best]
            leads[code] = leads.get(code, 0.0) + gap
    if len(leads) == 1:
        (code, lead), = leads.items()
        return code if lead >= DECISIVE_TOTAL else None
    return None


def calibrated(guess: Guess, sample: str, override: bool = True) -> Guess:
    """A confidence that reflects how much evidence the text gives.

    Naive Bayes over character n-grams is sure of itself on a few letters
    ("Zink." English at 0.9986). Under ``EVIDENCE_LETTERS`` letters the
    confidence is capped below 0.9, unless words only one language has decide
    it; such words also overrule the n-grams of a short text (``override``).
    Measured on the UD test sentences by ``benchmarks/langid.py`` (reliability by bin).
    """
    letters = sum(map(str.isalpha, sample[:4 * EVIDENCE_LETTERS]))
    if letters >= EVIDENCE_LETTERS:
        return guess
    decisive = decisive_language(sample)
    if decisive == guess.code:
        return guess
    if decisive is not None and override:
        return Guess(decisive, OVERRIDE_CONFIDENCE)
    cap = next(cap for least, cap in SHORT_CAPS if letters >= least)
    return guess if guess.confidence <= cap else Guess(guess.code, cap)


NON_LETTERS = re.compile(r"[^\w\s]|[\d_]")


def _letters_look_foreign(sample: str) -> bool:
    """Whether the words of ``sample`` alone are still unlike sv, da, nb and en.

    Digits, symbols and punctuation are rare in the training sentences and
    lower every language's likelihood, so "2.028 deltagere, 368 mg pr. dag"
    would fall under the gate although its words are plainly Danish. Only a
    text whose letters also fall under it is shown to langdetect (which costs
    about a millisecond).
    """
    model = ngram_model()
    _, likelihood = model.decide(*model.vector(NON_LETTERS.sub(" ", sample)))  # type: ignore[union-attr]
    return likelihood < LIKELIHOOD_GATE


PLAIN_WORD = re.compile(r"(?<![\w.-])[^\W\d_A-ZÅÄÖÆØ][^\W\d_]{2,}(?![\w-])")


# A reference-list entry: "2. Qu H, Guo M, Chai H, et al." or "J Res Med Sci. 2012 Dec;17(12):1161-9".
CITATION = re.compile(r"^\s{0,3}(?:\[?\d{1,3}[.)\]]\s{1,3})?(?:[A-ZÅÄÖÆØ][\w'’-]{1,30}\s[A-Z]{1,3}[,.]\s){2}"
                      r"|\b(?:19|20)\d\d(?:\s[A-Z][a-z]{2})?\s?;\s?\d{1,4}\s?(?:\(\d{1,4}\))?\s?:\s?[eE]?\d{1,6}")


def _words_look_foreign(words: str, context: str | None) -> bool:
    """Whether a text's lowercase ``words`` are still unlike sv, da, nb and en: not in the
    supported ``context`` language, and (unless too few to tell: then langdetect decides)
    under the likelihood gate. Scored once for both tests."""
    supported, enough = context in SUPPORTED, _has_letters(words, MIN_OTHER_LETTERS)
    if not (supported or enough):
        return True
    model = ngram_model()
    guess, likelihood = model.decide(*model.vector(words))  # type: ignore[union-attr]
    if supported and guess.code == context:
        return False  # the words are the surrounding language (a German context never counts: no model)
    return not enough or likelihood < LIKELIHOOD_GATE


def _is_other(candidates: list[Guess]) -> bool:
    """langdetect is sure of one unsupported language and sees no supported one."""
    return bool(candidates) and candidates[0].code not in SUPPORTED and (
        candidates[0].confidence >= MIN_OTHER_PROBABILITY) and not any(c.code in SUPPORTED for c in candidates)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text``; the unit of paragraph language."""
    spans = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            left = start + len(line) - len(line.lstrip())
            spans.append((left, start + len(line.rstrip())))
        start += len(line) + 1
    return spans


def identify(text: str, override: str | None = None) -> Language:
    """Document language and a language per paragraph.

    Short paragraphs (headings, list items) take the document's language: a
    guess from a few words is worse than the context.

    Args:
        text: the whole article text.
        override: a code forced by the user (``--lang``); then nothing is detected.
    """
    spans = paragraphs(text)
    if override:
        return Language(code=override, confidence=1.0, paragraphs=[
            ParagraphLanguage(start=s, end=e, code=override, confidence=1.0) for s, e in spans])
    model = ngram_model()
    if model is None:
        document = _langdetect_only(text[:MAX_SAMPLE]) or Guess(code="und", confidence=0.0)
        scored = [(s, e, None) for s, e in spans]
    else:
        model.forget()  # a new article: the scores of the last one are not needed
        scored = [(s, e, model.vector(text[s:min(e, s + MAX_PARAGRAPH_SAMPLE)])) for s, e in spans]
        totals = sum((v[0] for _, _, v in scored), np.zeros(len(model.languages)))
        count = sum(v[1] for _, _, v in scored)
        sample = " ".join(text[s:min(e, s + MAX_PARAGRAPH_SAMPLE)] for s, e in spans)[:MAX_SAMPLE]
        document = _decide(sample, totals, count) or Guess(code="und", confidence=0.0)
    result = []
    for start, end, vector in scored:
        guess = None
        if _has_letters(text[start:end], MIN_PARAGRAPH_LETTERS):
            piece = text[start:min(end, start + MAX_PARAGRAPH_SAMPLE)]
            guess = _decide(piece, *vector, document.code) if vector is not None else _langdetect_only(piece)
        if guess is None or _is_scandinavian_swap(document, guess):
            guess = document
        result.append(ParagraphLanguage(start=start, end=end, code=guess.code, confidence=guess.confidence))
    return Language(code=document.code, confidence=document.confidence, paragraphs=result)


def _is_scandinavian_swap(outer: Guess, inner: Guess, threshold: float = PARAGRAPH_SWAP_CONFIDENCE) -> bool:
    """A sv/da/nb unit inside a text of another of the three, guessed without strong confidence.

    Inside one article a real switch between them is rarer than a detector
    error on a short unit, so a weak guess takes the surrounding language.
    """
    close = {"da", "nb", "sv"}
    return outer.code in close and inner.code in close and outer.code != inner.code and inner.confidence < threshold


MIN_SENTENCE_LETTERS = 20


def sentence_language(sentence: str, paragraph: Guess) -> Guess:
    """A sentence's language; short sentences and weak sv/da/nb flips take the paragraph's."""
    if not _has_letters(sentence, MIN_SENTENCE_LETTERS):
        return paragraph
    guess = detect(sentence, paragraph.code)
    if guess is None or _is_scandinavian_swap(paragraph, guess, SENTENCE_SWAP_CONFIDENCE):
        return paragraph
    return guess


def sentence_code(sentence: str, paragraph: Guess) -> str:
    """``sentence_language(sentence, paragraph).code``, without the confidence when the model's
    best language is the paragraph's (most sentences): that guess keeps the paragraph's code
    whatever its calibrated confidence, so neither the calibration nor the softmax is needed.
    """
    model = ngram_model()
    if model is None or len(sentence) > MAX_SAMPLE or not _has_letters(sentence, MIN_SENTENCE_LETTERS):
        return sentence_language(sentence, paragraph).code
    values = model.vector(sentence)[0].tolist()  # as NGramModel.decide: Python floats, first best wins
    if model.languages[max(range(len(values)), key=values.__getitem__)] == paragraph.code:
        return paragraph.code
    return sentence_language(sentence, paragraph).code  # the vector is remembered, not scored again


def language_units(text: str, level: str, split_sentences) -> list[tuple[int, int, Guess]]:
    """(start, end, guess) per document, paragraph or sentence of ``text``.

    Args:
        text: the document.
        level: ``document``, ``paragraph`` or ``sentence``.
        split_sentences: ``(paragraph_text, lang) -> [(start, end), ...]`` relative offsets.
    """
    language = identify(text)
    document = Guess(language.code, language.confidence)
    if level == "document":
        return [(0, len(text), document)]
    paras = [(p.start, p.end, Guess(p.code, p.confidence)) for p in language.paragraphs]
    if level == "paragraph":
        return paras
    units = []
    for start, end, guess in paras:
        for left, right in split_sentences(text[start:end], guess.code):
            units.append((start + left, start + right, sentence_language(text[start + left:start + right], guess)))
    return units
