"""NUL characters removed from the address before any handler runs.

PostgreSQL text cannot hold NUL (psycopg raises DataError: a 500 for ``/doc/%00`` or a
``%00`` filter), and no id, filter or query means anything with one, so ``%00`` is dropped from
the path and the query string: the request then goes on as if it had not been typed.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


def without_nul(scope: Scope) -> Scope:
    """The scope with NUL removed from path, raw path and query string (unchanged if none)."""
    path = str(scope.get("path", ""))
    raw = bytes(scope.get("raw_path") or b"")
    query = bytes(scope.get("query_string", b""))
    if "\x00" not in path and b"%00" not in raw and b"%00" not in query and b"\x00" not in query:
        return scope
    return {
        **scope,
        "path": path.replace("\x00", ""),
        "raw_path": raw.replace(b"%00", b""),
        "query_string": query.replace(b"%00", b"").replace(b"\x00", b""),
    }


class DropNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope = without_nul(scope)
        await self.app(scope, receive, send)
