"""Kamervragen parser: what readers of other formats may hand over (joined paragraphs, imprints,
letterhead as plain rows), and metadata variants of letters and Aanhangsels."""

from __future__ import annotations

from datetime import date

from kamerqa.model import Document, Source
from kamerqa.parse import parse_bytes
from kamerqa.parse.kamervragen import parse
from kamerqa.parse.kamervragen_meta import (
    header_metadata,
    letter_signatories,
    letterhead_facts,
    parse_addressees,
)
from kamerqa.readers.blocks import Block, Note, ReadResult

HEADER = (
    "Vragen van het lid Visser (VVD) aan de Minister van Defensie over munitie "
    "(ingezonden 2 maart 2026)."
)
ANSWERED = "Antwoord van Minister Bos (Defensie) (ontvangen 20 maart 2026)."


def _parse(blocks: list[Block], **metadata: str) -> Document:
    read = ReadResult(format="text", blocks=blocks, metadata=dict(metadata))
    return parse(read, Document(id="x", genre="kamervragen", source=Source()))


def test_a_question_heading_joined_to_the_title_is_split_off_with_its_note() -> None:
    text = "Antwoorden op Kamervragen over munitie Vraag 1: Hoeveel munitie is er?"
    note = Note("1", "Bron: Defensie.", len(text))
    blocks = [
        Block(HEADER),
        Block(text, bold=True, notes=[note]),
        Block("Antwoord 1"),
        Block("Genoeg."),
    ]
    document = _parse(blocks)
    assert [(q.number, q.text) for q in document.questions] == [("1", "Hoeveel munitie is er?")]
    assert [(f.in_, f.offset) for f in document.footnotes] == [
        ("q1", len("Hoeveel munitie is er?"))
    ]


def test_prose_mentioning_a_question_is_not_split() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Antwoord 1")]
    blocks.append(Block("Ja. In vraag 3 van het vorige jaar zag ik dat ook."))
    document = _parse(blocks)
    assert [q.number for q in document.questions] == ["1"]
    assert document.answers[0].text.endswith("dat ook.")


def test_a_line_starting_in_lower_case_is_never_a_heading() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Vraag 2")]
    blocks += [Block("En verder?"), Block("Antwoord 1 en 2"), Block("Ja, zie de")]
    blocks.append(Block("antwoorden op de vragen 1 en 2."))
    document = _parse(blocks)
    assert [a.questions for a in document.answers] == [["1", "2"]]


def test_a_one_page_imprint_left_in_the_text_is_dropped_but_gives_the_id() -> None:
    blocks = [Block(HEADER), Block(ANSWERED), Block("Vraag 1"), Block("Klopt het?")]
    blocks += [
        Block("Antwoord 1"),
        Block("Ja."),
        Block("ah-tk-20252026-1702 ISSN 0921-7398 ’s-Gravenhage 2026 1"),
    ]
    document = _parse(blocks)
    assert document.answers[0].text == "Ja."
    assert document.metadata.identifiers.koop == "ah-tk-20252026-1702"


def test_bullet_glyphs_are_not_text() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Welke?"), Block("Antwoord 1")]
    blocks += [Block("• de eerste;"), Block("- de tweede.")]
    assert _parse(blocks).answers[0].text == "de eerste;\n\nde tweede."


def test_a_postponement_without_questions_is_flagged() -> None:
    text = "De vragen kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord."
    document = _parse([Block(HEADER), Block(text)])
    assert document.questions == []
    assert document.warnings == ["postponement notice (Mededeling uitstel): no answers yet"]


def test_letterhead_facts_from_rows_and_label_lines() -> None:
    rows = [["Datum", "3 april 2026"], ["Betreft", "Antwoorden Kamervragen"], ["x", "y", "z"]]
    facts = letterhead_facts(rows, ["Uw brief van\t12 maart 2026", "Ons kenmerk: 123-45"])
    assert facts == {
        "date": "3 april 2026",
        "onderwerp": "Antwoorden Kamervragen",
        "uw_brief_van": "12 maart 2026",
        "kenmerk": "123-45",
    }


def test_letter_dates_from_a_text_letterhead_and_ingezonden() -> None:
    blocks = [Block("Datum 3 april 2026"), Block("Hierbij de antwoorden op de vragen van het lid")]
    blocks[1].text += " Visser (VVD), ingezonden op 10 maart 2026 met kenmerk 2026Z01234."
    blocks += [Block("Vraag 1"), Block("Klopt het?"), Block("Antwoord 1"), Block("Ja.")]
    meta = _parse(blocks).metadata
    assert (meta.date_submitted, meta.date_answered) == (date(2026, 3, 10), date(2026, 4, 3))


