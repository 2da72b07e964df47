"""Batch runs over archives: ``attrib batch INPUT... -o OUT.jsonl``.

Inputs are article files, directories (every ``*.txt`` and ``*.jsonl`` below them), glob patterns,
or JSONL files with one ``{"id": ..., "text": ...}`` object per line. An article file's id is its
path as given (``archive/2020/a.txt``); a JSONL record's id is its ``id`` (strings and integers; an
integer becomes its decimal string).

Output: OUT gets one line per document, the JSON export object (:class:`attrib.schema.Attribution`)
with ``source`` set to the document's id, so each line is exactly what ``attrib --format jsonl``
prints for that document. A document that fails goes to ``OUT.errors.jsonl`` (``x.jsonl`` ->
``x.errors.jsonl``) as ``{"id", "input", "reason"}``; the batch goes on.

Resuming: a line is appended with one ``write`` of the whole line, so a killed run leaves at most
one torn last line, which the next run cuts off. Ids already in OUT are skipped, and so are ids
already recorded as failed, unless ``retry_failed`` is set. Dask runs first write each partition
to ``OUT.parts/`` and merge it into OUT; parts left by a killed run are merged at the next start.
"""

from __future__ import annotations

import glob
import json
import os
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .errors import AttribError, InputError

ARTICLE_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_BATCH_SIZE = 16
MAX_ARTICLE_BYTES = 10_000_000  # as `attrib FILE` (--max-mb 10)
_REASON_MAX = 500


class OutputError(AttribError):
    """OUT (or its errors file) holds something that `attrib batch` did not write."""


@dataclass(frozen=True)
class Task:
    """One document to attribute: an article file, or one line of a JSONL file."""

    id: str
    path: str
    offset: Optional[int] = None  # byte offset of the JSONL line; None for an article file
    line: Optional[int] = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Failure:
    id: str
    where: str
    reason: str

    def record(self) -> dict:
        return {"id": self.id, "input": self.where, "reason": self.reason}


@dataclass
class Plan:
    tasks: list[Task] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


@dataclass
class BatchReport:
    """What a batch run did (the CLI prints it)."""

    out: Path
    errors_path: Path
    documents: int = 0  # documents named by the inputs (good and bad)
    already_done: int = 0  # skipped: already in OUT
    already_failed: int = 0  # skipped: already recorded in the errors file
    attributed: int = 0  # written to OUT by this run
    failed: int = 0  # recorded in the errors file by this run
    torn_lines: int = 0  # torn last lines cut from OUT / the errors file (left by a killed run)
    merged_parts: int = 0  # partition files of an earlier Dask run merged into OUT
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.attributed / self.seconds if self.seconds > 0 else 0.0


class BatchProgress:
    """Progress callbacks; the CLI draws a bar, the library stays silent."""

    def start(self, total: int) -> None:
        """``total`` documents are to be attributed by this run."""

    def advance(self, n: int) -> None:
        """``n`` more documents are finished (attributed or failed)."""


