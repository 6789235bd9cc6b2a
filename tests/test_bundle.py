"""The portable case file: round trip, secrets only on request, hostile files refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.bundle import (
    CaseFileError,
    as_new_case,
    read_case_file,
    write_case_file,
)
from desktop.casebook import CaseBook
from desktop.model import SECRET_FIELDS, AttachmentRole, get_field
from desktop.sample import sample_case
from desktop.sealed import WrongPassphrase

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-case.casedossier"


def test_example_file_is_valid_and_complete() -> None:
    loaded = read_case_file(EXAMPLE)
    assert loaded.includes_secrets
    assert loaded.case.device.serial == "H7XQ2LM9VR"
    assert len(loaded.case.contacts) == 3
    assert {a.role for a in loaded.case.attachments()} == {
        AttachmentRole.RECEIPT,
        AttachmentRole.PHOTO,
    }
    assert set(loaded.attachments) == {a.stored_name for a in loaded.case.attachments()}


def test_export_without_secrets_leaves_every_secret_out(casebook: CaseBook, tmp_path: Path) -> None:
    case = sample_case()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    casebook.add_attachment(case, photo, AttachmentRole.PHOTO)
    casebook.save(case)
    out = tmp_path / "out.casedossier"
    write_case_file(casebook.load(case.id), casebook.attachments_dir, out)
    raw = b"".join(zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist())
    for path in SECRET_FIELDS:
        value = get_field(case, path)
        if value:
            assert value.encode() not in raw, path
    loaded = read_case_file(out)
    assert not loaded.includes_secrets
    assert loaded.case.title == case.title
    assert list(loaded.attachments.values()) == [b"\xff\xd8\xff fake jpeg"]


def test_export_with_secrets_seals_them(casebook: CaseBook, tmp_path: Path) -> None:
    case = sample_case()
    casebook.save(case)
    out = tmp_path / "full.casedossier"
    write_case_file(
        casebook.load(case.id), casebook.attachments_dir, out, passphrase="long enough pass"
    )
    assert out.stat().st_mode & 0o777 == 0o600
    raw = out.read_bytes()
    assert b"H7XQ2LM9VR" not in raw  # sealed, and ZIP_DEFLATED would not hide it anyway
    loaded = read_case_file(out)
    assert loaded.needs_passphrase and loaded.case.device.serial == ""
    with pytest.raises(WrongPassphrase):
        loaded.open_secrets("not the passphrase")
    assert loaded.case.device.serial == ""
    loaded.open_secrets("long enough pass")
    for path in SECRET_FIELDS:
        assert get_field(loaded.case, path) == get_field(case, path)


def test_import_gets_fresh_ids(tmp_path: Path) -> None:
    loaded = read_case_file(EXAMPLE)
    old_names = set(loaded.attachments)
    case, attachments = as_new_case(loaded)
    assert case.id != "5a3c0de1f00d4c6e9b1a2d3e4f5a6b7c"
    assert set(attachments).isdisjoint(old_names)
    assert set(attachments) == {a.stored_name for a in case.attachments()}


def rewrite(tmp_path: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(EXAMPLE) as zf:
        document = json.loads(zf.read("case.json"))
        files = {n: zf.read(n) for n in zf.namelist() if n != "case.json"}
    mutate(document, files)
    out = tmp_path / "crafted.casedossier"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("case.json", json.dumps(document))
        for name, payload in files.items():
            zf.writestr(name, payload)
    return out


def test_path_traversal_in_attachment_name_is_refused(tmp_path: Path) -> None:
    def mutate(doc, files):  # type: ignore[no-untyped-def]
        doc["case"]["symptoms"]["photos"][0]["stored_name"] = "../../evil.sh"
        files["attachments/../../evil.sh"] = b"#!/bin/sh"

    with pytest.raises(CaseFileError, match="case file format"):
        read_case_file(rewrite(tmp_path, mutate))


def test_newer_format_is_refused_politely(tmp_path: Path) -> None:
    def mutate(doc, files):  # type: ignore[no-untyped-def]
        doc["format_version"] = 99

    with pytest.raises(CaseFileError, match="newer Case Dossier"):
        read_case_file(rewrite(tmp_path, mutate))


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    def mutate(doc, files):  # type: ignore[no-untyped-def]
        doc["case"]["purchase"]["price"] = 12.5

    with pytest.raises(CaseFileError, match="purchase/price"):
        read_case_file(rewrite(tmp_path, mutate))


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"", "not a case file"), (b"PK\x03\x04garbage", "not a case file")],
)
def test_broken_files_are_explained(tmp_path: Path, payload: bytes, message: str) -> None:
    path = tmp_path / "broken.casedossier"
    path.write_bytes(payload)
    with pytest.raises(CaseFileError, match=message):
        read_case_file(path)


def test_damaged_json_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "bad.casedossier"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("case.json", "{not json")
    with pytest.raises(CaseFileError, match="damaged"):
        read_case_file(path)


def test_write_all_cases_holds_one_readable_case_file_per_case(
    casebook: CaseBook, tmp_path: Path
) -> None:
    from desktop.bundle import write_all_cases
    from desktop.model import Case, CaseStatus

    first = sample_case()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    casebook.add_attachment(first, photo, AttachmentRole.PHOTO)
    casebook.save(first)
    second = Case(title="iPhone 13 Pro: display flickers and goes green", status=CaseStatus.OPEN)
    casebook.save(second)  # the same title: the names still differ
    cases = [casebook.load(s.id) for s in casebook.list_cases()]
    out = tmp_path / "exports" / "all-cases.zip"

    names = write_all_cases(cases, casebook.attachments_dir, out, passphrase="long enough pass")

    assert out.stat().st_mode & 0o777 == 0o600
    assert b"H7XQ2LM9VR" not in out.read_bytes()
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == sorted(names) and len(set(names)) == 2
        assert all(n.endswith(".casedossier") and "/" not in n for n in names)
        zf.extractall(tmp_path / "unpacked")
    loaded = {c.case.id: c for c in (read_case_file(tmp_path / "unpacked" / n) for n in names)}
    assert set(loaded) == {first.id, second.id}
    full = loaded[first.id]
    assert list(full.attachments.values()) == [b"\xff\xd8\xff fake jpeg"]
    full.open_secrets("long enough pass")
    assert full.case.device.serial == "H7XQ2LM9VR"
    assert [p.name for p in out.parent.iterdir()] == ["all-cases.zip"]  # no temp files left


def test_write_all_cases_without_passphrase_leaves_secrets_out(
    casebook: CaseBook, tmp_path: Path
) -> None:
    from desktop.bundle import write_all_cases

    case = sample_case()
    casebook.save(case)
    out = tmp_path / "all.zip"
    [name] = write_all_cases([casebook.load(case.id)], casebook.attachments_dir, out)
    with zipfile.ZipFile(out) as zf:
        zf.extract(name, tmp_path)
    loaded = read_case_file(tmp_path / name)
    assert not loaded.needs_passphrase and loaded.case.device.serial == ""
    assert b"H7XQ2LM9VR" not in (tmp_path / name).read_bytes()
