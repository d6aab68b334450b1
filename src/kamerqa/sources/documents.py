"""Fetch, parse and write one TK document (the unit of work of a sync).

Fetching happens first (outside any transaction); ``write_*`` functions then run inside the
page transaction opened by the engine. A file that fails to parse is kept (raw bytes, sha256,
error) in ``sync_failure`` and never blocks the others.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from kamerqa.errors import KamerqaError
from kamerqa.model import Document
from kamerqa.sources.http import NotFoundError, SourceError
from kamerqa.sources.koop import KoopClient
from kamerqa.sources.odata import ODataClient
from kamerqa.sources.records import TkDocument, TkZaak, kind_role
from kamerqa.store import Store
from kamerqa.store import sync_state as state

Parser = Callable[[bytes, str], Document]
FILELESS_ROLES = ("postponement", "withdrawal")
_EXTENSIONS = {"pdf": "pdf", "word": "docx", "html": "html", "xml": "xml", "text/plain": "txt"}


@dataclass
class Fetched:
    """Everything fetched for one document, ready to be written."""

    tk: TkDocument
    updated: str
    data: bytes | None = None
    origin: str = ""
    extension: str = ""
    metadata: dict[str, str] | None = None
    fetch_error: str | None = None
    missing: bool = False


def default_parser(data: bytes, path: str) -> Document:
    from kamerqa.parse import parse_bytes

    return parse_bytes(data, path)


def _extension(content_type: str | None) -> str:
    low = (content_type or "").lower()
    return next((ext for key, ext in _EXTENSIONS.items() if key in low), "bin")


def _read_metadata(data: bytes) -> dict[str, str]:
    for module_name in ("kamerqa.readers.xml", "kamerqa.readers.xml_metadata"):
        try:
            reader = getattr(importlib.import_module(module_name), "read_metadata_xml", None)
        except ModuleNotFoundError:
            continue
        if reader is not None:
            try:
                found = reader(data)
            except KamerqaError:
                return {}
            return {str(k): str(v) for k, v in dict(found).items()}
    return {}


def fetch_document(
    tk: TkDocument, updated: str, odata: ODataClient, koop: KoopClient | None
) -> Fetched:
    """The file of ``tk``: KOOP XML (with metadata.xml) when it has a KOOP id, else TK's."""
    fetched = Fetched(tk=tk, updated=updated)
    if kind_role(tk.soort) in FILELESS_ROLES:
        return fetched
    try:
        if koop is not None and tk.koop_id and _from_koop(fetched, koop, tk.koop_id):
            return fetched
        fetched.data = odata.resource(tk.id, tk.content_length)
        fetched.origin = "tk"
        fetched.extension = _extension(tk.content_type)
    except NotFoundError:
        fetched.missing = True
    except SourceError as err:
        fetched.fetch_error = str(err)
    return fetched


def _from_koop(fetched: Fetched, koop: KoopClient, koop_id: str) -> bool:
    try:
        publication = koop.publication(koop_id)
    except NotFoundError:
        return False
    fetched.data = publication.data
    fetched.origin = "koop"
    fetched.extension = publication.format
    try:
        fetched.metadata = _read_metadata(koop.metadata(koop_id))
    except NotFoundError:
        fetched.metadata = None
    return True


def _enrich(doc: Document, tk: TkDocument, metadata: dict[str, str] | None) -> Document:
    ids = doc.metadata.identifiers
    ids.koop = tk.koop_id or ids.koop  # TK's own record of this document wins
    ids.tk_document = tk.nummer or ids.tk_document
    if tk.zaken and not ids.zaak:
        ids.zaak = tk.zaken[0].nummer
    for key, value in (metadata or {}).items():
        doc.metadata.extra.setdefault(f"meta:{key}", value)
    doc.title = doc.title or tk.titel
    doc.id = ids.koop or ids.tk_document or doc.id
    return doc


def _remove_store_document(
    store: Store, tk_id: str, store_doc_id: str | None, keep: str | None
) -> None:
    """Delete a parsed document no other live TK document points to any more."""
    if store_doc_id and store_doc_id != keep:
        users = state.documents_with_store_doc_id(store, store_doc_id)
        if not [r for r in users if r.tk_id != tk_id and not r.verwijderd]:
            store.delete_document(store_doc_id)


def write_fetched(store: Store, fetched: Fetched, parse: Parser) -> str:
    """Write one fetched document; returns what happened (inserted/updated/.../failed)."""
    tk = fetched.tk
    previous = state.get_document(store, tk.id)
    outcome, store_doc_id, status, sha = _store_file(store, fetched, parse)
    if previous is not None:
        _remove_store_document(store, tk.id, previous.store_doc_id, store_doc_id)
    for zaak in tk.zaken:
        write_zaak(store, zaak)
    state.link_document(store, tk.id, [z.nummer for z in tk.zaken])
    state.save_document(store, _document_row(fetched, store_doc_id, sha, status))
    return outcome


