"""Translations for the core, the dossier and the UI: gettext catalogs managed with Babel.

One catalog per language, `resources/locale/<lang>/LC_MESSAGES/case_dossier.po`,
compiled to the `.mo` beside it (committed, so a wheel or a frozen app needs no
build step; `scripts/i18n.py check` and the tests fail when a `.mo` is stale).
English is the source language: a message missing from a catalog is shown in
English. Messages use named placeholders only ("{count} days", "{date}") and
plural forms through `ngettext` (Russian has three, Chinese one).

Two languages are in play and never mixed up: the UI language (`ui_language()`,
from the OS on first start, then the user's choice) and the dossier language
(`case.owner.dossier_language`): a Russian-speaking user in the US writes to
Apple's US executive team in English. Core functions whose words reach the
user take a `language` argument ("en" by default) and call `translator()`.

No Qt here (the core never imports it); the UI loads Qt's own `qtbase_*.qm`
for standard buttons and dialogs in desktop/ui/i18n.py.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import io
import locale
import math
import os
import re
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

DOMAIN = "case_dossier"
SOURCE_LANGUAGE = "en"
# The languages with a complete catalog, each with its name in that language.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "zh_CN": "简体中文",
    "ru": "Русский",
}

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))*")


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message


def locale_dir() -> Path:
    from desktop.paths import resources_dir

    return resources_dir() / "locale"


def supported_language(tag: str | None) -> str | None:
    """One of LANGUAGES for a locale name or BCP 47 tag, or None if we have no catalog.

    "de-AT", "de_DE.UTF-8" -> "de"; "ru_RU" -> "ru"; any Chinese ("zh", "zh-Hans-CN",
    "zh_TW") -> "zh_CN", the only Chinese catalog; "C", "POSIX", "" -> None.
    """
    text = (tag or "").strip().split(".")[0].split("@")[0]
    match = _TAG.match(text)
    if match is None or text.upper() in ("C", "POSIX"):
        return None
    language = match.group(1).lower()
    if language == "zh":
        return "zh_CN"
    return language if language in LANGUAGES else None


def normalize_language(tag: str | None) -> str:
    """The catalog to use for a language tag: one of LANGUAGES, English if unsupported."""
    return supported_language(tag) or SOURCE_LANGUAGE


class Translator:
    """The messages of one language; missing entries come back in English."""

    def __init__(self, language: str, catalog: _gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog
        self._sources: dict[str, str] | None = None

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message) if message else message

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self._catalog.npgettext(context, singular, plural, count)

    def source_of(self, text: str) -> str | None:
        """The English text that `text` translates, if it is one of this catalog's (a
        shortcut letter for a Chinese caption is taken from its English words)."""
        if self._sources is None:
            entries = getattr(self._catalog, "_catalog", {})
            self._sources = {
                translated: original.rpartition("\x04")[2]
                for original, translated in entries.items()
                if isinstance(original, str) and isinstance(translated, str) and original
            }
        return self._sources.get(text)

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping (1,234 / 1.234 / 1 234)."""
        if self.language == SOURCE_LANGUAGE:
            return f"{value:,}"
        from babel.numbers import format_decimal

        return str(format_decimal(value, format="#,##0", locale=self.language))

    def __repr__(self) -> str:
        return f"Translator({self.language!r})"


_lock = threading.Lock()


def translator(language: str | None = SOURCE_LANGUAGE) -> Translator:
    """The translator for a language tag (cached); English for an unsupported one.
    PSEUDO_LANGUAGE gives the pseudo-localising translator (a developer's check)."""
    if is_pseudo(language):
        return _pseudo_translator()
    return _translator(normalize_language(language))


@cache
def _translator(language: str) -> Translator:
    if language == SOURCE_LANGUAGE:
        return Translator(language, _gettext.NullTranslations())
    with _lock:
        return Translator(language, _load(language))


def _load(language: str) -> _gettext.NullTranslations:
    folder = locale_dir() / language / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    try:
        with compiled.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    except OSError:
        pass
    # A source checkout where the catalog was edited but not compiled yet.
    source = folder / f"{DOMAIN}.po"
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with source.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return _gettext.GNUTranslations(buffer)
    except (OSError, ValueError):
        return _gettext.NullTranslations()


# -- pseudo-localisation: a developer's check, never offered to users ----------

# Not a language users can choose (it is in neither LANGUAGES nor any list shown to
# them): the UI is started in it with CASE_DOSSIER_PSEUDO=1 (docs/translations.md).
PSEUDO_LANGUAGE = "x-pseudo"
PSEUDO_OPEN = "["
PSEUDO_CLOSE = "]"
PSEUDO_PAD = "\u00b7"  # a middle dot: padding anyone can tell from real text
# Translations run longer than English (German, Russian: about a third); short texts more.
PSEUDO_GROWTH = 0.4

_PSEUDO_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀċďéƒĝĥíĵķļṁñöṗʠŕśţúṽŵẋýžÁƁĊĎÉƑĜĤÍĴĶĻṀÑÖṖǪŔŚŢÚṼŴẊÝŽ",
)
# What must come through untouched: format placeholders ({name}, {count:,}, {{ and }}),
# HTML tags and entities, "&&" and a mnemonic "&" with its letter (the shortcut key
# stays the same), printf-style %1 / %s, and file-name patterns like "*.pdf".
_PSEUDO_KEEP = re.compile(
    r"\{\{|\}\}|\{[^{}]*\}"
    r"|<[^<>]*>"
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
    r"|&&|&\S"
    r"|%[0-9n]|%[sd]"
    r"|\*\.[A-Za-z0-9]+"
)
# The text proper sits between leading and trailing whitespace and tags: the markers
# go just inside them, so "<p>Hello</p>\n" becomes "<p>[Ĥéļļö ··]</p>\n".
_PSEUDO_EDGES = re.compile(r"^((?:\s|<[^<>]*>)*)(.*?)((?:\s|<[^<>]*>)*)$", re.DOTALL)


