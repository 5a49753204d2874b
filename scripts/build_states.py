"""Build ``veille/resources/states.csv``: the states the press names as actors.

One row per state: the 193 members of the United Nations, the two observer states
(Palestine, the Holy See) and two states outside the UN that the press treats as
actors (Kosovo, Taiwan). ISO codes and the Arabic and Russian names come from
pycountry and its gettext catalogues; the common French and English names, the
capitals, the demonyms, the government metonyms and the Wikidata ids are written
below as facts, because pycountry's forms are official and inverted ("Russie,
Fédération de") and it has no capitals or demonyms.

Run from the repository root; the output is the same on every run:

    .venv/bin/python scripts/build_states.py
"""

from __future__ import annotations

import csv
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "veille" / "resources" / "states.csv"

COLUMNS = [
    "iso3", "iso2", "status", "name_fr", "name_en", "name_ar", "name_ru",
    "official_fr", "official_en", "capital_fr", "capital_en", "capital_metonym",
    "metonyms", "demonyms_fr", "demonyms_en", "wikidata",
]  # fmt: skip

# The 193 member states of the United Nations (South Sudan, 2011, is the last admitted).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()
UN_OBSERVERS = ["PSE", "VAT"]  # non-member observer states
OTHERS = ["XKX", "TWN"]  # not UN members, named as actors by the press

# Not in ISO 3166-1: Kosovo takes the user-assigned codes in common use (XK, XKX: EU, World Bank).
NOT_IN_PYCOUNTRY = {
    "XKX": {"iso2": "XK", "name_en": "Kosovo", "official_en": "Republic of Kosovo",
            "name_ar": "كوسوفو", "name_ru": "Косово", "official_fr": "République du Kosovo"},
}  # fmt: skip

