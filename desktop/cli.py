"""Command-line use without the window: list, render, export, import."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path

from desktop import APP_NAME, __version__, selftest
from desktop.bundle import (
    SUFFIX,
    CaseFileError,
    LoadedCaseFile,
    read_case_file,
    write_case_file,
)
from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus
from desktop.sealed import SealError
from desktop.store import StoreError

PASSPHRASE_ENV = "CASE_DOSSIER_PASSPHRASE"


class CliError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="case-dossier",
        description=f"{APP_NAME}: prepare an Apple support case. Run without arguments "
        "to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("list", help="list the stored cases")

    render = sub.add_parser("render", help="write the PDF dossier of a case")
    render.add_argument(
        "source", help=f"a stored case id (or its first characters) or a {SUFFIX} file"
    )
    render.add_argument("-o", "--output", required=True, type=Path, help="the PDF to write")
    render.add_argument(
        "--page-size",
        choices=["auto", "A4", "Letter"],
        default="auto",
        help="paper size (auto: Letter in the US and Canada, A4 elsewhere)",
    )
    render.add_argument(
        "--redacted",
        action="store_true",
        help="mask identifiers (all but the last 4 characters) for sharing more widely",
    )

    export = sub.add_parser("export", help=f"write a case to a portable {SUFFIX} file")
    export.add_argument("case_id")
    export.add_argument("-o", "--output", required=True, type=Path)
    export.add_argument(
        "--with-secrets",
        action="store_true",
        help="include serial numbers, IMEI, Apple ID, order numbers, phone and address, "
        f"sealed with a passphrase (asked for, or taken from {PASSPHRASE_ENV})",
    )

    imp = sub.add_parser("import", help=f"add the case in a {SUFFIX} file to your cases")
    imp.add_argument("file", type=Path)

    selftest.add_arguments(sub.add_parser("self-test", help=selftest.HELP))
    return parser


def run_cli(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        handler = {"list": _list, "render": _render, "export": _export, "import": _import}
        handler["self-test"] = selftest.run_from_args
        return handler[args.command](args)
    except (CliError, CaseFileError, StoreError, SealError) as exc:
        print(f"case-dossier: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"a passphrase is needed: run in a terminal or set {PASSPHRASE_ENV}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise CliError("the two passphrases differ; nothing was written")
    return first


def _open_case_file(path: Path) -> LoadedCaseFile:
    loaded = read_case_file(path)
    if loaded.needs_passphrase:
        loaded.open_secrets(_passphrase(f"Passphrase for the secrets in {path.name}: "))
    return loaded


def _book() -> CaseBook:
    return CaseBook.open_default()


def _find(book: CaseBook, key: str) -> str:
    ids = [s.id for s in book.list_cases()]
    matches = [i for i in ids if i == key] or [i for i in ids if i.startswith(key)]
    if not matches:
        raise CliError(f"no case with id “{key}”; `case-dossier list` shows them")
    if len(matches) > 1:
        raise CliError(f"“{key}” matches {len(matches)} cases; give more characters")
    return matches[0]


def _warn_if_insecure(book: CaseBook) -> None:
    if not book.vault.is_secure:
        print(f"note: {book.vault.message}", file=sys.stderr)


def _list(args: argparse.Namespace) -> int:
    book = _book()
    summaries = book.list_cases()
    if not summaries:
        print("No cases yet. Open the app to prepare one, or import a case file.")
    for s in summaries:
        status = "draft" if s.status is CaseStatus.DRAFT else s.status.value
        updated = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{s.id[:12]}  {updated}  {status:<6}  {s.title or '(untitled)'}  [{s.model_name}]")
    return 0


def _render(args: argparse.Namespace) -> int:
    from desktop.dossier import render_dossier

    source = Path(args.source)
    if source.suffix == SUFFIX or source.is_file():
        loaded = _open_case_file(source)
        with tempfile.TemporaryDirectory(prefix="case-dossier-") as tmp:
            folder = Path(tmp)
            for name, payload in loaded.attachments.items():
                (folder / name).write_bytes(payload)
            pages = render_dossier(
                loaded.case,
                args.output,
                attachments_dir=folder,
                page_size=args.page_size,
                redacted=args.redacted,
            )
    else:
        book = _book()
        _warn_if_insecure(book)
        case = book.load(_find(book, args.source))
        pages = render_dossier(
            case,
            args.output,
            attachments_dir=book.attachments_dir,
            page_size=args.page_size,
            redacted=args.redacted,
        )
    print(f"Wrote {args.output} ({pages} pages).")
    return 0


def _export(args: argparse.Namespace) -> int:
    book = _book()
    case: Case = book.load(_find(book, args.case_id))
    passphrase = None
    if args.with_secrets:
        _warn_if_insecure(book)
        passphrase = _passphrase("Passphrase to seal the secrets: ", confirm=True)
    write_case_file(case, book.attachments_dir, args.output, passphrase=passphrase)
    kind = "with sealed" if args.with_secrets else "without"
    print(f"Wrote {args.output} ({kind} serial numbers and other private details).")
    return 0


def _import(args: argparse.Namespace) -> int:
    loaded = _open_case_file(args.file)
    book = _book()
    case = book.import_case(loaded)
    _warn_if_insecure(book)
    print(f"Imported “{case.title or 'untitled case'}” as {case.id[:12]}.")
    return 0
