"""The event lexicons: loading, validation, coverage, traps, and agreement with spaCy."""

import csv
from collections import Counter

import pytest

from veille import lexicon
from veille.errors import ConfigError
from veille.lexicon import (
    MODES,
    SLOTS,
    TYPES,
    Condition,
    load_cues,
    load_speech_verbs,
    load_triggers,
    parse_requires,
)

HEADER = "lemma,pos,type,mode,source,target,requires,priority,alt_lemmas,note\n"
GOOD = "bombarder,VERB,ASSAULT,,nsubj|obl:par,obj|nsubj:pass,,1,,\n"


@pytest.fixture(scope="module")
def triggers():
    return load_triggers()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the bundled files ------------------------------------------------------------


def test_bundled_files_load_and_are_cached(triggers):
    assert len(triggers) >= 400
    assert load_triggers() is triggers
    assert len(load_speech_verbs()) >= 150
    assert load_cues() is load_cues()


@pytest.mark.parametrize("type_", TYPES)
def test_every_type_has_at_least_ten_triggers(triggers, type_):
    assert len(triggers.of_type(type_)) >= 10


@pytest.mark.parametrize("pos", ["VERB", "NOUN", "MWE"])
def test_every_pos_is_represented(triggers, pos):
    assert sum(t.pos == pos for t in triggers) >= 100


def test_no_duplicate_lemma_pos_type_rows():
    text = (lexicon.resources.files("veille.resources") / "triggers.csv").read_text("utf-8")
    keys = Counter((r["lemma"], r["pos"], r["type"]) for r in csv.DictReader(text.splitlines()))
    assert [k for k, n in keys.items() if n > 1] == []


def test_modes_and_slots_are_valid(triggers):
    for t in triggers:
        assert t.mode is None or t.mode in MODES[t.type], t
        assert set(t.source + t.target) <= set(SLOTS), t


def test_mwes_are_indexed_by_their_first_lemma(triggers):
    assert "mener frappe" in [t.lemma for t in triggers.starting_with("mener")]
    assert "prendre contrôle" in [t.lemma for t in triggers.starting_with("prendre")]
    assert triggers.starting_with("frappe")[0].lemma == "frappe aérien"
    # an alternative lemma indexes the expression too (spaCy: présente → présente)
    found = [t.lemma for t in triggers.starting_with("présente")]
    assert "présenter condoléances" in found and len(found) == len(set(found))
    assert all(t.is_mwe for t in triggers.starting_with("mener"))


def test_mwes_are_ordered_by_priority_then_length(triggers):
    found = triggers.starting_with("avoir")
    assert found[0].lemma == "avoir entretien téléphonique"


@pytest.mark.parametrize(
    "lemma, pos, expected",
    [
        ("frappe", "NOUN", {("frappe", "ASSAULT")}),
        ("frappe", "VERB", {("frapper", "ASSAULT")}),  # spaCy leaves the 3sg present as is
        ("bombardera", "ADJ", {("bombarder", "ASSAULT")}),  # future forms tagged ADJ
        ("tête à tête", "NOUN", {("tête-à-tête", "CONSULT")}),
        ("forme", "NOUN", set()),
        ("libérer", "VERB", {("libérer", "ASSAULT"), ("libérer", "RETREAT")}),
    ],
)
def test_lookup_by_lemma_and_pos(triggers, lemma, pos, expected):
    assert {(t.lemma, t.type) for t in triggers.lookup(lemma, pos)} == expected


def _rows(triggers, lemma, pos=None):
    if pos == "MWE" or " " in lemma:
        return [t for t in triggers.starting_with(lemma.split()[0]) if t.lemma == lemma]
    return [t for t in triggers.lookup(lemma) if pos is None or t.pos == pos]


def _requires(trigger):
    return {str(c) for group in trigger.requires for c in group}


