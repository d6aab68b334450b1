"""The Store contract, run on SQLite and PostgreSQL (fixture ``store``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Person
from kamerqa.search import DocumentFilters, SearchRequest
from kamerqa.store import Migration, Store, open_store, register_migration
from store.docs import QA, make_document


def test_upsert_reports_inserted_unchanged_updated(store: Store) -> None:
    doc = make_document("2025D00001")
    assert store.upsert_document(doc) == "inserted"
    assert store.upsert_document(doc) == "unchanged"
    moved = doc.model_copy(deep=True)
    moved.source.path = "/elsewhere/copy.txt"
    assert store.upsert_document(moved) == "unchanged"
    changed = doc.model_copy(deep=True)
    changed.questions[0].text += " En wanneer worden ze geleverd?"
    assert store.upsert_document(changed) == "updated"
    assert store.count_documents() == 1
    stored = store.get_document("2025D00001")
    assert stored is not None
    assert stored.questions[0].text.endswith("geleverd?")


def test_get_document_round_trips_the_model(store: Store) -> None:
    doc = make_document("2025D00002", joint=True, askers=[Person(name="Van Dijk", party="SGP")])
    store.upsert_document(doc)
    assert store.get_document("2025D00002") == doc
    assert store.get_document("missing") is None


def test_joint_answer_is_stored_once_for_both_questions(store: Store) -> None:
    store.upsert_document(make_document("2025D00003", joint=True))
    rows = store.execute(
        "SELECT question_number FROM answer_questions WHERE doc_id = ? AND answer_id = 'a1'"
        " ORDER BY question_number",
        ("2025D00003",),
    )
    assert [r[0] for r in rows] == ["1", "2"]
    qa = {r["question_number"]: r for r in store.iter_qa_rows()}
    assert qa["1"]["answer_id"] == qa["2"]["answer_id"] == "a1"
    assert qa["2"]["answer_questions"] == ["1", "2"]


def test_delete_removes_the_document_and_its_index(store: Store) -> None:
    store.upsert_document(make_document("2025D00004"))
    assert store.search(SearchRequest(query="drones")).total > 0
    assert store.delete_document("2025D00004") is True
    assert store.delete_document("2025D00004") is False
    assert store.search(SearchRequest(query="drones")).total == 0
    for table in ("questions", "answers", "qa_units", "footnotes", "doc_references"):
        assert store.execute(f"SELECT count(*) FROM {table}")[0][0] == 0


def test_list_and_count_documents_with_filters(store: Store) -> None:
    store.upsert_document(make_document("2025D00005", answered=date(2024, 3, 1)))
    store.upsert_document(
        make_document("2025D00006", genre="kamervragen", committee="vaste commissie voor VWS")
    )
    assert store.count_documents() == 2
    assert store.count_documents(DocumentFilters(genre="kamervragen")) == 1
    listed = store.list_documents(DocumentFilters(year=2024))
    assert [d.id for d in listed] == ["2025D00005"]
    assert listed[0].questions == len(QA)
    assert [d.id for d in store.list_documents(limit=1, offset=1)] == ["2025D00005"]


def test_core_and_registered_migrations_are_recorded(store_url: str) -> None:
    from kamerqa.store import base, open_store

    extra = Migration(
        "zz_test_0001_extra",
        sqlite="CREATE TABLE zz_extra (id INTEGER PRIMARY KEY, note TEXT);",
        postgresql="CREATE TABLE zz_extra (id SERIAL PRIMARY KEY, note TEXT);",
    )
    register_migration(extra)
    try:
        with open_store(store_url) as store:
            applied = store.applied_migrations()
            assert applied[0] == "0001_core"
            assert "zz_test_0001_extra" in applied
            store.execute("INSERT INTO zz_extra (note) VALUES (?)", ("ok",))
        with open_store(store_url) as again:  # a second open applies nothing twice
            assert again.applied_migrations() == applied
            assert again.execute("SELECT note FROM zz_extra") == [("ok",)]
    finally:
        base._REGISTERED.pop(extra.name, None)


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_document(make_document("2025D00007"))
        raise RuntimeError("boom")
    assert store.get_document("2025D00007") is None


def test_stats_counts_and_reply_times(store: Store) -> None:
    store.upsert_document(make_document("2025D00008"))  # 6 days
    store.upsert_document(
        make_document("2025D00009", genre="kamervragen", answered=date(2025, 11, 8))
    )  # 31 days
    stats = store.stats()
    assert (stats.documents, stats.questions, stats.answers) == (2, 8, 8)
    assert {c.value: c.count for c in stats.by_genre} == {
        "schriftelijk_overleg": 1,
        "kamervragen": 1,
    }
    assert {c.value: c.count for c in stats.by_party}["SGP"] == 2
    assert stats.by_ministry[0].value == "Defensie"
    assert stats.reply_times.documents == 2
    assert stats.reply_times.median_days == pytest.approx(18.5)
    assert stats.reply_times.within_21_days == pytest.approx(0.5)


def test_one_store_is_safe_to_share_between_threads(store: Store) -> None:
    import threading

    errors: list[BaseException] = []

    def write(prefix: int) -> None:
        try:
            for i in range(10):
                store.upsert_document(make_document(f"2025D{prefix}{i:04d}"))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    def read() -> None:
        try:
            for _ in range(20):
                store.search(SearchRequest(query="drones"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in (1, 2)]
    threads += [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count_documents() == 20


def test_a_file_that_is_no_database_is_a_clear_input_error(tmp_path: Path) -> None:
    from kamerqa.errors import KamerqaInputError
    from kamerqa.store import open_store

    bogus = tmp_path / "notes.db"
    bogus.write_text("dit is geen database\n" * 100)
    with pytest.raises(KamerqaInputError, match="not a database"):
        open_store(bogus)
    with pytest.raises(KamerqaInputError, match="no folder"):
        open_store(tmp_path / "missing" / "kamerqa.db")


def test_later_core_migration_upgrades_a_filled_store(store_url: str) -> None:
    from kamerqa.store import open_store, registered_migrations

    first = next(m for m in registered_migrations() if m.name == "0001_core")
    with open_store(store_url, migrate=False) as old:
        old.execute(
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        step = first.step(old.dialect)
        assert isinstance(step, str)
        old.run_script(step)
        old.execute("INSERT INTO schema_migrations VALUES ('0001_core', 'then')")
        old.execute(
            "INSERT INTO documents (id, genre, content_hash, document_json, year)"
            " VALUES ('D1', 'kamervragen', 'x', '{}', 2024)"
        )
        old.execute(
            "INSERT INTO qa_units (doc_id, kind, ref, position, party, stems, parts, words)"
            " VALUES ('D1', 'question', '1', 0, 'SGP', 'dron', '', 'drones')"
        )
    with open_store(store_url) as upgraded:
        assert "0002_meta_tokens" in upgraded.applied_migrations()
        rows = upgraded.execute("SELECT meta FROM qa_units")
        assert rows == [("kindquestion genrekamervragen partysgp year2024",)]
        response = upgraded.search(SearchRequest(query="drone", party="SGP", facets=False))
        assert [h.doc_id for h in response.hits] == ["D1"]


def test_reindex_rebuilds_the_search_units(store: Store) -> None:
    store.upsert_document(make_document("2025D00010"))
    store.execute("DELETE FROM qa_units WHERE kind = 'answer'")
    assert store.reindex() == 1
    assert store.execute("SELECT count(*) FROM qa_units")[0][0] == 8
    assert store.search(SearchRequest(query="dronemuur", scope="answers")).total == 1
    if store.dialect == "sqlite":
        store.execute("INSERT INTO qa_fts(qa_fts) VALUES ('integrity-check')")


def test_unusable_database_locations_are_clear_input_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in ("mysql://foo/bar", "sqlite3://x.db", "http://example.org/db"):
        with pytest.raises(KamerqaInputError, match="unsupported database URL scheme"):
            open_store(url)
    with pytest.raises(KamerqaInputError, match="is a folder"):
        open_store(tmp_path)
    with pytest.raises(KamerqaInputError, match="no folder"):
        open_store(tmp_path / "missing" / "x.db")
    import kamerqa.store.sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store.os, "access", lambda *_: False)  # root may write anywhere
    with pytest.raises(KamerqaInputError, match="read-only"):
        open_store(tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()
