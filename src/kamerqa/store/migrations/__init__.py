"""Migration discovery: SQL files and Python modules in this folder (see kamerqa.store.base).

``<name>.sqlite.sql`` / ``<name>.postgresql.sql`` / ``<name>.sql`` (both dialects) and modules
``<name>.py`` defining ``MIGRATIONS: list[Migration]``.
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib import resources

from kamerqa.store.base import Migration, MigrationStep

_SUFFIXES = {".sqlite.sql": "sqlite", ".postgresql.sql": "postgresql", ".sql": "both"}


def _sql_migrations() -> list[Migration]:
    steps: dict[str, dict[str, MigrationStep]] = {}
    for entry in resources.files(__name__).iterdir():
        name = entry.name
        for suffix, dialect in _SUFFIXES.items():
            if name.endswith(suffix):
                base = name[: -len(suffix)]
                sql = entry.read_text(encoding="utf-8")
                slot = steps.setdefault(base, {})
                for d in ("sqlite", "postgresql") if dialect == "both" else (dialect,):
                    slot[d] = sql
                break
    return [Migration(n, s.get("sqlite"), s.get("postgresql")) for n, s in steps.items()]


def _module_migrations() -> list[Migration]:
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "MIGRATIONS", []))
    return found


def discover() -> list[Migration]:
    return _sql_migrations() + _module_migrations()
