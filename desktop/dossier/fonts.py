"""Fonts for the dossier: a fallback chain of TrueType faces and run splitting.

reportlab's `TTFont` draws a missing glyph as an empty box and has no fallback
of its own, so text is cut into runs, each set in the first font of the chain
that has a glyph for it. The chain is Kurinto Sans (Latin, Cyrillic, Greek,
Arabic, Hebrew, kana, symbols), then Kurinto Sans SC (simplified and
traditional Chinese), JP and KR (the remaining CJK ideographs and Hangul), all
from the `weblate-fonts` package, then our own CaseDossierSymbols (a subset of
Symbola in desktop/resources/fonts: the smileys and other emoji Kurinto lacks,
on every system), and last a system font for anything still missing (DejaVu
Sans on Linux, Segoe UI Symbol on Windows) when one is installed (set
CASE_DOSSIER_NO_SYSTEM_FONTS=1 to use the packaged fonts only, e.g. for output
that is identical on every machine).

Faces are loaded lazily: a face is read (its cmap with it) and registered with
reportlab only when a character needs it, once per process, under a lock.
"""

from __future__ import annotations

import io
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

# Re-exported ("as"): the self-test and tests look them up here, where chain() does.
from desktop.font_files import FontsUnavailable as FontsUnavailable
from desktop.font_files import face_bytes
from desktop.font_files import face_file as face_file
from desktop.font_files import kurinto_dir as kurinto_dir
from desktop.paths import resources_dir


class Weight(Enum):
    REGULAR = "Rg"
    BOLD = "Bd"


@dataclass(frozen=True)
class Face:
    """One TrueType file and the name it is registered under in reportlab.

    `scope` (code point ranges), when given, is where the face is worth asking:
    a character outside it skips the face without loading it (an emoji need
    not load three CJK faces of 6-10 MB on its way to the emoji face).
    """

    name: str
    path: Path
    scope: tuple[tuple[int, int], ...] | None = None

    def may_have(self, code: int) -> bool:
        if self.scope is None:
            return True
        return any(low <= code <= high for low, high in self.scope)


KURINTO_FAMILIES: tuple[str, ...] = (
    "KurintoSans",
    "KurintoSansSC",
    "KurintoSansJP",
    "KurintoSansKR",
)

# Every code point the CJK faces add to Kurinto Sans lies in these ranges
# (checked against weblate-fonts 2026.1; a test in tests/test_dossier.py keeps it so).
CJK_SCOPE: tuple[tuple[int, int], ...] = (
    (0x02EA, 0x02EB),  # bopomofo tone marks
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x33FF),  # radicals, CJK symbols, kana, bopomofo, enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x1F200, 0x1F2FF),  # enclosed ideographic supplement
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)

# The emoji and symbol blocks the packaged symbols face (scripts/make_symbols_font.py)
# covers; a character outside them never loads it.
SYMBOLS_SCOPE: tuple[tuple[int, int], ...] = (
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x1F000, 0x1FAFF),
)
SYMBOLS_FACE_NAME = "CaseDossierSymbols"

# Last-resort system faces for what neither Kurinto nor the symbols face has.
# TrueType outlines only: reportlab refuses CFF, and colour bitmaps cannot be drawn.
_SYSTEM_FALLBACKS: dict[Weight, tuple[str, ...]] = {
    Weight.REGULAR: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "C:/Windows/Fonts/seguisym.ttf",
    ),
    Weight.BOLD: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "C:/Windows/Fonts/seguisym.ttf",
    ),
}

# Characters that stay in the current run when its font has them, so that the
# space between two Chinese words does not start a run of its own.
_NEUTRAL_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Po", "Pd", "Ps", "Pe", "Mn", "Me", "Cf"})
# Invisible characters that are dropped when no font has a glyph for them
# (a box would be drawn in their place).
_IGNORABLE_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc", "Cs", "Cn"})


def symbols_face() -> Face:
    """The packaged emoji/symbol face; one weight serves both (emoji have no bold)."""
    return Face(
        SYMBOLS_FACE_NAME, resources_dir() / "fonts" / "CaseDossierSymbols.ttf", SYMBOLS_SCOPE
    )


def _system_fallback(weight: Weight) -> Face | None:
    if os.environ.get("CASE_DOSSIER_NO_SYSTEM_FONTS"):
        return None
    candidates = list(_SYSTEM_FALLBACKS[weight])
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", "C:/Windows")
        candidates.insert(0, str(Path(windir, "Fonts", "seguisym.ttf")))
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            return Face(f"CaseDossierFallback-{weight.value}", path)
    return None


