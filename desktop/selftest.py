"""`case-dossier self-test`: does this installation work? (a checkout, a wheel, a frozen bundle)

One line per check, `OK`, `WARN`, `SKIP` or `FAIL`, then a summary:

  keyring         an allowed OS keyring answers a set/get/delete probe (desktop.vault)
  reference data  consumer law, repair programs, Apple's terms, support contacts load
  schema          the case-file JSON schema loads and is itself a valid schema
  sample case     examples/sample-case.casedossier reads (checked against that schema)
  fonts           the Kurinto TrueType files the dossier uses are where fonts.py looks
  dossier         the sample renders to a temporary PDF: pages > 0, every font embedded
  PDF encryption  an AES-256 encrypted PDF reads back (password-protected receipts)
  images          JPEG, PNG and HEIC (iPhone photos) pictures decode
  translations    present and readable, if this build ships any
  Qt              the app's own start-up path paints its main window (offscreen), in a
                  child process, so a Qt that cannot start cannot take this report with it

Exit status: 0 only when nothing failed. A keyring that cannot be used (a headless
machine with no Secret Service, a keychain locked with no one to unlock it) fails
the keyring check, because the app could then keep secrets for the session only;
`--allow-no-keyring` reports it as WARN instead, for CI and headless machines where
what is under test is the build, not the machine's keyring.

No Qt is imported here: the core stays Qt-free (the Qt check runs the app in a
child process), and nothing heavy is imported until a check needs it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

HELP = "check that this installation works: keyring, reference data, fonts, a sample PDF, Qt"

SAMPLE_NAME = "sample-case.casedossier"
# The UI's start-up probe (desktop/ui/app.py): print the time of the first paint and quit.
STARTUP_PROBE_ENV = "CASE_DOSSIER_STARTUP_PROBE"
QT_TIMEOUT_S = 90.0
# Added to the sample's title: Cyrillic, Greek, Chinese, Japanese kana, Korean.
MIXED_SCRIPTS = "Проверка Έλεγχος 检查 テスト 점검"

# The platform plugin a desktop session needs, by sys.platform prefix.
_NATIVE_QT_PLATFORM = {"linux": "xcb", "darwin": "cocoa", "win32": "windows"}


class CheckFailed(Exception):
    """A check's finding, worded for the report."""


@dataclass(frozen=True)
class Outcome:
    status: str  # OK, WARN, SKIP, FAIL
    detail: str


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], Outcome]


# -- where things are ---------------------------------------------------------------


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def install_root() -> Path:
    """The folder holding the `desktop` package: the checkout, or the frozen bundle."""
    return Path(__file__).resolve().parent.parent


def sample_path() -> Path | None:
    """The sample case file: shipped in the package's resources, or a checkout's examples/."""
    from desktop.paths import resources_dir

    candidates = (
        resources_dir() / "examples" / SAMPLE_NAME,
        install_root() / "examples" / SAMPLE_NAME,
    )
    return next((path for path in candidates if path.is_file()), None)


def app_command() -> list[str]:
    """How to start the app itself: the frozen executable, or this Python with -m desktop."""
    if is_frozen():
        return [sys.executable]
    return [sys.executable, "-m", "desktop"]


# -- the checks ---------------------------------------------------------------------


def check_keyring(allow_no_keyring: bool) -> Outcome:
    from desktop.vault import Vault

    vault = Vault.detect()
    if vault.is_secure:
        return Outcome("OK", f"{vault.backend_name} (set/get/delete probe passed)")
    found = vault.backend_name if vault.backend_name != "none" else "no allowed backend"
    detail = f"{vault.state.value}: {found}. {vault.message}"
    if allow_no_keyring:
        return Outcome("WARN", detail + " (allowed by --allow-no-keyring)")
    raise CheckFailed(detail + " (use --allow-no-keyring on a headless machine)")


def check_reference_data() -> Outcome:
    from desktop.directory import load_directory
    from desktop.reference import load_apple_terms, load_consumer_law, load_programs

    law = load_consumer_law()
    programs, _ = load_programs()
    terms = load_apple_terms()
    contacts = load_directory()
    if not law.rules or not programs or not terms.plans or not contacts.lines:
        raise CheckFailed("a reference file loaded but is empty")
    countries = len({line.country for line in contacts.lines})
    return Outcome(
        "OK",
        f"{len(law.rules)} consumer-law rules, {len(programs)} repair programs, "
        f"{len(terms.plans)} plans, {len(contacts.lines)} support lines in {countries} countries",
    )


def check_schema() -> Outcome:
    import json

    import jsonschema

    from desktop.bundle import schema_path

    path = schema_path()
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return Outcome("OK", f"{path.name} is a valid JSON Schema (2020-12)")


