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

PACKAGE_MODEL = Path(__file__).resolve().parent / "model"


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None):
    """Load the attrib pipeline (the model shipped in the package unless ``path`` is given)."""
    import spacy

    from .pipeline import attribution, sentences, suggester, tokenizer  # noqa: F401  (registrations)

    target = Path(path) if path else PACKAGE_MODEL
    if not (target / "config.cfg").exists():
        hint = "reinstall attrib or run `python -m attrib.train`" if not path else "give a directory written by `attrib train`"
        raise ModelError(f"{target}: no attrib model there ({hint})")
    try:
        nlp = spacy.load(target)
    except Exception as e:  # spaCy raises many types for a broken model directory
        raise ModelError(f"{target}: cannot load the model: {e}") from None
    if "attrib_attribution" not in nlp.pipe_names:
        raise ModelError(f"{target}: not an attrib model (no attrib_attribution component; has {nlp.pipe_names})")
    return nlp


def _span(text: str, chars) -> Optional[TextSpan]:
    if chars is None:
        return None
    s, e = chars
    return TextSpan(text=text[s:e], start=s, end=e)


def doc_to_attribution(doc, source: str, min_confidence: float = 0.0) -> Attribution:
    """Build the export from a processed Doc (offsets index ``doc.text``, the text as given)."""
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
                                 mention=_span(text, info.get("mention")))
        quotes.append(Quote(text=sp.text, start=sp.start_char, end=sp.end_char, kind=info.get("kind", "direct"),
                            cue=_span(text, info.get("cue")), speaker=speaker, confidence=conf))
    return Attribution(source=source, quotes=quotes, speakers=summarise(quotes))


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
    """Find every quote, partial quote and claim in ``text`` with its cue and speaker."""
    nlp = load_model(model)
    _configure(nlp, registry)
    return doc_to_attribution(nlp(text), source, min_confidence)


def extract_many(items: Iterable[tuple[str, str]], *, model: Optional[str] = None, registry: Registry | None = None,
                 min_confidence: float = 0.0, batch_size: int = 16):
    """(source, text) pairs -> Attribution per item, in order, using ``nlp.pipe``."""
    nlp = load_model(model)
    _configure(nlp, registry)
    items = list(items)
    for (source, _), doc in zip(items, nlp.pipe((t for _, t in items), batch_size=batch_size)):
        yield doc_to_attribution(doc, source, min_confidence)
