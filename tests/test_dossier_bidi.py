"""Right-to-left paragraphs longer than a line: broken in reading order, then reordered."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from desktop.dossier.bidi_paragraph import BidiPara, break_logical, starts_right_to_left
from desktop.dossier.direction import visual
from desktop.dossier.fonts import Weight, chain

# Ten distinct Hebrew words (no numbers: their order inside a line is the plain reverse).
WORDS = ["אחד", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"]
TEXT = " ".join(f"{word}{'א' * (index % 3)}" for index, word in enumerate(WORDS * 5))


def test_pieces_follow_reading_order_and_fit() -> None:
    fonts = chain(Weight.REGULAR)
    pieces = break_logical(TEXT, fonts, 10, (150.0, 200.0))
    assert len(pieces) > 3
    # Reading order kept: the pieces put together are the text, first words first.
    assert " ".join(pieces) == TEXT
    assert pieces[0].split()[0] == TEXT.split()[0]
    # Each piece fits its line (the first line may be narrower).
    from desktop.dossier.bidi_paragraph import _width

    assert _width(pieces[0], fonts, 10) <= 150.0
    assert all(_width(piece, fonts, 10) <= 200.0 for piece in pieces[1:])
    # The next word would not have fitted: lines are filled, not cut short.
    first_next = pieces[0] + " " + pieces[1].split()[0]
    assert _width(first_next, fonts, 10) > 150.0 - 0.5


def test_printed_lines_start_with_the_first_words() -> None:
    fonts = chain(Weight.REGULAR)
    style = ParagraphStyle("body", fontName=fonts.primary, fontSize=10, leading=13)
    paragraph = BidiPara(TEXT, fonts, style)
    _, height = paragraph.wrap(200, 1000)
    lines = paragraph._inner.blPara.lines
    assert len(lines) > 3 and height > 3 * 13 - 1
    assert paragraph._inner.style.alignment == TA_RIGHT
    drawn = ["".join(fragment.text for fragment in line.words) for line in lines]
    # The first printed line, read right to left, begins with the text's first word;
    # the whole text is there once, line after line.
    assert drawn[0].strip().endswith(visual(TEXT.split()[0]))
    assert " ".join(visual(line.strip()) for line in drawn) == TEXT


def test_short_and_left_to_right_text() -> None:
    assert starts_right_to_left("محمد Ali")
    assert not starts_right_to_left("Ali محمد")
    assert not starts_right_to_left("123 !")
    fonts = chain(Weight.REGULAR)
    assert break_logical("שלום", fonts, 10, (100.0, 100.0)) == ["שלום"]
    # A word wider than a line stays whole (reportlab splits long words itself).
    long_word = "א" * 200
    assert break_logical(f"ב {long_word} ג", fonts, 10, (100.0, 100.0)) == ["ב", long_word, "ג"]
