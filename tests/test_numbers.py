"""Unit tests of figure extraction on the formats the documents use."""

from __future__ import annotations

import re

import pytest

from kb.items import another_item, figure_of_another_item, items_named
from kb.numbers import counts_units_of_time, direction, find_figures, values_figures
from kb.sentences import split_sentences
from kb.words import stem


def values(text: str, period: str | None = None):
    return values_figures(find_figures(text, period))


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("There were 95,309 children.", 95309, "count"),
    ("There were 95, 309 children.", 95309, "count"),
    ("The rate was 12.6% overall.", 12.6, "percent"),
    ("The rate was 51.7 per 10,000 children.", 51.7, "rate"),
    ("The budget was £431,200 this year.", 431200, "money"),
    ("Some 12 per cent said so.", 12, "percent"),
])
def test_figures_read_every_written_format(text: str, value: float, kind: str) -> None:
    found = values(text)
    assert [(f.value, f.kind) for f in found] == [(value, kind)]
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize(("text", "expected"), [
    ("Twenty-four children were seen.", [("count", 24, None)]),
    ("Eighty three parents replied.", [("count", 83, None)]),
    ("Ninety per cent of schools replied.", [("percent", 90, None)]),
    ("Only 1 in 5 (22%) agreed.", [("fraction", 1, 5), ("percent", 22, None)]),
    ("Roughly one in every three staff agreed.", [("fraction", 1, 3)]),
    ("Seven of the twelve reviews were late.", [("fraction", 7, 12)]),
    ("About nine out of ten carers felt heard.", [("fraction", 9, 10)]),
    ("Roughly two out of every three carers felt heard.", [("fraction", 2, 3)]),
    ("Roughly 2 out of every 3 carers felt heard.", [("fraction", 2, 3)]),
    # a part of a whole written with a slash, in brackets or not; not a round-the-clock "24/7"
    ("The hub opened in most wards (4/5) by March.", [("fraction", 4, 5)]),
    ("Schools rated it 7/10 on average.", [("fraction", 7, 10)]),
    # a number joined to a name by a slash names a return, it counts nothing
    ("Of the 903/Ofsted items, 20 were new.", [("count", 20, None)]),
    ("The helpline answers 24/7 for 12 weeks.", [("count", 24, None), ("count", 12, None)]),
])
def test_figures_written_in_words_and_ratios_are_read(text: str, expected: list) -> None:
    assert [(f.kind, f.value, f.total) for f in values(text)] == expected


def test_the_other_figure_of_an_age_offered_as_alternatives_or_a_range_is_an_age() -> None:
    kinds = [(f.value, f.kind) for f in find_figures("Pupils aged 11 to 15 and 16 and 17 year "
                                                      "olds; under 5 and 300 families.")]
    # (an age is young enough to be a child's: "300 families" is no age)
    assert kinds == [(11, "age"), (15, "age"), (16, "age"), (17, "age"), (5, "age"),
                     (300, "count")]
    # counts side by side stay counts
    assert [f.kind for f in find_figures("Between 10 and 20 referrals came in.")] == [
        "count", "count"]


def test_a_number_naming_an_item_of_a_sequence_is_no_quantity() -> None:
    found = values("In Wave 2 areas 38% agreed (see Appendix 5), under article 9 and Table 3; "
                   "seven local areas joined.")
    assert [(f.kind, f.value) for f in found] == [("percent", 38), ("count", 7)]


def test_a_month_cut_short_with_its_year_is_a_date() -> None:
    found = find_figures("Staff were surveyed in Nov 24 and again in Feb '25; the panel met on "
                         "3 Mar. 2025 and in Sept 2025, when 41 cases were read.")
    dates = [(f.text, f.period) for f in found if f.kind == "date"]
    assert dates == [("November 2024", "2024-25"), ("February 2025", "2024-25"),
                     ("3 Mar. 2025", "2024-25"), ("Sept 2025", "2025-26")]
    assert [f.value for f in found if f.kind == "count"] == [41]
    # a month written first and then a day and a full year is not a month of '25
    assert not any(f.kind == "date" and f.text.endswith("2025") for f in
                   find_figures("The letter of Feb 25, 2019 set this out."))


def test_a_text_naming_only_other_items_of_a_sequence_is_about_another() -> None:
    asked = items_named("What share of staff in Wave 2 areas and Key Stage 4 agreed?")
    assert asked == {"wave": {"2"}, "key stage": {"4"}}
    assert another_item(asked, "In Wave 1 areas 57% of staff agreed.")
    assert not another_item(asked, "Wave 2 areas, like those of Wave 1, agreed.")
    assert not another_item(asked, "Most staff agreed.")
    # an item named by its order is the same item
    assert another_item(asked, "A second Wave of areas joined; the first wave had agreed.") is \
        False
    assert another_item({"wave": {"1"}}, "A second wave of seven areas applied to join.")


