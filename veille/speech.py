"""What the stages that read speech share: speech verbs, documents that speak for
their author, and the outlet's own voice.

The speech verbs are the single-word ``speech`` and ``claim`` entries of
``resources/speech_verbs.csv`` (see :mod:`veille.lexicon`), plus a few verbs the
press uses to report words without saying them ("diffuser", "pointer").
"""

from __future__ import annotations

from functools import cache

from .lexicon import load_speech_verbs

#: Verbs the lexicon lists as other things, or not at all, that still report speech.
_EXTRA = {"citer", "diffuser", "faire", "pointer", "fustiger", "critiquer", "exclamer", "tonner"}

#: Nouns of documents that speak for their author ("le communiqué précise que").
DOCUMENTS = frozenset(
    {"communiqué", "texte", "déclaration", "rapport", "document", "note", "lettre", "message", "bilan"}
)

#: Verbs whose "il" is nobody: "il convient de rappeler que", "il faut noter que".
IMPERSONAL = frozenset({"convenir", "falloir", "importer", "rester", "sembler", "paraître", "agir"})


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report what someone said or claims."""
    verbs = {v.lemma for v in load_speech_verbs() if len(v.lemmas) == 1 and v.kind in ("speech", "claim")}
    return frozenset(verbs | _EXTRA)


def outlet_voice(verb) -> bool:
    """Is this speech verb the outlet's own ("il convient de rappeler", "rappelons")?"""
    if "Imp" in verb.morph.get("Mood") or (
        "1" in verb.morph.get("Person") and "Plur" in verb.morph.get("Number")
    ):
        return True
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "expl:subj":
                return True
            if child.dep_ == "nsubj" and child.lower_ == "il" and node.lemma_ in IMPERSONAL:
                return True
        if node.head.i == node.i:
            break
        node = node.head
    return False
