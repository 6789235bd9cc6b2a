"""The case model: plain dataclasses, no Qt, no storage.

Secret fields (identifiers, Apple ID, order number, phone, postal address) are
ordinary attributes here; `SECRET_FIELDS` names them so the store can keep
them out of SQLite and hand them to the vault instead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum


class CaseType(StrEnum):
    HARDWARE = "hardware"
    ACCOUNT = "account"
    SOFTWARE = "software"


class DeviceKind(StrEnum):
    IPHONE = "iphone"
    IPAD = "ipad"
    MAC = "mac"
    WATCH = "watch"
    AIRPODS = "airpods"
    OTHER = "other"


class Channel(StrEnum):
    PHONE = "phone"
    CHAT = "chat"
    EMAIL = "email"
    STORE_VISIT = "store_visit"
    MAIL_IN = "mail_in"
    LETTER = "letter"
    SOCIAL = "social"


class Tier(StrEnum):
    SERVICE_PROVIDER = "service_provider"
    APPLE_STORE = "apple_store"
    APPLECARE = "applecare"
    SENIOR_ADVISOR = "senior_advisor"
    CUSTOMER_RELATIONS = "customer_relations"
    EXECUTIVE_RELATIONS = "executive_relations"
    INVESTOR_RELATIONS = "investor_relations"
    CARRIER = "carrier"
    OTHER = "other"


class Outcome(StrEnum):
    PENDING = "pending"
    RESOLVED = "resolved"
    PARTLY = "partly"
    REFUSED = "refused"
    NO_ANSWER = "no_answer"


class PlanKind(StrEnum):
    NONE = "none"
    APPLECARE_PLUS = "applecare_plus"
    APPLECARE_PLUS_THEFT = "applecare_plus_theft"
    APPLECARE_ONE = "applecare_one"


class Resolution(StrEnum):
    REPAIRED_FREE = "repaired_free"
    PARTLY_PAID = "partly_paid"
    REPLACED = "replaced"
    REFUNDED = "refunded"
    REFUSED = "refused"
    GAVE_UP = "gave_up"


class CaseStatus(StrEnum):
    DRAFT = "draft"  # the wizard has not been finished yet
    OPEN = "open"
    CLOSED = "closed"


class AttachmentRole(StrEnum):
    RECEIPT = "receipt"
    PHOTO = "photo"
    CONTACT = "contact"  # a screenshot or saved email belonging to one contact


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Attachment:
    """A file copied into the data folder; `stored_name` is its name there."""

    file_name: str
    stored_name: str
    role: AttachmentRole
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    added_at: datetime = field(default_factory=utc_now)
    id: str = field(default_factory=new_id)
    caption: str = ""  # what it shows, in the user's words; the file name when empty
    taken_on: date | None = None  # when the photo or document was made
    about: str = ""  # "symptoms", or the id of the contact it belongs to

    @property
    def title(self) -> str:
        return self.caption.strip() or self.file_name


@dataclass
class Device:
    kind: DeviceKind = DeviceKind.IPHONE
    model_name: str = ""
    serial: str = ""
    imei: str = ""
    imei2: str = ""
    eid: str = ""


@dataclass
class Owner:
    name: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, e.g. "DE"
    time_zone: str = ""  # IANA name, e.g. "Europe/Berlin"
    dossier_language: str = "en"  # BCP 47 / ISO 639-1


@dataclass
class Purchase:
    date: date | None = None
    seller: str = ""
    country: str = ""
    order_number: str = ""
    price: Decimal | None = None
    currency: str = ""  # ISO 4217, e.g. "EUR"
    receipts: list[Attachment] = field(default_factory=list)


@dataclass
class Symptoms:
    description: str = ""
    first_noticed: date | None = None
    frequency: str = ""
    tried: str = ""
    error_messages: str = ""
    photos: list[Attachment] = field(default_factory=list)


@dataclass
class AppleCarePlan:
    kind: PlanKind = PlanKind.NONE
    start: date | None = None
    months: int | None = None  # None: the product's usual term, or monthly while paid


@dataclass
class Repair:
    """An earlier repair of this device (hardware cases)."""

    date: date | None = None
    place: str = ""
    what: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Charge:
    """A disputed App Store / iTunes charge (account and billing cases)."""

    date: date | None = None
    order_id: str = ""
    amount: Decimal | None = None
    currency: str = ""
    item: str = ""
    report_a_problem: str = ""  # what reportaproblem.apple.com answered
    id: str = field(default_factory=new_id)


@dataclass
class Closure:
    """How a closed case ended. The history stays; reopening clears nothing."""

    resolution: Resolution | None = None
    closed_on: date | None = None
    paid: Decimal | None = None
    currency: str = ""
    new_serial: str = ""  # after a replacement (secret, like every serial)
    note: str = ""


@dataclass
class ContactEntry:
    at: datetime  # timezone-aware
    channel: Channel = Channel.PHONE
    tier: Tier = Tier.APPLECARE
    who: str = ""
    case_number: str = ""
    outcome: Outcome = Outcome.PENDING
    notes: str = ""
    next_step: str = ""
    next_step_due: date | None = None
    time_zone: str = ""  # IANA name the time was noted in, e.g. "Europe/Berlin"; "" unknown
    advisor_id: str = ""  # the advisor's ID or badge number, when they gave one
    cs_code: str = ""  # a CS code ("customer satisfaction" repair credit) when one was given
    cs_amount: Decimal | None = None
    cs_currency: str = ""  # ISO 4217
    duration_seconds: int | None = None  # how long the call or chat took
    attachments: list[Attachment] = field(default_factory=list)  # screenshots, saved emails
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("contact time must be timezone-aware")


@dataclass
class Case:
    case_type: CaseType = CaseType.HARDWARE
    title: str = ""
    device: Device = field(default_factory=Device)
    apple_id: str = ""  # the account's email or phone; never a password
    owner: Owner = field(default_factory=Owner)
    purchase: Purchase = field(default_factory=Purchase)
    symptoms: Symptoms = field(default_factory=Symptoms)
    contacts: list[ContactEntry] = field(default_factory=list)
    applecare: AppleCarePlan = field(default_factory=AppleCarePlan)
    repair_programs: list[str] = field(default_factory=list)  # ids from the reference list
    repairs: list[Repair] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)
    closure: Closure = field(default_factory=Closure)
    status: CaseStatus = CaseStatus.DRAFT
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    id: str = field(default_factory=new_id)

    def timeline(self) -> list[ContactEntry]:
        """Contacts in time order (the stored list may be in entry order)."""
        return sorted(self.contacts, key=lambda c: c.at)

    def attachments(self) -> list[Attachment]:
        """Every attached file: receipts, photos, then each contact's files in time order."""
        contact_files = [att for entry in self.timeline() for att in entry.attachments]
        return [*self.purchase.receipts, *self.symptoms.photos, *contact_files]

    def case_numbers(self) -> list[str]:
        seen: dict[str, None] = {}
        for entry in self.timeline():
            if entry.case_number.strip():
                seen.setdefault(entry.case_number.strip(), None)
        return list(seen)


