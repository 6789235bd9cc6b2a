"""The PDF dossier: `render_dossier(case, out_path, ...)` writes it, atomically.

Qt-free; reportlab and Pillow are imported only when a dossier is rendered.
"""

from desktop.dossier.render import RenderCancelled, render_dossier

__all__ = ["RenderCancelled", "render_dossier"]
