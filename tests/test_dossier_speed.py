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