def errors_path_for(out: Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl`` (a name without ``.jsonl`` gets ``.errors.jsonl`` added)."""
    name = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


def parts_dir_for(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


# --- planning: inputs -> tasks ---------------------------------------------------------------


def plan_inputs(inputs: Iterable[str]) -> Plan:
    """Expand files, directories, globs and JSONL files into tasks (first pass; texts not read).

    A missing input or a pattern that matches nothing raises InputError before anything runs; a
    bad JSONL line or a repeated id becomes a Failure and the others go on.
    """
    plan = Plan()
    seen: dict[str, str] = {}
    for spec in inputs:
        for path in _expand(spec):
            entries = _jsonl_tasks(path) if path.suffix.lower() in JSONL_SUFFIXES else [Task(id=str(path), path=str(path))]
            for entry in entries:
                if isinstance(entry, Failure):
                    plan.failures.append(entry)
                elif entry.id in seen:
                    plan.failures.append(Failure(entry.id, entry.where, f"duplicate id (first at {seen[entry.id]}); only the first is attributed"))
                else:
                    seen[entry.id] = entry.where
                    plan.tasks.append(entry)
    return plan


def _expand(spec: str) -> list[Path]:
    if spec == "-":
        raise InputError("-: `attrib batch` reads files, not stdin; save the documents as JSONL ({\"id\", \"text\"} per line) and give its path")
    p = Path(spec)
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES | JSONL_SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not found:
            raise InputError(f"{spec}: directory holds no *.txt or *.jsonl files")
        return found
    if p.exists():
        return [p]
    if glob.has_magic(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            raise InputError(f"{spec}: no files match this pattern")
        out = []
        for m in matches:
            out.extend(_expand(m) if Path(m).is_dir() else [Path(m)])
        return out
    raise InputError(f"{spec}: no such file or directory")


def _jsonl_tasks(path: Path) -> Iterator[Task | Failure]:
    try:
        fh = path.open("rb")
    except OSError as e:
        yield Failure(str(path), str(path), f"cannot read: {e.strerror}")
        return
    with fh:
        offset = 0
        for n, raw in enumerate(fh, 1):
            where, start = f"{path}:{n}", offset
            offset += len(raw)
            try:
                record = _parse_record(raw, n == 1)
            except ValueError as e:
                yield Failure(where, where, str(e))
                continue
            if record is None:
                continue
            rid = record.get("id")
            if isinstance(rid, bool) or not isinstance(rid, (str, int)) or rid == "":
                yield Failure(where, where, f"'id' must be a non-empty string or an integer, found {json.dumps(rid, ensure_ascii=False)}")
            elif not isinstance(record.get("text"), str):
                yield Failure(str(rid), where, "'text' must be a string (the article)" if "text" in record else "no 'text' field")
            else:
                yield Task(id=str(rid), path=str(path), offset=start, line=n)


def _parse_record(raw: bytes, first: bool) -> Optional[dict]:
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte {e.start}: {raw[e.start:e.start + 1]!r})") from None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg} at column {e.colno}); expected {{\"id\": ..., \"text\": ...}}") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object {{\"id\": ..., \"text\": ...}}, found {type(record).__name__}")
    return record


def read_text(task: Task, max_bytes: Optional[int] = MAX_ARTICLE_BYTES) -> str:
    """The task's article text, checked as ``attrib FILE`` checks a file (encoding, binary, empty,
    over ``max_bytes``); raises InputError naming the file, or file:line."""
    from .text import decode_article, load_article

    if task.offset is None:
        return load_article(task.path, max_bytes).text
    with open(task.path, "rb") as fh:
        fh.seek(task.offset)
        record = _parse_record(fh.readline(), task.offset == 0)
    text = record["text"] if record else None
    if not isinstance(text, str):
        raise InputError(f"{task.where}: the line changed while the batch ran")
    data = text.encode("utf-8", "surrogatepass")
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"{task.where}: 'text' is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one "
                         "article; split it, or raise the limit with --max-mb (0 = none)")
    try:
        return decode_article(data, task.where).text
    except UnicodeDecodeError:  # lone surrogates (\ud800 in the JSON) are not text
        raise InputError(f"{task.where}: 'text' holds unpaired surrogate escapes; not valid Unicode text") from None


# --- the work done in each process (one model per process) -----------------------------------

_WORKER: dict = {}


def init_worker(model: Optional[str], registry, min_confidence: float) -> None:
    """Load the model once in this process (a Pool initializer / a Dask worker plugin calls this)."""
    from .extract import load_model

    load_model(model)
    _WORKER.update(model=model, registry=registry, min_confidence=min_confidence)


def attribute_items(items: list[tuple[str, str]], batch_size: int = DEFAULT_BATCH_SIZE) -> list[tuple[str, str, str]]:
    """(id, text) pairs -> ("ok", id, json line) or ("error", id, reason), in order.

    The batch goes through :func:`attrib.extract.extract_many`, the path ``attrib FILE`` takes (long
    texts in paragraph chunks); if that raises, each document is retried alone so that one bad
    document fails alone.
    """
    from .extract import extract_many

    opts = dict(model=_WORKER["model"], registry=_WORKER["registry"], min_confidence=_WORKER["min_confidence"])
    try:
        return [("ok", r.source, r.model_dump_json()) for r in extract_many(items, batch_size=batch_size, **opts)]
    except Exception:  # noqa: BLE001  (isolate the document that broke the batch below)
        pass
    outcomes = []
    for item in items:
        try:
            (result,) = extract_many([item], **opts)
            outcomes.append(("ok", item[0], result.model_dump_json()))
        except Exception as e:  # noqa: BLE001  (any failure of one document is recorded, never fatal)
            outcomes.append(("error", item[0], reason_of(e)))
    return outcomes


def reason_of(e: BaseException) -> str:
    text = " ".join(str(e).split()) or "(no message)"
    text = f"{type(e).__name__}: {text}"
    return text if len(text) <= _REASON_MAX else text[: _REASON_MAX - 1] + "…"


# --- output files ----------------------------------------------------------------------------


class LineAppender:
    """Appends whole lines: each line goes out in one ``os.write`` on an O_APPEND descriptor, so
    a kill leaves either the whole line or (at worst) one torn last line, never a mix."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        while data:
            written = os.write(self._fd, data)
            data = data[written:]

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None


