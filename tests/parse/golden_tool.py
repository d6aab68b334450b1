"""Golden files for the genre parsers: tests/fixtures/<genre>/NAME.txt + NAME.expected.json.

Review, then regenerate by hand (never blindly):
    .venv/bin/python tests/parse/golden_tool.py              # summary of what the parser gives
    .venv/bin/python tests/parse/golden_tool.py --diff       # only fixtures whose output changed
    .venv/bin/python tests/parse/golden_tool.py --write NAME # write NAME.expected.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kamerqa.parse import parse_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GENRE_DIRS = ("schriftelijk_overleg", "lijst_van_vragen", "nota")


def fixtures() -> list[Path]:
    return sorted(p for d in GENRE_DIRS for p in (FIXTURES / d).glob("*.txt"))


def expected_path(fixture: Path) -> Path:
    return fixture.with_suffix(".expected.json")


def actual(fixture: Path) -> dict[str, Any]:
    document = parse_bytes(fixture.read_bytes(), fixture.name)
    return document.to_dict()


def summary(doc: dict[str, Any]) -> str:
    meta = doc["metadata"]
    lines = [
        f"  genre={doc['genre']} id={doc['id']} title={doc['title'][:90]!r}",
        f"  committee={meta['committee']!r} submitted={meta['date_submitted']} "
        f"answered={meta['date_answered']} published={meta['date_published']} "
        f"reference={meta['reference']!r}",
        f"  signatories={meta['signatories']} addressees={meta['addressees']}",
        f"  extra={meta['extra']}",
        "  parties=" + ", ".join(f"{p['name']}{p['question_numbers']}" for p in doc["parties"]),
    ]
    for q in doc["questions"]:
        lines.append(
            f"  Q{q['number']} [{q['party']}|{q['section']}] -> {q['answer_id']}: "
            f"{q['text'][:110]!r}"
        )
    for a in doc["answers"]:
        lines.append(f"  {a['id']} {a['questions']} refers={a['refers_to']}: {a['text'][:110]!r}")
    lines += [f"  note {n['id']} in {n['in']}: {n['text'][:80]!r}" for n in doc["footnotes"]]
    lines += [
        f"  ref {r['type']} {r['koop_id'] or r['number']} in {r['in']}" for r in doc["references"]
    ]
    lines += [f"  warning: {w}" for w in doc["warnings"]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="fixture names (stem); default: all")
    parser.add_argument("--write", action="store_true", help="write NAME.expected.json")
    parser.add_argument("--diff", action="store_true", help="show only changed fixtures")
    args = parser.parse_args()
    for fixture in fixtures():
        if args.names and fixture.stem not in args.names:
            continue
        doc = actual(fixture)
        target = expected_path(fixture)
        old = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
        if args.diff and old == doc:
            continue
        state = "new" if old is None else ("same" if old == doc else "CHANGED")
        print(f"{fixture.parent.name}/{fixture.name} ({state})\n{summary(doc)}")
        if args.write:
            text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
            target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