def check_sample() -> Outcome:
    from desktop.bundle import read_case_file

    path = sample_path()
    if path is None:
        if is_frozen():
            raise CheckFailed(f"{SAMPLE_NAME} is missing from the bundle")
        return Outcome("SKIP", f"{SAMPLE_NAME} is not installed; the dossier uses the built-in one")
    loaded = read_case_file(path)
    return Outcome(
        "OK",
        f"{path.name}: “{loaded.case.title}”, {len(loaded.attachments)} attachments, "
        "valid against the schema",
    )


# The Kurinto files every installation needs. The others (SC bold, JP, KR) are used when
# present; the packaged app leaves them out (packaging/README.md, "Size").
REQUIRED_FONT_FILES = ("KurintoSans-Rg.ttf", "KurintoSans-Bd.ttf", "KurintoSansSC-Rg.ttf")
# A letter of each script the dossier must print, regular and bold, without boxes.
SCRIPT_SAMPLES = {
    "Latin": "Aé",
    "Cyrillic": "Жё",
    "Greek": "Ωέ",
    "Arabic": "م",
    "Japanese kana": "ひカ",
    "simplified Chinese": "张检",
    "traditional Chinese": "張檢",
    "emoji": "\U0001f600",
}


def check_fonts() -> Outcome:
    from desktop.dossier.fonts import KURINTO_FAMILIES, Weight, chain, face_file, kurinto_dir

    folder = kurinto_dir()
    missing = [name for name in REQUIRED_FONT_FILES if face_file(folder / name) is None]
    if missing:
        raise CheckFailed(f"missing from {folder}: {', '.join(missing)}")
    for weight in Weight:
        fonts = chain(weight)
        boxed = [
            script
            for script, letters in SCRIPT_SAMPLES.items()
            if any(fonts.face_for(letter) is None for letter in letters)
        ]
        if boxed:
            raise CheckFailed(f"no {weight.name.lower()} face for {', '.join(boxed)}")
    names = [f"{family}-{w.value}.ttf" for family in KURINTO_FAMILIES for w in Weight]
    files = {name: face_file(folder / name) for name in names}
    present = [name for name, path in files.items() if path is not None]
    size = sum(path.stat().st_size for path in files.values() if path is not None)
    detail = f"{len(present)} Kurinto files ({size / 1e6:.0f} MB) in {folder}"
    if len(present) < len(names):
        absent = ", ".join(name.removesuffix(".ttf") for name in names if name not in present)
        detail += f"; not installed: {absent}"
    return Outcome("OK", detail)


def _font_dicts(resources: Any, depth: int = 0) -> Iterator[Any]:
    """Every font dictionary in a page's resources, form XObjects included."""
    if resources is None or depth > 8:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for ref in fonts.get_object().values():
            yield ref.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from _font_dicts(xobject.get("/Resources"), depth + 1)


def embedded_fonts(pdf: Path) -> tuple[int, dict[str, bool]]:
    """(page count, {font name: has an embedded TrueType program (FontFile2)})."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in _font_dicts(page.get("/Resources")):
            name = str(font.get("/BaseFont", "?"))
            target = font
            if font.get("/Subtype") == "/Type0":
                target = font["/DescendantFonts"][0].get_object()
            descriptor = target.get("/FontDescriptor")
            has_program = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[name] = found.get(name, True) and has_program
    return len(reader.pages), found


def check_dossier() -> Outcome:
    from desktop.bundle import read_case_file
    from desktop.dossier import render_dossier
    from desktop.sample import sample_case

    path = sample_path()
    with tempfile.TemporaryDirectory(prefix="case-dossier-selftest-") as tmp:
        folder = Path(tmp, "attachments")
        folder.mkdir()
        if path is not None:
            loaded = read_case_file(path)
            case = loaded.case
            for name, payload in loaded.attachments.items():
                (folder / name).write_bytes(payload)
        else:
            case = sample_case()
        # Other scripts, so the CJK faces are loaded and embedded too.
        case.title = f"{case.title} · {MIXED_SCRIPTS}"
        out = Path(tmp, "dossier.pdf")
        pages = render_dossier(case, out, attachments_dir=folder)
        counted, fonts = embedded_fonts(out)
        size = out.stat().st_size
    if pages <= 0 or counted != pages:
        raise CheckFailed(f"the renderer reported {pages} pages, the file has {counted}")
    if not fonts:
        raise CheckFailed("the PDF uses no fonts at all")
    bare = sorted(name for name, ok in fonts.items() if not ok)
    if bare:
        raise CheckFailed(f"fonts not embedded as TrueType: {', '.join(bare)}")
    names = ", ".join(sorted(n.split("+")[-1].lstrip("/") for n in fonts))
    return Outcome(
        "OK", f"{pages} pages, {size / 1024:.0f} KiB, {len(fonts)} fonts all embedded ({names})"
    )


def check_pdf_encryption() -> Outcome:
    """Receipts may come as password-protected PDFs: AES needs pypdf's `cryptography` provider."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="self-test", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    if not reader.is_encrypted or not reader.decrypt("self-test") or len(reader.pages) != 1:
        raise CheckFailed("an AES-256 encrypted PDF could not be read back")
    import cryptography

    return Outcome("OK", f"AES-256 round trip (cryptography {cryptography.__version__})")


