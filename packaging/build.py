"""Build the double-click app for this platform, sign it when told how, and self-test it.

    python packaging/build.py linux   [options]   folder (+ .tar.gz with --archive)
    python packaging/build.py macos   [options]   .app -> signed, .dmg -> notarised, stapled
    python packaging/build.py windows [options]   folder -> signed .exe files, .zip, installer
    python packaging/build.py signing macos|windows   what signing would do with this
                                                      environment (nothing is run)

Options: --dist DIR and --work DIR (default dist/ and build/pyinstaller/), --clean
(PyInstaller starts from scratch), --archive (Linux: also a .tar.gz), --no-selftest,
--allow-no-keyring (passed to the frozen self-test, for CI and headless machines).

Signing is driven by environment variables (CI secrets), all documented in
packaging/README.md; when they are absent the step is skipped with a message and
the build still succeeds. A half-configured step (an API key id with no issuer,
notarisation without a signing identity) is an error: better loud than an unsigned
release that looked signed. Secrets never appear in the printed commands.

PyInstaller comes from the project's `package` extra (pyproject.toml); it is
installed into the running Python when missing.
"""

from __future__ import annotations

import argparse
import base64
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "case-dossier.spec"
APP_NAME = "Case Dossier"
EXE_NAME = "case-dossier"
BUNDLE_ID = "org.casedossier.app"
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
# Values of these variables are replaced by *** whenever a command is printed.
SECRET_VARIABLES = (
    "MACOS_SIGN_P12_BASE64",
    "MACOS_SIGN_P12_PASSWORD",
    "MACOS_NOTARY_API_KEY_BASE64",
    "MACOS_NOTARY_PASSWORD",
    "WINDOWS_SIGN_PFX_BASE64",
    "WINDOWS_SIGN_PFX_PASSWORD",
)


class BuildError(Exception):
    """A step failed or is misconfigured; the message says which and what to do."""


def version() -> str:
    """desktop/__init__.py's __version__, read as text (the spec reads it the same way)."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise BuildError("desktop/__init__.py has no __version__ literal")
    return match.group(1)


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def env_value(env: Mapping[str, str], name: str) -> str:
    """A variable's value; unset and empty are the same (CI passes missing secrets as "")."""
    return env.get(name, "").strip()


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def masked(command: Sequence[str], env: Mapping[str, str]) -> str:
    secrets = [env_value(env, name) for name in SECRET_VARIABLES]
    shown = []
    for part in command:
        for secret in secrets:
            if secret:
                part = part.replace(secret, "***")
        shown.append(part if re.fullmatch(r"[\w@%+=:,./-]+", part) else repr(part))
    return " ".join(shown)


def run(command: Sequence[str], *, env: Mapping[str, str] | None = None, **kw: Any) -> None:
    shown_env = os.environ if env is None else env
    say(f"$ {masked(command, shown_env)}")
    done = subprocess.run(list(command), env=None if env is None else dict(env), **kw)
    if done.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed (exit {done.returncode})")


# -- PyInstaller ---------------------------------------------------------------------


def package_requirements() -> list[str]:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = data["project"]["optional-dependencies"]
    return [req for req in extras["package"]]


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        say("PyInstaller is missing: installing the `package` extra's requirements")
        run([sys.executable, "-m", "pip", "install", "-q", *package_requirements()])


