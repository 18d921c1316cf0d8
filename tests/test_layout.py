"""Layout: PDFs made here with real type and rules read back as headings, lists, table rows,
stat panels and facts; periods, figures and acronyms read by pattern, not by case."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.metadata import detect_period
from kb.glossary import learn_acronyms
from kb.numbers import find_figures
from kb.parse import parse_file


def _report(path: Path) -> Path:
    """A two-page report: a chapter heading, a bold section heading, a list with a sub-item,
    a ruled table under its caption, and a stat panel (a label over its figure)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    y = height - 80

    def write(text: str, font: str = "Helvetica", size: float = 11, x: float = 50,
              step: float = 15) -> None:
        nonlocal y
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        y -= step

    write("Early help in Brackley", "Helvetica-Bold", 18, step=28)
    write("Families told us that help came sooner this year than last, and that one worker")
    write("stayed with them from the first conversation to the end of the plan.", step=24)
    write("What we did", "Helvetica-Bold", 11, step=20)
    write("The partnership agreed three changes:", step=18)
    write("\u2022  a single front door for every request for help", x=60)
    write("o  with a duty worker on each weekday", x=80)
    write("\u2022  a shared plan held by the family", x=60, step=30)
    write("Table 3 - Requests for early help by source", "Helvetica-Bold", 11, step=20)
    top = y + 12
    rows = [("Source", "2022-23", "2023-24"), ("Schools", "412", "468"),
            ("Health visitors", "207", "251"), ("Police", "96", "88")]
    for row in rows:
        for column, cell in enumerate(row):
            pdf.setFont("Helvetica", 10)
            pdf.drawString(55 + column * 150, y, cell)
        y -= 20
    bottom = y + 12
    for line_y in [top - 20 * i for i in range(len(rows) + 1)]:
        pdf.line(50, line_y, 500, line_y)
    for x in (50, 200, 350, 500):
        pdf.line(x, top, x, bottom - 8)
    y -= 30
    write("Number of referrals into Early Help 2023-24", "Helvetica", 11, step=16)
    write("1980", "Helvetica-Bold", 20, step=30)
    write("The rest of the page explains how the figures were counted and who checked them")
    write("before this report was approved by the executive in the summer.")
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return parse_file(str(_report(tmp_path_factory.mktemp("layout") / "brackley.pdf")))


def test_headings_are_told_by_size_and_weight_and_nest(report) -> None:  # type: ignore
    sections = [chunk.section for chunk in report.chunks]
    assert "Early help in Brackley > What we did" in sections


def _guidance(path: Path) -> Path:
    """Four pages: a note of later changes, then a title page (title, audience, a dateline
    in display type), then two pages of chapters and sections."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    topics = ["councils", "clinics", "schools", "carers", "dentists", "nurses", "doctors",
              "panels", "courts", "families", "hospitals", "registrars", "pharmacies", "boards",
              "visitors"]

    def note(n: int) -> list[tuple[str, str, float]]:
        return [(f"Advice on {topics[3 * (n - 1) + i]} was revised after the guidance was "
                 f"first issued and the names of several {topics[-1 - i]} have changed.",
                 "Helvetica", 9) for i in range(3)]

    pages = [
        [("Changes since first publication", "Helvetica-Bold", 14), *note(1)],
        [("Keeping well in foster care", "Helvetica-Bold", 26),
         ("Guidance for councils and health boards", "Helvetica", 16),
         ("October 2019", "Helvetica-Bold", 26)],
        [("Health checks", "Helvetica-Bold", 20), *note(2),
         ("Who carries out the check", "Helvetica-Bold", 14), *note(3)],
        [("Dental care", "Helvetica-Bold", 20), *note(4),
         ("Finding a dentist", "Helvetica-Bold", 14), *note(5)],
    ]
    for lines in pages:
        y = height - 80
        for text, font, size in lines:
            pdf.setFont(font, size)
            pdf.drawString(50, y, text)
            y -= size * 2.2
        pdf.showPage()
    pdf.save()
    return path


def test_a_title_page_after_a_note_and_its_dateline_open_no_section(tmp_path: Path) -> None:
    sections = {chunk.section for chunk in parse_file(str(_guidance(tmp_path / "g.pdf"))).chunks}
    assert "Health checks > Who carries out the check" in sections
    assert "Dental care > Finding a dentist" in sections
    assert not any("October 2019" in (section or "") for section in sections)


def _with_contents(path: Path) -> Path:
    """Three pages: a contents page (titles and page numbers, one entry over two lines),
    then chapters, one of them a display heading that ends in a colon over a numbered list."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    body = ("The panel met every month and read each case that came to it, and it wrote to "
            "the partners about what it found.")
    later = "Families who moved were asked what helped them most, and most named one worker."
    pages = [
        [("Contents", "Helvetica-Bold", 18), ("Our year in brief 2", "Helvetica", 11),
         ("Three things to remember when a family moves", "Helvetica", 11),
         ("away from the borough: 3", "Helvetica", 11), ("Training 3", "Helvetica", 11),
         ("Learning from reviews 3", "Helvetica", 11), ("Glossary 3", "Helvetica", 11)],
        [("Our year in brief", "Helvetica-Bold", 18), (body, "Helvetica", 8)],
        [("Three things to remember when a family moves:", "Helvetica-Bold", 18),
         ("1. Tell the new school before the first day.", "Helvetica", 8),
         ("2. Send the plan to the new health visitor.", "Helvetica", 8),
         ("2. What the panel asked every partner to report back", "Helvetica-Bold", 18),
         ("   on before its next meeting", "Helvetica-Bold", 18), (later, "Helvetica", 8)],
    ]
    for lines in pages:
        y = height - 80
        for text, font, size in lines:
            pdf.setFont(font, size)
            pdf.drawString(50, y, text)
            # a heading's wrapped line sits at its own type's spacing
            y -= size * (1.3 if text.endswith("report back") else 2)
        pdf.showPage()
    pdf.save()
    return path


