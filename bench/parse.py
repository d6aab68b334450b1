"""Parsing benchmark: synthetic text documents of every genre, parsed end to end.

    .venv/bin/python bench/parse.py [--docs 200] [--questions 40] [--seed 1]

Writes a corpus of invented documents (schriftelijk overleg letters and verslagen, Kamervragen
answers, lijsten van vragen with many questions, nota's) to a temporary folder, then measures
(1) merely reading and decoding the same files (the baseline) and (2) reading + parsing them
with kamerqa. Prints documents/s, MB/s, the ratio parse/baseline, and per-genre figures. The
folder is removed afterwards. No timing is asserted anywhere; the figures are for people.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kamerqa.parse import parse_bytes
from kamerqa.readers.text import decode

PARTIES = ("VVD", "PVV", "GroenLinks-PvdA", "NSC", "D66", "BBB", "CDA", "SP", "SGP", "Volt")
SUBJECTS = (
    "de luchtverdediging",
    "de wachtlijsten in de ggz",
    "de woningbouw",
    "het stikstofbeleid",
    "de capaciteit van het gevangeniswezen",
    "de netcongestie",
    "het lerarentekort",
)
WORDS = (
    "het kabinet",
    "de minister",
    "de uitvoering",
    "de regeling",
    "de gemeenten",
    "de kosten",
    "de evaluatie",
    "het budget",
    "de planning",
    "de Kamer",
    "de toezichthouder",
    "de sector",
    "de maatregelen",
    "het onderzoek",
    "de provincies",
    "de bedrijven",
)
VERBS = ("verbetert", "onderzoekt", "bespreekt", "verhoogt", "evalueert", "ondersteunt", "beperkt")


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(WORDS, 2)
    return f"{a.capitalize()} {rng.choice(VERBS)} {b} in {rng.randint(2024, 2030)}."


def _answer(rng: random.Random, number: int) -> str:
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(2)]
    if number > 1 and rng.random() < 0.1:
        paragraphs.insert(0, f"Zie het antwoord op vraag {rng.randint(1, number - 1)}.")
    if rng.random() < 0.1:
        paragraphs[-1] += f"[footnoteRef:{number}]  [{number}:  Kamerstuk 21 501-20, nr. {number}.]"
    return "\n".join(paragraphs)


def _question(rng: random.Random, party: str) -> str:
    subject, verb, target = rng.choice(WORDS), rng.choice(VERBS), rng.choice(WORDS)
    return f"De leden van de {party}-fractie vragen hoe {subject} {verb} {target}?"


def so_letter(rng: random.Random, questions: int) -> str:
    lines = [
        "Geachte voorzitter,",
        f"Hierbij ontvangt u de antwoorden op de inbreng van de vaste commissie voor Defensie voor "
        f"het schriftelijk overleg over {rng.choice(SUBJECTS)}. Deze vragen werden ingezonden op "
        f"8 oktober 2025 met kenmerk 28676-552/2025D4{rng.randint(1000, 9999)}.",
        "Hoogachtend,",
        "DE MINISTER VAN DEFENSIE",
        "Jan Jansen",
        "",
        "Vragen en antwoorden",
    ]
    number = 0
    for party in rng.sample(PARTIES, 4):
        lines += [
            f"Vragen en opmerkingen van de leden van de {party}-fractie",
            f"De leden van de {party}-fractie hebben kennisgenomen van de stukken.",
        ]
        for _ in range(questions // 4):
            number += 1
            lines += [
                f"Vraag {number}",
                _question(rng, party),
                "",
                "Antwoord",
                _answer(rng, number),
                "",
            ]
    return "\n".join(lines)


def so_verslag(rng: random.Random, questions: int) -> str:
    lines = [
        "Nr. 12 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
        "Vastgesteld 2 december 2025",
        "De vaste commissie voor Financiën heeft een aantal vragen en opmerkingen voorgelegd "
        f"aan de Minister van Financiën over {rng.choice(SUBJECTS)}.",
        "De voorzitter van de commissie,",
        "Jansen",
        "De griffier van de commissie,",
        "Bakker",
    ]
    for party in rng.sample(PARTIES, 4):
        lines += [f"Vragen en opmerkingen van de leden van de {party}-fractie"]
        for index in range(questions // 4):
            lines += [_question(rng, party), "Antwoord", _answer(rng, index + 1)]
    return "\n".join(lines)


def kamervragen(rng: random.Random, questions: int) -> str:
    lines = [
        f"Vragen van het lid Jansen ({rng.choice(PARTIES)}) aan de Minister van Financiën over "
        f"{rng.choice(SUBJECTS)} (ingezonden 3 maart 2025).",
        "Antwoord van Minister Bakker (Financiën) (ontvangen 24 maart 2025).",
    ]
    for number in range(1, questions + 1):
        lines += [
            f"Vraag {number}",
            _question(rng, "VVD"),
            f"Antwoord {number}",
            _answer(rng, number),
        ]
    return "\n".join(lines)


def lijst(rng: random.Random, questions: int) -> str:
    lines = [
        "Nr. 7 LIJST VAN VRAGEN EN ANTWOORDEN",
        "Vastgesteld 14 november 2024",
        "De vaste commissie voor Financiën heeft een aantal vragen voorgelegd aan de Minister van "
        "Financiën over de begroting (Kamerstuk 36 600 IX, nr. 2).",
        "De Minister heeft deze vragen beantwoord bij brief van 8 november 2024.",
    ]
    for number in range(1, questions * 5 + 1):
        question = f"Hoeveel kost {rng.choice(WORDS)} in {rng.randint(2024, 2030)}?"
        lines += [f"Vraag {number}", question, f"Antwoord op vraag {number}:", _answer(rng, number)]
    return "\n".join(lines)


def nota(rng: random.Random, questions: int) -> str:
    lines = [
        "36 412 Wijziging van de Wet op het primair onderwijs",
        "Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "Ontvangen 3 maart 2025",
    ]
    for section in range(1, 5):
        lines.append(f"{section}. Onderdeel {section}")
        for _ in range(questions // 4):
            lines += [_question(rng, rng.choice(PARTIES)), _answer(rng, 1).replace("Zie", "Ook")]
    lines += ["De Minister van Onderwijs, Cultuur en Wetenschap,", "E. Bruins"]
    return "\n".join(lines)


GENERATORS: dict[str, Callable[[random.Random, int], str]] = {
    "schriftelijk_overleg": so_letter,
    "verslag_schriftelijk_overleg": so_verslag,
    "kamervragen": kamervragen,
    "lijst_van_vragen": lijst,
    "nota": nota,
}


def write_corpus(folder: Path, documents: int, questions: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for index in range(documents):
        kind = list(GENERATORS)[index % len(GENERATORS)]
        path = folder / f"{index:05d}_{kind}.txt"
        path.write_text(GENERATORS[kind](rng, questions), encoding="utf-8")
        paths.append(path)
    return paths


def timed(work: Callable[[Path], object], paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        work(path)
    return time.perf_counter() - start


def run(documents: int, questions: int, seed: int) -> dict[str, float]:
    """Write the corpus, time both passes, print the figures; returns them too."""
    with tempfile.TemporaryDirectory(prefix="kamerqa-bench-") as tmp:
        paths = write_corpus(Path(tmp), documents, questions, seed)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        baseline = timed(lambda p: decode(p.read_bytes()), paths)
        parsed = timed(lambda p: parse_bytes(p.read_bytes(), str(p)), paths)
        found = sum(len(parse_bytes(p.read_bytes(), str(p)).questions) for p in paths)
        print(f"{documents} documents, {megabytes:.2f} MB, ~{questions} questions each (lijst x5)")
        print(f"read+decode: {documents / baseline:10.0f} docs/s {megabytes / baseline:8.1f} MB/s")
        print(f"read+parse:  {documents / parsed:10.1f} docs/s {megabytes / parsed:8.2f} MB/s")
        print(f"parse / read+decode time ratio: {parsed / baseline:.0f}x ({found} questions found)")
        for kind in GENERATORS:
            subset = [p for p in paths if p.stem.endswith(kind)]
            if subset:
                seconds = timed(lambda p: parse_bytes(p.read_bytes(), str(p)), subset)
                print(f"  {kind:30s} {len(subset) / seconds:8.1f} docs/s")
        return {"documents": documents, "baseline": baseline, "parsed": parsed, "questions": found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--formats",
        action="store_true",
        help="also time every format (text, DOCX, PDF, HTML, XML) on the corpus and fixtures, "
        "against the extraction library's own time, for PDF also against pypdfium2's "
        "positioned text (bench/parse_formats.py)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="rounds for --formats")
    args = parser.parse_args(argv)
    run(args.docs, args.questions, args.seed)
    if args.formats:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from parse_formats import REPO, bench_formats, collect

        print()
        bench_formats(collect(REPO.parent / "shared"), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
