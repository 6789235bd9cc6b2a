"""Every word the dossier prints, in one place, so that it can be translated.

A translation is another `DossierStrings` instance; the renderer never spells
a user-visible word anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from desktop.model import CaseType, Channel, DeviceKind, Outcome, Tier

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class DossierStrings:
    # Cover
    dossier_label: str = "Service case dossier"
    untitled_case: str = "Untitled case"
    owner: str = "Owner"
    device: str = "Device"
    case_type: str = "Kind of case"
    case_numbers: str = "Case numbers"
    prepared_on: str = "Prepared on"
    at_a_glance: str = "Status at a glance"
    purchase_date: str = "Purchase date"
    seller: str = "Seller"
    contacts_so_far: str = "Contacts so far"
    last_contact: str = "Last contact"
    next_step: str = "Next step"
    last_contact_value: str = "{date}: {outcome}"
    step_with_due: str = "{step} (due {date})"
    device_name: str = "{kind} {model}"
    not_recorded: str = "Not recorded"
    no_contacts: str = "None yet"
    disclaimer: str = (
        "Prepared with Case Dossier, an independent tool not affiliated with Apple Inc."
    )

    # Device and identifiers
    device_heading: str = "Device and identifiers"
    kind: str = "Kind"
    model: str = "Model"
    serial: str = "Serial number"
    imei: str = "IMEI"
    imei2: str = "IMEI 2"
    eid: str = "EID"
    apple_id: str = "Apple ID"

    # Purchase
    purchase_heading: str = "Purchase"
    country: str = "Country"
    order_number: str = "Order number"
    price: str = "Price"
    price_value: str = "{amount} {currency}"
    receipts: str = "Receipts"
    nothing_recorded: str = "Nothing recorded yet."

    # Symptoms
    symptoms_heading: str = "Symptoms"
    description: str = "What happens"
    first_noticed: str = "First noticed"
    frequency: str = "How often"
    tried: str = "What was tried"
    error_messages: str = "Error messages"
    photos: str = "Photos"
    file_with_exhibit: str = "{file_name} (Exhibit {number})"

    # Timeline
    timeline_heading: str = "Contacts with support"
    timeline_intro: str = "In the order they happened. Times are local, with their offset from UTC."
    col_when: str = "Date and time"
    col_contact: str = "Contact"
    case_number_line: str = "Case no. {number}"
    col_outcome: str = "Outcome"
    col_notes: str = "Notes"
    col_next: str = "Next step"
    due: str = "(due {date})"
    no_timeline: str = "No contacts have been logged yet."

    # Exhibits
    exhibits_heading: str = "Exhibits"
    exhibit_caption: str = "Exhibit {number}: {file_name} ({role})"
    role_receipt: str = "receipt"
    role_photo: str = "photo"
    exhibit_missing: str = (
        "The file {file_name} could not be included: it is missing from the case folder."
    )
    exhibit_unreadable: str = (
        "The file {file_name} could not be included: it is not a readable JPEG or PNG image."
    )
    exhibit_too_large: str = (
        "The file {file_name} could not be included: the picture is too large to open safely."
    )
    exhibit_not_image: str = (
        "The file {file_name} is not a picture and is not printed in this version of the "
        "dossier; please bring the original."
    )

    # Every page
    page_of: str = "Page {page} of {total}"
    footer_prepared: str = "Prepared on {date}"
    pdf_subject: str = "Service case dossier for {device}"
    pdf_creator: str = "Case Dossier"

    months: tuple[str, ...] = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    kinds: dict[DeviceKind, str] = field(
        default_factory=lambda: {
            DeviceKind.IPHONE: "iPhone",
            DeviceKind.IPAD: "iPad",
            DeviceKind.MAC: "Mac",
            DeviceKind.WATCH: "Apple Watch",
            DeviceKind.AIRPODS: "AirPods",
            DeviceKind.OTHER: "Other",
        }
    )
    case_types: dict[CaseType, str] = field(
        default_factory=lambda: {
            CaseType.HARDWARE: "Hardware fault",
            CaseType.ACCOUNT: "Account or billing",
            CaseType.SOFTWARE: "Software problem",
        }
    )
    channels: dict[Channel, str] = field(
        default_factory=lambda: {
            Channel.PHONE: "Phone",
            Channel.CHAT: "Chat",
            Channel.EMAIL: "Email",
            Channel.STORE_VISIT: "Store visit",
            Channel.MAIL_IN: "Mail-in repair",
            Channel.LETTER: "Letter",
            Channel.SOCIAL: "Social media",
        }
    )
    tiers: dict[Tier, str] = field(
        default_factory=lambda: {
            Tier.SERVICE_PROVIDER: "Authorised service provider",
            Tier.APPLE_STORE: "Apple Store",
            Tier.APPLECARE: "AppleCare support",
            Tier.SENIOR_ADVISOR: "Senior advisor",
            Tier.CUSTOMER_RELATIONS: "Customer relations",
            Tier.EXECUTIVE_RELATIONS: "Executive relations",
            Tier.INVESTOR_RELATIONS: "Investor relations",
            Tier.CARRIER: "Carrier",
            Tier.OTHER: "Other",
        }
    )
    outcomes: dict[Outcome, str] = field(
        default_factory=lambda: {
            Outcome.PENDING: "Pending",
            Outcome.RESOLVED: "Resolved",
            Outcome.PARTLY: "Partly resolved",
            Outcome.REFUSED: "Refused",
            Outcome.NO_ANSWER: "No answer",
        }
    )

    months_short: tuple[str, ...] = (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    )

    def long_date(self, value: date) -> str:
        return f"{value.day} {self.months[value.month - 1]} {value.year}"

    def short_date(self, value: date) -> str:
        return f"{value.day} {self.months_short[value.month - 1]} {value.year}"

    def time(self, value: datetime) -> str:
        """Wall-clock time with the entry's own offset, e.g. "14:30 UTC+01:00"."""
        return f"{value:%H:%M} {self.utc_offset(value.utcoffset())}"

    def utc_offset(self, offset: timedelta | None) -> str:
        if not offset:
            return "UTC"
        seconds = int(offset.total_seconds())
        sign = "+" if seconds >= 0 else "-"
        hours, rest = divmod(abs(seconds), 3600)
        minutes = rest // 60
        return f"UTC{sign}{hours:02d}:{minutes:02d}"

    def kind_label(self, value: str) -> str:
        return _lookup(self.kinds, DeviceKind, value)

    def case_type_label(self, value: str) -> str:
        return _lookup(self.case_types, CaseType, value)

    def channel(self, value: str) -> str:
        return _lookup(self.channels, Channel, value)

    def tier(self, value: str) -> str:
        return _lookup(self.tiers, Tier, value)

    def outcome(self, value: str) -> str:
        return _lookup(self.outcomes, Outcome, value)


def _lookup(table: dict[E, str], enum: type[E], value: str) -> str:
    """The label for an enum value; the raw value, made readable, if it is unknown."""
    try:
        return table[enum(value)]
    except (ValueError, KeyError):
        return str(value).replace("_", " ")


EN = DossierStrings()
