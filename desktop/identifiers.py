"""Checks for the numbers people copy from their device: serial, IMEI, EID, MEID, Apple ID.

Every check takes whatever was typed, never raises, and returns a `Check`:
a level (ok / warning / error / empty), a sentence for the user, the
normalised value, and, where a likely typo was spotted, a suggestion. Errors
block the wizard; warnings only ask the user to look again.

Formats and decoding tables: shared/reference/domain.md, section 1 (serial
layouts after acidanthera/OpenCorePkg's macserial FORMAT.md; IMEI, MEID and
EID check digits with python-stdnum). Offline decoding is an estimate of the
manufacturing period, never proof of warranty status. Messages come in the
language asked for (`language`, the UI's; English by default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from desktop.i18n import N_, SOURCE_LANGUAGE, translator


class Level(StrEnum):
    EMPTY = "empty"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Check:
    level: Level
    message: str
    normalized: str = ""
    suggestion: str = ""
    details: dict[str, str] = field(default_factory=dict)

    @property
    def blocks(self) -> bool:
        return self.level is Level.ERROR


EMPTY = Check(Level.EMPTY, "")

# -- serial numbers --------------------------------------------------------

# Position 4 of a 12-character serial: year and half-year (the cycle repeats
# every ten years, so C/D/F/G are 2010/2020 and 2011/2021).
_YEAR_CODES = "CDFGHJKLMNPQRSTVWXYZ"
# Position 5: week within that half-year, 1..27.
_WEEK_CODES = "123456789CDFGHJKLMNPQRTVWXY"
_SERIAL_ALPHABET = re.compile(r"^[0-9A-Z]+$")
_MODEL_NUMBER = re.compile(r"^A\d{4}$")
_PART_NUMBER = re.compile(r"^[A-Z0-9]{5,7}[A-Z]{1,2}/[A-Z]$")

_WHERE_SERIAL = N_("Settings > General > About, About This Mac, or the label on the box")


def normalize_serial(raw: str) -> str:
    text = re.sub(r"[\s\-–—_.]", "", raw or "").upper()
    return text


def _ambiguous_letters(value: str) -> str:
    """The value with O read as 0 and I as 1 (Apple serials use neither letter)."""
    return value.replace("O", "0").replace("I", "1")


def decode_serial_12(serial: str) -> dict[str, str] | None:
    """Manufacturing period of a 2010-2021 serial, or None if it does not decode."""
    year_code, week_code = serial[3], serial[4]
    if year_code not in _YEAR_CODES or week_code not in _WEEK_CODES:
        return None
    index = _YEAR_CODES.index(year_code)
    year, second_half = 2010 + index // 2, index % 2 == 1
    week = _WEEK_CODES.index(week_code) + 1 + (26 if second_half else 0)
    if week == 27 and not second_half:
        return None  # the 27th symbol only exists in a second half-year
    years = [year] if year >= 2012 else [year, year + 10]
    return {
        "format": "2010-2021 (12 characters)",
        "half": "second" if second_half else "first",
        "years": " or ".join(str(y) for y in years),
        "week": str(week),
        "approx_date": _week_start(years[-1] if len(years) == 1 else years[0], week).isoformat(),
        "factory": serial[:3],
        "model_code": serial[8:],
    }


def decode_serial_11(serial: str) -> dict[str, str] | None:
    """Manufacturing year and week of a pre-2013 serial, or None."""
    if not serial[2].isdigit() or not serial[3:5].isdigit():
        return None
    week = int(serial[3:5])
    if not 1 <= week <= 53:
        return None
    digit = int(serial[2])
    year = 2000 + digit if digit >= 3 else 2010 + digit
    return {
        "format": "before 2013 (11 characters)",
        "years": str(year),
        "week": str(week),
        "approx_date": _week_start(year, week).isoformat(),
        "factory": serial[:2],
        "model_code": serial[8:],
    }


def _week_start(year: int, week: int) -> date:
    # macserial counts weeks as plain 7-day blocks from 1 January.
    return date(year, 1, 1) + timedelta(days=7 * (week - 1))


def describe_decoded(details: dict[str, str], language: str = SOURCE_LANGUAGE) -> str:
    _ = translator(language).gettext
    years = details["years"].split(" or ")
    values = {
        "week": details["week"],
        "years": _("{first} or {second}").format(first=years[0], second=years[-1])
        if len(years) > 1
        else years[0],
    }
    if details.get("half") == "first":
        text = _("Made in week {week} (first half) of {years}, as read from the serial.")
    elif details.get("half") == "second":
        text = _("Made in week {week} (second half) of {years}, as read from the serial.")
    else:
        text = _("Made in week {week} of {years}, as read from the serial.")
    return _sentences(
        language, text.format(**values), _("Only Apple's coverage check is authoritative.")
    )


def _sentences(language: str, *texts: str) -> str:
    """Sentences side by side, the language's way (Chinese: no space between)."""
    pair = translator(language).pgettext("two sentences", "{first} {second}")
    result = ""
    for text in texts:
        if text:
            result = pair.format(first=result, second=text) if result else text
    return result


