"""Attribution -> schema.org JSON-LD for fact-check CMSs.

Each statement is a ``Claim`` (schema.org's type for what a fact-check reviews) with its ``text``,
its ``author`` (``Person`` or ``Organization``: name, Hindi ``alternateName``, registry
``identifier`` and ``sameAs`` links where the registry knows them), the article as its
``appearance``, and the rest as ``additionalProperty`` ``PropertyValue`` s (``propertyID``
``attrib:<name>``): ``kind`` (direct: a quotation; partial: quoted words inside the reporter's
sentence; indirect: reported speech), ``start``/``end`` (character offsets into the article text
as decoded, end exclusive), ``confidence`` (0-1), ``cue``/``cueStart``/``cueEnd`` (the speech
predicate कहा, बताया …) and ``speakerMention``/``speakerMentionStart``/``speakerMentionEnd`` (the
speaker as the article writes it: a name, pronoun or title).

``@context`` is ``https://schema.org``. To process the output offline, give a JSON-LD processor
:func:`document_loader`, which serves the part of schema.org's context attrib uses from the package.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from ..schema import Attribution, Quote
from ..speakers import Registry

CONTEXT_URL = "https://schema.org"
# What a speaker's name ends with when it is an organisation the registry does not know.
ORGANISATION_HEADS = (
    "मंत्रालय", "विभाग", "सरकार", "आयोग", "संगठन", "बोर्ड", "पुलिस", "कंपनी", "परिषद", "समिति", "प्रशासन",
    "दूतावास", "कार्यालय", "निगम", "संस्थान", "बैंक", "पार्टी", "ministry", "department", "government",
    "commission", "organization", "organisation", "office", "embassy", "police", "council", "board",
)


@lru_cache(maxsize=1)
def local_context() -> dict:
    """The schema.org context document attrib ships (``attrib/data/schemaorg-context.json``)."""
    with resources.files("attrib.data").joinpath("schemaorg-context.json").open(encoding="utf-8") as f:
        return json.load(f)


def document_loader(url: str, options: Optional[dict] = None) -> dict:
    """A JSON-LD document loader (pyld's protocol) serving schema.org's context from the package;
    it refuses every other URL, so validation never touches the network."""
    if url.rstrip("/").replace("http://", "https://") in {CONTEXT_URL, CONTEXT_URL + "/docs/jsonldcontext.jsonld"}:
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": local_context()}
    raise ValueError(f"attrib's offline document loader serves only {CONTEXT_URL}, not {url}")


def _prop(name: str, value) -> dict:
    return {"@type": "PropertyValue", "propertyID": f"attrib:{name}", "name": name, "value": value}


def _author(q: Quote, registry: Optional[Registry]) -> Optional[dict]:
    sp = q.speaker
    if sp is None:
        return None
    known = registry.speakers.get(sp.id) if (registry is not None and sp.id) else None
    if known is not None:
        kind = "Organization" if known.kind == "organisation" else "Person"
    else:
        lowered = sp.name.casefold()
        kind = "Organization" if any(lowered.endswith(h) for h in ORGANISATION_HEADS) else "Person"
    author: dict = {"@type": kind, "name": sp.name}
    if sp.name_hi and sp.name_hi != sp.name:
        author["alternateName"] = sp.name_hi
    if sp.id:
        author["identifier"] = sp.id
    if known is not None and known.same_as:
        author["sameAs"] = list(known.same_as)
    return author


def claim(q: Quote, source: str, registry: Optional[Registry] = None) -> dict:
    """One statement as a schema.org ``Claim``."""
    props = [_prop("kind", q.kind), _prop("start", q.start), _prop("end", q.end), _prop("confidence", q.confidence)]
    if q.cue:
        props += [_prop("cue", q.cue.text), _prop("cueStart", q.cue.start), _prop("cueEnd", q.cue.end)]
    if q.speaker and q.speaker.mention:
        m = q.speaker.mention
        props += [_prop("speakerMention", m.text), _prop("speakerMentionStart", m.start),
                  _prop("speakerMentionEnd", m.end)]
    node: dict = {"@type": "Claim", "text": q.text}
    author = _author(q, registry)
    if author:
        node["author"] = author
    node["appearance"] = {"@type": "CreativeWork", "name": source, "inLanguage": "hi"}
    node["additionalProperty"] = props
    return node


def to_jsonld(results: Iterable[Attribution], registry: Optional[Registry] = None) -> dict:
    """One JSON-LD document: ``{"@context": "https://schema.org", "@graph": [Claim, …]}`` with the
    claims of every article, in order."""
    graph = [claim(q, r.source, registry) for r in results for q in r.quotes]
    return {"@context": CONTEXT_URL, "@graph": graph}
