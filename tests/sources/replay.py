"""A local replay of the official services (TK OData + SyncFeed, KOOP) with injected faults.

The data are authored (tests/fixtures/replay/world.json + files/); pages are generated like
the real services shape them: ``@odata.context``, ``@odata.nextLink`` with opaque skiptokens,
GUID ids, ISO timestamps, shuffled key order, small and uneven page sizes; Atom SyncFeed pages
whose next link carries an opaque skiptoken. Faults are queued per path fragment.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse
from xml.sax.saxutils import escape, quoteattr

REPLAY = Path(__file__).resolve().parent.parent / "fixtures" / "replay"
ODATA = "/OData/v4/2.0/"
FEED = "/SyncFeed/2.0/"
KOOP = "/koop/"
SRU = "/sru"


@dataclass
class Fault:
    fragment: str
    kind: str  # "500", "429", "truncate", "slow", "repeat"
    times: int = 1


@dataclass
class World:
    zaken: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, Any]]
    files: dict[str, bytes]
    feed: list[dict[str, Any]] = field(default_factory=list)
    zaak_feed: list[dict[str, Any]] = field(default_factory=list)
    clock: int = 0

    @classmethod
    def load(cls) -> World:
        data = json.loads((REPLAY / "world.json").read_text(encoding="utf-8"))
        files = {p.name: p.read_bytes() for p in (REPLAY / "files").iterdir()}
        world = cls({z["Nummer"]: z for z in data["zaken"]}, {}, files)
        for doc in data["documents"]:
            world.add(doc)
        for nummer in world.zaken:
            world.change_zaak(nummer)
        return world

    def tick(self) -> str:
        self.clock += 1
        return (
            f"2026-02-{1 + self.clock // 24:02d}T{self.clock % 24:02d}:15:00.{self.clock:03d}+01:00"
        )

    def add(self, doc: dict[str, Any]) -> None:
        doc = {**doc, "GewijzigdOp": self.tick(), "Verwijderd": False}
        self.documents[doc["Id"]] = doc
        self.feed.append(copy.deepcopy(doc))

    def change(self, doc_id: str, **fields: Any) -> None:
        doc = self.documents[doc_id]
        doc.update(fields, GewijzigdOp=self.tick())
        self.feed.append(copy.deepcopy(doc))

    def change_zaak(self, nummer: str, **fields: Any) -> None:
        zaak = self.zaken[nummer]
        zaak.update(fields, GewijzigdOp=self.tick())
        self.zaak_feed.append(copy.deepcopy(zaak))

    def delete(self, doc_id: str) -> None:
        doc = self.documents.pop(doc_id)
        self.feed.append({**doc, "Verwijderd": True, "GewijzigdOp": self.tick()})

    def file_of(self, doc: dict[str, Any]) -> bytes | None:
        name = doc.get("file")
        return self.files.get(name) if name else None

    def odata_entity(self, doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
        data = self.file_of(doc)
        entity: dict[str, Any] = {
            k: v for k, v in doc.items() if k not in ("file", "koop", "zaken") and v is not None
        }
        entity["ContentLength"] = len(data) if data else None
        entity["HuidigeDocumentVersie_Id"] = _guid("versie", doc["Id"])
        entity["DocumentVersie"] = [
            _shuffled(
                {
                    "Id": _guid("versie", doc["Id"]),
                    "Versienummer": 1,
                    "ExterneIdentifier": doc.get("koop"),
                    "GewijzigdOp": doc["GewijzigdOp"],
                },
                rng,
            )
        ]
        entity["Zaak"] = [
            _shuffled(
                {
                    **self.zaken[n],
                    "ZaakActor": [_shuffled(a, rng) for a in self.zaken[n]["ZaakActor"]],
                },
                rng,
            )
            for n in doc.get("zaken", [])
        ]
        return _shuffled(entity, rng)


def _guid(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"


def _shuffled(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    items = list(data.items())
    rng.shuffle(items)
    return dict(items)


def _token(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:20]


class Replay:
    """State shared by the handler threads: the world, page tokens, faults, request log."""

    def __init__(self, world: World, *, feed_page_size: int = 3, seed: int = 7) -> None:
        self.world = world
        self.feed_page_size = feed_page_size
        self.rng = random.Random(seed)
        self.lock = threading.RLock()
        self.faults: list[Fault] = []
        self.requests: list[str] = []
        self.odata_tokens: dict[str, tuple[list[str], int]] = {}
        self.feed_tokens: dict[str, tuple[str, int]] = {}
        self.sru_records: list[dict[str, str]] = []
        self.slow_seconds = 1.0
        self.base_url = ""

    # -- faults and log ---------------------------------------------------------------------
    def inject(self, fragment: str, kind: str, times: int = 1) -> None:
        with self.lock:
            self.faults.append(Fault(fragment, kind, times))

    def take_fault(self, path: str) -> str | None:
        with self.lock:
            for fault in self.faults:
                if fault.fragment in path and fault.times > 0:
                    fault.times -= 1
                    return fault.kind
        return None

    def count(self, fragment: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if fragment in r)

    # -- feed tokens: opaque, stable for a position --------------------------------------
    def feed_token(self, category: str, position: int) -> str:
        token = _token("feed", category, position)
        self.feed_tokens[token] = (category, position)
        return token

    def odata_token(self, ids: list[str], offset: int) -> str:
        token = _token("odata", ",".join(ids), offset, len(self.odata_tokens))
        self.odata_tokens[token] = (ids, offset)
        return token


class Handler(BaseHTTPRequestHandler):
    replay: Replay
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        replay = self.replay
        with replay.lock:
            replay.requests.append(unquote(self.path))
        fault = replay.take_fault(unquote(self.path))
        if fault == "500":
            return self._send(500, b'{"error": "interne fout"}', "application/json")
        if fault == "429":
            return self._send(429, b"te veel verzoeken", "text/plain", {"Retry-After": "2"})
        if fault == "slow":
            time.sleep(replay.slow_seconds)
        try:
            status, body, ctype = route(replay, self.path)
        except KeyError:
            status, body, ctype = 404, b"niet gevonden", "text/plain"
        if fault == "truncate" and status == 200:
            return self._send_truncated(body, ctype)
        if fault == "short" and status == 200:
            return self._send_short(body, ctype)
        self._send(status, body, ctype)

    def _send(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send_short(self, body: bytes, ctype: str) -> None:
        """Half the body, no Content-Length, then close: only the content can tell."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: max(1, len(body) // 2)])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def _send_truncated(self, body: bytes, ctype: str) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: max(1, len(body) // 2)])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def route(replay: Replay, raw_path: str) -> tuple[int, bytes, str]:
    parsed = urlparse(raw_path)
    path = unquote(parsed.path)
    query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
    with replay.lock:
        if path.startswith(ODATA):
            return odata(replay, path[len(ODATA) :], query)
        if path.startswith(FEED):
            return feed(replay, path[len(FEED) :], query)
        if path.startswith(KOOP):
            return koop(replay, path[len(KOOP) :])
        if path == SRU:
            return sru(replay, query)
    raise KeyError(path)