def check_serial(raw: str, language: str = SOURCE_LANGUAGE) -> Check:
    _ = translator(language).gettext
    value = normalize_serial(raw)
    if not value:
        return EMPTY
    wrong_field = _wrong_paste(value, language)
    if wrong_field is not None:
        return wrong_field
    where = _(_WHERE_SERIAL)
    scanner_note = ""
    if len(value) == 13 and value.startswith("S"):
        value, scanner_note = value[1:], _("Removed the leading S that barcode scanners add.")
    if not _SERIAL_ALPHABET.match(value):
        bad = sorted({c for c in value if not c.isalnum() or not c.isascii()})
        return Check(
            Level.ERROR,
            _(
                "A serial number has only letters and digits; remove {characters}. "
                "You find it in {where}."
            ).format(characters=" ".join(bad), where=where),
            value,
        )
    length = len(value)
    if length not in (10, 11, 12):
        if 8 <= length <= 14:
            return Check(
                Level.WARNING,
                _sentences(
                    language,
                    scanner_note,
                    _(
                        "The serial has {count} characters; Apple serials usually have 10, 11 "
                        "or 12. Please compare it with the one in Settings or on the box."
                    ).format(count=length),
                ),
                value,
            )
        return Check(
            Level.ERROR,
            _(
                "The serial has {count} characters; Apple serials have 10, 11 or 12. "
                "You find it in {where}."
            ).format(count=length, where=where),
            value,
        )
    if "O" in value or "I" in value:
        fixed = _ambiguous_letters(value)
        return Check(
            Level.WARNING,
            _sentences(
                language,
                scanner_note,
                _(
                    "Apple serials never use the letters O or I; these are usually a zero and "
                    "a one. Did you mean {serial}?"
                ).format(serial=fixed),
            ),
            value,
            suggestion=fixed,
        )
    if length == 10:
        return Check(
            Level.OK,
            _sentences(
                language,
                scanner_note,
                _(
                    "A 10-character serial (used since 2021). It carries no date, so it cannot "
                    "be decoded offline; Apple's coverage check can read it."
                ),
            ),
            value,
            details={"format": "since 2021 (10 characters, random)"},
        )
    details = decode_serial_12(value) if length == 12 else decode_serial_11(value)
    if details is None:
        return Check(
            Level.WARNING,
            _sentences(
                language,
                scanner_note,
                _(
                    "This does not look like an Apple serial of {count} characters: its date "
                    "characters do not decode. Please compare it with the one in Settings or "
                    "on the box."
                ).format(count=length),
            ),
            value,
        )
    return Check(
        Level.OK,
        _sentences(language, scanner_note, describe_decoded(details, language)),
        value,
        details=details,
    )


def _wrong_paste(value: str, language: str) -> Check | None:
    """Recognise the numbers people paste into the serial field by mistake."""
    _ = translator(language).gettext
    if _MODEL_NUMBER.match(value):
        return Check(
            Level.ERROR,
            _(
                "{value} is a model number (printed on the back or in Settings > General > "
                "About > Model Number after a tap). The serial is a different code of 10 to 12 "
                "letters and digits."
            ).format(value=value),
            value,
        )
    if "/" in value and _PART_NUMBER.match(value):
        return Check(
            Level.ERROR,
            _(
                "{value} is a part number (it names the model, colour and region). The serial "
                "is a different code of 10 to 12 letters and digits, in {where}."
            ).format(value=value, where=_(_WHERE_SERIAL)),
            value,
        )
    if value.isdigit() and len(value) in (14, 15, 16):
        return Check(
            Level.ERROR,
            _(
                "This looks like an IMEI (only digits). Put it in the IMEI field; the serial "
                "is a code of letters and digits, in {where}."
            ).format(where=_(_WHERE_SERIAL)),
            value,
        )
    return None


