"""Questions to the user, with standard buttons renamed to say what they do.

Built from QMessageBox standard buttons so tests can answer by patching
`QMessageBox.exec` to return the button they want.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: dict[Button, str],
    *,
    default: Button,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> Button:
    box = QMessageBox(icon, title, text, parent=parent)
    if informative:
        box.setInformativeText(informative)
    combined = Button.NoButton
    for button in buttons:
        combined |= button
    box.setStandardButtons(combined)
    for button, label in buttons.items():
        box.button(button).setText(label)
    box.setDefaultButton(default)
    escape = Button.Cancel if Button.Cancel in buttons else Button.No
    if escape in buttons:
        box.setEscapeButton(escape)
    return Button(box.exec())


def tell(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        parent=parent,
    )
    box.exec()
