"""text -> Attribution: the one public entry point.

>>> from attrib import extract
>>> result = extract('जयशंकर ने कहा, "हम तैयार हैं।"')     # doctest: +SKIP
>>> result.quotes[0].speaker.name                          # doctest: +SKIP
'S. Jaishankar'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .errors import ModelError
from .schema import Attribution, Quote, SpeakerRef, SpeakerSummary, TextSpan
from .speakers import Registry, default_registry
from .text import paragraph_chunks

PACKAGE_MODEL = Path(__file__).resolve().parent / "model"
# Texts longer than this are processed in paragraph chunks: spaCy refuses a Doc over
# ``nlp.max_length`` (1,000,000 characters), and a 2 MB text ran about 3x slower in 100,000-character
# chunks than in 10,000-character ones (16 a batch both). A news article is far shorter (the corpus pool: median
# 1,600 characters, longest 11,900), so articles are never cut.
CHUNK_CHARS = 20_000
# Characters per nlp.pipe batch: peak memory grows with them (over a 2 MB text, peak RSS was
# 490 MB at 80,000 characters a batch and 350 MB at 50,000).
BATCH_CHARS = 50_000


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None):
    """Load the attrib pipeline (the model shipped in the package unless ``path`` is given), once."""
    target = Path(path) if path else PACKAGE_MODEL
    if not (target / "config.cfg").exists():
        hint = "reinstall attrib or run `python -m attrib.train`" if not path else "give a directory written by `attrib train`"
        raise ModelError(f"{target}: no attrib model there ({hint})")
    return open_model(target)


def open_model(target: Path):
    """Load the attrib pipeline in ``target`` (uncached); ModelError when it does not load or is
    not an attrib pipeline."""
    import spacy

    from .pipeline import attribution, sentences, suggester, tokenizer  # noqa: F401  (registrations)

    try:
        nlp = spacy.load(target)
    except Exception as e:  # spaCy raises many types for a broken model directory
        raise ModelError(f"{target}: cannot load the model: {e}") from None
    if "attrib_attribution" not in nlp.pipe_names:
        raise ModelError(f"{target}: not an attrib model (no attrib_attribution component; has {nlp.pipe_names})")
    return nlp


def _span(text: str, chars, offset: int = 0) -> Optional[TextSpan]:
    if chars is None:
        return None
    s, e = chars
    return TextSpan(text=text[s:e], start=s + offset, end=e + offset)


def doc_to_attribution(doc, source: str, min_confidence: float = 0.0) -> Attribution:
    """Build the export from a processed Doc (offsets index ``doc.text``, the text as given)."""
    quotes = doc_quotes(doc, min_confidence)
    return Attribution(source=source, quotes=quotes, speakers=summarise(quotes))


def doc_quotes(doc, min_confidence: float = 0.0, offset: int = 0) -> list[Quote]:
    """The statements of a processed Doc; ``offset`` is added to every offset (the Doc is a chunk
    of a longer text starting there)."""
    from .pipeline.attribution import EXTENSION, STATEMENTS_KEY

    text = doc.text
    quotes = []
    for sp in doc.spans.get(STATEMENTS_KEY, []):
        info = sp._.get(EXTENSION) or {}
        conf = float(info.get("confidence", 0.0))
        if conf < min_confidence:
            continue
        speaker = None
        if info.get("speaker_name"):
            speaker = SpeakerRef(id=info.get("speaker_id"), name=info["speaker_name"], name_hi=info.get("speaker_name_hi"),
                                 mention=_span(text, info.get("mention"), offset))
        quotes.append(Quote(text=sp.text, start=sp.start_char + offset, end=sp.end_char + offset,
                            kind=info.get("kind", "direct"), cue=_span(text, info.get("cue"), offset),
                            speaker=speaker, confidence=conf))
    return quotes


def summarise(quotes: Iterable[Quote]) -> list[SpeakerSummary]:
    counts: dict[tuple, SpeakerSummary] = {}
    for q in quotes:
        if q.speaker is None:
            continue
        key = (q.speaker.id,) if q.speaker.id else (None, q.speaker.name)
        if key not in counts:
            counts[key] = SpeakerSummary(id=q.speaker.id, name=q.speaker.name, name_hi=q.speaker.name_hi, quotes=0)
        counts[key].quotes += 1
    return sorted(counts.values(), key=lambda s: (-s.quotes, s.name))


def _configure(nlp, registry: Registry | None):
    nlp.get_pipe("attrib_attribution").registry = registry or default_registry()


def extract(text: str, *, source: str = "<text>", model: Optional[str] = None, registry: Registry | None = None,
            min_confidence: float = 0.0) -> Attribution:
    """Find every quote, partial quote and claim in ``text`` with its cue and speaker.

    Any length works: a text over :data:`CHUNK_CHARS` is processed paragraph by paragraph (a
    statement is never attributed across a chunk's edge), and offsets index the whole text.
    """
    return next(extract_many([(source, text)], model=model, registry=registry, min_confidence=min_confidence))


def extract_many(items: Iterable[tuple[str, str]], *, model: Optional[str] = None, registry: Registry | None = None,
                 min_confidence: float = 0.0, batch_size: int = 16):
    """(source, text) pairs -> Attribution per item, in order, using ``nlp.pipe``. Long texts are
    cut into paragraph chunks (see :func:`extract`)."""
    nlp = load_model(model)
    _configure(nlp, registry)
    size = min(CHUNK_CHARS, nlp.max_length)

    def pieces():
        for n, (source, text) in enumerate(items):
            for offset, chunk in paragraph_chunks(text, size):
                yield chunk, (n, source, offset)

    current, source, quotes = None, None, []
    for doc, (n, src, offset) in _pipe_in_batches(nlp, pieces(), batch_size):
        if n != current:
            if current is not None:
                yield Attribution(source=source, quotes=quotes, speakers=summarise(quotes))
            current, source, quotes = n, src, []
        quotes.extend(doc_quotes(doc, min_confidence, offset))
    if current is not None:
        yield Attribution(source=source, quotes=quotes, speakers=summarise(quotes))


def _pipe_in_batches(nlp, pieces, batch_size: int):
    """``nlp.pipe`` over (text, context) pairs in batches of at most ``batch_size`` texts and about
    :data:`BATCH_CHARS` characters: memory grows with the characters in a batch, not the texts."""
    batch, chars = [], 0
    for piece in pieces:
        batch.append(piece)
        chars += len(piece[0])
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)
            batch, chars = [], 0
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)
