"""The portable case file (.casedossier): one ZIP with the case and its attachments.

Layout (documented in docs/case-format.md, schema in resources/schema/):
    case.json                  {"format", "format_version", "exported_at", "app_version",
                                "includes_secrets", "sealed_secrets", "case": {...}}
    secrets.sealed             the secret fields, sealed with a passphrase (desktop.sealed)
    attachments/<stored_name>  the files the case refers to

Secrets are left out unless the caller asks for them, and then sealed with a
passphrase; only hand-made files such as the fictional example carry them in
case.json in the clear (`includes_secrets`). Reading checks the JSON
against the shipped schema, limits sizes, and accepts attachment names only of
the form the app itself writes, so a crafted file cannot write outside the
data folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.codec import CaseFormatError, case_from_dict, case_to_dict
from desktop.model import (
    Attachment,
    Case,
    apply_secret_values,
    new_id,
    secret_values,
    utc_now,
)
from desktop.sealed import seal, unseal

FORMAT_NAME = "case-dossier"
FORMAT_VERSION = 1
SUFFIX = ".casedossier"
MAX_CASE_JSON_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_STORED_NAME = re.compile(r"^[0-9a-f]{32}(\.[a-z0-9]{1,9})?$")


class CaseFileError(Exception):
    """The file is not a readable case file; the message says why, for the user."""


@dataclass
class LoadedCaseFile:
    case: Case
    includes_secrets: bool
    attachments: dict[str, bytes]  # stored_name -> content
    sealed: bytes | None = None  # sealed secrets not yet opened

    @property
    def needs_passphrase(self) -> bool:
        return self.sealed is not None

    def open_secrets(self, passphrase: str) -> None:
        """Unseal the secrets into the case; raises WrongPassphrase, changes nothing then."""
        if self.sealed is None:
            return
        values = unseal(self.sealed, passphrase)
        apply_secret_values(self.case, {k: v for k, v in values.items() if isinstance(v, str)})
        self.sealed, self.includes_secrets = None, True


def schema_path() -> Path:
    from desktop.paths import resources_dir

    return resources_dir() / "schema" / "case-file.schema.json"


def write_case_file(
    case: Case,
    attachments_dir: Path,
    out: Path,
    *,
    passphrase: str | None = None,
    secrets_in_clear: bool = False,
) -> None:
    """Write the case file atomically (temp file, then rename).

    With a passphrase the secrets are sealed into the file; `secrets_in_clear`
    exists only for the fictional example.
    """
    sealed = seal(secret_values(case), passphrase) if passphrase is not None else None
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_now().isoformat(),
        "app_version": __version__,
        "includes_secrets": secrets_in_clear,
        "sealed_secrets": sealed is not None,
        "case": case_to_dict(case, include_secrets=secrets_in_clear),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".export-", suffix=SUFFIX)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("case.json", json.dumps(document, ensure_ascii=False, indent=2))
            if sealed is not None:
                zf.writestr("secrets.sealed", sealed)
            for att in case.attachments():
                source = attachments_dir / att.stored_name
                if source.is_file():
                    # Photos and PDFs are compressed already.
                    zf.write(source, f"attachments/{att.stored_name}", zipfile.ZIP_STORED)
        if secrets_in_clear or sealed is not None:
            os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all_cases(
    casebook_cases: list[Case],
    attachments_dir: Path,
    out: Path,
    passphrase: str | None = None,
) -> list[str]:
    """Write every case into one ZIP holding one case file per case (atomically).

    Each member is a complete case file written by `write_case_file`, so it can be
    imported on its own; with a passphrase each one's secrets are sealed with it.
    Returns the member names, in the order of the cases.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".export-all-", suffix=".zip")
    try:
        with (
            tempfile.TemporaryDirectory(dir=out.parent, prefix=".export-all-") as work,
            os.fdopen(fd, "wb") as raw,
            zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as zf,
        ):
            for case in casebook_cases:
                name = _member_name(case, names)
                member = Path(work) / name
                write_case_file(case, attachments_dir, member, passphrase=passphrase)
                zf.write(member, name)  # a case file is a compressed ZIP already
                member.unlink()
                names.append(name)
        if passphrase is not None:
            os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return names


