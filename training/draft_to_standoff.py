"""Turn an annotator's draft (spans written as text) into a doccano-shaped record.

Annotators read an article and write what they decide as text, not offsets:

    {
      "file": "pool/AU-2020-APR-01_s03.txt",       # or "seeds/000_....txt"
      "statements": [
        {"label": "CLAIM",                          # QUOTE or CLAIM
         "text": "कोरोना के चलते 766 लोग अस्पताल में भर्ती हैं",
         "occurrence": 0,                          # only when the text occurs more than once
         "speaker": "अरविंद केजरीवाल",               # the mention the sentence attributes it to
         "speaker_side": "before",                 # "before" (default) or "after" the statement
         "speaker_occurrence": null,               # explicit n-th occurrence in the text (overrides side)
         "cue": "बताया",                            # null when there is no cue (tweet, headline "…: Name")
         "cue_occurrence": null,
         "refers_to": null,                        # antecedent text for a pronoun/title/short-name speaker
         "refers_to_occurrence": null}
      ]
    }

This script finds the offsets (nearest occurrence rules below), writes the stand-off record
(no text for corpus articles; text included for seeds) and prints every statement in context so
the annotator can check that the right occurrence was taken.

Rules for finding occurrences, unless an explicit ``*_occurrence`` is given:
- speaker: the nearest occurrence that ends before the statement starts ("before"), or that starts
  after it ends ("after");
- cue: the nearest occurrence outside the statement, preferring one between the speaker mention and
  the statement;
- refers_to: the nearest occurrence that ends before the speaker mention starts.

Usage: python training/draft_to_standoff.py DRAFT.json [--corpus ../shared/corpus] [--seeds seeds]
       [--out OUT.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

LABELS = {"QUOTE", "CLAIM"}


class DraftError(Exception):
    pass


def occurrences(text: str, needle: str) -> list[int]:
    if not needle:
        raise DraftError("empty span text")
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    if not found:
        raise DraftError(f"text not found in article: {needle!r}")
    return found


def pick(text, needle, explicit, choose, what):
    starts = occurrences(text, needle)
    if explicit is not None:
        if not 0 <= explicit < len(starts):
            raise DraftError(f"{what} {needle!r}: occurrence {explicit} but only {len(starts)} found")
        return starts[explicit]
    start = choose(starts)
    if start is None:
        raise DraftError(f"{what} {needle!r}: no occurrence on the required side; give an explicit occurrence")
    return start


def resolve(text: str, draft: dict):
    entities: dict[tuple[int, int, str], int] = {}
    relations: list[tuple[int, int, str]] = []
    report = []

    def entity(start, end, label):
        key = (start, end, label)
        if key not in entities:
            entities[key] = len(entities) + 1
        return entities[key]

    for n, st in enumerate(draft.get("statements", [])):
        try:
            label = st["label"]
            if label not in LABELS:
                raise DraftError(f"label must be QUOTE or CLAIM, not {label!r}")
            q = st["text"]
            qs = pick(text, q, st.get("occurrence"), lambda s: s[0] if len(s) == 1 else None, "statement")
            qe = qs + len(q)
            sp = st["speaker"]
            side = st.get("speaker_side", "before")
            if side == "before":
                choose = lambda s: max((x for x in s if x + len(sp) <= qs), default=None)
            elif side == "after":
                choose = lambda s: min((x for x in s if x >= qe), default=None)
            else:
                raise DraftError("speaker_side must be 'before' or 'after'")
            ss = pick(text, sp, st.get("speaker_occurrence"), choose, "speaker")
            se = ss + len(sp)
            qid = entity(qs, qe, label)
            sid = entity(ss, se, "SPEAKER")
            relations.append((qid, sid, "said_by"))
            cue = st.get("cue")
            cs = None
            if cue:
                # between the speaker mention and the statement, on whichever side the speaker is
                gap = (se, qs) if ss < qs else (qe, ss)

                def choose_cue(s):
                    outside = [x for x in s if x + len(cue) <= qs or x >= qe]
                    between = [x for x in outside if gap[0] <= x and x + len(cue) <= gap[1]]
                    pool = between or outside
                    if not pool:
                        return None
                    return min(pool, key=lambda x: min(abs(x - qe), abs(x + len(cue) - qs)))

                cs = pick(text, cue, st.get("cue_occurrence"), choose_cue, "cue")
                cid = entity(cs, cs + len(cue), "CUE")
                relations.append((qid, cid, "cue"))
            ref = st.get("refers_to")
            rs = None
            if ref:
                rs = pick(text, ref, st.get("refers_to_occurrence"),
                          lambda s: max((x for x in s if x + len(ref) <= ss), default=None), "refers_to")
                rid = entity(rs, rs + len(ref), "SPEAKER")
                if (sid, rid, "refers_to") not in relations:
                    relations.append((sid, rid, "refers_to"))
            report.append((n, label, (qs, qe), (ss, se), cs and (cs, cs + len(cue)), rs and (rs, rs + len(ref))))
        except (DraftError, KeyError) as e:
            raise DraftError(f"statement {n}: {e}") from None
    ents = [{"id": i, "label": l, "start_offset": s, "end_offset": e} for (s, e, l), i in entities.items()]
    ents.sort(key=lambda d: (d["start_offset"], d["end_offset"]))
    rels = [{"id": i + 1, "from_id": f, "to_id": t, "type": ty} for i, (f, t, ty) in enumerate(dict.fromkeys(relations))]
    return ents, rels, report


def ctx(text, s, e, w=35):
    return (text[max(0, s - w):s] + "⟦" + text[s:e] + "⟧" + text[e:e + w]).replace("\n", "⏎")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("draft")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    draft = json.loads(Path(a.draft).read_text(encoding="utf-8"))
    name = draft["file"]
    if name.startswith("seeds/"):
        path = Path(a.seeds) / name.split("/", 1)[1]
    else:
        path = Path(a.corpus) / name
    if "heldout" in name:
        sys.exit("refusing: held-out articles are never annotated")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    try:
        ents, rels, report = resolve(text, draft)
    except DraftError as e:
        sys.exit(f"{a.draft}: {e}")
    record = {"id": Path(name).stem, "entities": ents, "relations": rels,
              "meta": {"source": name, "sha256": hashlib.sha256(raw).hexdigest()}}
    if name.startswith("seeds/"):
        record = {"id": Path(name).stem, "text": text, **{k: v for k, v in record.items() if k != "id"}}
    for n, label, q, s, c, r in report:
        print(f"#{n} {label} [{q[0]}:{q[1]}] {text[q[0]:q[1]][:70]!r}")
        print(f"   speaker  {ctx(text, *s)}")
        if c:
            print(f"   cue      {ctx(text, *c)}")
        if r:
            print(f"   refers → {ctx(text, *r)}")
    out = a.out or str(Path(a.draft).with_suffix(".standoff.json"))
    Path(out).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(ents)} entities, {len(rels)} relations")


if __name__ == "__main__":
    main()
