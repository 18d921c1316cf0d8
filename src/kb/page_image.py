"""Page images: a PDF page rendered to PNG, with a cited passage's text highlighted on it."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from kb.errors import DocumentNotFound, InvalidInput, UnreadableFile

WORD = re.compile(r"[a-z0-9]+")
HIGHLIGHT_FILL = (255, 212, 0, 96)
HIGHLIGHT_EDGE = (214, 160, 0, 200)
GAP_WORDS = 12  # matched runs closer than this on the page count as one passage
Rect = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


@dataclass
class PageImage:
    png: bytes
    width: int
    height: int
    page: int
    pages: int
    highlights: list[Rect] = field(default_factory=list)  # in PDF points

    @property
    def found(self) -> bool:
        return bool(self.highlights)


def render_page(path: str | Path, page: int, passage: str | None = None,
                scale: float = 1.6) -> PageImage:
    """Page `page` (1-based) of the PDF at `path` as PNG, `passage` marked where it stands."""
    import pypdfium2 as pdfium

    path = Path(path)
    if not path.is_file():
        raise DocumentNotFound(f"{path}: the original file is missing; ingest it again")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise UnreadableFile(f"{path}: cannot open as PDF ({str(error)[:80]})") from None
    try:
        if not 1 <= page <= len(pdf):
            raise InvalidInput(f"{path.name} has pages 1 to {len(pdf)}, not {page}")
        pdf_page = pdf[page - 1]
        rects = find_passage_rects(pdf_page, passage) if passage else []
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        crop = pdf_page.get_cropbox()
        image = _draw_highlights(image, rects, crop, scale)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
        return PageImage(png=buffer.getvalue(), width=image.width, height=image.height,
                         page=page, pages=len(pdf), highlights=rects)
    finally:
        pdf.close()


def find_passage_rects(pdf_page: Any, passage: str) -> list[Rect]:
    """Line boxes of the part of `passage` found on the page, matched word by word.

    Extracted passages differ from the page's raw text (whitespace, mended hyphens, dropped
    headers, bullets, ligatures), so words are aligned rather than characters compared.
    """
    textpage = pdf_page.get_textpage()
    try:
        text = page_chars(textpage)
        page_words = word_spans(text)
        wanted = [word for word, _, _ in word_spans(passage)]
        span = best_span([word for word, _, _ in page_words], wanted)
        if span is None:
            return []
        first, last = span
        start, end = page_words[first][1], page_words[last][2]
        count = textpage.count_rects(start, end - start)
        return [tuple(textpage.get_rect(i)) for i in range(count)]
    finally:
        textpage.close()


def page_chars(textpage: Any) -> str:
    """The page's characters, one per pdfium char index (so offsets map to boxes)."""
    import pypdfium2.raw as raw

    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32)
                   for i in range(textpage.count_chars()))


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their (start, end) offsets in `text`, ligatures unfolded."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char).lower():
            folded.append(piece)
            origin.append(index)
    joined = "".join(folded)
    return [(match.group(0), origin[match.start()], origin[match.end() - 1] + 1)
            for match in WORD.finditer(joined)]


def best_span(page_words: list[str], wanted: list[str]) -> tuple[int, int] | None:
    """First and last page-word index of the densest cluster of runs shared with `wanted`."""
    if not page_words or not wanted:
        return None
    matcher = SequenceMatcher(None, page_words, wanted, autojunk=False)
    least = 1 if len(wanted) < 4 else 2
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= least]
    if not blocks:
        return None
    clusters: list[list[int]] = []  # [first, last, matched words]
    for block in sorted(blocks, key=lambda b: b.a):
        last = block.a + block.size - 1
        if clusters and block.a - clusters[-1][1] <= GAP_WORDS:
            clusters[-1][1] = last
            clusters[-1][2] += block.size
        else:
            clusters.append([block.a, last, block.size])
    first, last, matched = max(clusters, key=lambda c: c[2])
    if matched < min(3, len(wanted)):
        return None
    return first, last


def _draw_highlights(image: Any, rects: list[Rect], crop: tuple[float, float, float, float],
                     scale: float) -> Any:
    if not rects:
        return image
    from PIL import Image, ImageDraw

    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    left_edge, _, _, top_edge = crop
    pad = 1.5
    for left, bottom, right, top in rects:
        box = ((left - left_edge - pad) * scale, (top_edge - top - pad) * scale,
               (right - left_edge + pad) * scale, (top_edge - bottom + pad) * scale)
        draw.rectangle(box, fill=HIGHLIGHT_FILL)
    xs = [(r[0] - left_edge) * scale for r in rects]
    ys = [(top_edge - r[3]) * scale for r in rects] + [(top_edge - r[1]) * scale for r in rects]
    bar = min(xs) - 8 * scale
    draw.rectangle((bar - 2 * scale, min(ys), bar, max(ys)), fill=HIGHLIGHT_EDGE)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