def read_ids(path: Path, key: str) -> tuple[set[str], int]:
    """Ids (``record[key]``) of the complete lines of a file written by a batch run, and how many
    torn last lines were cut off (0 or 1). A bad line in the middle is an OutputError. Streams the
    file: OUT of a large archive does not fit in memory."""
    if not path.exists():
        return set(), 0
    torn = _cut_torn_line(path)
    ids = set()
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                ids.add(json.loads(raw)[key])
            except (ValueError, KeyError, TypeError):
                raise OutputError(f"{path}:{n}: not a line written by `attrib batch` (no '{key}'); "
                                  "give a new OUT file or remove that line") from None
    return ids, torn


def _cut_torn_line(path: Path, chunk: int = 1 << 16) -> int:
    """Truncate a last line that has no newline (what a kill mid-write can leave); 1 if cut."""
    with open(path, "r+b") as fh:
        end = fh.seek(0, os.SEEK_END)
        if end == 0:
            return 0
        fh.seek(end - 1)
        if fh.read(1) == b"\n":
            return 0
        pos = end
        while pos > 0:  # find the last newline, reading backwards
            start = max(0, pos - chunk)
            fh.seek(start)
            block = fh.read(pos - start)
            nl = block.rfind(b"\n")
            if nl != -1:
                fh.truncate(start + nl + 1)
                return 1
            pos = start
        fh.truncate(0)
        return 1


def merge_parts(out: Path, done: set[str]) -> int:
    """Append complete partition files left in ``OUT.parts/`` to OUT (ids already there are
    skipped), then delete them. Returns how many parts were merged."""
    parts = parts_dir_for(out)
    if not parts.is_dir():
        return 0
    merged = 0
    writer = LineAppender(out)
    try:
        for part in sorted(parts.glob("*.jsonl")):
            for raw in part.read_text(encoding="utf-8").splitlines():
                rid = json.loads(raw)["source"]
                if rid not in done:
                    writer.write(raw)
                    done.add(rid)
            merged += 1
    finally:
        writer.close()
    for leftover in parts.iterdir():  # merged parts and half-written *.tmp files of a killed run
        leftover.unlink()
    parts.rmdir()
    return merged


