"""Annotated articles: doccano relation-export records <-> in-memory articles <-> spaCy Docs.

A record is one JSON object per line::

    {"id": ..., "text": ...?, "entities": [{"id", "label", "start_offset", "end_offset"}],
     "relations": [{"id", "from_id", "to_id", "type"}], "meta": {"source": "pool/X.txt", "sha256": ...}}

Seeds carry ``text``. Corpus articles are stand-off: no ``text``; it is joined from the corpus
directory by ``meta.source`` and refused when its sha256 differs from ``meta.sha256``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import AnnotationError

STATEMENT_LABELS = ("QUOTE", "CLAIM")
LABELS = ("QUOTE", "CLAIM", "SPEAKER", "CUE")
RELATION_TYPES = {  # type -> (allowed from-labels, allowed to-labels)
    "said_by": (set(STATEMENT_LABELS), {"SPEAKER"}),
    "cue": (set(STATEMENT_LABELS), {"CUE"}),
    "refers_to": ({"SPEAKER"}, {"SPEAKER"}),
}
QUOTE_MARKS = set("\"'“”‘’«»„‟‹›")
SPANS_KEY = "sc"
DEFAULT_CORPUS = Path("../shared/corpus")


class CorpusMissing(AnnotationError):
    """A stand-off record's source text is not available (no corpus directory here)."""


@dataclass(frozen=True)
class Entity:
    id: int | str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    id: int | str
    from_id: int | str
    to_id: int | str
    type: str


@dataclass
class Article:
    """One annotated article with its text resolved."""

    id: str
    text: str
    entities: dict = field(default_factory=dict)  # id -> Entity
    relations: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    path: str = "<memory>"
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def statements(self) -> list[Entity]:
        return sorted((e for e in self.entities.values() if e.label in STATEMENT_LABELS), key=lambda e: e.start)

    def target(self, from_id, rtype: str):
        for r in self.relations:
            if r.from_id == from_id and r.type == rtype and r.to_id in self.entities:
                return self.entities[r.to_id]
        return None

    def chain_end(self, speaker: Entity, limit: int = 10) -> Entity:
        """Follow refers_to from a SPEAKER mention to the mention it finally stands for."""
        seen = {speaker.id}
        while limit:
            nxt = self.target(speaker.id, "refers_to")
            if nxt is None or nxt.id in seen:
                return speaker
            seen.add(nxt.id)
            speaker, limit = nxt, limit - 1
        return speaker


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolve_corpus_dir(corpus: str | Path | None) -> Path | None:
    if corpus is not None:
        return Path(corpus)
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def parse_record(obj: dict, *, path: str, line: int, corpus: Path | None) -> Article:
    """Build an Article from one record, joining stand-off text. Structural errors raise."""
    if not isinstance(obj, dict):
        raise AnnotationError("a record must be a JSON object", path=path, line=line)
    meta = obj.get("meta") or {}
    text = obj.get("text")
    if text is None:
        source = meta.get("source")
        if not source:
            raise AnnotationError("record has no 'text' and no meta.source to join it from", path=path, line=line)
        if "heldout" in str(source):
            raise AnnotationError(f"{source}: held-out articles are never annotated", path=path, line=line)
        if corpus is None:
            raise CorpusMissing(f"{source}: no corpus directory (--corpus) to read the stand-off text from", path=path, line=line)
        src = corpus / source
        try:
            text = src.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise CorpusMissing(f"{source}: not found under {corpus}", path=path, line=line) from None
        want = meta.get("sha256")
        got = sha256_text(text)
        if want and want != got:
            raise AnnotationError(
                f"{source}: checksum mismatch (record {want[:12]}…, file {got[:12]}…): the corpus file changed; "
                "re-annotate or restore the original", path=path, line=line)
    elif meta.get("sha256") and meta["sha256"] != sha256_text(text):
        raise AnnotationError("record text does not match its meta.sha256", path=path, line=line)
    ents = {}
    for e in obj.get("entities") or []:
        try:
            ent = Entity(e["id"], e["label"], int(e["start_offset"]), int(e["end_offset"]))
        except (KeyError, TypeError, ValueError):
            raise AnnotationError(f"malformed entity {e!r}: needs id, label, start_offset, end_offset", path=path, line=line) from None
        if ent.id in ents:
            raise AnnotationError(f"entity id {ent.id} used twice", path=path, line=line)
        ents[ent.id] = ent
    rels = []
    for r in obj.get("relations") or []:
        try:
            rels.append(Relation(r.get("id"), r["from_id"], r["to_id"], r["type"]))
        except (KeyError, TypeError, AttributeError):
            raise AnnotationError(f"malformed relation {r!r}: needs from_id, to_id, type", path=path, line=line) from None
    rid = str(obj.get("id", meta.get("source", f"line{line}")))
    return Article(id=rid, text=text, entities=ents, relations=rels, meta=meta, path=path, line=line)


def iter_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, parsed object) for each non-blank line; bad JSON raises with file:line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise AnnotationError("no such annotation file", path=str(p)) from None
    except UnicodeDecodeError as e:
        raise AnnotationError(f"not UTF-8: {e}", path=str(p)) from None
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            yield n, json.loads(raw)
        except json.JSONDecodeError as e:
            raise AnnotationError(f"not valid JSON ({e.msg} at column {e.colno})", path=str(p), line=n) from None


