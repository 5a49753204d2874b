"""What a later phrase of an article refers back to, once the actors are found.

Rules run by :class:`veille.actors.ActorResolver` after its own steps, each adding
mentions of actors already read (or of a state, for a people):

* **definite descriptions** — "le ministère", "l'armée" alone: the last actor named
  with that head noun;
* **pairs** — "les deux dirigeants": the last two people named;
* **role nouns** — "le diplomate", "le porte-parole" alone: the last person named;
* **peoples** — "les Russes ont répondu": the Russian state (or the article's own name
  for its government), only as the subject or agent of a verb.
"""

from __future__ import annotations

import re

from .reading import Mention, Reading, overlaps
from .registry import Registry
from .textnorm import fold

#: A definite head noun that may stand for an actor named earlier in full.
_DEFINITE = re.compile(
    r"\b(?:le |la |l'|du |de la |de l'|au |à la |à l')"
    r"(ministère|armée|coalition|commandement|gouvernement|régime|organisation|agence|"
    r"observatoire|mouvement|milice|groupe|front|conseil|comité|centre)\b",
    re.IGNORECASE,
)

#: "les deux dirigeants": the last two people named.
_PAIR = re.compile(
    r"\b(?:les|des|aux) deux (?:dirigeants|présidents|chefs d'[ÉE]tat|hommes|ministres|"
    r"responsables|homologues|leaders|chefs de la diplomatie|chefs d'[ÉE]tat-major)\b",
    re.IGNORECASE,
)
#: ... unless more of a name follows ("le ministère des Affaires étrangères").
_NAME_GOES_ON = re.compile(r"\s+(?:de |des |du |d'|[A-ZÉ])")
#: "le diplomate a accusé": a role noun alone stands for the last person named.
_ROLE = re.compile(
    r"\b(?:le|la|l'|du|de la|de l')\s?(diplomate|porte-parole|émissaire|envoyé|envoyée|"
    r"responsable|dirigeant|dirigeante|ministre|négociateur|médiateur)\b",
    re.IGNORECASE,
)


def pairs(text: str, reading: Reading) -> None:
    """"les deux dirigeants" stands for the last two people named before it (both
    actors get a mention on the same words; no alias is learnt from it)."""
    for match in _PAIR.finditer(text):
        people: list[str] = []
        for mention in sorted(reading.mentions, key=lambda m: m.start, reverse=True):
            if mention.end > match.start() or mention.actor in people:
                continue
            if reading.actors[mention.actor].kind == "person":
                people.append(mention.actor)
            if len(people) == 2:
                break
        if len(people) == 2:
            for actor in people:
                reading.mentions.append(Mention(match.start(), match.end(), match.group(), actor, "anaphor"))
    reading.mentions.sort(key=lambda m: m.start)


def definite(text: str, reading: Reading, registry: Registry) -> None:
    """"le ministère", "l'armée", "la coalition" alone refer back to the last actor
    named with that head noun ("le ministère russe de la Défense ... le ministère a
    diffusé des photos")."""
    taken = reading.spans()
    added = []
    for match in _DEFINITE.finditer(text):
        start, end = match.start(1), match.end(1)
        if overlaps(taken, match.start(), match.end()) or _NAME_GOES_ON.match(text, end):
            continue
        following = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
        if following and registry.demonym(following.group(1)):
            continue  # "l'armée turque": another actor, named by its demonym
        head = fold(match.group(1))
        earlier = [m for m in reading.mentions if m.end <= match.start()]
        for mention in reversed(earlier):
            actor = reading.actors[mention.actor]
            names = (actor.name, *actor.aliases)
            if any(fold(n).split()[:1] == [head] for n in names):
                added.append((actor, start, end, text[start:end]))
                break
    for actor, start, end, surface in added:
        reading.add(actor, start, end, surface, "anaphor")
    reading.mentions.sort(key=lambda m: m.start)


def peoples(doc, reading: Reading, registry: Registry) -> None:
    """A people acting stands for its state: "les Américains ont refusé", "mais
    les Russes ont répondu". Only as the subject or agent of a verb: "libérer les
    Syriens" names civilians, not Syria."""
    for token in doc:
        if not token.text[:1].isupper() or token.i == 0 or token.nbor(-1).lower_ not in ("les", "des"):
            continue
        if token.dep_ not in ("nsubj", "nsubj:pass", "obl:agent") or token.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        country = registry.demonym(token.text)
        state = registry.state(country) if country and token.text.endswith("s") else None
        if state is None or overlaps(reading.spans(), token.idx, token.idx + len(token.text)):
            continue
        government = next(
            (a for a in reading.actors.values() if a.country == country and a.sector == "GOV" and a.kind != "person"),
            None,
        )  # the article's own name for that state's government, if any
        actor = government or state.to_actor()
        reading.add(actor, token.idx, token.idx + len(token.text), token.text, "people")


def role_anaphors(text: str, reading: Reading, registry: Registry) -> None:
    """"Le diplomate a accusé", "selon le porte-parole": the last person named
    before, when the role noun comes with no name or country of its own."""
    taken = reading.spans()
    for match in _ROLE.finditer(text):
        start, end = match.start(1), match.end(1)
        if overlaps(taken, match.start(), match.end()) or _NAME_GOES_ON.match(text, end):
            continue  # "le ministre des Affaires étrangères", "le porte-parole Dmitri Peskov"
        following = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
        if following and registry.demonym(following.group(1)):
            continue  # "le ministre russe": someone else, described
        earlier = [
            m for m in reading.mentions
            if m.end <= start and reading.actors[m.actor].kind == "person"
        ]  # fmt: skip
        if earlier:
            reading.mentions.append(Mention(start, end, text[start:end], earlier[-1].actor, "anaphor"))
    reading.mentions.sort(key=lambda m: m.start)


__all__ = ["definite", "pairs", "peoples", "role_anaphors"]