def test_a_figure_belongs_to_the_item_named_nearest_it() -> None:
    asked = {"phase": {"2"}}

    def of_another(text: str, figure_text: str) -> bool:
        figure = next(f for f in find_figures(text) if f.text == figure_text)
        return figure_of_another_item(asked, text, figure)

    both = "Across these 12 schools, Phase 1 and Phase 2 schools kept the same timetable."
    assert of_another(both, "12")  # the schools of both phases, not Phase 2's
    split = "Phase 1 took in 5 schools, while Phase 2 took in 9 schools."
    assert of_another(split, "5") and not of_another(split, "9")
    assert not of_another("The second phase took in 9 schools.", "9")
    assert not of_another("In all 9 schools took part.", "9")  # no phase named: not told


def test_an_age_is_read_from_a_birthday_and_from_reaching_or_turning_it() -> None:
    def ages(text: str) -> list[float]:
        return [f.value for f in find_figures(text) if f.kind == "age"]

    assert ages("Support is offered until the care leaver's 25th birthday.") == [25]
    assert ages("Support continues until they reach 25.") == [25]
    assert ages("A pupil may leave in the year they turn 16.") == [16]
    assert ages("Support began after she reached 14 and ended when she turned 15.") == [14, 15]
    assert ages("The council reached 500 families.") == []
    assert ages("Care leavers turning 21 this year are offered a review.") == [21]
    # the modal "may" after an age is no month: "turning 25 may" is not the 25th of May
    assert ages("A care leaver who comes back before turning 25 may ask for help.") == [25]
    assert [f.kind for f in find_figures("The panel met on 25 May.")] == []
    # a bare number that a preposition of time puts at the end of a clause is an age
    assert ages("No child may marry before 16, even with consent.") == [16]
    assert ages("Help lasts until 25 or longer.") == [25]
    assert ages("Plans are reviewed before 18 months have passed.") == []
    assert ages("The hub was used by 12 schools.") == []
    # an ordinal in words names the same age
    assert ages("Help lasts until their sixteenth birthday.") == [16]
    assert ages("Help lasts until the twenty first birthday of the young person.") == [21]
    assert ages("The second birthday party was cancelled.") == [2]
    # a day of a month named without its year counts nothing
    assert find_figures("Children who turn 4 between 1 September and 31 December start in "
                        "January.")[1:] == []


def test_a_bare_figure_in_brackets_takes_the_rate_beside_it_unless_it_names_a_count() -> None:
    kinds = {f.text: f.kind for f in find_figures(
        "The rate was 51.7 per 10,000, above London (40), and 2% of cases (12 cases) were open.")}
    assert kinds["40"] == "rate" and kinds["12"] == "count"


def test_a_figure_opening_its_sentence_is_measured_by_its_predicate() -> None:
    [share] = find_figures("41% of all foster carers agreed that their supervising social "
                           "worker visited often enough, against 52% a year before.")[:1]
    assert "visited" in share.measure.split() and "carers" in share.measure.split()


def test_the_numbers_of_a_plural_label_name_items_and_count_nothing() -> None:
    text = "Staff in Cohorts 2 (spring intake) and 3 were asked; 58 replied."
    assert [(f.text, f.kind) for f in find_figures(text)] == [("58", "count")]
    assert [(f.text, f.kind) for f in find_figures("Cohorts of 3 carers met weekly.")] == [
        ("3", "count"), ("weekly", "frequency")]


def test_a_run_of_legal_references_names_provisions_and_counts_nothing() -> None:
    text = ("Clubs act under section 11, 14, 26 and 52 of the Sports Act 2011, and under "
            "paragraphs 8, 9 and 15 of its code; 40 clubs replied.")
    assert [(f.text, f.kind) for f in find_figures(text)] == [("2011", "year"),
                                                              ("40", "count")]


def test_the_order_of_an_item_is_its_number_among_a_text_s_terms() -> None:
    from kb.question import terms_of

    assert "2" in terms_of("A second wave of nine councils joined.")
    assert "2" not in terms_of("A first wave of nine councils joined.")


