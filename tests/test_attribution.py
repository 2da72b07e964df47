"""The attribution component's rules over small hand-made Hindi docs, with the spans a span model
would label set by hand (so the rules are tested, not the model)."""

import pytest
from spacy.tokens import Span

from attrib.pipeline.attribution import EXTENSION, STATEMENTS_KEY


def run(blank, text, spans, rules=False):
    """spans: [(label, substring, occurrence)]; returns the statements' attribution info."""
    from attrib.pipeline.attribution import Attribution

    doc = blank(text)
    group = []
    for label, sub, occ in spans:
        start = -1
        for _ in range(occ + 1):
            start = text.index(sub, start + 1)
        sp = doc.char_span(start, start + len(sub), label=label)
        assert sp is not None, f"{sub!r} is not on token boundaries"
        group.append(sp)
    doc.spans["sc"] = group
    comp = Attribution(blank, rules=rules)
    doc = comp(doc)
    out = []
    for st in doc.spans[STATEMENTS_KEY]:
        info = st._.get(EXTENSION)
        cue = doc.text[slice(*info["cue"])] if info["cue"] else None
        mention = doc.text[slice(*info["mention"])] if info["mention"] else None
        out.append((st.text, info["kind"], cue, mention, info["speaker_name"]))
    return out


CASES = [
    # X ने कहा, "…"
    ('जयशंकर ने कहा, "मैं यहां पेंटागन में हूं।"',
     [("SPEAKER", "जयशंकर", 0), ("CUE", "कहा", 0), ("QUOTE", "मैं यहां पेंटागन में हूं।", 0)],
     [("मैं यहां पेंटागन में हूं।", "direct", "कहा", "जयशंकर", "S. Jaishankar")]),
    # X ने X पर लिखा, "…" with a spelling variant of the name
    ('रूबियो ने X पर लिखा, "UNGA में मुलाकात की।"',
     [("SPEAKER", "रूबियो", 0), ("CUE", "लिखा", 0), ("QUOTE", "UNGA में मुलाकात की।", 0)],
     [("UNGA में मुलाकात की।", "direct", "लिखा", "रूबियो", "Marco Rubio")]),
    # indirect claim, cue with auxiliary
    ("विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने कहा था कि साझेदारी अहम है।",
     [("SPEAKER", "रणधीर जायसवाल", 0), ("CUE", "कहा", 0), ("CLAIM", "साझेदारी अहम है", 0)],
     [("साझेदारी अहम है", "indirect", "कहा", "रणधीर जायसवाल", "Randhir Jaiswal")]),
    # partial quote inside the reporter's sentence, pronoun resolved to the earlier name
    ('इससे पहले हेगसेथ ने मुलाकात की। उन्होंने इसे "सबसे महत्वपूर्ण स्तंभों" में से एक बताया।',
     [("SPEAKER", "हेगसेथ", 0), ("SPEAKER", "उन्होंने", 0), ("CUE", "बताया", 0), ("QUOTE", "सबसे महत्वपूर्ण स्तंभों", 0)],
     [("सबसे महत्वपूर्ण स्तंभों", "partial", "बताया", "उन्होंने", "Pete Hegseth")]),
    # headline "X बोला- <claim>"
    ("रक्षा मंत्रालय बोला- सैन्य खरीद से मजबूत होगा रिश्ता\n",
     [("SPEAKER", "रक्षा मंत्रालय", 0), ("CUE", "बोला", 0), ("CLAIM", "सैन्य खरीद से मजबूत होगा रिश्ता", 0)],
     [("सैन्य खरीद से मजबूत होगा रिश्ता", "indirect", "बोला", "रक्षा मंत्रालय", "Ministry of Defence (India)")]),
    # a statement with its issuer: बयान -> the organisation in the previous sentence
    ('अमेरिकी विदेश विभाग ने एक बयान जारी किया। बयान में कहा गया, "भारत अहम है।"',
     [("SPEAKER", "बयान", 1), ("CUE", "कहा गया", 0), ("QUOTE", "भारत अहम है।", 0)],
     [("भारत अहम है।", "direct", "कहा गया", "बयान", "US State Department")]),
    # a second quote with no speaker continues the previous one
    ('हेगसेथ ने कहा, "हम खुश हैं।" "ये गहरे और निरंतर हैं।"',
     [("SPEAKER", "हेगसेथ", 0), ("CUE", "कहा", 0), ("QUOTE", "हम खुश हैं।", 0), ("QUOTE", "ये गहरे और निरंतर हैं।", 0)],
     [("हम खुश हैं।", "direct", "कहा", "हेगसेथ", "Pete Hegseth"),
      ("ये गहरे और निरंतर हैं।", "direct", None, "हेगसेथ", "Pete Hegseth")]),
    # tweet text before its signature line: no cue, speaker after
    ("A pleasure meeting US @SecRubio.\n— Dr. S. Jaishankar (@DrSJaishankar) July 1, 2025\n",
     [("QUOTE", "A pleasure meeting US @SecRubio.", 0), ("SPEAKER", "Dr. S. Jaishankar", 0)],
     [("A pleasure meeting US @SecRubio.", "direct", None, "Dr. S. Jaishankar", "S. Jaishankar")]),
    # an unregistered speaker keeps the mention as written
    ("मुख्यमंत्री हेमंत सोरेन ने बताया कि 766 लोग भर्ती हैं  ।",
     [("SPEAKER", "हेमंत सोरेन", 0), ("CUE", "बताया", 0), ("CLAIM", "766 लोग भर्ती हैं", 0)],
     [("766 लोग भर्ती हैं", "indirect", "बताया", "हेमंत सोरेन", "हेमंत सोरेन")]),
]


@pytest.mark.parametrize("text,spans,expected", CASES, ids=[c[0][:24] for c in CASES])
def test_attribution_rules(blank, text, spans, expected):
    assert run(blank, text, spans) == expected


RESOLUTION_CASES = [
    # a title written with the name earlier stands for that name
    ("डीजीपी एच.सी. अवस्थी ने बैठक की। डीजीपी ने बताया कि सेवाएं दी जाएंगी।",
     [("SPEAKER", "एच.सी. अवस्थी", 0), ("SPEAKER", "डीजीपी", 1), ("CUE", "बताया", 0), ("CLAIM", "सेवाएं दी जाएंगी", 0)],
     [("सेवाएं दी जाएंगी", "indirect", "बताया", "डीजीपी", "एच.सी. अवस्थी")]),
    # a bare role noun for the latest person named before it
    ("योगगुरु स्वामी रामदेव ने शिविर लगाया। बाबा ने कहा कि डरने की जरूरत नहीं है।",
     [("SPEAKER", "रामदेव", 0), ("SPEAKER", "बाबा", 0), ("CUE", "कहा", 0), ("CLAIM", "डरने की जरूरत नहीं है", 0)],
     [("डरने की जरूरत नहीं है", "indirect", "कहा", "बाबा", "रामदेव")]),
    # a short title for the name written with its long form
    ("मुख्यमंत्री हेमंत सोरेन ने बैठक की। सीएम ने कहा कि राजस्व घटा है।",
     [("SPEAKER", "हेमंत सोरेन", 0), ("SPEAKER", "सीएम", 0), ("CUE", "कहा", 0), ("CLAIM", "राजस्व घटा है", 0)],
     [("राजस्व घटा है", "indirect", "कहा", "सीएम", "हेमंत सोरेन")]),
    # a bare organisation head for the fuller name before it, then the registry
    ("स्वास्थ्य मंत्रालय ने आंकड़े जारी किए। मंत्रालय ने कहा कि 50 लोग ठीक हुए।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय", 0), ("SPEAKER", "मंत्रालय", 1), ("CUE", "कहा", 0), ("CLAIM", "50 लोग ठीक हुए", 0)],
     [("50 लोग ठीक हुए", "indirect", "कहा", "मंत्रालय", "Ministry of Health and Family Welfare (India)")]),
    # a group stands for nobody named: अधिकारियों stays अधिकारियों
    ("मुख्यमंत्री हेमंत सोरेन ने दौरा किया। अधिकारियों ने कहा कि बल का इस्तेमाल होगा।",
     [("SPEAKER", "हेमंत सोरेन", 0), ("SPEAKER", "अधिकारियों", 0), ("CUE", "कहा", 0), ("CLAIM", "बल का इस्तेमाल होगा", 0)],
     [("बल का इस्तेमाल होगा", "indirect", "कहा", "अधिकारियों", "अधिकारियों")]),
    # a document's issuer may be a registry body the model did not mark; a role noun follows the chain
    ("स्वास्थ्य मंत्रालय ने बैठक की। मंत्रालय की गाइडलाइंस में कहा गया कि टेस्ट मुफ्त होंगे।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय", 0), ("SPEAKER", "गाइडलाइंस", 0), ("CUE", "कहा गया", 0), ("CLAIM", "टेस्ट मुफ्त होंगे", 0)],
     [("टेस्ट मुफ्त होंगे", "indirect", "कहा गया", "गाइडलाइंस", "Ministry of Health and Family Welfare (India)")]),
    # an indefinite "एक अधिकारी" is someone new, not the official named before
    ("संयुक्त सचिव लव अग्रवाल ने दौरा किया। एक अधिकारी ने कहा कि नियम सख्त होंगे।",
     [("SPEAKER", "लव अग्रवाल", 0), ("SPEAKER", "एक अधिकारी", 0), ("CUE", "कहा", 0), ("CLAIM", "नियम सख्त होंगे", 0)],
     [("नियम सख्त होंगे", "indirect", "कहा", "एक अधिकारी", "एक अधिकारी")]),
    # a document mention that names its issuer
    ("गृह मंत्रालय की अधिसूचना में कहा गया कि दुकानें खुलेंगी।",
     [("SPEAKER", "गृह मंत्रालय की अधिसूचना", 0), ("CUE", "कहा गया", 0), ("CLAIM", "दुकानें खुलेंगी", 0)],
     [("दुकानें खुलेंगी", "indirect", "कहा गया", "गृह मंत्रालय की अधिसूचना", "Ministry of Home Affairs (India)")]),
    # a title qualified by its body ("मंत्रालय के संयुक्त सचिव") is someone unnamed, not the last person
    ("प्रधानमंत्री नरेंद्र मोदी ने बैठक की। मंत्रालय के संयुक्त सचिव ने कहा कि 602 अस्पताल तैयार हैं।",
     [("SPEAKER", "नरेंद्र मोदी", 0), ("SPEAKER", "मंत्रालय के संयुक्त सचिव", 0), ("CUE", "कहा", 0),
      ("CLAIM", "602 अस्पताल तैयार हैं", 0)],
     [("602 अस्पताल तैयार हैं", "indirect", "कहा", "मंत्रालय के संयुक्त सचिव", "मंत्रालय के संयुक्त सचिव")]),
    # a surname spelt another way than in the full name stands for that name; a different first
    # letter is another person
    ("गृह मंत्री अनिल देखमुख ने दौरा किया। देशमुख ने कहा कि सीमा सील रहेगी।",
     [("SPEAKER", "अनिल देखमुख", 0), ("SPEAKER", "देशमुख", 0), ("CUE", "कहा", 0), ("CLAIM", "सीमा सील रहेगी", 0)],
     [("सीमा सील रहेगी", "indirect", "कहा", "देशमुख", "अनिल देखमुख")]),
    ("नेता अनिल शर्मा ने दौरा किया। वर्मा ने कहा कि सीमा सील रहेगी।",
     [("SPEAKER", "अनिल शर्मा", 0), ("SPEAKER", "वर्मा", 0), ("CUE", "कहा", 0), ("CLAIM", "सीमा सील रहेगी", 0)],
     [("सीमा सील रहेगी", "indirect", "कहा", "वर्मा", "वर्मा")]),
    # a pronoun stands for a person written as a subject since the last statement, even inside
    # its sentence; a body written so does not take it from the last speaker
    ("फियोना मैथ्यूज ने कहा कि शोध अहम है। विश्वविद्यालय के डॉक्टर एलन पैकी इससे संतुष्ट नहीं हैं। उन्होंने कहा कि नतीजे कमजोर हैं।",
     [("SPEAKER", "फियोना मैथ्यूज", 0), ("CUE", "कहा", 0), ("CLAIM", "शोध अहम है", 0), ("SPEAKER", "एलन पैकी", 0),
      ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 1), ("CLAIM", "नतीजे कमजोर हैं", 0)],
     [("शोध अहम है", "indirect", "कहा", "फियोना मैथ्यूज", "फियोना मैथ्यूज"),
      ("नतीजे कमजोर हैं", "indirect", "कहा", "उन्होंने", "एलन पैकी")]),
    ("फियोना मैथ्यूज ने कहा कि शोध अहम है। इस पर अमेरिकी स्वास्थ्य विभाग भी संतुष्ट नहीं है। उन्होंने कहा कि नतीजे कमजोर हैं।",
     [("SPEAKER", "फियोना मैथ्यूज", 0), ("CUE", "कहा", 0), ("CLAIM", "शोध अहम है", 0), ("SPEAKER", "अमेरिकी स्वास्थ्य विभाग", 0),
      ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 1), ("CLAIM", "नतीजे कमजोर हैं", 0)],
     [("शोध अहम है", "indirect", "कहा", "फियोना मैथ्यूज", "फियोना मैथ्यूज"),
      ("नतीजे कमजोर हैं", "indirect", "कहा", "उन्होंने", "फियोना मैथ्यूज")]),
    # a long title stands for the name written after the same title, earlier (an honorific between
    # them) or later in the article
    ("आईसीएमआर के निदेशक डॉ. सीके मिश्रा ने दौरा किया। आईसीएमआर के निदेशक ने कहा कि टेस्ट बढ़ेंगे।",
     [("SPEAKER", "सीके मिश्रा", 0), ("SPEAKER", "आईसीएमआर के निदेशक", 1), ("CUE", "कहा", 0), ("CLAIM", "टेस्ट बढ़ेंगे", 0)],
     [("टेस्ट बढ़ेंगे", "indirect", "कहा", "आईसीएमआर के निदेशक", "सीके मिश्रा")]),
    ("स्वास्थ्य मंत्रालय के विशेष सचिव ने बताया कि 84 मामले हैं। स्वास्थ्य मंत्रालय के विशेष सचिव संजीव कुमार के अनुसार जांच जारी है।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय के विशेष सचिव", 0), ("CUE", "बताया", 0), ("CLAIM", "84 मामले हैं", 0),
      ("SPEAKER", "संजीव कुमार", 0)],
     [("84 मामले हैं", "indirect", "बताया", "स्वास्थ्य मंत्रालय के विशेष सचिव", "संजीव कुमार")]),
    # a link title glued to the pronoun: the pronoun speaks, for the person named before
    ('भाग्यश्री ने फिल्म की। अमिताभ और राजेश खन्नाउन्होंने बताया, "मैं खुश हूं।"',
     [("SPEAKER", "भाग्यश्री", 0), ("SPEAKER", "खन्नाउन्होंने", 0), ("CUE", "बताया", 0), ("QUOTE", "मैं खुश हूं।", 0)],
     [("मैं खुश हूं।", "direct", "बताया", "उन्होंने", "भाग्यश्री")]),
    # a press review: "अखबार" is the latest paper that wrote, not the politician it quoted
    ("'जंग' ने लिखा है कि सरकार नाकाम है। नवाज शरीफ ने कहा कि हम लड़ेंगे। अखबार के मुताबिक हालात खराब हैं।",
     [("SPEAKER", "जंग", 0), ("CUE", "लिखा", 0), ("CLAIM", "सरकार नाकाम है", 0), ("SPEAKER", "नवाज शरीफ", 0),
      ("CUE", "कहा", 0), ("CLAIM", "हम लड़ेंगे", 0), ("SPEAKER", "अखबार", 0), ("CUE", "मुताबिक", 0),
      ("CLAIM", "हालात खराब हैं", 0)],
     [("सरकार नाकाम है", "indirect", "लिखा", "जंग", "जंग"),
      ("हम लड़ेंगे", "indirect", "कहा", "नवाज शरीफ", "नवाज शरीफ"),
      ("हालात खराब हैं", "indirect", "मुताबिक", "अखबार", "जंग")]),
    # more titles ("सिविल सर्जन") stand for the name written after the same title later
    ("सिविल सर्जन ने बताया कि जांच हुई थी। सिविल सर्जन डॉ. एके झा ने कहा कि रिपोर्ट आएगी।",
     [("SPEAKER", "सिविल सर्जन", 0), ("CUE", "बताया", 0), ("CLAIM", "जांच हुई थी", 0), ("SPEAKER", "एके झा", 0)],
     [("जांच हुई थी", "indirect", "बताया", "सिविल सर्जन", "एके झा")]),
    # a surname shared with a registry person goes to the article's own full name
    ("आईपीएल के प्रमुख ललित मोदी ने दौरा किया। मोदी ने कहा कि लीग होगी।",
     [("SPEAKER", "ललित मोदी", 0), ("SPEAKER", "मोदी", 1), ("CUE", "कहा", 0), ("CLAIM", "लीग होगी", 0)],
     [("लीग होगी", "indirect", "कहा", "मोदी", "ललित मोदी")]),
    # a role noun does not go to a registry person who never holds that role
    ("प्रधानमंत्री नरेंद्र मोदी ने बैठक की। जिलाधिकारी ने कहा कि स्कूल बंद रहेंगे।",
     [("SPEAKER", "नरेंद्र मोदी", 0), ("SPEAKER", "जिलाधिकारी", 0), ("CUE", "कहा", 0), ("CLAIM", "स्कूल बंद रहेंगे", 0)],
     [("स्कूल बंद रहेंगे", "indirect", "कहा", "जिलाधिकारी", "जिलाधिकारी")]),
    # district posts written as abbreviations are titles for the name written with them
    ("सीएमएस डॉ. डीके सिंह ने बताया कि जांच जारी है। सीएमएस ने कहा कि बेड खाली हैं।",
     [("SPEAKER", "डीके सिंह", 0), ("CUE", "बताया", 0), ("CLAIM", "जांच जारी है", 0), ("SPEAKER", "सीएमएस", 1),
      ("CUE", "कहा", 0), ("CLAIM", "बेड खाली हैं", 0)],
     [("जांच जारी है", "indirect", "बताया", "डीके सिंह", "डीके सिंह"),
      ("बेड खाली हैं", "indirect", "कहा", "सीएमएस", "डीके सिंह")]),
    # "वो कहती हैं" is a person: not the government quoted last, the person named before
    ("अयाना ने शरण ली। सरकार ने कहा कि फ्लैट दिए गए हैं। वो कहती हैं कि माएं डरती हैं।",
     [("SPEAKER", "अयाना", 0), ("SPEAKER", "सरकार", 0), ("CUE", "कहा", 0), ("CLAIM", "फ्लैट दिए गए हैं", 0),
      ("SPEAKER", "वो", 0), ("CUE", "कहती", 0), ("CLAIM", "माएं डरती हैं", 0)],
     [("फ्लैट दिए गए हैं", "indirect", "कहा", "सरकार", "सरकार"),
      ("माएं डरती हैं", "indirect", "कहती", "वो", "अयाना")]),
    # a claim the span model let run on is cut at its sentence's end ("थी." is no initial)
    ("अधिकारी निरंजन कुमार ने बताया कि बच्ची बीमार थी. दुकान से दवा खरीदी गई।",
     [("SPEAKER", "निरंजन कुमार", 0), ("CUE", "बताया", 0), ("CLAIM", "बच्ची बीमार थी. दुकान से दवा खरीदी गई", 0)],
     [("बच्ची बीमार थी", "indirect", "बताया", "निरंजन कुमार", "निरंजन कुमार")]),
]