# -- IMEI, MEID, EID -------------------------------------------------------

_WHERE_IMEI = N_("dial *#06#, or see Settings > General > About, the SIM tray or the box")
_WHERE_EID = N_("Settings > General > About (scroll to EID), or dial *#06#")


def _digits(raw: str) -> str:
    return re.sub(r"[\s\-/.]", "", raw or "")


def check_imei(raw: str, language: str = SOURCE_LANGUAGE) -> Check:
    from stdnum import imei
    from stdnum.exceptions import ValidationError

    _ = translator(language).gettext
    value = _digits(raw)
    if not value:
        return EMPTY
    where = _(_WHERE_IMEI)
    if not value.isdigit():
        return Check(
            Level.ERROR,
            _("An IMEI has only digits. To see yours, {where}.").format(where=where),
            value,
        )
    if len(value) == 16:
        return Check(
            Level.WARNING,
            _(
                "This is an IMEISV: the 14-digit IMEI plus a 2-digit software version, with no "
                "check digit. Apple asks for the 15-digit IMEI; to see it, {where}."
            ).format(where=where),
            value,
        )
    if len(value) == 14:
        return Check(
            Level.WARNING,
            _(
                "14 digits: the IMEI without its last (check) digit, or an MEID. Apple's forms "
                "usually want all 15 digits; to see them, {where}."
            ).format(where=where),
            value,
        )
    if len(value) != 15:
        return Check(
            Level.ERROR,
            _("The IMEI has {count} digits; it should have 15. To see it, {where}.").format(
                count=len(value), where=where
            ),
            value,
        )
    try:
        imei.validate(value)
    except ValidationError:
        return Check(
            Level.ERROR,
            _(
                "The last digit does not match the others: one digit is probably mistyped. "
                "Please compare it digit by digit ({where})."
            ).format(where=where),
            value,
        )
    return Check(Level.OK, _("The IMEI's check digit is right."), value)


def check_meid(raw: str, language: str = SOURCE_LANGUAGE) -> Check:
    from stdnum import meid
    from stdnum.exceptions import ValidationError

    _ = translator(language).gettext
    value = _digits(raw).upper()
    if not value:
        return EMPTY
    try:
        meid.validate(value)
    except ValidationError:
        return Check(
            Level.ERROR,
            _(
                "This is not a valid MEID (14 hexadecimal characters, or 18 digits). On an "
                "iPhone the MEID is the first 14 digits of the IMEI."
            ),
            value,
        )
    return Check(Level.OK, _("The MEID is well formed."), value)


def check_eid(raw: str, language: str = SOURCE_LANGUAGE) -> Check:
    from stdnum.iso7064 import mod_97_10

    _ = translator(language).gettext
    value = _digits(raw)
    if not value:
        return EMPTY
    where = _(_WHERE_EID)
    if not value.isdigit() or len(value) != 32:
        return Check(
            Level.ERROR,
            _("The EID has 32 digits; this has {count} characters. You find it in {where}.").format(
                count=len(value), where=where
            ),
            value,
        )
    if not mod_97_10.is_valid(value):
        return Check(
            Level.ERROR,
            _(
                "The EID's last two check digits do not match: a digit is probably mistyped. "
                "Please compare it with {where}."
            ).format(where=where),
            value,
        )
    return Check(Level.OK, _("The EID's check digits are right."), value)


# -- Apple ID --------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,20}$")


def check_apple_id(raw: str, language: str = SOURCE_LANGUAGE) -> Check:
    _ = translator(language).gettext
    value = (raw or "").strip()
    if not value:
        return EMPTY
    if "@" in value:
        if _EMAIL.match(value):
            return Check(Level.OK, "", value)
        return Check(
            Level.ERROR,
            _(
                "This email address is incomplete; an Apple ID looks like name@example.com. "
                "You find it at the top of Settings (tap your name) or in System Settings on "
                "a Mac."
            ),
            value,
        )
    if _PHONE.match(value) and sum(c.isdigit() for c in value) >= 7:
        if not value.startswith("+"):
            return Check(
                Level.WARNING,
                _(
                    "An Apple ID that is a phone number is best written with its country code, "
                    "for example +49 30 1234567."
                ),
                value,
            )
        return Check(Level.OK, "", value)
    return Check(
        Level.ERROR,
        _(
            "An Apple ID is the email address (or, for some accounts, the phone number) you "
            "sign in with. Case Dossier never asks for your password."
        ),
        value,
    )
