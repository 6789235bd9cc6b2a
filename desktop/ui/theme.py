"""The look: one accent colour, calm spacing, semantic colours that always come with words.

Widgets ask for a role by object name ("primary", "card", "pageTitle", ...)
and the application style sheet below gives it its look; colours follow the
system's light or dark palette, and a high-contrast one (the system asks for more
contrast, or its palette is black on white / white on black) gets plain, strong
colours: no softened text, white or black borders, a yellow or dark blue accent.
Whatever the style sheet styles also gets a focus ring, so the keyboard focus is
always visible.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

ACCENT = "#2b63b0"
ACCENT_DARK_SCHEME = "#6ea1e6"

# Spacing steps (px): everything is a multiple of 4.
SPACE_S = 4
SPACE_M = 8
SPACE_L = 16
SPACE_XL = 24
PAGE_MARGIN = 28


class Colours(NamedTuple):
    accent: str
    on_accent: str
    focus: str  # the keyboard focus ring: stands out against the window and the accent
    ok: str
    warn: str
    error: str
    muted: str
    card: str
    border: str
    banner_bg: str
    banner_fg: str
    banner_border: str
    high_contrast: bool = False
    # Frames drawn around text fields, where the platform's are too faint to see ("" keeps
    # the platform's): in the dark scheme, and in high contrast.
    input_frame: str = ""


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio of two colours: 1 (none) to 21 (black on white)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """A high-contrast palette: (nearly) black on white or white on black."""
    palette = palette or QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return contrast_ratio(window, text) >= 19.5


def system_wants_contrast() -> bool:
    hints = QApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def colours(palette: QPalette | None = None) -> Colours:
    palette = palette or QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    if is_high_contrast(palette):
        text = palette.color(QPalette.ColorRole.WindowText).name()
        if is_dark(palette):
            return Colours(
                accent="#ffe14d",
                on_accent="#000000",
                focus="#ffe14d",
                ok="#5cf08a",
                warn="#ffc14d",
                error="#ff8a80",
                muted=text,
                card=window.name(),
                border=text,
                banner_bg=window.name(),
                banner_fg=text,
                banner_border="#ffe14d",
                high_contrast=True,
                input_frame=text,
            )
        return Colours(
            accent="#00007a",
            on_accent="#ffffff",
            focus="#00007a",
            ok="#005a1e",
            warn="#6b3a00",
            error="#9c0000",
            muted=text,
            card=window.name(),
            border=text,
            banner_bg=window.name(),
            banner_fg=text,
            banner_border=text,
            high_contrast=True,
            input_frame=text,
        )
    if is_dark(palette):
        return Colours(
            accent=ACCENT_DARK_SCHEME,
            on_accent="#0b1a2e",
            focus="#ffffff",
            ok="#7fd39a",
            warn="#f2c46d",
            error="#ff8f85",
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            card=window.lighter(115).name(),
            border=window.lighter(160).name(),
            banner_bg="#4a3a12",
            banner_fg="#fbecc8",
            banner_border="#8a6a1f",
            input_frame="#7d838c",  # 3:1 and more against the window and the field
        )
    return Colours(
        accent=ACCENT,
        on_accent="#ffffff",
        focus="#0b1a2e",
        ok="#1e7a3c",
        warn="#8a5300",
        error="#b42318",
        muted="#5f6670",
        card="#ffffff",
        border="#d9dde3",
        banner_bg="#fff5db",
        banner_fg="#3d2c00",
        banner_border="#e8c56b",
    )


def apply_style(app: QApplication, scheme: str | None = None) -> None:
    """Fusion on Linux (the platform has no single native style), native elsewhere.

    The colours follow the system's light or dark scheme, and its wish for more
    contrast; `scheme` ("light", "dark" or "high-contrast") forces one (screenshots,
    tests).
    """
    global _base_style
    if _base_style is None:
        # Once, before any window: a new style object under open windows (a QWizard
        # among them) crashed Qt when the system's scheme changed later. Its name is
        # read now: once a style sheet is set, app.style() is the sheet's nameless
        # wrapper (a restyle took Fusion for a native style and dropped the dark
        # fields' frames).
        if sys.platform.startswith("linux"):
            app.setStyle("Fusion")
        _base_style = app.style().name().lower()
    if scheme == "dark":
        palette = dark_palette()
    elif scheme == "light":
        palette = app.style().standardPalette()
    elif scheme == "high-contrast" or (scheme is None and system_wants_contrast()):
        palette = high_contrast_palette(light=scheme is None and not is_dark(app.palette()))
    else:
        palette = app.palette()
    c = colours(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(c.accent))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(c.on_accent))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(c.accent))
        palette.setColor(group, QPalette.ColorRole.Accent, QColor(c.accent))
    app.setPalette(palette)
    if not c.high_contrast and _base_style != "fusion":
        c = c._replace(input_frame="")  # the native styles (macOS, Windows) draw their own
    app.setStyleSheet(style_sheet(c))
    _frame_spin_boxes(app, palette, c)
    global _sheet_colours
    if _sheet_colours is None:  # once: right to left is set after the style at start
        app.layoutDirectionChanged.connect(lambda *_: _restyle_for_direction(app))
    _sheet_colours = c


_sheet_colours: Colours | None = None
_base_style: str | None = None  # the platform style's name, read at the first call


# Fields with up and down arrows: a style-sheet frame would take the arrows away.
_SPIN_BOXES = ("QSpinBox", "QDoubleSpinBox", "QTimeEdit")


def _frame_spin_boxes(app: QApplication, palette: QPalette, c: Colours) -> None:
    """Fusion draws a spin box's frame in its window colour darkened by 40 %: on a dark
    window next to invisible. A palette of their own, whose window colour darkens to
    the input frame colour, gives them the frame the other fields have, arrows kept."""
    spin = QPalette(palette)
    if c.input_frame:
        window = QColor(c.input_frame).lighter(140)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            spin.setColor(group, QPalette.ColorRole.Window, window)
    for name in _SPIN_BOXES:
        app.setPalette(spin, name)


def _restyle_for_direction(app: QApplication) -> None:
    """The style sheet again for the new layout direction, so that accent bars follow."""
    if _sheet_colours is not None:
        app.setStyleSheet(style_sheet(_sheet_colours))


def follow_system_scheme(app: QApplication) -> None:
    """Restyle when the system switches between light and dark."""
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda *_: apply_style(app))
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(lambda *_: apply_style(app))


def high_contrast_palette(*, light: bool = False) -> QPalette:
    """White on black (or black on white): every role at full strength, disabled text
    still readable, frames drawn in the text colour."""
    back, fore = (
        (QColor("#ffffff"), QColor("#000000"))
        if light
        else (
            QColor("#000000"),
            QColor("#ffffff"),
        )
    )
    palette = QPalette()
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
        QPalette.ColorRole.Shadow,
    ):
        palette.setColor(role, back)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.BrightText,
        # Fusion draws frames and separators with these: in the text colour they show.
        QPalette.ColorRole.Light,
        QPalette.ColorRole.Midlight,
        QPalette.ColorRole.Mid,
        QPalette.ColorRole.Dark,
    ):
        palette.setColor(role, fore)
    disabled = QColor("#5f5f5f") if light else QColor("#b0b0b0")
    # A hint in an empty field must not pass for typed text: dimmer, still 9:1.
    palette.setColor(QPalette.ColorRole.PlaceholderText, disabled)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (where the platform gives none)."""
    palette = QPalette()
    window, base, text = QColor("#1f2125"), QColor("#272a2f"), QColor("#e6e8eb")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#2c2f35"),
        QPalette.ColorRole.ToolTipBase: QColor("#2b2e33"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#9aa1ab"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#30343a"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#50555d"),
        QPalette.ColorRole.Midlight: QColor("#41454c"),
        QPalette.ColorRole.Mid: QColor("#363a40"),
        QPalette.ColorRole.Dark: QColor("#101113"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    disabled = QColor("#6c727a")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def style_sheet(c: Colours) -> str:
    # The side a reader starts from: an accent bar sits there (right, right to left).
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    start = "right" if rtl else "left"
    return f"""
    QPushButton#primary {{
        background: {c.accent}; color: {c.on_accent}; border: none;
        border-radius: 6px; padding: 8px 18px; font-weight: 600;
    }}
    QPushButton#primary:hover {{ background: {QColor(c.accent).lighter(112).name()}; }}
    QPushButton#primary:pressed {{ background: {QColor(c.accent).darker(115).name()}; }}
    QPushButton#primary:disabled {{ background: {c.border}; color: {c.muted}; }}
    QPushButton#secondary {{
        border: 1px solid {c.border}; border-radius: 6px; padding: 7px 14px; background: {c.card};
    }}
    QPushButton#secondary:hover {{ border-color: {c.accent}; }}
    QPushButton#bigPrimary {{
        background: {c.accent}; color: {c.on_accent}; border: none;
        border-radius: 8px; padding: 14px 36px; font-weight: 600;
    }}
    QPushButton#bigPrimary:hover {{ background: {QColor(c.accent).lighter(112).name()}; }}
    QPushButton#link {{
        border: none; background: transparent; color: {c.accent}; padding: 2px 4px;
        text-align: right;
    }}
    QPushButton#link:hover {{ text-decoration: underline; }}
    QFrame#card {{
        background: {c.card}; border: 1px solid {c.border}; border-radius: 8px;
    }}
    QFrame#card QLabel {{ background: transparent; }}
    QFrame#banner {{
        background: {c.banner_bg}; border: 1px solid {c.banner_border}; border-radius: 6px;
    }}
    QFrame#banner QLabel {{ color: {c.banner_fg}; background: transparent; }}
    QFrame#choice {{
        border: 1px solid {c.border}; border-radius: 8px; background: {c.card};
    }}
    QFrame#choice[checked="true"] {{ border: 2px solid {c.accent}; }}
    QFrame#choice QLabel {{ background: transparent; }}
    QFrame#helpBox {{
        background: {c.card}; border: 1px solid {c.border}; border-{start}: 3px solid {c.accent};
        border-radius: 4px;
    }}
    QFrame#helpBox QLabel {{ background: transparent; }}
    QToolButton#deviceChoice {{
        border: 1px solid {c.border}; border-radius: 8px; padding: 8px; background: {c.card};
    }}
    QToolButton#deviceChoice:checked {{ border: 2px solid {c.accent}; }}
    QListWidget#stepList {{ border: none; background: transparent; outline: none; }}
    QListWidget#stepList::item {{ padding: 7px 6px; border-radius: 6px; }}
    QListWidget#stepList::item:selected {{
        background: {rgba(c.accent, 0.12)}; color: palette(text);
    }}
    QListWidget#caseList {{ border: none; outline: none; background: transparent; }}
    QFrame#dropZone {{
        border: 1.5px dashed {c.border}; border-radius: 8px; background: transparent;
    }}
    QFrame#dropZone[dragging="true"] {{
        border: 2px dashed {c.accent}; background: {rgba(c.accent, 0.08)};
    }}
    QFrame#dropZone QLabel {{ background: transparent; }}
    QFrame#previewEmpty {{
        border: 1px solid {c.border}; border-radius: 8px; background: {c.card};
    }}
    QListWidget#evidenceGrid {{
        border: 1px solid {c.border}; border-radius: 8px; background: {c.card};
        padding: 6px;
    }}
    QListWidget#evidenceGrid::item {{ border-radius: 6px; padding: 4px; }}
    QListWidget#evidenceGrid::item:selected {{
        background: {rgba(c.accent, 0.16)}; color: palette(text);
    }}
    QTabWidget#caseTabs::pane {{ border: none; border-top: 1px solid {c.border}; }}
    QTabWidget#caseTabs QTabBar::tab {{
        padding: 8px 16px; margin-right: 2px; border: none;
        border-bottom: 2px solid transparent; background: transparent;
    }}
    QTabWidget#caseTabs QTabBar::tab:selected {{
        border-bottom: 2px solid {c.accent}; color: palette(text); font-weight: 600;
    }}
    QTabWidget#caseTabs QTabBar::tab:hover:!selected {{ border-bottom: 2px solid {c.border}; }}
    {focus_style(c)}
    {input_frames(c) if c.input_frame else ""}
    {high_contrast_style(c) if c.high_contrast else ""}
    """


def focus_style(c: Colours) -> str:
    """A visible focus ring on everything the style sheet above styles (it replaces the
    platform's own focus frame there). Padding shrinks as the border grows, so nothing
    moves when the focus arrives."""
    return f"""
    QPushButton#primary:focus {{ border: 2px solid palette(window-text); padding: 6px 16px; }}
    QPushButton#bigPrimary:focus {{
        border: 2px solid palette(window-text); padding: 12px 34px;
    }}
    QPushButton#secondary:focus {{ border: 2px solid {c.focus}; padding: 6px 13px; }}
    QPushButton#link:focus {{
        border: 1px solid {c.focus}; border-radius: 3px; padding: 1px 3px;
        text-decoration: underline;
    }}
    QToolButton#deviceChoice:checked {{ background: {rgba(c.accent, 0.12)}; }}
    QToolButton#deviceChoice:focus {{ border: 2px dashed {c.focus}; }}
    QListWidget#caseList:focus {{ border: 2px solid {c.focus}; border-radius: 6px; }}
    QListWidget#evidenceGrid:focus {{ border: 2px solid {c.focus}; }}
    QTabWidget#caseTabs QTabBar::tab:selected:focus {{
        border: 2px solid {c.focus}; border-radius: 4px;
    }}
    """


def input_frames(c: Colours) -> str:
    """Fusion draws a field's frame a shade off the window colour: on a dark window it
    all but vanishes (on black, black). Here fields get a frame that can be seen, the
    focus a thick one in the focus colour, and a disabled field a dashed one. Spin boxes
    with arrows (time, minutes) keep the platform's look: a style sheet frame would
    take their arrows away."""
    frame = c.input_frame
    focus = c.focus if c.high_contrast else c.accent
    return f"""
    QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QComboBox {{
        border: 1px solid {frame}; border-radius: 3px; padding: 2px 4px;
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus,
    QComboBox:focus {{ border: 2px solid {focus}; padding: 1px 3px; }}
    QLineEdit:disabled, QDateEdit:disabled, QComboBox:disabled {{
        border: 1px dashed {frame};
    }}
    """


def high_contrast_style(c: Colours) -> str:
    """High contrast: a disabled main button keeps readable words and a dashed border
    instead of a grey block; buttons, radio buttons and check boxes get frames in the
    text colour."""
    return f"""
    QPushButton#primary:disabled {{
        background: {c.card}; color: palette(placeholder-text);
        border: 1px dashed {c.border}; padding: 7px 17px;
    }}
    QPushButton {{ border: 1px solid {c.border}; border-radius: 4px; padding: 5px 12px; }}
    QPushButton:default {{ border-width: 2px; padding: 4px 11px; }}
    QPushButton:focus {{ border: 2px solid {c.focus}; padding: 4px 11px; }}
    QPushButton:disabled {{ border-style: dashed; }}
    QRadioButton::indicator, QCheckBox::indicator {{
        width: 12px; height: 12px; border: 2px solid {c.border}; background: {c.card};
    }}
    QRadioButton::indicator {{ border-radius: 8px; }}
    QCheckBox::indicator {{ border-radius: 2px; }}
    QRadioButton::indicator:checked, QCheckBox::indicator:checked {{
        background: {c.accent}; border: 2px solid {c.border};
    }}
    QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{
        border-style: dashed;
    }}
    QRadioButton:focus, QCheckBox:focus {{ border: 1px solid {c.focus}; }}
    QListWidget#evidenceGrid::item:selected {{ border: 2px solid {c.accent}; }}
    """


def rgba(colour: str, alpha: float) -> str:
    """A style-sheet colour with transparency ("#RRGGBBAA" would be read as "#AARRGGBB")."""
    q = QColor(colour)
    return f"rgba({q.red()}, {q.green()}, {q.blue()}, {round(alpha * 255)})"


def mnemonic_safe(text: str) -> str:
    """Button texts treat "&" as a shortcut marker: "Account & billing" needs "&&"."""
    return text.replace("&", "&&")


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setObjectName(role)
    return widget


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.6) -> QLabel:
    label = QLabel(text)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setWordWrap(True)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text: a softer colour, never the only carrier of meaning."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours().muted))
    label.setPalette(palette)
    return label


def with_colour(label: QLabel, colour: str) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label
