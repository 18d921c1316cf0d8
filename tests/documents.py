"""Small documents made on the fly for tests: PDFs with real layouts, and bad files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb import KnowledgeBase
from kb.ask import Answer


def make_pdf(path: Path, pages: list[list[str]], header: str = "Testborough Partnership | Report",
             footer: str = "Published 2022", title: str | None = None) -> Path:
    """A PDF whose every page carries a header, a footer and 'Page N', then the given lines;
    a line starting "## " is set as a heading (14 pt bold), the rest in 11 pt."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(50, height - 40, header)
        pdf.drawString(50, 30, footer)
        pdf.drawRightString(width - 50, 30, f"Page {number}")
        y = height - 80
        for line in lines:
            heading = line.startswith("## ")
            pdf.setFont("Helvetica-Bold" if heading else "Helvetica", 14 if heading else 11)
            pdf.drawString(50, y, line[3:] if heading else line)
            y -= 18 if heading else 15
        pdf.showPage()
    pdf.save()
    return path


def make_image_only_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def make_encrypted_pdf(path: Path, source: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def make_docx(path: Path, heading: str, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def make_table_docx(path: Path, heading: str, before: str, rows: list[tuple[str, ...]],
                    after: str = "") -> Path:
    """A DOCX written for the test: a heading, a paragraph, a table of these rows (the first
    its header), and a paragraph after it if given."""
    from docx import Document as Docx

    document = Docx()
    document.add_heading(heading, level=1)
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    if after:
        document.add_paragraph(after)
    document.save(str(path))
    return path


PROSE = [
    "Professional curiosity means asking who else lives in the household and looking",
    "beyond what a parent says. Practitioners should think about fathers and male",
    "carers, who were often invisible to the agencies working with the family.",
    "",
    "## Neglect",
    "Chronic neglect remained the most common category for child protection plans in",
    "2021-22. The Graded Care Profile 2 (GCP2) was used in 140 assessments, and the",
    "multi-agency neglect strategy was refreshed with partners in the spring.",
]


@contextmanager
def one_document_library(folder: Path, name: str, text: str) -> Iterator[KnowledgeBase]:
    """A library of one text document written for the test, in `folder`."""
    with documents_library(folder, {name: text}) as kb:
        yield kb


@contextmanager
def documents_library(folder: Path, documents: dict[str, str]) -> Iterator[KnowledgeBase]:
    """A library of text documents written for the test (file name: text), in `folder`."""
    (folder / "docs").mkdir()
    for name, text in documents.items():
        (folder / "docs" / name).write_text(text)
    with KnowledgeBase.open(folder / "index") as kb:
        kb.ingest([folder / "docs"])
        yield kb


def answer_from(folder: Path, name: str, text: str, question: str) -> Answer:
    """The answer a library of one text document, written for the test, gives `question`."""
    with one_document_library(folder, name, text) as kb:
        return kb.ask(question)


# a code whose list of what is not lead coaching runs over two passages: the items after the
# break stand apart from their lead-in
LIST_OVER_TWO_PASSAGES = (
    "The County Youth Sport Code\n\n"
    "This code sets out how clubs in the county recruit, check and support the adults who "
    "coach children. Each club names a welfare officer, who keeps the club's records of checks "
    "and training and reports any concern about a child to the local authority without delay."
    "\n\n"
    "A person will not be treated as a lead coach when their work is:\n"
    "• occasional help at a single tournament arranged by a neighbouring club, where the home "
    "club's own lead coach stays in charge of every session;\n"
    "• helping with kit, refreshments or ticket sales on match days, away from the changing "
    "rooms and the pitch side;\n"
    "• driving a minibus to an away fixture with another checked adult on board for the whole "
    "of the journey there and back;\n"
    "• taking photographs at a presentation evening that parents attend and that the club's "
    "welfare officer has agreed in advance;\n"
    "• marking out pitches, putting up nets or setting out equipment before a session begins "
    "and clearing it away afterwards;\n"
    "• keeping the club's accounts, membership lists or fixture lists without any contact with "
    "the children who play for the club;\n"
    "• serving on the club committee, unless the committee member also coaches or supervises "
    "children at training sessions or matches;\n"
    "• acting as a timekeeper or scorer at a gala or a match, seated with the officials and "
    "apart from the young competitors;\n"
    "• giving a single talk about a sporting career at an awards evening, with the club's "
    "coaches present throughout the talk;\n"
    "• stewarding the car park or the entrance gate at a home fixture or a fundraising day "
    "that the club runs;\n"
    "• paid work that is supervised at a weekend sports camp or a holiday club run by the "
    "partnership;\n"
    "• repairing or maintaining the club's buildings and equipment at times when no children "
    "are on the site.\n"
)
