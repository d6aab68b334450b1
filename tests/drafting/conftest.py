"""Drafting fixtures: a SQLite store, the service, users of every role, a consultation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kamerqa.drafting import auth
from kamerqa.drafting.models import (
    Consultation,
    ConsultationContent,
    DraftAnswer,
    DraftFootnote,
    DraftQuestion,
    User,
)
from kamerqa.drafting.service import Drafting
from kamerqa.model import Metadata, Party, Signatory
from kamerqa.store import open_store
from kamerqa.store.base import Store

FIXTURES = Path(__file__).parent / "fixtures"
MARKER_WORD = "Zwaluwstaartvlinderproject"  # invented; must never show up in public output


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "kamerqa.db"))
    yield opened
    opened.close()


@pytest.fixture
def drafting(store: Store) -> Drafting:
    return Drafting(store)


@pytest.fixture
def tokens(store: Store) -> dict[str, str]:
    return {
        "drafter": auth.add_user(store, "dora", "drafter", "ienw"),
        "approver": auth.add_user(store, "arie", "approver", "ienw"),
        "admin": auth.add_user(store, "ada", "admin", "beheer"),
        "outsider": auth.add_user(store, "otto", "approver", "defensie"),
    }


@pytest.fixture
def users(store: Store, tokens: dict[str, str]) -> dict[str, User]:
    found = {role: auth.user_for_token(store, token) for role, token in tokens.items()}
    assert all(found.values())
    return {role: user for role, user in found.items() if user is not None}


def sample_content(answered: bool = True) -> ConsultationContent:
    return ConsultationContent(
        title="Transportraad december",
        metadata=Metadata(
            committee="vaste commissie voor Infrastructuur en Waterstaat",
            subject="de Transportraad van 4 december 2025",
            date_submitted=date(2025, 11, 20),
            date_answered=date(2025, 11, 28),
            reference="21501-33-1100/2025D50001",
            signatories=[Signatory(name="Jan Jansen", function="minister van Infrastructuur")],
        ),
        parties=[
            Party(name="VVD", intro="De leden van de VVD-fractie hebben vragen."),
            Party(name="D66", intro="De leden van de D66-fractie hebben een vraag."),
        ],
        questions=[
            DraftQuestion(number="1", party="VVD", text=f"Hoe staat het met het {MARKER_WORD}?"),
            DraftQuestion(number="2", party="VVD", text="Wat kost de sluis?"),
            DraftQuestion(number="3", party="D66", text="Wanneer is de sluis klaar?"),
        ],
        answers=[
            DraftAnswer(questions=["1"], text=f"Het {MARKER_WORD} loopt op schema.[^1]"),
            DraftAnswer(questions=["2", "3"], text="De sluis kost 12 miljoen en is in 2027 klaar."),
        ]
        if answered
        else [],
        footnotes=[DraftFootnote(id="1", text="Kamerstuk 21 501-33, nr. 1099.")]
        if answered
        else [],
    )


@pytest.fixture
def consultation(drafting: Drafting, users: dict[str, User]) -> Consultation:
    return drafting.create(users["drafter"], sample_content())
