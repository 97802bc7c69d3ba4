"""Where the time goes: a cProfile of claimx extraction on real documents, by stage.

Runs ``process_article`` (language ID, tagging, claims; no output writing) on
``--articles`` of the real documents that ``benchmarks/batch.py`` builds, after a
warm-up, and prints each stage's cumulative seconds and its share of the run.

Run: python benchmarks/stages.py [--articles 1000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, generate_real  # noqa: E402

STAGES = [  # (stage, file suffix, function name)
    ("language ID (claimx.language.identify)", "claimx/language.py", "identify"),
    ("  langdetect", "claimx/language.py", "first_opinion"),
    ("  claimx n-gram vectors", "claimx/language.py", "vector"),
    ("  sentence languages (of claims)", "claimx/language.py", "sentence_code"),
    ("tagging (pipeline.tag_blocks)", "claimx/pipeline.py", "tag_blocks"),
    ("  prefilter gates", "claimx/prefilter.py", "may_match"),
    ("  spaCy tokenizer and sentences (Language.__call__)", "spacy/language.py", "__call__"),
    ("  rule spans (nlp.tag_rule_spans)", "claimx/nlp.py", "tag_rule_spans"),
    ("  sentences and mentions (mentions.sentences_of)", "claimx/extraction/mentions.py", "sentences_of"),
    ("claims (extraction.claims_of)", "claimx/extraction/__init__.py", "claims_of"),
    ("  one claim (claims._claim)", "claimx/extraction/claims.py", "_claim"),
    ("  pydantic validation (BaseModel.__init__)", "pydantic/main.py", "__init__"),
    ("result model (ArticleResult)", "claimx/pipeline.py", "process_article"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from claimx.models import Article
    from claimx.pipeline import process_article

    articles = generate_real(args.articles + 50, args.shared)
    for article in articles[-50:]:  # warm-up: pipelines built, caches filled; not counted
        process_article(Article(source=article["id"], text=article["text"]))
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles[:args.articles]:
        process_article(Article(source=article["id"], text=article["text"]))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())
    print(f"{args.articles} real documents, {total:.1f} s under the profiler\n")
    print("| stage | cumulative s | share |\n|---|---|---|")
    for name, suffix, function in STAGES:
        seconds = sum(ct for (file, _, func), (_, _, _, ct, _) in stats.items()
                      if file.endswith(suffix) and func == function)
        print(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")


if __name__ == "__main__":
    main()
