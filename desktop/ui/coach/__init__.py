"""The escalation coach: `CoachCard(parent=None)`, `.set_case(case, today)`."""

from desktop.ui.coach.coach_card import CoachCard

__all__ = ["CoachCard"]
