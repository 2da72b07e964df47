import pytest

from attrib.errors import InputError
from attrib.text import clutter_ranges, decode, fold


@pytest.mark.parametrize("a,b", [
    ("रुबियो", "रूबियो"),
    ("\u095c", "ड\u093c"),          # precomposed ड़ vs decomposed
    ("पढ़ें", "पढें"),
    ("हैं", "हैँ"),                  # chandrabindu vs anusvara
    ("जय\u200dशंकर", "जयशंकर"),     # zero-width joiner
    ("Dr.\u00a0S. Jaishankar", "dr. s. jaishankar"),
    ("फीबी वॉलर-ब्रिज", "फीबी वॉलर ब्रिज"),   # a hyphenated name written with a space
    ("अरविन्द केजरीवाल", "अरविंद केजरीवाल"),   # a nasal's half form for the anusvara
    ("सम्बन्ध", "संबंध"),
])
def test_fold_equates_spelling_variants(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("a,b", [("हेगसेथ", "जयशंकर"), ("राम", "रमा"), ("अन्य", "अंय")])
def test_fold_keeps_different_names_apart(a, b):
    assert fold(a) != fold(b)


def test_decode_strips_bom_and_keeps_text_exact():
    text = "नई\u00a0दिल्ली। \u095c"
    assert decode(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode(text.encode("utf-16")) == text


@pytest.mark.parametrize("data,needle", [
    (b"", "empty"),
    (b"  \n\t ", "whitespace"),
    ("नमस्ते".encode("utf-16-le"), "UTF-16"),
    (b"%PDF-1.4\x00\x01", "PDF"),
    (b"\x81\x8d\x8f", "nor Windows-1252"),
])
def test_decode_refuses_bad_input_with_a_reason(data, needle):
    with pytest.raises(InputError, match=needle):
        decode(data, "a.txt")


def test_clutter_covers_link_titles_in_both_nukta_spellings():
    for ye_bhi in ("ये भी पढ़ें", "ये भी प\u095dें"):
        text = f"उन्होंने कहा। {ye_bhi}:-Oil Trade: भारतीय कंपनियों ने खरीदारी की\nअगली पंक्ति"
        (start, end), = clutter_ranges(text)
        assert text[start:end].startswith(ye_bhi)
        assert "अगली" not in text[start:end]


def test_no_clutter_in_plain_reporting():
    assert clutter_ranges("जयशंकर ने कहा कि भारत तैयार है।") == []
