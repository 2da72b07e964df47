"""The registry: mentions as written in Hindi news -> canonical speakers."""

import pytest

from attrib.speakers import default_registry, mention_kind


@pytest.mark.parametrize("mention,expected", [
    ("रूबियो", "marco-rubio"),                        # spelling variant of रुबियो
    ("भारत के विदेश मंत्री एस जयशंकर", "s-jaishankar"),  # a name after a qualified title
    ("डब\u094d\u200dल\u094d\u200dयूएचओ", "who"),             # zero-width joiners as pasted from the web
    ("केन्द्रीय स्वास्थ्य मंत्रालय", "in-mohfw"),
    ("@MoHFW_INDIA", "in-mohfw"),
    ("ईरान के स्वास्थ्य मंत्रालय", None),              # another country's ministry is not India's
    ("सिंह", None),                                    # a bare surname names nobody by itself
    ("अधिकारियों", None),
])
def test_registry_matches_mentions_as_written(mention, expected):
    sp = default_registry().match_name(mention)
    assert (sp.id if sp else None) == expected


@pytest.mark.parametrize("mention,kind", [
    ("उन्होंने", "pronoun"),
    ("बयान", "document"),
    ("गाइडलाइंस", "document"),
    ("विदेश मंत्री", "title"),
    ("कंपनी", "title"),
    ("योगगुरु", "title"),
    ("सुरक्षा विशेषज्ञों", "group"),
    ("उत्तराखंड स्वास्थ्य विभाग", "organisation"),
    ("पीट हेगसेथ", "name"),
    ("एक अधिकारी", "group"),   # someone new and unnamed
    ("कई फ़िल्मकारों", "group"),  # "कई" matched after folding (कइ)
    ("...", "name"),
])
def test_mention_kinds(mention, kind):
    assert mention_kind(mention, default_registry()) == kind


@pytest.mark.parametrize("title,holders", [
    ("दिल्ली के मुख्यमंत्री", {"arvind-kejriwal"}),
    ("दिल्ली के सीएम", {"arvind-kejriwal"}),   # the short form inside a longer title
    ("पीएम", {"narendra-modi"}),
    ("सीएम", set()),                          # which state's? nobody in particular
])
def test_title_holders(title, holders):
    assert default_registry().title_candidates(title) == holders


def test_a_registry_file_with_an_unknown_kind_is_refused(tmp_path):
    from attrib.errors import RegistryError
    from attrib.speakers import Registry

    bad = tmp_path / "s.json"
    bad.write_text('{"speakers": [{"id": "x", "name": "X", "kind": "persn"}]}', encoding="utf-8")
    with pytest.raises(RegistryError, match=r"s.json: speaker 'x' has kind 'persn'"):
        Registry.load(bad)


@pytest.mark.parametrize("title,written", [
    ("डिप्टी सीएम", "उप मुख्यमंत्री"),
    ("डिप्टी सीएम", "उपमुख्यमंत्री"),
    ("सीएम", "मुख्यमंत्री"),
    ("मंडलायुक्त", "कमिश्नर"),
])
def test_a_title_matches_its_other_writings(title, written):
    from attrib.speakers import title_keys
    from attrib.text import fold

    assert fold(written) in title_keys(title)
    assert fold("उपमुख्यमंत्री") not in title_keys("मुख्यमंत्री")
