"""The store: round trips, transactions, migrations, attachments, no secrets in SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.model import SECRET_FIELDS, AttachmentRole, get_field
from desktop.sample import sample_case
from desktop.store import (
    MAX_ATTACHMENT_BYTES,
    SCHEMA_VERSION,
    AttachmentError,
    NewerDatabaseError,
    Store,
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "cases.sqlite3", tmp_path / "attachments")


def test_round_trip_keeps_everything_but_secrets(store: Store) -> None:
    case = sample_case()
    store.save_case(case)
    loaded = store.load_case(case.id)
    assert loaded.title == case.title
    assert loaded.purchase.date == case.purchase.date
    assert loaded.purchase.price == case.purchase.price
    assert [c.at for c in loaded.contacts] == [c.at for c in case.timeline()]
    assert loaded.contacts[1].at.utcoffset() == case.contacts[1].at.utcoffset()
    for path in SECRET_FIELDS:
        assert get_field(loaded, path) == ""


def test_database_file_holds_no_secret(store: Store) -> None:
    case = sample_case()
    store.save_case(case)
    store.close()
    raw = b"".join(p.read_bytes() for p in store.db_path.parent.glob("cases.sqlite3*"))
    for path in SECRET_FIELDS:
        value = get_field(case, path)
        if value:
            assert value.encode() not in raw, path
    assert case.title.encode() in raw  # the plain fields are really there


def test_schema_is_versioned(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "cases.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Store(db, tmp_path / "attachments")
    assert db.read_bytes() == before


def test_failed_save_rolls_back(store: Store) -> None:
    case = sample_case()
    store.save_case(case)
    case.title = "changed"
    case.contacts[0].id = case.contacts[1].id  # duplicate primary key: the insert fails
    with pytest.raises(sqlite3.IntegrityError):
        store.save_case(case)
    loaded = store.load_case(case.id)
    assert loaded.title == sample_case().title
    assert len(loaded.contacts) == 3


def test_list_and_delete(store: Store, tmp_path: Path) -> None:
    case = sample_case()
    photo = tmp_path / "screen.png"
    photo.write_bytes(b"\x89PNG fake")
    att = store.import_attachment(photo, AttachmentRole.PHOTO)
    case.symptoms.photos.append(att)
    store.save_case(case)
    [summary] = store.list_cases()
    assert summary.title == case.title and summary.contact_count == 3
    assert summary.model_name.startswith("iPhone 13 Pro")
    store.delete_case(case.id)
    assert store.list_cases() == []
    assert not store.attachment_path(att).exists()


def test_attachment_is_copied_and_survives_the_original_moving(
    store: Store, tmp_path: Path
) -> None:
    receipt = tmp_path / "Receipt März.PDF"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    att = store.import_attachment(receipt, AttachmentRole.RECEIPT)
    receipt.unlink()
    copy = store.attachment_path(att)
    assert copy.read_bytes() == b"%PDF-1.4 receipt"
    assert att.file_name == "Receipt März.PDF" and att.media_type == "application/pdf"
    assert len(att.sha256) == 64 and att.size == 16
    assert copy.stat().st_mode & 0o777 == 0o600


def test_oversized_attachment_is_refused_before_copying(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "video.mov"
    with big.open("wb") as fh:
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(AttachmentError, match="up to 50 MB"):
        store.import_attachment(big, AttachmentRole.PHOTO)
    assert list(store.attachments_dir.iterdir()) == []


def test_missing_attachment_says_which_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match=r"gone\.jpg"):
        store.import_attachment(tmp_path / "gone.jpg", AttachmentRole.PHOTO)


def test_damaged_database_is_moved_aside_never_overwritten(data_home: Path) -> None:
    from desktop import paths

    db = paths.database_path()
    garbage = b"this is not a database" * 100
    db.write_bytes(garbage)
    store = Store.open_default()
    assert "moved aside" in store.notice
    [aside] = list(db.parent.glob("cases.sqlite3.damaged-*"))
    assert aside.read_bytes() == garbage
    assert store.list_cases() == []  # a fresh, working database
    store.save_case(sample_case())
    assert len(store.list_cases()) == 1


def test_truncated_database_is_detected(data_home: Path) -> None:
    from desktop import paths

    store = Store.open_default()
    store.save_case(sample_case())
    store.close()
    db = paths.database_path()
    # Checkpoint the WAL into the main file, then cut the file in half.
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    reopened = Store.open_default()
    assert "moved aside" in reopened.notice


def test_daily_backups_roll(store: Store) -> None:
    assert store.daily_backup("2026-11-01") is None  # nothing to back up yet
    store.save_case(sample_case())
    for day in range(1, 11):
        store.daily_backup(f"2026-11-{day:02d}")
    kept = sorted(p.name for p in store.backups_dir.glob("cases-*.sqlite3"))
    assert kept == [f"cases-2026-11-{d:02d}.sqlite3" for d in range(4, 11)]
    copy = Store(store.backups_dir / kept[-1], store.attachments_dir)
    assert copy.load_case(sample_case().id).title == sample_case().title
    assert (store.backups_dir / kept[-1]).stat().st_mode & 0o777 == 0o600