def test_a_date_written_in_figures_is_a_day_first_date() -> None:
    [first, second] = find_figures("Plans open on 31/03/2024 and closed by 1/4/2024.")
    assert (first.kind, first.text, first.period) == ("date", "31 March 2024", "2023-24")
    assert (second.text, second.period) == ("1 April 2024", "2024-25")


def test_a_line_that_runs_on_in_lowercase_continues_its_sentence() -> None:
    text = "Training should be\nupdated every two years.\nNew heading\nmore text."
    assert [s.text for s in split_sentences(text)] == [
        "Training should be updated every two years.", "New heading more text."]
    named = "Families can call the Speak Up!\nline at any time. It is free."
    assert [s.text for s in split_sentences(named)] == [
        "Families can call the Speak Up! line at any time.", "It is free."]


def test_a_sentence_a_page_break_cut_in_two_reads_on_across_it() -> None:
    # pages are joined by a blank line: a page ending on a lowercase word or a comma, the next
    # opening on a lowercase word, is one sentence cut by the break
    text = ("A third of the carers who replied were\n\nfrom the two western towns. It ends.\n\n"
            "Next steps\n\nThe panel meets in May.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "A third of the carers who replied were from the two western towns.", "It ends.",
        "Next steps", "The panel meets in May."]
    # offsets still point into the text as written
    first = sentences[0]
    assert text[first.start:first.end].split() == first.text.split()
    # a page that ends on a full stop, or a next page that opens on a capital, breaks as before
    closed = "The survey closed in June.\n\nthe results follow below."
    assert len(split_sentences(closed)) == 2


def test_a_sentence_opening_on_a_straight_quote_is_a_sentence_of_its_own() -> None:
    text = "Carers keep a diary. 'Respite' in this plan means a short break for the carer."
    assert [s.text for s in split_sentences(text)] == [
        "Carers keep a diary.", "'Respite' in this plan means a short break for the carer."]


def test_a_number_before_a_year_is_no_ratio() -> None:
    found = values("There were 3 in 2024 and 5 in 2023.")
    assert all(f.kind != "fraction" for f in found)


def test_n_of_m_is_one_fraction_with_its_total() -> None:
    figure, days = values("5 of 6 rapid reviews were completed within 15 working days.")
    assert days.value == 15
    assert (figure.kind, figure.value, figure.total) == ("fraction", 5, 6)


def test_this_years_and_last_years_figure_are_kept_apart() -> None:
    found = values("At 31 March 2022, 327 children were subject to a child protection plan, "
                   "compared with 291 a year earlier.")
    assert [(f.value, f.period) for f in found] == [(327, "2021-22"), (291, "2020-21")]
    assert "protection" in found[1].measure  # the compared figure measures the same thing


def test_a_period_written_after_a_figure_belongs_to_it() -> None:
    found = values("The MASH received 12,610 contacts in 2021-22, compared with 10,385 in "
                   "2020-21.")
    assert [(f.value, f.period) for f in found] == [(12610, "2021-22"), (10385, "2020-21")]
    assert "contacts" in found[0].measure.split()


def test_other_ways_of_writing_a_year_are_normalised() -> None:
    [figure] = values("The partnership budget for FY20/21 was £418,500.")
    assert figure.period == "2020-21"


def test_a_flattened_table_row_reads_last_year_then_this_year() -> None:
    found = values("Re-referral rate 19% 21%", "2020-21")
    assert [(f.value, f.period) for f in found] == [(19, "2019-20"), (21, "2020-21")]
    assert all("re-referral" in f.measure for f in found)
    three = values("Re-referral rate 18% 19% 21%", "2020-21")
    assert [f.period for f in three] == ["2018-19", "2019-20", "2020-21"]
    # a longer run with no year over it counts areas or groups, not years back from the report's
    areas = values("Responses\t412\t230\t105\t77\t68\t51", "2020-21")
    assert [f.period for f in areas] == ["2020-21"] * 6


def test_school_years_and_dates_are_not_counts() -> None:
    figures = find_figures("He was excluded in Year 9, on 12 March 2021.")
    assert not values_figures(figures)
    assert [f.kind for f in figures] == ["date"]


def test_sentences_split_on_full_stops_and_lines_but_not_abbreviations() -> None:
    text = "Demand rose, e.g. at the front door. Referrals fell.\n• A bullet line\nNext one."
    assert [s.text for s in split_sentences(text)] == [
        "Demand rose, e.g. at the front door.", "Referrals fell.", "• A bullet line",
        "Next one."]


def test_direction_words_are_read() -> None:
    assert direction("Referrals rose to 3,120") == 1
    assert direction("The rate fell to 17%") == -1
    assert direction("The rate was 17%") == 0


