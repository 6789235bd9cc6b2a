"""The words for the model's codes, and the lists the pickers offer.

Countries come from Qt's locale database (ISO 3166 codes with English names),
time zones from the IANA database via zoneinfo; nothing here is case data.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QLocale, QTimeZone

from desktop.model import CaseStatus, CaseType, Channel, DeviceKind, Outcome, PlanKind, Tier
from desktop.ui.i18n import N_, Plural, tr, tr_count

DEVICE_KIND_LABELS: dict[DeviceKind, str] = {
    DeviceKind.IPHONE: N_("iPhone"),
    DeviceKind.IPAD: N_("iPad"),
    DeviceKind.MAC: N_("Mac"),
    DeviceKind.WATCH: N_("Apple Watch"),
    DeviceKind.AIRPODS: N_("AirPods"),
    DeviceKind.OTHER: N_("Other"),
}

CASE_TYPE_LABELS: dict[CaseType, str] = {
    CaseType.HARDWARE: N_("Hardware fault"),
    CaseType.ACCOUNT: N_("Account & billing"),
    CaseType.SOFTWARE: N_("Software & services"),
}

CASE_TYPE_EXPLANATIONS: dict[CaseType, str] = {
    CaseType.HARDWARE: N_(
        "The device is damaged or fails: battery, screen, charging, it will not start."
    ),
    CaseType.ACCOUNT: N_("A charge, refund, subscription, or a locked or disabled Apple Account."),
    CaseType.SOFTWARE: N_(
        "iCloud, an update, an app or a service that does not work as it should."
    ),
}

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.PHONE: N_("Phone call"),
    Channel.CHAT: N_("Chat"),
    Channel.EMAIL: N_("Email"),
    Channel.STORE_VISIT: N_("Store visit"),
    Channel.MAIL_IN: N_("Mail-in repair"),
    Channel.LETTER: N_("Letter"),
    Channel.SOCIAL: N_("Social media"),
}

TIER_LABELS: dict[Tier, str] = {
    Tier.SERVICE_PROVIDER: N_("Authorised service provider"),
    Tier.APPLE_STORE: N_("Apple Store"),
    Tier.APPLECARE: N_("AppleCare advisor"),
    Tier.SENIOR_ADVISOR: N_("Senior advisor"),
    Tier.CUSTOMER_RELATIONS: N_("Customer Relations"),
    Tier.EXECUTIVE_RELATIONS: N_("Executive Relations"),
    Tier.INVESTOR_RELATIONS: N_("Investor Relations"),
    Tier.CARRIER: N_("Carrier"),
    Tier.OTHER: N_("Other"),
}

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.PENDING: N_("Waiting for an answer"),
    Outcome.RESOLVED: N_("Resolved"),
    Outcome.PARTLY: N_("Partly resolved"),
    Outcome.REFUSED: N_("Refused"),
    Outcome.NO_ANSWER: N_("No answer"),
}

PLAN_LABELS: dict[PlanKind, str] = {
    PlanKind.NONE: N_("No AppleCare plan"),
    PlanKind.APPLECARE_PLUS: N_("AppleCare+"),
    PlanKind.APPLECARE_PLUS_THEFT: N_("AppleCare+ with Theft and Loss"),
    PlanKind.APPLECARE_ONE: N_("AppleCare One"),
}

# Devices whose identifiers Apple asks for first.
SERIAL_REQUIRED: frozenset[DeviceKind] = frozenset(
    {DeviceKind.IPHONE, DeviceKind.IPAD, DeviceKind.MAC, DeviceKind.WATCH}
)
# Devices that may have a SIM or eSIM, so an IMEI and an EID.
HAS_IMEI: frozenset[DeviceKind] = frozenset({DeviceKind.IPHONE, DeviceKind.IPAD})

LANGUAGES: list[tuple[str, str]] = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("zh", "中文"),
    ("ru", "Русский"),
]

COMMON_CURRENCIES = [
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "TWD", "KRW",
    "SGD", "INR", "RUB", "UAH", "PLN", "CZK", "SEK", "NOK", "DKK", "HUF", "TRY", "BRL",
    "MXN", "ZAR", "AED", "SAR", "ILS",
]  # fmt: skip

FREQUENCIES = [
    N_("All the time"),
    N_("Several times a day"),
    N_("About once a day"),
    N_("A few times a week"),
    N_("Now and then"),
    N_("It happened once"),
]

TEXT_STATUS_DRAFT = N_("Draft — not finished")
TEXT_STATUS_OPEN_NONE = N_("Open, no contacts yet")
TEXT_STATUS_OPEN_ONE = N_("Open, 1 contact")
TEXT_STATUS_OPEN_MANY = Plural("Open, {count} contact", "Open, {count} contacts")
TEXT_STATUS_CLOSED = N_("Closed")


def device_label(kind: DeviceKind | str) -> str:
    try:
        return tr(DEVICE_KIND_LABELS[DeviceKind(kind)])
    except ValueError:
        return tr(DEVICE_KIND_LABELS[DeviceKind.OTHER])


def device_name(kind: DeviceKind | str, model_name: str) -> str:
    """What to call the device: the model if known ("iPhone 13 Pro"), else the kind."""
    return model_name.strip() or device_label(kind)


def status_words(status: CaseStatus, contact_count: int) -> str:
    if status is CaseStatus.DRAFT:
        return tr(TEXT_STATUS_DRAFT)
    if status is CaseStatus.CLOSED:
        return tr(TEXT_STATUS_CLOSED)
    if contact_count == 0:
        return tr(TEXT_STATUS_OPEN_NONE)
    if contact_count == 1:
        return tr(TEXT_STATUS_OPEN_ONE)
    return tr_count(TEXT_STATUS_OPEN_MANY, contact_count)


_ALPHA2 = re.compile(r"^[A-Z]{2}$")


@cache
def countries() -> list[tuple[str, str]]:
    """(ISO alpha-2 code, English name) for every territory Qt knows, sorted by name."""
    found: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if _ALPHA2.match(code) and code not in found:
            found[code] = QLocale.territoryToString(territory)
    return sorted(found.items(), key=lambda item: item[1].casefold())


def country_name(code: str) -> str:
    return dict(countries()).get(code, code)


def system_country() -> str:
    """The user's country from the system locale, or "" when the locale says nothing real."""
    locale = QLocale.system()
    # The "C" locale (common on servers and in CI) reports the United States: do not guess.
    if locale.name() in ("C", "en_US_POSIX"):
        return ""
    code = QLocale.territoryToCode(locale.territory())
    return code if _ALPHA2.match(code) else ""


@cache
def time_zones() -> list[str]:
    import zoneinfo

    names = {
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix", "right/"))
    }
    return sorted(names | {"UTC"})


@cache
def _time_zone_set() -> frozenset[str]:
    return frozenset(time_zones())


def is_time_zone(name: str) -> bool:
    return name in _time_zone_set()


def system_time_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    if name in ("Etc/UTC", "Etc/Universal", "Universal", "Zulu"):
        return "UTC"
    return name if is_time_zone(name) else "UTC"


def currency_for_country(code: str) -> str:
    if not _ALPHA2.match(code or ""):
        return ""
    territory = QLocale.codeToTerritory(code)
    locale = QLocale(QLocale.Language.AnyLanguage, territory)
    if locale.territory() != territory:
        return ""
    return locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
