"""Exhibits: the case's receipts and photos, printed at the end of the dossier.

v1 prints JPEG and PNG pictures, turned upright (EXIF orientation) and scaled
down to print size before they are embedded. A file that is missing, broken,
too large or not a picture becomes a short paragraph saying so: the dossier
is always built.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from desktop.dossier.strings import DossierStrings
from desktop.model import Attachment, AttachmentRole

PICTURE_TYPES = frozenset({"image/jpeg", "image/jpg", "image/pjpeg", "image/png"})
PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png"})
PRINT_DPI = 150
MAX_PIXELS = 100_000_000  # larger pictures are refused rather than decoded


@dataclass(frozen=True)
class Exhibit:
    number: int
    attachment: Attachment


class ExhibitProblem(Exception):
    """Why a file cannot be printed; `reason` names a message in DossierStrings."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Picture:
    data: bytes
    width: float  # points, as it is to be printed
    height: float


def number_exhibits(attachments: list[Attachment]) -> list[Exhibit]:
    return [Exhibit(number, item) for number, item in enumerate(attachments, start=1)]


def is_picture(attachment: Attachment) -> bool:
    if attachment.media_type.lower() in PICTURE_TYPES:
        return True
    suffixes = {PurePath(attachment.file_name).suffix, PurePath(attachment.stored_name).suffix}
    return any(suffix.lower() in PICTURE_SUFFIXES for suffix in suffixes)


def attachment_path(attachments_dir: Path, attachment: Attachment) -> Path:
    """Where the attachment's file is; refuses names that leave the folder."""
    name = attachment.stored_name
    if not name or PurePath(name).is_absolute() or ".." in PurePath(name).parts:
        raise ExhibitProblem("exhibit_missing")
    path = attachments_dir / name
    try:
        path.resolve().relative_to(attachments_dir.resolve())
    except (OSError, ValueError):
        raise ExhibitProblem("exhibit_missing") from None
    if not path.is_file():
        raise ExhibitProblem("exhibit_missing")
    return path


def load_picture(path: Path, max_width: float, max_height: float) -> Picture:
    """Decode, turn upright and downscale a JPEG or PNG to fit the box (points)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as source:
            if source.format not in ("JPEG", "PNG"):
                raise ExhibitProblem("exhibit_unreadable")
            width, height = source.size
            if width <= 0 or height <= 0:
                raise ExhibitProblem("exhibit_unreadable")
            if width * height > MAX_PIXELS:
                raise ExhibitProblem("exhibit_too_large")
            box = (
                max(1, round(max_width / 72 * PRINT_DPI)),
                max(1, round(max_height / 72 * PRINT_DPI)),
            )
            kind = source.format
            if kind == "JPEG":
                # Let the decoder scale by 1/2, 1/4 or 1/8: most of the time a photo costs.
                side = max(box)
                source.draft("RGB", (side, side))
            source.load()
            image: Any = ImageOps.exif_transpose(source)
            image = _flatten(image)
            image.thumbnail(box, Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if kind == "PNG":
                image.save(out, format="PNG")
            else:
                image.save(out, format="JPEG", quality=85)
    except ExhibitProblem:
        raise
    except Image.DecompressionBombError:
        raise ExhibitProblem("exhibit_too_large") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise ExhibitProblem("exhibit_unreadable") from None
    shown_w, shown_h = _fit(image.width, image.height, max_width, max_height)
    return Picture(out.getvalue(), shown_w, shown_h)


def _flatten(image: Any) -> Any:
    """RGB or greyscale, transparency laid on white."""
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode.startswith("I") or image.mode == "F":
        return image.convert("L")
    return image.convert("RGB")


def _fit(pixels_w: int, pixels_h: int, max_w: float, max_h: float) -> tuple[float, float]:
    # Scale to the box, but never blow a small picture up past 2 points a pixel.
    scale = min(max_w / pixels_w, max_h / pixels_h, 2.0)
    return pixels_w * scale, pixels_h * scale


def role_label(strings: DossierStrings, attachment: Attachment) -> str:
    if attachment.role == AttachmentRole.RECEIPT:
        return strings.role_receipt
    return strings.role_photo


def problem_text(strings: DossierStrings, attachment: Attachment, reason: str) -> str:
    template: str = getattr(strings, reason)
    return template.format(file_name=attachment.file_name or attachment.stored_name)


def prepare(
    exhibit: Exhibit, attachments_dir: Path, max_width: float, max_height: float
) -> Picture | ExhibitProblem:
    """The picture to print, or the problem that keeps it out."""
    try:
        path = attachment_path(attachments_dir, exhibit.attachment)
        if not is_picture(exhibit.attachment):
            raise ExhibitProblem("exhibit_not_image")
        return load_picture(path, max_width, max_height)
    except ExhibitProblem as problem:
        return problem
