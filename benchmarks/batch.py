"""Batch benchmark: tokenizer vs extraction speed on real and synthetic articles, start-up,
-j 1 vs -j 2, memory, incremental re-run.

Two corpora of distinct documents, each measured in the same run:

- **real articles** (first): the paragraphs of the seeds (``../shared/seeds``),
  the ``../shared/dev`` pages and ``corpus/``, recombined within a language
  into new documents (an article's paragraphs with about half of them swapped
  for paragraphs of other articles), every document a new text;
- **the synthetic mix**: one ``corpus/`` paragraph and two paragraphs of UD
  sentences (``../shared/ud``), which the prefilter mostly skips.

It reports, as medians of ``--runs`` rounds with [min–max]:

- words/s of the bare ``spacy.blank(lang)`` tokenizer and of claimx extraction
  (language ID included) on the same texts, and their ratio, per corpus;
- start-up: the wall time of ``claimx run`` on a one-line file, with the
  start-up cache filled (every run after the first) and empty (the first run
  after an install or a rule change; the benchmark keeps its own cache folder),
  beside that of ``python -c "import spacy"``;
- docs/s of ``claimx run`` end to end with ``-j 1`` and ``-j 2`` on
  ``--articles`` real documents (default 2,000) and the speed-up;
- peak RSS of ``claimx run -j 1`` on 400 and on 4,000 real documents;
- the time of an incremental re-run of the unchanged real corpus.

Paired measurements are interleaved after a warm-up, so a machine whose speed
drifts during the run affects both sides of each ratio alike.

Run: python benchmarks/batch.py [--articles 2000] [--runs 5] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
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


def seed_language(shared: Path, path: Path) -> str | None:
    gold = shared / "gold" / (path.name + ".json")
    return json.loads(gold.read_text("utf-8"))["language"] if gold.is_file() else None


def real_articles_by_language(shared: Path) -> dict[str, list[list[str]]]:
    """The paragraphs (non-empty lines) of every real article in sv, da and nb, per language."""
    found: dict[str, list[list[str]]] = {lang: [] for lang in UD_FILES}
    sources = [(p, seed_language(shared, p)) for p in sorted((shared / "seeds").glob("*.txt"))]
    for folder in (shared / "dev" / "texts", ROOT / "corpus"):
        sources += [(p, p.name[:2]) for p in sorted(folder.glob("*.txt"))]
    for path, lang in sources:
        if lang in found:
            found[lang].append([line for line in path.read_text("utf-8").splitlines() if line.strip()])
    return found


def generate_real(n: int, shared: Path, seed: int = 11) -> list[dict]:
    """n distinct documents from real articles: an article's paragraphs in order, about half
    of them swapped for paragraphs of other articles in the same language."""
    rng = random.Random(seed)
    by_lang = real_articles_by_language(shared)
    langs = [lang for lang in by_lang for _ in by_lang[lang]]  # weighted by how many articles there are
    seen: set[str] = set()
    articles: list[dict] = []
    while len(articles) < n:
        lang = rng.choice(langs)
        pool = by_lang[lang]
        base = rng.choice(pool)
        parts = [p if rng.random() < 0.5 else rng.choice(rng.choice(pool)) for p in base]
        text = "\n".join(parts)
        if text in seen:
            continue
        seen.add(text)
        articles.append({"id": f"real-{len(articles):06d}", "text": text, "lang": lang})
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


CACHE_ENV = "CLAIMX_CACHE_DIR"


def timed_run(args: list[str], cache: Path | None = None) -> tuple[float, int]:
    """Wall time and the peak RSS (KiB) of a fresh `claimx run` process and its workers;
    ``cache``: the start-up cache folder it uses (default: the benchmark's own, see main)."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    env = {**os.environ, **({CACHE_ENV: str(cache)} if cache else {})}
    out = subprocess.run([sys.executable, "-c", probe, *claimx_cli(), *args], capture_output=True, text=True,
                         check=True, env=env).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"claimx run failed: {args}")
    return float(out[0]), int(out[1])


def spread(values: list[float], fmt: str = ",.0f") -> str:
    """Median [min–max]."""
    return f"{statistics.median(values):{fmt}} [{min(values):{fmt}}–{max(values):{fmt}}]"


