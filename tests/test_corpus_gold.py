"""Every corpus document of ../shared matches its gold annotation exactly (check_gold's rules)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kamerqa.parse import parse_bytes

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAMERQA_SHARED", REPO.parent / "shared"))
GOLD_DIR = SHARED / "corpus" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []


def _load_checker(shared_dir: Path) -> ModuleType:
    path = shared_dir / "tools" / "check_gold.py"
    if not path.exists():
        pytest.skip("check_gold.py is not present")
    spec = importlib.util.spec_from_file_location("check_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def checker(shared_dir: Path) -> ModuleType:
    return _load_checker(shared_dir)


def _parsed(shared_dir: Path, gold: dict[str, Any]) -> dict[str, Any]:
    path = shared_dir / "corpus" / gold["file"]
    document = parse_bytes(path.read_bytes(), str(path))
    return json.loads(document.to_json())


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_document_matches_gold(shared_dir: Path, checker: ModuleType, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = _parsed(shared_dir, gold)
    problems, right, total = checker.check(gold, document)
    assert problems == [], f"{gold['file']}: {right}/{total} questions right"
    assert right == total == len(gold["questions"])


def test_gold_folder_is_complete(shared_dir: Path) -> None:
    """The corpus has its 18 gold files, each naming a document that exists."""
    files = sorted((shared_dir / "corpus" / "gold").glob("*.json"))
    assert len(files) >= 18
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert (shared_dir / "corpus" / gold["file"]).is_file(), gold["file"]
