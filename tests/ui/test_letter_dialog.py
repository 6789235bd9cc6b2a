"""The letter dialog: an editable draft, a mailto link that carries exactly the text, the
clipboard when the link would be too long, and the dossier shown for attaching."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.letters import executive_letter
from desktop.sample import sample_case
from desktop.ui.letters import LetterDialog
from tests.ui.conftest import click, type_text


@pytest.fixture
def opened() -> list[QUrl]:
    return []


def make(qtbot: QtBot, opened: list[QUrl], kind: str = "executive", **kw: object) -> LetterDialog:
    dialog = LetterDialog(sample_case(), kind, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.open_url = lambda url: opened.append(url) or True  # type: ignore[method-assign]
    dialog.show()
    return dialog


def decoded(url: QUrl) -> tuple[str, dict[str, list[str]]]:
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    parts = urlsplit(text)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True)


def test_the_draft_is_the_cases_letter(qtbot: QtBot, opened: list[QUrl]) -> None:
    dialog = make(qtbot, opened)
    expected = executive_letter(sample_case(), date.today())
    assert dialog.subject_edit.text() == expected.subject
    assert dialog.body_edit.toPlainText() == expected.body
    assert "Dear Executive Relations team" in expected.body
    cr = make(qtbot, opened, "customer_relations")
    assert "Dear Customer Relations team" in cr.body_edit.toPlainText()
    with pytest.raises(ValueError):
        LetterDialog(sample_case(), "ceo")


def test_mailto_carries_the_edited_cyrillic_text_exactly(qtbot: QtBot, opened: list[QUrl]) -> None:
    dialog = make(qtbot, opened)
    dialog.subject_edit.clear()
    type_text(dialog.subject_edit, "Ремонт дисплея: дело 102938475610")
    body = "Уважаемая команда,\n\nпрошу бесплатный ремонт & ответ до 1 декабря.\nСпасибо!\n"
    dialog.body_edit.setPlainText(body)
    type_text(dialog.to_edit, "exec@example.com")
    click(qtbot, dialog.mail_button)
    [url] = opened
    to, query = decoded(url)
    assert to == "exec@example.com"
    assert query["subject"] == ["Ремонт дисплея: дело 102938475610"]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert "should now show the letter" in dialog.message.text()


def test_a_long_letter_goes_to_the_clipboard_and_the_dialog_says_so(
    qtbot: QtBot, opened: list[QUrl]
) -> None:
    dialog = make(qtbot, opened)
    body = "Пожалуйста, помогите. " * 400
    dialog.body_edit.setPlainText(body)
    click(qtbot, dialog.mail_button)
    [url] = opened
    assert len(url.toString(QUrl.ComponentFormattingOption.FullyEncoded)) <= 1900
    _to, query = decoded(url)
    assert query["body"][0].startswith("Пожалуйста, помогите.")
    assert "full letter is on the clipboard" in query["body"][0]
    assert QGuiApplication.clipboard().text() == body
    assert "whole letter is on the clipboard" in dialog.message.text()


def test_copy_choose_another_ask_and_show_the_dossier(
    qtbot: QtBot, opened: list[QUrl], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    dialog = make(qtbot, opened, dossier_path=pdf)
    shown: list[Path] = []
    dialog.reveal_file = shown.append  # type: ignore[method-assign]
    click(qtbot, dialog.dossier_button)
    assert shown == [pdf]

    click(qtbot, dialog.copy_button)
    clip = QGuiApplication.clipboard().text()
    assert clip.startswith(dialog.subject_edit.text()) and "Kind regards" in clip

    # A different request rewrites the draft, after asking if the text was changed.
    type_text(dialog.body_edit, "My own words. ")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    dialog.ask_combo.setCurrentIndex(2)
    dialog.redraft()
    assert dialog.body_edit.toPlainText().startswith("My own words.")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    dialog.redraft()
    assert "I am asking for a CS code that covers the repair." in dialog.body_edit.toPlainText()

    without = make(qtbot, opened)
    click(qtbot, without.dossier_button)
    assert "Create the dossier first" in without.message.text()


def test_mailto_of_an_unedited_cyrillic_draft_decodes_to_the_draft(
    qtbot: QtBot, opened: list[QUrl]
) -> None:
    case = sample_case()
    case.owner.name = "Анна Петрова"
    case.symptoms.description = "Экран мерцает и становится зелёным."
    case.contacts = case.contacts[:1]  # short enough for a mail link
    dialog = LetterDialog(case, "customer_relations")
    qtbot.addWidget(dialog)
    dialog.open_url = lambda url: opened.append(url) or True  # type: ignore[method-assign]
    click(qtbot, dialog.mail_button)
    [url] = opened
    _to, query = decoded(url)
    draft = dialog.draft()
    assert "Анна Петрова" in draft.body and "Экран мерцает" in draft.body
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.replace("\n", "\r\n")]