@pytest.mark.parametrize(
    "lemma, type_, mode, requires",
    [
        ("libérer", "ASSAULT", None, "obj:place"),
        ("libérer", "RETREAT", "release", "obj:person"),
        ("rendre", "CONSULT", "visit", "obl:place"),
        ("rendre", "RETREAT", "surrender", "not-obl:place"),
        ("appeler", "REQUEST", None, "comp:à"),
        ("appeler", "CONSULT", "phone", "not-comp:à"),
        ("soutenir", "SUPPORT", None, "not-comp:que"),
        ("frapper", "ASSAULT", None, "not-obl-lemma:porte"),
        ("condamner", "SANCTION", "convict", "comp:à"),
        ("condamner", "ACCUSE", "disapprove", "not-comp:à"),
        ("tolérer", "THREATEN", None, "negated"),
    ],
)
def test_traps_are_split_by_conditions(triggers, lemma, type_, mode, requires):
    rows = [t for t in _rows(triggers, lemma, "VERB") if t.type == type_]
    assert len(rows) == 1
    assert rows[0].mode == mode
    assert requires in _requires(rows[0])


def test_recevoir_hosts_and_receives(triggers):
    (host,) = [t for t in _rows(triggers, "recevoir", "VERB") if t.type == "CONSULT"]
    assert host.source[0] == "obj" and host.target[0] == "nsubj"  # visitor → host
    (aid,) = _rows(triggers, "recevoir aide")
    assert aid.type == "AID" and aid.target == ("nsubj",)


def test_rencontrer_des_difficultes_is_not_a_meeting(triggers):
    (row,) = _rows(triggers, "rencontrer", "VERB")
    (group,) = row.requires
    assert group[0] == Condition("obj-lemma", row.requires[0][0].value, negated=True)
    assert "difficulté" in group[0].value.split(",")


@pytest.mark.parametrize(
    "lemma, type_, mode",
    [
        ("mener frappe", "ASSAULT", None),
        ("frappe aérien", "ASSAULT", "aerial"),
        ("lancer offensive", "ASSAULT", None),
        ("prendre contrôle", "ASSAULT", None),
        ("reprendre contrôle", "ASSAULT", None),
        ("tenir pourparlers", "CONSULT", None),
        ("avoir entretien", "CONSULT", None),
        ("entretien téléphonique", "CONSULT", "phone"),
        ("apporter soutien", "SUPPORT", None),
        ("présenter condoléances", "SUPPORT", None),
        ("lancer appel", "REQUEST", None),
        ("exiger garantie", "REQUEST", None),
        ("imposer sanction", "SANCTION", None),
        ("porter accusation", "ACCUSE", "allege"),
        ("qualifier terroriste", "ACCUSE", "allege"),
        ("engager éliminer", "THREATEN", "violence"),
        ("refuser catégoriquement", "REJECT", None),
        ("acheminer aide", "AID", "humanitarian"),
        ("signer accord", "AGREE", None),
        ("annoncer cessez-le-feu", "AGREE", "ceasefire"),
        ("cessez-le-feu tenir", "RETREAT", "ceasefire"),
        ("déposer arme", "RETREAT", "disarm"),
        ("évacuer", "RETREAT", "evacuation"),
        ("assiéger", "COERCE", "restrict"),
        ("encercler", "COERCE", "restrict"),
        ("déployer", "MOBILIZE", "troops"),
    ],
)
def test_support_verbs_and_brief_cases(triggers, lemma, type_, mode):
    rows = [t for t in _rows(triggers, lemma) if t.type == type_]
    assert rows, f"no {type_} trigger {lemma!r}"
    assert rows[0].mode == mode