def test_signature_names_lose_academic_titles() -> None:
    lines = ["De minister van Financiën,", "mr. drs. A.B. de Vries"]
    assert [(s.name, s.function) for s in letter_signatories(lines)] == [
        ("A.B. de Vries", "minister van Financiën")
    ]


def test_signatures_joined_into_one_paragraph_are_found() -> None:
    head = [
        "Hoogachtend, De minister van Onderwijs, Cultuur en Wetenschap, dr. F.E. Wouters "
        "De staatssecretaris van Justitie en Veiligheid, M. Brouwer"
    ]
    signed = header_metadata(head, {}, "").signatories
    assert [(s.name, s.function) for s in signed] == [
        ("F.E. Wouters", "minister van Onderwijs, Cultuur en Wetenschap"),
        ("M. Brouwer", "staatssecretaris van Justitie en Veiligheid"),
    ]


def test_volkshuisvesting_is_a_ministry_from_july_2024() -> None:
    asked = HEADER.replace("Minister van Defensie", "Minister van Volkshuisvesting")
    for received, function in (("2024", "van"), ("2023", "voor")):
        who = (
            "Antwoord van Minister Kok (Volkshuisvesting en Ruimtelijke Ordening) "
            f"(ontvangen 1 oktober {received})."
        )
        signed = header_metadata([asked, who], {}, "").signatories
        assert signed[0].function == f"minister {function} Volkshuisvesting en Ruimtelijke Ordening"


def test_refers_to_only_names_questions_of_this_document() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Vraag 2"), Block("Wie?")]
    blocks += [Block("Antwoord 1"), Block("Ja."), Block("Antwoord 2")]
    blocks.append(Block("Zie vraag 12 van het schriftelijk overleg en het antwoord op vraag 1."))
    assert _parse(blocks).answers[1].refers_to == ["1"]


def test_numbered_question_right_after_a_numbered_list_in_an_answer() -> None:
    texts = [HEADER, "1. Klopt het bericht?", "Antwoord", "Ja. Ik neem twee maatregelen:"]
    texts += ["1. meer toezicht;", "2. hogere boetes. Daarnaast volgt een evaluatie."]
    texts += ["2. Bent u bereid de boetes te verhogen?", "Antwoord", "Zie het antwoord op vraag 1."]
    document = _parse([Block(text) for text in texts])
    assert [q.number for q in document.questions] == ["1", "2"]
    assert [(a.questions, a.refers_to) for a in document.answers] == [(["1"], []), (["2"], ["1"])]
    assert document.answers[0].text.endswith("Daarnaast volgt een evaluatie.")


def test_headings_and_signature_with_line_breaks_inside_one_paragraph() -> None:
    blocks = [Block(HEADER), Block("Vraag 1\nKlopt het?"), Block("Antwoord 1\nJa.")]
    blocks.append(Block("De minister van Defensie,\n\nR.P. Bos"))
    document = _parse(blocks)
    assert [(q.number, q.text) for q in document.questions] == [("1", "Klopt het?")]
    assert [a.text for a in document.answers] == ["Ja."]
    assert [(s.name, s.function) for s in document.metadata.signatories] == [
        ("R.P. Bos", "minister van Defensie")
    ]


def test_signatures_found_when_a_reader_breaks_lines_elsewhere() -> None:
    head = [
        "Hierbij bied ik u de antwoorden aan (ingezonden 19 december 2025). De minister van "
        "Justitie en Veiligheid,",
        "D.H. Kaya",
        "De staatssecretaris van Justitie en Veiligheid, M.C. Brouwer-Smit",
        "Ministerie van Justitie",
    ]
    signed = header_metadata(head, {}, "").signatories
    assert [(s.name, s.function) for s in signed] == [
        ("D.H. Kaya", "minister van Justitie en Veiligheid"),
        ("M.C. Brouwer-Smit", "staatssecretaris van Justitie en Veiligheid"),
    ]


def test_letter_addressee_broken_over_two_paragraphs() -> None:
    head = ["Hierbij de antwoorden op de vragen aan de staatssecretaris van", "Financiën over X."]
    assert header_metadata(head, {}, "").addressees == ["staatssecretaris van Financiën"]


