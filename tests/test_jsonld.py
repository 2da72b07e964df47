"""--format jsonld: schema.org Claims a fact-check CMS takes, expanded by a JSON-LD processor
(pyld) without loss and without touching the network."""

import json

import pytest

from attrib.render.jsonld import document_loader
from tests.conftest import SEEDS
from tests.test_cli import attrib

SCHEMA = "http://schema.org/"


@pytest.fixture(scope="module")
def output():
    r = attrib(*map(str, SEEDS[:4]), "--format", "jsonld")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _props(claim):
    return {p["name"]: p["value"] for p in claim["additionalProperty"]}


def test_each_statement_is_a_claim_with_author_appearance_and_offsets(output):
    assert output["@context"] == "https://schema.org"
    graph = output["@graph"]
    assert len(graph) > 10 and all(c["@type"] == "Claim" for c in graph)
    texts = {str(p): p.read_text(encoding="utf-8") for p in SEEDS[:4]}
    assert {c["appearance"]["name"] for c in graph} == set(texts)
    for c in graph:
        props = _props(c)
        text = texts[c["appearance"]["name"]]
        assert text[props["start"]:props["end"]] == c["text"]
        assert props["kind"] in {"direct", "partial", "indirect"} and 0 <= props["confidence"] <= 1
        if "cue" in props:
            assert text[props["cueStart"]:props["cueEnd"]] == props["cue"]
        if "speakerMention" in props:
            assert text[props["speakerMentionStart"]:props["speakerMentionEnd"]] == props["speakerMention"]
        assert all(p["@type"] == "PropertyValue" for p in c["additionalProperty"])
    authors = {c["author"].get("identifier"): c["author"] for c in graph if "author" in c}
    jaishankar = authors["s-jaishankar"]
    assert jaishankar["@type"] == "Person" and jaishankar["name"] == "S. Jaishankar"
    assert "https://www.wikidata.org/wiki/Q7648470" in jaishankar["sameAs"]
    orgs = [a for a in authors.values() if a["@type"] == "Organization"]
    assert orgs and all("sameAs" in a for a in orgs if a.get("identifier")), "registry organisations are Organizations"


def _leaves(node, path=()):
    """(property path, value) for every value in a compact JSON-LD node tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "@context":  # schema.org's context aliases @type/@id as type/id; compaction uses them
                yield from _leaves(v, path + ({"type": "@type", "id": "@id"}.get(k, k),))
    elif isinstance(node, list):
        for v in node:
            yield from _leaves(v, path)
    else:
        yield path, node


def test_pyld_expands_it_without_loss_offline(output):
    jsonld = pytest.importorskip("pyld.jsonld")

    def no_network(url, options=None):
        raise AssertionError(f"the processor tried to fetch {url}")

    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(no_network)  # any fetch outside our loader fails the test
    try:
        expanded = jsonld.expand(output, {"documentLoader": document_loader})
        # back to the same context: what comes back is what went in when nothing was dropped
        compacted = jsonld.compact(expanded, "https://schema.org", {"documentLoader": document_loader})
    finally:
        jsonld.set_document_loader(previous)
    assert len(expanded) == len(output["@graph"])
    claim_type = [n["@type"] for n in expanded]
    assert all(t == [SCHEMA + "Claim"] for t in claim_type)
    first = expanded[0]
    assert set(first) >= {"@type", SCHEMA + "text", SCHEMA + "author", SCHEMA + "appearance", SCHEMA + "additionalProperty"}
    sameas = [n[SCHEMA + "author"][0].get(SCHEMA + "sameAs") for n in expanded if SCHEMA + "author" in n]
    assert any(s and all("@id" in x for x in s) for s in sameas), "sameAs links expand to IRIs"

    graph = compacted["@graph"] if "@graph" in compacted else [compacted]
    original = sorted((p, json.dumps(v)) for p, v in _leaves(output["@graph"]))
    round_trip = sorted((p, json.dumps(v)) for p, v in _leaves(graph))
    assert round_trip == original, "expansion kept every value"


def test_document_loader_refuses_other_urls():
    assert document_loader("https://schema.org/")["document"]["@context"]["@vocab"] == SCHEMA
    with pytest.raises(ValueError, match="serves only"):
        document_loader("https://example.org/context.jsonld")
