"""What sync keeps of the Tweede Kamer's entities, read tolerantly from OData JSON and Atom.

Fields are looked up by name (never by position); unknown fields are ignored and Soort or
Relatie values are kept as open strings, so new values published by the Kamer do not break us.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, Field

QUESTION_KINDS: tuple[str, ...] = ("Schriftelijke vragen",)
POSTPONEMENT_KINDS: tuple[str, ...] = ("Mededeling (uitstel antwoord)",)
ANSWER_KINDS: tuple[str, ...] = (
    "Antwoord schriftelijke vragen",
    "Antwoord schriftelijke vragen (nader)",
)
OTHER_QA_KINDS: tuple[str, ...] = (
    "Lijst van vragen en antwoorden",
    "Verslag houdende een lijst van vragen en antwoorden",
    "Inbreng verslag schriftelijk overleg",
    "Verslag van een schriftelijk overleg",
    "Nota n.a.v. het verslag",
)
DEFAULT_KINDS: tuple[str, ...] = QUESTION_KINDS + POSTPONEMENT_KINDS + ANSWER_KINDS + OTHER_QA_KINDS


def kind_role(soort: str) -> str:
    """The lifecycle role of a Document.Soort: question, postponement, answer, withdrawal, other."""
    low = soort.strip().lower()
    if "intrek" in low or "ingetrokken" in low:
        return "withdrawal"
    if low.startswith("mededeling") and "uitstel" in low:
        return "postponement"
    if low.startswith("antwoord schriftelijke vragen"):
        return "answer"
    if low == "schriftelijke vragen":
        return "question"
    return "other"


class TkActor(BaseModel):
    name: str
    party: str | None = None
    relation: str = ""
    function: str | None = None


class TkZaak(BaseModel):
    id: str
    nummer: str
    soort: str = ""
    onderwerp: str = ""
    gestart_op: date | None = None
    status: str | None = None
    gewijzigd_op: str = ""
    actors: list[TkActor] = Field(default_factory=list)


class TkDocument(BaseModel):
    id: str
    nummer: str | None = None
    soort: str = ""
    titel: str = ""
    onderwerp: str = ""
    datum: date | None = None
    gewijzigd_op: str = ""
    verwijderd: bool = False
    content_type: str | None = None
    content_length: int | None = None
    koop_id: str | None = None
    aanhangselnummer: str | None = None
    zaken: list[TkZaak] = Field(default_factory=list)


def parse_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def normalise_timestamp(value: object) -> str:
    """ISO timestamps as UTC text that sorts correctly ('' when missing or unreadable)."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _optional(data: dict[str, Any], key: str) -> str | None:
    return _text(data, key) or None


def _as_list(value: object) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def actor_from_odata(data: dict[str, Any]) -> TkActor:
    return TkActor(
        name=_text(data, "ActorNaam"),
        party=_optional(data, "ActorFractie"),
        relation=_text(data, "Relatie"),
        function=_optional(data, "Functie"),
    )


def zaak_from_odata(data: dict[str, Any]) -> TkZaak:
    actors = [actor_from_odata(a) for a in _as_list(data.get("ZaakActor"))]
    return TkZaak(
        id=str(data.get("Id", "")),
        nummer=_text(data, "Nummer"),
        soort=_text(data, "Soort"),
        onderwerp=_text(data, "Onderwerp") or _text(data, "Titel"),
        gestart_op=parse_date(data.get("GestartOp")),
        status=_optional(data, "Status"),
        gewijzigd_op=normalise_timestamp(data.get("GewijzigdOp")),
        actors=[a for a in actors if a.name],
    )


def _koop_id(versions: list[dict[str, Any]]) -> str | None:
    ranked = sorted(versions, key=lambda v: (v.get("Versienummer") or 0, _text(v, "GewijzigdOp")))
    for version in reversed(ranked):
        ident = _text(version, "ExterneIdentifier")
        if ident:
            return ident
    return None


def document_from_odata(data: dict[str, Any]) -> TkDocument:
    length = data.get("ContentLength")
    return TkDocument(
        id=str(data.get("Id", "")),
        nummer=_optional(data, "DocumentNummer"),
        soort=_text(data, "Soort"),
        titel=_text(data, "Titel"),
        onderwerp=_text(data, "Onderwerp"),
        datum=parse_date(data.get("Datum")),
        gewijzigd_op=normalise_timestamp(data.get("GewijzigdOp")),
        verwijderd=data.get("Verwijderd") is True,
        content_type=_optional(data, "ContentType"),
        content_length=length if isinstance(length, int) and length > 0 else None,
        koop_id=_koop_id(_as_list(data.get("DocumentVersie"))),
        aanhangselnummer=_optional(data, "Aanhangselnummer"),
        zaken=[zaak_from_odata(z) for z in _as_list(data.get("Zaak")) if z.get("Nummer")],
    )