# --- validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "row, message",
    [
        ("bombarder,VERB,ATTACK,,nsubj,obj,,1,,", "type 'ATTACK' is not one of AGREE, CONSULT"),
        ("bombarder,VERB,ASSAULT,naval,nsubj,obj,,1,,", "mode for ASSAULT 'naval' is not one of"),
        ("signer,VERB,AGREE,aerial,nsubj,,,1,,", "mode for AGREE 'aerial' is not one of ceasefire"),
        ("bombarder,VERBE,ASSAULT,,nsubj,obj,,1,,", "pos 'VERBE' is not one of VERB, NOUN, MWE"),
        ("bombarder,VERB,ASSAULT,,subject,obj,,1,,",
         "source: slot 'subject' is not a slot of a verb"),
        ("frappe,NOUN,ASSAULT,,nsubj,,,1,,",
         "slot 'nsubj' is not a slot of a noun; valid slots: amod"),
        ("bombarder,VERB,ASSAULT,,nsubj,obl:sous,,1,,", "target: slot 'obl:sous'"),
        ("mener frappe,VERB,ASSAULT,,nsubj,,,1,,", "a multi-word expression has pos MWE"),
        ("frapper,MWE,ASSAULT,,nsubj,,,1,,", "a multi-word expression has pos MWE"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,object:place,1,,", "unknown condition 'object'"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,obj:town,1,,", "class 'town' is not one of person"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,comp:pour,1,,", "complement 'pour' is not one of"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,reflexive:yes,1,,", "reflexive takes no value"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,obj-lemma:,1,,", "needs a comma-separated lemma list"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,,high,,", "priority 'high' is not an integer"),
        (",VERB,ASSAULT,,nsubj,obj,,1,,", "empty lemma"),
        ("bombarder,VERB,ASSAULT,,nsubj,obj,,1,,,extra", "more fields than the 10 columns"),
    ],
)
def test_invalid_trigger_rows_are_rejected(tmp_path, row, message):
    path = write(tmp_path, "bad.csv", HEADER + GOOD + row + "\n")
    with pytest.raises(ConfigError) as error:
        load_triggers(path)
    assert "bad.csv line 3" in str(error.value)
    assert message in str(error.value)


def test_duplicate_rows_are_rejected(tmp_path):
    path = write(tmp_path, "dup.csv", HEADER + GOOD + GOOD)
    with pytest.raises(ConfigError, match=r"dup.csv line 3: duplicate of line 2 \(bombarder"):
        load_triggers(path)


def test_missing_columns_are_named(tmp_path):
    path = write(tmp_path, "cols.csv", "lemma,pos,type\nbombarder,VERB,ASSAULT\n")
    with pytest.raises(ConfigError, match="missing column.*mode, source, target"):
        load_triggers(path)


def test_a_valid_file_loads(tmp_path):
    path = write(
        tmp_path, "ok.csv",
        HEADER + GOOD + '"mener frappe",MWE,ASSAULT,aerial,nsubj,"nmod:contre|obl:contre",'
        '"obj-lemma:a,b|reflexive;not-negated",2,"mène frappe",note\n',
    )
    triggers = load_triggers(path)
    assert len(triggers) == 2
    (mwe,) = triggers.starting_with("mène")
    assert mwe.lemmas == ("mener", "frappe") and mwe.priority == 2
    assert mwe.requires == (
        (Condition("obj-lemma", "a,b"), Condition("reflexive")),
        (Condition("negated", negated=True),),
    )


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("", ()),
        ("reflexive", ((Condition("reflexive"),),)),
        ("obj:actor|obj:place;not-comp:à",
         ((Condition("obj", "actor"), Condition("obj", "place")),
          (Condition("comp", "à", negated=True),))),
    ],
)
def test_parse_requires(text, parsed):
    assert parse_requires(text) == parsed


@pytest.mark.parametrize(
    "row, message",
    [
        ("dire,quote,neutral,", "kind 'quote' is not one of speech, claim, source-prep"),
        ("dire,speech,sceptical,", "stance 'sceptical' is not one of neutral, assertive, doubtful"),
        ("affirmer,speech,assertive,", "duplicate of line 2 (affirmer)"),
    ],
)
def test_invalid_speech_rows_are_rejected(tmp_path, row, message):
    path = write(tmp_path, "sv.csv", "lemma,kind,stance,note\naffirmer,speech,assertive,\n" + row)
    with pytest.raises(ConfigError) as error:
        load_speech_verbs(path)
    assert "sv.csv line 3" in str(error.value) and message in str(error.value)


