"""The offline gazetteer: names to places, the traps of the Syrian war's place names."""

import gzip

import pytest

from veille import gazetteer as gazetteer_module
from veille.errors import ConfigError
from veille.gazetteer import KINDS, Entry, Gazetteer, load_gazetteer
from veille.model import Place
from veille.textnorm import name_skeleton


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_loads_once_with_every_source(gaz):
    assert load_gazetteer() is gaz
    assert len(gaz) > 40_000
    sources = {(e.source, e.kind) for e in gaz}
    assert {("curated", "site"), ("curated", "region"), ("pycountry", "country"),
            ("geonames", "city"), ("geonames", "village")} <= sources
    assert {e.kind for e in gaz} <= set(KINDS)


@pytest.mark.parametrize(
    "names, country, kind, geonames_id",
    [
        (["Alep", "Aleppo", "Halab", "حلب", "Алеппо", "ville d'Alep"],
         "SY", "city", 170063),
        (["Damas", "Damascus", "دمشق"], "SY", "city", 170654),
        (["Homs", "Hims", "حمص"], "SY", "city", 169577),
        (["Hama", "Hamah"], "SY", "city", 170017),
        (["Moscou", "Moscow", "Москва"], "RU", "city", 524901),
        (["Téhéran", "Tehran", "Teheran"], "IR", "city", 112931),
        (["Boukamal", "Abu Kamal", "Albu Kamal", "al-Bukamal", "Abou Kamal", "Al Bukamal"],
         "SY", "city", 174448),
        (["Deir ez-Zor", "Deir Ezzor", "Deir el-Zor", "Dayr az-Zawr"], "SY", "city", 170794),
        (["Idleb", "Idlib"], "SY", "city", 169389),
        (["Lattaquié", "Latakia", "Lattakia"], "SY", "city", 173576),
        (["Palmyre", "Palmyra", "Tadmur", "Tadmor"], "SY", "city", 163808),
        (["Washington"], "US", "city", 4140963),
        (["Paris"], "FR", "city", 2988507),
        (["Ankara"], "TR", "city", 323786),
        (["Astana", "Nur-Sultan", "Noursoultan"], "KZ", "city", 1526273),
        (["Islamabad"], "PK", "city", 1176615),  # a capital, not Chittagong's old name
        (["Tal Afar", "Tall Afar"], "IQ", "village", 90393),  # GeoNames gives no population
        (["Beyrouth", "Beirut", "بيروت"], "LB", "city", 276781),
        (["Bagdad", "Baghdad"], "IQ", "city", 98182),
        (["Saïda"], "LB", "city", 268064),  # Sidon, not Saïda of Algeria
    ],
)
def test_spellings_resolve_to_one_place(gaz, names, country, kind, geonames_id):
    for name in names:
        entry = gaz.resolve(name)
        assert entry is not None, name
        assert (entry.country, entry.kind, entry.geonames_id) == (country, kind, geonames_id), name


@pytest.mark.parametrize(
    "names, canonical, kind",
    [
        (["Fouaa", "al-Fu'ah", "Al-Fu’ah", "Foua"], "Fouaa", "village"),
        (["Kafaria", "Kafriya", "Kefraya", "Kafraya"], "Kafaria", "village"),
        (["Hmeimim", "Khmeimim", "base aérienne de Hmeimim"], "Hmeimim", "site"),
        (["Wadi Sabha", "Wadi al-Sabha"], "Wadi Sabha", "site"),
        (["Aziza", "al-Aziza"], "Aziza", "village"),
        (["Alep-Est", "Alep Est", "East Aleppo", "quartiers d'Alep-Est"], "Alep-Est", "district"),
        (["Cheikh Maqsoud", "Sheikh Maqsoud"], "Cheikh Maqsoud", "district"),
        (["al-Tanf", "Tanf", "base d'al-Tanf"], "Al-Tanf", "site"),
        (["Golan", "plateau du Golan", "Golan Heights"], "Golan", "region"),
        (["Euphrate", "Euphrates", "Euphrates River", "rive est de l'Euphrate"],
         "Euphrate", "river"),
        (["Mayadine", "al-Mayadin"], "Mayadine", "city"),
        (["Mohassan", "Muhassan"], "Mohassan", "village"),
        (["Saraqeb", "Saraqib"], "Saraqeb", "city"),
        (["Maarat al-Nouman", "Maaret al-Noomane"], "Maarat al-Nouman", "city"),
        (["province d'Alep", "gouvernorat d'Alep", "Aleppo Governorate"],
         "Gouvernorat d'Alep", "region"),
        (["province d'Idleb", "Idlib province"], "Gouvernorat d'Idlib", "region"),
        (["Rif Dimachq", "campagne de Damas"], "Rif Dimachq", "region"),
        (["Anbar", "province d'al-Anbar"], "Gouvernorat d'al-Anbar", "region"),
        (["province de Hatay"], "Province de Hatay", "region"),
        (["Cisjordanie", "West Bank"], "Cisjordanie", "region"),
        (["Bande de Gaza", "Gaza Strip"], "Bande de Gaza", "region"),
        (["Incirlik", "base aérienne d'Incirlik"], "Incirlik", "site"),
    ],
)
def test_curated_places(gaz, names, canonical, kind):
    for name in names:
        entry = gaz.resolve(name)
        assert entry is not None and entry.name == canonical and entry.kind == kind, name
        assert entry.curated