def test_shared_heading_over_one_joined_paragraph_is_split_at_question_marks() -> None:
    joined = "Wat kost het?1 Wie betaalt het? Wanneer begint het?"
    note = Note("1", "Bron.", joined.index("1 Wie"))
    text = joined.replace("?1 ", "? ")
    blocks = [Block(HEADER), Block("Vragen 2 t/m 4"), Block(text, notes=[note])]
    blocks += [Block("Antwoord 2 t/m 4"), Block("Dat volgt.")]
    document = _parse(blocks)
    assert [(q.number, q.text) for q in document.questions] == [
        ("2", "Wat kost het?"),
        ("3", "Wie betaalt het?"),
        ("4", "Wanneer begint het?"),
    ]
    assert [(f.in_, f.offset) for f in document.footnotes] == [("q2", len("Wat kost het?"))]
    assert document.warnings == []


def test_answer_heading_glued_after_the_question_and_page_footers() -> None:
    blocks = [
        Block(HEADER),
        Block("Vraag 1"),
        Block("Klopt het? Antwoord 1 Ja, dat klopt. Pagina 2"),
    ]
    blocks += [
        Block("Pagina 3 van 4"),
        Block("Vraag 2"),
        Block("Wie betaalt?"),
        Block("Antwoord 2"),
    ]
    blocks.append(Block("Het Rijk."))
    document = _parse(blocks)
    assert [(q.number, q.text) for q in document.questions] == [
        ("1", "Klopt het?"),
        ("2", "Wie betaalt?"),
    ]
    assert [a.text for a in document.answers] == ["Ja, dat klopt.", "Het Rijk."]


def test_signature_in_capitals_and_mede_namens_between_function_and_name() -> None:
    lines = ["DE MINISTER VAN JUSTITIE EN VEILIGHEID,", "mede namens de minister van BZK,"]
    lines += ["D. Kaya", "De minister van LVVN,", "A.B. de Groot"]
    assert [(s.name, s.function) for s in letter_signatories(lines)] == [
        ("D. Kaya", "minister van Justitie en Veiligheid"),
        ("A.B. de Groot", "minister van Landbouw, Visserij, Voedselzekerheid en Natuur"),
    ]


def test_addressees_sharing_one_ministry() -> None:
    assert parse_addressees("de Minister en de Staatssecretaris van Justitie en Veiligheid") == [
        "minister van Justitie en Veiligheid",
        "staatssecretaris van Justitie en Veiligheid",
    ]


def test_consecutive_numbered_questions_before_a_joint_answer() -> None:
    texts = [HEADER, "1. Kent u het onderzoek?", "Antwoord op vraag 1", "Ja."]
    texts += ["2. Hoeveel blikjes worden ingezameld?", "3. Wat is het retourpercentage?"]
    texts += [
        "Antwoord op vraag 2 en 3",
        "Ruim twee miljard; 79%.",
        "4. Wat doet u als dat zo blijft?",
    ]
    texts += [
        "Antwoord op vraag 4",
        "Ik neem maatregelen:",
        "1. meer innamepunten;",
        "2. hogere bedragen.",
    ]
    document = _parse([Block(text) for text in texts])
    assert [q.number for q in document.questions] == ["1", "2", "3", "4"]
    assert [a.questions for a in document.answers] == [["1"], ["2", "3"], ["4"]]
    assert document.answers[2].text.endswith("2. hogere bedragen.")


def test_bare_answer_heading_glued_to_the_first_sentence() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Antwoord Het klopt.")]
    blocks += [Block("Vraag 2"), Block("Wie betaalt?"), Block("Antwoord"), Block("Het Rijk.")]
    document = _parse(blocks)
    assert [(a.questions, a.text) for a in document.answers] == [
        (["1"], "Het klopt."),
        (["2"], "Het Rijk."),
    ]


def test_a_title_starting_with_antwoord_is_no_heading() -> None:
    blocks = [Block("Antwoord Kamervragen over munitie"), Block(HEADER), Block("Vraag 1")]
    blocks += [Block("Klopt het?"), Block("Antwoord 1"), Block("Ja.")]
    document = _parse(blocks)
    assert [(a.questions, a.text) for a in document.answers] == [(["1"], "Ja.")]


def test_an_answer_to_a_number_answers_its_sub_questions() -> None:
    blocks = [Block(HEADER), Block("Vraag 1a"), Block("Klopt het?"), Block("Vraag 1b")]
    blocks += [Block("Zo ja, sinds wanneer?"), Block("Antwoord 1"), Block("Ja, sinds 2024.")]
    document = _parse(blocks)
    assert [a.questions for a in document.answers] == [["1a", "1b"]]
    assert [q.answer_id for q in document.questions] == ["a1", "a1"]
    assert document.warnings == []


