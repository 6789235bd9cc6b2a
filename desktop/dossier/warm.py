"""Warming up: the imports and fonts a first dossier needs, loaded ahead of time.

The first dossier in a process pays for importing reportlab, pypdf, Pillow and
Babel and for reading the font files (about 0.5 s here, more with Chinese,
Japanese or Korean text). The app may call `warm_up()` on a worker thread
after start-up so that the user's first "Create dossier" is as quick as the
next. Loading the CJK faces too (`scripts=True`) holds about 110 MB more.
"""

from __future__ import annotations


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
