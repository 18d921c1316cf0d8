"""Extraction and cleaning: real PDFs and messy text become clean blocks with metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents import PROSE, make_docx, make_image_only_pdf, make_pdf

from kb.errors import UnreadableFile
from kb.extract import read_file
from kb.extract.clean import clean_pages, normalise
from kb.extract.metadata import detect_access, detect_doc_type, normalise_period, periods_in
from kb.parse import parse_file


def test_repeated_headers_footers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "r.pdf", [PROSE[:3], PROSE[4:], ["Fathers matter."]])
    cleaned = clean_pages(read_file(pdf).pages, reflow=True)
    for page in cleaned:
        assert "Testborough Partnership" not in page
        assert "Published 2022" not in page
        assert "Page " not in page
    assert "Professional curiosity means asking" in cleaned[0]


def test_lines_reflow_into_paragraphs_and_headings_stand_alone(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "r.pdf", [PROSE, ["Second page."]])
    blocks = clean_pages(read_file(pdf).pages, reflow=True)[0].split("\n")
    assert "Neglect" in blocks
    assert any(block.startswith("Professional curiosity") and block.endswith("the family.")
               for block in blocks)


def test_lone_bullets_join_their_text_and_empty_bullet_runs_go() -> None:
    page = "Key learning\n•\nSee the baby's father\n➢\nAsk who else lives there\n• • •\nEnd."
    blocks = clean_pages([page], reflow=True)[0].split("\n")
    assert "• See the baby's father" in blocks
    assert "• Ask who else lives there" in blocks
    assert not any(block.replace("•", "").strip() == "" for block in blocks)


def test_line_end_hyphens_mended_only_when_sure() -> None:
    page = ("The safeguarding partnership agreed a new approach to informa-\ntion sharing at the "
            "information panel.\nWe worked with multi-\nagency partners across the borough.")
    text = clean_pages([page], reflow=True)[0]
    assert "information sharing" in text
    assert "multi-agency partners" in text


def test_unicode_is_normalised() -> None:
    assert normalise("“Child’s voice” ﬁrst\u00a0time") == '"Child\'s voice" first time'


@pytest.mark.parametrize("text, period", [
    ("Annual Report 2021-22", "2021-22"), ("Annual Report 2021/22", "2021-22"),
    ("report for 2021-2022", "2021-22"), ("April 2021 - March 2022", "2021-22"),
    ("FY21/22 figures", "2021-22"), ("the year ending 31 March 2022", "2021-22"),
    ("in 2019 to 2020", "2019-20"),
])
def test_periods_are_read_in_every_form(text: str, period: str) -> None:
    assert periods_in(text)[0] == period
    assert normalise_period(text) == period


def test_not_a_period() -> None:
    assert normalise_period("2021-23") is None
    assert normalise_period("page 12") is None


def test_document_types_and_access_are_told_from_the_text() -> None:
    assert detect_doc_type("Safeguarding Practice Review Briefing: Child R", "") == \
        "practice-review"
    assert detect_doc_type("Focused visit to Harrowden", "Ofsted") == "inspection"
    assert detect_doc_type("HSCP Annual Report 2021-22", "") == "annual-report"
    assert detect_doc_type("Cabinet 14 December 2022", "annual report") == "committee-report"
    assert detect_access("Draft LCSPR Child T", "DRAFT - NOT FOR PUBLICATION") == "restricted"
    assert detect_access("Annual Report", "Welcome") == "public"


def test_pdf_metadata_pages_and_chunks_keep_their_place(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "annual-report.pdf", [PROSE, PROSE, PROSE],
                   title="Testborough Annual Report 2021-22")
    parsed = parse_file(str(pdf))
    assert parsed.title == "Testborough Annual Report 2021-22"
    assert parsed.period == "2021-22" and parsed.doc_type == "annual-report"
    assert len(parsed.pages) == 3
    text = "\n\n".join(parsed.pages)
    for chunk in parsed.chunks:
        assert text[chunk.char_start:chunk.char_end] == chunk.text
        assert 1 <= chunk.page <= chunk.page_end <= 3
    assert {chunk.section for chunk in parsed.chunks} >= {"Neglect"}


def test_sidecar_overrides_metadata(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "review.pdf", [PROSE])
    (tmp_path / "review.pdf.meta.json").write_text(
        '{"access": "restricted", "period": "2022/23", "title": "Draft review"}')
    parsed = parse_file(str(pdf))
    assert (parsed.access, parsed.period, parsed.title) == ("restricted", "2022-23", "Draft review")


def test_docx_html_text_and_markdown_are_read(tmp_path: Path) -> None:
    docx = make_docx(tmp_path / "c.docx", "Cabinet report", ["1.1 The partnership met.", "Text"])
    assert "1.1 The partnership met." in read_file(docx).pages[0]
    html = tmp_path / "b.html"
    html.write_text("<html><head><title>Bulletin</title><style>p{}</style></head><body>"
                    "<h1>Learning</h1><p>Think <b>fathers</b>.</p><script>x()</script>"
                    "<ul><li>Ask</li></ul></body></html>")
    raw = read_file(html)
    assert raw.title_hint == "Bulletin" and "Think fathers ." in raw.pages[0] or \
        "Think fathers." in raw.pages[0]
    assert "x()" not in raw.pages[0] and "• Ask" in raw.pages[0]
    md = tmp_path / "n.md"
    md.write_text("# Neglect strategy\n\nWe will **act** early and\nwell.\n\n- one\n- two\n")
    raw = read_file(md)
    assert raw.title_hint == "Neglect strategy"
    assert "We will act early and well." in raw.pages[0] and "• one" in raw.pages[0]


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no text layer, needs OCR"):
        read_file(make_image_only_pdf(tmp_path / "scan.pdf"))


def test_corrupt_pdf_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(UnreadableFile, match="bad.pdf: corrupt"):
        read_file(bad)


def test_a_table_header_wrapped_over_several_rows_is_one_header_row() -> None:
    from kb.extract.tables import _clean_rows

    # narrow columns: each header cell wraps, some inside a word, at staggered heights
    raw = [["Visits", "", "North", "South", ""],
           [None, "Tot", None, None, "Eastle"],
           ["made", None, "1", "2", None],
           [None, "al", "teams", "teams", "igh"],
           ["Spring term", "40", "25", "15", "-"],
           ["(Jan to Mar)", None, None, None, None],
           ["Total", "95", "55", "30", "10"]]
    rows = _clean_rows(raw)
    assert rows is not None
    assert rows[0] == ["Visits made", "Total", "North 1 teams", "South 2 teams", "Eastleigh"]
    # a label that wrapped onto a line of its own joins its row
    assert rows[1] == ["Spring term (Jan to Mar)", "40", "25", "15", "-"]
    assert rows[2] == ["Total", "95", "55", "30", "10"]


def test_a_row_label_that_wraps_in_lower_case_joins_its_row() -> None:
    from kb.extract.tables import _clean_rows

    raw = [["Reform", "Done", "Planned"],
           ["Shared practice", "3", "2"],
           ["framework agreed", None, None],
           ["Parent panel", "4", "1"]]
    assert _clean_rows(raw) == [["Reform", "Done", "Planned"],
                                ["Shared practice framework agreed", "3", "2"],
                                ["Parent panel", "4", "1"]]


def test_a_ruled_table_reads_the_same_rows_from_pdfium_as_from_pdfplumbers_own_parse(
        tmp_path: Path) -> None:
    """Three rows of three cells ruled with thin filled boxes (pdfplumber's edges are a box's
    four sides), a label wrapped over two lines in two fonts: the rows come out, and they are
    those pdfplumber gives when it parses the page itself."""
    from reportlab.pdfgen import canvas

    from kb.extract import Line, tables

    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    cells = [[("Source",), ("2022-23",), ("2023-24",)], [("Schools",), ("412",), ("468",)],
             [("Health", "visitors"), ("207",), ("251",)]]
    for row, top in enumerate((700, 680, 660)):
        for column, left in enumerate((50, 200, 320)):
            for number, text in enumerate(cells[row][column]):
                pdf.setFont(("Helvetica", "Times-Roman")[number], 10)
                pdf.drawString(left + 5, top - 13 - 11 * number, text)
    for y in (700, 680, 660, 630):
        pdf.rect(50, y, 400, 0.5, stroke=0, fill=1)
    for x in (50, 200, 320, 450):
        pdf.rect(x, 630, 0.5, 70.5, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    layouts: list[list[list[Line]]] = [[[]], [[]]]
    assert tables.place_tables(path, layouts[0], [0]) == 1
    assert tables._place_tables_pdfplumber(path, layouts[1], [0]) == 1
    rows = [[line.text for line in layout[0] if line.kind == "row"] for layout in layouts]
    assert rows[0] == ["Source\t2022-23\t2023-24", "Schools\t412\t468",
                       "Health visitors\t207\t251"]
    assert rows[0] == rows[1]
