"""The selected case, read-only for now: header with actions, identifiers (masked),
purchase, your details, symptoms, contacts, and what is still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Case, CaseStatus
from desktop.ui import choices, icons, theme
from desktop.ui.formatting import format_date, format_datetime, format_money
from desktop.ui.i18n import N_, tr
from desktop.ui.review_items import review_items
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.masked_value import MaskedValue
from desktop.vault import VaultState

TEXT_EDIT = N_("Edit in wizard")
TEXT_CONTINUE = N_("Continue the wizard")
TEXT_DOSSIER = N_("Create dossier…")
TEXT_DRAFT_NOTE = N_("This case is a draft: the wizard was not finished.")
TEXT_IDENTIFIERS = N_("Identifiers")
TEXT_SERIAL = N_("Serial number")
TEXT_IMEI = N_("IMEI")
TEXT_IMEI2 = N_("IMEI2")
TEXT_EID = N_("EID")
TEXT_APPLE_ID = N_("Apple Account")
TEXT_NOT_GIVEN = N_("Not given")
TEXT_LOCKED = N_("Locked: unlock the keychain to show it")
TEXT_SESSION_GONE = N_("None kept this session (no keychain)")
TEXT_PURCHASE = N_("Purchase")
TEXT_DATE = N_("Date")
TEXT_SELLER = N_("Bought from")
TEXT_COUNTRY = N_("Country")
TEXT_ORDER = N_("Order number")
TEXT_PRICE = N_("Price")
TEXT_RECEIPTS = N_("Receipts")
TEXT_OWNER = N_("Your details")
TEXT_NAME = N_("Name")
TEXT_EMAIL = N_("Email")
TEXT_PHONE = N_("Phone")
TEXT_ADDRESS = N_("Address")
TEXT_TIME_ZONE = N_("Time zone")
TEXT_SYMPTOMS = N_("What is wrong")
TEXT_FIRST_NOTICED = N_("First noticed")
TEXT_FREQUENCY = N_("How often")
TEXT_TRIED = N_("Tried so far")
TEXT_ERRORS = N_("Error messages")
TEXT_PHOTOS = N_("Photos")
TEXT_CONTACTS = N_("Contacts with Apple")
TEXT_NO_CONTACTS = N_("No calls, chats or visits logged yet.")
TEXT_MISSING = N_("Still missing")
TEXT_UNKNOWN = N_("Unknown")
TEXT_NONE = N_("None")


class CaseView(QScrollArea):
    edit_requested = Signal()
    dossier_requested = Signal()
    copied = Signal(str)  # which field was copied (never the value)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case: Case | None = None
        self.masked: dict[str, MaskedValue] = {}
        self.dossier_button = QPushButton(icons.icon("document", "#ffffff"), tr(TEXT_DOSSIER))
        self.dossier_button.setObjectName("primary")
        self.dossier_button.clicked.connect(self.dossier_requested)
        self.edit_button = QPushButton(icons.icon("edit"), tr(TEXT_EDIT))
        self.edit_button.setObjectName("secondary")
        self.edit_button.clicked.connect(self.edit_requested)
        self._content = QWidget()
        self.setWidget(self._content)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(
            theme.SPACE_XL, theme.SPACE_L + 4, theme.SPACE_XL, theme.SPACE_XL
        )
        self._layout.setSpacing(theme.SPACE_L)

    def show_case(self, case: Case, vault_state: VaultState | None) -> None:
        self.case = case
        self._clear()
        self.masked = {}
        empty_secret = {
            VaultState.SECURE: tr(TEXT_NOT_GIVEN),
            VaultState.LOCKED: tr(TEXT_LOCKED),
            VaultState.UNAVAILABLE: tr(TEXT_SESSION_GONE),
            None: tr(TEXT_NOT_GIVEN),
        }[vault_state]
        self._layout.addLayout(self._header(case))
        if case.status is CaseStatus.DRAFT:
            self._layout.addWidget(self._draft_note())
        self._layout.addWidget(self._identifiers(case, empty_secret))
        self._layout.addWidget(self._symptoms(case))
        self._layout.addWidget(self._purchase(case, empty_secret))
        self._layout.addWidget(self._owner(case, empty_secret))
        self._layout.addWidget(self._contacts(case))
        missing = self._missing(case)
        if missing is not None:
            self._layout.addWidget(missing)
        self._layout.addStretch(1)

    # -- sections -------------------------------------------------------------------

    def _header(self, case: Case) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(icons.device_icon(case.device.kind).pixmap(44, 44))
        self.title_label = theme.heading(case.title or tr(TEXT_UNKNOWN), 1.6)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        device = choices.device_name(case.device.kind, case.device.model_name)
        kind = tr(choices.CASE_TYPE_LABELS[case.case_type])
        status = choices.status_words(case.status, len(case.contacts))
        self.subtitle_label = theme.muted(QLabel(f"{device}  ·  {kind}  ·  {status}"))
        self.subtitle_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle_label.setWordWrap(True)
        self.edit_button.setText(
            tr(TEXT_CONTINUE if case.status is CaseStatus.DRAFT else TEXT_EDIT)
        )
        # The actions sit under the title, so a long title never squeezes them.
        actions = QHBoxLayout()
        actions.setSpacing(theme.SPACE_M + 2)
        actions.addWidget(self.dossier_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)
        texts.addSpacing(theme.SPACE_M + 2)
        texts.addLayout(actions)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_L)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        return row

    def _draft_note(self) -> QFrame:
        box = QFrame()
        box.setObjectName("helpBox")
        row = QHBoxLayout(box)
        row.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2)
        row.setSpacing(theme.SPACE_M + 4)
        badge = QLabel()
        badge.setPixmap(icons.pixmap("info", 18, theme.colours().accent))
        row.addWidget(badge)
        row.addWidget(QLabel(tr(TEXT_DRAFT_NOTE)), 1)
        return box

    def _identifiers(self, case: Case, empty_secret: str) -> Card:
        card = Card(tr(TEXT_IDENTIFIERS))
        rows: list[tuple[str, str]] = [("serial", TEXT_SERIAL)]
        if case.device.kind in choices.HAS_IMEI or case.device.imei:
            rows += [("imei", TEXT_IMEI), ("imei2", TEXT_IMEI2), ("eid", TEXT_EID)]
        rows.append(("apple_id", TEXT_APPLE_ID))
        values = {
            "serial": case.device.serial,
            "imei": case.device.imei,
            "imei2": case.device.imei2,
            "eid": case.device.eid,
            "apple_id": case.apple_id,
        }
        grid = _grid()
        for row, (key, label) in enumerate(rows):
            value = MaskedValue(tr(label))
            value.set_value(values[key], empty_secret)
            value.copied.connect(self.copied)
            self.masked[key] = value
            grid.addWidget(_caption(tr(label), centred=True), row, 0)
            grid.addWidget(value, row, 1)
        card.body.addLayout(grid)
        return card

    def _purchase(self, case: Case, empty_secret: str) -> Card:
        p = case.purchase
        card = Card(tr(TEXT_PURCHASE))
        order = MaskedValue(tr(TEXT_ORDER))
        order.set_value(p.order_number, empty_secret)
        order.copied.connect(self.copied)
        self.masked["order_number"] = order
        receipts = ", ".join(att.file_name for att in p.receipts) or tr(TEXT_NONE)
        _fill(
            card,
            [
                (TEXT_DATE, format_date(p.date) or tr(TEXT_UNKNOWN)),
                (TEXT_SELLER, p.seller),
                (TEXT_COUNTRY, choices.country_name(p.country) if p.country else ""),
                (TEXT_ORDER, order),
                (TEXT_PRICE, format_money(p.price, p.currency)),
                (TEXT_RECEIPTS, receipts),
            ],
        )
        return card

    def _owner(self, case: Case, empty_secret: str) -> Card:
        o = case.owner
        card = Card(tr(TEXT_OWNER))
        phone = MaskedValue(tr(TEXT_PHONE))
        phone.set_value(o.phone, empty_secret)
        phone.copied.connect(self.copied)
        address = MaskedValue(tr(TEXT_ADDRESS))
        address.set_value(o.postal_address.replace("\n", ", "), empty_secret)
        address.copied.connect(self.copied)
        self.masked["phone"] = phone
        self.masked["address"] = address
        _fill(
            card,
            [
                (TEXT_NAME, o.name),
                (TEXT_EMAIL, o.email),
                (TEXT_PHONE, phone),
                (TEXT_ADDRESS, address),
                (TEXT_COUNTRY, choices.country_name(o.country) if o.country else ""),
                (TEXT_TIME_ZONE, o.time_zone),
            ],
        )
        return card

    def _symptoms(self, case: Case) -> Card:
        s = case.symptoms
        card = Card(tr(TEXT_SYMPTOMS))
        description = _value(s.description or tr(TEXT_NOT_GIVEN))
        card.body.addWidget(description)
        self.description_label = description
        photos = ", ".join(att.file_name for att in s.photos)
        _fill(
            card,
            [
                (TEXT_FIRST_NOTICED, format_date(s.first_noticed)),
                (TEXT_FREQUENCY, s.frequency),
                (TEXT_TRIED, s.tried),
                (TEXT_ERRORS, s.error_messages),
                (TEXT_PHOTOS, photos),
            ],
            skip_empty=True,
        )
        return card

    def _contacts(self, case: Case) -> Card:
        card = Card(tr(TEXT_CONTACTS))
        if not case.contacts:
            card.body.addWidget(theme.muted(QLabel(tr(TEXT_NO_CONTACTS))))
            return card
        grid = _grid()
        for row, entry in enumerate(case.timeline()):
            when = format_datetime(entry.at)
            what = " · ".join(
                part
                for part in (
                    tr(choices.CHANNEL_LABELS[entry.channel]),
                    tr(choices.TIER_LABELS[entry.tier]),
                    entry.who,
                    entry.case_number,
                )
                if part
            )
            outcome = tr(choices.OUTCOME_LABELS[entry.outcome])
            grid.addWidget(_caption(when), row, 0)
            grid.addWidget(_value(what), row, 1)
            grid.addWidget(theme.muted(_value(outcome)), row, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 0)
        card.body.addLayout(grid)
        return card

    def _missing(self, case: Case) -> Card | None:
        gaps = [item for item in review_items(case) if not item.present and item.important]
        if not gaps:
            return None
        card = Card(tr(TEXT_MISSING))
        c = theme.colours()
        for item in gaps:
            row = QHBoxLayout()
            row.setSpacing(theme.SPACE_M + 2)
            badge = QLabel()
            badge.setPixmap(icons.pixmap("warn", 16, c.warn))
            text = _value(f"{item.label}: {item.detail}")
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            card.body.addLayout(row)
        return card

    def _clear(self) -> None:
        # Keep the two action buttons: they are reused in every header.
        for button in (self.dossier_button, self.edit_button):
            button.setParent(None)
        _clear_layout(self._layout)


def _clear_layout(layout: QVBoxLayout | QHBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())  # type: ignore[arg-type]


def _grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(theme.SPACE_L + 4)
    grid.setVerticalSpacing(theme.SPACE_M)
    grid.setColumnStretch(1, 1)
    return grid


def _caption(text: str, *, centred: bool = False) -> QLabel:
    """A field name; centred beside a row with buttons, on top beside wrapped text."""
    label = theme.muted(QLabel(text))
    vertical = Qt.AlignmentFlag.AlignVCenter if centred else Qt.AlignmentFlag.AlignTop
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | vertical)
    label.setMinimumWidth(110)
    return label


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _fill(card: Card, rows: list[tuple[str, str | QWidget]], *, skip_empty: bool = False) -> None:
    grid = _grid()
    row = 0
    for caption, value in rows:
        if isinstance(value, str):
            if not value and skip_empty:
                continue
            widget: QWidget = _value(value) if value else theme.muted(QLabel("—"))
        else:
            widget = value
        grid.addWidget(_caption(tr(caption), centred=not isinstance(value, str)), row, 0)
        grid.addWidget(widget, row, 1)
        row += 1
    card.body.addLayout(grid)