@pytest.mark.parametrize("text,spans,expected", RESOLUTION_CASES, ids=[c[0][:24] for c in RESOLUTION_CASES])
def test_titles_role_nouns_groups_and_claim_ends(blank, text, spans, expected):
    assert run(blank, text, spans) == expected


RULE_CASES = [
    # a quote box: a paragraph signed "Name, post, body" on the next line is that person's quotation,
    # whatever the model cut out of it; a byline "Name, city" signs nothing
    ("आरएमआरआइ में दो नमूने पॉजिटिव पाये गये हैं. एक मरीज पटना सिटी का रहनेवाला है.\nडॉ पीके दास, निदेशक, आरएमआरआइ\n"
     "अनिल शर्मा, आगरा\nजिले में जांच तेज हुई है. कई नमूने भेजे गए हैं.\nअनिल शर्मा, आगरा\n",
     [("CLAIM", "एक मरीज पटना सिटी का रहनेवाला है", 0)],
     [("आरएमआरआइ में दो नमूने पॉजिटिव पाये गये हैं. एक मरीज पटना सिटी का रहनेवाला है.", "direct", None,
       "डॉ पीके दास", "डॉ पीके दास")]),
    # a document with no issuer near it, after a body's own statements: that body issued it
    ("रेलवे बोर्ड ने कहा कि ट्रेनें चलेंगी। देश में यात्री बढ़े हैं। कई राज्यों में मामले घटे। बयान में कहा गया कि टिकट मिलेंगे।",
     [("SPEAKER", "रेलवे बोर्ड", 0), ("CUE", "कहा", 0), ("CLAIM", "ट्रेनें चलेंगी", 0), ("SPEAKER", "बयान", 0),
      ("CUE", "कहा गया", 0), ("CLAIM", "टिकट मिलेंगे", 0)],
     [("ट्रेनें चलेंगी", "indirect", "कहा", "रेलवे बोर्ड", "रेलवे बोर्ड"),
      ("टिकट मिलेंगे", "indirect", "कहा गया", "बयान", "रेलवे बोर्ड")]),
    # a time phrase before the agent is not part of it
    ("पिछले हफ्ते ओपीसीडब्ल्यू ने कहा कि जांच होगी।", [("CLAIM", "जांच होगी", 0)],
     [("जांच होगी", "indirect", "कहा", "ओपीसीडब्ल्यू", "ओपीसीडब्ल्यू")]),
    # "X के मुताबिक Y ने कहा, “…": Y's quotation, not a claim of X; it closes at an opening mark
    # glued to its last full stop (the typist's wrong mark)
    ('आईएसएनए के मुताबिक मिस्बाह ने कहा, “जलीली सबसे काबिल उम्मीदवार हैं.“जलीली के अभियान में बेरोजगारी पर बात हुई.',
     [("SPEAKER", "आईएसएनए", 0), ("CUE", "के मुताबिक", 0), ("SPEAKER", "मिस्बाह", 0)],
     [("जलीली सबसे काबिल उम्मीदवार हैं.", "direct", "कहा", "मिस्बाह", "मिस्बाह")]),
    # several speakers before one cue: the first named, past list items the model did not mark
    ("प्रधानमंत्री नरेंद्र मोदी, भाजपा अध्यक्ष जे पी नड्डा, गृह मंत्री अमित शाह, दिल्ली के मुख्यमंत्री अरविंद केजरीवाल ने कहा कि वे होली नहीं मनाएंगे।",
     [("SPEAKER", "नरेंद्र मोदी", 0), ("SPEAKER", "अमित शाह", 0), ("CUE", "कहा", 0), ("CLAIM", "वे होली नहीं मनाएंगे", 0)],
     [("वे होली नहीं मनाएंगे", "indirect", "कहा", "नरेंद्र मोदी", "Narendra Modi")]),
    # the first item of a pair speaks though the model marked only the second: after a title, or a
    # body or group itself; a clause before "और" is no item
    ("उपराष्ट्रपति माइक पेंस और स्वास्थ्य सचिव एलेक्स अजार ने कहा कि खतरा कम है।",
     [("SPEAKER", "एलेक्स अजार", 0), ("CUE", "कहा", 0), ("CLAIM", "खतरा कम है", 0)],
     [("खतरा कम है", "indirect", "कहा", "माइक पेंस", "माइक पेंस")]),
    ("कई फ़िल्मकारों और विशेषज्ञों का मानना है कि फिल्में बदली हैं।",
     [("SPEAKER", "विशेषज्ञों", 0), ("CUE", "मानना", 0), ("CLAIM", "फिल्में बदली हैं", 0)],
     [("फिल्में बदली हैं", "indirect", "मानना", "कई फ़िल्मकारों", "कई फ़िल्मकारों")]),
    ("राज्य के स्वास्थ्य आयुक्त और सचिव संपत कुमार ने कहा कि खतरा कम है।",
     [("SPEAKER", "संपत कुमार", 0), ("CUE", "कहा", 0), ("CLAIM", "खतरा कम है", 0)],
     [("खतरा कम है", "indirect", "कहा", "संपत कुमार", "संपत कुमार")]),
    ("भारत में अमेरिकी दूतावास और वाणिज्य दूतावास के मुताबिक सभी वीजा अपॉइंटमेंट रद्द किए गए हैं।",
     [("SPEAKER", "वाणिज्य दूतावास", 0)],
     [("सभी वीजा अपॉइंटमेंट रद्द किए गए हैं", "indirect", "के मुताबिक", "अमेरिकी दूतावास", "अमेरिकी दूतावास")]),
    ("बैठक हुई और एलेक्स अजार ने कहा कि खतरा कम है।",
     [("SPEAKER", "एलेक्स अजार", 0), ("CUE", "कहा", 0), ("CLAIM", "खतरा कम है", 0)],
     [("खतरा कम है", "indirect", "कहा", "एलेक्स अजार", "एलेक्स अजार")]),
    # a cue with no subject in its own sentence ("। साथ ही कहा कि"): the agent of the sentence before
    ("सीएमओ डॉ. मीनाक्षी जोशी ने कोरोना की पुष्टि की । साथ ही कहा कि सभी कदम उठाए जा रहे हैं ।",
     [("CUE", "कहा", 0), ("CLAIM", "सभी कदम उठाए जा रहे हैं", 0)],
     [("सभी कदम उठाए जा रहे हैं", "indirect", "कहा", "मीनाक्षी जोशी", "मीनाक्षी जोशी")]),
    # a stray danda between the cue and कि: the speaker is in the sentence before
    ("ईरान में मामले बढ़े हैं। स्वास्थ्य मंत्रालय के प्रवक्ता ने बताया । कि पिछले 24 घंटों में 2,715 नए मामले सामने आए हैं।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय के प्रवक्ता", 0), ("CUE", "बताया", 0), ("CLAIM", "पिछले 24 घंटों में 2,715 नए मामले सामने आए हैं", 0)],
     [("पिछले 24 घंटों में 2,715 नए मामले सामने आए हैं", "indirect", "बताया", "स्वास्थ्य मंत्रालय के प्रवक्ता",
       "स्वास्थ्य मंत्रालय के प्रवक्ता")]),
    # "उन्होंने" carries its agent marker: it outranks a name spoken to, and that name in marks
    # before "को" is no quotation
    ("मुख्तार अब्बास नकवी ने बात की। उन्होंने ‘पीटीआई-भाषा’ को दिए साक्षात्कार में यह विश्वास भी जताया कि समुदाय नियम मानेगा।",
     [("SPEAKER", "मुख्तार अब्बास नकवी", 0), ("SPEAKER", "उन्होंने", 0), ("SPEAKER", "पीटीआई", 0), ("CUE", "जताया", 0),
      ("CLAIM", "समुदाय नियम मानेगा", 0)],
     [("समुदाय नियम मानेगा", "indirect", "जताया", "उन्होंने", "मुख्तार अब्बास नकवी")]),
    # a quotation opened with a double mark and closed with a single one ends there; a title in
    # single marks inside a quotation does not end it
    ('शाहरुख कहते हैं, "मैं चाहूँगा कि बॉन्ड फिल्में आएं क्योंकि यह बेहतरीन है\'.बॉन्ड पर 23 फिल्में बनी हैं. यश ने कहा, "यह फिल्म दिल से बनी है."',
     [("QUOTE", 'मैं चाहूँगा कि बॉन्ड फिल्में आएं क्योंकि यह बेहतरीन है\'.बॉन्ड पर 23 फिल्में बनी हैं. यश ने कहा, "यह फिल्म दिल से बनी है.', 0),
      ("SPEAKER", "शाहरुख", 0), ("CUE", "कहते", 0)],
     [("मैं चाहूँगा कि बॉन्ड फिल्में आएं क्योंकि यह बेहतरीन है", "direct", "कहते", "शाहरुख", "शाहरुख")]),
    ('राज ने कहा, "उनमें से एक थी \'आवारा\'. इस तस्वीर से हमारा रिश्ता बना."',
     [("QUOTE", "उनमें से एक थी 'आवारा'. इस तस्वीर से हमारा रिश्ता बना.", 0), ("SPEAKER", "राज", 0), ("CUE", "कहा", 0)],
     [("उनमें से एक थी 'आवारा'. इस तस्वीर से हमारा रिश्ता बना.", "direct", "कहा", "राज", "राज")]),
    # an apostrophe inside a name keeps the name whole
    ("इस पर जिम्मी ओ’ब्रायन कहते हैं कि नियम बदलें।",
     [("CLAIM", "नियम बदलें", 0)],
     [("नियम बदलें", "indirect", "कहते", "जिम्मी ओ’ब्रायन", "जिम्मी ओ’ब्रायन")]),
    # nothing marked near the cue: the sentence's own "X ने", however far before the claim
    ("पुलिस ने वाहनों के माध्यम से शहर के बाजारों और गलियों में लाउडस्पीकर से चेतावनी शुरू कर दी थी कि दुकानें बंद रहेंगी।",
     [("CLAIM", "दुकानें बंद रहेंगी", 0)],
     [("दुकानें बंद रहेंगी", "indirect", None, "पुलिस", "पुलिस")]),
    # a person introduced with a role noun and never marked is what the next pronoun stands for;
    # a modifier before a head noun ("प्रमुख एफएमसीजी कंपनी") is no name
    ("फियोना मैथ्यूज ने कहा कि शोध अहम है। बिजली मंत्री मुसद्दिक मलिक बिजली की समस्याओं की तरफ ध्यान दिलाते हैं। उन्होंने कहा कि क्षमता कम है।",
     [("SPEAKER", "फियोना मैथ्यूज", 0), ("CUE", "कहा", 0), ("CLAIM", "शोध अहम है", 0), ("SPEAKER", "उन्होंने", 0),
      ("CUE", "कहा", 1), ("CLAIM", "क्षमता कम है", 0)],
     [("शोध अहम है", "indirect", "कहा", "फियोना मैथ्यूज", "फियोना मैथ्यूज"),
      ("क्षमता कम है", "indirect", "कहा", "उन्होंने", "मुसद्दिक मलिक")]),
    ("फियोना मैथ्यूज ने कहा कि शोध अहम है। एक प्रमुख एफएमसीजी कंपनी के शीर्ष अधिकारी ने योजना की पुष्टि की है। उन्होंने कहा कि क्षमता कम है।",
     [("SPEAKER", "फियोना मैथ्यूज", 0), ("CUE", "कहा", 0), ("CLAIM", "शोध अहम है", 0), ("SPEAKER", "उन्होंने", 0),
      ("CUE", "कहा", 1), ("CLAIM", "क्षमता कम है", 0)],
     [("शोध अहम है", "indirect", "कहा", "फियोना मैथ्यूज", "फियोना मैथ्यूज"),
      ("क्षमता कम है", "indirect", "कहा", "उन्होंने", "प्रमुख एफएमसीजी कंपनी के शीर्ष अधिकारी")]),
    # no model cue, no model speaker: the lexicon cue before कि and the phrase ने marks
    ("प्रदेश के मुख्यमंत्री शिवराज सिंह चौहान ने आदेश दिया है कि तीन जिले सील किए जाएं।", [],
     [("तीन जिले सील किए जाएं", "indirect", "आदेश दिया", "शिवराज सिंह चौहान", "Shivraj Singh Chouhan")]),
    # "X के अनुसार <claim>"
    ("जिलाधिकारी प्रभु एन सिंह के अनुसार महिला बीमार थीं।", [],
     [("महिला बीमार थीं", "indirect", "के अनुसार", "प्रभु एन सिंह", "प्रभु एन सिंह")]),
    # a cue word with no कि and no quotation introduces nothing
    ("उन्होंने बताया था और फिर चले गए।", [], []),
    # "X का कहना है कि": the phrase का marks
    ("क्षेत्र के ग्रामीणों का कहना है कि खनन से नुकसान होगा।", [],
     [("खनन से नुकसान होगा", "indirect", "कहना", "क्षेत्र के ग्रामीणों", "क्षेत्र के ग्रामीणों")]),
    # a present-tense cue: the phrase right before it, not a name earlier in the sentence
    ('फीबी वॉलर ब्रिज की सीरीज़ में सह-अभिनेता चार्ल्स कहते हैं, "यह व्यावहारिक दृश्य था।"',
     [("SPEAKER", "फीबी वॉलर ब्रिज", 0), ("CUE", "कहते", 0), ("QUOTE", "यह व्यावहारिक दृश्य था।", 0)],
     [("यह व्यावहारिक दृश्य था।", "direct", "कहते", "चार्ल्स", "चार्ल्स")]),
    # a cue word before a quotation ("ने पूछा, "…"): the cue, and the phrase ने marks
    ('तभी एहसान रहमान ने पूछा, "आपका घर कितनी दूर था?"',
     [("QUOTE", "आपका घर कितनी दूर था?", 0)],
     [("आपका घर कितनी दूर था?", "direct", "पूछा", "एहसान रहमान", "एहसान रहमान")]),
    # several speakers of one statement: the first named (guidelines)
    ("प्रधानमंत्री नरेंद्र मोदी, गृह मंत्री अमित शाह और मुख्यमंत्री अरविंद केजरीवाल ने कहा कि वह होली नहीं मनाएंगे।",
     [("SPEAKER", "नरेंद्र मोदी", 0), ("SPEAKER", "अमित शाह", 0), ("SPEAKER", "अरविंद केजरीवाल", 0), ("CUE", "कहा", 0),
      ("CLAIM", "वह होली नहीं मनाएंगे", 0)],
     [("वह होली नहीं मनाएंगे", "indirect", "कहा", "नरेंद्र मोदी", "Narendra Modi")]),
    # a document's issuer written with it ("X की ओर से जारी बयान"), also when the model did not mark X
    ("सहारा इंडिया की ओर से जारी बयान में कहा गया है कि हम क्रिकेट से हट रहे हैं।",
     [("SPEAKER", "बयान", 0), ("CUE", "कहा गया", 0), ("CLAIM", "हम क्रिकेट से हट रहे हैं", 0)],
     [("हम क्रिकेट से हट रहे हैं", "indirect", "कहा गया", "बयान", "सहारा इंडिया")]),
    # ... or "X द्वारा तैयार की गई <document>"
    ("राज्य स्वास्थ्य विभाग द्वारा तैयार की गई तालिका के मुताबिक 50 लोग ठीक हुए।",
     [("SPEAKER", "तालिका", 0), ("CUE", "के मुताबिक", 0), ("CLAIM", "50 लोग ठीक हुए", 0)],
     [("50 लोग ठीक हुए", "indirect", "के मुताबिक", "तालिका", "राज्य स्वास्थ्य विभाग")]),
    # ... skipping a time between the issuer and its figures
    ("स्वास्थ्य मंत्रालय के बुधवार सुबह नौ बजे के आंकड़ों के अनुसार तीन मौतें हुईं।",
     [("SPEAKER", "आंकड़ों", 0), ("CUE", "के अनुसार", 0), ("CLAIM", "तीन मौतें हुईं", 0)],
     [("तीन मौतें हुईं", "indirect", "के अनुसार", "आंकड़ों", "Ministry of Health and Family Welfare (India)")]),
    # a pronoun after an unnamed subject stands for that subject, not for a name before it
    ("संयुक्त सचिव लव अग्रवाल ने दौरा किया। एक प्रमुख कंपनी के शीर्ष अधिकारी ने योजना की पुष्टि की है। "
     "उन्होंने कहा कि काम जारी है।",
     [("SPEAKER", "लव अग्रवाल", 0), ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 0), ("CLAIM", "काम जारी है", 0)],
     [("काम जारी है", "indirect", "कहा", "उन्होंने", "एक प्रमुख कंपनी के शीर्ष अधिकारी")]),
    # a model mention that swallowed the cue's tail is the name alone
    ("विदेश मंत्रालय के मुताबिक सरकार ने यह भी कहा कि भंडार पर्याप्त है।",
     [("SPEAKER", "मुताबिक सरकार", 0), ("CUE", "कहा", 0), ("CLAIM", "भंडार पर्याप्त है", 0)],
     [("भंडार पर्याप्त है", "indirect", "कहा", "सरकार", "सरकार")]),
    # a name the model marked once is a name wherever else the article writes it: the pronoun
    # stands for the person written just before it, not for the earlier speaker
    ("फियोना मैथ्यूज ने कहा कि शोध जरूरी है। एलन पैकी इससे संतुष्ट नहीं हैं और उन्होंने कहा कि "
     "प्रमाण कमजोर है। बाद में एलन पैकी ने कहा कि वह फ़ोन नहीं बदलेंगे।",
     [("SPEAKER", "फियोना मैथ्यूज", 0), ("CUE", "कहा", 0), ("CLAIM", "शोध जरूरी है", 0),
      ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 1), ("CLAIM", "प्रमाण कमजोर है", 0),
      ("SPEAKER", "एलन पैकी", 1), ("CUE", "कहा", 2), ("CLAIM", "वह फ़ोन नहीं बदलेंगे", 0)],
     [("शोध जरूरी है", "indirect", "कहा", "फियोना मैथ्यूज", "फियोना मैथ्यूज"),
      ("प्रमाण कमजोर है", "indirect", "कहा", "उन्होंने", "एलन पैकी"),
      ("वह फ़ोन नहीं बदलेंगे", "indirect", "कहा", "एलन पैकी", "एलन पैकी")]),
    # the agent ने marks, not the person spoken to ("X ने Y से कहा")
    ('राजा इफ़्तिख़ार ने आख़िर में उजागर सिंह से कहा, "आप फिर आइए।"',
     [("SPEAKER", "उजागर सिंह", 0), ("CUE", "कहा", 0), ("QUOTE", "आप फिर आइए।", 0)],
     [("आप फिर आइए।", "direct", "कहा", "राजा इफ़्तिख़ार", "राजा इफ़्तिख़ार")]),
    # a model mention that is only part of the phrase the cue marks gives way to the phrase
    ('डॉक्टर जवाहर लाल जैन कहते हैं, "मेवे खाइए।"',
     [("SPEAKER", "लाल", 0), ("CUE", "कहते", 0), ("QUOTE", "मेवे खाइए।", 0)],
     [("मेवे खाइए।", "direct", "कहते", "जवाहर लाल जैन", "जवाहर लाल जैन")]),
    # a relaying source inside the mention: the speaker is named after "के मुताबिक"
    ('आईएसएनए के मुताबिक मिस्बाह ने कहा, "हम साथ हैं।"',
     [("SPEAKER", "आईएसएनए के मुताबिक मिस्बाह", 0), ("CUE", "कहा", 0), ("QUOTE", "हम साथ हैं।", 0)],
     [("हम साथ हैं।", "direct", "कहा", "मिस्बाह", "मिस्बाह")]),
    # the person asked answers: "X से पूछा तो उन्होंने कहा"
    ('सलमान ख़ान ने बात की। मीडिया ने जब इस बारे में कटरीना से पूछा तो उन्होंने कहा, "हां, यह सच है।"',
     [("SPEAKER", "सलमान ख़ान", 0), ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 0), ("QUOTE", "हां, यह सच है।", 0)],
     [("हां, यह सच है।", "direct", "कहा", "उन्होंने", "कटरीना")]),
    # ... and the person told: "X को जानकारी दी तो उन्होंने कहा"
    ('राणा ग़फ़ूर ने घर खोजा। मैंने डॉक्टर क़य्यूम को मकान के बारे में जानकारी दी तो उन्होंने कहा, "घर मिल गया।"',
     [("SPEAKER", "राणा ग़फ़ूर", 0), ("SPEAKER", "क़य्यूम", 0), ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 0),
      ("QUOTE", "घर मिल गया।", 0)],
     [("घर मिल गया।", "direct", "कहा", "उन्होंने", "क़य्यूम")]),
    # ... but not the one spoken to: "बीबीसी से बात करते हुए वह कहते हैं"
    ('किसान ए पी जोशी ने ज़मीन बेची। बीबीसी से बात करते हुए वह कहते हैं, "पैसे ख़त्म हो गए।"',
     [("SPEAKER", "ए पी जोशी", 0), ("SPEAKER", "वह", 0), ("CUE", "कहते", 0), ("QUOTE", "पैसे ख़त्म हो गए।", 0)],
     [("पैसे ख़त्म हो गए।", "direct", "कहते", "वह", "ए पी जोशी")]),
    # words in marks are a QUOTE even where the closing mark is missing (the sentence end inside)
    ("मंत्री हर्षवर्धन ने कहा, ''सरकार किसी भी स्थिति के लिए तैयार है । उन्होंने कहा कि वार्ड बढ़ेंगे ।",
     [("SPEAKER", "हर्षवर्धन", 0), ("CUE", "कहा", 0), ("CLAIM", "सरकार किसी भी स्थिति के लिए तैयार है", 0),
      ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 1), ("CLAIM", "वार्ड बढ़ेंगे", 0)],
     [("सरकार किसी भी स्थिति के लिए तैयार है ।", "direct", "कहा", "हर्षवर्धन", "Harsh Vardhan"),
      ("वार्ड बढ़ेंगे", "indirect", "कहा", "उन्होंने", "Harsh Vardhan")]),
    # ... also with no model span at all, up to the paragraph's end
    ("चेयरमैन संजय भाटिया ने कहा, ‘‘हमने नगर निगम और एक क्रूज से बात की\n\nमुंबई, चार अप्रैल (भाषा) खबर।", [],
     [("हमने नगर निगम और एक क्रूज से बात की", "direct", "कहा", "संजय भाटिया", "संजय भाटिया")]),
    # one quotation in one pair of marks, though the model cut it at an inner "कि"
    ('उन्होंने कहा, "मेरा मानना है कि हमने निराशा देखी है।" फिर बैठक हुई।',
     [("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 0), ("QUOTE", "मेरा मानना", 0), ("QUOTE", "हमने निराशा देखी है।", 0)],
     [("मेरा मानना है कि हमने निराशा देखी है।", "direct", "कहा", "उन्होंने", "उन्होंने")]),
    # the agent ने marks outranks a nearer name in the genitive, and an object never speaks
    ("भाजपा नेता गिरिराज सिंह ने भाषण में नरेंद्र मोदी के विरोधियों को निशाना बनाया और कहा था कि वे देश छोड़ें।",
     [("SPEAKER", "गिरिराज सिंह", 0), ("SPEAKER", "नरेंद्र मोदी", 0), ("CUE", "कहा", 0), ("CLAIM", "वे देश छोड़ें", 0)],
     [("वे देश छोड़ें", "indirect", "कहा", "गिरिराज सिंह", "गिरिराज सिंह")]),
    ("इससे पहले अन्ना हजारे अरविंद केजरीवाल के बारे में कह चुके हैं कि वे ईमानदार हैं।",
     [("SPEAKER", "अन्ना हजारे", 0), ("SPEAKER", "अरविंद केजरीवाल", 0), ("CUE", "कह", 0), ("CLAIM", "वे ईमानदार हैं", 0)],
     [("वे ईमानदार हैं", "indirect", "कह", "अन्ना हजारे", "अन्ना हजारे")]),
    # a cue word ending the sentence of a partial quotation, with no model cue; the speaker is in
    # that sentence, not a registry name opening the next line
    ('जयशंकर ने हेगसेथ से मुलाकात की। उन्होंने इसे संबंधों के "सबसे महत्वपूर्ण स्तंभों" में से एक बताया।\nपेंटागन में बैठक हुई।',
     [("SPEAKER", "उन्होंने", 0), ("QUOTE", "सबसे महत्वपूर्ण स्तंभों", 0)],
     [("सबसे महत्वपूर्ण स्तंभों", "partial", "बताया", "उन्होंने", "S. Jaishankar")]),
    # a quotation never closed ends where the next one is introduced ("कहा, 'वे … थे । उन्होंने बताया, '…'")
    ("डॉक्टर ने बताया कि वह बीमार थे । उन्होंने कहा, 'वे इंसुलिन पर थे । उनके पास पैसे नहीं थे । उन्होंने बताया, "
     "'उन्हें बुखार था । हम रिपोर्ट का इंतजार कर रहे हैं ।'\n\nखबर।",
     [("SPEAKER", "डॉक्टर", 0), ("CUE", "बताया", 0), ("CLAIM", "वह बीमार थे", 0),
      ("SPEAKER", "उन्होंने", 0), ("CUE", "कहा", 0),
      ("QUOTE", "वे इंसुलिन पर थे । उनके पास पैसे नहीं थे । उन्होंने बताया, 'उन्हें बुखार था । हम रिपोर्ट का इंतजार कर रहे हैं ।", 0),
      ("SPEAKER", "उन्होंने", 1), ("CUE", "बताया", 1)],
     [("वह बीमार थे", "indirect", "बताया", "डॉक्टर", "डॉक्टर"),
      ("वे इंसुलिन पर थे । उनके पास पैसे नहीं थे ।", "direct", "कहा", "उन्होंने", "डॉक्टर"),
      ("उन्हें बुखार था । हम रिपोर्ट का इंतजार कर रहे हैं ।", "direct", "बताया", "उन्होंने", "डॉक्टर")]),
    # a quotation never closed ends at its line's end, however far the model let it run
    ("आयोग ने एक बयान में कहा, ''आयोग ने संज्ञान लिया है और वह जांच करेगा\nनयी दिल्ली, 18 अप्रैल (भाषा) बैठक हुई ।",
     [("SPEAKER", "आयोग", 0), ("CUE", "कहा", 0),
      ("QUOTE", "आयोग ने संज्ञान लिया है और वह जांच करेगा\nनयी दिल्ली, 18 अप्रैल (भाषा) बैठक हुई", 0)],
     [("आयोग ने संज्ञान लिया है और वह जांच करेगा", "direct", "कहा", "आयोग", "आयोग")]),
    # "के मुताबिक <words>" without marks is reported speech, whatever label the model gave it
    ("मंत्रालय के मुताबिक अब तक 8356 केस मिले हैं ।",
     [("SPEAKER", "मंत्रालय", 0), ("CUE", "के मुताबिक", 0), ("QUOTE", "अब तक 8356 केस मिले हैं ।", 0)],
     [("अब तक 8356 केस मिले हैं", "indirect", "के मुताबिक", "मंत्रालय", "मंत्रालय")]),
    # a bracketed abbreviation stays out of the name, and later stands for it
    ("चीन के राष्ट्रीय स्वास्थ्य आयोग (एनएचसी) ने कहा कि 30 लोगों की मौत हुई । एनएचसी ने बताया कि 143 नए मामले मिले ।", [],
     [("30 लोगों की मौत हुई", "indirect", "कहा", "चीन के राष्ट्रीय स्वास्थ्य आयोग", "चीन के राष्ट्रीय स्वास्थ्य आयोग"),
      ("143 नए मामले मिले", "indirect", "बताया", "एनएचसी", "चीन के राष्ट्रीय स्वास्थ्य आयोग")]),
    # a surname before the fuller name is written (a caption after the body)
    ("अग्रवाल ने बताया कि देश में 7447 केस हैं । प्रेस वार्ता में संयुक्त सचिव लव अग्रवाल ने बताया कि जांच बढ़ी है ।",
     [("SPEAKER", "अग्रवाल", 0), ("SPEAKER", "लव अग्रवाल", 0), ("CUE", "बताया", 0), ("CLAIM", "देश में 7447 केस हैं", 0),
      ("CUE", "बताया", 1), ("CLAIM", "जांच बढ़ी है", 0)],
     [("देश में 7447 केस हैं", "indirect", "बताया", "अग्रवाल", "Lav Agarwal"),
      ("जांच बढ़ी है", "indirect", "बताया", "लव अग्रवाल", "Lav Agarwal")]),
    # "X की ओर से कहा गया": X speaks; a headline "X बोला- …": the subject right before the cue
    ("भारत ने संदेश दिया है । वहीं, सूत्रों की ओर से कहा गया है कि किट की जांच होगी ।", [],
     [("किट की जांच होगी", "indirect", "कहा गया", "सूत्रों", "सूत्रों")]),
    # a title written with a surname goes on to the fuller name
    ("मुख्यमंत्री कमलनाथ शुक्ला ने बैठक की । बाद में मुख्यमंत्री शुक्ला अस्पताल गए । मुख्यमंत्री ने कहा कि लोग घर में रहें ।",
     [("SPEAKER", "कमलनाथ शुक्ला", 0), ("SPEAKER", "शुक्ला", 1), ("SPEAKER", "मुख्यमंत्री", 2), ("CUE", "कहा", 0),
      ("CLAIM", "लोग घर में रहें", 0)],
     [("लोग घर में रहें", "indirect", "कहा", "मुख्यमंत्री", "कमलनाथ शुक्ला")]),
    # a body of another country is not the registry's Indian one
    ("ईरान के स्वास्थ्य मंत्रालय ने कहा कि हॉस्टल खाली होंगे ।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय", 0), ("CUE", "कहा", 0), ("CLAIM", "हॉस्टल खाली होंगे", 0)],
     [("हॉस्टल खाली होंगे", "indirect", "कहा", "ईरान के स्वास्थ्य मंत्रालय", "ईरान के स्वास्थ्य मंत्रालय")]),
    # a headline "<claim> : <speaker>" with no cue and no model span; only its last sentence
    ("- राज्य में 82 नए केस सामने आए हैं ।अब राज्य में कुल संख्या बढ़कर 2064 हुई: महाराष्ट्र स्वास्थ्य विभाग\n\nखबर विस्तार से।", [],
     [("अब राज्य में कुल संख्या बढ़कर 2064 हुई", "indirect", None, "महाराष्ट्र स्वास्थ्य विभाग", "महाराष्ट्र स्वास्थ्य विभाग")]),
    # headlines: "<claim>, X ने दी जानकारी", "… बोले X, <claim>", "<claim>: <a registry name>"
    ("भारत में 80 फीसदी मामलों में नहीं दिखे लक्षण, आईसीएमआर ने दी जानकारी\nखबर विस्तार से।", [],
     [("भारत में 80 फीसदी मामलों में नहीं दिखे लक्षण", "indirect", None, "आईसीएमआर", "Indian Council of Medical Research")]),
    ("कोरोना वायरस: सर्वदलीय बैठक में बोले पीएम नरेंद्र मोदी, मौजूदा हालात सोशल इमर्जेंसी जैसे\nखबर विस्तार से।", [],
     [("मौजूदा हालात सोशल इमर्जेंसी जैसे", "indirect", None, "नरेंद्र मोदी", "Narendra Modi")]),
    ("मरकज से निकाले गए 500 लोगों में कोरोना के लक्षण: केजरीवाल\nखबर विस्तार से।", [],
     [("मरकज से निकाले गए 500 लोगों में कोरोना के लक्षण", "indirect", None, "केजरीवाल", "Arvind Kejriwal")]),
    # a clause after "X ने बताया" with neither कि nor marks
    ("गुजरात स्वास्थ्य विभाग ने बताया गुजरात में आज 5 और लोगों की मौत हो गयी. राज्य में 1376 मामले हैं.", [],
     [("गुजरात में आज 5 और लोगों की मौत हो गयी", "indirect", "बताया", "गुजरात स्वास्थ्य विभाग", "गुजरात स्वास्थ्य विभाग")]),
    # ... also on the line after a subheading "X ने कहा": reported, not quoted
    ("स्वास्थ्य मंत्रालय ने कहा\nकल से आज तक 491 लोग ठीक हुए हैं, कुल संख्या 4748 हुई ।\nखबर।", [],
     [("कल से आज तक 491 लोग ठीक हुए हैं, कुल संख्या 4748 हुई", "indirect", "कहा", "स्वास्थ्य मंत्रालय",
       "Ministry of Health and Family Welfare (India)")]),
    # ... but a dateline or a place heading is no headline claim
    ("गुजरात: आज 256 नए मामले मिले\nनई दिल्ली, 18 अप्रैल (भाषा) खबर।", [], []),
    # a partial quotation's own verb right after its closing mark is its cue, not the next "कहा"
    ('अमेरिकी विदेश विभाग ने बयान में भारत को "अमेरिका के लिए अत्यंत महत्वपूर्ण" बताते हुए कहा कि दोनों देश साथ हैं।',
     [("SPEAKER", "अमेरिकी विदेश विभाग", 0), ("QUOTE", "अमेरिका के लिए अत्यंत महत्वपूर्ण", 0), ("CUE", "कहा", 0),
      ("CLAIM", "दोनों देश साथ हैं", 0)],
     [("अमेरिका के लिए अत्यंत महत्वपूर्ण", "partial", "बताते हुए", "अमेरिकी विदेश विभाग", "US State Department"),
      ("दोनों देश साथ हैं", "indirect", "कहा", "अमेरिकी विदेश विभाग", "US State Department")]),
    # "चीफ" is a title: it stands for the name written with it
    ("डब्ल्यूएचओ चीफ टी बी गेब्रेयेसस ने बैठक की । WHO चीफ ने कहा कि वैक्सीन बनेगी ।",
     [("SPEAKER", "टी बी गेब्रेयेसस", 0), ("SPEAKER", "WHO चीफ", 0), ("CUE", "कहा", 0), ("CLAIM", "वैक्सीन बनेगी", 0)],
     [("वैक्सीन बनेगी", "indirect", "कहा", "WHO चीफ", "टी बी गेब्रेयेसस")]),
    # "X सहित कई Y ने": X speaks first
    ("मौलवी मुफ्ती मुकर्रम सहित कई धर्मगुरुओं ने अपील की है कि लोग घर पर नमाज पढ़ें ।",
     [("SPEAKER", "मौलवी मुफ्ती मुकर्रम सहित कई धर्मगुरुओं", 0), ("CUE", "अपील की", 0), ("CLAIM", "लोग घर पर नमाज पढ़ें", 0)],
     [("लोग घर पर नमाज पढ़ें", "indirect", "अपील की", "मौलवी मुफ्ती मुकर्रम", "मौलवी मुफ्ती मुकर्रम")]),
    # a relation written before a name is left out like a title
    ("राज कपूर की बेटी ऋतु नंदा बताती हैं कि पिता सख्त थे ।", [],
     [("पिता सख्त थे", "indirect", "बताती", "ऋतु नंदा", "ऋतु नंदा")]),
    # a subheading that is one quotation is the quotation of the speaker below it; a quotation inside
    # a line of narration is not a subheading
    ("पिछले दिनों मामले बढ़े ।\n'देश को एक करोड़ टेबलेट की जरूरत'\nसंयुक्त सचिव लव अग्रवाल ने बताया कि देश में दवा है ।\n"
     "लोग बोले 'घर जाना है' और चले गए ।",
     [("SPEAKER", "लव अग्रवाल", 0), ("CUE", "बताया", 0), ("CLAIM", "देश में दवा है", 0)],
     [("देश को एक करोड़ टेबलेट की जरूरत", "direct", None, "लव अग्रवाल", "Lav Agarwal"),
      ("देश में दवा है", "indirect", "बताया", "लव अग्रवाल", "Lav Agarwal")]),
    # "according to" a schedule, a rule or a need is no source; "according to" figures is
    ("बोर्ड की परीक्षाएं निर्धारित कार्यक्रम के अनुसार आयोजित की जाएंगी। मंत्रालय के आंकड़ों के अनुसार 20 मामले सामने आए हैं।", [],
     [("20 मामले सामने आए हैं", "indirect", "के अनुसार", "मंत्रालय के आंकड़ों", "मंत्रालय")]),
    # a name in marks before "ने" is the agent, not a quotation; information "received" is no source
    ("सरकारी समाचार एजेंसी 'शिन्हुआ' ने बताया कि 20 लोग मरे। प्राप्त खबर के अनुसार दुकानें बंद रहेंगी।",
     [("QUOTE", "शिन्हुआ", 0)], [("20 लोग मरे", "indirect", "बताया", "शिन्हुआ", "शिन्हुआ")]),
    # headline "X का <noun>- <claim>": a claim of X with the noun as cue; not the noun elsewhere
    ("नोएडा के डीएम का आदेश- किराएदारों से किराया मांगा तो होगी जेल\nसरकार के आदेश का पालन करें।", [],
     [("किराएदारों से किराया मांगा तो होगी जेल", "indirect", "आदेश", "नोएडा के डीएम", "नोएडा के डीएम")]),
    # one person's name spelt two ways in one article goes to the first spelling, whether the model
    # marked it (ब/व) or not (words run together); the pronoun after it follows
    ("जिलाधिकारी कौशलराज शर्मा ने बैठक की। कौशल राज शर्मा ने कहा कि बॉर्डर सील रहेंगे। उन्होंने कहा कि दुकानें खुलेंगी।",
     [("SPEAKER", "कौशल राज शर्मा", 0), ("SPEAKER", "उन्होंने", 0)],
     [("बॉर्डर सील रहेंगे", "indirect", "कहा", "कौशल राज शर्मा", "कौशलराज शर्मा"),
      ("दुकानें खुलेंगी", "indirect", "कहा", "उन्होंने", "कौशलराज शर्मा")]),
    ("हिमंत बिस्वा सरमा ने कहा कि जांच होगी। हिमंत विस्वा सरमा ने बताया कि आठ मरीज मिले।",
     [("SPEAKER", "हिमंत बिस्वा सरमा", 0), ("SPEAKER", "हिमंत विस्वा सरमा", 0)],
     [("जांच होगी", "indirect", "कहा", "हिमंत बिस्वा सरमा", "हिमंत बिस्वा सरमा"),
      ("आठ मरीज मिले", "indirect", "बताया", "हिमंत विस्वा सरमा", "हिमंत बिस्वा सरमा")]),
    # a person the rules found speaking after a title is the one the title stands for later
    ("झारखंड सरकार के मुख्य सचिव डीके तिवारी ने कहा है कि ट्रेनें न आएं। मुख्य सचिव ने लिखा है कि खतरा बढ़ रहा है।", [],
     [("ट्रेनें न आएं", "indirect", "कहा", "डीके तिवारी", "डीके तिवारी"),
      ("खतरा बढ़ रहा है", "indirect", "लिखा", "मुख्य सचिव", "डीके तिवारी")]),
    # a headline's title before anyone is named: the registry holder the body names after it; a
    # determiner pointing back ("इन") is no part of the speaker's name
    ("पीएम का संबोधन: घर से न निकलें\nप्रधानमंत्री नरेंद्र मोदी ने कहा कि संयम रखें। अनुबंध पर रखे गए इन स्वास्थ्यकर्मियों ने कहा कि वेतन मिले।",
     [("SPEAKER", "नरेंद्र मोदी", 0), ("SPEAKER", "इन स्वास्थ्यकर्मियों", 0)],
     [("घर से न निकलें", "indirect", "संबोधन", "पीएम", "Narendra Modi"),
      ("संयम रखें", "indirect", "कहा", "नरेंद्र मोदी", "Narendra Modi"),
      ("वेतन मिले", "indirect", "कहा", "इन स्वास्थ्यकर्मियों", "स्वास्थ्यकर्मियों")]),
    # a headline "<claim> : <speaker>" needs a speaker after the colon, not a clause ending in a body
    ("इन जगहों पर 20 अप्रैल से दी जा सकती है ढील, कल दिशा-निर्देश जारी करेगी सरकार\n"
     "दिल्ली में संक्रमितों की संख्या 120 हुई : स्वास्थ्य मंत्रालय\n", [],
     [("दिल्ली में संक्रमितों की संख्या 120 हुई", "indirect", None, "स्वास्थ्य मंत्रालय",
       "Ministry of Health and Family Welfare (India)")]),
    # a time phrase the model took into the speaker is left out of it
    ("पिछले महीने एयरलाइन ने कहा है कि नियम नहीं बदलेंगे।",
     [("SPEAKER", "पिछले महीने एयरलाइन", 0), ("CUE", "कहा", 0), ("CLAIM", "नियम नहीं बदलेंगे", 0)],
     [("नियम नहीं बदलेंगे", "indirect", "कहा", "एयरलाइन", "एयरलाइन")]),
    # "उन्होंने" after an unnamed body's "सरकार ने …" is not the body (here the workers, never marked:
    # the pronoun stays unresolved rather than wrong)
    ("स्टेशन पहुंचे मजदूरों को पता चला कि सरकार ने रेलवे संचालन बंद करने की घोषणा की है । इस बात से मजदूर भड़क उठे । "
     "उन्होंने मांग की कि उन्हें घर भेजा जाए ।",
     [("SPEAKER", "उन्होंने", 0), ("CUE", "मांग की", 0), ("CLAIM", "उन्हें घर भेजा जाए", 0)],
     [("उन्हें घर भेजा जाए", "indirect", "मांग की", "उन्होंने", "उन्होंने")]),
    # a short title stands for its long form ("डीजीपी" for "पुलिस महानिदेशक सीताराम मरडी"); a registry
    # title with a place ("दिल्ली के सीएम") is its holder the article names later
    ("राज्य के पुलिस महानिदेशक सीताराम मरडी ने बुधवार को इस बारे में बताया । डीजीपी ने कहा कि सीमा सील है ।",
     [("SPEAKER", "सीताराम मरडी", 0), ("SPEAKER", "डीजीपी", 0)],
     [("सीमा सील है", "indirect", "कहा", "डीजीपी", "सीताराम मरडी")]),
    ("रमेश ने राशन बांटा। दिल्ली के सीएम ने कहा कि राशन मिलेगा। बाद में अरविंद केजरीवाल ने बैठक की।",
     [("SPEAKER", "रमेश", 0), ("SPEAKER", "दिल्ली के सीएम", 0), ("SPEAKER", "अरविंद केजरीवाल", 0)],
     [("राशन मिलेगा", "indirect", "कहा", "दिल्ली के सीएम", "Arvind Kejriwal")]),
    # cues the fourth annotation round met: "संकेत दिए", "साफ कर दिया" before a कि-clause
    ("वित्त मंत्री निर्मला सीतारमण ने इस बात के संकेत दिए हैं कि पैकेज जल्द आएगा। सरकार ने साफ कर दिया है कि राशन मिलेगा।", [],
     [("पैकेज जल्द आएगा", "indirect", "संकेत दिए", "निर्मला सीतारमण", "निर्मला सीतारमण"),
      ("राशन मिलेगा", "indirect", "साफ कर दिया", "सरकार", "सरकार")]),
    # a present-tense cue the model did not mark ("मानते हैं कि"): the phrase right before it speaks
    ("अभिनेता रॉजर मूर मानते हैं कि क्रैग बेहतरीन अभिनेता हैं ।", [],
     [("क्रैग बेहतरीन अभिनेता हैं", "indirect", "मानते", "रॉजर मूर", "रॉजर मूर")]),
    # the reporter's own question ("मैंने पूछा कि …") is nobody's statement
    ("रुचि ने काम किया है। मैंने पूछा कि क्या वे भारत में भी काम करेंगी।", [], []),
    # a document for its issuer named with it paragraphs before ("… की ओर से शाम को जारी बुलेटिन",
    # "CDDEP ने … अपनी ताजा रिपोर्ट में"); "इसमें" for the source quoted last; what figures count
    # ("मौत के आंकड़ों") is no issuer
    ("स्वास्थ्य विभाग की ओर से शाम को जारी बुलेटिन में 19 नए मामले दर्ज हैं। मौतें आगरा में हुईं।\n\n"
     "बुलेटिन में बताया गया कि 45 लोग ठीक हुए हैं।",
     [("SPEAKER", "स्वास्थ्य विभाग", 0), ("SPEAKER", "बुलेटिन", 1), ("CUE", "बताया", 0),
      ("CLAIM", "45 लोग ठीक हुए हैं", 0)],
     [("45 लोग ठीक हुए हैं", "indirect", "बताया", "बुलेटिन", "स्वास्थ्य विभाग")]),
    ("CDDEP ने अपनी ताजा रिपोर्ट में भविष्यवाणी की है। लॉकडाउन जारी है। मरीज बढ़े हैं।\n\n"
     "रिपोर्ट में कहा गया है कि मामले बढ़ेंगे।",
     [("SPEAKER", "CDDEP", 0), ("SPEAKER", "रिपोर्ट", 1), ("CUE", "कहा गया", 0), ("CLAIM", "मामले बढ़ेंगे", 0)],
     [("मामले बढ़ेंगे", "indirect", "कहा गया", "रिपोर्ट", "CDDEP")]),
    ("एसबीआई अर्थशास्त्रियों के अनुसार नीतियां बेहतर हैं। हालांकि इसमें यह भी कहा गया है कि कोई मानक नहीं है।",
     [("SPEAKER", "एसबीआई अर्थशास्त्रियों", 0), ("CUE", "के अनुसार", 0), ("CLAIM", "नीतियां बेहतर हैं", 0),
      ("SPEAKER", "इसमें", 0), ("CUE", "कहा गया", 0), ("CLAIM", "कोई मानक नहीं है", 0)],
     [("नीतियां बेहतर हैं", "indirect", "के अनुसार", "एसबीआई अर्थशास्त्रियों", "एसबीआई अर्थशास्त्रियों"),
      ("कोई मानक नहीं है", "indirect", "कहा गया", "इसमें", "एसबीआई अर्थशास्त्रियों")]),
    ("मौत के आंकड़ों में गिरावट है। संक्रमण फैल चुका है।\n\nताजा आंकड़ों के अनुसार 5865 लोग संक्रमित हैं।",
     [("SPEAKER", "आंकड़ों", 1), ("CUE", "के अनुसार", 0), ("CLAIM", "5865 लोग संक्रमित हैं", 0)],
     [("5865 लोग संक्रमित हैं", "indirect", "के अनुसार", "आंकड़ों", "आंकड़ों")]),
    # a post for the person the article names with the same post elsewhere, not for another state's
    ("एम्स के निदेशक ने बताया कि शव सौंप दिया गया है। वह कतर से लौटा था। "
     "एम्स निदेशक डॉ. प्रभात कुमार सिंह ने बताया कि किडनी फेल हुई थी।",
     [("SPEAKER", "एम्स के निदेशक", 0), ("SPEAKER", "प्रभात कुमार सिंह", 0)],
     [("शव सौंप दिया गया है", "indirect", "बताया", "एम्स के निदेशक", "प्रभात कुमार सिंह"),
      ("किडनी फेल हुई थी", "indirect", "बताया", "प्रभात कुमार सिंह", "प्रभात कुमार सिंह")]),
    ("हिमाचल के डीजीपी ने कहा कि 167 लोग अलग रखे गए। गुजरात के डीजीपी शिवानंद झा ने बताया कि 72 लोग शामिल थे।",
     [("SPEAKER", "हिमाचल के डीजीपी", 0), ("SPEAKER", "शिवानंद झा", 0)],
     [("167 लोग अलग रखे गए", "indirect", "कहा", "हिमाचल के डीजीपी", "हिमाचल के डीजीपी"),
      ("72 लोग शामिल थे", "indirect", "बताया", "शिवानंद झा", "शिवानंद झा")]),
    # a speaker the model cut inside a registry name takes the whole name; "योगी" is the registry's
    ("स्वास्थ्य और परिवार कल्याण मंत्रालय के मुताबिक, 508 नए मामले आए। योगी ने कहा कि सब घर में रहें।",
     [("SPEAKER", "परिवार कल्याण मंत्रालय", 0), ("CUE", "के मुताबिक", 0), ("CLAIM", "508 नए मामले आए", 0)],
     [("508 नए मामले आए", "indirect", "के मुताबिक", "स्वास्थ्य और परिवार कल्याण मंत्रालय",
       "Ministry of Health and Family Welfare (India)"),
      ("सब घर में रहें", "indirect", "कहा", "योगी", "Yogi Adityanath")]),
    # "आदेश में यह भी कहा गया है": the order the passive cue reads from, issued by the person who
    # "ने आदेश जारी किया" before
    ("जिलाधिकारी बीएन सिंह ने आदेश जारी किया है कि किराया नहीं मांगा जाएगा ।\n\n"
     "आदेश में यह भी कहा गया है कि उल्लंघन पर सजा होगी ।",
     [("CUE", "कहा गया", 0), ("CLAIM", "उल्लंघन पर सजा होगी", 0)],
     [("किराया नहीं मांगा जाएगा", "indirect", "आदेश जारी किया", "बीएन सिंह", "बीएन सिंह"),
      ("उल्लंघन पर सजा होगी", "indirect", "कहा गया", "आदेश", "बीएन सिंह")]),
    # a cue with no subject of its own: the agent two sentences back; an ongoing cue's unmarked
    # subject opening its sentence; "कहा जा रहा है" is said by nobody in particular
    ("उद्धव ठाकरे ने किया प्रेस कॉन्फ्रेंस. पुलिसकर्मियों को दी श्रद्धांजलि. कहा कि मजदूर धैर्य रखें.",
     [("CUE", "कहा", 0), ("CLAIM", "मजदूर धैर्य रखें", 0)],
     [("मजदूर धैर्य रखें", "indirect", "कहा", "उद्धव ठाकरे", "Uddhav Thackeray")]),
    ("बाजार बंद हैं । सरकार लगातार लोगों को जागरूक कर रही है और यह भी कह रही है कि लक्षण छिपाएं नहीं ।",
     [("CUE", "कह", 0), ("CLAIM", "लक्षण छिपाएं नहीं", 0)],
     [("लक्षण छिपाएं नहीं", "indirect", "कह", "सरकार", "सरकार")]),
    ("बाजार बंद हैं । विशेषज्ञ भी चिंतित हैं और कहा जा रहा है कि मामले बढ़ेंगे ।",
     [("CUE", "कहा", 0), ("CLAIM", "मामले बढ़ेंगे", 0)],
     [("मामले बढ़ेंगे", "indirect", "कहा", None, None)]),
    # "X के मुताबिक Y ने": Y's phrase starts after the source, and a report "X में छपी" is X's; an
    # issuer cut at "और" is the registry name it is part of; PTI's Hindi service is PTI
    ("बिजनसलाइन में छपी रिपोर्ट के मुताबिक CDDEP ने जारी की गई अपनी रिपोर्ट में भविष्यवाणी की है ।\n"
     "रिपोर्ट में कहा गया है कि मामले बढ़ेंगे ।",
     [("SPEAKER", "रिपोर्ट", 2), ("CUE", "कहा गया", 0), ("CLAIM", "मामले बढ़ेंगे", 0)],
     [("CDDEP ने जारी की गई अपनी रिपोर्ट में भविष्यवाणी की है", "indirect", "के मुताबिक", "रिपोर्ट", "बिजनसलाइन"),
      ("मामले बढ़ेंगे", "indirect", "कहा गया", "रिपोर्ट", "CDDEP")]),
    ("स्वास्थ्य और परिवार कल्याण मंत्रालय द्वारा जारी आंकड़े के अनुसार 4 लोगों की मौत हुई है ।",
     [("SPEAKER", "आंकड़े", 0), ("CUE", "के अनुसार", 0), ("CLAIM", "4 लोगों की मौत हुई है", 0)],
     [("4 लोगों की मौत हुई है", "indirect", "के अनुसार", "आंकड़े", "Ministry of Health and Family Welfare (India)")]),
    ("‘पीटीआई-भाषा' द्वारा तैयार की गई तालिका के मुताबिक 20 राज्यों में मामले हैं ।",
     [("SPEAKER", "तालिका", 0), ("CUE", "के मुताबिक", 0), ("CLAIM", "20 राज्यों में मामले हैं", 0)],
     [("20 राज्यों में मामले हैं", "indirect", "के मुताबिक", "तालिका", "Press Trust of India")]),
    # a person's post and body in brackets before "ने": the person speaks, not the body
    ("सलून का जिक्र करते हुए पुण्य सलिला श्रीवास्तव (जॉइंट सेक्रेटरी, गृह मंत्रालय) ने कहा कि सलून बंद रहेंगे।",
     [("SPEAKER", "गृह मंत्रालय", 0), ("CUE", "कहा", 0), ("CLAIM", "सलून बंद रहेंगे", 0)],
     [("सलून बंद रहेंगे", "indirect", "कहा", "पुण्य सलिला श्रीवास्तव", "पुण्य सलिला श्रीवास्तव")]),
    # a pronoun after "पेटीएम के विजय शेखर ने …" is the person after the genitive, not the speaker before
    ("आनंद महिंद्रा ने कहा कि वेंटिलेटर बनाएंगे । पेटीएम के विजय शेखर ने भी मदद का ऐलान किया । "
     "उन्होंने ट्वीट कर बताया कि कंपनी पांच करोड़ देगी ।",
     [("SPEAKER", "आनंद महिंद्रा", 0), ("CUE", "कहा", 0), ("CLAIM", "वेंटिलेटर बनाएंगे", 0), ("SPEAKER", "उन्होंने", 0),
      ("CUE", "बताया", 0), ("CLAIM", "कंपनी पांच करोड़ देगी", 0)],
     [("वेंटिलेटर बनाएंगे", "indirect", "कहा", "आनंद महिंद्रा", "आनंद महिंद्रा"),
      ("कंपनी पांच करोड़ देगी", "indirect", "बताया", "उन्होंने", "विजय शेखर")]),
    # a term or two in marks that nobody is said to have said is no quotation; one a speaker used is
    ("एक्यूआई 51-100 के बीच 'संतोषजनक', 101-200 के बीच 'बहुत खराब' माना जाता है ।",
     [("QUOTE", "संतोषजनक", 0), ("QUOTE", "बहुत खराब", 0)], []),
    ("मंत्री रमेश यादव ने घटना को 'बेहद शर्मनाक' बताया ।",
     [("SPEAKER", "रमेश यादव", 0), ("QUOTE", "बेहद शर्मनाक", 0)],
     [("बेहद शर्मनाक", "partial", "बताया", "रमेश यादव", "रमेश यादव")]),
    # one word in marks before a case ending is a name ("'अग्निपथ' की"); two can be a partial quotation
    ("करण मल्होत्रा ने कहा कि वे नई फिल्म बनाएंगे । 'अग्निपथ' की सफलता के बाद वे खुश हैं ।",
     [("SPEAKER", "करण मल्होत्रा", 0), ("CUE", "कहा", 0), ("CLAIM", "वे नई फिल्म बनाएंगे", 0),
      ("QUOTE", "अग्निपथ", 0)],
     [("वे नई फिल्म बनाएंगे", "indirect", "कहा", "करण मल्होत्रा", "करण मल्होत्रा")]),
    ("सोनिया गांधी ने 'लोकतांत्रिक मूल्यों' की रक्षा की अपील की ।",
     [("SPEAKER", "सोनिया गांधी", 0), ("QUOTE", "लोकतांत्रिक मूल्यों", 0)],
     [("लोकतांत्रिक मूल्यों", "partial", "अपील की", "सोनिया गांधी", "सोनिया गांधी")]),
    # a cue with no subject after "X से बात की तो": the person spoken with answers
    ("संक्रमित लोगों में से एक व्यक्ति से जब बात की गई तो बताया कि जांच नहीं हुई ।", [],
     [("जांच नहीं हुई", "indirect", "बताया", "एक व्यक्ति", "एक व्यक्ति")]),
    # ongoing and habitual cues before a कि-clause the model did not mark
    ("वैज्ञानिक उम्मीद जता रहे हैं कि इस साल वैक्सीन बनेगी ।", [],
     [("इस साल वैक्सीन बनेगी", "indirect", "उम्मीद जता", "वैज्ञानिक", "वैज्ञानिक")]),
    ("प्रभात खबर लगातार लोगों से अपील करता आया है कि अफवाहों से बचें ।", [],
     [("अफवाहों से बचें", "indirect", "अपील", "प्रभात खबर", "प्रभात खबर")]),
    # a headline's speaker between "बोले" and the quotation
    ("2. कोविड-19 पर बोले धनबाद DC- यकीन रखिए, पूरा इंतजाम है\n",
     [("CUE", "बोले", 0), ("CLAIM", "यकीन रखिए, पूरा इंतजाम है", 0)],
     [("यकीन रखिए, पूरा इंतजाम है", "indirect", "बोले", "धनबाद DC", "धनबाद DC")]),
    # a first name spelt another way stands for the fuller name ("हैकन" for "हैकेन बाकर")
    ("शिक्षिका हैकेन बाकर ने कहा कि तकनीक जरूरी है। हैकन कहती हैं कि बच्चे जल्दी सीखते हैं।",
     [("SPEAKER", "हैकेन बाकर", 0), ("SPEAKER", "हैकन", 0)],
     [("तकनीक जरूरी है", "indirect", "कहा", "हैकेन बाकर", "हैकेन बाकर"),
      ("बच्चे जल्दी सीखते हैं", "indirect", "कहती", "हैकन", "हैकेन बाकर")]),
    # a post stands for the latest person written with that post, or with none; not for a person
    # written with another post ("भोपाल के कलेक्टर" is not the "दिल्ली पुलिस आयुक्त")
    ("भोपाल के कलेक्टर तरुम पिथोडे ने बताया कि 36 लोग मिले । दिल्ली पुलिस आयुक्त ने जानकारी दी है कि मामला दर्ज हुआ ।",
     [("SPEAKER", "तरुम पिथोडे", 0), ("SPEAKER", "दिल्ली पुलिस आयुक्त", 0)],
     [("36 लोग मिले", "indirect", "बताया", "तरुम पिथोडे", "तरुम पिथोडे"),
      ("मामला दर्ज हुआ", "indirect", "जानकारी दी", "दिल्ली पुलिस आयुक्त", "दिल्ली पुलिस आयुक्त")]),
    ("ये निर्देश मंडलायुक्त सुभाष शर्मा ने बैठक में दिए । बैठक में मंडलायुक्त ने कहा कि बिजली मिलती रहे ।",
     [("SPEAKER", "सुभाष शर्मा", 0), ("SPEAKER", "मंडलायुक्त", 1)],
     [("बिजली मिलती रहे", "indirect", "कहा", "मंडलायुक्त", "सुभाष शर्मा")]),
    ("डब्ल्यूएचओ चीफ टी बी गेब्रेयेसस ने कहा कि काम जारी है । डब्ल्यूएचओ महानिदेशक ने कहा कि वक्त लगेगा ।",
     [("SPEAKER", "टी बी गेब्रेयेसस", 0), ("SPEAKER", "डब्ल्यूएचओ महानिदेशक", 0)],
     [("काम जारी है", "indirect", "कहा", "टी बी गेब्रेयेसस", "टी बी गेब्रेयेसस"),
      ("वक्त लगेगा", "indirect", "कहा", "डब्ल्यूएचओ महानिदेशक", "टी बी गेब्रेयेसस")]),
    # "कंपनी" is the latest name that can be a company: not the ministry quoted before it, not a
    # description ("दुनिया की प्रमुख ऑनलाइन खुदरा कंपनी"), not a person written with a post
    ("स्वास्थ्य मंत्रालय के अनुसार 562 मामले हैं । एमजी मोटर ने अनुदान का ऐलान किया । कंपनी ने कहा कि एक करोड़ खुद देगी ।",
     [("SPEAKER", "स्वास्थ्य मंत्रालय", 0), ("CUE", "के अनुसार", 0), ("CLAIM", "562 मामले हैं", 0),
      ("SPEAKER", "एमजी मोटर", 0), ("SPEAKER", "कंपनी", 0)],
     [("562 मामले हैं", "indirect", "के अनुसार", "स्वास्थ्य मंत्रालय", "Ministry of Health and Family Welfare (India)"),
      ("एक करोड़ खुद देगी", "indirect", "कहा", "कंपनी", "एमजी मोटर")]),
    ("इंडिगो की दैनिक बुकिंग घटी । मंत्री रमेश यादव ने उड़ानें रोकीं । कंपनी ने कहा कि घाटा होगा ।",
     [("SPEAKER", "इंडिगो", 0), ("SPEAKER", "रमेश यादव", 0), ("SPEAKER", "कंपनी", 0)],
     [("घाटा होगा", "indirect", "कहा", "कंपनी", "इंडिगो")]),
    # "इनका कहना है" after "<place> के <name> <work> हैं": the person introduced there, known by the
    # family name that ends the name, though the model marked nobody; not a late person ("स्वर्गीय")
    ("मसौढ़ी के मंटू कुमार ने बताया कि काम नहीं मिल रहा । नालंदा के मुकेश कुमार प्लम्बर मिस्त्री हैं । "
     "इनका कहना है कि 15 दिनों से बैठे हैं ।",
     [("SPEAKER", "मंटू कुमार", 0), ("SPEAKER", "इनका", 0)],
     [("काम नहीं मिल रहा", "indirect", "बताया", "मंटू कुमार", "मंटू कुमार"),
      ("15 दिनों से बैठे हैं", "indirect", "कहना", "इनका", "मुकेश कुमार")]),
    ("मंत्री रमेश यादव ने बताया कि पुल बनेगा । स्वर्गीय राजेश्वरी सिंह इसी गांव में रहती थीं । उन्होंने कहा कि काम जल्द होगा ।",
     [("SPEAKER", "रमेश यादव", 0), ("SPEAKER", "उन्होंने", 0)],
     [("पुल बनेगा", "indirect", "बताया", "रमेश यादव", "रमेश यादव"),
      ("काम जल्द होगा", "indirect", "कहा", "उन्होंने", "रमेश यादव")]),
    # a headline "… बोले <title>, <claim>" that the model took whole from the title: the claim after
    # the comma, said by the title's holder named in the body ("डिप्टी सीएम" is "उप मुख्यमंत्री")
    ("महराजगंज में बोले डिप्टी सीएम, दिल्ली हिंसा गहरी साजिश का नतीजा\n\nइसकी जांच एजेंसियां कर रही हैं । "
     "प्रदेश के उप मुख्यमंत्री केशव प्रसाद मौर्य ने जनसभा को संबोधित किया ।",
     [("CUE", "बोले", 0), ("CLAIM", "डिप्टी सीएम, दिल्ली हिंसा गहरी साजिश का नतीजा", 0), ("SPEAKER", "केशव प्रसाद मौर्य", 0)],
     [("दिल्ली हिंसा गहरी साजिश का नतीजा", "indirect", "बोले", "डिप्टी सीएम", "केशव प्रसाद मौर्य")]),
    # "के मुताबिक़" with its nukta, decomposed or precomposed, heads a claim as "के मुताबिक" does;
    # "'इंडिपेंडेंट' अख़बार" is the paper named in marks
    ("स्कूल बंद है.पुलिस के मुताबिक\u093c बंदूकधारी ने एक शिक्षक को मारा.",
     [], [("बंदूकधारी ने एक शिक्षक को मारा", "indirect", "के मुताबिक\u093c", "पुलिस", "पुलिस")]),
    ("राहत पहुंची है. स्थानीय अधिकारियों के मुताबि\u0958 मरने वालों की तादाद बढ़ सकती है.",
     [], [("मरने वालों की तादाद बढ़ सकती है", "indirect", "के मुताबि\u0958", "स्थानीय अधिकारियों", "स्थानीय अधिकारियों")]),
    # a lexicon cue written with a nukta matches in either encoding, and without it
    ("मंत्री रमेश यादव ने ज़ोर दिया कि सब घर में रहें.", [],
     [("सब घर में रहें", "indirect", "ज़ोर दिया", "रमेश यादव", "रमेश यादव")]),
    ("मंत्री रमेश यादव ने जो\u095cा कि सब घर में रहें.", [],
     [("सब घर में रहें", "indirect", "जो\u095cा", "रमेश यादव", "रमेश यादव")]),
    ("मंत्री रमेश यादव ने जोड\u093cा कि सब घर में रहें.", [],
     [("सब घर में रहें", "indirect", "जोड\u093cा", "रमेश यादव", "रमेश यादव")]),
    ("मंत्री रमेश यादव ने जोर दिया कि सब घर में रहें.", [],
     [("सब घर में रहें", "indirect", "जोर दिया", "रमेश यादव", "रमेश यादव")]),
    ("यह प्रेरणास्रोत रहा है.‘इंडिपेंडेंट’ अख़बार के मुताबिक़ निवासियों के घर टूटे.",
     [], [("निवासियों के घर टूटे", "indirect", "के मुताबिक़", "अख़बार", "इंडिपेंडेंट")]),
    # a BBC body that lost a link mid-sentence ("… का \n\n\n\nयह शब्द …"): the claim the model ended at
    # the gap runs to its sentence's end, and a quotation goes on over the gap to its closing mark;
    # a headline's line break ends its claim
    ("वे बताते हैं कि एक आकलन के मुताबिक अंग्रेजी भाषा का \n\n\n\nयह शब्द ज्यादा बार इस्तेमाल किया गया.सेल्फी चलन में है.",
     [("SPEAKER", "वे", 0), ("CUE", "बताते", 0), ("CLAIM", "एक आकलन के मुताबिक अंग्रेजी भाषा का", 0)],
     [("एक आकलन के मुताबिक अंग्रेजी भाषा का \n\n\n\nयह शब्द ज्यादा बार इस्तेमाल किया गया", "indirect", "बताते", "वे", "वे")]),
    ('रहीमा ने कहा, "मैं एक अनपढ़ \n\n\n\nऔरत हूं. मुझे नहीं पता." फिर वह चुप हो गईं.',
     [("SPEAKER", "रहीमा", 0), ("CUE", "कहा", 0)],
     [("मैं एक अनपढ़ \n\n\n\nऔरत हूं. मुझे नहीं पता.", "direct", "कहा", "रहीमा", "रहीमा")]),
    # "केंद्रीय मंत्री" is not the Prime Minister named since ("पीएम मोदी"; the registry writes his
    # title "प्रधान मंत्री" too), but the minister named before
    ("उड़ानों पर जावड़ेकर ने बताया कि फैसला नहीं हुआ । उन्होंने कहा कि पीएम मोदी ने तैयारी का आदेश दिया था । "
     "केंद्रीय मंत्री ने बताया कि 77 कंपनियां किट बना रही हैं ।",
     [("SPEAKER", "जावड़ेकर", 0), ("SPEAKER", "पीएम मोदी", 0), ("SPEAKER", "केंद्रीय मंत्री", 0)],
     [("फैसला नहीं हुआ", "indirect", "बताया", "जावड़ेकर", "जावड़ेकर"),
      ("पीएम मोदी ने तैयारी का आदेश दिया था", "indirect", "कहा", "उन्होंने", "जावड़ेकर"),
      ("77 कंपनियां किट बना रही हैं", "indirect", "बताया", "केंद्रीय मंत्री", "जावड़ेकर")]),
    # a post for the person written after it though the model marked nobody, not for a group
    # ("उद्यमी"); "कैप्टन" is a post
    ("उद्यमी परेशान हैं । जागरण ने प्रभारी गन्ना मंत्री सुरेश राणा व उद्यमियों के बीच बातचीत कराई । "
     "मंत्री ने आश्वासन दिया कि समस्याएं हल होंगी ।",
     [("SPEAKER", "उद्यमी", 0), ("SPEAKER", "मंत्री", 1)],
     [("समस्याएं हल होंगी", "indirect", "आश्वासन दिया", "मंत्री", "सुरेश राणा")]),
    ("पंजाब के मुख्यमंत्री कैप्टन अमरिंदर सिंह ने कर्फ्यू बढ़ाया । कैप्टन ने कहा कि लोग घर में रहें ।",
     [("SPEAKER", "अमरिंदर सिंह", 0), ("SPEAKER", "कैप्टन", 1)],
     [("लोग घर में रहें", "indirect", "कहा", "कैप्टन", "अमरिंदर सिंह")]),
    # a live blog's "News Update:" label is no clutter: the headline after it is news
    ("देश / Coronavirus News Update: मौलाना साद ने दिल्ली पुलिस से कहा- 'पहले FIR कॉपी दिखाओ\n\nबाकी खबरें",
     [("SPEAKER", "मौलाना साद", 0), ("CUE", "कहा", 0)],
     [("पहले FIR कॉपी दिखाओ", "direct", "कहा", "मौलाना साद", "मौलाना साद")]),
    # a passive cue's agent before "द्वारा"; a document after it is the document rules' ("बयान" for
    # its issuer); a participle before a speaker ("आईं मीडिया रिपोर्ट्स") is not part of it
    ("अंजू के पति को जबलपुर के डाक्टरों द्वारा सलाह दी गई कि वो तत्काल जांच करा लें.", [],
     [("वो तत्काल जांच करा लें", "indirect", "सलाह दी", "जबलपुर के डाक्टरों", "जबलपुर के डाक्टरों")]),
    ("मंत्रालय द्वारा जारी बयान में कहा गया कि आरोपी फरार है.", [],
     [("आरोपी फरार है", "indirect", "कहा गया", "बयान", "मंत्रालय")]),
    ("शनिवार को आईं मीडिया रिपोर्ट्स का कहना है कि मामले बढ़े हैं.", [],
     [("मामले बढ़े हैं", "indirect", "कहना", "मीडिया रिपोर्ट्स", "मीडिया रिपोर्ट्स")]),
    # a quotation in marks after its introduction is one statement, though the model found only the
    # कि-clause of someone it quotes inside it
    ("डेरेक ओ ब्रायन ने ट्वीट किया, ‘‘सरकार हम सब को खतरे में डाल रही है. प्रधानमंत्री ने कहा है कि खुद को "
     "अलग रखें लेकिन संसद चल रही है.’’ इसके बाद सत्र जारी रहा ।",
     [("SPEAKER", "डेरेक ओ ब्रायन", 0), ("CUE", "ट्वीट किया", 0),
      ("CLAIM", "खुद को अलग रखें लेकिन संसद चल रही है", 0)],
     [("सरकार हम सब को खतरे में डाल रही है. प्रधानमंत्री ने कहा है कि खुद को अलग रखें लेकिन संसद चल रही है.",
       "direct", "ट्वीट किया", "डेरेक ओ ब्रायन", "डेरेक ओ ब्रायन")]),
    # "डीजीपी एच.सी. अवस्थी, लखनऊ ने": the person after the post, not the place after the comma the
    # model marked; the bare post later is that person too
    ("वहीं डीजीपी एच.सी. अवस्थी, लखनऊ ने बताया कि हॉटस्पॉट सील होंगे । डीजीपी ने आगे बताया कि सेवाएं जारी रहेंगी ।",
     [("SPEAKER", "लखनऊ", 0), ("CUE", "बताया", 0), ("CLAIM", "हॉटस्पॉट सील होंगे", 0), ("SPEAKER", "डीजीपी", 1)],
     [("हॉटस्पॉट सील होंगे", "indirect", "बताया", "एच.सी. अवस्थी", "एच.सी. अवस्थी"),
      ("सेवाएं जारी रहेंगी", "indirect", "बताया", "डीजीपी", "एच.सी. अवस्थी")]),
    # "X के हवाले से खबर है कि": X is the source; "A ने B के हवाले से … बताया कि": A tells, citing B;
    # "की माने तो" as "की मानें तो"
    ("मिशुस्तीन पॉजिटिव पाये गये हैं. समाचार एजेंसी एएफपी के हवाले से खबर है कि उन्होंने खबर खुद दी है.", [],
     [("उन्होंने खबर खुद दी है", "indirect", "हवाले से खबर", "एएफपी", "Agence France-Presse")]),
    ("एक वेबसाइट ने न्यायिक प्रमुख इब्राहिम रईसी के हवाले से सोमवार को इस संबंध में जानकारी देते हुए बताया कि कैदी रिहा हुए.",
     [("SPEAKER", "इब्राहिम रईसी", 0)],
     [("कैदी रिहा हुए", "indirect", "बताया", "एक वेबसाइट", "एक वेबसाइट")]),
    ("स्थानीय लोगों की माने तो मरीज बाहर घूमता था.", [],
     [("मरीज बाहर घूमता था", "indirect", "माने तो", "स्थानीय लोगों", "स्थानीय लोगों")]),
    # a clause with neither कि nor marks after "उन्होंने बताया" (the agent marker inside the pronoun),
    # after "ने सोमवार को बताया था", after "ने अपने भाषण में कहा,"
    ("मंत्री रमेश यादव ने दौरा किया. उन्\u200dहोंने बताया 49 हजार वेंटिलेटर का ऑर्डर दिया गया है.", [],
     [("49 हजार वेंटिलेटर का ऑर्डर दिया गया है", "indirect", "बताया", "उन्\u200dहोंने", "रमेश यादव")]),
    ("स्वास्थ्य मंत्रालय ने सोमवार को बताया था देश में 15 राज्यों में कोई मामला नहीं है.", [],
     [("देश में 15 राज्यों में कोई मामला नहीं है", "indirect", "बताया", "स्वास्थ्य मंत्रालय",
       "Ministry of Health and Family Welfare (India)")]),
    ("बैठक में प्रधानमंत्री मोदी ने राज्यों से बात की. साथ ही उन्होंने जोर देकर कहा देश की स्थिति आपातकाल जैसी है.", [],
     [("देश की स्थिति आपातकाल जैसी है", "indirect", "कहा", "उन्होंने", "Narendra Modi")]),
    ("प्रधानमंत्री ने अपने भाषण में कहा, 20 अप्रैल तक हर गांव की निगरानी होगी.", [],
     [("20 अप्रैल तक हर गांव की निगरानी होगी", "indirect", "कहा", "प्रधानमंत्री", "प्रधानमंत्री")]),
    # कि misspelt as की after a verb of saying; "मांग की" is the light verb, no complementiser
    ("ग्रामीण जो चौपाल में जमा थे कहते हैं की खेतिहर ज़मीन उनकी जीविका है.", [("SPEAKER", "ग्रामीण", 0), ("CUE", "कहते", 0)],
     [("खेतिहर ज़मीन उनकी जीविका है", "indirect", "कहते", "ग्रामीण", "ग्रामीण")]),
    ("इस सवाल पर अलका का कहना था की फिल्म में मेहनत लगी.", [("SPEAKER", "अलका", 0), ("CUE", "कहना", 0)],
     [("फिल्म में मेहनत लगी", "indirect", "कहना", "अलका", "अलका")]),
    ("किसानों ने प्रदर्शन किया और मांग की उन्हें मुआवजा मिले.", [("SPEAKER", "किसानों", 0)], []),
    # one person spelt two ways is one speaker, under the article's first spelling, even where the
    # model marked only the second
    ("वैज्ञानिक जेन हाल्टन ने नयी जानकारी दी है. चीफ साइंटिस्ट जेन हॉल्टन ने कहा कि शायद वैक्सीन न बने.",
     [("SPEAKER", "जेन हॉल्टन", 0)],
     [("शायद वैक्सीन न बने", "indirect", "कहा", "जेन हॉल्टन", "जेन हाल्टन")]),
    # a title whose holder the article never names stays the title (a 2013 "प्रधानमंत्री" is not the
    # registry's current holder)
    ("प्रधानमंत्री ने कहा कि बातचीत जारी रहेगी।",
     [("SPEAKER", "प्रधानमंत्री", 0), ("CUE", "कहा", 0), ("CLAIM", "बातचीत जारी रहेगी", 0)],
     [("बातचीत जारी रहेगी", "indirect", "कहा", "प्रधानमंत्री", "प्रधानमंत्री")]),
]


