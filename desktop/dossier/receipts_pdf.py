"""PDF receipts: checked and cleaned before layout, drawn onto their pages after it.

Before layout, `open_receipt` reads the file with pypdf (an owner-password
PDF is opened with the empty user password; `pypdf[crypto]` does AES), reads
every page's content once, and writes a clean, unencrypted copy: whatever is
wrong with the file shows up here, as a `ReceiptProblem`, while the dossier
can still say so on the exhibit's page. Layout then reserves one page per
receipt page, with the header, footer and exhibit stamp drawn by reportlab
and an empty slot where the receipt page goes. `draw_receipts` finally puts
each receipt page into its slot as a form XObject (scaled, turned as its
/Rotate says), appending only the changed pages to the PDF (pypdf's
incremental mode), so "Page X of Y" was right from the start and nothing
else is rewritten.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

MAX_PAGES = 100
MAX_FILE_BYTES = 50 * 1024 * 1024

Matrix = tuple[float, float, float, float, float, float]


class ReceiptProblem(Exception):
    """Why a PDF cannot be appended; `reason` is a key of DossierStrings.problems."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class ReceiptPdf:
    data: bytes  # a clean, unencrypted copy written by pypdf
    sizes: tuple[tuple[float, float], ...]  # each page as shown (after /Rotate), points


@dataclass(frozen=True)
class Slot:
    """Where on which page of the dossier a receipt page goes (absolute points)."""

    page_index: int  # 0-based, in the dossier
    exhibit: int
    source_page: int  # 0-based, in the receipt
    rect: tuple[float, float, float, float]  # x, y, width, height


def looks_like_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def open_receipt(path: Path) -> ReceiptPdf:
    try:
        size = path.stat().st_size
    except OSError:
        raise ReceiptProblem("missing") from None
    if size == 0:
        raise ReceiptProblem("empty")
    if size > MAX_FILE_BYTES:
        raise ReceiptProblem("too_large")
    try:
        data = path.read_bytes()
    except OSError:
        raise ReceiptProblem("missing") from None
    if not looks_like_pdf(data):
        raise ReceiptProblem("pdf_damaged")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file's warnings are reported as one problem
    try:
        return _clean_copy(data)
    except ReceiptProblem:
        raise
    except MemoryError:
        raise ReceiptProblem("too_large") from None
    except Exception:  # pypdf raises many kinds for a damaged file
        raise ReceiptProblem("pdf_damaged") from None
    finally:
        quiet.setLevel(level)


def _clean_copy(data: bytes) -> ReceiptPdf:
    from pypdf import PasswordType, PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:
            raise ReceiptProblem("pdf_encrypted") from None
        if opened == PasswordType.NOT_DECRYPTED:
            raise ReceiptProblem("pdf_encrypted")
    count = len(reader.pages)
    if count == 0:
        raise ReceiptProblem("pdf_damaged")
    if count > MAX_PAGES:
        raise ReceiptProblem("pdf_too_many_pages", pages=count, limit=MAX_PAGES)
    writer = PdfWriter()
    sizes = []
    for page in reader.pages:
        added = writer.add_page(page)
        contents = added.get_contents()
        if contents is not None:
            contents.get_data()  # decodes: a broken stream fails here, not after layout
        if "/Annots" in added:
            del added["/Annots"]  # links and form fields of the receipt are not carried over
        box = _box(added)
        width, height = box[2] - box[0], box[3] - box[1]
        if width <= 0 or height <= 0:
            raise ReceiptProblem("pdf_damaged")
        sizes.append((height, width) if _rotation(added) in (90, 270) else (width, height))
    out = io.BytesIO()
    writer.write(out)
    _let_go(writer, reader)
    return ReceiptPdf(out.getvalue(), tuple(sizes))


def _box(page: Any) -> tuple[float, float, float, float]:
    box = page.cropbox
    values = (float(box.left), float(box.bottom), float(box.right), float(box.top))
    left, right = sorted(values[0::2])
    bottom, top = sorted(values[1::2])
    return left, bottom, right, top


