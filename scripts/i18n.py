"""Translation catalogs: extract, update, compile, check (Babel, gettext).

    .venv/bin/python scripts/i18n.py extract   # desktop/**.py -> resources/locale/messages.pot
    .venv/bin/python scripts/i18n.py update    # the template's messages into each <lang>.po
    .venv/bin/python scripts/i18n.py compile   # each .po -> .mo (committed beside it)
    .venv/bin/python scripts/i18n.py check     # exit 1 if anything is missing, stale or wrong
    .venv/bin/python scripts/i18n.py all       # extract, update, compile, check

Marked messages: `_("…")`, `gettext`, `N_("…")` (where a text is defined, to be
translated where shown), `ngettext(singular, plural, n)`, `pgettext(context, …)`,
`npgettext`, the UI's `tr("…")`, and `Plural(singular, plural)` (the dossier's
texts with plural forms, desktop/dossier/strings.py). A comment starting with
"Translators:" just above a message goes into the catalog for the translator.

`check` fails when the template is not what the sources mark, when a catalog
lacks a translation (missing, empty or fuzzy), when a translation's named
placeholders differ from the source's (each plural form against the plural
source), when a catalog's plural forms are not its language's, or when a
compiled .mo is older than its .po's content. See docs/translations.md.
"""

from __future__ import annotations

import argparse
import io
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop"
LOCALE_DIR = SOURCE_DIR / "resources" / "locale"
TEMPLATE = LOCALE_DIR / "messages.pot"
DOMAIN = "case_dossier"
LANGUAGES = ("de", "fr", "zh_CN", "ru")  # besides English, the source

# The UI (desktop/ui) is extracted once its texts have settled (phase 2 of the
# translation work, docs/translations.md); until then its `tr()` texts show in English.
# True: all of it; a tuple: only these parts of desktop/ui so far (phase 2 lands in steps,
# each one complete in every catalog).
INCLUDE_UI: bool | tuple[str, ...] = True

KEYWORDS: dict[str, tuple[object, ...] | None] = {
    "_": None,
    "gettext": None,
    "N_": None,
    "tr": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "Plural": (1, 2),
}
COMMENT_TAGS = ["Translators:"]
PROJECT = "Case Dossier"
TEAM = "Case Dossier translators"
WIDTH = 100
HEADER = """\
# {language}: the messages of Case Dossier (core, letters, dossier).
# Made with scripts/i18n.py (extract, update, compile, check); see docs/translations.md.
# This file is distributed under the same licence as Case Dossier (MIT).
#"""


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


# -- extract ------------------------------------------------------------------


def _skip_ui(path: str) -> bool:
    parts = Path(path).parts
    if parts[:1] != ("ui",) or INCLUDE_UI is True:
        return False
    if not INCLUDE_UI:
        return True
    return not any(parts[: len(Path(part).parts)] == Path(part).parts for part in INCLUDE_UI)


def _skip_folder(folder: str) -> bool:
    return not INCLUDE_UI and Path(folder).parts[:1] == ("ui",)


def extracted() -> Catalog:
    """The template as the sources mark it today."""
    catalog = Catalog(
        project=PROJECT,
        version=_version(),
        msgid_bugs_address="",
        fuzzy=False,
        charset="utf-8",
        header_comment=HEADER.format(language="Template"),
    )
    catalog.last_translator = TEAM
    found = extract_from_dir(
        str(SOURCE_DIR),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        callback=None,
        directory_filter=lambda folder: (
            "__pycache__" not in folder
            and not _skip_folder(str(Path(folder).relative_to(SOURCE_DIR)))
        ),
    )
    for filename, lineno, message, comments, context in found:
        if _skip_ui(filename) or not _text(message):
            continue
        path = (Path("desktop") / filename).as_posix()
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def _version() -> str:
    text = (SOURCE_DIR / "__init__.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return ""


def _text(message: str | tuple[str, ...]) -> bool:
    return bool(message[0] if isinstance(message, tuple) else message)


def extract() -> Catalog:
    catalog = extracted()
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as handle:
        write_po(handle, catalog, width=WIDTH, omit_header=False, include_lineno=True)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(catalog)} messages")
    return catalog