@pytest.mark.parametrize("text,spans,expected", RULE_CASES, ids=[c[0][:24] for c in RULE_CASES])
def test_surface_rules_without_model_spans(blank, text, spans, expected):
    assert run(blank, text, spans, rules=True) == expected


@pytest.mark.parametrize("text,spans", [
    ("ये भी पढ़ें:-मोदी ने कहा कि देश तैयार है\n", [("SPEAKER", "मोदी", 0), ("CUE", "कहा", 0), ("CLAIM", "देश तैयार है", 0)]),
    ("जयशंकर ने रुबियो से मुलाकात की।", [("SPEAKER", "जयशंकर", 0)]),
    # "information" is nobody's statement
    ("मिली जानकारी के मुताबिक 50 लोग भर्ती हैं।", [("SPEAKER", "मिली जानकारी", 0), ("CUE", "के मुताबिक", 0), ("CLAIM", "50 लोग भर्ती हैं", 0)]),
    # a quoted film title in a sentence with a cue is a name, not a quotation
    ("उन्होंने बताया कि फिल्म 'पान सिंह तोमर' को पुरस्कार मिला।",
     [("SPEAKER", "उन्होंने", 0), ("CUE", "बताया", 0), ("QUOTE", "पान सिंह तोमर", 0)]),
    # ... and so is a newspaper's name in marks, with the noun after it
    ("उन्होंने 'मिड डे' अखबार से बात की।", [("SPEAKER", "उन्होंने", 0), ("QUOTE", "मिड डे", 0)]),
    # ... or a source or document named in marks before "के मुताबिक" / "के तहत"
    ("मंत्रालय ने 'क्लीनिकल मैनेजमेंट ऑफ कोविड-19' के तहत दिशानिर्देश जारी किए।",
     [("SPEAKER", "मंत्रालय", 0), ("QUOTE", "क्लीनिकल मैनेजमेंट ऑफ कोविड-19", 0)]),
    ("", []),
])
def test_no_statement_from_clutter_actions_or_empty_docs(blank, text, spans):
    assert run(blank, text, spans) == []


