"""Who-questions: the act or the role a question asks the doer of ("Who chairs the
network?", "Who is the chief executive?"), the forms a sentence may state the act in, and a
duty a question asks of one doer that a sentence gives another."""

from __future__ import annotations

import re

from kb.words import BASE_OF, IRREGULAR, SAME_AS, STOP, stem

_IDENTITY = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?:the|a|an|our|their)\s+"
                       r"([A-Za-z][\w -]*?)(?:\s+(?:of|for|at|in|on|to|from)\b.*)?\s*\??\s*$",
                       re.I)


def role_asked(question: str) -> str | None:
    """The stem of the role a "Who is the X (of Y)?" question asks who holds: "executive"."""
    match = _IDENTITY.match(question)
    return stem(match.group(1).split()[-1].lower()) if match else None


_ACT_FORMS = {stem(verb): {stem(verb), *map(stem, forms.split())}
              for verb, forms in IRREGULAR.items()}
_PASTS = {past for forms in IRREGULAR.values() for past in forms.split()}
# "Who chairs the network?", "who funds it", "which organisation leads the evaluation": the act
# a who-question asks the doer of
_DOERS = (r"organi[sz]ation|bod(?:y|ies)|agenc(?:y|ies)|team|group|department|service|"
          r"charit(?:y|ies)|compan(?:y|ies)|firm|partner|authorit(?:y|ies)|board|panel|committee")
_WHO_ACTS = re.compile(rf"(?:^|[,;:.?!]\s*)\s*(?:who|(?:which|what)\s+(?:{_DOERS}))\s+"
                       r"([a-z]+s)\b|"
                       # a plural doer, its verb bare: "which organisations support ..."
                       rf"(?:^|[,;:.?!]\s*)\s*(?:which|what)\s+(?:{_DOERS})s?(?<=s)\s+"
                       r"([a-z]+[^s\W])\b|"
                       # a past act: "who developed the approach", "which body led it"
                       rf"(?:^|[,;:.?!]\s*)\s*(?:who|(?:which|what)\s+(?:{_DOERS})s?)\s+"
                       rf"([a-z]{{3,}}ed|{'|'.join(sorted(_PASTS))})\b", re.I)
# the one an act is done to: "who could the school contact", "whom should staff tell": after an
# auxiliary and its subject (of two words, or of one), the verb bare
_DONE_TO = [re.compile(r"(?:^|[,;:.?!]\s*)\s*whom?\s+(?:should|could|can|must|would|will|may|"
                       r"might|do|does|did)\s+(?:I|we|you|they|staff|(?:the|a|an|our|their|my|"
                       rf"your)\s+[a-z]+{subject})\s+([a-z]{{3,}})\b", re.I)
            for subject in (r"\s+[a-z]+", "")]
_NOT_ACTS = {"is", "was", "has", "does", "says", "goes", "makes", "gets", "takes", "needs",
             "are", "were", "have", "do", "did", "say", "go", "make", "get", "take", "need"}


# acts of one sense, a phrasal verb's among them: "who carried out the analysis" is answered by
# "researchers ... conducted the analysis" (a carrying that is no carrying out is not)
_CONDUCTED = {stem(verb) for verb in ("conduct", "undertake", "undertook", "perform", "carry")}
_CONDUCTING = _CONDUCTED - {stem("carry")}  # the acts that are only ever a conducting
_CARRIED_OUT = re.compile(r"\b(?:carry|carries|carried|carrying)\s+out\b", re.I)


def act_forms(act: str) -> set[str]:
    """The stems a sentence may state an act in: its own, an irregular verb's past forms, and
    the acts of its sense."""
    if act in _CONDUCTING:
        return _CONDUCTED
    return _ACT_FORMS.get(act, {act}) | {form for alike in SAME_AS.get(act, ())
                                          for form in _ACT_FORMS.get(alike, {alike})}


def _act_done_to(question: str) -> str | None:
    """The stem of the verb a "Who could the school contact?" question asks whom it is done to:
    the subject read as two words, else as one ("the club contact about": "contact")."""
    for done in _DONE_TO:
        found = done.search(question)
        verb = found.group(1).lower() if found else ""
        if verb and verb not in _NOT_ACTS and verb not in STOP:
            return stem(verb)
    return None


def act_asked(question: str) -> str | None:
    """The stem of the verb a "Who chairs ...?" question asks who does, or None."""
    match = _WHO_ACTS.search(question)
    if match is None:
        return _act_done_to(question)
    if _CARRIED_OUT.match(question, match.start(match.lastindex or 0)):
        return stem("conduct")
    if match.group(3):  # a past act: "developed" is "develop" done, "led" is "lead"
        verb = match.group(3).lower()
        if verb in BASE_OF:
            return stem(BASE_OF[verb])
        bare = {verb[:-1], verb[:-2]}  # "used", "needed"
        return stem(verb) if verb not in STOP and not bare & _NOT_ACTS else None
    if match.group(2):  # a plural doer's bare verb, or its past ("which agencies ran ...")
        verb = match.group(2).lower()
        verb = BASE_OF.get(verb, verb)
        return stem(verb) if verb not in _NOT_ACTS and verb not in STOP else None
    verb = match.group(1).lower()
    if verb in _NOT_ACTS:
        return None
    return stem(verb[:-2] if verb.endswith(("shes", "ches", "sses", "xes")) else verb[:-1])


# a duty or a leave a sentence gives its doer: "the local authority must review", "each school
# should record" (the doer a common noun after an article, its verb after the modal)
_MODALS = r"(?:should|must|shall|will|may|can|could|would|needs?\s+to|has\s+to|have\s+to)"
_DUTY_DOER = re.compile(rf"\b(?i:the|a|an|each|every|its|their)\s+((?:[a-z][\w'-]*\s+){{0,3}}?"
                        rf"[a-z][\w'-]*)\s+{_MODALS}\s+(?:also\s+|then\s+|normally\s+|usually\s+"
                        r"|always\s+)?([a-z]+)\b")


def another_doer(question: str, sentence: str) -> tuple[str, str] | None:
    """A duty the question asks of one doer that the sentence gives another ("How often should
    a school review ...?" against "the local authority must review the plan annually"): the
    question's doer and the sentence's, when they share no word; or None."""
    for match in _DUTY_DOER.finditer(sentence):
        theirs, act = match.group(1), match.group(2)
        if act in STOP:
            continue
        asked = re.search(rf"\b{_MODALS}\s+(?:the|a|an|each|every|its|their)\s+"
                          rf"((?:[a-z][\w'-]*\s+){{0,3}}?[a-z][\w'-]*)\s+{act}\b", question, re.I)
        if asked is None:
            continue
        ours = {stem(w) for w in asked.group(1).lower().split() if w not in STOP}
        # ("the council" and "the local authority" are one doer)
        alike = ours | {other for word in ours for other in SAME_AS.get(word, ())}
        if ours and not alike & {stem(w) for w in theirs.split() if w not in STOP}:
            return asked.group(1), theirs
    return None
