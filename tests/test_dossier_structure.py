"""The production dossier read back: sections in order, outline, links, stamps,
page numbers that count appended PDF pages, metadata, call sheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.dossier import render_dossier
from desktop.model import Attachment, AttachmentRole, Case, PlanKind, Repair
from desktop.sample import sample_case
from tests.test_dossier import PREPARED, font_rows, make_case, pdf_text, squash

Render = Callable[..., tuple[Path, int]]


@pytest.fixture
def render(tmp_path: Path) -> Render:
    def run(case: Case, name: str = "dossier.pdf", **kwargs: Any) -> tuple[Path, int]:
        out = tmp_path / name
        kwargs.setdefault("prepared_on", date(2026, 11, 22))
        return out, render_dossier(case, out, **kwargs)

    return run


def receipt_pdf(path: Path, pages: int, *, marker: str = "RECEIPT", rotate: int = 0) -> None:
    """A receipt PDF whose text is embedded in a TrueType font (as pdffonts wants)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from desktop.dossier.fonts import kurinto_dir

    pdfmetrics.registerFont(TTFont("ReceiptFont", str(kurinto_dir() / "KurintoSans-Rg.ttf")))
    canvas = Canvas(str(path), pagesize=A5, initialFontName="ReceiptFont", invariant=1)
    for page in range(1, pages + 1):
        canvas.setFont("ReceiptFont", 14)
        canvas.drawString(40, 300, f"{marker}-PAGE-{page}")
        if rotate:
            canvas.setPageRotation(rotate)
        canvas.showPage()
    canvas.save()


