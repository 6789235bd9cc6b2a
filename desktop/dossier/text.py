"""User text to reportlab Paragraph markup: the one door every string goes through.

`markup()` cleans the text, cuts it into runs by font coverage, escapes each
run (`&`, `<`, `>`) and wraps the runs set in a fallback face in
`<font name=...>`. Nothing a user types can become a tag.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.dossier.direction import visual
from desktop.dossier.fonts import FontChain

# Line breaks of every kind become "\n".
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0/C1 controls other than tab and newline, and lone surrogates (not encodable).
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
# Non-characters that some PDF readers choke on.
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities (as xml.sax.saxutils.escape does; importing that
    module pulls in urllib and http.client, a twentieth of a second)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def clean(text: str) -> str:
    """Text fit for printing: one kind of newline, tabs as spaces, no controls."""
    text = _NEWLINES.sub("\n", str(text))
    text = _UNPRINTABLE.sub("", text)
    text = _NONCHARACTERS.sub("", text)
    # NFC, so that a decomposed accent finds the precomposed glyph.
    return unicodedata.normalize("NFC", text).replace("\t", "    ")


def one_line(text: str) -> str:
    """Clean text with its line breaks turned into spaces (for headers, metadata)."""
    return " ".join(clean(text).split("\n")).strip()


def markup(text: str, fonts: FontChain, *, tag_all: bool = False) -> str:
    """Escaped Paragraph markup for `text`, with font runs and `<br/>` for newlines.

    Runs in the chain's primary face are left untagged (the paragraph style sets
    that face) unless `tag_all`, for text set in another weight than its paragraph.
    Right-to-left lines are put into visual order first (direction.py).
    """
    lines = clean(text).split("\n")
    return "<br/>".join(_line_markup(line, fonts, tag_all) for line in lines)


def _line_markup(line: str, fonts: FontChain, tag_all: bool) -> str:
    parts: list[str] = []
    for font_name, run in fonts.runs(visual(line)):
        escaped = escape(run)
        if font_name == fonts.primary and not tag_all:
            parts.append(escaped)
        else:
            parts.append(f'<font name="{font_name}">{escaped}</font>')
    return "".join(parts)


def is_blank(text: str) -> bool:
    return not clean(text).strip()
