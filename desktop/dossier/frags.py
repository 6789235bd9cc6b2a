"""Paragraph fragments for the dossier's own markup, without reportlab's parser.

Almost every paragraph in a dossier is markup made by text.markup(): escaped
text, `<br/>` and `<font name="...">` runs. reportlab parses each with an
HTML parser (a fifth of a long dossier's layout time) into fragments: one per
piece of text, each a copy of the style's state with its text. Here markup of
that shape is cut with one regular expression and each fragment is copied
from fragments reportlab's parser made once per style and font (a template
parse): the same fragments the parser would give. Anything else (a link,
superscript, a font size or colour, a bullet) returns None and is parsed as
usual.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from reportlab.platypus.paragraph import Paragraph, cleanBlockQuotedText

# Text (split where the parser splits it: at each entity), a line break, a font run.
_TOKEN = re.compile(r'([^<&]+)|&(amp|lt|gt);|(<br/>)|<font name="([^"<>&]+)">|(</font>)')
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}

_lock = threading.Lock()
# Per style (kept alive with its templates, so that its id is not reused): the
# fragment for plain text, for a line break, and for text in each named font.
_templates: dict[int, tuple[Any, Any, Any, dict[str, Any]]] = {}


def _parsed(markup: str, style: Any) -> list[Any]:
    return list(Paragraph(markup, style).frags)


def _for_style(style: Any) -> tuple[Any, Any, dict[str, Any]] | None:
    with _lock:
        found = _templates.get(id(style))
        if found is None:
            plain, line_break, _ = _parsed("x<br/>x", style)
            if len(_templates) > 200:  # a dossier has a few dozen styles
                _templates.clear()
            found = (style, plain, line_break, {})
            _templates[id(style)] = found
    _, plain, line_break, fonts = found
    return plain, line_break, fonts


def _font_template(style: Any, fonts: dict[str, Any], name: str) -> Any:
    template = fonts.get(name)
    if template is None:
        template = _parsed(f'<font name="{name}">x</font>', style)[0]
        with _lock:
            fonts[name] = template
    return template


def _copy(frag: Any) -> Any:
    """What copy.copy makes of a fragment (a new instance with the same attributes),
    without its generic machinery."""
    made = object.__new__(type(frag))
    made.__dict__.update(frag.__dict__)
    return made


def fragments(markup: str, style: Any) -> tuple[str, list[Any]] | None:
    """The cleaned text and the fragments reportlab's parser would make of `markup`,
    or None when the markup holds anything but text, line breaks and font runs."""
    if getattr(style, "textTransform", None) or getattr(style, "bulletText", None):
        return None
    text = cleanBlockQuotedText(markup)
    templates = _for_style(style)
    if templates is None:
        return None
    plain, line_break, fonts = templates
    # The parser's fragments of one paragraph share their link and underline lists.
    shared: dict[str, list[Any]] = {
        key: [] for key, value in vars(plain).items() if isinstance(value, list)
    }
    if any(vars(plain)[key] for key in shared):
        return None
    made: list[Any] = []
    current = plain
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() != position:
            return None  # something the parser would read otherwise
        position = match.end()
        chunk, entity, brk, font, _close = match.groups()
        if chunk is not None or entity is not None:
            frag = _copy(current)
            frag.text = chunk if chunk is not None else _ENTITIES[entity]
        elif brk is not None:
            if current is not plain:
                return None  # a break inside a font run: not made by markup()
            frag = _copy(line_break)
        elif font is not None:
            if current is not plain:
                return None  # nested fonts
            try:
                current = _font_template(style, fonts, font)
            except Exception:
                return None  # the parser says why
            continue
        else:
            if current is plain:
                return None
            current = plain
            continue
        frag.__dict__.update(shared)
        made.append(frag)
    if position != len(text) or current is not plain:
        return None
    return text, made
