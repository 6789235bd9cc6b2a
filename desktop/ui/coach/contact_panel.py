"""Whom to contact and how, for the owner's country: numbers from the bundled directory,
opening hours in the user's own time with "open now", each number's source and year,
and support.apple.com/contact named as the authority. A scam warning sits beside it."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.directory import Line, describe_hours, directory
from desktop.escalation import Rung
from desktop.i18n import SOURCE_LANGUAGE
from desktop.ui import choices, icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.adaptive_row import AdaptiveRow

TEXT_HOW = {
    Rung.SERVICE_PROVIDER: N_("Go back to the service provider with your notes."),
    Rung.APPLE_STORE: N_(
        "Book a Genius Bar appointment online, or call Apple Support and ask for one."
    ),
    Rung.APPLECARE: N_("Call Apple Support, or ask for a callback online."),
    Rung.SENIOR_ADVISOR: N_(
        "Call Apple Support, give your case number and ask for a senior advisor."
    ),
    Rung.CUSTOMER_RELATIONS: N_(
        "Call Apple Support (almost any Apple number works) and ask for “Customer Relations”."
    ),
    Rung.EXECUTIVE_RELATIONS: N_(
        "Write a short, factual email to Apple's executive team; Executive Relations answers."
    ),
}
TEXT_SOURCE = N_("Source: {source}, seen {year}")
TEXT_NOT_VERIFIED = N_("not verified")
TEXT_AUTHORITY = N_("Numbers change: {authority} is the authority. Check there before you call.")
TEXT_NO_COUNTRY = N_(
    "Add your country in the case details to see the right numbers. "
    "{authority} lists every country."
)
TEXT_NO_LINE = N_("The app has no number for {country}. {authority} lists every country.")
TEXT_SCAM_TITLE = N_("Beware of fake support")
TEXT_LINKS = N_("Online")

# Which of the directory's web links fit which next step (by address: the titles are prose).
_GET_SUPPORT = "https://getsupport.apple.com"
_LOCATE = "https://locate.apple.com"
_WEB_FOR: dict[Rung, tuple[str, ...]] = {
    Rung.APPLE_STORE: (_LOCATE, _GET_SUPPORT),
    Rung.APPLECARE: (_GET_SUPPORT,),
    Rung.SENIOR_ADVISOR: (_GET_SUPPORT,),
    Rung.CUSTOMER_RELATIONS: (_GET_SUPPORT,),
}


def _lines_for(country: str, target: Rung | None) -> list[Line]:
    lines = directory().for_country(country)
    wanted = ("support", "support_toll_free")
    if target is Rung.EXECUTIVE_RELATIONS:
        wanted += ("investor_relations",)
    return [line for line in lines if line.purpose in wanted]


class ContactPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.how_label = _label()
        self.lines_box = QVBoxLayout()
        self.lines_box.setSpacing(theme.SPACE_M + 2)
        self.links_label = _label(rich=True)
        self.links_label.setOpenExternalLinks(True)
        self.authority_label = theme.muted(_label())
        self.scam = _scam_box()
        left = QVBoxLayout()
        left.setSpacing(theme.SPACE_M)
        left.addWidget(self.how_label)
        left.addLayout(self.lines_box)
        left.addWidget(self.links_label)
        left.addWidget(self.authority_label)
        left.addStretch(1)
        # The warning beside the numbers, or under them when narrow (larger text).
        row = AdaptiveRow(text_px(600), theme.SPACE_L)
        row.box.addLayout(left, 3)
        row.box.addWidget(self.scam, 2, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(row)
        self.line_texts: list[str] = []

    def show_for(
        self,
        country: str,
        target: Rung | None,
        zone: str,
        now: datetime,
        language: str = SOURCE_LANGUAGE,
    ) -> None:
        book = directory()
        self.how_label.setText(tr(TEXT_HOW[target]) if target in TEXT_HOW else "")
        self.how_label.setVisible(target in TEXT_HOW)
        _clear(self.lines_box)
        self.line_texts = []
        lines = _lines_for(country, target) if country else []
        for line in lines:
            widget, text = _line_widget(line, zone, now, language)
            self.lines_box.addWidget(widget)
            self.line_texts.append(text)
        authority = book.authority
        if not country:
            note = tr(TEXT_NO_COUNTRY).format(authority=authority)
        elif not lines:
            note = tr(TEXT_NO_LINE).format(
                country=choices.country_name(country), authority=authority
            )
        else:
            note = tr(TEXT_AUTHORITY).format(authority=authority)
        self.authority_label.setText(note)
        wanted = _WEB_FOR.get(target, ()) if target is not None else ()
        links = [(purpose, url) for purpose, url in book.web if url.rstrip("/") in wanted]
        self.links_label.setVisible(bool(links))
        self.links_label.setText(
            f"<b>{html.escape(tr(TEXT_LINKS))}:</b> "
            + " · ".join(
                f'<a href="{html.escape(url)}">{html.escape(purpose)}</a>' for purpose, url in links
            )
        )
        self.scam_text.setText(book.scam_warning_in(language))  # the UI language, like the rest

    @property
    def scam_text(self) -> QLabel:
        label = self.scam.findChild(QLabel, "scamText")
        assert label is not None
        return label


def _line_widget(line: Line, zone: str, now: datetime, language: str) -> tuple[QWidget, str]:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(theme.SPACE_M + 4)
    grid.setVerticalSpacing(1)
    icon = QLabel()
    icon.setPixmap(icons.pixmap("phone_call", 18, theme.colours().accent))
    grid.addWidget(icon, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
    number = QLabel(
        f'<a href="tel:{html.escape(line.number.replace(" ", ""))}">{html.escape(line.display)}</a>'
        f"  <span>{html.escape(line.label)}</span>"
    )
    number.setTextFormat(Qt.TextFormat.RichText)
    number.setOpenExternalLinks(True)
    number.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    number.setFont(theme.scaled_font(number, 1.05, bold=True))
    number.setWordWrap(True)  # the line's name may be long (and larger text): wrap, never cut
    hours_text = describe_hours(line, zone, now, language)
    is_open = line.is_open(now)
    hours = _label(hours_text)
    if is_open is True:
        theme.with_colour(hours, theme.colours().ok)
    source = tr(TEXT_SOURCE).format(source=line.source, year=line.seen)
    if line.confidence == "uncertain":
        source += f" ({tr(TEXT_NOT_VERIFIED)})"
    source_label = theme.muted(_label(source))
    grid.addWidget(number, 0, 1)
    grid.addWidget(hours, 1, 1)
    grid.addWidget(source_label, 2, 1)
    grid.setColumnStretch(1, 1)
    return box, f"{line.display} {line.label}. {hours_text}. {source}"


def _scam_box() -> QFrame:
    box = QFrame()
    box.setObjectName("banner")
    column = QVBoxLayout(box)
    column.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 4)
    column.setSpacing(theme.SPACE_S + 2)
    head = QHBoxLayout()
    head.setSpacing(theme.SPACE_M)
    badge = QLabel()
    badge.setPixmap(icons.pixmap("warn", 18, theme.colours().banner_fg))
    title = QLabel(tr(TEXT_SCAM_TITLE))
    title.setFont(theme.scaled_font(title, 1.0, bold=True))
    title.setWordWrap(True)
    head.addWidget(badge)
    head.addWidget(title, 1)
    column.addLayout(head)
    text = _label()
    text.setObjectName("scamText")
    column.addWidget(text)
    return box


def _label(text: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
