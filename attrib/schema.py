"""The export models: what ``attrib --format json`` prints and CMSs read.

Offsets are Python character offsets (end exclusive) into the article text as decoded (a
byte-order mark removed; UTF-16 and cp1252 decoded); ``text == article[start:end]`` always holds.
``attrib/data/attribution.schema.json`` is generated from these models (``python -m attrib.schema``)
and checked in.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    text: str = Field(description="The span's text, exactly article[start:end].")
    start: int = Field(ge=0, description="Character offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Character offset one past the last character (end exclusive).")


class SpeakerRef(_Model):
    id: str | None = Field(description="Registry id of the canonical speaker; null when the speaker is not in the registry.")
    name: str = Field(description="Registry English display name, or the mention as written for an unregistered speaker.")
    name_hi: str | None = Field(description="Registry Hindi name; null when unknown.")
    mention: TextSpan | None = Field(description="The mention in the text the statement is attributed to (may be a pronoun or title); null when none was found.")


class Quote(_Model):
    text: str = Field(description="The statement's content (without quote marks or the complementiser कि).")
    start: int = Field(ge=0, description="Character offset of the statement's first character.")
    end: int = Field(ge=0, description="Character offset one past the statement's last character.")
    kind: Literal["direct", "partial", "indirect"] = Field(description="direct: a quotation; partial: quoted words inside the reporter's sentence; indirect: reported speech (a claim).")
    cue: TextSpan | None = Field(description="The speech predicate (कहा, लिखा, बताया, …); null for tweets and 'claim : Name' headlines.")
    speaker: SpeakerRef | None = Field(description="Who said it; null when no speaker could be found.")
    confidence: float = Field(ge=0.0, le=1.0, description="Confidence that the span and its attribution are right (0–1).")


class SpeakerSummary(_Model):
    id: str | None = Field(description="Registry id; null for a speaker not in the registry.")
    name: str = Field(description="Display name (registry English name, or the mention as written).")
    name_hi: str | None = Field(description="Registry Hindi name; null when unknown.")
    quotes: int = Field(ge=0, description="Number of statements attributed to this speaker in the article.")


class Attribution(_Model):
    schema_version: Literal["1"] = Field(default=SCHEMA_VERSION, description="Version of this export format.")
    source: str = Field(description="Where the text came from: the file path as given, '-' for stdin, or a caller's id.")
    quotes: list[Quote] = Field(description="Statements in text order.")
    speakers: list[SpeakerSummary] = Field(description="Speakers with at least one statement, most statements first.")


def json_schema() -> dict:
    return Attribution.model_json_schema()


if __name__ == "__main__":  # python -m attrib.schema > attrib/data/attribution.schema.json
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
