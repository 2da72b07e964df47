"""The annotation loop against a real doccano 1.8.4 server on 127.0.0.1: create a project, push
the seeds pre-annotated by the model, change a span as an annotator would, pull the export, train
a few steps on it; the new model loads and the changed span is in its training data.

The server runs from its own venv (``scripts/doccano.sh install``, cached in
~/.cache/attrib/doccano-venv); the test skips, saying why, only when doccano cannot be installed.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

SCRIPT = ROOT / "scripts" / "doccano.sh"
USER, PASSWORD = "annotator", "Kx9-round-trip-only"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _up(url: str) -> bool:
    import requests

    try:
        return requests.get(url + "/v1/health/", timeout=5).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture(scope="module")
def doccano(tmp_path_factory):
    """A doccano server with its worker, started here and stopped at teardown."""
    install = subprocess.run(["bash", str(SCRIPT), "install"], capture_output=True, text=True, timeout=1500)
    if install.returncode == 3:
        pytest.skip(f"doccano cannot be installed here: {install.stderr.strip().splitlines()[-1]}")
    assert install.returncode == 0, install.stderr
    home = tmp_path_factory.mktemp("doccano-home")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DOCCANO_HOME": str(home), "DOCCANO_USERNAME": USER, "DOCCANO_PASSWORD": PASSWORD}
    server = subprocess.Popen(["bash", str(SCRIPT), "serve", str(port)], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while not _up(url):
            if server.poll() is not None or time.monotonic() > deadline:
                logs = "\n".join(f"--- {p.name}\n" + p.read_text(errors="replace")[-2000:] for p in home.glob("*.log"))
                pytest.fail(f"doccano did not start on {url}:\n{logs}")
            time.sleep(1)
        yield {"url": url, "home": home}
    finally:
        # The server script, gunicorn and the celery worker share the process group we started.
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        except ProcessLookupError:
            pass
    assert not _up(url), "the doccano server is still answering after teardown"


def attrib(*args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "attrib.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600, env={**os.environ, "COLUMNS": "200", **(env or {})})


def test_round_trip_push_correct_pull_train(doccano, tmp_path):
    from attrib.doccano import DoccanoClient
    from attrib.exports import read_exports
    from attrib.extract import load_model
    from attrib.train import build_docbins

    started = time.monotonic()
    creds = {"DOCCANO_URL": doccano["url"], "DOCCANO_USERNAME": USER, "DOCCANO_PASSWORD": PASSWORD}

    r = attrib("doccano", "create", "attrib-roundtrip", env=creds)
    assert r.returncode == 0, r.stderr
    assert "created project 'attrib-roundtrip'" in r.stdout

    r = attrib("doccano", "push", "attrib-roundtrip", *(str(p.relative_to(ROOT)) for p in SEEDS), env=creds)
    assert r.returncode == 0, r.stderr
    assert f"pushed {len(SEEDS)} articles" in r.stdout
    assert PASSWORD not in r.stdout + r.stderr

    # Pushing again adds nothing: the articles are already there.
    r = attrib("doccano", "push", "attrib-roundtrip", str(SEEDS[0].relative_to(ROOT)), env=creds)
    assert r.returncode == 0 and "pushed 0 articles" in r.stdout and "already in the project" in r.stderr

    client = DoccanoClient.from_env(creds)
    (project,) = [p for p in client.projects() if p["name"] == "attrib-roundtrip"]
    pid = project["id"]
    assert project["use_relation"] and project["allow_overlapping"]
    assert {t["text"] for t in client.span_types(pid)} == {"QUOTE", "CLAIM", "SPEAKER", "CUE"}
    assert {t["text"] for t in client.relation_types(pid)} == {"said_by", "cue", "refers_to"}
    examples = list(client.examples(pid))
    assert sorted(e["meta"]["source"] for e in examples) == sorted(str(p.relative_to(ROOT)) for p in SEEDS)
    example = next(e for e in examples if e["meta"]["source"] == str(SEEDS[0].relative_to(ROOT)))
    assert client.relations(pid, example["id"]), "the pre-annotations carry relations"

    # The annotator relabels the model's first QUOTE as a CLAIM and trims its last token.
    label_ids = {t["text"]: t["id"] for t in client.span_types(pid)}
    quote = min((s for s in client.spans(pid, example["id"]) if s["label"] == label_ids["QUOTE"]),
                key=lambda s: s["start_offset"])
    text = example["text"]
    new_end = text.rfind(" ", quote["start_offset"], quote["end_offset"])  # drop the last word
    assert new_end > quote["start_offset"]
    client.update_span(pid, example["id"], quote["id"], label=label_ids["CLAIM"], end_offset=new_end)
    changed = ("CLAIM", quote["start_offset"], new_end)

    r = attrib("doccano", "pull", "attrib-roundtrip", "--output", str(tmp_path / "pull"), env=creds)
    assert r.returncode == 0, r.stderr
    (zip_path,) = (tmp_path / "pull").glob("*.zip")
    assert "all.jsonl" in zipfile.ZipFile(zip_path).namelist()
    assert Path(r.stdout.strip()) == tmp_path / "pull" / "all.jsonl"

    imported = read_exports([zip_path])
    assert imported.errors == [] and len(imported.articles) == len(SEEDS)
    art = next(a for a in imported.articles if a.meta["source"] == example["meta"]["source"])
    assert changed in {(e.label, e.start, e.end) for e in art.entities.values()}
    assert ("QUOTE", quote["start_offset"], quote["end_offset"]) not in {(e.label, e.start, e.end) for e in art.entities.values()}

    # The changed span is what training sees.
    paths = build_docbins(imported.articles, {}, tmp_path / "corpus")
    from spacy.tokens import DocBin

    from attrib.train import blank_nlp

    docs = list(DocBin().from_disk(paths["train"]).get_docs(blank_nlp().vocab))
    doc = next(d for d in docs if d.text == text)
    assert changed in {(s.label_, s.start_char, s.end_char) for s in doc.spans["sc"]}

    model = tmp_path / "model"
    r = attrib("train", str(zip_path), "--output", str(model), "--base", str(ROOT / "attrib" / "model"), "--max-steps", "3")
    assert r.returncode == 0, r.stderr
    assert "model written to" in r.stdout and "CLAIM" in r.stdout
    nlp = load_model(str(model))
    assert nlp.pipe_names[-1] == "attrib_attribution"
    nlp("जयशंकर ने कहा कि भारत तैयार है।")
    print(f"\ndoccano round trip: {time.monotonic() - started:.1f} s (server start not included)")


def test_wrong_password_is_a_clear_error_that_does_not_echo_it(doccano):
    creds = {"DOCCANO_URL": doccano["url"], "DOCCANO_USERNAME": USER, "DOCCANO_PASSWORD": "not-the-password-42"}
    r = attrib("doccano", "pull", "1", env=creds)
    assert r.returncode == 1
    assert "refused the login" in r.stderr and "not-the-password-42" not in r.stderr + r.stdout
    assert "Traceback" not in r.stderr