def test_curated_entries(gaz):
    curated = gaz.curated_entries()
    assert len(curated) > 300 and all(e.curated for e in curated)
    assert {e.name for e in curated} >= {"Alep", "Fouaa", "Hmeimim", "Syrie", "Euphrate"}


def test_a_city_and_its_governorate_share_a_name(gaz):
    assert gaz.resolve("Alep").kind == "city"
    assert gaz.resolve("province d'Alep").kind == "region"
    assert gaz.resolve("province d'Alep").admin1 == gaz.resolve("Alep").admin1 == "Alep"


def test_homs_is_the_syrian_city_not_al_khums(gaz):
    assert name_skeleton("Homs") != name_skeleton("Al Khums")
    assert {e.country for e in gaz.candidates("Homs")} == {"SY", "LY"}
    assert gaz.resolve("Homs").country == "SY"
    assert gaz.resolve("Homs", focus={"SY"}).country == "SY"
    assert gaz.resolve("Homs", focus={"LY"}).country == "LY"  # an article about Libya


def test_curated_places_beat_bigger_namesakes(gaz):
    assert gaz.resolve("القنيطرة").name == "Quneitra"  # not Kenitra, Morocco
    assert gaz.resolve("Mansoura").country == "SY"  # not Egypt's Mansoura
    assert gaz.resolve("Mansoura", focus={"EG"}).country == "EG"


@pytest.mark.parametrize("name", ["", " ", "-", "'"])
def test_empty_names(gaz, name):
    assert gaz.resolve(name) is None and gaz.candidates(name) == []


def test_hama_with_and_without_focus(gaz):
    assert gaz.resolve("Hama").country == "SY"
    assert gaz.resolve("Hama", focus={"SY"}).country == "SY"


def test_tripoli_depends_on_the_article(gaz):
    assert gaz.resolve("Tripoli").country == "LY"
    assert gaz.resolve("Tripoli", focus={"LB"}).country == "LB"
    homs = gaz.resolve("Homs")
    assert gaz.resolve("Tripoli", near=[homs]).country == "LB"  # 90 km from Homs


@pytest.mark.parametrize("word", ["Rien", "Plus", "Sous", "Est", "Nord", "Pas", "Selon", "Reste",
                                  "Sur", "Mai", "Union", "Attaque", "selon", "sur", "Xyzzyq"])
def test_common_words_are_not_places(gaz, word):
    assert gaz.resolve(word) is None


@pytest.mark.parametrize(
    "name, code, french",
    [
        ("Syrie", "SY", "Syrie"), ("Syria", "SY", "Syrie"), ("سوريا", "SY", "Syrie"),
        ("Russie", "RU", "Russie"), ("Fédération de Russie", "RU", "Russie"),
        ("Россия", "RU", "Russie"), ("Iran", "IR", "Iran"),
        ("Royaume-Uni", "GB", "Royaume-Uni"),
        ("États-Unis", "US", "États-Unis"), ("Etats-Unis", "US", "États-Unis"),
        ("Corée du Sud", "KR", "Corée du Sud"), ("Turquie", "TR", "Turquie"),
        ("Arabie saoudite", "SA", "Arabie saoudite"),
        ("Émirats arabes unis", "AE", "Émirats arabes unis"),
        ("Allemagne", "DE", "Allemagne"), ("Chine", "CN", "Chine"),
    ],
)
def test_countries_by_name(gaz, name, code, french):
    entry = gaz.resolve(name)
    assert (entry.kind, entry.country, entry.name) == ("country", code, french)
    assert gaz.country(name) == entry


def test_countries_by_code(gaz):
    assert gaz.country("SY") == gaz.country("SYR") == gaz.country("Syrie")
    assert gaz.country("sy").name == "Syrie"
    assert gaz.country("RUS").name == "Russie"
    assert gaz.country("Alep") is None
    assert gaz.country("ZZ") is None


def test_every_iso_country_is_there(gaz):
    import pycountry

    missing = [c.alpha_2 for c in pycountry.countries if gaz.country(c.alpha_2) is None]
    assert missing == []


def test_region_countries_sit_at_a_centroid_others_at_their_capital(gaz):
    syria, france = gaz.country("SY"), gaz.country("FR")
    assert syria.curated and (syria.lat, syria.lon) == (35.0, 38.5)
    paris = gaz.resolve("Paris")
    assert not france.curated and france.km_to(paris) < 5


