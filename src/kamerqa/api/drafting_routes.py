"""Drafting API (/api/drafting/…) and pages (/drafting/…): team-only, never public.

Who: a drafting token as ``Authorization: Bearer <token>`` (API clients), or the session
cookie set by logging in with a token (web pages; HttpOnly, SameSite=Strict so other sites
cannot make a browser send it). Consultations of other teams answer 404, exactly like ids that
do not exist. Drafts live in the ``drafting_*`` tables only, so search, feeds, exports and
similarity never see them; sending publishes the approved answers as a public document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from kamerqa.api.deps import StorePool, pool_of
from kamerqa.api.errors import ERROR_RESPONSES, ApiError, ErrorResponse, error_response
from kamerqa.drafting import auth
from kamerqa.drafting import messages_nl as nl
from kamerqa.drafting.errors import Conflict, DraftingError, NotAuthenticated, TooManyAttempts
from kamerqa.drafting.fileformat import export, read_file
from kamerqa.drafting.inbreng import content_from_inbreng
from kamerqa.drafting.models import (
    AuditEntry,
    Consultation,
    ConsultationContent,
    ConsultationSummary,
    Issue,
    User,
)
from kamerqa.drafting.ratelimit import AttemptLimiter
from kamerqa.drafting.service import Drafting
from kamerqa.errors import KamerqaInputError
from kamerqa.render import RENDERERS, extension, render
from kamerqa.search.models import SimilarResponse
from kamerqa.store.base import Store

router = APIRouter()
COOKIE = "kamerqa_drafting"
MAX_UPLOAD = 20 * 1024 * 1024
Pool = Annotated[StorePool, Depends(pool_of)]
_MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


MAX_ANSWER_CHARS = 100_000  # a long answer is some thousands; this only stops abuse
MAX_NOTE_CHARS = 10_000


class LoginRequest(BaseModel):
    token: str = Field(max_length=200)


class AnswerRequest(BaseModel):
    questions: list[str] = Field(max_length=100)
    text: str = Field(max_length=MAX_ANSWER_CHARS)
    version: int | None = None


class ContentRequest(BaseModel):
    content: ConsultationContent
    version: int | None = None


class FootnoteRequest(BaseModel):
    text: str = Field(max_length=MAX_NOTE_CHARS)


class StateRequest(BaseModel):
    to: str


def _token_of(request: Request) -> tuple[str | None, str | None]:
    header = request.headers.get("authorization", "")
    bearer = header[7:].strip() if header.lower().startswith("bearer ") else None
    return bearer, request.cookies.get(COOKIE)


def _limiter(request: Request) -> AttemptLimiter:
    """The app's limit on token attempts per client address (made on first use)."""
    state = request.app.state
    limiter: AttemptLimiter | None = getattr(state, "drafting_login_limiter", None)
    if limiter is None:
        limiter = state.drafting_login_limiter = AttemptLimiter()
    return limiter


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _too_many(seconds: int) -> TooManyAttempts:
    return TooManyAttempts(
        f"too many login attempts from your address; try again in {seconds} s",
        key="too_many_requests",
        seconds=str(seconds),
    )


def _identify(store: Store, request: Request) -> User | None:
    """The user of a bearer token or session; a wrong bearer token counts as a login attempt."""
    bearer, session = _token_of(request)
    if bearer:
        wait = _limiter(request).retry_after(_address(request))
        if wait is not None:
            raise _too_many(wait)
        user = auth.user_for_token(store, bearer)
        if user is None:
            _limiter(request).attempt(_address(request))
        return user
    return auth.user_for_session(store, session)


@contextmanager
def _drafting(
    pool: StorePool, request: Request, *, dutch: bool = False
) -> Iterator[tuple[Drafting, User]]:
    """A borrowed store, the drafting service and the logged-in user; errors as ApiError
    (``dutch``: with the Dutch message, for the pages)."""
    try:
        with pool.borrow() as store:
            user = _identify(store, request)
            if user is None:
                raise NotAuthenticated("log in with a drafting token", key="not_logged_in")
            yield Drafting(store), user
    except DraftingError as err:
        message = nl.error_text(err) if dutch else err.message
        raise ApiError(err.status, err.code, message) from None


