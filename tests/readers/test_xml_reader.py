"""KOOP XML reader: structure as roles/numbers, notes, facts, metadata.xml, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import detect_format, read_bytes
from kamerqa.readers.blocks import Block
from kamerqa.readers.xml import read, read_metadata_xml
from kamerqa.readers.xml_common import MAX_MARKUP_BYTES, dossier_id, heading_numbers

XML = Path(__file__).resolve().parent.parent / "fixtures" / "xml"


def _read(name: str) -> list[Block]:
    return read((XML / name).read_bytes()).blocks


def _role_blocks(blocks: list[Block], role: str) -> list[Block]:
    return [b for b in blocks if b.role == role]


def test_kamervragen_questions_and_answers_carry_role_and_number() -> None:
    blocks = _read("ah-tk-20252026-412.xml")
    headings = [(b.role, b.number) for b in blocks if b.kind == "heading"]
    assert headings == [
        ("question_heading", "1"),
        ("answer_heading", "1"),
        ("question_heading", "2"),
        ("answer_heading", "2"),
        ("question_heading", "3"),
        ("question_heading", "4"),
        ("", "3, 4"),  # a joint heading: numbers kept, role left to the heading text
        ("question_heading", "5"),
        ("answer_heading", "5"),
    ]
    assert [b.text for b in blocks if b.kind == "heading"][6] == "Antwoord 3 en 4"
    questions = _role_blocks(blocks, "question")
    assert [b.number for b in questions] == ["1", "2", "3", "4", "5"]
    assert questions[2].text.startswith("Welke maatregelen")


def test_kamervragen_answer_parts_tables_and_lists() -> None:
    blocks = _read("ah-tk-20252026-412.xml")
    answers = _role_blocks(blocks, "answer")
    table = next(b for b in answers if b.kind == "table")
    assert table.number == "2"
    assert table.rows[0] == ["Jaar", "Storingen", "Getroffen reizigers"]
    assert table.rows[2] == ["2025 (t/m september)", "51", "circa 560.000"]
    items = [b for b in answers if b.kind == "list_item"]
    assert len(items) == 3
    assert items[2].text == "– cameratoezicht op de hotspots die de politie aanwijst."
    assert all(b.number == "" for b in items)  # under the joint answer 3 and 4


def test_kamervragen_notes_leave_text_and_attach_to_their_block() -> None:
    blocks = _read("ah-tk-20252026-412.xml")
    first = next(b for b in blocks if b.role == "question" and b.number == "1")
    assert first.text.endswith("urenlang plat»?")
    assert [(n.id, n.text) for n in first.notes] == [
        ("1", "Dagblad van het Midden, 1 oktober 2025.")
    ]
    again = next(b for b in blocks if b.text.startswith("De stijging"))
    assert [n.id for n in again.notes] == ["1"]  # nootref to the same note
    assert not any("Dagblad" in b.text for b in blocks)


def test_kamervragen_facts_in_metadata() -> None:
    result = read((XML / "ah-tk-20252026-412.xml").read_bytes())
    meta = result.metadata
    assert meta["koop_id"] == "ah-tk-20252026-412"
    assert meta["aanhangsel"] == "412"
    assert meta["vergaderjaar"] == "2025-2026"
    assert meta["date_submitted"] == "2025-10-02"
    assert meta["date_answered"] == "2025-10-30"
    assert meta["askers"] == "De Wit (GroenLinks-PvdA); Yilmaz (D66)"
    assert meta["addressee"] == "Minister van Infrastructuur en Waterstaat"
    assert meta["onderwerp"] == "het uitvallen van treinverkeer door koperdiefstal"
    assert meta["meta:OVERHEIDop.indiener"] == "S. de Wit; M. Yilmaz"
    assert result.unplaced_notes == []


def test_lijst_van_vragen_kamerstuk() -> None:
    result = read((XML / "kst-36800-X-14.xml").read_bytes())
    meta = result.metadata
    assert (meta["dossier"], meta["ondernummer"]) == ("36800-X", "14")
    assert meta["koop_id"] == "kst-36800-X-14"
    assert meta["date"] == "2025-11-06"
    assert meta["title"] == "LIJST VAN VRAGEN EN ANTWOORDEN"
    blocks = result.blocks
    answer_headings = _role_blocks(blocks, "answer_heading")
    # bare <antwoord> elements answer the question just before them
    assert [b.number for b in answer_headings] == ["1", "2", "3", "4"]
    assert [b.text for b in answer_headings][:1] == ["Antwoord 1"]
    q2 = next(b for b in blocks if b.role == "question" and b.number == "2")
    assert [n.id for n in q2.notes] == ["1"]
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[1:] == [["Landmacht", "1.140"], ["Marine", "312"], ["Luchtmacht", "205"]]
    chair = next(b for b in blocks if b.text.startswith("De voorzitter"))
    assert chair.text == "De voorzitter van de commissie, Kramer"


def test_nota_kamerstuk_headings_and_signature() -> None:
    result = read((XML / "kst-36712-6.xml").read_bytes())
    blocks = result.blocks
    assert result.metadata["koop_id"] == "kst-36712-6"
    assert "meta:DC.identifier" not in result.metadata
    assert [b.text for b in blocks if b.kind == "heading" and b.level == 2] == [
        "1. Inleiding",
        "2. Financiële gevolgen",
    ]
    assert blocks[-1].text == "P. Hendriks"
    assert not any(b.role for b in blocks)
    noted = next(b for b in blocks if b.notes)
    assert noted.text.endswith("groep 8 moeten beheersen.")
    assert noted.notes[0].text == "Kamerstuk 31 293, nr. 712."


def test_metadata_xml_keys() -> None:
    found = read_metadata_xml((XML / "metadata.xml").read_bytes())
    assert found["DC.identifier"] == "ah-tk-20252026-412"
    assert found["DC.type"] == "Kamervragen (Aanhangsel)"
    assert found["OVERHEIDop.indiener"] == "S. de Wit; M. Yilmaz"
    assert found["OVERHEIDop.datumOntvangst"] == "2025-10-30"
    assert found["OVERHEIDop.aanhangsel"] == "412"
    assert "OVERHEIDop.dossiernummer" not in found  # empty content is no fact


def test_metadata_xml_owms_record_form() -> None:
    data = b"""<gzd xmlns:dcterms="http://purl.org/dc/terms/"><originalData><meta>
      <owmskern><dcterms:identifier>kst-36800-X-14</dcterms:identifier>
      <dcterms:type>Kamerstuk</dcterms:type></owmskern>
      <tpmeta><dossiernummer>36800-X</dossiernummer></tpmeta></meta></originalData></gzd>"""
    found = read_metadata_xml(data)
    assert found["DC.identifier"] == "kst-36800-X-14"
    assert found["OVERHEIDop.dossiernummer"] == "36800-X"


def test_metadata_file_given_to_the_reader_is_a_clear_error() -> None:
    with pytest.raises(KamerqaInputError, match="metadata"):
        read((XML / "metadata.xml").read_bytes())
    with pytest.raises(KamerqaInputError, match="no KOOP metadata"):
        read_metadata_xml(b"<root><x>1</x></root>")


def test_format_detection_routes_fixtures_to_the_xml_reader() -> None:
    for path in XML.glob("kst-*.xml"):
        assert detect_format(path.read_bytes()) == "xml"
        assert read_bytes(path.read_bytes()).format == "xml"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<officiele-publicatie><kamervragen><vraag><al>&lol4;</al></vraag></kamervragen>
</officiele-publicatie>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<officiele-publicatie><al>&xxe;</al></officiele-publicatie>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.invalid/op.dtd">
<officiele-publicatie><al>&nbsp;tekst</al></officiele-publicatie>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM
"http://example.invalid/e.dtd"> %p;]><officiele-publicatie><al>x</al></officiele-publicatie>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "declares entities"),
        (XXE, "declares entities"),
        (PARAMETER_ENTITY, "declares entities"),
        (EXTERNAL_DTD, "entity"),
        (b"<a>" * 2000 + b"x" + b"</a>" * 2000, "not well-formed"),
        (b"<officiele-publicatie><al>open", "not well-formed"),
        (b"<officiele-publicatie>  </officiele-publicatie>", "no text"),
    ],
)
def test_hostile_or_broken_xml_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(KamerqaInputError, match=message) as caught:
        read(data)
    assert "\n" not in str(caught.value)
    assert "root:" not in str(caught.value)  # never the contents of /etc/passwd


def test_oversized_xml_is_refused_before_parsing() -> None:
    data = b"<officiele-publicatie>" + b" " * MAX_MARKUP_BYTES + b"</officiele-publicatie>"
    with pytest.raises(KamerqaInputError, match="larger than"):
        read(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vraag 2", ("vraag", ["2"])),
        ("Vragen 3 en 4", ("vraag", ["3", "4"])),
        ("Antwoord op vraag 3 t/m 5", ("antwoord", ["3", "4", "5"])),
        ("Antwoorden op vragen 3, 4, 5, 9 en 10", ("antwoord", ["3", "4", "5", "9", "10"])),
        ("Antwoord", ("antwoord", [])),
        ("7a", ("", ["7a"])),
        ("Vraag 2: Bent u bekend met het bericht?", None),
        ("Antwoord van de minister op de vragen van het lid", None),
    ],
)
def test_heading_numbers(text: str, expected: tuple[str, list[str]] | None) -> None:
    assert heading_numbers(text) == expected


@pytest.mark.parametrize(
    ("printed", "koop"),
    [("36 800 X", "36800-X"), ("21 501-20", "21501-20"), ("36600-VII", "36600-VII"),
     ("29 984", "29984")],
)  # fmt: skip
def test_dossier_ids(printed: str, koop: str) -> None:
    assert dossier_id(printed) == koop


def test_question_number_variants_nr_attribute_and_heading_paragraph() -> None:
    data = b"""<officiele-publicatie><kamervragen>
      <vraag nr="1"><al>Kent u het bericht?</al></vraag>
      <antwoord nr="1"><al>Ja.</al></antwoord>
      <vraag><al>Vraag 2</al><al>Wat vindt u daarvan?</al></vraag>
      <antwoord><al>Antwoord 2</al><al>Zie antwoord op vraag 1.</al></antwoord>
      <vraag><nr>7a</nr><al>En verder?</al></vraag>
    </kamervragen></officiele-publicatie>"""
    blocks = read(data).blocks
    assert [(b.text, b.role, b.number) for b in blocks] == [
        ("Vraag 1", "question_heading", "1"),
        ("Kent u het bericht?", "question", "1"),
        ("Antwoord 1", "answer_heading", "1"),
        ("Ja.", "answer", "1"),
        ("Vraag 2", "question_heading", "2"),
        ("Wat vindt u daarvan?", "question", "2"),
        ("Antwoord 2", "answer_heading", "2"),
        ("Zie antwoord op vraag 1.", "answer", "2"),
        ("Vraag 7a", "question_heading", "7a"),
        ("En verder?", "question", "7a"),
    ]


def test_kamerstuk_divisions_lists_and_table_titles() -> None:
    data = b"""<officiele-publicatie><kamerstuk><stuk>
      <titel>ADVIES<noot id="t" type="voet"><noot.nr>1</noot.nr><noot.al>Titelnoot.</noot.al>
      </noot></titel><algemeen><vrije-tekst><tekst>
      <divisie><kop><nr>1.</nr><titel>Inleiding</titel></kop>
        <al>De UZI-server<?xpp afbm?>certificaten zijn <nadruk type="cur">nodig</nadruk>.</al>
        <lijst type="expliciet"><li><li.nr>1.</li.nr><al>Eerste punt.</al></li>
          <li><li.nr>2.</li.nr><al>Tweede punt.</al><lijst><li><li.nr>a.</li.nr>
          <al>Onderdeel.</al></li></lijst></li></lijst>
        <divisie><kop><nr>1.1</nr><titel>Achtergrond</titel></kop>
          <tussenkop>Cijfers</tussenkop>
          <table><title>Tabel 1: Aantallen</title><tgroup cols="2"><tbody>
          <row><entry><al>Jaar</al></entry><entry><al>2025</al></entry></row>
          </tbody></tgroup></table>
        </divisie></divisie></tekst></vrije-tekst></algemeen></stuk></kamerstuk>
    </officiele-publicatie>"""
    blocks = read(data).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "ADVIES"),
        ("heading", 2, "1. Inleiding"),
        ("paragraph", 0, "De UZI-servercertificaten zijn nodig."),
        ("list_item", 0, "1. Eerste punt."),
        ("list_item", 0, "2. Tweede punt."),
        ("list_item", 0, "a. Onderdeel."),
        ("heading", 3, "1.1 Achtergrond"),
        ("heading", 4, "Cijfers"),
        ("paragraph", 0, "Tabel 1: Aantallen"),
        ("table", 0, "Jaar | 2025"),
    ]
    assert [n.text for n in blocks[0].notes] == ["Titelnoot."]


@pytest.mark.parametrize(
    "data", [BILLION_LAUGHS, XXE, PARAMETER_ENTITY, b"", b"<metadata_gegevens>"]
)
def test_metadata_xml_refuses_hostile_or_broken_input(data: bytes) -> None:
    with pytest.raises(KamerqaInputError):
        read_metadata_xml(data)
