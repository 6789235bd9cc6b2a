"""The frozen app's entry point (PyInstaller runs this as __main__).

Same behaviour as the `case-dossier` command: no arguments opens the window,
a subcommand (`self-test`, `render`, ...) runs the command line.
"""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