def test_a_period_in_a_comparison_clause_is_not_the_main_clauses() -> None:
    found = values("The HSCP ran 94 courses attended by 2,460 practitioners, compared with 88 "
                   "courses and 2,215 attendees in 2020-21.", "2021-22")
    assert [(f.value, f.period) for f in found] == [
        (94, "2021-22"), (2460, "2021-22"), (88, "2020-21"), (2215, "2020-21")]


def test_last_year_before_a_figure_makes_it_last_years() -> None:
    found = values("Five of the six were completed in time; last year all 4 of 4 were.", "2020-21")
    assert [(f.kind, f.value, f.total, f.period) for f in found] == [
        ("fraction", 5, 6, "2020-21"), ("fraction", 4, 4, "2019-20")]


def test_shares_in_words_are_round_percentages() -> None:
    [share] = values("More than half of all plans are for neglect.")
    assert (share.kind, share.value) == ("percent", 50)
    # the count of a share's parts is no count of things; a fifth needs its count, since
    # "the fifth of" is an ordinal
    [share] = values("Two fifths of the referrals came from schools.")
    assert (share.kind, share.value) == ("percent", 40)
    [share] = values("Three quarters of the staff took part.")
    assert (share.kind, share.value) == ("percent", 75)
    assert values("The fifth of the six priorities is neglect.") == [
        f for f in values("The fifth of the six priorities is neglect.") if f.value == 6]
    # so is "the third of" and "the quarter of"; "a third of" is a share
    assert [f.value for f in values("The third of the club's four rules is about kit.")] == [4]
    [share] = values("A third of the club's members play in goal.")
    assert (share.kind, round(share.value, 1)) == ("percent", 33.3)
    # the count hyphened on, and the share restated in brackets before its "of"
    [share] = values("Roughly two-thirds of the carers replied.")
    assert (share.kind, round(share.value, 1)) == ("percent", 66.7)
    assert [round(f.value, 1) for f in values("Two-thirds (69%) of the staff agreed.")] == [
        66.7, 69]


def test_the_two_ends_of_a_range_measure_the_same_thing() -> None:
    for text in ("A parent can usually fill in the form in five to ten minutes.",
                 "The form takes between 5 and 10 minutes for a parent."):
        low, high = find_figures(text)
        assert "minut" in {stem(w) for w in low.measure.split()}
        assert low.measure == high.measure
    # two figures of two measures joined by "and" are not a range
    schools, police = find_figures("Schools made 12 and the police 15 referrals.")
    assert "school" in schools.measure and "school" not in police.measure


def test_a_paragraph_number_is_not_a_figure() -> None:
    found = values("5.8 The partnership held five rapid reviews.")
    assert [f.value for f in found] == [5]


def test_a_line_break_inside_brackets_does_not_end_the_sentence() -> None:
    [sentence] = split_sentences("Children flagged at risk (31\nMarch 2021) 64")
    assert [f.kind for f in find_figures(sentence.text)] == ["date", "count"]


def test_money_written_short_is_read_to_its_stated_precision() -> None:
    from kb.numbers import find_figures

    short = find_figures("The budget was £412k in 2019-20.")[0]
    assert (short.kind, short.value) == ("money", 412_000.0)
    million = find_figures("It cost £1.2 million.")[0]
    assert million.value == 1_200_000.0 and million.decimals == -5


def test_a_change_written_as_a_share_is_a_round_percentage() -> None:
    from kb.numbers import find_figures

    change = find_figures("Contacts rose by about a fifth in 2021-22.")[0]
    assert (change.kind, change.value, change.decimals) == ("percent", 20.0, -1)


def test_the_edge_of_a_named_month_is_a_day() -> None:
    from kb.numbers import stated_figures

    deadline = stated_figures(find_figures("Returns were due by the end of February 2023."))
    assert [(f.text, f.kind) for f in deadline] == [("28 February 2023", "date")]
    opening = stated_figures(find_figures("The hub opened at the start of May 2025."))
    assert [f.text for f in opening] == ["1 May 2025"]
    # a month named alone names a period, not a day the text states
    assert stated_figures(find_figures("The review reported in May 2025.")) == []


