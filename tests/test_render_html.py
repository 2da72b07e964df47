"""--format html: a self-contained page, every statement in its speaker's colour, article text
escaped; checked in headless Chromium (Debian's `chromium`), screenshot and rendered DOM."""

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_cli import attrib

ARTICLE = ('नई दिल्ली। विदेश मंत्री एस जयशंकर ने कहा, "हम हर चुनौती के लिए पूरी तरह तैयार हैं।"\n\n'
           "<script>document.title = 'pwned'; document.body.innerHTML = 'pwned';</script> & <b>bold</b>\n\n"
           "रक्षा मंत्री राजनाथ सिंह ने कहा कि सेना सीमा पर हर स्थिति से निपटने के लिए तैयार है।\n")
TITLE = "attrib: who said what"


class _TextOf(HTMLParser):
    """The text inside the article-text element, and the elements opened inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.text, self.tags = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            self.tags.append((tag, attrs))
        elif attrs.get("class") == "article-text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def _article_text(page: str):
    p = _TextOf()
    p.feed(page)
    return "".join(p.text), p.tags


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    d = tmp_path_factory.mktemp("html")
    art = d / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    r = attrib(str(art), "--format", "html")
    assert r.returncode == 0, r.stderr
    out = d / "page.html"
    out.write_text(r.stdout, encoding="utf-8")
    return out


def test_page_is_self_contained_and_escapes_the_article(page):
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;" in html and "&amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert not re.search(r"<(link|img|iframe|object)\b|\bsrc=|@import|url\(", html), "no external assets"
    text, tags = _article_text(html)
    assert text == ARTICLE, "the page shows the article exactly"
    quotes = [a for t, a in tags if t == "mark"]
    assert [q["data-speaker"] for q in quotes] == ["S. Jaishankar", "Rajnath Singh"]
    assert quotes[0]["style"] != quotes[1]["style"], "each speaker its own colour"
    assert {a.get("class") for t, a in tags} >= {"cue", "mention", "quote direct", "quote indirect"}
    assert 'class="legend"' in html and "S. Jaishankar (एस. जयशंकर) — 1 statement" in html


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["जयशंकर ने कहा, ", '"हम तैयार हैं।"', " कि ", "उन्होंने कहा", "<", ">", "&", "\n\n",
                                 "'", "“", "”", "सेना तैयार है। ", "x"]), max_size=30).map("".join))
def test_highlighted_page_always_shows_the_text_exactly(nlp, text):
    from attrib.extract import extract
    from attrib.render.html import render_html

    text_out, _ = _article_text(render_html([(extract(text), text)]))
    assert text_out == text


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(args, tmp_path):
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
           f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit, non-interlaced RGB/RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


@pytest.mark.skipif(not _chromium(), reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_chromium_renders_highlights_in_speaker_colours_and_runs_no_script(page, tmp_path):
    url = page.resolve().as_uri()
    dom = _run_chromium(["--dump-dom", url], tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    assert f"<title>{TITLE}</title>" in rendered and "pwned</title>" not in rendered, "the article's script did not run"
    assert rendered.count("<mark ") == 2 and "&lt;script&gt;" in rendered
    colours = dict(re.findall(r'<mark [^>]*data-speaker="([^"]+)"[^>]*background-color: #([0-9a-f]{6})', rendered))
    assert set(colours) == {"S. Jaishankar", "Rajnath Singh"}

    shot = tmp_path / "page.png"
    r = _run_chromium([f"--screenshot={shot}", "--window-size=900,1000", "--force-device-scale-factor=1", url], tmp_path)
    assert r.returncode == 0 and shot.exists(), r.stderr[-2000:]
    width, height, rows = read_png(shot)
    assert (width, height) == (900, 1000)
    counts = {}
    for name, hexcolour in colours.items():
        want = tuple(int(hexcolour[i:i + 2], 16) for i in (0, 2, 4))
        counts[name] = sum(1 for row in rows for px in row if all(abs(p - w) <= 3 for p, w in zip(px, want)))
    # each quote's highlight (and its legend swatch) is painted: thousands of pixels of its colour
    assert all(n > 2000 for n in counts.values()), counts


def test_several_files_give_one_page_with_a_section_each():
    from tests.conftest import SEEDS

    r = attrib(str(SEEDS[0]), str(SEEDS[1]), "--format", "html")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("<!DOCTYPE html>") == 1 and r.stdout.count('<section class="article"') == 2
    ids = re.findall(r'<mark [^>]*id="([^"]+)"', r.stdout)
    assert ids and len(ids) == len(set(ids)), "element ids are unique across sections"
    for seed in SEEDS[:2]:
        assert f'data-source="{seed}"' in r.stdout
