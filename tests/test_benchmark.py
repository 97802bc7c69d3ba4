"""The benchmark's corpora: distinct documents built from real articles, in sv, da and nb."""

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import batch  # noqa: E402


def test_real_documents_are_distinct_and_real(shared_dir):
    docs = batch.generate_real(600, shared_dir)
    assert len(docs) == 600
    assert len({d["text"] for d in docs}) == 600
    assert set(Counter(d["lang"] for d in docs)) == {"sv", "da", "nb"}
    paragraphs = {line for lang in batch.real_articles_by_language(shared_dir).values()
                  for article in lang for line in article}
    for doc in docs:  # every line is a paragraph of a real article, none invented
        assert set(doc["text"].split("\n")) <= paragraphs
    assert batch.generate_real(50, shared_dir) == docs[:50]  # the same seed gives the same corpus


def test_synthetic_articles_are_distinct(shared_dir):
    docs = batch.generate(300, shared_dir / "ud")
    assert len({d["text"] for d in docs}) == 300
