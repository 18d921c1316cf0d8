"""Which PDF pages pdfplumber is asked about: those whose rules cross as a table's grid."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract import pdf as pdf_reader
from kb.extract import tables
from kb.extract.tables import Rule, holds_grid

REAL_DOCS = Path(__file__).resolve().parents[2] / "shared" / "real" / "docs"
ESSEX = REAL_DOCS / "Understanding social worker recording (Essex).pdf"


def grid(xs: list[float], ys: list[float]) -> tuple[list[Rule], list[Rule]]:
    """Rules of a full grid: a horizontal rule at each y and a vertical one at each x."""
    return ([(y, xs[0], xs[-1]) for y in ys], [(x, ys[0], ys[-1]) for x in xs])


def box(x0: float, y0: float, x1: float, y1: float) -> tuple[list[Rule], list[Rule]]:
    return [(y0, x0, x1), (y1, x0, x1)], [(x0, y0, y1), (x1, y0, y1)]


def test_a_grid_of_two_rows_of_two_cells_is_a_table() -> None:
    assert holds_grid(*grid([50, 200, 350], [100, 120, 140]))
    assert holds_grid(*grid([50, 150, 250, 350], [100, 120, 140, 160, 180]))


def test_boxes_a_single_row_and_rules_one_way_only_are_no_table() -> None:
    # a column of boxes sharing their sides: rows of one cell each
    assert not holds_grid(*grid([50, 350], [100, 120, 140, 160, 180]))
    # one row of three cells: a table needs two rows
    assert not holds_grid(*grid([50, 150, 250, 350], [100, 130]))
    # a table ruled only between its rows, and only between its columns
    across, down = grid([50, 150, 250, 350], [100, 120, 140, 160])
    assert not holds_grid(across, [])
    assert not holds_grid([], down)
    # separate boxes around text, however many
    across, down = [], []
    for top in (100, 200, 300, 400):
        more = box(50, top, 350, top + 60)
        across, down = across + more[0], down + more[1]
    assert not holds_grid(across, down)


def test_shaded_cells_with_white_gaps_between_them_make_a_grid() -> None:
    """Cells drawn as filled boxes a point apart: their sides are within pdfplumber's snapping
    distance, so they read as one grid."""
    across: list[Rule] = []
    down: list[Rule] = []
    for left, right in ((50, 149), (150, 249), (250, 350)):
        for top, bottom in ((100, 119), (120, 139), (140, 160)):
            more = box(left, top, right, bottom)
            across, down = across + more[0], down + more[1]
    assert holds_grid(across, down)


def test_rules_drawn_in_pieces_join_into_one_rule() -> None:
    across, down = grid([50, 200, 350], [100, 120, 140])
    pieces = [(y, start, start + 50) for y, left, right in across
              for start in range(int(left), int(right), 50)]
    assert holds_grid(pieces, down)


def ruled_pdf(path: Path) -> Path:
    """Page 1: a table ruled as a grid; page 2: the same figures ruled only between rows (nine
    rules, no column rules); page 3: twelve boxes around short paragraphs, in two columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    rows = [("Reason", "Count", "Share"), ("Duplication", "84", "33%"),
            ("Missing date", "41", "16%"), ("Other", "130", "51%")]
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 760, "Table 1 - Reasons for flagging")
    columns, top = [60, 220, 330, 440], 740
    for number, row in enumerate(rows):
        for left, cell in zip(columns, row, strict=False):
            pdf.drawString(left + 5, top - 20 * number - 14, cell)
    for number in range(len(rows) + 1):
        pdf.line(columns[0], top - 20 * number, columns[-1], top - 20 * number)
    for left in columns:
        pdf.line(left, top, left, top - 20 * len(rows))
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    for number, row in enumerate(rows * 2):
        pdf.drawString(65, 740 - 20 * number - 14, "   ".join(row))
    for number in range(2 * len(rows) + 1):
        pdf.line(60, 740 - 20 * number, 440, 740 - 20 * number)
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    for number in range(12):
        left, top = 60 + 250 * (number % 2), 740 - 60 * (number // 2)
        pdf.drawString(left + 10, top - 20, f"Learning point {number + 1}: see the family.")
        pdf.rect(left, top - 50, 230, 50)
    pdf.showPage()
    pdf.save()
    return path


def test_only_the_ruled_grid_page_goes_to_pdfplumber(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    path = ruled_pdf(tmp_path / "ruled.pdf")
    document = pdfium.PdfDocument(str(path))
    try:
        pages = [document[number] for number in range(len(document))]
        # every page draws enough rules or boxes to pass the first, cheap count
        assert all(pdf_reader._may_hold_a_table(page) for page in pages)
        assert [holds_grid(*pdf_reader.page_rules(page)) for page in pages] == [True, False, False]
    finally:
        document.close()
    asked: list[list[int]] = []
    place = tables.place_tables

    def place_and_note(path: Path, layout: list, candidates: list[int]) -> int:
        asked.append(candidates)
        return place(path, layout, candidates)

    monkeypatch.setattr(tables, "place_tables", place_and_note)
    raw = pdf_reader.read_pdf(path)
    assert asked == [[0]]
    assert "Duplication\t84\t33%" in raw.pages[0]
    assert raw.layout is not None
    assert [line.kind for line in raw.layout[0]][:2] == ["caption", "row"]


def test_a_grid_drawn_inside_a_form_is_seen(tmp_path: Path) -> None:
    """pdfplumber reads a form XObject's paths as the page's, so the grid test does too."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.beginForm("grid")
    for y in (100, 120, 140):
        pdf.line(50, y, 350, y)
    for x in (50, 200, 350):
        pdf.line(x, 100, x, 140)
    pdf.endForm()
    pdf.translate(0, 300)
    pdf.doForm("grid")
    pdf.showPage()
    pdf.save()
    document = pdfium.PdfDocument(str(path))
    try:
        across, down = pdf_reader.page_rules(document[0])
    finally:
        document.close()
    assert holds_grid(across, down)
    assert sorted(round(y) for y, _, _ in across) == [400, 420, 440]  # moved by the page's matrix


@pytest.mark.skipif(not ESSEX.is_file(), reason="../shared/real is not here")
def test_the_grid_test_keeps_every_real_page_whose_table_pdfplumber_keeps() -> None:
    """On the Essex report (tables ruled as grids, boxes around quotations, rules under
    headings): every page where pdfplumber finds a table kb keeps passes the grid test, and
    fewer pages go to pdfplumber than pass the counts alone."""
    import pdfplumber
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(ESSEX))
    try:
        counted = [number for number in range(len(document))
                   if pdf_reader._may_hold_a_table(document[number])]
        gridded = {number for number in counted
                   if holds_grid(*pdf_reader.page_rules(document[number]))}
    finally:
        document.close()
    with pdfplumber.open(str(ESSEX)) as plumber:
        kept = {number for number in counted
                if any(tables._clean_rows(table.extract()) is not None
                       for table in plumber.pages[number].find_tables())}
    assert 38 in kept  # page 39: "Duplication 84 33%"
    assert kept <= gridded
    assert len(gridded) < len(counted)


@pytest.mark.skipif(not ESSEX.is_file(), reason="../shared/real is not here")
def test_the_real_duplication_table_is_still_read_as_rows() -> None:
    raw = pdf_reader.read_pdf(ESSEX)
    assert "Duplication\t84\t33%" in raw.pages[38]
