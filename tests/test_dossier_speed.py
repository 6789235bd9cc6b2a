"""Layout details that keep a long dossier quick and whole: tables split inside a row
at the width their cells are drawn at, font runs found without a walk per character."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import TableStyle

from desktop.dossier import layout
from desktop.dossier.bidi_paragraph import BidiPara
from desktop.dossier.flowables import SplittingTable

PAD = 4


def _cell(flowable: object) -> object:
    return flowable[0] if isinstance(flowable, (list, tuple)) else flowable


def test_a_row_split_breaks_its_text_at_the_width_it_is_drawn_at() -> None:
    # A cell of 100 pt with 4 pt padding each side draws its text 92 pt wide. Measured
    # 100 pt wide, the text is a few lines shorter and would fit the room whole.
    # A right-to-left paragraph is laid out anew for the width it is split at.
    styles = layout.make_styles()
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    text = " ".join(letters[i % 7 : i % 7 + 2 + i % 5] for i in range(600))
    leading = styles.cell.leading
    narrow = BidiPara(text, styles.regular, styles.cell).wrap(100 - 2 * PAD, 1e6)[1]
    wide = BidiPara(text, styles.regular, styles.cell).wrap(100, 1e6)[1]
    assert narrow - wide >= 3 * leading
    table = SplittingTable(
        [[BidiPara(text, styles.regular, styles.cell)]], colWidths=[100], splitInRow=36
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), PAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
            ]
        )
    )
    table.wrap(100, 1e6)
    room = wide + PAD + 1  # the whole text would fit at 100 pt, not at 92 pt
    parts = table.split(100, room)
    assert len(parts) == 2
    first = _cell(parts[0]._cellvalues[0][0])
    rest = _cell(parts[1]._cellvalues[0][0])
    first_height = first.height  # as split: the lines that fit
    rest_height = rest.wrap(100 - 2 * PAD, 1e6)[1]
    assert first_height <= room - PAD
    # Broken at 92 pt: no text lost (reportlab may start the rest with a blank line).
    assert narrow <= first_height + rest_height <= narrow + leading


def test_runs_of_text_in_the_first_face_are_the_same_as_walked_char_by_char() -> None:
    from desktop.dossier.fonts import Weight, chain

    fonts = chain(Weight.REGULAR)
    samples = ["Plain text, 12:30 — déjà vu.", "Экран мерцает", "屏幕闪烁 text", "a\u200bb", ""]
    for text in samples * 2:  # the second time, the characters are known
        assert fonts.runs(text) == list(fonts._iter_runs(text))
    assert fonts.runs("Plain text") == [(fonts.primary, "Plain text")]


def test_the_collector_is_paused_while_rendering_and_left_as_it_was(tmp_path: Path) -> None:
    import gc

    from desktop.dossier import render
    from desktop.model import Case

    seen: list[bool] = []
    real = render._sections

    def sections(ctx: object) -> list[object]:
        seen.append(gc.isenabled())
        return real(ctx)

    render._sections = sections  # type: ignore[assignment]
    try:
        assert gc.isenabled()
        render.render_dossier(Case(title="T"), tmp_path / "a.pdf")
        assert seen == [False] and gc.isenabled()
        gc.disable()  # the app's worker pauses it itself: not turned back on here
        try:
            render.render_dossier(Case(title="T"), tmp_path / "b.pdf")
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        render._sections = real  # type: ignore[assignment]


def test_layout_starts_before_the_files_are_ready(tmp_path: Path) -> None:
    import threading

    from desktop.dossier import render
    from desktop.model import Case

    layout_began = threading.Event()
    seen: list[bool] = []
    real_plan, real_layout = render._plan, render._layout

    def slow_plan(*args: object) -> object:
        seen.append(layout_began.wait(5))  # the files are ready only once layout runs
        return real_plan(*args)  # type: ignore[arg-type]

    def layout(*args: object) -> object:
        layout_began.set()
        return real_layout(*args)  # type: ignore[arg-type]

    render._plan, render._layout = slow_plan, layout  # type: ignore[assignment]
    try:
        pages = render.render_dossier(Case(title="T"), tmp_path / "a.pdf")
    finally:
        render._plan, render._layout = real_plan, real_layout  # type: ignore[assignment]
    assert seen == [True] and pages >= 2


def test_reportlab_measures_text_with_its_c_accelerator() -> None:
    # reportlab[accel] (pyproject.toml): without it every width is summed in Python.
    from reportlab.lib import rl_accel

    assert "instanceStringWidthTTF" in rl_accel._c_funcs
    assert "fp_str" in rl_accel._c_funcs


def _placed_text(flowables: list[object], width: float) -> list[tuple[str, float, float]]:
    """Each piece of text drawn, with where it starts on the page (x, y)."""
    import io

    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 800))
    y = 780.0
    for flowable in flowables:
        _, height = flowable.wrapOn(canvas, width, 700)  # type: ignore[attr-defined]
        y -= height
        flowable.drawOn(canvas, 20, y)  # type: ignore[attr-defined]
        y -= 5
    canvas.save()
    placed: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            placed.append((text.strip(), round(x, 3), round(y, 3)))

    PdfReader(buffer).pages[0].extract_text(visitor_text=visit)
    return placed


def test_short_lines_are_drawn_where_a_paragraph_draws_them() -> None:
    from desktop.dossier.flowables import Lines, Para
    from desktop.dossier.text import markup

    styles = layout.make_styles()
    cases = [
        ("20 Nov 2026\n09:30\nUTC+01:00", styles.regular, styles.cell, False),
        ("No answer", styles.bold, styles.cell_bold, False),
        ("Call  back \nDue 1 Jan 2026", styles.regular, styles.cell, False),
        ("Apple 支持 call", styles.regular, styles.cell, False),  # a fallback face mid-line
        ("Bold label", styles.bold, styles.cell, True),  # another weight than the style's
        ("", styles.regular, styles.cell, False),
        (
            "A note long enough that it has to wrap in a narrow column",
            styles.regular,
            styles.body,
            False,
        ),
    ]
    for width in (60.0, 160.0):
        lines = [
            Lines.of_text(text, fonts, style, tag_all=tag) for text, fonts, style, tag in cases
        ]
        paras = [Para(markup(text, fonts, tag_all=tag), style) for text, fonts, style, tag in cases]
        for light, para in zip(lines, paras, strict=True):
            assert light.wrap(width, 700) == para.wrap(width, 700)
        assert _placed_text(lines, width) == _placed_text(paras, width)
        # The short cells are drawn by Lines itself, the wrapping note by a Paragraph.
        assert lines[0]._whole and lines[1]._whole and not lines[-1]._whole


def test_fragments_of_the_dossiers_markup_are_those_reportlab_parses() -> None:
    from reportlab.platypus.paragraph import Paragraph

    from desktop.dossier.frags import fragments
    from desktop.dossier.text import markup

    styles = layout.make_styles()
    texts = [
        "Plain text",
        "  edges   and  inner   spaces  ",
        "a & b < c > d",
        "line one\nline two\n\nafter a blank line",
        "Apple 支持 😀 call",
        "Экран мерцает",
        "",
    ]
    samples = [markup(text, styles.regular) for text in texts]
    samples += [markup(text, styles.bold, tag_all=True) for text in texts]
    samples.append(
        markup("Email", styles.bold, tag_all=True) + "<br/>" + markup("x", styles.regular)
    )
    for style in (styles.cell, styles.body, styles.cell_bold):
        for sample in samples:
            found = fragments(sample, style)
            assert found is not None, sample
            parsed = Paragraph(sample, style)
            assert found[0] == parsed.text
            assert [vars(frag) for frag in found[1]] == [vars(frag) for frag in parsed.frags]
    # Markup of any other kind is left to reportlab's parser.
    for other in ('<a href="#x">x</a>', "x<super>1</super>", '<font size="7">x</font>', "&#65;"):
        assert fragments(other, styles.cell) is None


def test_a_finished_dossier_leaves_no_pdf_objects_to_the_cyclic_collector(tmp_path: Path) -> None:
    # reportlab's document and pypdf's objects point back at their documents; left to
    # the cyclic collector, freeing them froze the app's window for 60 ms after a build.
    import gc
    import json

    from benchmarks.render import write_case
    from desktop.codec import case_from_dict
    from desktop.dossier import render_dossier

    case_json = write_case(tmp_path, entries=40, photos=0, receipts=2, text=2000)
    case = case_from_dict(json.loads(case_json.read_text(encoding="utf-8")))
    gc.collect()
    gc.disable()
    try:
        pages = render_dossier(case, tmp_path / "d.pdf", attachments_dir=tmp_path / "attachments")
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [type(item) for item in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert pages > 20  # the two 10-page receipts are in it
    # A few dozen stay in small cycles (a receipt's pages, the outline's destinations);
    # thousands did.
    assert len([kind for kind in left if kind.__module__.startswith("pypdf")]) < 100
    assert len([kind for kind in left if kind.__module__ == "reportlab.pdfbase.pdfdoc"]) < 100