def _rotation(page: Any) -> int:
    try:
        turn = int(page.rotation) % 360
    except (TypeError, ValueError):
        return 0
    return turn if turn in (0, 90, 180, 270) else 0


def placement(
    box: tuple[float, float, float, float], rotation: int, rect: tuple[float, float, float, float]
) -> Matrix:
    """The matrix that maps a page's box, turned by `rotation`, centred into `rect`."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    shown_w, shown_h = (height, width) if rotation in (90, 270) else (width, height)
    scale = min(rect[2] / shown_w, rect[3] / shown_h)
    left = rect[0] + (rect[2] - shown_w * scale) / 2
    bottom = rect[1] + (rect[3] - shown_h * scale) / 2
    turn: Matrix = {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, -1, 1, 0, 0, width),
        180: (-1, 0, 0, -1, width, height),
        270: (0, 1, -1, 0, height, 0),
    }[rotation]
    matrix = _multiply((1, 0, 0, 1, -x0, -y0), turn)
    matrix = _multiply(matrix, (scale, 0, 0, scale, 0, 0))
    return _multiply(matrix, (1, 0, 0, 1, left, bottom))


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """`first` followed by `then`, in PDF's row-vector convention."""
    a, b, c, d, e, f = first
    g, h, i, j, k, m = then
    return (
        a * g + b * i,
        a * h + b * j,
        c * g + d * i,
        c * h + d * j,
        e * g + f * i + k,
        e * h + f * j + m,
    )


def draw_receipts(
    base: bytes, slots: Sequence[Slot], receipts: dict[int, ReceiptPdf], out: BinaryIO
) -> None:
    """Write `base` with each slot's receipt page drawn into it (incremental update)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    base_reader = PdfReader(io.BytesIO(base))
    writer = PdfWriter(base_reader, incremental=True)
    readers = {number: PdfReader(io.BytesIO(item.data)) for number, item in receipts.items()}
    for slot in slots:
        source = readers[slot.exhibit].pages[slot.source_page]
        box = _box(source)
        contents = source.get_contents()
        form = DecodedStreamObject()
        form.set_data(contents.get_data() if contents is not None else b"")
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(value) for value in box)
        resources = source.get("/Resources")
        if resources is not None:
            form[NameObject("/Resources")] = resources.get_object().clone(writer)
        form_ref = writer._add_object(form.flate_encode())

        page = writer.pages[slot.page_index]
        name = f"/CaseDossierExhibit{slot.exhibit}p{slot.source_page + 1}"
        own = DictionaryObject()
        old = page.get("/Resources")
        if old is not None:
            own.update(dict(old.get_object().items()))
        xobjects = DictionaryObject()
        if "/XObject" in own:
            xobjects.update(dict(own["/XObject"].get_object().items()))  # type: ignore[union-attr]
        xobjects[NameObject(name)] = form_ref
        own[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = own

        matrix = placement(box, _rotation(source), slot.rect)
        x, y, w, h = slot.rect
        numbers = " ".join(f"{value:.4f}" for value in matrix)
        drawing = DecodedStreamObject()
        drawing.set_data(
            f"q {x:.3f} {y:.3f} {w:.3f} {h:.3f} re W n {numbers} cm {name} Do Q\n".encode()
        )
        drawing_ref = writer._add_object(drawing.flate_encode())
        existing = page.get("/Contents")
        layers = ArrayObject([drawing_ref])
        if existing is not None:
            old_contents = existing.get_object()
            if isinstance(old_contents, ArrayObject):
                layers.extend(old_contents)
            else:
                layers.append(existing)
        # The receipt first: the stamp, header and footer are drawn over it.
        page[NameObject("/Contents")] = layers
    writer.write(out)
    _let_go(writer, base_reader, *readers.values())


def _let_go(writer: Any, *readers: Any) -> None:
    """Free pypdf's objects now: each points back at its document (a cycle), so
    otherwise the cyclic collector frees them later, all at once (render.empty_now)."""
    from desktop.dossier.render import empty_now

    for reader in readers:
        reader.close()  # pypdf's own: drops its caches of parsed objects
    empty_now(writer, *readers)
