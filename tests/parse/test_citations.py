from __future__ import annotations

import pytest

from kamerqa.parse.citations import dossier_key, find_references


def _only(text: str, kind: str = "kamerstuk"):  # type: ignore[no-untyped-def]
    refs = [r for r in find_references(text) if r.type == kind]
    assert len(refs) == 1, refs
    return refs[0]


@pytest.mark.parametrize(
    ("text", "dossier", "number", "koop"),
    [
        ("(Kamerstuk 21 501-20 nr. 2290)", "21501-20", "2290", "kst-21501-20-2290"),
        ("Kamerstuk 21 501-20, nr. 2290", "21501-20", "2290", "kst-21501-20-2290"),
        ("Kamerstuk 21\u2009501-20, nr. 2290", "21501-20", "2290", "kst-21501-20-2290"),
        ("Kamerstukken II 2024/25, 36 600 VII, nr. 1", "36600-VII", "1", "kst-36600-VII-1"),
        ("(Kamerstuk 31 865, nr. 207)", "31865", "207", "kst-31865-207"),
        ("Kamerstukken I 2014/15, 33802, C", "33802", "C", "kst-33802-C"),
        ("zie kamerstuk 36800-X nr. 12.", "36800-X", "12", "kst-36800-X-12"),
        ("bron: kst-36800-X-12", "36800-X", "12", "kst-36800-X-12"),
    ],
)
def test_kamerstuk_forms(text: str, dossier: str, number: str, koop: str) -> None:
    ref = _only(text)
    assert (ref.dossier, ref.number, ref.koop_id) == (dossier, number, koop)


def test_several_numbers_in_one_citation() -> None:
    refs = find_references("Kamerstukken 36 800-X, nrs. 12 en 13")
    assert [(r.dossier, r.number) for r in refs] == [("36800-X", "12"), ("36800-X", "13")]


def test_vergaderjaar_is_recorded() -> None:
    assert _only("Kamerstukken II 2024/25, 36 600 VII, nr. 1").year == "2024-2025"


def test_aanhangsel_and_handelingen() -> None:
    ah = _only("Zie ook Aanhangsel Handelingen II 2024/25, nr. 1028.", "aanhangsel")
    assert ah.koop_id == "ah-tk-20242025-1028"
    long_form = "Aanhangsel van de Handelingen, vergaderjaar 2024–2025, nr. 1028"
    assert _only(long_form, "aanhangsel").koop_id == "ah-tk-20242025-1028"
    h = _only("Handelingen II 2024/25, nr. 20, item 3", "handelingen")
    assert h.koop_id == "h-tk-20242025-20-3"
    assert not [r for r in find_references(long_form) if r.type == "handelingen"]


def test_motion_with_its_kamerstuk() -> None:
    text = "de motie van het lid Van Dijk over munitie (Kamerstuk 21 501-20, nr. 2290)"
    kinds = {r.type: r for r in find_references(text)}
    assert kinds["kamerstuk"].dossier == "21501-20"
    assert kinds["motie"].koop_id == "kst-21501-20-2290"


def test_tk_document_and_zaak_numbers() -> None:
    refs = find_references("kenmerk 28676-552/2025D43738, zaak 2024Z12345", where="a1")
    assert [(r.type, r.number, r.in_) for r in refs] == [
        ("tk_document", "2025D43738", "a1"),
        ("tk_zaak", "2024Z12345", "a1"),
    ]


def test_no_false_citations() -> None:
    assert find_references("In 2025 zijn 21 501 drones gekocht voor nr. 5 van de lijst.") == []


def test_duplicates_are_reported_once() -> None:
    text = "Kamerstuk 31 865, nr. 207 en nogmaals Kamerstuk 31865, nr. 207"
    assert len(find_references(text)) == 1


def test_dossier_key() -> None:
    assert dossier_key("21 501-20") == "21501-20"
    assert dossier_key("36 600 VII") == "36600-VII"
    assert dossier_key("33802") == "33802"


def test_motion_with_its_paper_cited_without_the_word_kamerstuk() -> None:
    refs = find_references("De motie-Van der Plas (36 600-XIV, nr. 42) vraagt om versnelling.")
    assert [(r.type, r.koop_id) for r in refs] == [
        ("motie", "kst-36600-XIV-42"),
        ("kamerstuk", "kst-36600-XIV-42"),
    ]


def test_a_bare_dossier_and_number_without_a_motion_is_no_citation() -> None:
    assert find_references("Er zijn (21 501, nr. 5) exemplaren besteld.") == []
