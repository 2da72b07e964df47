"""Train the span pipeline from annotations and install it.

    python -m attrib.train                       # annotations/*.jsonl, split.json -> attrib/model
    python -m attrib.train --max-steps 20 --output /tmp/m   # a quick run
    python -m attrib.train --config trf --gpu-id 0          # the transformer config (trf extra)
    python -m attrib.train --config trf --transformer xlm-roberta-base   # another model or a local dir

Builds DocBins for the train and dev splits (gold spans under ``sc`` for spancat and under
``span_candidates`` for span_finder), trains with ``training/config.cfg``, and replaces the
target only after the new model has been written and loads.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from spacy import registry as spacy_registry

from .corpus import LABELS, SPANS_KEY, article_key, default_annotation_files, load_articles, load_split
from .errors import AttribError, ModelError


class TrainError(AttribError):
    """Training cannot start or its result cannot be installed."""


CANDIDATES_KEY = "span_candidates"
DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "training" / "config.cfg"
PACKAGE_MODEL = Path(__file__).resolve().parent / "model"
TRF_CONFIG = DEFAULT_CONFIG.with_name("config_trf.cfg")
CONFIGS = {"cnn": DEFAULT_CONFIG, "trf": TRF_CONFIG}  # names `--config` takes besides a config file
TRF_MODEL = DEFAULT_CONFIG.with_name("model-trf")  # a transformer model never replaces the shipped one by default


def blank_nlp():
    import spacy

    from .pipeline import tokenizer  # noqa: F401  (registers attrib.tokenizer.v1)

    return spacy.blank("hi", config={"nlp": {"tokenizer": {"@tokenizers": "attrib.tokenizer.v1"}}})


def split_part(key: str, split: dict) -> str:
    """The part an article belongs to: as listed in the split file, else by the same hash rule as
    ``training/make_split.py`` (70/15/15; seeds always train), so new articles never move."""
    for part, keys in split.items():
        if key in keys:
            return part
    if key.startswith("seeds/"):
        return "train"
    h = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 70 else "dev" if h < 85 else "test"


def build_docbins(articles, split: dict, out_dir: Path) -> dict[str, Path]:
    """Write train.spacy / dev.spacy / test.spacy; returns their paths (only non-empty parts)."""
    from spacy.tokens import DocBin

    from .corpus import to_doc

    nlp = blank_nlp()
    bins = {part: DocBin() for part in ("train", "dev", "test")}
    for art in articles:
        doc = to_doc(nlp, art)
        doc.spans[CANDIDATES_KEY] = list(doc.spans[SPANS_KEY])
        bins[split_part(article_key(art), split)].add(doc)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for part, db in bins.items():
        if len(db):
            paths[part] = out_dir / f"{part}.spacy"
            db.to_disk(paths[part])
    return paths


@dataclass
class TrainResult:
    output: Path
    steps: int
    counts: dict  # articles per part used: train, dev, test
    dev_is_train: bool  # no dev articles: the figures are on the training articles
    scores: dict  # label -> {"p", "r", "f"} on dev (exact span match), plus "ALL"
    base: Optional[Path] = None


# The progress callback of the running training (spaCy builds the logger from the config registry).
_progress: Optional[Callable] = None


@spacy_registry.loggers("attrib.progress_logger.v1")
def progress_logger():
    """A training logger that reports each step to the callback ``train_model`` was given."""

    def setup(nlp, stdout=None, stderr=None):
        step = {"n": -1}

        def log_step(info):
            step["n"] += 1
            if _progress is not None:
                _progress(step["n"], info)

        return log_step, lambda: None

    return setup


def _check_target(output: Path) -> None:
    if output.exists() and not (output / "config.cfg").exists() and any(output.iterdir()):
        raise TrainError(f"{output}: exists and is not a model directory; refusing to replace it (choose another --output)")


def _check_model(path: Path, what: str) -> None:
    from .extract import open_model

    try:
        open_model(path)
    except ModelError as e:
        raise TrainError(f"the {what} does not load as an attrib model: {e}") from None


def evaluate_docs(model: Path, docbin: Path) -> dict:
    """Exact-match span P/R/F per label of ``model`` on the gold docs in ``docbin``."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples)
    per_type = scores.get(f"spans_{SPANS_KEY}_per_type") or {}
    table = {lab: {k: round(float(per_type.get(lab, {}).get(k, 0.0)), 4) for k in "prf"} for lab in LABELS}
    table["ALL"] = {k: round(float(scores.get(f"spans_{SPANS_KEY}_{k}") or 0.0), 4) for k in "prf"}
    return table


