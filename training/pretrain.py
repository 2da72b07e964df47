"""Pretrain the tok2vec layer of ``training/config.cfg`` on raw pool text (spaCy's characters
objective: predict each word's first and last letters from its context).

    python training/pretrain.py [--corpus ../shared/corpus] [--epochs 5] [--output training/pretrain]

Reads only ``<corpus>/pool/`` (never ``heldout/``), one paragraph per example, and writes
``<output>/model<N>.bin`` after each epoch; the last one is the file to train from:

    python -m attrib.train --init-tok2vec training/pretrain/model4.bin

The raw text stays in a temporary file and the weights in ``training/pretrain/`` (ignored by git):
neither the corpus text nor anything read from it goes into the repository. The architecture comes
from ``training/config.cfg`` itself, so the weights always fit the model they initialise.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MIN_CHARS = 20  # shorter paragraphs are headlines and link clutter


def raw_paragraphs(corpus: Path):
    """Paragraphs of the pool articles (blank-line separated), in file order."""
    pool = corpus / "pool"
    files = sorted(pool.glob("*.txt"))
    if not files:
        raise SystemExit(f"error: {pool}: no .txt articles there (give --corpus)")
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        for para in text.split("\n\n"):
            para = para.strip()
            if len(para) >= MIN_CHARS:
                yield para


def pretraining_config(config: Path, raw_text: Path, epochs: int):
    """``config`` with spaCy's default pretraining blocks added, reading ``raw_text``."""
    from spacy import util
    from spacy.cli.init_config import fill_config

    with tempfile.TemporaryDirectory() as tmp:
        filled = Path(tmp) / "pretrain.cfg"
        fill_config(filled, config, pretraining=True, silent=True)
        raw = util.load_config(filled, overrides={"paths.raw_text": str(raw_text),
                                                  "pretraining.max_epochs": epochs}, interpolate=False)
    return raw.interpolate()


def main(argv=None) -> Path:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "config.cfg")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--output", type=Path, default=ROOT / "training" / "pretrain")
    a = ap.parse_args(argv)

    from spacy.training.pretrain import pretrain

    from attrib.pipeline import attribution, sentences, suggester, tokenizer  # noqa: F401  (registrations)

    a.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="attrib-pretrain-") as tmp:
        raw = Path(tmp) / "raw.jsonl"
        n = 0
        with raw.open("w", encoding="utf-8") as out:
            for para in raw_paragraphs(a.corpus):
                out.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
                n += 1
        print(f"{n} paragraphs from {a.corpus / 'pool'}", file=sys.stderr)
        pretrain(pretraining_config(a.config, raw, a.epochs), a.output, silent=False)
    last = a.output / f"model{a.epochs - 1}.bin"
    print(f"weights written to {last}")
    return last


if __name__ == "__main__":
    main()
