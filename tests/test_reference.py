"""Reference data loads, every entry is sourced, and a malformed entry is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop import reference
from desktop.paths import resources_dir

SOURCE = resources_dir() / "reference"


def test_shipped_reference_data_loads_with_sources() -> None:
    law = reference.load_consumer_law()
    programs, as_of = reference.load_programs()
    terms = reference.load_apple_terms()
    assert len(law.rules) >= 10 and len(programs) >= 8
    assert all(rule.source and rule.confidence in reference.CONFIDENCE for rule in law.rules)
    assert terms.warranty.period.months == 12 and terms.phone_support.period.days == 90
    assert as_of.year >= 2026


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(SOURCE, target)
    return target


def edit(folder: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_missing_source_is_named(copy: Path) -> None:
    edit(copy, "consumer_law.json", lambda d: d["rules"][2].pop("source"))
    with pytest.raises(reference.ReferenceDataError, match=r"rules\[2\].*source"):
        reference.load_consumer_law(copy)


def test_two_periods_are_refused(copy: Path) -> None:
    edit(copy, "consumer_law.json", lambda d: d["rules"][0].update(days=30))
    with pytest.raises(reference.ReferenceDataError, match="exactly one"):
        reference.load_consumer_law(copy)


def test_bad_confidence_and_date_are_refused(copy: Path) -> None:
    edit(copy, "repair_programs.json", lambda d: d["programs"][1].update(confidence="sure"))
    with pytest.raises(reference.ReferenceDataError, match=r"programs\[1\]"):
        reference.load_programs(copy)
    edit(copy, "repair_programs.json", lambda d: d.update(as_of="soon"))
    with pytest.raises(reference.ReferenceDataError, match="as_of"):
        reference.load_programs(copy)


def test_unknown_device_kind_is_refused(copy: Path) -> None:
    edit(copy, "repair_programs.json", lambda d: d["programs"][0].update(device_kinds=["ipod"]))
    with pytest.raises(reference.ReferenceDataError, match="device_kinds"):
        reference.load_programs(copy)
