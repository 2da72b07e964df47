"""`attrib evaluate`'s figures on hand-made articles, where the right answer is known."""

from attrib.corpus import Article, Entity, Relation
from attrib.evaluate import evaluate


def article(text, statements):
    """statements: [(label, statement text, speaker text)] -> an annotated Article."""
    ents, rels = {}, []
    for n, (label, st, spk) in enumerate(statements):
        s, k = text.index(st), text.index(spk)
        ents[f"s{n}"] = Entity(f"s{n}", label, s, s + len(st))
        ents[f"k{n}"] = Entity(f"k{n}", "SPEAKER", k, k + len(spk))
        rels.append(Relation(f"r{n}", f"s{n}", f"k{n}", "said_by"))
    return Article(id="t", text=text, entities=ents, relations=rels)


def test_perfect_and_wrong_speaker_counts(nlp):
    text = 'रक्षा मंत्री राजनाथ सिंह ने कहा, "भारत तैयार है।"\n'
    right = article(text, [("QUOTE", "भारत तैयार है।", "राजनाथ सिंह")])
    wrong = article(text, [("QUOTE", "भारत तैयार है।", "रक्षा मंत्री")])
    wrong.entities["k0"] = Entity("k0", "SPEAKER", 0, len("रक्षा"))  # a speaker nobody predicts
    good = evaluate([right], nlp)
    assert good["end_to_end"]["f"] == 1.0 and good["speaker_accuracy"] == 1.0
    assert good["direct_quotes_exact"] == {"p": 1.0, "r": 1.0, "f": 1.0, "tp": 1, "fp": 0, "fn": 0}
    bad = evaluate([wrong], nlp)
    assert bad["speaker_accuracy"] == 0.0 and bad["end_to_end"]["tp"] == 0
    assert bad["labels_exact"]["QUOTE"]["f"] == 1.0  # the span is still right


def test_a_missed_statement_costs_recall_not_precision(nlp):
    text = "पुलिस ने बताया कि आरोपी फरार है। मौसम साफ रहा।\n"
    art = article(text, [("CLAIM", "आरोपी फरार है", "पुलिस"), ("CLAIM", "मौसम साफ रहा", "पुलिस")])
    r = evaluate([art], nlp)
    assert r["end_to_end"]["tp"] == 1 and r["end_to_end"]["fn"] == 1 and r["end_to_end"]["fp"] == 0
    assert r["quote_recall_by_kind"]["indirect"] == {"recall": 0.5, "gold": 2}