def test_a_contents_page_is_no_passage_and_a_display_heading_may_end_in_a_colon_or_wrap(
        tmp_path: Path) -> None:
    chunks = parse_file(str(_with_contents(tmp_path / "c.pdf"))).chunks
    assert [c.page for c in chunks] == [2, 3, 3]
    assert chunks[0].section == "Our year in brief"
    assert chunks[1].section == "Three things to remember when a family moves"
    assert chunks[1].text.startswith("Three things to remember")
    # a heading wrapped over two lines, the second under the first's words, is one heading
    assert chunks[2].section == ("2. What the panel asked every partner to report back on "
                                 "before its next meeting")


def test_bullets_of_any_glyph_are_items_with_their_depth(report) -> None:  # type: ignore
    text = "\n".join(report.pages)
    assert "• a single front door for every request for help" in text
    assert "◦ with a duty worker on each weekday" in text
    assert "\no " not in text


def test_a_ruled_table_is_rows_under_its_caption_and_facts(report) -> None:  # type: ignore
    holding = [c.text for c in report.chunks if "Health visitors" in c.text]
    assert holding and "Table 3 - Requests for early help by source" in holding[0]
    assert "Health visitors\t207\t251" in holding[0]
    fact = next(f for f in report.facts if f.label == "Health visitors" and f.value == "251")
    assert (fact.column, fact.period, fact.page) == ("2023-24", "2023-24", 1)


def test_a_stat_panel_keeps_its_label_and_figure_as_one_fact(report) -> None:  # type: ignore
    fact = next(f for f in report.facts if f.value == "1980")
    assert fact.label == "Number of referrals into Early Help 2023-24"
    assert fact.period == "2023-24"


@pytest.mark.parametrize("text, kind", [
    ("There were 1980 referrals into early help.", "count"),
    ("Early help referrals 2023-24: 1980", "count"),
    ("2000 children were seen by the team.", "count"),
    ("The service has run since 1980 in the borough.", "year"),
    ("The 2021 census counted every household.", "year"),
])
def test_a_four_digit_number_is_a_year_only_where_the_words_say_so(text: str, kind: str) -> None:
    figure = next(f for f in find_figures(text) if f.text in ("1980", "2000", "2021"))
    assert figure.kind == kind


