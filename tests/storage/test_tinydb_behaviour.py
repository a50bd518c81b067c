"""ShardStorage behaves as a TinyDB storage: the database and table operations TinyDB documents, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query, TinyDB, where
from tinydb.operations import add, delete, increment
from tinydb.operations import set as set_field
from tinydb.table import Document

from recovery_planner.storage.filestore import ShardStorage


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


@pytest.fixture
def db(path: Path) -> TinyDB:
    database = TinyDB(path, storage=ShardStorage)
    database.insert_multiple({"n": n, "name": name} for n, name in enumerate("xyz", start=1))
    return database


def test_everything_survives_reopening(db: TinyDB, path: Path) -> None:
    db.table("other").insert({"k": "v"})
    again = TinyDB(path, storage=ShardStorage)
    assert again.all() == db.all() and [d.doc_id for d in again.all()] == [1, 2, 3]
    assert again.table("other").all() == [{"k": "v"}]
    assert again.tables() == {"_default", "other"}


def test_ids_continue_after_the_highest_stored_one(db: TinyDB, path: Path) -> None:
    db.remove(doc_ids=[2])
    again = TinyDB(path, storage=ShardStorage)
    assert again.insert({"n": 4}) == 4
    assert again.insert(Document({"n": 10}, doc_id=10)) == 10
    with pytest.raises(ValueError):
        again.insert(Document({"n": 11}, doc_id=10))


def test_queries_updates_and_operations(db: TinyDB) -> None:
    q = Query()
    assert db.get(q.name == "y")["n"] == 2 and db.count(q.n > 1) == 2 and db.contains(q.name == "z")
    assert db.update({"tag": "a"}, q.n >= 2) == [2, 3]
    db.update(increment("n"), where("name") == "x")
    db.update(add("name", "!"), doc_ids=[2])
    db.update(set_field("flag", True), doc_ids=[3])
    db.update(delete("tag"), doc_ids=[3])
    assert db.get(doc_id=1)["n"] == 2 and db.get(doc_id=2)["name"] == "y!"
    assert db.get(doc_id=3) == {"n": 3, "name": "z", "flag": True}
    assert db.search(q.tag.exists()) == [{"n": 2, "name": "y!", "tag": "a"}]


def test_upsert_remove_truncate_and_drop(db: TinyDB, path: Path) -> None:
    q = Query()
    assert db.upsert({"name": "x", "n": 100}, q.name == "x") == [1]
    assert db.upsert({"name": "w", "n": 0}, q.name == "w") == [4]
    assert db.remove(q.n > 50) == [1] and len(db) == 3
    db.table("t").insert({"a": 1})
    db.drop_table("t")
    assert "t" not in TinyDB(path, storage=ShardStorage).tables()
    db.truncate()
    assert len(db) == 0 and db.insert({"a": 1}) == 1
    db.drop_tables()
    assert TinyDB(path, storage=ShardStorage).tables() == set()


def test_a_value_json_cannot_hold_is_a_type_error_and_changes_nothing(db: TinyDB, path: Path) -> None:
    with pytest.raises(TypeError):
        db.insert({"bad": object()})
    with pytest.raises(TypeError):
        db.insert({"bad": "\ud800"})  # a lone surrogate
    assert len(TinyDB(path, storage=ShardStorage)) == 3


def test_read_only_access_mode_refuses_writes(db: TinyDB, path: Path) -> None:
    ro = TinyDB(path, storage=ShardStorage, access_mode="r")
    assert len(ro) == 3
    with pytest.raises(OSError):
        ro.insert({"n": 4})
    assert len(TinyDB(path, storage=ShardStorage)) == 3


def test_json_options_are_accepted_like_json_storage(path: Path) -> None:
    db = TinyDB(path, storage=ShardStorage, ensure_ascii=False, indent=2, create_dirs=True)
    db.insert({"name": "José"})
    assert TinyDB(path, storage=ShardStorage).all() == [{"name": "José"}]
