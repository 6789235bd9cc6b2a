"""Write examples/sample-case.casedossier from desktop.sample (fictional data).

Run from the repository root: .venv/bin/python scripts/make_sample.py
The attachments are drawn here so that the sample holds no real document.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

from desktop.bundle import write_case_file
from desktop.model import AttachmentRole, Case
from desktop.sample import BERLIN_WINTER, sample_case
from desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "sample-case.casedossier"
# The installed app opens the sample from its own resources.
PACKAGED = ROOT / "desktop" / "resources" / "examples" / "sample-case.casedossier"


def receipt_image() -> bytes:
    img = Image.new("RGB", (620, 820), "white")
    draw = ImageDraw.Draw(img)
    lines = [
        "ELEKTRO BEISPIEL GMBH",
        "Beispielallee 1, 10115 Berlin",
        "",
        "Rechnung / Invoice   EB-2025-0091734",
        "Datum / Date         20.09.2025",
        "",
        "1 x iPhone 13 Pro 256 GB Sierra Blue",
        "                               1.149,00 EUR",
        "",
        "Summe / Total          1.149,00 EUR",
        "inkl. 19 % MwSt.         183,45 EUR",
        "",
        "SAMPLE - FICTIONAL RECEIPT",
    ]
    for i, line in enumerate(lines):
        draw.text((40, 40 + 34 * i), line, fill="black")
    draw.rectangle((20, 20, 600, 800), outline="gray")
    return _jpeg(img)


def screen_photo() -> bytes:
    img = Image.new("RGB", (480, 800), (30, 30, 30))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((40, 40, 440, 760), radius=40, fill=(60, 190, 90))
    for y in range(60, 760, 24):
        draw.line((40, y, 440, y), fill=(90, 220, 120), width=3)
    draw.text((150, 390), "SAMPLE PHOTO", fill="black")
    return _jpeg(img)


def _jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def build(out: Path = OUT) -> Case:
    case = sample_case()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(folder / "db.sqlite3", folder / "attachments")
        when = datetime(2026, 10, 2, 18, 10, tzinfo=BERLIN_WINTER)
        for name, payload, role, target in (
            (
                "receipt-elektro-beispiel.jpg",
                receipt_image(),
                AttachmentRole.RECEIPT,
                case.purchase.receipts,
            ),
            ("green-screen.jpg", screen_photo(), AttachmentRole.PHOTO, case.symptoms.photos),
        ):
            source = folder / name
            source.write_bytes(payload)
            att = store.import_attachment(source, role)
            # Stable ids so the example file does not change on every run.
            att.id = f"{len(case.attachments()) + 1:032x}"
            new_name = att.id + ".jpg"
            store.attachment_path(att).rename(store.attachments_dir / new_name)
            att.stored_name, att.added_at = new_name, when
            target.append(att)
        store.close()
        # Fictional identifiers, in the clear so that `render` shows them without a passphrase.
        write_case_file(case, store.attachments_dir, out, secrets_in_clear=True)
    return case


if __name__ == "__main__":
    build()
    shutil.copyfile(OUT, PACKAGED)
    print(f"Wrote {OUT.relative_to(ROOT)} and {PACKAGED.relative_to(ROOT)}")
