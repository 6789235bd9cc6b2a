"""Which files the Evidence tab takes, and what each one is by default.

Pictures (photos, screenshots, scanned receipts) and PDFs, up to 50 MB each
(the store's limit). A dropped PDF counts as a receipt, a picture as a photo;
the user can change that per file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from desktop.model import Attachment, AttachmentRole
from desktop.store import MAX_ATTACHMENT_BYTES
from desktop.ui.i18n import N_, tr

PICTURE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
)
PDF_SUFFIXES = frozenset({".pdf"})
ACCEPTED_SUFFIXES = PICTURE_SUFFIXES | PDF_SUFFIXES
MAX_MB = MAX_ATTACHMENT_BYTES // 2**20

TEXT_LIMITS = N_(
    "Photos, screenshots and PDFs (JPEG, PNG, HEIC, WebP, GIF, TIFF, PDF), up to {mb} MB each."
)
TEXT_WRONG_TYPE = N_("“{name}” was not added: only pictures and PDFs can go into the dossier.")
TEXT_TOO_BIG = N_("“{name}” was not added: it is {size} MB, and files can be up to {mb} MB.")
TEXT_NOT_A_FILE = N_("“{name}” was not added: it is a folder, not a file.")
TEXT_FILTER = N_("Pictures and PDFs ({patterns})")


def limits_text() -> str:
    return tr(TEXT_LIMITS).format(mb=MAX_MB)


def file_dialog_filter() -> str:
    patterns = " ".join(f"*{suffix}" for suffix in sorted(ACCEPTED_SUFFIXES))
    return tr(TEXT_FILTER).format(patterns=patterns)


def local_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def refusal(path: Path) -> str:
    """Why this file cannot be added, or "" when it can."""
    if path.is_dir():
        return tr(TEXT_NOT_A_FILE).format(name=path.name)
    if path.suffix.lower() not in ACCEPTED_SUFFIXES:
        return tr(TEXT_WRONG_TYPE).format(name=path.name)
    try:
        size = path.stat().st_size
    except OSError:
        return ""  # the store says why it cannot read it
    if size > MAX_ATTACHMENT_BYTES:
        return tr(TEXT_TOO_BIG).format(name=path.name, size=round(size / 2**20), mb=MAX_MB)
    return ""


def default_role(path: Path) -> AttachmentRole:
    return AttachmentRole.RECEIPT if path.suffix.lower() in PDF_SUFFIXES else AttachmentRole.PHOTO


def suffix_of(att: Attachment) -> str:
    for name in (att.file_name, att.stored_name):
        suffix = Path(name).suffix.lower()
        if suffix:
            return suffix
    return ""


def is_picture(att: Attachment) -> bool:
    return att.media_type.startswith("image/") or suffix_of(att) in PICTURE_SUFFIXES


def is_pdf(att: Attachment) -> bool:
    return att.media_type == "application/pdf" or suffix_of(att) in PDF_SUFFIXES
