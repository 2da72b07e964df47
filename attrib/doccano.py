"""The annotation loop with a doccano 1.8 server: create a project, push pre-annotated articles,
pull the export.

A small client over doccano's REST API (doccano-client 1.2 cannot be installed beside spaCy 3.8:
it needs pydantic < 2). Credentials come from the environment (``DOCCANO_URL``,
``DOCCANO_USERNAME``, ``DOCCANO_PASSWORD``) or from a ``machine`` entry for the server's host in
``~/.netrc`` (``$NETRC``); they are never taken from the command line and never printed.

    client = DoccanoClient.from_env()
    project = create_project(client, "hindi-quotes")             # labels, relations, overlaps on
    push_articles(client, project["id"], ["seeds/000_….txt"])      # pre-annotated by the model
    files = pull_export(client, project["id"], "exports/")         # all.jsonl (or one per user)
"""

from __future__ import annotations

import io
import json
import netrc
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional
from urllib.parse import urlparse

from .corpus import LABELS, RELATION_TYPES, STATEMENT_LABELS, sha256_text
from .errors import AttribError

SPAN_COLOURS = {"QUOTE": "#1f77b4", "CLAIM": "#2ca02c", "SPEAKER": "#d62728", "CUE": "#ff7f0e"}
SPAN_KEYS = {"QUOTE": "q", "CLAIM": "c", "SPEAKER": "s", "CUE": "v"}
RELATION_COLOURS = {"said_by": "#9467bd", "cue": "#8c564b", "refers_to": "#7f7f7f"}
PROJECT_TYPE = "SequenceLabeling"
IMPORT_TASK = "RelationExtraction"  # doccano's name for sequence labelling with relations


class DoccanoError(AttribError):
    """The doccano server refused a request, cannot be reached, or answered something unexpected."""


@dataclass(frozen=True)
class Credentials:
    url: str
    username: str
    password: str

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return f"Credentials(url={self.url!r}, username={self.username!r}, password=***)"


def credentials_from_env(environ: Optional[dict] = None) -> Credentials:
    """DOCCANO_URL plus DOCCANO_USERNAME/DOCCANO_PASSWORD, or the netrc entry for the URL's host."""
    env = os.environ if environ is None else environ
    url = (env.get("DOCCANO_URL") or "").rstrip("/")
    if not url:
        raise DoccanoError("no doccano server: set DOCCANO_URL (e.g. http://127.0.0.1:8000)")
    if not urlparse(url).scheme or not urlparse(url).hostname:
        raise DoccanoError(f"DOCCANO_URL {url!r} is not a URL; expected e.g. http://127.0.0.1:8000")
    user, password = env.get("DOCCANO_USERNAME"), env.get("DOCCANO_PASSWORD")
    if user and password:
        return Credentials(url, user, password)
    path = Path(env.get("NETRC") or Path.home() / ".netrc")
    host = urlparse(url).hostname
    entry = None
    if path.is_file():
        try:
            entry = netrc.netrc(str(path)).authenticators(host)
        except (netrc.NetrcParseError, OSError) as e:
            raise DoccanoError(f"{path}: cannot read it: {e.msg if hasattr(e, 'msg') else e}") from None
    if entry and entry[0] and entry[2]:
        return Credentials(url, user or entry[0], password or entry[2])
    raise DoccanoError(f"no doccano credentials for {host}: set DOCCANO_USERNAME and DOCCANO_PASSWORD, "
                       f"or add 'machine {host} login … password …' to {path}")


