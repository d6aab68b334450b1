#!/usr/bin/env python3
"""Speed of the HTML and KOOP XML readers on a large synthetic publication, as ratios.

    .venv/bin/python bench/html_xml_readers.py [--questions 800] [--repeat 5]

Builds one KOOP-style HTML page and one KOOP XML publication with N questions and answers
(footnotes, lists), then times lxml alone (parse + all text: the baseline) and kamerqa's
reader on the same bytes, best of --repeat runs. Prints ms and reader/baseline ratios; the
refusal of an over-limit file is timed too. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

from lxml import etree
from lxml import html as lxml_html

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import html, xml
from kamerqa.readers.xml_common import MAX_MARKUP_BYTES

PARA = "De minister antwoordt dat het beleid ongewijzigd blijft en de Kamer een brief ontvangt. "


def _page(count: int) -> bytes:
    parts = []
    for i in range(1, count + 1):
        parts.append(
            f'<div class="vraag"><h2>Vraag {i}</h2><p>{PARA * 2}<sup><a class="nootnum" '
            f'href="#ID-{i}">{i}</a></sup></p></div><div class="antwoord"><h2>Antwoord {i}</h2>'
            f"<p>{PARA * 3}</p><ul><li>een</li><li>twee</li></ul></div>"
        )
    notes = "".join(
        f'<div class="voet noot" id="n-{i}"><sup><span class="nootnum" id="ID-{i}">{i}</span>'
        f"</sup><p>Kamerstuk 36 800 X, nr. {i}.</p></div>"
        for i in range(1, count + 1)
    )
    return (
        '<html><head><meta charset="utf-8"></head><body><nav>Menu</nav><div id="broodtekst">'
        f"{''.join(parts)}{notes}</div></body></html>"
    ).encode()


def _publication(count: int) -> bytes:
    parts = []
    for i in range(1, count + 1):
        parts.append(
            f'<vraag><nr>Vraag {i}</nr><al>{PARA * 2}<noot id="ID-{i}"><noot.nr>{i}</noot.nr>'
            f"<noot.al>Kamerstuk 36 800 X, nr. {i}.</noot.al></noot></al></vraag><antwoord>"
            f"<nr>Antwoord {i}</nr><al>{PARA * 3}</al><lijst><li><li.nr>–</li.nr><al>een</al>"
            "</li></lijst></antwoord>"
        )
    body = "".join(parts)
    return (
        f"<officiele-publicatie><kamervragen>{body}</kamervragen></officiele-publicatie>".encode()
    )


def _best(action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _refusal(data: bytes, read: Callable[[bytes], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(KamerqaInputError):
        read(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    page, publication = _page(args.questions), _publication(args.questions)
    cases = [
        ("html", page, lambda: lxml_html.document_fromstring(page).text_content(), html.read),
        ("xml", publication, lambda: "".join(etree.fromstring(publication).itertext()), xml.read),
    ]
    print(f"{'format':6} {'kB':>6} {'lxml ms':>8} {'reader ms':>9} {'ratio':>6}")
    for name, data, baseline, reader in cases:
        base = _best(baseline, args.repeat)
        ours = _best(lambda data=data, reader=reader: reader(data), args.repeat)
        size = len(data) // 1024
        print(f"{name:6} {size:6} {base * 1000:8.1f} {ours * 1000:9.1f} {ours / base:6.1f}")
    huge = b"<html><body>" + b"<p>tekst</p>" * (MAX_MARKUP_BYTES // 11 + 1) + b"</body></html>"
    refused = _refusal(huge, html.read)
    print(f"over-limit HTML ({len(huge) // 2**20} MB) refused in {refused * 1000:.2f} ms")


if __name__ == "__main__":
    main()