def test_stems_join_a_words_inflections_and_keep_short_codes() -> None:
    from kb.words import stem

    for one, other in [("tagged", "tag"), ("planning", "plan"), ("tags", "tag"),
                       ("referrals", "referral"), ("attendees", "attended"),
                       ("staffed", "staff"), ("agencies", "agency"), ("absence", "absent"),
                       ("evidenced", "evidence"), ("advances", "advance"),
                       ("independence", "independent"), ("carried", "carry"),
                       ("routinely", "routine"), ("monthly", "month"),
                       ("expectation", "expected"), ("consultations", "consult"),
                       ("preparation", "prepare"), ("notification", "notified"),
                       ("identifications", "identify"), ("aged", "age"), ("used", "uses"),
                       # a word ending in "ss", "us" or "is" is no plural to take an "s" off
                       ("process", "processes"), ("access", "accessed"), ("assess", "assessed"),
                       ("status", "statuses"),
                       # a noun in -sion or -ment as its verb
                       ("suspension", "suspended"), ("exclusions", "excluded"),
                       ("decision", "decide"), ("extension", "extend"),
                       ("assessments", "assessed"), ("requirement", "required"),
                       ("placement", "placed"), ("appointment", "appoint"),
                       # and "implement", "document" keep their -ment
                       ("implemented", "implementation"), ("documents", "documented")]:
        assert stem(one) == stem(other), (one, other)
    for one, other in [("care", "car"), ("staff", "staf"), ("process", "proce"),
                       ("family", "fami"), ("nation", "nat"), ("station", "st"),
                       ("need", "ne"), ("shed", "she"), ("pension", "pend"),
                       ("implement", "imple"), ("document", "docu")]:
        assert stem(one) != stem(other), (one, other)
    assert stem("RC8") == "rc8" and stem("LAs") == "las"


def test_a_year_after_a_names_acronym_or_a_law_is_its_edition() -> None:
    kinds = {f.text: f.kind for f in find_figures(
        "KCSIE 2025 states it, as the Children Act 1989 did; 2000 children were seen.")}
    assert kinds == {"2025": "year", "1989": "year", "2000": "count"}


def test_a_telephone_number_or_a_leading_zero_names_rather_than_counts() -> None:
    text = ("Call the hub on 020 7946 0000 (or +44 20 7946 0001); check YC 01 flags a change. "
            "We held 123 reviews, a rate of 0.8 per 10,000, and spent £0.5m.")
    assert [(f.text, f.kind) for f in find_figures(text)] == [
        ("123", "count"), ("0.8 per 10,000", "rate"), ("£0.5m", "money")]
    # a five-digit area code and a six-digit number is one telephone number, not a count
    assert [(f.text, f.kind) for f in find_figures(
        "The advice line for forces families is 01632 960117; it took 42 calls.")] == \
        [("42", "count")]


def test_a_figures_measure_holds_whole_words_at_both_edges() -> None:
    text = ("Neighbourhood family support workers in participating authorities delivered "
            "the 43 sessions of the programme.")
    [figure] = find_figures(text)
    words = figure.measure.split()
    assert "sessions" in words and "programme" in words
    # the window before the figure starts inside "authorities": no fragment of it is kept
    assert all(word in re.findall(r"\w+", text.lower()) for word in words)


def test_a_label_of_capitals_and_a_number_is_an_item_of_a_codeset() -> None:
    assert items_named("Checks YonY 01 and YonY 05, codes RC8 and RC9") == {
        "yony": {"1", "5"}, "rc": {"8", "9"}}
    assert another_item({"yony": {"1"}}, "YonY 05 Number of plans at 31 March")
    # a capitalised word before a number is no code
    assert items_named("Harrowden 2 and Page 14") == {}


def test_a_figures_measure_holds_no_modal_verb_or_preposition_of_time() -> None:
    [figure] = find_figures("After a move, carers must be offered 12 support sessions.")
    words = figure.measure.split()
    assert "carers" in words and "sessions" in words
    assert not {"must", "after"} & set(words)


def test_hundreds_and_thousands_in_words_are_one_figure_rounded_as_written() -> None:
    [figure] = find_figures("Some three hundred carers came to the summer event.")
    assert (figure.kind, figure.value) == ("count", 300) and figure.decimals == -2
    [figure] = find_figures("A thousand leaflets were printed.")
    assert figure.value == 1000
    [figure] = find_figures("Four hundred and six families were seen.")
    assert figure.value == 406 and figure.decimals == 0


def test_under_or_over_a_number_is_an_age_only_when_a_child_could_be_that_old() -> None:
    def kinds(text: str) -> list[str]:
        return [f.kind for f in find_figures(text)]

    assert kinds("Support for young people under 18 is free.") == ["age"]
    assert kinds("Groups with under 40 replies are not shown.") == ["count"]
    assert kinds("The hub took over 300 calls.") == ["count"]
    assert kinds("Children under the age of 30 months are weighed.") == ["age"]
    # a length of time bounded: no age
    assert kinds("A carer who has looked after her for under three weeks need not tell us.") \
        == ["count"]
    assert kinds("Cases open for over 12 months are reviewed.") == ["count"]


