"""The PDF dossier, read back for real: text, fonts, pages, escaping, failure modes."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.dossier import RenderCancelled, render_dossier
from desktop.model import (
    Attachment,
    AttachmentRole,
    Case,
    Channel,
    ContactEntry,
    Device,
    DeviceKind,
    Outcome,
    Owner,
    Purchase,
    Symptoms,
    Tier,
)

PREPARED = date(2026, 3, 4)
CET = timezone(timedelta(hours=1))
JST = timezone(timedelta(hours=9))


def make_case(**overrides: object) -> Case:
    case = Case(
        title="Battery drains overnight",
        device=Device(
            kind=DeviceKind.IPHONE,
            model_name="iPhone 15 Pro",
            serial="F2LXK1ABCD12",
            imei="356789012345678",
        ),
        apple_id="owner@example.com",
        owner=Owner(name="Alex Example"),
        purchase=Purchase(
            date=date(2024, 10, 3),
            seller="Example Electronics",
            country="DE",
            price=Decimal("1329.00"),
            currency="EUR",
        ),
        symptoms=Symptoms(
            description="The battery drains from full to empty overnight while idle.",
            first_noticed=date(2026, 1, 12),
        ),
        contacts=[
            # Entered out of order: the dossier must print them in time order.
            ContactEntry(
                at=datetime(2026, 2, 10, 16, 0, tzinfo=JST),
                channel=Channel.STORE_VISIT,
                tier=Tier.APPLE_STORE,
                case_number="CASE-SECOND-222",
                outcome=Outcome.REFUSED,
                notes="Genius Bar refused the repair: SECONDNOTE.",
            ),
            ContactEntry(
                at=datetime(2026, 2, 1, 9, 15, tzinfo=CET),
                channel=Channel.PHONE,
                tier=Tier.APPLECARE,
                who="Anna",
                case_number="CASE-FIRST-111",
                outcome=Outcome.PENDING,
                notes="Ran remote diagnostics: FIRSTNOTE.",
                next_step="Call back",
                next_step_due=date(2026, 2, 5),
            ),
        ],
    )
    for name, value in overrides.items():
        setattr(case, name, value)
    return case


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def squash(text: str) -> str:
    """Text without whitespace, so that line wrapping does not matter."""
    return re.sub(r"\s+", "", text)


def font_rows(path: Path) -> list[list[str]]:
    """`pdffonts` rows split into columns (name, type..., emb, sub, uni, id, gen)."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture
def render(tmp_path: Path) -> Callable[..., tuple[Path, int]]:
    def run(case: Case, name: str = "dossier.pdf", **kwargs: object) -> tuple[Path, int]:
        out = tmp_path / name
        kwargs.setdefault("prepared_on", PREPARED)
        pages = render_dossier(case, out, **kwargs)  # type: ignore[arg-type]
        return out, pages

    return run


def test_text_content_and_order(render: Callable[..., tuple[Path, int]]) -> None:
    out, pages = render(make_case())
    text = pdf_text(out)
    flat = squash(text)
    for needle in (
        "Service case dossier",
        "Battery drains overnight",
        "iPhone 15 Pro",
        "F2LXK1ABCD12",
        "356789012345678",
        "owner@example.com",
        "Alex Example",
        "Example Electronics",
        "1.329,00 €",
        "4 March 2026",
        "an independent tool not affiliated with",
    ):
        assert squash(needle) in flat, needle
    assert squash("The battery drains from full to empty overnight while idle.") in flat
    # Cover first, then the timeline in time order (not entry order).
    cover = flat.index("Servicecasedossier")
    first = flat.index("CASE-FIRST-111")
    second = flat.index("CASE-SECOND-222")
    assert cover < first < second
    assert flat.index("FIRSTNOTE") < flat.index("SECONDNOTE")
    # Each entry's own UTC offset.
    assert "UTC+01:00" in flat and "UTC+09:00" in flat
    assert pages == pdf_pages(out)
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text