# --- speech verbs -----------------------------------------------------------------


@pytest.mark.parametrize(
    "lemma, kind, stance",
    [
        ("affirmer", "speech", "assertive"),
        ("indiquer", "speech", "neutral"),
        ("indique", "speech", "neutral"),  # spaCy's lemma for the present tense
        ("prétendre", "claim", "doubtful"),
        ("selon", "source-prep", "neutral"),
    ],
)
def test_speech_verbs(lemma, kind, stance):
    verb = load_speech_verbs().get(lemma)
    assert (verb.kind, verb.stance) == (kind, stance)


def test_speech_expressions_are_indexed():
    verbs = load_speech_verbs()
    assert "faire savoir" in [v.lemma for v in verbs.starting_with("faire")]
    assert [v.lemma for v in verbs.starting_with("de") if v.lemma == "de après"]
    assert "affirmer" in verbs and "affirmer sans preuve" not in verbs


# --- cues -------------------------------------------------------------------------


def test_cues_parse():
    cues = load_cues()
    assert "ne" in cues.negation["particles"]
    assert "refuser" in cues.negation["verbs"]
    assert cues.future["morph"] == ("Tense=Fut",)
    assert cues.hypothetical["morph"] == ("Mood=Cnd",)
    assert "selon" in cues.claimant["prepositions"]
    assert "blessé" in cues.fatalities["not_fatal"]
    with pytest.raises(TypeError):
        cues.numbers["words"]["un"] = 2


@pytest.mark.parametrize(
    "word, value",
    [("vingt", 20), ("dizaines", 10), ("dizaine", 10), ("vingtaine", 20), ("centaines", 100),
     ("milliers", 1000), ("Mille", 1000), ("quatre-vingts", 80), ("plusieurs", None)],
)
def test_number_words(word, value):
    assert load_cues().number(word) == value


@pytest.mark.parametrize(
    "form, lemma, tense",
    [("frappera", "frapper", "future"), ("céderons", "céder", "future"),
     ("rendront", "rendre", "future"), ("ira", "aller", "future"),
     ("déploiera", "déployer", "future"), ("poursuivraient", "poursuivre", "conditional"),
     ("bombarderait", "bombarder", "conditional"), ("pourrait", "pouvoir", "conditional"),
     ("libéra", "libérer", None), ("bombardait", "bombarder", None), ("frappe", "frapper", None)],
)
def test_verb_tense_from_the_form(form, lemma, tense):
    assert load_cues().verb_tense(form, lemma) == tense


@pytest.mark.parametrize(
    "sentence, historical",
    [("La Russie est intervenue en 2015.", True), ("Depuis 2011, le pays est en guerre.", True),
     ("Les frappes ont repris mardi.", False)],
)
def test_historical_patterns_find_years(sentence, historical):
    import re

    patterns = load_cues().historical["patterns"]
    assert any(re.search(p, sentence, re.I) for p in patterns) == historical


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "missing table [negation]; the tables are negation, future, hypothetical"),
        ("[negation]\n", "[negation]: missing key 'particles'; required keys: particles"),
        ('[negation]\nparticles = "ne"\n', "[negation] particles: expected a list"),
        ("[negation]\nparticles = [\n", "cues.toml"),
    ],
)
def test_invalid_cues_are_rejected(tmp_path, text, message):
    path = write(tmp_path, "cues.toml", text)
    with pytest.raises(ConfigError) as error:
        load_cues(path)
    assert message in str(error.value)


def test_invalid_cue_regex_is_rejected(tmp_path):
    good = (lexicon.resources.files("veille.resources") / "cues.toml").read_text("utf-8")
    bad = good.replace("patterns = [", "patterns = ['(unclosed', ", 1)
    with pytest.raises(ConfigError, match=r"\[historical\] patterns: pattern '\(unclosed'"):
        load_cues(write(tmp_path, "cues.toml", bad))


