"""Where the app keeps its files. `CASE_DOSSIER_HOME` overrides the platform folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

HOME_ENV = "CASE_DOSSIER_HOME"


def data_dir() -> Path:
    """The folder holding the database and attachments, created 0700 if missing."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("Case Dossier", appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(path)
    return path


def _private(folder: Path) -> None:
    # mkdir's mode is reduced by the umask and ignored for an existing folder.
    if os.name == "posix":
        with contextlib.suppress(OSError):
            folder.chmod(0o700)


def database_path() -> Path:
    return data_dir() / "cases.sqlite3"


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(path)
    return path


def resources_dir() -> Path:
    return Path(__file__).resolve().parent / "resources"


def renditions_dir() -> Path:
    """Print-size copies of photos, made once per attachment (safe to delete)."""
    path = data_dir() / "renditions"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(path)
    return path


def logs_dir() -> Path:
    return data_dir() / "logs"


def secrets_file() -> Path:
    """The encrypted secrets file used when the system has no keyring."""
    return data_dir() / "secrets.sealed"
