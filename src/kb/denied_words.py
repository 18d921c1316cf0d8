"""The words a negation passes over to reach the word it denies, and the verbs of naming whose
denial reaches their object (kb.negation)."""

from __future__ import annotations

from kb.words import MODALS

# words a negation passes over to reach the word it denies ("not be used", "not by a nurse",
# "not always the best", "not in place"): auxiliaries, articles, prepositions, degree words, and
# verbs that only link or fetch what follows ("not be seen as the default", "do not have to
# get consent")
PASSED = MODALS | {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
                   "do", "does", "a", "an", "the", "by", "to", "for", "of", "always",
                   "usually", "generally", "necessarily", "normally", "all", "any", "only",
                   "just", "yet", "automatically", "also", "even", "most", "more", "very", "quite",
                   "so", "as", "too", "seen", "regarded", "considered", "treated", "viewed",
                   "deemed", "seem", "seems", "appear", "appears", "become", "becomes", "get",
                   "got", "obtain", "seek", "meant", "intended", "supposed", "in", "on", "at",
                   "within", "into", "with", "from",
                   # "rather than looking to other clubs" sets the clubs aside
                   "other",
                   # "not in itself", "not of themselves": an emphasis, not what is denied
                   "itself", "themselves", "himself", "herself", "per", "se",
                   # "no longer looked after" denies "looked after" as "not looked after" does
                   "longer",
                   # verbs that only hand over what follows ("not intended to offer a
                   # step-by-step guide" denies the guide, whatever verb the other text uses)
                   "offer", "offers", "provide", "provides", "give", "gives",
                   # verbs that only say one thing is another ("does not equate to obtaining
                   # consent", "does not constitute a referral"), as "be" does
                   "equate", "equates", "amount", "amounts", "constitute", "constitutes",
                   # "is not their first language" denies "first language", as "is not the
                   # first language" does
                   "their", "his", "her", "its", "our", "your", "my"}
# verbs of naming, whose denial denies that a text names their object (not "include": "should
# not be included in the census" leaves a child out of it)
MENTION = {"list", "lists", "listed", "mention", "mentions", "mentioned", "name", "names",
           "named"}
