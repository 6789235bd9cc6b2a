"""Case <-> plain JSON-ready dicts, shared by the store and the case file.

`case_to_dict(..., include_secrets=False)` leaves every secret field out, so
that whatever is written from it (SQLite, an export) cannot carry a secret.
`case_from_dict` checks types and says which field is wrong.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from desktop.model import (
    SECRET_FIELDS,
    AppleCarePlan,
    Attachment,
    AttachmentRole,
    Case,
    CaseStatus,
    CaseType,
    Channel,
    Charge,
    Closure,
    ContactEntry,
    Device,
    DeviceKind,
    Outcome,
    Owner,
    PlanKind,
    Purchase,
    Repair,
    Resolution,
    Symptoms,
    Tier,
)

E = TypeVar("E", bound=StrEnum)


class CaseFormatError(ValueError):
    """The data does not describe a case; the message names the field."""


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def attachment_to_dict(att: Attachment) -> dict[str, Any]:
    return {
        "id": att.id,
        "file_name": att.file_name,
        "stored_name": att.stored_name,
        "role": att.role.value,
        "media_type": att.media_type,
        "size": att.size,
        "sha256": att.sha256,
        "added_at": att.added_at.isoformat(),
        "caption": att.caption,
        "taken_on": _iso(att.taken_on),
        "about": att.about,
    }


def contact_to_dict(entry: ContactEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "channel": entry.channel.value,
        "tier": entry.tier.value,
        "who": entry.who,
        "case_number": entry.case_number,
        "outcome": entry.outcome.value,
        "notes": entry.notes,
        "next_step": entry.next_step,
        "next_step_due": _iso(entry.next_step_due),
        "time_zone": entry.time_zone,
        "advisor_id": entry.advisor_id,
        "cs_code": entry.cs_code,
        "cs_amount": str(entry.cs_amount) if entry.cs_amount is not None else None,
        "cs_currency": entry.cs_currency,
        "duration_seconds": entry.duration_seconds,
        "attachments": [attachment_to_dict(a) for a in entry.attachments],
    }


def case_to_dict(case: Case, *, include_secrets: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": case.id,
        "case_type": case.case_type.value,
        "title": case.title,
        "status": case.status.value,
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
        "device": {
            "kind": case.device.kind.value,
            "model_name": case.device.model_name,
            "serial": case.device.serial,
            "imei": case.device.imei,
            "imei2": case.device.imei2,
            "eid": case.device.eid,
        },
        "apple_id": case.apple_id,
        "owner": {
            "name": case.owner.name,
            "email": case.owner.email,
            "phone": case.owner.phone,
            "postal_address": case.owner.postal_address,
            "country": case.owner.country,
            "time_zone": case.owner.time_zone,
            "dossier_language": case.owner.dossier_language,
        },
        "purchase": {
            "date": _iso(case.purchase.date),
            "seller": case.purchase.seller,
            "country": case.purchase.country,
            "order_number": case.purchase.order_number,
            "price": str(case.purchase.price) if case.purchase.price is not None else None,
            "currency": case.purchase.currency,
            "receipts": [attachment_to_dict(a) for a in case.purchase.receipts],
        },
        "symptoms": {
            "description": case.symptoms.description,
            "first_noticed": _iso(case.symptoms.first_noticed),
            "frequency": case.symptoms.frequency,
            "tried": case.symptoms.tried,
            "error_messages": case.symptoms.error_messages,
            "photos": [attachment_to_dict(a) for a in case.symptoms.photos],
        },
        "contacts": [contact_to_dict(c) for c in case.contacts],
        "applecare": {
            "kind": case.applecare.kind.value,
            "start": _iso(case.applecare.start),
            "months": case.applecare.months,
        },
        "repair_programs": list(case.repair_programs),
        "repairs": [
            {"id": r.id, "date": _iso(r.date), "place": r.place, "what": r.what}
            for r in case.repairs
        ],
        "closure": {
            "resolution": case.closure.resolution.value if case.closure.resolution else None,
            "closed_on": _iso(case.closure.closed_on),
            "paid": str(case.closure.paid) if case.closure.paid is not None else None,
            "currency": case.closure.currency,
            "new_serial": case.closure.new_serial,
            "note": case.closure.note,
        },
        "charges": [
            {
                "id": c.id,
                "date": _iso(c.date),
                "order_id": c.order_id,
                "amount": str(c.amount) if c.amount is not None else None,
                "currency": c.currency,
                "item": c.item,
                "report_a_problem": c.report_a_problem,
            }
            for c in case.charges
        ],
    }
    if not include_secrets:
        for charge in data["charges"]:
            charge.pop("order_id")
        for path in SECRET_FIELDS:
            *parents, last = path.split(".")
            node = data
            for part in parents:
                node = node[part]
            node.pop(last)
    return data


# -- reading ---------------------------------------------------------------


class _Reader:
    """Typed access to one dict, with the dotted path kept for messages."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise CaseFormatError(f"{where or 'case'}: expected an object")
        self.data: dict[str, Any] = data
        self.where = where

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise CaseFormatError(f"{self._name(key)}: expected text")
        return value

    def required_text(self, key: str) -> str:
        if key not in self.data:
            raise CaseFormatError(f"{self._name(key)}: missing")
        return self.text(key)

    def integer(self, key: str, default: int = 0) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CaseFormatError(f"{self._name(key)}: expected a whole number of 0 or more")
        return value

    def enum(self, key: str, kind: type[E], default: E) -> E:
        raw = self.data.get(key, default.value)
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise CaseFormatError(f"{self._name(key)}: {raw!r} is not one of {allowed}") from None

    def day(self, key: str) -> date | None:
        raw = self.data.get(key)
        if raw in (None, ""):
            return None
        try:
            return date.fromisoformat(raw)
        except (TypeError, ValueError):
            raise CaseFormatError(f"{self._name(key)}: expected a date like 2024-03-01") from None

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        raw = self.data.get(key)
        if raw in (None, ""):
            if required:
                raise CaseFormatError(f"{self._name(key)}: missing")
            return None
        try:
            value = datetime.fromisoformat(raw)
        except (TypeError, ValueError):
            raise CaseFormatError(
                f"{self._name(key)}: expected a date and time like 2024-03-01T14:30:00+01:00"
            ) from None
        if value.tzinfo is None:
            raise CaseFormatError(f"{self._name(key)}: the time has no time zone offset")
        return value

    def decimal(self, key: str) -> Decimal | None:
        raw = self.data.get(key)
        if raw in (None, ""):
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise CaseFormatError(f"{self._name(key)}: expected an amount like 999.00") from None
        if not value.is_finite() or value < 0:
            raise CaseFormatError(f"{self._name(key)}: expected an amount of 0 or more")
        return value

    def optional_integer(self, key: str) -> int | None:
        if self.data.get(key) is None:
            return None
        return self.integer(key)

    def strings(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CaseFormatError(f"{self._name(key)}: expected a list of texts")
        return list(value)

    def child(self, key: str) -> _Reader:
        return _Reader(self.data.get(key, {}), self._name(key))

    def items(self, key: str) -> list[_Reader]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise CaseFormatError(f"{self._name(key)}: expected a list")
        return [_Reader(item, f"{self._name(key)}[{i}]") for i, item in enumerate(value)]


def attachment_from_reader(r: _Reader) -> Attachment:
    return Attachment(
        id=r.required_text("id"),
        file_name=r.required_text("file_name"),
        stored_name=r.required_text("stored_name"),
        role=r.enum("role", AttachmentRole, AttachmentRole.PHOTO),
        media_type=r.text("media_type", "application/octet-stream"),
        size=r.integer("size"),
        sha256=r.text("sha256"),
        added_at=r.moment("added_at", required=True),  # type: ignore[arg-type]
        caption=r.text("caption"),
        taken_on=r.day("taken_on"),
        about=r.text("about"),
    )


def contact_from_reader(r: _Reader) -> ContactEntry:
    return ContactEntry(
        id=r.required_text("id"),
        at=r.moment("at", required=True),  # type: ignore[arg-type]
        channel=r.enum("channel", Channel, Channel.PHONE),
        tier=r.enum("tier", Tier, Tier.APPLECARE),
        who=r.text("who"),
        case_number=r.text("case_number"),
        outcome=r.enum("outcome", Outcome, Outcome.PENDING),
        notes=r.text("notes"),
        next_step=r.text("next_step"),
        next_step_due=r.day("next_step_due"),
        time_zone=r.text("time_zone"),
        advisor_id=r.text("advisor_id"),
        cs_code=r.text("cs_code"),
        cs_amount=r.decimal("cs_amount"),
        cs_currency=r.text("cs_currency"),
        duration_seconds=r.optional_integer("duration_seconds"),
        attachments=[attachment_from_reader(a) for a in r.items("attachments")],
    )


def contact_from_dict(data: object, where: str = "contact") -> ContactEntry:
    return contact_from_reader(_Reader(data, where))


def attachment_from_dict(data: object, where: str = "attachment") -> Attachment:
    return attachment_from_reader(_Reader(data, where))


def case_from_dict(data: object) -> Case:
    r = _Reader(data, "")
    dev, own = r.child("device"), r.child("owner")
    pur, sym, care = r.child("purchase"), r.child("symptoms"), r.child("applecare")
    shut = r.child("closure")
    return Case(
        id=r.required_text("id"),
        case_type=r.enum("case_type", CaseType, CaseType.HARDWARE),
        title=r.text("title"),
        status=r.enum("status", CaseStatus, CaseStatus.OPEN),
        created_at=r.moment("created_at", required=True),  # type: ignore[arg-type]
        updated_at=r.moment("updated_at", required=True),  # type: ignore[arg-type]
        device=Device(
            kind=dev.enum("kind", DeviceKind, DeviceKind.OTHER),
            model_name=dev.text("model_name"),
            serial=dev.text("serial"),
            imei=dev.text("imei"),
            imei2=dev.text("imei2"),
            eid=dev.text("eid"),
        ),
        apple_id=r.text("apple_id"),
        owner=Owner(
            name=own.text("name"),
            email=own.text("email"),
            phone=own.text("phone"),
            postal_address=own.text("postal_address"),
            country=own.text("country"),
            time_zone=own.text("time_zone"),
            dossier_language=own.text("dossier_language", "en") or "en",
        ),
        purchase=Purchase(
            date=pur.day("date"),
            seller=pur.text("seller"),
            country=pur.text("country"),
            order_number=pur.text("order_number"),
            price=pur.decimal("price"),
            currency=pur.text("currency"),
            receipts=[attachment_from_reader(a) for a in pur.items("receipts")],
        ),
        symptoms=Symptoms(
            description=sym.text("description"),
            first_noticed=sym.day("first_noticed"),
            frequency=sym.text("frequency"),
            tried=sym.text("tried"),
            error_messages=sym.text("error_messages"),
            photos=[attachment_from_reader(a) for a in sym.items("photos")],
        ),
        contacts=[contact_from_reader(c) for c in r.items("contacts")],
        applecare=AppleCarePlan(
            kind=care.enum("kind", PlanKind, PlanKind.NONE),
            start=care.day("start"),
            months=care.optional_integer("months"),
        ),
        repair_programs=r.strings("repair_programs"),
        repairs=[
            Repair(
                id=x.required_text("id"),
                date=x.day("date"),
                place=x.text("place"),
                what=x.text("what"),
            )
            for x in r.items("repairs")
        ],
        closure=Closure(
            resolution=(
                shut.enum("resolution", Resolution, Resolution.REFUSED)
                if shut.data.get("resolution") is not None
                else None
            ),
            closed_on=shut.day("closed_on"),
            paid=shut.decimal("paid"),
            currency=shut.text("currency"),
            new_serial=shut.text("new_serial"),
            note=shut.text("note"),
        ),
        charges=[
            Charge(
                id=x.required_text("id"),
                date=x.day("date"),
                order_id=x.text("order_id"),
                amount=x.decimal("amount"),
                currency=x.text("currency"),
                item=x.text("item"),
                report_a_problem=x.text("report_a_problem"),
            )
            for x in r.items("charges")
        ],
    )
