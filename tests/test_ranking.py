"""Claims that rank things, read against tables written for these tests."""

from __future__ import annotations

import pytest

from kb.facts import Fact
from kb.ranking import ranks, read_order

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
    assert not ranks("The MASH received 1,002 referrals in 2023-24.")