class DoccanoClient:
    """Session login (the CSRF cookie is sent back as X-CSRFToken) and the calls attrib needs."""

    def __init__(self, credentials: Credentials, *, timeout: float = 60.0):
        import requests

        self.url = credentials.url
        self._credentials = credentials
        self.timeout = timeout
        self.session = requests.Session()
        self._logged_in = False

    @classmethod
    def from_env(cls, environ: Optional[dict] = None, **kw) -> "DoccanoClient":
        return cls(credentials_from_env(environ), **kw)

    # -------------------------------------------------------------------------------- transport

    def _request(self, method: str, path: str, *, expect_json: bool = True, login: bool = True, **kw):
        import requests

        if login and not self._logged_in:
            self.login()
        token = self.session.cookies.get("csrftoken")
        headers = kw.pop("headers", {})
        if token:
            headers["X-CSRFToken"] = token
        url = self.url + path
        try:
            resp = self.session.request(method, url, headers=headers, timeout=self.timeout, **kw)
        except requests.ConnectionError:
            raise DoccanoError(f"cannot reach the doccano server at {self.url} (is it running? check DOCCANO_URL)") from None
        except requests.Timeout:
            raise DoccanoError(f"{method} {path}: no answer from {self.url} within {self.timeout:.0f} s") from None
        except requests.RequestException as e:
            raise DoccanoError(f"{method} {path}: {e.__class__.__name__}: {e}") from None
        if resp.status_code >= 400:
            raise DoccanoError(self._explain(method, path, resp))
        if not expect_json:
            return resp
        if resp.status_code == 204 or not resp.content:
            return None
        try:
            return resp.json()
        except ValueError:
            raise DoccanoError(f"{method} {path}: expected JSON from {self.url}, got {resp.text[:120]!r} "
                               "(is DOCCANO_URL a doccano 1.8 server?)") from None

    def _explain(self, method: str, path: str, resp) -> str:
        detail = ""
        try:
            body = resp.json()
            detail = body.get("detail") or body.get("non_field_errors") or body if isinstance(body, dict) else body
        except ValueError:
            detail = resp.text[:200].strip()
        if isinstance(detail, list):
            detail = "; ".join(map(str, detail))
        what = {401: "not logged in", 403: "permission denied", 404: "not found",
                405: "method not allowed (is this a doccano 1.8 server?)"}.get(resp.status_code, "refused")
        if resp.status_code >= 500:
            what = "server error (see the doccano server's log)"
        return f"doccano {method} {path}: HTTP {resp.status_code} {what}" + (f": {detail}" if detail else "")

    def login(self) -> None:
        c = self._credentials
        try:
            self._request("POST", "/v1/auth/login/", login=False, json={"username": c.username, "password": c.password})
        except DoccanoError as e:
            if "HTTP 400" in str(e):
                raise DoccanoError(f"doccano at {self.url} refused the login for user {c.username!r}: "
                                   "check DOCCANO_USERNAME/DOCCANO_PASSWORD (or ~/.netrc)") from None
            raise
        self._logged_in = True

    def get(self, path: str, **kw):
        return self._request("GET", path, **kw)

    def post(self, path: str, **kw):
        return self._request("POST", path, **kw)

    def patch(self, path: str, **kw):
        return self._request("PATCH", path, **kw)

    def delete(self, path: str, **kw):
        return self._request("DELETE", path, **kw)

    def paged(self, path: str, params: Optional[dict] = None, page: int = 100) -> Iterator[dict]:
        """All results of a paginated list (limit/offset)."""
        offset = 0
        while True:
            body = self.get(path, params={**(params or {}), "limit": page, "offset": offset})
            if isinstance(body, list):  # unpaginated lists (label types)
                yield from body
                return
            yield from body["results"]
            offset += len(body["results"])
            if not body.get("next") or not body["results"]:
                return

    # -------------------------------------------------------------------------------- resources

    def projects(self) -> list[dict]:
        return list(self.paged("/v1/projects"))

    def project(self, project_id: int) -> dict:
        return self.get(f"/v1/projects/{project_id}")

    def span_types(self, project_id: int) -> list[dict]:
        return list(self.paged(f"/v1/projects/{project_id}/span-types"))

    def relation_types(self, project_id: int) -> list[dict]:
        return list(self.paged(f"/v1/projects/{project_id}/relation-types"))

    def examples(self, project_id: int) -> Iterator[dict]:
        return self.paged(f"/v1/projects/{project_id}/examples")

    def spans(self, project_id: int, example_id: int) -> list[dict]:
        return list(self.paged(f"/v1/projects/{project_id}/examples/{example_id}/spans"))

    def relations(self, project_id: int, example_id: int) -> list[dict]:
        return list(self.paged(f"/v1/projects/{project_id}/examples/{example_id}/relations"))

    def update_span(self, project_id: int, example_id: int, span_id: int, **fields) -> dict:
        return self.patch(f"/v1/projects/{project_id}/examples/{example_id}/spans/{span_id}", json=fields)

    def create_span(self, project_id: int, example_id: int, label_id: int, start: int, end: int) -> dict:
        return self.post(f"/v1/projects/{project_id}/examples/{example_id}/spans",
                         json={"example": example_id, "label": label_id, "start_offset": start, "end_offset": end})

    def wait_task(self, task_id: str, *, timeout: float = 600.0, poll: float = 0.5) -> object:
        """Poll a celery task until it is done; its result, or DoccanoError on failure or timeout."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.get(f"/v1/tasks/status/{task_id}")
            if status.get("error"):
                raise DoccanoError(f"doccano task {task_id} failed: {status['error'].get('text', status['error'])}")
            if status.get("ready"):
                return status.get("result")
            if time.monotonic() > deadline:
                raise DoccanoError(f"doccano task {task_id} did not finish within {timeout:.0f} s: "
                                   "is the worker (`doccano task`) running beside the web server?")
            time.sleep(poll)

    def upload_jsonl(self, project_id: int, records: list[dict], *, name: str = "attrib.jsonl",
                     task: str = IMPORT_TASK, timeout: float = 600.0) -> list[dict]:
        """Upload records through filepond (``/v1/fp/process/``) and import them; returns doccano's
        per-line import errors (empty when every record was taken)."""
        payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        resp = self.post("/v1/fp/process/", expect_json=False,
                         files={"filepond": (name, io.BytesIO(payload), "application/octet-stream")})
        upload_id = resp.text.strip()
        if not upload_id:
            raise DoccanoError("doccano accepted the upload but returned no upload id")
        started = self.post(f"/v1/projects/{project_id}/upload",
                            json={"uploadIds": [upload_id], "format": "JSONL", "task": task,
                                  "column_data": "text", "column_label": "label", "encoding": "utf_8"})
        result = self.wait_task(started["task_id"], timeout=timeout) or {}
        return list(result.get("error") or []) if isinstance(result, dict) else []

    def export_zip(self, project_id: int, *, approved_only: bool = False, timeout: float = 600.0) -> bytes:
        """Start doccano's JSONL export, wait for it and download the ZIP it writes."""
        started = self.post(f"/v1/projects/{project_id}/download",
                            json={"format": "JSONL", "exportApproved": approved_only})
        self.wait_task(started["task_id"], timeout=timeout)
        resp = self.get(f"/v1/projects/{project_id}/download", params={"taskId": started["task_id"]}, expect_json=False)
        if not resp.content.startswith(b"PK"):
            raise DoccanoError(f"doccano export of project {project_id}: expected a ZIP, got {resp.text[:120]!r}")
        return resp.content