# Dotted paths of the fields that live only in the OS keyring.
SECRET_FIELDS: tuple[str, ...] = (
    "device.serial",
    "device.imei",
    "device.imei2",
    "device.eid",
    "apple_id",
    "purchase.order_number",
    "owner.phone",
    "owner.postal_address",
    "closure.new_serial",
)


def get_field(case: Case, path: str) -> str:
    target: object = case
    for part in path.split("."):
        target = getattr(target, part)
    if not isinstance(target, str):
        raise TypeError(f"{path} is not a text field")
    return target


def set_field(case: Case, path: str, value: str) -> None:
    *parents, last = path.split(".")
    target: object = case
    for part in parents:
        target = getattr(target, part)
    if not isinstance(getattr(target, last), str):
        raise TypeError(f"{path} is not a text field")
    setattr(target, last, value)


def _charge_key(charge: Charge) -> str:
    return f"charges.{charge.id}.order_id"


def secret_values(case: Case) -> dict[str, str]:
    """Every secret of the case by its vault key: the fixed fields and each charge's order id."""
    values = {path: get_field(case, path) for path in SECRET_FIELDS}
    values.update({_charge_key(c): c.order_id for c in case.charges})
    return values


def apply_secret_values(case: Case, values: dict[str, str]) -> None:
    for path in SECRET_FIELDS:
        set_field(case, path, values.get(path, ""))
    for charge in case.charges:
        charge.order_id = values.get(_charge_key(charge), "")


def without_secrets(case: Case) -> Case:
    """A copy of the case with every secret field blank."""
    import copy

    clone = copy.deepcopy(case)
    apply_secret_values(clone, {})
    return clone
