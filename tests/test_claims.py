"""Claims read by the shape of their English, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kb.agreement import agrees, other_side, same_date
from kb.claims import other_date
from kb.clashes import clash
from kb.models import Passage
from kb.names import swapped_pairs
from kb.negation import denies
from kb.numbers import find_figures
from kb.readings import sentences_of


@pytest.mark.parametrize("claim, source", [
    ("The toolkit is statutory guidance for schools.",
     "The toolkit is non-statutory and replaces the earlier leaflet."),
    ("Foster carers are required to attend the panel.",
     "Foster carers are not required to attend the panel."),
    ("The duty covers children of every age.",
     "The duty only relates to children of compulsory school age."),
    ("The review must always be chaired by a social worker.",
     "The review may be chaired by a health visitor or a teacher."),
    # a claim for any member of a kind, against a source that names a qualified one
    ("The review can be chaired by any member of the panel.",
     "The review must be chaired by an independent senior member of the panel."),
    # "non" set apart from its word, as extraction often leaves it
    ("The toolkit is statutory guidance for schools.",
     "The non statutory toolkit replaces the earlier leaflet for schools."),
    # a superlative the source gives another member
    ("Housing was the most common reason for a referral to early help.",
     "Domestic abuse remains the most common reason for a referral to early help."),
    # a negation after a comma borrows its clause ("by a doctor, not a nurse")
    ("The medical can be done by a registered nurse.",
     "The medical must be done by a doctor, not a nurse."),
    # an aside in brackets between the subject and its denied verb stays in its clause
    ("Parent compacts are compulsory.",
     "Parent compacts (PC)12, also called family agreements (FA), are not compulsory but are "
     "good practice and helpful to all families."),
    # a negation passes over a verb that only links what follows ("not be seen as")
    ("A phone call should normally be the default record of a decision.",
     "A phone call should not be seen as the default record of a decision."),
    # a code's meaning given to its neighbour in the codeset
    ("Code PX4 is used when a case is closed and passed to the youth service.",
     "Code PX5 should be used when a case is closed and passed to the youth service."),
    ("The induction is a half-day session.",
     "The induction is a full day session for new staff."),
    # a list with one member swapped for another
    ("The panel's members are the head teacher, the school nurse and a parent governor.",
     "The panel has three members: (a) the head teacher, (b) the school nurse for the "
     "cluster, and (c) the attendance officer."),
    # a claim that leaves to choice what the source makes a duty
    # a comparison the source makes the other way round
    ("Rural schools were more likely than urban schools to report delays.",
     "Urban schools were slightly more likely to report delays than rural schools."),
    ("Year 7 pupils had fewer absences than Year 9 pupils.",
     "Year 7 pupils had more absences than Year 9 pupils in the spring term."),
    ("Trusts may decide whether to name a lead for school nursing.",
     "Every trust must name a lead for school nursing and report on it each year."),
    ("Publishing the audit summary is optional for the board.",
     "The board shall publish the audit summary within a month."),
    # a sole role the source gives another
    ("The chair of governors is the final decision maker on exclusions.",
     "The head teacher should be the final decision maker on exclusions."),
    # a preference the source makes the other way round
    ("Referrals should go to the duty social worker rather than the team manager.",
     "Referrals should go to the team manager, not the duty social worker."),
    ("The letter is sent by the school nurse instead of the head teacher.",
     "The letter is not sent by the school nurse but by the head teacher."),
    # a duty the claim leaves to choice, or a permission it makes a duty: the same act
    ("The school may tell the virtual head when a looked-after pupil is excluded.",
     "The school should tell the virtual head when a looked-after pupil is excluded."),
    ("Governors must have regard to the local protocol when they set the policy.",
     "Governors may have regard to the local protocol when they set the policy."),
    ("The council may keep the child's name on the register until a school place is found.",
     "The council is required to keep the child's name on the register until a place is "
     "found."),
    # a negation that reaches its word past a preposition ("not in place")
    ("Every trust will not have in place a named nurse for the service.",
     "Every trust will have in place a named nurse for the service."),
    ("The visit record is not within the care plan.",
     "The visit record is within the care plan and is read at each review."),
    # an item of a numbered sequence the source gives another number
    ("Checks of the staff are set out in paragraph 212 of the guidance.",
     "Checks of the staff are set out in paragraph 214 of the guidance."),
    ("Section 17 enquiries should be recorded in the assessments group.",
     "Section 47 enquiries should be recorded in the assessments group."),
    ("The first review should take place no earlier than six weeks after the meeting.",
     "The first review should take place no later than six weeks after the meeting."),
    # two statements denied at once: the two negations do not cancel out
    ("Because the after-school club counts as a registered setting, its volunteers always "
     "need a vetting check.",
     "The after-school club is not a registered setting, so its volunteers do not need a "
     "vetting check."),
    ("The tenancy officer is a statutory partner; she attends every strategy meeting.",
     "The tenancy officer is not a statutory partner; she does not attend strategy meetings."),
    # acts that undo each other, in any of their forms
    ("Notes of closed enquiries are kept on the family's file.",
     "Notes of closed enquiries are removed from the family's file."),
    ("The first council remains the lead agency after the move.",
     "The new council becomes the lead agency after the move."),
    ("Children placed out of county are excluded from the count.",
     "Children placed out of county are included in the count."),
    # a direction said as "gone up" against a reduction
    ("Club leaders reported that the number of open cases had gone up over the summer.",
     "Club leaders reported a reduction in the number of open cases over the summer."),
    ("Notes of closed enquiries must stay on the family's file.",
     "Notes of closed enquiries should be removed from the family's file."),
    ("Phoning every club on the list is good practice when a child goes missing.",
     "Phoning every club on the list is poor practice when a child goes missing."),
    # a change in how often, said the other way ("more frequent" against "less often")
    ("Late pick-ups at the after-school club became more frequent over the spring term.",
     "The staff saw that late pick-ups were happening less often than in the autumn."),
    # a denial of the same thing in other words, between the same words on either side
    ("A home visit is usually the most useful first step when a family moves away.",
     "A home visit is not usually the most helpful first step when a family moves away."),
    # a duty in law against a course the source only urges, and the other way round
    ("Nurseries are legally required to share the transition record with the next school.",
     "Nurseries are strongly encouraged to share the transition record with the next school."),
    ("Childminders are advised to keep a log of every accident.",
     "Childminders must keep a log of every accident."),
    # a claim that ranks the parties, against a source that makes them equal in that thing
    ("The school carries a larger part of the minibus cost than the parish council.",
     "The school and the parish council meet equal parts of the cost of the minibus."),
    # "once" a thing has been done is after it, against a source that says before
    ("Referees are only asked for their views once the coach has been appointed.",
     "Referees are asked for their views before the coach is appointed and during the trial "
     "period."),
    # how quickly, how hard, how simple and how strong, said the other way
    ("Most youth clubs opened their new rooms faster than they had planned.",
     "Most youth clubs opened their new rooms more slowly than they had planned."),
    ("Parents found the new booking form easier to fill in than the old one.",
     "Parents found the new booking form more confusing to fill in than the old one."),
    ("The panel called the referral route simple for small charities.",
     "The panel called the referral route complex for small charities."),
    ("Support for the play scheme was strongest among the parish councils.",
     "Support for the play scheme was weakest among the parish councils."),
    # a claim that limits it to a case, against a source that says it always holds
    ("The warden checks the fire doors only when an alarm has sounded.",
     "The warden will always check the fire doors at the end of each evening."),
    # a claim that sets it beside others of its kind, against a source that makes it the one
    ("Code 4 can be recorded alongside other reasons for the visit.",
     "In these cases, code 4 should be the only reason recorded for the visit."),
    # a claim that it holds always, against a source that says it does not always
    ("The club must always ring a parent before a child is sent home early.",
     "It is not always possible to reach a parent before a child has to go home early."),
])
def test_a_source_that_says_the_opposite_clashes(claim: str, source: str) -> None:
    assert clash(claim, source) is not None


@pytest.mark.parametrize("claim, source", [
    ("The toolkit is not statutory guidance.", "The toolkit isn't statutory guidance."),
    ("Consent is generally not the best basis for sharing.",
     "Consent is not usually the most appropriate basis for sharing."),
    ("The panel meets every month.", "The panel meets every month to review cases."),
    ("Schools must tell the council when a pupil leaves.",
     "Schools must make a return to the council when a pupil leaves."),
    # a "not" beside words the two share only as grammar ("to", "of", "should") says nothing
    ("Leaders should write to the board about the audit of training.",
     "Leaders should write to the board; copies of it do not go to staff of other teams."),
    # the same members in another order and with qualifiers; or a longer list holding them all
    ("The panel's members are the school nurse, the attendance officer and the head teacher.",
     "The panel has three members: (a) the head teacher, (b) the school nurse for the "
     "cluster, and (c) the attendance officer."),
    # a negation inside a phrase names a thing ("closed with no further action"); it does not
    # deny what the sentence says
    ("Code N5 means the case was closed after assessment with no further action.",
     "Code N5 is used for a case closed after assessment; the family is given advice only."),
    # the same negated phrase in both is shared wording
    ("Code N5 means the case was closed after assessment with no further action.",
     "Code N5 records a case closed after assessment, the council taking no further action."),
    ("Referrals came from schools, health visitors and the police.",
     "Referrals came from the police, schools, GPs, health visitors and housing."),
    # the same kind, unqualified, in both
    ("Any member of the panel can ask for a review.",
     "Any member of the panel may ask for a review of the plan."),
    # a sentence that sets the two opposites against each other says the claim's one too
    ("The trust uses locum health visitors only as a short-term cover in a vacancy.",
     "The trust keeps a long-term team and uses locum health visitors only as short-term "
     "cover in a vacancy."),
    # a superlative among other things
    ("Housing was the most common reason for a referral to early help.",
     "Anxiety was the most common reason for a referral to the school nurse."),
    # a source that describes one member, not a rule that names whom
    ("Any parent can ask for a review.", "A concerned parent asked for a review of the plan."),
    # the same member put first, in other words
    ("Domestic abuse was the most common reason for referral.",
     "Domestic abuse remains the most common reason for a referral to early help."),
    # a negation denies the word it stands before; when the other text never says that word,
    # it says nothing of the claim
    ("Carers must attend the review meeting.",
     "Carers must attend the review meeting and need not bring the child's records."),
    # a negated clause of its own that shares one word with the claim denies nothing of it
    ("The audit report is published every spring.",
     "The audit report is published every spring, but there is no summary for parents."),
    # a negation reaches past degree words ("not the most suitable") to the word it denies
    ("A phone call is often not the most suitable record of a decision.",
     "A phone call should not be treated as the default record of a decision; in most cases "
     "a written note is better."),
    # no duty said two ways: "not have to get" and "not need"
    ("Staff do not have to get a parent's consent before they share a concern.",
     "Staff do not need consent from a parent to share a concern."),
    # the same code, or codes of another set
    ("Code PX4 is used when a case is closed and passed to the youth service.",
     "Code PX4 should be used when a case is closed and passed to the youth service."),
    ("Code PX4 is used when a case is closed and passed to the youth service.",
     "Form B2 records when a case is closed and passed to the youth service."),
    # an exception said two ways: "provided no X" and "unless X"
    ("Pupils may leave the trip early, provided no teacher objects.",
     "Pupils may leave the trip early unless a teacher objects."),
    # the same comparison, in other words
    ("Rural schools were more likely than urban schools to report delays.",
     "Rural schools were much more likely to report delays than urban schools (41% to 30%)."),
    # choice on both sides: the source's duty is only to offer the choice
    ("Parents may choose whether to attend the review.",
     "Schools must invite parents, who may choose whether to attend the review."),
    # the same sole role, said as a duty
    ("The head teacher is the final decision maker on exclusions.",
     "The head teacher should be the final decision maker on exclusions."),
    # the same preference, in other words
    ("Referrals should go to the duty social worker rather than the team manager.",
     "Referrals go to the duty social worker, not the team manager."),
    # a duty on both sides, or a permission on both; a duty to one act, a choice of another
    ("Schools should tell the virtual head when a looked-after pupil is excluded.",
     "Schools must tell the virtual head when a looked-after pupil is excluded."),
    ("The council may ask a school for the pupil's records.",
     "The council can ask a school for the pupil's records at any time."),
    ("Staff may contact the duty team for advice.",
     "Staff should record the concern and may contact the duty team for advice."),
    # "can" is what one is able to do, not a permission against a duty
    ("Carers should be able to reach the nurse out of hours.",
     "Carers can reach the nurse out of hours through the duty line."),
    # the same numbered item, or items of another sequence
    ("Checks of the staff are set out in paragraph 212 of the guidance.",
     "As paragraph 212 sets out, checks of the staff follow Part 3."),
    ("Wave 1 areas began delivery in 2024.", "Wave 1 and Wave 2 areas began delivery in 2024."),
    # two statements, each denied on both sides, or a denial of what the claim never states
    ("Because the drop-in is not a registered setting, its helpers do not need a vetting check.",
     "The drop-in is not a registered setting, so its helpers do not need a vetting check."),
    ("Helpers at the drop-in need a vetting check.",
     "Helpers at the drop-in need a vetting check; they do not need a first aid course."),
    # a sentence that names both of two opposite acts sets them against each other
    ("Notes of closed enquiries are kept on the family's file.",
     "Notes of open enquiries are kept on file; those of closed enquiries are removed."),
    # a word in another's place is read as denied only between the same two words
    ("Staff should log each home visit before the family moves away.",
     "Non statutory visit guidance for staff, before the family moves away."),
    # "should" is the voice of guidance, neither a duty in law nor less than advice; and a
    # course urged for one act says nothing of a duty to do another
    ("Nurseries should share the transition record with the next school.",
     "Nurseries are encouraged to share the transition record with the next school."),
    ("Nurseries must keep the transition record for a year.",
     "Nurseries are encouraged to share the transition record with the next school."),
    # equal in another thing than the claim ranks them by
    ("The school carries a larger part of the minibus cost than the parish council.",
     "The school and the parish council have equal seats on the minibus committee."),
    # "always" with its own limit is no unconditional rule
    ("The warden checks the fire doors only when an alarm has sounded.",
     "The warden should always check the fire doors, but only when an alarm has sounded."),
    # one of several, as the claim says
    ("Code 4 can be recorded alongside other reasons for the visit.",
     "Code 4 is one of several reasons that can be recorded for the visit."),
    # "not always" said by both
    ("The club cannot in every case ring a parent first; it is not always possible.",
     "It is not always possible to reach a parent before a child has to go home early."),
])
def test_a_source_that_says_the_same_does_not_clash(claim: str, source: str) -> None:
    assert clash(claim, source) is None


def test_days_are_compared_as_days_and_a_month_as_a_month() -> None:
    assert same_date("16 October 2025", "16th October 2025")
    assert not same_date("16 October 2025", "16th September 2025")
    assert same_date("July 2024", "31 July 2024")


def test_an_age_is_read_across_the_words_that_say_whose_age_it_is() -> None:
    [age] = find_figures("The age of criminal responsibility in England and Wales is 10.")
    assert (age.kind, age.value) == ("age", 10)
    [count] = find_figures("The age of the 12 children was recorded.")
    assert count.kind == "count"


def test_an_age_is_compared_with_ages_only() -> None:
    claimed = next(f for f in find_figures("The age of consent is 18.") if f.text == "18")
    source = next(f for f in find_figures("the age of consent is 16") if f.text == "16")
    # a note's number before its text is no figure, so no age: the note's "under 18" is one
    noted = find_figures("14 If a pupil under 18 is at risk")
    assert claimed.kind == source.kind == "age"
    assert [(f.text, f.kind) for f in noted] == [("18", "age")]
    assert not agrees(claimed, source, "The age of consent is 18.", "the age of consent is 16")


def test_hedged_figures_agree_within_their_rounding() -> None:
    claimed = find_figures("close to 90 councils took part")[0]
    source = find_figures("89 councils took part")[0]
    assert agrees(claimed, source, "close to 90 councils took part", "89 councils took part")


def test_each_table_row_and_list_item_is_a_sentence_of_its_own() -> None:
    text = ("Requests by source\nSchools\t412\t468\nPolice\t96\t88\n"
            "Staff should:\n• listen to the child. • record what was said.")
    passage = Passage(1, "d", "T", "p", None, "other", 1, 1, None, text, 0, len(text))
    sentences = [s for s, _ in sentences_of(passage)]
    # a row's cells stay apart: "412 468" would read as one number, 412,468
    assert "Schools\t412\t468" in sentences and "Police\t96\t88" in sentences
    assert [f.text for f in find_figures("Schools\t412\t468")] == ["412", "468"]
    for sentence, start in sentences_of(passage):
        assert " ".join(text[start:start + len(sentence) + 5].split()).startswith(
            " ".join(sentence.split())[:10])


def test_the_members_of_a_list_are_read_without_their_qualifiers() -> None:
    from kb.members import list_items

    assert list_items("The partners are (a) the local council, (b) the health board for the "
                      "area, and (c) the chief officer of police.") == [
        "local council", "health board", "chief officer of police"]
    assert list_items("The board met in March and agreed its plan.") == []
    # "or" and "and" joining phrases with no comma between any of them make no list
    assert list_items("A nurse who sees a child or their carer must note the date and the "
                      "place of the visit.") == []



def test_a_member_is_known_by_its_noun_not_by_who_does_it() -> None:
    from kb.members import list_items, swapped_member

    # "harm by other pupils" is harm, which the source's "pupil-on-pupil harm" lists
    source = "The signs staff watch are bullying, neglect and pupil-on-pupil harm."
    claim = "The signs staff look for are bullying, neglect and harm by other pupils."
    assert list_items(claim)[-1] == "harm"
    assert swapped_member(claim, source) is None
    # a verb in the past before "by" is what is listed, and its doer stays with it
    assert list_items("Help is free, local and delivered by volunteers.")[-1] == \
        "delivered by volunteers"
    assert swapped_member(claim.replace("harm", "theft"), source) == "theft"


def test_the_words_before_the_names_they_stand_for_are_no_member_of_the_list() -> None:
    from kb.members import list_items, swapped_member

    # "its authors, Priya Shah and Tom Reid": the authors are the two names
    claim = "The audit was written by its authors, Priya Shah and Tom Reid."
    assert list_items(claim) == ["Priya Shah", "Tom Reid"]
    assert swapped_member(claim, "Audit written by Priya Shah, Tom Reid and Ann Cole.") is None
    # a plural that is a member of its own stays one
    assert list_items("Visits were made by social workers, Police and Health.")[1:] == [
        "Police", "Health"]


def test_the_phrase_a_claim_opens_on_is_no_member_the_source_leaves_out() -> None:
    from kb.members import swapped_member

    # "Under the 2024 code," says where the claim stands
    source = "Lead work covers coaching, personal care, first aid and overnight stays."
    assert swapped_member("Under the 2024 code, lead work covers coaching or personal care or "
                          "overnight stays.", source) is None
    # a member the source does not list is still one
    assert swapped_member("Lead work covers coaching, personal care and weekend trips.",
                          source) == "weekend trips"


def test_a_section_the_law_inserted_later_is_an_item_of_its_own() -> None:
    from kb.items import items_named, other_item

    assert items_named("the duty to assess young carers (section 17ZA, Children Act 1989)") == \
        {"section": {"17ZA"}}
    assert other_item("The duty to assess young carers is in section 20 of the Act.",
                      "Councils assess young carers (section 17ZA of the Act).") == \
        ("section 20", "section 17ZA")
    # a plural of a year group is that year, not an item lettered "s"
    assert items_named("a workshop for all Year 10s") == {}


def test_a_sentence_the_layout_broke_over_two_lines_is_one_sentence() -> None:
    text = ("Leads should be trained. This training should be\nupdated at least every two "
            "years.\nThe next heading")
    passage = Passage(1, "g", "Guide", "g.pdf", None, "other", 2, 2, None, text, 0, len(text))
    found = sentences_of(passage)
    assert [sentence for sentence, _ in found] == [
        "Leads should be trained.",
        "This training should be updated at least every two years.", "The next heading"]
    assert all(text[start:start + 5] == sentence[:5] for sentence, start in found)


def test_a_line_broken_after_a_bracket_or_a_figure_runs_on_but_a_list_item_does_not() -> None:
    text = ("Only 41% of carers (who replied)\nsaid the visits helped. Visits rose by 12%\nin "
            "the spring.\nThe plan covers:\n• housing;\nschool places.")
    passage = Passage(1, "g", "Guide", "g.pdf", None, "other", 2, 2, None, text, 0, len(text))
    assert [sentence for sentence, _ in sentences_of(passage)] == [
        "Only 41% of carers (who replied) said the visits helped.",
        "Visits rose by 12% in the spring.", "The plan covers:", "• housing;", "school places."]


def test_a_sentence_opening_on_this_is_read_with_the_one_before() -> None:
    from kb.claims import align
    from kb.terms import Terms

    text = ("The designated lead should be trained for the role. This training should be "
            "updated every two years. Staff meetings are held in the hall.")
    passage = Passage(1, "g", "Guide", "g.pdf", None, "other", 2, 2, None, text, 0, len(text))
    terms = Terms({"design": 1.0, "lead": 1.0, "train": 1.0, "updat": 1.0})
    found = {a.sentence: a.coverage for a in align("The lead's training is updated yearly.",
                                                   terms, [passage])}
    updated = found["This training should be updated every two years."]
    # its own words (training, updated) and, in part, the lead it speaks of
    assert updated > 0.5
    assert updated > found["Staff meetings are held in the hall."]


def test_a_sentence_that_forbids_what_a_claim_allows_is_found() -> None:
    from kb.duties import forbids

    claim = "It is acceptable for a parent volunteer to lead the school trip."
    assert forbids(claim, "It is not appropriate for a parent volunteer to lead a school trip.")
    assert forbids("Parent volunteers may lead the school trip.",
                   "Parent volunteers must not lead a school trip on their own.")
    # the prohibition is of something else, or the claim allows nothing
    assert not forbids(claim, "Volunteers must not give medicine to pupils on the trip.")
    assert not forbids("A parent volunteer led the school trip.",
                       "It is not appropriate for a parent volunteer to lead a school trip.")


def test_an_instruction_not_to_do_it_forbids_what_a_claim_makes_a_duty() -> None:
    from kb.duties import forbids

    source = ("Where the member has left the club during the season, do not enter the old "
              "membership number in this box.")
    assert forbids("For a member who left during the season, the form should give the old "
                   "membership number in the box.", source)
    assert forbids("Clubs may enter the old membership number in this box.", source)
    # a duty of another act, or a "do not" that describes rather than instructs, forbids nothing
    assert not forbids("The form should give the member's new address.", source)
    assert not forbids("Clubs must enter the old membership number in this box.",
                       "Most clubs do not enter the old membership number in this box.")


def test_in_no_circumstances_forbids_and_a_claims_without_denies_nothing() -> None:
    from kb.duties import forbids

    # "in no circumstances should" forbids as "must not" does; the claim's "without" only
    # qualifies what it allows
    claim = ("A club may suspend a volunteer coach over a welfare worry without first hearing "
             "the coach's account.")
    source = ("In no circumstances should a club suspend a volunteer coach over a welfare "
              "worry without first hearing the coach's account and telling the welfare lead.")
    assert forbids(claim, source)
    assert forbids(claim, source.replace("In no circumstances should a club",
                                         "Under no circumstances can a club"))
    # a claim that itself denies allows nothing to forbid
    assert not forbids(claim.replace("may suspend", "may not suspend"), source)


def test_what_cannot_be_done_is_forbidden_and_its_subject_may_come_first() -> None:
    from kb.duties import forbids

    # "it is not possible for X to" denies that X can, as "X cannot" does
    claim = "Coaches can get police records on the adults who host young players abroad."
    source = ("It is not possible for coaches to get police records on adults who host young "
              "players on tours abroad.")
    assert forbids(claim, source)
    assert forbids(claim, source.replace("It is not possible for coaches to", "Coaches are "
                                         "unable to"))
    # what is forbidden named before the prohibition, the act after it said in other words
    claim = "Members who are banned pending a hearing can be struck off the roll under rule 9."
    source = "Members banned pending a hearing cannot be removed under this rule."
    assert forbids(claim, source)
    # a subject sharing one word, or a prohibition of an act that shares none, forbids nothing
    assert not forbids(claim, "Records of members cannot be shared with the league.")
    assert not forbids(claim, "Members banned pending a hearing cannot vote at meetings.")
    # nor does a subject parted from the prohibition by a comma: it is another clause's
    assert not forbids("Banned members can be struck off the roll under rule 9.",
                       "Whilst banned members should be told of rule 9, this cannot replace "
                       "a hearing.")


def test_an_acronym_and_the_words_it_stands_for_are_read_as_one() -> None:
    from kb.duties import denied_duty
    from kb.words import acronyms_as_in, in_their_words

    source = "It is not usually necessary to complete a TRA before a one-day club outing."
    claim = "Leaders need to carry out a Trip Risk Assessment before a one-day club outing."
    assert acronyms_as_in(claim, source) == ("Leaders need to carry out a TRA before a one-day "
                                             "club outing.")
    assert denied_duty(in_their_words(claim, source), source)
    assert denied_duty(claim, source) is None  # read word for word, no object is shared
    # a run of capitalised words for two letters; lower-case words only for three or more
    assert acronyms_as_in("Sports Council staff", "SC staff") == "SC staff"
    assert acronyms_as_in("the see clearly rule", "the SC rule") == "the see clearly rule"
    assert acronyms_as_in("ask the club welfare officer", "the CWO") == "ask the CWO"
    assert acronyms_as_in("Board for Coaching", "the BfC") == "BfC"
    # an acronym the text already uses is left as it is
    assert acronyms_as_in("A TRA (Trip Risk Assessment)", source) == \
        "A TRA (Trip Risk Assessment)"


def test_a_figure_stated_for_the_other_side_of_an_event_is_not_the_claims() -> None:
    source = ("Visits take place every four weeks before the first review and every eight "
              "weeks after the first review.")
    figures = {f.text: f for f in find_figures(source)}
    claim = "After the first review, visits take place every four weeks."
    assert other_side(claim, source, figures["every four weeks"])
    assert not other_side(claim, source, figures["every eight weeks"])
    # a hyphenated "looked-after" is no side of anything; a claim naming no event is not read
    assert not other_side("Looked-after children are seen every four weeks.", source,
                          figures["every four weeks"])
    # the same word, another event: "after the move" says nothing of "before the review"
    assert not other_side("After the move, visits take place every four weeks.", source,
                          figures["every four weeks"])
    # the side said first, for the clause it opens
    source = "Before the first review, visits are every four weeks; after it, every eight weeks."
    figures = {f.text: f for f in find_figures(source)}
    assert other_side(claim, source, figures["every four weeks"])


def test_an_age_from_which_a_thing_holds_is_the_side_after_that_birthday() -> None:
    source = ("A learner's kit is checked every three months before their tenth birthday and "
              "every six months after their tenth birthday.")
    figures = {f.text: f for f in find_figures(source)}
    once = "Once a learner is ten, their kit is checked every three months."
    assert other_side(once, source, figures["every three months"])
    assert not other_side(once, source, figures["every six months"])
    until = "Until a learner is 10, their kit is checked every six months."
    assert other_side(until, source, figures["every six months"])
    assert not other_side(until, source, figures["every three months"])
    # another age is another event; a length of time is no age
    assert not other_side("Once a learner is twelve, kit is checked every three months.",
                          source, figures["every three months"])
    assert not other_side("Once a learner has been a member for 10 years, kit is checked "
                          "every three months.", source, figures["every three months"])


def test_a_change_from_one_figure_to_another_agrees_with_the_multiple_a_claim_gives() -> None:
    from kb.agreement import as_multiple, changes

    source = "Waiting lists were cut from 120 families to 40 over the year."
    [change] = changes(source, find_figures(source))
    assert change.kind == "multiple" and abs(change.value - 1 / 3) < 1e-9
    claim = "The waiting list fell to about a third of its size."
    [claimed] = [as_multiple(claim, f) for f in find_figures(claim)]
    assert claimed.kind == "multiple"
    assert agrees(claimed, change, claim, source)
    halved = next(f for f in find_figures("The waiting list halved.") if f.kind == "multiple")
    assert not agrees(halved, change, "The waiting list halved.", source)
    # a share that is not what a thing was brought to stays a share
    plain = "About a third of families waited."
    assert all(as_multiple(plain, f).kind == "percent" for f in find_figures(plain))
    # two figures not joined as "from A to B" make no change
    assert changes("In 2021 there were 120 families and 40 carers.",
                   find_figures("In 2021 there were 120 families and 40 carers.")) == []


@pytest.mark.parametrize("claim, source, contradicted", [
    ("A referral can only be made once the parent has given written consent.",
     "Practitioners do not need written consent from a parent before making a referral.", True),
    ("The team cannot visit without a signed referral form.",
     "A signed referral form is not required before the first visit.", True),
    ("Records may be shared only after a strategy meeting has been held.",
     "It is not necessary for a strategy meeting to be held before records are shared.", True),
    # the condition is not said to be necessary, or the source says it is needed
    ("A referral can be made once the parent has given written consent.",
     "Practitioners do not need written consent from a parent before making a referral.", False),
    ("The team cannot visit without a signed referral form.",
     "A signed referral form is required before the first visit.", False),
    # the source's "not needed" is about something else
    ("A referral can only be made once the parent has given written consent.",
     "Practitioners do not need to phone the duty team before making a referral.", False),
])
def test_a_condition_the_claim_makes_necessary_clashes_with_a_source_saying_it_is_not(
        claim: str, source: str, contradicted: bool) -> None:
    from kb.conditions import needless_condition

    assert bool(needless_condition(claim, source)) is contradicted
    if contradicted:
        assert clash(claim, source)


@pytest.mark.parametrize("claim, source, contradicted", [
    ("Bookings for the holiday club are taken from parents only.",
     "The club takes bookings both from carers and from parents by telephone.", True),
    ("Only a qualified librarian can issue a replacement card.",
     "A replacement card is usually issued by a qualified librarian or by a volunteer on the desk.",
     True),
    ("Repairs to the minibus can only be carried out by an approved garage.",
     "Repairs to the minibus are done by an approved garage as well as by the council's fleet "
     "team.", True),
    # the source sets a bound of its own: another reader weighs it
    ("Only a qualified librarian can issue a replacement card.",
     "A replacement card must be issued by a qualified librarian or a senior assistant.", False),
    # the source names the one thing alone, or names no other beside it
    ("Bookings for the holiday club are taken from parents only.",
     "The club takes bookings from parents by telephone.", False),
    # the other the source names is one the claim names too
    ("Visits are cancelled only when the weather is icy or stormy.",
     "Visits are cancelled when the weather is icy or stormy.", False),
    # an "only" that plays a figure down restricts nothing
    ("Only about a third of members renewed, along with new joiners.",
     "About a third of members and a few new joiners renewed.", False),
    # a closing "only" before a clause of its own; what the claim says is left out is no
    # other the claim names itself
    ("In the lettings policy, 'tenant' means council tenants only and excludes housing "
     "association tenants.",
     "In this policy 'tenant' means a council tenant or a housing association tenant.", True),
    # the one thing is a number in words, the source's others figures
    ("The youth bus is open only to people under sixteen.",
     "The youth bus is open to people under 16 or 19 if they have a disability.", True),
    ("The youth bus is open only to people under sixteen.",
     "The youth bus is open to people under 16 on weekday evenings.", False),
])
def test_a_claim_that_only_one_thing_does_clashes_with_a_source_naming_another(
        claim: str, source: str, contradicted: bool) -> None:
    from kb.conditions import others_besides

    assert bool(others_besides(claim, source)) is contradicted
    if contradicted:
        assert clash(claim, source)


def test_a_sentence_opening_on_a_part_of_a_whole_is_read_with_the_one_before() -> None:
    from kb.claims import align
    from kb.sentences import LEANS_BACK
    from kb.terms import Terms

    assert LEANS_BACK.match("Five of the six (5 of 6) were seen in time.")
    assert LEANS_BACK.match("Of those, 12 were referred on.")
    assert LEANS_BACK.match("Most of these families moved.")
    assert not LEANS_BACK.match("Members of the panel met monthly.")
    text = ("The board ran six audits of strategy meetings. Five of the six were finished "
            "within ten days. Staff meetings are held in the hall.")
    passage = Passage(1, "g", "Guide", "g.pdf", None, "other", 2, 2, None, text, 0, len(text))
    alone_text = "The hall was painted. " + text.split(". ", 1)[1]
    alone = Passage(1, "g", "Guide", "g.pdf", None, "other", 2, 2, None, alone_text, 0,
                    len(alone_text))
    terms = Terms({"audit": 1.0, "strategy": 1.0, "meeting": 0.5, "finished": 1.0, "days": 0.5})
    claim = "All six audits of strategy meetings were finished within ten days."
    part = "Five of the six were finished within ten days."
    leaning = {a.sentence: a.coverage for a in align(claim, terms, [passage])}[part]
    standing = {a.sentence: a.coverage for a in align(claim, terms, [alone])}[part]
    # its own words (finished, days) and, in part, the audits it counts
    assert leaning > standing + 0.1


def test_a_may_allows_otherwise_only_an_act_the_claim_speaks_of() -> None:
    from kb.clashes import clash

    rule = "Practitioners must seek consent before sharing information."
    assert clash(rule, "Practitioners may share information without consent where a child "
                       "is at risk.") == "the claim makes it a rule; the source allows otherwise"
    assert clash("Pupils must not find the form easy to fill in.",
                 "Pupils may not find the form easy to fill in.") is not None
    # the source's "may" governs another act altogether: no rule of the claim's is relaxed
    assert clash("Councils must publish a yearly report on pupils who leave school rolls.",
                 "Councils may want to use the checklist below to review their procedures."
                 ) is None


def test_a_thing_called_a_requirement_is_denied_by_a_source_saying_it_is_not_one() -> None:
    from kb.clashes import clash

    said = "the claim makes it a requirement; the source says it is not one"
    assert clash("A written travel plan is a legal requirement for every school trip.",
                 "Written travel plans are not mandatory, though many schools find them "
                 "useful.") == said
    assert clash("Annual refresher courses are compulsory for all panel members.",
                 "Refresher courses are optional for panel members who trained this year."
                 ) == said
    # the claim says it is no requirement, as the source does: no clash
    assert clash("A written travel plan is not a legal requirement for school trips.",
                 "Written travel plans are not mandatory for school trips.") is None
    assert clash("Travel plans help, but there is no statutory requirement to write one.",
                 "Written travel plans are not mandatory for school trips.") is None
    # a source that makes it a duty after all agrees, and "compulsory school age" names an age
    assert clash("A written travel plan is a statutory requirement for school trips.",
                 "Travel plans are not required to follow a template, but schools must keep "
                 "one for every trip.") is None
    assert clash("Every child of compulsory school age should be on a school roll.",
                 "Registration at a school is optional for children educated at home.") is None


def test_a_single_other_date_in_the_sentence_is_read_as_the_claims_dated_otherwise() -> None:
    sentence = "The panel first met on 4 June 2019 at the town hall."
    assert other_date("The panel first met in June 2020.", sentence) == ("June 2020",
                                                                         "4 June 2019")
    assert other_date("The panel first met in April 2019.", sentence) == ("April 2019",
                                                                          "4 June 2019")
    assert other_date("The panel first met in 2019.", sentence) is None
    assert other_date("The panel first met in June 2019.", sentence) is None
    # two times in the sentence, and what the claim dates stands before both: either may be
    # another event's
    assert other_date("The panel met in 2020.",
                      "The panel met in 2019 and met again in 2021.") is None


def test_a_reporting_year_is_dated_otherwise_by_another_reporting_year_only() -> None:
    sentence = "The trust will run a regional foster carer summit in 2023/24 for all agencies."
    assert other_date("The trust will run a regional foster carer summit in 2025-26.",
                      sentence) == ("2025-26", "2023/24")
    assert other_date("The trust will run a regional foster carer summit in 2023-24.",
                      sentence) is None
    # a calendar year against a reporting year, which spans two of them: not weighed here
    assert other_date("The trust will run a regional foster carer summit in 2025.",
                      sentence) is None


def test_two_parties_each_given_what_the_source_says_of_the_other_are_swapped() -> None:
    source = ("Harwich ran the parenting courses and Tilbury ran the youth mentoring scheme "
              "for the partnership.")
    assert swapped_pairs("Harwich ran the youth mentoring scheme, while Tilbury ran the "
                         "parenting courses.", source) == ("Harwich", "Tilbury")
    # each given its own, in another order or other words around them: no swap
    assert swapped_pairs("Tilbury ran the youth mentoring scheme; Harwich ran the parenting "
                         "courses.", source) is None
    assert swapped_pairs("Harwich and Tilbury each ran a scheme for the partnership.",
                         source) is None


def test_two_groups_that_make_a_whole_each_given_what_the_source_says_of_the_other() -> None:
    source = ("Staff should know that it is more likely that women will be carers and men "
              "earners, but that every family differs and should be asked.")
    assert swapped_pairs("Staff should know that men are more likely to be carers and women "
                         "more likely to be earners.", source) == ("Men", "Women")
    # each group given its own: no swap, whatever the source adds after its "but"
    assert swapped_pairs("Women are more likely to be carers, and men more likely to be "
                         "earners.", source) is None


def test_a_negation_reaches_a_verb_joined_to_the_one_it_denies() -> None:
    from kb.negation import denies

    source = ("Clubs should not demand photo identification or ask to keep a copy of a passport "
              "from parents collecting their children.")
    assert denies("Clubs should not ask parents collecting their children to keep a copy of a "
                  "passport.", source) is None
    assert denies("Clubs should ask parents collecting their children to keep a copy of a "
                  "passport.", source) is not None
    # beyond its clause ("when ... or ...") it reaches nothing
    assert denies("Parents are not the best people to decide when sharing a plan is needed.",
                  "Parents are usually the best people to judge when sharing a plan or a "
                  "record is needed.") is not None


def test_an_or_inside_a_denied_objects_list_joins_no_verb_to_the_denial() -> None:
    from kb.negation import denies

    # both deny the same thing in their own words: "or respite care" joins items of the
    # object, not a second verb the "not" would reach
    source = "Short break plans do not include other plans such as foster care or respite care."
    assert denies("Foster care or respite care plans are not counted as short break plans.",
                  source) is None
    # a verb after a comma is still reached, however long the object before it
    assert denies("Clubs should ask parents to show a passport.",
                  "Clubs should not demand photo identification from parents at the gate, or "
                  "ask to see a passport.") is not None


def test_without_and_an_act_denies_the_acts_object_but_without_a_manner_does_not() -> None:
    from kb.negation import denies

    source = "Clubs that cancel a session should tell the parents the same day."
    assert denies("Clubs can cancel a session without telling the parents.", source) is not None
    assert denies("Clubs can cancel a session without telling the parents.",
                  "Clubs may cancel a session without telling the parents first.") is None
    assert denies("Clubs should tell the parents without delay when they cancel a session.",
                  source) is None


def test_a_clause_with_a_pronoun_or_no_subject_speaks_of_what_the_one_before_names() -> None:
    from kb.negation import denies

    source = ("Panel members found the new rota forms long but felt they do not need to be seen "
              "as confusing.")
    # the "they" of the second clause is the forms of the first: its denial is of the forms
    assert denies("Panel members thought the rota forms were too confusing to use.",
                  source) is not None
    # a clause with no subject of its own shares the one before it
    assert denies("Locker codes are changed every term.",
                  "Locker codes are issued in September but not changed afterwards.") is not None
    # a clause whose subject is no pronoun stands alone, as before
    assert denies("Panel members thought the rota forms were too confusing to use.",
                  "Panel members found the new rota forms long but the trainers do not see "
                  "anything as confusing.") is None


def test_other_than_in_a_case_makes_an_exception_and_denies_nothing() -> None:
    from kb.negation import denies

    source = ("Coaches should plan each away trip together with the players' parents (other "
              "than in the rare cases where contacting parents would put a player at risk).")
    # the exception's "other than" does not cancel the claim's own denial of the parents
    assert denies("Coaches should plan away trips without contacting the parents.",
                  source) is not None
    assert denies("Coaches should plan away trips together with the parents.", source) is None


def test_a_negation_inside_an_if_or_where_clause_names_a_case_and_denies_nothing() -> None:
    from kb.negation import denies

    source = ("Coaches said video feedback could add to their workload if not planned "
              "carefully before the season.")
    # the source's "if not planned" is the case its statement is made for: it does not cancel
    # the claim's own denial of the workload
    assert denies("Coaches saw no workload risk in planning video feedback.", source) is not None
    assert denies("Coaches saw a workload risk in planning video feedback.", source) is None
    # a negation of the statement itself still denies
    assert denies("Coaches said video feedback adds to their workload.",
                  "Coaches said video feedback does not add to their workload.") is not None
    # so does a negation a few words into a "where" clause: it names the case the rule is for
    rule = ("In cases where the coach is not employed by the club, the club must supervise "
            "the sessions.")
    assert denies("A coach may be employed by the club.", rule) is None
    assert denies("A coach may be employed by the club.",
                  "A coach is not employed by the club.") is not None
    # "when" is left out: it tells a time as often as a case ("at a time when no ...")
    assert denies("Coaches ran sessions at a time when other clubs ran them too.",
                  "Coaches ran sessions at a time when no other clubs ran them.") is not None


def test_rather_than_an_act_sets_aside_the_acts_object_whatever_its_verb() -> None:
    from kb.negation import denies

    source = "The review recommends that the county board drafts and adopts shared safety rules."
    # the claim sets the shared rules aside, the source recommends them under another verb
    assert denies("The review recommends that each club write its own rules rather than "
                  "following shared safety rules.", source) is not None
    assert denies("The review recommends that each club write its own rules instead of "
                  "using shared safety rules.", source) is not None
    # what the claim sets aside is not what the source recommends: no denial
    assert denies("The review recommends shared safety rules rather than relying on each "
                  "club's own habits.", source) is None


def test_a_negation_reaches_both_participles_it_governs() -> None:
    from kb.negation import denies

    source = "A late return should not be logged and filed as a new absence in the register."
    assert denies("A late return should be filed as a new absence in the register.",
                  source) is not None
    assert denies("A late return should not be filed as a new absence in the register.",
                  source) is None
    # a second clause brings its own auxiliary: the first negation does not reach it
    assert denies("The pupil was told to wait outside the office.",
                  "The pupil was not invited and was told to wait outside the office.") is None


def test_a_negation_reaches_the_word_the_claim_denies_through_its_own_verb() -> None:
    from kb.negation import denies

    source = ("Coaches will not pass any details to the league that might name a "
              "player who is being assessed, until the panel has met.")
    assert denies("Coaches will not name a player being assessed to the league.",
                  source) is None
    # a negation that reaches the word in another clause says nothing of it
    assert denies("Coaches will not name a player being assessed to the league.",
                  "Coaches will not pass any details to the league, and they name "
                  "each player being assessed.") is not None


def test_two_exceptions_to_one_rule_agree() -> None:
    from kb.negation import denies

    source = ("The hall stays locked to visitors unless and until the warden is present for "
              "the whole of the session.")
    assert denies("The hall stays locked to visitors unless the warden is present.",
                  source) is None
    # the same exception said in fewer words, beside a rule the source denies
    assert denies("The hall does not stay locked to visitors unless the warden is present.",
                  source) is not None


def test_a_limit_denied_denies_a_claim_of_the_limit_said_another_way() -> None:
    from kb.negation import denies

    source = "Bullying at the club is not solely carried out by older members."
    assert denies("Bullying at the club is done only by older members.", source)
    assert denies("Bullying at the club is exclusively the work of older members.", source)
    # a claim that sets no limit is not what the source denies
    assert denies("Bullying at the club is done by older members.", source) is None
    # nor is one that denies the limit too
    assert denies("Bullying at the club is not only done by older members.", source) is None


def test_a_comparison_said_with_compared_to_is_read_as_one_said_with_than() -> None:
    from kb.contrasts import reversed_comparison

    source = ("DT staff were more likely to have finished the 'first aid/manual handling' "
              "course compared to catering staff (64% vs 20%).")
    # the two sides swapped; "DT" spells the claim's "design and technology"
    assert reversed_comparison("Catering staff were more likely than design technology staff "
                               "to have finished the course.", source)
    assert reversed_comparison("Design technology staff were more likely than catering staff "
                               "to have finished the course.", source) is None
    # the other way round in words that mean the same: "less likely", sides swapped
    assert reversed_comparison("Catering staff were less likely than DT staff to have "
                               "finished the course.", source) is None


def test_what_takes_priority_over_what_is_a_preference_read_either_way() -> None:
    from kb.contrasts import reversed_preference

    source = ("Keeping a pupil safe from injury takes priority over keeping to the timetable, "
              "or the wishes of the visiting coach.")
    assert reversed_preference("The guidance says keeping to the timetable takes priority over "
                               "keeping pupils safe from injury.", source)
    assert reversed_preference("Keeping pupils safe from injury takes precedence over the "
                               "timetable.", source) is None


def test_a_date_given_to_another_act_is_no_other_date_for_the_claims() -> None:
    from kb.claims import other_date

    source = "The next parents' forum will be held on 12 March 2026 in the main hall."
    # the forum is held, not reported on: the source dates another act
    assert other_date("The next parents' forum report is due to be published in May 2026.",
                      source) is None
    # the same act, dated otherwise
    assert other_date("The next parents' forum will be held in May 2026.", source) == \
        ("May 2026", "12 March 2026")
    # a name that ends as a participle does ("Children Act") is no act
    assert other_date("The duty was set out under the Children Act 1989.",
                      "The duty was set out under the Children Act 2004.") == ("1989", "2004")


def test_a_verb_denied_of_one_thing_is_no_denial_of_it_done_to_another() -> None:
    from kb.negation import denies

    source = "He moved to the coast because he wants to start again near his sister."
    # the claim's "not want to meet his father" is not the source's "wants to start again"
    assert denies("He moved to the coast and did not want to meet his father.", source) is None
    # the same wish, denied, still clashes
    assert denies("He moved to the coast and did not want to start again.", source)
    # "not collected in the survey" says nothing of what the survey does collect
    assert denies("The survey collects each pupil's home postcode.",
                  "Although spending is not collected in the survey, it is in the accounts.") \
        is None
    # a word before a noun is denied whatever the noun ("non-statutory support")
    assert denies("Early help is a statutory service.",
                  "Early help is non-statutory support offered to families.")


def test_a_negation_inside_a_hyphenated_name_denies_nothing() -> None:
    from kb.negation import denies

    source = "The seen-but-not-heard group of pupils is heard at the council every term."
    assert denies("The seen-but-not-heard group is heard at the council every term.",
                  "The quiet group of pupils is heard at the council every term.") is None
    assert denies("The quiet group is not heard at the council.", source) is not None


def test_no_longer_denies_what_not_denies() -> None:
    from kb.negation import denies

    source = "A lodger is a tenant who is not paying rent but did pay it before the move."
    assert denies("A lodger is a tenant who is no longer paying rent but paid it before the "
                  "move.", source) is None
    assert denies("A lodger is a tenant who is paying rent and paid it before the move.",
                  source) is not None


def test_happen_occur_and_take_place_name_one_event_for_a_denial() -> None:
    from kb.negation import denies

    source = "Bullying can take place between siblings who share a bedroom."
    assert denies("Bullying cannot happen between siblings who share a bedroom.",
                  source) is not None
    assert denies("Bullying does not occur between siblings who share a bedroom.",
                  source) is not None
    assert denies("Bullying can happen between siblings who share a bedroom.", source) is None


def test_a_possessive_after_a_negation_is_passed_like_an_article() -> None:
    from kb.negation import denies

    # "whose home language is not Welsh" and "for whom Welsh is not their home language" say
    # the same; "not their" denies the home language, not a word "their"
    source = "The leaflet is written for parents for whom Welsh is not their home language."
    assert denies("The leaflet is written for parents whose home language is not Welsh.",
                  source) is None
    assert denies("The leaflet is written for parents whose home language is Welsh.",
                  source) is not None


def test_a_study_that_disproves_an_assumption_is_against_a_claim_it_confirmed() -> None:
    from kb.opposites import opposite_word

    source = "The audit disproved the assumption that longer visits reduce missed appointments."
    assert opposite_word("The audit confirmed that longer visits reduce missed appointments.",
                         source) is not None
    assert opposite_word("The audit proved that longer visits reduce missed appointments.",
                         source) is not None
    assert opposite_word("The audit looked at whether longer visits reduce missed "
                         "appointments.", source) is None


def test_an_act_that_stops_is_against_one_that_continues() -> None:
    from kb.opposites import opposite_word

    source = "When a pupil changes club, their coaching continues uninterrupted."
    assert opposite_word("When a pupil changes club, their coaching should stop.", source)
    assert opposite_word("Coaching is halted when a pupil changes club.", source)
    # a sentence that says both sets them apart; a claim that says neither is not against it
    assert opposite_word("Coaching stops when a pupil changes club.",
                         "Coaching continues, and only stops if the pupil asks.") is None
    assert opposite_word("Coaching is reviewed when a pupil changes club.", source) is None
    # what continues until a day stops on it: "when does it stop?" is answered so
    assert opposite_word("When does coaching stop for a pupil?",
                         "Coaching continues until the pupil's last match of the season.") is None


def test_what_falls_outside_is_excluded_not_a_fall() -> None:
    from kb.opposites import opposite_word

    source = "The scheme includes members aged 16 and 17 who play in adult teams."
    assert opposite_word("Members aged 16 and 17 who play in adult teams fall outside the "
                         "scheme.", source)
    assert opposite_word("Members aged 16 and 17 fall within the scheme.", source) is None
    # "falls outside" is no fall in number, against a rise
    assert opposite_word("Membership falls outside the scheme's rules each year.",
                         "Membership rises each year.") is None
    assert opposite_word("Membership falls each year.", "Membership rises each year.")
    # the irregular past of each is the same word
    assert opposite_word("Membership fell in 2024.", "Membership rose in 2024.")
    assert opposite_word("Membership fell outside the scheme in 2024.",
                         "Membership rose in 2024.") is None


def test_a_negation_with_an_exception_limits_rather_than_denies() -> None:
    from kb.negation import denies

    # "nothing beyond X", "no one other than X": only X, not a denial of what follows
    source = ("A family who only receives the funded sessions from the holiday club is not "
              "counted in the return.")
    assert denies("A family who receives nothing from the holiday club beyond the funded "
                  "sessions is left out of the return.", source) is None
    assert denies("No one other than the club leader may sign the register for the holiday "
                  "club.", "Only the club leader may sign the register for the holiday club.") \
        is None
    # the same negation without an exception still denies
    assert denies("A family who receives nothing from the holiday club is left out of the "
                  "return.", source) is not None
    # "other than" alone reads as a negation: "something other than a visit" is "not a visit"
    assert denies("The welcome call is something other than a home visit by the team.",
                  "The welcome call is not a home visit by the team.") is None


def test_an_exception_counts_only_where_the_other_text_states_it() -> None:
    from kb.negation import denies

    source = "The club's notes aren't a record of the visit, unless explicitly noted otherwise."
    # one word of the exception recurring ("explicitly") does not make it the claim's
    assert denies("The club's notes are explicitly described as not being a record of the "
                  "visit.", source) is None
    assert denies("The club's notes are explicitly described as a record of the visit.",
                  source) is not None


def test_a_negation_passes_through_meant_to_be() -> None:
    from kb.negation import denies

    source = "The welcome call isn't a home visit by the team."
    assert denies("The welcome call is not meant to be a home visit by the team.", source) is None
    assert denies("The welcome call is meant to be a home visit by the team.", source) \
        is not None


def test_a_duty_in_one_text_and_no_duty_in_the_other_clash() -> None:
    from kb.duties import denied_duty

    source = ("A complaint to the council does not make it mandatory to close the club; the "
              "trustees decide.")
    assert denied_duty("After a complaint to the council, the trustees are obliged to close the "
                       "club.", source)
    assert denied_duty("Trustees must close the club after a complaint.", source)
    # the same said in other words, or a duty denied before it is named, is no clash
    assert denied_duty("A complaint does not by itself mean the club has to be closed.",
                       source) is None
    assert denied_duty("Trustees need not close the club after a complaint.", source) is None
    assert denied_duty("There is no requirement for the trust to keep a separate record.",
                       "The trust must keep a separate record for each school.")
    # the one a duty is laid on named in hyphenated words
    assert denied_duty("The rules require a multi-club league to keep a separate register for "
                       "every club.", "There is no requirement for the league to maintain an "
                       "individual register for each club.")
    # two acts on one object: what need not be done is not what must be
    notices = "Club notices do not need to be reissued every season."
    assert denied_duty("Club notices must be translated into Welsh.", notices) is None
    assert denied_duty("Club notices must be reissued every season.", notices)


def test_a_thing_said_to_be_no_requirement_denies_a_claim_that_it_is_needed() -> None:
    from kb.duties import denied_duty

    source = ("Clubs should follow the league's coaching framework (the licence itself is not a "
              "requirement).")
    assert denied_duty("Clubs need a league coaching licence.", source)
    assert denied_duty("Every club must have a coaching licence.", source)
    # a claim that it is not needed, or that another thing is, says nothing against it
    assert denied_duty("Clubs do not need a licence.", source) is None
    assert denied_duty("Clubs need a coaching framework.", source) is None
    # "not required to" is a duty denied, read by the act it names, not as a thing
    assert denied_duty("Clubs need a licence.", "A licence is not required to coach juniors.") \
        is None


def test_what_is_not_necessary_is_no_duty_whatever_verb_names_the_act() -> None:
    from kb.duties import denied_duty

    source = "It is not normally necessary to hold a risk meeting before a single overnight trip."
    # "not necessary" denies a duty and a need; another verb of the same object is the same act
    assert denied_duty("A risk meeting must be held before a single overnight trip.", source)
    assert denied_duty("Leaders need to arrange a risk meeting before any overnight trip.",
                       source)
    # a duty of another act, whose words only meet the source's after its object, is no clash
    assert denied_duty("Leaders must tell the parents before an overnight trip.", source) is None


def test_a_passive_denial_names_its_object_before_the_verb() -> None:
    from kb.duties import denied_duty

    # "consent forms do not need to be renewed": the forms are what is (not) renewed, though
    # the claim's verb is another ("re-sign")
    source = "Consent forms do not need to be renewed each term if nothing has changed."
    assert denied_duty("Parents must re-sign their consent forms at the start of each year.",
                       source)
    assert denied_duty("Parents must re-sign their medical letters at the start of each year.",
                       source) is None


def test_a_lists_first_member_is_read_past_the_subject_and_its_qualifier() -> None:
    from kb.members import list_items

    assert list_items("The four members for each district board are the council, the school "
                      "trust and the health visitors.") == [
        "council", "school trust", "health visitors"]
    assert list_items("The core group is the social worker, the family's health visitor and "
                      "the class teacher.")[0] == "social worker"


def test_verbs_that_only_link_carry_no_weight_as_words() -> None:
    from kb.words import content_words

    words = content_words("The review is not meant to be an audit, nor intended or supposed to.")
    assert "audit" in words and "review" in words
    assert not {"meant", "intended", "supposed"} & set(words)


def test_a_negation_reaches_no_further_than_the_next_negation() -> None:
    claim = "A pupil who has not been assessed as in need cannot be on a support plan."
    sentence = "A pupil who is not in need cannot have a support plan."
    assert denies(claim, sentence) is None
    assert denies("A pupil who is in need can have a support plan.", sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Staff may be concerned about reporting an incident of domestic abuse to the police.",
    "Staff may have reported an incident of domestic abuse to the police.",
    "Advice on reporting an incident of domestic abuse to the police could be from a manager.",
])
def test_a_modal_of_what_is_possible_allows_nothing(sentence: str) -> None:
    # a state one may be in, a perfect, a modal before a preposition: possibility, not leave
    claim = "Staff must report every incident of domestic abuse to the police."
    assert clash(claim, sentence) is None
    # the same claim against a sentence that does leave it to choice
    assert clash(claim, "Staff may report an incident of domestic abuse to the police.")


def test_a_glossary_line_for_a_narrower_term_is_not_about_the_claims_term() -> None:
    from kb.clashes import defines_another_term

    claim = "A 'kinship placement' is one where a child lives with a relative for 28 days or more."
    narrower = "Temporary kinship placement: a placement with a relative for up to 28 days."
    same = "Kinship placement: a placement where a child lives with a relative or friend."
    assert defines_another_term(claim, narrower)
    assert not defines_another_term(claim, same)
    # a sentence that is no glossary line defines no term
    assert not defines_another_term(claim, "Temporary kinship placements rose this year.")


def test_a_claim_taking_the_other_of_two_options_the_source_names_clashes() -> None:
    from kb.clashes import other_choice

    claim = "When unsure between the red tier and the amber tier, staff should choose the red tier."
    told = "If staff are unsure between the amber tier and the red tier, choose the amber tier."
    assert other_choice(claim, told) == ("the red tier", "the amber tier")
    assert other_choice(claim, told.replace("choose the amber", "choose the red")) is None
    # a sentence that never names the claim's option says nothing against it
    assert other_choice(claim, "For a first referral, choose the amber tier.") is None
    # choosing between options takes none of them
    assert other_choice("Staff choose between the red tier and the amber tier.", told) is None


def test_a_state_said_to_end_at_one_event_clashes_with_one_lasting_until_another() -> None:
    source = "Young carers remain on the support register until their assessment is reviewed."
    assert clash("A young carer stops being on the support register as soon as they turn 18.",
                 source)
    # the same event at both ends is the same rule, said from either end
    assert clash("A young carer stops being on the support register when their assessment "
                 "is reviewed.", source) is None


def test_of_a_sentences_several_dates_the_claims_is_read_against_its_own_events() -> None:
    sentence = ("The hub opened its phone line in May 2021 and began weekend cover from "
                "September 2021, moving to a full evening service by February 2022.")
    # "evening service" stands before one date of the three alone
    assert other_date("The hub began its evening service in June 2022.", sentence) == \
        ("June 2022", "February 2022")
    assert other_date("The hub moved to a full evening service in February 2022.",
                      sentence) is None
    # "began" stands before two of them: which event the claim dates is not told
    assert other_date("The hub began work in June 2022.", sentence) is None


def test_a_denied_verb_is_not_denied_of_the_noun_made_from_it() -> None:
    sentence = "Staff should not inform the family about the referral to the panel."
    assert denies("Information about the family may be given to the panel.", sentence) is None
    assert denies("Staff should inform the family about the referral to the panel.",
                  sentence) is not None
    # a noun made of the verb against the same noun is the same word, and a denied noun of an
    # act denies the act
    assert denies("There is no assessment of the family before the panel.",
                  "There is an assessment of the family before the panel.") is not None
    assert denies("Staff are expected to inform the panel about the family.",
                  "There is no expectation that staff inform the panel about the family.") \
        is not None


def test_a_thing_said_to_stay_where_it_is_clashes_with_a_claim_that_hands_it_on() -> None:
    from kb.clashes import clash, kept_not_handed

    source = ("Whilst the coach's day-to-day tasks can be delegated to trained assistants, the "
              "final say on team selection remains with the head coach.")
    assert kept_not_handed("The head coach may pass the final say on team selection to a "
                           "trained assistant.", source)
    assert clash("An assistant takes over the final say on team selection once trained.",
                 source)
    # what the sentence itself hands on may be handed on
    assert kept_not_handed("The head coach may hand day-to-day tasks to trained assistants.",
                           source) is None
    # a claim that says what stays is no clash
    assert kept_not_handed("Tasks can be delegated, but the final say on selection stays with "
                           "the head coach.", source) is None
    assert kept_not_handed("The club continues to be responsible for the kit when a player "
                           "moves to another club.", "The club remains responsible for kit."
                           ) is None
    # an aside between commas is passed over; a handing the sentence denies hands nothing on
    aside = ("Day-to-day tasks can be delegated, but the final say on selection, as agreed in "
             "May, remains with the head coach, and the final say should not be delegated.")
    assert kept_not_handed("The head coach can hand the final say on selection over to an "
                           "assistant.", aside)


def test_two_denials_of_one_noun_phrase_are_no_clash() -> None:
    from kb.negation import denies

    source = ("Parents should be able to book sessions online; no providers in the county offer "
              "this yet.")
    # both deny it: the claim's "no" stands before the phrase whose head the source denies
    assert denies("The review notes that no holiday club booking provider in the county lets "
                  "parents book online yet.", source) is None
    # a claim that some provider does is denied
    assert denies("Holiday club providers in the county let parents book sessions online.",
                  source)


def test_a_duty_is_denied_by_a_text_that_says_the_act_is_not_ones_role() -> None:
    from kb.duties import denied_duty

    sentence = ("It is not the role of youth workers to provide housing advice, but they can "
                "refer families to the council's housing team.")
    # "expects ... to give" lays the duty; giving and providing advice are one act
    assert denied_duty("The guidance expects youth workers to give tenants and their families "
                       "housing advice.", sentence)
    assert denied_duty("Youth workers must provide housing advice to every family.", sentence)
    # another act the sentence leaves open is not denied
    assert denied_duty("Youth workers should refer families to the housing team.",
                       sentence) is None


def test_a_claim_that_limits_a_thing_clashes_with_a_source_that_says_it_is_not_limited() -> None:
    from kb.clashes import clash
    from kb.conditions import denied_limit

    sentence = ("A support circle is not confined to relatives and can include neighbours, "
                "friends and teachers.")
    claim = "The handbook says a support circle is limited to close relatives."
    assert denied_limit(claim, sentence) == ("close relatives", "relatives")
    assert clash(claim, sentence)
    # both limit it, or the bounds share no word: no clash of this kind
    assert denied_limit(claim, "A support circle is limited to relatives.") is None
    assert denied_limit(claim, "The grant is not restricted to schools.") is None


def test_a_word_of_one_sense_is_read_in_the_sources_words() -> None:
    from kb.words import in_their_words

    source = "There is no expectation for councils to request records from schools."
    assert in_their_words("Councils are expected to ask schools for records.", source) == \
        "Councils are expected to request schools for records."
    # a word the source uses itself, or one of no group, stays as it is
    assert in_their_words("Councils ask and request records.", "They request records.") == \
        "Councils request and request records."
    assert in_their_words("Councils keep records.", source) == "Councils keep records."
    assert denies(in_their_words("Councils are expected to ask schools for records.", source),
                  source)
    # "stop" is "cease": a claim that clubs may stop the check reads as the source's words
    rule = "Clubs should not cease the weekly safety check when a volunteer leaves."
    assert in_their_words("Clubs can stop the weekly safety check when a volunteer leaves.",
                          rule) == \
        "Clubs can cease the weekly safety check when a volunteer leaves."


def test_no_longer_needing_a_thing_denies_needing_it() -> None:
    from kb.negation import denies

    claim = "The club no longer needs a paid coach for its junior teams."
    assert denies(claim, "It will remain vital for the club to have a paid coach for its "
                         "junior teams.") is not None
    assert denies(claim, "The club does not need a paid coach for its junior teams.") is None


def test_an_inspection_grade_excludes_the_others() -> None:
    from kb.clashes import clash

    source = "Only clubs rated as good or outstanding by the league were eligible to host."
    assert clash("The trial included clubs rated 'requires improvement' by the league.",
                 source) is not None
    assert clash("The trial included clubs judged inadequate.", source) is not None
    # a grade among those the source gives is the same
    assert clash("Clubs rated outstanding by the league were eligible to host.", source) is None


def test_a_choice_left_to_someone_is_no_requirement() -> None:
    from kb.clashes import clash

    source = "If a sixth-form college chooses to have a travel plan it should be shared with staff."
    assert clash("A travel plan is compulsory for sixth-form colleges.", source) == \
        "the claim makes it a requirement; the source says it is not one"
    assert clash("A travel plan is compulsory for sixth-form colleges.",
                 "A sixth-form college must have a travel plan and share it with staff.") is None


def test_a_thing_kept_apart_from_what_the_source_holds_it_within_clashes() -> None:
    from kb.contrasts import set_apart

    claim = "The club's lost property log should be kept apart from its kit register."
    assert set_apart(claim, "The lost property log is simply an extension of the club's kit "
                            "register and sits beside it.") is not None
    assert set_apart(claim, "Keep the lost property log within the kit register.") is not None
    # the source keeps them apart too, or holds it within another thing
    assert set_apart(claim, "The lost property log is kept separate from the kit register, "
                            "within the office file.") is None
    assert set_apart(claim, "Keep the lost property log within the team sheet folder.") is None


def test_not_and_a_word_is_read_as_the_word_with_a_negating_prefix() -> None:
    from kb.clashes import clash
    from kb.words import in_their_words, negation_as_in

    source = "Rough, reckless and violent play is developmentally inappropriate and may cause harm."
    claim = "Rough, reckless or violent play is not developmentally appropriate."
    assert negation_as_in(claim, source) == \
        "Rough, reckless or violent play is developmentally inappropriate."
    # not read as a list member the source leaves out
    assert clash(in_their_words(claim, source), source) is None
    # and the other way round; a word the other text does not negate stays as it is
    assert negation_as_in("The visit was unannounced.", "The visit was not announced.") == \
        "The visit was not announced."
    assert negation_as_in("It is important to act.", "It is not important to wait.") == \
        "It is important to act."
    assert negation_as_in("The visit was not planned.", "The visit was unannounced.") == \
        "The visit was not planned."


def test_a_negated_compound_denies_its_head_word() -> None:
    from kb.negation import denies

    source = ("These worked examples are not meant to give a step-by-step recipe, but to show "
              "the choices a club has when a parent complains.")
    assert denies("The club handbook offers its worked examples as a step-by-step recipe for "
                  "complaints.", source) is not None
    assert denies("The worked examples show the choices a club has when a parent complains.",
                  source) is None


def test_a_negation_before_a_quoted_term_names_the_term_and_denies_nothing() -> None:
    from kb.negation import denies

    source = "Many older members prefer the word 'athletes', rather than 'juniors', in letters."
    assert denies("In club letters the word 'juniors' covers only members under sixteen.",
                  source) is None
    # a negated verb before the quotation still denies what it states
    assert denies("Many older members use the word 'juniors' in letters.",
                  "Many older members do not use the word 'juniors' in letters.") is not None


def test_a_change_up_and_a_change_down_clash_whichever_verb_each_takes() -> None:
    from kb.opposites import opposite_word

    source = ("Later club returns show that uptake of the kit grant has increased as coaches "
              "grew used to it.")
    assert opposite_word("Club returns show that uptake of the kit grant fell as coaches lost "
                         "interest.", source) is not None
    assert opposite_word("Club returns show that uptake of the kit grant rose.", source) is None


def test_a_denied_link_verb_denies_what_it_would_equate() -> None:
    from kb.negation import denies

    source = "Telling a parent about the plan does not equate to obtaining their agreement to it."
    assert denies("Telling a parent about the plan amounts to obtaining their agreement.",
                  source) is not None
    assert denies("Telling a parent about the plan is good practice.", source) is None


def test_a_denied_verb_of_listing_is_denied_by_a_text_that_names_its_object() -> None:
    from kb.negation import denies

    source = "• to the county referee panel where a coach has broken the code of conduct"
    assert denies("The club handbook does not list reports to the county referee panel among "
                  "a coach's duties.", source) is not None
    # leaving a thing out of a count is not a verb of listing
    assert denies("Junior members are left out of the annual count.",
                  "Junior members should not be included in the annual count.") is None


def test_a_denied_possibility_denies_the_act_and_its_object() -> None:
    from kb.negation import denies

    source = ("The booking system only shows a match's date; it is not possible to filter "
              "fixtures by the pitch they are played on.")
    assert denies("The booking system lets secretaries filter fixtures by pitch.", source)
    assert denies("Secretaries are not able to filter fixtures by pitch.", source) is None
    # another act on the same things is not denied by it
    assert denies("The booking system lets secretaries filter fixtures by pitch.",
                  "It is not possible to print the fixtures of a pitch.") is None


def test_tracking_and_following_a_journey_are_read_as_one_act() -> None:
    from kb.negation import denies
    from kb.words import in_their_words

    source = "This means the league can track the progress of individual players over seasons."
    claim = "The league cannot follow the progress of individual players over seasons."
    assert denies(in_their_words(claim, source), source) is not None


def test_no_inside_the_name_of_a_data_item_denies_nothing() -> None:
    from kb.negation import denies

    source = ("For a match that goes to extra time record: the kick-off time; the match no extra "
              "time flag with a value of false; the referee.")
    assert denies("For a match that goes to extra time, the record holds the kick-off time.",
                  source) is None
    assert denies("A match that goes to extra time needs a referee.",
                  "No match that goes to extra time needs a referee.") is not None


def test_handing_over_what_is_kept_is_its_opposite() -> None:
    from kb.opposites import opposite_word

    source = "Where players move to another club, coaches retain clear oversight of their welfare."
    assert opposite_word("When players move club, the coaches hand over oversight of their "
                         "welfare to the new club.", source) is not None
    assert opposite_word("When players move club, the coaches keep oversight of their welfare.",
                         source) is None


def test_keep_as_a_light_verb_is_no_keeping_that_removing_undoes() -> None:
    from kb.opposites import opposite_word

    source = "During the inquiry the coach should be removed from any team the player is in."
    assert opposite_word("Clubs should keep a careful record of how they decide on shared "
                         "teams.", source) is None
    assert opposite_word("The coach keeps the player's parents informed during the inquiry.",
                         source) is None
    # keeping the thing itself is still undone by removing it
    assert opposite_word("During the inquiry the coach should be kept in the player's team.",
                         source) is not None
    assert opposite_word("Clubs must keep records of every inquiry.",
                         "Records of every inquiry should be removed after a year.") is not None


def test_a_denial_passes_over_other_to_the_things_it_sets_aside() -> None:
    from kb.negation import denies

    source = "• Coaches value the support of other clubs in their league and learn from them."
    assert denies("Coaches keep their training within their own club rather than looking to "
                  "other clubs in their league.", source) is not None
    assert denies("Coaches learn from other clubs in their league.", source) is None


def test_a_statement_opening_with_a_pronoun_is_read_with_what_the_one_before_names() -> None:
    from kb.negation import denies

    source = ("Under the club rules, some old warnings to players are 'lifted', so they do not "
              "need to be mentioned to selectors, and if they are mentioned, selectors cannot "
              "hold them against the player.")
    assert denies("Old warnings that are 'lifted' do not have to be mentioned, and if they are "
                  "mentioned selectors cannot hold them against the player.", source) is None
    assert denies("Old warnings to players that are 'lifted' have to be mentioned to selectors.",
                  source) is not None
    # the statement after "because" is read for what its own verb takes: "wants to leave that
    # season behind" denies nothing of "did not want to see her old number"
    assert denies("A coach described a player who had changed her shirt number and did not want "
                  "to see her old number on any team sheet.",
                  "I've got a player who's changed her shirt number because she wants to leave "
                  "that season behind her.") is None


def test_once_as_a_count_is_not_after() -> None:
    from kb.opposites import opposite_word

    # "once a year" counts; it does not say after what
    assert opposite_word("The register is checked once a year by the trustees.",
                         "The register is checked before the trustees meet.") is None


def test_a_negation_said_another_way_denies_nothing_the_other_text_states() -> None:
    from kb.denied_words import prefix_said
    from kb.negation import denies

    # "not ... appropriate" and "inappropriate" deny the same word
    assert denies("The home visit was not clinically appropriate for the baby.",
                  "The home visit was clinically inappropriate for the baby.") is None
    # "and not only" adds: both are invited
    assert denies("Grandparents, and not only parents, are invited to the review meeting.",
                  "Parents as well as grandparents are invited to the review meeting.") is None
    # "needless" is "unnecessary"
    assert denies("Panels should plan ahead to avoid needless delay for the family.",
                  "Panels should plan ahead to avoid unnecessary delay for the family.") is None
    # a plain denial still is one
    assert denies("The home visit was not appropriate for the baby.",
                  "The home visit was appropriate for the baby.") is not None
    # a verb that opens on the letters of a prefix is no denial of the rest of it
    assert prefix_said("Staff inform the family of the plan.",
                       "Staff must not form a view of the family.") == \
        "Staff inform the family of the plan."


def test_a_thing_left_out_or_omitted_is_a_thing_not_included() -> None:
    from kb.denied_words import plainly
    from kb.duties import forbids
    from kb.negation import denies

    # a duty to leave out is a duty not to include: the two say the same
    claim = "The old address must be left out of the transfer form, though it may be kept."
    source = "The old address may be kept locally, but it must not be included in the form."
    assert denies(claim, source) is None
    assert not forbids(claim, source)
    assert denies("Staff names were omitted from the published summary.",
                  "Staff names were not included in the published summary.") is None
    # leaving out what the source includes denies it
    assert denies("The leaflet for carers should leave out the helpline numbers.",
                  "The leaflet for carers should include the helpline numbers.") is not None
    # a pupil's exclusion is an act of its own, not a thing left out
    assert plainly("The pupil was excluded from the school for a fixed period.") == \
        "The pupil was excluded from the school for a fixed period."


def test_a_thing_said_to_be_something_other_than_another_is_not_that_one() -> None:
    from kb.negation import denies

    source = ("The CHC visit isn't an inspection; views are given as stated by club members, "
              "unless explicitly noted otherwise.")
    assert denies("The Club Health Check visit is presented as something other than an "
                  "inspection of the club.", source) is None
    assert denies("The Club Health Check visit is presented as an inspection of the club.",
                  source) is not None
    assert denies("The health check visit is presented as something other than an inspection "
                  "of the club.", "The health check visit is an inspection of the club.") \
        is not None
    # "other than" alone makes an exception, and is left as it is
    assert denies("No one other than the chair signs the minutes.",
                  "No one other than the chair signs the minutes.") is None

def test_nearer_and_closer_are_words_of_one_sense() -> None:
    from kb.words import in_their_words

    assert in_their_words("Dates will be shared closer to the event.",
                          "Dates will be shared nearer the time of the event.") == \
        "Dates will be shared nearer to the event."
