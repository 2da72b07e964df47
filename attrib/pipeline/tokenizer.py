"""Tokenizer rules for Hindi news: quote marks glued to words split, ``॥`` splits, and the BBC
house style's glued sentences ("है.अगला") split at the full stop.

Registered as ``attrib.tokenizer.v1`` so a trained pipeline's config rebuilds it on load.
"""

from __future__ import annotations

import re

import spacy
from spacy.lang.tokenizer_exceptions import URL_PATTERN
from spacy.lang.hi import Hindi
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
DEVANAGARI = "\u0900-\u097f"
_Q = "\"“”‘’«»"  # marks that split anywhere they are glued (the straight apostrophe only at edges)

EXTRA_PREFIXES = [r"[\"“”‘’«»']", r"॥", r"।", r"[-–—]+(?=[\"“‘'" + DEVANAGARI + r"])", r"\.(?=[" + DEVANAGARI + r"])"]
EXTRA_SUFFIXES = [r"[\"“”‘’«»']", r"॥", r"।", r"(?<=[A-Za-z" + DEVANAGARI + r"])[-–—:]"]
EXTRA_INFIXES = [
    # कहा,"हम  कहा:"हम  बोला-“ठीक  है।"अगला  .”जलीली
    r"(?<=\S)[,:;।॥.!?\-–—](?=[" + _Q + r"'])",
    r"[" + _Q + r"](?=\S)",
    r"(?<=\S)[" + _Q + r"]",
    r"(?<=[,:;।॥.!?\-–—])'(?=\S)",
    # है.अगला (BBC: sentences glued at the full stop); एस.जयशंकर splits too, harmlessly
    r"(?<=[" + DEVANAGARI + r"])\.(?=[" + DEVANAGARI + r"])",
    r"(?<=[" + DEVANAGARI + r"])[।॥](?=\S)",
    r"(?<=[" + DEVANAGARI + r"]):(?=\S)",
    r"(?<=[:,;।])[-–—]+(?=\S)",  # "पढ़ें:-मोदी"
    # BBC bodies glue sentences and link titles: "आया?तन्मय", "बस')डिंपल", "चाहिए.(बीबीसी", "2.ममता"
    r"(?<=[" + DEVANAGARI + r"])[.?!](?=[^\s\d.])",
    r"(?<=[" + DEVANAGARI + r"]{2})\.(?=\d)",  # "होता है.17 वर्षीय"
    r"(?<=[0-9])\.(?=[" + DEVANAGARI + r"])",
    r"[)\]](?=[" + DEVANAGARI + r"])",
    r"(?<=[" + DEVANAGARI + r"'\"’”])[(\[]",
    # a link title run into the next sentence's pronoun: "राजेश खन्नाउन्होंने बताया"
    r"(?<=[" + DEVANAGARI + r"])उन्हों?े?ं?ने(?=\s|$)",
    # … and "दीप्ति नवलवो कहती हैं"; three letters before it, so the brand "वीवो" stays whole
    r"(?<=[" + DEVANAGARI + r"]{3})वो$",
    # a straight apostrophe next to Devanagari is a quote mark, never part of a Hindi word
    r"'(?=[" + DEVANAGARI + r"])",
    r"(?<=[" + DEVANAGARI + r"])'",
]


# spaCy's URL matcher, except for Devanagari "domains": "है.अगला" is two glued sentences. A bound
# regex method (not a plain function) so the tokenizer serialises with the model.
_url_match = re.compile(r"(?u)(?!\S*[" + DEVANAGARI + r"])" + URL_PATTERN).match


@spacy.registry.tokenizers("attrib.tokenizer.v1")
def create_tokenizer():
    def make(nlp) -> Tokenizer:
        defaults = Hindi.Defaults
        prefixes = list(defaults.prefixes or []) + EXTRA_PREFIXES
        suffixes = list(defaults.suffixes or []) + EXTRA_SUFFIXES
        infixes = list(defaults.infixes or []) + EXTRA_INFIXES
        return Tokenizer(
            nlp.vocab,
            rules=dict(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=_url_match,
        )

    return make
