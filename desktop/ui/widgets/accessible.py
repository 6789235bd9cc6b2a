"""Tie a visible caption to its input in one call: buddy, accessible name and description.

A screen reader reads a field's accessible name when it gets focus, and the
caption's mnemonic (Alt+letter) jumps to its buddy. Doing the three together
keeps them from drifting apart. The name is the caption's text as read aloud:
no "&" shortcut marker, no trailing colon.
"""

from __future__ import annotations

import re
import string
import unicodedata

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QWidget

from desktop.i18n import translator
from desktop.ui.i18n import N_, current_language

TEXT_TIME = N_("Time")
TEXT_CURRENCY = N_("Currency")

# Set on an input that shares the caption of the input beside it (the currency next to a
# price, the time next to a date): it has a name of its own but no caption of its own.
SHARES_CAPTION = "a11ySharesCaption"

_TAGS = re.compile(r"<[^>]+>")


def spoken(text: str) -> str:
    """A caption as a screen reader should say it: "&Name:" -> "Name"."""
    text = _TAGS.sub("", text)
    text = re.sub(r"\s*[(（]&\w[)）]", "", text)  # "保存(&S)" -> "保存"
    text = re.sub(r"&(.)", r"\1", text)  # "&&" -> "&", "&N" -> "N"
    return text.strip().rstrip(":：").strip()


def focus_target(widget: QWidget) -> QWidget:
    """The widget that really takes the focus (a date with an "unknown" box: the date)."""
    seen = {id(widget)}
    while (proxy := widget.focusProxy()) is not None and id(proxy) not in seen:
        seen.add(id(proxy))
        widget = proxy
    return widget


def label_field(label: QLabel, field: QWidget, description: str = "") -> QLabel:
    """`label` names `field`: its buddy, its accessible name, and the note near it as the
    accessible description. Returns the label."""
    label.setBuddy(field)
    name = spoken(label.text())
    target = focus_target(field)
    for widget in {id(field): field, id(target): target}.values():
        # A check box under a caption keeps its own words as its name ("Follow up by").
        if not (isinstance(widget, QAbstractButton) and spoken(widget.text())):
            widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(spoken_description(description))
    return label


def caption(text: str, field: QWidget, description: str = "") -> QLabel:
    """A new caption for `field` (for a form row: `form.addRow(caption(...), row)`)."""
    return label_field(QLabel(text), field, description)


def spoken_description(text: str) -> str:
    return " ".join(_TAGS.sub("", text).split())


def describe(field: QWidget, description: str) -> None:
    """Change the accessible description (a note that follows another choice)."""
    target = focus_target(field)
    for widget in {id(field): field, id(target): target}.values():
        widget.setAccessibleDescription(spoken_description(description))


def name_companion(field: QWidget, name: str, description: str = "") -> QWidget:
    """An input beside another under one caption (currency, time): a name of its own."""
    field.setAccessibleName(spoken(name))
    if description:
        field.setAccessibleDescription(spoken_description(description))
    field.setProperty(SHARES_CAPTION, True)
    return field


def assign_mnemonics(root: QWidget, reserved: str = "") -> None:
    """Give the captions with a buddy, the buttons, check boxes and radio buttons under
    `root` each an Alt+letter shortcut, unique in the window as it is shown.

    The letters are chosen when the window is built, not written into the texts, so
    translators keep plain texts and every language gets shortcuts of its own letters.
    Letters already taken in the window (menus, other shortcuts, `reserved`) are left
    alone, and so are controls that already hold one. A text in Chinese (no letter
    keys) gets the usual suffix with a letter of its English words: "保存(&S)". A
    control whose text has no free letter gets none, and so do controls whose text
    another visible control of the window already has (five "Show" buttons, "Log a
    call" in the header and the toolbar: no letter is better than five different
    ones). The standard buttons of a dialog's button box are left as Qt made them
    (OK and Cancel are Enter and Esc).
    """
    window = root.window()
    layout = root.layout()
    if layout is not None:
        layout.activate()  # positions, so that letters go top to bottom
    taken = {char.lower() for char in reserved}
    worded: dict[str, int] = {}  # what visible controls say, and how many say it
    for widget in window.findChildren(QWidget):
        # Captions and buttons hold shortcuts; what is typed into a field does not.
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(window):
            taken.update(mnemonic_letters(widget.text()))
            if isinstance(widget, QAbstractButton) and (words := spoken(widget.text())):
                worded[words] = worded.get(words, 0) + 1
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            taken.update(mnemonic_letters(action.text()))
    controls: list[QLabel | QAbstractButton] = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is not None
        and label.isVisibleTo(root)
        and "&" not in label.text()
        and label.textFormat() != Qt.TextFormat.RichText
    ]
    controls += [
        button
        for button in root.findChildren(QAbstractButton)
        if _wants_mnemonic(button, root) and worded.get(spoken(button.text()), 0) <= 1
    ]
    # Buttons first (they act; a field is also reached with Tab), then check boxes and
    # radio buttons, then captions; each kind top to bottom, as read.
    controls.sort(key=lambda widget: (_rank(widget), *_position(widget, root)))
    source = translator(current_language()).source_of
    for widget in controls:
        text = widget.text()
        index = _free_letter(text, taken)
        if index >= 0:
            taken.add(text[index].lower())
            widget.setText(f"{text[:index]}&{text[index:]}")
        elif _ideographic(text) and (letter := _free_source_letter(source(text), taken)):
            taken.add(letter.lower())
            widget.setText(_with_suffix(text, letter.upper()))


