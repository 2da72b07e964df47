"""Text intake and normalisation for matching.

Offsets are never computed on normalised text: everything the library outputs indexes the text
exactly as decoded. Normalisation here is only for *comparing* strings (speaker names, cue words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

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
_HYPHEN = re.compile(r"(?<=[\w\u0900-\u097f])[-‐‑–](?=[\w\u0900-\u097f])")
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009]+")
# Punctuation at the edges (not \W: Devanagari vowel signs are not "word" characters to re, and
# stripping them would merge राम and रामा).
_EDGE = r"[\s.,;:!?'\"“”‘’()\[\]{}<>\-–—।॥|/\\*#_…]"
_PUNCT_EDGES = re.compile(f"^{_EDGE}+|{_EDGE}+$")


# a nasal consonant's half form before a consonant is written as anusvara just as often (न्द/ंद, म्ब/ंब)
_NASAL_HALF = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u092e])")


def fold(text: str) -> str:
    """Normalise ``text`` for matching only: NFD nukta split, invisible characters removed, vowel
    length / nukta / chandrabindu folded, case folded, spaces collapsed.

    >>> fold("रूबियो") == fold("रुबियो")
    True
    >>> fold("\u095c") == fold("ड")   # precomposed ड़ (U+095C) against plain ड
    True
    >>> fold("अरविन्द") == fold("अरविंद")   # a nasal's half form for the anusvara
    True
    """
    text = unicodedata.normalize("NFD", text).translate(_INVISIBLE)
    text = _NASAL_HALF.sub("\u0902", text)  # अरविन्द ~ अरविंद, हिन्दी ~ हिंदी
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFC", text).casefold()
    text = _HYPHEN.sub(" ", text)  # वॉलर-ब्रिज ~ वॉलर ब्रिज
    text = _SPACE.sub(" ", text).strip()
    return _PUNCT_EDGES.sub("", text)


def dotless(text: str) -> str:
    """``text`` with its nukta letters written without the nukta (``मुताबिक़`` -> ``मुताबिक``, in
    either of its two encodings) and nothing else changed: for looking words up in a list.

    >>> dotless("मुताबि\u0958") == dotless("मुताबिक\u093c") == "मुताबिक"
    True
    """
    if "\u093c" not in text and not any("\u0958" <= c <= "\u095f" for c in text):
        return text
    return unicodedata.normalize("NFD", text).replace("\u093c", "")


def spelling_variants(a: str, b: str) -> bool:
    """Two folded name words one edit apart, both of at least four characters and with the same
    first letter: the same name spelt two ways in one article (``देशमुख``/``देखमुख``,
    ``जिबाकलम``/``जिबकलम``, ``हैकन``/``हैकेन``). Only for linking mentions within one article.

    >>> spelling_variants(fold("देशमुख"), fold("देखमुख"))
    True
    >>> spelling_variants(fold("शर्मा"), fold("वर्मा"))   # a different first letter: another name
    False
    >>> spelling_variants(fold("कुमार"), fold("कुमारी"))
    False
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) > len(b):
        a, b = b, a
    # one substitution (equal lengths) or one insertion into the shorter
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return i < len(a) and a[i:] == b[i + 1:]  # not a letter added at the end: कुमार/कुमारी


