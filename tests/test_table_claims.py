"""Claims that rank things, read against tables written for these tests."""

from __future__ import annotations

import pytest

from kb.facts import Fact
from kb.table_claims import ranks, read_order, rows_named

CAPTION = "Table 2: Reasons for referral to the MASH, 2023-24"
ROWS = [("Domestic abuse", "412", "41%"), ("Neglect", "380", "38%"),
        ("Mental health of a parent", "150", "15%"), ("Total referrals", "1,002", "100%")]


def _table() -> list[Fact]:
    counts = [Fact(4, 0, CAPTION, label, "Referrals", count, None) for label, count, _ in ROWS]
    shares = [Fact(4, 0, CAPTION, label, "Share", share, None) for label, _, share in ROWS]
    return counts + shares


@pytest.mark.parametrize("claim, holds, first", [
    ("Neglect was the most common reason for referral to the MASH.", False, "Neglect"),
    ("Domestic abuse was the most common reason for referral to the MASH, ahead of neglect.",
     True, "Domestic abuse"),
    ("The commonest reason for a referral to the MASH was domestic abuse.", True,
     "Domestic abuse"),
    ("A parent's mental health was the least common reason for referral to the MASH.", True,
     "Mental health of a parent"),
    ("Neglect led to referrals to the MASH more often than domestic abuse did.", False,
     "Neglect"),
])
def test_a_claimed_order_is_read_against_the_tables_order(claim: str, holds: bool,
                                                           first: str) -> None:
    ranked = read_order(claim, _table())
    assert ranked is not None
    assert (ranked.holds, ranked.first.label) == (holds, first)
    assert "Total" not in ranked.reason  # a total row is no member


def test_a_table_repeated_on_a_later_page_is_read_once_without_failing() -> None:
    repeated = _table() + [Fact(5, 0, CAPTION, label, "Referrals", count, None)
                           for label, count, _ in ROWS]
    ranked = read_order("Neglect was the most common reason for referral to the MASH.", repeated)
    assert ranked is not None and not ranked.holds and ranked.first.label == "Neglect"


def test_several_members_put_first_or_a_table_of_other_things_rank_nothing() -> None:
    # "the main reasons" puts two members first together: no order between them is claimed
    assert read_order("The main reasons for referral to the MASH were neglect and domestic "
                      "abuse.", _table()) is None
    training = [Fact(7, 0, "Courses run by each agency", label, "Courses", value, None)
                for label, value in [("Police", "12"), ("Health", "30")]]
    assert read_order("The police made the most referrals to the MASH.", training) is None
    # a panel of counts and shares side by side in one column ranks nothing
    panel = [Fact(2, 0, "Referrals to the MASH at a glance", "Neglect", "2023-24", "380", None),
             Fact(2, 0, "Referrals to the MASH at a glance", "Re-referral rate", "2023-24",
                  "21%", None)]
    assert read_order("Neglect was the highest figure for referrals to the MASH.", panel) is None


def test_only_a_claim_that_orders_things_is_read_for_an_order() -> None:
    assert ranks("Domestic abuse was the most common reason for referral.")
    assert ranks("Schools referred more often than the police.")
    assert ranks("The council gave more to the budget than the police.")
    assert not ranks("The MASH received 1,002 referrals in 2023-24.")


def test_a_comparison_with_a_figure_bounds_it_and_orders_nothing() -> None:
    assert not ranks("Core group meetings are held at least every six weeks and never more "
                     "than a month after the conference.")
    assert not ranks("The panel met fewer than 12 times in the year.")
    assert not ranks("Less than a third of the audits found drift.")
    # a comparison with another party, or with an earlier time, still orders
    assert ranks("Health visitors made more referrals than a school nurse.")
    assert ranks("Schools referred more often than a year ago.")


def test_the_rows_a_claim_names_are_those_of_a_table_counting_what_it_speaks_of() -> None:
    named = rows_named("About two fifths of referrals to the MASH were for domestic abuse.",
                       _table())
    assert {(f.label, f.value) for f in named} == {("Domestic abuse", "412"),
                                                  ("Domestic abuse", "41%")}
    # the row's label alone is not enough: the table must count what the claim speaks of
    courses = [Fact(7, 0, "Courses run by each agency", "Domestic abuse", "Courses", "12", None)]
    assert rows_named("About two fifths of referrals to the MASH were for domestic abuse.",
                      courses) == []


class _Library:
    """The two lookups check makes of a library, over one table passage."""

    def __init__(self) -> None:
        from kb.models import Passage

        text = CAPTION + "\nReason\tReferrals\tShare\n" + "\n".join(
            "\t".join(row) for row in ROWS)
        self.passage = Passage(9, "mash", "MASH annual review", "mash.pdf", "2023-24", "other",
                               4, 4, CAPTION, text, 0, len(text))

    def document_facts(self, doc_ids: list[str]) -> list[tuple[int, Fact]]:
        return [(9, fact) for fact in _table()] if "mash" in doc_ids else []

    def passages(self, ids: list[int]) -> dict:  # type: ignore[type-arg]
        return {9: self.passage}


@pytest.mark.parametrize("claim, verdict", [
    ("About two fifths of referrals to the MASH were for domestic abuse.", "supported"),
    ("Neglect accounted for 380 referrals to the MASH.", "supported"),
    ("Around half of referrals to the MASH were for neglect.", "contradicted"),
])
def test_a_claimed_figure_is_read_against_the_row_the_claim_names(claim: str,
                                                                  verdict: str) -> None:
    from kb.numbers import find_figures, stated_figures
    from kb.table_claims import read_rows

    library = _Library()
    found = read_rows(library, claim, stated_figures(find_figures(claim)),  # type: ignore[arg-type]
                      library.document_facts(["mash"]))
    assert found is not None
    assert found[0] == verdict
    assert found[1][0].sentence.split()[0] in ("Domestic", "Neglect")