class PartitionWriter:
    """Writes each finished partition to ``OUT.parts/<run>-<index>.jsonl`` (atomically) and
    merges finished partitions into OUT in partition order as soon as all earlier ones are in."""

    def __init__(self, out: Path):
        self.out, self.dir = out, parts_dir_for(out)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.run = uuid.uuid4().hex[:8]
        self.next = 0
        self.ready: dict[int, Path] = {}
        self.writer = LineAppender(out)

    def add(self, index: int, lines: list[str]) -> None:
        part = self.dir / f"{self.run}-{index:08d}.jsonl"
        tmp = part.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write("".join(line + "\n" for line in lines))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, part)
        self.ready[index] = part
        while self.next in self.ready:
            part = self.ready.pop(self.next)
            for line in part.read_text(encoding="utf-8").splitlines():
                self.writer.write(line)
            part.unlink()
            self.next += 1

    def close(self) -> None:
        self.writer.close()
        if self.dir.is_dir() and not any(self.dir.iterdir()):
            self.dir.rmdir()


# --- running -------------------------------------------------------------------------------


def run_batch(inputs: Iterable[str], out: Path, *, jobs: int = 1, dask: Optional[str] = None, model: Optional[str] = None,
              registry=None, min_confidence: float = 0.0, batch_size: int = DEFAULT_BATCH_SIZE, retry_failed: bool = False,
              max_bytes: Optional[int] = MAX_ARTICLE_BYTES, progress: Optional[BatchProgress] = None) -> BatchReport:
    """Attribute every document the inputs name into ``out`` (resumable; see the module doc).

    ``jobs`` processes on this machine, or with ``dask`` (``"local"`` for a LocalCluster of
    ``jobs`` workers, or a scheduler address such as ``tcp://host:8786``) on dask.distributed.
    """
    from .extract import load_model

    if jobs < 1 or batch_size < 1:
        raise ValueError("jobs and batch_size must be at least 1")
    out = Path(out)
    progress = progress or BatchProgress()
    t0 = time.perf_counter()
    errors_path = errors_path_for(out)
    report = BatchReport(out=out, errors_path=errors_path)
    plan = plan_inputs(inputs)
    lock = _lock(out)
    load_model(model)  # a missing or broken model is one clear error before any work is handed out
    done, report.torn_lines = read_ids(out, "source")
    report.merged_parts = merge_parts(out, done)
    recorded, torn = read_ids(errors_path, "id")
    report.torn_lines += torn
    planned_ids = {t.id for t in plan.tasks} | {f.id for f in plan.failures}
    if retry_failed and recorded & planned_ids:
        _drop_records(errors_path, recorded & planned_ids)
        recorded -= planned_ids
    report.documents = len(plan.tasks) + len(plan.failures)
    errors = LineAppender(errors_path)
    try:
        for failure in plan.failures:  # (a repeated id is recorded even though its first occurrence is in OUT)
            if failure.id in recorded:
                report.already_failed += 1
                continue
            errors.write(json.dumps(failure.record(), ensure_ascii=False))
            report.failed += 1
        todo = []
        for t in plan.tasks:
            if t.id in done:
                report.already_done += 1
            elif t.id in recorded:
                report.already_failed += 1
            else:
                todo.append(t)
        progress.start(len(todo))
        if todo:
            wheres = {t.id: t.where for t in todo}
            batches = _read_batches(todo, batch_size, max_bytes, errors, report, progress)
            if dask:
                from .distributed import run_on_dask

                sink = PartitionWriter(out)
                try:
                    for index, outcomes in run_on_dask(batches, dask, n_workers=jobs, model=model, registry=registry,
                                                       min_confidence=min_confidence, batch_size=batch_size):
                        sink.add(index, [line for kind, _, line in outcomes if kind == "ok"])
                        _record(outcomes, errors, wheres, report, progress)
                finally:
                    sink.close()
            else:
                writer = LineAppender(out)
                try:
                    runner = _in_process if jobs == 1 else _process_pool
                    for outcomes in runner(batches, jobs, model, registry, min_confidence, batch_size):
                        for kind, _, line in outcomes:
                            if kind == "ok":
                                writer.write(line)
                        _record(outcomes, errors, wheres, report, progress)
                finally:
                    writer.close()
    finally:
        errors.close()
        if errors_path.exists() and errors_path.stat().st_size == 0:
            errors_path.unlink()
        lock.close()
    report.seconds = time.perf_counter() - t0
    return report


