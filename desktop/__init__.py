"""Case Dossier: prepare an Apple support case. The Qt-free core lives here."""

# The one place the version is written; pyproject.toml reads it from here
# (a literal keeps start-up free of importlib.metadata's scan of site-packages).
__version__ = "0.1.0"

APP_NAME = "Case Dossier"