def load_articles(paths: Iterable[str | Path], corpus: str | Path | None = None, *, skip_missing: bool = True) -> list[Article]:
    """Read annotation files. Stand-off records whose corpus is absent are skipped when
    ``skip_missing`` (seeds alone still train), else CorpusMissing is raised."""
    cdir = resolve_corpus_dir(corpus)
    out = []
    for path in paths:
        for n, obj in iter_records(path):
            try:
                out.append(parse_record(obj, path=str(path), line=n, corpus=cdir))
            except CorpusMissing:
                if not skip_missing:
                    raise
    return out


def default_annotation_files(root: str | Path = "annotations") -> list[Path]:
    root = Path(root)
    return sorted(p for p in root.glob("*.jsonl"))


# ---------------------------------------------------------------------------------------- checks

@dataclass(frozen=True)
class Problem:
    where: str
    entity: object
    message: str
    text: str = ""

    def __str__(self) -> str:
        ent = f" entity {self.entity}" if self.entity is not None else ""
        txt = f": {self.text!r}" if self.text else ""
        return f"{self.where}:{ent} {self.message}{txt}"


def check_article(art: Article, tokenizer=None) -> list[Problem]:
    """Everything the guidelines require of one article's annotations."""
    probs: list[Problem] = []
    n = len(art.text)
    tok_starts = tok_ends = None
    if tokenizer is not None:
        doc = tokenizer(art.text)
        tok_starts = {t.idx for t in doc}
        tok_ends = {t.idx + len(t.text) for t in doc}
    seen = {}
    for e in art.entities.values():
        snippet = art.text[e.start:e.end][:80] if 0 <= e.start < e.end <= n else ""
        if e.label not in LABELS:
            probs.append(Problem(art.where, e.id, f"unknown label {e.label!r}; expected one of {', '.join(LABELS)}", snippet))
            continue
        if not (0 <= e.start < e.end <= n):
            probs.append(Problem(art.where, e.id, f"offsets {e.start}-{e.end} out of range for a text of {n} characters"))
            continue
        key = (e.label, e.start, e.end)
        if key in seen:
            probs.append(Problem(art.where, e.id, f"duplicate of entity {seen[key]}", snippet))
        seen[key] = e.id
        span = art.text[e.start:e.end]
        if span != span.strip():
            probs.append(Problem(art.where, e.id, f"{e.label} has spaces at its edges", snippet))
        if e.label == "QUOTE" and (span[:1] in QUOTE_MARKS or span[-1:] in QUOTE_MARKS):
            probs.append(Problem(art.where, e.id, "QUOTE includes a quote mark at its edge; annotate inside the marks", snippet))
        if tok_starts is not None and (e.start not in tok_starts or e.end not in tok_ends):
            probs.append(Problem(art.where, e.id, f"{e.label} {e.start}-{e.end} is not on token boundaries", snippet))
    said = {}
    for r in art.relations:
        rule = RELATION_TYPES.get(r.type)
        if rule is None:
            probs.append(Problem(art.where, None, f"relation {r.id}: unknown type {r.type!r}; expected said_by, cue or refers_to"))
            continue
        a, b = art.entities.get(r.from_id), art.entities.get(r.to_id)
        if a is None or b is None:
            missing = r.from_id if a is None else r.to_id
            probs.append(Problem(art.where, None, f"relation {r.id} ({r.type}) points to missing entity {missing}"))
            continue
        if a.label not in rule[0] or b.label not in rule[1]:
            probs.append(Problem(art.where, a.id, f"relation {r.id}: {r.type} cannot join {a.label} -> {b.label}", art.text[a.start:a.end][:80]))
        if r.type == "said_by":
            said[a.id] = said.get(a.id, 0) + 1
    for e in art.statements():
        if said.get(e.id, 0) != 1:
            probs.append(Problem(art.where, e.id, f"{e.label} has {said.get(e.id, 0)} said_by relations; needs exactly one",
                                 art.text[e.start:e.end][:80]))
    return probs


def check_files(paths: Iterable[str | Path], corpus: str | Path | None = None, tokenizer=None) -> tuple[int, list[Problem]]:
    """Validate annotation files. Returns (articles read, problems). Nothing raises for one bad
    line: its problem is recorded and the rest of the file is read."""
    cdir = resolve_corpus_dir(corpus)
    count, probs, ids = 0, [], {}
    for path in paths:
        try:
            records = list(iter_records(path))
        except AnnotationError as e:
            probs.append(Problem(str(path), None, str(e)))
            continue
        for n, obj in records:
            try:
                art = parse_record(obj, path=str(path), line=n, corpus=cdir)
            except AnnotationError as e:
                probs.append(Problem(f"{path}:{n}", None, str(e).split(": ", 1)[-1]))
                continue
            count += 1
            key = art.meta.get("source") or art.id
            if key in ids:
                probs.append(Problem(art.where, None, f"article {key} is annotated twice (also {ids[key]})"))
            ids[key] = art.where
            probs.extend(check_article(art, tokenizer))
    return count, probs


# ------------------------------------------------------------------------------------- to spaCy

def to_doc(nlp, art: Article):
    """A Doc of the article's text with its gold spans in ``doc.spans["sc"]`` (token-aligned;
    spans that do not align are expanded to the enclosing tokens)."""
    doc = nlp.make_doc(art.text)
    spans = []
    for e in sorted(art.entities.values(), key=lambda e: (e.start, e.end)):
        sp = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if sp is not None and len(sp):
            spans.append(sp)
    doc.spans[SPANS_KEY] = spans
    return doc


def load_split(path: str | Path = "annotations/split.json") -> dict[str, list[str]]:
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnnotationError("no split file; run `python training/make_split.py`", path=str(p)) from None


def article_key(art: Article) -> str:
    """The id a split file lists an article under: its meta.source (e.g. pool/X.txt, seeds/Y.txt)."""
    return art.meta.get("source") or art.id
