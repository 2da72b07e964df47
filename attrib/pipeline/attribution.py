"""Attribution (``attrib_attribution``): link each QUOTE/CLAIM to its cue and speaker mention,
resolve pronouns, titles, short names and documents to their antecedent, and name the canonical
speaker from the registry.

Input: spancat's labelled spans in ``doc.spans[spans_key]`` (QUOTE, CLAIM, SPEAKER, CUE) with
their scores. Output (spans are the source of truth):

- ``doc.spans["attrib_statements"]``: the QUOTE/CLAIM spans kept, in text order;
- on each statement span: ``span._.attrib`` — a dict with ``kind``, ``cue`` and ``mention`` as
  (start_char, end_char) or None, ``antecedent`` (start_char, end_char) or None, ``speaker_id``,
  ``speaker_name``, ``speaker_name_hi`` and ``confidence``.

The rules, in the order the component tries them (Hindi examples from the seeds):

1. cue: the nearest CUE in the statement's sentence, before a CLAIM (``…ने कहा कि <CLAIM>``),
   before or after a QUOTE (``जयशंकर ने कहा, "…"`` / ``"…", उन्होंने कहा``);
2. speaker: the SPEAKER mention before that cue in the sentence (``हेगसेथ ने कहा``), or after the
   statement for ``"…" : Name`` headlines and tweet signatures ``— Dr. S. Jaishankar (@…)``;
3. a statement whose sentence names nobody continues the previous statement's speaker;
4. pronouns (``उन्होंने``) stand for the previous statement's speaker when it is near, else the
   nearest preceding named mention; titles (``विदेश मंत्री``) for the nearest preceding mention of
   a registry speaker holding that title; short names (``सिंह``) for the nearest fuller mention
   ending in that name; documents (``बयान``) for the organisation that issued them in the same
   or previous sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import Stateless
from ..speakers import PRONOUNS, Registry, default_registry, mention_kind
from ..text import clutter_ranges, fold

STATEMENTS_KEY = "attrib_statements"
EXTENSION = "attrib"
STATEMENT_LABELS = ("QUOTE", "CLAIM")
QUOTE_MARKS = set("\"'“”‘’«»„") | {"''"}
DIRECT_INTRO = {",", ":", "-", "–", "—", "।", ".", "?", "!", ";"}
SPEAKER_MARKERS = {"ने", "का", "के", "की", "बोला", "बोले", "बोलीं", "द्वारा"}
CONTINUATION_SENTENCES = 3


def install_extensions() -> None:
    """Register ``Span._.attrib`` once (idempotent, never ``force=True``)."""
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)


@dataclass
class _Mention:
    span: Span
    score: float

    @property
    def chars(self) -> tuple[int, int]:
        return (self.span.start_char, self.span.end_char)


class Attribution(Stateless):
    def __init__(self, nlp: Language, name: str = "attrib_attribution", *, spans_key: str = "sc",
                 threshold: float = 0.5, rules: bool = True, rule_score: float = 0.75):
        self.name = name
        self.rules = rules
        self.rule_score = rule_score
        self.gazetteer_score = 0.7
        self.spans_key = spans_key
        self.threshold = threshold
        self.registry: Registry = default_registry()
        self._text = ""  # the text of the doc being processed (set per call)
        install_extensions()

    # -- spaCy component protocol
    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(self.spans_key)
        scores = None
        if group is not None and "scores" in group.attrs:
            scores = group.attrs["scores"]
        spans = list(group) if group is not None else []
        by_label: dict[str, list[_Mention]] = {"QUOTE": [], "CLAIM": [], "SPEAKER": [], "CUE": []}
        for i, sp in enumerate(spans):
            if sp.label_ not in by_label or not sp.text.strip():
                continue  # a whitespace-only span (the model can propose one) is no mention
            score = _score(scores, i, sp)
            if score < self.threshold:
                continue
            by_label[sp.label_].append(_Mention(sp, score))
        self._text = doc.text  # Doc.text joins every token: read it once per doc, not per mention
        clutter = clutter_ranges(self._text)
        cues_found = _non_overlapping(by_label["CUE"])
        from .suggester import quote_pairs

        pairs = quote_pairs(doc)
        statements = _non_overlapping(_repair_against_marks(doc, by_label["QUOTE"] + by_label["CLAIM"], pairs))
        if self.rules:
            statements = _non_overlapping(statements + [
                m for m in _rule_statements(doc, cues_found, by_label["SPEAKER"], self.rule_score, pairs)
                if not any(_overlaps(m.span, k.span) for k in statements)])
        statements = [m for m in statements if not any(a <= m.span.start_char < b for a, b in clutter)]
        model_speakers = by_label["SPEAKER"]
        extra = [m for m in self._gazetteer(doc) if not any(_overlaps(m.span, k.span) for k in model_speakers)]
        speakers = _non_overlapping(model_speakers + extra)
        cues = cues_found
        kept = []
        previous: Optional[dict] = None
        for st in sorted(statements, key=lambda m: m.span.start):
            info = self._attribute(doc, st, speakers, cues, previous)
            st.span._.set(EXTENSION, info)
            kept.append(st.span)
            previous = info | {"_end_sent": _sent_index(doc, st.span.end - 1), "_end_char": st.span.end_char}
        doc.spans[STATEMENTS_KEY] = kept
        return doc

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples=None, *, nlp=None):
        pass

    def _gazetteer(self, doc: Doc) -> list[_Mention]:
        """Registry names, aliases and handles in the text (``अमेरिकी विदेश विभाग``, ``@SecRubio``) and
        pronouns: mentions the model may have missed, used as speakers and antecedents."""
        names = self.registry._names
        found = []
        n = len(doc)
        # token attributes read once: creating Token/Span objects per n-gram dominated the run time
        text = self._text
        starts, ends, space, skip = [], [], [], []
        for t in doc:
            starts.append(t.idx)
            ends.append(t.idx + len(t.text))
            space.append(t.is_space)
            skip.append(t.is_punct or t.is_space)
        folded: dict[str, str] = {}
        for i in range(n):
            if skip[i]:
                continue
            for k in (4, 3, 2, 1):
                if i + k > n or any(space[i:i + k]):
                    continue
                surface = text[starts[i]:ends[i + k - 1]]  # == doc[i:i + k].text
                key = folded.get(surface)
                if key is None:
                    key = folded[surface] = fold(surface)
                if key in names and len(names[key]) == 1:
                    found.append(_Mention(doc[i:i + k], self.gazetteer_score))
                    break
                if k == 1 and key in PRONOUNS:
                    found.append(_Mention(doc[i:i + k], self.gazetteer_score))
        return found

    # -- rules
    def _attribute(self, doc: Doc, st: _Mention, speakers: list[_Mention], cues: list[_Mention],
                   previous: Optional[dict]) -> dict:
        span = st.span
        label = span.label_
        first_sent = doc[span.start].sent
        last_sent = doc[span.end - 1].sent
        lo, hi = first_sent.start, last_sent.end
        # tweets: the signature line follows the text; quotes of several lines: look one line on
        hi_ext = min(len(doc), _next_line_end(doc, hi))
        outside = lambda m: not _overlaps(m.span, span)
        cue_before = [c for c in cues if lo <= c.span.start and c.span.end <= span.start]
        cue_after = [c for c in cues if span.end <= c.span.start and c.span.end <= hi]
        cue = None
        if cue_before:
            cue = max(cue_before, key=lambda c: c.span.end)
        if label == "QUOTE" and cue_after and (cue is None or _gap_has_speech_end(doc, cue.span.end, span.start)):
            cue = min(cue_after, key=lambda c: c.span.start)
        if label == "QUOTE" and cue is None and cue_after:
            cue = min(cue_after, key=lambda c: c.span.start)
        mention = None
        conf = 1.0
        in_window = [m for m in speakers if outside(m) and lo <= m.span.start and m.span.end <= hi_ext]
        if cue is not None and cue.span.start < span.start:
            before = [m for m in in_window if m.span.end <= cue.span.start]
            if before:
                mention = max(before, key=lambda m: (_marked(doc, m.span), m.span.end))
            else:
                after_cue = [m for m in in_window if cue.span.end <= m.span.start <= span.start]
                mention = after_cue[0] if after_cue else None
        elif cue is not None:
            between = [m for m in in_window if span.end <= m.span.start and m.span.end <= cue.span.start]
            if between:
                mention = max(between, key=lambda m: (_marked(doc, m.span), -m.span.start))
        if mention is None and in_window:
            # no cue, or nothing before it: before the statement in its sentence, else after it
            # ("…: अरविंद केजरीवाल", "— Dr. S. Jaishankar (@DrSJaishankar)")
            before = [m for m in in_window if m.span.end <= span.start]
            after = [m for m in in_window if m.span.start >= span.end]
            if before and (cue is not None or not after or _marked(doc, before[-1].span)):
                mention = max(before, key=lambda m: (_marked(doc, m.span), m.span.end))
            elif after:
                mention = min(after, key=lambda m: m.span.start)
            conf *= 0.9
        continued = False
        if mention is None and previous is not None and previous.get("mention") is not None:
            if _sent_index(doc, span.start) - previous["_end_sent"] <= CONTINUATION_SENTENCES:
                continued = True
                conf *= 0.8
        if cue is None:
            conf *= 0.9
        if continued:
            info = {k: previous[k] for k in ("mention", "antecedent", "speaker_id", "speaker_name", "speaker_name_hi")}
        elif mention is not None:
            info = {"mention": mention.chars, **self._resolve(doc, mention, speakers, previous)}
            conf *= min(1.0, 0.5 + mention.score)
        else:
            info = {"mention": None, "antecedent": None, "speaker_id": None, "speaker_name": None, "speaker_name_hi": None}
            conf *= 0.5
        info["cue"] = cue.chars if cue is not None else None
        info["kind"] = _kind(doc, span)
        info["confidence"] = round(max(0.0, min(1.0, st.score * conf)), 4)
        return info

    def _resolve(self, doc: Doc, mention: _Mention, speakers: list[_Mention], previous: Optional[dict]) -> dict:
        text = mention.span.text
        kind = mention_kind(text, self.registry)
        reg = self.registry
        antecedent: Optional[Span] = None
        preceding = sorted((m for m in speakers if m.span.end <= mention.span.start), key=lambda m: -m.span.start)
        named = [m for m in preceding if mention_kind(m.span.text, reg) in ("name", "organisation", "handle")]
        if kind == "pronoun":
            # the latest subject named since the previous statement ("पीट हेगसेथ ने … उन्होंने कहा"),
            # else the previous statement's speaker when it is near, else the nearest name before
            since = previous["_end_char"] if previous is not None else -1
            subjects = [m for m in named if m.span.start_char >= since and _marked(doc, m.span)]
            if subjects:
                antecedent = _first_of_pair(doc, subjects[0].span, named)
            elif previous is not None and previous.get("mention") is not None and \
                    _sent_index(doc, mention.span.start) - previous["_end_sent"] <= CONTINUATION_SENTENCES:
                return {"antecedent": previous.get("antecedent") or previous["mention"],
                        **{k: previous[k] for k in ("speaker_id", "speaker_name", "speaker_name_hi")}}
            else:
                antecedent = named[0].span if named else None
        elif kind == "title":
            holders = reg.title_candidates(text)
            for m in named:
                sp = reg.match_name(m.span.text)
                if sp is not None and sp.id in holders:
                    antecedent = m.span
                    break
            if antecedent is None:
                # "डीजीपी एच.सी. अवस्थी ने …" earlier: the name that followed the same title
                key = fold(text)
                for m in named:
                    before = fold(self._text[max(0, m.span.start_char - len(text) - 2):m.span.start_char])
                    if before.endswith(key):
                        antecedent = m.span
                        break
            if antecedent is None and len(holders) == 1:
                sp = reg.speakers[next(iter(holders))]
                return {"antecedent": None, "speaker_id": sp.id, "speaker_name": sp.name, "speaker_name_hi": sp.name_hi}
        elif kind == "document":
            # the issuer: an organisation named in this or the previous sentence ("अमेरिकी विदेश
            # विभाग ने एक आधिकारिक बयान में …"), else the nearest registry organisation before it
            sent_lo = doc[mention.span.start].sent.start
            prev_lo = doc[sent_lo - 1].sent.start if sent_lo > 0 else sent_lo
            orgs = [m for m in named if (reg.match_name(m.span.text) or _NO_SPEAKER).kind == "organisation"]
            near = [m for m in named if m.span.start >= sent_lo] + [m for m in orgs if m.span.start >= prev_lo]
            antecedent = near[0].span if near else None
        elif kind == "name" and len(text.split()) == 1:
            key = fold(text)
            for m in named:
                words = fold(m.span.text).split()
                if len(words) > 1 and words[-1] == key:
                    antecedent = m.span
                    break
        target = antecedent if antecedent is not None else mention.span
        sp = reg.match_name(target.text)
        if sp is None and antecedent is not None:
            sp = reg.match_name(text)
        if sp is not None:
            return {"antecedent": _chars(antecedent), "speaker_id": sp.id, "speaker_name": sp.name, "speaker_name_hi": sp.name_hi}
        return {"antecedent": _chars(antecedent), "speaker_id": None, "speaker_name": _clean_mention(target.text),
                "speaker_name_hi": None}


def _first_of_pair(doc: Doc, sp: Span, named: list[_Mention]) -> Span:
    """"रूबियो और जयशंकर ने …": a statement of a pair goes to the first named (guidelines)."""
    if sp.start >= 2 and doc[sp.start - 1].text == "और":
        for m in named:
            if m.span.end == sp.start - 1:
                return m.span
    return sp


_NO_SPEAKER = type("NoSpeaker", (), {"kind": None})()


def _chars(span: Optional[Span]):
    return (span.start_char, span.end_char) if span is not None else None


def _clean_mention(text: str) -> str:
    return " ".join(text.split())


def _score(scores, i: int, sp: Span) -> float:
    if scores is None:
        return 1.0
    try:
        row = scores[i]
        return float(row) if getattr(row, "shape", ()) == () else float(max(row))
    except (IndexError, TypeError, ValueError):
        return 1.0


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


AUXILIARIES = {"है", "था", "थे", "हैं", "थी", "गया", "गई", "गए", "गया है", "भी", "हुए"}


def _rule_statements(doc: Doc, cues: list[_Mention], speakers: list[_Mention], score: float,
                     pairs: Optional[list[tuple[int, int]]] = None) -> list[_Mention]:
    """Statements the surface of Hindi reporting marks, given the cues and speakers the model found:

    - a quotation in marks whose sentence holds a cue (``जयशंकर ने कहा, "…"``, ``… "सबसे महत्वपूर्ण
      स्तंभों" में से एक बताया``);
    - a ``कि``-clause after a cue (``…ने कहा है कि <CLAIM>``) to the end of its sentence;
    - ``X के मुताबिक, <CLAIM>`` and headline ``X बोला- <CLAIM>``;
    - tweet text around a signature line ``— Name (@handle) date``.
    """
    from .suggester import _sentence_end, _tweet_blocks, quote_pairs

    out: list[_Mention] = []
    cue_end = {c.span.end: c for c in cues}
    cue_at = {i: c for c in cues for i in range(c.span.start, c.span.end)}

    def cue_in(lo: int, hi: int) -> bool:
        return any(lo <= c.span.start and c.span.end <= hi for c in cues)

    has_sents = doc.has_annotation("SENT_START")
    for s, e in (quote_pairs(doc) if pairs is None else pairs):
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s >= e:
            continue
        lo = doc[max(s - 1, 0)].sent.start
        hi = _next_line_end(doc, doc[e - 1].sent.end) if e < len(doc) else len(doc)
        hi = min(hi, doc[min(e, len(doc) - 1)].sent.end)
        if cue_in(lo, s) or cue_in(e, hi):
            out.append(_Mention(doc[s:e], score))
    for tok in doc:
        i = tok.i
        if tok.text == "कि" and i + 1 < len(doc):
            j = i - 1
            while j >= 0 and (doc[j].text in AUXILIARIES or doc[j].text == ","):
                j -= 1
            if j >= 0 and j in cue_at and cue_at[j].span.end == j + 1:
                k = i + 1
                while k < len(doc) and (doc[k].is_space or doc[k].text in {",", ":"}):
                    k += 1
                if k < len(doc) and doc[k].text not in QUOTE_MARKS:
                    end = _sentence_end(doc, k, has_sents)
                    if end > k:
                        out.append(_Mention(doc[k:end], score))
        elif i in cue_end and i + 1 < len(doc):
            cue = cue_end[i]
            after = doc[i].text
            head = cue.span.text.split()[-1:] in (["मुताबिक"], ["अनुसार"])
            if after in {"-", ":", "–", "—"} or (head and (after == "," or not doc[i].is_punct)):
                k = i + 1 if after in {"-", ":", "–", "—", ","} else i
                while k < len(doc) and doc[k].is_space:
                    k += 1
                if k < len(doc) and doc[k].text not in QUOTE_MARKS:
                    end = _sentence_end(doc, k, has_sents)
                    if end > k:
                        out.append(_Mention(doc[k:end], score))
    for tok in doc:
        if tok.text in {"—", "–"} and tok.i + 2 < len(doc) and "(" in [t.text for t in doc[tok.i + 1:tok.i + 8]]:
            blocks = sorted(_tweet_blocks(doc, tok.i))
            before = [b for b in blocks if b[1] <= tok.i]
            after = [b for b in blocks if b[0] > tok.i]
            if before:
                b = max(before, key=lambda b: b[1] - b[0])
                out.append(_Mention(doc[b[0]:b[1]], score))
            if after:
                b = max(after, key=lambda b: (b[1] - b[0]) if not doc[b[1] - 1].text in {"…", "..."} else 0)
                b = min((x for x in after if x[0] == b[0]), key=lambda x: -x[1])
                out.append(_Mention(doc[b[0]:b[1]], score))
    labelled = []
    for m in out:
        label = "CLAIM" if (m.span.start > 0 and doc[m.span.start - 1].text not in QUOTE_MARKS
                            and not _tweet_like(doc, m.span)) else "QUOTE"
        labelled.append(_Mention(Span(doc, m.span.start, m.span.end, label=label), m.score))
    return labelled


def _repair_against_marks(doc: Doc, mentions: list[_Mention], pairs: list[tuple[int, int]]) -> list[_Mention]:
    """Bring the model's statement spans in line with the quotation marks around them.

    - A span that crosses a pair of marks (starts inside the inner quote of ``कहा, "… 'हम तैयार
      हैं' और …"`` and ends at the outer closing mark) becomes the smallest pair that holds it.
    - A span that runs over a blank line without being closed by a mark (an opening ``"`` never
      closed: ``कहा, "हम तैयार हैं।⏎⏎राजनाथ सिंह ने कहा …``) ends at that paragraph's end. A quote
      in marks may run over paragraphs.
    """
    out = []
    for m in mentions:
        s, e = m.span.start, m.span.end
        crossed = any((ps <= s < pe < e) or (s < ps < e <= pe) for ps, pe in pairs)
        if crossed:
            holders = [(ps, pe) for ps, pe in pairs if ps <= s and e <= pe]
            if holders:
                s, e = min(holders, key=lambda p: p[1] - p[0])
        if not _enclosed_in_marks(doc, s, e):
            brk = next((t.i for t in doc[s:e] if t.i > s and _blank_line(t)), None)
            if brk is not None:
                e = brk
                while e > s and doc[e - 1].is_space:
                    e -= 1
        if s < e and (s, e) != (m.span.start, m.span.end):
            m = _Mention(Span(doc, s, e, label=m.span.label_), m.score)
        if s < e:
            out.append(m)
    return out


def _blank_line(tok) -> bool:
    return tok.text.count("\n") >= 2 or tok.whitespace_.count("\n") >= 2 or (
        "\n" in tok.text and tok.i > 0 and "\n" in tok.doc[tok.i - 1].whitespace_)


def _enclosed_in_marks(doc: Doc, s: int, e: int) -> bool:
    i = s - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    j = e
    while j < len(doc) and (doc[j].is_space or doc[j].text in {"।", ".", "?", "!"}):
        j += 1
    return i >= 0 and doc[i].text in QUOTE_MARKS and j < len(doc) and doc[j].text in QUOTE_MARKS


def _tweet_like(doc: Doc, sp: Span) -> bool:
    return sp.start == 0 or "\n" in doc[sp.start - 1].whitespace_ or "\n" in doc[sp.start - 1].text


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    """Greedy by score: the best of each set of overlapping spans survives."""
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.score, -(m.span.end - m.span.start))):
        if not any(_overlaps(m.span, k.span) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.span.start)


def _marked(doc: Doc, sp: Span) -> bool:
    """Is the mention followed by an agent/possessive marker (``X ने``, ``X का कहना``, ``X बोला``)?"""
    return sp.end < len(doc) and doc[sp.end].text in SPEAKER_MARKERS


def _sent_index(doc: Doc, i: int) -> int:
    # sentence starts are cached per doc in user_data to keep this O(1) after the first call
    starts = doc.user_data.get("_attrib_sent_starts")
    if starts is None or len(starts) != len(doc):
        idx, starts = -1, []
        for tok in doc:
            if tok.is_sent_start:
                idx += 1
            starts.append(max(idx, 0))
        doc.user_data["_attrib_sent_starts"] = starts
    return starts[i]


def _next_line_end(doc: Doc, i: int) -> int:
    """Token index of the end of the line after the one that ends at/after token i."""
    breaks = 0
    j = i
    while j < len(doc):
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            breaks += 1
            if breaks == 2:
                return j + 1
        j += 1
    return len(doc)


def _gap_has_speech_end(doc: Doc, a: int, b: int) -> bool:
    return any(t.text in {"।", "?", "!"} for t in doc[a:b])


def _kind(doc: Doc, span: Span) -> str:
    """direct / partial for a QUOTE, indirect for a CLAIM.

    A QUOTE is direct when its opening mark starts a line or follows an introducing punctuation
    (``कहा, "…"``, ``कहा: "…"``, ``बोला- "…"``) or a sentence end; otherwise the quoted words sit
    inside the reporter's sentence: partial (``… को "सबसे महत्वपूर्ण स्तंभों" में से एक बताया``).
    """
    if span.label_ == "CLAIM":
        return "indirect"
    i = span.start - 1
    if i < 0 or doc[i].text not in QUOTE_MARKS:
        return "direct"  # a tweet pasted as its own paragraph
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or "\n" in doc[j].whitespace_ or "\n" in doc[j].text or doc[j].text in DIRECT_INTRO or doc[j].text in QUOTE_MARKS:
        return "direct"
    if doc[j].text == "कि":
        return "direct"
    # a quotation that is a whole sentence followed by "उन्होंने कहा"
    end = span.end
    if end < len(doc) and doc[end].text in QUOTE_MARKS and span.end - span.start >= 8:
        nxt = doc[end + 1].text if end + 1 < len(doc) else ""
        if nxt in {",", "।"}:
            return "direct"
    return "partial"


@Language.factory(
    "attrib_attribution",
    assigns=[f"span._.{EXTENSION}"],
    requires=["doc.sents"],
    default_config={"spans_key": "sc", "threshold": 0.5, "rules": True, "rule_score": 0.75},
)
def make_attribution(nlp: Language, name: str, spans_key: str, threshold: float, rules: bool,
                     rule_score: float) -> Attribution:
    return Attribution(nlp, name, spans_key=spans_key, threshold=threshold, rules=rules, rule_score=rule_score)
