"""One article in, one :class:`ArticleResult` out; and batches of them.

``process_article`` never raises for a bad article: the failure is recorded
in the result, so one broken article never sinks a batch.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimx.extraction import Sentence, claims_of, sentences_of, topic_substance
from claimx.extraction.discourse import is_item_text, is_lead_in_text
from claimx.ids import doc_id_for, rules_version
from claimx.ingest import Item, Rejected
from claimx.language import Guess, identify, sentence_code
from claimx.models import Article, ArticleResult
from claimx.regulatory import with_regulatory
from claimx.nlp import build_nlp, gate_of, lexicon_of, rule_spans_of, segment_text, sentence_offsets
from claimx.rules import available_languages

log = logging.getLogger(__name__)
SHORT_BLOCK_TOKENS = 15
MAX_CHUNK = 200


@dataclass
class Block:
    start: int
    end: int
    lang: str
    confidence: float = 1.0


def process_item(item: Item, lang: str | None = None, service=None, extract_from: str = "auto") -> ArticleResult:
    """An ingest item (article or rejection) as an output record."""
    if isinstance(item, Rejected):
        return ArticleResult(doc_id=doc_id_for(item.source), source=item.source, text="",
                             status=item.status, error=item.reason)
    return process_article(item, lang, service, extract_from)


def process_article(article: Article, lang: str | None = None, service=None,
                    extract_from: str = "auto") -> ArticleResult:
    """Detect languages, tag every paragraph and build the claims of one article.

    Args:
        article: the article.
        lang: a language forced by the user, or None to detect.
        service: a :class:`claimx.translate.TranslationService` to translate claims (optional).
        extract_from: ``native`` (rules of the article's language), ``translation``
            (English rules on the DeepL translation), or ``auto``: native where
            claimx has rules, translation elsewhere (only with a service).
    """
    doc_id = doc_id_for(article.text)
    base = dict(doc_id=doc_id, source=article.source, title=article.title, published=article.published,
                text=article.text, warnings=list(article.warnings), rules_version=rules_version())
    try:
        language = identify(article.text, override=lang)
        supported = set(available_languages())
        native = language.code in supported or any(p.code in supported for p in language.paragraphs)
        if service is not None and (extract_from == "translation" or (extract_from == "auto" and not native
                                                                        and language.code != "und")):
            claims = _extract_via_translation(article, language, service)
        elif not native:
            reason = ("no language detected (too few letters)" if language.code == "und"
                      else f"unsupported language {language.code!r}")
            return ArticleResult(**base, language=language, status="skipped", error=reason)
        else:
            blocks = [Block(p.start, p.end, p.code, p.confidence) for p in language.paragraphs if p.code in supported]
            claims = extract_claims(article.text, blocks, article.key or article.source)
        result = ArticleResult(**base, language=language, status="ok", claims=with_regulatory(claims))
        if service is not None:
            from claimx.translate_extract import translate_result

            translate_result(result, service)
    except Exception as error:  # one article must never sink a batch
        if error.__class__.__name__ in ("TranslationError", "RuleError"):
            raise  # a bad key, glossary or rule table concerns the whole run, not this article
        log.exception("extraction failed for %s", article.source)
        return ArticleResult(**base, status="failed", error=f"extraction failed: {error.__class__.__name__}: {error}")
    return result


def _extract_via_translation(article: Article, language, service) -> list:
    """Translate sentence by sentence, read the English with the English rules, map the claims back.

    The stages run in one direction: :mod:`claimx.translate_extract` translates and
    maps back; this module extracts; neither calls the other back.
    """
    from claimx.translate_extract import map_back, translate_sentences

    english = translate_sentences(article, language, service)
    blocks = [Block(start, end, "en") for start, end in english.line_spans()]
    claims = extract_claims(english.text, blocks, article.key or article.source)
    return map_back(claims, article, english, service)


def extract_claims(text: str, blocks: list[Block], source: str, prefilter: bool = True) -> list:
    """Claims of all blocks of one text, in text order."""
    sentences, topic = tag_blocks(text, blocks, prefilter)
    return claims_of(sentences, text, source, topic)


def tag_blocks(text: str, blocks: list[Block], prefilter: bool = True) -> tuple[list[list[Sentence]], str | None]:
    """The tagged sentences of each block that can hold a claim, and the article's topic substance.

    With ``prefilter``, a block in which no substance can match is tokenized
    only if the article turns out to have a topic substance (which can stand
    in for a missing one) and the block may name an outcome, a dose or a
    duration (which such a claim needs); the result is the same as without
    it (:mod:`claimx.prefilter`). Boilerplate blocks give no sentences, and a
    closing heading such as "Referenser" ends the article.
    """
    groups: dict[int, list[Sentence]] = {}
    waiting: list[int] = []
    for index, block in enumerate(blocks):
        if prefilter and not gate_of(build_nlp(block.lang)).may_match(text[block.start:block.end]):
            waiting.append(index)
            continue
        tagged = _tag_block(text, block, index)
        if tagged is ARTICLE_END:
            break
        if tagged is not None:
            groups[index] = tagged
    topic = topic_substance(s for index in sorted(groups) for s in groups[index])
    if topic or groups:  # a substance named somewhere can be implied in these blocks
        for index in waiting:
            block = blocks[index]
            content = gate_of(build_nlp(block.lang), content=True)
            piece = text[block.start:block.end]
            if prefilter and not (content.may_match(piece) or _in_list(text, blocks, index)):
                continue
            tagged = _tag_block(text, block, index)
            if tagged is not None:  # never ARTICLE_END: its heading passes the prefilter
                groups[index] = tagged
    return [groups[index] for index in sorted(groups)], topic


ARTICLE_END = object()


def _in_list(text: str, blocks: list[Block], index: int) -> bool:
    """Whether a block may take part in a list: a lead-in, or an item after an unbroken chain of
    possible items back to a lead-in (:class:`claimx.extraction.discourse.Discourse` decides per
    sentence; here, on the raw block, the test must be a superset of it: a block whose sentences
    are unknown may hold a short sentence or end in a lead-in if it has a sentence end inside).
    """
    piece = text[blocks[index].start:blocks[index].end]
    if _may_lead_in(piece):
        return True
    while index > 0 and _may_hold_item(piece):
        index -= 1
        piece = text[blocks[index].start:blocks[index].end]
        if _may_lead_in(piece):
            return True
    return False


INNER_SENTENCE_END = re.compile(r"[.!?…]\s")


def _may_lead_in(piece: str) -> bool:
    return is_lead_in_text(piece) or is_lead_in_text(INNER_SENTENCE_END.split(piece)[-1])


def _may_hold_item(piece: str) -> bool:
    return is_item_text(piece) or bool(INNER_SENTENCE_END.search(piece.strip()))


def _tag_block(text: str, block: Block, index: int):
    """A block's sentences; None for boilerplate, ARTICLE_END for a closing heading."""
    nlp = build_nlp(block.lang)
    piece = text[block.start:block.end]
    doc = nlp(nlp_view(piece))
    spans = rule_spans_of(doc)
    if _ends_article(doc, spans):
        return ARTICLE_END
    if _is_boilerplate(doc, spans):
        return None
    paragraph = Guess(block.lang, block.confidence)
    return sentences_of(doc, piece, block.start, block.lang, index, lexicon_of(nlp).entries,
                        lambda sentence: sentence_code(sentence, paragraph))


LONG_CHUNK = re.compile(r"\S{%d,}" % MAX_CHUNK)


def nlp_view(text: str) -> str:
    """The text spaCy sees: whitespace-free chunks over ``MAX_CHUNK`` characters become spaces.

    Such chunks are never prose (base64, bracket bombs, digit walls), and
    spaCy's affix splitting is quadratic in a chunk's length. The view has the
    same length, so every offset still points into the original text.
    """
    if len(text) < MAX_CHUNK:
        return text
    return LONG_CHUNK.sub(lambda m: " " * len(m.group()), text)


IN_TEXT_YEAR = re.compile(r"\.?\s{0,2}[(,]\s{0,2}(?:19|20)\d\d")


def _is_boilerplate(doc, spans) -> bool:
    """Navigation, shop and reference lines: short lines with a cue, or any line citing a DOI or URL.
    An in-text citation ("(Aung et al)", "Aung et al. (2019)") leaves its paragraph prose."""
    for span in spans:
        if span.label_ != "BOILERPLATE" or _in_text_citation(doc, span):
            continue
        if span.id_.startswith("com.boiler.reference") or len(doc) <= SHORT_BLOCK_TOKENS or span.start < 3:
            return True
    return False


def _in_text_citation(doc, span) -> bool:
    if not span.text.lower().startswith("et al"):
        return False
    before = doc.text[max(0, span.start_char - 80):span.start_char]
    return before.rfind("(") > before.rfind(")") or bool(IN_TEXT_YEAR.match(doc.text, span.end_char))


def _ends_article(doc, spans) -> bool:
    """A heading such as "Referenser" or "Kilder": what follows is not article text."""
    heads = {s.start for s in spans if s.label_ == "SECTION_END"}
    if not heads:
        return False  # most blocks: no need to look at their tokens
    words = [t for t in doc if not t.is_punct and not t.is_space]
    return 0 < len(words) <= 3 and words[0].i in heads


def process_all(items: Iterable[Item], lang: str | None = None) -> Iterator[ArticleResult]:
    """Process items lazily, in input order."""
    for item in items:
        yield process_item(item, lang)


__all__ = ["process_all", "process_article", "process_item", "doc_id_for", "segment_text", "sentence_offsets"]
