"""The redacted variant holds no unmasked identifier anywhere in the file: page text,
metadata, outline, raw and decompressed streams, attached PDFs."""

from __future__ import annotations

import re
import zlib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from desktop.dossier import render_dossier
from desktop.dossier.redact import Scrubber, city_line, mask, mask_email, redacted_case
from desktop.model import Attachment, AttachmentRole, Charge, ContactEntry, Repair
from tests.test_dossier import make_case
from tests.test_dossier_structure import receipt_pdf

SERIAL = "H7XQ2LM9VR"
IMEI = "356789104523418"
IMEI2 = "356789104598956"
EID = "89049032004008882600012345678901"
ORDER = "EB-2025-0091734"
CHARGE_ORDER = "MT5F9QXK2R"
PHONE = "+49 30 5550 1234"
APPLE_ID = "jane.roe@example.com"
EMAIL = "jane.private@example.org"
STREET = "Beispielstraße 12"
ADDRESS = f"{STREET}\n10115 Berlin\nGermany"
CS_CODE = "CS417982356"
ADVISOR_ID = "AX84711Q"
SECRETS = [
    *(SERIAL, IMEI, IMEI2, EID, ORDER, CHARGE_ORDER, PHONE, APPLE_ID, EMAIL, STREET),
    *(CS_CODE, ADVISOR_ID),
]


def secret_case(folder: Path) -> object:
    from PIL import Image

    folder.mkdir()
    receipt_pdf(folder / "r.pdf", 1, marker=f"ORDER {ORDER}")
    Image.new("RGB", (300, 200), (10, 20, 30)).save(folder / "p.jpg", format="JPEG")
    case = make_case(title=f"iPhone {SERIAL} broken")
    case.device.serial = SERIAL
    case.device.imei = IMEI
    case.device.imei2 = IMEI2
    case.device.eid = EID
    case.apple_id = APPLE_ID
    case.owner.email = EMAIL
    case.owner.phone = PHONE
    case.owner.postal_address = ADDRESS
    case.owner.country = "DE"
    case.purchase.order_number = ORDER
    case.charges = [
        Charge(date(2026, 1, 2), CHARGE_ORDER, Decimal("9.99"), "EUR", "Game", f"Refused {SERIAL}")
    ]
    case.repairs = [Repair(date(2025, 12, 1), "Store", f"Screen; IMEI {IMEI} checked")]
    case.contacts.append(
        ContactEntry(
            at=datetime(2026, 2, 20, 10, 0, tzinfo=timezone(timedelta(hours=1))),
            who=f"Advisor who read {APPLE_ID}",
            notes=(
                f"Serial read out as H7XQ 2LM9-VR, IMEI {IMEI2[:5]} {IMEI2[5:]}, order {ORDER}, "
                f"EID {EID}, call back on 030 5550 1234 or {PHONE}; mail {EMAIL}; "
                f"address {STREET}, charge {CHARGE_ORDER.lower()}"
            ),
            next_step=f"Send the receipt for {ORDER}",
            advisor_id=ADVISOR_ID,
            cs_code=CS_CODE,
            cs_amount=Decimal("150"),
            cs_currency="EUR",
            duration_seconds=23 * 60 + 10,
        )
    )
    case.symptoms.description = f"Since the repair of {SERIAL} it fails."
    case.purchase.receipts = [
        Attachment(f"receipt {ORDER}.pdf", "r.pdf", AttachmentRole.RECEIPT, "application/pdf")
    ]
    case.symptoms.photos = [
        Attachment(f"serial {SERIAL}.jpg", "p.jpg", AttachmentRole.PHOTO, "image/jpeg")
    ]
    return case