# ------------------------------------------------------------------------------------ workflows

def find_project(client: DoccanoClient, project: int | str) -> dict:
    """A project by id or by exact name."""
    if isinstance(project, int) or str(project).isdigit():
        return client.project(int(project))
    matches = [p for p in client.projects() if p["name"] == project]
    if not matches:
        raise DoccanoError(f"no doccano project named {project!r} at {client.url}")
    if len(matches) > 1:
        raise DoccanoError(f"{len(matches)} doccano projects are named {project!r}; give its id "
                           f"({', '.join(str(p['id']) for p in matches)})")
    return matches[0]


def create_project(client: DoccanoClient, name: str, *, description: str = "", guideline: str = "",
                   collaborative: bool = True) -> tuple[dict, bool]:
    """The attribution project: span types QUOTE, CLAIM, SPEAKER, CUE; relation types said_by, cue,
    refers_to; relation labelling and overlapping spans on. An existing project of that name is
    reused and given any label types it lacks. Returns (project, created).

    ``collaborative`` (the default) lets every annotator see and correct the model's pre-annotations,
    and the export is one ``all.jsonl``; without it each annotator starts from their own labels."""
    existing = [p for p in client.projects() if p["name"] == name]
    created = not existing
    if existing:
        project = existing[0]
        if project.get("project_type") != PROJECT_TYPE or not project.get("use_relation"):
            raise DoccanoError(f"doccano project {name!r} (id {project['id']}) exists but is not a sequence-labelling "
                               "project with relations; choose another name")
        if not project.get("allow_overlapping"):
            project = client.patch(f"/v1/projects/{project['id']}",
                                   json={"allow_overlapping": True, "resourcetype": "SequenceLabelingProject"})
    else:
        project = client.post("/v1/projects", json={
            "name": name, "description": description or "attrib: who said what in Hindi news",
            "guideline": guideline or "See annotations/GUIDELINES.md in the attrib repository.",
            "project_type": PROJECT_TYPE, "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": True, "use_relation": True, "grapheme_mode": False,
            "collaborative_annotation": collaborative, "random_order": False})
    pid = project["id"]
    have = {t["text"] for t in client.span_types(pid)}
    for label in LABELS:
        if label not in have:
            client.post(f"/v1/projects/{pid}/span-types", json={
                "text": label, "background_color": SPAN_COLOURS[label], "text_color": "#ffffff",
                "suffix_key": SPAN_KEYS[label]})
    have = {t["text"] for t in client.relation_types(pid)}
    for rtype in RELATION_TYPES:
        if rtype not in have:
            client.post(f"/v1/projects/{pid}/relation-types", json={
                "text": rtype, "background_color": RELATION_COLOURS[rtype], "text_color": "#ffffff"})
    return project, created


