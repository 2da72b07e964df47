"""Bad and hard inputs: each gets a clear message naming the file and the right exit code; in a
multi-file run the good files are still answered. Offsets always index the decoded text."""

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from attrib.errors import InputError
from attrib.text import check_script, decode_article, looks_like_kruti_dev, paragraph_chunks
from tests.conftest import SEEDS
from tests.test_cli import attrib

# Hindi typed in the Kruti Dev font: "नई दिल्ली। विदेश मंत्री एस जयशंकर ने कहा कि भारत और अमेरिका के
# बीच व्यापार, रक्षा और अन्य क्षेत्रों में सहयोग बढ़ रहा है। उन्होंने कहा, "हम तैयार हैं।" …"
KRUTI_DEV = ("ubZ fnYyhA fons'k ea=h ,l t;'kadj us dgk fd Hkkjr vkSj vesfjdk ds chp O;kikj] j{kk vkSj vU; {ks=ksa esa "
             "lg;ksx c<+ jgk gSA mUgksaus dgk] ^^ge rS;kj gSaA** iz/kkuea=h ujsanz eksnh us Hkh cSBd esa fgLlk fy;kA\n")
ENGLISH = ("External Affairs Minister S. Jaishankar said on Tuesday that India and the United States would deepen "
           "their cooperation in trade and defence. \"We are ready,\" he told reporters in Washington.\n")
HINDI = 'विदेश मंत्री एस जयशंकर ने कहा, "हम तैयार हैं।"\n'