_TOO_MANY: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorResponse, "description": "Too many login attempts from this address"}
}
api = APIRouter(
    prefix="/api/drafting", tags=["drafting"], responses={**ERROR_RESPONSES, **_TOO_MANY}
)


def _login_refused(request: Request) -> int | None:
    """Counts a login attempt; the seconds to wait when the address used up its attempts."""
    return _limiter(request).attempt(_address(request))


@api.post("/login", summary="Exchange a drafting token for a session cookie", response_model=User)
def login(body: LoginRequest, request: Request, response: Response, pool: Pool) -> Any:
    wait = _login_refused(request)
    if wait is not None:
        err = _too_many(wait)
        refused = error_response(request, err.status, err.code, err.message)
        refused.headers["Retry-After"] = str(wait)
        return refused
    try:
        with pool.borrow() as store:
            user, session = auth.login(store, body.token)
    except DraftingError as err:
        raise ApiError(err.status, err.code, err.message) from None
    _set_cookie(response, session, request)
    return user


def _set_cookie(response: Response, session: str, request: Request) -> None:
    response.set_cookie(
        COOKIE,
        session,
        max_age=auth.SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


@api.post("/logout", summary="End the session")
def logout(request: Request, response: Response, pool: Pool) -> dict[str, bool]:
    session = request.cookies.get(COOKIE)
    if session:
        with pool.borrow() as store:
            auth.logout(store, session)
    response.delete_cookie(COOKIE, path="/")
    return {"ok": True}


@api.get("/me", summary="The logged-in user")
def me(request: Request, pool: Pool) -> User:
    with _drafting(pool, request) as (_, user):
        return user


@api.get("/consultations", summary="Consultations of your team")
def list_consultations(request: Request, pool: Pool) -> list[ConsultationSummary]:
    with _drafting(pool, request) as (drafting, user):
        return drafting.consultations(user)


@api.post("/consultations", status_code=201, summary="Create a consultation by hand")
def create(content: ConsultationContent, request: Request, pool: Pool) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.create(user, content)


async def _upload(file: UploadFile) -> bytes:
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiError(413, "too_large", f"the file is larger than {MAX_UPLOAD // 2**20} MB")
    return data


@api.post("/consultations/inbreng", status_code=201, summary="Create from an inbreng file")
async def create_from_inbreng(
    request: Request, pool: Pool, file: Annotated[UploadFile, File()]
) -> Consultation:
    data = await _upload(file)
    with _drafting(pool, request) as (drafting, user):  # who first: strangers parse nothing
        content = content_from_inbreng(data, file.filename or "inbreng")
        return drafting.create(user, content, how=f"from {file.filename or 'an upload'}")


@api.get("/consultations/{cid}", summary="One consultation")
def get_consultation(cid: str, request: Request, pool: Pool) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.get(user, cid)


@api.put("/consultations/{cid}/content", summary="Replace the content of a draft")
def put_content(cid: str, body: ContentRequest, request: Request, pool: Pool) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.update_content(user, cid, body.content, expected_version=body.version)


@api.put("/consultations/{cid}/answers", summary="Answer one question, or several jointly")
def put_answer(cid: str, body: AnswerRequest, request: Request, pool: Pool) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.set_answer(
            user, cid, body.questions, body.text, expected_version=body.version
        )


@api.put("/consultations/{cid}/footnotes/{note_id}", summary="Set (or, empty, remove) a note")
def put_footnote(
    cid: str, note_id: str, body: FootnoteRequest, request: Request, pool: Pool
) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.set_footnote(user, cid, note_id, body.text)


@api.patch("/consultations/{cid}/metadata", summary="Change metadata fields (and title)")
def patch_metadata(
    cid: str, request: Request, pool: Pool, body: Annotated[dict[str, Any], Body()]
) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.update_metadata(user, cid, body)


@api.post("/consultations/{cid}/state", summary="Move to another review state")
def post_state(cid: str, body: StateRequest, request: Request, pool: Pool) -> Consultation:
    with _drafting(pool, request) as (drafting, user):
        return drafting.transition(user, cid, body.to)


@api.get("/consultations/{cid}/check", summary="Validation errors and warnings")
def get_check(cid: str, request: Request, pool: Pool) -> list[Issue]:
    with _drafting(pool, request) as (drafting, user):
        return drafting.check(user, cid)


@api.get("/consultations/{cid}/audit", summary="Audit log: who changed what, when")
def get_audit(cid: str, request: Request, pool: Pool) -> list[AuditEntry]:
    with _drafting(pool, request) as (drafting, user):
        return drafting.audit(user, cid)


@api.get("/consultations/{cid}/similar/{number}", summary="Public questions answered before")
def get_similar(cid: str, number: str, request: Request, pool: Pool) -> SimilarResponse:
    with _drafting(pool, request) as (drafting, user):
        return drafting.similar(user, cid, number)


@api.get("/consultations/{cid}/export", summary="md/yaml to edit; text/docx/html/json to read")
def get_export(cid: str, request: Request, pool: Pool, format: str = "md") -> Response:
    if format not in ("md", "yaml") and format not in RENDERERS:
        raise ApiError(400, "unknown_format", f"unknown format {format!r}")
    with _drafting(pool, request) as (drafting, user):
        if format in ("md", "yaml"):
            output: str | bytes = export(drafting.get(user, cid), format)
            suffix = f".{format}"
        else:
            output = render(drafting.document(user, cid), format)
            suffix = extension(format)
    return Response(
        output,
        media_type=_MEDIA.get(format, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{cid}{suffix}"'},
    )


@api.post("/consultations/{cid}/import", summary="Read an edited md/yaml export back")
async def post_import(
    cid: str, request: Request, pool: Pool, file: Annotated[UploadFile, File()]
) -> Consultation:
    data = await _upload(file)
    with _drafting(pool, request) as (drafting, user):
        drafting.get(user, cid)  # who first: strangers learn nothing from parse errors
        file_id, version, content = read_file(data)
        if file_id and file_id != cid:
            raise Conflict(f"the file belongs to consultation {file_id}, not {cid}")
        return drafting.update_content(
            user, cid, content, expected_version=version, action="import"
        )


router.include_router(api)

# -- pages -------------------------------------------------------------------------------
pages = APIRouter(prefix="/drafting")
_STATE_ACTIONS = {
    "draft": [("ready_for_review", "Ter review aanbieden")],
    "ready_for_review": [("approved", "Goedkeuren"), ("draft", "Terug naar concept")],
    "approved": [("sent", "Versturen en publiceren"), ("draft", "Terug naar concept")],
    "sent": [],
}
STATE_LABELS = nl.STATES


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    from kamerqa.web.render import page

    return page(request, f"drafting/{name}", status=status, state_labels=STATE_LABELS, **context)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _page_user(pool: StorePool, request: Request) -> User | None:
    with pool.borrow() as store:
        return _identify(store, request)


def _list_page(
    request: Request, drafting: Drafting, user: User, status: int = 200, message: str = ""
) -> HTMLResponse:
    items = drafting.consultations(user)
    return _page(request, "list.html", status=status, user=user, items=items, message=message)


@pages.get("", response_class=HTMLResponse)
def home(request: Request, pool: Pool) -> HTMLResponse:
    user = _page_user(pool, request)
    if user is None:
        return _page(request, "login.html", message="")
    with _drafting(pool, request, dutch=True) as (drafting, user):
        return _list_page(request, drafting, user)


@pages.post("/login", response_model=None)
def login_form(
    request: Request, pool: Pool, token: Annotated[str, Form()]
) -> HTMLResponse | RedirectResponse:
    wait = _login_refused(request)
    if wait is not None:
        message = nl.error_text(_too_many(wait))
        refused = _page(request, "login.html", status=429, message=message)
        refused.headers["Retry-After"] = str(wait)
        return refused
    try:
        with pool.borrow() as store:
            _, session = auth.login(store, token.strip())
    except DraftingError as err:
        return _page(request, "login.html", status=err.status, message=nl.error_text(err))
    response = _see_other("/drafting")
    _set_cookie(response, session, request)
    return response


@pages.post("/logout")
def logout_form(request: Request, pool: Pool) -> RedirectResponse:
    session = request.cookies.get(COOKIE)
    if session:
        with pool.borrow() as store:
            auth.logout(store, session)
    response = _see_other("/drafting")
    response.delete_cookie(COOKIE, path="/")
    return response


@pages.post("/new", response_model=None)
async def new_form(
    request: Request,
    pool: Pool,
    title: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse | RedirectResponse:
    name = file.filename if file is not None and file.filename else ""
    with _drafting(pool, request, dutch=True) as (drafting, user):  # who first
        try:
            data = await _upload(file) if file is not None and name else b""
            content = content_from_inbreng(data, name) if name else ConsultationContent()
        except ApiError as err:  # too large
            limit = str(MAX_UPLOAD // 2**20)
            message = nl.status_text(err.status, err.code, limit=limit)
            return _list_page(request, drafting, user, err.status, message)
        except KamerqaInputError as err:
            return _list_page(request, drafting, user, 422, nl.input_error_text(err, name))
        content.title = title.strip() or content.title
        created = drafting.create(user, content, how=f"from {name}" if name else "by hand")
    return _see_other(f"/drafting/{created.id}")


def _editor_page(
    request: Request,
    drafting: Drafting,
    user: User,
    cid: str,
    status: int = 200,
    message: str = "",
) -> HTMLResponse:
    consultation = drafting.get(user, cid)
    content = consultation.content
    return _page(
        request,
        "editor.html",
        status=status,
        message=message,
        user=user,
        c=consultation,
        content=content,
        rows=[(q, content.answer_for(q.number)) for q in content.questions],
        issues=[(i.level, nl.issue_text(i)) for i in drafting.check(user, cid)],
        log=list(reversed(drafting.audit(user, cid))),
        action_labels=nl.ACTIONS,
        actions=_STATE_ACTIONS[consultation.status],
        editable=consultation.status == "draft",
    )


@pages.get("/{cid}", response_class=HTMLResponse)
def editor(cid: str, request: Request, pool: Pool) -> HTMLResponse:
    with _drafting(pool, request, dutch=True) as (drafting, user):
        return _editor_page(request, drafting, user, cid)


@pages.post("/{cid}/state", response_model=None)
def state_form(
    cid: str, request: Request, pool: Pool, to: Annotated[str, Form()]
) -> HTMLResponse | RedirectResponse:
    with _drafting(pool, request, dutch=True) as (drafting, user):
        try:
            drafting.transition(user, cid, to)
        except DraftingError as err:
            if err.status in (401, 404):
                raise
            return _editor_page(request, drafting, user, cid, err.status, nl.error_text(err))
    return _see_other(f"/drafting/{cid}")


_META_FIELDS = ("committee", "subject", "meeting", "date_submitted", "date_answered", "reference")


def _metadata_changes(form: Any) -> dict[str, Any]:
    values = {k: str(form.get(k, "")).strip() for k in (*_META_FIELDS, "title", "addressee")}
    changes: dict[str, Any] = {k: values[k] or None for k in _META_FIELDS}
    changes["title"] = values["title"]
    changes["addressees"] = [values["addressee"]] if values["addressee"] else []
    name = str(form.get("signatory", "")).strip()
    function = str(form.get("function", "")).strip() or None
    changes["signatories"] = [{"name": name, "function": function}] if name else []
    return changes


@pages.post("/{cid}/metadata", response_model=None)
async def metadata_form(cid: str, request: Request, pool: Pool) -> HTMLResponse | RedirectResponse:
    changes = _metadata_changes(await request.form())
    with _drafting(pool, request, dutch=True) as (drafting, user):
        try:
            drafting.update_metadata(user, cid, changes)
        except DraftingError as err:
            if err.status in (401, 404):
                raise
            return _editor_page(request, drafting, user, cid, err.status, nl.error_text(err))
    return _see_other(f"/drafting/{cid}")


router.include_router(pages, include_in_schema=False)