def run_pyinstaller(dist: Path, work: Path, *, clean: bool) -> float:
    ensure_pyinstaller()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    started = time.monotonic()
    run([*command, str(SPEC)], cwd=ROOT)
    return time.monotonic() - started


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of the regular files under path; symlinks count as nothing."""
    total = files = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            info = os.lstat(os.path.join(root, name))
            if not os.path.islink(os.path.join(root, name)):
                total += info.st_size
                files += 1
    return total, files


def self_test(executable: Path, *, allow_no_keyring: bool) -> None:
    command = [str(executable), "self-test"]
    if allow_no_keyring:
        command.append("--allow-no-keyring")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    say(f"frozen self-test (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})")
    try:
        run(command, env=env, stdin=subprocess.DEVNULL, timeout=600)
    except BuildError:
        raise BuildError("the frozen app's self-test failed (its report is above)") from None


# -- Linux ---------------------------------------------------------------------------


def finish_linux(folder: Path, dist: Path, *, archive: bool) -> list[Path]:
    """The desktop entry, the icons in hicolor layout and the menu installer beside the app."""
    shutil.copy2(PACKAGING / "case-dossier.desktop", folder / "case-dossier.desktop")
    shutil.copy2(PACKAGING / "icons" / "png" / "case-dossier-256.png", folder / "case-dossier.png")
    for png in sorted((PACKAGING / "icons" / "png").glob("case-dossier-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = folder / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / "case-dossier.png")
    installer = folder / "install-desktop-entry.sh"
    shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", installer)
    installer.chmod(0o755)
    if not archive:
        return [folder]
    tarball = dist / f"CaseDossier-{version()}-linux-{arch()}.tar.gz"
    say(f"writing {tarball.name}")
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"CaseDossier-{version()}")
    return [folder, tarball]


# -- macOS ---------------------------------------------------------------------------


@dataclass
class MacSigning:
    identity: str | None
    notary_args: list[str] | None  # notarytool's authentication arguments
    skipped: list[str] = field(default_factory=list)  # why a step will not run


def macos_signing(env: Mapping[str, str], key_file: Path | None = None) -> MacSigning:
    """What macOS signing and notarisation will do with these variables (nothing runs)."""
    identity = env_value(env, "MACOS_SIGN_IDENTITY") or None
    skipped = []
    if identity is None:
        skipped.append(
            "macOS code signing skipped: MACOS_SIGN_IDENTITY is not set. The app gets "
            "ad-hoc signatures only: Gatekeeper will refuse a downloaded copy, and "
            "Keychain access is asked for again after every update."
        )
    profile = env_value(env, "MACOS_NOTARY_KEYCHAIN_PROFILE")
    key_id = env_value(env, "MACOS_NOTARY_API_KEY_ID")
    issuer = env_value(env, "MACOS_NOTARY_API_ISSUER")
    key_path = env_value(env, "MACOS_NOTARY_API_KEY_PATH")
    key_b64 = env_value(env, "MACOS_NOTARY_API_KEY_BASE64")
    apple_id = env_value(env, "MACOS_NOTARY_APPLE_ID")
    password = env_value(env, "MACOS_NOTARY_PASSWORD")
    team = env_value(env, "MACOS_NOTARY_TEAM_ID")
    notary: list[str] | None = None
    if profile:
        notary = ["--keychain-profile", profile]
    elif key_id or issuer or key_path or key_b64:
        if not (key_id and issuer and (key_path or key_b64)):
            raise BuildError(
                "notarisation with an App Store Connect API key needs MACOS_NOTARY_API_KEY_ID, "
                "MACOS_NOTARY_API_ISSUER and MACOS_NOTARY_API_KEY_PATH (or _BASE64)"
            )
        path = key_path or str(key_file or "<AuthKey.p8 written from MACOS_NOTARY_API_KEY_BASE64>")
        notary = ["--key", path, "--key-id", key_id, "--issuer", issuer]
    elif apple_id or password or team:
        if not (apple_id and password and team):
            raise BuildError(
                "notarisation with an Apple ID needs MACOS_NOTARY_APPLE_ID, "
                "MACOS_NOTARY_PASSWORD (an app-specific password) and MACOS_NOTARY_TEAM_ID"
            )
        notary = ["--apple-id", apple_id, "--password", password, "--team-id", team]
    if notary is not None and identity is None:
        raise BuildError("notarisation is configured but MACOS_SIGN_IDENTITY is not: sign first")
    if notary is None:
        skipped.append(
            "macOS notarisation skipped: no MACOS_NOTARY_* credentials "
            "(a keychain profile, an App Store Connect API key or an Apple ID)."
        )
    return MacSigning(identity, notary, skipped)


def macos_keychain(env: Mapping[str, str], work: Path) -> None:
    """CI: import the Developer ID certificate (base64 .p12) into a temporary keychain."""
    p12 = env_value(env, "MACOS_SIGN_P12_BASE64")
    if not p12:
        return
    keychain = work / "signing.keychain-db"
    secret = base64.b64encode(os.urandom(24)).decode()
    cert = work / "signing.p12"
    work.mkdir(parents=True, exist_ok=True)
    cert.write_bytes(base64.b64decode(p12))
    try:
        run(["security", "create-keychain", "-p", secret, str(keychain)])
        run(["security", "set-keychain-settings", "-lut", "21600", str(keychain)])
        run(["security", "unlock-keychain", "-p", secret, str(keychain)])
        run(
            [
                "security",
                "import",
                str(cert),
                "-k",
                str(keychain),
                "-P",
                env_value(env, "MACOS_SIGN_P12_PASSWORD"),
                "-T",
                "/usr/bin/codesign",
            ]
        )
        run(
            [
                "security",
                "set-key-partition-list",
                "-S",
                "apple-tool:,apple:,codesign:",
                "-s",
                "-k",
                secret,
                str(keychain),
            ],
            stdout=subprocess.DEVNULL,
        )
        listed = subprocess.run(
            ["security", "list-keychains", "-d", "user"], capture_output=True, text=True
        ).stdout.split()
        run(
            ["security", "list-keychains", "-d", "user", "-s", str(keychain)]
            + [k.strip('"') for k in listed]
        )
    finally:
        cert.unlink(missing_ok=True)


def finish_macos(app: Path, dist: Path, env: Mapping[str, str]) -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        key_file = None
        if env_value(env, "MACOS_NOTARY_API_KEY_BASE64") and not env_value(
            env, "MACOS_NOTARY_API_KEY_PATH"
        ):
            key_file = Path(tmp, "AuthKey.p8")
            key_file.write_bytes(base64.b64decode(env_value(env, "MACOS_NOTARY_API_KEY_BASE64")))
        plan = macos_signing(env, key_file)
        for message in plan.skipped:
            say(message)
        if plan.identity:
            # PyInstaller signed every binary and the bundle (hardened runtime, entitlements).
            run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])
        dmg = dist / f"CaseDossier-{version()}-macos-{arch()}.dmg"
        staging = Path(tmp, "dmg")
        staging.mkdir()
        shutil.copytree(app, staging / app.name, symlinks=True)
        (staging / "Applications").symlink_to("/Applications")
        dmg.unlink(missing_ok=True)
        volume = ["-volname", APP_NAME, "-srcfolder", str(staging)]
        run(["hdiutil", "create", *volume, "-ov", "-format", "UDZO", str(dmg)])
        if plan.identity:
            run(["codesign", "--sign", plan.identity, "--timestamp", str(dmg)])
        if plan.notary_args:
            run(["xcrun", "notarytool", "submit", str(dmg), "--wait", *plan.notary_args], env=env)
            run(["xcrun", "stapler", "staple", str(dmg)])
            run(["xcrun", "stapler", "validate", str(dmg)])
            context = ["--context", "context:primary-signature"]
            run(["spctl", "--assess", "--type", "open", *context, "--verbose=2", str(dmg)])
    return [app, dmg]


# -- Windows -------------------------------------------------------------------------


@dataclass
class WinSigning:
    args: list[str] | None  # signtool's certificate arguments
    skipped: list[str] = field(default_factory=list)


def windows_signing(env: Mapping[str, str], pfx_file: Path | None = None) -> WinSigning:
    thumbprint = env_value(env, "WINDOWS_SIGN_CERT_SHA1")
    pfx = env_value(env, "WINDOWS_SIGN_PFX")
    pfx_b64 = env_value(env, "WINDOWS_SIGN_PFX_BASE64")
    password = env_value(env, "WINDOWS_SIGN_PFX_PASSWORD")
    if thumbprint:
        return WinSigning(["/sha1", thumbprint])
    if pfx or pfx_b64:
        path = pfx or str(pfx_file or "<certificate.pfx written from WINDOWS_SIGN_PFX_BASE64>")
        return WinSigning(["/f", path] + (["/p", password] if password else []))
    if password:
        raise BuildError("WINDOWS_SIGN_PFX_PASSWORD is set but no WINDOWS_SIGN_PFX(_BASE64)")
    return WinSigning(
        None,
        [
            "Windows code signing skipped: set WINDOWS_SIGN_CERT_SHA1 (a certificate in the "
            "store or on a token), or WINDOWS_SIGN_PFX / WINDOWS_SIGN_PFX_BASE64 with "
            "WINDOWS_SIGN_PFX_PASSWORD. Unsigned, SmartScreen warns before the app starts."
        ],
    )


def signtool_command(env: Mapping[str, str], cert_args: list[str], files: list[Path]) -> list[str]:
    signtool = env_value(env, "SIGNTOOL") or shutil.which("signtool") or find_signtool()
    url = env_value(env, "WINDOWS_SIGN_TIMESTAMP_URL") or DEFAULT_TIMESTAMP_URL
    return [
        signtool or "signtool",
        "sign",
        "/fd",
        "SHA256",
        "/tr",
        url,
        "/td",
        "SHA256",
        "/d",
        APP_NAME,
        *cert_args,
        *(str(f) for f in files),
    ]


def find_signtool() -> str | None:
    kits = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"), "Windows Kits")
    found = sorted(kits.glob("10/bin/10.*/x64/signtool.exe")) if kits.is_dir() else []
    return str(found[-1]) if found else None


def find_iscc(env: Mapping[str, str]) -> str | None:
    for candidate in (
        env_value(env, "ISCC"),
        shutil.which("iscc"),
        shutil.which("ISCC"),
        r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
        r"C:\Program Files\Inno Setup 6\ISCC.exe",
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def finish_windows(folder: Path, dist: Path, env: Mapping[str, str]) -> list[Path]:
    artefacts = [folder]
    with tempfile.TemporaryDirectory() as tmp:
        pfx_file = None
        if env_value(env, "WINDOWS_SIGN_PFX_BASE64") and not env_value(env, "WINDOWS_SIGN_PFX"):
            pfx_file = Path(tmp, "certificate.pfx")
            pfx_file.write_bytes(base64.b64decode(env_value(env, "WINDOWS_SIGN_PFX_BASE64")))
        plan = windows_signing(env, pfx_file)
        for message in plan.skipped:
            say(message)
        exes = [folder / f"{APP_NAME}.exe", folder / f"{EXE_NAME}.exe"]
        if plan.args:
            run(signtool_command(env, plan.args, exes), env=env)
        stem = f"CaseDossier-{version()}-windows-{arch()}"
        zipped = Path(shutil.make_archive(str(dist / stem), "zip", folder.parent, folder.name))
        say(f"wrote {zipped.name}")
        artefacts.append(zipped)
        iscc = find_iscc(env)
        if iscc is None:
            say("installer skipped: Inno Setup's ISCC.exe was not found (set ISCC to its path)")
            return artefacts
        run(
            [
                iscc,
                f"/DAppVersion={version()}",
                f"/DSourceDir={folder}",
                f"/DOutputDir={dist}",
                f"/DOutputBaseFilename={stem}-setup",
                str(PACKAGING / "windows" / "case-dossier.iss"),
            ]
        )
        setup = dist / f"{stem}-setup.exe"
        if plan.args:
            run(signtool_command(env, plan.args, [setup]), env=env)
        artefacts.append(setup)
    return artefacts


# -- the command ---------------------------------------------------------------------

TARGETS = {"linux": "linux", "macos": "darwin", "windows": "win32"}


def bundle_paths(target: str, dist: Path) -> tuple[Path, Path]:
    """(the bundle folder or .app, the executable that runs `self-test`)."""
    if target == "linux":
        return dist / EXE_NAME, dist / EXE_NAME / EXE_NAME
    if target == "macos":
        app = dist / f"{APP_NAME}.app"
        return app, app / "Contents" / "MacOS" / EXE_NAME
    return dist / APP_NAME, dist / APP_NAME / f"{EXE_NAME}.exe"


def build(target: str, args: argparse.Namespace) -> int:
    here = next(name for name, prefix in TARGETS.items() if sys.platform.startswith(prefix))
    if target != here:
        raise BuildError(
            f"a {target} build runs on {target} (PyInstaller does not cross-compile); "
            f"this is {here}. The release workflow builds all three."
        )
    env = dict(os.environ)
    dist, work = args.dist.resolve(), args.work.resolve()
    if target == "macos":
        macos_signing(env)  # a half-configured signing setup fails before a long build
        macos_keychain(env, work)
    if target == "windows":
        windows_signing(env)
    say(f"building {APP_NAME} {version()} for {target}-{arch()} with {sys.executable}")
    seconds = run_pyinstaller(dist, work, clean=args.clean)
    say(f"PyInstaller took {seconds:.0f} s")

    folder, executable = bundle_paths(target, dist)
    size, files = tree_size(folder)
    say(f"bundle: {folder} ({size / 1e6:.1f} MB, {size / 2**20:.1f} MiB, {files} files)")

    if not args.no_selftest:
        self_test(executable, allow_no_keyring=args.allow_no_keyring)

    if target == "linux":
        artefacts = finish_linux(folder, dist, archive=args.archive)
    elif target == "macos":
        artefacts = finish_macos(folder, dist, env)
    else:
        artefacts = finish_windows(folder, dist, env)
    for artefact in artefacts:
        say(f"artefact: {artefact}")
    return 0


def show_signing(target: str) -> int:
    env = dict(os.environ)
    if target == "macos":
        mac = macos_signing(env)
        for message in mac.skipped:
            say(message)
        if mac.identity:
            say(
                f"codesign (by PyInstaller): identity {mac.identity!r}, hardened runtime, "
                f"entitlements packaging/macos/entitlements.plist, bundle id {BUNDLE_ID}"
            )
        if mac.notary_args:
            command = ["xcrun", "notarytool", "submit", "<dmg>", "--wait", *mac.notary_args]
            say("then: $ " + masked(command, env) + "; xcrun stapler staple <dmg>")
    else:
        win = windows_signing(env)
        for message in win.skipped:
            say(message)
        if win.args:
            say("$ " + masked(signtool_command(env, win.args, [Path(f"{APP_NAME}.exe")]), env))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=[*TARGETS, "signing"])
    parser.add_argument("signing_target", nargs="?", choices=["macos", "windows"])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="rebuild PyInstaller's cache")
    parser.add_argument("--archive", action="store_true", help="Linux: also write a .tar.gz")
    parser.add_argument("--no-selftest", action="store_true")
    parser.add_argument("--allow-no-keyring", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.target == "signing":
            if args.signing_target is None:
                parser.error("signing needs a target: macos or windows")
            return show_signing(args.signing_target)
        return build(args.target, args)
    except BuildError as exc:
        print(f"[build] error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
