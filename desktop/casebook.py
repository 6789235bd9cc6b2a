"""The cases as the app sees them: the store for plain fields, the vault for secrets.

The UI and the CLI go through this class only; it is what guarantees that a
secret field is written to the vault and never to the database.
"""

from __future__ import annotations

from pathlib import Path

from desktop.bundle import LoadedCaseFile, as_new_case
from desktop.model import (
    Attachment,
    AttachmentRole,
    Case,
    CaseStatus,
    apply_secret_values,
    secret_values,
)
from desktop.store import CaseSummary, Store
from desktop.vault import Vault


class CaseBook:
    def __init__(self, store: Store, vault: Vault) -> None:
        self.store = store
        self.vault = vault
        # Secrets the vault could not read at load time (a locked keychain): a blank
        # in the case then means "unknown", and saving must not erase the real value.
        self._unknown: dict[str, set[str]] = {}

    @classmethod
    def open_default(cls, vault: Vault | None = None) -> CaseBook:
        return cls(Store.open_default(), vault if vault is not None else Vault.detect())

    def close(self) -> None:
        self.store.close()

    def list_cases(self) -> list[CaseSummary]:
        return self.store.list_cases()

    def load(self, case_id: str) -> Case:
        case = self.store.load_case(case_id)
        found = {key: self.vault.lookup(case_id, key) for key in secret_values(case)}
        self._unknown[case_id] = {key for key, value in found.items() if value is None}
        apply_secret_values(case, {key: value or "" for key, value in found.items()})
        return case

    def load_public(self, case_id: str) -> Case:
        """The case without its secrets: no keychain lookup (lists, search, status lines)."""
        return self.store.load_case(case_id)

    def unreadable_secrets(self, case_id: str) -> set[str]:
        """Secret fields shown blank only because the keychain could not be read."""
        return set(self._unknown.get(case_id, ()))

    def save(self, case: Case) -> None:
        """Save plain fields in one transaction, then each secret to the vault."""
        stale = self._stored_secret_keys(case.id)
        self.store.save_case(case)
        values = secret_values(case)
        unknown = self._unknown.get(case.id, set())
        for key, value in values.items():
            if not value and key in unknown:
                continue  # still unknown: leave the keychain's value alone
            self.vault.set(case.id, key, value)
            unknown.discard(key)
        for key in stale - values.keys():  # e.g. a charge that was removed
            self.vault.delete(case.id, key)

    def delete(self, case_id: str) -> None:
        keys = self._stored_secret_keys(case_id)
        self.store.delete_case(case_id)
        if not self.vault.is_secure:
            # The keyring cannot be reached now: note the names, clean up once it can.
            self.store.remember_orphans(case_id, sorted(keys))
        self.vault.delete_case(case_id, tuple(keys))

    def clean_up_orphans(self) -> int:
        """Delete keyring entries of cases deleted while it was locked; returns how many."""
        done = 0
        for case_id, key in self.store.orphans():
            if not self.vault.is_secure:
                break
            self.vault.delete(case_id, key)
            if self.vault.is_secure:  # the delete went through
                self.store.forget_orphan(case_id, key)
                done += 1
        return done

    def _stored_secret_keys(self, case_id: str) -> set[str]:
        try:
            return set(secret_values(self.store.load_case(case_id)))
        except KeyError:
            return set()

    def import_case(self, loaded: LoadedCaseFile) -> Case:
        """Add a case read from a case file, as a new case with fresh ids."""
        case, attachments = as_new_case(loaded)
        for name, payload in attachments.items():
            self.store.import_attachment_bytes(name, payload)
        if case.status is CaseStatus.DRAFT:
            case.status = CaseStatus.OPEN
        self.save(case)
        return case

    def add_attachment(self, case: Case, source: Path, role: AttachmentRole) -> Attachment:
        att = self.store.import_attachment(source, role)
        (case.purchase.receipts if role is AttachmentRole.RECEIPT else case.symptoms.photos).append(
            att
        )
        return att

    def import_file(self, source: Path, role: AttachmentRole) -> Attachment:
        """Copy a file into the data folder; the caller adds it to the case (a contact's files)."""
        return self.store.import_attachment(source, role)

    def remove_attachment(self, case: Case, attachment_id: str) -> Attachment | None:
        """Take an attachment out of the case and save; its file goes once the save is done."""
        for bucket in (case.purchase.receipts, case.symptoms.photos):
            for att in bucket:
                if att.id == attachment_id:
                    bucket.remove(att)
                    self.save(case)
                    self.store.delete_attachment_file(att)
                    return att
        return None

    def discard_files(self, attachments: list[Attachment]) -> None:
        """Delete copied files of attachments that never made it into a saved case."""
        for att in attachments:
            self.store.delete_attachment_file(att)

    def attachment_path(self, att: Attachment) -> Path:
        return self.store.attachment_path(att)

    @property
    def attachments_dir(self) -> Path:
        return self.store.attachments_dir
