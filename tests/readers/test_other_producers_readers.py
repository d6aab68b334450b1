"""Reader rules for files of other producers (round 4, ``tests/parse/test_other_producers.py``):
note lists after the text, back-link arrows, LibreOffice's raised runs, wrapped markers,
per-glyph runs, names with a capital inside broken at their hyphen, a browser's print header
and footer."""

from __future__ import annotations

import io
import zipfile

from kamerqa.readers.blocks import Block, drop_backlink
from kamerqa.readers.docx import read as read_docx
from kamerqa.readers.docx_notes import SUP_CLOSE, SUP_OPEN, attach_typed_notes
from kamerqa.readers.pdf_endnotes import end_notes, rejoin_markers
from kamerqa.readers.pdf_extract import Line, PdfPage, Span, join_spans
from kamerqa.readers.pdf_layout import find_furniture
from kamerqa.readers.pdf_text import join_two

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: str) -> bytes:
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def _line(text: str, y: float, size: float = 11.0, x0: float = 57.0, raised: str = "") -> Line:
    spans = [Span(text, x0, x0 + 5 * len(text), size, False)]
    if raised:
        spans.append(Span(raised, spans[0].x1, spans[0].x1 + 4, 0.7 * size, False, 1))
    return Line(1, y, x0, spans[-1].x1, size, spans)


def test_back_link_arrows_leave_the_note_text() -> None:
    assert drop_backlink("Kamerstuk 36 800, nr. 2.↩︎") == "Kamerstuk 36 800, nr. 2."
    assert drop_backlink("Zie blz. 4. ↩ ↩") == "Zie blz. 4."
    assert drop_backlink("pijl ↩ in de tekst") == "pijl ↩ in de tekst"


def test_a_note_list_after_the_text_is_taken_when_its_numbers_are_raised_markers() -> None:
    lines = [
        _line("Een zin met een noot.", 700, raised="1"),
        _line("Nog een zin.", 680, raised="2"),
        _line("1. Eerste noot.↩︎", 640),
        _line("2. Tweede noot die", 620),
        _line("doorloopt.↩︎", 605),
    ]
    assert end_notes(lines) == (3, {"1": "Eerste noot.", "2": "Tweede noot die doorloopt."})


def test_a_numbered_list_at_the_end_without_markers_stays_text() -> None:
    lines = [
        _line("De maatregelen:", 700),
        _line("1. meer capaciteit;", 680),
        _line("2. minder", 660),
    ]
    assert end_notes(lines) == (0, {})
    gap = [_line("Zin.", 700, raised="1"), _line("1. a", 680), _line("3. c", 660)]
    assert end_notes(gap) == (0, {})


def test_a_marker_wrapped_alone_to_the_next_line_is_joined_back() -> None:
    before = _line("hoe lang verblijven zij daar?", 500, size=14.0, x0=72.0)
    marker = Line(1, 489.0, 73.0, 77.0, 8.0, [Span("1", 73.0, 77.0, 8.0, False)])
    after = _line("Antwoord 2", 460, x0=72.0)
    joined = rejoin_markers([before, marker, after], 12.0)
    assert len(joined) == 2
    assert joined[0].spans[-1].text == "1" and joined[0].spans[-1].shift == 1
    alone = Line(1, 400.0, 73.0, 77.0, 12.0, [Span("1", 73.0, 77.0, 12.0, False)])
    assert len(rejoin_markers([after, alone], 12.0)) == 2  # body size: a number, not a marker


def test_glyph_runs_get_a_space_only_at_a_wide_gap() -> None:
    glyphs = [Span("n", 83.6, 88.3, 11.0, False), Span("?", 90.3, 94.2, 11.0, False)]
    assert join_spans(glyphs) == "n?"
    words = [Span("d ", 10.0, 15.0, 11.0, False), Span("T", 18.5, 24.0, 11.0, False)]
    assert join_spans(words).split() == ["d", "T"]


def test_a_name_with_a_capital_inside_keeps_its_hyphen_at_a_line_end() -> None:
    assert join_two("de CDA- en ChristenUnie-", "fractie") == "de CDA- en ChristenUnie-fractie"
    assert join_two("gecompen-", "seerd") == "gecompenseerd"
    assert join_two("Gecompen-", "seerd") == "Gecompenseerd"


def test_a_typed_note_list_is_numbered_from_one_and_a_superscript_marker_wins() -> None:
    blocks = [
        Block(f"Vraag 1) Hoe lang verblijven zij?{SUP_OPEN}1{SUP_CLOSE}"),
        Block("1. meer capaciteit;", kind="list_item"),
        Block("2. betere archivering;", kind="list_item"),
        Block("1. Het gaat om kinderen.↩︎", kind="list_item"),
    ]
    kept, unplaced = attach_typed_notes(blocks)
    assert [b.text for b in kept] == [
        "Vraag 1) Hoe lang verblijven zij?",
        "1. meer capaciteit;",
        "2. betere archivering;",
    ]
    assert [(n.id, n.text, n.offset) for n in kept[0].notes] == [
        ("1", "Het gaat om kinderen.", len("Vraag 1) Hoe lang verblijven zij?"))
    ]
    assert unplaced == []