# -- update -------------------------------------------------------------------


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def update(languages: Iterable[str] = LANGUAGES) -> None:
    template = read(TEMPLATE)
    for language in languages:
        path = catalog_path(language)
        if path.exists():
            catalog = read(path, language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, project=PROJECT, fuzzy=False, charset="utf-8")
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        follow_plural_rule(catalog, language)
        catalog.obsolete.clear()  # removed from the sources: gone from the catalog too
        catalog.fuzzy = False
        catalog.version = template.version
        catalog.msgid_bugs_address = ""
        catalog.last_translator = catalog.language_team = TEAM
        catalog.header_comment = HEADER.format(language=Locale.parse(language).english_name)
        write(path, catalog)
        untranslated = sum(1 for m in _messages(catalog) if not _translated(m))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {untranslated} to translate")


def follow_plural_rule(catalog: Catalog, language: str) -> None:
    """Adopt Babel's current CLDR plural rule when it has more forms than the catalog
    (Babel 2.19 gave French a third, "many", for exact millions: "1 000 000 de jours").
    Each new form starts as a copy of the last one ("other"), which reads correctly for
    counts written in digits; said here so that a translator can look again."""
    wanted = get_plural(language)
    if catalog.num_plurals >= wanted.num_plurals:
        return
    added = wanted.num_plurals - catalog.num_plurals
    catalog._num_plurals, catalog._plural_expr = wanted.num_plurals, wanted.plural_expr
    for message in _messages(catalog):
        if message.pluralizable and isinstance(message.string, (tuple, list)):
            forms = list(message.string)
            message.string = tuple(forms + [forms[-1]] * added)
    print(f"{language}: now {wanted.plural_forms} new forms copied from the last one")


def write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=WIDTH, include_lineno=True)


# -- compile ------------------------------------------------------------------


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def mo_content(data: bytes) -> tuple[str, list[tuple[object, object, object]]]:
    """What a compiled catalog says: its plural rule and its messages, not the Babel
    version that wrote it (its header names it, so bytes differ between versions)."""
    catalog = read_mo(io.BytesIO(data))
    messages = sorted(((m.context, m.id, m.string) for m in catalog if m.id), key=repr)
    return catalog.plural_forms, messages


def compile_all(languages: Iterable[str] = LANGUAGES) -> None:
    for language in languages:
        catalog = read(catalog_path(language), language)
        catalog_path(language, ".mo").write_bytes(compiled(catalog))
        print(f"{catalog_path(language, '.mo').relative_to(ROOT)}")


