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
4. the phrase the cue marks wins over a model mention elsewhere in the sentence or inside it:
   ``शिवराज सिंह चौहान ने आदेश दिया है कि`` (title dropped), ``वे कहती हैं``, ``X का कहना/दावा है``,
   ``सूत्रों की ओर से कहा गया``; the agent ``ने`` marks outranks a genitive, an object (``को``, ``से``,
   ``के बारे में``) never speaks, and ``A, B और C ने`` goes to A; the reporter's own words (``मैंने
   पूछा``) are nobody's statement;
5. pronouns (``उन्होंने``) stand for the person asked (``X से पूछा तो उन्होंने कहा``), else the latest
   subject since the previous statement (an unnamed one too: ``एक अधिकारी ने … । उन्होंने कहा``), else
   the previous statement's speaker, else the nearest person named before, else (at a lower
   confidence) the first person named after it; names the model marked once count wherever the
   article repeats them; bracketed abbreviations (``आयोग (एनएचसी)``) stand for their name; titles and
   role nouns (``विदेश मंत्री``, ``योगगुरु``, ``कंपनी``) for a registry holder of the title, the name
   written with the title (``डीजीपी एच.सी. अवस्थी``), or the latest speaker of their sort; short and
   first names (``सिंह``, ``राहुल``) for the fuller name; documents (``बयान``, ``गाइडलाइंस``) for the
   body that issued them, however far back the article named it with the same document; one more
   link is followed when the antecedent is itself a title or document. Groups (``अधिकारियों``) and
   indefinites (``एक अधिकारी``) stand for nobody earlier.

