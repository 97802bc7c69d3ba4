from claimx.models import Article, ArticleResult
from claimx.pipeline import process_article


def run_text(text: str, lang: str | None = None) -> ArticleResult:
    return process_article(Article(source="test", text=text), lang)


def claims_of(text: str, lang: str | None = None):
    return run_text(text, lang).claims


def assert_offsets(result: ArticleResult) -> None:
    """Every span points at its own text and lies inside its sentence."""
    text = result.text
    for claim in result.claims:
        s = claim.sentence
        assert text[s.start:s.end] == s.text
        for span in (claim.substance, claim.dose, claim.condition, claim.target, claim.effect):
            if span is None:
                continue
            assert text[span.start:span.end] == span.text, (span, claim.sentence.text)
            assert s.start <= span.start <= span.end <= s.end, (span, s)