def resolve_config(config) -> Path:
    """``"cnn"`` / ``"trf"`` -> the checked-in configs; anything else is a config file path."""
    return CONFIGS.get(str(config), Path(config))


def is_transformer_config(config) -> bool:
    from spacy import util

    try:
        return "transformer" in util.load_config(resolve_config(config), interpolate=False)["nlp"]["pipeline"]
    except Exception:  # noqa: BLE001  (check_training_inputs reports an unusable config)
        return False


def default_output(config) -> Path:
    """Where a model goes without --output: the package model, or training/model-trf for a transformer."""
    return TRF_MODEL if is_transformer_config(config) else PACKAGE_MODEL


def transformer_overrides(config, transformer: Optional[str]) -> dict:
    """Config overrides that point a transformer config at ``transformer`` (a Hugging Face name or
    a local save_pretrained directory); refuses a transformer config without spacy-transformers."""
    if not is_transformer_config(config):
        if transformer:
            raise TrainError(f"{config}: --transformer needs a transformer config (--config trf)")
        return {}
    try:
        import spacy_transformers  # noqa: F401
    except ImportError:
        raise TrainError(f"{config}: a transformer config needs spacy-transformers: pip install -e '.[trf]'") from None
    if not transformer:
        return {}
    local = Path(transformer).expanduser()
    return {"components.transformer.model.name": str(local.resolve()) if local.is_dir() else transformer}


def check_training_inputs(output: Path, config: Path = DEFAULT_CONFIG, base: Optional[Path] = None,
                          max_steps: Optional[int] = None, transformer: Optional[str] = None,
                          init_tok2vec: Optional[Path] = None) -> int:
    """Refuse early what would fail after the corpus is built; returns the number of steps planned."""
    from spacy import util

    if init_tok2vec is not None and not Path(init_tok2vec).is_file():
        raise TrainError(f"{init_tok2vec}: no pretrained tok2vec weights there (write them with "
                         "`python training/pretrain.py`)")

    config = resolve_config(config)
    _check_target(Path(output))
    if not Path(config).is_file():
        raise TrainError(f"{config}: no such training config (give cnn, trf or a config file)")
    try:
        planned = util.load_config(config, interpolate=False)["training"]["max_steps"]
    except Exception as e:  # thinc's config errors have many types
        raise TrainError(f"{config}: not a usable training config: {e}") from None
    transformer_overrides(config, transformer)
    if base is not None:
        _check_model(Path(base), "base model")
    return int(max_steps if max_steps is not None else planned)


