"""`python -m desktop` and the `case-dossier` command: the app, or a CLI subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and not args[0].startswith("-psn"):  # macOS Finder passes -psn_… on launch
        from desktop.cli import run_cli

        return run_cli(args)
    from desktop.ui.app import run

    return int(run(sys.argv[:1] + args))


if __name__ == "__main__":
    sys.exit(main())
