"""Every word the dossier prints, in one place, so that it can be translated.

`EN` holds the English source, each text marked with `N_` (or `Plural`) so
that scripts/i18n.py extracts it into the catalog; `strings_for(language)` is
the same instance with every text looked up in that language's catalog. The
renderer never spells a user-visible word anywhere else. Dates, amounts,
country and weekday names come from Babel in the case's locale (formats.py);
texts the core writes (the strongest argument, the coach's advice, the rules'
titles) are asked of the core in the dossier's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from desktop.i18n import N_, SOURCE_LANGUAGE, Plural, normalize_language, translator
from desktop.model import CaseType, Channel, DeviceKind, Outcome, PlanKind, Tier

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class DossierStrings:
    # Cover
    dossier_label: str = N_("Service case dossier")
    redacted_label: str = N_("Service case dossier · redacted copy")
    redacted_notice: str = N_(
        "Redacted copy for sharing: serial number, IMEI, EID, order numbers, phone number "
        "and Apple ID are shortened to their last characters; the postal address is "
        "reduced to the city."
    )
    untitled_case: str = N_("Untitled case")
    owner: str = N_("Owner")
    email: str = N_("Email")
    phone: str = N_("Phone")
    address: str = N_("Address")
    device: str = N_("Device")
    case_type: str = N_("Kind of case")
    case_numbers: str = N_("Apple case numbers")
    prepared_on: str = N_("Prepared on")
    more_case_numbers: Plural = Plural(
        "and {count} earlier (see “Contacts with support”)",
        "and {count} earlier (see “Contacts with support”)",
    )
    coverage_box_title: str = N_("Coverage on {date}")
    next_step: str = N_("Next step")
    # Translators: a bold label before its text on the same line ("Next step: Call back…");
    # keep the space at the end where your language puts one (French " : ", Chinese "：").
    label_colon: str = N_("{label}: ")
    # Translators: the next step's headline, then its reason in the same paragraph.
    headline_end: str = N_("{headline}. ")
    device_name: str = N_("{kind} {model}")
    not_recorded: str = N_("Not recorded")
    none_yet: str = N_("None yet")
    disclaimer: str = N_(
        "Prepared by the owner with Case Dossier, an independent tool not affiliated with, "
        "authorised or endorsed by Apple Inc. Dates of coverage are computed from the "
        "purchase date and the sources named; they are not legal advice."
    )

    # Summary
    summary_heading: str = N_("Summary")
    strongest_argument: str = N_("The strongest argument")
    the_ask: str = N_("What is asked for")
    where_it_stands: str = N_("Where the case stands")
    highest_reached: str = N_("Highest level reached so far: {rung}.")
    contacts_by_tier: str = N_("Contacts so far")
    contacts_total: Plural = Plural(
        "{count} contact between {first} and {last}.",
        "{count} contacts between {first} and {last}.",
    )
    contacts_one: str = N_("1 contact, on {date}.")
    col_team: str = N_("Team")
    col_count: str = N_("Contacts")
    col_outcomes: str = N_("Outcomes")
    col_last: str = N_("Last contact")
    outcome_count: str = N_("{count} {outcome}")
    asks: dict[str, str] = field(
        default_factory=lambda: {
            "hardware": N_("A free repair or replacement of the device under {basis}."),
            "hardware_goodwill": N_(
                "A free repair as a goodwill exception (a CS code), or at least the parts "
                "without labour."
            ),
            "account": N_("A refund of the disputed charges listed in this dossier."),
            "software": N_("A working device: a fix, or a repair or replacement under {basis}."),
            "software_goodwill": N_(
                "A working device: a fix, or a goodwill repair or replacement."
            ),
        }
    )
    basis_warranty: str = N_("Apple's one-year warranty")
    basis_plan: str = N_("{plan}")
    basis_law: str = N_("the {law}")

    # Coverage
    coverage_heading: str = N_("Coverage")
    coverage_intro: str = N_(
        "Each layer of cover that applies to this device, with its status on {date}. "
        "Periods are counted from the purchase date unless a note says otherwise."
    )
    col_layer: str = N_("Cover")
    col_from: str = N_("From")
    col_until: str = N_("Until")
    col_status: str = N_("Status on {date}")
    col_source: str = N_("Source")
    no_fixed_end: str = N_("No fixed end")
    not_verified: str = N_("not verified")
    not_verified_note: str = N_(
        "Figures marked “not verified” come from secondary sources or memory and could not "
        "be checked against the original text; confirm them before relying on them."
    )
    no_coverage: str = N_("Add the purchase date to see what cover applies and until when.")
    status_not_started: Plural = Plural("Starts in {count} day", "Starts in {count} days")
    status_active_open: str = N_("Active, no fixed end")
    status_active_last_day: str = N_("Active, last day today")
    status_active_left: Plural = Plural("Active, {count} day left", "Active, {count} days left")
    status_ended: Plural = Plural("Ended {count} day ago", "Ended {count} days ago")

    # Device and identifiers
    device_heading: str = N_("Device and identifiers")
    kind: str = N_("Kind")
    model: str = N_("Model")
    serial: str = N_("Serial number")
    imei: str = N_("IMEI")
    imei2: str = N_("IMEI 2")
    eid: str = N_("EID")
    apple_id: str = N_("Apple ID")

    # Purchase
    purchase_heading: str = N_("Purchase")
    purchase_date: str = N_("Purchase date")
    seller: str = N_("Seller")
    country: str = N_("Country")
    order_number: str = N_("Order number")
    price: str = N_("Price")
    receipts: str = N_("Receipts")
    applecare_plan: str = N_("AppleCare plan")
    plan_value: str = N_("{plan}, from {start}")
    plan_months: Plural = Plural(
        "{plan}, from {start}, {count} month", "{plan}, from {start}, {count} months"
    )
    nothing_recorded: str = N_("Nothing recorded yet.")
    plans: dict[PlanKind, str] = field(
        default_factory=lambda: {
            PlanKind.NONE: N_("None"),
            PlanKind.APPLECARE_PLUS: N_("AppleCare+"),
            PlanKind.APPLECARE_PLUS_THEFT: N_("AppleCare+ with Theft and Loss"),
            PlanKind.APPLECARE_ONE: N_("AppleCare One"),
        }
    )

    # Symptoms
    symptoms_heading: str = N_("Symptoms")
    description: str = N_("What happens")
    first_noticed: str = N_("First noticed")
    frequency: str = N_("How often")
    tried: str = N_("What was tried")
    error_messages: str = N_("Error messages")
    photos: str = N_("Photos")
    file_with_exhibit: str = N_("{file_name} (Exhibit {number})")
    repairs_heading: str = N_("Earlier repairs")
    col_date: str = N_("Date")
    col_place: str = N_("Where")
    col_work: str = N_("What was done")
    charges_heading: str = N_("Disputed charges")
    col_order: str = N_("Order")
    col_item: str = N_("Item")
    col_amount: str = N_("Amount")
    col_problem_report: str = N_("Answer to “Report a Problem”")

    # Timeline
    timeline_heading: str = N_("Contacts with support")
    timeline_intro: str = N_(
        "In the order they happened. Times are local, with their offset from UTC."
    )
    col_when: str = N_("Date and time")
    col_contact: str = N_("Contact")
    case_number_line: str = N_("Case no. {number}")
    # Translators: the ID or badge number an Apple advisor gave on a call.
    advisor_id_line: str = N_("Advisor ID {id}")
    # Translators: a CS code is a repair credit an AppleCare advisor can issue.
    cs_code_line: str = N_("CS code {code}")
    cs_code_amount_line: str = N_("CS code {code} ({amount})")
    # Translators: how long a call or chat took, in minutes.
    call_minutes: str = N_("{minutes} min")
    col_outcome: str = N_("Outcome")
    col_notes: str = N_("Notes")
    col_next: str = N_("Next step")
    due: str = N_("(due {date})")
    no_timeline: str = N_("No contacts have been logged yet.")

    # Call sheet
    call_sheet_heading: str = N_("Call sheet")
    call_sheet_intro: str = N_("For the next call. Keep this page next to the phone.")
    whom: str = N_("Whom to contact")
    why_now: str = N_("Why")
    number: str = N_("Number")
    number_unknown: str = N_("No number on file for this country: see {authority}.")
    number_source: str = N_("Seen {year}; source: {source}. Check {authority} before calling.")
    hours: str = N_("Hours")
    hours_your_time: str = N_("{spans} (your time, {zone})")
    hours_span: str = N_("{days} {opens}–{closes}")
    hours_unknown: str = N_("Not known: see {authority}.")
    hours_with_note: str = N_("{hours} {note}")
    your_case: str = N_("Your case")
    facts: str = N_("The facts")
    have_ready: str = N_("Have ready")
    talking_points: str = N_("Talking points")
    write_down: str = N_("During the call, write down")
    write_down_fields: tuple[str, ...] = (
        N_("Date and time"),
        N_("Advisor and ID"),
        N_("Case number"),
        N_("What was said"),
        "",
        N_("Next step, by when"),
    )
    scam_heading: str = N_("Beware of scams")
    contact_how: dict[str, str] = field(
        default_factory=lambda: {
            "apple_store": N_(
                "Book the Genius Bar at an Apple Store (apple.com/retail), or call "
                "Apple Support on the number below."
            ),
            "applecare": N_("Call Apple Support on the number below and ask for a CS code."),
            "senior_advisor": N_(
                "Call Apple Support on the number below, give the case number "
                "and ask for a senior advisor."
            ),
            "customer_relations": N_(
                "Call Apple Support on the number below, give the case "
                "number and ask to be put through to Customer Relations."
            ),
            "executive_relations": N_(
                "Write to Apple's executive team (see the letter drafted "
                "in the app); Executive Relations will call you back."
            ),
            "service_provider": N_("Visit or call the service provider."),
            "none": N_("No call is needed now."),
        }
    )
    noticed_on: str = N_("Problem first noticed on {date}.")
    bought_on: str = N_("Bought on {date} from {seller}.")
    bought_on_no_seller: str = N_("Bought on {date}.")
    contacts_so_far_line: Plural = Plural(
        "{count} contact so far; last on {date}: {outcome}.",
        "{count} contacts so far; last on {date}: {outcome}.",
    )
    no_contacts_line: str = N_("No contacts so far.")

    # Exhibits
    exhibits_index_heading: str = N_("Exhibits index")
    exhibits_intro: str = N_(
        "The files attached to the case, in the order they follow. Each page is stamped "
        "with its exhibit number at the top."
    )
    no_exhibits: str = N_("No files are attached to this case.")
    col_exhibit: str = N_("No.")
    col_file: str = N_("File")
    col_kind: str = N_("Kind")
    col_pages: str = N_("Pages")
    col_included: str = N_("In this dossier")
    included: str = N_("Included")
    exhibit_label: str = N_("Exhibit {number}")
    exhibits_outline: str = N_("Exhibits")
    exhibit_outline: str = N_("Exhibit {number}: {file_name}")
    exhibit_caption: str = N_("Exhibit {number}: {file_name}")
    exhibit_stamp: str = N_("Exhibit {number}, page {page} of {pages}")
    facts_added: str = N_("added {date}")
    facts_digest: str = N_("SHA-256 {digest}…")
    facts_pages: Plural = Plural("{count} page", "{count} pages")
    facts_separator: str = N_(" · ")
    kind_photo: str = N_("Photo")
    kind_receipt_picture: str = N_("Receipt (picture)")
    kind_receipt_pdf: str = N_("Receipt (PDF)")
    kind_photo_pdf: str = N_("Document (PDF)")
    kind_unknown: str = N_("File")
    size_bytes: Plural = Plural("{count} byte", "{count} bytes")
    size_kb: str = N_("{value} KB")
    size_mb: str = N_("{value} MB")
    problem_title: str = N_("This file could not be included")
    problem_advice: str = N_(
        "Please bring the original file, or a printout of it, to the appointment."
    )
    left_out_title: str = N_("Left out of this redacted copy")
    redacted_receipts_note: str = N_(
        "Receipts and PDF files are left out of this redacted copy: they usually show the "
        "order number and the buyer's address, which this copy hides. The full dossier "
        "includes them."
    )
    redacted_pictures_note: str = N_(
        "Pictures are printed as they are: check that none shows a serial number, IMEI or "
        "address before sharing this copy."
    )
    problems: dict[str, str] = field(
        default_factory=lambda: {
            "missing": N_("The file is missing from the case folder."),
            "empty": N_("The file is empty (0 bytes)."),
            "unreadable_image": N_(
                "The picture is damaged or is not really the kind of file its name says."
            ),
            "too_large": N_("The file is too large to include safely."),
            "unsupported": N_("Files of this kind ({suffix}) cannot be printed in the dossier."),
            "pdf_encrypted": N_("The PDF is protected with a password and cannot be opened."),
            "pdf_damaged": N_("The PDF is damaged and cannot be read."),
            "pdf_too_many_pages": N_("The PDF has {pages} pages; at most {limit} can be appended."),
            "left_out_redacted": N_(
                "Left out of the redacted copy (it may show the order number)."
            ),
        }
    )

    # Every page
    page_of: str = N_("Page {page} of {total}")
    footer_prepared: str = N_("Prepared on {date}")
    footer_redacted: str = N_("Redacted copy")
    pdf_subject: str = N_("Service case dossier for {device}")
    pdf_subject_redacted: str = N_("Redacted service case dossier for {device}")
    pdf_creator: str = N_("Case Dossier")
    cover_outline: str = N_("Cover")

    kinds: dict[DeviceKind, str] = field(
        default_factory=lambda: {
            DeviceKind.IPHONE: N_("iPhone"),
            DeviceKind.IPAD: N_("iPad"),
            DeviceKind.MAC: N_("Mac"),
            DeviceKind.WATCH: N_("Apple Watch"),
            DeviceKind.AIRPODS: N_("AirPods"),
            DeviceKind.OTHER: N_("Other"),
        }
    )
    case_types: dict[CaseType, str] = field(
        default_factory=lambda: {
            CaseType.HARDWARE: N_("Hardware fault"),
            CaseType.ACCOUNT: N_("Account or billing"),
            CaseType.SOFTWARE: N_("Software problem"),
        }
    )
    channels: dict[Channel, str] = field(
        default_factory=lambda: {
            Channel.PHONE: N_("Phone"),
            Channel.CHAT: N_("Chat"),
            Channel.EMAIL: N_("Email"),
            Channel.STORE_VISIT: N_("Store visit"),
            Channel.MAIL_IN: N_("Mail-in repair"),
            Channel.LETTER: N_("Letter"),
            Channel.SOCIAL: N_("Social media"),
        }
    )
    tiers: dict[Tier, str] = field(
        default_factory=lambda: {
            Tier.SERVICE_PROVIDER: N_("Authorised service provider"),
            Tier.APPLE_STORE: N_("Apple Store"),
            Tier.APPLECARE: N_("AppleCare support"),
            Tier.SENIOR_ADVISOR: N_("Senior advisor"),
            Tier.CUSTOMER_RELATIONS: N_("Customer relations"),
            Tier.EXECUTIVE_RELATIONS: N_("Executive relations"),
            Tier.INVESTOR_RELATIONS: N_("Investor relations"),
            Tier.CARRIER: N_("Carrier"),
            Tier.OTHER: N_("Other"),
        }
    )
    outcomes: dict[Outcome, str] = field(
        default_factory=lambda: {
            Outcome.PENDING: N_("Pending"),
            Outcome.RESOLVED: N_("Resolved"),
            Outcome.PARTLY: N_("Partly resolved"),
            Outcome.REFUSED: N_("Refused"),
            Outcome.NO_ANSWER: N_("No answer"),
        }
    )
    # Outcomes inside a sentence ("2 refused, 1 pending").
    outcomes_lower: dict[Outcome, str] = field(
        default_factory=lambda: {
            Outcome.PENDING: N_("pending"),
            Outcome.RESOLVED: N_("resolved"),
            Outcome.PARTLY: N_("partly resolved"),
            Outcome.REFUSED: N_("refused"),
            Outcome.NO_ANSWER: N_("no answer"),
        }
    )
    # Translators: between the items of a list ("2 refused, 1 pending"); Chinese "、".
    list_separator: str = N_(", ")
    # The catalog the words come from (set by strings_for).
    language: str = SOURCE_LANGUAGE

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


def strings_for(language: str) -> DossierStrings:
    """The dossier's words in a language (a tag such as "de-DE"); English when we have
    no catalog for it, and English for any text its catalog lacks."""
    return _strings_for(normalize_language(language))


@cache
def _strings_for(language: str) -> DossierStrings:
    if language == SOURCE_LANGUAGE:
        return EN
    words = translator(language)

    def translated(value: Any) -> Any:
        if isinstance(value, str):
            return words.gettext(value)
        if isinstance(value, Plural):
            return value.in_language(language)
        if isinstance(value, tuple):
            return tuple(translated(item) for item in value)
        if isinstance(value, dict):
            return {key: translated(item) for key, item in value.items()}
        return value

    changes = {f.name: translated(getattr(EN, f.name)) for f in fields(DossierStrings)}
    changes["language"] = language
    return replace(EN, **changes)
