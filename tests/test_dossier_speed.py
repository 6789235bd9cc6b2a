"""Layout details that keep a long dossier quick and whole: tables split inside a row
at the width their cells are drawn at, font runs found without a walk per character."""

from __future__ import annotations

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