_SOORT = re.compile(r"Soort eq '((?:[^']|'')*)'")
_DATUM = re.compile(r"Datum (ge|lt) (\d{4}-\d{2}-\d{2})")


def odata(replay: Replay, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
    world = replay.world
    zaak = re.fullmatch(r"Zaak\(([0-9a-f-]+)\)", path)
    if zaak:
        entity = next(z for z in world.zaken.values() if z["Id"] == zaak.group(1))
        body = {"@odata.context": f"{replay.base_url}{ODATA}$metadata#Zaak/$entity", **entity}
        return 200, json.dumps(_shuffled(body, replay.rng)).encode(), "application/json"
    found = re.fullmatch(r"Document\(([0-9a-f-]+)\)(/resource)?", path)
    if found:
        doc = world.documents[found.group(1)]
        if found.group(2):
            data = world.file_of(doc)
            if data is None:
                raise KeyError(path)
            return 200, data, doc["ContentType"]
        entity = world.odata_entity(doc, replay.rng)
        body = {"@odata.context": f"{replay.base_url}{ODATA}$metadata#Document/$entity", **entity}
        return 200, json.dumps(body).encode(), "application/json; odata.metadata=minimal"
    if path != "Document":
        raise KeyError(path)
    if "$skiptoken" in query:
        ids, offset = replay.odata_tokens[query["$skiptoken"]]
    else:
        ids, offset = _listing(world, query.get("$filter", "")), 0
    size = replay.rng.choice((2, 3))
    values = [
        world.odata_entity(world.documents[i], replay.rng) for i in ids[offset : offset + size]
    ]
    body: dict[str, Any] = {
        "@odata.context": f"{replay.base_url}{ODATA}$metadata#Document",
        "value": values,
    }
    if offset + size < len(ids):
        body["@odata.nextLink"] = f"Document?$skiptoken={replay.odata_token(ids, offset + size)}"
    return 200, json.dumps(body).encode(), "application/json; odata.metadata=minimal"


def _listing(world: World, expression: str) -> list[str]:
    kinds = {k.replace("''", "'") for k in _SOORT.findall(expression)}
    bounds = dict(_DATUM.findall(expression))
    ids = []
    for doc in sorted(world.documents.values(), key=lambda d: d["GewijzigdOp"]):
        day = doc["Datum"][:10]
        if kinds and doc["Soort"] not in kinds:
            continue
        if ("ge" in bounds and day < bounds["ge"]) or ("lt" in bounds and day >= bounds["lt"]):
            continue
        ids.append(doc["Id"])
    return ids


def feed(replay: Replay, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
    if path != "Feed":
        raise KeyError(path)
    category = query.get("category", "Document")
    log = replay.world.zaak_feed if category == "Zaak" else replay.world.feed
    start = replay.feed_tokens[query["skiptoken"]][1] if query.get("skiptoken") else 0
    entries = log[start : start + replay.feed_page_size]
    end = start + len(entries)
    base = f"{replay.base_url}{FEED}Feed?category={category}&skiptoken="
    fault = replay.take_fault("#repeat-feed") if category == "Document" else None
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{category}</title><id>{escape(base)}{start}</id><updated>2026-02-20T10:00:00Z</updated>",
    ]
    if fault == "repeat":  # the same entries again behind a fresh opaque token
        alias = _token("alias", start, len(replay.feed_tokens))
        replay.feed_tokens[alias] = (category, start)
        parts.append(f'<link rel="next" href={quoteattr(base + alias)}/>')
    elif end < len(log):
        parts.append(
            f'<link rel="next" href={quoteattr(base + replay.feed_token(category, end))}/>'
        )
    for offset, item in enumerate(entries):
        next_href = base + replay.feed_token(category, start + offset + 1)
        entry = _atom_zaak(item, next_href) if category == "Zaak" else _atom_entry(item, next_href)
        parts.append(entry)
    parts.append("</feed>")
    return 200, "\n".join(parts).encode(), "application/atom+xml; charset=utf-8"


def _atom_zaak(zaak: dict[str, Any], next_href: str) -> str:
    return (
        f"<entry><title>{zaak['Id']}</title><updated>{zaak['GewijzigdOp']}</updated>"
        f'<category term="zaak"/><link rel="next" href={quoteattr(next_href)}/>'
        '<content type="application/xml">'
        '<tk:zaak xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" '
        f'tk:id="{zaak["Id"]}" tk:bijgewerkt="{zaak["GewijzigdOp"]}" tk:verwijderd="false">'
        f"<nummer>{zaak['Nummer']}</nummer><soort>{escape(zaak['Soort'])}</soort>"
        "</tk:zaak></content></entry>"
    )


def _atom_entry(doc: dict[str, Any], next_href: str) -> str:
    deleted = "true" if doc["Verwijderd"] else "false"
    zaak_refs = "".join(f'<zaak ref="{_guid("zaak", n)}"/>' for n in doc.get("zaken", []))
    return (
        f"<entry><title>{doc['Id']}</title><id>https://replay.invalid/Entiteiten/{doc['Id']}</id>"
        f'<updated>{doc["GewijzigdOp"]}</updated><category term="document"/>'
        f'<link rel="next" href={quoteattr(next_href)}/>'
        '<content type="application/xml">'
        '<ns1:document xmlns:ns1="http://www.tweedekamer.nl/xsd/tkData/v1-0" '
        f'ns1:id="{doc["Id"]}" ns1:bijgewerkt="{doc["GewijzigdOp"]}" ns1:verwijderd="{deleted}">'
        f"<soort>{escape(doc['Soort'])}</soort><documentNummer>{doc['DocumentNummer']}</documentNummer>"
        f"<titel>{escape(doc['Titel'])}</titel><datum>{doc['Datum']}</datum>{zaak_refs}"
        "</ns1:document></content></entry>"
    )


def koop(replay: Replay, path: str) -> tuple[int, bytes, str]:
    files = replay.world.files
    if path.endswith("/metadata.xml"):
        return 200, files[path[: -len("/metadata.xml")] + ".metadata.xml"], "application/xml"
    if path.endswith(".xml"):
        return 200, files[path], "application/xml"
    raise KeyError(path)


def sru(replay: Replay, query: dict[str, str]) -> tuple[int, bytes, str]:
    start = int(query.get("startRecord", "1"))
    size = int(query.get("maximumRecords", "10"))
    found = re.search(r"dt\.modified>=(\d{4}-\d{2}-\d{2})", query.get("query", ""))
    since = found.group(1) if found else ""
    records = [r for r in replay.sru_records if r["modified"][:10] >= since]
    page = records[start - 1 : start - 1 + size]
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"'
        ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:gzd="http://standaarden.overheid.nl/sru"'
        ' xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/">',
        f"<sru:numberOfRecords>{len(records)}</sru:numberOfRecords><sru:records>",
    ]
    for record in page:
        parts.append(
            "<sru:record><sru:recordData><gzd:gzd><gzd:originalData><overheidwetgeving:meta>"
            f"<dcterms:identifier>{record['id']}</dcterms:identifier>"
            f"<dcterms:title>{escape(record['title'])}</dcterms:title>"
            f"<dcterms:modified>{record['modified']}</dcterms:modified>"
            "<overheidwetgeving:publicatienaam>Kamervragen (Aanhangsel)"
            "</overheidwetgeving:publicatienaam>"
            "</overheidwetgeving:meta></gzd:originalData></gzd:gzd></sru:recordData></sru:record>"
        )
    parts.append("</sru:records>")
    if start - 1 + size < len(records):
        parts.append(f"<sru:nextRecordPosition>{start + size}</sru:nextRecordPosition>")
    parts.append("</sru:searchRetrieveResponse>")
    return 200, "".join(parts).encode(), "application/xml"


class ReplayServer:
    """Serves a Replay on 127.0.0.1 (random free port) in a daemon thread."""

    def __init__(self, replay: Replay) -> None:
        handler = type("BoundHandler", (Handler,), {"replay": replay})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.replay = replay
        replay.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return self.replay.base_url

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
