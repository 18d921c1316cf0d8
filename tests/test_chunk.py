"""Passages follow the document's structure and keep page, section and exact offsets."""

from __future__ import annotations

from kb.chunk import chunk_document


def test_passages_are_exact_slices_with_pages_and_sections() -> None:
    prose = " ".join(f"Sentence {n} about neglect and the voice of the child." for n in range(30))
    pages = [f"Neglect\n{prose}", f"{prose}\nMissing children\n{prose}"]
    text, chunks = chunk_document(pages, paged=True, min_words=100, max_words=250)
    for chunk in chunks:
        assert text[chunk.char_start:chunk.char_end] == chunk.text
        assert len(chunk.text.split()) <= 250 * 1.3
    assert chunks[0].section == "Neglect" and chunks[0].page == 1
    assert chunks[-1].section == "Missing children" and chunks[-1].page == 2
    assert any(chunk.page != chunk.page_end for chunk in chunks) or len(chunks) >= 3


def test_a_flattened_table_stays_with_its_labels() -> None:
    lead = " ".join(["The figures below compare this year with last year."] * 20)
    table = ("Measure 2020-21 2021-22\nContacts to the MASH\n10,385\n12,610\n"
             "LADO referrals\n131\n189")
    _, chunks = chunk_document([f"Harrowden in numbers\n{lead}\n{table}"], paged=True)
    holding = [chunk for chunk in chunks if "12,610" in chunk.text]
    assert len(holding) == 1 and "Contacts to the MASH" in holding[0].text


def test_non_paged_documents_have_no_page() -> None:
    _, chunks = chunk_document(["Bulletin\nThink fathers. Ask who lives there."], paged=False)
    assert chunks and all(chunk.page is None for chunk in chunks)


def test_a_line_leading_into_a_list_starts_the_passage_of_its_items() -> None:
    prose = " ".join(f"Point {n} of the review panel's planning notes." for n in range(29))
    lead_in = "Before the panel meets, the chair should agree with the family:"
    items = "\n".join(f"• the {word} they want the review to answer" for word in
                      ("questions", "timescales", "contacts", "words", "hopes", "fears"))
    _, chunks = chunk_document([f"Planning a review\n{prose}\n{lead_in}\n{items}"],
                               paged=True, max_words=250)
    holding = [chunk for chunk in chunks if lead_in in chunk.text]
    assert len(chunks) >= 2 and len(holding) == 1
    # the lead-in is not left at the end of the passage before its list
    assert "• the questions they want" in holding[0].text


def test_no_passage_ends_inside_a_sentence_a_page_break_cut() -> None:
    # two pages: the first, of short paragraphs, fills a passage and ends mid-sentence; the
    # second goes on with that sentence in lower case
    notes = "\n".join(f"Note {n} of the panel's findings on the summer scheme for the older "
                      "children of the town." for n in range(13))
    first = (f"Summer scheme review\n{notes}\nThe panel asked the council and the trustees of "
             "the scheme to make sure before the summer that every")
    second = ("volunteer on the scheme had a named supervisor and a record of their checks "
              "before the first week of the scheme began.\n"
              + " ".join(f"Further note {n} on the scheme's volunteers." for n in range(20)))
    text, chunks = chunk_document([first, second], paged=True, max_words=250)
    holding = [chunk for chunk in chunks if "the summer that every" in chunk.text]
    assert len(holding) == 1 and "had a named supervisor" in holding[0].text
    assert (holding[0].page, holding[0].page_end) == (1, 2)
    # only a sentence left open runs on, and only into text that goes on in lower case
    from kb.chunk import Block, _runs_on

    def block(words: str, kind: str = "text") -> Block:
        return Block(0, len(words), words, kind)

    assert _runs_on(block("make sure that every"), block("volunteer has a supervisor."))
    assert not _runs_on(block("every volunteer is named."), block("volunteers have supervisors."))
    assert not _runs_on(block("make sure that every"), block("Volunteers have supervisors."))
    assert not _runs_on(block("make sure that every"), block("Summer scheme", "heading"))