# iso3 ; capital_fr ; capital_en ; French demonyms ; English demonyms
# Alternatives are separated by "|". A French demonym is "masculine/feminine" (one form
# when invariable); the plurals are derived. "!" before a demonym lists its forms as-is.
# A capital marked "*" is not used as a metonym for the government (it is ambiguous:
# Tripoli is also a Lebanese city, Bruxelles stands for the EU, Vienne for talks).
TABLE = """
AFG;Kaboul;Kabul;afghan/afghane;Afghan
ALB;Tirana;Tirana;albanais/albanaise;Albanian
DZA;Alger;Algiers;algérien/algérienne;Algerian
AND;*Andorre-la-Vieille;Andorra la Vella;andorran/andorrane;Andorran
AGO;Luanda;Luanda;angolais/angolaise;Angolan
ATG;*Saint John's;Saint John's;antiguais/antiguaise;Antiguan
ARG;Buenos Aires;Buenos Aires;argentin/argentine;Argentine|Argentinian
ARM;Erevan;Yerevan;arménien/arménienne;Armenian
AUS;Canberra;Canberra;australien/australienne;Australian
AUT;*Vienne;Vienna;autrichien/autrichienne;Austrian
AZE;Bakou;Baku;azerbaïdjanais/azerbaïdjanaise|azéri/azérie;Azerbaijani|Azeri
BHS;Nassau;Nassau;bahaméen/bahaméenne;Bahamian
BHR;Manama;Manama;bahreïni/bahreïnie|bahreïnien/bahreïnienne;Bahraini
BGD;Dacca|Dhaka;Dhaka;bangladais/bangladaise;Bangladeshi
BRB;Bridgetown;Bridgetown;barbadien/barbadienne;Barbadian
BLR;Minsk;Minsk;biélorusse|bélarusse;Belarusian
BEL;*Bruxelles;Brussels;belge;Belgian
BLZ;Belmopan;Belmopan;bélizien/bélizienne;Belizean
BEN;Porto-Novo;Porto-Novo;béninois/béninoise;Beninese
BTN;Thimphou;Thimphu;bhoutanais/bhoutanaise;Bhutanese
BOL;Sucre|La Paz;Sucre|La Paz;bolivien/bolivienne;Bolivian
BIH;Sarajevo;Sarajevo;bosnien/bosnienne;Bosnian
BWA;Gaborone;Gaborone;botswanais/botswanaise;Botswanan
BRA;Brasilia;Brasília;brésilien/brésilienne;Brazilian
BRN;Bandar Seri Begawan;Bandar Seri Begawan;brunéien/brunéienne;Bruneian
BGR;Sofia;Sofia;bulgare;Bulgarian
BFA;Ouagadougou;Ouagadougou;!burkinabè|burkinabé|burkinabés|burkinabées;Burkinabe
BDI;Gitega;Gitega;burundais/burundaise;Burundian
CPV;Praia;Praia;cap-verdien/cap-verdienne;Cape Verdean
KHM;Phnom Penh;Phnom Penh;cambodgien/cambodgienne;Cambodian
CMR;Yaoundé;Yaoundé;camerounais/camerounaise;Cameroonian
CAN;Ottawa;Ottawa;canadien/canadienne;Canadian
CAF;Bangui;Bangui;centrafricain/centrafricaine;Central African
TCD;N'Djamena;N'Djamena;tchadien/tchadienne;Chadian
CHL;*Santiago;Santiago;chilien/chilienne;Chilean
CHN;Pékin;Beijing;chinois/chinoise;Chinese
COL;Bogota;Bogotá;colombien/colombienne;Colombian
COM;Moroni;Moroni;comorien/comorienne;Comorian
COG;Brazzaville;Brazzaville;congolais/congolaise;Congolese
COD;Kinshasa;Kinshasa;congolais/congolaise;Congolese
CRI;*San José;San José;costaricien/costaricienne;Costa Rican
CIV;Yamoussoukro;Yamoussoukro;ivoirien/ivoirienne;Ivorian
HRV;Zagreb;Zagreb;croate;Croatian
CUB;La Havane;Havana;cubain/cubaine;Cuban
CYP;Nicosie;Nicosia;chypriote|cypriote;Cypriot
CZE;Prague;Prague;tchèque;Czech
PRK;Pyongyang;Pyongyang;nord-coréen/nord-coréenne;North Korean
DNK;Copenhague;Copenhagen;danois/danoise;Danish
DJI;*Djibouti;Djibouti;djiboutien/djiboutienne;Djiboutian
DMA;*Roseau;Roseau;dominiquais/dominiquaise;Dominican
DOM;Saint-Domingue;Santo Domingo;dominicain/dominicaine;Dominican
ECU;Quito;Quito;équatorien/équatorienne;Ecuadorian
EGY;Le Caire;Cairo;égyptien/égyptienne;Egyptian
SLV;San Salvador;San Salvador;salvadorien/salvadorienne;Salvadoran
GNQ;Malabo;Malabo;équato-guinéen/équato-guinéenne;Equatorial Guinean|Equatoguinean
ERI;Asmara;Asmara;érythréen/érythréenne;Eritrean
EST;Tallinn;Tallinn;estonien/estonienne;Estonian
SWZ;Mbabane;Mbabane;swazi/swazie;Swazi
ETH;Addis-Abeba;Addis Ababa;éthiopien/éthiopienne;Ethiopian
FJI;Suva;Suva;fidjien/fidjienne;Fijian
FIN;Helsinki;Helsinki;finlandais/finlandaise;Finnish
FRA;Paris;Paris;français/française;French
GAB;Libreville;Libreville;gabonais/gabonaise;Gabonese
GMB;Banjul;Banjul;gambien/gambienne;Gambian
GEO;Tbilissi;Tbilisi;géorgien/géorgienne;Georgian
DEU;Berlin;Berlin;allemand/allemande;German
GHA;Accra;Accra;ghanéen/ghanéenne;Ghanaian
GRC;Athènes;Athens;grec/grecque;Greek
GRD;*Saint-Georges;St. George's;grenadien/grenadienne;Grenadian
GTM;*Guatemala;Guatemala City;guatémaltèque;Guatemalan
GIN;Conakry;Conakry;guinéen/guinéenne;Guinean
GNB;Bissau;Bissau;bissau-guinéen/bissau-guinéenne;Bissau-Guinean
GUY;*Georgetown;Georgetown;guyanien/guyanienne;Guyanese
HTI;Port-au-Prince;Port-au-Prince;haïtien/haïtienne;Haitian
HND;Tegucigalpa;Tegucigalpa;hondurien/hondurienne;Honduran
HUN;Budapest;Budapest;hongrois/hongroise;Hungarian
ISL;Reykjavik;Reykjavík;islandais/islandaise;Icelandic
IND;New Delhi;New Delhi;indien/indienne;Indian
IDN;Jakarta;Jakarta;indonésien/indonésienne;Indonesian
IRN;Téhéran;Tehran;iranien/iranienne;Iranian
IRQ;Bagdad;Baghdad;irakien/irakienne|iraquien/iraquienne;Iraqi
IRL;Dublin;Dublin;irlandais/irlandaise;Irish
ISR;*Jérusalem;Jerusalem;israélien/israélienne;Israeli
ITA;Rome;Rome;italien/italienne;Italian
JAM;*Kingston;Kingston;jamaïcain/jamaïcaine;Jamaican
JPN;Tokyo;Tokyo;japonais/japonaise;Japanese
JOR;Amman;Amman;jordanien/jordanienne;Jordanian
KAZ;Astana|Nour-Soultan;Astana|Nur-Sultan;kazakh/kazakhe|kazakhstanais/kazakhstanaise;Kazakh|Kazakhstani
KEN;Nairobi;Nairobi;kényan/kényane;Kenyan
KIR;Tarawa;Tarawa;kiribatien/kiribatienne;I-Kiribati
KWT;*Koweït;Kuwait City;koweïtien/koweïtienne;Kuwaiti
KGZ;Bichkek;Bishkek;kirghiz/kirghize;Kyrgyz
LAO;Vientiane;Vientiane;laotien/laotienne;Laotian|Lao
LVA;Riga;Riga;letton/lettone;Latvian
LBN;Beyrouth;Beirut;libanais/libanaise;Lebanese
LSO;Maseru;Maseru;lésothien/lésothienne;Basotho
LBR;Monrovia;Monrovia;libérien/libérienne;Liberian
LBY;*Tripoli;Tripoli;libyen/libyenne;Libyan
LIE;Vaduz;Vaduz;liechtensteinois/liechtensteinoise;Liechtensteiner
LTU;Vilnius;Vilnius;lituanien/lituanienne;Lithuanian
LUX;*Luxembourg;Luxembourg;luxembourgeois/luxembourgeoise;Luxembourgish
MDG;Antananarivo;Antananarivo;malgache;Malagasy
MWI;Lilongwe;Lilongwe;malawite|malawien/malawienne;Malawian
MYS;Kuala Lumpur;Kuala Lumpur;malaisien/malaisienne;Malaysian
MDV;Malé;Malé;maldivien/maldivienne;Maldivian
MLI;Bamako;Bamako;malien/malienne;Malian
MLT;La Valette;Valletta;maltais/maltaise;Maltese
MHL;Majuro;Majuro;marshallais/marshallaise;Marshallese
MRT;Nouakchott;Nouakchott;mauritanien/mauritanienne;Mauritanian
MUS;Port-Louis;Port Louis;mauricien/mauricienne;Mauritian
MEX;*Mexico;Mexico City;mexicain/mexicaine;Mexican
FSM;Palikir;Palikir;micronésien/micronésienne;Micronesian
MCO;*Monaco;Monaco;monégasque;Monegasque
MNG;Oulan-Bator;Ulaanbaatar;mongol/mongole;Mongolian
MNE;Podgorica;Podgorica;monténégrin/monténégrine;Montenegrin
MAR;Rabat;Rabat;marocain/marocaine;Moroccan
MOZ;Maputo;Maputo;mozambicain/mozambicaine;Mozambican
MMR;Naypyidaw;Naypyidaw;birman/birmane;Burmese
NAM;Windhoek;Windhoek;namibien/namibienne;Namibian
NRU;Yaren;Yaren;nauruan/nauruane;Nauruan
NPL;Katmandou;Kathmandu;népalais/népalaise;Nepali|Nepalese
NLD;*Amsterdam;Amsterdam;néerlandais/néerlandaise;Dutch
NZL;Wellington;Wellington;néo-zélandais/néo-zélandaise;New Zealand
NIC;Managua;Managua;nicaraguayen/nicaraguayenne;Nicaraguan
NER;Niamey;Niamey;nigérien/nigérienne;Nigerien
NGA;Abuja;Abuja;nigérian/nigériane;Nigerian
MKD;Skopje;Skopje;macédonien/macédonienne|nord-macédonien/nord-macédonienne;Macedonian|North Macedonian
NOR;Oslo;Oslo;norvégien/norvégienne;Norwegian
OMN;Mascate;Muscat;omanais/omanaise;Omani
PAK;Islamabad;Islamabad;pakistanais/pakistanaise;Pakistani
PLW;Ngerulmud;Ngerulmud;palaosien/palaosienne;Palauan
PAN;*Panama;Panama City;panaméen/panaméenne;Panamanian
PNG;Port Moresby;Port Moresby;papouan-néo-guinéen/papouane-néo-guinéenne;Papua New Guinean
PRY;Asuncion;Asunción;paraguayen/paraguayenne;Paraguayan
PER;Lima;Lima;péruvien/péruvienne;Peruvian
PHL;Manille;Manila;philippin/philippine;Filipino|Philippine
POL;Varsovie;Warsaw;polonais/polonaise;Polish
PRT;Lisbonne;Lisbon;portugais/portugaise;Portuguese
QAT;Doha;Doha;qatari/qatarie|qatarien/qatarienne;Qatari
KOR;Séoul;Seoul;sud-coréen/sud-coréenne;South Korean
MDA;Chisinau;Chișinău;moldave;Moldovan
ROU;Bucarest;Bucharest;roumain/roumaine;Romanian
RUS;Moscou;Moscow;russe;Russian
RWA;Kigali;Kigali;rwandais/rwandaise;Rwandan
KNA;Basseterre;Basseterre;kittitien/kittitienne;Kittitian
LCA;Castries;Castries;saint-lucien/saint-lucienne;Saint Lucian
VCT;Kingstown;Kingstown;vincentais/vincentaise;Vincentian
WSM;Apia;Apia;samoan/samoane;Samoan
SMR;*Saint-Marin;San Marino;saint-marinais/saint-marinaise;Sammarinese
STP;Sao Tomé;São Tomé;santoméen/santoméenne;Santomean
SAU;Riyad;Riyadh;saoudien/saoudienne;Saudi
SEN;Dakar;Dakar;sénégalais/sénégalaise;Senegalese
SRB;Belgrade;Belgrade;serbe;Serbian
SYC;*Victoria;Victoria;seychellois/seychelloise;Seychellois
SLE;Freetown;Freetown;sierra-léonais/sierra-léonaise;Sierra Leonean
SGP;*Singapour;Singapore;singapourien/singapourienne;Singaporean
SVK;Bratislava;Bratislava;slovaque;Slovak
SVN;Ljubljana;Ljubljana;slovène;Slovenian|Slovene
SLB;Honiara;Honiara;salomonais/salomonaise;Solomon Islander
SOM;Mogadiscio;Mogadishu;somalien/somalienne;Somali
ZAF;Pretoria;Pretoria;sud-africain/sud-africaine;South African
SSD;Djouba;Juba;sud-soudanais/sud-soudanaise;South Sudanese
ESP;Madrid;Madrid;espagnol/espagnole;Spanish
LKA;*Sri Jayawardenapura Kotte;Sri Jayawardenepura Kotte;sri-lankais/sri-lankaise|srilankais/srilankaise;Sri Lankan
SDN;Khartoum;Khartoum;soudanais/soudanaise;Sudanese
SUR;Paramaribo;Paramaribo;surinamais/surinamaise;Surinamese
SWE;Stockholm;Stockholm;suédois/suédoise;Swedish
CHE;Berne;Bern;suisse;Swiss
SYR;Damas;Damascus;syrien/syrienne;Syrian
TJK;Douchanbé;Dushanbe;tadjik/tadjike;Tajik
THA;Bangkok;Bangkok;thaïlandais/thaïlandaise;Thai
TLS;Dili;Dili;timorais/timoraise|est-timorais/est-timoraise;Timorese
TGO;Lomé;Lomé;togolais/togolaise;Togolese
TON;Nuku'alofa;Nuku'alofa;tongien/tongienne;Tongan
TTO;Port-d'Espagne;Port of Spain;trinidadien/trinidadienne;Trinidadian
TUN;Tunis;Tunis;tunisien/tunisienne;Tunisian
TUR;Ankara;Ankara;turc/turque;Turkish
TKM;Achgabat;Ashgabat;turkmène;Turkmen
TUV;Funafuti;Funafuti;tuvaluan/tuvaluane;Tuvaluan
UGA;Kampala;Kampala;ougandais/ougandaise;Ugandan
UKR;Kiev|Kyiv;Kyiv|Kiev;ukrainien/ukrainienne;Ukrainian
ARE;Abou Dhabi;Abu Dhabi;émirati/émiratie;Emirati
GBR;Londres;London;britannique;British
TZA;Dodoma;Dodoma;tanzanien/tanzanienne;Tanzanian
USA;Washington;Washington;américain/américaine|états-unien/états-unienne;American
URY;Montevideo;Montevideo;uruguayen/uruguayenne;Uruguayan
UZB;Tachkent;Tashkent;ouzbek/ouzbèke;Uzbek
VUT;Port-Vila;Port Vila;vanuatais/vanuataise;Ni-Vanuatu
VEN;Caracas;Caracas;vénézuélien/vénézuélienne;Venezuelan
VNM;Hanoï;Hanoi;vietnamien/vietnamienne;Vietnamese
YEM;*Sanaa;Sanaa|Sana'a;yéménite;Yemeni
ZMB;Lusaka;Lusaka;zambien/zambienne;Zambian
ZWE;Harare;Harare;zimbabwéen/zimbabwéenne;Zimbabwean
PSE;*Jérusalem-Est;East Jerusalem;palestinien/palestinienne;Palestinian
VAT;*Vatican;Vatican City;!vatican|vaticane|vaticans|vaticanes;Vatican
XKX;Pristina;Pristina;kosovar/kosovare;Kosovar|Kosovan
TWN;Taipei;Taipei;taïwanais/taïwanaise;Taiwanese
"""

