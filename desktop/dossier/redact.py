"""The redacted variant: a copy of the case with every identifier masked.

Identifiers (serial, IMEI, IMEI 2, EID, the order number and each disputed
charge's order id, the phone number, the CS codes and advisor IDs noted on
contacts) keep only their last 4 letters or digits
("••••••M9VR"); the Apple ID and the owner's email keep their first letter and
domain ("j***@example.com"); the postal address is cut down to its city and
country line. The same values are also masked wherever the user typed them
in free text (notes, symptoms, file names, titles), with or without spaces
or dashes between their characters, so the redacted dossier built from this
copy holds no unmasked identifier anywhere: text, metadata or outline.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any

from desktop.model import Case

MASK = "•"
KEEP = 4
ADDRESS_MASK = "•••"

# Fields that name files on disk or identify records; never user prose.
_UNTOUCHED = frozenset({"id", "stored_name", "sha256", "media_type", "repair_programs"})
# Between two characters of an identifier, text may hold a few separators.
_GAP = r"[^\w\n]{0,3}"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def mask(value: str, keep: int = KEEP) -> str:
    """Letters and digits masked but for the last `keep` (half, for short values)."""
    chars = list(value)
    positions = [index for index, char in enumerate(chars) if char.isalnum()]
    visible = min(keep, len(positions) // 2)
    for index in positions[: len(positions) - visible]:
        chars[index] = MASK
    return "".join(chars)


def mask_email(value: str) -> str:
    """ "jane@example.com" -> "j***@example.com"; anything else like `mask`."""
    text = value.strip()
    if not _EMAIL.match(text):
        return mask(text)
    local, domain = text.split("@", 1)
    return f"{local[:1]}***@{domain}"


def city_line(address: str) -> str:
    """The city and country of a postal address, numbers left out ("" if unsure)."""
    lines = [line.strip() for line in address.splitlines() if line.strip()]
    parts = lines if len(lines) > 1 else [p.strip() for p in "".join(lines).split(",")]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return ""
    last, previous = _without_numbers(parts[-1]), _without_numbers(parts[-2])
    # A country (no digits) or a state code keeps the line before it: "Berlin, Germany".
    keep_previous = not _has_digit(parts[-1]) or len(last) <= 3
    pieces = [previous, last] if keep_previous else [last]
    return ", ".join(piece for piece in pieces if piece)


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _without_numbers(text: str) -> str:
    words = [word for word in text.split() if not _has_digit(word)]
    return " ".join(words).strip(" ,")


class Scrubber:
    """Masks every occurrence of the given identifiers in a text."""

    def __init__(
        self,
        identifiers: Iterable[str] = (),
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        lines: Iterable[str] = (),
    ) -> None:
        patterns: list[tuple[int, str]] = []
        for value in identifiers:
            patterns += _spaced(value)
        for value in phones:
            digits = "".join(char for char in value if char.isdigit())
            # The number as written, and without its country code (national form).
            for start in range(4):
                if len(digits) - start >= 7:
                    patterns += _spaced(digits[start:])
            patterns += _spaced(value)
        for value in emails:
            text = value.strip()
            if text:
                patterns.append((len(text) + 1000, re.escape(text)))
        self._lines: set[str] = set()
        for line in lines:
            words = line.split()
            if len(line.strip()) >= 5 and words:
                flexible = r"\s+".join(re.escape(word) for word in words)
                patterns.append((len(line), flexible))
                self._lines.add(" ".join(words).casefold())
        unique = sorted(set(patterns), key=lambda item: -item[0])
        body = "|".join(f"(?:{pattern})" for _, pattern in unique)
        self._pattern = re.compile(body, re.IGNORECASE) if body else None
        self._emails = {value.strip().casefold() for value in emails}

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found.casefold() in self._emails:
            return mask_email(found)
        if " ".join(found.split()).casefold() in self._lines:
            return ADDRESS_MASK
        return mask(found)


def _spaced(value: str) -> list[tuple[int, str]]:
    """A pattern matching `value`'s letters and digits with separators between them."""
    chars = [char for char in value if char.isalnum()]
    if len(chars) < 2:
        return []
    body = _GAP.join(re.escape(char) for char in chars)
    if len(chars) < 6:  # short: only as a word of its own
        body = rf"(?<!\w){body}(?!\w)"
    return [(len(chars), body)]


def redacted_case(case: Case) -> Case:
    """A deep copy of `case` with identifiers masked everywhere (the case is untouched)."""
    clone = copy.deepcopy(case)
    device, owner, purchase = clone.device, clone.owner, clone.purchase
    address_parts = [
        part.strip()
        for line in owner.postal_address.splitlines()
        for part in [line, *line.split(",")]
        if part.strip()
    ]
    kept = city_line(owner.postal_address)
    apple_id = clone.apple_id.strip()
    apple_is_email = bool(_EMAIL.match(apple_id))
    scrub = Scrubber(
        identifiers=[
            device.serial,
            device.imei,
            device.imei2,
            device.eid,
            purchase.order_number,
            *(charge.order_id for charge in clone.charges),
            # A CS code is a repair credit anyone could try to redeem; a badge
            # number identifies the advisor, who did not agree to be shared.
            *(entry.cs_code for entry in clone.contacts),
            *(entry.advisor_id for entry in clone.contacts),
            *([] if apple_is_email else [apple_id]),
        ],
        emails=[value for value in (owner.email, apple_id if apple_is_email else "") if value],
        phones=[owner.phone, *([] if apple_is_email else [apple_id])],
        lines=[part for part in address_parts if part not in kept],
    )
    _walk(clone, scrub)
    device.serial = mask(case.device.serial)
    device.imei = mask(case.device.imei)
    device.imei2 = mask(case.device.imei2)
    device.eid = mask(case.device.eid)
    purchase.order_number = mask(case.purchase.order_number)
    for charge, original in zip(clone.charges, case.charges, strict=True):
        charge.order_id = mask(original.order_id)
    for entry, original_entry in zip(clone.contacts, case.contacts, strict=True):
        entry.cs_code = mask(original_entry.cs_code)
        entry.advisor_id = mask(original_entry.advisor_id)
    owner.phone = mask(case.owner.phone)
    owner.postal_address = kept
    owner.email = mask_email(case.owner.email) if case.owner.email.strip() else ""
    clone.apple_id = mask_email(case.apple_id) if apple_id else ""
    return clone


def _walk(node: Any, scrub: Callable[[str], str]) -> None:
    """Scrub every plain text attribute of a dataclass tree in place."""
    if isinstance(node, list):
        for item in node:
            _walk(item, scrub)
        return
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return
    for item in dataclasses.fields(node):
        if item.name in _UNTOUCHED:
            continue
        value = getattr(node, item.name)
        if type(value) is str:  # not an enum member, which is a str too
            setattr(node, item.name, scrub(value))
        elif isinstance(value, list):
            for element in value:
                if type(element) is not str:
                    _walk(element, scrub)
            if value and all(type(element) is str for element in value):
                setattr(node, item.name, [scrub(element) for element in value])
        else:
            _walk(value, scrub)
