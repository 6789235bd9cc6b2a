"""Warming up: the imports and fonts a first dossier needs, loaded ahead of time.

The first dossier in a process pays for importing reportlab, pypdf, Pillow and
Babel, for reading the font files (about 0.5 s here, more with Chinese,
Japanese or Korean text) and for everything else done once: Babel's locale
data, the right-to-left libraries, the dossier's own modules. The app may call
`warm_up()` on a worker thread after start-up so that the user's first
"Create dossier" is as quick as the next: it lays out a small dossier, with a
timeline and text in several scripts, and throws it away. Loading the CJK
faces too (`scripts=True`) holds about 110 MB more.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path


def warm_up(*, scripts: bool = False) -> None:
    import babel.dates  # noqa: F401
    import pypdf  # noqa: F401
    import reportlab.platypus  # noqa: F401
    from PIL import Image  # noqa: F401

    from desktop.dossier import layout

    styles = layout.make_styles()
    if scripts:
        for fonts in (styles.regular, styles.bold):
            for char in "张ひ한":
                fonts.face_for(char)
    _sample_dossier()


def _sample_dossier() -> None:
    """A two-entry dossier laid out into a temporary folder and deleted."""
    from desktop.dossier.render import render_dossier
    from desktop.model import Case, ContactEntry, Outcome

    case = Case(title="Warm-up")
    case.symptoms.description = "Display flickers. Экран мерцает. Η οθόνη. המסך מהבהב. الشاشة"
    for index, notes in enumerate(("Call back — перезвонить", "تومض الشاشة המסך מהבהב")):
        case.contacts.append(
            ContactEntry(
                at=datetime(2026, 1, 5 + index, 9, 30, tzinfo=UTC),
                who="Advisor",
                case_number="100000000",
                outcome=Outcome.PENDING,
                notes=notes,
                next_step="Call back",
            )
        )
    with tempfile.TemporaryDirectory(prefix="case-dossier-warm-up-") as folder:
        render_dossier(case, Path(folder) / "warm-up.pdf")
