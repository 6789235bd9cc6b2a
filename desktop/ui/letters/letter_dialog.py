"""The letter dialog (minimal first version; the full dialog follows)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.letters import customer_relations_letter, executive_letter
from desktop.model import Case


class LetterDialog(QDialog):
    def __init__(
        self,
        case: Case,
        kind: str,
        dossier_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        build = executive_letter if kind == "executive" else customer_relations_letter
        letter = build(case, date.today())
        self.subject_edit = QLineEdit(letter.subject)
        self.body_edit = QPlainTextEdit(letter.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_edit)
        layout.addWidget(self.body_edit)
        self.dossier_path = dossier_path
