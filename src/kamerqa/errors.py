"""The one error kamerqa raises for input it cannot use."""

from __future__ import annotations


class KamerqaError(Exception):
    """Base class of kamerqa's own errors."""


class KamerqaInputError(KamerqaError):
    """Input that cannot be used: empty, binary, corrupt, hostile, not a Q&A document.

    ``str(err)`` is one line naming the file and the problem, fit to show a user.
    """

    def __init__(self, problem: str, path: str | None = None) -> None:
        self.problem = problem
        self.path = path
        super().__init__(f"{path}: {problem}" if path else problem)

    def with_path(self, path: str) -> KamerqaInputError:
        """The same error, naming ``path`` (when it named none yet)."""
        if self.path:
            return self
        return KamerqaInputError(self.problem, path)
