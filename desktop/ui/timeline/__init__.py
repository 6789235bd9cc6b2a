"""The contact timeline: `TimelineEditor(casebook, undo_stack, parent=None)`."""

from desktop.ui.timeline.editor import TimelineEditor

__all__ = ["TimelineEditor"]
