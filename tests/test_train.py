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
