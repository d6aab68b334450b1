"""Layout text exports of PDFs: page furniture at page edges, paragraphs over page breaks,
page-bottom notes (invented text)."""

from __future__ import annotations

import textwrap

from kamerqa.readers.text import read_text
from kamerqa.readers.text_pages import PAGE_BREAK, drop_page_edges

_HEADER = ["Aanhangsel Handelingen II 2025/26, nr. 1544 — Tweede Kamer,", "vergaderjaar 2025–2026"]
_LONG = (
    "Het kabinet heeft in het afgelopen jaar met de provincies afspraken gemaakt over de "
    "aanleg van laadpalen langs de rijkswegen en over de verdeling van de kosten daarvan, "
    "waarbij de netbeheerders vooraf worden betrokken bij de keuze van de locaties."
)


_NOTE_END = "Kamerstuk 31 305, nr. 8."


def _footer(page: int) -> str:
    return f"ah-tk-20252026-1544 ISSN 0921-7398 ’s-Gravenhage 2026 {page}"


def _pdf_text() -> str:
    """Three pages: header, body, a long page-bottom note, footer with the page number."""
    question = "Vraag 1\nHoeveel laadpalen zijn er in 2025 langs de rijkswegen geplaatst?1"
    first = textwrap.wrap(_LONG, width=64)
    page1 = [*_HEADER, *question.split("\n"), "Antwoord 1", *first[:2]]
    note = (
        "1 Zie de brief van de minister van Infrastructuur en Waterstaat, Kamerstuk 31 305, nr. 8."
    )
    page1 += [note, _footer(1)]
    page2 = [*_HEADER, *first[2:], "Vraag 2", "Wanneer volgt de evaluatie?", _footer(2)]
    page3 = [*_HEADER, "Antwoord 2", "De evaluatie volgt in het voorjaar van 2027.", _footer(3)]
    return "\f".join("\n".join(page) for page in (page1, page2, page3))


def test_furniture_goes_and_a_paragraph_runs_on_over_the_page_break() -> None:
    result = read_text(_pdf_text())
    texts = [b.text for b in result.blocks]
    assert not any(
        "Aanhangsel Handelingen" in t or "ISSN" in t or "vergaderjaar" in t for t in texts
    )
    assert _LONG in texts
    assert texts.count("Vraag 2") == 1 and "Antwoord 2" in texts


def test_a_page_bottom_note_does_not_take_the_next_page_along() -> None:
    result = read_text(_pdf_text())
    notes = [(n.id, n.text) for b in result.blocks for n in b.notes]
    assert notes == [
        (
            "1",
            "Zie de brief van de minister van Infrastructuur en Waterstaat, "
            "Kamerstuk 31 305, nr. 8.",
        )
    ]
    question = next(b for b in result.blocks if b.notes)
    assert question.text.endswith("rijkswegen geplaatst?")
    assert question.notes[0].offset == len(question.text)


def test_question_headings_at_page_tops_are_not_furniture() -> None:
    pages = [
        f"Vraag {n}\nIs de regeling van kracht geworden op {n} mei?\nPagina {n}" for n in (1, 2, 3)
    ]
    text = drop_page_edges("\f".join(pages))
    assert "Pagina" not in text
    assert [line for line in text.split("\n") if line.startswith("Vraag")] == [
        "Vraag 1",
        "Vraag 2",
        "Vraag 3",
    ]
    assert text.count(PAGE_BREAK) == 2


def test_blank_line_gaps_count_as_page_breaks_only_when_asked() -> None:
    topics = ("de zorg", "het onderwijs", "de woningbouw")
    pages = [f"Kenmerk 2026-0412\nTekst over {topic}.\n{n}" for n, topic in enumerate(topics, 1)]
    text = "\n\n\n".join(pages)
    assert drop_page_edges(text) == text
    dropped = drop_page_edges(text, gaps=True)
    assert "Kenmerk" not in dropped
    assert [line for line in dropped.splitlines() if line.strip(PAGE_BREAK)] == [
        "Tekst over de zorg.",
        "Tekst over het onderwijs.",
        "Tekst over de woningbouw.",
    ]


def test_word_export_with_form_feeds_keeps_one_paragraph_per_line() -> None:
    paragraphs = [
        "Vraag 1",
        "Bent u bekend met het bericht over de sluiting van het gemeentelijke zwembad?",
        "Antwoord 1",
        "Ja.",
    ]
    text = "\n".join(paragraphs[:2]) + "\f" + "\n".join(paragraphs[2:])
    assert [b.text for b in read_text(text).blocks] == paragraphs