# A 64 x 48 blue HEIC picture, as an iPhone writes them (HEVC in a HEIF container).
# pi-heif decodes only, so the check reads this one instead of encoding its own.
_HEIC_64X48 = (
    "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAX1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAA"
    "AAAAAAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAABoQABAAAAAAAAAB0AAAAjaWluZgAAAAAAAQAAABVp"
    "bmZlAgAAAAABAABodmMxAAAAAA5waXRtAAAAAAABAAAA/WlwcnAAAADdaXBjbwAAAHZodmNDAQNwAAAAkAAA"
    "AAAAHvAA/P34+AAADwNgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQGEAAQAqQgEBA3AAAAMAkAAAAwAA"
    "AwAeoCCBBZbq5Ka5uAhoMCAAAAMDIAAAAwAhYgABAAZEAcFzwIkAAAATY29scm5jbHgAAQANAAaAAAAAFGlz"
    "cGUAAAAAAAAAQAAAAEAAAAAoY2xhcAAAAEAAAAABAAAAMAAAAAEAAAAAAAAAAv////AAAAACAAAAEHBpeGkA"
    "AAAAAwgICAAAABhpcG1hAAAAAAAAAAEAAQWBAgMFhAAAACVtZGF0AAAAGSgBrxOA+BDhp//79qK/6ddX/Sku"
    "/OikM+A="
)


def check_images() -> Outcome:
    """Attached photos: JPEG, PNG and the iPhone's HEIC decode (Pillow, pi-heif)."""
    import base64
    import io

    import pi_heif
    from PIL import Image

    pi_heif.register_heif_opener()
    found = []
    for kind in ("JPEG", "PNG", "HEIF"):
        if kind == "HEIF":
            data = base64.b64decode(_HEIC_64X48)
        else:
            buffer = io.BytesIO()
            Image.new("RGB", (64, 48), (40, 90, 160)).save(buffer, format=kind)
            data = buffer.getvalue()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            if image.format != kind or image.size != (64, 48):
                raise CheckFailed(f"a {kind} picture came back as {image.format} {image.size}")
            red, _green, blue = image.convert("RGB").getpixel((32, 24))  # type: ignore[misc]
            if not (blue > 120 and red < 90):
                raise CheckFailed(f"a {kind} picture decoded to the wrong colour")
        found.append(kind)
    return Outcome("OK", f"{', '.join(found)} decode (pi-heif {pi_heif.__version__})")


def _app_languages() -> list[str]:
    """desktop.i18n.LANGUAGES when the app has translations; none before that."""
    try:
        from desktop.i18n import LANGUAGES
    except ImportError:
        return []
    return sorted(LANGUAGES)


def check_translations() -> Outcome:
    """The gettext catalogs in resources/locale (when this build has any): each compiled
    .mo reads; Babel has the data of every app language (dates, amounts); Qt's own
    qtbase catalog is noted when missing."""
    import gettext

    from desktop.paths import resources_dir

    folder = resources_dir() / "locale"
    catalogs = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    languages = sorted({*catalogs, *_app_languages()})
    if not catalogs:
        return Outcome("SKIP", "this build ships no translations yet")
    problems, counts, no_qt = [], [], []
    qt_translations = _qt_dir("translations")
    for language in catalogs:
        compiled = sorted((folder / language / "LC_MESSAGES").glob("*.mo"))
        if not compiled:
            problems.append(f"{language}: no compiled .mo")
            continue
        for mo in compiled:
            with mo.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)
            messages = [key for key in getattr(catalog, "_catalog", {}) if key]  # "": the header
            counts.append(f"{language} ({len(messages)} messages)")
    from babel import Locale
    from babel.dates import format_date

    for language in languages:
        try:
            format_date(date(2026, 10, 6), "long", locale=Locale.parse(language))
        except Exception as exc:
            problems.append(f"{language}: no Babel locale data ({type(exc).__name__})")
        base = language.split("_")[0]
        if (
            base != "en"
            and qt_translations is not None
            and not list(qt_translations.glob(f"qtbase_{base}*.qm"))
        ):
            no_qt.append(language)
    if problems:
        raise CheckFailed("; ".join(problems))
    note = f"; Qt has no qtbase catalog for {', '.join(no_qt)}" if no_qt else ""
    return Outcome("OK", ", ".join(counts) + f"; Babel data for {', '.join(languages)}" + note)


