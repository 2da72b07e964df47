"""doccano exports in: both JSONL shapes, the downloaded ZIP, UTF-16 offsets, and bad exports
(each a clear error or a counted warning, with the rest of the file still read)."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from attrib.corpus import load_articles, to_doc
from attrib.exports import read_exports
from tests.conftest import ROOT, write_jsonl

TEXT = 'जयशंकर ने कहा, "हम तैयार हैं।"'
EMOJI = 'जयशंकर ने X पर लिखा 🙏🇮🇳, "हम तैयार हैं।" उन्होंने कहा।'  # three characters outside the BMP


def relation_line(**over):
    """A doccano 1.8 relation-project export line (meta at the top level, as doccano writes it)."""
    rec = {"id": 7, "text": TEXT,
           "entities": [{"id": 11, "label": "SPEAKER", "start_offset": 0, "end_offset": 6},
                        {"id": 12, "label": "CUE", "start_offset": 10, "end_offset": 13},
                        {"id": 13, "label": "QUOTE", "start_offset": 16, "end_offset": 29}],
           "relations": [{"id": 1, "from_id": 13, "to_id": 11, "type": "said_by"},
                         {"id": 2, "from_id": 13, "to_id": 12, "type": "cue"}],
           "source": "seeds/x.txt", "Comments": []}
    rec.update(over)
    return rec


def spans(art):
    return sorted((e.label, art.text[e.start:e.end]) for e in art.entities.values())


def test_relation_export_gives_the_same_articles_as_attribs_own_files(tmp_path):
    own = {k: v for k, v in relation_line().items() if k not in ("source", "Comments")}
    own["meta"] = {"source": "seeds/x.txt"}
    (ref,) = load_articles([write_jsonl(tmp_path / "own.jsonl", [own])])
    res = read_exports([write_jsonl(tmp_path / "export.jsonl", [relation_line()])])
    assert (res.errors, res.warnings) == ([], [])
    (art,) = res.articles
    assert (art.text, art.entities, art.relations, art.meta) == (ref.text, ref.entities, ref.relations, ref.meta)
    assert art.where == f"{tmp_path / 'export.jsonl'}:1"
    assert spans(art) == [("CUE", "कहा"), ("QUOTE", "हम तैयार हैं।"), ("SPEAKER", "जयशंकर")]


def test_sequence_labelling_export_is_read(tmp_path):
    line = {"id": 3, "text": TEXT, "label": [[0, 6, "SPEAKER"], [16, 29, "QUOTE"]], "Comments": []}
    (art,) = read_exports([write_jsonl(tmp_path / "seq.jsonl", [line])]).articles
    assert spans(art) == [("QUOTE", "हम तैयार हैं।"), ("SPEAKER", "जयशंकर")]
    assert art.relations == []


@pytest.mark.parametrize("member", ["all.jsonl", "admin.jsonl"])
def test_the_zip_doccano_downloads_is_read_directly(tmp_path, member):
    path = tmp_path / "project.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member, json.dumps(relation_line(), ensure_ascii=False) + "\n")
    res = read_exports([path])
    (art,) = res.articles
    assert spans(art)[1] == ("QUOTE", "हम तैयार हैं।")
    assert art.where == f"{path}:{member}:1"


def test_a_zip_without_jsonl_is_a_clear_error(tmp_path):
    path = tmp_path / "project.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("admin.csv", "id,text\n")
    res = read_exports([path])
    assert res.articles == [] and "holds no .jsonl" in str(res.errors[0]) and str(path) in str(res.errors[0])


def emoji_line(offsets):
    ents = [{"id": i, "label": lab, "start_offset": s, "end_offset": e} for i, (lab, s, e) in enumerate(offsets, 1)]
    return {"id": 1, "text": EMOJI, "entities": ents, "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "said_by"}]}


def test_utf16_offsets_after_an_emoji_are_detected_and_converted(tmp_path):
    utf16 = [("SPEAKER", 0, 6), ("QUOTE", 29, 42), ("CUE", 53, 56)]  # as a UTF-16 counting doccano writes them
    res = read_exports([write_jsonl(tmp_path / "u16.jsonl", [emoji_line(utf16)])])
    assert res.errors == [] and res.converted_utf16 == 1
    (art,) = res.articles
    assert spans(art) == [("CUE", "कहा"), ("QUOTE", "हम तैयार हैं।"), ("SPEAKER", "जयशंकर")]
    assert "UTF-16" in str(res.warnings[0]) and "u16.jsonl:1" in str(res.warnings[0])


def test_code_point_offsets_beside_an_emoji_are_left_alone(tmp_path):
    points = [("SPEAKER", 0, 6), ("QUOTE", 26, 39), ("CUE", 50, 53)]
    res = read_exports([write_jsonl(tmp_path / "cp.jsonl", [emoji_line(points)])])
    assert res.converted_utf16 == 0 and res.warnings == []
    assert spans(res.articles[0]) == [("CUE", "कहा"), ("QUOTE", "हम तैयार हैं।"), ("SPEAKER", "जयशंकर")]


def test_irreconcilable_offsets_name_file_line_entity_and_both_readings(tmp_path):
    bad = emoji_line([("SPEAKER", 0, 6), ("QUOTE", 27, 31)])
    path = write_jsonl(tmp_path / "x.jsonl", [bad, relation_line()])
    res = read_exports([path])
    assert len(res.articles) == 1  # the other line is still read
    msg = str(res.errors[0])
    assert f"{path}:1" in msg and "entity 2" in msg and "cannot be reconciled" in msg
    assert repr(EMOJI[27:31]) in msg and repr(EMOJI[24:28]) in msg  # as code points, as UTF-16 units


def test_when_both_readings_fit_the_files_other_examples_decide(tmp_path):
    ambiguous = {"id": 2, "text": "🙏 क,ख,ग", "entities": [{"id": 1, "label": "SPEAKER", "start_offset": 4, "end_offset": 5}]}
    alone = read_exports([write_jsonl(tmp_path / "alone.jsonl", [ambiguous])])
    assert alone.articles == [] and "both readings fit" in str(alone.errors[0])
    assert "'ख'" in str(alone.errors[0]) and "','" in str(alone.errors[0])
    utf16 = emoji_line([("SPEAKER", 0, 6), ("QUOTE", 29, 42), ("CUE", 53, 56)])
    res = read_exports([write_jsonl(tmp_path / "file.jsonl", [utf16, ambiguous])])
    assert res.errors == [] and res.converted_utf16 == 2
    assert spans(res.articles[1]) == [("SPEAKER", ",")]


GOOD = relation_line(id=1, source="seeds/good.txt")


@pytest.mark.parametrize("bad,severity,message", [
    ('{"id": 2, "text": "अधूरा', "error", "not valid JSON"),
    ({"id": 2, "entities": [], "relations": []}, "error", "missing text"),
    (relation_line(id=2, text=""), "error", "missing text"),
    (relation_line(id=2, entities=[{"id": 1, "label": "QUOTE", "start_offset": 16, "end_offset": 99}]), "error", "out of range"),
    (relation_line(id=2, entities=[{"id": 1, "label": "QUOTE", "start_offset": 16}]), "error", "malformed entity"),
    (relation_line(id=2, entities=[{"id": 1, "label": "SPEAKER", "start_offset": 0, "end_offset": 4}]), "warning", "not on token boundaries"),
    (relation_line(id=2, relations=[{"id": 5, "from_id": 13, "to_id": 99, "type": "said_by"}]), "warning", "missing entity 99"),
    (relation_line(id=2, entities=[{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 6}]), "warning", "unknown label 'PERSON'"),
    (relation_line(id=2, source="seeds/good.txt"), "warning", "duplicate example"),
    ({"id": 2, "text": TEXT, "label": ["positive"]}, "error", "not a list of [start, end, LABEL]"),
])
def test_bad_export_lines_are_named_and_the_rest_is_read(tmp_path, bad, severity, message):
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps(GOOD, ensure_ascii=False), bad if isinstance(bad, str) else json.dumps(bad, ensure_ascii=False),
             json.dumps(relation_line(id=3, source="seeds/after.txt"), ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = read_exports([path])
    found = res.errors if severity == "error" else res.warnings
    assert any(message in str(p) and f"{path}:2" in str(p) for p in found), [str(p) for p in res.errors + res.warnings]
    other = res.warnings if severity == "error" else res.errors
    assert other == []
    sources = [a.meta["source"] for a in res.articles]
    assert "seeds/good.txt" in sources and "seeds/after.txt" in sources
    assert len(res.articles) == (2 if severity == "error" or "duplicate" in message else 3)


def test_an_unknown_label_is_dropped_from_the_training_doc(tmp_path, blank):
    line = relation_line(entities=relation_line()["entities"] + [{"id": 14, "label": "PERSON", "start_offset": 0, "end_offset": 6}])
    (art,) = read_exports([write_jsonl(tmp_path / "a.jsonl", [line])]).articles
    doc = to_doc(blank, art)
    assert sorted(sp.label_ for sp in doc.spans["sc"]) == ["CUE", "QUOTE", "SPEAKER"]


def test_a_later_duplicate_replaces_the_earlier_example(tmp_path):
    first = write_jsonl(tmp_path / "old.jsonl", [relation_line()])
    changed = relation_line(entities=[{"id": 13, "label": "CLAIM", "start_offset": 16, "end_offset": 29}], relations=[])
    second = write_jsonl(tmp_path / "new.jsonl", [changed])
    res = read_exports([first, second])
    (art,) = res.articles
    assert spans(art) == [("CLAIM", "हम तैयार हैं।")]
    assert "duplicate example" in str(res.warnings[0]) and "old.jsonl:1" in str(res.warnings[0])


def attrib(*args, cwd=ROOT):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "attrib.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, env=env)


def test_train_refuses_a_bad_export_without_touching_the_target(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    r = attrib("train", str(path), "--output", str(tmp_path / "model"), "--max-steps", "2")
    assert r.returncode == 1, r.stderr
    assert f"{path}:2" in r.stderr and "not valid JSON" in r.stderr and "--skip-bad" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "model").exists()


def test_train_refuses_to_replace_a_directory_that_is_not_a_model(tmp_path):
    target = tmp_path / "notes"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    r = attrib("train", str(ROOT / "annotations" / "seeds.jsonl"), "--output", str(target), "--max-steps", "2")
    assert r.returncode == 1 and "not a model directory" in r.stderr
    assert (target / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_train_from_a_zip_export_writes_a_model_that_loads_and_shows_dev_scores(tmp_path):
    from attrib.extract import load_model

    export = tmp_path / "project-1.zip"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("all.jsonl", (ROOT / "annotations" / "seeds.jsonl").read_text(encoding="utf-8"))
    r = attrib("train", str(export), "--output", str(tmp_path / "model"), "--max-steps", "2")
    assert r.returncode == 0, r.stderr
    assert "5 examples read" in r.stderr
    assert "trained 2 steps on 5 articles" in r.stdout and all(lab in r.stdout for lab in ("QUOTE", "CLAIM", "SPEAKER", "CUE"))
    assert load_model(str(tmp_path / "model")).pipe_names[-1] == "attrib_attribution"


def test_train_refuses_a_base_that_is_not_a_model_before_training(tmp_path):
    r = attrib("train", str(ROOT / "annotations" / "seeds.jsonl"), "--output", str(tmp_path / "m"), "--base", str(tmp_path))
    assert r.returncode == 1 and "the base model does not load" in r.stderr and "training" not in r.stderr
    assert not (tmp_path / "m").exists()