def test_marker_glued_to_a_year_at_a_sentence_end() -> None:
    body = (
        "In mijn brief van 7 november 20231 en in 2024 heb ik u hierover geïnformeerd. "
        "Dit volgt uit de voorhangprocedure van artikel 4.7 van de Comptabiliteitswet 2016.2 "
        "Uw Kamer kan zich daarover uitspreken voordat een transactie plaatsvindt, zoals ook in "
        "versie 2.1 van het kader staat."
    )
    lines = [*textwrap.wrap(body, width=60), "1 Kamerstuk 31 305, nr. 8.", "2 Stb. 2016, 564."]
    lines += ["Pagina 1"]
    lines += [*textwrap.wrap("De evaluatie volgt in het voorjaar. " * 4, width=60), "Pagina 2"]
    result = read_text("\f".join(["\n".join(lines[:-5]), "\n".join(lines[-5:])]))
    first = result.blocks[0]
    assert "Comptabiliteitswet 2016. Uw Kamer" in first.text and "versie 2.1 van" in first.text
    assert "7 november 2023 en in 2024 heb" in first.text
    assert [(n.id, n.offset) for n in first.notes] == [
        ("1", first.text.index(" en in 2024")),
        ("2", first.text.index(" Uw Kamer")),
    ]


def test_questions_and_answers_in_a_label_column() -> None:
    lines = [
        "Antwoorden op vragen van het lid Jansen over de visserij in de Waddenzee",
        "Vraag 1 Hoeveel vergunningen zijn in",
        "2026 verleend?",
        "Antwoord Er zijn veertien",
        "vergunningen verleend.",
        "Vraag 2 Wordt het beleid",
        "geëvalueerd?",
        "Antwoord Ja, zie ook het antwoord op",
        "vraag 1; de evaluatie volgt",
        "in 2027.",
        "Pagina 1",
    ]
    texts = [b.text for b in read_text("\n".join(lines) + "\f" + "Pagina 2\n").blocks]
    assert texts[1:] == [
        "Vraag 1",
        "Hoeveel vergunningen zijn in 2026 verleend?",
        "Antwoord",
        "Er zijn veertien vergunningen verleend.",
        "Vraag 2",
        "Wordt het beleid geëvalueerd?",
        "Antwoord",
        "Ja, zie ook het antwoord op vraag 1; de evaluatie volgt in 2027.",
    ]


def test_flattened_table_with_number_question_and_answer_columns() -> None:
    lines = [
        "Antwoorden op vragen van het lid Jansen over de veerdiensten",
        "Nr. Vraag Antwoord",
        "1 Hoeveel veerdiensten",
        "zijn in 2025 uitgevallen?",
        "Volgens de",
        "vervoerders vielen",
        "2025 afvaarten uit.",
        "2 Wordt dit",
        "onderzocht?",
        "Ja, zie ook vraag",
        "1; het onderzoek volgt.",
        "Pagina 1",
    ]
    texts = [b.text for b in read_text("\n".join(lines) + "\f" + "Pagina 2\n").blocks]
    assert texts[2:] == [
        "Vraag 1",
        "Hoeveel veerdiensten zijn in 2025 uitgevallen?",
        "Antwoord",
        "Volgens de vervoerders vielen 2025 afvaarten uit.",
        "Vraag 2",
        "Wordt dit onderzocht?",
        "Antwoord",
        "Ja, zie ook vraag 1; het onderzoek volgt.",
    ]


def test_a_sentence_end_on_a_line_that_is_not_full_ends_the_paragraph() -> None:
    question = (
        "De leden van de VVD-fractie vragen of de Dienst Toeslagen de nieuwe "
        "berekening per 1 januari 2027 tijdig kan uitvoeren."
    )
    answer = (
        "De Dienst Toeslagen heeft een uitvoeringstoets uitgevoerd en acht de invoering per "
        "1 januari 2027 haalbaar, mits de wet uiterlijk op 1 juli 2026 in het Staatsblad staat "
        "en de systemen tijdig zijn aangepast."
    )
    lines = [
        "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "Vastgesteld 9 januari 2026",
        *textwrap.wrap(question, width=66),
        *textwrap.wrap(answer, width=66),
        *textwrap.wrap(answer.replace("De Dienst", "Ook de Dienst"), width=66),
    ]
    texts = [b.text for b in read_text("\n".join(lines) + "\n").blocks]
    assert texts[:4] == [lines[0], lines[1], question, answer]


