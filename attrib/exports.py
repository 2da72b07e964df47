"""doccano exports in: JSONL files or the ZIP doccano downloads -> Articles, with every problem
named by file:line, entity and text.

Both doccano JSONL shapes are read, and attrib's own annotation files (the relation shape, stand-off):

- relation projects: ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
  "relations": [{"id", "from_id", "to_id", "type"}], ...meta}``
- plain sequence labelling: ``{"text", "label": [[start, end, "LABEL"], ...], ...meta}``

doccano puts an example's meta at the top level of its line (``source``, ``sha256`` …); attrib's
own files keep it under ``meta``. Both are understood.

Offsets: some doccano versions count them in UTF-16 code units, so every span after an emoji
(or any character outside the Basic Multilingual Plane) is shifted. For an example whose text has
such characters, both readings are tried and the one whose spans sit on token boundaries without
stray spaces or broken letters is used; when neither fits, the example is refused with both
candidate texts.

Severity. Errors skip the example they are in (the rest of the file is still read): malformed
JSON, no text, offsets out of range, irreconcilable offsets, a malformed entity. Warnings are
counted and the example is kept: spans off token boundaries (expanded to the enclosing tokens when
training), unknown labels and relation types (dropped), dangling relations (dropped), duplicate
spans (dropped), duplicate examples (the later one is used).
"""

from __future__ import annotations

import json
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .corpus import LABELS, QUOTE_MARKS, RELATION_TYPES, Article, CorpusMissing, Problem, parse_record, resolve_corpus_dir, sha256_text
from .errors import AnnotationError

# Keys of a doccano line that are not example meta.
RESERVED = {"id", "text", "entities", "relations", "label", "meta", "Comments", "comments", "cats"}
CODE_POINTS, UTF16 = "code points", "UTF-16 code units"


@dataclass
class ImportResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    converted_utf16: int = 0  # examples whose offsets were converted from UTF-16 code units
    skipped_standoff: int = 0  # stand-off records whose corpus text is not here

    def warning_counts(self) -> Counter:
        return Counter(_kind(w) for w in self.warnings)


def _kind(p: Problem) -> str:
    for key in ("token boundaries", "unknown label", "unknown relation type", "points to missing", "duplicate span",
                "duplicate example", "UTF-16", "spaces at its edges"):
        if key in p.message:
            return key
    return "other"


# ------------------------------------------------------------------------------------- reading

def iter_lines(path: str | Path) -> Iterator[tuple[str, int, str]]:
    """(where, line number, raw line) for each non-blank line of a JSONL file or of the JSONL
    members of a doccano ZIP (``all.jsonl`` when present, else one file per annotator)."""
    p = Path(path)
    if not p.exists():
        raise AnnotationError("no such export file", path=str(p))
    if p.is_dir():
        raise AnnotationError("is a directory; give the JSONL or ZIP file doccano exported", path=str(p))
    if zipfile.is_zipfile(p):
        try:
            with zipfile.ZipFile(p) as zf:
                names = [n for n in zf.namelist() if n.endswith(".jsonl") and not n.endswith("/")]
                if not names:
                    raise AnnotationError(f"the ZIP holds no .jsonl file (it has: {', '.join(zf.namelist()[:5]) or 'nothing'}); "
                                          "export from doccano as JSONL", path=str(p))
                chosen = [n for n in names if Path(n).name == "all.jsonl"] or sorted(names)
                members = [(n, zf.read(n)) for n in chosen]
        except zipfile.BadZipFile as e:
            raise AnnotationError(f"not a readable ZIP: {e}", path=str(p)) from None
        for name, data in members:
            yield from _lines(f"{p}:{name}", data)
    else:
        yield from _lines(str(p), p.read_bytes())


def _lines(where: str, data: bytes) -> Iterator[tuple[str, int, str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise AnnotationError(f"not UTF-8 (byte {e.start}); doccano exports UTF-8 JSONL", path=where) from None
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            yield where, n, raw


def normalise(obj: dict) -> dict:
    """A doccano line (either shape) as attrib's record: id, text, entities, relations, meta."""
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in RESERVED})
    rec = {"id": obj.get("id"), "meta": meta, "relations": obj.get("relations") or []}
    if "text" in obj:
        rec["text"] = obj["text"]
    if "entities" in obj:
        rec["entities"] = obj.get("entities") or []
    elif "label" in obj:
        labels = obj.get("label") or []
        if not isinstance(labels, list) or any(not isinstance(x, (list, tuple)) or len(x) != 3 for x in labels):
            raise ValueError("'label' is not a list of [start, end, LABEL] spans: is this a sequence-labelling export?")
        rec["entities"] = [{"id": i, "label": lab, "start_offset": s, "end_offset": e}
                           for i, (s, e, lab) in enumerate(labels, 1)]
    else:
        raise ValueError("no 'entities' and no 'label': not a doccano sequence-labelling export")
    return rec