def test_ad_headings_for_answers() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Vraag 2")]
    blocks += [Block("Wie betaalt?"), Block("Ad 1"), Block("Ja."), Block("Ad vraag 2: Het Rijk.")]
    blocks.append(Block("Ad 1 miljoen euro is nodig."))
    document = _parse(blocks)
    assert [(a.questions, a.text) for a in document.answers] == [
        (["1"], "Ja."),
        (["2"], "Het Rijk.\n\nAd 1 miljoen euro is nodig."),
    ]


def test_qa_table_with_wrapped_and_ragged_rows() -> None:
    rows = [["Nr", "Vraag", "Antwoord"], ["1", "Klopt", "Ja,", "extra"], ["", "het?", "dat klopt."]]
    rows.append(["2"])
    table = Block(" ".join(c for r in rows for c in r), kind="table", rows=rows)
    document = _parse([Block(HEADER), table])
    assert [(q.number, q.text) for q in document.questions] == [("1", "Klopt het?")]
    assert [(a.questions, a.text) for a in document.answers] == [(["1"], "Ja, dat klopt.")]


WORD_HTML = """<html><head><meta charset="utf-8"></head><body lang=NL><div class=WordSection1>
<p class=MsoNormal>Vragen van het lid Visser (VVD) aan de Minister van Defensie over munitie
(ingezonden 2 maart 2026).</p>
<p class=MsoNormal><b>Vraag 1</b></p>
<p class=MsoNormal>Klopt het bericht?<a href="#_ftn1" name="_ftnref1"><span
class=MsoFootnoteReference>[1]</span></a></p>
<p class=MsoNormal><b>Antwoord 1</b></p><p class=MsoNormal>Ja.</p>
</div><div><hr align=left size=1 width="33%"><div id=ftn1><p class=MsoFootnoteText>
<a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference>[1]</span></a>
Dagblad, 1 maart 2026.</p></div></div></body></html>"""


def test_word_html_export_with_typed_footnotes() -> None:
    document = parse_bytes(WORD_HTML.encode(), "antwoord.htm")
    assert [(q.number, q.text) for q in document.questions] == [("1", "Klopt het bericht?")]
    assert [a.text for a in document.answers] == ["Ja."]
    assert [(f.text, f.in_) for f in document.footnotes] == [("Dagblad, 1 maart 2026.", "q1")]


def test_running_headers_left_as_paragraphs_are_dropped() -> None:
    blocks = [Block(HEADER), Block("Vraag 1"), Block("Klopt het")]
    blocks += [Block("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 2"), Block("bericht?")]
    blocks += [
        Block("Antwoord 1"),
        Block("Aanhangsel Handelingen II 2025/26, nr. 1702 — Tweede Kamer"),
    ]
    blocks.append(Block("Ja."))
    document = _parse(blocks)
    assert [q.text for q in document.questions] == ["Klopt het\n\nbericht?"]
    assert [a.text for a in document.answers] == ["Ja."]
    assert not any(r.type == "aanhangsel" for r in document.references)


def test_running_header_glued_after_a_sentence_end_is_dropped() -> None:
    glued = "Klopt het? Aanhangsel Handelingen II 2025/26, nr. 1402 — Tweede Kamer, vergaderjaar"
    blocks = [Block(HEADER), Block("Vraag 1"), Block(glued), Block("Antwoord 1"), Block("Ja.")]
    assert [q.text for q in _parse(blocks).questions] == ["Klopt het?"]


def test_a_wrapped_onderwerp_cut_by_the_reader_is_completed_from_the_table() -> None:
    table = Block("", kind="table", rows=[["Onderwerp", "Antwoorden Kamervragen over munitie"]])
    blocks = [table, Block(HEADER), Block("Vraag 1"), Block("Klopt het?"), Block("Antwoord 1")]
    blocks.append(Block("Ja."))
    document = _parse(blocks, onderwerp="Antwoorden Kamervragen")
    assert document.title == "Antwoorden Kamervragen over munitie"


def test_title_names_the_askers_and_subject_when_there_is_no_onderwerp_line() -> None:
    from kamerqa.parse import parse_bytes

    text = (
        "Vragen van de leden De Wit (VVD) en Yilmaz (D66) aan de minister van Defensie over "
        "drones boven kazernes (ingezonden 3 maart 2026).\n\n"
        "Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n"
    )
    doc = parse_bytes(text.encode(), "t.txt")
    assert doc.title == (
        "Vragen van de leden De Wit (VVD) en Yilmaz (D66) over drones boven kazernes"
    )
