"""Claims and translations: attach DeepL translations, or extract through English rules.

Extraction through translation reads each sentence's English translation
with the English rules and maps every claim back to the original sentence:
``sentence`` holds the original text and offsets, ``translation`` the English
the rules read, and spans are located in the original where their words
appear there (names of substances usually do); otherwise they are empty
spans at the sentence start.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass

from claimx.models import Article, ArticleResult, Claim, Language, Span, Translation
from claimx.nlp import sentence_offsets
from claimx.translate import TranslationService


def _translation(service: TranslationService, text: str, lang: str) -> Translation:
    return Translation(text=text, target_lang=service.target_lang, provider="deepl", source_lang=lang)


def translate_result(result: ArticleResult, service: TranslationService) -> None:
    """Give every claim still without one a translation of its sentence, and the title one."""
    doc_lang = result.language.code if result.language else "und"
    by_lang: dict[str, list[Claim]] = {}
    for claim in result.claims:
        if claim.translation is None:
            by_lang.setdefault(claim.language or doc_lang, []).append(claim)
    missing = 0
    for lang, claims in by_lang.items():
        texts = [c.sentence.text for c in claims]
        for claim, english in zip(claims, service.translate(texts, lang)):
            if english is None:
                missing += 1
            else:
                claim.translation = _translation(service, english, lang)
    if result.title:
        [title] = service.translate([result.title], doc_lang)
        if title is not None:
            result.title_translation = _translation(service, title, doc_lang)
    if missing:
        result.warnings.append(f"{missing} claim sentences left untranslated: {service.stopped or 'no translation'}")


def original_sentences(article: Article, language: Language) -> list[tuple[int, int, str]]:
    """(start, end, language) of every sentence, split with the punctuation-based splitter."""
    sentences = []
    for paragraph in language.paragraphs:
        piece = article.text[paragraph.start:paragraph.end]
        for left, right in sentence_offsets(piece, "en"):
            sentences.append((paragraph.start + left, paragraph.start + right, paragraph.code))
    return sentences


@dataclass
class English:
    """An article's sentences in English, one per line, and where each came from."""

    sentences: list[tuple[int, int, str]]  # (start, end, language) in the original text
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_spans(self) -> list[tuple[int, int]]:
        spans, position = [], 0
        for line in self.lines:
            spans.append((position, position + len(line)))
            position += len(line) + 1
        return spans


def translate_sentences(article: Article, language: Language, service: TranslationService) -> English:
    """Every sentence of the article translated to English, in order (untranslated ones empty)."""
    sentences = original_sentences(article, language)
    english: list[str | None] = [None] * len(sentences)
    by_lang: dict[str, list[int]] = {}
    for index, (_, _, lang) in enumerate(sentences):
        by_lang.setdefault(lang, []).append(index)
    for lang, indices in by_lang.items():
        texts = [article.text[sentences[i][0]:sentences[i][1]] for i in indices]
        for i, out in zip(indices, service.translate(texts, lang)):
            english[i] = out
    return English(sentences, [(e or "").replace("\n", " ") for e in english])


def map_back(claims: list[Claim], article: Article, english: English, service: TranslationService) -> list[Claim]:
    """Claims the English rules found, with sentences and spans in the original text."""
    starts = [start for start, _ in english.line_spans()]
    mapped = []
    for claim in claims:
        index = bisect.bisect_right(starts, claim.sentence.start) - 1
        start, end, lang = english.sentences[index]
        mapped.append(_map_back(claim, article.text, start, end, lang, english.lines[index], service))
    return mapped


def _locate(span, sentence: str, offset: int) -> dict:
    """The span's words in the original sentence, else an empty span at its start."""
    if span.text:
        at = sentence.lower().find(span.text.lower())
        if at >= 0:
            return {"text": sentence[at:at + len(span.text)], "start": offset + at, "end": offset + at + len(span.text)}
    return {"text": "", "start": offset, "end": offset}


def _map_back(claim: Claim, text: str, start: int, end: int, lang: str, english: str,
              service: TranslationService) -> Claim:
    sentence = text[start:end]
    data = claim.model_dump()
    for name in ("substance", "dose", "condition", "target", "effect"):
        span = getattr(claim, name)
        if span is not None:
            data[name].update(_locate(span, sentence, start))
    data["sentence"] = Span(text=sentence, start=start, end=end).model_dump()
    data["language"] = lang
    data["translation"] = _translation(service, english, lang).model_dump()
    data["rule_ids"] = claim.rule_ids + ["via:translation"]
    key = "\x00".join((claim.id, sentence, english))
    data["id"] = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Claim.model_validate(data)
