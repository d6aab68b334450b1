"""A synthetic corpus of Dutch parliamentary questions and answers (invented vocabulary).

Used by bench/search.py. Deterministic for a given seed; streams Documents so memory stays flat.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from kamerqa.model import Answer, Document, Identifiers, Metadata, Person, Question, Source

PARTIES = ("VVD", "PVV", "GroenLinks-PvdA", "NSC", "D66", "BBB", "CDA", "SP", "SGP", "Volt",
           "ChristenUnie", "PvdD", "JA21", "FvD", "DENK", "50PLUS")  # fmt: skip
NAMES = (
    "De Vries",
    "Jansen",
    "Van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "De Graaf",
    "Van der Meer",
    "Kok",
)
# ministry -> topic words (nouns, many compounds), as they occur in questions on that field
TOPICS: dict[str, tuple[str, ...]] = {
    "Defensie": ("drones", "dronemuur", "droneafweer", "luchtverdediging", "fregatten",
                 "munitievoorraad", "krijgsmacht", "reservisten", "kazernes", "F-35",
                 "Patriot-systemen", "defensie-industrie", "NAVO-norm", "oostflank",
                 "militairen", "veteranen", "dienstplicht", "materieel", "onderzeeboten"),
    "Volksgezondheid, Welzijn en Sport": ("huisartsen", "wachtlijsten", "jeugdzorg", "ggz",
                 "zorgverzekeraar", "eigen risico", "verpleeghuizen", "mantelzorgers",
                 "geneesmiddelen", "ziekenhuizen", "ambulancezorg", "eerste lijn", "vaccinaties",
                 "long covid", "sportverenigingen", "thuiszorg", "zorgpremie"),
    "Volkshuisvesting en Ruimtelijke Ordening": ("huurtoeslag", "sociale huurwoningen",
                 "woningcorporaties", "huurprijzen", "starterswoningen", "bouwvergunningen",
                 "woningtekort", "flexwoningen", "huisuitzettingen", "verduurzaming"),
    "Klimaat en Groene Groei": ("netcongestie", "windparken", "zonnepanelen", "warmtepompen",
                 "energieprijzen", "waterstof", "kerncentrales", "stroomnet", "isolatie",
                 "gaswinning", "energiearmoede", "laadpalen", "CO2-uitstoot"),
    "Landbouw, Visserij, Voedselzekerheid en Natuur": ("stikstof", "boeren", "natuurgebieden",
                 "mestbeleid", "dierenwelzijn", "veetransport", "visserij", "gewasbescherming",
                 "uitkoopregeling", "vogelgriep", "stalbranden", "bijen"),
    "Asiel en Migratie": ("asielzoekers", "noodopvang", "azc", "statushouders", "nareizigers",
                 "spreidingswet", "IND", "asielprocedure", "inburgering", "arbeidsmigranten"),
    "Justitie en Veiligheid": ("politie", "wijkagenten", "ondermijning", "drugslabs",
                 "gevangenissen", "cybercriminaliteit", "boa's", "rechtspraak", "slachtoffers",
                 "femicide", "explosies", "witwassen", "politiehonden"),
    "Onderwijs, Cultuur en Wetenschap": ("lerarentekort", "basisonderwijs", "mbo-studenten",
                 "studiefinanciering", "leesvaardigheid", "schooluitval", "musea",
                 "publieke omroep", "universiteiten", "internationale studenten"),
    "Infrastructuur en Waterstaat": ("Schiphol", "geluidsoverlast", "spoorwegen", "NS",
                 "snelwegen", "files", "dijkversterking", "drinkwater", "verkeersveiligheid",
                 "vrachtwagenheffing", "bruggen", "luchtvaart"),
    "Financiën": ("belastingdienst", "toeslagenaffaire", "btw-verhoging", "box 3",
                  "inflatie", "koopkracht", "staatsschuld", "banken", "hersteloperatie"),
    "Sociale Zaken en Werkgelegenheid": ("bijstand", "minimumloon", "armoede", "AOW",
                 "WIA", "arbeidsongeschiktheid", "kinderopvangtoeslag", "schuldhulpverlening",
                 "pensioenfondsen", "uitkeringen"),
}  # fmt: skip
COMMITTEES = {m: f"vaste commissie voor {m.split(',')[0]}" for m in TOPICS}
OPENERS = ("Bent u bekend met het bericht dat", "Klopt het dat", "Kunt u aangeven hoeveel",
           "Deelt u de mening dat", "Wat is uw reactie op het rapport waaruit blijkt dat",
           "Hoe beoordeelt u de situatie waarin", "Welke maatregelen neemt u nu",
           "Kunt u toelichten waarom", "Bent u bereid om te onderzoeken of",
           "Hoeveel gemeenten melden dat", "Wanneer informeert u de Kamer over")  # fmt: skip
CLAUSES = ("de {a} in de regio sterk zijn toegenomen", "het kabinet geen zicht heeft op {a}",
           "de kosten van {a} dit jaar verdubbelen", "er een tekort is aan {a}",
           "{a} en {b} onvoldoende op elkaar zijn afgestemd",
           "de wachttijden voor {a} oplopen tot maanden", "{a} leidt tot problemen bij {b}",
           "de uitvoering van {a} vertraging oploopt", "provincies {a} anders aanpakken",
           "de inzet op {a} ten koste gaat van {b}")  # fmt: skip
ANSWERS = ("Ja, ik ben bekend met dit bericht.", "Nee, dat klopt niet.",
           "Het kabinet neemt de zorgen over {a} serieus.",
           "In de brief van het kabinet over {a} is uitgebreid ingegaan op {b}.",
           "Er zijn op dit moment geen cijfers beschikbaar over {a}.",
           "Ik verwijs u naar het antwoord op vraag {n}.",
           "Samen met gemeenten en provincies wordt gewerkt aan een aanpak van {a}.",
           "De uitvoering ligt bij de betrokken organisaties; ik volg de ontwikkelingen rond {b}"
           " nauwgezet.", "Voor de zomer ontvangt uw Kamer een voortgangsbrief over {a}.",
           "De middelen voor {a} worden structureel verhoogd met {m} miljoen euro.")  # fmt: skip


def _words(rng: random.Random, ministry: str) -> tuple[str, str]:
    own = TOPICS[ministry]
    other = TOPICS[rng.choice(list(TOPICS))]
    return rng.choice(own), rng.choice(own if rng.random() < 0.7 else other)


def question_text(rng: random.Random, ministry: str) -> str:
    sentences = []
    for _ in range(rng.randint(1, 3)):
        a, b = _words(rng, ministry)
        clause = rng.choice(CLAUSES).format(a=a, b=b)
        sentences.append(f"{rng.choice(OPENERS)} {clause}?")
    return " ".join(sentences)


def answer_text(rng: random.Random, ministry: str, number: int) -> str:
    sentences = []
    for _ in range(rng.randint(1, 4)):
        a, b = _words(rng, ministry)
        sentences.append(
            rng.choice(ANSWERS).format(a=a, b=b, n=max(1, number - 1), m=rng.randint(5, 900))
        )
    return " ".join(sentences)


def documents(pairs: int, seed: int = 1) -> Iterator[Document]:
    """Kamervragen documents with 1–12 question/answer pairs each, ``pairs`` in total."""
    rng = random.Random(seed)
    made = 0
    n = 0
    while made < pairs:
        n += 1
        ministry = rng.choice(list(TOPICS))
        count = min(pairs - made, rng.randint(1, 12))
        party = rng.choice(PARTIES)
        submitted = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2500))
        answered = submitted + timedelta(days=rng.randint(10, 90))
        questions = [
            Question(
                number=str(i), party=party, text=question_text(rng, ministry), answer_id=f"a{i}"
            )
            for i in range(1, count + 1)
        ]
        answers = [
            Answer(id=f"a{i}", questions=[str(i)], text=answer_text(rng, ministry, i))
            for i in range(1, count + 1)
        ]
        yield Document(
            id=f"ah-tk-bench-{n}",
            genre="kamervragen",
            title=f"Vragen over {TOPICS[ministry][0]}",
            source=Source(path=f"bench/{n}.xml", format="xml"),
            metadata=Metadata(
                committee=COMMITTEES[ministry],
                date_submitted=submitted,
                date_answered=answered,
                askers=[Person(name=rng.choice(NAMES), party=party)],
                addressees=[f"minister van {ministry}"],
                identifiers=Identifiers(koop=f"ah-tk-bench-{n}"),
            ),
            questions=questions,
            answers=answers,
        )
        made += count


def queries(count: int, seed: int = 2) -> list[dict[str, object]]:
    """Varied queries: words, compounds, phrases, OR, exclusion, prefix, some with filters."""
    rng = random.Random(seed)
    vocabulary = [w for words in TOPICS.values() for w in words]
    made: list[dict[str, object]] = []
    shapes = ("word", "two", "phrase", "or", "not", "prefix", "party", "ministry")
    while len(made) < count:
        shape = shapes[len(made) % len(shapes)]
        a, b = rng.choice(vocabulary), rng.choice(vocabulary)
        request: dict[str, object] = {"query": a}
        if shape == "two":
            request["query"] = f"{a} {b}"
        elif shape == "phrase":
            request["query"] = f'"{rng.choice(CLAUSES).format(a=a, b=b).split()[1]} {a}"'
        elif shape == "or":
            request["query"] = f"{a} OR {b}"
        elif shape == "not":
            request["query"] = f"{a} -{b.split()[0]}"
        elif shape == "prefix":
            request["query"] = a.split()[0][: max(4, len(a) // 2)] + "*"
        elif shape == "party":
            request["party"] = rng.choice(PARTIES)
        elif shape == "ministry":
            request["ministry"] = rng.choice(list(TOPICS)).split(",")[0]
        made.append(request)
    return made
