import pytest

from attrib.corpus import check_files, load_articles, sha256_text
from tests.conftest import ROOT, needs_corpus, write_jsonl

TEXT = 'जयशंकर ने कहा, "हम तैयार हैं।"'


def record(**over):
    rec = {"id": 1, "text": TEXT,
           "entities": [{"id": 1, "label": "SPEAKER", "start_offset": 0, "end_offset": 6},
                        {"id": 2, "label": "CUE", "start_offset": 10, "end_offset": 13},
                        {"id": 3, "label": "QUOTE", "start_offset": 16, "end_offset": 29}],
           "relations": [{"id": 1, "from_id": 3, "to_id": 1, "type": "said_by"},
                         {"id": 2, "from_id": 3, "to_id": 2, "type": "cue"}],
           "meta": {}}
    rec.update(over)
    return rec


def test_a_good_record_has_no_problems(tmp_path, blank):
    assert TEXT[16:29] == "हम तैयार हैं।"
    n, problems = check_files([write_jsonl(tmp_path / "a.jsonl", [record()])], tokenizer=blank.tokenizer)
    assert (n, problems) == (1, [])


@pytest.mark.parametrize("change,message", [
    (lambda r: r["entities"][2].update(start_offset=15), "quote mark"),
    (lambda r: r["entities"][2].update(end_offset=99), "out of range"),
    (lambda r: r["entities"][0].update(end_offset=4), "token boundaries"),
    (lambda r: r["relations"].pop(0), "0 said_by"),
    (lambda r: r["relations"].append({"id": 9, "from_id": 3, "to_id": 42, "type": "said_by"}), "missing entity 42"),
    (lambda r: r["relations"].append({"id": 9, "from_id": 1, "to_id": 2, "type": "said_by"}), "cannot join SPEAKER -> CUE"),
    (lambda r: r["entities"].append({"id": 7, "label": "SPEAKER", "start_offset": 0, "end_offset": 6}), "duplicate"),
    (lambda r: r["entities"][1].update(label="VERB"), "unknown label"),
])
def test_each_problem_names_file_line_entity_and_text(tmp_path, blank, change, message):
    bad = record()
    change(bad)
    path = write_jsonl(tmp_path / "b.jsonl", [record(id=0), bad])
    n, problems = check_files([path], tokenizer=blank.tokenizer)
    assert n == 2
    assert problems, "the problem was not found"
    assert any(message in str(p) and f"{path}:2" in str(p) for p in problems), [str(p) for p in problems]


def test_bad_json_line_is_reported_and_other_files_still_read(tmp_path, blank):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1,\n', encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", [record()])
    n, problems = check_files([bad, good], tokenizer=blank.tokenizer)
    assert n == 1
    assert "bad.jsonl:1" in str(problems[0]) and "not valid JSON" in str(problems[0])


def test_standoff_text_joined_and_checksum_refused(tmp_path):
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "x.txt").write_text(TEXT, encoding="utf-8")
    rec = record(meta={"source": "pool/x.txt", "sha256": sha256_text(TEXT)})
    del rec["text"]
    path = write_jsonl(tmp_path / "s.jsonl", [rec])
    (art,) = load_articles([path], tmp_path)
    assert art.text == TEXT
    (tmp_path / "pool" / "x.txt").write_text(TEXT + " बदला", encoding="utf-8")
    n, problems = check_files([path], tmp_path)
    assert "checksum mismatch" in str(problems[0])


def test_seed_annotations_are_valid(blank):
    n, problems = check_files([ROOT / "annotations" / "seeds.jsonl"], tokenizer=blank.tokenizer)
    assert n == 5 and problems == []


@needs_corpus()
def test_pool_annotations_are_valid_and_never_heldout(blank):
    path = ROOT / "annotations" / "pool.jsonl"
    n, problems = check_files([path], tokenizer=blank.tokenizer)
    assert n >= 150 and [str(p) for p in problems] == []
    assert "heldout" not in path.read_text(encoding="utf-8")
