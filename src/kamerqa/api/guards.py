"""Requests refused before any handler runs: NUL characters in the path or query string.

PostgreSQL text cannot hold NUL (psycopg raises DataError), and no id, filter or query needs
one, so ``%00`` anywhere in the URL is answered with 400 in the usual error shape.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from kamerqa.api.errors import error_response


def has_nul(scope: Scope) -> bool:
    path = str(scope.get("path", ""))
    query = unquote_to_bytes(bytes(scope.get("query_string", b"")).replace(b"+", b" "))
    return "\x00" in path or b"\x00" in query


class RefuseNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and has_nul(scope):
            request = Request(scope, receive)
            message = "the address contains a NUL character (%00)"
            response = error_response(request, 400, "bad_request", message)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
