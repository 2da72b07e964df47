import pytest


@pytest.mark.parametrize("text,tokens", [
    ('कहा,"हम', ["कहा", ",", '"', "हम"]),
    ('कहा:"हम', ["कहा", ":", '"', "हम"]),
    ("बोला-“ठीक", ["बोला", "-", "“", "ठीक"]),
    ("है।\"अगला", ["है", "।", '"', "अगला"]),
    ("ठीक॥अगला", ["ठीक", "॥", "अगला"]),
    ("है.अगला", ["है", ".", "अगला"]),
    ("आया?तन्मय", ["आया", "?", "तन्मय"]),
    ("है.''उन्होंने", ["है", ".", "''", "उन्होंने"]),
    ("2.ममता", ["2", ".", "ममता"]),
    # BBC: a link title run into the next sentence's pronoun, a sentence into a number
    ("राजेश खन्नाउन्होंने बताया", ["राजेश", "खन्ना", "उन्होंने", "बताया"]),
    ("रो पड़ीं दीप्ति नवलवो कहती हैं", ["रो", "पड़ीं", "दीप्ति", "नवल", "वो", "कहती", "हैं"]),
    ("वीवो ने कहा", ["वीवो", "ने", "कहा"]),
    ("होता है.17 वर्षीय", ["होता", "है", ".", "17", "वर्षीय"]),
])
def test_glued_marks_split(blank, text, tokens):
    assert [t.text for t in blank.make_doc(text)] == tokens


@pytest.mark.parametrize("text", ["pic.twitter.com/zOdXK64Yhj", "www.amarujala.com", "3.5", "@DrSJaishankar", "don't"])
def test_urls_numbers_handles_stay_whole(blank, text):
    assert [t.text for t in blank.make_doc(text)] == [text]


def test_tokenizer_survives_serialisation(blank, tmp_path):
    import spacy

    blank.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert [t.text for t in again.make_doc('कहा,"है.अगला')] == [t.text for t in blank.make_doc('कहा,"है.अगला')]


def test_sentences_keep_closing_quote_and_split_at_danda(blank):
    doc = blank('जयशंकर ने कहा, "मैं यहां हूं।" उन्होंने कहा कि ठीक है।\nA pleasure. — Dr. S. Jaishankar')
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == 'जयशंकर ने कहा, "मैं यहां हूं।"'
    assert sents[1] == "उन्होंने कहा कि ठीक है।"
    assert sents[2] == "A pleasure."
    assert sents[3] == "— Dr. S. Jaishankar"   # "Dr." and "S." are initials, not sentence ends


def test_a_line_break_after_ki_does_not_end_the_sentence(blank):
    # BBC bodies lost an image inside a sentence: "मानते हैं कि ⏎⏎⏎नए पोप को …"
    doc = blank("जिम्मी मानते हैं कि \n\n\n\nनए पोप को विचार करना चाहिए.\nअगली पंक्ति")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].startswith("जिम्मी मानते हैं कि") and sents[0].endswith("करना चाहिए.")
    assert sents[1] == "अगली पंक्ति"


def test_a_bbc_image_gap_does_not_end_the_sentence_but_a_headline_break_does(blank):
    doc = blank("आकलन के मुताबिक अंग्रेजी भाषा का \n\n\n\nयह शब्द पिछले साल आया. कैसी है तैयारी\n\n\nदेश में केस बढ़े ।")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "आकलन के मुताबिक अंग्रेजी भाषा का \n\n\n\nयह शब्द पिछले साल आया."
    assert sents[1] == "कैसी है तैयारी"
    assert sents[2] == "देश में केस बढ़े ।"


def test_a_danda_typeset_as_a_nukta_ends_the_sentence_but_a_misplaced_nukta_in_a_word_does_not(blank):
    # one paper's typesetting: "पुष्टि हुई है़ इसी के साथ …", "जारी रहेगा़ अगर …"; "कपडे़" is a word
    doc = blank("दो मामलों की पुष्टि हुई है़ इसी के साथ कुल पांच हुए। प्रतिबंध जारी रहेगा़ अगर जरूरत हुई। कपडे़ या रुमाल पहनें।")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["दो मामलों की पुष्टि हुई है़", "इसी के साथ कुल पांच हुए।", "प्रतिबंध जारी रहेगा़",
                     "अगर जरूरत हुई।", "कपडे़ या रुमाल पहनें।"]
