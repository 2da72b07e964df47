"""Text intake and normalisation for matching.

Offsets are never computed on normalised text: everything the library outputs indexes the text
exactly as decoded. Normalisation here is only for *comparing* strings (speaker names, cue words).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import InputError

# Characters that carry no meaning for matching: zero-width (non-)joiners, BOM, soft hyphen, LRM/RLM.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)
# Devanagari spelling variation folded for matching: nukta dropped, chandrabindu -> anusvara,
# long vowels -> short (रूबियो/रुबियो, हैगसेथ/हेगसेथ stays distinct by design: only length folds).
_FOLD = str.maketrans({
    "\u093c": None,  # nukta
    "\u0901": "\u0902",  # chandrabindu -> anusvara
    "\u0940": "\u093f",  # ii -> i (matra)
    "\u0942": "\u0941",  # uu -> u (matra)
    "\u0908": "\u0907",  # II -> I
    "\u090a": "\u0909",  # UU -> U
    "\u0945": "\u0947",  # candra e -> e
    "\u0949": "\u094b",  # candra o -> o
    "\u0946": "\u0947",
    "\u094a": "\u094b",
})
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009]+")
# Punctuation at the edges (not \W: Devanagari vowel signs are not "word" characters to re, and
# stripping them would merge राम and रामा).
_EDGE = r"[\s.,;:!?'\"“”‘’()\[\]{}<>\-–—।॥|/\\*#_…]"
_PUNCT_EDGES = re.compile(f"^{_EDGE}+|{_EDGE}+$")


def fold(text: str) -> str:
    """Normalise ``text`` for matching only: NFD nukta split, invisible characters removed, vowel
    length / nukta / chandrabindu folded, case folded, spaces collapsed.

    >>> fold("रूबियो") == fold("रुबियो")
    True
    >>> fold("\u095c") == fold("ड")   # precomposed ड़ (U+095C) against plain ड
    True
    """
    text = unicodedata.normalize("NFD", text).translate(_INVISIBLE)
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFC", text).casefold()
    text = _SPACE.sub(" ", text).strip()
    return _PUNCT_EDGES.sub("", text)


def decode(data: bytes, source: str = "<input>") -> str:
    """Decode an article's bytes as UTF-8 (a BOM is removed). Anything else raises InputError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{source}: not UTF-8 text (byte {e.start}: {data[e.start:e.start + 1]!r}); "
            "save the article as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise InputError(f"{source}: looks like a binary file (contains NUL bytes), not an article")
    if not text.strip():
        raise InputError(f"{source}: the file is empty or holds only whitespace; nothing to attribute")
    return text


def read_article(path: str | Path) -> str:
    """Read a UTF-8 article from ``path`` (``-`` is not handled here; the CLI reads stdin)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give article files")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    return decode(data, str(p))


# Site furniture that never yields a statement. Each entry: a regex matched at a line start or
# after a danda; the clutter runs to the end of its line.
CLUTTER_PATTERNS = [
    r"ये\s+भी\s+पढ़ें\s*[:：]?-?",
    r"यह\s+भी\s+पढ़ें\s*[:：]?-?",
    r"इसे\s+भी\s+पढ़ें\s*[:：]?-?",
    r"विज्ञापन\s+हटाएं\s+सिर्फ\s+खबर\s+पढ़ें",
    r"पूरी\s+ख़?ख?बर\s+पढ़ें",
    r"Read\s+More\s*:",
    r"Source\s*:",
    r"Tags\s*:",
    r"Similar\s+News",
    r"Published\s*:",
    r"Update\s*:",
]


def nukta_tolerant(pattern: str) -> str:
    """Rewrite a regex so each nukta letter matches both its precomposed (U+0958–U+095F) and its
    decomposed (letter + U+093C) spelling; real files carry both."""
    out = []
    for ch in unicodedata.normalize("NFD", pattern):
        if ch == "\u093c" and out:
            base = out.pop()
            pre = unicodedata.normalize("NFC", base + ch)
            alts = [base + ch] + ([pre] if len(pre) == 1 else []) + [c for c in _PRECOMPOSED.get(base, "")]
            out.append("(?:" + "|".join(dict.fromkeys(alts)) + ")")
        else:
            out.append(ch)
    return "".join(out)


# NFC keeps U+0958..U+095F decomposed (composition exclusions), so list them by base letter.
_PRECOMPOSED = {unicodedata.normalize("NFD", c)[0]: c for c in map(chr, range(0x958, 0x960))}
_CLUTTER = re.compile("|".join(f"(?:{nukta_tolerant(p)})" for p in CLUTTER_PATTERNS))
# "ये भी पढ़ें:-<title>" is glued into running text in some sites: the link title ends where the
# next sentence begins, which we cannot know; we take up to the next danda/line end but at most
# 160 characters (titles are short; the next story often follows with no mark at all).
_CLUTTER_MAX = 160
# Footer markers: when one of these comes near the end, the rest of the page is furniture
# (the headline repeated with hashtags after "Read More:", related links after "Similar News").
_FOOTER = re.compile(r"Read\s+More|Tags|Similar\s+News")
_FOOTER_MAX = 600


def clutter_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of site clutter ("ये भी पढ़ें:-…", "Read More:", …) in ``text``.




    """
    ranges = []
    for m in _CLUTTER.finditer(text):
        start = m.start()
        if _FOOTER.match(m.group(0)) and len(text) - start <= _FOOTER_MAX:
            ranges.append((start, len(text)))  # a page footer: everything after it is furniture
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        end = min(line_end, start + _CLUTTER_MAX)
        danda = text.find("।", m.end(), end)
        if danda != -1:
            end = danda + 1
        ranges.append((start, end))
    return ranges