def test_metadata_and_page_size(render: Callable[..., tuple[Path, int]]) -> None:
    from pypdf import PdfReader

    out, _ = render(make_case(), page_size="Letter")
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Battery drains overnight"
    assert meta.author == "Alex Example"
    assert meta.creator == "Case Dossier"
    assert "iPhone 15 Pro" in (meta.subject or "")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)

    a4, _ = render(make_case(), "a4.pdf")
    box = PdfReader(a4).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    with pytest.raises(ValueError):
        render(make_case(), "bad.pdf", page_size="A5")


def test_every_font_embedded(render: Callable[..., tuple[Path, int]]) -> None:
    out, _ = render(make_case(title="张伟 Иван"))
    rows = font_rows(out)
    assert rows
    for row in rows:
        emb = row[-5]
        assert emb == "yes", row
        assert row[0].split("+")[-1] != "Helvetica", row


MIXED = ["Иван Петров", "张伟 / 張偉", "ひらがな", "Ελληνικά", "محمد", "😀🚗🤔"]


def test_mixed_scripts_round_trip(render: Callable[..., tuple[Path, int]]) -> None:

    case = make_case(title="Ελληνικά 张伟", owner=Owner(name="Иван Петров"))
    case.symptoms.description = "\n".join(MIXED)
    out, _ = render(case)
    flat = squash(pdf_text(out))
    for sample in MIXED:
        if sample == "محمد":
            # Drawn in visual order with joined letters (presentation forms); read
            # back and normalised it is the name (extractors differ on the order).
            readable = unicodedata.normalize("NFKC", flat)
            assert sample in readable or sample[::-1] in readable, sample
            assert "\ufee3" in flat  # the initial form of meem: the letters are joined
            continue
        assert squash(sample) in flat, sample
    names = {row[0].split("+")[-1] for row in font_rows(out)}
    assert {"KurintoSans-Rg", "KurintoSansSC-Rg", "CaseDossierSymbols"} <= names
    assert all(row[-5] == "yes" for row in font_rows(out))


def test_emoji_come_from_the_packaged_symbols_face() -> None:
    """Smileys, transport and newer emoji print on every system, not only where a
    system font happens to have them (macOS has only colour emoji, which reportlab
    cannot draw)."""
    from desktop.dossier.fonts import SYMBOLS_FACE_NAME, FontChain, Weight, chain

    for weight in Weight:
        packaged = [f for f in chain(weight).faces if not f.name.startswith("CaseDossierFallback")]
        fonts = FontChain(packaged)  # as on a machine with no system fonts at all
        # Smileys, gestures, transport: none is in Kurinto.
        for char in "😀😮🙏🚗🚫":
            found = fonts.face_for(char)
            assert found is not None, (weight, hex(ord(char)))
            assert fonts.faces[found].name == SYMBOLS_FACE_NAME, hex(ord(char))
        # What Kurinto has stays in Kurinto: the symbols face is only a fallback.
        for char in "☺🤔☕":
            assert fonts.faces[fonts.face_for(char) or 0].name.startswith("Kurinto"), char


def test_font_runs_follow_coverage() -> None:
    from desktop.dossier.fonts import Weight, chain

    fonts = chain(Weight.REGULAR)
    runs = fonts.runs("Hello 张伟 world")
    assert [name for name, _ in runs] == ["KurintoSans-Rg", "KurintoSansSC-Rg", "KurintoSans-Rg"]
    assert "".join(text for _, text in runs) == "Hello 张伟 world"
    # Kanji only the Japanese face has comes from it, kana from the base face.
    assert fonts.faces[fonts.face_for("ひ") or 0].name == "KurintoSans-Rg"
    # Zero-width and other invisible characters nobody draws are dropped, not boxed.
    assert "".join(text for _, text in fonts.runs("a\ufeffb")) in ("ab", "a\ufeffb")


def test_korean_and_uncovered_characters() -> None:
    from desktop.dossier.fonts import Weight, chain

    fonts = chain(Weight.BOLD)
    assert fonts.runs("한국어") == [("KurintoSansKR-Bd", "한국어")]
    # A private-use character no face has stays in the text (as a box), never raises.
    assert "".join(text for _, text in fonts.runs("a\ue000b")) == "a\ue000b"


