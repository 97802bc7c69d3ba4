"""Language identification on the UD test sets: claimx against other detectors, in one run.

Prints, per system and level (sentence; paragraph = 5 consecutive sentences):
accuracy per language, micro accuracy, a confusion matrix and the median
cost per unit; and claimx's reliability table (accuracy by confidence bin, and
the expected calibration error). langdetect is always compared; lingua and langid.py when installed.

Run: python benchmarks/langid.py [--ud ../shared/ud] [--limit N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

# This file is named like the langid.py package; keep its folder off the import path.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

LANGS = ("sv", "da", "nb", "en")
TREEBANKS = {
    "sv": "UD_Swedish-Talbanken/sv_talbanken-ud-test.conllu",
    "da": "UD_Danish-DDT/da_ddt-ud-test.conllu",
    "nb": "UD_Norwegian-Bokmaal/no_bokmaal-ud-test.conllu",
    "en": "UD_English-EWT/en_ewt-ud-test.conllu",
}


def load(ud: Path, limit: int | None) -> dict[str, list[str]]:
    out = {}
    for lang, rel in TREEBANKS.items():
        lines = (ud / rel).read_text("utf-8").splitlines()
        out[lang] = [line[9:].strip() for line in lines if line.startswith("# text = ")][:limit]
    return out


def paragraphs(sentences: list[str], size: int = 5) -> list[str]:
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences) - size + 1, size)]


def systems() -> dict[str, Callable[[str], str]]:
    from langdetect import DetectorFactory, detect

    from claimx.language import detect as claimx_detect

    DetectorFactory.seed = 0

    def run_claimx(text: str) -> str:
        guess = claimx_detect(text)
        return guess.code if guess else "und"

    def run_langdetect(text: str) -> str:
        try:
            code = detect(text)
        except Exception:
            return "und"
        return {"no": "nb"}.get(code, code)

    found = {"claimx": run_claimx, "langdetect (all profiles)": run_langdetect}
    try:
        from lingua import Language, LanguageDetectorBuilder

        names = {Language.SWEDISH: "sv", Language.DANISH: "da", Language.BOKMAL: "nb", Language.ENGLISH: "en"}
        lingua = LanguageDetectorBuilder.from_languages(*names).build()
        found["lingua (sv/da/nb/en)"] = lambda text: names.get(lingua.detect_language_of(text), "und")
    except ImportError:
        pass
    try:
        import langid

        identifier = langid.langid.LanguageIdentifier.from_modelstring(langid.langid.model, norm_probs=True)
        identifier.set_languages(["sv", "da", "no", "nb", "en"])
        def run_langid(text: str) -> str:
            code = identifier.classify(text)[0]
            return {"no": "nb"}.get(code, code)

        found["langid.py (sv/da/no/en)"] = run_langid
    except ImportError:
        pass
    return found


def evaluate(name: str, run: Callable[[str], str], units: dict[str, list[str]]) -> list[str]:
    confusion: dict[str, Counter[str]] = {lang: Counter() for lang in LANGS}
    costs = []
    for lang, texts in units.items():
        for text in texts:
            start = time.perf_counter()
            guess = run(text)
            costs.append(time.perf_counter() - start)
            confusion[lang][guess if guess in LANGS else "other"] += 1
    total = sum(sum(c.values()) for c in confusion.values())
    correct = sum(confusion[lang][lang] for lang in LANGS)
    per_lang = "  ".join(f"{lang} {confusion[lang][lang] / max(1, sum(confusion[lang].values())):.3f}" for lang in LANGS)
    lines = [f"{name:28s} micro {correct / total:.4f}  {per_lang}  median {statistics.median(costs) * 1e6:.0f} µs"]
    header = "      " + " ".join(f"{g:>6s}" for g in (*LANGS, "other"))
    lines.append("    confusion (rows gold, columns guess):")
    lines.append("    " + header)
    for lang in LANGS:
        lines.append(f"    {lang:>6s}" + " ".join(f"{confusion[lang][g]:6d}" for g in (*LANGS, "other")))
    return lines


BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0)


def reliability(units: dict[str, list[str]]) -> tuple[list[dict], float]:
    """claimx's confidence against its accuracy, by confidence bin, and the expected calibration
    error (the bins' |confidence - accuracy| weighted by their share of units)."""
    from claimx.language import detect

    pairs = []
    for lang, texts in units.items():
        for text in texts:
            guess = detect(text)
            pairs.append((guess.confidence if guess else 0.0, guess is not None and guess.code == lang))
    rows, error = [], 0.0
    for low, high in zip(BINS, BINS[1:]):
        inside = [(p, ok) for p, ok in pairs if low <= p < high or (high == 1.0 and p == 1.0)]
        if not inside:
            continue
        confidence = sum(p for p, _ in inside) / len(inside)
        accuracy = sum(ok for _, ok in inside) / len(inside)
        error += len(inside) / len(pairs) * abs(confidence - accuracy)
        rows.append({"bin": f"[{low:.2f}, {high:.2f}{']' if high == 1.0 else ')'}", "units": len(inside),
                     "confidence": confidence, "accuracy": accuracy})
    return rows, error


def reliability_lines(units: dict[str, list[str]]) -> list[str]:
    rows, error = reliability(units)
    lines = ["    claimx reliability (confidence bin: units, mean confidence, accuracy):"]
    lines += [f"    {r['bin']:>13s} {r['units']:6d}  {r['confidence']:.3f}  {r['accuracy']:.3f}" for r in rows]
    lines.append(f"    expected calibration error {error:.4f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "ud")
    parser.add_argument("--limit", type=int, default=None, help="sentences per language (default: all)")
    args = parser.parse_args()
    sentences = load(args.ud, args.limit)
    levels = {"sentence": sentences, "paragraph (5 sentences)": {k: paragraphs(v) for k, v in sentences.items()}}
    found = systems()
    for level, units in levels.items():
        counts = ", ".join(f"{k} {len(v)}" for k, v in units.items())
        print(f"== {level} level ({counts})")
        for name, run in found.items():
            for line in evaluate(name, run, units):
                print(line)
        for line in reliability_lines(units):
            print(line)


if __name__ == "__main__":
    main()
