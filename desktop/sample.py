"""A complete, fictional sample case: for the example file, tests and benchmarks.

Every name, number and address here is invented. The serial and IMEI are made
up to look right (the IMEI has a valid check digit) but belong to no device.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from desktop.model import (
    Case,
    CaseStatus,
    CaseType,
    Channel,
    ContactEntry,
    Device,
    DeviceKind,
    Outcome,
    Owner,
    Purchase,
    Symptoms,
    Tier,
)

BERLIN_WINTER = timezone(timedelta(hours=1))
BERLIN_SUMMER = timezone(timedelta(hours=2))


def sample_case() -> Case:
    return Case(
        id="5a3c0de1f00d4c6e9b1a2d3e4f5a6b7c",
        case_type=CaseType.HARDWARE,
        title="iPhone 13 Pro: display flickers and goes green",
        status=CaseStatus.OPEN,
        created_at=datetime(2026, 10, 2, 18, 5, tzinfo=BERLIN_SUMMER),
        updated_at=datetime(2026, 11, 12, 17, 40, tzinfo=BERLIN_WINTER),
        device=Device(
            kind=DeviceKind.IPHONE,
            model_name="iPhone 13 Pro, 256 GB, Sierra Blue",
            serial="H7XQ2LM9VR",
            imei="356789104523418",
            imei2="356789104598956",
            eid="",
        ),
        apple_id="l.vogt.devices@example.com",
        owner=Owner(
            name="Lena Vogt",
            email="lena.vogt@example.com",
            phone="+49 30 5550 1234",
            postal_address="Beispielstraße 12\n10115 Berlin\nGermany",
            country="DE",
            time_zone="Europe/Berlin",
            dossier_language="en",
        ),
        purchase=Purchase(
            date=date(2025, 9, 20),
            seller="Elektro Beispiel GmbH, Berlin",
            country="DE",
            order_number="EB-2025-0091734",
            price=Decimal("1149.00"),
            currency="EUR",
        ),
        symptoms=Symptoms(
            description=(
                "The display flickers a few seconds after unlocking, then shows a green "
                "tint across the whole screen. It happens at any brightness and also on "
                "the lock screen. No drop, no water contact: the phone has been in a case "
                "with a screen protector since the day it was bought."
            ),
            first_noticed=date(2026, 9, 28),
            frequency="Several times a day, worse when the phone is warm",
            tried=(
                "Restarted; updated to the latest iOS; reset all settings; turned off "
                "True Tone and Auto-Brightness; restored as a new iPhone."
            ),
            error_messages="None on screen. Apple Diagnostics: 'Display: issues found'.",
        ),
        contacts=[
            ContactEntry(
                id="0c1d2e3f405162738495a6b7c8d9e0f1",
                at=datetime(2026, 10, 3, 11, 20, tzinfo=BERLIN_SUMMER),
                channel=Channel.STORE_VISIT,
                tier=Tier.SERVICE_PROVIDER,
                who="Service desk, Elektro Beispiel (Mr. Brandt)",
                case_number="",
                outcome=Outcome.REFUSED,
                notes=(
                    "Ran diagnostics, confirmed the display fault. Said the one-year "
                    "warranty ended on 20 Sept 2026 and quoted EUR 379 for a display."
                ),
                next_step="Ask Apple Support; cite the EU legal guarantee (2 years).",
            ),
            ContactEntry(
                id="1d2e3f405162738495a6b7c8d9e0f1a2",
                at=datetime(2026, 10, 6, 16, 45, tzinfo=BERLIN_SUMMER),
                channel=Channel.PHONE,
                tier=Tier.APPLECARE,
                who="Advisor Jonas (ID 4471)",
                case_number="102938475610",
                outcome=Outcome.PARTLY,
                notes=(
                    "Confirmed a known display issue pattern; offered a repair at the "
                    "out-of-warranty price minus 50%. I asked for a free repair under the "
                    "legal guarantee. He escalated to a senior advisor."
                ),
                next_step="Senior advisor to call back",
                next_step_due=date(2026, 10, 9),
            ),
            ContactEntry(
                id="2e3f405162738495a6b7c8d9e0f1a2b3",
                at=datetime(2026, 10, 9, 10, 5, tzinfo=BERLIN_SUMMER),
                channel=Channel.PHONE,
                tier=Tier.SENIOR_ADVISOR,
                who="Senior advisor Maria K.",
                case_number="102938475610",
                outcome=Outcome.PENDING,
                notes="Reviewing the case with the product team; promised an answer by email.",
                next_step="Wait for the email; call back if nothing arrives",
                next_step_due=date(2026, 11, 16),
            ),
        ],
    )
