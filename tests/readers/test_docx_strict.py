"""DOCX saved as "Strict Open XML": other namespace names, the same reading."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kamerqa.readers.docx import read

FIXTURE = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "unseen_kamervragen"
    / "jenv_brief_mede_namens_tabel.docx"
)
TRANSITIONAL_TO_STRICT = (
    (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    ),
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
)


def _as_strict(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            for transitional, strict in TRANSITIONAL_TO_STRICT:
                part = part.replace(transitional, strict)
            target.writestr(info, part)
    return out.getvalue()


def test_strict_docx_reads_like_the_transitional_one() -> None:
    data = FIXTURE.read_bytes()
    strict = _as_strict(data)
    assert strict != data
    expected, got = read(data), read(strict)
    assert [(b.kind, b.text) for b in got.blocks] == [(b.kind, b.text) for b in expected.blocks]
    assert [n.text for b in got.blocks for n in b.notes] == [
        n.text for b in expected.blocks for n in b.notes
    ]
    assert got.metadata == expected.metadata
    assert any(b.notes for b in got.blocks)
