"""Attribution -> a self-contained HTML page for people: the article with every statement
highlighted in its speaker's colour, cues and speaker mentions marked, and a speaker legend.

Self-contained: inline CSS, no script, no external fonts or images, so the page can be mailed or
archived as one file. Every piece of article text is escaped (an article holding ``<script>``
shows it as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable, Optional

from ..schema import Attribution, Quote

# Light backgrounds that keep black Devanagari legible, each distinct from its neighbours.
PALETTE = [
    "#ffd166", "#8ecae6", "#b5e48c", "#f4a3c0", "#cdb4db", "#ffb386",
    "#9be7d8", "#e9c46a", "#a0c4ff", "#d4e09b", "#f7c6a3", "#c3bef0",
]
UNATTRIBUTED = "#d9d9d9"
KIND_LABEL = {"direct": "direct quote", "partial": "partial quote", "indirect": "claim (indirect)"}

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans Devanagari", "Noto Sans", "Mangal", "Lohit Devanagari", sans-serif;
       margin: 2rem auto; max-width: 52rem; padding: 0 1rem; line-height: 1.9; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.article-text { white-space: pre-wrap; font-size: 1.05rem; }
mark.quote { color: inherit; padding: 0.1em 0; border-radius: 2px; }
mark.quote.partial { border-bottom: 2px dashed #555; }
mark.quote.indirect { font-style: italic; }
.cue { font-weight: bold; text-decoration: underline 2px; text-underline-offset: 0.2em; }
.mention { border: 2px solid; border-radius: 4px; padding: 0 2px; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; font-size: 0.95rem; }
.legend .swatch { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: middle; margin-right: 0.35em;
                  border: 1px solid #888; }
.legend .key-cue { font-weight: bold; text-decoration: underline 2px; }
.legend .key-mention { border: 2px solid #555; border-radius: 4px; padding: 0 2px; }
.summary { color: #555; font-size: 0.9rem; }
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    rank: int  # nesting order at equal start: quote (0) outside mention (1) outside cue (2)
    open_tag: str
    close_tag: str


def speaker_key(quote: Quote) -> Optional[tuple]:
    """The key a speaker's colour is keyed by: registry id, else the name as written."""
    if quote.speaker is None:
        return None
    return (quote.speaker.id,) if quote.speaker.id else (None, quote.speaker.name)


def speaker_colours(result: Attribution) -> dict:
    """Speaker key -> colour, most-quoted speaker first (colours repeat after the palette's 12)."""
    keys: list = []
    for s in result.speakers:
        keys.append((s.id,) if s.id else (None, s.name))
    return {k: PALETTE[n % len(PALETTE)] for n, k in enumerate(keys)}


def _marks(result: Attribution, colours: dict, prefix: str = "") -> list[_Mark]:
    marks: dict[tuple, _Mark] = {}
    for n, q in enumerate(result.quotes, 1):
        key = speaker_key(q)
        colour = colours.get(key, UNATTRIBUTED)
        who = q.speaker.name if q.speaker else "unattributed"
        title = f"{who} · {KIND_LABEL[q.kind]} · confidence {q.confidence:.2f}"
        marks[(q.start, q.end, 0)] = _Mark(
            q.start, q.end, 0,
            f'<mark class="quote {q.kind}" id="{prefix}q{n}" data-speaker="{escape(who)}" data-kind="{q.kind}" '
            f'style="background-color: {colour}" title="{escape(title)}">', "</mark>")
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            marks.setdefault((m.start, m.end, 1), _Mark(
                m.start, m.end, 1,
                f'<span class="mention" data-speaker="{escape(who)}" style="border-color: {colour}" '
                f'title="{escape("speaker: " + who)}">', "</span>"))
        if q.cue:
            marks.setdefault((q.cue.start, q.cue.end, 2), _Mark(
                q.cue.start, q.cue.end, 2, '<span class="cue" title="cue">', "</span>"))
    return sorted(marks.values(), key=lambda m: (m.start, -(m.end - m.start), m.rank))


def highlight(text: str, result: Attribution, colours: Optional[dict] = None, prefix: str = "") -> str:
    """``text`` as escaped HTML with its statements, cues and mentions wrapped in elements.

    Spans nest; a span that would cross one already open (never expected from the pipeline) is
    cut at the open one's end so the markup stays well formed.
    """
    colours = speaker_colours(result) if colours is None else colours
    out: list[str] = []
    stack: list[_Mark] = []  # open marks; their ends are non-increasing from bottom to top
    pos = 0

    def emit_to(i: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= i:
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
            out.append(top.close_tag)
            pos = top.end
        out.append(escape(text[pos:i]))
        pos = max(pos, i)

    for m in _marks(result, colours, prefix):
        if m.end <= m.start or m.start < pos:
            continue  # empty, or starts inside text already written past (a crossing span)
        emit_to(m.start)
        end = min(m.end, stack[-1].end) if stack else m.end
        out.append(m.open_tag)
        stack.append(_Mark(m.start, end, m.rank, m.open_tag, m.close_tag))
    emit_to(len(text))
    return "".join(out)


def legend(result: Attribution, colours: dict) -> str:
    items = []
    for s in result.speakers:
        key = (s.id,) if s.id else (None, s.name)
        name = escape(s.name) + (f" ({escape(s.name_hi)})" if s.name_hi and s.name_hi != s.name else "")
        plural = "s" if s.quotes != 1 else ""
        items.append(f'<li data-speaker="{escape(s.name)}"><span class="swatch" style="background-color: {colours[key]}">'
                     f'</span>{name} — {s.quotes} statement{plural}</li>')
    if any(q.speaker is None for q in result.quotes):
        items.append(f'<li data-speaker="unattributed"><span class="swatch" style="background-color: {UNATTRIBUTED}">'
                     "</span>unattributed</li>")
    items.append('<li><span class="key-cue">cue</span> (कहा, बताया …)</li>')
    items.append('<li><span class="key-mention">speaker mention</span> as written</li>')
    return '<ul class="legend">' + "".join(items) + "</ul>"


def article_section(result: Attribution, text: str, number: int = 1) -> str:
    colours = speaker_colours(result)
    n, k = len(result.quotes), len(result.speakers)
    summary = (f"{n} statement{'s' if n != 1 else ''} by {k} speaker{'s' if k != 1 else ''}"
               if n else "No quotes or attributed claims found.")
    return (f'<section class="article" data-source="{escape(result.source)}">\n'
            f"<h2>{escape(result.source)}</h2>\n{legend(result, colours)}\n"
            f'<p class="summary">{escape(summary)}</p>\n'
            f'<div class="article-text" lang="hi">{highlight(text, result, colours, f"a{number}-")}</div>\n</section>')


def render_html(items: Iterable[tuple[Attribution, str]], title: str = "attrib: who said what") -> str:
    """One self-contained page for (result, article text) pairs, one section per article."""
    sections = "\n".join(article_section(r, t, n) for n, (r, t) in enumerate(items, 1))
    return ("<!DOCTYPE html>\n<html lang=\"hi\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{sections}\n</body>\n</html>\n")
