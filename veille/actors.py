"""Who an article is about: actor mentions resolved to registry or article-local actors.

Five kinds of evidence, in this order (an earlier one wins where two overlap):

1. **registry names** — every name and alias of the registry, found with a
   :class:`~veille.mentions.PhraseIndex` (accents, case, hyphens ignored; people
   also by transliteration skeleton when the NER marks a person);
2. **offices** — a role with a country ("le président russe", "le ministre
   iranien des Affaires étrangères", "le chef de la diplomatie du Kazakhstan",
   "le maître du Kremlin", "son homologue turc") resolves to whoever held that
   office on the article's date; next to a name the registry does not know, it
   gives that person a country and a sector;
3. **collectives** — the groups the press names without a proper noun ("les
   terroristes", "les rebelles", "l'opposition", "les forces gouvernementales",
   "l'Occident", "les civils"): one local actor per group, its country from a
   demonym when the text gives one;
4. **named entities** — spaCy's PER and ORG spans the registry does not know
   become local actors; a later surname alone refers back to the full name;
5. **metonyms** — a capital or a country named as the one who acts ("Moscou et
   Damas doivent garantir") is the state's government; the same name after a
   locative preposition ("à Moscou") is a place, left to the places stage.

Then :mod:`veille.references` reads what later phrases refer back to ("le
ministère", "les deux dirigeants", "le diplomate", "les Russes") and
:mod:`veille.actor_cleanup` drops the mentions that are no actors (titles, photo
credits, bystanders) and folds together actors that are one. The
:class:`~veille.reading.Reading` they all fill lives in :mod:`veille.reading`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .actor_cleanup import (
    drop_bystanders,
    drop_credits,
    drop_titles,
    fold_collectives,
    fold_successors,
)
from .mentions import PhraseIndex
from .model import Actor
from .reading import DETERMINERS, Mention, Reading, focus_countries, overlaps, prune
from .references import definite, pairs, peoples, role_anaphors
from .registry import Entity, Registry
from .textnorm import fold, name_key

#: French phrasings of offices, by role of the registry's vocabulary.
ROLES: dict[str, tuple[str, ...]] = {
    "head_of_state": (
        "président", "présidente", "présidents", "chef de l'État", "chef d'État", "chefs d'État",
        "roi", "émir",
    ),
    "head_of_government": ("Premier ministre", "Première ministre", "chef du gouvernement"),
    "foreign_minister": (
        "ministre des Affaires étrangères", "ministres des Affaires étrangères",
        "chef de la diplomatie", "chefs de la diplomatie", "secrétaire d'État",
        "ministre de l'Europe et des Affaires étrangères", "cheffe de la diplomatie",
    ),
    "defence_minister": (
        "ministre de la Défense", "ministres de la Défense", "secrétaire à la Défense",
        "ministre des Armées",
    ),
    "interior_minister": ("ministre de l'Intérieur",),
    "foreign_ministry_spokesperson": (
        "porte-parole du ministère des Affaires étrangères", "porte-parole de la diplomatie",
    ),
    "head_of_state_spokesperson": ("porte-parole de la présidence",),
    "security_council_secretary": (
        "secrétaire du Conseil suprême de la sécurité nationale", "secrétaire du Conseil de sécurité",
    ),
    "un_ambassador": ("ambassadeur auprès de l'ONU", "représentant permanent auprès de l'ONU"),
    "chief_of_staff": ("chef d'état-major",),
    "ambassador": ("ambassadeur", "ambassadrice"),
    "envoy": ("envoyé spécial", "émissaire"),
    "spokesperson": ("porte-parole",),
}  # fmt: skip

#: Roles a person holds alone: one named by office and country but unknown to the
#: registry ("l'ambassadeur russe à Ankara") is still an actor of the article.
PERSON_ROLES = {"ambassador", "envoy", "spokesperson", "chief_of_staff", "interior_minister"}

#: Periphrases naming an office holder by the seat of power.
SEATS: dict[str, tuple[str, str]] = {
    "maître du Kremlin": ("head_of_state", "RUS"),
    "locataire du Kremlin": ("head_of_state", "RUS"),
    "porte-parole du Kremlin": ("head_of_state_spokesperson", "RUS"),
    "locataire de la Maison Blanche": ("head_of_state", "USA"),
    "hôte de la Maison Blanche": ("head_of_state", "USA"),
    "locataire de l'Élysée": ("head_of_state", "FRA"),
    "porte-parole de l'Élysée": ("head_of_state_spokesperson", "FRA"),
    "porte-parole de la Maison Blanche": ("head_of_state_spokesperson", "USA"),
    "porte-parole du Pentagone": ("defence_spokesperson", "USA"),
    "porte-parole du Quai d'Orsay": ("foreign_ministry_spokesperson", "FRA"),
    "chef du Pentagone": ("defence_minister", "USA"),
    "patron du Pentagone": ("defence_minister", "USA"),
}


@dataclass(frozen=True)
class Collective:
    id: str
    name: str
    kind: str
    sector: str
    words: tuple[str, ...]


#: Groups named by a common noun (plural forms included: matching is by word key).
COLLECTIVES: tuple[Collective, ...] = (
    Collective("rebels", "rebelles", "armed_group", "REB", (
        "rebelles", "rebelle", "insurgés", "groupes rebelles", "groupes armés", "groupe armé",
        "combattants", "militants", "militants islamistes", "islamistes", "factions armées",
        "factions", "opposition armée", "terroristes", "terroriste", "groupes terroristes",
        "groupe terroriste", "organisations terroristes", "takfiristes", "groupes takfiristes",
        "djihadistes", "jihadistes", "extrémistes", "mercenaires", "bandes armées",
        "hommes armés", "éléments armés", "personnes armées", "terrorists", "terrorist groups",
        "rebels", "insurgents",
    )),
    Collective("opposition", "opposition", "organization", "OPP", (
        "opposition", "opposants", "groupes opposants", "groupes de l'opposition",
        "représentants de l'opposition", "opposition politique",
    )),
    Collective("government_forces", "forces gouvernementales", "organization", "MIL", (
        "forces gouvernementales", "troupes gouvernementales", "armée gouvernementale",
        "forces loyalistes", "forces du régime", "troupes du régime", "armée régulière",
        "government forces",
    )),
    Collective("civilians", "civils", "organization", "CVL", (
        "civils", "population civile", "populations civiles", "habitants", "civilians",
    )),
    Collective("gulf_states", "pays du golfe Persique", "organization", "GOV", (
        "pays du golfe Persique", "pays du Golfe", "pays arabes du Golfe", "monarchies du Golfe",
        "pétromonarchies du Golfe", "monarchies pétrolières du Golfe", "Gulf states",
    )),
    Collective("west", "Occident", "organization", "GOV", (
        "Occident", "Occidentaux", "pays occidentaux", "puissances occidentales",
        "the West", "Western countries",
    )),
)  # fmt: skip

_ARMED_WORDS = ("armée", "forces", "troupes", "soldats", "militaires", "aviation", "forces armées")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:à|en|dans|vers|depuis|près|autour|sur|via|jusqu'à|de la ville|ville|région|"
    r"province|banlieue|environs|périphérie|ouest|est|nord|sud|centre|aéroport|base)\s+(?:de\s+|d'|du\s+)?)$",
    re.IGNORECASE,
)
#: Words after a group noun that are part of how the article names the group.
_QUALIFIERS = (
    r"\s+(?:étrangers|étrangères|armés|armées|modérés|radicaux|islamistes|terroristes|"
    r"takfiristes|djihadistes|jihadistes|extrémistes|pro-turcs|pro-turques|soutenus par)\b"
)
#: "M. Ghassemi" is Ghassemi: titles of courtesy before a name.
_HONORIFIC = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Dr\.?|Me|Pr\.?)\s+")

#: Title words before a name, and the PLOVER sector they give the person.
_TITLE_SECTORS = (
    ("general", "MIL"), ("colonel", "MIL"), ("commandant", "MIL"), ("officier", "MIL"),
    ("soldat", "MIL"), ("ministre", "GOV"), ("ambassadeur", "GOV"), ("ambassadrice", "GOV"),
    ("president", "GOV"), ("presidente", "GOV"), ("porte-parole", "GOV"), ("diplomate", "GOV"),
    ("envoye", "GOV"), ("emissaire", "GOV"), ("depute", "LEG"), ("journaliste", "MED"),
    ("correspondant", "MED"), ("opposant", "OPP"), ("chef", None),
)
#: "à" after these words gives to someone ("son soutien à Damas"), it does not locate.
_DATIVE = re.compile(
    r"\b(?:soutien|aide|appui|assistance|appel|message|condoléances|félicitations|menaces?|"
    r"sanctions|mesures|pressions|imposé|imposées|infligé|infligées|"
    r"ultimatum|livraisons?|garanties|reproches?|demandé|demande|appelé|apporté|apporte|"
    r"fourni|fournit|livré|adressé|adresse|reproché|proposé|promis|accordé|offert|"
    r"inconditionnel|indéfectible|total|plein)\W+(?:\w+\W+)?(?:à|au|aux)\s+(?:la |l')?$",
    re.IGNORECASE,
)
_HEAD_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


class ActorResolver:
    """Finds and resolves the actors of a text (see the module's docstring)."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.names = PhraseIndex(
            ((alias, entity.id) for entity in registry for alias in entity.names if len(name_key(alias)) > 1),
        )
        self.offices = _office_pattern()
        self.seats = PhraseIndex((phrase, phrase) for phrase in SEATS)
        self.collectives = PhraseIndex(
            (word, c.id) for c in COLLECTIVES for word in c.words
        )
        self._collective = {c.id: c for c in COLLECTIVES}

    # -- the whole reading ---------------------------------------------------

    def read(
        self, text: str, *, day: dt.date | None = None, doc=None, outlet: Iterable[str] = ()
    ) -> Reading:
        """The actors of ``text``; ``outlet`` names the publisher, which is the
        voice of the article rather than one of its actors."""
        reading = Reading()
        self._registry_names(text, reading, doc)
        self._seats(text, reading, day)
        self._offices(text, reading, day)
        self._collectives(text, reading)
        if doc is not None:
            self._entities(doc, reading)
            peoples(doc, reading, self.registry)
        reading.mentions.sort(key=lambda m: m.start)
        definite(text, reading, self.registry)
        pairs(text, reading)
        role_anaphors(text, reading, self.registry)
        drop_titles(text, reading)
        fold_collectives(reading, self.registry, COLLECTIVES)
        fold_successors(reading, self.registry)
        if doc is not None:
            drop_bystanders(doc, reading)
        drop_credits(text, reading, {name_key(n) for n in outlet})
        return reading

    # -- 1. registry names ---------------------------------------------------

    def _registry_names(self, text: str, reading: Reading, doc) -> None:
        for match in self.names.find(text):
            entity = self._choose(match.values, reading)
            if entity is None:
                continue
            before = text[max(0, match.start - 40) : match.start]
            if entity.kind == "state" and _PLACE_BEFORE.search(before) and not _DATIVE.search(before):
                continue  # "à Moscou", "en Syrie": a place, not an actor
            reading.add(entity.to_actor(), match.start, match.end, match.text, "registry")
            for office in entity.offices:
                reading.roles.setdefault(entity.id, office.role)

    def _choose(self, ids: Iterable[str], reading: Reading) -> Entity | None:
        entities = [self.registry[i] for i in ids]
        if len(entities) == 1:
            return entities[0]
        mentioned = [e for e in entities if reading.mentioned(e.id)]
        if len(mentioned) == 1:
            return mentioned[0]
        states = [e for e in entities if e.kind == "state"]
        return states[0] if len(states) == 1 else None  # too ambiguous otherwise

    # -- 2. offices ------------------------------------------------------------

    def _seats(self, text: str, reading: Reading, day: dt.date | None) -> None:
        for match in self.seats.find(text):
            if re.search(r"\b(?:un|une)\s+$", text[max(0, match.start - 5) : match.start], re.IGNORECASE):
                continue  # "un porte-parole du Pentagone": anyone of the body, which speaks
            role, country = SEATS[match.values[0]]
            # "le maître du Kremlin" is a person, not the Kremlin it names
            inside = [m for m in reading.mentions if match.start <= m.start and m.end <= match.end]
            reading.mentions = [m for m in reading.mentions if m not in inside]
            prune(reading)
            self._office_holder(text, reading, role, country, day, match.start, match.end, how="seat")

    def _offices(self, text: str, reading: Reading, day: dt.date | None) -> None:
        for match in self._office_phrases(text):
            start, end, role, country, homologue = match
            if re.match(r"(?:un|une|des)\s", text[start:end], re.IGNORECASE):
                continue  # "un porte-parole du Pentagone": anyone of the body, which speaks
            inside = [m for m in reading.mentions if start <= m.start and m.end <= end and m.how != "seat"]
            named = [(m.start, m.end) for m in reading.mentions if m.how != "office" and m not in inside]
            if overlaps(named, start, end):
                continue
            # "la diplomatie américaine" inside "le chef de la diplomatie américaine"
            reading.mentions = [m for m in reading.mentions if m not in inside or m.how == "office"]
            prune(reading)
            if homologue:
                role = self._last_role(reading, start)
                if role is None:
                    continue
            self._office_holder(text, reading, role, country, day, start, end)

    def _office_phrases(self, text: str) -> list[tuple[int, int, str, str | None, bool]]:
        """(start, end, role, ISO3, is_homologue) for each office phrase with a country."""
        found = []
        folded = _fold_same_length(text)
        for m in re.finditer(r"\bhomologues?\s+(\w+)", folded):
            country = self.registry.demonym(m.group(1))
            if country:
                found.append((m.start(), m.end(), "", country, True))
        for match in self.offices.finditer(folded):
            role = match.lastgroup.rsplit("_", 1)[0]
            start, end = match.start(), match.end()
            inserted = next((g for name, g in match.groupdict().items() if name.startswith("d") and g), None)
            country = self.registry.demonym(inserted) if inserted else None
            if inserted and country is None:
                continue  # "le ministre adjoint des Affaires étrangères": another office
            after = text[end : end + 60]
            demonym = re.match(r"\s+([^\W\d_]+)", after)
            if country is None and demonym and self.registry.demonym(demonym.group(1)):
                country = self.registry.demonym(demonym.group(1))
                end += demonym.end()
                # "les présidents iranien et russe": one office, two countries
                second = re.match(r"\s+et\s+([^\W\d_]+)", text[end : end + 40])
                if second and self.registry.demonym(second.group(1)):
                    other = self.registry.demonym(second.group(1))
                    found.append((start, end + second.end(), role, other, False))
            if country is None:
                of = re.match(r"\s+(?:de la |de l'|du |des |de |d')\s*", after, re.IGNORECASE)
                if of:
                    rest = after[of.end() :]
                    for n in (4, 3, 2, 1):
                        candidate = " ".join(rest.split()[:n]).rstrip(",.;:")
                        state = [e for e in self.registry.lookup(candidate) if e.kind == "state"]
                        if state and candidate[:1].isupper():
                            country = state[0].country
                            end += of.end() + len(candidate)
                            break
            if country is None:
                continue
            found.append((start, end, role, country, False))
        return sorted(found)

    def _office_holder(self, text, reading, role, country, day, start, end, how="office") -> None:
        # a name right after the office ("le président russe Vladimir Poutine") is taken already
        following = [m for m in reading.mentions if 0 <= m.start - end <= 3]
        if following:
            actor = reading.actors[following[0].actor]
            if actor.country in (None, country):
                reading.add(actor, start, end, text[start:end], how)
                return
        holders = self.registry.holders(role, country)
        mentioned = list({h.id: h for h in holders if reading.mentioned(h.id)}.values())
        holder = mentioned[0] if len(mentioned) == 1 else self.registry.holder(role, country, day)
        if holder is not None:
            reading.add(holder.to_actor(), start, end, text[start:end], how)
            reading.roles.setdefault(holder.id, role)
        elif role in PERSON_ROLES and not text[start:end].lower().endswith("s"):
            posted = re.match(r"\s+(?:à|au|en)\s+[A-ZÉ][\w'\-]+", text[end : end + 40])
            if role == "ambassador" and posted:  # "l'ambassadeur russe à Ankara"
                end += posted.end()
            surface = DETERMINERS.sub("", text[start:end]).strip()
            id = "local_" + name_key(surface).replace(" ", "_")
            actor = Actor(id=id, name=surface, aliases=[], kind="person", country=country, sector="GOV")
            reading.add(actor, start, end, text[start:end], "office")
            reading.roles.setdefault(id, role)

    def _last_role(self, reading: Reading, before: int) -> str | None:
        for mention in reversed([m for m in reading.mentions if m.start < before]):
            if mention.actor in reading.roles:
                return reading.roles[mention.actor]
        return None

    # -- 3. collectives ----------------------------------------------------------

    def _collectives(self, text: str, reading: Reading) -> None:
        taken = reading.spans()
        for match in self.collectives.find(text):
            if overlaps(taken, match.start, match.end):
                continue
            after = text[match.end : match.end + 40]
            # "les terroristes de Daech": the name that follows says who they are
            if any(0 <= m.start - match.end <= 6 for m in reading.mentions) and re.match(
                r"\s*(?:de |du |d')", after
            ):
                continue
            collective = self._collective[match.values[0]]
            demonym = re.match(r"\s+([^\W\d_]+)", after)
            country = self.registry.demonym(demonym.group(1)) if demonym else None
            end = match.end + (demonym.end() if country else 0)
            qualifier = re.match(_QUALIFIERS, text[end : end + 30], re.IGNORECASE)
            if qualifier:
                end += qualifier.end()
            actor = Actor(
                id=collective.id,
                name=collective.name,
                aliases=[],
                kind=collective.kind,
                country=country,
                sector=collective.sector,
            )
            known = reading.actors.get(collective.id)
            if known is not None and known.country is None and country:
                known.country = country
            reading.add(actor, match.start, end, text[match.start : end], "collective")
        # an army named by a demonym the registry lacks: "les forces turques"
        folded = _fold_same_length(text)
        for m in re.finditer(r"\b(" + "|".join(_ARMED_WORDS) + r")\s+(\w+)", folded):
            country = self.registry.demonym(m.group(2))
            if not country or overlaps(reading.spans(), m.start(), m.end()):
                continue
            army = self.registry.entities.get(f"{country.lower()}_army")
            actor = army.to_actor() if army else Actor(
                id=f"{country.lower()}_forces", name=text[m.start() : m.end()], aliases=[],
                kind="organization", country=country, sector="MIL",
            )  # fmt: skip
            reading.add(actor, m.start(), m.end(), text[m.start() : m.end()], "collective")

    # -- 4. named entities -------------------------------------------------------

    def _entities(self, doc, reading: Reading) -> None:
        surnames: dict[str, str] = {}
        for actor in reading.actors.values():
            if actor.kind == "person":
                surnames.setdefault(name_key(actor.name).split()[-1], actor.id)
        for ent in doc.ents:
            if ent.label_ not in ("PER", "ORG"):
                continue
            start, end = ent.start_char, ent.end_char
            text = _HONORIFIC.sub("", DETERMINERS.sub("", ent.text)).strip(" ,.;:«»\"'")
            if not text or not text[:1].isupper() or overlaps(reading.spans(), start, end):
                continue
            key = name_key(text)
            if ent.label_ == "PER":
                found = self._person(text, key, surnames)
                if found is None:
                    if len(key.split()) < 2:
                        continue  # a lone unknown word is too often a misread place or title
                    id = "local_" + key.replace(" ", "_")
                    country, sector = self._describe(doc.text[max(0, start - 80) : start])
                    actor = Actor(
                        id=id, name=text, aliases=[], kind="person", country=country, sector=sector
                    )
                    surnames.setdefault(key.split()[-1], id)
                else:
                    actor = found
                reading.add(actor, start, end, ent.text, "ner")
            elif len(key.split()) >= 2 and not any(t.is_stop for t in ent[:1]):
                id = "local_" + key.replace(" ", "_")
                reading.add(
                    Actor(id=id, name=text, aliases=[], kind="organization"), start, end, ent.text, "ner"
                )

    def _describe(self, before: str) -> tuple[str | None, str | None]:
        """Country and sector of an unknown person from the title just before the name:
        "l'ambassadeur russe", "le général syrien", "le ministre des Affaires étrangères
        du Kazakhstan"."""
        clause = re.split(r"[.;:!?»«]", before)[-1]
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", clause)[-8:]
        country = next((c for w in reversed(words) if (c := self.registry.demonym(w))), None)
        if country is None:
            for n in (3, 2, 1):
                tail = " ".join(words[-n:])
                states = [e for e in self.registry.lookup(tail) if e.kind == "state"]
                if states:
                    country = states[0].country
                    break
        folded = {fold(w) for w in words}
        sector = next((s for title, s in _TITLE_SECTORS if title in folded), None)
        return country, sector

    def _person(self, text: str, key: str, surnames: dict[str, str]) -> Actor | None:
        people = [e for e in self.registry.lookup(text) if e.kind == "person"]
        if len(people) == 1:
            surnames.setdefault(key.split()[-1], people[0].id)
            return people[0].to_actor()
        last = key.split()[-1]
        if last in surnames and (len(key.split()) == 1 or surnames[last].startswith("local_")):
            id = surnames[last]
            entity = self.registry.entities.get(id)
            return entity.to_actor() if entity else Actor(id=id, name=text, aliases=[], kind="person")
        return None


def _office_pattern() -> re.Pattern:
    """One expression for every office phrase of :data:`ROLES`, on folded text, that
    also admits a demonym after one of its words ("ministre russe des affaires
    étrangères", "porte-parole du ministère iranien des affaires étrangères")."""
    alternatives = []
    slot = 0
    for role, phrases in ROLES.items():
        for i, phrase in enumerate(phrases):
            words = fold(phrase).replace("'", "' ").split()
            body = ""
            for n, word in enumerate(words):
                body += re.escape(word)
                if word.endswith("'"):
                    continue
                if n < len(words) - 1:
                    body += rf"(?:\s+(?P<d{slot}>[^\W\d_]+))?\s+"
                    slot += 1
            alternatives.append((len(phrase), rf"(?P<{role}_{i}>\b{body}\b)"))
    alternatives.sort(key=lambda pair: pair[0], reverse=True)
    return re.compile("|".join(pattern for _, pattern in alternatives))


def _fold_same_length(text: str) -> str:
    """``fold`` that keeps every offset: one character out for each character in."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch) if not ch.isspace() else " "
    return folded if len(folded) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


__all__ = ["ActorResolver", "Mention", "Reading", "focus_countries"]