def mnemonic_letters(text: str) -> set[str]:
    """The shortcut letters a text holds: "&Save" -> {"s"}; "&&" is a plain ampersand."""
    return {match.lower() for match in re.findall(r"(?<!&)(?:&&)*&(\w)", text)}


def _wants_mnemonic(button: QAbstractButton, root: QWidget) -> bool:
    text = button.text()
    if not text.strip() or "&" in text or not button.isVisibleTo(root):
        return False
    if "\n" in text:
        return False  # a card-like choice with a heading and a note
    box = button.parentWidget()
    while box is not None and box is not root and not isinstance(box, QDialogButtonBox):
        box = box.parentWidget()
    # Qt's own standard buttons keep Qt's words (in Qt's translation).
    return not (
        isinstance(box, QDialogButtonBox)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def _rank(widget: QWidget) -> int:
    if isinstance(widget, QAbstractButton):
        return 1 if widget.isCheckable() else 0
    return 2


def _position(widget: QWidget, root: QWidget) -> tuple[int, int]:
    point = widget.mapTo(root, QPoint(0, 0))
    return point.y(), point.x()


def _ideographic(text: str) -> bool:
    """Whether a text is written in Chinese (or another script without letter keys)."""
    return any(unicodedata.category(char) == "Lo" and not _keyed(char) for char in text)


def _keyed(char: str) -> bool:
    """A letter of a script with capitals (Latin, Cyrillic, Greek…): a keyboard has those
    as keys; Chinese characters are typed through an input method."""
    return char.isalpha() and char.lower() != char.upper()


def _free_source_letter(source: str | None, taken: set[str]) -> str:
    """A free Latin letter for a Chinese text: from its English words if it has any, else
    the first free one of the alphabet."""
    if source:
        index = _free_letter(spoken(source), taken)
        if index >= 0 and spoken(source)[index].isascii():
            return spoken(source)[index]
    return next((char for char in string.ascii_uppercase if char.lower() not in taken), "")


def _with_suffix(text: str, letter: str) -> str:
    """ "保存" -> "保存(&S)"; a trailing colon or ellipsis stays at the end: "名称(&N)："."""
    match = re.search(r"(\s*(?:[:：]|\.\.\.|…)?\s*)$", text)
    end = match.start() if match else len(text)
    return f"{text[:end]}(&{letter}){text[end:]}"


def _free_letter(text: str, taken: set[str]) -> int:
    """Where to put the shortcut: a free word-initial letter first, else any free letter.
    Only letters with a key of their own (see `_keyed`)."""
    starts = [m.start() for m in re.finditer(r"\b\w", text) if _keyed(text[m.start()])]
    others = [i for i, char in enumerate(text) if _keyed(char)]
    for index in [*starts, *others]:
        if text[index].lower() not in taken:
            return index
    return -1


class _MnemonicsOnShow(QObject):
    """Assigns the shortcuts each time `widget` is shown, inside its real window (whose
    menus and buttons have taken their letters by then): controls shown since (a tab's
    buttons once a case is open, a row added) get theirs; those that have one keep it."""

    def __init__(self, widget: QWidget, defer: bool) -> None:
        super().__init__(widget)
        self.defer = defer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only `watched` (the widget) is used: events may still come while the filter's
        # Python side is being torn down with it.
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if getattr(self, "defer", False):
                QTimer.singleShot(0, self, lambda: assign_mnemonics(watched))
            else:
                assign_mnemonics(watched)
        return False


def mnemonics_when_shown(widget: QWidget, *, defer: bool = False) -> None:
    """Alt+letters for `widget`'s controls whenever it is shown. `defer`: a part of a
    window whose own call (made when it is shown, after its parts) should choose first,
    so that its buttons are not left without letters by the part's captions."""
    widget.installEventFilter(_MnemonicsOnShow(widget, defer))