def test_component_round_trip(blank, tmp_path):
    import spacy

    from attrib.train import blank_nlp

    nlp = blank_nlp()
    nlp.add_pipe("attrib_sentences")
    nlp.add_pipe("attrib_attribution", config={"threshold": 0.3})
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert again.pipe_names == ["attrib_sentences", "attrib_attribution"]
    assert again.get_pipe("attrib_attribution").threshold == 0.3
    doc = again("कोई उद्धरण नहीं।")
    assert list(doc.spans[STATEMENTS_KEY]) == []


def test_pronoun_before_any_name_resolves_forward_with_lower_confidence(blank):
    """A feature opening with "उन्होंने कहा" names its subject later: the first person named after
    the pronoun, at a lower confidence than the same statement after the name."""
    from attrib.pipeline.attribution import Attribution

    def confidence(text, pronoun_first):
        doc = blank(text)
        spans = []
        for label, sub in (("SPEAKER", "उन्होंने"), ("SPEAKER", "अलका याग्निक"), ("CUE", "कहा"),
                           ("CLAIM", "गाना अच्छा है")):
            i = text.index(sub)
            spans.append(doc.char_span(i, i + len(sub), label=label))
        doc.spans["sc"] = spans
        doc = Attribution(blank, rules=True)(doc)
        (st,) = doc.spans[STATEMENTS_KEY]
        info = st._.get(EXTENSION)
        assert info["speaker_name"] == "अलका याग्निक"
        assert doc.text[slice(*info["antecedent"])] == "अलका याग्निक"
        return info["confidence"]

    forward = confidence("उन्होंने कहा कि गाना अच्छा है। गायिका अलका याग्निक मुंबई में थीं।", True)
    backward = confidence("गायिका अलका याग्निक मुंबई में थीं। उन्होंने कहा कि गाना अच्छा है।", False)
    assert forward < backward