def _lock(out: Path):
    """Hold an exclusive lock on OUT for the run: two runs appending to one OUT would attribute
    documents twice."""
    import fcntl

    out.parent.mkdir(parents=True, exist_ok=True)
    fh = open(out, "ab")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise OutputError(f"{out}: another `attrib batch` is writing it now; wait for it or give another -o") from None
    return fh


def _record(outcomes, errors: LineAppender, wheres: dict, report: BatchReport, progress: BatchProgress) -> None:
    for kind, rid, payload in outcomes:
        if kind == "ok":
            report.attributed += 1
        else:
            errors.write(json.dumps(Failure(rid, wheres.get(rid, rid), payload).record(), ensure_ascii=False))
            report.failed += 1
    progress.advance(len(outcomes))


def _read_batches(tasks: list[Task], size: int, max_bytes: Optional[int], errors: LineAppender, report: BatchReport,
                  progress: BatchProgress) -> Iterator[list[tuple[str, str]]]:
    """(id, text) batches; a document that cannot be read is recorded here and left out."""
    batch = []
    for t in tasks:
        try:
            batch.append((t.id, read_text(t, max_bytes)))
        except (AttribError, OSError) as e:
            errors.write(json.dumps(Failure(t.id, t.where, str(e) if isinstance(e, AttribError) else reason_of(e)).record(),
                                    ensure_ascii=False))
            report.failed += 1
            progress.advance(1)
            continue
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _drop_records(path: Path, ids: set[str]) -> None:
    keep = [raw for raw in path.read_text(encoding="utf-8").splitlines() if raw.strip() and json.loads(raw)["id"] not in ids]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(line + "\n" for line in keep), encoding="utf-8")
    os.replace(tmp, path)


def _in_process(batches, jobs, model, registry, min_confidence, batch_size):
    init_worker(model, registry, min_confidence)
    for batch in batches:
        yield attribute_items(batch, batch_size)


def _process_pool(batches, jobs, model, registry, min_confidence, batch_size):
    """Batches over ``jobs`` processes (spawned, each loading the model once), results in order.

    At most ``2 * jobs`` batches are in flight, so an archive is never read into memory whole. If
    a process dies (out of memory, a crash in native code), the documents of the batches in
    flight are retried one at a time in a new pool, and one that kills a process alone is recorded
    as failed.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_worker, initargs=(model, registry, min_confidence))

    pool = new_pool()
    inflight: deque = deque()  # (batch, future, alone)
    suspects: deque = deque()  # documents to retry one at a time after a process died
    batches = iter(batches)
    exhausted = False
    try:
        while True:
            if suspects:
                if not inflight:
                    doc = suspects.popleft()
                    inflight.append(([doc], pool.submit(attribute_items, [doc], batch_size), True))
            else:
                while not exhausted and len(inflight) < 2 * jobs:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                    else:
                        inflight.append((batch, pool.submit(attribute_items, batch, batch_size), False))
            if not inflight:
                break
            batch, future, alone = inflight.popleft()
            try:
                yield future.result()
            except BrokenProcessPool as e:
                lost = [batch] + [b for b, _, _ in inflight]
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                if alone:
                    yield [("error", batch[0][0], f"the worker process died attributing it ({reason_of(e)})")]
                else:
                    suspects.extend(doc for b in lost for doc in b)
            except Exception as e:  # noqa: BLE001  (e.g. a result that cannot be sent back)
                yield [("error", i, reason_of(e)) for i, _ in batch]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