def train_model(articles, split: dict, output: Path, *, config: Path = DEFAULT_CONFIG, base: Optional[Path] = None,
                max_steps: Optional[int] = None, eval_frequency: Optional[int] = None, use_gpu: int = -1,
                progress: Optional[Callable] = None, transformer: Optional[str] = None,
                init_tok2vec: Optional[Path] = None) -> TrainResult:
    """Convert articles to DocBins (train/dev by ``split``), train with the checked-in config (or
    continue from the components of ``base``), evaluate on dev, and install the model at
    ``output``. The target is replaced only after training finished and the new model loads.

    ``progress(step, info)`` is called after every step; ``info`` holds the scores on evaluation
    steps and is None otherwise. ``config`` may be ``"cnn"`` (tok2vec, the shipped model) or
    ``"trf"`` (``training/config_trf.cfg``, spacy-transformers); ``transformer`` replaces a
    transformer config's model name; ``use_gpu`` is a GPU id (-1: CPU); ``init_tok2vec`` is a
    weights file from ``training/pretrain.py`` the tok2vec layer starts from."""
    global _progress
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    from .pipeline import attribution, sentences, suggester  # noqa: F401  (registrations)

    output = Path(output)
    config = resolve_config(config)
    check_training_inputs(output, config, base, transformer=transformer, init_tok2vec=init_tok2vec)
    extra = transformer_overrides(config, transformer)
    if init_tok2vec is not None:
        extra["paths.init_tok2vec"] = str(Path(init_tok2vec).resolve())
    with tempfile.TemporaryDirectory(prefix="attrib-train-") as tmp:
        tmp = Path(tmp)
        paths = build_docbins(articles, split, tmp / "corpus")
        if "train" not in paths:
            raise TrainError("no training articles: every article read belongs to the dev or test split")
        dev = paths.get("dev", paths["train"])
        try:
            cfg = util.load_config(config, overrides={"paths.train": str(paths["train"]), "paths.dev": str(dev), **extra},
                                   interpolate=False)
        except Exception as e:  # thinc's config errors have many types
            raise TrainError(f"{config}: not a usable training config: {e}") from None
        steps = int(max_steps if max_steps is not None else cfg["training"]["max_steps"])
        cfg["training"]["max_steps"] = steps
        cfg["training"]["eval_frequency"] = int(eval_frequency or min(cfg["training"]["eval_frequency"], max(1, steps // 2)))
        cfg["training"]["logger"] = {"@loggers": "attrib.progress_logger.v1"}
        if init_tok2vec is not None and not cfg.get("pretraining"):
            # spaCy loads [initialize] init_tok2vec only for a config with a [pretraining] block (it
            # names the component and layer the weights belong to): spaCy's defaults, tok2vec whole
            from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH

            cfg["pretraining"] = util.load_config(DEFAULT_CONFIG_PRETRAIN_PATH, interpolate=False)["pretraining"]
        if base is not None:
            base_pipes = util.load_config(Path(base) / "config.cfg", interpolate=False)["nlp"]["pipeline"]
            for name in ("tok2vec", "transformer", "span_finder", "spancat"):  # trained components continue from the base
                if name not in cfg["nlp"]["pipeline"]:
                    continue
                if name not in base_pipes:
                    raise TrainError(f"{base}: the base model has no {name} component for {config.name} (pipeline {base_pipes})")
                cfg["components"][name] = {"source": str(Path(base).resolve())}
        _progress = progress
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # spaCy's notes on sourced vectors and batch sizes
                nlp = init_nlp(cfg, use_gpu=use_gpu)
                sink = io.StringIO()
                (tmp / "out").mkdir()
                train_loop(nlp, tmp / "out", use_gpu=use_gpu, stdout=sink, stderr=sink)
        finally:
            _progress = None
        best = tmp / "out" / "model-best"
        if not best.exists():
            best = tmp / "out" / "model-last"
        # The model's config names the training logger it was trained with; give it back spaCy's.
        saved = util.load_config(best / "config.cfg", interpolate=False)
        saved["training"]["logger"] = util.load_config(config, interpolate=False)["training"]["logger"]
        saved.to_disk(best / "config.cfg")
        _check_model(best, "new model")  # it must load before it replaces anything
        scores = evaluate_docs(best, dev)
        output.parent.mkdir(parents=True, exist_ok=True)
        staged = output.with_name(output.name + ".new")
        if staged.exists():
            shutil.rmtree(staged)
        shutil.copytree(best, staged)
        counts = {part: sum(1 for a in articles if split_part(article_key(a), split) == part) for part in ("train", "dev", "test")}
    if output.exists():
        shutil.rmtree(output)
    staged.rename(output)
    return TrainResult(output=output, steps=steps, counts=counts, dev_is_train="dev" not in paths, scores=scores,
                       base=Path(base) if base else None)


def train(articles, split: dict, output: Path, *, config: Path = DEFAULT_CONFIG, max_steps: int | None = None,
          eval_frequency: int | None = None, use_gpu: int = -1, transformer: Optional[str] = None,
          init_tok2vec: Optional[Path] = None) -> Path:
    """Train and write the best model to ``output``; returns that path."""
    return train_model(articles, split, output, config=config, max_steps=max_steps, eval_frequency=eval_frequency,
                       use_gpu=use_gpu, transformer=transformer, init_tok2vec=init_tok2vec).output


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("annotations", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--split", type=Path, default=Path("annotations/split.json"))
    ap.add_argument("--output", type=Path, default=None, help="default: attrib/model (cnn), training/model-trf (trf)")
    ap.add_argument("--config", default="cnn", help="cnn (default: tok2vec, the shipped model), trf (spacy-transformers) or a config file")
    ap.add_argument("--transformer", default=None, help="with --config trf: a Hugging Face model name or a local directory "
                    "(default google/muril-base-cased; xlm-roberta-base is the alternative)")
    ap.add_argument("--gpu-id", type=int, default=-1, help="train on this GPU (needs cupy and a CUDA torch; -1: CPU)")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--eval-frequency", type=int, default=None)
    ap.add_argument("--init-tok2vec", type=Path, default=None,
                    help="pretrained tok2vec weights to start from (written by training/pretrain.py)")
    a = ap.parse_args(argv)
    output = a.output or default_output(a.config)
    try:
        check_training_inputs(output, a.config, transformer=a.transformer, init_tok2vec=a.init_tok2vec)
    except AttribError as e:
        ap.error(str(e))
    files = a.annotations or default_annotation_files()
    articles = load_articles(files, a.corpus)
    split = load_split(a.split)
    print(f"{len(articles)} articles from {', '.join(map(str, files))}")
    out = train(articles, split, output, config=a.config, max_steps=a.max_steps, eval_frequency=a.eval_frequency,
                use_gpu=a.gpu_id, transformer=a.transformer, init_tok2vec=a.init_tok2vec)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
