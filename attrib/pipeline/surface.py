"""Surface patterns of Hindi reporting that the attribution component reads beside the span model:
statements marked by quotation marks next to a cue, ``कि``-clauses after cue words, ``X के मुताबिक``
claims, tweet text around a signature line; the phrase ``ने`` marks as the speaker; organisation
names found by their head word; and the clipping of spans the model let run on.

Everything here is a function of the Doc and the spans given; the cue lexicon and word lists are
data (``attrib/data/cues.json``) or constant tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from .sentences import TERMINALS, _is_initial
from .suggester import OPENING, STRAIGHT, _sentence_end, _tweet_blocks, lexicon, line_ranges, quote_pairs
from ..speakers import DOCUMENTS, ORG_HEADS, is_bare_head
from ..text import dotless, fold


QUOTE_MARKS = set("\"'“”‘’«»„") | {"''"}


SPEAKER_MARKERS = {"ने", "का", "के", "की", "बोला", "बोले", "बोलीं", "द्वारा"}


@dataclass
class Mention:
    span: Span
    score: float

    @property
    def chars(self) -> tuple[int, int]:
        return (self.span.start_char, self.span.end_char)


# Days, parts of the day, weeks and months; "पिछले महीने", "बुधवार सुबह" before a speaker are its time.
TIME_WORDS = frozenset({"आज", "कल", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार",
                        "सुबह", "शाम", "रात", "दोपहर", "महीने", "सप्ताह", "हफ्ते", "हफ़्ते"})
RELATIVE_TIME = frozenset({"पिछले", "पिछली", "अगले", "दिनों", "घंटे", "घंटों"})
# "विदेश मंत्रालय के मुताबिक", "… के अनुसार": a source's cue
ACCORDING = frozenset({"मुताबिक", "मुताबिक\u093c", "मुताबि\u0958", "अनुसार"})  # क़ written both ways

AGENT_STOPS = frozenset({
    "में", "से", "को", "पर", "ने", "कि", "है", "हैं", "था", "थे", "थी", "तो", "भी", "ही", "वहीं", "जबकि",
    "लेकिन", "मगर", "साथ", "बाद", "दौरान", "इसके", "इस", "उस", "यह", "और", "व", "एवं", "जब", "तब", "अब",
    "तक", "लिए", "हालांकि", "हालाँकि", "जारी", "पता", "चली", "चला", "गई", "गया", "गए", "नयी", "नई", "नए",
    "तभी", "फिर", "यहां", "वहां", "यहाँ", "वहाँ", "इधर", "उधर", "इसपर", "इसी",
    "छपी", "छपे", "छपा", "प्रकाशित",  # "बिजनसलाइन में छपी रिपोर्ट के मुताबिक": the report, then its paper
}) | TIME_WORDS | RELATIVE_TIME


def org_phrase(doc: Doc, lo: int, hi: int) -> Optional[Span]:
    """The last organisation name in ``doc[lo:hi]`` found by its head (``मंत्रालय``, ``सरकार``),
    with up to two words before the head (``केंद्रीय स्वास्थ्य मंत्रालय``)."""
    for j in range(hi - 1, lo - 1, -1):
        if fold(doc[j].text) in ORG_HEADS:
            k = j
            while k - 1 >= lo and j - (k - 1) <= 2:
                t = doc[k - 1]
                if t.is_punct or t.is_space or t.like_num or t.text in AGENT_STOPS or t.text in {"के", "की", "का"}:
                    break
                k -= 1
            return doc[k:j + 1]
    return None


def named_head(doc: Doc, head: str, lo: int, hi: int) -> Optional[Span]:
    """The latest ``<name words> <head>`` in ``doc[lo:hi]`` (``राष्ट्रीय स्वास्थ्य आयोग`` for ``आयोग``)."""
    for j in range(hi - 1, lo, -1):
        if fold(doc[j].text) == head:
            phrase = org_phrase(doc, max(lo, j - 3), j + 1)
            if phrase is not None and len(phrase) > 1:
                return phrase
    return None


def strip_marker(doc: Doc, m: Mention) -> Mention:
    """A mention the model took with its case marker (``डीजीपी ने``) or a cue's tail (``मुताबिक
    सरकार``) is the name alone."""
    sp = m.span
    start, end = sp.start, sp.end
    while end > start + 1 and doc[end - 1].text in SPEAKER_MARKERS:
        end -= 1
    # "विदेश मंत्रालय के मुताबिक सरकार ने": the model took the cue's tail with the name; "पिछले महीने
    # एयरलाइन ने": a time phrase before it
    while start < end - 1 and doc[start].text in LEADING_JUNK:
        start += 1
    for i in range(end - 2, start - 1, -1):  # "आईएसएनए के मुताबिक मिस्बाह": the source named after the cue
        if doc[i].text in ACCORDING:
            start = i + 1
            break
    # "मौलवी मुफ्ती मुकर्रम सहित कई धर्मगुरुओं": the one named before "सहित" (with others) speaks first
    for i in range(start + 1, end - 1):
        if doc[i].text == "सहित":
            end = i
            break
    # "उनके पिता रेने": the relation before a name is left out like a title
    if end - start >= 3 and doc[start + 1].text in KINSHIP and doc[start].text in {"उनके", "उसके", "उनकी", "उसकी", "इनके", "इनकी"}:
        start += 2
    # "सीएम उद्धव": a title written before a name is left out, as in the guidelines
    while start < end - 1 and is_bare_head(doc[start].text) and fold(doc[start].text) not in ORG_HEADS \
            and doc[start + 1].text not in {"के", "की", "का"} and not is_bare_head(doc[start + 1].text):
        start += 1
    return m if (start, end) == (sp.start, sp.end) else Mention(Span(doc, start, end, label=sp.label_), m.score)


KINSHIP = frozenset({"पिता", "मां", "माँ", "माता", "बेटे", "बेटा", "बेटी", "पत्नी", "पति", "भाई", "बहन", "बेटों",
                     "दादा", "दादी", "चाचा", "मामा", "ससुर", "सास"})
LEADING_JUNK = ACCORDING | {"ने", "के", "की", "का", ",", "-", "और", "तथा", "एवं", "आई", "आईं", "आए", "आयी"} | TIME_WORDS | RELATIVE_TIME


# Role nouns a person is introduced with (besides the registry's titles): "एक अन्य छात्र हैने वेगर",
# "उनके आर्थिक सलाहकार होज्जत अडोलमेकी", "हाजी ग़ालिब".
ROLE_NOUNS = frozenset({"सलाहकार", "संस्थापक", "लेखक", "लेखिका", "गायक", "गायिका", "शिक्षक", "शिक्षिका", "पत्रकार",
                        "वकील", "कार्यकर्ता", "विशेषज्ञ", "प्रोफ़ेसर", "प्रोफेसर", "डॉक्टर", "डॉ", "डॉ.", "हाजी",
                        "सर्जन", "इंजीनियर", "किसान", "दुकानदार", "निवासी", "कलाकार", "फ़िल्मकार", "फिल्मकार",
                        "उम्मीदवार", "प्रत्याशी", "सांसद", "विधायक", "नेता", "मंत्री", "छात्र", "छात्रा",
                        "अभिनेता", "अभिनेत्री", "निर्देशक", "कप्तान", "कोच", "खिलाड़ी", "संपादक", "प्रवक्ता",
                        "अध्यक्ष", "सचिव", "निदेशक", "प्रमुख", "अधिकारी", "शोधकर्ता", "वैज्ञानिक", "मौलाना",
                        "कमिश्नर", "आयुक्त", "जज", "न्यायाधीश", "मेयर", "गवर्नर", "राज्यपाल", "डायरेक्टर"}) | KINSHIP
# Words never part of a name, beyond the stop words
_NOT_NAME = frozenset({"यह", "ये", "वह", "वे", "वो", "इन", "उन", "इनके", "उनके", "जो", "कई", "एक", "अपने",
                       "अपनी", "अपना", "पद", "रहे", "रही", "रहा", "हुए", "बने", "भी", "ही", "तो", "नहीं", "उसे",
                       "मेरे", "मेरी", "मेरा", "हम", "हूं", "हूँ", "पसंद", "पैदा", "मान", "बनना", "दोहराना",
                       "पहुंचे", "पहुँचे", "ज़्यादा", "ज्यादा", "महत्वपूर्ण", "सम्मेलन", "यात्रा", "शिक्षा", "खोज",
                       "दोषी", "एकांतवास", "बिता", "जानते", "सोच", "उच्च", "महीने", "साल", "वर्ष", "समय", "पहले",
                       "बाद", "होकर", "गंभीर", "थीं", "थी", "था", "थे", "प्रवासी", "मजदूरों", "योजना", "फर्म",
                       "जैसा", "जैसे", "जैसी"})
# endings of verb forms and oblique plurals, never of a name ("लेने", "होकर", "मजदूरों")
_NOT_NAME_ENDINGS = ("ने", "कर", "ें", "ीं", "ों", "ाएं", "ाएँ")


def introduced_names(doc: Doc, lo: int, hi: int) -> list[Span]:
    """Names written right after a role noun in tokens ``lo``–``hi`` (``एक अन्य छात्र हैने वेगर``,
    ``मंत्री मुसद्दिक मलिक``, ``डॉक्टर एलन पैकी``): one or two words up to a stop word or a case
    ending, honorifics skipped. People a span model that marks only speakers never marks, for the
    pronouns that follow them."""
    out = []
    for i in range(max(0, lo), min(hi, len(doc))):
        if doc[i].text not in ROLE_NOUNS:
            continue
        j = i + 1
        while j < hi and doc[j].text in {"डॉ", "डॉ.", "श्री", "श्रीमती", "सुश्री", "."}:
            j += 1
        k = j
        while k < min(hi, j + 2):
            t = doc[k]
            if t.is_punct or t.is_space or t.like_num or t.text in AGENT_STOPS or t.text in _NOT_NAME \
                    or (t.text.endswith(_NOT_NAME_ENDINGS) and not (k > j and t.text == "ने")) \
                    or t.text in ROLE_NOUNS or is_bare_head(t.text) \
                    or t.text in {"के", "की", "का", "कहते", "कहती", "कहा", "बताया"} \
                    or not any("\u0900" <= c <= "\u097f" or c.isalpha() for c in t.text):
                break
            k += 1
        if k > j and not (k < len(doc) and (doc[k].text in ROLE_NOUNS or is_bare_head(doc[k].text))):
            out.append(doc[j:k])  # not "प्रमुख एफएमसीजी| कंपनी": a modifier of the noun after it
    return out


# Common Indian family names: where one ends a run of name words, the run is a person's name
# (``नालंदा के मुकेश कुमार प्लम्बर मिस्त्री हैं``), for a reader's pronoun ("इनका कहना है") to stand for.
SURNAMES = frozenset(fold(w) for w in [
    "कुमार", "कुमारी", "सिंह", "शर्मा", "यादव", "साहू", "साव", "गुप्ता", "वर्मा", "मिश्रा", "मिश्र", "पासवान",
    "चंद्रवंशी", "पांडे", "पांडेय", "पाण्डेय", "तिवारी", "त्रिपाठी", "दुबे", "चौबे", "झा", "ठाकुर", "राय", "प्रसाद",
    "मंडल", "महतो", "रजक", "दास", "खान", "अहमद", "अली", "हुसैन", "अंसारी", "कुरैशी", "चौधरी", "पटेल", "जैन",
    "अग्रवाल", "बंसल", "गोयल", "सिन्हा", "श्रीवास्तव", "सक्सेना", "मौर्य", "कुशवाहा", "पाल", "बघेल", "चौहान",
    "राठौर", "मीणा", "रेड्डी", "नायडू", "राव", "नायर", "बनर्जी", "चटर्जी", "मुखर्जी", "घोष", "बोस", "दत्ता",
    "भट्ट", "जोशी", "पाटिल", "शुक्ला", "शुक्ल", "उपाध्याय", "द्विवेदी", "चतुर्वेदी", "सहाय", "देवी", "कौर",
    "बेगम", "खातून", "सिद्दीकी", "शेख", "मलिक", "कपूर", "खन्ना", "मल्होत्रा", "अरोड़ा", "गोस्वामी", "भारती",
    "मांझी", "निषाद", "सोनी", "केसरी", "केशरी", "रावत", "नेगी", "बिष्ट", "सैनी", "विश्वकर्मा", "प्रजापति",
])


def surnamed_names(doc: Doc, lo: int, hi: int) -> list[Span]:
    """Names in tokens ``lo``–``hi`` that a reader knows by their family name: up to three name words
    ending in a common surname, right after a genitive (``मसौढ़ी के मंटू कुमार``) or opening a
    sentence (``राजीव साहू ठेला चलाते हैं``). People the model did not mark, for the pronouns after."""
    out = []
    for k in range(max(lo, 1), min(hi, len(doc))):
        if fold(doc[k].text) not in SURNAMES:
            continue
        j = k
        while j > max(lo, k - 3) and _name_word(doc[j - 1]):
            j -= 1
        if j == k:
            continue  # a surname alone ("सिंह ने") is for the surname rules
        if doc[j].is_sent_start or doc[j - 1].text in {"के", "की", "का"}:
            if out and out[-1].start == j:
                out.pop()  # "अरविंद प्रसाद" inside "अरविंद प्रसाद चंद्रवंशी"
            out.append(doc[j:k + 1])
    return out


_NOT_IN_NAMES = frozenset({"के", "की", "का", "ने", "को", "से", "में", "पर", "और", "व", "तथा", "अगर", "तो", "जब", "तब",
                           "लेकिन", "मगर", "हालांकि", "क्योंकि", "भी", "ही", "साथ", "स्वर्गीय", "स्व", "दिवंगत", "मृतक",
                           "श्री", "श्रीमती"})


def _name_word(t) -> bool:
    return not (t.is_punct or t.is_space or t.like_num or t.text in AGENT_STOPS or t.text in _NOT_NAME
                or t.text in ROLE_NOUNS or is_bare_head(t.text) or t.text in _NOT_IN_NAMES
                or not all("\u0900" <= c <= "\u097f" for c in t.text))


def agent_phrase(doc: Doc, cue: Span, lo: int) -> Optional[Span]:
    """The noun phrase marked as the speaker before a cue: ``X ने <cue>`` (up to six words between
    ``ने`` and the cue: ``X ने अधिकारियों को निर्देश दिया``), ``X के मुताबिक``, ``X की मानें तो``,
    ``X का कहना है``; a present-tense cue takes the phrase right before it (``सह-अभिनेता चार्ल्स
    कहते हैं``, ``वे कहती हैं``)."""
    i = cue.start - 1
    according = (cue.text.split() or [""])[-1] in ACCORDING | {"तो"}
    if according and doc[cue.start].text in {"के", "की", "का"}:
        marker = cue.start
    elif according and i >= lo and doc[i].text in {"के", "की", "का"}:
        marker = i
    elif cue[0].text in NOUN_CUES and i >= lo and doc[i].text in {"के", "की", "का"}:
        marker = i
    elif cue[0].text in PRESENT_CUES:
        marker = cue.start
        while marker - 1 >= lo and doc[marker - 1].text in PRESENT_FILLERS:
            marker -= 1
    else:
        marker = None
        for j in range(i, max(lo, cue.start - AGENT_REACH) - 1, -1):
            if doc[j].is_punct or doc[j].is_space or doc[j].text == "कि":
                break
            if doc[j].text == "ने":
                marker = j
                break
            if doc[j].text == "द्वारा":
                # a passive cue's agent: "पुलिस द्वारा बताया गया कि" (not "X द्वारा जारी बयान में कहा
                # गया": the document's rules name its issuer)
                if not any(fold(t.text) in DOCUMENTS for t in doc[j + 1:cue.start]):
                    marker = j
                break
            if doc[j].text == "से" and j - 2 >= lo and doc[j - 1].text in {"ओर", "तरफ", "तरफ़"} \
                    and doc[j - 2].text in {"की", "के"}:
                if not any(fold(t.text) in DOCUMENTS for t in doc[j + 1:cue.start]):
                    marker = j - 2  # "सूत्रों की ओर से कहा गया" (not "X की ओर से जारी बयान में": the document)
                break
    if marker is None:
        return None
    return phrase_before(doc, marker, lo, CLAUSE_STOPS)


# how far before its cue a "ने" may mark the speaker ("X ने … की बात करते हुए कहा")
AGENT_REACH = 8  # 12 or 16 lost 4 dev statements and gained none
# cues that carry no agent marker: the subject stands right before them
PRESENT_CUES = frozenset({"कहते", "कहती", "कहता", "बताते", "बताती", "बताता", "मानते", "मानती", "मानता",
                          "लिखते", "लिखती", "लिखता", "बोलते", "बोलती", "पूछते", "पूछती", "दोहराते",
                          "बोला", "बोले", "बोलीं", "बोली"})  # headline "हाईकोर्ट बोला- …"
PRESENT_FILLERS = frozenset({"भी", "तो", "यह", "ये", "आगे", "अब", "फिर", "साफ", "साफ़", "हमेशा"})
# "X का कहना है कि", "कई लोगों की शिकायत है कि", "होम्योपैथी डॉक्टर का दावा,"
NOUN_CUES = frozenset({"कहना", "मानना", "शिकायत", "दावा", "आरोप", "तर्क", "राय", "अनुमान", "जवाब", "मांग",
                       "हवाले",  # "एएफपी के हवाले से खबर है कि"
                       # headlines: "गडकरी का निर्देश- …", "पीएम का संबोधन: …"
                       "आदेश", "निर्देश", "अपील", "सलाह", "संबोधन", "ऐलान", "एलान", "चेतावनी"})
# participles and light verbs: a phrase that holds one is a clause, not a speaker
# ("वह अपने फ़ैसले का बचाव करते हुए कहती हैं")
VERB_FORMS = frozenset({"हुए", "हुई", "हुआ", "करते", "करती", "कर", "करके", "रहे", "रही", "रहा", "चुके", "लगे"})
CLAUSE_STOPS = AGENT_STOPS | VERB_FORMS


def abbreviations(doc: Doc) -> dict[str, Span]:
    """``राष्ट्रीय स्वास्थ्य आयोग (एनएचसी)``: the folded abbreviation in brackets -> the name before it."""
    out: dict[str, Span] = {}
    for t in doc:
        if t.text != "(" or t.i < 1:
            continue
        close = next((j for j in range(t.i + 1, min(len(doc), t.i + 4)) if doc[j].text == ")"), None)
        if close is None or close == t.i + 1:
            continue
        abbr = doc[t.i + 1:close].text
        name = phrase_before(doc, t.i, max(0, t.sent.start))
        if name is not None and len(name) > 1 and len(abbr.replace(" ", "")) <= 10:
            out.setdefault(fold(abbr), name)
    return out


def phrase_before(doc: Doc, marker: int, lo: int, stops: frozenset = AGENT_STOPS) -> Optional[Span]:
    """The noun phrase ending right before ``doc[marker]`` (at most six words, stopping at
    punctuation and ``stops``), its title dropped when a name follows the title."""
    if marker - 1 > lo and doc[marker - 1].text == ")":
        # "चीन के राष्ट्रीय स्वास्थ्य आयोग (एनएचसी) ने": the name before its bracketed abbreviation
        # "पुण्य सलिला श्रीवास्तव (जॉइंट सेक्रटरी, गृह मंत्रालय) ने": a post and body in brackets too
        opening = next((j for j in range(marker - 2, max(lo, marker - 9) - 1, -1) if doc[j].text == "("), None)
        if opening is not None:
            marker = opening
    if marker - 2 > lo and doc[marker - 1].text in QUOTE_MARKS and doc[marker].text == "ने":
        # "समाचार एजेंसी 'शिन्हुआ' ने": the name in marks
        opening = next((j for j in range(marker - 2, max(lo, marker - 7) - 1, -1) if doc[j].text in QUOTE_MARKS), None)
        if opening is not None and opening + 1 < marker - 1 and not any(t.is_punct for t in doc[opening + 1:marker - 1]):
            return doc[opening + 1:marker - 1]
    k = marker
    while k - 1 >= lo and marker - (k - 1) <= 6:
        t = doc[k - 1]
        if t.text in {"’", "'"} and k - 2 >= lo and not doc[k - 2].whitespace_ and not t.whitespace_ \
                and any(c.isalpha() for c in doc[k - 2].text) and any(c.isalpha() for c in doc[k].text):
            k -= 1  # an apostrophe inside a name: "कीथ ओ’ब्रायन"
            continue
        if t.is_punct or t.is_space or (t.like_num and t.text != "एक") or t.text in stops or t.text in QUOTE_MARKS \
                or t.text in ACCORDING:  # "… छपी रिपोर्ट के मुताबिक CDDEP ने": the phrase after the source
            break
        k -= 1
    # "प्रदेश के मुख्यमंत्री शिवराज सिंह चौहान": the name after the last title word
    for j in range(marker - 2, k - 1, -1):
        if is_bare_head(doc[j].text) or doc[j].text in KINSHIP:
            if doc[j + 1].text not in {"के", "की", "का"}:  # "कंपनी के शीर्ष अधिकारी" is one phrase
                k = j + 1  # "राज कपूर की बेटी ऋतु नंदा": the name after the relation too
            break
    while k < marker and doc[k].text in {"के", "की", "का"}:
        k += 1
    if k >= marker:
        return None
    return doc[k:marker]


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


AUXILIARIES = {"है", "था", "थे", "हैं", "थी", "गया", "गई", "गए", "गया है", "भी", "हुए",
               # ongoing and habitual forms: "उम्मीद जता रहे हैं कि", "अपील करता आया है कि"
               "रहे", "रही", "रहा", "रहीं", "आया", "आए", "आई", "करता", "करती", "करते"}


def _introduces_quotation(doc: Doc, s: int, e: int) -> bool:
    """Do tokens ``s``–``e`` hold ``X ने कहा, “`` (``आईएसएनए के मुताबिक मिस्बाह ने कहा, “…``): a
    quotation with its own speaker, not a claim of the source before?"""
    return any(doc[j].text == "ने" and any(t.text in OPENING_MARKS for t in doc[j + 1:min(e, j + 5)])
               for j in range(s, e))


_SAID = frozenset({"कहा", "बताया", "लिखा", "पूछा", "जोड़ा"})


def _said_before(doc: Doc, s: int) -> bool:
    """Is the quotation at token ``s`` introduced by ``X ने कहा, “`` (a speech verb right before its
    opening mark, the agent marker just before the verb), whether or not a cue was marked there?"""
    j = s - 1
    while j >= 0 and (doc[j].text in OPENING_MARKS or doc[j].is_space or doc[j].text in {",", ":", "-", "–", "—"}):
        j -= 1
    while j >= 0 and doc[j].text in {"है", "था", "थी", "थे"}:
        j -= 1
    return j >= 1 and doc[j].text in _SAID and doc[j - 1].text == "ने"


def rule_statements(doc: Doc, cues: list[Mention], speakers: list[Mention], score: float,
                    pairs: Optional[list[tuple[int, int]]] = None,
                    opened: Optional[list[tuple[int, int]]] = None,
                    heads: Optional[list[tuple[Span, Span]]] = None) -> list[Mention]:
    """Statements the surface of Hindi reporting marks, given the cues and speakers the model found:

    - a quotation in marks whose sentence holds a cue (``जयशंकर ने कहा, "…"``, ``… "सबसे महत्वपूर्ण
      स्तंभों" में से एक बताया``);
    - a ``कि``-clause after a cue (``…ने कहा है कि <CLAIM>``) to the end of its sentence;
    - ``X के मुताबिक, <CLAIM>`` and headline ``X बोला- <CLAIM>``;
    - tweet text around a signature line ``— Name (@handle) date``.
    """
    out: list[Mention] = []
    cue_end = {c.span.end: c for c in cues}
    cue_at = {i: c for c in cues for i in range(c.span.start, c.span.end)}

    def cue_in(lo: int, hi: int) -> bool:
        return any(lo <= c.span.start and c.span.end <= hi for c in cues)

    has_sents = doc.has_annotation("SENT_START")
    pairs = quote_pairs(doc) if pairs is None else pairs
    opened = open_quotations(doc, pairs) if opened is None else opened
    heads = headlines(doc, speakers) if heads is None else heads
    for s, e in pairs + opened:
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s >= e:
            continue
        lo = doc[max(s - 1, 0)].sent.start
        hi = next_line_end(doc, doc[e - 1].sent.end) if e < len(doc) else len(doc)
        hi = min(hi, doc[min(e, len(doc) - 1)].sent.end)
        if cue_in(lo, s) or cue_in(e, hi) or _said_before(doc, s):
            out.append(Mention(doc[s:e], score))
    for tok in doc:
        i = tok.i
        if (tok.text == "कि" or tok.text in _KI_MISSPELT) and i + 1 < len(doc):
            j = i - 1
            while j >= 0 and (doc[j].text in AUXILIARIES or doc[j].text == ","):
                j -= 1
            # the cue may end in an auxiliary it names ("कहना है कि"); "कहते हैं की", "का कहना था की":
            # कि misspelt after a verb of saying that never takes की as its own
            if tok.text != "कि" and not (j >= 0 and doc[j].text in _SAID_BEFORE_MISSPELT_KI):
                continue
            if j >= 0 and j in cue_at and j < cue_at[j].span.end <= i:
                k = i + 1
                while k < len(doc) and (doc[k].is_space or doc[k].text in {",", ":"}):
                    k += 1
                if k < len(doc) and doc[k].text not in QUOTE_MARKS:
                    end = _sentence_end(doc, k, has_sents)
                    if end > k:
                        out.append(Mention(doc[k:end], score))
        elif i in cue_end and i + 1 < len(doc):
            cue = cue_end[i]
            after = doc[i].text
            head = (cue.span.text.split() or [""])[-1] in ACCORDING | {"तो"}
            if after in {"-", ":", "–", "—"} or (head and (after == "," or not doc[i].is_punct)):
                k = i + 1 if after in {"-", ":", "–", "—", ","} else i
                while k < len(doc) and doc[k].is_space:
                    k += 1
                if k < len(doc) and doc[k].text not in QUOTE_MARKS:
                    end = _sentence_end(doc, k, has_sents)
                    if end > k and not _introduces_quotation(doc, k, end):
                        out.append(Mention(doc[k:end], score))
    for tok in doc:
        if tok.text in {"—", "–"} and tok.i + 2 < len(doc) and "(" in [t.text for t in doc[tok.i + 1:tok.i + 8]]:
            blocks = sorted(_tweet_blocks(doc, tok.i))
            before = [b for b in blocks if b[1] <= tok.i]
            after = [b for b in blocks if b[0] > tok.i]
            if before:
                b = max(before, key=lambda b: b[1] - b[0])
                out.append(Mention(doc[b[0]:b[1]], score))
            if after:
                b = max(after, key=lambda b: (b[1] - b[0]) if not doc[b[1] - 1].text in {"…", "..."} else 0)
                b = min((x for x in after if x[0] == b[0]), key=lambda x: -x[1])
                out.append(Mention(doc[b[0]:b[1]], score))
    labelled = [Mention(Span(doc, head.start, head.end, label="CLAIM"), score)
                for head, _ in heads]
    labelled += [Mention(Span(doc, m.span.start, m.span.end, label="CLAIM"), score)
                 for m in _bare_clauses(doc, has_sents, score)]
    for m in out:
        label = "CLAIM" if (m.span.start > 0 and doc[m.span.start - 1].text not in QUOTE_MARKS
                            and not tweet_like(doc, m.span)) else "QUOTE"
        labelled.append(Mention(Span(doc, m.span.start, m.span.end, label=label), m.score))
    return labelled


def lines_of(doc: Doc) -> list[list]:
    """The non-space tokens of each line of ``doc`` (blank lines left out). The headline, quote-box
    and subheading rules read lines; the attribution component splits a doc once for all three."""
    return [[t for t in doc[s:e] if not t.is_space] for s, e in line_ranges(doc)]


def headlines(doc: Doc, speakers: list[Mention], is_name=None,
              lines: Optional[list[list]] = None) -> list[tuple[Span, Span]]:
    """A headline line ``<claim> : <speaker>`` (``दिल्ली में संक्रमितों की संख्या 120 हुई : अरविंद
    केजरीवाल``, ``… पहली मौत, एएफपी ने दी जानकारी`` aside): the words before the colon or dash are a
    claim when what follows, to the line's end, is a speaker the model marked or a title or body
    (``स्वास्थ्य मंत्रालय``, ``सीएम योगी``) in at most five words. Returns (claim, speaker) spans."""
    out = []
    starts = {m.span.start: m.span for m in speakers}
    for line in lines_of(doc) if lines is None else lines:
        if len(line) < 5 or line[-1].text in {"।", ".", "?", "!"}:
            continue
        said = _said_headline(doc, line)
        if said is not None:
            out.append(said)
            continue
        seps = [k for k, t in enumerate(line) if t.text in {":", "-", "–", "—"}]
        if not seps:
            continue
        k = seps[-1]
        head, tail = line[:k], line[k + 1:]
        if not tail or len(tail) > 5 or len(head) < 4 or any(t.text in QUOTE_MARKS for t in line):
            continue
        sp_tail = doc[tail[0].i:tail[-1].i + 1]
        known = (tail[0].i in starts and starts[tail[0].i].end == sp_tail.end) or bool(is_name and is_name(sp_tail.text))
        heads = {fold(t.text) for t in tail}
        if not known and (not any(h in ORG_HEADS or is_bare_head(h) for h in heads)
                          or any(t.text in CLAUSE_STOPS for t in tail)):
            continue  # "…: कल दिशा-निर्देश जारी करेगी सरकार" is a clause, not a speaker
        while head and head[-1].text in {",", ";"}:
            head = head[:-1]
        ends = [x for x, t in enumerate(head) if t.text in {"।", ".", "?", "!"}]
        if ends:
            head = head[ends[-1] + 1:]  # a claim is one sentence: the one the attribution closes
        while head and head[0].is_punct:  # a bullet "- "
            head = head[1:]
        if len(head) >= 4:
            out.append((doc[head[0].i:head[-1].i + 1], sp_tail))
    return out


_SIGNATURE_VERBS = frozenset({"है", "हैं", "था", "थे", "थी", "कहा", "बताया", "किया", "की", "गया", "गई", "गए", "ने",
                               "को", "से", "में", "पर", "कि"})


def signature_quotes(doc: Doc, lines: Optional[list[list]] = None) -> list[tuple[Span, Span]]:
    """A quote box: a line of one or more full sentences with no quotation marks, signed on the
    next line by ``Name, post, body`` (``डॉ पीके दास, निदेशक, आरएमआरआइ``: two to five short parts
    separated by commas, no verb, no full stop). Returns (quotation, name) spans."""
    lines = [line for line in (lines_of(doc) if lines is None else lines) if line]
    out = []
    for body, sign in zip(lines, lines[1:]):
        while sign and sign[0].text in {"-", "–", "—"}:
            sign = sign[1:]  # "- दीपक जोशी, प्रदेश अध्यक्ष"
        commas = [k for k, t in enumerate(sign) if t.text == ","]
        if not (3 <= len(sign) <= 12) or not commas or len(commas) > 3 or commas[0] == 0 or commas[0] > 4:
            continue
        if any(t.text in _SIGNATURE_VERBS or t.text in QUOTE_MARKS or t.text in TERMINALS or t.text in {"नहीं", "न"}
               or not any("\u0900" <= c <= "\u097f" or c.isalpha() for c in t.text) and t.text != ","
               or any(c.isdigit() for c in t.text) for t in sign):
            continue  # "04:42 AM, 03-APR-2020" timestamps, "घबराएं नहीं, सावधान रहें" slogans
        if not any(t.text in ROLE_NOUNS or t.text in {"अफसर", "अफ़सर"} or is_bare_head(t.text) for t in sign[commas[0] + 1:]):
            continue  # "अनिल शर्मा, आगरा" is a byline; a signature names a post ("निदेशक", "डीएम")
        if len(body) < 6 or body[-1].text not in {"।", ".", "?", "!"} or any(t.text in QUOTE_MARKS for t in body):
            continue
        name = doc[sign[0].i:sign[commas[0] - 1].i + 1]
        out.append((doc[body[0].i:body[-1].i + 1], name))
    return out


def quoted_lines(doc: Doc, lines: Optional[list[list]] = None) -> list[Span]:
    """A line that is one quotation and nothing else (``'देश को एक करोड़ टेबलेट की जरूरत'``): a
    subheading quoting the speaker of the paragraph below it. Returns the text inside the marks."""
    out = []
    for line in lines_of(doc) if lines is None else lines:
        if len(line) < 4 or line[0].text not in OPENING_MARKS or line[-1].text not in CLOSING_MARKS:
            continue
        inner = line[1:-1]
        while inner and inner[0].text in OPENING_MARKS:
            inner = inner[1:]
        while inner and inner[-1].text in CLOSING_MARKS:
            inner = inner[:-1]
        if len(inner) < 2 or len(inner) > 40 or any(t.text in QUOTE_MARKS for t in inner) or inner[-1].text in {"।", "."}:
            continue  # a full sentence in marks is a paragraph of a quotation, not a subheading
        out.append(doc[inner[0].i:inner[-1].i + 1])
    return out


BARE_CUES = {"बताया", "कहा"}
_KI_MISSPELT = frozenset({"की"})
_SAID_BEFORE_MISSPELT_KI = frozenset({"कहा", "बताया", "कहना", "कहते", "कहती", "बताते", "बताती", "मानते", "मानती",
                                      "मानना", "लिखा"})
# pronouns with the agent marker written into them: "उन्होंने बताया …" as "X ने बताया …"
_ERGATIVE_PRONOUNS = frozenset(fold(w) for w in ["उन्होंने", "इन्होंने", "उसने", "इसने", "उन्हों ने"])
NOT_CLAUSE = {"कि", "है", "हैं", "था", "थे", "थी", "गया", "गई", "गए", "भी", "तो", "और", "जा", "जाता", "जाएगा"}


def _bare_clauses(doc: Doc, has_sents: bool, score: float) -> list[Mention]:
    """``स्वास्थ्य विभाग ने बताया गुजरात में आज 5 और लोगों की मौत हो गयी`` and ``… ने बताया, आज 583 नये
    मामले सामने आये``: a clause after ``X ने बताया/कहा`` with neither ``कि`` nor marks (the decisions
    log counts these) runs to its sentence's end."""
    out = []
    for tok in doc:
        k = bare_clause_start(doc, tok.i)
        if k is not None:
            end = _sentence_end(doc, k, has_sents)
            if end - k >= 4:
                out.append(Mention(doc[k:end], score))
    return out


def bare_clause_start(doc: Doc, i: int) -> Optional[int]:
    """Where the clause after ``X ने बताया``/``कहा`` at token ``i`` starts, when it has no कि and no marks
    (``उन्होंने बताया 49 हजार …``, ``मंत्रालय ने सोमवार को बताया था देश में …``)."""
    if doc[i].text not in BARE_CUES or i < 2 or i + 4 >= len(doc):
        return None
    # "X ने बताया", "उन्होंने बताया", with a few words between ("ने सोमवार को बताया", "उन्होंने जोर
    # देकर कहा"), none of them punctuation
    between = doc[max(0, i - 4):i]
    agents = [t.i for t in between if t.text == "ने" or fold(t.text) in _ERGATIVE_PRONOUNS]
    if not agents or any(t.is_punct for t in doc[agents[-1]:i]):
        return None
    k = i + 1
    if doc[k].text in {"था", "थी", "थे"}:
        k += 1
    if doc[k].text == ",":
        k += 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or doc[k].is_punct or doc[k].text in NOT_CLAUSE or doc[k].text in QUOTE_MARKS:
        return None
    return k


def _said_headline(doc: Doc, line: list) -> Optional[tuple[Span, Span]]:
    """``<claim>, आईसीएमआर ने दी जानकारी`` and ``… बोले पीएम नरेंद्र मोदी, <claim>``: (claim, speaker)."""
    texts = [t.text for t in line]
    commas = [k for k, t in enumerate(texts) if t == ","]
    # "<claim>, X ने दी जानकारी" / "<claim>, X ने बताया"
    for tail in (["ने", "दी", "जानकारी"], ["ने", "जानकारी", "दी"], ["ने", "बताया"], ["ने", "कहा"]):
        if texts[-len(tail):] == tail and commas:
            c = commas[-1]
            who = line[c + 1:len(line) - len(tail)]
            if 1 <= len(who) <= 5 and c >= 4:
                return doc[line[0].i:line[c - 1].i + 1], doc[who[0].i:who[-1].i + 1]
    # "… बोले X, <claim>"
    for k, t in enumerate(texts):
        if t in {"बोले", "बोलीं", "बोला", "बोली"}:
            after = [c for c in commas if c > k]
            if after and 1 <= after[0] - k - 1 <= 5 and len(line) - after[0] - 1 >= 4:
                c = after[0]
                return doc[line[c + 1].i:line[-1].i + 1], doc[line[k + 1].i:line[c - 1].i + 1]
            return None
    return None


def names_a_work(doc: Doc, sp: Span) -> bool:
    """A short quotation that names a film, book, campaign or ship (फिल्म 'पान सिंह तोमर') is a
    title, not something anyone said."""
    if sp.label_ != "QUOTE" or sp.end - sp.start > 6 or sp.start < 2 or doc[sp.start - 1].text not in QUOTE_MARKS:
        return False
    works = lexicon()["work_nouns"]
    if doc[sp.start - 2].text in works:
        return True
    # "'मिड डे' अखबार", "‘शर्क’ अखबार", "'माई दी झुग्गी' का साइन बोर्ड": the noun after the name;
    # "‘नेशनल हेल्थ सर्विसेज’ के मुताबिक", "'क्लीनिकल मैनेजमेंट ऑफ कोविड-19' के तहत": a source or a
    # document named in marks
    after = [t.text for t in doc[sp.end + 1:sp.end + 4] if not t.is_space]
    return sp.end < len(doc) and doc[sp.end].text in QUOTE_MARKS and bool(after) and (
        after[0] in works or (after[0] in {"का", "की", "के", "नाम", "नामक"} and len(after) > 1 and after[1] in works)
        or (after[0] == "के" and len(after) > 1 and after[1] in ACCORDING | {"तहत"})
        # "‘पीटीआई-भाषा’ को दिए साक्षात्कार में": the one spoken to
        or (after[0] == "को" and sp.end - sp.start <= 4)
        # "'शिन्हुआ' ने बताया": the one speaking
        or after[0] == "ने")


def clip_claim(doc: Doc, m: Mention) -> Mention:
    """A claim is one sentence (annotations: 1 in 558 crosses a sentence end): cut it at the first
    ``।``/``?``/``!`` or full stop that is not an initial (``डॉ.``, ``एस.``)."""
    sp = m.span
    if sp.label_ != "CLAIM":
        return m
    for k in range(sp.start + 1, sp.end - 1):
        t = doc[k].text
        if t in TERMINALS or (t == "." and not _is_initial(doc[k - 1].text)):
            end = k
            while end > sp.start + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
            return Mention(Span(doc, sp.start, end, label=sp.label_), m.score)
    return m


def trim_ellipsis(doc: Doc, m: Mention) -> Mention:
    """A truncated text's ellipsis (a tweet's "…and global… pic.twitter.com", a headline's "लेकिन...")
    is the site's, not the speaker's (annotations leave it out)."""
    sp = m.span
    end = sp.end
    while end > sp.start + 1 and (doc[end - 1].text in {"…", "..."} or doc[end - 1].is_space):
        end -= 1
    return m if end == sp.end else Mention(Span(doc, sp.start, end, label=sp.label_), m.score)


OPENING_MARKS = set(OPENING) | STRAIGHT
CLOSING_MARKS = {"”", "’", "»"} | STRAIGHT


def _snap_to_marks(doc: Doc, m: Mention, pairs: list[tuple[int, int]], pair_set: set) -> Mention:
    """A quotation that mostly covers one pair of marks (it starts at a word inside, or one
    before) is the inside of that pair."""
    s, e = m.span.start, m.span.end
    if (s, e) in pair_set:
        return m
    best, best_ov = None, 0
    for ps, pe in pairs:
        ov = min(e, pe) - max(s, ps)
        if ov > best_ov or (ov == best_ov and best is not None and pe - ps > best[1] - best[0]):
            best, best_ov = (ps, pe), ov
    if best is None or best_ov < 0.6 * (best[1] - best[0]) or best_ov < 0.6 * (e - s):
        return m
    return Mention(Span(doc, best[0], best[1], label=m.span.label_), m.score)


def clip_quote(doc: Doc, m: Mention, pairs: Optional[list[tuple[int, int]]] = None) -> Mention:
    """A quotation the span model ran back over its introduction (``संजय भाटिया ने कहा, ‘‘हमने …``)
    starts after the opening mark (not when it starts inside another quotation)."""
    sp = m.span
    if pairs and any(ps <= sp.start < pe for ps, pe in pairs):
        return m
    cues = lexicon()["cues"]
    for k in range(sp.start + 1, min(sp.end - 1, sp.start + 12)):
        if doc[k].text in OPENING_MARKS:
            intro = [t.text for t in doc[sp.start:k]]
            if "ने" in intro or any(w in cues for w in intro):
                s = k
                while s < sp.end and (doc[s].text in OPENING_MARKS or doc[s].is_space):
                    s += 1
                if s < sp.end:
                    return Mention(Span(doc, s, sp.end, label=sp.label_), m.score)
            break
    return m


def clip_mismatched(doc: Doc, m: Mention) -> Mention:
    """A quotation opened with a double mark and closed with a single one (``कहते हैं, "मैं चाहूँगा
    … फ्रैंचाइज़ी है'.बॉन्ड पर …``) ends at that single mark, not at the next double one."""
    sp = m.span
    if sp.label_ != "QUOTE" or sp.start == 0 or doc[sp.start - 1].text not in {'"', "“", "''"}:
        return m
    singles = 0  # single marks seen: "… एक थी 'आवारा'." closes a title quoted inside
    for k in range(sp.start + 1, sp.end):
        t = doc[k]
        if t.text in {"'", "’"} and not doc[k - 1].whitespace_ and k + 1 < len(doc) \
                and doc[k + 1].text in {".", "।", "?", "!"} and singles == 0:
            return Mention(Span(doc, sp.start, k, label=sp.label_), m.score)
        if t.text in {"'", "‘", "’"}:
            singles += 1
    return m


def lexicon_cues(doc: Doc, score: float) -> list[Mention]:
    """Cue-lexicon words followed by ``कि`` (after auxiliaries), by a comma or colon and an opening
    quote mark (``ने पूछा, "…``), or heading a ``मुताबिक``/``अनुसार``/``मानें तो`` claim: the surface
    marks a reported statement even where the model saw no cue."""
    cues = lexicon()["cues_plain"]
    texts = [t.text for t in doc]
    plain = [dotless(t) for t in texts]  # "मुताबिक़" as the lexicon's "मुताबिक"
    out = []
    for i, t in enumerate(texts):
        for cue in sorted(cues.get(plain[i], ()), key=len, reverse=True):
            end = i + len(cue)
            if tuple(plain[i:end]) != cue:
                continue
            j = end
            while j < len(doc) and (texts[j] in AUXILIARIES or texts[j] == ","):
                j += 1
            k = j + 1 if j < len(doc) and texts[j] in {":", "-", "–", "—"} else j
            if (j < len(doc) and texts[j] == "कि") or cue[-1] in {"मुताबिक", "अनुसार", "तो"} or (
                    # headline "नोएडा के डीएम का आदेश- …", "पीएम की अपील - …"
                    end == i + 1 and t in NOUN_CUES and i > 0 and texts[i - 1] in {"का", "की", "के"}
                    and j < len(doc) and texts[j] in {"-", ":", "–", "—"}) or (
                    k < len(doc) and texts[k] in OPENING_MARKS and k > end) or _ends_quoting_sentence(doc, i, j) or (
                    end == i + 1 and bare_clause_start(doc, i) is not None) or (
                    _after_closing_mark(doc, i)):
                while end > i + 1 and texts[end - 1] in {"है", "हैं", "था", "थे", "थी"}:  # "कहना है" -> "कहना"
                    end -= 1
                out.append(Mention(doc[i:end], score))
            break
    return out


def _closing_mark(doc: Doc, j: int) -> bool:
    """Is ``doc[j]`` a quote mark that closes: glued to what comes before it (not another mark), a
    space after it?"""
    return j >= 1 and doc[j].text in QUOTE_MARKS and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ != "" \
        and doc[j - 1].text not in QUOTE_MARKS


def _after_closing_mark(doc: Doc, i: int) -> bool:
    """``भारत को "अमेरिका के लिए अत्यंत महत्वपूर्ण" बताते हुए कहा``: the cue word right after a mark
    closing a word (a partial quotation, not a sentence) is that quotation's verb."""
    return i >= 2 and _closing_mark(doc, i - 1) and not doc[i - 2].is_punct


def _ends_quoting_sentence(doc: Doc, i: int, j: int) -> bool:
    """``उन्होंने इसे "सबसे महत्वपूर्ण स्तंभों" में से एक बताया।``: a cue word that ends a sentence a
    few words after a closing quote mark introduces that partial quotation."""
    if j >= len(doc) or doc[j].text not in {"।", "."}:
        return False
    lo = max(doc[i].sent.start, i - 8)
    return any(_closing_mark(doc, j) for j in range(lo + 1, i))


def repair_against_marks(doc: Doc, mentions: list[Mention], pairs: list[tuple[int, int]],
                         opened: Optional[list[tuple[int, int]]] = None) -> list[Mention]:
    """Bring the model's statement spans in line with the quotation marks around them.

    - A span that crosses a pair of marks (starts inside the inner quote of ``कहा, "… 'हम तैयार
      हैं' और …"`` and ends at the outer closing mark) becomes the smallest pair that holds it.
    - A span that runs over a blank line without being closed by a mark (an opening ``"`` never
      closed: ``कहा, "हम तैयार हैं।⏎⏎राजनाथ सिंह ने कहा …``) ends at that paragraph's end. A quote
      in marks may run over paragraphs.
    """
    out = []
    pair_set = set(pairs)
    open_end = dict(open_quotations(doc, pairs) if opened is None else opened)
    for m in mentions:
        if m.span.start in open_end and m.span.end > open_end[m.span.start] and \
                not _enclosed_in_marks(doc, m.span.start, m.span.end):
            # a quotation never closed ends at its line's end, not where the model let it run
            m = Mention(Span(doc, m.span.start, open_end[m.span.start], label="QUOTE"), m.score)
        if m.span.label_ == "QUOTE" and (_after_according(doc, m.span.start) or _after_cue_line(doc, m.span.start)) and \
                not any(ps <= m.span.start < pe for ps, pe in pairs):
            # "मंत्रालय के मुताबिक अब तक …": reported, not quoted (no marks); a claim ends before its "।"
            end = m.span.end
            while end > m.span.start + 1 and (doc[end - 1].is_space or doc[end - 1].text in {"।", ".", "?", "!"}):
                end -= 1
            m = Mention(Span(doc, m.span.start, end, label="CLAIM"), m.score)
        if m.span.label_ == "QUOTE":
            m = _snap_to_marks(doc, clip_quote(doc, m, pairs), pairs, pair_set)
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
        label = m.span.label_
        if label == "CLAIM" and opens_after_mark(doc, s):
            # "मंत्री ने कहा, ''सरकार तैयार है ।": words in marks are a QUOTE even where the closing
            # mark is missing; the sentence's final punctuation is inside the quotation
            label = "QUOTE"
            while e < len(doc) and doc[e].text in {"।", ".", "?", "!"} and e < doc[e - 1].sent.end:
                e += 1
        if s < e and ((s, e) != (m.span.start, m.span.end) or label != m.span.label_):
            m = Mention(Span(doc, s, e, label=label), m.score)
        if s < e:
            out.append(m)
    return _one_per_pair(doc, out, pairs)


MAX_PAIR_MERGE = 200  # tokens; a longer "pair" is more likely two quotations with a mark lost


def _one_per_pair(doc: Doc, mentions: list[Mention], pairs: list[tuple[int, int]]) -> list[Mention]:
    """One QUOTE per pair of marks that opens after a cue's punctuation (``कहा, "…"``): pieces the
    model cut at an inner ``कि`` or sentence end (``"मेरा … मानना" + "हमने … देखी है."``), a span that
    began before the mark (``मिस्बाह ने कहा, “जलीली …``), one that stopped short of the closing mark
    or ran on into the next quotation become the whole quotation."""
    for ps, pe in pairs:
        if pe - ps > MAX_PAIR_MERGE or not opens_after_mark(doc, ps) or \
                any(t.text in QUOTE_MARKS for t in doc[ps:pe]):
            continue  # only simple quotations: no doubled or inner marks, no marks the pairing missed
        members = [m for m in mentions if m.span.start < pe and ps < m.span.end]
        if not members or (len(members) == 1 and (members[0].span.start, members[0].span.end) == (ps, pe)):
            continue
        # a span running past the closing mark is let through only when it is one quotation that
        # opens at the mark (it closes at its mark, not at the next quotation's)
        if any(m.span.end > pe + 1 for m in members) and not (
                len(members) == 1 and members[0].span.start == ps and members[0].span.label_ == "QUOTE"):
            continue
        inside = sum(min(pe, m.span.end) - max(ps, m.span.start) for m in members)
        starts_at_mark = any(m.span.start == ps for m in members)
        if inside < 0.5 * (pe - ps) and not starts_at_mark:
            continue
        if any(m.span.start < ps - 8 for m in members):
            continue
        keep = [m for m in mentions if not any(m is x for x in members)]
        keep.append(Mention(Span(doc, ps, pe, label="QUOTE"), max(m.score for m in members)))
        mentions = sorted(keep, key=lambda m: m.span.start)
    return mentions


def _after_cue_line(doc: Doc, s: int) -> bool:
    """A line right after a subheading ``स्वास्थ्य मंत्रालय ने कहा⏎`` (no marks): reported, not quoted."""
    i = s - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 1 and doc[i].text in {"कहा", "बताया"} and doc[i - 1].text == "ने" and (
        "\n" in doc[i].whitespace_ or (i + 1 < s and "\n" in doc[i + 1].text))


def _after_according(doc: Doc, s: int) -> bool:
    """Does a span at token ``s`` follow ``के मुताबिक``/``के अनुसार`` (a comma allowed)?"""
    i = s - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1  # a quote mark in between makes it a quotation ("कहा कि 'हम …'")
    return i >= 0 and doc[i].text in ACCORDING


def opens_after_mark(doc: Doc, s: int) -> bool:
    """Does a span starting at token ``s`` start right after an opening quote mark (``कहा, "…``)?"""
    i = s - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text not in OPENING_MARKS:
        return False
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in OPENING_MARKS):
        j -= 1
    # an opening mark follows introducing punctuation or a line start, not a word it closes
    return j < 0 or doc[j].text in {",", ":", "-", "–", "—", "।", "."} or "\n" in doc[j].whitespace_


