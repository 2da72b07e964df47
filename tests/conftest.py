import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def blank():
    """A blank Hindi pipeline with attrib's tokenizer and sentence boundaries."""
    from attrib.pipeline import sentences  # noqa: F401
    from attrib.train import blank_nlp

    nlp = blank_nlp()
    nlp.add_pipe("attrib_sentences")
    return nlp


@pytest.fixture(scope="session")
def nlp():
    from attrib.extract import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_articles():
    from attrib.corpus import load_articles

    return load_articles([ROOT / "annotations" / "seeds.jsonl"])


def needs_corpus():
    return pytest.mark.skipif(not (CORPUS / "pool").is_dir(), reason="../shared/corpus is not here (stand-off texts absent)")


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