def test_a_quotation_in_its_marks_keeps_the_speakers_own_ki_clause(blank):
    """उन्होंने कहा, "मेरा मानना है कि हमने …": the clause after the speaker's own "मानना है कि" is
    part of the quotation that fills the marks, not a statement of its own; a quotation the model
    found inside marks that hold other marks is left alone."""
    from attrib.pipeline.attribution import _outer_quotations
    from attrib.pipeline.suggester import quote_pairs
    from attrib.pipeline.surface import Mention

    text = 'उन्होंने कहा, "मेरा मानना है कि हमने बड़े नेटवर्क से निराशा देखी है." फिर बोले।'
    doc = blank(text)

    def mention(sub, label):
        i = text.index(sub)
        return Mention(doc.char_span(i, i + len(sub), label=label), 0.9)

    outer = mention("मेरा मानना है कि हमने बड़े नेटवर्क से निराशा देखी है.", "QUOTE")
    inner = mention("हमने बड़े नेटवर्क से निराशा देखी है", "CLAIM")
    assert [m.span.text for m in _outer_quotations(doc, [outer, inner], quote_pairs(doc))] == [outer.span.text]

    text = "उन्होंने कहा, \"मेरा मानना है कि 'हम' तैयार हैं.\" फिर बोले।"
    doc = blank(text)
    outer = mention("मेरा मानना है कि 'हम' तैयार हैं.", "QUOTE")
    inner = mention("'हम' तैयार हैं", "CLAIM")
    assert len(_outer_quotations(doc, [outer, inner], quote_pairs(doc))) == 2