def test_cjk_scope_covers_what_the_cjk_faces_add() -> None:
    from desktop.dossier.fonts import Weight, _load_face, chain

    faces = [face for face in chain(Weight.REGULAR).faces if face.name.startswith("Kurinto")]
    seen = set(_load_face(faces[0]))
    for face in faces[1:]:
        added = _load_face(face) - seen
        outside = sorted(hex(code) for code in added if not face.may_have(code))
        assert not outside, (face.name, outside[:20])
        seen |= added


def test_emoji_does_not_load_cjk_faces() -> None:
    from desktop.dossier.fonts import Face, FontChain, Weight, chain

    regular = chain(Weight.REGULAR)
    probe = FontChain(regular.faces)
    probe.runs("ok 😀")
    assert not any("SC" in name or "JP" in name or "KR" in name for name in probe.loaded())
    assert isinstance(probe.faces[0], Face)


def test_to_unicode_map_writes_surrogate_pairs() -> None:
    from desktop.dossier.fonts import Weight, _to_unicode_cmap, chain

    chain(Weight.REGULAR)  # installs the fix
    cmap = _to_unicode_cmap("F", [0, 0x41, 0x1F600])
    assert "<01> <0041>" in cmap
    assert "<02> <D83DDE00>" in cmap
    assert "3 beginbfchar" in cmap


def test_fonts_load_lazily_and_once() -> None:
    code = """
import threading
from datetime import date
from pathlib import Path
import tempfile
from desktop.dossier import fonts, render_dossier
from desktop.model import Case
with tempfile.TemporaryDirectory() as folder:
    render_dossier(Case(title="Plain Latin"), Path(folder, "a.pdf"), prepared_on=date(2026, 1, 1))
loaded = sorted(fonts._faces)
assert loaded == ["KurintoSans-Bd", "KurintoSans-Rg"], loaded
chains = []
threads = [
    threading.Thread(target=lambda: chains.append(fonts.chain(fonts.Weight.REGULAR)))
    for _ in range(8)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert len({id(chain) for chain in chains}) == 1
"""
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_markup_injection_prints_literally(render: Callable[..., tuple[Path, int]]) -> None:
    nasty = '<b>x</b> & <img src="/etc/passwd"/>'
    case = make_case(title=nasty)
    case.contacts[0].notes = "</para><font name='Nope'>&amp; &lt;"
    out, _ = render(case)
    flat = squash(pdf_text(out))
    assert squash(nasty) in flat
    assert squash("</para><font name='Nope'>&amp; &lt;") in flat


def test_markup_escapes_every_user_string() -> None:
    from desktop.dossier.fonts import Weight, chain
    from desktop.dossier.text import markup

    fonts = chain(Weight.REGULAR)
    assert markup("a<b>&c", fonts) == "a&lt;b&gt;&amp;c"
    assert markup("one\r\ntwo\u2028three", fonts) == "one<br/>two<br/>three"
    assert markup("bell\x07nul\x00", fonts) == "bellnul"
    assert markup("\ud800x", fonts) == "x"


def test_exotic_whitespace_builds(render: Callable[..., tuple[Path, int]]) -> None:
    case = make_case(title="A\u00a0B\u2028C\u200bD\u200d\ufeffE\tF")
    case.contacts[0].notes = "\u2029\u00a0\u3000\u200b" * 50
    out, pages = render(case)
    assert pages >= 2
    assert "A" in pdf_text(out)


def test_huge_fields_split_over_pages(render: Callable[..., tuple[Path, int]]) -> None:
    words = ("lorem ipsum dolor sit amet consectetur " * 2000)[:50_000]
    case = make_case()
    case.contacts[0].notes = words
    case.symptoms.description = words
    case.contacts[1].who = "x" * 5000  # one unbreakable word
    case.symptoms.frequency = words  # in a label/value table
    case.owner.name = words[:20_000]  # on the cover
    from desktop.model import Charge

    case.charges = [Charge(date(2026, 1, 1), "X1", Decimal("1"), "EUR", words, words)]
    out, pages = render(case)
    assert pages >= 10
    assert pages == pdf_pages(out)


