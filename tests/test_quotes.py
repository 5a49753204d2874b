"""Quotes on French sentences written for these tests, in the style of the press.

Who speaks a quotation (the speaker before it, after it in an incise, a pronoun, a
document, a source preposition), what indirect speech covers (que-clauses,
infinitives, objects of a verb of saying, the words before an incise), and the
near-misses that are no quote at all (scare quotes, names, the outlet's reminders,
what a headline restates). They run the real stages (actors, places, events) on the
French model.
"""

import datetime as dt

import pytest

from veille.gazetteer import load_gazetteer
from veille.lexicon import load_triggers
from veille.model import Article
from veille.registry import load_registry
from veille.stages.actors import Actors
from veille.stages.events import Events
from veille.stages.places import Places

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(french):
    actors, places = Actors(load_registry()), Places(load_gazetteer())
    events = Events(load_triggers(), load_registry())

    def run(text, title=None):
        article = Article(
            id="t", name="t.txt", text=text, language="fr", published=dt.date(2016, 12, 18)
        )
        article.title = title
        article.doc = french(text)
        for stage in (actors, places, events):
            stage(article)
        return article

    return run


def quote(article, start):
    """The quote whose text begins with ``start``, failing with all quotes shown."""
    found = [q for q in article.quotes if q.text.startswith(start)]
    assert found, [(q.speaker, q.direct, q.text) for q in article.quotes]
    return found[0]


@pytest.mark.parametrize(
    "text, start, speaker",
    [
        (  # the speaker after the quotation, named
            "« Nous ne laisserons pas les terroristes reprendre la ville », a déclaré Sergueï Lavrov.",
            "Nous ne laisserons",
            "lavrov",
        ),
        (  # the speaker before, a colon introducing the quotation
            "John Kerry a répondu : « Washington ne renoncera pas à ses exigences. »",
            "Washington ne renoncera",
            "kerry",
        ),
        (  # an inverted pronoun in the incise: the last person who was a subject
            (
                "Vladimir Poutine a reçu son homologue turc au Kremlin. "
                "« Nos deux pays travailleront ensemble », a-t-il indiqué."
            ),
            "Nos deux pays",
            "putin",
        ),
        (  # words between the auxiliary and the participle
            (
                "Dmitri Peskov a parlé aux journalistes jeudi. "
                "« Le dialogue se poursuit avec toutes les parties », a-t-il en outre estimé."
            ),
            "Le dialogue se poursuit",
            "peskov",
        ),
        (  # a verb of saying that opens new words after the quotation is not its incise
            (
                "Sergueï Lavrov a précisé que Moscou menait « un dialogue suivi avec les Américains », "
                "ajoutant que la Russie restait prête à négocier."
            ),
            "un dialogue suivi",
            "lavrov",
        ),
        (  # a reflexive verb of saying in the incise
            "« Les combats risquent de reprendre à tout moment », s'est inquiété Sergueï Lavrov.",
            "Les combats risquent",
            "lavrov",
        ),
        (  # a source preposition, no verb of saying
            "Selon Dmitri Peskov, « les contacts avec Ankara se poursuivent chaque jour ».",
            "les contacts avec Ankara",
            "peskov",
        ),
    ],
)
def test_who_speaks_a_direct_quotation(read, text, start, speaker):
    found = quote(read(text), start)
    assert found.direct and found.speaker == speaker


def test_a_document_speaks_for_whoever_issued_it(read):
    article = read(
        "Vladimir Poutine s'est entretenu lundi avec Recep Tayyip Erdoğan, selon un communiqué publié par "
        "le Kremlin. La conversation a porté sur « la situation qui se dégrade » dans le nord de la Syrie, "
        "souligne le communiqué."
    )
    assert quote(article, "la situation qui se dégrade").speaker == "rus_gov"


def test_a_later_document_is_not_an_earlier_one(read):
    article = read(
        "Sergueï Lavrov a commenté le communiqué du département d'État américain. "
        "Dans un communiqué diffusé mardi, le ministère russe de la Défense a affirmé que les frappes "
        "avaient cessé. Le communiqué ajoute que les corridors humanitaires restent ouverts."
    )
    assert quote(article, "les corridors humanitaires").speaker == "rus_mod"


def test_the_other_quotation_of_a_sentence_keeps_the_subject_of_its_verb(read):
    article = read(
        "Bachar al-Assad s'est engagé à « éliminer les terroristes » et à punir « leurs soutiens et "
        "leurs financiers »."
    )
    assert quote(article, "éliminer les terroristes").speaker == "assad_bashar"
    assert quote(article, "leurs soutiens").speaker == "assad_bashar"