def test_a_name_the_model_cut_short_is_taken_whole(blank):
    """The model scored "चंद्र शर्मा" above "सुभाष चंद्र शर्मा" written after the post: the whole name
    is the speaker's, so the post later stands for it; a longer span that adds a postposition or a
    pronoun is not a name."""
    import numpy

    from attrib.pipeline.attribution import Attribution

    def speakers(text, marked):
        doc = blank(text)
        group, scores = [], []
        for sub, label, score in marked:
            i = text.index(sub)
            group.append(doc.char_span(i, i + len(sub), label=label))
            scores.append(score)
        doc.spans["sc"] = group
        doc.spans["sc"].attrs["scores"] = numpy.array(scores, dtype="float32")  # as spancat stores them
        doc = Attribution(blank, rules=True)(doc)
        return [st._.get(EXTENSION)["speaker_name"] for st in doc.spans[STATEMENTS_KEY]]

    text = "मंडलायुक्त सुभाष चंद्र शर्मा ने बैठक ली । बैठक में मंडलायुक्त ने कहा कि बिजली मिलती रहे ।"
    assert speakers(text, [("सुभाष चंद्र शर्मा", "SPEAKER", 0.79), ("चंद्र शर्मा", "SPEAKER", 0.82),
                           ("मंडलायुक्त", "SPEAKER", 0.96), ("बिजली मिलती रहे", "CLAIM", 0.9)]) == ["सुभाष चंद्र शर्मा"]
    text = "गृह मंत्री अमित शर्मा ने कहा कि बिजली मिलती रहे ।"
    assert speakers(text, [("मंत्री अमित शर्मा", "SPEAKER", 0.6), ("अमित शर्मा", "SPEAKER", 0.9),
                           ("बिजली मिलती रहे", "CLAIM", 0.9)]) == ["अमित शर्मा"]
