"""Page images: a PDF page rendered with the cited passage highlighted where it stands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from kb.errors import DocumentNotFound, InvalidInput
from kb.page_image import best_span, render_page, word_spans

FIRST = ("Professional curiosity means asking about every adult in the household, "
         "checking what you are told, and recording who you did not see.")
SECOND = ("Information sharing between the midwife, the health visitor and the GP "
          "broke down after discharge from hospital.")


@pytest.fixture
def two_page_pdf(tmp_path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "briefing.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page, paragraph in enumerate([FIRST, SECOND], start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 810, f"Harrowden Partnership briefing  Page {page}")
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 400, "Unrelated text about the annual budget and staffing.")
        text = pdf.beginText(72, 700)
        words = paragraph.split()
        for start in range(0, len(words), 8):  # wrap over several lines
            text.textLine(" ".join(words[start:start + 8]))
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def test_render_page_highlights_the_passage_lines(two_page_pdf: Path) -> None:
    image = render_page(two_page_pdf, 1, FIRST)
    assert image.found and image.pages == 2
    assert len(image.highlights) == 3  # one box per wrapped line
    for _, bottom, _, top in image.highlights:
        assert 650 < bottom < top < 710  # the paragraph, not the header or the other text
    picture = Image.open(io.BytesIO(image.png))
    assert picture.size == (image.width, image.height)
    x, y = 80 * 1.6, (842 - 697) * 1.6  # inside the first line's box: tinted, not white
    assert picture.convert("RGB").getpixel((int(x), int(y))) != (255, 255, 255)


def test_highlight_tolerates_whitespace_and_cleaning_differences(two_page_pdf: Path) -> None:
    cleaned = "  professional   curiosity\nmeans asking about every adult in the house-hold,\n\n" \
              "checking what you are told and recording who you did not see "
    assert render_page(two_page_pdf, 1, cleaned).found


def test_text_from_another_page_is_not_highlighted(two_page_pdf: Path) -> None:
    image = render_page(two_page_pdf, 2, FIRST)
    assert not image.found
    assert render_page(two_page_pdf, 2, SECOND).found


def test_page_without_passage_renders_plain(two_page_pdf: Path) -> None:
    image = render_page(two_page_pdf, 2)
    assert image.png.startswith(b"\x89PNG") and not image.highlights


def test_bad_page_and_missing_file_raise_kb_errors(two_page_pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="pages 1 to 2"):
        render_page(two_page_pdf, 3)
    with pytest.raises(DocumentNotFound):
        render_page(tmp_path / "gone.pdf", 1)


def test_word_spans_unfold_ligatures_and_keep_offsets() -> None:
    text = "The ﬁrst  Review"
    spans = word_spans(text)
    assert [w for w, _, _ in spans] == ["the", "first", "review"]
    assert text[spans[1][1]:spans[1][2]] == "ﬁrst"


def test_best_span_picks_the_densest_cluster() -> None:
    page = "a b c one two three four five x y z one two".split()
    assert best_span(page, "one two three four five".split()) == (3, 7)
    assert best_span(page, "nothing here at all".split()) is None
