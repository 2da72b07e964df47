"""Speed figures (prints; not a test): cold start of `attrib <seed>` beside `python -c "import spacy"`,
and words/s of the full pipeline in batch beside the bare tokenizer.

    python benchmarks/bench.py [--corpus ../shared/corpus]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd, n=5):
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    a = ap.parse_args()
    seed = str(sorted((ROOT / "seeds").glob("*.txt"))[0])
    spacy_s = timed([sys.executable, "-c", "import spacy"])
    cold = timed([sys.executable, "-m", "attrib.cli", seed])
    print(f"cold start: attrib <seed> {cold:.2f} s (median of 5); import spacy {spacy_s:.2f} s; ratio {cold / spacy_s:.2f}")

    from attrib.extract import load_model

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pool = a.corpus / "pool"
    if pool.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(pool.glob("*.txt"))]
    nlp = load_model()
    words = sum(len(t.split()) for t in texts)
    t = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    tok_s = time.perf_counter() - t
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    full_s = time.perf_counter() - t
    mb = sum(len(x.encode()) for x in texts) / 1e6
    print(f"batch: {len(texts)} articles, {mb:.1f} MB, {words} words")
    print(f"full pipeline {words / full_s:,.0f} words/s; bare tokenizer {words / tok_s:,.0f} words/s (one process)")


if __name__ == "__main__":
    main()
