"""Train the sv/da/nb/en character n-gram classifier from the UD *dev* files.

The UD test files are kept for evaluation only (benchmarks/langid.py).
Writes models/langid.json: plain JSON (no pickle), loaded by claimx.language.

Run: python scripts/train_langid.py [--ud ../shared/ud] [--out models/langid.json]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from claimx.language import ORDERS
from claimx.language import features as ngrams

TREEBANKS = {
    "sv": "UD_Swedish-Talbanken/sv_talbanken-ud-{split}.conllu",
    "da": "UD_Danish-DDT/da_ddt-ud-{split}.conllu",
    "nb": "UD_Norwegian-Bokmaal/no_bokmaal-ud-{split}.conllu",
    "en": "UD_English-EWT/en_ewt-ud-{split}.conllu",
}
MIN_COUNT = 1
ALPHA = 0.05


def ud_sentences(ud: Path, lang: str, split: str) -> list[str]:
    path = ud / TREEBANKS[lang].format(split=split)
    return [line[9:].strip() for line in path.read_text("utf-8").splitlines() if line.startswith("# text = ")]


def train(ud: Path) -> dict:
    counts = {lang: Counter(g for s in ud_sentences(ud, lang, "dev") for g in ngrams(s)) for lang in TREEBANKS}
    vocab = {g for c in counts.values() for g, k in c.items() if k >= MIN_COUNT}
    langs = list(TREEBANKS)
    totals = [sum(counts[lang][g] for g in vocab) + ALPHA * (len(vocab) + 1) for lang in langs]
    unseen = [round(math.log(ALPHA / total), 4) for total in totals]
    logprobs = {
        gram: [round(math.log((counts[lang][gram] + ALPHA) / totals[i]), 3) for i, lang in enumerate(langs)]
        for gram in sorted(vocab)
    }
    return {"format": "claimx-langid/1", "languages": langs, "orders": list(ORDERS), "alpha": ALPHA,
            "min_count": MIN_COUNT, "trained_on": "UD dev: " + ", ".join(TREEBANKS[l].format(split="dev") for l in langs),
            "unseen": unseen, "features": logprobs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--ud", type=Path, default=root.parent / "shared" / "ud")
    parser.add_argument("--out", type=Path, default=root / "models" / "langid.json")
    args = parser.parse_args()
    model = train(args.ud)
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"{args.out}: {len(model['features'])} n-grams, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