def test_curated_entries_absorb_their_geonames_twins(gaz):
    assert [e.name for e in gaz.candidates("Aleppo")] == ["Alep"]
    alep = gaz.resolve("Alep")
    assert alep.population > 1_000_000 and "Aleppo" in alep.aliases
    assert len([e for e in gaz.candidates("Palmyra") if e.country == "SY"]) == 1


def test_to_place_keeps_the_article_spelling(gaz):
    place = gaz.resolve("Aleppo").to_place("Aleppo")
    assert isinstance(place, Place)
    assert place.name == "Aleppo" and place.aliases[0] == "Alep"
    assert (place.country, place.kind, place.geonames_id) == ("SY", "city", 170063)
    assert abs(place.lat - 36.201) < 0.01 and abs(place.lon - 37.161) < 0.01
    assert not any("\u0400" <= ch <= "\u06ff" for a in place.aliases for ch in a)  # Latin only
    assert gaz.resolve("Damas").to_place().name == "Damas"


# --- small gazetteers built by hand ----------------------------------------------------

def _entry(name, country, lat, lon, population=0, *, kind="village", source="geonames", aliases=()):
    return Entry(name=name, kind=kind, country=country, lat=lat, lon=lon, geonames_id=None,
                 population=population, aliases=tuple(aliases), source=source)


@pytest.fixture
def small() -> Gazetteer:
    return Gazetteer.from_entries([
        _entry("Salhiyé", "SY", 34.46, 40.90, 800),
        _entry("Salhiyé", "EG", 30.80, 31.90, 900),
        _entry("Kaboul", "SY", 35.00, 38.00, 600),
        _entry("Boukamal", "SY", 34.452, 40.919, 57_000, kind="city"),
        _entry("Boukamal", "SY", 34.45, 40.92, 0, kind="city", source="curated",
               aliases=("al-Bukamal",)),
        _entry("Syrie", "SY", 35.0, 38.5, 17_000_000, kind="country", source="curated"),
        _entry("Pas", "IR", 30.0, 50.0, 850),
    ], common_words=["pas"])


def test_small_places_need_support_from_the_article(small):
    assert small.resolve("Salhiyé") is None  # two villages, nothing to choose
    assert small.resolve("Salhiyé", focus={"SY"}).country == "SY"
    boukamal = small.resolve("Boukamal")
    assert small.resolve("Salhiyé", near=[boukamal]).country == "SY"
    assert small.resolve("Kaboul") is None
    assert small.resolve("Kaboul", focus={"SY"}).country == "SY"
    # a country alone is not enough
    assert small.resolve("Kaboul", near=[small.country("SY")]) is None
    assert small.resolve("Pas", focus={"IR"}) is None  # common word


def test_curated_twin_is_merged(small):
    assert len(small) == 6
    [boukamal] = small.candidates("al-Bukamal")
    assert boukamal.curated and boukamal.population == 57_000
    assert small.candidates("Boukamal") == [boukamal]


def test_candidates_fall_back_to_skeletons(small):
    assert small.candidates("Bukamal")[0].name == "Boukamal"
    assert small.candidates("Bukam") == []


# --- broken data -----------------------------------------------------------------------

def test_missing_data_file_is_a_config_error(monkeypatch):
    monkeypatch.setattr(gazetteer_module, "DATA_FILE", "gazetteer-missing.tsv.gz")
    with pytest.raises(ConfigError, match="gazetteer-missing.tsv.gz"):
        load_gazetteer.__wrapped__()


@pytest.mark.parametrize("data", [b"not gzip", gzip.compress(b"# something else\n"),
                                  gzip.compress(b"# veille-gazetteer 2; x\nname\n\n\n")])
def test_corrupt_data_file_is_a_config_error(data):
    with pytest.raises(ConfigError, match="rebuild"):
        gazetteer_module._read_extract(data)


def test_curated_kinds_are_checked():
    text = "name,kind,country,admin1,lat,lon,geonames_id,aliases,note\nX,lake,SY,,1,2,,,\n"
    with pytest.raises(ConfigError, match="kind 'lake'"):
        gazetteer_module._read_curated(text)


def test_an_index_built_with_other_name_keys_is_rebuilt():
    columns = "\t".join(gazetteer_module.COLUMNS)
    text = (f"# {gazetteer_module.FORMAT}; test\n{columns}\n"
            "170063\tcity\tSY\tAlep\tAleppo\t36.2\t37.16\t2098210\tAlep|حلب\t\n"
            "\nstale key\t0\n\n")
    with pytest.warns(UserWarning, match="other name keys"):
        rebuilt = gazetteer_module._read_extract(gzip.compress(text.encode()))
    assert [e.geonames_id for e in rebuilt.candidates("حلب")] == [170063]
