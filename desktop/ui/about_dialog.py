"""About Case Dossier: version, independence from Apple, the licences of what it ships,
and a way to the data folder."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.licences import FONTS, LIBRARIES

TEXT_TITLE = N_("About Case Dossier")
TEXT_VERSION = N_("Version {version}")
TEXT_WHAT = N_(
    "Prepare an Apple warranty or support case: your device's identifiers, the receipt, "
    "every contact, and a dossier to bring along."
)
TEXT_INDEPENDENT = N_(
    "Case Dossier is independent and not affiliated with Apple Inc. Apple, iPhone, Mac and "
    "AppleCare are trademarks of Apple Inc., named only to say which products this helps with."
)
TEXT_FONTS = N_("Fonts")
TEXT_LIBRARIES = N_("Libraries")
TEXT_OPEN_DATA = N_("Open data folder")
TEXT_CLOSE = N_("Close")


def licences_html() -> str:
    def rows(items: tuple[object, ...]) -> str:
        lines = []
        for name, licence, note in items:  # type: ignore[misc]
            extra = (
                f" <span style='color:{theme.colours().muted}'>({escape(note)})</span>"
                if note
                else ""
            )
            lines.append(
                f"<tr><td>{escape(name)}</td><td>&nbsp;&nbsp;{escape(licence)}{extra}</td></tr>"
            )
        return "".join(lines)

    return (
        f"<p><b>{escape(tr(TEXT_FONTS))}</b></p><table>{rows(FONTS)}</table>"
        f"<p><b>{escape(tr(TEXT_LIBRARIES))}</b></p><table>{rows(LIBRARIES)}</table>"
    )


class AboutDialog(QDialog):
    open_data_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(TEXT_TITLE))
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(64, 64))
        name = theme.heading(APP_NAME, 1.5)
        version = theme.muted(QLabel(tr(TEXT_VERSION).format(version=__version__)))
        what = QLabel(tr(TEXT_WHAT))
        what.setWordWrap(True)
        self.independent_label = QLabel(tr(TEXT_INDEPENDENT))
        self.independent_label.setWordWrap(True)
        self.licences = QTextBrowser()
        self.licences.setOpenLinks(False)
        self.licences.setHtml(licences_html())
        self.licences.setMinimumHeight(220)

        self.open_data_button = QPushButton(icons.icon("folder"), tr(TEXT_OPEN_DATA))
        self.open_data_button.clicked.connect(self.open_data_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr(TEXT_CLOSE))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.open_data_button, QDialogButtonBox.ButtonRole.ActionRole)

        head_texts = QVBoxLayout()
        head_texts.setSpacing(2)
        head_texts.addWidget(name)
        head_texts.addWidget(version)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_L)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_texts, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addLayout(head)
        layout.addWidget(what)
        layout.addWidget(self.independent_label)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and accessibility)."""
        return (
            "\n".join([tr(TEXT_WHAT), self.independent_label.text(), self.licences.toPlainText()])
            + f"\n{__version__}"
        )