@pytest.mark.parametrize("title, first_page, file_name, period", [
    ("Learning bulletin - Autumn 2023", "", "bulletin.html", "2023-24"),
    ("Learning bulletin - Spring 2024", "", "bulletin.html", "2023-24"),
    ("Focused visit to Brackley", "Ofsted\n3 February 2024\nDear Ms Ray", "letter.pdf",
     "2023-24"),
    ("Guidance for schools", "", "Guidance_for_schools_Sept_2024.pdf", "2024-25"),
    ("Exploitation strategy 2022-25", "Figures for 2020-21 follow.", "s.md", "2022-23"),
    ("Annual report", "This report covers 2022-23.\nIn 2021-22 we said ...\n2022-23 again",
     "r.pdf", "2022-23"),
])
def test_periods_from_what_the_document_says_of_itself(title: str, first_page: str,
                                                       file_name: str, period: str) -> None:
    assert detect_period(title, [first_page], file_name) == period


def test_acronyms_from_flattened_glossaries_and_brackets_both_ways() -> None:
    learned = learn_acronyms([
        "Glossary",
        "BRT Brackley Response Team FLO Family Liaison Officer PLO Public Law Outline",
        "Children referred to the Youth Justice Service (YJS) were seen within a week.",
        "YJT (youth justice team) staff attended.",
        "EHAT: Early Help Assessment Tool",
        "RHI\tReturn home interview",
        "The panel met (WEEKLY) and OK'd the plan.",
    ])
    assert learned["BRT"] == "Brackley Response Team"
    assert learned["FLO"] == "Family Liaison Officer"
    assert learned["PLO"] == "Public Law Outline"
    assert learned["YJS"] == "Youth Justice Service"
    assert learned["YJT"] == "youth justice team"
    assert learned["EHAT"] == "Early Help Assessment Tool"
    assert learned["RHI"] == "Return home interview"
    assert "WEEKLY" not in learned


def test_a_contents_list_is_not_stored_as_facts() -> None:
    from kb.facts import is_contents

    contents = [["Summary", "4"], ["What we did", "6"], ["Learning from reviews", "6"],
                ["Training", "9"], ["Glossary", "14"]]
    assert is_contents(contents)
    # data: values that fall, a second column, or rows named by years
    assert not is_contents([["Contacts", "12,610"], ["Referrals", "1980"], ["Plans", "291"],
                            ["Looked after", "351"]])
    assert not is_contents([["Duplication", "84", "33%"], ["Wording", "80", "32%"],
                            ["Not relevant", "45", "18%"], ["Other", "20", "8%"]])
    assert not is_contents([["2019-20", "118"], ["2020-21", "134"], ["2021-22", "150"],
                            ["2022-23", "162"]])


