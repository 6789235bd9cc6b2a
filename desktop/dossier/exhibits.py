"""Exhibits: the case's receipts and photos, numbered, checked and made printable.

`plan_exhibits` looks at every attached file before layout: a picture gets
its print rendition (renditions.py, several decoded at once), a PDF receipt
its clean copy (receipts_pdf.py). A file that is missing, empty, broken,
encrypted, too large or of a kind the dossier cannot print gets the reason
instead, and its exhibit becomes a page that says so: the dossier is always
built. In the redacted variant receipts (pictures or PDFs) and any other PDF
are left out, unless the caller asks for them: they usually show the order
number and the buyer's address, which no masking reaches.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from desktop.dossier import receipts_pdf, renditions
from desktop.model import Attachment, AttachmentRole

PICTURE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
)


@dataclass(frozen=True)
class Picture:
    source: Path | bytes  # a cached rendition file, or the JPEG itself
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class Exhibit:
    number: int
    attachment: Attachment
    picture: Picture | None = None
    pdf: receipts_pdf.ReceiptPdf | None = None
    problem: str = ""  # a key of DossierStrings.problems; "" when the file prints
    problem_values: dict[str, object] = field(default_factory=dict)
    file_size: int = 0
    pdf_file: bool = False  # the file is (or says it is) a PDF

    @property
    def pages(self) -> int:
        return len(self.pdf.sizes) if self.pdf is not None else 1

    @property
    def left_out(self) -> bool:
        return self.problem == "left_out_redacted"

    @property
    def is_pdf(self) -> bool:
        return self.pdf is not None or self.pdf_file


def file_label(attachment: Attachment) -> str:
    return attachment.file_name or attachment.stored_name


def declared_picture(attachment: Attachment) -> bool:
    if attachment.media_type.lower().startswith("image/"):
        return True
    return suffix(attachment) in PICTURE_SUFFIXES


def declared_pdf(attachment: Attachment) -> bool:
    return attachment.media_type.lower() == "application/pdf" or suffix(attachment) == ".pdf"


def suffix(attachment: Attachment) -> str:
    for name in (attachment.file_name, attachment.stored_name):
        found = PurePath(name.replace("\\", "/")).suffix.lower() if name else ""
        if found:
            return found
    return ""


def attachment_path(attachments_dir: Path | None, attachment: Attachment) -> Path | None:
    """Where the attachment's file is; None when missing or outside the folder."""
    name = attachment.stored_name
    if attachments_dir is None:
        return None
    if not name or PurePath(name).is_absolute() or ".." in PurePath(name).parts or "\x00" in name:
        return None
    path = attachments_dir / name
    try:
        path.resolve().relative_to(attachments_dir.resolve())
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def plan_exhibits(
    attachments: Sequence[Attachment],
    attachments_dir: Path | None,
    *,
    renditions_dir: Path | None = None,
    redacted: bool = False,
    include_receipts_in_redacted: bool = False,
    cancelled: Callable[[], bool] | None = None,
    done: Callable[[], None] | None = None,
) -> list[Exhibit]:
    """Every attachment as a numbered exhibit, its file checked and made printable
    (without a folder, every file is reported missing).

    Files are handled in parallel (a thread per core: decoders release the GIL);
    `done` is called once per exhibit, from whichever thread finished it.
    """

    def one(item: tuple[int, Attachment]) -> Exhibit:
        number, attachment = item
        if cancelled is not None and cancelled():
            return Exhibit(number, attachment, problem="missing")
        exhibit = _plan_one(
            number,
            attachment,
            attachments_dir,
            renditions_dir,
            leave_out=redacted and not include_receipts_in_redacted,
        )
        if done is not None:
            done()
        return exhibit

    items = list(enumerate(attachments, start=1))
    workers = min(len(items), os.cpu_count() or 1, 4)
    if workers <= 1:
        return [one(item) for item in items]
    # The slowest files first (a HEIC photo takes several JPEGs' time), so that the
    # last one to finish does not start when the others are done.
    order = sorted(items, key=lambda item: _expected_cost(item[1]), reverse=True)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="exhibit") as pool:
        done_by_number = {exhibit.number: exhibit for exhibit in pool.map(one, order)}
    return [done_by_number[number] for number, _ in items]


def _expected_cost(attachment: Attachment) -> tuple[bool, int]:
    kind = attachment.media_type.lower()
    heif = suffix(attachment) in (".heic", ".heif") or "heic" in kind or "heif" in kind
    return heif, attachment.size or 0


def _plan_one(
    number: int,
    attachment: Attachment,
    folder: Path | None,
    renditions_dir: Path | None,
    *,
    leave_out: bool,
) -> Exhibit:
    path = attachment_path(folder, attachment)
    if path is None:
        return Exhibit(number, attachment, problem="missing")
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return Exhibit(number, attachment, problem="missing")
    if size == 0:
        return Exhibit(number, attachment, problem="empty")
    is_pdf = receipts_pdf.looks_like_pdf(head) or declared_pdf(attachment)
    if leave_out and (is_pdf or attachment.role == AttachmentRole.RECEIPT):
        return Exhibit(
            number, attachment, problem="left_out_redacted", file_size=size, pdf_file=is_pdf
        )
    if is_pdf:
        try:
            pdf = receipts_pdf.open_receipt(path)
        except receipts_pdf.ReceiptProblem as problem:
            return Exhibit(
                number,
                attachment,
                problem=problem.reason,
                problem_values=dict(problem.values),
                file_size=size,
                pdf_file=True,
            )
        return Exhibit(number, attachment, pdf=pdf, file_size=size, pdf_file=True)
    return _picture(number, attachment, path, size, renditions_dir)


def _picture(
    number: int, attachment: Attachment, path: Path, size: int, renditions_dir: Path | None
) -> Exhibit:
    try:
        if renditions_dir is not None:
            try:
                cached = renditions.prepare_rendition(
                    path, renditions_dir, key=attachment.sha256 or None
                )
                try:
                    width, height = renditions.read_size(cached)
                except OSError:  # a damaged cache file: drop it, make the picture anew
                    cached.unlink(missing_ok=True)
                    raise
                return Exhibit(number, attachment, Picture(cached, width, height), file_size=size)
            except OSError:
                pass  # the cache cannot be written or read back: make it in memory
        made = renditions.make_rendition(path)
        picture = Picture(made.data, made.width, made.height)
        return Exhibit(number, attachment, picture, file_size=size)
    except renditions.RenditionError as problem:
        reason = problem.reason
        if reason == "unreadable_image" and not declared_picture(attachment):
            return Exhibit(
                number,
                attachment,
                problem="unsupported",
                problem_values={"suffix": suffix(attachment) or "?"},
                file_size=size,
            )
        return Exhibit(number, attachment, problem=reason, file_size=size)
