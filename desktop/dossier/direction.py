"""Right-to-left text in visual order, Arabic letters joined.

reportlab draws characters left to right as they come and has no shaping of
its own (its bidi support needs `rlbidi`). So a line holding Hebrew or Arabic
is put into visual order here (python-bidi, the Unicode bidi algorithm) after
Arabic letters are replaced by their joined presentation forms
(arabic-reshaper), which Kurinto Sans has glyphs for. Lines without
right-to-left characters pass through untouched and cost one regex search.

A paragraph longer than one printed line is first broken into lines in reading
order and only then reordered, line by line (bidi_paragraph.py): reordering the
whole paragraph before reportlab wraps it would print its last words first.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extended,
# Hebrew and Arabic presentation forms, and the explicit RTL marks.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_lock = threading.Lock()
_reshaper: Any = None


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(line: str) -> str:
    """`line` (no newlines) as it is to be drawn left to right."""
    if not has_rtl(line):
        return line
    return _remembered(line) if len(line) <= 200 else _reordered(line)


def _reordered(line: str) -> str:
    try:
        from bidi import get_display

        if _ARABIC.search(line):
            line = _shaper().reshape(line)
        return str(get_display(line))
    except Exception:  # a library's bug must not stop the dossier: logical order prints
        return line


# The same words and short lines are reordered again and again (each is measured,
# then drawn): remembered, as reshaping and reordering cost far more than a look-up.
_remembered = functools.lru_cache(maxsize=8192)(_reordered)


def _shaper() -> Any:
    global _reshaper
    with _lock:
        if _reshaper is None:
            from arabic_reshaper import ArabicReshaper

            _reshaper = ArabicReshaper()
        return _reshaper