def test_a_time_of_day_counts_nothing() -> None:
    assert find_figures("The forum meets on Tuesday (9.30 to 12.30) in the hall.") == []
    assert find_figures("Drop-in runs from 10am, with a break at 13:15.") == []
    rates = [f.kind for f in find_figures("The rate went from 9.30 to 12.30 per cent.")]
    assert rates and "percent" in rates


def test_the_number_of_a_list_item_or_paragraph_counts_nothing() -> None:
    assert find_figures("34. When a pupil joins mid-year, the school tells the council.") == []
    assert find_figures("3) A shared data set about placements") == []
    assert find_figures("The partners are (1) the council, (2) the health board.") == []
    assert find_figures("Aims: 1) A shared data set 2) Data standards for partners") == []
    # a count at the head of a line is still a count, and so is one after a list number
    assert [f.value for f in find_figures("Contacts\n3 meetings were held")] == [3]
    assert [f.value for f in find_figures("2. The board met 6 times.")] == [6]
    # a note's number before an article or a preposition, which no count can precede
    assert find_figures("3 A care leaver is defined in the Children Act as a young person.") == []
    assert find_figures("Notes\n12 See the guidance on school transport for detail.") == []
    assert [f.value for f in find_figures("3 care leavers were housed in May.")] == [3]
    # an item's number in words ("Wave two") is no count; the count beside it is
    assert [f.text for f in find_figures("Wave two areas added two new sections.")] == ["two"]
    assert [f.start for f in find_figures("Wave two areas added two new sections.")] == [21]


def test_how_often_something_happens_is_a_frequency_in_times_a_year() -> None:
    def often(text: str) -> list[tuple[str, float]]:
        return [(f.text, round(f.value, 2)) for f in find_figures(text) if f.kind == "frequency"]

    assert often("The forum is held once a month in the library.") == [("once a month", 12.0)]
    assert often("Plans are looked at twice per year.") == [("twice per year", 2.0)]
    assert often("Carers meet three times a term.") == [("three times a term", 9.0)]
    assert often("The audit runs every six months.") == [("every six months", 2.0)]
    assert often("Visits happen every other week.") == [("every other week", 26.0)]
    assert often("Mentors phone weekly and the panel sits quarterly.") == [
        ("weekly", 52.0), ("quarterly", 4.0)]
    assert often("A six-monthly report goes to the board.") == [("six-monthly", 2.0)]
    assert often("Leaflets are sent out on an annual basis.") == [("on an annual basis", 1.0)]
    assert often("The panel meets on a monthly basis and reports each year.") == [
        ("on a monthly basis", 12.0), ("each year", 1.0)]
    # a school's terms: six half terms a year, three terms
    assert often("The governors' panel meets every half term.") == [("every half term", 6.0)]
    assert often("Tutors ring home each half-term and visit every school term.") == [
        ("each half-term", 6.0), ("every school term", 3.0)]
    # a count of things that happen weekly is a count, not a frequency
    assert [(f.kind, f.value) for f in find_figures("We ran two weekly clinics.")] == [
        ("count", 2.0)]
    # the count inside "every three years" is not a count of anything
    assert [f.kind for f in find_figures("Staff refresh it every three years.")] == [
        "frequency"]


def test_annual_before_an_act_that_recurs_says_how_often_it_is_done() -> None:
    def often(text: str) -> list[tuple[str, float]]:
        return [(f.text, f.value) for f in find_figures(text) if f.kind == "frequency"]

    assert often("Governors hold an annual review of the charging policy.") == [("annual", 1.0)]
    assert often("Every foster carer has an annual safeguarding refresher.") == [
        ("annual", 1.0)]
    # a document or an allowance named "annual" is a thing, not how often anything is done
    assert often("The annual report went to the board in June.") == []
    assert often("Staff take their annual leave in August.") == []


def test_a_dozen_is_twelve_and_a_round_figure() -> None:
    [figure] = find_figures("More than a dozen schools took part.")
    assert (figure.value, figure.kind) == (12.0, "count") and figure.decimals < 0
    assert [f.value for f in find_figures("Half a dozen panels and two dozen nurses.")] == [
        6.0, 24.0]


