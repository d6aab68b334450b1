"""A Document as table rows (one function per table), and its content hash."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any

from kamerqa.model import Answer, Document
from kamerqa.parse.parties import split_parties
from kamerqa.search.analysis import analyse
from kamerqa.search.query import meta_token

Row = tuple[Any, ...]
_MINISTRY = re.compile(
    r"\b(?:minister|staatssecretaris|ministerie)\s+(?:voor\s+\w+\s+en\s+)?(?:van|voor)\s+(.+)",
    re.IGNORECASE,
)


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(doc: Document) -> str:
    return _dumps(doc.to_dict())


def json_and_hash(doc: Document) -> tuple[str, str]:
    """The canonical JSON of ``doc`` and the sha256 of its content. The hash leaves out the
    source path: the same file ingested from another folder is unchanged."""
    data = doc.to_dict()
    hashed = dict(data, source={**data["source"], "path": ""})
    return _dumps(data), hashlib.sha256(_dumps(hashed).encode("utf-8")).hexdigest()


def ministry_of(addressee: str) -> str | None:
    """ "minister van Defensie" -> "Defensie"; "de Minister voor Klimaat en Groene Groei" -> the
    part after "voor"; None when no ministry is named."""
    match = _MINISTRY.search(addressee)
    if match is None:
        return None
    name = match.group(1).strip().rstrip(".,;")
    return name[:1].upper() + name[1:] if name else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def document_row(doc: Document, hash_: str, document_json: str) -> Row:
    m = doc.metadata
    when = m.date_answered or m.date_submitted or m.date_published
    ids = m.identifiers
    return (
        doc.id,
        doc.genre,
        doc.title,
        m.committee,
        m.subject,
        m.meeting,
        _iso(m.date_submitted),
        _iso(m.date_answered),
        _iso(m.date_published),
        _iso(when),
        when.year if when else None,
        m.reference,
        ids.koop,
        ids.tk_document,
        ids.zaak,
        ids.aanhangsel,
        doc.source.path,
        doc.source.format,
        doc.source.sha256 or None,
        hash_,
        document_json,
    )


DOCUMENT_COLUMNS = (
    "id, genre, title, committee, subject, meeting, date_submitted, date_answered, "
    "date_published, date, year, reference, koop_id, tk_document, zaak, aanhangsel, "
    "source_path, source_format, source_sha256, content_hash, document_json"
)


def child_rows(doc: Document) -> dict[str, list[Row]]:
    """Rows of every per-document table except ``documents`` and ``qa_units``."""
    d = doc.id
    m = doc.metadata
    return {
        "parties": [
            (d, i, p.name, p.intro, json.dumps(p.question_numbers))
            for i, p in enumerate(doc.parties)
        ],
        "askers": [(d, i, a.name, a.party) for i, a in enumerate(m.askers)],
        "addressees": [(d, i, a, ministry_of(a)) for i, a in enumerate(m.addressees)],
        "questions": [
            (d, i, q.number, q.party, q.section, q.text, q.answer_id)
            for i, q in enumerate(doc.questions)
        ],
        "answers": [
            (d, i, a.id, a.text, json.dumps(a.questions), json.dumps(a.refers_to))
            for i, a in enumerate(doc.answers)
        ],
        "answer_questions": sorted({(d, a.id, n) for a in doc.answers for n in a.questions}),
        "footnotes": [(d, i, f.id, f.text, f.in_) for i, f in enumerate(doc.footnotes)],
        "doc_references": [
            (d, i, r.type, r.text, r.dossier, r.number, r.year, r.koop_id, r.in_)
            for i, r in enumerate(doc.references)
        ],
    }


CHILD_TABLES = (
    "parties",
    "askers",
    "addressees",
    "questions",
    "answers",
    "answer_questions",
    "footnotes",
    "doc_references",
)


def _answer_party(doc: Document, answer: Answer) -> str | None:
    for number in answer.questions:
        question = doc.question(number)
        if question is not None and question.party:
            return question.party
    return None


def unit_meta(kind: str, party: str | None, genre: str, year: int | None) -> str:
    """The filter tokens of a search unit (see :func:`kamerqa.search.query.meta_token`)."""
    tokens = [meta_token("kind", kind), meta_token("genre", genre)]
    tokens += [meta_token("party", one) for one in split_parties(party or "")]
    if year:
        tokens.append(meta_token("year", year))
    return " ".join(tokens)


def unit_rows(doc: Document) -> list[Row]:
    """Search units (doc_id, kind, ref, position, party, stems, parts, words, meta)."""
    m = doc.metadata
    when = m.date_answered or m.date_submitted or m.date_published
    year = when.year if when else None
    rows: list[Row] = []
    for i, q in enumerate(doc.questions):
        a = analyse(q.text)
        meta = unit_meta("question", q.party, doc.genre, year)
        rows.append((doc.id, "question", q.number, i, q.party, a.stems, a.parts, a.words, meta))
    for i, ans in enumerate(doc.answers):
        a = analyse(ans.text)
        party = _answer_party(doc, ans)
        meta = unit_meta("answer", party, doc.genre, year)
        rows.append((doc.id, "answer", ans.id, i, party, a.stems, a.parts, a.words, meta))
    return rows
