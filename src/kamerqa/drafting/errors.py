"""Errors of the drafting service, each with the HTTP status and code the API answers with."""

from __future__ import annotations

from kamerqa.errors import KamerqaError


class DraftingError(KamerqaError):
    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        self.message = message
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
