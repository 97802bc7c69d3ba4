"""Output identity across code changes: a digest of claimx's output on fixed inputs.

Writes, per input set, the SHA-256 of the output lines of ``claimx run -j 1``
(with run-dependent fields removed: none today, the output has no timestamps)
on: the seeds, the ``../shared/dev`` pages, ``corpus/``, 3,000 synthetic
benchmark articles and 2,000 real benchmark documents. Run it before and after
a change meant only for speed; ``--compare`` names any set whose output moved.

Each set also gets a second digest with every record's ``rules_version`` left
out: a change that moves rule data between files (or rewrites a file without
changing what it matches) changes the version, and only the version.

Run: python benchmarks/identity.py --save before.json
     python benchmarks/identity.py --compare before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, generate, generate_real, write_jsonl  # noqa: E402


def digests(shared: Path, keep: Path | None) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="claimx-identity-") as tmp:
        folder = Path(tmp)
        write_jsonl(generate(3000, shared / "ud"), folder / "synthetic.jsonl")
        write_jsonl(generate_real(2000, shared), folder / "real.jsonl")
        sets = {"seeds": shared / "seeds", "dev": shared / "dev" / "texts", "corpus": ROOT / "corpus",
                "synthetic-3000": folder / "synthetic.jsonl", "real-2000": folder / "real.jsonl"}
        found = {}
        for name, source in sets.items():
            out = (keep or folder) / f"{name}.jsonl"
            subprocess.run([sys.executable, "-m", "claimx.cli", "run", str(source), "-o", str(out), "-q", "-j", "1"],
                           check=True)
            found[name] = hashlib.sha256(out.read_bytes()).hexdigest()
            found[f"{name} without rules_version"] = without_version(out)
        return found


def without_version(path: Path) -> str:
    """The digest of the output's records with their ``rules_version`` left out."""
    digest = hashlib.sha256()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            record.pop("rules_version", None)
            digest.update(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--save", type=Path, help="write the digests here")
    parser.add_argument("--compare", type=Path, help="compare with digests written by --save")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    found = digests(args.shared, args.keep)
    if args.save:
        args.save.write_text(json.dumps(found, indent=1) + "\n", "utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text("utf-8"))
        moved = [name for name in before if before[name] != found.get(name)]
        for name in before:
            print(f"{name}: {'identical' if name not in moved else 'CHANGED'}")
        raise SystemExit(1 if moved else 0)
    print(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