# Common names where pycountry gives an official or inverted form.
NAME_FR = {
    "BLR": "Biélorussie", "BOL": "Bolivie", "BRN": "Brunei", "GNQ": "Guinée équatoriale",
    "IRN": "Iran", "KOR": "Corée du Sud", "LAO": "Laos", "FSM": "Micronésie",
    "MDA": "Moldavie", "PRK": "Corée du Nord", "PSE": "Palestine", "RUS": "Russie",
    "SLB": "Îles Salomon", "SYR": "Syrie", "TWN": "Taïwan", "TZA": "Tanzanie",
    "VAT": "Vatican", "VEN": "Venezuela", "VNM": "Vietnam", "XKX": "Kosovo",
    "COG": "Congo",
}  # fmt: skip
NAME_EN = {
    "BRN": "Brunei", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "PSE": "Palestine", "RUS": "Russia", "TUR": "Turkey", "VAT": "Vatican",
}  # fmt: skip
NAME_AR = {
    "BOL": "بوليفيا", "COD": "جمهورية الكونغو الديمقراطية", "FSM": "ميكرونيزيا",
    "HUN": "المجر", "IRN": "إيران", "KOR": "كوريا الجنوبية", "LAO": "لاوس", "MDA": "مولدوفا",
    "PRK": "كوريا الشمالية", "RUS": "روسيا", "SRB": "صربيا", "SYR": "سوريا", "TUR": "تركيا",
    "TWN": "تايوان", "TZA": "تنزانيا", "VAT": "الفاتيكان", "VEN": "فنزويلا", "VNM": "فيتنام",
}  # fmt: skip
NAME_RU = {
    "GBR": "Великобритания", "KOR": "Южная Корея", "LAO": "Лаос", "MDA": "Молдавия",
    "PRK": "Северная Корея", "RUS": "Россия", "SYR": "Сирия", "TWN": "Тайвань",
    "USA": "США", "VAT": "Ватикан", "VEN": "Венесуэла", "DOM": "Доминиканская Республика",
    "CAF": "Центральноафриканская Республика", "FSM": "Микронезия",
}  # fmt: skip
# Official French names where pycountry's is inverted or missing.
OFFICIAL_FR = {
    "BOL": "État plurinational de Bolivie", "IRN": "République islamique d'Iran",
    "KOR": "République de Corée", "LAO": "République démocratique populaire lao",
    "MDA": "République de Moldavie", "PRK": "République populaire démocratique de Corée",
    "RUS": "Fédération de Russie", "SLB": "Îles Salomon", "SYR": "République arabe syrienne",
    "TZA": "République unie de Tanzanie", "VEN": "République bolivarienne du Venezuela",
    "FSM": "États fédérés de Micronésie", "VAT": "Saint-Siège", "TWN": "République de Chine",
    "PSE": "État de Palestine", "COD": "République démocratique du Congo",
    "COG": "République du Congo", "ERI": "État d'Érythrée", "BTN": "Royaume du Bhoutan",
    "BGD": "République populaire du Bangladesh", "MUS": "République de Maurice",
}  # fmt: skip
OFFICIAL_EN = {
    "VAT": "Holy See", "TWN": "Republic of China", "PSE": "State of Palestine",
    "COD": "Democratic Republic of the Congo", "KOR": "Republic of Korea", "ERI": "State of Eritrea",
}  # fmt: skip

