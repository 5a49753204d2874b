"""Quotes: what each actor is reported to have said, directly or indirectly.

- **Direct** quotations are the text between « », “ ” or straight double quotes,
  of at least four words (shorter ones are the press's scare quotes: « rebelles »).
  The speaker is the subject of a speech verb right after the quotation (", a
  précisé le maître du Kremlin", ", a-t-il dit": a pronoun is the last actor who
  spoke or acted), else of the speech verb that introduces it ("X a déclaré : « ... »"),
  else the last speaker when the quotation stands alone in its paragraph.
- **Indirect** speech is the clause that a speech verb governs ("X a affirmé que
  ..."): its text runs from after *que* to the end of the clause.

Quotes are found in any language with quotation marks; indirect speech needs the
French parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article, Quote

SPEECH_VERBS = {
    "affirmer", "déclarer", "dire", "indiquer", "préciser", "souligner", "ajouter", "estimer",
    "assurer", "expliquer", "annoncer", "noter", "rappeler", "insister", "confirmer",
    "réitérer", "répondre", "poursuivre", "conclure", "avertir", "prévenir", "considérer",
    "juger", "signaler", "relever", "observer", "constater", "écrire", "révéler",
    "prétendre", "soutenir", "démentir", "nier", "reconnaître", "admettre", "marteler",
    "lancer", "déplorer", "regretter", "espérer", "penser", "croire", "mentionner",
    "avancer", "accuser", "dénoncer", "fustiger", "critiquer", "exhorter", "appeler",
    "demander", "exiger", "réclamer", "proclamer", "martèler", "s'exclamer", "exclamer",
    "commenter", "développer", "détailler", "raconter", "témoigner", "confier", "lâcher",
    "glisser", "tonner", "ironiser", "faire savoir", "informer", "menacer", "promettre",
}  # fmt: skip
_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+?)”|\"([^\"\n]+?)\"")
_MIN_WORDS = 4
_PRONOUNS = {"il", "elle", "ils", "elles"}


@dataclass
class Speaker:
    actor: str | None
    verb_end: int = -1


class QuoteFinder:
    def find(self, article: Article) -> list[Quote]:
        doc = article.doc
        text = article.text
        by_token: dict[int, str] = {}
        if doc is not None:
            for mention in article.actor_mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span or ():
                    by_token.setdefault(token.i, mention.actor)
        quotes: list[Quote] = []
        taken: list[tuple[int, int]] = []
        last = [None]  # the last speaker or subject, for pronouns and bare quotations
        subjects = _subjects(doc, by_token) if doc is not None else []
        for match in _QUOTE.finditer(text):
            group = next(i for i in (1, 2, 3) if match.group(i) is not None)
            words = match.group(group).split()
            if len(words) < _MIN_WORDS:
                continue
            start, end = match.start(group), match.end(group)
            speaker = None
            if doc is not None:
                speaker = self._speaker(doc, match.start(), match.end(), by_token, subjects)
            quotes.append(Quote(speaker=speaker, direct=True, text=text[start:end], start=start, end=end))
            taken.append((match.start(), match.end()))
            if speaker:
                last[0] = speaker
        if doc is not None:
            for verb in doc:
                if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
                    continue
                for clause in verb.children:
                    if clause.dep_ != "ccomp":
                        continue
                    words = list(clause.subtree)
                    que = next((w for w in words if w.lower_ in ("que", "qu'") and w.dep_ == "mark"), None)
                    if que is None:
                        continue
                    begin = que.idx + len(que.text)
                    finish = words[-1].idx + len(words[-1].text)
                    while begin < finish and text[begin] == " ":
                        begin += 1
                    if any(a < finish and begin < b for a, b in taken):
                        continue
                    speaker = _subject_actor(verb, by_token, subjects)
                    quotes.append(
                        Quote(speaker=speaker, direct=False, text=text[begin:finish], start=begin, end=finish)
                    )
                    taken.append((begin, finish))
        quotes.sort(key=lambda q: q.start)
        # a quotation with no speaker of its own continues the previous speaker's words
        previous = None
        for quote in quotes:
            if quote.speaker is None and previous is not None:
                quote.speaker = previous
            previous = quote.speaker or previous
        return [q for q in quotes if q.speaker is not None]

    def _speaker(self, doc, start: int, end: int, by_token, subjects) -> str | None:
        # after: « ... », a précisé X / a-t-il dit
        after = [t for t in doc if end <= t.idx < end + 80]
        for token in after[:8]:
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
                return _subject_actor(token, by_token, subjects)
            if token.text in (".", "«") or token.is_sent_start and token.idx > end + 2:
                break
        # before: X a déclaré : « ... »
        before = [t for t in doc if start - 120 <= t.idx < start]
        for token in reversed(before):
            if token.text in (".",) and token.idx < start - 2:
                break
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
                return _subject_actor(token, by_token, subjects)
        return None


def _subjects(doc, by_token) -> list[tuple[int, str]]:
    """(character offset, actor) of every subject that names an actor, in order."""
    out = []
    for token in doc:
        if token.dep_ in ("nsubj", "nsubj:pass") and token.i in by_token:
            out.append((token.idx, by_token[token.i]))
    return out


def _subject_actor(verb, by_token, subjects) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            if child.i in by_token:
                return by_token[child.i]
            for token in child.subtree:
                if token.i in by_token:
                    return by_token[token.i]
            if child.lower_ in _PRONOUNS or child.lower_.lstrip("-t-").lstrip("-") in _PRONOUNS:
                return _last_before(subjects, verb.idx)
    # inversion after a quotation: "a précisé le maître du Kremlin" parses the name as obj
    for child in verb.children:
        if child.dep_ in ("obj", "nsubj") and child.i > verb.i:
            for token in child.subtree:
                if token.i in by_token:
                    return by_token[token.i]
    if any(t.lower_ in ("-t-il", "-il", "il", "-elle", "elle", "-t-elle") for t in verb.doc[verb.i : verb.i + 3]):
        return _last_before(subjects, verb.idx)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject_actor(verb.head, by_token, subjects)
    return None


def _last_before(subjects, offset: int) -> str | None:
    found = [actor for at, actor in subjects if at < offset]
    return found[-1] if found else None
