"""The fictional sample case: where its file is, and adding a copy of it to the cases.

The file ships inside the package (desktop/resources/examples/), so it is there
in an installed app too; in a source checkout examples/ holds the same file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.paths import resources_dir

if TYPE_CHECKING:
    from desktop.casebook import CaseBook
    from desktop.model import Case

FILE_NAME = "sample-case.casedossier"


def sample_case_path() -> Path | None:
    candidates = [
        resources_dir() / "examples" / FILE_NAME,
        Path(__file__).resolve().parents[2] / "examples" / FILE_NAME,
    ]
    return next((path for path in candidates if path.is_file()), None)


def import_sample_case(casebook: CaseBook) -> Case:
    """Add a copy of the sample as a new case (fresh ids: open it as often as you like).

    Raises FileNotFoundError when the file is missing and CaseFileError when it
    cannot be read.
    """
    from desktop.bundle import read_case_file

    path = sample_case_path()
    if path is None:
        raise FileNotFoundError(FILE_NAME)
    return casebook.import_case(read_case_file(path))
