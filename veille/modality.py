"""Whether an event happened, will happen, might, did not, or is background.

The modality of an event is read on its trigger's clause with the cues of
``cues.toml``, in this order:

1. **historical**: a year before the article's dates the trigger's own clause
   ("est intervenue en 2015"), or the outlet reminds its readers of something in
   the pluperfect ("il convient de rappeler que Damas avait appelé");
2. **negated**: a negation on the trigger;
3. **hypothetical**: a "si" clause (the parse often hangs the main clause on the
   "si" one, so a future or conditional in a sentence with "si" is enough), or a
   conditional verb of possibility above it ("pourrait frapper", "risquerait de");
   then **negated** again: a verb of refusal or denial above the trigger ("ont
   refusé catégoriquement de bombarder", "a démenti avoir frappé");
4. **future**: the future tense (spaCy's morphology, or the form: "céderons" is the
   stem of céder plus a future ending, which spaCy tags present), a verb of intent
   or plan above it ("doit se rendre", "prévoit de retirer", "va signer"), or a
   conditional in what a speaker says ("a déclaré que la coordination se
   poursuivrait": the future of the past);
5. **asserted** otherwise, the journalistic conditional included ("Damas aurait
   réussi à stopper les insurgés" is reported, and attributed by its claimant).

A past infinitive ("a annoncé avoir repris la ville") is never future. An asserted
event the sentence dates a month or more before publication is background too
(:func:`long_before`: "s'était emparé de Palmyre le 11 décembre", in March), and so is
one in the pluperfect dated in an earlier month ("qui avait annoncé en décembre", in
January: :func:`before_the_month`).
"""

from __future__ import annotations

import datetime as dt

from .details import MONTH_YEAR, MONTHS, YEAR
from .lexicon import Cues
from .speech import speech_verbs
from .syntax import dates_clause, governors, in_reminder, negated, pluperfect

#: Verbs of attempt: an attempt is an act ("a tenté d'entraver les avions" happened).
ATTEMPTS = {"tenter", "chercher", "viser", "essayer"}