def everything_in(path: Path) -> str:
    """All text a reader or a tool could get out of the file, in one string: what
    pypdf extracts (pages, metadata, outline), then every stream, raw and inflated."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [f"{key}={value}" for key, value in (reader.metadata or {}).items()]

    def outline(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                outline(item)
            else:
                parts.append(str(getattr(item, "title", "")))

    outline(reader.outline)
    parts.append(RAW_FROM_HERE)
    raw = path.read_bytes()
    blobs = [raw]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.DOTALL):
        try:
            blobs.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for blob in blobs:
        parts.append(blob.decode("latin-1"))
        for start in (0, 1):  # UTF-16 strings (metadata, outline) at either alignment
            parts.append(blob[start:].decode("utf-16-be", errors="ignore"))
    return "\n".join(parts)


RAW_FROM_HERE = "\n=== raw streams ===\n"


def leaks(text: str) -> list[str]:
    """The secrets found in `text`, as written or with their separators dropped (the
    latter only in extracted text: drawing operators are full of digits)."""
    readable = text.split(RAW_FROM_HERE)[0]
    squeezed = re.sub(r"[\W_]+", "", readable).casefold()
    found = []
    for secret in SECRETS:
        plain = re.sub(r"[\W_]+", "", secret).casefold()
        if secret.casefold() in text.casefold() or plain in squeezed:
            found.append(secret)
    for national in ("3055501234", "10115"):
        if national in squeezed:
            found.append(national)
    return found


def test_full_variant_has_them_redacted_has_none(tmp_path: Path) -> None:
    case = secret_case(tmp_path / "files")
    full = tmp_path / "full.pdf"
    render_dossier(case, full, attachments_dir=tmp_path / "files", prepared_on=date(2026, 3, 4))
    assert set(leaks(everything_in(full))) == set(SECRETS) | {"3055501234", "10115"}
    # The contact's row says who, by ID, what credit was issued and how long it took.
    page_text = " ".join(everything_in(full).split(RAW_FROM_HERE)[0].split())
    for shown in (f"Advisor ID {ADVISOR_ID}", f"CS code {CS_CODE} (150,00 €)", "23 min"):
        assert shown in page_text, shown

    out = tmp_path / "redacted.pdf"
    render_dossier(
        case, out, attachments_dir=tmp_path / "files", prepared_on=date(2026, 3, 4), redacted=True
    )
    everything = everything_in(out)
    assert leaks(everything) == []
    # What is shown instead: the last characters, the Apple ID's first letter and domain.
    for shown in ("••••••M9VR", "•••••••••••3418", "j***@example.com", "Berlin, Germany"):
        assert shown in everything, shown
    assert "Redacted copy" in everything
    # The PDF receipt is left out, and the index says why.
    assert "Left out of the redacted copy" in everything
    assert "Receipts and PDF files are left out of this redacted copy" in everything
    assert "ORDER-PAGE" not in everything


def test_receipts_included_on_request(tmp_path: Path) -> None:
    case = secret_case(tmp_path / "files")
    out = tmp_path / "redacted.pdf"
    render_dossier(
        case,
        out,
        attachments_dir=tmp_path / "files",
        prepared_on=date(2026, 3, 4),
        redacted=True,
        include_receipts_in_redacted=True,
    )
    everything = everything_in(out)
    # The user chose to include the receipt: its own text (with the order number) is there,
    # while everything the dossier itself prints stays masked.
    assert "ORDER-PAGE-1" in everything.replace(" ", "-") or "ORDER EB-2025" in everything
    assert SERIAL not in everything and APPLE_ID not in everything


def test_masking_rules() -> None:
    assert mask(SERIAL) == "••••••M9VR"
    assert mask("EB-2025-0091734") == "••-••••-•••1734"
    assert mask("12345678") == "••••5678"
    assert mask("ABC") == "••C"  # short: only half shows
    assert mask("") == ""
    assert mask_email("jane@example.com") == "j***@example.com"
    assert mask_email("+49 30 1234567") == "+•• •• •••4567"
    assert city_line(ADDRESS) == "Berlin, Germany"
    assert city_line("1 Infinite Loop\nCupertino, CA 95014") == "Cupertino, CA"
    assert city_line("Just one line") == ""


def test_scrubber_finds_spaced_and_national_forms() -> None:
    scrub = Scrubber(identifiers=[SERIAL], phones=[PHONE], emails=[APPLE_ID], lines=[STREET])
    text = scrub("h7xq-2lm9 vr; 030 5550 1234; JANE.ROE@EXAMPLE.COM; beispielstraße  12; ok")
    assert leaks(text) == [] and text.endswith("; ok")
    # Short values only match as words of their own.
    short = Scrubber(identifiers=["AB12"])
    assert short("AB12 and XAB12Y") == "••12 and XAB12Y"


def test_redacted_case_leaves_the_original_alone(tmp_path: Path) -> None:
    case = secret_case(tmp_path / "files")
    copy = redacted_case(case)  # type: ignore[arg-type]
    assert case.device.serial == SERIAL and copy.device.serial == "••••••M9VR"  # type: ignore[attr-defined]
    assert copy.symptoms.photos[0].stored_name == "p.jpg"
    assert copy.symptoms.photos[0].file_name == "serial ••••••M9VR.jpg"
    assert copy.repair_programs == case.repair_programs  # type: ignore[attr-defined]


def test_receipt_pictures_left_out_photos_kept(tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("receipt.jpg", "photo.jpg"):
        Image.new("RGB", (300, 200), (90, 90, 90)).save(folder / name, format="JPEG")
    case = make_case()
    case.purchase.receipts = [
        Attachment("receipt.jpg", "receipt.jpg", AttachmentRole.RECEIPT, "image/jpeg")
    ]
    case.symptoms.photos = [Attachment("photo.jpg", "photo.jpg", AttachmentRole.PHOTO)]
    out = tmp_path / "r.pdf"
    render_dossier(case, out, attachments_dir=folder, prepared_on=date(2026, 3, 4), redacted=True)
    index = next(
        p.extract_text() for p in PdfReader(out).pages if "Exhibits index" in p.extract_text()
    )
    assert "Receipt (picture)" in index and "Left out of the redacted copy" in index
    assert sum(len(page.images) for page in PdfReader(out).pages) == 1  # the photo only
    render_dossier(
        case,
        out,
        attachments_dir=folder,
        prepared_on=date(2026, 3, 4),
        redacted=True,
        include_receipts_in_redacted=True,
    )
    assert sum(len(page.images) for page in PdfReader(out).pages) == 2
