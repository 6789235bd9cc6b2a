"""The case wizard: `CaseWizard(casebook, case=None, parent=None)`."""

from desktop.ui.wizard.case_wizard import CaseWizard

__all__ = ["CaseWizard"]
