"""Format detection looks at content, never at the file name."""

from __future__ import annotations

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import detect_format


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"PK\x03\x04rest-of-zip", "docx"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf<html><body>x</body></html>", "html"),
        (b'<?xml version="1.0"?><officiele-publicatie/>', "xml"),
        ('<?xml version="1.0" encoding="UTF-16"?><x/>'.encode("utf-16"), "xml"),
        ("Vraag 1\nHoe?".encode("utf-16"), "text"),
        (b"Vraag 1\nWaarom?\nAntwoord\nDaarom.", "text"),
    ],
)
def test_detects_by_content(data: bytes, expected: str) -> None:
    assert detect_format(data, "misleading.txt") == expected


def test_empty_and_old_word_files_are_refused() -> None:
    with pytest.raises(KamerqaInputError, match="empty"):
        detect_format(b"  \n ")
    with pytest.raises(KamerqaInputError, match=r"\.doc"):
        detect_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
