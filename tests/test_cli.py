import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

SEED = str(SEEDS[0])


def attrib(*args, stdin=None):
    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run([sys.executable, "-m", "attrib.cli", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, timeout=120, env=env)


def test_json_export_round_trips_and_matches_the_checked_in_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from attrib.schema import Attribution, json_schema

    r = attrib(SEED, "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    checked_in = json.loads((ROOT / "attrib" / "data" / "attribution.schema.json").read_text(encoding="utf-8"))
    assert checked_in == json_schema(), "regenerate: python -m attrib.schema > attrib/data/attribution.schema.json"
    jsonschema.validate(data, checked_in)
    assert Attribution.model_validate(data).model_dump(mode="json") == data
    text = open(SEED, encoding="utf-8").read()
    assert data["quotes"], "a seed article must yield statements"
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        for part in (q["cue"], q["speaker"] and q["speaker"]["mention"]):
            if part:
                assert text[part["start"]:part["end"]] == part["text"]


def test_table_groups_by_speaker():
    r = attrib(SEED)
    assert r.returncode == 0, r.stderr
    assert "S. Jaishankar" in r.stdout and "Pete Hegseth" in r.stdout


def test_jsonl_one_line_per_file_and_filters():
    r = attrib(str(SEEDS[0]), str(SEEDS[1]), "--format", "jsonl", "--speaker", "s-jaishankar", "--kind", "direct")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["source"] for x in lines] == [str(SEEDS[0]), str(SEEDS[1])]
    quotes = [q for x in lines for q in x["quotes"]]
    assert quotes and all(q["speaker"]["id"] == "s-jaishankar" and q["kind"] == "direct" for q in quotes)


def test_stdin_offsets_index_the_text_as_given():
    text = "\u00a0नई दिल्ली। जयशंकर ने कहा, \"हम तैयार हैं।\"\n"
    r = attrib("-", "--format", "json", stdin=text)
    assert r.returncode == 0, r.stderr
    (q,) = json.loads(r.stdout)["quotes"]
    assert text[q["start"]:q["end"]] == q["text"] == "हम तैयार हैं।"


def test_missing_file_exit_1_and_others_still_answered(tmp_path):
    r = attrib(SEED, str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert r.returncode == 1
    assert "nope.txt: no such file" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stdout.splitlines()) == 1


@pytest.mark.parametrize("content,needle", [(b"", "empty"), (b"\xff\xfe\x00\x00bad\x00", "not valid UTF-32")])
def test_bad_input_is_a_clear_error(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = attrib(str(f))
    assert r.returncode == 1 and needle in r.stderr and str(f) in r.stderr and "Traceback" not in r.stderr


def test_usage_error_exit_2():
    r = attrib(SEED, "--format", "pdf")
    assert r.returncode == 2


def test_model_that_is_not_there_is_a_clear_error(tmp_path):
    r = attrib(SEED, "--model", str(tmp_path))
    assert r.returncode == 1 and "no attrib model" in r.stderr


def test_speakers_lists_registry_and_takes_user_file(tmp_path):
    extra = tmp_path / "s.json"
    extra.write_text(json.dumps({"speakers": [{"id": "arvind-kejriwal", "name": "Arvind Kejriwal",
                                               "name_hi": "अरविंद केजरीवाल", "aliases": ["केजरीवाल"]}]}), encoding="utf-8")
    r = attrib("speakers", "--speakers", str(extra))
    assert r.returncode == 0 and "marco-rubio" in r.stdout and "arvind-kejriwal" in r.stdout
    art = tmp_path / "a.txt"
    art.write_text("मुख्यमंत्री केजरीवाल ने कहा कि दिल्ली तैयार है।", encoding="utf-8")
    r = attrib(str(art), "--speakers", str(extra), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [q["speaker"]["id"] for q in json.loads(r.stdout)["quotes"]] == ["arvind-kejriwal"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"speakers": [{"name": "x"}]}', encoding="utf-8")
    r = attrib("speakers", "--speakers", str(bad))
    assert r.returncode == 1 and "needs at least 'id'" in r.stderr


def test_annotations_check_exit_codes(tmp_path):
    assert attrib("annotations", "check", str(ROOT / "annotations" / "seeds.jsonl")).returncode == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "entities": [{"id": 1, "label": "QUOTE", "start_offset": 0, "end_offset": 5}]}\n', encoding="utf-8")
    r = attrib("annotations", "check", str(bad))
    assert r.returncode == 1 and f"{bad}:1" in r.stderr and "out of range" in r.stderr
