"""Training a few steps on the seeds writes a model that loads and runs (the real model is
trained by `python -m attrib.train`; this checks the path works end to end)."""

import spacy

from attrib.corpus import load_articles
from tests.conftest import ROOT


def test_train_few_steps_loads(tmp_path):
    from attrib.train import train

    arts = load_articles([ROOT / "annotations" / "seeds.jsonl"])
    split = {"train": [a.meta["source"] for a in arts[:4]], "dev": [arts[4].meta["source"]], "test": []}
    out = train(arts, split, tmp_path / "model", max_steps=4, eval_frequency=2)
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["attrib_sentences", "tok2vec", "span_finder", "spancat", "attrib_attribution"]
    assert set(nlp.get_pipe("spancat").labels) == {"QUOTE", "CLAIM", "SPEAKER", "CUE"}
    nlp("जयशंकर ने कहा कि भारत तैयार है।")


def _params(model):
    return {(node.name, i, name): node.get_param(name) for i, node in enumerate(model.walk())
            for name in node.param_names if node.has_param(name)}


def test_pretrained_tok2vec_is_where_training_starts(tmp_path):
    """training/pretrain.py writes tok2vec weights from raw pool text; `--init-tok2vec` starts the
    tok2vec layer from them (a model trained two steps from them stays close to them, one trained
    from scratch does not), and a missing weights file is refused before any work."""
    import importlib.util

    import numpy
    import pytest

    from attrib.errors import AttribError
    from attrib.train import train

    spec = importlib.util.spec_from_file_location("pretrain", ROOT / "training" / "pretrain.py")
    pretrain = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pretrain)
    pool = tmp_path / "corpus" / "pool"
    pool.mkdir(parents=True)
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        (pool / f.name).write_text(f.read_text(encoding="utf-8-sig"), encoding="utf-8")
    weights = pretrain.main(["--corpus", str(tmp_path / "corpus"), "--epochs", "1", "--output", str(tmp_path / "pt")])
    assert weights.is_file()

    arts = load_articles([ROOT / "annotations" / "seeds.jsonl"])
    split = {"train": [a.meta["source"] for a in arts[:4]], "dev": [arts[4].meta["source"]], "test": []}
    started = spacy.load(train(arts, split, tmp_path / "from-pretrained", max_steps=2, eval_frequency=1,
                               init_tok2vec=weights)).get_pipe("tok2vec").model
    scratch = spacy.load(train(arts, split, tmp_path / "scratch", max_steps=2, eval_frequency=1)).get_pipe("tok2vec").model
    reference = spacy.load(tmp_path / "scratch").get_pipe("tok2vec").model
    reference.from_bytes(weights.read_bytes())  # the pretrained weights in the same architecture
    ref = _params(reference)
    near = numpy.mean([numpy.abs(v - ref[k]).mean() for k, v in _params(started).items()])
    far = numpy.mean([numpy.abs(v - ref[k]).mean() for k, v in _params(scratch).items()])
    assert near < far / 5

    with pytest.raises(AttribError, match="no pretrained tok2vec weights"):
        train(arts, split, tmp_path / "x", max_steps=2, init_tok2vec=tmp_path / "missing.bin")