Surface patterns (quotation marks next to a cue, ``कि``-clauses after cue words, claims cut at their
sentence's end, quoted film titles) are in :mod:`attrib.pipeline.surface`.
"""

from __future__ import annotations

import unicodedata
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import Stateless
from .sentences import _image_gap
from .suggester import lexicon, quote_pairs
from .surface import (ACCORDING, AGENT_STOPS, CLAUSE_STOPS, NOUN_CUES, QUOTE_MARKS, SPEAKER_MARKERS, TIME_WORDS,
                      VERB_FORMS, Mention, abbreviations, agent_phrase, bare_clause_start, clip_claim,
                      clip_mismatched, headlines, introduced_names, surnamed_names, lexicon_cues, lines_of, named_head, names_a_work,
                      next_line_end, open_quotations, opens_after_mark, org_phrase, overlaps, phrase_before,
                      quoted_lines, repair_against_marks, rule_statements, signature_quotes, strip_marker,
                      trim_ellipsis)
from ..speakers import (ANAPHORIC_DOCUMENTS, DOCUMENTS, HONORIFICS, ORG_HEADS, PRONOUNS, Registry, default_registry, is_bare_head,
                        looks_like_organisation, mention_kind, title_keys)
from ..text import clutter_ranges, fold, spelling_variants


STATEMENTS_KEY = "attrib_statements"


EXTENSION = "attrib"


STATEMENT_LABELS = ("QUOTE", "CLAIM")


DIRECT_INTRO = {",", ":", "-", "–", "—", "।", ".", "?", "!", ";"}


# the fields that say who a statement is by, copied whole when one statement takes another's speaker
SPEAKER_FIELDS = ("speaker_id", "speaker_name", "speaker_name_hi")
ATTRIBUTION_FIELDS = ("mention", "antecedent") + SPEAKER_FIELDS

CONTINUATION_SENTENCES = 3
FIRST_PERSON = frozenset(fold(w) for w in ["मैंने", "मैं", "हमने", "मुझे", "मेरा", "मेरी", "हमारा"])
FORWARD_CONFIDENCE = 0.7  # a pronoun resolved to a name written after it
NAMED_KINDS = ("name", "organisation", "handle")


def install_extensions() -> None:
    """Register ``Span._.attrib`` once (idempotent, never ``force=True``)."""
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)


class Attribution(Stateless):
    def __init__(self, nlp: Language, name: str = "attrib_attribution", *, spans_key: str = "sc",
                 threshold: float = 0.5, rules: bool = True, rule_score: float = 0.75):
        self.name = name
        self.rules = rules
        self.rule_score = rule_score
        self.gazetteer_score = 0.7
        self.lexicon_score = 0.6
        self.spans_key = spans_key
        self.threshold = threshold
        self.registry: Registry = default_registry()
        self._text = ""  # the text of the doc being processed (set per call)
        self._names: list[Mention] = []  # its speakers that name someone (set per call)
        self._abbreviations: dict[str, Span] = {}  # "एनएचसी" -> the name written before it (set per call)
        install_extensions()

    # -- spaCy component protocol
    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(self.spans_key)
        scores = None
        if group is not None and "scores" in group.attrs:
            scores = group.attrs["scores"]
        spans = list(group) if group is not None else []
        by_label: dict[str, list[Mention]] = {"QUOTE": [], "CLAIM": [], "SPEAKER": [], "CUE": []}
        for i, sp in enumerate(spans):
            if sp.label_ not in by_label or not sp.text.strip():
                continue  # a whitespace-only span (the model can propose one) is no mention
            score = _score(scores, i, sp)
            if score < self.threshold:
                continue
            by_label[sp.label_].append(Mention(sp, score))
        self._text = doc.text  # Doc.text joins every token: read it once per doc, not per mention
        self._abbreviations = abbreviations(doc)
        clutter = clutter_ranges(self._text)
        cues_found = _non_overlapping(by_label["CUE"])
        if self.rules:
            # cue words the model passed over; they only introduce a कि-clause or a मुताबिक-claim
            cues_found = sorted(cues_found + [m for m in lexicon_cues(doc, self.lexicon_score)
                                              if not any(overlaps(m.span, c.span) for c in cues_found)],
                                key=lambda m: m.span.start)
        pairs = quote_pairs(doc)
        opened = open_quotations(doc, pairs)
        repaired = [clip_mismatched(doc, m) for m in repair_against_marks(doc, by_label["QUOTE"] + by_label["CLAIM"], pairs, opened)]
        if self.rules:
            repaired = _outer_quotations(doc, repaired, pairs)
        statements = _non_overlapping(repaired)
        # "<claim> : <speaker>" headline lines: (claim, speaker) span pairs
        lines = lines_of(doc) if self.rules else []
        heads = headlines(doc, by_label["SPEAKER"], self._is_name, lines) if self.rules else []
        if self.rules:
            # "महराजगंज में बोले डिप्टी सीएम, दिल्ली हिंसा …": a statement the model began at the
            # speaker is the headline's claim after it
            for claim, tail in heads:
                statements = [Mention(Span(doc, claim.start, claim.end, label="CLAIM"), m.score) if (m.span.start <= tail.start and tail.end <= m.span.end
                                                          and overlaps(m.span, claim)) else m for m in statements]
            found = rule_statements(doc, cues_found, by_label["SPEAKER"], self.rule_score, pairs, opened, heads)
            statements = _non_overlapping(statements + [
                m for m in found if not any(overlaps(m.span, k.span) for k in statements)])
            statements = _framing_quotations(doc, statements, found, set(pairs))
        # quote boxes: a paragraph signed on the next line "डॉ पीके दास, निदेशक, आरएमआरआइ"; the whole
        # paragraph is the quotation, whatever the model cut out of it
        signed = signature_quotes(doc, lines) if self.rules else []
        for quote, _ in signed:
            statements = [m for m in statements if not overlaps(m.span, quote)]
            statements.append(Mention(Span(doc, quote.start, quote.end, label="QUOTE"), self.rule_score))
        # a subheading that is one quotation: the quotation, spoken by the paragraph below's speaker
        subheads = {(sp.start, sp.end) for sp in quoted_lines(doc, lines)} if self.rules else set()
        for start, end in sorted(subheads):
            if any(m.span.start < start and overlaps(m.span, doc[start:end]) for m in statements):
                subheads.discard((start, end))  # a paragraph of a longer quotation, reopened
                continue
            statements = [m for m in statements if not overlaps(m.span, doc[start:end])]
            statements.append(Mention(Span(doc, start, end, label="QUOTE"), self.rule_score))
        statements = sorted(statements, key=lambda m: m.span.start)
        statements = [m for m in statements if not any(a <= m.span.start_char < b for a, b in clutter)]
        if self.rules:
            statements = [_over_image_gap(doc, m) for m in statements]
        statements = [trim_ellipsis(doc, clip_claim(doc, m)) for m in statements if not names_a_work(doc, m.span)]
        model_speakers = by_label["SPEAKER"]
        extra = [m for m in self._gazetteer(doc) if not any(overlaps(m.span, k.span) for k in model_speakers)]
        if self.rules:
            # "… 2064 हुई: महाराष्ट्र स्वास्थ्य विभाग": a headline's speaker after its colon
            extra += [Mention(tail, self.lexicon_score) for _, tail in heads + signed
                      if not any(overlaps(tail, k.span) for k in model_speakers + extra)]
        speakers = _non_overlapping(model_speakers + extra)
        if self.rules:
            speakers = _whole_names(doc, speakers, model_speakers, self.registry)
        # the speakers that name someone (not pronouns, titles, documents, groups), in text order
        names = [m for m in speakers if mention_kind(m.span.text, self.registry) in NAMED_KINDS]
        # a name the model marked once is a name wherever else the article writes it
        again = [m for m in self._repeats(doc, names) if not any(overlaps(m.span, k.span) for k in speakers)]
        speakers = sorted(speakers + again, key=lambda m: m.span.start)
        self._names = sorted(names + again, key=lambda m: m.span.start)
        cues = cues_found
        kept = []
        previous: Optional[dict] = None
        lex = lexicon()
        non_sources = lex["non_sources"]
        for st in sorted(statements, key=lambda m: m.span.start):
            info = self._attribute(doc, st, speakers, cues, previous)
            said_by = fold(self._text[slice(*info["mention"])]) if info["mention"] is not None else None
            if said_by in non_sources or said_by in FIRST_PERSON:
                # "मिली जानकारी के मुताबिक …": information; "मैंने पूछा कि …": the reporter's own words
                continue
            if self.rules and st.span.label_ == "QUOTE" and _names_in_marks(doc, st.span):
                # "'शिन्हुआ' ने", "फ़िल्म 'हिम्मतवाला' की": a name in marks used as a noun
                continue
            if self.rules and info["mention"] is None and st.span.label_ == "QUOTE" and len(st.span.text.split()) <= 2:
                # "51-100 के बीच 'संतोषजनक', 101-200 के बीच 'मध्यम' … माना जाता है": terms in marks that
                # nobody is said to have said
                continue
            if said_by and said_by.split()[-1] in lex["not_sources_according"] and info["cue"] is not None and \
                    self._text[slice(*info["cue"])].split()[-1] in ACCORDING:
                # "परीक्षाएं निर्धारित कार्यक्रम के अनुसार होंगी": a schedule, a rule or a need is no source
                continue
            st.span._.set(EXTENSION, info)
            kept.append(st.span)
            previous = info | {"_end_sent": _sent_index(doc, st.span.end - 1), "_end_char": st.span.end_char}
        for sp, nxt in zip(kept, kept[1:]):
            if (sp.start, sp.end) in subheads and _sent_index(doc, nxt.start) - _sent_index(doc, sp.end - 1) <= 2 \
                    and nxt._.get(EXTENSION)["speaker_name"]:
                # the subheading's speaker is the one quoted right below it
                below = nxt._.get(EXTENSION)
                sp._.set(EXTENSION, sp._.get(EXTENSION) | {k: below[k] for k in ATTRIBUTION_FIELDS})
        if self.rules:
            self._one_spelling(doc, kept)
        doc.spans[STATEMENTS_KEY] = kept
        return doc

    def _one_spelling(self, doc: Doc, kept: list[Span]) -> None:
        """A person the article spells two ways ("जेन हाल्टन" / "जेन हॉल्टन", "कौशलराज शर्मा" / "कौशल
        राज शर्मा") is one speaker, under the spelling the article uses first; the registry's names
        are left as they are."""
        words = [fold(t.text) for t in doc]
        cache: dict[str, str] = {}
        for sp in kept:
            info = sp._.get(EXTENSION)
            name = info.get("speaker_name")
            if info.get("speaker_id") is not None or not name or len(name.split()) < 2 or \
                    mention_kind(name, self.registry) != "name":
                continue
            key = fold(name)
            if key not in cache:
                cache[key] = _first_spelling(doc, words, key) or name
            if fold(cache[key]) != key:
                sp._.set(EXTENSION, info | {"speaker_name": cache[key]})

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples=None, *, nlp=None):
        pass

    def _is_name(self, text: str) -> bool:
        """A registry speaker's name, alias or handle (``केजरीवाल``, ``WHO``)."""
        return self.registry.match_name(text) is not None

    def _repeats(self, doc: Doc, names: list[Mention]) -> list[Mention]:
        """Other occurrences of the names found (``एलन पैकी`` before the model marked it), matched
        token by token on the folded text."""
        keys = set()
        for m in names:
            words = tuple(fold(t.text) for t in m.span if not t.is_space)
            if words and len("".join(words)) > 2:
                keys.add(words)
        if not keys:
            return []
        longest = max(len(k) for k in keys)
        cache: dict[str, str] = {}
        folded = [cache.get(t.text) or cache.setdefault(t.text, fold(t.text)) for t in doc]
        found, i, n = [], 0, len(doc)
        while i < n:
            for k in range(min(longest, n - i), 0, -1):
                if tuple(folded[i:i + k]) in keys:
                    found.append(Mention(doc[i:i + k], self.gazetteer_score))
                    i += k - 1
                    break
            i += 1
        return found

    def _gazetteer(self, doc: Doc) -> list[Mention]:
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
                if i + k > n or any(space[i:i + k]) or skip[i + k - 1]:
                    continue  # "मोदी ," folds to "मोदी": a name never ends in punctuation
                surface = text[starts[i]:ends[i + k - 1]]  # == doc[i:i + k].text
                key = folded.get(surface)
                if key is None:
                    key = folded[surface] = fold(surface)
                if key in names and len(names[key]) == 1:
                    found.append(Mention(doc[i:i + k], self.gazetteer_score))
                    break
                if k == 1 and key in PRONOUNS:
                    found.append(Mention(doc[i:i + k], self.gazetteer_score))
        return found

    def _addressee(self, doc: Doc, pronoun: Span) -> Optional[Span]:
        """``X से (जब) … पूछा (गया) तो उन्होंने कहा``, ``X से बात की तो उनका कहना था``: in the
        pronoun's sentence, the person asked or spoken with answers."""
        lo = doc[pronoun.start].sent.start
        asked = [j for j in range(lo, pronoun.start) if doc[j].text.startswith(("पूछ", "बात", "जानकारी"))]
        if not asked or pronoun.start - asked[-1] > 4 or \
                not any(t.text in {"तो", "पर"} for t in doc[asked[-1] + 1:pronoun.start]):
            return None  # "बीबीसी से बात करते हुए वह कहते हैं": the pronoun is the one talking
        for j in range(asked[-1] - 1, lo, -1):
            if doc[j].text in {"से", "को"}:  # "क़य्यूम को … जानकारी दी तो उन्होंने कहा"
                for m in self._names:
                    if m.span.end == j:
                        return m.span
                sp = phrase_before(doc, j, lo, NAME_STOPS)
                if sp is not None and mention_kind(sp.text, self.registry) in ("name", "title", "group"):
                    return sp
                return None
        return None

    def _agents(self, doc: Doc, since: int, hi: int) -> Optional[Span]:
        """The latest ``X ने`` phrase in ``doc`` from character ``since`` to token ``hi`` whose X
        is a title or a group (``एक अधिकारी``, ``कुछ छात्रों``); names are the model's and the gazetteer's."""
        for j in range(hi - 1, 0, -1):
            if doc[j].idx < since:
                break
            if doc[j].text == "ने":
                sp = phrase_before(doc, j, max(0, doc[j].sent.start), NAME_STOPS)
                if sp is None:
                    continue
                kind = mention_kind(sp.text, self.registry)
                if kind in ("title", "group") or (kind == "name" and _looks_like_person(doc, sp, self.registry)):
                    return sp
                # "पेटीएम के विजय शेखर ने", "नालंदा के अरविंद प्रसाद ने": the person after the genitive
                k = next((k for k in range(sp.end - 1, sp.start, -1) if doc[k].text in {"के", "की", "का"}), None)
                if k is not None and k + 1 < sp.end:
                    tail = doc[k + 1:sp.end]
                    if mention_kind(tail.text, self.registry) == "name" and _looks_like_person(doc, tail, self.registry):
                        return tail
        return None

    # -- rules
    def _attribute(self, doc: Doc, st: Mention, speakers: list[Mention], cues: list[Mention],
                   previous: Optional[dict]) -> dict:
        span = st.span
        label = span.label_
        first_sent = doc[span.start].sent
        last_sent = doc[span.end - 1].sent
        lo, hi = first_sent.start, last_sent.end
        j = span.start - 1
        while j > 0 and doc[j].is_space:
            j -= 1
        if j < lo and self.rules and bare_clause_start(doc, j) == span.start:
            lo = doc[j].sent.start  # "स्वास्थ्य मंत्रालय ने कहा⏎<claim>": cue and speaker on the line before
        elif self.rules and j >= 1 and j == lo and doc[j].text == "कि" and doc[j - 1].text in {"।", "."}:
            lo = doc[j - 1].sent.start  # "प्रवक्ता ने बताया । कि <claim>": a stray danda before कि
        # tweets: the signature line follows the text; quotes of several lines: look one line on
        hi_ext = min(len(doc), next_line_end(doc, hi))
        outside = lambda m: not overlaps(m.span, span)
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
                mention = max(before, key=lambda m: _rank(doc, m.span))
            else:
                after_cue = [m for m in in_window if cue.span.end <= m.span.start <= span.start]
                mention = after_cue[0] if after_cue else None
        elif cue is not None:
            between = [m for m in in_window if span.end <= m.span.start and m.span.end <= cue.span.start]
            if between:
                mention = max(between, key=lambda m: (_marked(doc, m.span), -m.span.start))
        if cue is not None and cue.span.start < span.start and self.rules:
            # the phrase the cue marks as its speaker: "शिवराज सिंह चौहान ने आदेश दिया है कि", "वे कहती
            # हैं", "X का कहना है"; it wins over a mention the model saw earlier in the sentence
            agent = agent_phrase(doc, cue.span, lo)
            if agent is not None and (mention is None or mention.span.end <= agent.start or (
                    overlaps(mention.span, agent) and mention.span.end != agent.end) or (
                    not _marked(doc, mention.span) and mention.span.start >= agent.end)):
                # a model mention that ends the phrase is the cleaner span ("योआव मोर्देचाई"); one
                # inside it is a part ("लाल" of "जवाहर लाल जैन", "इसराइली सेनाधिकारी" of "… योआव मोर्देचाई")
                inside = [m for m in in_window if overlaps(m.span, agent) and m.span.end == agent.end]
                mention = inside[-1] if inside else Mention(agent, self.lexicon_score)
        if mention is None and in_window:
            # no cue, or nothing before it: before the statement in its sentence, else after it
            # ("…: अरविंद केजरीवाल", "— Dr. S. Jaishankar (@DrSJaishankar)")
            before = [m for m in in_window if m.span.end <= span.start]
            after = [m for m in in_window if m.span.start >= span.end and fold(m.span.text) not in PRONOUNS
                     and fold(m.span.text) not in DOCUMENTS and (m.span.end <= hi or _signature(doc, m.span))]
            # a partial quotation sits inside the reporter's sentence: its speaker is in that sentence
            if before and (cue is not None or not after or _marked(doc, before[-1].span) or _kind(doc, span) == "partial"):
                mention = max(before, key=lambda m: (_marked(doc, m.span), m.span.end))
            elif after:
                mention = min(after, key=lambda m: m.span.start)
            conf *= 0.9
        if mention is not None and self.rules and cue is not None and cue.span.start < span.start:
            mention = _first_of_list(doc, mention, speakers, self.registry)
            mention = _citing_agent(doc, mention, self.lexicon_score)
        if mention is None and self.rules:
            # nothing marked near the cue: the sentence's own "X ने" however far before it ("पुलिस ने
            # वाहनों के माध्यम से … चेतावनी शुरू कर दी थी कि")
            before = cue.span.start if cue is not None and cue.span.start < span.start else span.start
            agent = _last_agent(doc, lo, before)
            if agent is None and cue is not None and cue.span.start < span.start:
                # "आदेश में यह भी कहा गया है कि": the document the passive cue reads from
                agent = _document_read(doc, cue.span, lo)
            if agent is None and cue is not None and lo > 0 and cue.span.start < span.start and \
                    all(t.text in SUBJECTLESS_OPENERS or t.is_space for t in doc[lo:cue.span.start]):
                # "पंचानंद पासवान ने अपना दर्द बयां किया । कहा कि …", "… की । साथ ही कहा कि …": the agent
                # of the sentence before, or of the one before that ("उद्धव ठाकरे ने किया प्रेस
                # कॉन्फ्रेंस. … दी श्रद्धांजलि. कहा कि …")
                prev_lo = doc[lo - 1].sent.start
                agent = _last_agent(doc, prev_lo, lo)
                if agent is None and prev_lo > 0:
                    agent = _last_agent(doc, doc[prev_lo - 1].sent.start, prev_lo)
            if agent is None and cue is not None and cue.span.end <= span.start and cue.span[-1].text in SAID_BEFORE_NAME:
                # a headline "कोविड-19 पर बोले धनबाद DC- यकीन रखिए …": the speaker between cue and quote
                words = [t for t in doc[cue.span.end:span.start] if not t.is_space]
                while words and words[-1].text in QUOTE_MARKS:
                    words.pop()  # "बोले डिप्टी सीएम, '…'": the quotation's opening mark
                if 2 <= len(words) <= 5 and words[-1].text in {"-", "–", "—", ":", ","} and \
                        not any(t.is_punct or t.text in CLAUSE_STOPS for t in words[:-1]):
                    agent = doc[words[0].i:words[-1].i]
            if agent is None and cue is not None and cue.span.start < span.start:
                # "एक व्यक्ति से जब बात की गई तो बताया कि": the person asked answers
                agent = self._addressee(doc, cue.span)
            if agent is None and cue is not None and cue.span.start < span.start:
                # "सरकार लगातार … कह रही है कि", "वैज्ञानिक उम्मीद जता रहे हैं कि": an ongoing cue's
                # unmarked subject opening the sentence
                agent = _ongoing_subject(doc, cue.span, lo, self.registry)
            if agent is not None:
                mention = Mention(agent, self.lexicon_score)
        continued = False
        if mention is None and previous is not None and previous.get("mention") is not None:
            if _sent_index(doc, span.start) - previous["_end_sent"] <= CONTINUATION_SENTENCES:
                continued = True
                conf *= 0.8
        if cue is None:
            conf *= 0.9
        if continued:
            info = {k: previous[k] for k in ATTRIBUTION_FIELDS}
        elif mention is not None:
            mention = _registered_whole(doc, _with_country(doc, strip_marker(doc, mention)), self.registry)
            if len(mention.span) > 1 and fold(mention.span[-1].text) in PRONOUNS:
                # a link title run into the pronoun ("राजेश खन्ना|उन्होंने बताया"): the pronoun speaks
                mention = Mention(mention.span[-1:], mention.score)
            sp = mention.span
            if self.rules and sp.start > 0 and is_bare_head(doc[sp.start - 1].text) and \
                    fold(doc[sp.start - 1].text) not in ORG_HEADS and not any(m.span == sp for m in self._names) \
                    and mention_kind(sp.text, self.registry) == "name" and _looks_like_person(doc, sp, self.registry):
                # a person the rules found speaking ("मुख्य सचिव डीके तिवारी ने") is a name the later
                # titles and pronouns may stand for ("मुख्य सचिव ने लिखा है")
                self._names = sorted(self._names + [mention], key=lambda m: m.span.start)
            info = {"mention": mention.chars, **self._resolve(doc, mention, speakers, previous)}
            conf *= min(1.0, 0.5 + mention.score)
            if info.pop("_forward", False):
                conf *= FORWARD_CONFIDENCE
        else:
            info = {"mention": None, "antecedent": None, "speaker_id": None, "speaker_name": None, "speaker_name_hi": None}
            conf *= 0.5
        info["cue"] = cue.chars if cue is not None else None
        info["kind"] = _kind(doc, span)
        info["confidence"] = round(max(0.0, min(1.0, st.score * conf)), 4)
        return info

    def _resolve(self, doc: Doc, mention: Mention, speakers: list[Mention], previous: Optional[dict],
                 depth: int = 0) -> dict:
        text = mention.span.text
        kind = mention_kind(text, self.registry)
        reg = self.registry
        antecedent: Optional[Span] = None
        issuer = _issuer_within(mention.span)
        if issuer is not None and depth < 2:
            # "गृह मंत्रालय की अधिसूचना": a document mention that names its issuer
            return self._resolve(doc, Mention(issuer, mention.score), speakers, previous, depth + 1)
        preceding = sorted((m for m in speakers if m.span.end <= mention.span.start), key=lambda m: -m.span.start)
        named = sorted((m for m in self._names if m.span.end <= mention.span.start), key=lambda m: -m.span.start)
        if kind == "pronoun":
            # the person asked ("कटरीना से पूछा तो उन्होंने कहा"), else the latest subject named since
            # the previous statement ("पीट हेगसेथ ने … उन्होंने कहा"), else the previous statement's
            # speaker, else the nearest name before
            asked = self._addressee(doc, mention.span)
            if asked is not None:
                return {**self._resolve(doc, Mention(asked, mention.score), speakers, None, depth + 1),
                        "antecedent": _chars(asked)}
            since = previous["_end_char"] if previous is not None else -1
            # a person written as a clause's subject since then ("हाजी ग़ालिब अब काबुल के … रहते हैं"),
            # not a body ("अदालत", "सरकार" as subjects are rarely what उन्होंने stands for)
            subjects = [m for m in named if m.span.start_char >= since and (_subject(doc, m.span) or (
                _nominative(doc, m.span) and not looks_like_organisation(m.span.text, reg)))]
            if self.rules:
                # a person introduced with a role noun and never marked ("मंत्री मुसद्दिक मलिक … ध्यान
                # दिलाते हैं. उन्होंने कहा")
                lo_tok = next((t.i for t in doc[max(0, mention.span.start - 300):mention.span.start] if t.idx >= since), mention.span.start)
                intro = [Mention(sp, self.lexicon_score) for sp in introduced_names(doc, lo_tok, mention.span.start)
                         + surnamed_names(doc, lo_tok, mention.span.start)
                         if (_subject(doc, sp) or _nominative(doc, sp))
                         and not any(overlaps(sp, m.span) for m in speakers)]
                subjects = sorted(subjects + intro, key=lambda m: -m.span.start)
            # an unnamed subject since then ("एक प्रमुख कंपनी के शीर्ष अधिकारी ने … । उन्होंने कहा")
            # is nearer than a name before it
            unnamed = self._agents(doc, since, mention.span.start)
            if unnamed is not None and fold(text) in PERSONAL_PRONOUNS and looks_like_organisation(unnamed.text, reg):
                unnamed = None  # "सरकार ने … घोषणा की । … उन्होंने मांग की": उन्होंने is people, not the body
            if unnamed is not None and (not subjects or subjects[0].span.end <= unnamed.start):
                antecedent = unnamed
            elif subjects:
                antecedent = _first_of_pair(doc, subjects[0].span, named)
            elif previous is not None and previous.get("mention") is not None and not (
                    fold(text) in PERSONAL_PRONOUNS and _impersonal(previous.get("speaker_name"), reg)
                    and any(not looks_like_organisation(m.span.text, reg) for m in named)):
                # however far back (interviews: "वह कहते हैं" paragraphs apart); but "वो कहती हैं" is a
                # person, not the report or the government quoted last
                return _as_before(previous)
            else:
                # the nearest person before it (उन्होंने rarely stands for a ministry), else any name
                people = [m for m in named if not looks_like_organisation(m.span.text, reg)]
                antecedent = (people or named)[0].span if named else None
                if antecedent is None:
                    # nobody named before: a feature that opens with "उन्होंने" names its subject
                    # later; the first person named after it, a guess (its confidence is lowered)
                    later = [m for m in self._names if m.span.start >= mention.span.end
                             and not looks_like_organisation(m.span.text, reg)]
                    if later:
                        return {**self._resolve(doc, Mention(later[0].span, mention.score), speakers, None, depth + 1),
                                "antecedent": _chars(later[0].span), "_forward": True}
        elif fold(text) in PUBLICATIONS and (paper := _name_in_marks_before(doc, mention.span)) is not None:
            # "'इंडिपेंडेंट' अख़बार के मुताबिक़": the paper named in marks right before the noun
            antecedent = paper
        elif fold(text) in PUBLICATIONS and (paper := next((m.span for m in named if _writes(doc, m.span)), None)):
            # a press review: "अखबार लिखता है" is the latest paper that wrote ("'जंग' ने लिखा है")
            antecedent = paper
        elif kind == "title":
            holders = reg.title_candidates(text)
            for m in named:
                sp = reg.match_name(m.span.text)
                if sp is not None and sp.id in holders:
                    antecedent = m.span
                    break
            if antecedent is None and holders:
                # a headline's "पीएम का संबोधन: …" before the body names "नरेंद्र मोदी": the holder
                # the article names after it
                later = [m for m in self._names if m.span.start >= mention.span.end
                         and getattr(reg.match_name(m.span.text), "id", None) in holders]
                antecedent = later[0].span if later else None
            if antecedent is None:
                # "डीजीपी एच.सी. अवस्थी ने …", "योगगुरु रामदेव", "अमेजन कंपनी": the name written with the title
                antecedent = _appositive(doc, mention.span, self._names)
            if antecedent is None:
                antecedent = _holder_elsewhere(doc, mention.span, self._names)
            if antecedent is None and len(text.split()) == 1:
                # a bare head for the latest fuller mention ending in it ("मंत्रालय" -> "स्वास्थ्य मंत्रालय")
                key = fold(text)
                for m in preceding:
                    words = fold(m.span.text).split()
                    if len(words) > 1 and words[-1] == key:
                        antecedent = m.span
                        break
            qualified = any(w in {"के", "की", "का"} for w in text.split())  # "मंत्रालय के संयुक्त सचिव": someone unnamed
            if antecedent is None and not holders and (is_bare_head(text) or (
                    is_bare_head(text.split()[-1]) and not qualified)):
                # a role noun ("कंपनी", "बाबा", "एमबीबीएस छात्र") for the latest named speaker of its sort
                head = fold(text.split()[-1])
                if head in COMPANY_HEADS:
                    # "कंपनी ने कहा" after "इंडिगो की दैनिक बुकिंग …", "एमजी मोटर ने …": the latest name
                    # that is no person, party or government body; not "दुनिया की प्रमुख ऑनलाइन खुदरा
                    # कंपनी" (a description) nor the ministry named before
                    antecedent = _latest_firm(doc, mention.span, named, reg)
                if head in ORG_HEADS:
                    if antecedent is None:
                        # "आयोग" for "राष्ट्रीय स्वास्थ्य आयोग": the same head with its name, written earlier
                        antecedent = named_head(doc, head, max(0, doc[mention.span.start].sent.start - 200),
                                                mention.span.start)
                    if antecedent is None:
                        # "मंत्रालय" for "शिपिंग मिनिस्ट्री": the latest body named before it (not a news agency)
                        bodies = [m for m in named if looks_like_organisation(m.span.text, reg)
                                  and (reg.match_name(m.span.text) or _NO_SPEAKER).kind != "agency"]
                        antecedent = bodies[0].span if bodies else None
                else:
                    fitting = [m for m in named if not looks_like_organisation(m.span.text, reg)
                               and not m.span[-1].text.endswith("ों")  # "उद्यमियों": people, not one
                               and _may_hold(reg.match_name(m.span.text), head)
                               and _post_fits(_written_post(doc, m.span), head)]
                    antecedent = fitting[0].span if fitting else None
                    if antecedent is None:
                        # "प्रभारी गन्ना मंत्री सुरेश राणा व उद्यमियों के बीच …। मंत्री ने आश्वासन दिया":
                        # the person the article wrote after this post, though the model marked nobody
                        posted = [sp for sp in introduced_names(doc, max(0, mention.span.start - 400), mention.span.start)
                                  if _written_post(doc, sp) == head]
                        antecedent = posted[-1] if posted else None
            # a title whose holder the article never names stays the title: "प्रधानमंत्री" in a 2013
            # article is not the registry's current holder
        elif kind == "document":
            # the issuer: an organisation named in this or the previous sentence ("अमेरिकी विदेश
            # विभाग ने एक आधिकारिक बयान में …"), else the nearest registry organisation before it
            sent_lo = doc[mention.span.start].sent.start
            prev_lo = doc[sent_lo - 1].sent.start if sent_lo > 0 else sent_lo
            orgs = [m for m in named if looks_like_organisation(m.span.text, reg)]
            near = [m for m in named if m.span.start >= sent_lo] + [m for m in orgs if m.span.start >= prev_lo]
            # "सहारा की ओर से जारी बयान", "टाइम्स ऑफ इंडिया की रिपोर्ट के अनुसार": the issuer written with it
            antecedent = _issuer_before(doc, mention.span, speakers, sent_lo)
            if antecedent is None:
                antecedent = near[0].span if near else None
            if antecedent is None:
                antecedent = _earlier_issuer(doc, mention.span, speakers, reg)
            if antecedent is None:
                # "सरकार की ओर से जारी नयी गाइडलाइन", "गृह मंत्रालय की अधिसूचना": an organisation the
                # model did not mark, found by its head word
                antecedent = org_phrase(doc, prev_lo, mention.span.start)
            if antecedent is None and previous is not None and previous.get("speaker_name") and (
                    looks_like_organisation(previous["speaker_name"], reg) or fold(text) in ANAPHORIC_DOCUMENTS):
                # "बयान में कहा गया" after the body's own statements: the body that spoke last; "इसमें
                # यह भी कहा गया है" after "एसबीआई अर्थशास्त्रियों के अनुसार": the source quoted last
                return _as_before(previous)
        elif kind in ("name", "organisation") and len(text.split()) == 1 and fold(text) in self._abbreviations \
                and self._abbreviations[fold(text)].start != mention.span.start:
            # "एनएचसी" for "चीन के राष्ट्रीय स्वास्थ्य आयोग (एनएचसी)" written earlier or later
            antecedent = self._abbreviations[fold(text)]
        elif kind == "name" and len(text.split()) > 1 and reg.match_name(text) is None:
            # "कौशल राज शर्मा" after "कौशलराज शर्मा", "हिमंत विस्वा सरमा" after "हिमंत बिस्वा सरमा": the
            # same person spelt another way goes to the first spelling
            key = fold(text)
            same = [m for m in named if fold(m.span.text) != key and _same_name(key, fold(m.span.text))]
            antecedent = same[-1].span if same else _written_joined(doc, self._text, mention.span)
        elif kind == "name" and len(text.split()) == 1:
            key = fold(text)
            fuller = [(m, fold(m.span.text).split()) for m in named]
            fuller = [(m, w) for m, w in fuller if len(w) > 1]
            for m, words in fuller:
                if key in (words[-1], words[0]):  # सिंह / राहुल for a fuller name
                    antecedent = m.span
                    break
            registered = reg.match_name(text) is not None
            if antecedent is None and not registered:
                # the surname or first name spelt another way ("देशमुख" for "अनिल देखमुख", "हैकन" for
                # "हैकेन बाकर")
                antecedent = next((m.span for m, words in fuller if spelling_variants(key, words[-1])), None) or \
                    next((m.span for m, words in fuller if spelling_variants(key, words[0])), None)
            if antecedent is None and not registered:
                # the fuller name written only later ("अग्रवाल ने बताया …", then "लव अग्रवाल" in a caption)
                later = [m for m in self._names if m.span.start > mention.span.end
                         and len(fold(m.span.text).split()) > 1 and key == fold(m.span.text).split()[-1]]
                antecedent = later[0].span if later else None
        if antecedent is not None and depth < 2 and (mention_kind(antecedent.text, reg) in ("title", "pronoun", "document") or (
                mention_kind(antecedent.text, reg) == "name" and reg.match_name(antecedent.text) is None)):
            # a title written with a surname only ("मुख्यमंत्री चौहान") goes on to the fuller name
            # "गाइडलाइंस" -> "मंत्रालय" -> "स्वास्थ्य मंत्रालय": follow the chain one more link
            inner = self._resolve(doc, Mention(antecedent, mention.score), speakers, None, depth + 1)
            if inner.get("antecedent") is not None or inner.get("speaker_id") is not None:
                return inner
        target = antecedent if antecedent is not None else mention.span
        if antecedent is not None:
            # "स्वास्थ्य और परिवार कल्याण मंत्रालय द्वारा जारी आंकड़े": an issuer cut at "और"
            target = _registered_whole(doc, Mention(target, mention.score), reg).span
        sp = reg.match_name(target.text)
        if sp is None and antecedent is not None and not (
                kind == "name" and len(text.split()) == 1 and len(antecedent.text.split()) > 1):
            # "WHO" for an unregistered spelling of its full name; but "मोदी" for "ललित मोदी" is not
            # the registry's Modi
            sp = reg.match_name(text)
        if sp is not None:
            return {"antecedent": _chars(antecedent), "speaker_id": sp.id, "speaker_name": sp.name, "speaker_name_hi": sp.name_hi}
        return {"antecedent": _chars(antecedent), "speaker_id": None, "speaker_name": _clean_mention(target.text),
                "speaker_name_hi": None}


# A paper written of by its kind ("अखबार लिखता है"): the one quoted last.
PUBLICATIONS = frozenset(fold(w) for w in ["अखबार", "अख़बार", "समाचार पत्र", "समाचारपत्र", "दैनिक", "पत्रिका"])


def _over_image_gap(doc: Doc, m: Mention) -> Mention:
    """A claim the model ended where a BBC body lost an image or link mid-sentence (``एक आकलन के
    मुताबिक अंग्रेजी भाषा का \n\n\n\nयह शब्द … इस्तेमाल किया गया.``) runs on to its sentence's end
    (``clip_claim`` then cuts it at the stop)."""
    sp = m.span
    if sp.label_ != "CLAIM" or sp.end >= len(doc) or not _image_gap(doc, sp.end):
        return m
    end = doc[sp.end - 1].sent.end
    while end > sp.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # the stop that ends the sentence is not the claim's
    return Mention(Span(doc, sp.start, end, label=sp.label_), m.score) if end > sp.end + 1 else m


def _name_in_marks_before(doc: Doc, sp: Span) -> Optional[Span]:
    """The name in quote marks right before ``sp`` (``‘इंडिपेंडेंट’ अख़बार``), at most four words."""
    j = sp.start - 1
    if j < 2 or doc[j].text not in QUOTE_MARKS:
        return None
    for k in range(j - 1, max(-1, j - 6), -1):
        if doc[k].text in QUOTE_MARKS:
            return doc[k + 1:j] if k + 1 < j else None
        if doc[k].is_punct or doc[k].is_space:
            return None
    return None


def _as_before(previous: dict) -> dict:
    """The previous statement's speaker, for a mention that stands for it."""
    return {"antecedent": previous.get("antecedent") or previous["mention"], **{k: previous[k] for k in SPEAKER_FIELDS}}


def _writes(doc: Doc, sp: Span) -> bool:
    """Is the mention a paper: written in quote marks before a verb of writing, or its subject
    (``'जंग' ने लिखा है``, ``दैनिक खबरें ने … लिखा है``)?"""
    end = doc[sp.end - 1].sent.end
    return any(t.text.startswith("लिख") for t in doc[sp.end:min(end, sp.end + 15)]) and (
        sp.end < len(doc) and doc[sp.end].text in {"ने", "का", "की", "के"} | QUOTE_MARKS)


# Pronouns for people (honorific or वो/वह); "उसने", "इसमें" may stand for a body or a document.
PERSONAL_PRONOUNS = frozenset(fold(p) for p in ["उन्होंने", "वो", "वह", "वे", "उनका", "उनकी", "उनके"])


def _impersonal(name: Optional[str], reg: Registry) -> bool:
    """Is a resolved speaker a body or a document rather than a person (a group is people)?"""
    if not name:
        return False
    return looks_like_organisation(name, reg) or mention_kind(name, reg) == "document"


def _may_hold(sp, head: str) -> bool:
    """Could the registry person ``sp`` be called by the role noun ``head`` (folded)? Anyone not in
    the registry could; a registry person only with a title that has ``head`` as a word: not
    Narendra Modi (प्रधानमंत्री) for "केंद्रीय मंत्री" or "जिलाधिकारी"."""
    if sp is None or not sp.titles or head in _GENERIC_ROLES:
        return True
    heads = title_keys(head)
    return any(h in _joined(fold(t)).split() for t in sp.titles for h in heads)


def _joined(title: str) -> str:
    """A folded title with its compounds written as one word: "प्रधान मंत्री" is "प्रधानमंत्री", no
    "मंत्री"."""
    for first in _COMPOUND_FIRSTS:
        title = title.replace(f"{first} {_MINISTER}", first + _MINISTER)
    return title


_MINISTER = fold("मंत्री")
_COMPOUND_FIRSTS = tuple(fold(w) for w in ["प्रधान", "मुख्य", "उप"])


_GENERIC_ROLES = frozenset(fold(w) for w in ["नेता", "सांसद"])


COMPANY_HEADS = frozenset(fold(w) for w in ["कंपनी", "कम्पनी", "फर्म", "company", "firm"])


def _latest_firm(doc: Doc, mention: Span, named: list[Mention], reg: Registry) -> Optional[Span]:
    """The latest name before ``mention`` (``named``, latest first) that can be a company: not in the
    registry (its bodies are governments and agencies, its people people), not ending in a body's
    head other than a company's, not written after a post or honorific, within about three
    paragraphs."""
    lo = max(0, mention.start - 250)
    for m in named:
        if m.span.start < lo:
            break
        words = fold(m.span.text).split()
        if reg.match_name(m.span.text) is not None or mention_kind(m.span.text, reg) not in ("name", "organisation"):
            continue
        if words[-1] in ORG_HEADS and words[-1] not in COMPANY_HEADS:
            continue
        before = fold(doc[m.span.start - 1].text) if m.span.start > 0 else ""
        if before in _HONORIFIC_KEYS or before == "." or _written_post(doc, m.span) is not None:
            continue
        return m.span
    return None


def _written_post(doc: Doc, sp: Span) -> Optional[str]:
    """The post written right before a name, folded (``भोपाल के कलेक्टर तरुम पिथोडे`` -> ``कलेक्टर``),
    honorifics skipped; None when there is none."""
    first = fold(sp[0].text)
    if len(sp) > 1 and is_bare_head(first) and first not in ORG_HEADS:
        return first  # the post inside the mention: "पीएम मोदी"
    j = sp.start
    while j > 0 and (fold(doc[j - 1].text) in _HONORIFIC_KEYS or doc[j - 1].text == "."):
        j -= 1
    if j == 0:
        return None
    word = fold(doc[j - 1].text)
    return word if is_bare_head(word) and word not in ORG_HEADS else None


def _post_fits(written: Optional[str], head: str) -> bool:
    """May a person written with the post ``written`` be called by the role noun ``head`` later? Not
    when both are distinct offices: "दिल्ली पुलिस आयुक्त" is not the "कलेक्टर" named before; a loose
    role ("योगगुरु" then "बाबा", "चीफ" then "महानिदेशक") fits."""
    if written is None or written not in _OFFICES or head not in _OFFICES:
        return True
    return bool(title_keys(written) & title_keys(head))


# Posts that name one office each: a person written with one is not called by another.
_OFFICES = frozenset(fold(w) for w in [
    "मंत्री", "मुख्यमंत्री", "प्रधानमंत्री", "उपमुख्यमंत्री", "राष्ट्रपति", "उपराष्ट्रपति", "राज्यपाल", "सचिव",
    "निदेशक", "महानिदेशक", "प्रवक्ता", "आयुक्त", "कमिश्नर", "मंडलायुक्त", "उपायुक्त", "कलेक्टर", "जिलाधिकारी",
    "जिलाधीश", "डीएम", "डीसी", "एसपी", "एसएसपी", "डीजीपी", "आईजी", "डीआईजी", "एडीजी", "एसडीएम", "एडीएम", "सीएमओ",
    "सीडीओ", "बीडीओ", "बीएसए", "एसएचओ", "थानाध्यक्ष", "कोतवाल", "तहसीलदार", "कुलपति", "प्राचार्य",
    "प्रधानाचार्य", "महापौर", "मेयर", "सीएम", "पीएम", "सीईओ"])


def _last_agent(doc: Doc, lo: int, hi: int) -> Optional[Span]:
    """The phrase the last ``ने`` in tokens ``lo``–``hi`` marks as agent (None when that ``ने`` has
    no phrase before it, or there is none)."""
    for j in range(hi - 1, lo - 1, -1):
        if doc[j].text == "ने":
            return phrase_before(doc, j, lo, CLAUSE_STOPS)
    return None


def _appositive(doc: Doc, mention: Span, names: list[Mention]) -> Optional[Span]:
    """The name a title or role noun was written with: right after it in the mention's own sentence
    (``डीजीपी एच.सी. अवस्थी``), or earlier in the article after the same title (``योगगुरु रामदेव``,
    ``आईसीएमआर के निदेशक डॉ. सीके मिश्रा``) or before it (``अमेजन कंपनी``), else later in the article
    after the same title (``मंत्रालय के विशेष सचिव ने बताया …`` before ``मंत्रालय के विशेष सचिव संजीव
    कुमार के अनुसार``). A one-word title also matches by its head alone."""
    keys = title_keys(mention.text)
    if not keys:
        return None
    names = [m for m in names if m.span != mention]
    following = [m for m in names if mention.end <= m.span.start <= mention.end + 1]
    if following:
        return following[0].span
    for m in sorted((m for m in names if m.span.end <= mention.start), key=lambda m: -m.span.start):
        after = fold(doc[m.span.end:m.span.end + 3].text)
        if _titled(doc, m.span.start, keys) or any(after == k or after.startswith(k + " ") for k in keys):
            return m.span
    if len(mention) > 1:
        # a title long enough to name one post; a bare "मंत्री" written later may be someone else
        for m in names:
            if m.span.start >= mention.end and _titled(doc, m.span.start, keys):
                return m.span
    return None


_HONORIFIC_KEYS = frozenset(fold(h) for h in HONORIFICS)


def _titled(doc: Doc, start: int, keys: set[str]) -> bool:
    """Is the name starting at token ``start`` written right after one of the title ``keys``
    (honorifics, a bracket or a comma between them skipped: ``निदेशक डॉ. सीके मिश्रा``, ``आयोग (एनएचसी)``)?"""
    j = start
    while j > 0 and (fold(doc[j - 1].text) in _HONORIFIC_KEYS or doc[j - 1].text in {"(", ",", "-"} or (
            doc[j - 1].text == "." and j > 1 and fold(doc[j - 2].text) in _HONORIFIC_KEYS)):
        j -= 1
    for k in keys:
        n = len(k.split())
        if j - n >= 0 and fold(doc[j - n:j].text) == k:
            return True
    return False


def _issuer_within(sp: Span) -> Optional[Span]:
    """The issuer in ``<issuer> की/के/का <document>`` as one mention, else None."""
    for k in range(sp.end - 2, sp.start, -1):
        if sp.doc[k].text in {"की", "के", "का"}:
            if fold(sp.doc[k + 1:sp.end].text) in DOCUMENTS:
                return sp.doc[sp.start:k]
            return None
    return None


# words that never sit inside a speaker's name phrase ("क्या खुद अजय ने", "रिलीज हो रही है…नरगिस ने")
NAME_STOPS = CLAUSE_STOPS | {"क्या", "खुद", "ख़ुद", "स्वयं", "जहां", "जहाँ", "तहत", "हो", "जो", "जिसे",
                                         "जिसमें", "जिन्होंने", "रही", "रहा", "रहे", "हुई", "संयोगवश", "बल्कि"}


def _written_joined(doc: Doc, text: str, sp: Span) -> Optional[Span]:
    """The first writing, before ``sp``, of its name with two of its words run together
    (``कौशलराज शर्मा`` for ``कौशल राज शर्मा``), where the model marked it nowhere."""
    words = [t.text for t in sp]
    for i in range(len(words) - 1):
        joined = " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
        at = text.find(joined, 0, sp.start_char)
        if at >= 0:
            found = doc.char_span(at, at + len(joined))
            if found is not None:
                return found
    return None


def _same_name(a: str, b: str) -> bool:
    """Two folded full names that are one name spelt two ways: the same letters but for spaces
    (``कौशलराज शर्मा``/``कौशल राज शर्मा``), or the same first name and each other word the same, one
    edit apart, or with ब for व (``हिमंत बिस्वा सरमा``/``हिमंत विस्वा सरमा``)."""
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    x, y = a.split(), b.split()
    if len(x) != len(y) or len(x) < 2 or x[0] != y[0]:
        return False
    return all(p == q or spelling_variants(p, q) or (len(p) >= 4 and p[1:] == q[1:] and {p[0], q[0]} == {"ब", "व"})
               for p, q in zip(x[1:], y[1:]))


def _first_spelling(doc: Doc, words: list[str], key: str) -> Optional[str]:
    """The article's first writing of the folded full name ``key``, in any spelling ``_same_name``
    accepts (``words``: the doc's tokens, folded)."""
    parts = key.split()
    joined = key.replace(" ", "")
    for i, w in enumerate(words):
        for n in {len(parts), len(parts) - 1}:
            if n < 1 or i + n > len(words) or not (w == parts[0] or joined.startswith(w)):
                continue
            if _same_name(key, " ".join(words[i:i + n])):
                return doc[i:i + n].text
    return None


def _looks_like_person(doc: Doc, sp: Span, reg: Registry) -> bool:
    """A name phrase the model did not mark that still reads as a person: written after a title
    (``पूर्व मुख्यमंत्री कमलनाथ ने``) or two or more words with no genitive and no plural ending
    (``अजीत जोगी``, not ``162 यात्रियों``, not ``कोरोना संकट``)."""
    if looks_like_organisation(sp.text, reg) or sp[-1].text.endswith("ों"):
        return False
    if sp.start > 0 and is_bare_head(doc[sp.start - 1].text) and fold(doc[sp.start - 1].text) not in ORG_HEADS:
        return True
    return len(sp) >= 2 and not any(t.text in {"के", "की", "का"} for t in sp)


ISSUER_FILLERS = {"जारी", "ओर", "तरफ", "तरफ़", "से", "नए", "नई", "नया", "नयी", "ताजा", "ताज़ा",
                  "एक", "अपने", "अपनी", "इस", "हाल", "हालिया", "ताजे", "ताज़े", "प्रकाशित", "दी", "गई", "गयी",
                  "तैयार", "बनाई", "बनाया", "किए", "गए"}


def _issuer_before(doc: Doc, sp: Span, speakers: list[Mention], lo: int) -> Optional[Span]:
    """The issuer in ``X की (ओर से जारी) <document>`` / ``X द्वारा जारी <document>``: the speaker
    mention, else the noun phrase, right before the genitive."""
    j = sp.start - 1
    while j > lo and (doc[j].text in ISSUER_FILLERS or (doc[j].text == "की" and doc[j + 1].text in {"गई", "गयी"})
                      or doc[j].text in CLOCK_WORDS or (doc[j].text == "को" and doc[j - 1].text in CLOCK_WORDS)):
        # "पीटीआई-भाषा द्वारा तैयार की गई तालिका": the participle is no genitive; "स्वास्थ्य विभाग की
        # ओर से शाम को जारी बुलेटिन": nor the hour it came out
        j -= 1
    published = j > lo and doc[j].text in PUBLISHED and doc[j - 1].text == "में"
    if published:
        j -= 1  # "बिजनसलाइन में छपी रिपोर्ट": the paper that printed it
    for _ in range(2):
        if j <= lo or (doc[j].text not in {"की", "के", "का", "द्वारा"} and not (published and doc[j].text == "में")):
            return None
        for m in speakers:
            if m.span.end == j:
                return m.span
        phrase = phrase_before(doc, j, lo)
        if phrase is None:
            return None
        if not any(t.text in CLOCK_WORDS or t.like_num for t in doc[phrase.start - 1:phrase.end]):
            return phrase
        # "स्वास्थ्य मंत्रालय के बुधवार सुबह नौ बजे के आंकड़ों": a time, then the issuer
        j = phrase.start - 1
        while j > lo and (doc[j].like_num or doc[j].text in CLOCK_WORDS or doc[j].text in AGENT_STOPS):
            j -= 1
    return None


# times a document's date is written with ("बुधवार सुबह नौ बजे के आंकड़ों")
CLOCK_WORDS = TIME_WORDS | {"बजे", "तारीख", "दिन", "साल", "वर्ष"}
PUBLISHED = {"छपी", "छपे", "छपा", "प्रकाशित"}
OWN = {"अपनी", "अपने", "अपना"}


def _earlier_issuer(doc: Doc, sp: Span, speakers: list[Mention], registry: Registry) -> Optional[Span]:
    """The issuer the article gave the same document before: ``बुलेटिन में बताया गया`` paragraphs
    after ``स्वास्थ्य विभाग की ओर से जारी बुलेटिन``, ``रिपोर्ट में कहा गया`` after ``CDDEP ने … अपनी
    रिपोर्ट में``; the latest such writing, within about a page."""
    key = fold(sp[-1].text)
    if key not in DOCUMENTS or key in ANAPHORIC_DOCUMENTS:
        return None
    for j in range(sp.start - 1, max(0, sp.start - 1500) - 1, -1):
        if fold(doc[j].text) != key:
            continue
        lo = doc[j].sent.start
        issuer = _issuer_before(doc, doc[j:j + 1], speakers, lo)
        if issuer is not None and not any(m.span == issuer for m in speakers) and \
                not looks_like_organisation(issuer.text, registry):
            issuer = None  # "मौत के आंकड़ों": what the figures count, not who gave them
        if issuer is None and (any(t.text in OWN for t in doc[max(lo, j - 3):j]) or (
                j + 1 < len(doc) and doc[j + 1].text in {"जारी", "दी", "दिया", "दिए"})):
            # "CDDEP ने … अपनी रिपोर्ट में", "जिलाधिकारी बीएन सिंह ने आदेश जारी किया है": the agent
            issuer = _last_agent(doc, lo, j)
        if issuer is not None:
            return issuer
    return None


def _signature(doc: Doc, sp: Span) -> bool:
    """A tweet or headline signature: the mention opens its line or follows a dash (``— Name (@x)``)."""
    i = sp.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i < 0 or doc[i].text in {"—", "–", "-", ":"} or "\n" in doc[i].whitespace_ or "\n" in doc[sp.start - 1].text


def _first_of_pair(doc: Doc, sp: Span, named: list[Mention]) -> Span:
    """"रूबियो और जयशंकर ने …": a statement of a pair goes to the first named (guidelines)."""
    if sp.start >= 2 and doc[sp.start - 1].text == "और":
        for m in named:
            if m.span.end == sp.start - 1:
                return m.span
    return sp


LIST_LINKS = {",", "और", "तथा", "एवं", "व"}


# "ईरान के स्वास्थ्य मंत्रालय": a body of another country is not the registry's Indian one
FOREIGN = frozenset(fold(w) for w in [
    "ईरान", "चीन", "अमेरिका", "अमरीका", "पाकिस्तान", "ब्रिटेन", "इटली", "जापान", "रूस", "फ्रांस", "जर्मनी", "स्पेन",
    "नेपाल", "बांग्लादेश", "श्रीलंका", "अफगानिस्तान", "अफ़ग़ानिस्तान", "इसराइल", "इजरायल", "सऊदी", "कनाडा",
    "ऑस्ट्रेलिया", "दक्षिण कोरिया", "कोरिया", "सिंगापुर", "मलेशिया", "इंडोनेशिया", "तुर्की", "मिस्र", "ब्राजील",
])


PASSIVE = {"गया", "गई", "गयी", "गए"}
POSTPOSITIONS = {"ने", "के", "की", "का", "को", "में", "से", "पर"}


def _names_in_marks(doc: Doc, sp: Span) -> bool:
    """A one-word quotation whose closing mark a case ending follows (``'शिन्हुआ' ने``, ``'हिम्मतवाला'
    की रीमेक``): a name in marks, not words anyone said. Two words are often a partial quotation
    (``'लोकतांत्रिक मूल्यों' की रक्षा``)."""
    if len(sp.text.split()) > 1 or sp.end + 1 >= len(doc) or doc[sp.end].text not in QUOTE_MARKS:
        return False
    return doc[sp.end + 1].text in POSTPOSITIONS
SAID_BEFORE_NAME = {"बोले", "बोलीं", "बोली", "बोला"}  # headlines: "… पर बोले <speaker>- <quote>"
ONGOING = {"रहे", "रही", "रहा", "रहीं", "आया", "आए", "आई", "करते", "करती", "करता", "कहते", "कहती", "कहता"}
ADVERBS = {"लगातार", "बार-बार", "भी", "ही", "तो", "अब", "फिर", "लगभग", "हमेशा", "पहले", "शुरू", "से", "आदि", ","}
OPENERS = {"अब", "वहीं", "इस", "बीच", "हालांकि", "लेकिन", "और", "साथ", "ही", "दूसरी", "ओर", "उधर", "इधर"}


def _ongoing_subject(doc: Doc, cue: Span, lo: int, reg: Registry) -> Optional[Span]:
    """The unmarked subject that opens the sentence of an ongoing or habitual cue: ``सरकार लगातार
    लोगों को … कह रही है कि``, ``अब कई विशेषज्ञ सुझाव दे रहे हैं कि``, ``प्रभात खबर … अपील करता आया है
    कि``. A finished cue (``कहा कि``) without ``ने`` has no such subject."""
    following = doc[cue.start:min(len(doc), cue.end + 2)]
    if not any(t.text in ONGOING for t in following) or any(t.text == "जा" for t in following):
        return None  # "कहा जा रहा है कि": said by nobody in particular
    k = lo
    while k < cue.start and (doc[k].is_space or doc[k].text in OPENERS):
        k += 1
    e = k
    while e < cue.start and e - k < 3 and not (doc[e].is_punct or doc[e].is_space or doc[e].like_num
                                               or doc[e].text in ADVERBS or doc[e].text in CLAUSE_STOPS
                                               or doc[e].text in {"के", "की", "का"}):
        e += 1
    if e == k or (e < cue.start and doc[e].text not in ADVERBS and not doc[e].is_punct):
        return None  # "कोरोना के बारे में …": no subject phrase of its own
    sp = doc[k:e]
    if fold(sp.text) in PRONOUNS or mention_kind(sp.text, reg) not in ("name", "title", "group", "organisation"):
        return None
    return sp


def _document_read(doc: Doc, cue: Span, lo: int) -> Optional[Span]:
    """``<document> में (यह भी) <cue> गया``: the document (``आदेश``, ``हेल्थ बुलेटिन``) a passive cue
    reads from, when the model marked nothing."""
    after = cue.end if cue[-1].text not in PASSIVE else cue.end - 1
    if after >= len(doc) or (doc[after].text not in PASSIVE and cue[-1].text not in PASSIVE):
        return None
    j = cue.start - 1
    while j > lo and doc[j].text in {"यह", "ये", "भी", "साफ", "स्पष्ट", "तौर", "पर", "रूप", "से"}:
        j -= 1
    if j <= lo or doc[j].text != "में":
        return None
    for k in (2, 1):
        if j - k >= lo and fold(doc[j - k:j].text) in DOCUMENTS and not any(t.is_punct for t in doc[j - k:j]):
            return doc[j - k:j]
    return None


def _holder_elsewhere(doc: Doc, sp: Span, names: list[Mention]) -> Optional[Span]:
    """The person the article names with the same post elsewhere: ``एम्स के निदेशक ने बताया`` and a
    paragraph on ``एम्स निदेशक डॉ. प्रभात कुमार सिंह``; ``केंद्र गृह सचिव`` and ``गृह सचिव अजय भल्ला``.
    The other writing shares the word before the post and has no qualifier this one lacks (``गुजरात
    के डीजीपी शिवानंद झा`` is not ``हिमाचल के डीजीपी``, ``केंद्रीय गृह मंत्री`` not ``पर्यावरण
    मंत्री``); two different holders: nobody."""
    words = [fold(t.text) for t in sp if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return None  # a bare post ("मंत्री") is the role-noun rule's
    head, mine = words[-1], set(words)
    honorifics = {fold(h) for h in HONORIFICS}
    starts = {m.span.start: m.span for m in names}
    found: dict[str, Span] = {}
    for j in range(1, len(doc) - 1):
        if sp.start <= j < sp.end or fold(doc[j].text) != head:
            continue
        k = j + 1
        while k < len(doc) and (fold(doc[k].text) in honorifics or doc[k].text == "."):
            k += 1
        holder = starts.get(k)
        if holder is None:
            continue
        before = fold(doc[j - 1].text)
        if before in {"के", "की", "का"}:
            before = fold(doc[j - 2].text) if j >= 2 else ""
        if before in mine and before != head:
            found.setdefault(fold(holder.text), holder)
    return next(iter(found.values())) if len(found) == 1 else None


def _registered_whole(doc: Doc, m: Mention, reg: Registry) -> Mention:
    """A mention cut inside a registry name takes the name's first words in: "परिवार कल्याण
    मंत्रालय" of "स्वास्थ्य और परिवार कल्याण मंत्रालय"."""
    sp = m.span
    if sp.start == 0 or reg.match_name(sp.text) is not None:
        return m
    lo = doc[sp.start].sent.start
    for k in (3, 2, 1):
        if sp.start - k >= lo and not any(t.is_punct or t.is_space for t in doc[sp.start - k:sp.start]) and \
                reg.match_name(doc[sp.start - k:sp.end].text) is not None:
            return Mention(Span(doc, sp.start - k, sp.end, label=sp.label_), m.score)
    return m


def _with_country(doc: Doc, m: Mention) -> Mention:
    """A body named without its country, right after "<country> के/की/का", takes the country in."""
    sp = m.span
    if sp.start >= 2 and doc[sp.start - 1].text in {"के", "की", "का"} and fold(doc[sp.start - 2].text) in FOREIGN \
            and fold(sp[-1].text) in ORG_HEADS:
        return Mention(Span(doc, sp.start - 2, sp.end, label=sp.label_), m.score)
    return m


# a list item's words: "एवं" joins words inside a name ("स्वास्थ्य एवं परिवार कल्याण मंत्रालय")
ITEM_STOPS = AGENT_STOPS - {"एवं"} | {"लेकर"}  # "… को लेकर X और Y ने"


def _citing_agent(doc: Doc, mention: Mention, score: float) -> Mention:
    """``वेबसाइट ने … इब्राहिम रईसी के हवाले से … बताया कि``: the one who tells, citing a source, is the
    speaker (guidelines), not the source the model marked before ``के हवाले से``; the agent marked
    by ``ने`` earlier in the sentence."""
    end = mention.span.end
    if [t.text for t in doc[end:end + 3]] != ["के", "हवाले", "से"]:
        return mention
    lo = doc[mention.span.start].sent.start
    agent = _last_agent(doc, lo, mention.span.start)
    return Mention(agent, score) if agent is not None else mention


def _first_of_list(doc: Doc, mention: Mention, speakers: list[Mention], reg: Registry) -> Mention:
    """"प्रधानमंत्री नरेंद्र मोदी, … गृह मंत्री अमित शाह, दिल्ली के मुख्यमंत्री अरविंद केजरीवाल ने कहा कि":
    a statement of several speakers goes to the first named (guidelines). Mentions chain back while
    the words between them open with a comma or a conjunction and hold at most a title (five words),
    or another item of the list the model did not mark (ten words)."""
    end = mention.span.end
    if end >= len(doc) or not (doc[end].text == "ने" or (
            doc[end].text in {"का", "की", "के"} and end + 1 < len(doc)
            and doc[end + 1].text in NOUN_CUES | ACCORDING)):
        return mention
    first = mention
    while True:
        prev = [m for m in speakers if m.span.end <= first.span.start and first.span.start - m.span.end <= 10]
        if not prev:
            break
        m = max(prev, key=lambda m: m.span.end)
        gap = [t for t in doc[m.span.end:first.span.start] if not t.is_space]
        if not gap or gap[0].text not in LIST_LINKS or any(
                t.text in {"ने", "कि", "।", "?", "!", "."} or t.text in QUOTE_MARKS for t in gap):
            return first
        if len(gap) > 5 and not any(t.text in LIST_LINKS for t in gap[1:]):
            return first  # a longer gap only as another item of the list (", भाजपा अध्यक्ष जे पी नड्डा,")
        if mention_kind(m.span.text, reg) in ("pronoun", "document"):
            return first
        first = m
    # "उपराष्ट्रपति माइक पेंस और … सचिव एलेक्स अजार ने", "कई फ़िल्मकारों और विशेषज्ञों का मानना है": a
    # first item the model did not mark, taken when it is plainly a speaker (a title before it, a
    # title, body or group itself, a registry name)
    j = first.span.start - 1
    # past the title of the marked item ("और स्वास्थ्य सचिव एलेक्स अजार ने")
    k = next((k for k in range(j, max(0, j - 6), -1) if doc[k].text == "और"), None)
    if k is not None and k < j and all(not t.is_punct and t.text not in ITEM_STOPS for t in doc[k + 1:j + 1]) \
            and any(is_bare_head(t.text) for t in doc[k + 1:j + 1]):
        j = k
        if mention_kind(doc[max(doc[k].sent.start, k - 4):k].text, reg) == "title" or is_bare_head(doc[k - 1].text):
            # "समूह के अध्यक्ष और पर्यावरण सचिव सीके मिश्रा ने": one person's two posts
            return first
    if j >= 1 and doc[j].text == "," and mention_kind(first.span.text, reg) not in ("pronoun", "document"):
        # "डीजीपी एच.सी. अवस्थी, लखनऊ ने बताया": a person written after a post, then a comma, before
        # the one the model marked (a place, or the next item of a list)
        k = j
        while k > max(doc[j].sent.start, j - 7) and (doc[k - 1].text == "." or (
                _word(doc[k - 1]) and not is_bare_head(doc[k - 1].text) and doc[k - 1].text not in ITEM_STOPS)):
            k -= 1
        if k < j and doc[k].text != "." and k > 0 and is_bare_head(doc[k - 1].text) \
                and fold(doc[k - 1].text) not in ORG_HEADS:
            return Mention(doc[k:j], first.score)
        return first
    if j < 1 or doc[j].text != "और" or mention_kind(first.span.text, reg) in ("pronoun", "document"):
        return first
    item = phrase_before(doc, j, doc[j].sent.start, ITEM_STOPS)
    if item is None or len(item) > 6 or any(t.text in ITEM_STOPS | VERB_FORMS for t in item):
        return first
    titled = item.start > 0 and is_bare_head(doc[item.start - 1].text)
    if titled or reg.match_name(item.text) is not None or mention_kind(item.text, reg) in ("title", "group", "organisation"):
        return Mention(item, first.score)
    return first


_NO_SPEAKER = type("NoSpeaker", (), {"kind": None})()


def _chars(span: Optional[Span]):
    return (span.start_char, span.end_char) if span is not None else None


# "इन स्वास्थ्यकर्मियों", "उस अधिकारी": a determiner pointing back is not part of the speaker's name
DETERMINERS = frozenset({"इन", "उन", "इस", "उस"})


def _clean_mention(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _score(scores, i: int, sp: Span) -> float:
    if scores is None:
        return 1.0
    try:
        row = scores[i]
        return float(row) if getattr(row, "shape", ()) == () else float(max(row))
    except (IndexError, TypeError, ValueError):
        return 1.0


def _framing_quotations(doc: Doc, kept: list[Mention], found: list[Mention],
                        marked: set[tuple[int, int]]) -> list[Mention]:
    """A quotation in marks after its introduction (``डेरेक ओ ब्रायन ने ट्वीट किया, ‘‘सरकार … प्रधानमंत्री
    ने कहा है कि खुद को अलग थलग रखें …``) where the model found only a ``कि``-clause inside it: the
    quotation is the statement, the clause part of it."""
    for q in found:
        sp = q.span
        if sp.label_ != "QUOTE" or (sp.start, sp.end) not in marked or not opens_after_mark(doc, sp.start) \
                or len(sp) > 150 or any(t.text in QUOTE_MARKS for t in sp):
            continue
        inside = [m for m in kept if overlaps(m.span, sp)]
        if inside and all(m.span.label_ == "CLAIM" and sp.start < m.span.start and m.span.end <= sp.end
                          and doc[m.span.start - 1].text == "कि" for m in inside):
            kept = sorted([m for m in kept if m not in inside] + [q], key=lambda m: m.span.start)
    return kept


def _outer_quotations(doc: Doc, mentions: list[Mention], pairs: list[tuple[int, int]]) -> list[Mention]:
    """A quotation that fills a pair of marks after its introduction (``उन्होंने कहा, "मेरा … मानना है
    कि हमने …"``) is one statement: what the model found inside it (``हमने …`` after the speaker's own
    ``मानना है कि``) is part of it, not a statement of its own."""
    pair_set = set(pairs)
    framed = [m.span for m in mentions if m.span.label_ == "QUOTE" and (m.span.start, m.span.end) in pair_set
              and len(m.span) <= 80 and opens_after_mark(doc, m.span.start)
              and not any(t.text in QUOTE_MARKS for t in m.span)]
    if not framed:
        return mentions
    return [m for m in mentions if not (m.span.start > 0 and doc[m.span.start - 1].text == "कि" and any(
        f.start < m.span.start and m.span.end <= f.end for f in framed))]


def _word(t) -> bool:
    """A token of letters: Devanagari vowel signs and viramas are combining marks, which
    ``Token.is_alpha`` (``str.isalpha``) does not count ("सुभाष" is not alpha to it)."""
    return bool(t.text) and all(ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc") for ch in t.text)


def _whole_names(doc: Doc, kept: list[Mention], found: list[Mention], reg: Registry) -> list[Mention]:
    """A name kept without its first word that another mention has ("चंद्र शर्मा" kept over
    "सुभाष चंद्र शर्मा" after "मंडलायुक्त"): the whole name, when the words it adds are name words
    (no title, postposition, pronoun or punctuation) and it overlaps nothing else kept."""
    out = []
    for m in kept:
        longer = [f for f in found if f.span.end == m.span.end and f.span.start < m.span.start
                  and all(_word(t) and not is_bare_head(t.text) and fold(t.text) not in _NOT_NAME_WORDS
                          for t in doc[f.span.start:m.span.start])
                  and mention_kind(m.span.text, reg) == "name"
                  and not any(k is not m and overlaps(f.span, k.span) for k in kept)]
        out.append(min(longer, key=lambda f: f.span.start) if longer else m)
    return out


_NOT_NAME_WORDS = frozenset(fold(w) for w in ["के", "की", "का", "ने", "से", "में", "को", "पर", "और", "व", "तथा", "कहा",
                                              "बताया", "ये", "यह", "वह", "इस", "उस", "जबकि", "लेकिन"]) | PRONOUNS


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Greedy by score: the best of each set of overlapping spans survives."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.score, -(m.span.end - m.span.start))):
        if not any(overlaps(m.span, k.span) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.span.start)


def _rank(doc: Doc, sp: Span) -> tuple:
    """How a mention before its cue ranks as the speaker: the agent ``ने`` marks first (``गिरिराज
    सिंह ने … नरेंद्र मोदी के विरोधियों को … बताया और कहा``), then any marked subject, never an object
    (``… अरविंद केजरीवाल के बारे में कह चुके हैं``), then the nearest."""
    e = sp.end
    # the rest of a name in marks or hyphenated ("‘पीटीआई-भाषा’ को"): the case ending comes after it
    while e < len(doc) and e < sp.end + 4 and (doc[e].text in QUOTE_MARKS or doc[e].text == "-" or (
            e > sp.end and doc[e - 1].text == "-")):
        e += 1
    nxt = doc[e].text if e < len(doc) else ""
    nxt2 = doc[e + 1].text if e + 1 < len(doc) else ""
    obj = nxt in {"को", "से", "पर"} or (nxt == "के" and nxt2 in {"बारे", "विरोधियों", "खिलाफ", "ख़िलाफ़", "साथ"})
    # "उन्होंने", "उसने": the agent marker is part of the pronoun
    agent = nxt == "ने" or fold(sp.text) in ERGATIVE_PRONOUNS
    return (agent, not obj, _marked(doc, sp), sp.end)


# What may open a sentence whose cue has no subject of its own ("साथ ही कहा कि", "आगे कहा कि")
SUBJECTLESS_OPENERS = frozenset({"साथ", "ही", "और", "तथा", "एवं", "आगे", "यह", "भी", "उन्होंने", "लेकिन", "वहीं",
                                 "इसके", "अलावा", "बाद", "में", "उसके", "फिर", "-", ","})
ERGATIVE_PRONOUNS = frozenset(fold(p) for p in ["उन्होंने", "उसने", "इन्होंने", "इसने", "उन्हों ने"])


def _marked(doc: Doc, sp: Span) -> bool:
    """Is the mention followed by an agent/possessive marker (``X ने``, ``X का कहना``, ``X बोला``)?"""
    return sp.end < len(doc) and doc[sp.end].text in SPEAKER_MARKERS


def _subject(doc: Doc, sp: Span) -> bool:
    """Is the mention a clause's subject: agent-marked (``X ने``, ``X बोला``) or opening its sentence
    without a genitive (``रवि कोविड-19 समन्वयक भी हैं``; not ``विदेश मंत्रालय की हेल्पलाइन``)?"""
    if sp.end < len(doc) and doc[sp.end].text in {"ने", "बोला", "बोले", "बोलीं", "द्वारा"}:
        return True
    nxt = doc[sp.end].text if sp.end < len(doc) else ""
    nxt2 = doc[sp.end + 1].text if sp.end + 1 < len(doc) else ""
    if nxt == "के" and nxt2 in ACCORDING:
        return True  # "आमिर ख़ान के मुताबिक़ …": the source spoke
    return sp.start == doc[sp.start].sent.start and nxt not in {"का", "के", "की", "को", "से", "में", "पर"}


def _nominative(doc: Doc, sp: Span) -> bool:
    """Is the mention unmarked by a case ending, as a subject inside its sentence is (``… के डॉक्टर एलन
    पैकी इससे संतुष्ट नहीं हैं``), not ``X का``, ``X को``, ``X से``?"""
    if sp.end >= len(doc) or doc[sp.end].is_punct or doc[sp.end].is_space:
        return False
    return doc[sp.end].text not in {"का", "के", "की", "को", "से", "में", "पर", "तक", "ने"}


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
