"""Tie a visible caption to its input in one call: buddy, accessible name and description.

A screen reader reads a field's accessible name when it gets focus, and the
caption's mnemonic (Alt+letter) jumps to its buddy. Doing the three together
keeps them from drifting apart. The name is the caption's text as read aloud:
no "&" shortcut marker, no trailing colon.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.ui.i18n import N_

TEXT_TIME = N_("Time")
TEXT_CURRENCY = N_("Currency")

# Set on an input that shares the caption of the input beside it (the currency next to a
# price, the time next to a date): it has a name of its own but no caption of its own.
SHARES_CAPTION = "a11ySharesCaption"

_TAGS = re.compile(r"<[^>]+>")


def spoken(text: str) -> str:
    """A caption as a screen reader should say it: "&Name:" -> "Name"."""
    text = _TAGS.sub("", text)
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
    """Give each caption with a buddy under `root` an Alt+letter shortcut to its field.

    The letters are chosen when the window is built, not written into the texts, so
    translators keep plain captions and every language gets shortcuts of its own
    letters. Letters already taken in the window (menus, buttons, `reserved`) are
    left alone; a caption whose text has no free letter (or is in Chinese, which has
    no letter keys) simply gets none. Captions already holding a shortcut keep it.
    """
    window = root.window()
    layout = root.layout()
    if layout is not None:
        layout.activate()  # positions, so that letters go top to bottom
    taken = {char.lower() for char in reserved}
    for widget in window.findChildren(QWidget):
        # Captions and buttons hold shortcuts; what is typed into a field does not.
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(window):
            taken.update(match.lower() for match in re.findall(r"&(\w)", widget.text()))
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            taken.update(match.lower() for match in re.findall(r"&(\w)", action.text()))
    captions = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is not None
        and label.isVisibleTo(root)
        and "&" not in label.text()
        and label.textFormat() != Qt.TextFormat.RichText
    ]
    captions.sort(
        key=lambda label: (label.mapTo(root, QPoint(0, 0)).y(), label.mapTo(root, QPoint(0, 0)).x())
    )
    for label in captions:
        text = label.text()
        index = _free_letter(text, taken)
        if index < 0:
            continue
        taken.add(text[index].lower())
        label.setText(f"{text[:index]}&{text[index:]}")


def _free_letter(text: str, taken: set[str]) -> int:
    """Where to put the shortcut: a free word-initial letter first, else any free letter.
    Only letters of a script with capitals (Latin, Cyrillic, Greek…): a keyboard has
    those as keys; Chinese characters are typed through an input method."""

    def keyed(char: str) -> bool:
        return char.isalpha() and char.lower() != char.upper()

    starts = [m.start() for m in re.finditer(r"\b\w", text) if keyed(text[m.start()])]
    others = [i for i, char in enumerate(text) if keyed(char)]
    for index in [*starts, *others]:
        if text[index].lower() not in taken:
            return index
    return -1


class _MnemonicsOnShow(QObject):
    """Assigns the shortcuts once `widget` is first shown, inside its real window (whose
    menus and buttons have taken their letters by then)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show:
            self._widget.removeEventFilter(self)
            assign_mnemonics(self._widget)
        return False


def mnemonics_when_shown(widget: QWidget) -> None:
    widget.installEventFilter(_MnemonicsOnShow(widget))