@pytest.mark.parametrize(
    "text, start, speaker",
    [
        (  # a que-clause
            "Dmitri Peskov a indiqué que Moscou et Damas restaient en contact permanent.",
            "Moscou et Damas restaient",
            "peskov",
        ),
        (  # an infinitive: what the speaker claims to have done
            "Les rebelles affirment avoir pris le contrôle de plusieurs villages au nord de Hama.",
            "avoir pris le contrôle",
            "rebels",
        ),
        (  # an infinitive hanging on whom the speaker addresses
            "John Kerry a appelé samedi l'opposition à quitter les quartiers est d'Alep sans délai.",
            "quitter les quartiers",
            "kerry",
        ),
        (  # the words before an incise, its verb after an adverb
            "Les combattants doivent pouvoir quitter la ville en sécurité, a encore déclaré John Kerry.",
            "Les combattants doivent",
            "kerry",
        ),
        (  # the words before an incise, its subject a pronoun
            (
                "Igor Konachenkov a donné un bilan samedi. Depuis vendredi, 8 000 civils ont quitté les "
                "quartiers assiégés, a-t-il précisé."
            ),
            "Depuis vendredi, 8",
            "konashenkov",
        ),
        (  # an expression of saying ending on a preposition
            (
                "Sergueï Lavrov a reçu la presse. Il a mis l'accent sur la nécessité d'un cessez-le-feu durable "
                "dans toute la Syrie."
            ),
            "la nécessité d'un cessez-le-feu",
            "lavrov",
        ),
        (  # an expression of saying from the lexicon's additions
            (
                "Sergueï Lavrov a reçu la presse. Il a attiré l'attention sur la situation des civils "
                "dans l'est d'Alep."
            ),
            "la situation des civils",
            "lavrov",
        ),
        (  # an expression of saying ending on a verb
            (
                "Le ministère russe de la Défense a fait savoir que les avions de la coalition avaient gêné "
                "les frappes russes."
            ),
            "les avions de la coalition",
            "rus_mod",
        ),
        (  # a participle speaks with the subject of its clause, not the noun before it
            (
                "Hassan Rohani a qualifié d'étape importante la tenue des pourparlers au Kazakhstan, "
                "déclarant que ce pays était un bon endroit pour les négociations."
            ),
            "ce pays était",
            "rouhani",
        ),
        (  # a relative pronoun: the person named before it
            (
                "La position russe a été rappelée par Sergueï Lavrov, qui a affirmé que Moscou refusait "
                "toute solution militaire."
            ),
            "Moscou refusait",
            "lavrov",
        ),
    ],
)
def test_indirect_speech(read, text, start, speaker):
    found = quote(read(text), start)
    assert not found.direct and found.speaker == speaker


def test_an_incise_naming_two_leaders_speaks_for_the_one_the_passage_is_about(read):
    article = read(
        "Vladimir Poutine s'est entretenu lundi avec son homologue iranien Massoud Pezeshkian. "
        "La situation dans le nord de la Syrie exige une réponse rapide, ont conclu les deux dirigeants."
    )
    assert quote(article, "La situation dans le nord").speaker == "putin"


def test_whom_the_speaker_addresses_is_not_the_speaker(read):
    article = read(
        "L'armée syrienne a annoncé l'envoi de renforts et appelé les habitants à ne pas céder aux "
        "rumeurs sur les réseaux sociaux."
    )
    assert quote(article, "ne pas céder").speaker == "syr_army"


def test_an_incise_s_object_is_its_speaker_not_its_words(read):
    article = read(
        "« L'armée a repris le contrôle de toute la région », a déclaré le porte-parole du ministère "
        "russe de la Défense, Igor Konachenkov."
    )
    assert [(q.speaker, q.direct) for q in article.quotes] == [("konashenkov", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Les « rebelles » de la « Coalition internationale » ont reculé.",  # scare quotes, a name
        "Les deux présidents ont salué le « format Astana ».",  # a term in two words
        "Sergueï Lavrov a assisté à la réunion des « Amis de la Syrie » à Paris.",  # a name in title case
        "John Kerry a appelé son homologue russe Sergueï Lavrov samedi.",  # a phone call, no words
        "Le groupe État islamique a déclaré la guerre à la Russie.",  # an object that is no statement
        # a comma before a second predicate is no incise
        "L'armée syrienne a repris la ville, a annoncé des renforts et a sécurisé la route.",
        # the outlet's own reminder: background, not a statement
        "Il convient de rappeler que Damas avait appelé les combattants à déposer les armes.",
        "Rappelons que Damas avait appelé les combattants à déposer les armes.",
    ],
)
def test_near_misses_are_not_quotes(read, text):
    article = read(text)
    assert article.quotes == [], [(q.speaker, q.text) for q in article.quotes]


def test_a_participle_that_opens_the_sentence_frames_the_statement(read):
    article = read(
        "Évoquant la nécessité de protéger les civils d'Alep, Hassan Rohani a affirmé que les "
        "négociations devaient se poursuivre."
    )
    assert [q.text[:20] for q in article.quotes] == ["les négociations dev"]


def test_the_headline_restates_the_body(read):
    headline = "Kerry exhorte l'opposition à quitter Alep-Est sans délai"
    article = read(
        headline + "\nJohn Kerry a appelé samedi l'opposition à quitter Alep-Est sans délai.",
        title=headline,
    )
    assert [q.start > len(headline) for q in article.quotes] == [True]


def test_the_speaker_named_after_the_verb_not_a_noun_of_the_quotation(read):
    article = read(
        "« L'évacuation des terroristes d'Alep est une étape, mais elle ne doit pas faire oublier "
        "les civils assiégés », a déclaré M. Bahram Ghassemi lors d'un point de presse."
    )
    quotes = [q for q in article.quotes if q.direct]
    assert quotes and quotes[0].speaker not in (None, "rebels")
