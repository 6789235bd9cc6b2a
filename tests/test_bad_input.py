"""Bad input in bulk: hostile case files are refused with a message and write nothing
outside the data folder; every text field takes any text; the data folder is private."""

from __future__ import annotations

import json
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.bundle import CaseFileError, read_case_file
from desktop.casebook import CaseBook
from desktop.codec import case_from_dict, case_to_dict
from desktop.sample import sample_case

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-case.casedossier"
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def write_case_json(path: Path, document: object, extra: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("case.json", json.dumps(document))
        for name, payload in (extra or {}).items():
            zf.writestr(name, payload)


def example_document() -> dict[str, object]:
    with zipfile.ZipFile(EXAMPLE) as zf:
        return json.loads(zf.read("case.json"))  # type: ignore[no-any-return]


PATHS = [
    ("case",),
    ("case", "title"),
    ("case", "device"),
    ("case", "device", "kind"),
    ("case", "purchase", "price"),
    ("case", "purchase", "date"),
    ("case", "contacts"),
    ("case", "symptoms", "photos"),
    ("format_version",),
    ("includes_secrets",),
]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.sampled_from(PATHS), value=json_values)
def test_any_value_anywhere_is_refused_or_read_never_crashes(
    tmp_path: Path, where: tuple[str, ...], value: object
) -> None:
    document = example_document()
    node: dict[str, object] = document
    for key in where[:-1]:
        node = node[key]  # type: ignore[assignment]
    node[where[-1]] = value
    path = tmp_path / "fuzz.casedossier"
    write_case_json(path, document)
    try:
        loaded = read_case_file(path)
    except CaseFileError as exc:
        assert str(exc)  # a message for the user, never a traceback
    else:
        assert loaded.case.id


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep: object = "x"
    for _ in range(sys.getrecursionlimit() * 2):
        deep = [deep]
    path = tmp_path / "deep.casedossier"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "case.json", '{"format": "case-dossier", "case": ' + "[" * 100_000 + "]" * 100_000 + "}"
        )
    with pytest.raises(CaseFileError):
        read_case_file(path)


def test_huge_text_is_refused_by_the_schema(tmp_path: Path) -> None:
    document = example_document()
    document["case"]["title"] = "x" * 3000  # type: ignore[index]
    path = tmp_path / "huge.casedossier"
    write_case_json(path, document)
    with pytest.raises(CaseFileError, match="title"):
        read_case_file(path)


def test_traversal_import_writes_nothing_outside(casebook: CaseBook, tmp_path: Path) -> None:
    document = example_document()
    document["case"]["symptoms"]["photos"][0]["stored_name"] = "../../../outside.jpg"  # type: ignore[index]
    path = tmp_path / "evil.casedossier"
    write_case_json(path, document, {"attachments/../../../outside.jpg": b"evil"})
    with pytest.raises(CaseFileError):
        read_case_file(path)
    assert not list(tmp_path.rglob("outside.jpg"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=2000))
def test_every_text_field_round_trips_any_text(casebook: CaseBook, text: str) -> None:
    case = sample_case()
    case.title = case.symptoms.description = case.contacts[0].notes = text
    case.owner.name = case.purchase.seller = text
    assert case_from_dict(case_to_dict(case, include_secrets=True)).title == text
    casebook.save(case)
    loaded = casebook.load(case.id)
    assert (loaded.title, loaded.symptoms.description, loaded.owner.name) == (text, text, text)
    assert loaded.contacts[0].notes == text or loaded.timeline()[0].notes == text


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_data_folder_is_private(casebook: CaseBook, tmp_path: Path) -> None:
    from desktop.model import AttachmentRole

    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8")
    case = sample_case()
    casebook.add_attachment(case, photo, AttachmentRole.PHOTO)
    casebook.save(case)
    home = casebook.store.db_path.parent
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in home.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
