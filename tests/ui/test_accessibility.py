"""Every input a person can reach has a caption tied to it and a name a screen reader says.

The walk goes through every wizard page on each branch (case types, device kinds),
every tab of the main window with the sample case open, and the dialogs. An input
is labelled when a visible QLabel has it (or the widget whose focus it takes) as
buddy; the second input under one caption (the currency beside a price) carries
a name of its own instead. Check boxes and radio buttons carry their own text;
buttons with only an icon need a name and a tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import pairwise

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseType, DeviceKind
from desktop.sample import sample_case
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.accessible import SHARES_CAPTION, focus_target, label_field, spoken
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import Step, steps_for

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def _is_part_of_another_input(widget: QWidget) -> bool:
    """The line edit inside a combo box or a date edit is that input's, not one of its own."""
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox))


def _describe(widget: QWidget) -> str:
    """Enough to find the widget: its type, and a placeholder or text when it has one."""
    hint = ""
    for getter in ("placeholderText", "currentText", "text"):
        value = getattr(widget, getter, None)
        if callable(value) and (text := value()):
            hint = text[:40]
            break
    return f"{type(widget).__name__} {hint!r} name={widget.accessibleName()!r}"


def problems(root: QWidget, *, captions: bool = True) -> list[str]:
    """What keeps a screen reader or a keyboard user from knowing what a field is for.

    `captions=False` for a tool bar (the case list's search and filter): there the
    field's icon, placeholder or current choice says what it is, and its accessible
    name says it to a screen reader; no caption is asked for."""
    shown = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    labelled: set[int] = set()
    for label in (w for w in shown if isinstance(w, QLabel)):
        buddy = label.buddy()
        if buddy is not None and spoken(label.text()):
            labelled.update({id(buddy), id(focus_target(buddy))})
    found: list[str] = []
    for widget in shown:
        if isinstance(widget.parentWidget(), QLineEdit):
            continue  # a line edit's own icons (search, clear): part of the field
        if isinstance(widget, INPUTS) and not _is_part_of_another_input(widget):
            if not widget.accessibleName().strip():
                found.append(f"no accessible name: {_describe(widget)}")
            if captions and id(widget) not in labelled and not widget.property(SHARES_CAPTION):
                found.append(f"no caption (buddy): {_describe(widget)}")
        elif isinstance(widget, (QCheckBox, QRadioButton)):
            if not (spoken(widget.text()) or widget.accessibleName()):
                found.append(f"check box without text: {_describe(widget)}")
        elif isinstance(widget, QAbstractButton) and not spoken(widget.text()):
            if not widget.accessibleName() or not widget.toolTip():
                found.append(f"icon-only button without name or tooltip: {_describe(widget)}")
        elif (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # read as part of its table
            and not widget.accessibleName()
        ):
            found.append(f"list without accessible name: {_describe(widget)}")
    return found


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {issue}" for where, issues in found.items() for issue in issues)


# -- the check itself can fail ---------------------------------------------------------------


