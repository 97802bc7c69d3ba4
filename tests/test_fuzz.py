"""Property-based tests: any text, in any supported language, gives a valid record."""

import math
import os

from helpers import assert_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.models import Article
from claimx.pipeline import process_article

WORDS = ["Magnesium", "kan", "minska", "migrän", "400–500 mg", "dagligen", "inte", "ikke", "hjælper", "mot",
         "D-vitamin", "MgO", "2ggr per dag", "i 8 veckor", "219.224", "6,5", "ca.", "t.ex.", "f.eks.", "risk",
         "hodepine", "tyder på", "ingen effekt", "brist", "%", "mmHg", ".", ",", "?", "\n", "(", ")", "😀", "👍🏽"]
ODD = ["\u0301", "\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\ud7ff", "\U0001f9ea", "\t", "\r\n", "\u2028"]

text_strategy = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS + ODD), max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS + ODD), max_size=120).map("".join),
    st.builds(lambda n, w: "(" * n + w + ")" * n, st.integers(0, 2000), st.sampled_from(WORDS)),
    st.builds(lambda n: "Magnesium " + "9" * n + " mg dagligen minskar migrän.", st.integers(1, 10_000)),
    st.builds(lambda n: "x" * n, st.integers(1, 50_000)),
)


@settings(max_examples=int(os.environ.get("CLAIMX_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, lang=st.sampled_from(["sv", "da", "nb", "en", None]))
def test_any_text_gives_a_valid_record(text, lang):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = process_article(Article(source="fuzz", text=text), lang)
    assert result.status != "failed", result.error
    assert result.status == "ok" or result.error
    assert_offsets(result)
    for claim in result.claims:
        if claim.dose is not None:
            for value in (claim.dose.min, claim.dose.max):
                assert value is None or math.isfinite(value)
    again = process_article(Article(source="fuzz", text=text), lang)
    assert [c.id for c in again.claims] == [c.id for c in result.claims]
    assert len({c.id for c in result.claims}) == len(result.claims)
