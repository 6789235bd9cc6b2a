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

    @classmethod
    def open_default(cls, vault: Vault | None = None) -> CaseBook:
        return cls(Store.open_default(), vault if vault is not None else Vault.detect())

    def close(self) -> None:
        self.store.close()

    def list_cases(self) -> list[CaseSummary]:
        return self.store.list_cases()

    def load(self, case_id: str) -> Case:
        case = self.store.load_case(case_id)
        keys = secret_values(case)  # the keys; the values are blank in the store
        apply_secret_values(case, {key: self.vault.get(case_id, key) for key in keys})
        return case

    def save(self, case: Case) -> None:
        """Save plain fields in one transaction, then each secret to the vault."""
        stale = self._stored_secret_keys(case.id)
        self.store.save_case(case)
        values = secret_values(case)
        for key, value in values.items():
            self.vault.set(case.id, key, value)
        for key in stale - values.keys():  # e.g. a charge that was removed
            self.vault.delete(case.id, key)

    def delete(self, case_id: str) -> None:
        keys = self._stored_secret_keys(case_id)
        self.store.delete_case(case_id)
        self.vault.delete_case(case_id, tuple(keys))

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

    def attachment_path(self, att: Attachment) -> Path:
        return self.store.attachment_path(att)

    @property
    def attachments_dir(self) -> Path:
        return self.store.attachments_dir
