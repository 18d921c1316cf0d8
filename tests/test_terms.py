"""Terms: coverage of a text's words, an acronym standing for its expansion and back."""

from __future__ import annotations

from kb.terms import Terms
from kb.words import content_words, stem


def stems(text: str) -> set[str]:
    return {stem(word) for word in text.lower().split()}


def test_an_expansion_is_held_by_its_words_two_at_least_and_never_by_a_chain() -> None:
    terms = Terms({stem("cp"): 1.0, stem("cpp"): 1.0},
                  {stem("cp"): stems("child protection"),
                   stem("cpp"): stems("child protection plan"),
                   stem("cdop"): stems("child death overview panel")})
    # one word of a two-word expansion is not the expansion
    assert stem("cp") not in terms.present(stems("data protection"))
    # and finding one expansion does not complete the next
    assert stem("cpp") not in terms.present(stems("data protection"))
    assert stem("cp") in terms.present(stems("a child protection conference"))
    # half of a longer expansion names it: "child deaths" for the child death overview panel
    assert stem("cdop") in terms.present(stems("child deaths notified"))
    assert stem("cpp") in terms.present({stem("cpp")})


def test_an_expansion_written_in_the_plural_or_the_singular_brings_its_acronym() -> None:
    from kb.terms import _stemmed

    assert _stemmed("Data Protection Impact Assessments") == \
        _stemmed("data protection impact assessment")
    assert _stemmed("child protection plans") != _stemmed("child protection")


def test_a_short_acronym_in_the_plural_stands_for_its_expansion() -> None:
    terms = Terms({stem("local"): 1.0, stem("authorities"): 1.0},
                  {stem("la"): stems("local authority")})
    # "LAs" keeps its "s" through the stemmer, yet names the local authorities all the same
    assert terms.share(stems("the four LAs")) == 1.0
    assert terms.share(stems("the four LEAs")) == 0.0


def test_a_compound_the_library_lacks_is_as_rare_as_its_rarest_part() -> None:
    from kb.terms import _rarity

    counts = {stem("non"): 60, stem("close"): 40, stem("relative"): 12}
    # the library's words are split at hyphens: "non-close" is no word never seen
    assert _rarity("non-close", counts) == _rarity("close", counts)
    assert _rarity("close-relative", counts) == _rarity("relative", counts)
    assert _rarity("non-close", counts) < _rarity("unseen", counts)
    # one of common words only is as common as the commonest word
    assert _rarity("year-on-year", counts) == _rarity("non", counts)


def test_prepositions_and_linking_words_are_no_content_words() -> None:
    assert content_words("Young carers move onto a pathway plan via the leaving care team, "
                         "whilst rather few move towards adult services.") == [
        "young", "carers", "move", "pathway", "plan", "leaving", "care", "team", "few", "move",
        "adult", "services"]


def test_alongside_and_beside_are_prepositions_too() -> None:
    assert content_words("Read it alongside the plan, beside the notes") == ["read", "plan",
                                                                             "notes"]


def test_can_is_a_modal_as_may_and_must_are_and_no_content_word() -> None:
    assert content_words("A carer can usually fill it in") == ["carer", "usually", "fill"]


def test_every_is_a_quantifier_as_all_and_each_are_and_no_content_word() -> None:
    # "to every club" says what "to all clubs" says: neither word is a term to be covered
    assert content_words("Writing to every club is poor practice") == ["writing", "club",
                                                                        "poor", "practice"]
    assert content_words("Writing to all clubs is poor practice") == ["writing", "clubs",
                                                                       "poor", "practice"]
    assert content_words("Writing to each club is poor practice") == ["writing", "club",
                                                                       "poor", "practice"]

def test_every_third_person_pronoun_is_a_stop_word() -> None:
    from kb.words import content_words

    # "advise him" asks what "advise her" and "advise them" ask: no pronoun is a content word
    assert content_words("Should staff advise him, her, them or hers?") == ["staff", "advise"]


def test_a_direction_verb_is_no_content_word_in_any_of_its_forms() -> None:
    # "rises or falls" says what "rose or fell" says: a direction, which check reads on its
    # own, not words a figure's measure must share with the source ("an increase of 30%")
    said = ["count", "night", "stays"]
    assert content_words("The count of night stays rose or fell") == said
    assert content_words("The count of night stays rises or falls") == said
    assert content_words("The count of night stays is rising, falling, growing") == said
    assert content_words("The count of night stays increases, decreases or drops") == said


def test_a_relative_word_that_names_no_topic_is_no_content_word() -> None:
    # "whichever term", "instead of insisting": words of the sentence's shape, as "which" and
    # "rather" are, not of what it speaks about
    assert content_words("Use whichever term suits, whatever the setting, instead of labels") \
        == ["use", "term", "suits", "setting", "labels"]


def test_a_council_is_a_local_authority_by_any_of_its_names() -> None:
    # a council is what the documents call a local authority (an LA, LAs)
    terms = Terms({stem("council"): 1.0, stem("inspection"): 1.0})
    assert terms.share(stems("the la was inspected")) == 1.0
    assert terms.share(stems("three las took part in the inspection")) == 1.0
    assert terms.share(stems("the local authority was inspected")) == 1.0
    # a word of no group stays itself
    assert terms.share(stems("the school was inspected")) == 0.5


def test_an_auxiliary_and_its_not_in_one_word_is_no_content_word() -> None:
    assert content_words("The panel hasn't met and the chair doesn’t know; staff cannot "
                         "wait.") == ["panel", "met", "chair", "know", "staff", "wait"]


def test_a_noun_in_bility_is_stemmed_as_its_adjective() -> None:
    assert stem("disabilities") == stem("disability") == stem("disabled")
    assert stem("eligibility") == stem("eligible")
    assert stem("suitability") == stem("suitable")
    assert stem("capability") == stem("capable")
    assert stem("facility") != stem("facile")  # -ility without the b is no such noun


def test_a_pronoun_run_together_with_its_verb_is_no_content_word() -> None:
    assert content_words("I'm told we've got it and they\u2019re sure there's more") == [
        "told", "got", "sure"]
    assert content_words("the children's plan") == ["children's", "plan"]