def _member_name(case: Case, taken: list[str]) -> str:
    """A readable, safe file name: the title's letters and digits, then the case id."""
    words = re.findall(r"\w+", case.title.casefold())
    stem = "-".join(words)[:48].strip("-_") or "case"
    name = f"{stem}-{case.id[:8]}{SUFFIX}"
    counter = 2
    while name in taken:
        name = f"{stem}-{case.id[:8]}-{counter}{SUFFIX}"
        counter += 1
    return name


def read_case_file(path: Path) -> LoadedCaseFile:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise CaseFileError(f"“{path}” does not exist.") from None
    except (zipfile.BadZipFile, OSError):
        raise CaseFileError(
            f"“{path.name}” is not a case file (it should be a {SUFFIX} file exported "
            "by Case Dossier), or it is damaged."
        ) from None
    with zf:
        document = _read_document(zf, path.name)
        try:
            case = case_from_dict(document["case"])
        except CaseFormatError as exc:
            raise CaseFileError(f"“{path.name}” has a field it cannot read: {exc}.") from None
        attachments = _read_attachments(zf, case, path.name)
        sealed = None
        if document.get("sealed_secrets"):
            try:
                sealed = zf.read("secrets.sealed")
            except (KeyError, zipfile.BadZipFile):
                raise CaseFileError(
                    f"“{path.name}” says it holds secrets but they are missing."
                ) from None
    return LoadedCaseFile(case, bool(document.get("includes_secrets")), attachments, sealed)


def _read_document(zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    try:
        info = zf.getinfo("case.json")
    except KeyError:
        raise CaseFileError(f"“{name}” holds no case.json: it is not a case file.") from None
    if info.file_size > MAX_CASE_JSON_BYTES:
        raise CaseFileError(f"“{name}” has a case description too large to be genuine.")
    try:
        document = json.loads(zf.read(info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile, RecursionError):
        raise CaseFileError(f"The case description in “{name}” is damaged.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise CaseFileError(f"“{name}” is not a Case Dossier case file.")
    version = document.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise CaseFileError(
            f"“{name}” was written by a newer Case Dossier (format {version}); "
            "update the app to open it. The file was not changed."
        )
    _validate(document, name)
    return document


def _validate(document: dict[str, Any], name: str) -> None:
    import jsonschema

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(document)
    )
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise CaseFileError(f"“{name}” does not follow the case file format at {where}.")


def _read_attachments(zf: zipfile.ZipFile, case: Case, name: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    total = 0
    for att in case.attachments():
        if not _STORED_NAME.match(att.stored_name):
            raise CaseFileError(f"“{name}” names an attachment in an unsafe way; not imported.")
        try:
            info = zf.getinfo(f"attachments/{att.stored_name}")
        except KeyError:
            continue  # listed but not included: kept as a record, reported as missing later
        total += info.file_size
        if info.file_size > MAX_ATTACHMENT_BYTES or total > MAX_TOTAL_BYTES:
            raise CaseFileError(f"“{name}” holds an attachment too large to import.")
        try:
            found[att.stored_name] = zf.read(info)
        except (zipfile.BadZipFile, OSError):
            raise CaseFileError(f"Attachment “{att.file_name}” in “{name}” is damaged.") from None
    return found


def as_new_case(loaded: LoadedCaseFile) -> tuple[Case, dict[str, bytes]]:
    """Give an imported case and its attachments fresh ids, so imports never collide."""
    case = loaded.case
    case.id = new_id()
    renamed: dict[str, bytes] = {}
    for att in case.attachments():
        payload = loaded.attachments.get(att.stored_name)
        _rename(att)
        if payload is not None:
            renamed[att.stored_name] = payload
    for entry in case.contacts:
        entry.id = new_id()
    return case, renamed


def _rename(att: Attachment) -> None:
    suffix = Path(att.stored_name).suffix
    att.id = new_id()
    att.stored_name = att.id + suffix
