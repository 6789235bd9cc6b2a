"""Where the Kurinto font files are: the dossier draws with them, and the UI falls back
on Kurinto Sans SC for Chinese where the system has no Chinese font. Light to import
(no reportlab), so that the UI can ask before its first paint."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path


class FontsUnavailable(RuntimeError):
    """The dossier's fonts (the weblate-fonts package) cannot be found."""


def kurinto_dir() -> Path:
    """The folder holding the Kurinto TTF files inside the weblate-fonts package."""
    spec = importlib.util.find_spec("weblate_fonts")
    if spec is None:
        raise FontsUnavailable("the weblate-fonts package is not installed")
    roots = list(spec.submodule_search_locations or [])
    if not roots and spec.origin:
        roots = [str(Path(spec.origin).parent)]
    for root in roots:
        folder = Path(root, "static", "weblate_fonts", "kurinto", "ttf")
        if (folder / "KurintoSans-Rg.ttf").is_file():
            return folder
    raise FontsUnavailable("the weblate-fonts package has no Kurinto TrueType files")


def face_file(path: Path) -> Path | None:
    """`path`, or else its gzip-compressed copy `path.gz` (the packaged app stores Kurinto
    Sans SC so: 4 MB less on disk, 0.1 s to unpack when CJK text first needs it); None
    when neither is there."""
    if path.is_file():
        return path
    packed = path.with_name(path.name + ".gz")
    return packed if packed.is_file() else None


def face_bytes(path: Path) -> bytes:
    """The TTF data of a `face_file`, unpacked when it is stored compressed."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data