# Other names of a seat of power that the press uses for a government as a whole.
# Metonyms for one ministry (le Pentagone, le Quai d'Orsay, Beauvau, l'hôtel de Brienne)
# or one body (le Capitole, Langley) are aliases of that actor in actors.csv instead.
METONYMS = {
    "RUS": "Kremlin",
    "USA": "Maison Blanche|Maison-Blanche|White House",
    "FRA": "Élysée",
    "GBR": "Downing Street",
    "ISR": "Tel-Aviv|Tel Aviv",
    "PSE": "Ramallah",
}

# Wikidata items of the states, only those known for certain; the rest stay blank.
WIKIDATA = {
    "AFG": "Q889", "ARM": "Q399", "AUS": "Q408", "AUT": "Q40", "AZE": "Q227", "BEL": "Q31",
    "BHR": "Q398", "BLR": "Q184", "BRA": "Q155", "CAN": "Q16", "CHE": "Q39", "CHN": "Q148",
    "CYP": "Q229", "DEU": "Q183", "DNK": "Q35", "DZA": "Q262", "EGY": "Q79", "ESP": "Q29",
    "FIN": "Q33", "FRA": "Q142", "GBR": "Q145", "GEO": "Q230", "GRC": "Q41", "HUN": "Q28",
    "IND": "Q668", "IRL": "Q27", "IRN": "Q794", "IRQ": "Q796", "ISR": "Q801", "ITA": "Q38",
    "JOR": "Q810", "JPN": "Q17", "KAZ": "Q232", "KOR": "Q884", "KWT": "Q817", "LBN": "Q822",
    "LBY": "Q1016", "MAR": "Q1028", "MEX": "Q96", "NLD": "Q55", "NOR": "Q20", "OMN": "Q842",
    "PAK": "Q843", "POL": "Q36", "PRK": "Q423", "PRT": "Q45", "PSE": "Q219060", "QAT": "Q846",
    "ARE": "Q878", "RUS": "Q159", "SAU": "Q851", "SDN": "Q1049", "SWE": "Q34", "SYR": "Q858",
    "TUN": "Q948", "TUR": "Q43", "TWN": "Q865", "UKR": "Q212", "USA": "Q30", "VAT": "Q237",
    "XKX": "Q1246", "YEM": "Q805",
}  # fmt: skip

