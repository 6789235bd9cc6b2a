"""The fonts and libraries Case Dossier ships, with their licences (for the About dialog)."""

from __future__ import annotations

from typing import NamedTuple


class Component(NamedTuple):
    name: str
    licence: str
    note: str = ""


FONTS: tuple[Component, ...] = (
    Component("Kurinto Sans", "SIL Open Font License 1.1", "from the weblate-fonts package"),
    Component(
        "Symbola (George Douros)",
        "free for any use, modification and redistribution",
        "emoji in the dossier, as the subset CaseDossierSymbols",
    ),
)

LIBRARIES: tuple[Component, ...] = (
    Component("Qt 6 and PySide6 (incl. Qt PDF)", "GNU LGPL v3"),
    Component("ReportLab", "BSD", "with its accelerator rl_accel"),
    Component("keyring", "MIT"),
    Component("pypdf", "BSD-3-Clause"),
    Component("cryptography", "Apache-2.0 or BSD-3-Clause"),
    Component("Pillow", "HPND (MIT-CMU)"),
    Component("pi-heif", "BSD-3-Clause", "bundles libheif and libde265, GNU LGPL v3"),
    Component("Babel", "BSD-3-Clause"),
    Component("python-stdnum", "GNU LGPL v2.1 or later"),
    Component("icalendar", "BSD-2-Clause"),
    Component("jsonschema", "MIT"),
    Component("platformdirs", "MIT"),
    Component("python-bidi", "GNU LGPL v3"),
    Component("arabic-reshaper", "MIT"),
)