# -- check --------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def placeholders(text: str) -> set[str] | None:
    """The named {placeholders} of a message; None if it is not a valid format string
    or uses positional ones ({} or {0})."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None
    if any(not name or name.isdigit() for name in names):
        return None
    return {name.split(".")[0].split("[")[0] for name in names}


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


def _translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def _label(message: Message) -> str:
    source = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    short = source if len(source) <= 60 else source[:57] + "…"
    return f"[{message.context}] {short!r}" if message.context else repr(short)


def check_template() -> list[Problem]:
    """The committed template matches the sources, and the sources are well formed."""
    problems = []
    fresh = extracted()
    for message in _messages(fresh):
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        found = [placeholders(text) for text in ids]
        if any(names is None for names in found):
            problems.append(Problem("source", f"{_label(message)}: use named placeholders"))
        elif len(ids) > 1 and found[0] != found[1]:
            problems.append(Problem("source", f"{_label(message)}: singular and plural differ"))
    try:
        committed = read(TEMPLATE)
    except OSError:
        return [*problems, Problem(str(TEMPLATE.relative_to(ROOT)), "missing: run extract")]
    if _keys(committed) != _keys(fresh):
        added = len(_keys(fresh) - _keys(committed))
        gone = len(_keys(committed) - _keys(fresh))
        problems.append(
            Problem(
                str(TEMPLATE.relative_to(ROOT)),
                f"out of date ({added} new, {gone} removed in the sources): run extract, update",
            )
        )
    return problems


def _keys(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {
        (tuple(m.id) if isinstance(m.id, (tuple, list)) else m.id, m.context)
        for m in _messages(catalog)
    }


def check_catalog(language: str, template: Catalog | None = None) -> list[Problem]:
    """The committed catalog of a language against the template, and its .mo."""
    template = template if template is not None else read(TEMPLATE)
    path = catalog_path(language)
    where = str(path.relative_to(ROOT))
    try:
        catalog = read(path, language)
    except OSError:
        return [Problem(where, "missing: run update")]
    problems = check_catalog_data(language, catalog, template, where)
    stale = catalog_path(language, ".mo")
    try:
        current = mo_content(stale.read_bytes()) == mo_content(compiled(catalog))
    except (OSError, ValueError):
        current = False
    if not current:
        problems.append(Problem(str(stale.relative_to(ROOT)), "stale or missing: run compile"))
    return problems


def check_catalog_data(
    language: str, catalog: Catalog, template: Catalog, where: str
) -> list[Problem]:
    """Every template message translated, with the source's placeholders in every form
    and the language's number of plural forms."""
    problems = []
    expected = get_plural(language)
    if catalog.num_plurals != expected.num_plurals:
        problems.append(
            Problem(where, f"{catalog.num_plurals} plural forms; {language} has {expected}")
        )
    for source in _messages(template):
        message = catalog.get(source.id, context=source.context)
        if message is None or not _translated(message):
            state = "fuzzy" if message is not None and message.fuzzy else "not translated"
            problems.append(Problem(where, f"{_label(source)} {state}"))
            continue
        problems += _placeholder_problems(where, source, message, expected.num_plurals)
    return problems


def _placeholder_problems(
    where: str, source: Message, message: Message, forms: int
) -> list[Problem]:
    if isinstance(source.id, (tuple, list)):
        wanted = placeholders(source.id[1])
        strings = list(message.string) if isinstance(message.string, (tuple, list)) else []
        if len(strings) != forms:
            return [Problem(where, f"{_label(source)}: {len(strings)} plural forms, not {forms}")]
    else:
        wanted = placeholders(source.id)
        strings = [message.string]
    problems = []
    for index, text in enumerate(strings):
        names = placeholders(text)
        if names != wanted:
            form = f" (form {index})" if len(strings) > 1 else ""
            problems.append(
                Problem(
                    where,
                    f"{_label(source)}{form}: placeholders {sorted(names or [])} "
                    f"instead of {sorted(wanted or [])}",
                )
            )
    return problems


def check(languages: Iterable[str] = LANGUAGES) -> list[Problem]:
    problems = check_template()
    try:
        template = read(TEMPLATE)
    except OSError:
        return problems
    for language in languages:
        problems += check_catalog(language, template)
    return problems


def counts() -> dict[str, int]:
    """Translated messages per language (English: the template's size)."""
    template = read(TEMPLATE)
    result = {"en": len(list(_messages(template)))}
    for language in LANGUAGES:
        catalog = read(catalog_path(language), language)
        result[language] = sum(1 for m in _messages(catalog) if _translated(m))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["extract", "update", "compile", "check", "all"])
    args = parser.parse_args(argv)
    if args.command in ("extract", "all"):
        extract()
    if args.command in ("update", "all"):
        update()
    if args.command in ("compile", "all"):
        compile_all()
    if args.command in ("check", "all"):
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        print("catalogs complete: " + ", ".join(f"{k} {v}" for k, v in counts().items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
