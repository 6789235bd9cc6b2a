"""Letters to Customer Relations and the executive team: `LetterDialog(case, kind, ...)`."""

from desktop.ui.letters.letter_dialog import LetterDialog

__all__ = ["LetterDialog"]
