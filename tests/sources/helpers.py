"""Helpers of the sync tests: a stand-in parser, a recording sleep, a fast fetcher."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Answer, Document, Question, Source
from kamerqa.sources.http import Fetcher, RetryPolicy
from kamerqa.store import Store

_VRAAG = re.compile(r"(?:^Vraag (\d+)\n(.+?)$)|(?:<vraag nr=\"(\d+)\">.*?<al>(.+?)</al>)", re.M)
_ANTWOORD = re.compile(r"<antwoord nr=\"(\d+)\">.*?<al>(.+?)</al>", re.S)


def fake_parse(data: bytes, path: str) -> Document:
    """A small stand-in for kamerqa.parse.parse_bytes: deterministic, independent of parsers."""
    if data.startswith(b"%PDF"):
        raise KamerqaInputError("no text layer in this PDF", path)
    text = data.decode("utf-8")
    questions = [
        Question(number=m.group(1) or m.group(3), text=(m.group(2) or m.group(4)).strip())
        for m in _VRAAG.finditer(text)
    ]
    answers = [
        Answer(id=f"a{i}", questions=[m.group(1)], text=re.sub(r"<[^>]+>", "", m.group(2)))
        for i, m in enumerate(_ANTWOORD.finditer(text), start=1)
    ]
    koop = re.search(r'name="DC.identifier" content="([^"]+)"', text)
    doc = Document(
        id=path,
        genre="kamervragen",
        title=text.splitlines()[0][:80] if not koop else koop.group(1),
        source=Source(path=path, format="xml" if koop else "text"),
        questions=questions,
        answers=answers,
    )
    doc.metadata.identifiers.koop = koop.group(1) if koop else None
    return doc


class RecordingSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_fetcher(sleep: Callable[[float], None], timeout: float = 0.5) -> Fetcher:
    return Fetcher(
        client=httpx.Client(timeout=timeout),
        policy=RetryPolicy(attempts=5, base_delay=0.01, max_delay=0.05),
        min_interval=0.0,
        sleep=sleep,
    )


def snapshot(store: Store) -> dict[str, Any]:
    """Everything sync wrote: its own tables and every parsed document, comparable with ==."""
    from kamerqa.store import sync_state

    docs = {}
    for summary in store.list_documents(limit=10_000):
        found = store.get_document(summary.id)
        docs[summary.id] = found.to_dict() if found else None
    return {"sync": sync_state.dump(store), "documents": docs}
