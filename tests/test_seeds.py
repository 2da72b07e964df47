"""Each seed end to end against its gold annotations, with the shipped model: every statement found
with its exact characters, nothing else reported, every speaker right."""

import pytest

from attrib.evaluate import _match, canonical_key, same_speaker
from attrib.extract import extract
from attrib.speakers import default_registry
from tests.conftest import ROOT


@pytest.mark.parametrize("n", range(5))
def test_every_seed_statement_found_and_attributed(seed_articles, n):
    art = seed_articles[n]
    reg = default_registry()
    result = extract(art.text, source=art.id)
    gold = []
    for st in art.statements():
        end = art.chain_end(art.target(st.id, "said_by"))
        gold.append(((st.start, st.end), canonical_key(art.text[end.start:end.end], None, reg)))
    pred = [((q.start, q.end), canonical_key(q.speaker and q.speaker.name, q.speaker and q.speaker.id, reg)) for q in result.quotes]
    _, m = _match([g[0] for g in gold], [p[0] for p in pred], False)
    missing = [art.text[slice(*g[0])][:50] for i, g in enumerate(gold) if i not in m]
    extra = [art.text[slice(*p[0])][:50] for j, p in enumerate(pred) if j not in m.values()]
    wrong = [(art.text[slice(*g[0])][:40], g[1], pred[m[i]][1]) for i, g in enumerate(gold)
             if i in m and not same_speaker(g[1], pred[m[i]][1])]
    assert missing == [] and extra == [] and wrong == []
    for q in result.quotes:
        assert art.text[q.start:q.end] == q.text


def test_model_ships_with_package():
    assert (ROOT / "attrib" / "model" / "config.cfg").exists()