# --- agreement with spaCy -----------------------------------------------------------

# Sentences written for this test in the style of the French press on the Syrian war, each
# with the trigger it must find. The test checks that the trigger's lemmas (or one of its
# alt_lemmas) are among the lemmas fr_core_news_md gives the sentence, in order.
SENTENCES = [
    ("L'aviation russe a bombardé mardi des positions rebelles près d'Idleb.", "bombarder"),
    ("Des avions de la coalition ont mené des frappes aériennes contre Daech à Raqqa.",
     "mener frappe"),
    ("Les frappes aériennes russes ont visé un dépôt d'armes à Deir ez-Zor.", "frappe aérien"),
    ("L'armée syrienne a repris le contrôle de la ville de Palmyre dimanche.",
     "reprendre contrôle"),
    ("Les forces gouvernementales ont libéré la ville de Boukamal, selon Damas.", "libérer"),
    ("Les rebelles ont libéré trois otages libanais vendredi.", "libérer"),
    ("Des centaines de combattants se sont rendus aux forces du régime.", "rendre"),
    ("Le ministre iranien s'est rendu à Moscou pour des entretiens.", "rendre"),
    ("Le président turc a reçu son homologue russe à Ankara.", "recevoir"),
    ("Poutine s'est entretenu au téléphone avec Rohani lundi.", "entretenir téléphone"),
    ("Dans un entretien téléphonique, les deux présidents ont évoqué la situation à Alep.",
     "entretien téléphonique"),
    ("Le chef de la diplomatie russe a rencontré l'émissaire de l'ONU à Genève.", "rencontrer"),
    ("Les deux délégations ont tenu des pourparlers à Astana.", "tenir pourparlers"),
    ("Téhéran a présenté ses condoléances à Moscou après l'assassinat de l'ambassadeur.",
     "présenter condoléances"),
    ("Le Kremlin a apporté son soutien au gouvernement syrien.", "apporter soutien"),
    ("Le président iranien a salué la victoire de l'armée syrienne à Alep.", "saluer"),
    ("L'armée syrienne a reconnu avoir perdu plusieurs positions.", "reconnaître"),
    ("Moscou et Ankara ont signé un accord sur une zone démilitarisée.", "signer accord"),
    ("La Russie et la Turquie ont annoncé un cessez-le-feu dans toute la Syrie.",
     "annoncer cessez-le-feu"),
    ("Le cessez-le-feu a globalement tenu dans la nuit, selon l'OSDH.", "cessez-le-feu tenir"),
    ("Les insurgés ont déposé les armes et quitté le quartier.", "déposer arme"),
    ("Des milliers de civils ont été évacués des quartiers est d'Alep.", "évacuer"),
    ("Les troupes américaines se sont retirées de la base d'al-Tanf.", "retirer"),
    ("Le Croissant-Rouge a acheminé des aides humanitaires vers la Ghouta.", "acheminer aide"),
    ("Damas exige des garanties de Washington sur le maintien de la trêve.", "exiger garantie"),
    ("L'ONU a lancé un appel à une trêve humanitaire à Idleb.", "lancer appel"),
    ("Le ministre a appelé à la retenue toutes les parties.", "appeler"),
    ("Ankara accuse les milices kurdes d'avoir tiré des roquettes sur Kilis.", "accuser"),
    ("Le gouvernement syrien a qualifié de terroristes les groupes armés de la Ghouta.",
     "qualifier terroriste"),
    ("Washington a dénoncé une attaque chimique contre des civils à Douma.", "dénoncer"),
    ("L'opposition a refusé catégoriquement de participer aux pourparlers de Sotchi.",
     "refuser catégoriquement"),
    ("La Russie a rejeté le projet de résolution présenté au Conseil de sécurité.", "rejeter"),
    ("Le Hezbollah s'engage à éliminer les terroristes à la frontière libanaise.",
     "engager éliminer"),
    ("Ankara menace de lancer une offensive contre les forces kurdes.", "menacer"),
    ("Des milliers de manifestants ont défilé à Istanbul contre l'intervention russe.",
     "défiler"),
    ("L'Union européenne a imposé de nouvelles sanctions au régime syrien.",
     "imposer sanction"),
    ("La Russie a déployé des systèmes de défense antiaérienne près de Lattaquié.", "déployer"),
    ("Les forces du régime assiègent la Ghouta orientale depuis des mois.", "assiéger"),
    ("Les jihadistes ont encerclé la localité de Foua.", "encercler"),
    ("Les services de sécurité ont arrêté deux suspects à Damas.", "arrêter"),
    ("Moscou et Téhéran ont coordonné leurs opérations dans la province de Hama.",
     "coordonner"),
    ("Un attentat-suicide a tué une vingtaine de soldats à Jablé.", "attentat suicide"),
    ("Des tirs d'artillerie ont frappé les quartiers ouest de la ville.", "tir artillerie"),
    # present-tense headlines: spaCy keeps these forms as their own lemma (alt_lemmas)
    ("L'aviation russe bombarde les faubourgs d'Idleb", "bombarder"),
    ("Le régime tue vingt civils dans la Ghouta", "tuer"),
    ("Erdogan signe un accord avec Poutine à Sotchi", "signer accord"),
]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("fr_core_news_md")