def paired_speeds(articles: list[dict], runs: int) -> tuple[list[float], list[float], list[float]]:
    """Tokenizer and extraction words/s, interleaved, and the ratio of each round."""
    tok, ext = [], []
    for _ in range(runs):
        tok.append(tokenizer_speed(articles))
        ext.append(extraction_speed(articles))
    return tok, ext, [e / t for t, e in zip(tok, ext)]


def start_up(folder: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Wall seconds of `claimx run` on a one-line file with the start-up cache filled (as on every
    run after the first) and empty (the first run after an install or a rule change), and of
    `python -c "import spacy"`, interleaved."""
    one = folder / "one-line.txt"
    one.write_text("Magnesium kan lindra migrän hos vuxna.\n", "utf-8")
    args = ["run", str(one), "-o", str(folder / "one.jsonl"), "-q"]
    warm, cold, spacy_import = [], [], []
    for round_ in range(runs):
        warm.append(timed_run(args)[0])
        cold.append(timed_run(args, folder / f"empty-cache-{round_}")[0])
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import spacy"], check=True)
        spacy_import.append(time.perf_counter() - start)
    return warm, cold, spacy_import


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    real = generate_real(max(args.articles, 4000), args.shared)
    base = real[:args.articles]
    synthetic = generate(1500, args.shared / "ud")
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimx-bench-") as tmp:
        folder = Path(tmp)
        os.environ[CACHE_ENV] = str(folder / "cache")  # the benchmark's own start-up cache, filled by the warm-up
        sample = real[:400]
        tokenizer_speed(sample[:100]), extraction_speed(sample[:100])  # warm-up: imports, caches; not counted
        for name, articles in (("real articles", sample), ("synthetic mix", synthetic)):
            tok, ext, ratio = paired_speeds(articles, args.runs)
            rows.append((f"bare tokenizer, {name}", f"{spread(tok)} words/s"))
            rows.append((f"claimx extraction, {name}", f"{spread(ext)} words/s"))
            rows.append((f"ratio extraction / tokenizer, {name}", spread(ratio, ".3f")))
        claimx, cold, spacy_import = start_up(folder, args.runs)
        rows.append(("start-up: claimx run on a one-line file", f"{spread(claimx, '.2f')} s"))
        rows.append(("start-up, first run (start-up cache empty)", f"{spread(cold, '.2f')} s"))
        rows.append(("floor: python -c 'import spacy'", f"{spread(spacy_import, '.2f')} s"))
        path = folder / "real.jsonl"
        write_jsonl(base, path)
        out = str(folder / "out.jsonl")
        j1, j2 = [], []
        for _ in range(args.runs):  # interleaved too
            j1.append(timed_run(["run", str(path), "-o", out, "-q", "-j", "1"])[0])
            j2.append(timed_run(["run", str(path), "-o", out, "-q", "-j", "2"])[0])
        rows.append((f"claimx run -j 1, {len(base)} real documents", f"{len(base) / statistics.median(j1):,.1f} docs/s"))
        rows.append((f"claimx run -j 2, {len(base)} real documents", f"{len(base) / statistics.median(j2):,.1f} docs/s"))
        rows.append(("speed-up -j 2 / -j 1", spread([a / b for a, b in zip(j1, j2)], ".2f")))
        again = [timed_run(["run", str(path), "-o", out, "-q", "-j", "2", "--incremental"])[0]
                 for _ in range(args.runs)]
        rows.append((f"incremental re-run, unchanged {len(base)} documents", f"{spread(again, '.2f')} s"))
        rss = {}
        for size in (400, 4000):
            sized = folder / f"rss-{size}.jsonl"
            write_jsonl(real[:size], sized)
            rss[size] = timed_run(["run", str(sized), "-o", str(folder / "rss.jsonl"), "-q", "-j", "1"])[1]
            rows.append((f"peak RSS -j 1, {size} real documents", f"{rss[size] / 1024:,.0f} MiB"))
        rows.append(("RSS ratio 4,000 / 400", f"{rss[4000] / rss[400]:.2f}"))
    print(f"real documents: {len(base)} ({words(base):,} words; ratios on the first {len(sample)}), "
          f"synthetic: {len(synthetic)}; medians [min–max] of {args.runs} rounds\n")
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
