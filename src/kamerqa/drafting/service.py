"""The drafting service: consultations, edits, review states, audit log, publishing.

Every method takes the acting `User` and checks what they may see and do; every change is
written together with its audit entry in one transaction.

States: draft -> ready_for_review -> approved -> sent. Only drafts can be edited; review and
approval can be sent back to draft (logged). Only approvers (and admins) approve and send.
Review, approval and sending need a consultation without validation errors. Sending turns the
consultation into a public Document in the store.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from kamerqa.drafting import auth
from kamerqa.drafting.changes import describe_changes
from kamerqa.drafting.convert import to_document
from kamerqa.drafting.errors import Conflict, Invalid, NotFound
from kamerqa.drafting.models import (
    STATUSES,
    AuditEntry,
    Consultation,
    ConsultationContent,
    ConsultationSummary,
    DraftAnswer,
    DraftFootnote,
    Issue,
    Status,
    User,
)
from kamerqa.drafting.validation import check
from kamerqa.model import Document, Metadata
from kamerqa.search.models import SimilarResponse
from kamerqa.store import drafting_repo as repo
from kamerqa.store.base import Store

JSON_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # an escaped NUL, not a typed "\\u0000"
NOTE_ID = re.compile(r"[A-Za-z0-9_-]{1,20}")


def refuse_nul(content: ConsultationContent) -> None:
    """No stored text may hold NUL: PostgreSQL refuses it (and no letter needs it)."""
    if JSON_NUL.search(content.model_dump_json()):
        raise Invalid("the text contains a NUL character (\\u0000); remove it", key="nul")


def first_problem(exc: ValidationError) -> str:
    """'date_submitted: Input should be a valid date …' — the first problem, one line."""
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error.get("loc", ())) or "value"
    return f"{where}: {error.get('msg', 'invalid')}"


# (from, to) -> roles allowed
TRANSITIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("draft", "ready_for_review"): ("drafter", "approver", "admin"),
    ("ready_for_review", "draft"): ("drafter", "approver", "admin"),
    ("ready_for_review", "approved"): ("approver", "admin"),
    ("approved", "draft"): ("drafter", "approver", "admin"),
    ("approved", "sent"): ("approver", "admin"),
}
_NEEDS_VALID = {"ready_for_review", "approved", "sent"}


class Drafting:
    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.clock = clock or (lambda: datetime.now(UTC))

    # -- reading -------------------------------------------------------------------------
    def _load(self, cid: str) -> Consultation | None:
        row = repo.get_consultation(self.store, cid)
        if row is None:
            return None
        return Consultation(
            id=row["id"],
            team=row["team"],
            status=row["status"],
            version=int(row["version"]),
            created_by=row["created_by"],
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            content=ConsultationContent.model_validate_json(row["content"]),
        )

    def get(self, user: User | None, cid: str) -> Consultation:
        consultation = self._load(cid)
        auth.require_visible(user, consultation, cid)
        assert consultation is not None
        return consultation

    def consultations(self, user: User) -> list[ConsultationSummary]:
        team = None if user.role == "admin" else user.team
        return [
            ConsultationSummary.model_validate(r) for r in repo.list_consultations(self.store, team)
        ]

    def audit(self, user: User, cid: str) -> list[AuditEntry]:
        self.get(user, cid)
        return [
            AuditEntry(at=datetime.fromisoformat(at), actor=actor, action=action, detail=detail)
            for at, actor, action, detail in repo.audit_log(self.store, cid)
        ]

    def check(self, user: User, cid: str) -> list[Issue]:
        return check(self.get(user, cid).content)

    def document(self, user: User, cid: str) -> Document:
        """The consultation as a kamerqa/1 Document (for preview, render and export)."""
        return to_document(self.get(user, cid))

    def similar(self, user: User, cid: str, number: str, limit: int = 5) -> SimilarResponse:
        """Questions answered before (public store only) that resemble question ``number``."""
        question = self.get(user, cid).content.question(number)
        if question is None:
            raise NotFound(
                f"no question {number!r} in consultation {cid!r}", key="no_question", number=number
            )
        return self.store.similar(text=question.text, limit=limit)

    # -- writing -------------------------------------------------------------------------
    def _row(self, consultation: Consultation) -> dict[str, Any]:
        refuse_nul(consultation.content)
        return {
            "id": consultation.id,
            "team": consultation.team,
            "status": consultation.status,
            "title": consultation.content.title or consultation.content.metadata.subject or "",
            "content": consultation.content.model_dump_json(),
            "version": consultation.version,
            "created_by": consultation.created_by,
            "created_at": consultation.created_at.isoformat(),
            "updated_at": consultation.updated_at.isoformat(),
        }

    def _log(self, cid: str, user: User, action: str, detail: str) -> None:
        detail = detail.replace("\x00", "")  # file names and texts quoted in the log
        repo.add_audit(self.store, cid, self.clock().isoformat(), user.name, action, detail)

    def create(
        self,
        user: User,
        content: ConsultationContent,
        *,
        team: str | None = None,
        how: str = "by hand",
    ) -> Consultation:
        if team is not None and team != user.team:
            auth.require_role(user, "admin", action="creating a consultation for another team")
        now = self.clock()
        consultation = Consultation(
            id="c" + secrets.token_hex(6),
            team=team or user.team,
            created_by=user.name,
            created_at=now,
            updated_at=now,
            content=content,
        )
        with self.store.transaction():
            repo.insert_consultation(self.store, self._row(consultation))
            questions = len(content.questions)
            self._log(consultation.id, user, "create", f"created {how} with {questions} questions")
        return consultation

    def _write(
        self, user: User, before: Consultation, after: Consultation, action: str, detail: str
    ) -> Consultation:
        after.version = before.version + 1
        after.updated_at = self.clock()
        with self.store.transaction():
            if not repo.update_consultation(self.store, self._row(after), before.version):
                raise Conflict(
                    f"consultation {before.id} was changed by someone else; reload it", key="stale"
                )
            self._log(before.id, user, action, detail)
        return after

    def update_content(
        self,
        user: User,
        cid: str,
        content: ConsultationContent,
        *,
        expected_version: int | None = None,
        action: str = "edit",
    ) -> Consultation:
        """Replace the content of a draft (the audit entry says what changed)."""
        current = self.get(user, cid)
        if current.status != "draft":
            raise Conflict(
                f"consultation {cid} is {current.status.replace('_', ' ')}: return it to draft "
                "before editing",
                key="not_editable",
                status=current.status,
            )
        if expected_version is not None and expected_version != current.version:
            raise Conflict(
                f"consultation {cid} is at version {current.version}, not {expected_version}: "
                "it was changed since you loaded it",
                key="stale",
            )
        detail = describe_changes(current.content, content)
        if detail == "no changes":
            return current
        updated = current.model_copy(update={"content": content})
        return self._write(user, current, updated, action, detail)

    def set_answer(
        self,
        user: User,
        cid: str,
        numbers: list[str],
        text: str,
        *,
        expected_version: int | None = None,
    ) -> Consultation:
        """Answer question(s) ``numbers`` with ``text`` (several numbers: one joint answer)."""
        content = self.get(user, cid).content.model_copy(deep=True)
        numbers = list(dict.fromkeys(n.strip() for n in numbers if n.strip()))
        missing = [n for n in numbers if content.question(n) is None]
        if not numbers or missing:
            raise Invalid(
                f"no question {', '.join(missing) or '(none given)'} in consultation {cid}",
                key="no_question",
                number=", ".join(missing),
            )
        kept: list[DraftAnswer] = []
        for answer in content.answers:
            rest = [n for n in answer.questions if n not in numbers]
            if rest:
                kept.append(answer.model_copy(update={"questions": rest}))
        kept.append(DraftAnswer(questions=numbers, text=text.strip()))
        content.answers = kept
        return self.update_content(user, cid, content, expected_version=expected_version)

    def set_footnote(self, user: User, cid: str, note_id: str, text: str) -> Consultation:
        if not NOTE_ID.fullmatch(note_id):
            raise Invalid(
                f"footnote id {note_id!r}: use letters, digits, - or _ (as in [^1])",
                key="bad_note_id",
                note=note_id,
            )
        content = self.get(user, cid).content.model_copy(deep=True)
        notes = [n for n in content.footnotes if n.id != note_id]
        if text.strip():
            notes.append(DraftFootnote(id=note_id, text=text.strip()))
        content.footnotes = notes
        return self.update_content(user, cid, content)

    def update_metadata(self, user: User, cid: str, changes: dict[str, Any]) -> Consultation:
        content = self.get(user, cid).content.model_copy(deep=True)
        title = changes.pop("title", None)
        merged = {**content.metadata.model_dump(mode="json"), **changes}
        try:
            content.metadata = Metadata.model_validate(merged)
        except ValidationError as exc:
            field = ".".join(str(p) for p in exc.errors()[0].get("loc", ()))
            raise Invalid(
                f"invalid metadata: {first_problem(exc)}", key="bad_metadata", field=field
            ) from None
        if title is not None:
            content.title = str(title)
        return self.update_content(user, cid, content)

    # -- review states -------------------------------------------------------------------
    def transition(self, user: User, cid: str, target: str) -> Consultation:
        current = self.get(user, cid)
        if target not in STATUSES:
            raise Invalid(
                f"unknown state {target!r}; choose from {', '.join(STATUSES)}",
                key="unknown_state",
                target=target,
            )
        roles = TRANSITIONS.get((current.status, target))
        if roles is None:
            raise Conflict(
                f"consultation {cid} cannot go from {current.status} to {target}",
                key="bad_transition",
                status=current.status,
                target=target,
            )
        auth.require_role(
            user, *roles, action=f"moving to {target.replace('_', ' ')}", target=target
        )
        if target in _NEEDS_VALID:
            errors = [i.message for i in check(current.content) if i.level == "error"]
            if errors:
                raise Conflict(
                    f"cannot move to {target.replace('_', ' ')}: " + "; ".join(errors),
                    key="blocked_by_errors",
                    target=target,
                )
        status: Status = target  # type: ignore[assignment]
        updated = current.model_copy(update={"status": status})
        detail = f"{current.status} -> {target}"
        if target == "sent":
            document = to_document(current)
            with self.store.transaction():
                result = self.store.upsert_document(document)
                updated = self._write(
                    user,
                    current,
                    updated,
                    "state",
                    f"{detail}; published as {document.id} ({result})",
                )
            return updated
        return self._write(user, current, updated, "state", detail)


def content_from_json(data: str | bytes) -> ConsultationContent:
    try:
        return ConsultationContent.model_validate(json.loads(data))
    except ValueError as exc:
        raise Invalid(f"invalid consultation content: {exc}".splitlines()[0]) from None
