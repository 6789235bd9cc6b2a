"""Exhibits: pictures made printable (upright, print-sized, HEIC too), the rendition
cache, and adversarial files that must each become a page saying what is wrong."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest

from desktop.dossier import RenditionError, prepare_rendition, prepare_renditions, render_dossier
from desktop.dossier.renditions import BOX, rendition_path
from desktop.model import Attachment, AttachmentRole
from tests.test_dossier import make_case, pdf_text, squash
from tests.test_dossier_structure import page_texts, receipt_pdf

PREPARED = date(2026, 3, 4)


def jpeg(size: tuple[int, int], colour: tuple[int, int, int], orientation: int = 1) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    Image.new("RGB", size, colour).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


HEIC_320X240 = Path(__file__).parent / "data" / "green-320x240.heic"


def heic() -> bytes:
    """A 320 x 240 green iPhone-style HEIC (pi-heif decodes only, so it is a file)."""
    return HEIC_320X240.read_bytes()


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def encrypted_pdf(source: Path, target: Path, user_password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm="AES-256")
    writer.write(target)


def embedded_images(path: Path) -> list[tuple[int, int]]:
    from pypdf import PdfReader

    sizes = []
    for page in PdfReader(path).pages:
        for image in page.images:
            if image.image is not None:
                sizes.append(image.image.size)
    return sizes


def test_adversarial_files_each_get_a_page(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    receipt_pdf(folder / "good.pdf", 2, marker="GOOD")
    encrypted_pdf(folder / "good.pdf", folder / "locked.pdf", "user-secret")
    encrypted_pdf(folder / "good.pdf", folder / "owner-only.pdf", "")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n%%EOF")
    (folder / "empty.jpg").write_bytes(b"")
    whole = jpeg((800, 600), (200, 100, 50))
    (folder / "half.jpg").write_bytes(whole[: len(whole) // 2])
    (folder / "bomb.png").write_bytes(png_bomb(40_000, 40_000))
    (folder / "note.jpg").write_text("Just some text, renamed to look like a picture.")
    (folder / "report.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "iphone.heic").write_bytes(heic())

    def item(name: str, kind: str, role: AttachmentRole = AttachmentRole.PHOTO) -> Attachment:
        return Attachment(name, name, role, kind)

    case = make_case()
    case.purchase.receipts = [
        item("good.pdf", "application/pdf", AttachmentRole.RECEIPT),
        item("locked.pdf", "application/pdf", AttachmentRole.RECEIPT),
        item("owner-only.pdf", "application/pdf", AttachmentRole.RECEIPT),
        item("broken.pdf", "application/pdf", AttachmentRole.RECEIPT),
    ]
    case.symptoms.photos = [
        item("empty.jpg", "image/jpeg"),
        item("half.jpg", "image/jpeg"),
        item("bomb.png", "image/png"),
        item("note.jpg", "image/jpeg"),
        item("report.docx", "application/octet-stream"),
        item("iphone.heic", "image/heic"),
        item("gone.jpg", "image/jpeg"),
    ]
    out = tmp_path / "dossier.pdf"
    pages = render_dossier(case, out, attachments_dir=folder, prepared_on=PREPARED)
    texts = page_texts(out)
    assert pages == len(texts)

    def exhibit_page(number: int) -> str:
        return next(text for text in texts if f"Exhibit {number}, page 1 of" in text)

    expected = {
        2: "The PDF is protected with a password",
        4: "The PDF is damaged",
        5: "The file is empty",
        6: "The picture is damaged",
        7: "too large to include safely",
        8: "The picture is damaged",
        9: "Files of this kind (.docx) cannot be printed",
        11: "The file is missing",
    }
    for number, reason in expected.items():
        page = exhibit_page(number)
        assert squash(reason) in squash(page), (number, page)
        assert "This file could not be included" in page
    # The good PDF and the one locked by an owner password only are appended.
    assert any("GOOD-PAGE-2" in text and "Exhibit 1, page 2 of 2" in text for text in texts)
    assert any("GOOD-PAGE-1" in text and "Exhibit 3, page 1 of 2" in text for text in texts)
    # The HEIC photo is printed.
    heic_page = texts.index(exhibit_page(10))
    from pypdf import PdfReader

    assert PdfReader(out).pages[heic_page].images
    # The index names every file and says what became of it.
    index = squash(next(text for text in texts if "Exhibits index" in text))
    for number, reason in expected.items():
        assert squash(reason)[:20] in index, number


def test_photo_upright_and_print_sized(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    # 12 MP, stored sideways: EXIF says turn it by 90 degrees.
    (folder / "p").write_bytes(jpeg((4032, 3024), (120, 140, 160), orientation=6))
    case = make_case()
    case.symptoms.photos = [Attachment("back.jpg", "p", AttachmentRole.PHOTO, "image/jpeg")]
    out = tmp_path / "d.pdf"
    render_dossier(case, out, attachments_dir=folder, prepared_on=PREPARED)
    (width, height), *_ = embedded_images(out)
    assert height > width  # upright
    assert max(width, height) <= max(BOX)  # about 200 dpi at its printed size
    assert out.stat().st_size < 400_000


def test_rendition_cache_is_made_once_reused_and_rebuilt(tmp_path: Path) -> None:
    from PIL import Image

    folder, cache = tmp_path / "files", tmp_path / "renditions"
    folder.mkdir()
    source = folder / "p"
    source.write_bytes(jpeg((3000, 2000), (200, 30, 30)))
    digest = "ab" * 32
    made = prepare_rendition(source, cache, key=digest)
    assert made == rendition_path(cache, digest) and made.is_file()
    stamp = made.stat().st_mtime_ns
    assert prepare_rendition(source, cache, key=digest) == made
    assert made.stat().st_mtime_ns == stamp  # not made again
    with Image.open(made) as picture:
        assert max(picture.size) <= max(BOX)
    # Without a key the file's SHA-256 names the rendition.
    import hashlib

    unkeyed = prepare_rendition(source, cache)
    assert unkeyed.name.startswith(hashlib.sha256(source.read_bytes()).hexdigest())

    # The renderer prints the cached rendition (here swapped for a blue one)...
    Image.new("RGB", (300, 200), (0, 0, 255)).save(made, format="JPEG")
    case = make_case()
    case.symptoms.photos = [
        Attachment("p.jpg", "p", AttachmentRole.PHOTO, "image/jpeg", sha256=digest)
    ]
    out = tmp_path / "d.pdf"
    render_dossier(case, out, attachments_dir=folder, renditions_dir=cache, prepared_on=PREPARED)
    assert embedded_images(out) == [(300, 200)]
    # ...and makes it again when it is missing.
    made.unlink()
    render_dossier(case, out, attachments_dir=folder, renditions_dir=cache, prepared_on=PREPARED)
    assert made.is_file()
    assert embedded_images(out) == [(1400, 933)]


def test_prepare_renditions_in_parallel(tmp_path: Path) -> None:
    files = []
    for index in range(4):
        path = tmp_path / f"p{index}"
        path.write_bytes(jpeg((1600, 1200), (index * 50, 80, 90)))
        files.append((path, None))
    bad = tmp_path / "bad"
    bad.write_text("no picture")
    results = prepare_renditions([*files, (bad, None)], tmp_path / "cache", workers=2)
    assert all(isinstance(result, Path) and result.is_file() for result in results[:4])
    assert isinstance(results[4], RenditionError) and results[4].reason == "unreadable_image"
    # Without a cache folder, renditions are returned in memory.
    in_memory = prepare_renditions(files[:2])
    assert all(not isinstance(result, (Path, RenditionError)) for result in in_memory)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_too_many_pixels_refused_before_decoding(tmp_path: Path) -> None:
    from desktop.dossier.renditions import make_rendition

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_bomb(9_000, 9_000))  # 81 MP: over the limit, not a "bomb" for Pillow
    with pytest.raises(RenditionError) as caught:
        make_rendition(bomb)
    assert caught.value.reason == "too_large"


def test_small_transparent_picture(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "files"
    folder.mkdir()
    Image.new("RGBA", (40, 30), (255, 0, 0, 100)).save(folder / "s.png", format="PNG")
    case = make_case()
    case.symptoms.photos = [Attachment("tiny.png", "s.png", AttachmentRole.PHOTO, "image/png")]
    out = tmp_path / "d.pdf"
    render_dossier(case, out, attachments_dir=folder, prepared_on=PREPARED)
    assert "Exhibit 1: tiny.png" in pdf_text(out)
    assert embedded_images(out) == [(40, 30)]  # laid on white, never blown up in pixels


def test_progress_in_order_while_files_are_prepared_in_parallel(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    case = make_case()
    for index in range(5):
        (folder / f"p{index}").write_bytes(jpeg((1200, 900), (index * 40, 90, 120)))
        case.symptoms.photos.append(
            Attachment(f"p{index}.jpg", f"p{index}", AttachmentRole.PHOTO, "image/jpeg")
        )
    seen: list[tuple[int, int]] = []
    render_dossier(
        case,
        tmp_path / "d.pdf",
        attachments_dir=folder,
        prepared_on=PREPARED,
        progress=lambda step, total: seen.append((step, total)),
    )
    steps = [step for step, _ in seen]
    assert steps == sorted(steps) and steps == list(range(1, len(steps) + 1))
    assert seen[-1][0] == seen[-1][1] == 5 + 5
