"""What the stages that read speech share: speech verbs, documents that speak for
their author, the outlet's own voice, and who "il" is when he speaks.

The speech verbs are the single-word ``speech`` and ``claim`` entries of
``resources/speech_verbs.csv`` (see :mod:`veille.lexicon`), plus a few verbs the
press uses to report words without saying them ("diffuser", "pointer").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from .lexicon import load_speech_verbs
from .model import Article

#: Verbs the lexicon lists as other things, or not at all, that still report speech.
_EXTRA = {"citer", "diffuser", "faire", "pointer", "fustiger", "critiquer", "exclamer", "tonner"}

#: Nouns of documents that speak for their author ("le communiqué précise que").
DOCUMENTS = frozenset(
    {"communiqué", "texte", "déclaration", "rapport", "document", "note", "lettre", "message", "bilan"}
)

#: Verbs whose "il" is nobody: "il convient de rappeler que", "il faut noter que".
IMPERSONAL = frozenset({"convenir", "falloir", "importer", "rester", "sembler", "paraître", "agir", "exister"})


def source_marker(token) -> bool:
    """Does ``token`` attribute what follows to a source: "selon X", "d'après X", or
    a sentence that opens on "Pour X," ("Pour Moscou, l'attaque montre que ...")?"""
    word = token.lower_
    if word in ("selon", "d'après"):
        return True
    if word == "après":
        return token.i > 0 and token.nbor(-1).lower_ in ("d'", "d", "d’")
    if word == "pour" and token.is_sent_start:
        sentence = token.sent
        return any(t.text == "," for t in token.doc[token.i + 1 : min(token.i + 8, sentence.end)])
    return False


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


def document_author(document, actors: Mapping[int, str]) -> str | None:
    """Whom a document that speaks ("souligne le communiqué") speaks for: the actor
    named as its issuer, here ("le communiqué du Kremlin") or where the article last
    named that kind of document ("selon un communiqué publié par le Kremlin", "Dans un
    communiqué, le ministère a ..."). ``actors`` maps token indices to actor ids."""
    lemma = document.lemma_.lower()
    earlier = [t for t in document.doc[: document.i] if t.lemma_.lower() == lemma]
    for noun in (document, *earlier[-1:]):
        for issuer in _issuers(noun):
            actor = next((actors[t.i] for t in issuer.subtree if t.i in actors), None)
            if actor is not None:
                return actor
    return None


def _issuers(document) -> list:
    """The phrases that may name a document's issuer: "du Kremlin", "publié par le
    Kremlin", the subject of the statement it frames ("Dans un communiqué, le ministère")."""
    out = []
    for child in document.children:
        if child.dep_ == "nmod" and _case(child) in ("de", "du", "des", "d'"):
            out.append(child)
        elif child.dep_ == "acl":
            out += [g for g in child.children if g.dep_ == "obl:agent"]
    if document.dep_.startswith("obl") and _case(document) == "dans":
        out += [c for c in document.head.children if c.dep_ == "nsubj"]
    return out


def _case(noun) -> str | None:
    return next((c.lower_ for c in noun.children if c.dep_ == "case"), None)


#: How far back (in characters, about three sentences) a person who was a subject
#: is still who a pronoun means.
_PRONOUN_REACH = 600


def people_named(article: Article) -> list[tuple[int, str, bool]]:
    """(offset, person, was a subject) for every mention of a person, in text order."""
    doc = article.doc
    if doc is None:
        return []
    people = {a.id for a in article.actors if a.kind == "person"}
    subjects = {t.i for t in doc if t.dep_ in ("nsubj", "nsubj:pass")}
    out = []
    for mention in article.actor_mentions:
        if mention.actor not in people:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        was_subject = span is not None and any(
            t.i in subjects or (t.head.i in subjects and t.dep_ in ("flat:name", "appos"))
            for t in span
        )
        out.append((mention.start, mention.actor, was_subject))
    out.sort(key=lambda item: item[0])
    return out


def last_person(people: list[tuple[int, str, bool]], offset: int) -> str | None:
    """Who "il a ajouté" at ``offset`` is: the last person who was a subject in the
    text just before, else the last person the article named (``people`` from
    :func:`people_named`)."""
    before = [p for p in people if p[0] < offset]
    for at, actor, was_subject in reversed(before):
        if offset - at >= _PRONOUN_REACH:
            break
        if was_subject:
            return actor
    return before[-1][1] if before else None
