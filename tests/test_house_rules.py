"""House rules that the linters do not check: module size."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "kamerqa"
MAX_LINES = 500
# Modules allowed to be longer, each with the reason. Keep this list short.
EXCEPTIONS: dict[str, str] = {}


def test_no_library_module_is_too_long() -> None:
    too_long = []
    for path in SRC.rglob("*.py"):
        rel = str(path.relative_to(SRC))
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and rel not in EXCEPTIONS:
            too_long.append(f"{rel}: {lines} lines")
    assert not too_long, "split these modules: " + ", ".join(too_long)
