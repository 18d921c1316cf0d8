"""Real documents, read as their authors laid them out: each test asserts a concrete table
fact, heading, list item, acronym or period from a named page of ../shared/real/docs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kb.parse import ParsedDocument, parse_file

REAL_DOCS = Path(__file__).resolve().parents[2] / "shared" / "real" / "docs"

pytestmark = pytest.mark.skipif(not REAL_DOCS.is_dir(), reason="../shared/real is not here")


@cache
def parsed(name: str) -> ParsedDocument:
    return parse_file(str(REAL_DOCS / name))


ESSEX = "Understanding social worker recording (Essex).pdf"
CENSUS = "Children_in_need_census_2023_to_2024_guide_v1.0.pdf"
PATHFINDER = ("Families_first_for_children_pathfinder_implementation_and_process_evaluation_"
              "report.pdf")
KCSIE = "Keeping_children_safe_in_education_2025.pdf"
HEALTH = "Promoting_the_health_and_well-being_of_looked-after_children_August_2022_update.pdf"
D2I = "D2I Data Service Diagnostic - Template v1.2 April 2024.docx"


def passages_on(document: ParsedDocument, page: int) -> list[str]:
    return [c.text for c in document.chunks if c.page is not None
            and c.page <= page <= (c.page_end or c.page)]


def test_a_ruled_table_becomes_rows_and_facts_on_its_page() -> None:
    essex = parsed(ESSEX)
    assert any("Duplication\t84\t33%" in text for text in passages_on(essex, 39))
    facts = [f for f in essex.facts if f.page == 39 and f.label == "Duplication"]
    assert {f.value for f in facts} == {"84", "33%"}
    share = next(f for f in facts if f.value == "33%")
    assert "Percentage" in share.column


def test_a_table_keeps_its_caption_in_the_same_passage() -> None:
    pathfinder = parsed(PATHFINDER)
    holding = [t for t in passages_on(pathfinder, 21) if "650" in t]
    assert holding and "Sample composition and participation by local areas" in holding[0]
    total = [f for f in pathfinder.facts if f.page == 21 and f.value == "650"]
    assert total and total[0].label.startswith("Total")


def test_a_census_code_table_row_keeps_its_code_and_description_together() -> None:
    census = parsed(CENSUS)
    rows = [line for text in passages_on(census, 22) for line in text.split("\n")
            if line.startswith("YonY 01")]
    assert rows and "15 per cent or more" in rows[0]


def test_headings_come_from_the_type_and_give_a_section_path() -> None:
    kcsie = parsed(KCSIE)
    on_29 = [c for c in kcsie.chunks if c.page == 29 and c.text.startswith("Safeguarding pol")]
    assert on_29 and on_29[0].section is not None
    assert on_29[0].section.endswith("Safeguarding policies and procedures")
    # a contents page's lines end in page numbers and are not headings
    assert not any(c.section and c.section.rstrip().split()[-1].isdigit()
                   and "Part" not in c.section for c in kcsie.chunks[:20])


def test_a_title_page_after_a_note_of_changes_opens_no_chapter() -> None:
    # the 2022 update puts a page of changes before the 2015 title page, whose dateline
    # ("March 2015") is set as large as the title
    health = parsed(HEALTH)
    main = [c for c in health.chunks if c.page == 7 and c.text.startswith("Main points")]
    assert main and main[0].section is not None and main[0].section.endswith("Main points")
    assert not any("March 2015" in (c.section or "") for c in health.chunks)


def test_a_contents_page_is_no_passage_and_a_heading_ending_in_a_colon_opens_a_section(
        ) -> None:
    sharing = parsed("Info_sharing_advice_content_May_2024.pdf")
    assert not passages_on(sharing, 2)  # its contents page
    rules = [c for c in sharing.chunks if c.page == 4]
    assert rules and rules[0].section == ("The Seven golden rules for sharing information "
                                          "(including personal information)")
    assert rules[0].text.startswith("The Seven golden rules")


def test_a_heading_wrapped_over_lines_is_one_heading() -> None:
    def sections_on(document: ParsedDocument, page: int) -> list[str]:
        return [c.section or "" for c in document.chunks if c.page == page]

    assert ("Part four: Safeguarding concerns or allegations made about staff, including supply "
            "teachers, volunteers and contractors") in sections_on(parsed(KCSIE), 93)
    assert sections_on(parsed(PATHFINDER), 23)[0].startswith(
        "3. Early perceptions, understanding and buy-in to the FFCP")


def test_a_passage_never_runs_across_a_heading() -> None:
    essex = parsed(ESSEX)
    for chunk in essex.chunks:
        lines = chunk.text.split("\n")
        assert "Duplication" not in lines[1:], chunk.text[:200]


def test_bullet_glyphs_become_list_items_at_their_depth() -> None:
    kcsie = parsed(KCSIE)
    text = "\n".join(passages_on(kcsie, 29))
    assert "• an effective child protection policy which:" in text
    assert "◦ reflects reporting systems as set out at paragraph 96" in text
    assert "\no reflects" not in text


def test_acronyms_are_learned_from_tables_brackets_and_definitions() -> None:
    assert parsed(ESSEX).acronyms["CiCC"] == "Children in Care Council"
    assert parsed(PATHFINDER).acronyms["MACPT"] == "Multi Agency Child Protection Teams"
    assert parsed(PATHFINDER).acronyms["FFCP"] == "Families First for Children Pathfinder"
    assert parsed(D2I).acronyms["CS-NPIMG"].endswith(
        "National Performance and Information Management Group")
    assert parsed("Children_missing_education_guidance_-_August_2024.pdf").acronyms["NEET"] \
        == "not in education, employment or training"


def test_docx_headings_and_tables_are_read_from_the_word_file() -> None:
    d2i = parsed(D2I)
    sections = {chunk.section for chunk in d2i.chunks}
    assert "Performing a data service diagnostic" in sections
    assert d2i.paged is False and all(chunk.page is None for chunk in d2i.chunks)


@pytest.mark.parametrize("name, period", [
    (CENSUS, "2023-24"),
    ("Childrens_Social_Care_National_Framework__Dec_2023.pdf", "2023-24"),
    ("Info_sharing_advice_content_May_2024.pdf", "2024-25"),
    (KCSIE, "2025-26"),
    (D2I, "2024-25"),
])
def test_periods_come_from_what_a_document_says_of_itself(name: str, period: str) -> None:
    assert parsed(name).period == period


def test_every_passage_cites_only_pages_that_hold_its_text() -> None:
    for name in (ESSEX, CENSUS):
        document = parsed(name)
        for chunk in document.chunks:
            pages = document.pages[chunk.page - 1:chunk.page_end]
            assert chunk.text.split("\n")[0] in "\n".join(pages)
            assert chunk.text.split("\n")[-1] in "\n\n".join(pages)
