"""Candidate spans for spancat (``attrib.candidate_suggester.v1``).

spaCy's n-gram suggester cannot reach long quotes, and span_finder alone, trained on a few hundred
articles, misses rare shapes. This suggester unions span_finder's candidates with spans that the
surface marks of Hindi reporting propose:

- the inside of each pair of quote marks (QUOTE);
- from after ``कि`` / ``के मुताबिक,`` / a headline ``बोला-`` to the end of the sentence (CLAIM);
- cue-lexicon words (CUE: ``कहा``, ``बताया``, ``कहा गया`` …);
- 1–4 token phrases before ``ने``/``का``/``के``, pronouns, and the name in a tweet signature
  ``— Name (@handle)`` (SPEAKER).

spancat then decides which candidates are which label; the rules only widen what it can see.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterable, List, Optional

import spacy
from spacy.tokens import Doc
from thinc.api import Ops, get_current_ops
from thinc.types import Ragged

from ..text import dotless, fold
from .sentences import _image_gap

OPENING = {"“": "”", "‘": "’", "«": "»", "„": "“"}
STRAIGHT = {'"', "'", "''"}
CLOSING = {"”", "’", "»"}
TERMINALS = {"।", "॥", "?", "!", "."}
MAX_QUOTE_TOKENS = 400


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files("attrib.data").joinpath("cues.json").open(encoding="utf-8") as f:
        data = json.load(f)
    cues: dict[str, list[tuple[str, ...]]] = {}  # first word -> cue word sequences starting with it
    for cue in {tuple(c.split()) for c in data["cues"]}:
        cues.setdefault(cue[0], []).append(cue)
    plain: dict[str, list[tuple[str, ...]]] = {}  # the same, written without nuktas
    for cue in {tuple(dotless(w) for w in c.split()) for c in data["cues"]}:
        plain.setdefault(cue[0], []).append(cue)
    return {"cues": cues, "cues_plain": plain, "markers": set(data["speaker_markers"]),
            "complementisers": set(data["claim_complementisers"]), "work_nouns": set(data.get("work_nouns", ())),
            "non_sources": {fold(w) for w in data.get("non_sources", ())},
            "not_sources_according": {fold(w) for w in data.get("not_sources_according", ())}}


def quote_pairs(doc: Doc) -> list[tuple[int, int]]:
    """(first, last+1) token indices of the inside of each quotation mark pair.

    Curly marks pair by kind. Straight marks pair in order within a paragraph; a straight mark
    counts as opening when it is not glued to the previous token (``कहा, "हम``) — glued straight
    marks close (``हैं।"``) — which keeps apostrophes inside English words out of the pairing.
    """
    pairs = []
    stack: list[tuple[int, str]] = []
    reopen: list[tuple[int, str]] = []  # a quotation left open at a paragraph break
    for tok in doc:
        t = tok.text
        if ("\n\n" in t and not _image_gap(doc, tok.i)) or ("\n" in tok.whitespace_ and not stack):
            # a paragraph break ends an open quotation; a BBC image gap inside a sentence does not
            if stack and "\n\n" in t:
                reopen = list(stack)
            stack.clear()
            continue
        if reopen and not tok.is_space:
            # the English convention: each paragraph of a quotation reopens the mark, only the
            # last one closes it ("…हैं।⏎⏎"हम …।") — the quotation goes on
            closer = reopen[-1][1]
            if t == closer or OPENING.get(t) == closer:
                stack, reopen = reopen, []
                continue
            reopen = []
        if t in OPENING:
            stack.append((tok.i, OPENING[t]))
        elif t in CLOSING:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == t:
                    start = stack[k][0]
                    del stack[k:]
                    if tok.i - start > 1:
                        pairs.append((start + 1, tok.i))
                    break
        elif t in STRAIGHT:
            open_k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == t), None)
            glued_before = tok.i > 0 and not doc[tok.i - 1].whitespace_
            if open_k is not None and (glued_before or tok.i + 1 == len(doc) or doc[tok.i].whitespace_):
                start = stack[open_k][0]
                del stack[open_k:]
                if tok.i - start > 1:
                    pairs.append((start + 1, tok.i))
            elif open_k is None and (t in {'"', "''"} or not glued_before):
                stack.append((tok.i, t))
            elif t == "'" and open_k is not None and not glued_before and _introduced(doc, tok.i):
                # "कहा, 'वे … नहीं थे । उन्होंने बताया, 'उन्हें …'": a new quotation opens while the
                # last was never closed; that one ends with the sentence before this one's intro
                end = next((j + 1 for j in range(tok.i - 1, stack[open_k][0], -1) if doc[j].text in {"।", ".", "?", "!"}), None)
                if end is not None and end - stack[open_k][0] > 1:
                    pairs.append((stack[open_k][0] + 1, end))
                del stack[open_k:]
                stack.append((tok.i, t))
        if stack and tok.i - stack[0][0] > MAX_QUOTE_TOKENS:
            stack.pop(0)
    return pairs


def _introduced(doc: Doc, i: int) -> bool:
    """Is the mark at ``i`` an opening one by its surroundings: after ``,``/``:``/``-`` and a space, and
    glued to the word it opens (``बताया, 'उन्हें``)?"""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].text in {",", ":", "-", "–", "—"} and i + 1 < len(doc) and not doc[i].whitespace_ \
        and not doc[i + 1].is_punct


def _sentence_end(doc: Doc, i: int, has_sents: Optional[bool] = None) -> int:
    """Index one past the last content token of the sentence containing token i (final
    punctuation, closing marks and spaces excluded). ``has_sents``: whether ``doc`` has sentence
    boundaries, when the caller already knows (``has_annotation`` walks the whole doc)."""
    if has_sents is None:
        has_sents = doc.has_annotation("SENT_START")
    sent = doc[i].sent if has_sents else doc[i:]
    end = sent.end
    while end > i + 1 and (doc[end - 1].is_space or doc[end - 1].text in TERMINALS or doc[end - 1].text in CLOSING | STRAIGHT
                           or doc[end - 1].is_punct):
        end -= 1
    return end


POSTPOSITIONS = {"से", "को", "में", "और", "द्वारा"}
PRONOUNS = {"उन्होंने", "उनका", "उनके", "उनकी", "वह", "वे", "उसने", "इन्होंने", "उन्हें", "उनको"}


def line_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the text's lines, line-break whitespace excluded."""
    lines, start = [], 0
    for tok in doc:
        if "\n" in tok.text:
            if start < tok.i:
                lines.append((start, tok.i))
            start = tok.i + 1
        elif "\n" in tok.whitespace_:
            lines.append((start, tok.i + 1))
            start = tok.i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def _trim(doc: Doc, s: int, e: int, punct: bool) -> tuple[int, int]:
    while e > s and (doc[e - 1].is_space or (punct and doc[e - 1].text in {"…", "...", "."})):
        e -= 1
    return s, e


def _tweet_blocks(doc: Doc, dash: int) -> set[tuple[int, int]]:
    """Tweet text around a signature line ``— Name (@handle) date``: the line before it and one to
    three lines after it (up to a pic.twitter.com link), with and without final punctuation."""
    lines = line_ranges(doc)
    k = next((n for n, (s, e) in enumerate(lines) if s <= dash < e), None)
    out: set[tuple[int, int]] = set()
    if k is None:
        return out
    if k > 0:
        s, e = lines[k - 1]
        out.add(_trim(doc, s, e, False))
        out.add(_trim(doc, s, e, True))
    for m in range(k + 1, min(k + 4, len(lines))):
        s = lines[k + 1][0]
        e = lines[m][1]
        pic = next((t.i for t in doc[lines[m][0]:e] if t.text.startswith("pic.twitter.com") or t.like_url), None)
        if pic is not None:
            e = pic
        out.add(_trim(doc, s, e, False))
        out.add(_trim(doc, s, e, True))
        if pic is not None:
            break
    return {(s, e) for s, e in out if s < e}


def rule_candidates(doc: Doc) -> set[tuple[int, int]]:
    lex = lexicon()
    cands: set[tuple[int, int]] = set()
    n = len(doc)
    texts = [t.text for t in doc]
    has_sents = doc.has_annotation("SENT_START")
    for s, e in quote_pairs(doc):
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s < e:
            cands.add((s, e))
    for i, t in enumerate(texts):
        # CLAIM after a complementiser or "के मुताबिक," / "बोला-" / "कहा:"
        if t in lex["complementisers"] and i + 1 < n:
            j = i + 1
            while j < n and (doc[j].is_space or texts[j] in {",", ":"}):
                j += 1
            if j < n:
                cands.add((j, _sentence_end(doc, j, has_sents)))
        if t in {"-", ":", "–", "—", ","} and i > 0 and i + 1 < n and not doc[i + 1].is_space:
            cands.add((i + 1, _sentence_end(doc, i + 1, has_sents)))
        # CUE: lexicon sequences, and the phrase before a cue (रक्षा मंत्रालय बोला-)
        for cue in lex["cues"].get(t, ()):
            if tuple(texts[i:i + len(cue)]) == cue:
                cands.add((i, i + len(cue)))
                for k in range(1, 4):
                    if i - k >= 0 and not any(doc[m].is_punct or doc[m].is_space for m in range(i - k, i)):
                        cands.add((i - k, i))
        # SPEAKER: short phrases before a case marker or postposition, pronouns
        if t in lex["markers"] or t in POSTPOSITIONS:
            for k in range(1, 5):
                if i - k >= 0 and not any((doc[m].is_punct and doc[m].text != ".") or doc[m].is_space for m in range(i - k, i)):
                    cands.add((i - k, i))
        if t in PRONOUNS:
            cands.add((i, i + 1))
        if t in {"—", "-", "–"} and i + 1 < n:
            # tweet signature: — Name (@handle)
            j = i + 1
            while j < n and j - i <= 6 and texts[j] != "(" and not doc[j].is_space:
                j += 1
            if j < n and texts[j] == "(" and j > i + 1:
                cands.add((i + 1, j))
                cands.update(_tweet_blocks(doc, i))
        if t.startswith("@") and len(t) > 1:
            cands.add((i, i + 1))
    # headline "claim : Name" — text before a spaced colon at a line's end
    for i, t in enumerate(texts):
        if t == ":" and i + 1 < n:
            line_start = i
            while line_start > 0 and "\n" not in doc[line_start - 1].text and "\n" not in doc[line_start - 1].whitespace_:
                line_start -= 1
            if line_start < i:
                cands.add((line_start, i))
            j = i + 1
            while j < n and j - i <= 5 and "\n" not in doc[j].text and "\n" not in doc[j - 1].whitespace_:
                j += 1
            if j > i + 1:
                cands.add((i + 1, j))
    return {(s, e) for s, e in cands if 0 <= s < e <= n}


def suggest(docs: Iterable[Doc], candidates_key: str, *, ops: Optional[Ops] = None) -> Ragged:
    if ops is None:
        ops = get_current_ops()
    spans: List[List[int]] = []
    lengths: List[int] = []
    for doc in docs:
        cands = rule_candidates(doc)
        if candidates_key in doc.spans:
            cands.update((sp.start, sp.end) for sp in doc.spans[candidates_key])
        ordered = sorted(cands)
        spans.extend([s, e] for s, e in ordered)
        lengths.append(len(ordered))
    lengths_arr = ops.asarray1i(lengths)
    if spans:
        return Ragged(ops.asarray2i(spans), lengths_arr)
    return Ragged(ops.xp.zeros((0, 0), dtype="i"), lengths_arr)


@spacy.registry.misc("attrib.candidate_suggester.v1")
def build_candidate_suggester(candidates_key: str = "span_candidates"):
    """Suggest span_finder's candidates (``doc.spans[candidates_key]``) plus rule candidates."""

    def suggester(docs: Iterable[Doc], *, ops: Optional[Ops] = None) -> Ragged:
        return suggest(docs, candidates_key, ops=ops)

    return suggester