class ModalityReader:
    """Reads the modality of a trigger's clause (see the module's docstring)."""

    def __init__(self, cues: Cues):
        self.cues = cues
        self.refusals = set(cues.negation["verbs"])
        self.plans = set(cues.future["verbs"]) - {"menacer"}  # "menace de" is a threat: hypothetical
        self.possible = set(cues.hypothetical["verbs"]) - ATTEMPTS
        self.markers = set(cues.hypothetical["markers"])

    def read(self, head, sentence, reference_year: int | None) -> tuple[str, str | None]:
        """The modality of the event ``head`` triggers, and the year or month a
        historical event is dated by (else None)."""
        background = self._historical(head, sentence, reference_year)
        if background is not None:
            return "historical", background or None
        verbs = [head, *governors(head)]
        if negated(head) or (head.pos_ == "NOUN" and head.dep_ in ("obj", "nsubj") and negated(head.head)):
            return "negated", None  # "n'a pas mené de frappes", "il n'y a pas eu de bataille"
        if _conditional_clause(head) or (
            any(t.dep_ == "mark" and t.lower_ in ("si", "s'") for t in sentence)
            and any(self._tense(v) in ("future", "conditional") for v in verbs)
        ):  # "si ..., l'armée attaquera", however the parse hangs the two clauses
            return "hypothetical", None
        if any(v.lemma_.lower() in self.refusals for v in verbs[1:]):
            return "negated", None
        if any(
            v.lemma_.lower() in self.possible and self._tense(v) == "conditional" for v in verbs
        ) or any(v.lemma_.lower() in self.markers for v in verbs[1:]):
            return "hypothetical", None
        if _past_infinitive(head):
            return "asserted", None
        if "Inf" in head.morph.get("VerbForm") and head.head.lemma_.lower() in READY:
            return "future", None  # "s'est dit prêt à travailler avec"
        for verb in verbs:
            if self._tense(verb) == "future" or (verb.i != head.i and self._plans(verb, head)):
                return "future", None
        if self._tense(head) == "conditional" and _reported(head):
            return "future", None  # "a déclaré que ... se poursuivraient"
        return "asserted", None

    def _plans(self, verb, head) -> bool:
        """Does ``verb`` put ``head`` in the future? Any verb of plan before an
        infinitive ("s'engage à frapper", "va signer"); before a noun only a verb of
        planning ("prévoit une offensive", not "était engagé dans la bataille")."""
        lemma = verb.lemma_.lower()
        if lemma not in self.plans:
            return False
        return "Inf" in head.morph.get("VerbForm") or lemma in PLANNING

    def _historical(self, head, sentence, reference_year: int | None) -> str | None:
        """"" when background without a date of its own, the year or month when dated
        by one, None when not background."""
        # only years that date the event's own clause ("est intervenue en 2015"), not a
        # noun inside it ("les quartiers occupés depuis 2012")
        root = sentence.root
        told_apart = _own_clause(head, root)  # reported speech has a time of its own
        years = [
            int(t.text) for t in sentence
            if YEAR.fullmatch(t.text) and (dates_clause(t, head) or (not told_apart and dates_clause(t, root)))
        ]  # fmt: skip ("chassés en mars 2016, au terme d'une offensive menée avec l'appui de Moscou")
        if years and reference_year and max(years) < reference_year:
            latest = max(years)
            month = MONTH_YEAR.search(sentence.text)
            if month and int(month.group(2)) == latest:
                return f"{latest}-{MONTHS.index(month.group(1).lower()) + 1:02d}"
            return str(latest)
        if in_reminder(head) and any(pluperfect(v) for v in [head, *governors(head), head.head]):
            return ""
        return None

    def _tense(self, verb) -> str | None:
        """"future", "conditional" or None, from the morphology or, where spaCy misses it,
        from the form (see ``Cues.verb_tense``)."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if "Fut" in verb.morph.get("Tense"):
            return "future"
        if "Cnd" in verb.morph.get("Mood"):
            return "conditional"
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        for word in [*auxiliaries, verb]:
            tense = self.cues.verb_tense(word.text, word.lemma_)
            if tense:
                return tense
        return None


#: Adjectives of readiness or resolve that put their infinitive in the future.
READY = {"prêt", "disposé", "déterminé", "résolu", "décidé", "enclin"}


#: Verbs of planning that put a noun in the future ("prévoit une offensive").
PLANNING = {"prévoir", "planifier", "programmer", "préparer", "envisager", "projeter"}


def _own_clause(head, root) -> bool:
    """Is ``head`` in a clause with a time of its own: reported speech or a relative
    clause ("les quartiers qu'ils occupent")?"""
    node = head
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis", "acl:relcl"):
            return True
        node = node.head
    return False


#: An event the sentence dates this many days or more before publication is background.
BACKGROUND_DAYS = 30


def long_before(day: str | None, published: dt.date | None) -> bool:
    """Is the day (or the whole month) an event is dated a month or more before
    publication?"""
    last = _last_day(day)
    return last is not None and published is not None and (published - last).days >= BACKGROUND_DAYS


def before_the_month(day: str | None, published: dt.date | None) -> bool:
    """Is the event dated in an earlier month than the article's?"""
    last = _last_day(day)
    return last is not None and published is not None and last < published.replace(day=1)


def _last_day(day: str | None) -> dt.date | None:
    """The last day a date of the form YYYY-MM-DD or YYYY-MM may mean."""
    if not day or len(day) not in (7, 10):
        return None
    if len(day) == 10:
        return dt.date.fromisoformat(day)
    year, month = int(day[:4]), int(day[5:7])
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _conditional_clause(head) -> bool:
    """A "si" clause on the trigger ("si les rebelles refusaient, l'armée attaquerait",
    whichever of the two clauses the parse makes the main one)."""
    clauses = [head, *(c for c in head.children if c.dep_ == "advcl")]
    if head.dep_ == "advcl":
        clauses.append(head.head)
    return any(c.dep_ == "mark" and c.lower_ in ("si", "s'") for clause in clauses for c in clause.children)


def _past_infinitive(head) -> bool:
    """"avoir repris", "être entrés": an infinitive auxiliary before a participle."""
    return any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") and c.lemma_ in ("avoir", "être")
        for c in head.children
    )


def _reported(head) -> bool:
    """Is ``head`` in a clause a speech verb introduces ("a déclaré que ...")?"""
    node = head
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in speech_verbs():
            return True
        node = node.head
    return False