def _qt_dir(name: str) -> Path | None:
    """A folder of PySide6's Qt ("plugins", "translations"), found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None:
        return None
    for root in spec.submodule_search_locations or []:
        for candidate in (Path(root, "Qt", name), Path(root, name)):
            if candidate.is_dir():
                return candidate
    return None


def check_qt() -> Outcome:
    plugins = _qt_dir("plugins")
    if plugins is None or not (plugins / "platforms").is_dir():
        raise CheckFailed("PySide6 or its platform plugins are missing")
    platforms = sorted(
        {
            p.name.split(".")[0].removeprefix("lib").removeprefix("q")
            for p in plugins.glob("platforms/*")
        }
    )
    native = next((v for k, v in _NATIVE_QT_PLATFORM.items() if sys.platform.startswith(k)), None)
    if native is not None and native not in platforms:
        raise CheckFailed(f"no '{native}' platform plugin (found: {', '.join(platforms)})")

    platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    with tempfile.TemporaryDirectory(prefix="case-dossier-selftest-") as home:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=platform,
            CASE_DOSSIER_HOME=home,
            **{STARTUP_PROBE_ENV: "1"},
        )
        started = time.time()
        try:
            out = subprocess.run(
                app_command(),
                env=env,
                capture_output=True,
                text=True,
                timeout=QT_TIMEOUT_S,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise CheckFailed(
                f"the main window was not painted within {QT_TIMEOUT_S:.0f} s"
            ) from None
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    try:
        painted = float(lines[-1]) - started
    except (IndexError, ValueError):
        painted = -1.0
    if out.returncode != 0 or painted < 0:
        tail = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise CheckFailed(f"the app did not start (exit {out.returncode}): {tail}")
    return Outcome(
        "OK",
        f"main window painted in {painted:.2f} s on '{platform}' "
        f"(platform plugins: {', '.join(platforms)})",
    )


# -- running ------------------------------------------------------------------------


def checks(*, allow_no_keyring: bool = False, qt: bool = True) -> list[Check]:
    found = [
        Check("keyring", lambda: check_keyring(allow_no_keyring)),
        Check("reference data", check_reference_data),
        Check("schema", check_schema),
        Check("sample case", check_sample),
        Check("fonts", check_fonts),
        Check("dossier", check_dossier),
        Check("PDF encryption", check_pdf_encryption),
        Check("images", check_images),
        Check("translations", check_translations),
    ]
    if qt:
        found.append(Check("Qt", check_qt))
    return found


def run_checks(selected: list[Check], out: TextIO) -> int:
    from desktop import APP_NAME, __version__

    where = (
        f"frozen bundle in {install_root()}" if is_frozen() else f"Python {sys.version.split()[0]}"
    )
    print(f"{APP_NAME} {__version__} self-test ({where}, {sys.platform})", file=out, flush=True)
    failed = warned = 0
    for check in selected:
        started = time.perf_counter()
        try:
            outcome = check.run()
        except Exception as exc:  # any failure is a finding, reported, never a crash
            detail = str(exc) if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {exc}"
            outcome = Outcome("FAIL", detail)
        took = time.perf_counter() - started
        failed += outcome.status == "FAIL"
        warned += outcome.status == "WARN"
        print(
            f"{outcome.status:<4}  {check.name}: {outcome.detail} [{took:.1f} s]",
            file=out,
            flush=True,
        )
    total = len(selected)
    if failed:
        print(f"Self-test FAILED: {failed} of {total} checks failed.", file=out, flush=True)
        return 1
    extra = f", {warned} with a warning" if warned else ""
    print(f"Self-test passed: {total} checks, none failed{extra}.", file=out, flush=True)
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-no-keyring",
        action="store_true",
        help="report an unusable keyring as a warning, not a failure (CI, headless machines)",
    )
    parser.add_argument(
        "--no-qt", action="store_true", help="leave out the check that the window starts"
    )


def run_from_args(args: argparse.Namespace) -> int:
    return run_checks(checks(allow_no_keyring=args.allow_no_keyring, qt=not args.no_qt), sys.stdout)
