"""Evaluate a model on annotated articles (the test split by default).

Figures:
- per label (QUOTE, CLAIM, SPEAKER, CUE): precision/recall/F1, exact (same characters) and loose
  (overlap ≥ 0.5: the shared characters are at least half of the longer span);
- quote recall by kind (direct, partial, indirect), loose match;
- direct quotes, exact: gold quotes of kind direct against statements the product labels direct;
- speaker accuracy: of the gold statements the model found (loose), the share whose canonical
  speaker is right;
- end to end: a predicted statement counts when it matches a gold statement (loose) *and* names
  the same canonical speaker; precision, recall, F1.

Canonical speakers compare by registry id when the gold chain's end is in the registry, else by
the folded mention text (one containing the other at a word boundary counts: केजरीवाल ~ अरविंद केजरीवाल).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .corpus import LABELS, Article, article_key, load_articles, load_split
from .speakers import Registry, default_registry
from .text import fold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longest = max(a[1] - a[0], b[1] - b[0])
    return inter / longest if longest else 0.0


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], loose: bool) -> tuple[int, dict[int, int]]:
    """Greedy one-to-one matching; returns (tp, {gold index: pred index})."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = 1.0 if g == p else (overlap(g, p) if loose else 0.0)
            if (loose and o >= 0.5) or (not loose and g == p):
                pairs.append((o, i, j))
    used_g, used_p, m = set(), set(), {}
    for o, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j)
            m[i] = j
    return len(m), m


def canonical_key(text: Optional[str], speaker_id: Optional[str], registry: Registry) -> Optional[str]:
    if speaker_id:
        return "id:" + speaker_id
    if not text:
        return None
    sp = registry.match_name(text)
    return "id:" + sp.id if sp else "txt:" + fold(text)


def same_speaker(a: Optional[str], b: Optional[str]) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    if a.startswith("txt:") and b.startswith("txt:"):
        x, y = a[4:], b[4:]
        return bool(x and y) and (x.endswith(" " + y) or y.endswith(" " + x) or x.startswith(y + " ") or y.startswith(x + " "))
    return False


def gold_statements(art: Article, registry: Registry, nlp) -> list[dict]:
    from .pipeline.attribution import _kind

    doc = nlp.make_doc(art.text)
    out = []
    for st in art.statements():
        sp = art.target(st.id, "said_by")
        end = art.chain_end(sp) if sp else None
        span = doc.char_span(st.start, st.end, label=st.label, alignment_mode="expand")
        kind = "indirect" if st.label == "CLAIM" else (_kind(doc, span) if span is not None else "direct")
        out.append({"span": (st.start, st.end), "label": st.label, "kind": kind,
                    "speaker": canonical_key(art.text[end.start:end.end] if end else None, None, registry)})
    return out


def evaluate(articles: Iterable[Article], nlp, registry: Registry | None = None) -> dict:
    from .extract import _configure
    from .pipeline.attribution import EXTENSION, STATEMENTS_KEY

    registry = registry or default_registry()
    _configure(nlp, registry)
    articles = list(articles)
    exact = {lab: Counts() for lab in LABELS}
    loose = {lab: Counts() for lab in LABELS}
    by_kind = {k: Counts() for k in ("direct", "partial", "indirect")}
    e2e = Counts()
    direct = Counts()  # direct quotes, exact characters, as the product labels them
    spk_right = spk_total = 0
    docs = nlp.pipe((a.text for a in articles), batch_size=8)
    for art, doc in zip(articles, docs):
        for lab in LABELS:
            gold = sorted((e.start, e.end) for e in art.entities.values() if e.label == lab)
            gold = sorted(set(gold))
            # QUOTE/CLAIM: the statements the product outputs; SPEAKER/CUE: the span model's labels
            source = doc.spans.get(STATEMENTS_KEY, []) if lab in ("QUOTE", "CLAIM") else doc.spans.get("sc", [])
            pred = sorted({(s.start_char, s.end_char) for s in source if s.label_ == lab})
            for counts, is_loose in ((exact[lab], False), (loose[lab], True)):
                tp, _ = _match(gold, pred, is_loose)
                counts.tp += tp
                counts.fp += len(pred) - tp
                counts.fn += len(gold) - tp
        gold_st = gold_statements(art, registry, nlp)
        pred_st = []
        for s in doc.spans.get(STATEMENTS_KEY, []):
            info = s._.get(EXTENSION) or {}
            pred_st.append({"span": (s.start_char, s.end_char),
                            "speaker": canonical_key(info.get("speaker_name"), info.get("speaker_id"), registry)})
        gold_direct = sorted({g["span"] for g in gold_st if g["kind"] == "direct"})
        pred_direct = sorted({(s.start_char, s.end_char) for s in doc.spans.get(STATEMENTS_KEY, [])
                              if (s._.get(EXTENSION) or {}).get("kind") == "direct"})
        tp, _ = _match(gold_direct, pred_direct, False)
        direct.tp += tp
        direct.fp += len(pred_direct) - tp
        direct.fn += len(gold_direct) - tp
        _, m = _match([g["span"] for g in gold_st], [p["span"] for p in pred_st], True)
        correct = 0
        for i, g in enumerate(gold_st):
            kc = by_kind[g["kind"]]
            if i in m:
                kc.tp += 1
                spk_total += 1
                if same_speaker(g["speaker"], pred_st[m[i]]["speaker"]):
                    spk_right += 1
                    correct += 1
            else:
                kc.fn += 1
        e2e.tp += correct
        e2e.fn += len(gold_st) - correct
        e2e.fp += len(pred_st) - correct
    return {
        "articles": len(articles),
        "labels_exact": {k: v.as_dict() for k, v in exact.items()},
        "labels_overlap": {k: v.as_dict() for k, v in loose.items()},
        "direct_quotes_exact": direct.as_dict(),
        "quote_recall_by_kind": {k: {"recall": v.as_dict()["r"], "gold": v.tp + v.fn} for k, v in by_kind.items()},
        "speaker_accuracy": round(spk_right / spk_total, 4) if spk_total else 0.0,
        "speaker_matched": spk_total,
        "end_to_end": e2e.as_dict(),
    }


def evaluate_split(annotation_files, split_path: Path, part: str = "test", model: Optional[str] = None,
                   corpus=None, registry: Registry | None = None) -> dict:
    from .extract import load_model

    split = load_split(split_path)
    keys = set(split.get(part, []))
    articles = [a for a in load_articles(annotation_files, corpus) if article_key(a) in keys]
    nlp = load_model(model)
    result = evaluate(articles, nlp, registry)
    result["split"] = part
    return result


def write_metrics(result: dict, path: Path) -> None:
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
