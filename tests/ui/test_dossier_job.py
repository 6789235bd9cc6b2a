"""The dossier renders off the GUI thread; failures and Cancel end in words, not a hang."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import desktop.dossier
from desktop.casebook import CaseBook
from desktop.sample import sample_case
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window_with_case(
    casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> MainWindow:
    casebook.save(sample_case())
    return make_window(casebook)


def test_rendering_runs_off_the_gui_thread(
    qtbot: QtBot, window_with_case: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    threads: list[threading.Thread] = []

    def fake_render(case: Any, out_path: Path, **kwargs: Any) -> int:
        threads.append(threading.current_thread())
        kwargs["progress"](1, 2)
        out_path.write_bytes(b"%PDF-1.4 fake")
        kwargs["progress"](2, 2)
        return 3

    monkeypatch.setattr(desktop.dossier, "render_dossier", fake_render)
    dossier = window_with_case.workspace.dossier
    dossier.ask_save_path = lambda name: tmp_path / name  # type: ignore[method-assign]
    with qtbot.waitSignal(window_with_case.dossier_ready, timeout=10_000):
        window_with_case.create_dossier_action.trigger()
    assert threads and threads[0] is not threading.main_thread()
    assert "Ready: 3 pages" in dossier.message.text()
    with qtbot.waitSignal(window_with_case.dossier_saved, timeout=10_000) as saved:
        window_with_case.actions_.save_dossier.trigger()
    assert Path(saved.args[0]).read_bytes() == b"%PDF-1.4 fake"


def test_a_failed_render_is_reported_in_words(
    qtbot: QtBot, window_with_case: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(case: Any, out_path: Path, **kwargs: Any) -> int:
        raise ValueError("layout trouble with a secret F2LXK1ABJGH5 in it")

    monkeypatch.setattr(desktop.dossier, "render_dossier", broken)
    with qtbot.waitSignal(window_with_case.dossier_failed, timeout=10_000) as failed:
        window_with_case.create_dossier_action.trigger()
    message = failed.args[0]
    assert "Something went wrong while laying out the dossier (ValueError)" in message
    assert "F2LXK1ABJGH5" not in message
    assert window_with_case.create_dossier_action.isEnabled()


def test_cancel_stops_the_render(
    qtbot: QtBot, window_with_case: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(case: Any, out_path: Path, **kwargs: Any) -> int:
        while not kwargs["cancelled"]():
            time.sleep(0.01)
        raise desktop.dossier.RenderCancelled()

    monkeypatch.setattr(desktop.dossier, "render_dossier", slow)
    dossier = window_with_case.workspace.dossier
    window_with_case.create_dossier_action.trigger()
    assert not window_with_case.create_dossier_action.isEnabled()  # one at a time
    job = window_with_case.dossier_job
    assert job is not None
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        dossier.cancel_button.click()
    assert dossier.message.text() == "Stopped. Nothing was saved."
    assert not dossier.save_button.isEnabled()
    assert not job.pdf_path.parent.exists()  # the temporary folder is gone