def write_zaak(store: Store, zaak: TkZaak) -> None:
    actors = [state.ActorRow(a.name, a.party, a.relation, a.function) for a in zaak.actors]
    row = state.ZaakRow(
        zaak.nummer,
        zaak.id,
        zaak.soort,
        zaak.onderwerp,
        zaak.gestart_op.isoformat() if zaak.gestart_op else None,
        zaak.status,
        zaak.gewijzigd_op,
    )
    state.save_zaak(store, row, actors)


def _document_row(
    fetched: Fetched, store_doc_id: str | None, sha: str | None, status: str
) -> state.DocumentRow:
    tk = fetched.tk
    return state.DocumentRow(
        tk_id=tk.id,
        nummer=tk.nummer,
        soort=tk.soort,
        role=kind_role(tk.soort),
        titel=tk.titel or tk.onderwerp,
        datum=tk.datum.isoformat() if tk.datum else None,
        gewijzigd_op=max(fetched.updated, tk.gewijzigd_op) if status != "fetch_failed" else "",
        verwijderd=0,
        koop_id=tk.koop_id,
        store_doc_id=store_doc_id,
        file_sha256=sha,
        file_source=fetched.origin or None,
        parse_status=status,
    )


def _store_file(
    store: Store, fetched: Fetched, parse: Parser
) -> tuple[str, str | None, str, str | None]:
    """(outcome, store document id, parse status, sha256) after parsing and upserting."""
    tk = fetched.tk
    if fetched.fetch_error is not None:
        return "fetch_failed", None, "fetch_failed", None
    if fetched.data is None:
        return "recorded", None, "no_file" if fetched.missing else "none", None
    sha = hashlib.sha256(fetched.data).hexdigest()
    name = f"{fetched.origin}/{tk.koop_id or tk.nummer or tk.id}.{fetched.extension}"
    try:
        doc = _enrich(parse(fetched.data, name), tk, fetched.metadata)
    except Exception as exc:  # a parser problem (or bug) must never block the other files
        message = str(exc) if isinstance(exc, KamerqaError) else f"{type(exc).__name__}: {exc}"
        state.record_failure(store, tk.id, sha, fetched.data, message, name)
        return "failed", None, "failed", sha
    state.clear_failure(store, tk.id)
    outcome = store.upsert_document(doc, source_bytes_sha256=sha)
    return outcome, doc.id, "parsed", sha


def tombstone(store: Store, tk_id: str, updated: str) -> bool:
    """Mark a TK document deleted and remove its parsed document; False when unknown."""
    previous = state.get_document(store, tk_id)
    if previous is None:
        return False
    state.save_document(
        store,
        state.DocumentRow(
            **{**previous.__dict__, "verwijderd": 1, "store_doc_id": None, "gewijzigd_op": updated}
        ),
    )
    _remove_store_document(store, tk_id, previous.store_doc_id, None)
    state.clear_failure(store, tk_id)
    return True


def reparse_failure(store: Store, tk_id: str, parse: Parser) -> str | None:
    """Parse a kept file again (after a parser fix), without the network.

    Returns the store outcome when it parses now, "failed" when it still fails, None when
    there is nothing to reparse for ``tk_id``.
    """
    row = state.get_document(store, tk_id)
    failure = state.get_failure(store, tk_id)
    content = state.failure_content(store, tk_id)
    if row is None or failure is None or content is None or row.verwijderd:
        return None
    tk = TkDocument(
        id=row.tk_id,
        nummer=row.nummer,
        soort=row.soort,
        titel=row.titel,
        gewijzigd_op=row.gewijzigd_op,
        koop_id=row.koop_id,
        zaken=[TkZaak(id="", nummer=n) for n in state.document_zaken(store, tk_id)],
    )
    fetched = Fetched(
        tk=tk,
        updated=row.gewijzigd_op,
        data=content,
        origin=row.file_source or failure.origin.split("/", 1)[0],
        extension=failure.origin.rsplit(".", 1)[-1] if "." in failure.origin else "bin",
    )
    outcome, store_doc_id, status, sha = _store_file(store, fetched, parse)
    state.save_document(
        store,
        state.DocumentRow(
            **{
                **row.__dict__,
                "store_doc_id": store_doc_id,
                "parse_status": status,
                "file_sha256": sha,
            }
        ),
    )
    return outcome
