"""The PDF dossier: `render_dossier(case, out_path, ...)` writes it, atomically.

`prepare_rendition(source, cache_dir)` makes a picture's print rendition ahead
of time (the app calls it when a file is attached, off the GUI thread);
`warm_up()` loads the libraries and fonts a first dossier needs (off the GUI
thread, after start-up).

Qt-free; reportlab, pypdf and Pillow are imported only when they are used.
"""

from desktop.dossier.render import RenderCancelled, render_dossier
from desktop.dossier.renditions import RenditionError, prepare_rendition, prepare_renditions
from desktop.dossier.warm import warm_up

__all__ = [
    "RenderCancelled",
    "RenditionError",
    "prepare_rendition",
    "prepare_renditions",
    "render_dossier",
    "warm_up",
]
