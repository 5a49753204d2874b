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
from .speech import DOCUMENTS, last_person, people_named, speech_verbs
from .speech import outlet_voice as _outlet_voice

_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+?)”|\"([^\"\n]+?)\"")
_MIN_WORDS = 2
#: Speech verbs whose object is what was said ("a souligné la nécessité de ...").
OBJECT_SPEECH = {
    "souligner", "évoquer", "détailler", "qualifier", "affirmer", "déclarer", "réaffirmer",
    "expliquer", "préciser", "démentir", "nier", "estimer", "insister", "pointer",
}
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
        documents: set[int] = set()
        taken: list[tuple[int, int]] = []
        # who "il" is when he speaks: the last person who was a subject, else named
        subjects = people_named(article)
        for match in _QUOTE.finditer(text):
            group = next(i for i in (1, 2, 3) if match.group(i) is not None)
            words = match.group(group).split()
            if len(words) < _MIN_WORDS:
                continue
            start, end = match.start(group), match.end(group)
            if len(words) <= 3 and words[0][:1].isupper():
                continue  # a name in quotation marks: « Coalition internationale »
            speaker = None
            if doc is not None:
                speaker = self._speaker(doc, match.start(), match.end(), by_token, subjects)
                if speaker is None:
                    speaker = _governing_subject(doc, start, end, by_token, subjects)
            quotes.append(Quote(speaker=speaker, direct=True, text=text[start:end], start=start, end=end))
            taken.append((match.start(), match.end()))
        if doc is not None:
            for verb in doc:
                if verb.lemma_.lower() not in speech_verbs() or verb.pos_ not in ("VERB", "AUX"):
                    continue
                for found in _said(verb, text):
                    begin, finish = found
                    # stop short of a quotation that follows in the same sentence
                    ahead = [a for a, b in taken if begin < a < finish]
                    if ahead:
                        finish = min(ahead)
                        while finish > begin and not text[finish - 1].isalnum():
                            finish -= 1
                    if finish <= begin or any(a < finish and begin < b for a, b in taken):
                        continue
                    speaker = _subject_actor(verb, by_token, subjects)
                    quotes.append(
                        Quote(speaker=speaker, direct=False, text=text[begin:finish], start=begin, end=finish)
                    )
                    taken.append((begin, finish))
                for clause in verb.children:
                    if clause.dep_ != "ccomp":
                        continue
                    words = list(clause.subtree)
                    # "que" may hang anywhere between the verb and its clause in the parse
                    between = verb.doc[verb.i + 1 : clause.i]
                    que = next((w for w in between if w.lower_ in ("que", "qu'")), None)
                    if que is None:
                        continue
                    words = [w for w in verb.doc[que.i + 1 : clause.i + 1]] + [w for w in words if w.i > clause.i]
                    begin = que.idx + len(que.text)
                    # to the end of the sentence: the parse often cuts a long clause short
                    last = [t for t in clause.sent if t.i >= words[-1].i and not t.is_punct and not t.is_space]
                    end_token = last[-1] if last else words[-1]
                    finish = end_token.idx + len(end_token.text)
                    while begin < finish and text[begin] == " ":
                        begin += 1
                    if any(a < finish and begin < b for a, b in taken):
                        continue
                    if _outlet_voice(verb):
                        continue  # "il convient de rappeler que", "rappelons que": the outlet
                    speaker = _subject_actor(verb, by_token, subjects)
                    quote = Quote(speaker=speaker, direct=False, text=text[begin:finish], start=begin, end=finish)
                    if speaker is None and _document_subject(verb):
                        documents.add(id(quote))  # "le communiqué ajoute que": its author speaks
                    quotes.append(quote)
                    taken.append((begin, finish))
        quotes.sort(key=lambda q: q.start)
        # a quotation with no speaker of its own continues the previous speaker's words
        previous = None
        for quote in quotes:
            if quote.speaker is None and (quote.direct or id(quote) in documents) and previous is not None:
                quote.speaker = previous
            previous = quote.speaker or previous
        if doc is None:
            return quotes  # no parse: the quoted words, their speaker unknown
        return [q for q in quotes if q.speaker is not None]

    def _speaker(self, doc, start: int, end: int, by_token, subjects) -> str | None:
        # after: « ... », a précisé X / a-t-il dit
        after = [t for t in doc if end <= t.idx < end + 80]
        for token in after[:8]:
            if token.lemma_.lower() in speech_verbs() and token.pos_ in ("VERB", "AUX"):
                return _subject_actor(token, by_token, subjects)
            if token.text in (".", "«") or token.is_sent_start and token.idx > end + 2:
                break
        # before: X a déclaré : « ... » (any verb of the sentence when a colon introduces it)
        before = [t for t in doc if start - 300 <= t.idx < start]
        colon = bool(before) and before[-1].text == ":"
        for token in reversed(before):
            if token.text in (".", "!", "?") and token.idx < start - 2:
                break
            if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in speech_verbs() or colon):
                speaker = _subject_actor(token, by_token, subjects)
                if speaker is not None:
                    return speaker
        return None


