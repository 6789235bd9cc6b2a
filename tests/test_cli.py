"""The command line as a user runs it: a real process, a real data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sample-case.casedossier"


def run(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "CASE_DOSSIER_HOME": str(home),
        # No keyring in a child process: the vault must say so and keep nothing on disk.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_version(tmp_path: Path) -> None:
    out = run("--version", home=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"Case Dossier {__version__}"


def test_render_the_example_file(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    out = run("render", str(EXAMPLE), "-o", str(pdf), home=tmp_path)
    assert out.returncode == 0, out.stderr
    text = pdf_text(pdf)
    for expected in (
        "iPhone 13 Pro, 256 GB, Sierra Blue",
        "H7XQ2LM9VR",
        "green tint",
        "Advisor Jonas (ID 4471)",
        "102938475610",
        "Senior advisor Maria K.",
    ):
        assert expected in text, expected
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes yes " in row for row in rows), fonts


def test_import_list_export_render_stored_case(tmp_path: Path) -> None:
    home = tmp_path / "home"
    imported = run("import", str(EXAMPLE), home=home)
    assert imported.returncode == 0, imported.stderr
    assert "No system keychain" in imported.stderr  # told, not silent
    listed = run("list", home=home)
    assert "iPhone 13 Pro: display flickers" in listed.stdout
    case_id = listed.stdout.split()[0]

    exported = tmp_path / "out.casedossier"
    out = run("export", case_id, "-o", str(exported), home=home)
    assert out.returncode == 0, out.stderr
    # Secrets lived for that process only: nothing secret reached the disk.
    everything = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())
    assert b"H7XQ2LM9VR" not in everything and b"EB-2025-0091734" not in everything

    pdf = tmp_path / "stored.pdf"
    out = run("render", case_id[:6], "-o", str(pdf), "--page-size", "Letter", home=home)
    assert out.returncode == 0, out.stderr
    page = PdfReader(pdf).pages[0]
    assert round(float(page.mediabox.width)) == 612  # US Letter
    assert "iPhone 13 Pro" in pdf_text(pdf)


def test_redacted_render_hides_the_identifiers(tmp_path: Path) -> None:
    pdf = tmp_path / "redacted.pdf"
    out = run("render", str(EXAMPLE), "-o", str(pdf), "--redacted", home=tmp_path)
    assert out.returncode == 0, out.stderr
    text = pdf_text(pdf)
    assert "H7XQ2LM9VR" not in text and "M9VR" in text
    assert "356789104523418" not in text


def test_sealed_export_needs_the_passphrase(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run("import", str(EXAMPLE), home=home)
    case_id = run("list", home=home).stdout.split()[0]
    sealed = tmp_path / "sealed.casedossier"
    out = run(
        "export",
        case_id,
        "-o",
        str(sealed),
        "--with-secrets",
        home=home,
        CASE_DOSSIER_PASSPHRASE="a long passphrase",
    )
    # No keyring in the child: the export has only what this process held (nothing).
    assert out.returncode == 0, out.stderr
    wrong = run("import", str(sealed), home=home, CASE_DOSSIER_PASSPHRASE="not it at all")
    assert wrong.returncode == 1 and "does not open" in wrong.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("render", "nope", "-o", "x.pdf"), "no case with id"),
        (("import", "missing.casedossier"), "does not exist"),
    ],
)
def test_errors_are_one_clear_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = run(*args, home=tmp_path)
    assert out.returncode == 1
    assert message in out.stderr and "Traceback" not in out.stderr