# case -> (bytes, what stderr must say, exit code when run alone)
CASES = {
    "empty": (b"", "the file is empty", 1),
    "whitespace": (b" \n\t\n  ", "holds only whitespace", 1),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document", 1),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "a PNG image", 1),
    "nul": (b"abc\x00\x01\x02\x03" * 50, "binary file", 1),
    "utf16-no-bom": (HINDI.encode("utf-16-le"), "UTF-16 (little-endian) without a byte-order mark", 1),
    "kruti-dev": (KRUTI_DEV.encode("ascii"), "Kruti Dev", 1),
    "kruti-dev-cp1252": ((KRUTI_DEV + "Ø ß").encode("cp1252"), "Kruti Dev", 1),
    "iscii-like": (bytes(range(0xA1, 0xFB)) * 20, "another legacy encoding", 1),
    "cp1252-english": (ENGLISH.replace('"', "\u201c", 1).replace('"', "\u201d", 1).encode("cp1252"),
                       "read as Windows-1252", 0),
    "english": (ENGLISH.encode(), "model is for Hindi", 0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_library_decoding_says_what_the_bytes_are(case):
    data, needle, code = CASES[case]
    if code:
        with pytest.raises(InputError, match=re.escape(needle)) as info:
            decode_article(data, f"{case}.txt")
        assert str(info.value).startswith(f"{case}.txt: ")
    else:
        article = decode_article(data, f"{case}.txt")
        assert any(needle in n for n in article.notes)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_bom_marked_unicode_is_decoded_and_offsets_index_the_decoded_text(tmp_path, encoding):
    data = HINDI.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    r = attrib(str(f), "--format", "json")
    assert r.returncode == 0, r.stderr
    (q,) = json.loads(r.stdout)["quotes"]
    assert HINDI[q["start"]:q["end"]] == q["text"] == "हम तैयार हैं।"
    assert q["speaker"]["id"] == "s-jaishankar"


def test_multi_file_run_reports_each_bad_file_and_answers_the_good_ones(tmp_path):
    paths = []
    for case, (data, _, _) in CASES.items():
        p = tmp_path / f"{case}.txt"
        p.write_bytes(data)
        paths.append(p)
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 50 MB of real Hindi text
        chunk = (HINDI * 2000).encode()
        for _ in range(50_000_000 // len(chunk) + 1):
            f.write(chunk)
    (tmp_path / "folder").mkdir()
    args = [str(SEEDS[0]), *map(str, paths), str(big), str(tmp_path / "folder"), str(tmp_path / "missing.txt"), str(SEEDS[1])]
    r = attrib(*args, "--format", "jsonl")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning: ")]
    for case, (_, needle, code) in CASES.items():
        lines = errors if code else warnings
        assert any(f"{case}.txt: " in line and needle in line for line in lines), (case, r.stderr)
    assert any(f"{big}: 5" in e and "MB is over the 10 MB limit" in e for e in errors), r.stderr
    assert any("folder: is a directory" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    failed = sum(1 for c in CASES.values() if c[2]) + 3
    assert f"{failed} of {len(args)} inputs failed" in r.stderr
    answered = [json.loads(line)["source"] for line in r.stdout.splitlines()]
    assert answered == [str(SEEDS[0]), str(tmp_path / "cp1252-english.txt"), str(tmp_path / "english.txt"), str(SEEDS[1])]


def test_english_article_warns_and_still_runs(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    r = attrib(str(f), "--format", "json")
    assert r.returncode == 0
    assert "model is for Hindi" in r.stderr and str(f) in r.stderr
    data = json.loads(r.stdout)
    for q in data["quotes"]:
        assert ENGLISH[q["start"]:q["end"]] == q["text"]


def test_cp1252_offsets_index_the_decoded_text(tmp_path):
    text = "Jaishankar said, \u201cWe are ready \u2014 caf\u00e9 talks went well.\u201d"
    f = tmp_path / "w.txt"
    f.write_bytes(text.encode("cp1252"))
    r = attrib(str(f), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "read as Windows-1252" in r.stderr
    quotes = json.loads(r.stdout)["quotes"]
    assert quotes, "the quotation in curly marks is found"
    for q in quotes:
        assert text[q["start"]:q["end"]] == q["text"]


def test_all_inputs_bad_prints_no_result(tmp_path):
    f = tmp_path / "e.txt"
    f.write_bytes(b"")
    r = attrib(str(f), "--format", "json")
    assert r.returncode == 1 and r.stdout == "" and "1 of 1 inputs failed" in r.stderr


def test_stdin_size_limit(tmp_path):
    r = attrib("-", "--max-mb", "0.001", stdin=HINDI * 50)
    assert r.returncode == 1 and "<stdin>: more than the 0.001 MB limit for one article" in r.stderr


def test_long_text_is_processed_in_chunks_with_offsets_into_the_whole(nlp, monkeypatch):
    from attrib.extract import extract

    articles = [p.read_text(encoding="utf-8") for p in SEEDS[:3]]
    text = "\n\n".join(articles)
    whole = extract(text)
    old = nlp.max_length
    nlp.max_length = 2500  # what spaCy refuses beyond; the seeds together are longer
    try:
        assert len(text) > 2 * nlp.max_length
        chunked = extract(text)
    finally:
        nlp.max_length = old
    for q in chunked.quotes:
        assert text[q.start:q.end] == q.text
        for part in (q.cue, q.speaker and q.speaker.mention):
            if part:
                assert text[part.start:part.end] == part.text
    # chunks cut at paragraph ends: statements inside a paragraph come out the same
    assert len(chunked.quotes) >= 0.8 * len(whole.quotes)
    same = {(q.start, q.end, q.speaker and q.speaker.id) for q in chunked.quotes} & \
           {(q.start, q.end, q.speaker and q.speaker.id) for q in whole.quotes}
    assert len(same) >= 0.7 * len(whole.quotes)


@pytest.mark.parametrize("text,expected", [
    # an opening mark never closed: the quote ends with its paragraph; the next one is its own
    ('जयशंकर ने कहा, "हम तैयार हैं। भारत आगे बढ़ेगा।\n\nरक्षा मंत्री राजनाथ सिंह ने कहा कि सेना तैयार है।',
     [("हम तैयार हैं। भारत आगे बढ़ेगा।", "s-jaishankar"), ("सेना तैयार है", "rajnath-singh")]),
    # nested quotes: the outer quotation is the statement, inner marks and all
    ('जयशंकर ने कहा, "प्रधानमंत्री ने साफ कहा था \'हम तैयार हैं\' और हम आज भी तैयार हैं।"',
     [("प्रधानमंत्री ने साफ कहा था 'हम तैयार हैं' और हम आज भी तैयार हैं।", "s-jaishankar")]),
    ("जयशंकर ने कहा, “प्रधानमंत्री ने साफ कहा था ‘हम तैयार हैं’ और हम आज भी तैयार हैं।”",
     [("प्रधानमंत्री ने साफ कहा था ‘हम तैयार हैं’ और हम आज भी तैयार हैं।", "s-jaishankar")]),
    # a quotation running over two paragraphs stays one statement
    ('विदेश मंत्री एस जयशंकर ने कहा, "भारत और अमेरिका के रिश्ते मजबूत हैं।\n\nहम व्यापार और रक्षा में सहयोग बढ़ाएंगे।"\n\nबैठक दो घंटे चली।',
     [("भारत और अमेरिका के रिश्ते मजबूत हैं।\n\nहम व्यापार और रक्षा में सहयोग बढ़ाएंगे।", "s-jaishankar")]),
    # the English convention: each paragraph of the quotation reopens the mark, only the last closes
    ('विदेश मंत्री एस जयशंकर ने कहा, "भारत और अमेरिका के रिश्ते मजबूत हैं।\n\n"हम सहयोग बढ़ाएंगे।"\n\nबैठक दो घंटे चली।',
     [('भारत और अमेरिका के रिश्ते मजबूत हैं।\n\n"हम सहयोग बढ़ाएंगे।', "s-jaishankar")]),
])
def test_quote_marks_unbalanced_nested_and_over_paragraphs(text, expected):
    from attrib.extract import extract

    result = extract(text)
    got = [(q.text, q.speaker and q.speaker.id) for q in result.quotes]
    assert got == expected
    for q in result.quotes:
        assert text[q.start:q.end] == q.text


def test_kruti_dev_detection_spares_english_and_hindi():
    assert looks_like_kruti_dev(KRUTI_DEV)
    assert not looks_like_kruti_dev(ENGLISH)
    assert not looks_like_kruti_dev(HINDI * 3)
    assert check_script(HINDI * 3) == []
    with pytest.raises(InputError, match="convert it to Unicode"):
        check_script(KRUTI_DEV, "k.txt")


# -- properties over random text: never a crash, every offset slices to its text

HINDI_ISH = st.lists(st.sampled_from(list("जयशंकरनेकहाकिहमतैयारहैं।॥ \n\"'“”‘’,:-—@")
                                     + ["\n\n", " ने कहा", " कि ", "उन्होंने ", "जयशंकर ", "बयान"]), max_size=60).map("".join)
ANY_TEXT = st.text(max_size=200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(HINDI_ISH, ANY_TEXT))
def test_extract_never_crashes_and_offsets_slice_to_their_text(nlp, text):
    from attrib.extract import extract

    result = extract(text)
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        for part in (q.cue, q.speaker and q.speaker.mention):
            if part:
                assert text[part.start:part.end] == part.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_random_bytes_raises_only_input_errors(data):
    try:
        article = decode_article(data, "r.bin")
    except InputError as e:
        assert str(e).startswith("r.bin: ")
    else:
        assert article.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
       .filter(lambda t: t.strip() and "\x00" not in t and not t.startswith("\ufeff")))
@example(text="0\t")  # two bytes that also read as "र" in UTF-16: too few to call it UTF-16
def test_utf8_text_decodes_to_itself(text):
    try:
        assert decode_article(text.encode("utf-8"), "t.txt").text == text
    except InputError as e:  # the only refusals of UTF-8 text: control characters, Kruti Dev look-alikes
        assert "control characters" in str(e) or "Kruti Dev" in str(e)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.integers(min_value=1, max_value=60))
def test_paragraph_chunks_cover_the_text(text, size):
    chunks = paragraph_chunks(text, size)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= size for _, c in chunks)
    assert all(text[o:o + len(c)] == c for o, c in chunks)
