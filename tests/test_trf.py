"""The transformer config (training/config_trf.cfg) trains and loads, with no download: a tiny
BERT is built here (a WordPiece vocabulary from the seeds, 2 layers), the config is pointed at
its directory, a few steps are trained and the result is loaded and run."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

pytest.importorskip("spacy_transformers", reason="the trf extra (spacy-transformers, torch) is not installed")


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A 2-layer BERT with a WordPiece vocabulary trained on the seeds, saved with save_pretrained.

    The normaliser is NFC only: BERT's default (accent stripping) deletes Devanagari vowel signs
    (मंत्री -> मतर), and do_lower_case=False keeps Latin names as written.
    """
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, BertTokenizerFast

    out = tmp_path_factory.mktemp("tiny-bert")
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator((s.read_text(encoding="utf-8") for s in SEEDS),
                            trainers.WordPieceTrainer(vocab_size=3000, special_tokens=special))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[(t, tok.token_to_id(t)) for t in ("[CLS]", "[SEP]")])
    fast = BertTokenizerFast(tokenizer_object=tok, do_lower_case=False, strip_accents=False,
                             unk_token="[UNK]", sep_token="[SEP]", pad_token="[PAD]", cls_token="[CLS]", mask_token="[MASK]")
    fast.save_pretrained(out)
    config = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512)
    BertModel(config).save_pretrained(out)
    return out


def test_tiny_bert_tokenizer_keeps_devanagari_vowel_signs(tiny_bert):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_bert)
    pieces = tok.tokenize("विदेश मंत्री जयशंकर ने कहा")
    assert "".join(p.removeprefix("##") for p in pieces) == "विदेशमंत्रीजयशंकरनेकहा"
    assert tok.convert_tokens_to_string(tok.tokenize("@SecRubio")) == "@ SecRubio"  # case kept (BertPreTokenizer splits '@')


def test_trf_config_trains_a_few_steps_and_the_model_loads(tmp_path, tiny_bert, seed_articles):
    import spacy

    from attrib.extract import extract, load_model
    from attrib.train import TRF_CONFIG, train

    assert 'name = "google/muril-base-cased"' in TRF_CONFIG.read_text(encoding="utf-8")  # the documented default
    arts = seed_articles
    split = {"train": [a.meta["source"] for a in arts[:4]], "dev": [arts[4].meta["source"]], "test": []}
    out = train(arts, split, tmp_path / "model", config="trf", transformer=str(tiny_bert), max_steps=4, eval_frequency=2)
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["attrib_sentences", "transformer", "span_finder", "spancat", "attrib_attribution"]
    assert set(nlp.get_pipe("spancat").labels) == {"QUOTE", "CLAIM", "SPEAKER", "CUE"}
    doc = nlp("विदेश मंत्री जयशंकर ने कहा, \"हम तैयार हैं।\"")
    assert doc._.trf_data.model_output.last_hidden_state.shape[-1] == 32  # the tiny BERT's width
    # The transformer's weights and tokenizer are saved inside the pipeline: it loads in a fresh
    # process with the tiny BERT's directory gone and the hub off.
    away = tiny_bert.with_name(tiny_bert.name + "-away")
    tiny_bert.rename(away)
    try:
        code = "import spacy, sys; nlp = spacy.load(sys.argv[1]); print(nlp.pipe_names[1], len(nlp('जयशंकर ने कहा')))"
        r = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    finally:
        away.rename(tiny_bert)
    assert r.returncode == 0 and r.stdout.split() == ["transformer", "3"], r.stderr[-2000:]
    result = extract(SEEDS[0].read_text(encoding="utf-8"), model=str(out))
    assert load_model(str(out)).pipe_names == nlp.pipe_names
    text = SEEDS[0].read_text(encoding="utf-8")
    assert all(text[q.start:q.end] == q.text for q in result.quotes)


def test_a_transformer_name_needs_the_trf_config(tmp_path, seed_articles):
    from attrib.errors import AttribError
    from attrib.train import train

    with pytest.raises(AttribError, match="needs a transformer config"):
        train(seed_articles, {"train": [], "dev": [], "test": []}, tmp_path / "m", transformer="xlm-roberta-base")


def test_attrib_train_selects_the_transformer_config(tmp_path, tiny_bert):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "COLUMNS": "200"}
    seeds = str(ROOT / "annotations" / "seeds.jsonl")
    r = subprocess.run([sys.executable, "-m", "attrib.cli", "train", seeds, "--config", "trf", "--transformer", str(tiny_bert),
                        "--max-steps", "2", "-o", str(tmp_path / "m")], capture_output=True, text=True, cwd=ROOT, timeout=600, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    cfg = (tmp_path / "m" / "config.cfg").read_text(encoding="utf-8")
    assert '"transformer"' in cfg and str(tiny_bert.resolve()) in cfg
    r = subprocess.run([sys.executable, "-m", "attrib.cli", "train", seeds, "--transformer", "xlm-roberta-base", "-o", str(tmp_path / "n")],
                       capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    assert r.returncode == 1 and "needs a transformer config (--config trf)" in r.stderr and not (tmp_path / "n").exists()
