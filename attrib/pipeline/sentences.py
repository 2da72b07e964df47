"""Sentence boundaries for Hindi news (``attrib_sentences``).

A sentence ends at ``।`` ``॥`` ``?`` ``!``, at a full stop that is not an initial (``एस.``/``Dr.``),
after a verb whose danda a paper typeset as a nukta (``हुई है़ इसी के``), and at a line break,
except one right after ``कि`` or a BBC image gap (a space, then three or more line breaks, inside a
sentence). Closing quote marks and brackets after the end stay with the sentence they close; an
opening quote mark starts the next one:

    जयशंकर ने कहा, "मैं यहां हूं।" उन्होंने …   ->  [जयशंकर … हूं।"] [उन्होंने …]
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .base import Stateless

TERMINALS = {"।", "॥", "?", "!", "।।", "...", "…"}
CLOSERS = {"”", "’", "»", ")", "]", "'", '"'}
OPENERS_CURLY = {"“", "‘", "«"}


# Short Hindi words that end sentences ("बीमार थी. दुकान …"); a stop after them is no initial.
SHORT_FINALS = {"है", "हैं", "था", "थी", "थे", "गई", "गए", "गया", "गयी", "हो", "हुआ", "हुई", "हुए", "दी", "दे",
                "दिए", "ली", "ले", "लिए", "की", "को", "में", "से", "पर", "तक", "भी", "ही", "नहीं", "रहा", "रही", "रहे"}


def _is_initial(prev_text: str) -> bool:
    # "एस." "Dr." "S." "डॉ." "सी." — one or two letters before the stop
    if prev_text in SHORT_FINALS:
        return False
    return 0 < len(prev_text) <= 2 or prev_text in {"Dr", "Mr", "Mrs", "Ms", "डॉ", "St", "Jr", "Sr"}


def _nukta_for_danda(text: str) -> bool:
    """``पुष्टि हुई है़ इसी के साथ …``: one paper's typesetting turned the danda into a nukta on the
    sentence's last verb (a nukta never follows a vowel sign in a real word ending like this)."""
    if not text.endswith("\u093c") or len(text) < 3:
        return False
    word = text[:-1]
    return word in SHORT_FINALS or (word.endswith(("गा", "गी", "गे")) and len(word) > 2)


def _image_gap(doc: Doc, i: int) -> bool:
    """BBC bodies lost images and link boxes mid-sentence: a word, a space, then three or more line
    breaks (``अंग्रेजी भाषा का \n\n\n\nयह शब्द``). A headline ends at its line break with no space
    before it, and a sentence with its punctuation."""
    tok = doc[i]
    if not tok.is_space or tok.text.count("\n") < 3 or i == 0:
        return False
    prev = doc[i - 1]
    return prev.whitespace_ == " " and not prev.is_punct and prev.text not in TERMINALS


class SentenceSegmenter(Stateless):
    def __init__(self, name: str = "attrib_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        i = 0
        while i < n:
            tok = doc[i]
            end_here = False
            if "\n" in tok.text or ("\n" in tok.whitespace_):
                # not after "कि": "मानते हैं कि ⏎⏎⏎नए पोप को …" (BBC bodies lost an image there)
                last = tok if not tok.is_space else (doc[i - 1] if i > 0 else tok)
                end_here = last.text != "कि" and not _image_gap(doc, i)
            elif tok.text in TERMINALS:
                end_here = True
            elif tok.text == "." and i > 0 and not _is_initial(doc[i - 1].text):
                end_here = True
            elif _nukta_for_danda(tok.text) and i + 1 < n and not doc[i + 1].is_punct:
                end_here = True
            if end_here:
                j = i + 1
                # closing marks glued to the terminal (no space before them) stay in this sentence
                while j < n and doc[j].text in CLOSERS and (doc[j].text not in {"'", '"'} or not doc[j - 1].whitespace_):
                    if "\n" in doc[j - 1].whitespace_:
                        break
                    j += 1
                while j < n and doc[j].is_space:
                    j += 1
                if j < n:
                    starts[j] = True
                i = max(j, i + 1)
            else:
                i += 1
        # one array write: setting ``token.is_sent_start`` checks the whole doc for a parse on each
        # token, which is quadratic (6 s for a 100,000-character text)
        values = numpy.array([1 if s else -1 for s in starts], dtype=numpy.int64).view(numpy.uint64)
        doc.from_array([SENT_START], values.reshape((n, 1)))
        return doc

    # serialisation: the component has no state


@Language.factory("attrib_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter(name)
