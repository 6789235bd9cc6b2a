"""Tie a visible caption to its input in one call: buddy, accessible name and description.

A screen reader reads a field's accessible name when it gets focus, and the
caption's mnemonic (Alt+letter) jumps to its buddy. Doing the three together
keeps them from drifting apart. The name is the caption's text as read aloud:
no "&" shortcut marker, no trailing colon.
"""

from __future__ import annotations

import re

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