def _said(verb, text: str) -> list[tuple[int, int]]:
    """What a speech verb reports besides a "que" clause: its object ("a souligné la
    nécessité d'obtenir des garanties") or, in an incise at the end of a sentence
    ("Rien que samedi, 20 000 personnes sont parties, a indiqué X"), the words before."""
    out = []
    if verb.lemma_.lower() in OBJECT_SPEECH:
        for child in verb.children:
            # "a insisté sur la nécessité de ..." as well as "a souligné la nécessité de ..."
            oblique_sur = child.dep_.startswith("obl") and any(
                c.dep_ == "case" and c.lower_ == "sur" for c in child.children
            )
            if (child.dep_ == "obj" or oblique_sur) and child.pos_ in ("NOUN", "PROPN"):
                words = list(child.subtree)
                words = [w for w in words if not (oblique_sur and w.dep_ == "case" and w.head.i == child.i)]
                if len(words) >= 3:
                    # to the end of the verb's clause: "la stratégie de l'Iran pour évacuer ..."
                    tail = []
                    for t in verb.subtree:
                        if t.i <= words[-1].i:
                            continue
                        if t.head.i == verb.i and t.dep_ in ("conj", "cc", "ccomp", "parataxis"):
                            break  # "... et précisé que": another statement begins
                        if not t.is_punct:
                            tail.append(t)
                    tail = [t for t in tail if t.i - words[-1].i <= 40]  # a clause, not a page
                    last = tail[-1] if tail else words[-1]
                    out.append((words[0].idx, last.idx + len(last.text)))
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.dep_.startswith("aux"):
        before = verb.doc[before.i - 1] if before.i > 0 else None
    if verb.dep_ == "parataxis" and verb.head.i < verb.i and before is not None and before.text == ",":
        sentence = verb.sent
        comma = next((t for t in reversed(sentence[: verb.i - sentence.start]) if t.text == ","), None)
        if comma is not None and comma.i > sentence.start + 3:
            first = sentence[0]
            if first.text not in ("«", '"', "“"):
                out.append((first.idx, comma.idx))
    return out


def _governing_subject(doc, start: int, end: int, by_token, subjects) -> str | None:
    """The subject of the verb a quotation inside a sentence depends on ("Ils ont
    exprimé « un soutien inconditionnel »")."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    node = inside[0]
    for _ in range(6):
        if node.head.i == node.i or not (start <= node.head.idx < end):
            node = node.head
            break
        node = node.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    if node.pos_ in ("VERB", "AUX") and not (start <= node.idx < end):
        return _subject_actor(node, by_token, subjects)
    return None



def _document_subject(verb) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


def _subject_actor(verb, by_token, subjects) -> str | None:
    if verb.dep_ == "parataxis":  # ", a indiqué le porte-parole X": the subject follows
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("nsubj", "obj", "appos"):
                for token in child.subtree:
                    if token.i in by_token:
                        return by_token[token.i]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            if child.i in by_token:
                return by_token[child.i]
            for token in child.subtree:
                if token.i in by_token:
                    return by_token[token.i]
            if child.lower_ in _PRONOUNS or child.lower_.lstrip("-t-").lstrip("-") in _PRONOUNS:
                return last_person(subjects, verb.idx)
    # inversion after a quotation: "a précisé le maître du Kremlin" parses the name as obj
    for child in verb.children:
        if child.dep_ in ("obj", "nsubj") and child.i > verb.i:
            for token in child.subtree:
                if token.i in by_token:
                    return by_token[token.i]
    if any(t.lower_ in ("-t-il", "-il", "il", "-elle", "elle", "-t-elle") for t in verb.doc[verb.i : verb.i + 3]):
        return last_person(subjects, verb.idx)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject_actor(verb.head, by_token, subjects)
    if not any(c.dep_.startswith("nsubj") for c in verb.children):
        # no subject in the parse (a sentence cut after a long apposition): the person
        # named just before
        near = [s for s in subjects if verb.idx - 300 < s[0] < verb.idx]
        if near:
            return near[-1][1]
    return None
