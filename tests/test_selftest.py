"""`case-dossier self-test`: each check finds what it is there to find, and says so."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import selftest
from desktop.selftest import Check, CheckFailed, Outcome, checks, run_checks
from desktop.vault import Vault

ROOT = Path(__file__).resolve().parent.parent


def report(selected: list[Check]) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_checks(selected, out)
    return code, out.getvalue().splitlines()


def status_of(lines: list[str], name: str) -> str:
    found = [line for line in lines if line.split(maxsplit=1)[1].startswith(f"{name}:")]
    assert len(found) == 1, lines
    return found[0].split()[0]


def test_everything_but_qt_passes_here() -> None:
    code, lines = report(checks(qt=False))
    assert code == 0, "\n".join(lines)
    assert lines[0].startswith("Case Dossier ")
    assert lines[-1].startswith("Self-test passed")
    for name in ("keyring", "reference data", "schema", "sample case", "fonts", "dossier"):
        assert status_of(lines, name) == "OK", lines
    assert status_of(lines, "PDF encryption") == "OK"
    assert status_of(lines, "images") == "OK"


def test_an_unusable_keyring_fails_unless_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Vault, "detect", classmethod(lambda cls: Vault.session_only()))
    code, lines = report([Check("keyring", lambda: selftest.check_keyring(False))])
    assert code == 1 and status_of(lines, "keyring") == "FAIL"
    assert "--allow-no-keyring" in lines[1]
    assert lines[-1].startswith("Self-test FAILED")

    code, lines = report([Check("keyring", lambda: selftest.check_keyring(True))])
    assert code == 0 and status_of(lines, "keyring") == "WARN"
    assert "1 with a warning" in lines[-1]


def test_a_check_that_raises_is_a_failure_not_a_crash() -> None:
    def broken() -> Outcome:
        raise KeyError("resources/reference")

    def finding() -> Outcome:
        raise CheckFailed("the fonts are missing")

    code, lines = report(
        [
            Check("broken", broken),
            Check("finding", finding),
            Check("fine", lambda: Outcome("OK", "")),
        ]
    )
    assert code == 1
    assert lines[1].startswith("FAIL  broken: KeyError")
    assert lines[2].startswith("FAIL  finding: the fonts are missing")
    assert lines[3].startswith("OK    fine")
    assert "2 of 3 checks failed" in lines[-1]


def test_a_missing_font_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.dossier import fonts

    for name in ("KurintoSans-Rg.ttf", "KurintoSans-Bd.ttf"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(fonts, "kurinto_dir", lambda: tmp_path)
    with pytest.raises(CheckFailed, match=r"KurintoSansSC-Rg\.ttf"):
        selftest.check_fonts()


def test_a_font_that_is_not_embedded_is_found(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Standard font, not embedded")
    canvas.showPage()
    canvas.save()
    pages, fonts = selftest.embedded_fonts(pdf)
    assert pages == 1 and fonts == {"/Helvetica": False}


def test_the_rendered_sample_embeds_every_font() -> None:
    outcome = selftest.check_dossier()
    assert outcome.status == "OK"
    # The mixed-script title brings in the Chinese and Korean faces as well.
    assert "KurintoSansSC-Rg" in outcome.detail and "KurintoSansKR-Rg" in outcome.detail


def write_catalog(folder: Path, language: str) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale=language)
    catalog.add("Save", "Speichern")
    target = folder / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "case_dossier.mo").open("wb") as handle:
        write_mo(handle, catalog)


def test_translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import paths

    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    assert selftest.check_translations().status == "SKIP"  # no locale folder yet

    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "messages.pot").write_text("")
    assert selftest.check_translations().status == "SKIP"  # only the template

    write_catalog(tmp_path / "locale", "de")
    outcome = selftest.check_translations()
    assert outcome.status == "OK" and "de (1 messages)" in outcome.detail

    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    with pytest.raises(CheckFailed, match=r"fr: no compiled \.mo"):
        selftest.check_translations()


def test_the_probe_is_the_one_the_app_knows() -> None:
    assert selftest.STARTUP_PROBE_ENV in (ROOT / "desktop" / "ui" / "app.py").read_text()


def test_the_command_line(tmp_path: Path) -> None:
    """A real process, as a user (or the frozen app) runs it; no keyring in the child."""
    env = {
        **os.environ,
        "CASE_DOSSIER_HOME": str(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "desktop", "self-test"]
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "FAIL  keyring" in out.stdout

    out = subprocess.run(
        [*command, "--allow-no-keyring"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "WARN  keyring" in out.stdout
    assert "OK    Qt: main window painted" in out.stdout
    assert out.stdout.strip().splitlines()[-1].startswith("Self-test passed")