def prediction_record(doc, *, source: str) -> dict:
    """One doccano relation-import record from a processed Doc: each statement (QUOTE or CLAIM) with
    its SPEAKER mention (said_by), CUE (cue) and the mention's antecedent (refers_to)."""
    from .pipeline.attribution import EXTENSION, STATEMENTS_KEY

    entities: dict[tuple, dict] = {}
    relations: list[dict] = []

    def entity(label: str, chars) -> Optional[int]:
        if chars is None:
            return None
        key = (label, int(chars[0]), int(chars[1]))
        if key not in entities:
            entities[key] = {"id": len(entities) + 1, "label": label, "start_offset": key[1], "end_offset": key[2]}
        return entities[key]["id"]

    def relate(a, b, rtype):
        if a is not None and b is not None and a != b and not any(
                r["from_id"] == a and r["to_id"] == b and r["type"] == rtype for r in relations):
            relations.append({"id": len(relations) + 1, "from_id": a, "to_id": b, "type": rtype})

    for sp in doc.spans.get(STATEMENTS_KEY, []):
        info = sp._.get(EXTENSION) or {}
        label = sp.label_ if sp.label_ in STATEMENT_LABELS else ("CLAIM" if info.get("kind") == "indirect" else "QUOTE")
        st = entity(label, (sp.start_char, sp.end_char))
        mention = entity("SPEAKER", info.get("mention"))
        relate(st, mention, "said_by")
        relate(st, entity("CUE", info.get("cue")), "cue")
        relate(mention, entity("SPEAKER", info.get("antecedent")), "refers_to")
    return {"text": doc.text, "entities": list(entities.values()), "relations": relations,
            "source": source, "sha256": sha256_text(doc.text)}


@dataclass
class PushResult:
    pushed: int
    skipped: list  # sources already in the project
    entities: int
    relations: int
    import_errors: list


def push_articles(client: DoccanoClient, project_id: int, articles: Iterable[tuple[str, str]], *,
                  model: Optional[str] = None, batch_size: int = 16) -> PushResult:
    """Pre-annotate (source, text) pairs with the model and import them with their spans and
    relations. Articles whose text is already in the project (same sha256) are skipped."""
    from .extract import _configure, load_model

    nlp = load_model(model)
    _configure(nlp, None)
    present = {(ex.get("meta") or {}).get("sha256") or sha256_text(ex.get("text") or "") for ex in client.examples(project_id)}
    todo, skipped = [], []
    for source, text in articles:
        (skipped if sha256_text(text) in present else todo).append((source, text))
        present.add(sha256_text(text))
    records = [prediction_record(doc, source=src) for (src, _), doc in
               zip(todo, nlp.pipe((t for _, t in todo), batch_size=batch_size))]
    errors = client.upload_jsonl(project_id, records, name="attrib-push.jsonl") if records else []
    return PushResult(pushed=len(records) - len(errors), skipped=[s for s, _ in skipped],
                      entities=sum(len(r["entities"]) for r in records),
                      relations=sum(len(r["relations"]) for r in records), import_errors=errors)


def pull_export(client: DoccanoClient, project_id: int, out_dir: str | Path, *, approved_only: bool = False,
                timeout: float = 600.0, keep_zip: bool = True) -> list[Path]:
    """Trigger doccano's export, wait for it, download the ZIP and unpack its JSONL files into
    ``out_dir``; returns the JSONL paths (``all.jsonl``, or one per annotator)."""
    data = client.export_zip(project_id, approved_only=approved_only, timeout=timeout)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if keep_zip:
        (out / f"project-{project_id}.zip").write_bytes(data)
    paths = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for member in zf.namelist():
            name = Path(member).name
            if not name.endswith(".jsonl") or name != member.lstrip("./"):
                continue  # no directories, nothing that would land outside out_dir
            target = out / name
            target.write_bytes(zf.read(member))
            paths.append(target)
    if not paths:
        raise DoccanoError(f"the export of project {project_id} holds no JSONL file")
    return sorted(paths)