def test_a_footnote_mark_set_small_leaves_the_word_and_a_code_keeps_its_digit(
        tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from kb.extract.pdf import read_pdf

    path = tmp_path / "notes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    text = pdf.beginText(50, 760)
    for words, mark in [("A DPIA", "23"), (" is not needed for one-off sharing, as the guidance "
                                           "said.", "7")]:
        text.setFont("Helvetica", 11)
        text.textOut(words)
        text.setFont("Helvetica", 6)  # the footnote's mark: small and raised
        text.setRise(4)
        text.textOut(mark)
        text.setRise(0)
    text.setFont("Helvetica", 11)
    text.textLine("")
    text.textOut("The age of consent is 16")
    text.setFont("Helvetica", 6)  # a mark after a figure, the reader putting a space between
    text.setRise(4)
    text.textOut(" 139")
    text.setRise(0)
    text.setFont("Helvetica", 11)
    text.textLine("")
    text.textLine("Use code RC8 and train staff in GCP2 before March: 12 400 staff.")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    page = read_pdf(path).pages[0]
    assert "A DPIA is not needed for one-off sharing, as the guidance said." in page
    assert "RC8" in page and "GCP2" in page and "12 400 staff" in page
    assert "The age of consent is 16\n" in page


def test_a_quotations_attribution_and_a_bold_tail_are_no_headings(tmp_path: Path) -> None:
    """A quotation whose attribution ends on a bold line at the usual spacing, a bold line in
    lower case, and a bold numbered heading in lower-case roman numerals after a gap."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "q.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    lines = [
        ("Helvetica-Bold", 16, 24, "What families told us"),
        ("Helvetica", 11, 14, '"The worker came back every week and never gave up on us." -'),
        ("Helvetica-Bold", 11, 14, "Parent, Wave 1 (March 2025)"),
        ("Helvetica", 11, 14, "Practitioners said the same of the new visiting pattern and"),
        ("Helvetica-Bold", 11, 30, "valued the extra time with each family."),
        ("Helvetica-Bold", 11, 20, "ii. Checks before a visit"),
        ("Helvetica", 11, 14, "Every visit is planned with the family's key worker."),
    ]
    y = height - 80
    for font, size, step, text in lines:
        pdf.setFont(font, size)
        pdf.drawString(50, y, text)
        y -= step
    pdf.showPage()
    pdf.save()
    sections = {chunk.section for chunk in parse_file(str(path)).chunks}
    assert "What families told us > ii. Checks before a visit" in sections
    assert not any("Wave 1" in (s or "") or "valued" in (s or "") for s in sections)


def _page_with_notes(path: Path) -> Path:
    """A page of guidance whose duties cite the law in footnotes, set small at its foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    text = pdf.beginText(50, 760)
    text.setFont("Helvetica-Bold", 16)
    text.textLine("Council duties for playing fields")
    text.textLine("")
    for words, mark in [("The council may issue a pitch closure order to a club that lets its "
                         "ground fall into disrepair.", "4"),
                        ("The council must consult the county sports board before selling a "
                         "playing field.", "5")]:
        text.setFont("Helvetica", 11)
        text.textOut(words)
        text.setFont("Helvetica", 6)
        text.setRise(4)
        text.textOut(mark)
        text.setRise(0)
        text.textLine("")
    pdf.drawText(text)
    notes = pdf.beginText(50, 80)
    notes.setFont("Helvetica", 8)
    notes.textLine("4 Section 12(2) of the Community Grounds Act 2011")
    notes.textLine("5 Regulation 3 of the Playing Fields (Consultation) Regulations 2015, as")
    notes.textLine("amended in 2019")
    pdf.drawText(notes)
    pdf.showPage()
    pdf.save()
    return path


def test_a_footnote_mark_is_kept_with_the_words_it_followed_and_finds_its_note(
        tmp_path: Path) -> None:
    from kb.extract.pdf import read_pdf
    from kb.notes import anchored_in, notes_of

    raw = read_pdf(_page_with_notes(tmp_path / "duties.pdf"))
    assert "fall into disrepair." in raw.pages[0]  # the mark is out of the text
    notes = {note.mark: note for note in notes_of(raw.layout or [])}
    assert notes[4].text == "Section 12(2) of the Community Grounds Act 2011"
    # a note running over two lines is read whole
    assert notes[5].text.endswith("Regulations 2015, as amended in 2019")
    assert notes[4].page == 1 and "fall into disrepair" in notes[4].anchor
    sentence = ("The council may issue a pitch closure order to a club that lets its ground "
                "fall into disrepair.")
    assert [note.mark for note in anchored_in(sentence, list(notes.values()))] == [4]


def test_an_answer_is_read_with_the_footnote_that_holds_what_is_asked(tmp_path: Path) -> None:
    from kb import KnowledgeBase

    (tmp_path / "docs").mkdir()
    _page_with_notes(tmp_path / "docs" / "duties.pdf")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
        law = kb.ask("Under which section of the Community Grounds Act can the council issue "
                     "a pitch closure order?")
        plain = kb.ask("What can the council issue to a club that lets its ground fall into "
                       "disrepair?")
        dated = kb.ask("What do the 2015 rules make the council do before selling a playing "
                       "field?")
    assert law.answer_found and "Section 12(2)" in (law.answer or ""), law.answer
    assert "Section 12(2)" in law.citations[0].quote and law.citations[0].page == 1
    # a note that adds nothing the question asks is left out of the answer
    assert plain.answer_found and "pitch closure order" in (plain.answer or "")
    assert "Section 12(2)" not in (plain.answer or "")
    # a number the question names that only the note gives
    assert dated.answer_found and "Regulations 2015" in (dated.answer or ""), dated.answer


def test_a_library_built_before_footnotes_reads_its_pdfs_again_without_encoding(
        tmp_path: Path) -> None:
    import sqlite3

    from kb import KnowledgeBase

    (tmp_path / "docs").mkdir()
    _page_with_notes(tmp_path / "docs" / "duties.pdf")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
    # the library as the version before footnotes left it: no notes table, schema 5
    connection = sqlite3.connect(tmp_path / "index" / "kb.sqlite")
    connection.executescript("DROP TABLE notes; PRAGMA user_version = 5;")
    connection.close()
    with KnowledgeBase.open(tmp_path / "index") as kb:
        report = kb.ingest([tmp_path / "docs"])
        count = kb.connection.execute("SELECT count(*) FROM notes").fetchone()[0]
    assert report.updated and report.embedded == 0
    assert count == 2


def test_lines_are_spaced_by_their_font_boxes_not_by_the_letters_sampled() -> None:
    from kb.extract import Line
    from kb.extract.layout import _join

    def line(text: str, top: float, bottom: float, font_top: float) -> Line:
        return Line(text, size=12.0, x0=57.0, x1=500.0, top=top, bottom=bottom,
                    font_top=font_top)

    # one paragraph set at a 16.8 pt pitch: the glyph boxes' tops and bottoms move with the
    # letters at the line's ends ("a" is short, "h" tall), the font boxes do not; then a
    # paragraph 1.6 pitches below
    lines = [line("The panel asked that the new visiting rota be", 100.0, 112.0, 98.0),
             line("shared more evenly across both teams, so more", 122.5, 131.0, 114.8),
             line("children are seen each week.", 134.0, 145.0, 131.6),
             line("Managers agreed to review it in March.", 158.0, 169.0, 158.5)]
    blocks = _join(lines, set())
    assert [b.text for b in blocks] == [
        "The panel asked that the new visiting rota be shared more evenly across both teams, "
        "so more children are seen each week.",
        "Managers agreed to review it in March."]


def _page_with_a_callout(path: Path) -> Path:
    """A page of advice whose file stores a bold callout box last, after the text and its
    footnote, though the box stands between the first paragraph and the next heading."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    body = [("Visiting rules for the respite centre", "Helvetica-Bold", 16, 760),
            ("Staff at the respite centre write down every visit a parent makes in the",
             "Helvetica", 11, 730),
            ("visitors book, with the time they arrived and the time they left.",
             "Helvetica", 11, 716),
            ("Keys and passes", "Helvetica-Bold", 16, 600),
            ("Each visitor hands back the day pass at reception before leaving the centre",
             "Helvetica", 11, 570),
            ("so that the duty manager knows who is still in the building.", "Helvetica", 11, 556),
            ("3 The centre's fire plan sets out how the visitors book is used.", "Helvetica", 8,
             80),
            ("Always check the visitors book before you lock", "Helvetica-Bold", 11, 670),
            ("the garden gate at the end of the evening shift", "Helvetica-Bold", 11, 656)]
    for text, font, size, y in body:
        pdf.setFont(font, size)
        pdf.drawString(50 if size != 11 or "Always" not in text else 70, y, text)
    pdf.showPage()
    pdf.save()
    return path


def test_a_callout_stored_last_is_read_where_it_stands_and_heads_nothing(
        tmp_path: Path) -> None:
    parsed = parse_file(str(_page_with_a_callout(tmp_path / "respite.pdf")))
    text = " ".join(chunk.text for chunk in parsed.chunks)
    callout = ("Always check the visitors book before you lock the garden gate at the end of "
               "the evening shift")
    assert callout in text  # its two lines read as one sentence
    # read after the paragraph above it and before the heading below it, not after the note
    assert text.index("the time they left.") < text.index(callout) < \
        text.index("Keys and passes") < text.index("The centre's fire plan")
    # a box is no heading: the text under "Keys and passes" is in that section alone
    sections = {chunk.section for chunk in parsed.chunks if "day pass" in chunk.text}
    assert sections == {"Visiting rules for the respite centre > Keys and passes"} or \
        sections == {"Keys and passes"}, sections
    assert not any(chunk.section and "Always check" in chunk.section for chunk in parsed.chunks)


def test_a_second_column_stays_after_the_first(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "newsletter.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    left = ["The youth panel met four times", "this spring and chose the theme",
            "of the summer conference.", "Its members also reviewed the", "leaflet for carers."]
    right = ["Foster carers in the north", "of the county can now book", "training online."]
    pdf.setFont("Helvetica", 11)
    for column, x in ((left, 50), (right, 320)):
        for row, words in enumerate(column):
            pdf.drawString(x, 760 - 14 * row, words)
    pdf.showPage()
    pdf.save()
    text = " ".join(chunk.text for chunk in parse_file(str(path)).chunks)
    assert text.index("leaflet for carers.") < text.index("Foster carers in the north")