_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")


def plural(word: str) -> str:
    """French plural of an adjective: -s, -x and -z stay; -al becomes -aux."""
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def french_forms(spec: str) -> list[str]:
    """'iranien/iranienne' -> iranien, iranienne, iraniens, iraniennes (in that order)."""
    forms: list[str] = []
    if spec.startswith("!"):
        return spec[1:].split("|")
    for item in spec.split("|"):
        masc, _, fem = item.partition("/")
        fem = fem or masc
        forms += [masc, fem, plural(masc), plural(fem)]
    return list(dict.fromkeys(forms))


def clean_arabic(name: str) -> str:
    """Arabic without vowel marks and shadda, the way the press writes it."""
    return " ".join(_ARABIC_MARKS.sub("", unicodedata.normalize("NFC", name)).split())


def build() -> list[dict[str, str]]:
    codes = UN_MEMBERS + UN_OBSERVERS + OTHERS
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    assert len(set(codes)) == len(codes)
    table = {}
    for line in TABLE.strip().splitlines():
        iso3, cap_fr, cap_en, dem_fr, dem_en = line.split(";")
        table[iso3] = (cap_fr, cap_en, dem_fr, dem_en)
    assert set(table) == set(codes), set(codes) ^ set(table)

    catalogues = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("fr", "ar", "ru")
    }
    rows = []
    for iso3 in codes:
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None:
            extra = NOT_IN_PYCOUNTRY[iso3]
            iso2, name_en, official_en = extra["iso2"], extra["name_en"], extra["official_en"]
            name_fr_raw, official_fr_raw = "", extra["official_fr"]
            name_ar, name_ru = extra["name_ar"], extra["name_ru"]
        else:
            iso2 = country.alpha_2
            official_en = getattr(country, "official_name", "") or country.name
            name_en = getattr(country, "common_name", "") or country.name
            name_fr_raw = catalogues["fr"].gettext(country.name)
            official_fr_raw = catalogues["fr"].gettext(official_en)
            name_ar = clean_arabic(catalogues["ar"].gettext(country.name))
            name_ru = catalogues["ru"].gettext(country.name)
        name_fr = NAME_FR.get(iso3, name_fr_raw)
        official_fr = OFFICIAL_FR.get(iso3, official_fr_raw)
        if official_fr == official_en and iso3 not in OFFICIAL_FR:  # no French translation
            official_fr = name_fr
        cap_fr, cap_en, dem_fr, dem_en = table[iso3]
        row = {
            "iso3": iso3,
            "iso2": iso2,
            "status": "un_member" if iso3 in UN_MEMBERS else "un_observer" if iso3 in UN_OBSERVERS else "other",
            "name_fr": name_fr,
            "name_en": NAME_EN.get(iso3, name_en),
            "name_ar": NAME_AR.get(iso3, name_ar),
            "name_ru": NAME_RU.get(iso3, name_ru),
            "official_fr": official_fr,
            "official_en": OFFICIAL_EN.get(iso3, official_en),
            "capital_fr": cap_fr.lstrip("*"),
            "capital_en": cap_en,
            "capital_metonym": "0" if cap_fr.startswith("*") else "1",
            "metonyms": METONYMS.get(iso3, ""),
            "demonyms_fr": "|".join(french_forms(dem_fr)),
            "demonyms_en": dem_en,
            "wikidata": WIKIDATA.get(iso3, ""),
        }
        for key in ("name_fr", "name_en", "name_ar", "name_ru", "official_fr", "official_en"):
            assert row[key] and "," not in row[key] and "،" not in row[key], (iso3, key, row[key])
        rows.append(row)
    rows.sort(key=lambda r: r["iso3"])
    return rows


def main() -> int:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} states ({sum(r['status'] == 'un_member' for r in rows)} UN members)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