def outline_titles(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every outline entry, in order."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, str(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_sections_in_reading_order_with_outline(render: Render) -> None:
    out, pages = render(sample_case())
    flat = squash(pdf_text(out))
    order = [
        "Servicecasedossier",
        "Thestrongestargument",
        "Whatisaskedfor",
        "Eachlayerofcover",
        "Deviceandidentifiers",
        "Purchase",
        "Symptoms",
        "Contactswithsupport",
        "Callsheet",
        "Exhibitsindex",
    ]
    positions = [flat.index(word) for word in order]
    assert positions == sorted(positions), order
    titles = [(level, title) for level, title, _ in outline_titles(out)]
    assert titles == [
        (0, "Cover"),
        (0, "Summary"),
        (0, "Coverage"),
        (0, "Device and identifiers"),
        (0, "Purchase"),
        (0, "Symptoms"),
        (0, "Contacts with support"),
        (0, "Call sheet"),
        (0, "Exhibits index"),
    ]
    first_pages = [page for _, _, page in outline_titles(out)]
    assert first_pages == sorted(first_pages) and first_pages[0] == 0 and first_pages[-1] < pages


def test_summary_coverage_and_call_sheet(render: Render) -> None:
    case = sample_case()
    case.applecare.kind = PlanKind.APPLECARE_PLUS
    case.applecare.start = date(2025, 9, 20)
    case.repairs.append(Repair(date(2026, 1, 5), "Apple Store Berlin", "Battery replaced"))
    out, _ = render(case)
    texts = page_texts(out)
    flat = squash("".join(texts))
    # Summary: contacts counted by tier, with outcomes.
    assert squash("3 contacts between 3 October 2026 and 9 October 2026.") in flat
    assert "1refused" in flat and "1partlyresolved" in flat and "1pending" in flat
    # Coverage table: each layer with its dates and status; uncertain ones flagged.
    assert "EUlegalguarantee" in flat and "AppleCare+" in flat
    assert squash("Active, 302 days left") in flat
    assert "*notverified" in flat and squash("Figures marked “not verified”") in flat
    # Earlier repairs of a hardware case.
    assert "Earlierrepairs" in flat and "Batteryreplaced" in flat
    # The call sheet is one page, and holds what the next call needs.
    sheets = [text for text in texts if "Call sheet" in text and "Talking points" in text]
    assert len(sheets) == 1
    sheet = squash(sheets[0])
    for needle in (
        "Senioradvisor",  # the coach's recommended tier
        "08006645451",  # Apple Support Germany, from the directory
        "102938475610",  # the case number
        "Bewareofscams",
        "Neverargue",
        "Duringthecall,writedown",
    ):
        assert needle in sheet, needle


def test_call_sheet_hours_in_owner_time(render: Render) -> None:
    case = sample_case()
    case.owner.country = "CN"
    case.purchase.country = "CN"
    case.owner.time_zone = "Europe/Berlin"
    out, _ = render(case)
    sheet = next(text for text in page_texts(out) if "Talking points" in text)
    # 9:00-21:00 in Beijing is 2:00-14:00 in Berlin in November (English for China:
    # a 12-hour clock).
    assert "Mon–Fri 2:00 AM–2:00 PM" in sheet and "Europe/Berlin" in sheet, sheet


def test_metadata_and_language(render: Render) -> None:
    from pypdf import PdfReader

    case = sample_case()
    case.owner.dossier_language = "de-DE"
    out, _ = render(case)
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == case.title
    assert meta.author == "Lena Vogt"
    assert meta.creator == "Case Dossier"
    # The dossier speaks its own language, the PDF's metadata included.
    assert meta.subject == "Dossier zum Servicefall für iPhone 13 Pro, 256 GB, Sierra Blue"
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"
    assert str(meta.get("/CreationDate", "")).startswith("D:20261122")

    case.owner.dossier_language = "<bad>"
    out, _ = render(case, "bad-lang.pdf")
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "en"


def test_appended_pages_are_counted_stamped_and_linked(render: Render, tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    folder = tmp_path / "files"
    folder.mkdir()
    receipt_pdf(folder / "r1", 3, marker="ALPHA")
    receipt_pdf(folder / "r2", 1, marker="TURNED", rotate=90)
    Image.new("RGB", (800, 600), (90, 120, 150)).save(folder / "p1", format="JPEG")
    case = make_case()
    case.purchase.receipts = [
        Attachment("invoice.pdf", "r1", AttachmentRole.RECEIPT, "application/pdf"),
        Attachment("turned.pdf", "r2", AttachmentRole.RECEIPT, "application/pdf"),
    ]
    case.symptoms.photos = [Attachment("back.jpg", "p1", AttachmentRole.PHOTO, "image/jpeg")]
    out, pages = render(case, attachments_dir=folder)
    reader = PdfReader(out)
    assert pages == len(reader.pages)
    texts = page_texts(out)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text, number
    # Each receipt page sits on its own dossier page, under its stamp.
    for page in (1, 2, 3):
        hit = [text for text in texts if f"ALPHA-PAGE-{page}" in text]
        assert len(hit) == 1 and f"Exhibit 1, page {page} of 3" in hit[0]
    turned = next(text for text in texts if "TURNED-PAGE-1" in text)
    assert "Exhibit 2, page 1 of 1" in turned
    photo = next(i for i, text in enumerate(texts) if "Exhibit 3, page 1 of 1" in text)
    assert reader.pages[photo].images
    # Outline: every exhibit under the index, opening on its first page.
    entries = outline_titles(out)
    exhibits = [(title, page) for level, title, page in entries if level == 1]
    assert [title for title, _ in exhibits] == [
        "Exhibit 1: invoice.pdf",
        "Exhibit 2: turned.pdf",
        "Exhibit 3: back.jpg",
    ]
    markers = ("ALPHA-PAGE-1", "TURNED-PAGE-1", "back.jpg")
    for (title, page), marker in zip(exhibits, markers, strict=True):
        assert marker in texts[page], title
    # The index links to each exhibit's page.
    index_page = next(i for i, text in enumerate(texts) if "Exhibits index" in text)
    targets = link_targets(reader, index_page)
    assert targets == [page for _, page in exhibits]
    # The appended receipts keep their embedded font; every font is embedded.
    rows = font_rows(out)
    assert all(row[-5] == "yes" for row in rows), rows


def link_targets(reader: Any, page_index: int) -> list[int]:
    """The page each link annotation on a page opens, in order on the page (top down)."""
    page = reader.pages[page_index]
    found = []
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        dest = annotation.get("/Dest")
        if dest is None and "/A" in annotation:
            dest = annotation["/A"].get_object().get("/D")
        dest = dest.get_object() if hasattr(dest, "get_object") else dest
        if isinstance(dest, str):
            dest = reader.named_destinations[dest]
            found.append((-float(annotation["/Rect"][1]), reader.get_destination_page_number(dest)))
        else:
            target = dest[0].get_object()
            number = next(i for i, p in enumerate(reader.pages) if p.get_object() == target)
            found.append((-float(annotation["/Rect"][1]), number))
    return [number for _, number in sorted(found)]


def test_cover_lists_a_few_case_numbers(render: Render) -> None:
    case = make_case()
    from datetime import datetime, timedelta, timezone

    from desktop.model import ContactEntry

    zone = timezone(timedelta(hours=1))
    case.contacts = [
        ContactEntry(at=datetime(2026, 1, 1 + i, 9, 0, tzinfo=zone), case_number=f"N{i:03d}")
        for i in range(12)
    ]
    out, _ = render(case)
    cover = page_texts(out)[0]
    assert "N011" in cover and "N008" in cover and "N007" not in cover
    assert "and 8 earlier" in cover


def test_empty_and_letter_paper_auto(render: Render) -> None:
    from pypdf import PdfReader

    case = make_case()
    case.owner.country = "US"
    out, _ = render(case, page_size="auto")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    out, pages = render(Case(), "empty.pdf")
    text = pdf_text(out)
    assert "Add the purchase date" in text and "No files are attached" in text
    assert pages >= 4
    _ = PREPARED
