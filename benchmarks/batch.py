"""Batch benchmark: tokenizer vs extraction speed, -j 1 vs -j 2, memory, incremental re-run.

Generates a corpus of distinct articles by recombining paragraphs of
``corpus/`` with UD sentences from ``../shared/ud`` (every article a new
combination, so no document repeats), then reports, in one run, medians of
``--runs`` repetitions:

- words/s of the bare ``spacy.blank(lang)`` tokenizer and of claimx extraction
  on the same texts, and their ratio;
- docs/s of ``claimx run`` end to end with ``-j 1`` and ``-j 2``, on the corpus
  (``--articles``, default 5,000) and on one ten times larger; start-up
  (importing spaCy, building the pipelines: about two seconds) weighs on the
  smaller one;
- peak RSS of ``claimx run -j 1`` at 1x and 10x corpus size;
- the time of an incremental re-run of the unchanged corpus.

Paired measurements (tokenizer and extraction, ``-j 1`` and ``-j 2``) are
interleaved after a warm-up, so a machine whose speed drifts during the run
affects both sides of each ratio alike.

Run: python benchmarks/batch.py [--articles 5000] [--runs 3] [--ud ../shared/ud]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UD_FILES = {
    "sv": ["UD_Swedish-Talbanken/sv_talbanken-ud-dev.conllu", "UD_Swedish-Talbanken/sv_talbanken-ud-test.conllu"],
    "da": ["UD_Danish-DDT/da_ddt-ud-dev.conllu", "UD_Danish-DDT/da_ddt-ud-test.conllu"],
    "nb": ["UD_Norwegian-Bokmaal/no_bokmaal-ud-dev.conllu", "UD_Norwegian-Bokmaal/no_bokmaal-ud-test.conllu"],
}


def ud_sentences(ud: Path, lang: str) -> list[str]:
    out = []
    for rel in UD_FILES[lang]:
        out += [line[9:].strip() for line in (ud / rel).read_text("utf-8").splitlines()
                if line.startswith("# text = ")]
    return out


def corpus_paragraphs(lang: str) -> list[str]:
    prefix = {"sv": "sv_", "da": "da_", "nb": "nb_"}[lang]
    paragraphs = []
    for path in sorted((ROOT / "corpus").glob(prefix + "*.txt")):
        paragraphs += [p for p in path.read_text("utf-8").splitlines() if len(p.split()) > 6]
    return paragraphs


def generate(n: int, ud: Path, seed: int = 7) -> list[dict]:
    """n distinct articles: one corpus paragraph and two paragraphs of 3 UD sentences.

    UD sentences are drawn without replacement (reshuffled only when a
    language's pool runs out), so texts repeat as little as the data allows.
    """
    rng = random.Random(seed)
    pools = {lang: (corpus_paragraphs(lang), ud_sentences(ud, lang)) for lang in UD_FILES}
    queues: dict[str, list[str]] = {lang: [] for lang in UD_FILES}

    def draw(lang: str) -> str:
        if not queues[lang]:
            queues[lang] = rng.sample(pools[lang][1], len(pools[lang][1]))
        return queues[lang].pop()

    articles = []
    for i in range(n):
        lang = rng.choice(["sv", "sv", "da", "da", "nb"])
        parts = [rng.choice(pools[lang][0])] + [" ".join(draw(lang) for _ in range(3)) for _ in range(2)]
        rng.shuffle(parts)
        articles.append({"id": f"bench-{i:06d}", "text": "\n".join(parts), "lang": lang})
    return articles


def write_jsonl(articles: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps({"id": article["id"], "text": article["text"]}, ensure_ascii=False) + "\n")


def words(articles: list[dict]) -> int:
    return sum(len(a["text"].split()) for a in articles)


def tokenizer_speed(articles: list[dict]) -> float:
    """The bare tokenizer of spacy.blank(lang), new pipelines each run, so nothing is cached."""
    import spacy

    pipelines = {lang: spacy.blank(lang) for lang in UD_FILES}
    start = time.perf_counter()
    for article in articles:
        pipelines[article["lang"]].make_doc(article["text"])
    return words(articles) / (time.perf_counter() - start)


def extraction_speed(articles: list[dict]) -> float:
    """claimx on the same texts, with freshly built pipelines (a fresh vocabulary, like the tokenizer's)."""
    from claimx.models import Article
    from claimx.nlp import build_nlp
    from claimx.pipeline import process_article

    build_nlp.cache_clear()
    for lang in ("sv", "da", "nb", "en"):  # build every pipeline before timing
        process_article(Article(source="warm-up", text="Magnesium kan minska migrän."), lang)
    start = time.perf_counter()
    for article in articles:
        process_article(Article(source=article["id"], text=article["text"]))
    return words(articles) / (time.perf_counter() - start)


def claimx_cli() -> list[str]:
    return [sys.executable, "-m", "claimx.cli"]


def timed_run(args: list[str]) -> tuple[float, int]:
    """Wall time and the peak RSS (KiB) of a fresh `claimx run` process and its workers."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *claimx_cli(), *args], capture_output=True, text=True,
                         check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"claimx run failed: {args}")
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ud", type=Path, default=ROOT.parent / "shared" / "ud")
    args = parser.parse_args()
    base = generate(args.articles, args.ud)
    large = generate(args.articles * 10, args.ud, seed=8)
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimx-bench-") as tmp:
        folder = Path(tmp)
        sample = base[: min(len(base), 1500)]
        tokenizer_speed(sample[:300]), extraction_speed(sample[:300])  # warm-up: imports, caches; not counted
        tok, ext = [], []
        for _ in range(args.runs):  # interleaved, so a machine that speeds up or slows down hits both alike
            tok.append(tokenizer_speed(sample))
            ext.append(extraction_speed(sample))
        rows.append(("bare spacy.blank tokenizer", f"{statistics.median(tok):,.0f} words/s"))
        rows.append(("claimx extraction (same texts)", f"{statistics.median(ext):,.0f} words/s"))
        rows.append(("ratio extraction / tokenizer", f"{statistics.median(ext) / statistics.median(tok):.2f}"))
        rss = {}
        for articles in (base, large):
            name = f"{len(articles)} articles"
            path = folder / f"in-{len(articles)}.jsonl"
            write_jsonl(articles, path)
            out = str(folder / f"out-{len(articles)}.jsonl")
            j1, j2, peak = [], [], 0
            for _ in range(args.runs):  # interleaved too
                seconds, kib = timed_run(["run", str(path), "-o", out, "-q", "-j", "1"])
                j1.append(seconds)
                peak = max(peak, kib)
                j2.append(timed_run(["run", str(path), "-o", out, "-q", "-j", "2"])[0])
            rss[len(articles)] = peak
            rows.append((f"claimx run -j 1, {name}", f"{len(articles) / statistics.median(j1):,.1f} docs/s"))
            rows.append((f"claimx run -j 2, {name}", f"{len(articles) / statistics.median(j2):,.1f} docs/s"))
            rows.append((f"speed-up -j 2 / -j 1, {name}", f"{statistics.median(j1) / statistics.median(j2):.2f}"))
            if articles is base:
                again = [timed_run(["run", str(path), "-o", out, "-q", "-j", "2", "--incremental"])[0]
                         for _ in range(args.runs)]
                rows.append((f"incremental re-run, unchanged {name}", f"{statistics.median(again):.2f} s"))
                rows.append(("first run (-j 2) / incremental re-run",
                             f"{statistics.median(j2) / statistics.median(again):.1f}x"))
        rows.append((f"peak RSS -j 1, {len(base)} articles (1x)", f"{rss[len(base)] / 1024:,.0f} MiB"))
        rows.append((f"peak RSS -j 1, {len(large)} articles (10x)", f"{rss[len(large)] / 1024:,.0f} MiB"))
        rows.append(("RSS ratio 10x / 1x", f"{rss[len(large)] / rss[len(base)]:.2f}"))
    print(f"articles: {len(base)} ({words(base):,} words) and {len(large)} ({words(large):,} words); "
          f"medians of {args.runs} runs\n")
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
