"""`attrib batch`: the same lines as single runs, whatever the inputs' shape, the process count or
Dask; resume after a kill; failures recorded while the batch goes on."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from attrib.batch import OutputError, errors_path_for, merge_parts, parts_dir_for, read_ids
from tests.conftest import CORPUS, ROOT, SEEDS, needs_corpus, write_jsonl


def attrib(*args, timeout=300):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "attrib.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env=env)


def lines_by_id(path):
    out = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        assert record["source"] not in out, f"{record['source']} written twice"
        out[record["source"]] = record
    return out


def errors_by_id(out):
    return {r["id"]: r for r in map(json.loads, errors_path_for(out).read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def single_runs():
    """What `attrib FILE --format jsonl` prints for each seed (the reference)."""
    r = attrib(*(s.relative_to(ROOT) for s in SEEDS), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return {json.loads(x)["source"]: json.loads(x) for x in r.stdout.splitlines()}


def test_files_globs_directories_and_jsonl_give_the_single_run_lines(tmp_path, single_runs):
    texts = {str(s): s.read_text(encoding="utf-8") for s in SEEDS}
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"id": "article-2", "text": texts[str(SEEDS[2])]}, {"id": 3, "text": texts[str(SEEDS[3])]}])
    folder = tmp_path / "archive" / "2025"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(texts[str(SEEDS[4])], encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = attrib("batch", "seeds/00[01]_*.txt", docs, tmp_path / "archive", "-o", out)
    assert r.returncode == 0, r.stderr
    got = lines_by_id(out)
    assert set(got) == {str(SEEDS[0].relative_to(ROOT)), str(SEEDS[1].relative_to(ROOT)), "article-2", "3", str(folder / "a.txt")}
    for i, seed in enumerate(SEEDS):
        expected = single_runs[str(seed.relative_to(ROOT))]
        key = {2: "article-2", 3: "3", 4: str(folder / "a.txt")}.get(i, str(seed.relative_to(ROOT)))
        assert got[key]["quotes"] == expected["quotes"] and got[key]["speakers"] == expected["speakers"]
    assert not errors_path_for(out).exists()
    assert "5 attributed" in r.stderr


def test_jobs_2_writes_the_single_run_lines_in_input_order(tmp_path, single_runs):
    out = tmp_path / "out.jsonl"
    r = attrib("batch", "seeds", "-o", out, "--jobs", "2", "--batch-size", "2")
    assert r.returncode == 0, r.stderr
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["source"] for x in got] == [str(s.relative_to(ROOT)) for s in SEEDS]
    assert got == [single_runs[x["source"]] for x in got]


def test_failures_are_recorded_with_reasons_and_the_batch_goes_on(tmp_path):
    good = SEEDS[0].read_text(encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join([
        json.dumps({"id": "ok-1", "text": good}, ensure_ascii=False),
        '{"id": "broken", "text": "जयशंकर ने',                       # line 2: cut off
        json.dumps({"id": "no-text"}),                                # line 3
        json.dumps({"id": "blank", "text": " \n "}),                  # line 4
        json.dumps({"id": "huge", "text": "क " * 600_000}),           # line 5: 2.4 MB, over --max-mb 1
        json.dumps({"id": "ok-1", "text": "दूसरा"}, ensure_ascii=False),  # line 6: repeated id
        json.dumps({"id": 7, "text": "मोदी ने कहा कि भारत तैयार है।"}, ensure_ascii=False),
        json.dumps({"id": "nul", "text": "मोदी\u0000ने कहा"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out = tmp_path / "out.jsonl"
    r = attrib("batch", docs, latin, "-o", out, "--max-mb", "1")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert set(lines_by_id(out)) == {"ok-1", "7"}
    errors = errors_by_id(out)
    assert set(errors) == {f"{docs}:2", "no-text", "blank", "huge", "ok-1", "nul", str(latin)}
    assert "not JSON" in errors[f"{docs}:2"]["reason"]
    assert errors["no-text"]["input"] == f"{docs}:3" and "no 'text'" in errors["no-text"]["reason"]
    assert "only whitespace" in errors["blank"]["reason"]
    assert "over the 1 MB limit" in errors["huge"]["reason"] and "--max-mb" in errors["huge"]["reason"]
    assert "binary" in errors["nul"]["reason"] and errors["nul"]["input"] == f"{docs}:8"
    assert "duplicate id" in errors["ok-1"]["reason"] and errors["ok-1"]["input"] == f"{docs}:6"
    assert "PNG" in errors[str(latin)]["reason"]
    assert "7 failed" in r.stderr and str(errors_path_for(out)) in r.stderr

    # A re-run skips what is done and what failed; nothing is written twice.
    before = out.read_bytes(), errors_path_for(out).read_bytes()
    r = attrib("batch", docs, latin, "-o", out, "--max-mb", "1")
    assert r.returncode == 1 and "2 already in" in r.stderr and "7 failed earlier" in r.stderr
    assert (out.read_bytes(), errors_path_for(out).read_bytes()) == before

    # Fixed at the source, a failure is retried on request and leaves the errors file.
    latin.write_text("प्रधानमंत्री ने कहा कि देश तैयार है।", encoding="utf-8")
    r = attrib("batch", docs, latin, "-o", out, "--retry-failed", "--max-mb", "1")
    assert r.returncode == 1, r.stderr  # the bad JSONL lines still fail
    assert str(latin) in lines_by_id(out)
    assert str(latin) not in errors_by_id(out) and set(errors_by_id(out)) == {f"{docs}:2", "no-text", "blank", "huge", "ok-1", "nul"}


def test_a_document_the_pipeline_raises_on_fails_alone(tmp_path, monkeypatch):
    """In process (--jobs 1): one document of a batch makes the pipeline raise; it is recorded with
    the reason and the others of its batch are still attributed."""
    import attrib.extract
    from attrib.batch import run_batch

    real = attrib.extract.doc_quotes

    def fragile(doc, *args, **kwargs):
        if "विस्फोट" in doc.text:
            raise RuntimeError("the pipeline broke on this one")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(attrib.extract, "doc_quotes", fragile)
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"id": "a", "text": "मोदी ने कहा कि भारत तैयार है।"},
                                                 {"id": "b", "text": "विस्फोट के बाद मंत्री ने कहा कि जांच होगी।"},
                                                 {"id": "c", "text": "जयशंकर ने कहा, \"हम तैयार हैं।\""}])
    out = tmp_path / "out.jsonl"
    report = run_batch([str(docs)], out, batch_size=3)
    assert (report.attributed, report.failed) == (2, 1)
    assert set(lines_by_id(out)) == {"a", "c"} and lines_by_id(out)["c"]["quotes"]
    assert errors_by_id(out)["b"]["reason"] == "RuntimeError: the pipeline broke on this one"


def test_a_long_article_gives_the_same_line_as_a_single_run(tmp_path):
    """Long texts go through the same paragraph chunking as `attrib FILE` (offsets into the whole text)."""
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(s.read_text(encoding="utf-8") for s in SEEDS * 2), encoding="utf-8")  # > 20,000 characters
    single = attrib(long, "--format", "jsonl")
    assert single.returncode == 0, single.stderr
    out = tmp_path / "out.jsonl"
    r = attrib("batch", long, "-o", out)
    assert r.returncode == 0, r.stderr
    assert lines_by_id(out)[str(long)] == json.loads(single.stdout)
    text = long.read_text(encoding="utf-8")
    assert all(text[q["start"]:q["end"]] == q["text"] for q in json.loads(single.stdout)["quotes"])


def test_a_killed_run_resumes_without_torn_or_repeated_lines(tmp_path):
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"id": f"d{i:02d}", "text": texts[i % len(texts)]} for i in range(15)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "attrib.cli", "batch", str(docs), "-o", str(out), "--batch-size", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    assert 3 <= written < 15, "the run must be killed part way"
    # Simulate the worst a kill can leave: half of a line, no newline.
    with open(out, "ab") as fh:
        fh.write(b'{"schema_version":"1","source":"d14","quo')
    r = attrib("batch", docs, "-o", out, "--batch-size", "1")
    assert r.returncode == 0, r.stderr
    assert f"{written} already in" in r.stderr and "torn" in r.stderr
    got = lines_by_id(out)  # every line parses and no id is there twice
    assert sorted(got) == [f"d{i:02d}" for i in range(15)]
    assert all(got[f"d{i:02d}"]["quotes"] == got[f"d{i % len(texts):02d}"]["quotes"] for i in range(15))
    assert got["d00"]["quotes"], "the seeds have statements"


def test_a_file_not_written_by_batch_is_refused_not_overwritten(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "x", "quotes": []}\nhello\n{"source": "y"}\n', encoding="utf-8")
    before = out.read_bytes()
    r = attrib("batch", SEEDS[0], "-o", out)
    assert r.returncode == 1 and f"{out}:2" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == before
    with pytest.raises(OutputError):
        read_ids(out, "source")


def test_torn_last_line_is_cut_and_complete_ones_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"source": "a"}\n{"source": "b"}\n{"sour')
    assert read_ids(out, "source") == ({"a", "b"}, 1)
    assert out.read_bytes() == b'{"source": "a"}\n{"source": "b"}\n'


def test_partitions_of_a_killed_dask_run_are_merged_once(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "a"}\n', encoding="utf-8")
    parts = parts_dir_for(out)
    parts.mkdir()
    (parts / "run1-00000001.jsonl").write_text('{"source": "c"}\n{"source": "a"}\n', encoding="utf-8")
    (parts / "run1-00000000.jsonl").write_text('{"source": "b"}\n', encoding="utf-8")
    (parts / "run1-00000002.tmp").write_text('{"source": "d"', encoding="utf-8")  # killed while writing
    done = {"a"}
    assert merge_parts(out, done) == 2
    assert [json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]
    assert done == {"a", "b", "c"} and not parts.exists()


@pytest.mark.parametrize("args,code,needle", [
    (["batch", "nope/*.txt", "-o", "{out}"], 1, "nope/*.txt: no files match"),
    (["batch", "missing.txt", "-o", "{out}"], 1, "missing.txt: no such file"),
    (["batch", "-", "-o", "{out}"], 1, "reads files, not stdin"),
    (["batch", "seeds", "-o", "{out}", "--jobs", "0"], 2, ""),
    (["batch", "seeds"], 2, "--output"),
])
def test_bad_batch_invocations(tmp_path, args, code, needle):
    out = tmp_path / "out.jsonl"
    r = attrib(*[a.replace("{out}", str(out)) for a in args])
    assert r.returncode == code and needle in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_dask_option_takes_an_address_or_stands_alone():
    from attrib.cli import _batch_dask_argv

    assert _batch_dask_argv(["batch", "a", "--dask"]) == ["batch", "a", "--dask=local"]
    assert _batch_dask_argv(["batch", "--dask", "a.jsonl", "-o", "x"]) == ["batch", "--dask=local", "a.jsonl", "-o", "x"]
    assert _batch_dask_argv(["batch", "a", "--dask", "tcp://10.0.0.5:8786"]) == ["batch", "a", "--dask", "tcp://10.0.0.5:8786"]
    assert _batch_dask_argv(["batch", "a", "--dask", "scheduler:8786"]) == ["batch", "a", "--dask", "scheduler:8786"]


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    r = attrib("batch", SEEDS[0], "-o", out, "--dask", "tcp://127.0.0.1:9")
    assert r.returncode == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in r.stderr
    assert "Traceback" not in r.stderr


def test_sigterm_stops_a_dask_run_cleanly_and_it_resumes(tmp_path):
    psutil = pytest.importorskip("psutil")
    pytest.importorskip("distributed")
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"id": f"d{i:02d}", "text": texts[i % len(texts)]} for i in range(40)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "attrib.cli", "batch", str(docs), "-o", str(out), "--dask", "--batch-size", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 2):
        time.sleep(0.1)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "the LocalCluster's worker processes"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Run the same command again to resume" in stderr
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, f"workers outlived the batch: {alive}"
    r = attrib("batch", docs, "-o", out, "--batch-size", "4")
    assert r.returncode == 0, r.stderr
    assert sorted(lines_by_id(out)) == [f"d{i:02d}" for i in range(40)]


@needs_corpus()
@pytest.mark.corpus
def test_dask_local_cluster_gives_the_single_process_quotes_on_the_pool(tmp_path):
    """Every third pool article (both newspapers' and BBC house styles) to keep the suite short on
    2 cores; ATTRIB_TEST_FULL_POOL=1 runs all 1,326 (about 95 s idle)."""
    pytest.importorskip("distributed")
    articles = sorted((CORPUS / "pool").glob("*.txt"))
    if os.environ.get("ATTRIB_TEST_FULL_POOL") != "1":
        articles = articles[::3]
    single, dask = tmp_path / "single.jsonl", tmp_path / "dask.jsonl"
    r = attrib("batch", *articles, "-o", single, timeout=900)
    assert r.returncode == 0, r.stderr
    r = attrib("batch", *articles, "-o", dask, "--dask", "--jobs", "2", timeout=900)
    assert r.returncode == 0, r.stderr
    a, b = lines_by_id(single), lines_by_id(dask)
    assert len(a) == len(articles) > 400
    assert a.keys() == b.keys()
    differ = [k for k in a if a[k]["quotes"] != b[k]["quotes"]]
    assert not differ, f"{len(differ)} articles differ, e.g. {differ[:3]}"
    assert sum(len(x["quotes"]) for x in a.values()) > 400
    assert not parts_dir_for(dask).exists()


def test_a_second_run_on_the_same_out_is_refused(tmp_path):
    import fcntl

    out = tmp_path / "out.jsonl"
    with open(out, "ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running `attrib batch` holds it
        r = attrib("batch", SEEDS[0], "-o", out)
    assert r.returncode == 1 and "another `attrib batch` is writing it" in r.stderr
    assert out.read_bytes() == b""