def open_quotations(doc: Doc, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations opened after ``<cue>,`` and never closed before the line ends (``संजय भाटिया ने
    कहा, ‘‘हमने … एक क्रूज⏎``): (first, last+1) token indices up to that end."""
    inside = set()
    for ps, pe in pairs:
        inside.update(range(ps - 1, pe + 1))
    out = []
    for tok in doc:
        if tok.text not in OPENING_MARKS or tok.i in inside or not opens_after_mark(doc, tok.i + 1):
            continue
        s = tok.i + 1
        while s < len(doc) and doc[s].text in OPENING_MARKS:
            s += 1
        e = s
        # news segments break paragraphs with one newline: the quotation ends at the line's end
        while e < len(doc) and "\n" not in doc[e].text and "\n" not in doc[e - 1].whitespace_ \
                and doc[e].text not in CLOSING_MARKS and not _closes_as_opening(doc, e):
            e += 1
        if e < len(doc) and doc[e].text in CLOSING_MARKS and not _closes_as_opening(doc, e):
            continue  # closed after all (a pair the pairing missed): leave it to the model
        while e > s and doc[e - 1].is_space:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _closes_as_opening(doc: Doc, e: int) -> bool:
    """An opening curly mark glued to a sentence's end (``… उम्मीदवार हैं.“जलीली के …``) closes the
    quotation before it: the typist's wrong mark."""
    return doc[e].text in {"“", "‘"} and e > 0 and doc[e - 1].text in {".", "।", "?", "!"} \
        and not doc[e - 1].whitespace_


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


def tweet_like(doc: Doc, sp: Span) -> bool:
    return sp.start == 0 or "\n" in doc[sp.start - 1].whitespace_ or "\n" in doc[sp.start - 1].text


def next_line_end(doc: Doc, i: int) -> int:
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