def test_a_trailing_list_not_starting_at_one_is_no_note_list() -> None:
    blocks = [Block("Zie punt 4) hierboven."), Block("4. Vier."), Block("5. Vijf.")]
    kept, unplaced = attach_typed_notes(blocks)
    assert len(kept) == 3 and unplaced == [] and not kept[0].notes


def test_libreoffice_raised_position_runs_are_note_markers() -> None:
    body = (
        "<w:p><w:r><w:t>Een eerste stap.</w:t></w:r>"
        '<w:hyperlink w:anchor="fn1"><w:r><w:rPr><w:position w:val="8"/></w:rPr>'
        "<w:t>1</w:t></w:r></w:hyperlink></w:p>"
        '<w:p><w:bookmarkStart w:id="1" w:name="fn1"/><w:r><w:t>1. Handreiking, blz. 3.</w:t>'
        '</w:r><w:hyperlink w:anchor="fnref1"><w:r><w:t>↩︎</w:t></w:r></w:hyperlink></w:p>'
    )
    result = read_docx(_docx(body))
    assert [b.text for b in result.blocks] == ["Een eerste stap."]
    assert [(n.id, n.text) for n in result.blocks[0].notes] == [("1", "Handreiking, blz. 3.")]


def test_a_browsers_print_header_and_footer_are_page_furniture() -> None:
    def small(text: str, y: float, x0: float) -> Line:
        return Line(
            1, y, x0, x0 + 4 * len(text), 8.0, [Span(text, x0, x0 + 4 * len(text), 8.0, False)]
        )

    stamp, title = small("11/28/26, 6:26 PM", 770, 25), small("Antwoorden", 770, 297)
    address, counter = small("file:///tmp/brief.html", 17, 24), small("1/1", 17, 576)
    body = [_line("Vraag 1", 700, size=12.0), _line("Hoeveel?", 680, size=12.0)]
    page = PdfPage(1, 595.0, 842.0, [stamp, title, *body, address, counter])
    found = find_furniture([page], 12.0)
    assert found == {id(stamp), id(title), id(address), id(counter)}


def test_a_row_whose_cells_stand_close_stays_in_the_table() -> None:
    from kamerqa.readers.pdf_blocks import text_line
    from kamerqa.readers.pdf_tables import split_tables

    def row(y: float, left: str, right: str, gap: float = 60.0) -> list[Line]:
        a = Span(left, 72.0, 72.0 + 5 * len(left), 11.0, False)
        b = Span(right, 270.0, 270.0 + 5 * len(right), 11.0, False)
        if gap < 60.0:  # one segment: the cells stand close
            return [Line(1, y, 72.0, b.x1, 11.0, [a, b], row=int(1000 - y))]
        return [
            Line(1, y, 72.0, a.x1, 11.0, [a], row=int(1000 - y)),
            Line(1, y, 270.0, b.x1, 11.0, [b], row=int(1000 - y)),
        ]

    lines = [
        *row(700, "Hoofdstuk", "Bedrag"),
        *row(684, "Defensie", "2.300"),
        *row(668, "Infrastructuur en Waterstaat", "1.150", gap=23.0),
        *row(652, "Overig", "2.650"),
    ]
    blocks = split_tables([text_line(line, set()) for line in lines], 11.0, {})
    assert [b.kind for b in blocks] == ["table"]
    assert blocks[0].rows[2:] == [["Infrastructuur en Waterstaat", "1.150"], ["Overig", "2.650"]]


def test_cells_centred_vertically_are_grouped_by_their_middle() -> None:
    from kamerqa.readers.pdf_blocks import text_line
    from kamerqa.readers.pdf_tables import split_tables

    x = {0: 63.0, 1: 223.0, 2: 384.0}

    def cell(y: float, column: int, text: str) -> Line:
        span = Span(text, x[column], x[column] + 4 * len(text), 11.0, False)
        return Line(1, y, span.x0, span.x1, 11.0, [span], row=int(1000 - y))

    lines = [
        cell(320, 0, "Nr"), cell(320, 1, "Vraag"), cell(320, 2, "Antwoord"),
        cell(300, 1, "Hoeveel geld is er"), cell(292, 2, "Er is"),
        cell(284, 0, "1"), cell(284, 1, "gereserveerd voor"), cell(276, 2, "15 miljoen."),
        cell(268, 1, "sluizen?"),
        cell(246, 0, "2"), cell(246, 1, "En voor bruggen?"), cell(246, 2, "Niets."),
    ]  # fmt: skip
    blocks = split_tables([text_line(line, set()) for line in lines], 11.0, {})
    assert [b.kind for b in blocks] == ["table"]
    assert blocks[0].rows == [
        ["Nr", "Vraag", "Antwoord"],
        ["1", "Hoeveel geld is er gereserveerd voor sluizen?", "Er is 15 miljoen."],
        ["2", "En voor bruggen?", "Niets."],
    ]
