"""Acronyms are learned from glossary tables and inline definitions, and used by search."""

from __future__ import annotations

from kb import KnowledgeBase
from kb.glossary import learn_acronyms


def test_inline_definitions_both_ways_and_flattened_glossary_rows() -> None:
    blocks = [
        "Referrals went to the Multi-Agency Safeguarding Hub (MASH) within a day.",
        "LADO – Local Authority Designated Officer",
        "Glossary",
        "HEAT",
        "Harrowden Exploitation Action Team",
        "CIN Children in need",
        "We met (MONTHLY) to review progress.",
    ]
    learned = learn_acronyms(blocks)
    assert learned["MASH"] == "Multi-Agency Safeguarding Hub"
    assert learned["LADO"] == "Local Authority Designated Officer"
    assert learned["HEAT"] == "Harrowden Exploitation Action Team"
    assert learned["CIN"] == "Children in need"
    assert "MONTHLY" not in learned


def test_an_acronym_inside_an_expansion_gives_all_its_letters() -> None:
    learned = learn_acronyms([
        "Training was run with the NHS Safeguarding Network (NHSSN) in the spring.",
        "Schools used the guidance of the UK Youth Safety Forum (UKYSF) for online safety.",
    ])
    assert learned["NHSSN"] == "NHS Safeguarding Network"
    assert learned["UKYSF"] == "UK Youth Safety Forum"


def test_the_library_learns_its_own_local_acronyms(library: KnowledgeBase) -> None:
    glossary = library.glossary()
    assert glossary["HEAT"].lower() == "harrowden exploitation action team"
    result = library.search("HEAT", k=10, mode="keyword")
    assert any("exploitation action team" in hit.text.lower() for hit in result.results)


def test_a_library_names_its_documents_by_the_initials_of_their_titles() -> None:
    from kb.glossary import title_acronyms

    titles = ["Keeping pupils well in schools 2024: statutory guidance",
              "DfE Project A report", "Children Act Report 2021"]
    vocabulary = {"kpwis": 4, "dpa": 2, "car": 9}
    found = title_acronyms(titles, vocabulary, frozenset({"car"}))
    # the library writes "KPWIS" for the first; "DPA" is not "DfE Project A", "car" is a word
    assert found == {"KPWIS": "keeping pupils well in schools"}



def test_the_real_library_knows_kcsie_by_the_title_it_stands_for(real_library) -> None:
    # "KCSIE" is never spelled out in brackets or a glossary: only the title gives it
    assert real_library.engine.acronyms["KCSIE"] == "keeping children safe in education"