def is_pseudo(language: str | None) -> bool:
    return (language or "").replace("_", "-").lower() == PSEUDO_LANGUAGE


def pseudo_localize(text: str) -> str:
    """The text as a longer, accented look-alike with marked ends: "Save case" ->
    "[Śáṽé ċáśé ····]". Shows at a glance which texts went through translation,
    whether a layout has room for longer languages and whether non-ASCII letters draw."""
    if not text or text.isspace():
        return text
    match = _PSEUDO_EDGES.match(text)
    assert match is not None  # the pattern matches any text
    before, core, after = match.groups()
    if not any(char.isalpha() for char in _PSEUDO_KEEP.sub("", core)):
        return text  # punctuation that joins texts ("; ", " · "): no words to check
    parts: list[str] = []
    visible = 0
    position = 0
    for kept in _PSEUDO_KEEP.finditer(core):
        plain = core[position : kept.start()]
        parts.append(plain.translate(_PSEUDO_LETTERS))
        parts.append(kept.group())
        visible += len(plain)
        position = kept.end()
    plain = core[position:]
    parts.append(plain.translate(_PSEUDO_LETTERS))
    visible += len(plain)
    padding = PSEUDO_PAD * max(1, math.ceil(visible * PSEUDO_GROWTH) - 3)  # with "[", " ", "]"
    return f"{before}{PSEUDO_OPEN}{''.join(parts)} {padding}{PSEUDO_CLOSE}{after}"


class PseudoTranslator(Translator):
    """English source texts, pseudo-localised; numbers, dates and Babel stay English."""

    def __init__(self) -> None:
        super().__init__(SOURCE_LANGUAGE, _gettext.NullTranslations())

    def gettext(self, message: str) -> str:
        return pseudo_localize(message)

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return pseudo_localize(super().ngettext(singular, plural, count))

    def pgettext(self, context: str, message: str) -> str:
        return pseudo_localize(super().pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return pseudo_localize(super().npgettext(context, singular, plural, count))

    def __repr__(self) -> str:
        return f"PseudoTranslator({PSEUDO_LANGUAGE!r})"


@cache
def _pseudo_translator() -> PseudoTranslator:
    return PseudoTranslator()


# -- the UI language from the operating system -------------------------------

_ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def ui_language(
    preferred: Iterable[str] | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The UI language on first start: the first of the user's languages we have.

    `preferred` is the OS's ordered list when the caller knows it (the UI passes
    QLocale.system().uiLanguages(), which reads the macOS and Windows settings).
    Without it: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; then the platform's own
    setting (Windows' UI language, macOS' AppleLanguages); then Python's and
    Babel's idea of the default locale. English if none of them is one of ours.
    A given `environ` (tests) is the only place looked at after `preferred`.
    """
    for tag in _candidates(preferred, environ):
        found = supported_language(tag)
        if found is not None:
            return found
    return SOURCE_LANGUAGE


def _candidates(
    preferred: Iterable[str] | None, environ: Mapping[str, str] | None
) -> Iterable[str]:
    if preferred is not None:
        yield from preferred
    for name in _ENV_VARIABLES:
        value = (os.environ if environ is None else environ).get(name, "")
        if name == "LANGUAGE":  # a colon-separated list of preferences (GNU)
            yield from value.split(":")
        elif value:
            yield value
            break  # LC_ALL overrides LC_MESSAGES overrides LANG
    if environ is not None:
        return
    yield from _platform_languages()
    with contextlib.suppress(ValueError, TypeError, locale.Error):
        yield locale.getlocale()[0] or ""
    try:
        from babel.core import default_locale

        yield default_locale() or ""
    except (ImportError, ValueError):
        pass


def _platform_languages() -> list[str]:
    try:
        if sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            buffer = ctypes.create_unicode_buffer(85)
            found = []
            # The display language first, then the regional format's language.
            if kernel.LCIDToLocaleName(kernel.GetUserDefaultUILanguage(), buffer, 85, 0):
                found.append(buffer.value)
            if kernel.GetUserDefaultLocaleName(buffer, 85):
                found.append(buffer.value)
            return found
        elif sys.platform == "darwin":
            import plistlib

            path = Path.home() / "Library" / "Preferences" / ".GlobalPreferences.plist"
            with path.open("rb") as handle:
                languages = plistlib.load(handle).get("AppleLanguages", [])
            return [str(item) for item in languages]
    except Exception:  # an unreadable setting only means we look further
        pass
    return []


# -- messages with plural forms, defined ahead of use -------------------------


@dataclass(frozen=True)
class Plural:
    """A message with plural forms, marked where it is defined and shown later.

    `Plural("{count} day", "{count} days")(3)` is "3 days"; in Russian the
    catalog's three forms give "3 дня" and "5 дней". `{count}` is the number
    grouped for the language; other named values are passed as keywords.
    Extracted like ngettext (keyword `Plural:1,2` in scripts/i18n.py).
    """

    singular: str
    plural: str
    language: str = SOURCE_LANGUAGE

    def __call__(self, count: int, **values: object) -> str:
        words = translator(self.language)
        template = words.ngettext(self.singular, self.plural, count)
        values.setdefault("count", words.number(count))
        return template.format(**values)

    def in_language(self, language: str) -> Plural:
        chosen = PSEUDO_LANGUAGE if is_pseudo(language) else normalize_language(language)
        return replace(self, language=chosen)