def test_byte_stable(render: Callable[..., tuple[Path, int]]) -> None:
    one, _ = render(make_case(), "one.pdf")
    two, _ = render(make_case(), "two.pdf")
    assert one.read_bytes() == two.read_bytes()


def test_progress_reports_every_step(render: Callable[..., tuple[Path, int]]) -> None:
    seen: list[tuple[int, int]] = []
    render(make_case(), progress=lambda step, total: seen.append((step, total)))
    assert seen
    assert seen[-1][0] == seen[-1][1]
    assert [step for step, _ in seen] == sorted(step for step, _ in seen)


@pytest.mark.parametrize("stop_after", [0, 1, 3])
def test_cancel_leaves_no_file(tmp_path: Path, stop_after: int) -> None:
    out = tmp_path / "dossier.pdf"
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > stop_after

    with pytest.raises(RenderCancelled):
        render_dossier(make_case(), out, prepared_on=PREPARED, cancelled=cancelled)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cancel_during_layout_keeps_old_file(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    out.write_bytes(b"old")
    case = make_case()
    case.symptoms.description = "long text " * 20_000
    pages_seen = 0

    def progress(step: int, total: int) -> None:
        nonlocal pages_seen
        pages_seen = step

    def cancelled() -> bool:
        return pages_seen >= 2  # after the story is assembled: during layout

    with pytest.raises(RenderCancelled):
        render_dossier(case, out, progress=progress, cancelled=cancelled)
    assert out.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["dossier.pdf"]


def test_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"

    def progress(step: int, total: int) -> None:
        if step == 2:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        render_dossier(make_case(), out, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_empty_case_builds(render: Callable[..., tuple[Path, int]]) -> None:
    out, pages = render(Case(), attachments_dir=Path("/nonexistent"))
    text = pdf_text(out)
    assert "Untitled case" in text
    assert "No contacts have been logged yet." in text
    assert pages == pdf_pages(out)


def test_importing_the_package_does_not_import_reportlab() -> None:
    code = (
        "import sys, desktop.dossier, desktop.model; "
        "bad = [m for m in ('reportlab', 'PIL', 'PySide6') if m in sys.modules]; "
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[1]
    import sys

    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=st.text(), notes=st.text(), description=st.text())
def test_any_text_builds(tmp_path: Path, title: str, notes: str, description: str) -> None:
    case = make_case(title=title)
    case.contacts[0].notes = notes
    case.contacts[1].who = notes
    case.symptoms.description = description
    case.owner.name = title
    out = tmp_path / "any.pdf"
    pages = render_dossier(case, out, prepared_on=PREPARED)
    assert pages >= 1
    assert out.stat().st_size > 0


def _text_fields(node: object) -> list[tuple[object, str]]:
    """(owner, attribute) of every plain text field of a case, nested ones included."""
    import dataclasses

    found: list[tuple[object, str]] = []
    if isinstance(node, list):
        for item in node:
            found += _text_fields(item)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for item in dataclasses.fields(node):
            value = getattr(node, item.name)
            if type(value) is str and item.name not in ("id", "stored_name"):
                found.append((node, item.name))
            else:
                found += _text_fields(value)
    return found


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(st.text(max_size=300), min_size=1, max_size=12), redacted=st.booleans())
def test_any_text_in_every_field_builds(tmp_path: Path, texts: list[str], redacted: bool) -> None:
    from desktop.model import Charge, Repair

    case = make_case()
    case.charges = [Charge(date(2026, 1, 1), "X", Decimal("1.00"), "EUR")]
    case.repairs = [Repair(date(2025, 1, 1))]
    case.symptoms.photos = [Attachment("a.jpg", "missing", AttachmentRole.PHOTO)]
    for index, (owner, name) in enumerate(_text_fields(case)):
        setattr(owner, name, texts[index % len(texts)])
    out = tmp_path / "any.pdf"
    pages = render_dossier(
        case, out, prepared_on=PREPARED, attachments_dir=tmp_path, redacted=redacted
    )
    assert pages == pdf_pages(out)