def test_a_field_whose_caption_lost_its_buddy_is_found(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    caption = QLabel("&Serial number:", box)
    edit = QLineEdit(box)
    label_field(caption, edit, "Settings > General > About")
    assert edit.accessibleName() == "Serial number"
    assert edit.accessibleDescription() == "Settings > General > About"
    assert problems(box) == []

    caption.setBuddy(None)  # type: ignore[arg-type]
    assert problems(box) == [f"no caption (buddy): {_describe(edit)}"]
    edit.setAccessibleName("")
    assert len(problems(box)) == 2


def test_an_icon_only_button_needs_a_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QToolButton

    box = QWidget()
    qtbot.addWidget(box)
    button = QToolButton(box)
    assert problems(box) and "icon-only" in problems(box)[0]
    button.setAccessibleName("Remove")
    button.setToolTip("Remove")
    assert problems(box) == []


# -- the wizard, every branch -------------------------------------------------------------------

BRANCHES = [
    (CaseType.HARDWARE, DeviceKind.IPHONE),
    (CaseType.HARDWARE, DeviceKind.MAC),
    (CaseType.ACCOUNT, DeviceKind.OTHER),
    (CaseType.SOFTWARE, DeviceKind.IPAD),
]


@pytest.mark.parametrize(("case_type", "kind"), BRANCHES, ids=lambda v: str(v))
def test_every_wizard_page_names_its_fields(
    qtbot: QtBot, casebook: CaseBook, case_type: CaseType, kind: DeviceKind
) -> None:
    case = Case()
    case.case_type = case_type
    case.device.kind = kind
    wizard = CaseWizard(casebook, case)
    qtbot.addWidget(wizard)
    wizard.show()
    # Rows that only exist once added: one earlier repair, one charge.
    wizard.pages[Step.REPAIRS].repairs.add_row()  # type: ignore[attr-defined]
    wizard.pages[Step.CHARGES].charges.add_row()  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    for step in steps_for(case):
        page = wizard.pages[step]
        page.enter(wizard.case)
        if issues := problems(page):
            found[step.value] = issues
    assert not found, _report(found)
    assert problems(wizard.checklist) == []


# -- the main window with the sample case ---------------------------------------------------


@pytest.fixture
def sample_window(make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook) -> MainWindow:
    window = make_window(casebook)
    window.open_sample_case()
    assert window.current_case is not None
    return window


def test_every_tab_names_its_fields(qtbot: QtBot, sample_window: MainWindow) -> None:
    workspace = sample_window.workspace
    found: dict[str, list[str]] = {}
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        tab = workspace.tabs.widget(index)
        if issues := problems(tab):
            found[workspace.tabs.tabText(index)] = issues
    # A new contact shows the form empty; the list and the header around the tabs too.
    workspace.timeline.add_contact()
    if issues := problems(workspace.timeline):
        found["new contact"] = issues
    workspace.timeline.discard_form()  # nothing left for the window to save as it closes
    if issues := problems(workspace.header):
        found["header"] = issues
    if issues := problems(sample_window.case_list, captions=False):
        found["case list"] = issues
    assert not found, _report(found)


def test_the_welcome_view_and_its_buttons(casebook: CaseBook, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(casebook)
    assert problems(window.welcome) == []


# -- the dialogs --------------------------------------------------------------------------------


def _dialogs(window: MainWindow) -> dict[str, QWidget]:
    from desktop.ui.close_case_dialog import CloseCaseDialog
    from desktop.ui.letters import LetterDialog
    from desktop.ui.passphrase_dialog import PassphraseDialog, Purpose
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.timeline.log_call import LogCallDialog

    case = window.current_case or sample_case()
    now = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert window.casebook is not None
    return {
        "log a call": LogCallDialog(case, lambda: now, "Europe/Berlin", window),
        "letter (executive)": LetterDialog(case, "executive", None, window),
        "letter (customer relations)": LetterDialog(case, "customer_relations", None, window),
        "settings": SettingsDialog(window.settings, window.casebook.vault, window),
        "close case": CloseCaseDialog(case, date(2026, 11, 20), window),
        "passphrase (new)": PassphraseDialog(Purpose.NEW_FILE, "", window),
        "passphrase (open)": PassphraseDialog(Purpose.OPEN_FILE, "", window),
        "passphrase (export)": PassphraseDialog(Purpose.EXPORT, "", window),
    }


def test_every_dialog_names_its_fields(sample_window: MainWindow) -> None:
    found: dict[str, list[str]] = {}
    for name, dialog in _dialogs(sample_window).items():
        if issues := problems(dialog):
            found[name] = issues
        dialog.deleteLater()
    assert not found, _report(found)


# -- colours and the focus ring -------------------------------------------------------------


def _schemes() -> dict[str, QPalette]:
    from PySide6.QtWidgets import QApplication

    from desktop.ui import theme

    return {
        "light": QApplication.style().standardPalette(),
        "dark": theme.dark_palette(),
        "high contrast": theme.high_contrast_palette(),
        "high contrast (light)": theme.high_contrast_palette(light=True),
    }


def test_words_in_colour_stay_readable_in_every_scheme() -> None:
    """Status words drawn in a colour (ok, warning, error, secondary text, links) keep
    WCAG AA contrast (4.5:1) on the window and on cards; in high contrast, AAA (7:1)."""
    from desktop.ui import theme

    found = []
    for name, palette in _schemes().items():
        c = theme.colours(palette)
        assert c.high_contrast == name.startswith("high contrast"), name
        minimum = 7.0 if c.high_contrast else 4.5
        window = palette.color(QPalette.ColorRole.Window)
        for background_name, background in (("window", window), ("card", QColor(c.card))):
            for role in ("ok", "warn", "error", "muted", "accent"):
                ratio = theme.contrast_ratio(QColor(getattr(c, role)), background)
                if ratio < minimum:
                    found.append(f"{name}: {role} on {background_name} {ratio:.1f}:1")
        if c.input_frame:  # a field's edge is a part of it: 3:1 (WCAG 1.4.11)
            frame = QColor(c.input_frame)
            for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
                ratio = theme.contrast_ratio(frame, palette.color(role))
                if ratio < 3.0:
                    found.append(f"{name}: field frame on {role.name} {ratio:.1f}:1")
        text = palette.color(QPalette.ColorRole.Text)
        placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
        if c.high_contrast and placeholder == text:
            found.append(f"{name}: a placeholder looks like typed text")
    assert not found, "\n".join(found)


def test_everything_the_style_sheet_styles_shows_the_focus() -> None:
    """A style sheet rule replaces the platform's focus frame: each styled kind of
    focusable widget needs its own :focus rule (the step list takes no focus)."""
    import re

    from desktop.ui import theme

    for name, palette in _schemes().items():
        sheet = theme.style_sheet(theme.colours(palette))
        styled = set(re.findall(r"(Q(?:PushButton|ToolButton|ListWidget)#\w+)", sheet))
        styled.discard("QListWidget#stepList")
        missing = sorted(s for s in styled if f"{s}:focus" not in sheet)
        assert not missing, f"{name}: {missing}"
        if name.startswith("high contrast"):
            for kind in ("QLineEdit", "QComboBox", "QPushButton", "QRadioButton", "QCheckBox"):
                assert f"{kind}:focus" in sheet, (name, kind)


def test_a_screen_reader_hears_the_check_under_a_field(qtbot: QtBot, casebook: CaseBook) -> None:
    """The message under a field (shown in words and an icon) is also the field's
    accessible description, with the note, so it is read out when the field has focus."""
    from tests.ui.conftest import type_text

    wizard = CaseWizard(casebook)
    qtbot.addWidget(wizard)
    wizard.show()
    ids = wizard.pages[Step.IDENTIFIERS]
    imei = ids.imei_edit  # type: ignore[attr-defined]
    assert imei.accessibleDescription() == "Optional. Useful for carriers and for repairs."
    type_text(imei, "356789104523872")  # a wrong check digit
    ids.refresh()
    description = imei.accessibleDescription()
    assert description.startswith("Optional. Useful for carriers and for repairs. ")
    assert "one digit is probably mistyped" in description


# -- Tab order: top to bottom, left to right -------------------------------------------------


def tab_order(root: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside `root`, in the order Tab visits them."""
    from PySide6.QtCore import Qt

    stops: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and len(stops) < 500:
        if (
            root.isAncestorOf(widget)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not _is_part_of_another_input(widget)
            and widget not in stops
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def tab_order_problems(root: QWidget) -> list[str]:
    """Tab must not jump back up (unless it moves on to a column further right), nor
    leftwards along a row."""
    from PySide6.QtCore import QPoint

    found = []
    stops = tab_order(root)
    for before, after in pairwise(stops):
        a, b = before.mapTo(root, QPoint(0, 0)), after.mapTo(root, QPoint(0, 0))
        same_row = abs(a.y() - b.y()) < min(before.height(), after.height()) // 2
        new_column = b.x() > a.x() + before.width() // 2
        if (b.y() < a.y() and not same_row and not new_column) or (same_row and b.x() < a.x()):
            found.append(
                f"{_describe(before)} at {a.x()},{a.y()} -> {_describe(after)} at {b.x()},{b.y()}"
            )
    return found


def test_a_tab_order_going_back_up_is_found(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    column = QVBoxLayout(box)
    top, middle, bottom = QLineEdit(), QLineEdit(), QLineEdit()
    for edit in (top, middle, bottom):
        column.addWidget(edit)
    box.show()
    assert tab_order_problems(box) == []
    QWidget.setTabOrder(top, bottom)
    QWidget.setTabOrder(bottom, middle)  # Tab now goes top, bottom, then back up
    assert len(tab_order_problems(box)) == 1


def test_tab_goes_top_to_bottom_on_every_wizard_page(qtbot: QtBot, casebook: CaseBook) -> None:
    from PySide6.QtWidgets import QApplication

    case = sample_case()
    casebook.save(case)
    wizard = CaseWizard(casebook, casebook.load(case.id))
    qtbot.addWidget(wizard)
    wizard.show()
    found: dict[str, list[str]] = {}
    seen = []
    while (step := wizard.current_step()) is not None and step not in seen:
        seen.append(step)
        QApplication.processEvents()
        if issues := tab_order_problems(wizard.current_page()):
            found[step.value] = issues
        wizard.next()
    assert Step.REVIEW in seen and Step.REPAIRS in seen
    assert not found, _report(found)


def test_tab_goes_top_to_bottom_in_the_contact_form_and_dialogs(sample_window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    workspace = sample_window.workspace
    workspace.show_tab(workspace.timeline)
    QApplication.processEvents()
    found: dict[str, list[str]] = {}
    if issues := tab_order_problems(workspace.timeline.form):
        found["contact form"] = issues
    for name, dialog in _dialogs(sample_window).items():
        dialog.show()
        QApplication.processEvents()
        if issues := tab_order_problems(dialog):
            found[name] = issues
        dialog.hide()
        dialog.deleteLater()
    assert not found, _report(found)


def test_show_and_copy_say_which_identifier(sample_window: MainWindow) -> None:
    workspace = sample_window.workspace
    serial = workspace.overview.identifiers.masked["serial"]
    assert serial.reveal_button.accessibleName() == "Show Serial number"
    assert serial.copy_button.accessibleName() == "Copy Serial number"
    serial.reveal_button.setChecked(True)
    assert serial.reveal_button.accessibleName() == "Hide Serial number"
    assert workspace.timeline.accessibleName() == "Timeline"


def test_a_caption_is_said_without_its_shortcut_marker_or_colon() -> None:
    assert spoken("&Serial number:") == "Serial number"
    assert spoken("Account && billing") == "Account & billing"
    assert spoken("<b>Case Dossier never asks</b> for your password.") == (
        "Case Dossier never asks for your password."
    )


def test_captions_get_distinct_shortcuts_around_the_menus(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QMainWindow

    from desktop.ui.widgets.accessible import assign_mnemonics

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&File")
    window.menuBar().addMenu("&Case")
    body = QWidget()
    form = QFormLayout(body)
    texts = ["Full name", "Case number", "Country", "Fixed &price", "名称", "Имя"]
    captions = [QLabel(text) for text in texts]
    for label in captions:
        edit = QLineEdit()
        label.setBuddy(edit)
        form.addRow(label, edit)
    window.setCentralWidget(body)
    assign_mnemonics(body)
    shown = [label.text() for label in captions]
    # F and C belong to the menus; "Fixed &price" keeps its own; Chinese has no letter keys:
    # the usual suffix, with a free Latin letter (of its English words when the catalog has
    # them, below); Russian has its own (Alt+И on a Russian keyboard).
    assert shown == ["Full &name", "C&ase number", "C&ountry", "Fixed &price", "名称(&B)", "&Имя"]
    letters = [re.search(r"&(.)", text).group(1).lower() for text in shown if "&" in text]  # type: ignore[union-attr]
    assert len(set(letters)) == 6
    assert spoken("名称(&B)：") == "名称"


def test_chinese_texts_get_a_letter_of_their_english_words(
    qtbot: QtBot, qapp: QApplication
) -> None:
    from desktop.ui.widgets.accessible import assign_mnemonics

    locale = QLocale()
    i18n.install("zh_CN", qapp)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        column = QVBoxLayout(window)
        save = QPushButton(i18n.tr("Save contact"))
        unknown = QCheckBox(i18n.tr("I don't know"))
        column.addWidget(save)
        column.addWidget(unknown)
        assign_mnemonics(window)
        assert save.text() == i18n.tr("Save contact") + "(&S)"
        assert unknown.text() == i18n.tr("I don't know") + "(&I)"
    finally:
        i18n.install("en", qapp)
        QLocale.setDefault(locale)  # as the other tests found it


def test_buttons_and_check_boxes_get_shortcuts_too(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from desktop.ui.widgets.accessible import assign_mnemonics

    dialog = QDialog()
    qtbot.addWidget(dialog)
    column = QVBoxLayout(dialog)
    caption = QLabel("Serial number")
    edit = QLineEdit()
    caption.setBuddy(edit)
    show = QPushButton("Show")
    full = QRadioButton("Full")
    redacted = QRadioButton("Redacted")
    known = QCheckBox("I don't know")
    copies = [QPushButton("Copy"), QPushButton("Copy")]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    send = box.addButton("Send", QDialogButtonBox.ButtonRole.AcceptRole)
    for widget in (caption, edit, show, full, redacted, known, *copies, box):
        column.addWidget(widget)
    cancel_text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    assign_mnemonics(dialog)
    assert [w.text() for w in (caption, show, full, redacted, known)] == [
        "Serial &number",  # buttons choose first: they act, a field is also reached by Tab
        "&Show",
        "&Full",
        "&Redacted",
        "&I don't know",
    ]
    assert send.text() == "S&end"  # a button of our own in a button box
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel_text  # Qt's
    assert [c.text() for c in copies] == ["Copy", "Copy"]  # two alike: neither


def test_the_serial_is_named_as_its_caption_reads(qtbot: QtBot, casebook: CaseBook) -> None:
    case = Case()
    case.device.kind = DeviceKind.AIRPODS  # the serial is optional for AirPods
    wizard = CaseWizard(casebook, case)
    qtbot.addWidget(wizard)
    ids = wizard.pages[Step.IDENTIFIERS]
    ids.enter(wizard.case)
    assert ids.serial_edit.accessibleName() == "Serial number (if you have it)"  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["dark", "high-contrast"])
def test_a_field_with_arrows_has_a_frame_that_can_be_seen(
    qtbot: QtBot, casebook: CaseBook, scheme: str
) -> None:
    """The time of a contact and its minutes: Fusion draws their frame a shade off the
    window colour, all but invisible on a dark window. Drawn, the edge must stand
    3:1 against the window (WCAG 1.4.11), as the other fields' frames do.

    The scheme changes while a wizard is open, as when the system turns dark while
    the user types (the app restyles then): that once crashed Qt, and a second
    restyle dropped the fields' frames."""
    from PySide6.QtWidgets import QSpinBox, QTimeEdit

    from desktop.ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wizard = CaseWizard(casebook, Case())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    theme.apply_style(app, scheme)
    try:
        window = app.palette().color(QPalette.ColorRole.Window)
        for field in (QTimeEdit(), QSpinBox()):
            qtbot.addWidget(field)
            field.resize(120, 30)
            image = field.grab().toImage()
            # The left edge, half-way down: frame pixels, not text or arrows.
            y = image.height() // 2
            edge = max(
                (image.pixelColor(x, y) for x in range(4)),
                key=lambda colour: theme.contrast_ratio(colour, window),
            )
            ratio = theme.contrast_ratio(edge, window)
            assert ratio >= 3.0, f"{type(field).__name__}: {edge.name()} {ratio:.1f}:1"
    finally:
        theme.apply_style(app)
