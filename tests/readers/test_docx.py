"""DOCX reader: structure, notes, letterhead facts, and hostile input."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import read_bytes
from kamerqa.readers.docx import read
from kamerqa.readers.docx_package import MAX_PART_BYTES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kamervragen"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx", FIXTURES / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def letter() -> bytes:
    data: bytes = _builder().letter_docx()
    return data


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document(body: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def test_letter_blocks_and_facts(letter: bytes) -> None:
    result = read(letter)
    texts = [block.text for block in result.blocks]
    assert result.format == "docx"
    assert result.metadata["date"] == "12 februari 2026"
    assert result.metadata["uw_brief_van"] == "20 januari 2026"
    assert result.metadata["kenmerk"] == "KV-2026-0042"
    assert result.metadata["onderwerp"].startswith("Beantwoording Kamervragen van het lid Pieters")
    assert result.metadata["addressee"] == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    # the text box is read once: mc:Fallback is skipped and the host paragraph holds no copy
    assert texts.count("KV-2026-0042") == 1
    assert not any("KV-2026-0042KV" in text for text in texts)


def test_letter_lists_tables_and_bold(letter: bytes) -> None:
    blocks = read(letter).blocks
    items = [b.text for b in blocks if b.kind == "list_item"]
    assert items == [
        "1. volledigheid van de aanvraag;",
        "2. milieueffecten;",
        "3. handhaafbaarheid.",
    ]
    tables = [b for b in blocks if b.kind == "table"]
    assert tables[-1].rows == [["Provincie", "Aanvragen"], ["Gelderland", "140"]]
    question = next(b for b in blocks if b.text.startswith("Hoeveel bedrijven"))
    answer = next(b for b in blocks if b.text.startswith("Tot 1 februari"))
    assert question.bold and not answer.bold


def test_letter_notes_are_attached_and_markers_removed(letter: bytes) -> None:
    result = read(letter)
    by_text = {b.text: b for b in result.blocks}
    typed = by_text["Bent u bekend met het bericht over overvolle mestkelders?"]
    assert [(n.id, n.text) for n in typed.notes] == [("1", "Boerderijnieuws, 15 januari 2026.")]
    word = by_text["Tot 1 februari 2026 zijn 312 aanvragen binnengekomen."]
    assert [n.text for n in word.notes] == ["Kamerstuk 33 037, nr. 560."]
    end = by_text["Dat is helaas niet gelukt."]
    assert [n.text for n in end.notes] == ["De beantwoording vergde afstemming met de provincies."]
    assert not any(b.text.startswith("[1]") for b in result.blocks)  # the note list is gone
    assert result.unplaced_notes == []


def test_headings_from_styles() -> None:
    blocks = read(_builder().heading_styles_docx()).blocks
    headings = [(b.text, b.level) for b in blocks if b.kind == "heading"]
    assert headings[:2] == [("Vraag 1", 2), ("Antwoord 1", 2)]


def test_trailing_numbered_list_without_markers_stays_content() -> None:
    body = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for text in ("Vraag 1", "Welke stappen?", "Antwoord 1", "1. Eerst dit.", "2. Dan dat.")
    )
    result = read(_zip({"word/document.xml": _document(body)}))
    assert [b.text for b in result.blocks][-2:] == ["1. Eerst dit.", "2. Dan dat."]


def test_parenthesised_numbers_are_not_markers() -> None:
    body = (
        "<w:p><w:r><w:t>Zie artikel 3 (lid 2) en de wet (artikel 4) 1) hierover.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>1) Staatscourant 2025, nr. 1.</w:t></w:r></w:p>"
    )
    block = read(_zip({"word/document.xml": _document(body)})).blocks[0]
    assert block.text == "Zie artikel 3 (lid 2) en de wet (artikel 4) hierover."
    assert [n.text for n in block.notes] == ["Staatscourant 2025, nr. 1."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "bad zip"),
        (_zip({"word/other.xml": b"<x/>"}), "no word/document.xml"),
        (_zip({"word/document.xml": b"<w:document><w:body>"}), "not well-formed"),
    ],
)
def test_unusable_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(KamerqaInputError, match=message) as caught:
        read(data)
    assert "\n" not in str(caught.value)


def test_zip_bomb_is_refused_before_reading() -> None:
    bomb = _zip({"word/document.xml": b"\0" * (MAX_PART_BYTES + 1)})
    assert len(bomb) < MAX_PART_BYTES // 100
    with pytest.raises(KamerqaInputError, match="zip bomb"):
        read(bomb)


def test_encrypted_member_is_refused() -> None:
    data = bytearray(_zip({"word/document.xml": _document("")}, zipfile.ZIP_STORED))
    data[6] |= 0x1  # local header flag bit 0: encrypted
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1
    with pytest.raises(KamerqaInputError, match="encrypted"):
        read(bytes(data))


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(KamerqaInputError, match="entities"):
        read(_zip({"word/document.xml": xml.encode()}))


def test_detected_by_content() -> None:
    data = _zip({"word/document.xml": _document("<w:p><w:r><w:t>Hallo</w:t></w:r></w:p>")})
    assert [b.text for b in read_bytes(data, "zonder-extensie").blocks] == ["Hallo"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_only_raise_input_errors(data: bytes) -> None:
    try:
        read(b"PK\x03\x04" + data)
    except KamerqaInputError as err:
        assert str(err)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_docx_only_raises_input_errors(letter: bytes, data: st.DataObject) -> None:
    damaged = bytearray(letter)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    try:
        result = read(bytes(damaged))
    except KamerqaInputError as err:
        assert str(err)
    else:
        assert result.format == "docx"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=12))
def test_arbitrary_paragraph_text_is_read_back(texts: list[str]) -> None:
    safe = [
        "".join(ch for ch in text if ch.isprintable() and ch not in "<>&" and ord(ch) < 0xD800)
        for text in texts
    ]
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in safe)
    result = read(_zip({"word/document.xml": _document(body)}))
    assert len(result.blocks) <= len(safe)


def _sup(text: str) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{text}</w:t></w:r>'


def test_typed_superscript_markers_point_to_the_note_list() -> None:
    body = (
        f"<w:p><w:r><w:t>Het bericht</w:t></w:r>{_sup('1')}<w:r><w:t> is bekend.</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Een oppervlak van 40 m</w:t></w:r>{_sup('2')}<w:r><w:t>.</w:t></w:r></w:p>"
        f"<w:p>{_sup('1')}<w:r><w:t> NOS, 3 maart 2026.</w:t></w:r></w:p>"
    )
    blocks = read(_zip({"word/document.xml": _document(body)})).blocks
    assert [b.text for b in blocks] == ["Het bericht is bekend.", "Een oppervlak van 40 m2."]
    assert [n.text for n in blocks[0].notes] == ["NOS, 3 maart 2026."]


def test_superscript_digits_without_note_list_stay_text() -> None:
    body = f"<w:p><w:r><w:t>Een oppervlak van 40 m</w:t></w:r>{_sup('2')}</w:p>"
    blocks = read(_zip({"word/document.xml": _document(body)})).blocks
    assert [b.text for b in blocks] == ["Een oppervlak van 40 m2"]
    assert blocks[0].notes == []


_TAGS = ["p", "r", "t", "tbl", "tr", "tc", "hyperlink", "sdt", "sdtContent", "pPr", "rPr", "b"]
_TAGS += ["numPr", "numId", "ilvl", "pStyle", "footnoteReference", "br", "tab", "txbxContent"]
_VALUES = st.sampled_from(["0", "1", "-1", "abc", "99999999999", "superscript", "Kop1", ""])


def _element(children: list[str], tag: str, value: str, text: str) -> str:
    safe = "".join(ch for ch in text if ch.isalnum() or ch == " ")
    inner = "".join(children) or safe
    return f'<w:{tag} w:val="{value}" w:id="{value}">{inner}</w:{tag}>'


_XML = st.recursive(
    st.builds(_element, st.just([]), st.sampled_from(_TAGS), _VALUES, st.text(max_size=8)),
    lambda kids: st.builds(
        _element, st.lists(kids, max_size=4), st.sampled_from(_TAGS), _VALUES, st.text(max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_XML, max_size=5))
def test_odd_ooxml_structures_never_crash(fragments: list[str]) -> None:
    try:
        result = read(_zip({"word/document.xml": _document("".join(fragments))}))
    except KamerqaInputError as err:
        assert str(err)
    else:
        assert all(isinstance(block.text, str) for block in result.blocks)


def test_main_part_found_through_package_relationships() -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>'
        "</Relationships>"
    )
    body = "<w:p><w:r><w:t>Vraag 1</w:t></w:r></w:p>"
    data = _zip({"_rels/.rels": rels.encode(), "word/document2.xml": _document(body)})
    assert [b.text for b in read(data).blocks] == ["Vraag 1"]


def test_letterhead_in_page_header_fills_missing_facts() -> None:
    header = (
        f'<?xml version="1.0"?><w:hdr {W}><w:p><w:r><w:t>Datum</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>3 maart 2026</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Ons kenmerk</w:t></w:r></w:p><w:p><w:r><w:t>2026-0815</w:t></w:r></w:p>"
        "</w:hdr>"
    )
    body = (
        "<w:p><w:r><w:t>Ons kenmerk 4711</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>verborgen</w:t></w:r><w:r><w:t>Tekst</w:t></w:r></w:p>"
    )
    result = read(_zip({"word/document.xml": _document(body), "word/header1.xml": header.encode()}))
    assert result.metadata["date"] == "3 maart 2026"
    assert result.metadata["kenmerk"] == "4711"  # the body wins over the running header
    assert [b.text for b in result.blocks] == ["Ons kenmerk 4711", "Tekst"]


def test_note_offsets_point_after_the_marked_word(letter: bytes) -> None:
    for block in read(letter).blocks:
        for note in block.notes:
            assert note.offset is not None
            assert block.text[: note.offset].endswith(("mestkelders", "binnengekomen.", "gelukt."))


def test_cells_inside_content_controls_and_nested_tables_are_read_once() -> None:
    def cell(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    inner = f"<w:tbl><w:tr>{cell('binnen 1')}{cell('binnen 2')}</w:tr></w:tbl>"
    row = (
        f"<w:tr>{cell('Kolom A')}<w:sdt><w:sdtContent>{cell('Kolom B')}</w:sdtContent></w:sdt>"
        f"<w:tc><w:p><w:r><w:t>Kolom C</w:t></w:r></w:p>{inner}</w:tc></w:tr>"
    )
    body = f"<w:tbl>{row}<w:tr>{cell('1')}{cell('2')}{cell('3')}</w:tr></w:tbl>"
    blocks = read(_zip({"word/document.xml": _document(body)})).blocks
    assert [b.kind for b in blocks] == ["table"]
    assert blocks[0].rows == [["Kolom A", "Kolom B", "Kolom C binnen 1 binnen 2"], ["1", "2", "3"]]


def test_letterhead_betreft_is_the_subject() -> None:
    from kamerqa.readers.docx_letterhead import letterhead_facts

    facts = letterhead_facts(["Datum 12 maart 2026", "Betreft Beantwoording Kamervragen over X"])
    assert facts["onderwerp"] == "Beantwoording Kamervragen over X"
