from __future__ import annotations

from datetime import date

from kamerqa.model import Signatory
from kamerqa.parse.letter import (
    addressee,
    answered_date,
    answered_kamerstuk,
    closing_signatories,
    committee,
    function_from_caps,
    kamerstuk_id,
    kenmerk,
    officers,
    signatories,
    submitted_date,
)


def test_committee_stops_at_lower_case_words() -> None:
    text = "de inbreng van de vaste commissie voor Infrastructuur en Waterstaat voor het overleg"
    assert committee(text) == "vaste commissie voor Infrastructuur en Waterstaat"
    assert committee("De Vaste commissie voor Volksgezondheid, Welzijn en Sport heeft") == (
        "vaste commissie voor Volksgezondheid, Welzijn en Sport"
    )
    assert committee("geen commissie hier") is None


def test_kenmerk_and_dates() -> None:
    text = "Deze vragen werden ingezonden op 8 oktober 2025 met kenmerk 28676-552/2025D43738."
    assert kenmerk(text) == "28676-552/2025D43738"
    assert submitted_date(text) == date(2025, 10, 8)
    verslag = (
        "De vragen en opmerkingen zijn op 24 november 2025 aan de Minister voorgelegd. "
        "Bij brief van 1 december 2025 zijn de vragen beantwoord."
    )
    assert submitted_date(verslag) == date(2025, 11, 24)
    assert answered_date(verslag) == date(2025, 12, 1)
    lijst = "De Minister heeft deze vragen beantwoord bij brief van 8 november 2024."
    assert answered_date(lijst) == date(2024, 11, 8)
    assert submitted_date("over de Raad van 15 december 2025") is None


def test_addressee() -> None:
    assert addressee("vragen voorgelegd aan de Minister van Buitenlandse Zaken over") == (
        "minister van Buitenlandse Zaken"
    )
    assert addressee("vragen voorgelegd aan de Algemene Rekenkamer over") == "Algemene Rekenkamer"


def test_function_from_caps() -> None:
    assert function_from_caps("DE MINISTER VAN DEFENSIE") == "minister van Defensie"
    assert function_from_caps("DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID,") == (
        "staatssecretaris van Justitie en Veiligheid"
    )
    assert function_from_caps("De Minister voor Buitenlandse Handel") == (
        "minister voor Buitenlandse Handel"
    )
    assert function_from_caps("DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN,") == (
        "minister-president, minister van Algemene Zaken"
    )


def test_signatories_after_closing() -> None:
    lines = ["Hoogachtend,", "DE MINISTER VAN DEFENSIE", "Ruben Brekelmans", "Vragen en antwoorden"]
    assert signatories(lines) == [
        Signatory(name="Ruben Brekelmans", function="minister van Defensie")
    ]


def test_closing_signatories_at_the_end() -> None:
    lines = [
        "Tekst.",
        "De Minister van Financiën,",
        "A. Bakker",
        "De Staatssecretaris van Financiën,",
        "B. de Wit",
    ]
    start, found = closing_signatories(lines)
    assert start == 1
    assert [s.name for s in found] == ["A. Bakker", "B. de Wit"]
    assert closing_signatories(["Tekst.", "Meer tekst."]) == (2, [])


def test_officers_and_kamerstuk_id() -> None:
    lines = [
        "28 676 NAVO",
        "Nr. 553 VERSLAG",
        "De voorzitter van de commissie,",
        "Klaver",
        "De griffier van de commissie,",
        "Van den Berg",
    ]
    assert officers(lines) == {"voorzitter": "Klaver", "griffier": "Van den Berg"}
    assert kamerstuk_id(lines) == "kst-28676-553"
    assert kamerstuk_id(["36 600 VII Vaststelling", "Nr. 3 LIJST"]) == "kst-36600-VII-3"


def test_signature_on_one_line_and_without_closing() -> None:
    texts = [
        "De minister heeft deze vragen beantwoord bij brief van 3 november 2025.",
        "Dit is het antwoord.",
        "De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur, J.A. Wiersma-Bos",
    ]
    start, found = closing_signatories(texts)
    assert start == 2
    assert found == [
        Signatory(
            name="J.A. Wiersma-Bos",
            function="minister van Landbouw, Visserij, Voedselzekerheid en Natuur",
        )
    ]
    # a ministry name alone is no signature ("Cultuur en Wetenschap" is not a name)
    assert (
        closing_signatories(["Tekst.", "De minister van Onderwijs, Cultuur en Wetenschap,"])[1]
        == []
    )
    head = ["Geachte voorzitter,", "De staatssecretaris van Financiën,", "dr. A.B. de Boer"]
    assert signatories(head) == [
        Signatory(name="dr. A.B. de Boer", function="staatssecretaris van Financiën")
    ]


def test_officers_run_together_and_kamerstuk_ids() -> None:
    merged = "De voorzitter van de commissie, Van den Heuvel De griffier van de commissie, Kops"
    assert officers([merged]) == {"voorzitter": "Van den Heuvel", "griffier": "Kops"}
    assert kamerstuk_id(["21 501-32 Landbouw- en Visserijraad", "Nr. 1722 VERSLAG"]) == (
        "kst-21501-32-1722"
    )
    assert kamerstuk_id(["36 410", "Wijziging van de Omgevingswet", "C MEMORIE VAN ANTWOORD"]) == (
        "kst-36410-C"
    )
    assert kamerstuk_id(["36 781 Wijziging van de Wet … Nr. 7 NOTA NAAR AANLEIDING"]) == (
        "kst-36781-7"
    )


def test_answered_kamerstuk() -> None:
    intro = (
        "De regering dankt de leden voor hun inbreng in het verslag (Kamerstuk 36 781, nr. 6). "
        "Zie ook de memorie van toelichting (Kamerstuk 36 781, nr. 3)."
    )
    assert answered_kamerstuk(intro, own="kst-36781-7", near="verslag") == "kst-36781-6"
    assert answered_kamerstuk("Zie Kamerstuk 36 781, nr. 7.", own="kst-36781-7") is None