def test_pdfium_export_hyphen_and_text_after_a_raised_marker() -> None:
    question = (
        "De leden van de GroenLinks\ufffePvdA-fractie vragen hoeveel gemeenten voldoende "
        "capaciteit hebben om de kortere procedures uit te voeren in de komende jaren, en hoe "
        "de regering de gemeenten daarbij ondersteunt nu de termijnen korter worden."
    )
    lines = [
        *textwrap.wrap(question, width=70),
        "Het Rijk stelt in 2026 en 2027 € 60 miljoen beschikbaar voor extra capaciteit.1",
        " Daarnaast ondersteunt de",
        "Expertisepool Woningbouw gemeenten met de tijdelijke inzet van specialisten en",
        "met advies over de inrichting van de procedures bij de kleinere gemeenten.",
        "1 Zie de brief van 10 november 2025.",
        "Pagina 1",
    ]
    result = read_text("\n".join(lines) + "\fPagina 2\n")
    texts = [b.text for b in result.blocks]
    assert texts[0].startswith("De leden van de GroenLinks-PvdA-fractie")
    assert texts[1].startswith("Het Rijk") and "capaciteit. Daarnaast ondersteunt de" in texts[1]
    assert [(n.id, n.offset) for n in result.blocks[1].notes] == [
        ("1", texts[1].index(" Daarnaast"))
    ]


def test_imprint_lines_and_an_imprint_run_into_the_footer() -> None:
    footer = "Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel {}"
    pages = [
        [
            "Vraag 1",
            "Kent u het bericht over de sluiting van de huisartsenpost?1",
            "1 Omroep West, 3 maart 2026.",
            "ah-tk-20252026-1711",
            "ISSN 0921 - 7398",
            "’s-Gravenhage 2026 " + footer.format(1),
        ],
        ["Antwoord 1", "Ja.", footer.format(2)],
        ["Vraag 2", "Gaat de post weer open?", footer.format(3)],
    ]
    text = drop_page_edges("\f".join("\n".join(page) for page in pages))
    kept = [line for line in text.splitlines() if line.strip(PAGE_BREAK)]
    assert kept == [
        "Vraag 1",
        "Kent u het bericht over de sluiting van de huisartsenpost?1",
        "1 Omroep West, 3 maart 2026.",
        "Antwoord 1",
        "Ja.",
        "Vraag 2",
        "Gaat de post weer open?",
    ]


def test_wrapped_text_with_some_lines_run_together_is_still_wrapped() -> None:
    sentence = (
        "De gemeente heeft in overleg met de politie en de organisatoren besloten om de "
        "intocht dit jaar op een andere locatie te laten plaatsvinden dan eerder was gepland"
    )
    lines = textwrap.wrap(" ".join([sentence] * 14) + ".", width=72)
    # two lines that PDFium ran together at a hyphen (about twice the wrap width)
    lines[3] = lines[3] + " " + lines[4]
    lines[9] = lines[9] + " " + lines[10]
    del lines[10], lines[4]
    texts = [b.text for b in read_text("\n".join(lines) + "\n").blocks]
    assert len(texts) == 1 and texts[0].endswith("gepland.")


def test_marker_glued_after_an_abbreviation_or_a_bracket_and_question_mark() -> None:
    question = (
        "Bent u bekend met de berichtgeving van de NOS?1 Klopt het dat de intocht is afgelast "
        "uit angst voor acties door Kick Out Zwarte Piet (KOZP)?2 Bent u bereid de burgemeester "
        "hierover te bevragen en de Kamer voor het kerstreces over de uitkomst te informeren, "
        "en daarbij ook in te gaan op de rol van de politie en de organisatoren van de intocht "
        "in deze en in eerdere jaren, en op de afspraken die daarover zijn gemaakt?"
    )
    lines = [*textwrap.wrap(question, width=70), "1 NOS, 17 november 2023.", "2 Zie ook de NOS."]
    lines += ["Pagina 1"]
    result = read_text("\n".join(lines) + "\fPagina 2\n")
    block = result.blocks[0]
    assert "NOS? Klopt" in block.text and "(KOZP)? Bent" in block.text
    assert [n.id for n in block.notes] == ["1", "2"]
    assert len(result.blocks) == 1


def test_a_page_bottom_note_that_is_a_web_address() -> None:
    question = (
        "Bent u bekend met het op 25 maart 2026 gepubliceerde rapport over de gevolgen van "
        "baggerprojecten voor vissers en boeren van de organisatie Both Ends1 en met de reactie "
        "van de verzekeraar daarop, en kunt u aangeven welke projecten in het rapport worden "
        "genoemd en welke daarvan door de Staat zijn verzekerd?"
    )
    lines = [*textwrap.wrap(question, width=70), "1 https://www.example.org/rapport-baggeren/"]
    result = read_text("\n".join(lines) + "\fPagina 2\n")
    assert [(n.id, n.text) for b in result.blocks for n in b.notes] == [
        ("1", "https://www.example.org/rapport-baggeren/")
    ]
    assert len(result.blocks) == 1 and "Both Ends en met" in result.blocks[0].text


def test_pdfium_hyphen_inside_a_word_is_a_syllable_break() -> None:
    text = "De projecteige\ufffenaren en de leden van de CDA- en SGP\ufffefractie.\n"
    assert read_text(text).blocks[0].text == (
        "De projecteigenaren en de leden van de CDA- en SGP-fractie."
    )
