"""SQLite storage for everything but secrets, plus the attachment files.

The only module that talks to SQLite. Each save is one transaction; the
schema carries a version (PRAGMA user_version) and is brought up to date by
ordered migrations when the database is opened. Secret fields never reach
this module's SQL: rows are written from `case_to_dict(include_secrets=False)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.codec import attachment_from_dict, case_from_dict, case_to_dict, contact_from_dict
from desktop.model import Attachment, AttachmentRole, Case, CaseStatus, new_id, utc_now

# Each entry brings the schema from version i to i + 1. Never edit a shipped
# entry: add a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        case_type TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX contacts_by_case ON contacts(case_id, at);
    CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX attachments_by_case ON attachments(case_id, role, position);
    """,
    # 2: keyring entries of cases deleted while the keyring was locked; only names.
    """
    CREATE TABLE orphaned_secrets (
        case_id TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (case_id, key)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class StoreError(Exception):
    """A storage problem, worded for the user."""


class NewerDatabaseError(StoreError):
    pass


class AttachmentError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    """The file is not a readable database; it has been moved aside, not changed."""

    def __init__(self, message: str, moved_to: Path) -> None:
        super().__init__(message)
        self.moved_to = moved_to


BACKUPS_KEPT = 7


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    status: CaseStatus
    case_type: str
    device_kind: str
    model_name: str
    updated_at: datetime
    contact_count: int


class Store:
    def __init__(self, db_path: Path, attachments_dir: Path) -> None:
        self.db_path = db_path
        self.attachments_dir = attachments_dir
        for folder in (db_path.parent, attachments_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _restrict(folder, 0o700)
        existed = db_path.exists()
        self._db = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        if not existed:
            _restrict(db_path)
        try:
            self._refuse_newer()  # before anything below writes to the file
            if existed:
                self._check_integrity()
        except sqlite3.DatabaseError:
            self._db.close()
            moved = _move_aside(db_path)
            raise DamagedDatabaseError(
                "The case database could not be read; it may be damaged. It was moved "
                f"aside to “{moved.name}” (nothing was deleted) and a new one was started. "
                "Your daily backups are in the “backups” folder beside it.",
                moved,
            ) from None
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged save survives a crash of the app or the machine.
        self._db.execute("PRAGMA synchronous = FULL")
        if existed and self.schema_version() < SCHEMA_VERSION:
            self.backup("before-migration")
        self._migrate()

    @classmethod
    def open_default(cls) -> Store:
        """The user's store; a damaged file is moved aside (see `notice`) and a new one made."""
        from desktop import paths

        try:
            store = cls(paths.database_path(), paths.attachments_dir())
            store.notice = ""
        except DamagedDatabaseError as exc:
            store = cls(paths.database_path(), paths.attachments_dir())
            store.notice = str(exc)
        store.daily_backup()
        return store

    notice: str = ""  # something the user should be told about opening the store

    def _check_integrity(self) -> None:
        row = self._db.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {row}")

    # -- backups -----------------------------------------------------------

    @property
    def backups_dir(self) -> Path:
        return self.db_path.parent / "backups"

    def backup(self, label: str) -> Path:
        """A consistent copy of the database (SQLite's online backup), 0600."""
        self.backups_dir.mkdir(exist_ok=True, mode=0o700)
        _restrict(self.backups_dir, 0o700)
        target = self.backups_dir / f"cases-{label}.sqlite3"
        tmp = target.with_suffix(".partial")
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as copy:
            self._db.backup(copy)
        copy.close()
        _restrict(tmp)
        os.replace(tmp, target)
        return target

    def daily_backup(self, today: str | None = None) -> Path | None:
        """One backup a day, the last BACKUPS_KEPT days kept."""
        day = today or utc_now().date().isoformat()
        if not self.case_ids():
            return None
        target = self.backups_dir / f"cases-{day}.sqlite3"
        if not target.exists():
            self.backup(day)
        dailies = sorted(self.backups_dir.glob("cases-????-??-??.sqlite3"))
        for old in dailies[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)
        return target

    def close(self) -> None:
        self._db.close()

    # -- schema ------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _refuse_newer(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            self._db.close()
            raise NewerDatabaseError(
                f"This case database was written by a newer version of Case Dossier "
                f"(schema {version}, this version knows {SCHEMA_VERSION}). "
                "Install the newer version; the file has not been changed."
            )

    def _migrate(self) -> None:
        version = self.schema_version()
        for target in range(version, SCHEMA_VERSION):
            with self._transaction() as db:
                db.executescript_in_tx(MIGRATIONS[target])
                db.execute(f"PRAGMA user_version = {target + 1}")

    @contextmanager
    def _transaction(self) -> Iterator[_Tx]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield _Tx(self._db)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- cases -------------------------------------------------------------

    def save_case(self, case: Case) -> None:
        """Write the case's non-secret fields, contacts and attachment records."""
        case.updated_at = utc_now()
        data = case_to_dict(case, include_secrets=False)
        contacts = data.pop("contacts")
        receipts = data["purchase"].pop("receipts")
        photos = data["symptoms"].pop("photos")
        with self._transaction() as tx:
            tx.execute(
                "INSERT INTO cases (id, status, case_type, title, created_at, updated_at, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET status = excluded.status,"
                " case_type = excluded.case_type, title = excluded.title,"
                " updated_at = excluded.updated_at, data = excluded.data",
                (
                    case.id,
                    case.status.value,
                    case.case_type.value,
                    case.title,
                    data["created_at"],
                    data["updated_at"],
                    json.dumps(data, ensure_ascii=False),
                ),
            )
            tx.execute("DELETE FROM contacts WHERE case_id = ?", (case.id,))
            tx.executemany(
                "INSERT INTO contacts (id, case_id, at, data) VALUES (?, ?, ?, ?)",
                [(c["id"], case.id, c["at"], json.dumps(c, ensure_ascii=False)) for c in contacts],
            )
            tx.execute("DELETE FROM attachments WHERE case_id = ?", (case.id,))
            tx.executemany(
                "INSERT INTO attachments (id, case_id, role, position, data)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (a["id"], case.id, a["role"], i, json.dumps(a, ensure_ascii=False))
                    for i, a in enumerate([*receipts, *photos])
                ],
            )

    def load_case(self, case_id: str) -> Case:
        row = self._db.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise KeyError(case_id)
        data = json.loads(row[0])
        case = case_from_dict(data)
        for (contact_json,) in self._db.execute(
            "SELECT data FROM contacts WHERE case_id = ? ORDER BY at", (case_id,)
        ):
            case.contacts.append(contact_from_dict(json.loads(contact_json)))
        for (att_json,) in self._db.execute(
            "SELECT data FROM attachments WHERE case_id = ? ORDER BY position", (case_id,)
        ):
            att = attachment_from_dict(json.loads(att_json))
            if att.role is AttachmentRole.RECEIPT:
                case.purchase.receipts.append(att)
            else:
                case.symptoms.photos.append(att)
        return case

    def list_cases(self) -> list[CaseSummary]:
        rows = self._db.execute(
            "SELECT c.id, c.title, c.status, c.case_type, c.updated_at, c.data,"
            " (SELECT COUNT(*) FROM contacts k WHERE k.case_id = c.id)"
            " FROM cases c ORDER BY c.updated_at DESC"
        ).fetchall()
        summaries = []
        for case_id, title, status, case_type, updated_at, data_json, count in rows:
            device = json.loads(data_json).get("device", {})
            summaries.append(
                CaseSummary(
                    id=case_id,
                    title=title,
                    status=CaseStatus(status),
                    case_type=case_type,
                    device_kind=device.get("kind", "other"),
                    model_name=device.get("model_name", ""),
                    updated_at=datetime.fromisoformat(updated_at),
                    contact_count=count,
                )
            )
        return summaries

    def case_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM cases")]

    def delete_case(self, case_id: str) -> None:
        names = [
            json.loads(d)["stored_name"]
            for (d,) in self._db.execute(
                "SELECT data FROM attachments WHERE case_id = ?", (case_id,)
            )
        ]
        # A contact's own files (screenshots, saved emails) are listed inside the contact.
        for (d,) in self._db.execute("SELECT data FROM contacts WHERE case_id = ?", (case_id,)):
            names += [att["stored_name"] for att in json.loads(d).get("attachments", [])]
        with self._transaction() as tx:
            tx.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        for name in names:
            (self.attachments_dir / name).unlink(missing_ok=True)

    # -- keyring entries left behind ----------------------------------------

    def remember_orphans(self, case_id: str, keys: list[str]) -> None:
        with self._transaction() as tx:
            tx.executemany(
                "INSERT OR IGNORE INTO orphaned_secrets (case_id, key) VALUES (?, ?)",
                [(case_id, key) for key in keys],
            )

    def orphans(self) -> list[tuple[str, str]]:
        return [(c, k) for c, k in self._db.execute("SELECT case_id, key FROM orphaned_secrets")]

    def forget_orphan(self, case_id: str, key: str) -> None:
        with self._transaction() as tx:
            tx.execute("DELETE FROM orphaned_secrets WHERE case_id = ? AND key = ?", (case_id, key))

    # -- attachments -------------------------------------------------------

    def import_attachment(self, source: Path, role: AttachmentRole) -> Attachment:
        """Copy a file into the data folder and describe it; the caller adds it to a case."""
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise AttachmentError(f"Cannot read “{source.name}”: {exc.strerror}.") from exc
        if size > MAX_ATTACHMENT_BYTES:
            raise AttachmentError(
                f"“{source.name}” is {size / 2**20:.0f} MB; attachments can be up to "
                f"{MAX_ATTACHMENT_BYTES // 2**20} MB. "
                "A photo or a PDF export is usually smaller."
            )
        att_id = new_id()
        stored_name = att_id + source.suffix.lower()[:10]
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=self.attachments_dir, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.attachments_dir / stored_name)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise AttachmentError(f"Cannot copy “{source.name}”: {exc.strerror}.") from exc
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return Attachment(
            id=att_id,
            file_name=source.name,
            stored_name=stored_name,
            role=role,
            media_type=media_type,
            size=size,
            sha256=digest.hexdigest(),
        )

    def import_attachment_bytes(self, stored_name: str, payload: bytes) -> Path:
        """Place an attachment that arrives inside a case file."""
        target = self.attachments_dir / stored_name
        if target.parent != self.attachments_dir:
            raise AttachmentError(f"Unsafe attachment name “{stored_name}”.")
        fd, tmp = tempfile.mkstemp(dir=self.attachments_dir, prefix=".incoming-")
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        return target

    def attachment_path(self, att: Attachment) -> Path:
        return self.attachments_dir / att.stored_name

    def delete_attachment_file(self, att: Attachment) -> None:
        """Remove an attachment's file unless a stored case still refers to it."""
        still_used = self._db.execute(
            "SELECT 1 FROM attachments WHERE id = ?", (att.id,)
        ).fetchone()
        if still_used is None:
            self.attachment_path(att).unlink(missing_ok=True)

    def copy_attachment_to(self, att: Attachment, folder: Path) -> Path:
        return Path(shutil.copy2(self.attachment_path(att), folder / att.stored_name))


class _Tx:
    """The connection inside a transaction (executescript would commit early)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        self._db.executemany(sql, rows)

    def executescript_in_tx(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self._db.execute(statement)


def _move_aside(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _restrict(path: Path, mode: int = 0o600) -> None:
    with contextlib.suppress(OSError):  # not every file system has POSIX permissions
        os.chmod(path, mode)
