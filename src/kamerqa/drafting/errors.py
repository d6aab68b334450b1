"""Errors of the drafting service, each with the HTTP status and code the API answers with.

``message`` is the English one-liner of the CLI and API; ``key`` and ``params`` let the web
pages say the same in Dutch (`kamerqa.drafting.messages_nl.error_text`).
"""

from __future__ import annotations

from kamerqa.errors import KamerqaError


class DraftingError(KamerqaError):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, key: str = "", **params: str) -> None:
        self.message = message
        self.key = key
        self.params = params
        super().__init__(message)


class NotAuthenticated(DraftingError):
    status = 401
    code = "not_authenticated"


class Forbidden(DraftingError):
    status = 403
    code = "forbidden"


class NotFound(DraftingError):
    status = 404
    code = "not_found"


class Conflict(DraftingError):
    status = 409
    code = "conflict"


class Invalid(DraftingError):
    status = 422
    code = "invalid"


class TooManyAttempts(DraftingError):
    status = 429
    code = "too_many_requests"
