"""The sample dossier in each language: its own headings, every font embedded, and
longer German, French and Russian words neither cut nor running into the next block."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.bundle import read_case_file
from desktop.dossier.render import render_dossier

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-case.casedossier"
PREPARED = date(2026, 11, 22)

# A heading of each part, as the reader of that language sees it.
HEADINGS = {
    "en": ["Service case dossier", "Summary", "Coverage", "Call sheet", "Exhibits index"],
    "de": ["Dossier zum Servicefall", "Zusammenfassung", "Abdeckung", "Gesprächsleitfaden"],
    "fr": ["Dossier de réclamation", "Synthèse", "Couverture", "Bordereau des pièces"],
    "zh_CN": ["服务案例档案", "摘要", "保障情况", "通话备忘单", "附件目录"],
    "ru": ["Досье по сервисному обращению", "Сводка", "Памятка для звонка"],
}


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dossiers")
    files = folder / "files"
    files.mkdir()
    rendered = {}
    for language in HEADINGS:
        loaded = read_case_file(SAMPLE)
        for name, content in loaded.attachments.items():
            (files / name).write_bytes(content)
        case = loaded.case
        case.owner.dossier_language = language
        out = folder / f"{language}.pdf"
        render_dossier(case, out, attachments_dir=files, prepared_on=PREPARED)
        rendered[language] = out
    return rendered


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


@pytest.mark.parametrize("language", list(HEADINGS))
def test_sample_dossier_speaks_its_language(dossiers: dict[str, Path], language: str) -> None:
    text = "\n".join(page_texts(dossiers[language]))
    for heading in HEADINGS[language]:
        assert heading in text, (language, heading)
    if language != "en":
        assert "Service case dossier" not in text and "Talking points" not in text


@pytest.mark.parametrize("language", ["zh_CN", "ru"])
def test_every_font_is_embedded(dossiers: dict[str, Path], language: str) -> None:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(dossiers[language]).pages:
        fonts: Any = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font["/BaseFont"]
            keys = set(descriptor.get_object())
            assert keys & {"/FontFile", "/FontFile2", "/FontFile3"}, font["/BaseFont"]
    assert not any("Helvetica" in name for name in names), names  # boxes for Cyrillic/CJK
    if language == "zh_CN":
        assert any("SC" in name for name in names), names  # the Chinese face was used
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", str(dossiers[language])], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing and all(" yes " in line.split("  ", 1)[-1] for line in listing), listing


def test_long_words_are_not_cut(dossiers: dict[str, Path]) -> None:
    german = page_texts(dossiers["de"])
    sheet = next(text for text in german if "Gesprächsleitfaden" in text)
    for word in ("Seriennummer", "Eigentümer", "Fallnummern"):
        assert word in sheet, sheet
    russian = page_texts(dossiers["ru"])
    summary = next(text for text in russian if "Сводка" in text)
    assert "Обращения" in summary, summary  # a narrow column header, whole
    index = next(text for text in russian if "Перечень приложений" in text)
    assert "Приложение" in index, index  # the exhibit links' column


def test_chinese_lines_never_start_with_closing_punctuation() -> None:
    from desktop.dossier import layout
    from desktop.dossier.flowables import Para
    from desktop.dossier.strings import strings_for
    from desktop.dossier.text import markup

    styles = layout.make_styles(word_wrap="CJK")
    text = strings_for("zh_CN").redacted_receipts_note + " Apple Support iPhone 13 Pro。"
    for width in range(60, 400, 7):
        para = Para(markup(text, styles.regular), styles.body)
        para.wrap(width, 10_000)
        for line in para.blPara.lines[1:]:
            words = getattr(line, "words", None)
            first = "".join(getattr(w, "text", "") for w in words) if words else str(line[1][0])
            assert not first.lstrip().startswith(("。", "，", "；", "：", "）")), (width, first)


def test_shrunk_content_is_laid_out_as_drawn() -> None:
    """Tables inside the shrunk call sheet measure their rows at the width they are
    drawn at (reportlab keeps the first widths otherwise and the text overflows)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from desktop.dossier.flowables import FluidTable, ShrinkToFit

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    words = "Rufen Sie den Apple Support unter der Nummer auf diesem Blatt an. " * 12
    tables = [
        FluidTable([[[Paragraph(words, style)], [Paragraph(words, style)]]], colWidths=["50%"] * 2)
        for _ in range(4)
    ]
    frame = ShrinkToFit(400, 300, tables)
    width, height = frame.wrap(400, 300)
    scale = frame._scale
    assert scale > 1 and height <= 300 + 1e-6 and width <= 400 + 1e-6
    for table in tables:
        assert abs(sum(table._colWidths) - 400 * scale) < 0.01
        column = table._colWidths[0] - 12  # reportlab's default cell padding, both sides
        need = sum(p.wrap(column, 1e9)[1] for p in table._cellvalues[0][0])
        assert need <= table._rowHeights[0] + 0.01
