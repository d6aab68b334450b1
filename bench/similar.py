"""Similarity benchmark: recall@5 of lexical vs dense vs hybrid on invented paraphrases.

    .venv/bin/python bench/similar.py [--db PATH]

Stores the distinct targets of bench/paraphrases.json plus its distractors as questions, then
asks `Store.similar` for each paraphrase with every method and reports how often the target
is in the top 5, for all pairs and for the hard ones (sharing almost no words).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from kamerqa.model import Answer, Document, Question
from kamerqa.search.similarity import load_encoder
from kamerqa.store import open_store

HERE = Path(__file__).resolve().parent
METHODS = ("lexical", "dense", "hybrid")


def build_document(texts: list[str]) -> Document:
    questions = [Question(number=str(i), text=t, answer_id=f"a{i}") for i, t in enumerate(texts, 1)]
    answers = [
        Answer(id=f"a{i}", questions=[str(i)], text="Zie de brief.")
        for i in range(1, len(texts) + 1)
    ]
    return Document(
        id="bench-paraphrases", genre="kamervragen", questions=questions, answers=answers
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=None, help="SQLite path (default: a temporary file)")
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    data = json.loads((HERE / "paraphrases.json").read_text(encoding="utf-8"))
    targets = list(dict.fromkeys(p["target"] for p in data["pairs"]))
    texts = targets + data["distractors"]
    number_of = {t: str(i) for i, t in enumerate(texts, 1)}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or str(Path(tmp) / "similar.db"))
        store.upsert_document(build_document(texts))
        dense_ok = load_encoder() is not None
        print(
            f"{len(data['pairs'])} pairs ({sum(p['hard'] for p in data['pairs'])} hard), "
            f"{len(texts)} stored questions, encoder loaded: {dense_ok}"
        )
        for method in METHODS:
            found = {"all": 0, "hard": 0, "easy": 0}
            started = time.perf_counter()
            used = method
            for pair in data["pairs"]:
                response = store.similar(text=pair["query"], limit=args.k, method=method)
                used = response.method
                hit = number_of[pair["target"]] in [h.question_number for h in response.hits]
                found["all"] += hit
                found["hard" if pair["hard"] else "easy"] += hit
            per_query = (time.perf_counter() - started) / len(data["pairs"]) * 1000
            hard = sum(p["hard"] for p in data["pairs"])
            print(
                f"{method:8} (ran as {used:7}) recall@{args.k}: "
                f"all {found['all']}/{len(data['pairs'])}  easy {found['easy']}/"
                f"{len(data['pairs']) - hard}  hard {found['hard']}/{hard}  "
                f"{per_query:.1f} ms/query"
            )
        store.close()


if __name__ == "__main__":
    main()
