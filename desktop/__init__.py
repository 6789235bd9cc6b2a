"""Case Dossier: prepare an Apple support case. The Qt-free core lives here."""

from importlib import metadata

try:
    __version__ = metadata.version("case-dossier")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

APP_NAME = "Case Dossier"