# What a file that is not an article starts with: (magic bytes, what it is, what to do).
BINARY_SIGNATURES = [
    (b"%PDF-", "a PDF document", "extract its text first (e.g. `pdftotext FILE out.txt`)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "attrib reads article text, not images"),
    (b"\xff\xd8\xff", "a JPEG image", "attrib reads article text, not images"),
    (b"GIF87a", "a GIF image", "attrib reads article text, not images"),
    (b"GIF89a", "a GIF image", "attrib reads article text, not images"),
    (b"PK\x03\x04", "a ZIP archive (a .docx/.odt document is one)", "save the article as plain text (UTF-8)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document (.doc)", "save the article as plain text (UTF-8)"),
    (b"{\\rtf", "an RTF document", "save the article as plain text (UTF-8)"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first"),
    (b"\x7fELF", "a program (ELF executable)", "give an article text file"),
]
# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS = [
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# The largest article the CLI reads by default (a news article is well under 100 kB; a bigger file
# is usually a dump or a mistake). ``--max-mb`` raises it; the library itself has no limit.
MAX_ARTICLE_BYTES = 10_000_000
# Hindi function words as the Kruti Dev legacy font spells them in Latin letters
# (का की के को में है हैं से कि और पर भी यह था थे लिए एक इस उन्होंने कहा गया नहीं जो कर साथ बाद रहा).
# "us" (ने) is left out: it is an English word.
KRUTI_DEV_WORDS = frozenset([
    "dk", "dh", "ds", "dks", "esa", "gS", "gSa", "ls", "fd", "vkSj", "ij", "Hkh", ";g", "Fkk", "Fks", "Fkh",
    "fy,", ",d", "bl", "mUgksaus", "dgk", "x;k", "ugha", "tks", "dj", "lkFk", "ckn", "jgk", "jgs", "gks",
])
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """An article's text as decoded, how it was decoded, and notes for the user (not errors)."""

    source: str
    text: str
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()


def decode_article(data: bytes, source: str = "<input>") -> Article:
    """Decode an article's bytes, or raise InputError saying what the bytes are instead.

    UTF-8 (a BOM removed), and UTF-16/UTF-32 with a byte-order mark, are read as they are. Bytes
    that are not UTF-8 but read as Windows-1252 (which covers Latin-1) text are decoded so, with a
    note: such files are usually English, or Hindi typed in the Kruti Dev font, which is refused
    with a message saying so. Offsets always index the decoded text.
    """
    notes: list[str] = []
    for sig, what, todo in BINARY_SIGNATURES:
        if data.startswith(sig):
            raise InputError(f"{source}: {what}, not an article text file; {todo}")
    encoding = None
    for bom, name in BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    if encoding and encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: starts with a {encoding.upper()} byte-order mark but is not valid "
                             f"{encoding.upper()} (byte {e.start + len(bom)}); save the article as UTF-8") from None
    else:
        if b"\x00" in data:
            raise InputError(_nul_message(data, source))
        try:
            text = data.decode("utf-8")
            encoding = encoding or "utf-8"
            # (a few bytes prove nothing: "0\t" is also "र" in UTF-16)
            if len(data) >= 8 and text.count("\t") > len(text) / 4 and not _devanagari_share(text[:4096])[0]:
                message = _utf16_without_bom(data, source)
                if message:
                    raise InputError(message)
        except UnicodeDecodeError as e:
            bad = f"byte {e.start}: 0x{data[e.start]:02x}"
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(f"{source}: not UTF-8 text ({bad}) nor Windows-1252 text either; "
                                 "save the article as UTF-8 and try again") from None
            encoding = "cp1252"
            if not looks_like_kruti_dev(text) and _mostly_accented(text):
                raise InputError(f"{source}: not UTF-8 text ({bad}); read as Windows-1252 it is mostly accented "
                                 "letters, so it is in another legacy encoding (ISCII?); save the article as UTF-8")
            notes.append(f"{source}: not UTF-8 ({bad}); read as Windows-1252 (cp1252, which covers Latin-1). "
                         "Offsets index that decoded text; save articles as UTF-8 to avoid the guess")
    if "\x00" in text:
        raise InputError(f"{source}: a binary file (contains NUL characters), not an article")
    controls = len(_CONTROL.findall(text, 0, 100_000))
    if controls > max(2, len(text[:100_000]) // 100):
        raise InputError(f"{source}: a binary file ({controls} control characters), not an article text file")
    if not text.strip():
        what = "is empty" if not text else "holds only whitespace"
        raise InputError(f"{source}: the file {what}; nothing to attribute")
    notes.extend(check_script(text, source))
    return Article(source=source, text=text, encoding=encoding, notes=tuple(notes))


def _utf16_without_bom(data: bytes, source: str) -> Optional[str]:
    """The message for UTF-16 text saved without a byte-order mark, or None when it is not that.
    (Its ASCII characters hold NUL bytes; Devanagari ones a 0x09 byte, a tab, every other byte.)"""
    head = data[:4096]
    for encoding, order in (("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")):
        try:
            sample = head[:len(head) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(c.isprintable() or c in "\n\r\t" for c in sample)
        if sample and readable > 0.95 * len(sample) and _devanagari_share(sample)[0] + _ascii_share(sample) > 0.9:
            return (f"{source}: looks like UTF-16 ({order}) without a byte-order mark; attrib will not guess — "
                    "save the article as UTF-8 (or UTF-16 with a BOM)")
    return None


def _nul_message(data: bytes, source: str) -> str:
    return _utf16_without_bom(data, source) or f"{source}: a binary file (NUL byte at byte {data.index(0)}), not an article text file"


def _ascii_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) / len(letters) if letters else 0.0


def _mostly_accented(text: str) -> bool:
    letters = [c for c in text[:100_000] if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) > 0.3 * len(letters)


def looks_like_kruti_dev(text: str) -> bool:
    """Is ``text`` Hindi typed in the Kruti Dev font (Latin letters standing for Devanagari)?

    Kruti Dev files spell the commonest Hindi words as ``dk`` (का), ``esa`` (में), ``gS`` (है),
    ``fd`` (कि), ``ds`` (के), ``vkSj`` (और); English text almost never has them.

    >>> looks_like_kruti_dev("fons'k ea=h t;'kadj us dgk fd Hkkjr rS;kj gSA")
    True
    >>> looks_like_kruti_dev("The minister said that India is ready.")
    False
    """
    sample = text[:200_000]
    if _devanagari_share(sample)[0] >= 0.2:
        return False
    words = [w.strip("A]^*\"'.!?()-:") for w in sample.split()]
    words = [w for w in words if w]
    hits = sum(w in KRUTI_DEV_WORDS for w in words)
    return hits >= 2 and hits >= 0.08 * len(words)


def _devanagari_share(text: str) -> tuple[float, int]:
    """(share of letters that are Devanagari, number of letters)."""
    letters = deva = 0
    for c in text:
        if "\u0900" <= c <= "\u097f" or "\ua8e0" <= c <= "\ua8ff":
            deva += 1
            letters += 1
        elif c.isalpha():
            letters += 1
    return (deva / letters if letters else 0.0), letters


def check_script(text: str, source: str = "<input>") -> list[str]:
    """Refuse Kruti Dev text (InputError); return a note when the text is not mostly Hindi.

    The model is trained on Hindi news: on English it still runs (names and quote marks carry
    some signal) but finds little, and the user should know why.
    """
    if looks_like_kruti_dev(text):
        raise InputError(
            f"{source}: looks like Hindi typed in the Kruti Dev legacy font (Latin letters standing for "
            "Devanagari: 'dk' का, 'esa' में, 'gS' है), not Unicode text; convert it to Unicode Hindi "
            "(any Kruti Dev to Unicode converter) and try again")
    share, letters = _devanagari_share(text[:200_000])
    if letters >= 20 and share < 0.2:
        latin = sum(c.isascii() and c.isalpha() for c in text[:200_000])
        script = "Latin script (English?)" if latin > letters / 2 else "another script"
        return [f"{source}: only {share:.0%} of its letters are Devanagari, mostly {script}; attrib's model "
                "is for Hindi news, so expect few or wrong results (running anyway)"]
    return []


def decode(data: bytes, source: str = "<input>") -> str:
    """Decode an article's bytes (see :func:`decode_article`); the text only."""
    return decode_article(data, source).text


def load_article(path: str | Path, max_bytes: int | None = None) -> Article:
    """Read and decode the article at ``path``; ``max_bytes`` refuses larger files before reading."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give article files (e.g. {p}/*.txt)")
    try:
        size = p.stat().st_size
        if max_bytes and size > max_bytes:
            raise InputError(_too_big(str(p), size, max_bytes))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    return decode_article(data, str(p))


def read_stream(stream, source: str = "<stdin>", max_bytes: int | None = None) -> Article:
    """Read and decode an article from a binary stream (stdin), refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    if max_bytes and len(data) > max_bytes:
        raise InputError(_too_big(source, None, max_bytes))
    return decode_article(data, source)


def _too_big(source: str, size: int | None, max_bytes: int) -> str:
    have = f"{size / 1e6:.1f} MB is over" if size is not None else "more than"
    return (f"{source}: {have} the {max_bytes / 1e6:g} MB limit for one article; split it into articles, "
            "or raise the limit with --max-mb (0 = none; long texts are processed paragraph by paragraph)")


def read_article(path: str | Path) -> str:
    """Read a UTF-8 article from ``path`` (``-`` is not handled here; the CLI reads stdin)."""
    return load_article(path).text


def paragraph_chunks(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, chunk) pieces of at most ``max_chars`` characters, cutting at a
    blank line, else a line break, else a sentence end (``।``, ``.``), else a space, else anywhere.
    The chunks concatenate to ``text``; offsets index it."""
    out, start = [], 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = -1
        for sep in ("\n\n", "\n", "।", ". ", " "):
            k = window.rfind(sep, max_chars // 2)
            if k != -1:
                cut = k + len(sep)
                break
        if cut <= 0:
            cut = max_chars
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


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
