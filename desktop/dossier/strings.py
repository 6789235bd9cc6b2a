"""Every word the dossier prints, in one place, so that it can be translated.

A translation is another `DossierStrings` instance; the renderer never spells
a user-visible word anywhere else. Dates, amounts, country and weekday names
come from Babel in the case's locale (see formats.py); texts the core writes
(the strongest argument, the coach's advice, the directory's notes) come as
the core words them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from desktop.model import CaseType, Channel, DeviceKind, Outcome, PlanKind, Tier

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class DossierStrings:
    # Cover
    dossier_label: str = "Service case dossier"
    redacted_label: str = "Service case dossier · redacted copy"
    redacted_notice: str = (
        "Redacted copy for sharing: serial number, IMEI, EID, order numbers, phone number "
        "and Apple ID are shortened to their last characters; the postal address is "
        "reduced to the city."
    )
    untitled_case: str = "Untitled case"
    owner: str = "Owner"
    email: str = "Email"
    phone: str = "Phone"
    address: str = "Address"
    device: str = "Device"
    case_type: str = "Kind of case"
    case_numbers: str = "Apple case numbers"
    prepared_on: str = "Prepared on"
    more_case_numbers: str = "and {count} earlier (see “Contacts with support”)"
    coverage_box_title: str = "Coverage on {date}"
    next_step: str = "Next step"
    device_name: str = "{kind} {model}"
    not_recorded: str = "Not recorded"
    none_yet: str = "None yet"
    disclaimer: str = (
        "Prepared by the owner with Case Dossier, an independent tool not affiliated with, "
        "authorised or endorsed by Apple Inc. Dates of coverage are computed from the "
        "purchase date and the sources named; they are not legal advice."
    )

    # Summary
    summary_heading: str = "Summary"
    strongest_argument: str = "The strongest argument"
    the_ask: str = "What is asked for"
    where_it_stands: str = "Where the case stands"
    highest_reached: str = "Highest level reached so far: {rung}."
    contacts_by_tier: str = "Contacts so far"
    contacts_total: str = "{count} contacts between {first} and {last}."
    contacts_one: str = "1 contact, on {date}."
    col_team: str = "Team"
    col_count: str = "Contacts"
    col_outcomes: str = "Outcomes"
    col_last: str = "Last contact"
    outcome_count: str = "{count} {outcome}"
    asks: dict[str, str] = field(
        default_factory=lambda: {
            "hardware": "A free repair or replacement of the device under {basis}.",
            "hardware_goodwill": (
                "A free repair as a goodwill exception (a CS code), or at least the parts "
                "without labour."
            ),
            "account": "A refund of the disputed charges listed in this dossier.",
            "software": "A working device: a fix, or a repair or replacement under {basis}.",
            "software_goodwill": "A working device: a fix, or a goodwill repair or replacement.",
        }
    )
    basis_warranty: str = "Apple's one-year warranty"
    basis_plan: str = "{plan}"
    basis_law: str = "the {law}"

    # Coverage
    coverage_heading: str = "Coverage"
    coverage_intro: str = (
        "Each layer of cover that applies to this device, with its status on {date}. "
        "Periods are counted from the purchase date unless a note says otherwise."
    )
    col_layer: str = "Cover"
    col_from: str = "From"
    col_until: str = "Until"
    col_status: str = "Status on {date}"
    col_source: str = "Source"
    no_fixed_end: str = "No fixed end"
    not_verified: str = "not verified"
    not_verified_note: str = (
        "Figures marked “not verified” come from secondary sources or memory and could not "
        "be checked against the original text; confirm them before relying on them."
    )
    no_coverage: str = "Add the purchase date to see what cover applies and until when."
    status_not_started: str = "Starts in {days}"
    status_active_open: str = "Active, no fixed end"
    status_active_last_day: str = "Active, last day today"
    status_active_left: str = "Active, {days} left"
    status_ended: str = "Ended {days} ago"
    day_one: str = "1 day"
    days_many: str = "{count} days"

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
    purchase_date: str = "Purchase date"
    seller: str = "Seller"
    country: str = "Country"
    order_number: str = "Order number"
    price: str = "Price"
    receipts: str = "Receipts"
    applecare_plan: str = "AppleCare plan"
    plan_value: str = "{plan}, from {start}"
    plan_months: str = "{plan}, from {start}, {months} months"
    nothing_recorded: str = "Nothing recorded yet."
    plans: dict[PlanKind, str] = field(
        default_factory=lambda: {
            PlanKind.NONE: "None",
            PlanKind.APPLECARE_PLUS: "AppleCare+",
            PlanKind.APPLECARE_PLUS_THEFT: "AppleCare+ with Theft and Loss",
            PlanKind.APPLECARE_ONE: "AppleCare One",
        }
    )

    # Symptoms
    symptoms_heading: str = "Symptoms"
    description: str = "What happens"
    first_noticed: str = "First noticed"
    frequency: str = "How often"
    tried: str = "What was tried"
    error_messages: str = "Error messages"
    photos: str = "Photos"
    file_with_exhibit: str = "{file_name} (Exhibit {number})"
    repairs_heading: str = "Earlier repairs"
    col_date: str = "Date"
    col_place: str = "Where"
    col_work: str = "What was done"
    charges_heading: str = "Disputed charges"
    col_order: str = "Order"
    col_item: str = "Item"
    col_amount: str = "Amount"
    col_problem_report: str = "Answer to “Report a Problem”"

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

    # Call sheet
    call_sheet_heading: str = "Call sheet"
    call_sheet_intro: str = "For the next call. Keep this page next to the phone."
    whom: str = "Whom to contact"
    why_now: str = "Why"
    number: str = "Number"
    number_unknown: str = "No number on file for this country: see {authority}."
    number_source: str = "Seen {year}; source: {source}. Check {authority} before calling."
    hours: str = "Hours"
    hours_your_time: str = "{spans} (your time, {zone})"
    hours_span: str = "{days} {opens}–{closes}"
    hours_unknown: str = "Not known: see {authority}."
    your_case: str = "Your case"
    facts: str = "The facts"
    have_ready: str = "Have ready"
    talking_points: str = "Talking points"
    write_down: str = "During the call, write down"
    write_down_fields: tuple[str, ...] = (
        "Date and time",
        "Advisor and ID",
        "Case number",
        "What was said",
        "",
        "Next step, by when",
    )
    scam_heading: str = "Beware of scams"
    contact_how: dict[str, str] = field(
        default_factory=lambda: {
            "apple_store": "Book the Genius Bar at an Apple Store (apple.com/retail), or call "
            "Apple Support on the number below.",
            "applecare": "Call Apple Support on the number below and ask for a CS code.",
            "senior_advisor": "Call Apple Support on the number below, give the case number "
            "and ask for a senior advisor.",
            "customer_relations": "Call Apple Support on the number below, give the case "
            "number and ask to be put through to Customer Relations.",
            "executive_relations": "Write to Apple's executive team (see the letter drafted "
            "in the app); Executive Relations will call you back.",
            "service_provider": "Visit or call the service provider.",
            "none": "No call is needed now.",
        }
    )
    noticed_on: str = "Problem first noticed on {date}."
    bought_on: str = "Bought on {date} from {seller}."
    bought_on_no_seller: str = "Bought on {date}."
    contacts_so_far_line: str = "{count} contacts so far; last on {date}: {outcome}."
    no_contacts_line: str = "No contacts so far."

    # Exhibits
    exhibits_index_heading: str = "Exhibits index"
    exhibits_intro: str = (
        "The files attached to the case, in the order they follow. Each page is stamped "
        "with its exhibit number at the top."
    )
    no_exhibits: str = "No files are attached to this case."
    col_exhibit: str = "No."
    col_file: str = "File"
    col_kind: str = "Kind"
    col_pages: str = "Pages"
    col_included: str = "In this dossier"
    included: str = "Included"
    exhibit_label: str = "Exhibit {number}"
    exhibits_outline: str = "Exhibits"
    exhibit_outline: str = "Exhibit {number}: {file_name}"
    exhibit_caption: str = "Exhibit {number}: {file_name}"
    exhibit_stamp: str = "Exhibit {number}, page {page} of {pages}"
    facts_added: str = "added {date}"
    facts_digest: str = "SHA-256 {digest}…"
    facts_pages: str = "{pages} pages"
    facts_separator: str = " · "
    kind_photo: str = "Photo"
    kind_receipt_picture: str = "Receipt (picture)"
    kind_receipt_pdf: str = "Receipt (PDF)"
    kind_photo_pdf: str = "Document (PDF)"
    kind_unknown: str = "File"
    size_bytes: str = "{value} bytes"
    size_kb: str = "{value} KB"
    size_mb: str = "{value} MB"
    problem_title: str = "This file could not be included"
    problem_advice: str = "Please bring the original file, or a printout of it, to the appointment."
    left_out_title: str = "Left out of this redacted copy"
    redacted_receipts_note: str = (
        "Receipts and PDF files are left out of this redacted copy: they usually show the "
        "order number and the buyer's address, which this copy hides. The full dossier "
        "includes them."
    )
    redacted_pictures_note: str = (
        "Pictures are printed as they are: check that none shows a serial number, IMEI or "
        "address before sharing this copy."
    )
    problems: dict[str, str] = field(
        default_factory=lambda: {
            "missing": "The file is missing from the case folder.",
            "empty": "The file is empty (0 bytes).",
            "unreadable_image": (
                "The picture is damaged or is not really the kind of file its name says."
            ),
            "too_large": "The file is too large to include safely.",
            "unsupported": "Files of this kind ({suffix}) cannot be printed in the dossier.",
            "pdf_encrypted": "The PDF is protected with a password and cannot be opened.",
            "pdf_damaged": "The PDF is damaged and cannot be read.",
            "pdf_too_many_pages": "The PDF has {pages} pages; at most {limit} can be appended.",
            "left_out_redacted": "Left out of the redacted copy (it may show the order number).",
        }
    )

    # Every page
    page_of: str = "Page {page} of {total}"
    footer_prepared: str = "Prepared on {date}"
    footer_redacted: str = "Redacted copy"
    pdf_subject: str = "Service case dossier for {device}"
    pdf_subject_redacted: str = "Redacted service case dossier for {device}"
    pdf_creator: str = "Case Dossier"
    cover_outline: str = "Cover"

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
    # Outcomes inside a sentence ("2 refused, 1 pending").
    outcomes_lower: dict[Outcome, str] = field(
        default_factory=lambda: {
            Outcome.PENDING: "pending",
            Outcome.RESOLVED: "resolved",
            Outcome.PARTLY: "partly resolved",
            Outcome.REFUSED: "refused",
            Outcome.NO_ANSWER: "no answer",
        }
    )
    list_separator: str = ", "

    def days(self, count: int) -> str:
        return self.day_one if count == 1 else self.days_many.format(count=f"{count:,}")

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

    def plan(self, value: str) -> str:
        return _lookup(self.plans, PlanKind, value)

    def problem(self, reason: str, **values: object) -> str:
        template = self.problems.get(reason, self.problems["unsupported"])
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template


def _lookup(table: dict[E, str], enum: type[E], value: str) -> str:
    """The label for an enum value; the raw value, made readable, if it is unknown."""
    try:
        return table[enum(value)]
    except (ValueError, KeyError):
        return str(value).replace("_", " ")


EN = DossierStrings()