def test_the_far_end_of_a_range_in_brackets_is_a_figure_not_an_items_number() -> None:
    assert [f.value for f in find_figures("We will interview a few (4 - 6) of the carers.")] \
        == [4.0, 6.0]
    assert [f.value for f in find_figures("Each team (3 to 5) of the workers met.")] == [3.0, 5.0]
    # an item's number inside a sentence is still none
    assert find_figures("The plan has two parts: 1) A review 2) Training for staff.")[0].value \
        == 2.0
    assert len(find_figures("The plan has two parts: 1) A review 2) Training for staff.")) == 1


def test_an_item_named_with_its_number_in_words_is_that_item() -> None:
    from kb.items import items_named

    assert items_named("Phase three began in spring.") == {"phase": {"3"}}
    assert items_named("Year seven pupils and Wave one areas") == {"year": {"7"}, "wave": {"1"}}


def test_a_joining_word_between_two_figures_parts_their_measures() -> None:
    figures = find_figures("A place is kept for ten school days after a hospital stay or for "
                           "twenty school days after an unexplained absence.")
    ten, twenty = (f for f in figures if f.text in ("ten", "twenty"))
    assert "hospital" in ten.measure and "unexplained" not in ten.measure
    assert "unexplained" in twenty.measure and "hospital" not in twenty.measure
    # "and" inside a name of people parts nothing
    first, second = find_figures("Forty-two parents and carers joined the four evening sessions.")
    assert {"parent", "carer"} <= {w.rstrip("s") for w in first.measure.split()}


def test_a_joining_word_before_another_number_ends_a_figures_measure() -> None:
    # "one" is read as no figure, but its clause is its own
    three, = find_figures("Three of the five clubs use the paper register and one other uses "
                          "the tablet app.")
    assert "paper" in three.measure and "tablet" not in three.measure


def test_a_verb_after_and_before_the_next_figure_is_that_figures_own() -> None:
    # "and ran 11 leagues": "ran" is what the 11 did, no part of what the money measures
    money, leagues = find_figures("The grant was worth about 3 million pounds and ran 11 "
                                  "leagues.")
    assert "ran" not in money.measure.split() and "worth" in money.measure.split()
    assert "ran" in leagues.measure.split()


def test_a_figure_right_after_a_colon_is_measured_by_the_label_before_it() -> None:
    figure = find_figures("Referrals from health visitors: 214")[0]
    assert set(figure.measure.split()) >= {"referrals", "health", "visitors"}
    assert counts_units_of_time("Panels met over nine days.", find_figures("Panels met over "
                                                                           "nine days.")[0])
    assert not counts_units_of_time("Nine panels met.", find_figures("Nine panels met.")[0])


def test_an_age_range_is_two_ages() -> None:
    for text in ("Hostels house young people aged between 16 and 21.",
                 "Clubs run for children between the ages of 8 and 13.",
                 "The service supports people aged from 18 to 25."):
        assert [f.kind for f in find_figures(text)] == ["age", "age"], text
    assert [f.kind for f in find_figures("The board met 12 times in 2022.")] == ["count", "year"]


def test_an_age_said_in_years_of_age_or_with_a_suspended_hyphen_is_an_age() -> None:
    def ages(text: str) -> list[tuple[float, str]]:
        return [(f.value, f.measure) for f in find_figures(text) if f.kind == "age"]

    assert [value for value, _ in ages("Once a pupil is 14 years of age, the plan changes.")] == \
        [14]
    assert ages("The loan ran for 14 years of agreed repayments.") == []
    # "15- and 16-year-olds": the first figure's hyphen stands for the second's words, and
    # both measure the same people
    pair = ages("Most 15- and 16-year-olds attend the evening club.")
    assert [value for value, _ in pair] == [15, 16]
    assert pair[0][1] == pair[1][1] and "attend" in pair[0][1]


def test_a_scale_or_pounds_in_words_belongs_to_its_figure() -> None:
    found = {f.text: (f.kind, f.value) for f in find_figures(
        "The fund was worth 7 million pounds, reached 1.2 million children and cost 300 pounds "
        "a head.")}
    assert found == {"7 million pounds": ("money", 7_000_000.0),
                     "1.2 million": ("count", 1_200_000.0), "300 pounds": ("money", 300.0)}


@pytest.mark.parametrize("claim, agreed", [("a three-week placement", True),
                                           ("a 3-week placement", True),
                                           ("a four-week placement", False)])