def _found_in_order(wanted, lemmas):
    position = 0
    for word in wanted:
        try:
            position = lemmas.index(word, position) + 1
        except ValueError:
            return False
    return True


@pytest.mark.slow
def test_trigger_lemmas_match_spacy(nlp, triggers):
    missing = []
    for doc, (sentence, key) in zip(nlp.pipe(s for s, _ in SENTENCES), SENTENCES):
        rows = _rows(triggers, key)
        assert rows, f"no trigger {key!r} in the lexicon"
        lemmas = [t.lemma_ for t in doc]
        if not any(_found_in_order(alt.split(), lemmas) for t in rows for alt in t.keys):
            missing.append((key, sentence, lemmas))
    assert missing == []


def _participle(verb):
    """The past participle of a regular verb (-er, -ir of the second group), else None."""
    if verb.endswith("er"):
        return verb[:-2] + "é"
    if verb.endswith("ir") and not verb.endswith("oir") and verb not in _IRREGULAR_IR:
        return verb[:-2] + "i"
    return None


_IRREGULAR_IR = {"fuir", "détenir", "entretenir", "conquérir", "reconquérir", "secourir",
                 "convenir", "ouvrir", "rouvrir", "offrir", "mourir", "tenir", "obtenir",
                 "intervenir", "parvenir", "soutenir", "accueillir", "maintenir", "prévenir"}


def _plural(noun):
    if noun.endswith(("s", "x", "z")):
        return noun
    if noun.endswith("al"):
        return noun[:-2] + "aux"
    return noun + ("x" if noun.endswith(("eau", "eu")) else "s")


@pytest.mark.slow
def test_participles_and_plurals_lemmatize_to_a_key(nlp, triggers):
    """The commonest press forms (passé composé, plural nouns) give a trigger's key."""
    cases = []
    for t in triggers:
        if t.pos == "VERB" and (form := _participle(t.lemma)):
            cases.append((t, form, f"Selon l'agence, les forces ont {form} les positions."))
        elif t.pos == "NOUN" and "-" not in t.lemma:
            form = _plural(t.lemma)
            cases.append((t, form, f"Selon l'agence, les {form} ont repris dans la région."))
    wrong = []
    for doc, (trigger, form, _) in zip(nlp.pipe(c[2] for c in cases), cases):
        lemmas = [tok.lemma_ for tok in doc if tok.text == form]
        if lemmas and lemmas[0] not in trigger.keys:
            wrong.append((trigger.lemma, form, lemmas[0]))
    assert wrong == []