class FontChain:
    """Faces tried in order for each character; loaded on first need."""

    def __init__(self, faces: Sequence[Face]) -> None:
        if not faces:
            raise ValueError("a font chain needs at least one face")
        self.faces: tuple[Face, ...] = tuple(faces)
        self._cmaps: list[frozenset[int] | None] = [None] * len(self.faces)
        self._choice: dict[str, int] = {}
        # Characters known to be set in the first face: most text is made of only
        # these, and then it is one run without a look at each character.
        self._in_primary: set[str] = set()

    @property
    def primary(self) -> str:
        """The name of the first face, the one paragraph styles are set in."""
        return self.faces[0].name

    def load_primary(self) -> None:
        self._cmap(0)

    def _cmap(self, index: int) -> frozenset[int]:
        cmap = self._cmaps[index]
        if cmap is None:
            cmap = _load_face(self.faces[index])
            self._cmaps[index] = cmap
        return cmap

    def loaded(self) -> list[str]:
        """Names of the faces loaded so far (for tests and measurements)."""
        return [face.name for face, cmap in zip(self.faces, self._cmaps, strict=True) if cmap]

    def face_for(self, char: str) -> int | None:
        """Index of the first face with a glyph for `char`; None if no face has one."""
        try:
            return self._choice[char]
        except KeyError:
            pass
        code = ord(char)
        found: int | None = None
        for index, face in enumerate(self.faces):
            if face.may_have(code) and code in self._cmap(index):
                found = index
                break
        if len(self._choice) < 100_000:  # bounded: any text may come through here
            self._choice[char] = found if found is not None else -1
            if found == 0:
                self._in_primary.add(char)
        return found

    def has_glyph(self, index: int, char: str) -> bool:
        return ord(char) in self._cmap(index)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Cut `text` into (font name, text) runs by glyph coverage."""
        if self._in_primary.issuperset(text):
            return [(self.faces[0].name, text)] if text else []
        return list(self._iter_runs(text))

    def _iter_runs(self, text: str) -> Iterator[tuple[str, str]]:
        current = 0
        buffer: list[str] = []
        for char in text:
            choice = self._choice.get(char)
            if choice is None:
                found = self.face_for(char)
                choice = -1 if found is None else found
            if choice == current:
                buffer.append(char)
                continue
            category = unicodedata.category(char)
            if choice < 0:
                if category in _IGNORABLE_CATEGORIES:
                    continue
                # No face has it: keep it in the current run (it prints as a box,
                # but the character stays in the text layer).
                buffer.append(char)
                continue
            if buffer and category in _NEUTRAL_CATEGORIES and self.has_glyph(current, char):
                buffer.append(char)
                continue
            if buffer:
                yield self.faces[current].name, "".join(buffer)
            buffer = [char]
            current = choice
        if buffer:
            yield self.faces[current].name, "".join(buffer)


_lock = threading.RLock()
_faces: dict[str, frozenset[int]] = {}
_chains: dict[Weight, FontChain] = {}


_WIDE_ENTRY = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with code points past U+FFFF written as UTF-16
    surrogate pairs as the PDF format asks (reportlab 5.1 writes `<1F600>`, which
    text extraction reads as U+1F60: emoji would not copy or search)."""
    from reportlab.pdfbase import ttfonts

    def pair(match: re.Match[str]) -> str:
        code = int(match.group(2), 16)
        if code > 0x10FFFF:
            return match.group(0)
        return f"{match.group(1)}<{chr(code).encode('utf-16-be').hex().upper()}>"

    return _WIDE_ENTRY.sub(pair, ttfonts._original_makeToUnicodeCMap(fontname, subset))


def _fix_to_unicode() -> None:
    from reportlab.pdfbase import ttfonts

    if not hasattr(ttfonts, "_original_makeToUnicodeCMap"):
        ttfonts._original_makeToUnicodeCMap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _load_face(face: Face) -> frozenset[int]:
    """Read a TTF, register it with reportlab and return the code points it covers."""
    with _lock:
        cached = _faces.get(face.name)
        if cached is not None:
            return cached
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        _fix_to_unicode()
        found = face_file(face.path)
        if found is None:
            raise FontsUnavailable(f"{face.path} is missing")
        source: Any = str(found)
        if found != face.path:
            source = io.BytesIO(face_bytes(found))
        font: Any = TTFont(face.name, source)
        pdfmetrics.registerFont(font)
        cmap = frozenset(font.face.charToGlyph)
        _faces[face.name] = cmap
        return cmap


def _face_name(folder: Path, family: str, weight: Weight) -> str:
    """`family-weight`; a family without a bold file (the packaged app carries Kurinto
    Sans SC in regular only) sets its bold text in the regular face. A family with
    neither file is skipped by chain()."""
    name = f"{family}-{weight.value}"
    if weight is not Weight.REGULAR and face_file(folder / f"{name}.ttf") is None:
        return f"{family}-{Weight.REGULAR.value}"
    return name


def chain(weight: Weight = Weight.REGULAR) -> FontChain:
    """The process-wide font chain for a weight (its primary face loaded)."""
    with _lock:
        found = _chains.get(weight)
        if found is None:
            folder = kurinto_dir()
            faces = [
                Face(name, folder / f"{name}.ttf", None if index == 0 else CJK_SCOPE)
                for index, family in enumerate(KURINTO_FAMILIES)
                for name in [_face_name(folder, family, weight)]
            ]
            faces.append(symbols_face())
            faces = [face for face in faces if face_file(face.path) is not None]
            fallback = _system_fallback(weight)
            if fallback is not None:
                faces.append(fallback)
            found = FontChain(faces)
            found.load_primary()
            _chains[weight] = found
        return found