def test_a_length_hyphened_onto_its_unit_is_read_in_that_unit(claim: str, agreed: bool) -> None:
    from kb.agreement import agrees

    claim = f"The carers offered {claim}."
    source = "The carers offered a placement of 21 days."
    claimed, stated = find_figures(claim)[0], find_figures(source)[0]
    assert counts_units_of_time(claim, claimed)
    assert agrees(claimed, stated, claim, source) == agreed


def test_a_counted_plural_share_is_a_share_wherever_it_stands_and_however_joined() -> None:
    shares = {(f.text, round(f.value, 1)) for f in find_figures(
        "An audit found that twothirds had a plan and three quarters were seen alone.")
              if f.kind == "percent"}
    assert shares == {("twothirds", 66.7), ("three quarters", 75.0)}
    # a single share still needs "of" or "the" after it: "a third party" is no share
    assert not [f for f in find_figures("A third party reviewed it.") if f.kind == "percent"]


def test_a_number_in_words_that_ends_a_clause_after_words_giving_an_age_is_that_age() -> None:
    ages = [(f.kind, f.value) for f in find_figures(
        "Visits continue until the young person turns twenty-one, and the review happens "
        "before he reaches eighteen.")]
    assert ages == [("age", 21.0), ("age", 18.0)]
    # elsewhere a number in words at a clause's end is no figure: "the team of five."
    assert find_figures("The panel heard from a team of five.") == []


def test_one_after_a_bound_is_a_count() -> None:
    def counts(text: str) -> list[float]:
        return [f.value for f in find_figures(text) if f.kind == "count"]

    assert counts("Each school must name at least one safeguarding governor.") == [1.0]
    assert counts("Only one referral was made in the spring.") == [1.0]
    assert counts("Families may name more than one carer.") == [1.0]
    # "one" alone, or one of several, is no count
    assert counts("One of the partners chairs the board.") == []
    assert counts("Only one of the partners chairs the board.") == []
    assert counts("One area piloted the scheme.") == []


def test_each_reading_of_a_text_gets_figures_of_its_own() -> None:
    # the parse of a text is kept for the next reader: a reader that narrows a figure (a
    # claim's "all six" made a fraction) must not change what the next one reads
    text = "All six reviews were completed within 15 working days in 2023-24."
    first = find_figures(text)
    first[0].kind, first[0].value = "fraction", 99.0
    again = find_figures(text)
    assert [(f.kind, f.value) for f in again] != [(f.kind, f.value) for f in first]
    assert again[0].kind == "count" and again[0].value == 6.0


def test_note_numbers_run_on_after_a_year_and_subsections_are_no_quantities() -> None:
    # footnotes extracted into one line: each note's number follows the last note's year
    notes = ("7 Under section 52 of the Youth Services Act 2011 8 Part 2 of the Schedule to "
             "the Clubs Regulations 2019 9 See paragraph 4(2) of the same Regulations")
    assert [(f.text, f.kind) for f in find_figures(notes)] == [("2011", "year"), ("2019", "year")]
    # a subsection bracketed onto its section counts nothing
    assert find_figures("Clubs must register (section 12(3)(a) Clubs Act 2019).")[0].kind == "year"
    assert len(find_figures("Clubs must register (section 12(3)(a) Clubs Act 2019).")) == 1
    # a count after a year, before its own noun, is still a count
    assert [(f.text, f.kind) for f in find_figures("In 2021 14 clubs registered.")] == [
        ("2021", "year"), ("14", "count")]


def test_a_run_of_bare_long_numbers_to_a_clause_end_names_things_not_amounts() -> None:
    from kb.numbers import clear_figures

    clear_figures()
    listed = "The following forms were withdrawn this spring: 3021, 3044, 3107 and 3310."
    assert find_figures(listed) == []
    assert find_figures("Retired codes: 5512A, 5517A, 5590B.") == []
    # amounts name what they count, or carry a thousands separator; years stay years
    counted = find_figures("Clubs logged 4500, 5200 and 6100 visits in the three years.")
    assert [f.value for f in counted if f.kind == "count"][:3] == [4500, 5200, 6100]
    assert len(find_figures("Clubs logged 1,200, 1,500 and 1,800 visits.")) == 3
    assert [f.kind for f in find_figures("It met in 2019, 2020 and 2021.")] == ["year"] * 3


def test_a_number_that_names_a_return_or_stands_beside_a_name_counts_nothing() -> None:
    assert find_figures("Items kept for the 251 return are listed below.") == []
    assert find_figures("Items that appear in neither the 251 nor Schedule B.") == []
    # a count said again after "the" is still a count
    assert [f.value for f in find_figures("Of the 78 and the 21 items, most were kept.")] == [
        78.0, 21.0]