# --------------------------------------------------------------------------------- UTF-16 offsets

def utf16_to_code_points(text: str) -> dict[int, int]:
    """UTF-16 offset -> code point offset, for every offset that falls between characters."""
    table, u = {}, 0
    for i, ch in enumerate(text):
        table[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    table[u] = len(text)
    return table


def _fits(text: str, start: Optional[int], end: Optional[int], bounds, label: str = "") -> bool:
    """Does [start, end) look like a span an annotator meant: in range, no space, broken letter or
    (for a QUOTE) quote mark at its edges, on token boundaries?"""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return False
    span = text[start:end]
    if span != span.strip():
        return False
    if label == "QUOTE" and (span[0] in QUOTE_MARKS or span[-1] in QUOTE_MARKS):
        return False
    if unicodedata.category(text[start])[0] == "M" or (end < len(text) and unicodedata.category(text[end])[0] == "M"):
        return False  # starts on a vowel sign / virama, or cuts one off its letter
    if bounds is not None and (start not in bounds[0] or end not in bounds[1]):
        return False
    return True


def reconcile_offsets(art: Article, bounds=None, prefer: Optional[str] = None) -> tuple[Article, Optional[str]]:
    """Decide whether the article's offsets count code points or UTF-16 code units; returns the
    article with code point offsets and the reading used (None when both agree).

    Raises AnnotationError naming the entity and both candidate texts when neither reading fits,
    or when both fit and ``prefer`` (the reading other examples in the file used) is not given."""
    text = art.text
    if all(ord(c) <= 0xFFFF for c in text):
        return art, None
    table = utf16_to_code_points(text)
    differ = [e for e in art.entities.values() if (table.get(e.start), table.get(e.end)) != (e.start, e.end)]
    if not differ:
        return art, None
    bad_cp = [e for e in differ if not _fits(text, e.start, e.end, bounds, e.label)]
    bad_u16 = [e for e in differ if not _fits(text, table.get(e.start), table.get(e.end), bounds, e.label)]
    if not bad_cp and not bad_u16:
        choice = prefer
    elif len(bad_cp) < len(bad_u16) and len(bad_cp) * 2 <= len(differ):
        choice = CODE_POINTS
    elif len(bad_u16) < len(bad_cp) and len(bad_u16) * 2 <= len(differ):
        choice = UTF16
    else:
        choice = None
    if choice is None:
        e = (bad_cp or bad_u16 or differ)[0]
        if bad_cp and bad_u16:
            e = next((x for x in bad_cp if x in bad_u16), e)
        s16, e16 = table.get(e.start), table.get(e.end)
        as_u16 = repr(text[s16:e16][:60]) if s16 is not None and e16 is not None else "(splits an emoji)"
        why = "both readings fit" if not bad_cp and not bad_u16 else "neither reading fits"
        raise AnnotationError(
            f"entity {e.id} ({e.label} {e.start}-{e.end}): offsets cannot be reconciled ({why}; the text has "
            f"characters outside the BMP): as code points {text[e.start:e.end][:60]!r}, "
            f"as UTF-16 code units {as_u16}", path=art.path, line=art.line)
    if choice == CODE_POINTS:
        return art, CODE_POINTS
    ents = {k: replace(e, start=table[e.start], end=table[e.end]) if e.start in table and e.end in table else e
            for k, e in art.entities.items()}
    return replace(art, entities=ents), UTF16


# -------------------------------------------------------------------------------------- checks

def _bounds(tokenizer, text: str):
    if tokenizer is None:
        return None
    doc = tokenizer(text)
    return {t.idx for t in doc}, {t.idx + len(t.text) for t in doc}


def clean_article(art: Article, bounds, warnings: list[Problem]) -> Article:
    """Drop what cannot be trained on (unknown labels, duplicate spans, relations that dangle or have
    unknown types) with a warning each; warn about spans off token boundaries. Offsets out of range
    raise (the example is refused)."""
    n, text = len(art.text), art.text
    keep, seen = {}, {}
    for e in art.entities.values():
        if not (0 <= e.start < e.end <= n):
            raise AnnotationError(f"entity {e.id} ({e.label}): offsets {e.start}-{e.end} out of range for a text "
                                  f"of {n} characters", path=art.path, line=art.line)
    for e in sorted(art.entities.values(), key=lambda e: (e.start, e.end)):
        snippet = text[e.start:e.end][:80]
        if e.label not in LABELS:
            warnings.append(Problem(art.where, e.id, f"unknown label {e.label!r} dropped; expected one of {', '.join(LABELS)}", snippet))
            continue
        key = (e.label, e.start, e.end)
        if key in seen:
            warnings.append(Problem(art.where, e.id, f"duplicate span of entity {seen[key]} dropped", snippet))
            continue
        seen[key] = e.id
        if text[e.start:e.end] != text[e.start:e.end].strip():
            warnings.append(Problem(art.where, e.id, f"{e.label} has spaces at its edges", snippet))
        elif bounds is not None and (e.start not in bounds[0] or e.end not in bounds[1]):
            warnings.append(Problem(art.where, e.id, f"{e.label} {e.start}-{e.end} is not on token boundaries "
                                                     "(trained as the enclosing tokens)", snippet))
        keep[e.id] = e
    rels = []
    for r in art.relations:
        if r.type not in RELATION_TYPES:
            warnings.append(Problem(art.where, None, f"relation {r.id}: unknown relation type {r.type!r} dropped; "
                                                     f"expected {', '.join(RELATION_TYPES)}"))
        elif r.from_id not in art.entities or r.to_id not in art.entities:
            missing = r.from_id if r.from_id not in art.entities else r.to_id
            warnings.append(Problem(art.where, None, f"relation {r.id} ({r.type}) points to missing entity {missing}; dropped"))
        elif r.from_id in keep and r.to_id in keep:
            rels.append(r)
    return replace(art, entities=keep, relations=rels)


def read_exports(paths: Iterable[str | Path], corpus: str | Path | None = None, tokenizer=None) -> ImportResult:
    """Read doccano exports (and attrib annotation files). Nothing raises for one bad line: its
    problem is recorded and the rest is read. Later duplicates of an example replace earlier ones."""
    if tokenizer is None:
        from .train import blank_nlp

        tokenizer = blank_nlp().tokenizer
    cdir = resolve_corpus_dir(corpus)
    res = ImportResult()
    index: dict[str, int] = {}  # example key -> position in res.articles
    for path in paths:
        try:
            lines = list(iter_lines(path))
        except AnnotationError as e:
            res.errors.append(Problem(str(path), None, str(e).split(": ", 1)[-1]))
            continue
        parsed, readings = [], Counter()
        for where, n, raw in lines:
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as e:
                res.errors.append(Problem(f"{where}:{n}", None, f"not valid JSON ({e.msg} at column {e.colno})"))
                continue
            if not isinstance(obj, dict):
                res.errors.append(Problem(f"{where}:{n}", None, "a line must be a JSON object"))
                continue
            try:
                rec = normalise(obj)
                if rec.get("text") is not None and not isinstance(rec["text"], str):
                    raise ValueError("'text' is not a string")
                if rec.get("text") == "" or (rec.get("text") is None and not rec["meta"].get("source")):
                    raise ValueError("missing text: the example has no 'text' (and no meta source to join it from)")
                art = parse_record(rec, path=where, line=n, corpus=cdir)
            except CorpusMissing:
                res.skipped_standoff += 1
                continue
            except ValueError as e:
                res.errors.append(Problem(f"{where}:{n}", None, str(e)))
                continue
            except AnnotationError as e:
                res.errors.append(Problem(f"{where}:{n}", None, str(e).split(": ", 1)[-1]))
                continue
            bounds = _bounds(tokenizer, art.text)
            try:
                art, reading = reconcile_offsets(art, bounds)
            except AnnotationError:
                reading = "?"  # decided below, once the file's other examples have spoken
            readings[reading] += 1
            parsed.append((art, reading, bounds))
        prefer = None
        decided = Counter({k: v for k, v in readings.items() if k in (CODE_POINTS, UTF16)})
        if decided:
            prefer = decided.most_common(1)[0][0]
        for art, reading, bounds in parsed:
            try:
                if reading == "?":
                    art, reading = reconcile_offsets(art, bounds, prefer)
                if reading == UTF16:
                    res.converted_utf16 += 1
                    res.warnings.append(Problem(art.where, None, "offsets counted in UTF-16 code units (the text has "
                                                                  "emoji or other non-BMP characters); converted"))
                art = clean_article(art, bounds, res.warnings)
            except AnnotationError as e:
                res.errors.append(Problem(art.where, None, str(e).split(": ", 1)[-1]))
                continue
            key = art.meta.get("source") or art.meta.get("sha256") or sha256_text(art.text)
            if key in index:
                old = res.articles[index[key]]
                res.warnings.append(Problem(art.where, None, f"duplicate example (also {old.where}); this later one is used"))
                res.articles[index[key]] = art
            else:
                index[key] = len(res.articles)
                res.articles.append(art)
    return res
