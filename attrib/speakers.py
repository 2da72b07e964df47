"""The speaker registry: canonical speakers with Devanagari and Latin aliases, handles and titles,
and matching of a mention as written (``रूबियो``, ``@SecRubio``, ``विदेश मंत्री``) to them.

Matching folds spelling variants (:func:`attrib.text.fold`): रुबियो/रूबियो, nukta, chandrabindu.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import RegistryError
from .text import fold

# Mentions that stand for someone named elsewhere. Data, not logic: extend here.
PRONOUNS = frozenset(fold(p) for p in [
    "उन्होंने", "उन्हों ने", "उनका", "उनके", "उनकी", "उनको", "उन्हें", "वह", "वे", "वो", "उसने", "उसका",
    "उसके", "उसकी", "इन्होंने", "इनका", "इनके", "इनकी", "उन", "आपने", "मैंने", "हमने", "they", "he",
    "she", "उन्हों", "इसने", "उन्होने", "इन्होने", "उन्हीं", "इन्हीं",
])
DOCUMENTS = frozenset(fold(d) for d in [
    "बयान", "बयान में", "आधिकारिक बयान", "प्रेस विज्ञप्ति", "विज्ञप्ति", "रिपोर्ट", "पत्र", "पोस्ट",
    "ट्वीट", "अधिसूचना", "आदेश", "एडवाइजरी", "सर्कुलर", "statement", "report", "आंकड़ों", "आंकड़े",
    "गाइडलाइन", "गाइडलाइंस", "दिशानिर्देश", "दिशानिर्देशों", "निर्देश", "निर्देशों", "शोध", "रिसर्च", "अध्ययन",
    "सर्वे", "एक शोध", "रिपोर्ट्स", "मीडिया रिपोर्ट्स", "बुलेटिन", "हेल्थ बुलेटिन", "तालिका", "नोटिस",
    "नोटिफिकेशन", "परिभाषा", "रिकॉर्ड", "आंकड़ा", "डेटा", "डाटा", "आदेशों", "अधिसूचनाओं", "रिपोर्टों",
    "सर्कुलर में", "प्रेस रिलीज", "प्रेस रिलीज़", "एफआईआर", "चार्जशीट", "फैसले", "फैसला", "गाइडलाइन्स",
    "प्रस्ताव", "विश्लेषण", "विश्लेषणों", "सर्वेक्षण",
]) | (ANAPHORIC_DOCUMENTS := frozenset(fold(d) for d in [
    # "इसके अनुसार", "इसमें कहा गया है": a report or body named before
    "इसके", "इसमें", "इसकी", "इसका", "उसमें",
]))
# Heads of organisation names (``स्वास्थ्य मंत्रालय``, ``केंद्र सरकार``): an unregistered mention ending in
# one of these is an organisation; a bare head (``मंत्रालय``, ``कंपनी``) stands for one named earlier.
ORG_HEADS = tuple(fold(h) for h in [
    "मंत्रालय", "मिनिस्ट्री", "विभाग", "सरकार", "सरकारों", "संगठन", "आयोग", "बोर्ड", "बैंक", "कंपनी", "कोर्ट",
    "हाईकोर्ट", "न्यायालय", "अदालत", "परिषद", "निगम", "समिति", "पुलिस", "प्रशासन", "एजेंसी", "विश्वविद्यालय",
    "यूनिवर्सिटी", "संस्थान", "उच्चायोग", "दूतावास", "पार्टी", "कांग्रेस", "भाजपा", "बीजेपी", "सेना", "न्यास",
    "ट्रस्ट", "प्राधिकरण", "कार्यालय", "मीडिया", "दल", "ministry", "department", "government", "company",
    "organisation", "organization", "police", "bank", "court", "commission", "office", "embassy", "council",
    "board",
])
# Registry kinds that are bodies, not people; an agency (PTI, AFP) is a source that reports others.
ORGANISATION_KINDS = frozenset({"organisation", "agency"})
SPEAKER_KINDS = ORGANISATION_KINDS | {"person"}
# Groups (``अधिकारियों``, ``सुरक्षा विशेषज्ञों``): speakers in their own right that stand for nobody named.
GROUPS = tuple(fold(g) for g in [
    "अधिकारियों", "विशेषज्ञों", "सूत्रों", "लोगों", "कर्मचारियों", "विश्लेषकों", "डॉक्टरों", "नेताओं",
    "सदस्यों", "छात्रों", "निवासियों", "ग्रामीणों", "किसानों", "जानकारों", "वैज्ञानिकों", "शोधकर्ताओं",
    "उद्यमी", "उद्यमियों", "व्यापारी", "व्यापारियों", "कारोबारियों", "मजदूरों", "मज़दूरों", "श्रमिकों",
    "officials", "sources", "experts",
])
HONORIFICS = ("डॉ.", "डॉ", "श्री", "श्रीमती", "सुश्री", "स्वामी", "प्रो.", "Dr.", "Dr", "Mr.", "Mr", "Ms.", "Mrs.", "जी")


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    name_hi: str | None = None
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()


@dataclass
class Registry:
    """Canonical speakers and an index from folded alias/handle/title to speaker ids."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    _names: dict[str, set[str]] = field(default_factory=dict)
    _titles: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: list[dict], source: str = "<registry>") -> "Registry":
        reg = cls()
        reg.extend(records, source)
        return reg

    def extend(self, records: list[dict], source: str = "<registry>") -> None:
        for n, rec in enumerate(records):
            if not isinstance(rec, dict) or not rec.get("id") or not rec.get("name"):
                raise RegistryError(f"{source}: speaker #{n} needs at least 'id' and 'name': {rec!r}")
            known = {"id", "name", "name_hi", "kind", "aliases", "handles", "titles", "same_as"}
            extra = set(rec) - known
            if extra:
                raise RegistryError(f"{source}: speaker {rec['id']!r} has unknown fields {sorted(extra)}; expected {sorted(known)}")
            if rec.get("kind", "person") not in SPEAKER_KINDS:
                raise RegistryError(f"{source}: speaker {rec['id']!r} has kind {rec['kind']!r}; expected one of {sorted(SPEAKER_KINDS)}")
            sp = Speaker(
                id=str(rec["id"]), name=str(rec["name"]), name_hi=rec.get("name_hi"),
                kind=rec.get("kind", "person"), aliases=tuple(rec.get("aliases", ())),
                handles=tuple(rec.get("handles", ())), titles=tuple(rec.get("titles", ())),
                same_as=tuple(rec.get("same_as", ())),
            )
            self.speakers[sp.id] = sp
            for alias in (sp.name, sp.name_hi or "", *sp.aliases, *sp.handles):
                if alias:
                    self._names.setdefault(fold(alias), set()).add(sp.id)
            for title in sp.titles:
                self._titles.setdefault(fold(title), set()).add(sp.id)

    @classmethod
    def load(cls, path: str | Path) -> "Registry":
        """Read a registry JSON file: ``{"speakers": [...]}`` or a bare list."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise RegistryError(f"{p}: no such speakers file") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise RegistryError(f"{p}: not a valid JSON speakers file: {e}") from None
        records = data.get("speakers") if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise RegistryError(f"{p}: expected a list of speakers or {{\"speakers\": [...]}}")
        return cls.from_records(records, str(p))

    def __len__(self) -> int:
        return len(self.speakers)

    def __iter__(self):
        return iter(self.speakers.values())

    def match_name(self, mention: str) -> Speaker | None:
        """The one speaker whose name, alias or handle is ``mention`` (folded), else None.

        Honorifics are stripped (``डॉ. एंड्रयू बायर्स``), and a mention that ends with a known
        alias after a title (``विदेश मंत्री एस जयशंकर``) matches it.
        """
        key = fold(mention)
        if not key:
            return None
        ids = self._names.get(key)
        if ids is None:
            key = _strip_honorifics(key)
            ids = self._names.get(key)
        if ids is None:
            # longest alias that the mention ends with, on a word boundary
            words = key.split()
            # only multi-word aliases: "अभिषेक सिंह" must not match a bare "सिंह"
            for i in range(1, len(words) - 1):
                if words[i - 1] in _GENITIVES:
                    # "ईरान के स्वास्थ्य मंत्रालय" is not India's: a qualified name is another body
                    continue
                ids = self._names.get(" ".join(words[i:]))
                if ids:
                    break
        if ids and len(ids) == 1:
            return self.speakers[next(iter(ids))]
        return None

    def title_candidates(self, mention: str) -> set[str]:
        """Ids of speakers who hold the title ``mention`` (``विदेश मंत्री`` -> several); a short form
        stands for the long one (``दिल्ली के सीएम`` -> ``दिल्ली के मुख्यमंत्री``)."""
        key = fold(mention)
        found = set(self._titles.get(key, ()))
        if not found:
            words = key.split()
            swapped = " ".join(TITLE_SYNONYMS.get(w, w) for w in words)
            if swapped != key:
                found = set(self._titles.get(swapped, ()))
        return found


# "एक अधिकारी", "कई विशेषज्ञ": someone new and unnamed, never an earlier speaker.
_INDEFINITES = frozenset(fold(w) for w in ["एक", "कई", "कुछ", "किसी", "a", "an", "some"])
_GENITIVES = frozenset({"के", "की", "का", "of"})


def _strip_honorifics(key: str) -> str:
    for h in HONORIFICS:
        h = fold(h)
        if key.startswith(h + " "):
            return key[len(h) + 1:]
    return key


def mention_kind(text: str, registry: Registry) -> str:
    """What kind of mention ``text`` is: pronoun, document, handle, title, name or organisation."""
    key = fold(text)
    if key in PRONOUNS:
        return "pronoun"
    if key in DOCUMENTS:
        return "document"
    if text.strip().startswith("@"):
        return "handle"
    if any(key == g or key.endswith(" " + g) for g in GROUPS) or (key and key.split()[0] in _INDEFINITES):
        return "group"
    sp = registry.match_name(text)
    if sp is not None:
        return "organisation" if sp.kind in ORGANISATION_KINDS else "name"
    if registry.title_candidates(text) or _looks_like_title(key) or key in ORG_HEADS:
        return "title"
    if any(key.endswith(" " + h) for h in ORG_HEADS):
        return "organisation"
    return "name"


_TITLE_HEADS = tuple(fold(t) for t in [
    "मंत्री", "सचिव", "प्रवक्ता", "अधिकारी", "अध्यक्ष", "राष्ट्रपति", "प्रधानमंत्री", "मुख्यमंत्री", "निदेशक",
    "आयुक्त", "कलेक्टर", "जिलाधिकारी", "डीएम", "एसपी", "अधीक्षक", "प्रभारी", "सांसद", "विधायक", "नेता",
    "प्रमुख", "चेयरमैन", "सीएमओ", "डॉक्टर", "प्रोफेसर", "राज्यपाल", "सेक्रेटरी", "minister", "secretary",
    "spokesperson", "president", "सीएम", "पीएम", "डीसी", "डीजीपी", "एसएसपी", "आईजी", "महानिदेशक", "रजिस्ट्रार",
    "रजिस्ट्रार जनरल", "उपाध्यक्ष", "महासचिव", "योगगुरु", "बाबा", "वैज्ञानिक", "वैज्ञानिकों", "शोधकर्ता",
    "शोधकर्ताओं", "छात्र", "छात्रा", "पीड़िता", "पीड़ित", "कोच", "कप्तान", "अभिनेता", "अभिनेत्री", "निर्देशक",
    "उपायुक्त", "पुलिस अधीक्षक", "थाना प्रभारी", "प्राचार्य", "कुलपति", "सदस्य", "dc", "cm", "pm", "dgp",
    "चीफ", "chief", "प्रिंसिपल", "संवाददाता", "सर्जन", "सिविल सर्जन", "सीईओ", "डायरेक्टर", "कमिश्नर", "महापौर",
    "मेयर", "गवर्नर", "न्यायाधीश", "संपादक", "सलाहकार", "संस्थापक", "गायिका", "गायक",
    # district and police posts that newspapers write as abbreviations before the name
    "एसडीएम", "एडीएम", "एसएचओ", "डीएसपी", "एएसपी", "डीसीपी", "एसीपी", "डीआईजी", "डीजी", "एसडीओ", "बीडीओ",
    "सीडीओ", "बीएसए", "सीएमएस", "सीएमएचओ", "डीएसओ", "थानाध्यक्ष", "थानेदार", "तहसीलदार", "कुलसचिव",
    "प्रधानाचार्य", "पार्षद", "सरपंच", "मुखिया", "मंडलायुक्त", "जिलाधीश", "एडीजी", "कोतवाल", "कैप्टन",
    "उपराष्ट्रपति", "उपमुख्यमंत्री", "उपप्रधानमंत्री",
])


def _looks_like_title(key: str) -> bool:
    return any(key == t or key.endswith(" " + t) for t in _TITLE_HEADS)


# Short forms of titles, both ways: "सीएम" after "मुख्यमंत्री अशोक गहलोत".
TITLE_SYNONYMS = {fold(a): fold(b) for a, b in [
    ("सीएम", "मुख्यमंत्री"), ("पीएम", "प्रधानमंत्री"), ("डीएम", "जिलाधिकारी"), ("डीसी", "उपायुक्त"),
    ("एसपी", "पुलिस अधीक्षक"), ("cm", "मुख्यमंत्री"), ("pm", "प्रधानमंत्री"), ("dc", "उपायुक्त"),
    ("डीजीपी", "पुलिस महानिदेशक"), ("एसएसपी", "वरिष्ठ पुलिस अधीक्षक"), ("आईजी", "पुलिस महानिरीक्षक"),
    ("सीएमओ", "मुख्य चिकित्सा अधिकारी"), ("मंडलायुक्त", "कमिश्नर"), ("एसडीएम", "उपजिलाधिकारी"), ("सीईओ", "मुख्य कार्यकारी अधिकारी"),
]}
TITLE_SYNONYMS |= {b: a for a, b in TITLE_SYNONYMS.items() if a.isascii() is False}


def title_keys(text: str) -> set[str]:
    """The folded forms a title may take before a name: itself, and for one word its synonym; a
    longer title with its words' short or long forms, "डिप्टी" as "उप", and "उप" joined or apart
    (``डिप्टी सीएम`` -> ``उप मुख्यमंत्री``, ``उपमुख्यमंत्री``)."""
    key = fold(text)
    words = key.split()
    if not words:
        return set()
    if len(words) == 1:
        return {key} | ({TITLE_SYNONYMS[key]} if key in TITLE_SYNONYMS else set())
    if len(words) > 3:
        return {key}
    forms = [""]
    for w in words:
        options = {w, TITLE_SYNONYMS.get(w, w), _DEPUTY.get(w, w)}
        forms = [f"{f} {o}".strip() for f in forms for o in options]
    keys = set(forms)
    keys |= {k.replace(f"{_UP} ", _UP, 1) for k in keys if k.startswith(f"{_UP} ")}
    return keys


_UP = fold("उप")
_DEPUTY = {fold("डिप्टी"): _UP, _UP: fold("डिप्टी")}


def is_bare_head(text: str) -> bool:
    """A role or organisation noun on its own (``कंपनी``, ``मंत्रालय``, ``योगगुरु``): it stands for
    someone the article named earlier."""
    key = fold(text)
    if key in _SELF_STANDING:
        return False
    return key in ORG_HEADS or key in _TITLE_HEADS


# Bodies that speak as themselves (``सरकार ने कहा``, ``पुलिस के मुताबिक``) rather than for one named earlier.
_SELF_STANDING = frozenset(fold(w) for w in ["सरकार", "सरकारों", "पुलिस", "प्रशासन", "मीडिया", "कांग्रेस", "भाजपा",
                                              "बीजेपी", "सेना", "अदालत"])


def looks_like_organisation(text: str, registry: "Registry") -> bool:
    sp = registry.match_name(text)
    if sp is not None:
        return sp.kind in ORGANISATION_KINDS
    key = fold(text)
    return any(key == h or key.endswith(" " + h) for h in ORG_HEADS)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry shipped with attrib (``attrib/data/speakers.json``)."""
    with resources.files("attrib.data").joinpath("speakers.json").open(encoding="utf-8") as f:
        data = json.load(f)
    return Registry.from_records(data["speakers"], "attrib/data/speakers.json")


def load_registry(extra: list[str | Path] | None = None) -> Registry:
    """The default registry, extended with users' ``--speakers`` files (later files win)."""
    base = default_registry()
    if not extra:
        return base
    reg = Registry.from_records([_as_record(s) for s in base], "attrib/data/speakers.json")
    for path in extra:
        user = Registry.load(path)
        reg.extend([_as_record(s) for s in user], str(path))
    return reg


def _as_record(s: Speaker) -> dict:
    return {"id": s.id, "name": s.name, "name_hi": s.name_hi, "kind": s.kind, "aliases": list(s.aliases),
            "handles": list(s.handles), "titles": list(s.titles), "same_as": list(s.same_as)}
