"""Train the span pipeline from annotations and install it.

    python -m attrib.train                       # annotations/*.jsonl, split.json -> attrib/model
    python -m attrib.train --max-steps 20 --output /tmp/m   # a quick run

Builds DocBins for the train and dev splits (gold spans under ``sc`` for spancat and under
``span_candidates`` for span_finder), trains with ``training/config.cfg``, and replaces the
target only after the new model has been written and loads.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from .corpus import SPANS_KEY, article_key, default_annotation_files, load_articles, load_split

CANDIDATES_KEY = "span_candidates"
DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "training" / "config.cfg"
PACKAGE_MODEL = Path(__file__).resolve().parent / "model"


def blank_nlp():
    import spacy

    from .pipeline import tokenizer  # noqa: F401  (registers attrib.tokenizer.v1)

    return spacy.blank("hi", config={"nlp": {"tokenizer": {"@tokenizers": "attrib.tokenizer.v1"}}})


def build_docbins(articles, split: dict, out_dir: Path) -> dict[str, Path]:
    """Write train.spacy / dev.spacy / test.spacy; returns their paths (only non-empty parts)."""
    from spacy.tokens import DocBin

    from .corpus import to_doc

    nlp = blank_nlp()
    where = {key: part for part, keys in split.items() for key in keys}
    bins = {part: DocBin() for part in ("train", "dev", "test")}
    for art in articles:
        part = where.get(article_key(art), "train")
        doc = to_doc(nlp, art)
        doc.spans[CANDIDATES_KEY] = list(doc.spans[SPANS_KEY])
        bins[part].add(doc)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for part, db in bins.items():
        if len(db):
            paths[part] = out_dir / f"{part}.spacy"
            db.to_disk(paths[part])
    return paths


def train(articles, split: dict, output: Path, *, config: Path = DEFAULT_CONFIG, max_steps: int | None = None,
          eval_frequency: int | None = None, use_gpu: int = -1) -> Path:
    """Train and write the best model to ``output``; returns that path."""
    from spacy.cli.train import train as spacy_train

    from .pipeline import attribution, sentences, suggester  # noqa: F401  (registrations)

    with tempfile.TemporaryDirectory(prefix="attrib-train-") as tmp:
        tmp = Path(tmp)
        paths = build_docbins(articles, split, tmp / "corpus")
        if "train" not in paths:
            raise ValueError("no training articles")
        overrides = {"paths.train": str(paths["train"]), "paths.dev": str(paths.get("dev", paths["train"]))}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        if eval_frequency is not None:
            overrides["training.eval_frequency"] = eval_frequency
        spacy_train(config, tmp / "out", overrides=overrides, use_gpu=use_gpu)
        best = tmp / "out" / "model-best"
        if not best.exists():
            best = tmp / "out" / "model-last"
        import spacy

        spacy.load(best)  # the new model must load before it replaces anything
        staged = output.with_name(output.name + ".new")
        if staged.exists():
            shutil.rmtree(staged)
        shutil.copytree(best, staged)
    if output.exists():
        shutil.rmtree(output)
    staged.rename(output)
    return output


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("annotations", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--split", type=Path, default=Path("annotations/split.json"))
    ap.add_argument("--output", type=Path, default=PACKAGE_MODEL)
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--eval-frequency", type=int, default=None)
    a = ap.parse_args(argv)
    files = a.annotations or default_annotation_files()
    articles = load_articles(files, a.corpus)
    split = load_split(a.split)
    print(f"{len(articles)} articles from {', '.join(map(str, files))}")
    out = train(articles, split, a.output, config=a.config, max_steps=a.max_steps, eval_frequency=a.eval_frequency)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
