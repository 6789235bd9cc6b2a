"""What a case has and what it lacks, each gap with what it costs: for the wizard's
Review page and the case view. Reads the case only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.i18n import Plural
from desktop.model import Case, CaseType, PlanKind
from desktop.ui.choices import (
    CASE_TYPE_LABELS,
    HAS_IMEI,
    PLAN_LABELS,
    SERIAL_REQUIRED,
    country_name,
    device_name,
)
from desktop.ui.formatting import format_date, format_money
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.widgets.masked_value import mask
from desktop.wizard_flow import Step

TEXT = {
    "case": N_("Case"),
    "device": N_("Device"),
    "serial": N_("Serial number"),
    "imei": N_("IMEI"),
    "apple_id": N_("Apple Account"),
    "name": N_("Name"),
    "email": N_("Email"),
    "phone": N_("Callback phone"),
    "country": N_("Country"),
    "purchase": N_("Purchase"),
    "receipt": N_("Receipt"),
    "symptoms": N_("Description"),
    "first_noticed": N_("First noticed"),
    "tried": N_("Tried so far"),
    "photos": N_("Photos"),
    "plan": N_("AppleCare"),
    "programs": N_("Repair programs"),
    "repairs": N_("Earlier repairs"),
    "charges": N_("Disputed charges"),
    "n_repairs": N_("{n} listed: {latest}"),
    "n_charges": N_("{n} listed"),
    "plan_from": N_("{plan} from {date}"),
    "no_charges": N_("No charges listed"),
    "no_charges_cost": N_(
        "If the case is about a charge, Apple finds it by its order ID in the receipt email."
    ),
    "bought_on_from": N_("Bought on {date} from {seller}"),
    "bought_on": N_("Bought on {date}"),
    "no_model": N_("No model name"),
    "no_model_cost": N_("Staff will ask which model it is; Settings > General > About shows it."),
    "no_serial": N_("No serial number"),
    "no_serial_cost": N_("Apple cannot look up the warranty without it and will ask for it first."),
    "no_imei": N_("No IMEI"),
    "no_imei_cost": N_("Usually fine; carriers and some repairs ask for it."),
    "no_apple_id": N_("No Apple Account"),
    "no_apple_id_cost": N_("Support cannot find your devices and purchases through your account."),
    "no_apple_id_cost_account": N_("For an account or billing case this is the first thing asked."),
    "no_email": N_("No email"),
    "no_email_cost": N_("Apple cannot send you the case number and replies in writing."),
    "no_phone": N_("No callback phone"),
    "no_phone_cost": N_("A senior advisor can only call you back on a number you give."),
    "no_country": N_("No country"),
    "no_country_cost": N_("The dossier cannot say which consumer rights and contacts apply."),
    "no_date": N_("No purchase date"),
    "no_date_cost": N_("Apple will use the activation date, which may differ from your purchase."),
    "no_receipt": N_("No receipt"),
    "no_receipt_cost": N_(
        "Apple will use the activation date; a photo of the receipt helps if you bought it "
        "later than that."
    ),
    "no_description": N_("No description"),
    "no_description_cost": N_("The dossier needs a few sentences on what goes wrong."),
    "no_first_noticed": N_("No date for when it started"),
    "no_first_noticed_cost": N_("A date helps show that the fault appeared within the warranty."),
    "no_tried": N_("Nothing listed as tried"),
    "no_tried_cost": N_("Expect to be asked to restart, update and reset first."),
    "no_photos": N_("No photos or screenshots"),
    "no_photos_cost": N_("A picture helps when the fault comes and goes."),
}


@dataclass(frozen=True)
class ReviewItem:
    step: Step
    present: bool
    label: str
    detail: str
    important: bool = False  # a gap that weakens the case, not just a nice-to-have


# Russian says "2 файла" but "5 файлов": a plural, not "{n} files".
FILES = Plural("{count} file: {names}", "{count} files: {names}")


def _text(key: str) -> str:
    # A function, not tr(TEXT["..."]) inline: the extractor would take the key for a text.
    return tr(TEXT[key])


def _have(step: Step, key: str, detail: str) -> ReviewItem:
    return ReviewItem(step, True, _text(key), detail)


def _gap(
    step: Step, key: str, cost_key: str | None = None, *, important: bool = False
) -> ReviewItem:
    return ReviewItem(step, False, _text(key), _text(cost_key or key + "_cost"), important)


def review_items(case: Case) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    device, owner, purchase, symptoms = case.device, case.owner, case.purchase, case.symptoms

    if case.title:
        items.append(
            _have(Step.CASE_TYPE, "case", f"{tr(CASE_TYPE_LABELS[case.case_type])}: {case.title}")
        )
    if device.model_name:
        items.append(_have(Step.DEVICE, "device", device_name(device.kind, device.model_name)))
    else:
        items.append(_gap(Step.DEVICE, "no_model"))
    if device.serial:
        items.append(_have(Step.IDENTIFIERS, "serial", mask(device.serial)))
    elif device.kind in SERIAL_REQUIRED:
        items.append(_gap(Step.IDENTIFIERS, "no_serial", important=True))
    if device.kind in HAS_IMEI:
        if device.imei:
            items.append(_have(Step.IDENTIFIERS, "imei", mask(device.imei)))
        else:
            items.append(_gap(Step.IDENTIFIERS, "no_imei"))
    if case.apple_id:
        items.append(_have(Step.APPLE_ID, "apple_id", mask(case.apple_id)))
    else:
        is_account = case.case_type is CaseType.ACCOUNT
        cost = "no_apple_id_cost_account" if is_account else None
        items.append(_gap(Step.APPLE_ID, "no_apple_id", cost, important=is_account))

    if owner.name:
        items.append(_have(Step.OWNER, "name", owner.name))
    if owner.email:
        items.append(_have(Step.OWNER, "email", owner.email))
    else:
        items.append(_gap(Step.OWNER, "no_email"))
    if owner.phone:
        items.append(_have(Step.OWNER, "phone", mask(owner.phone)))
    else:
        items.append(_gap(Step.OWNER, "no_phone"))
    if owner.country:
        items.append(_have(Step.OWNER, "country", country_name(owner.country)))
    else:
        items.append(_gap(Step.OWNER, "no_country"))

    if purchase.date:
        key = "bought_on_from" if purchase.seller else "bought_on"
        detail = _text(key).format(date=format_date(purchase.date), seller=purchase.seller)
        if purchase.price is not None:
            detail += f" · {format_money(purchase.price, purchase.currency)}"
        items.append(_have(Step.RECEIPT, "purchase", detail))
    else:
        items.append(_gap(Step.RECEIPT, "no_date", important=True))
    if purchase.receipts:
        items.append(_have(Step.RECEIPT, "receipt", _file_names(purchase.receipts)))
    else:
        items.append(_gap(Step.RECEIPT, "no_receipt", important=True))

    if case.case_type is CaseType.ACCOUNT:
        if case.charges:
            items.append(
                _have(Step.CHARGES, "charges", _text("n_charges").format(n=len(case.charges)))
            )
        else:
            items.append(_gap(Step.CHARGES, "no_charges"))
    else:
        if case.applecare.kind is not PlanKind.NONE:
            start = format_date(case.applecare.start) if case.applecare.start else ""
            label = tr(PLAN_LABELS[case.applecare.kind])
            detail = _text("plan_from").format(plan=label, date=start) if start else label
            items.append(_have(Step.COVERAGE, "plan", detail))
        if case.repair_programs:
            items.append(
                _have(Step.COVERAGE, "programs", ", ".join(_program_titles(case.repair_programs)))
            )

    if symptoms.description:
        items.append(_have(Step.SYMPTOMS, "symptoms", _first_line(symptoms.description)))
    else:
        items.append(_gap(Step.SYMPTOMS, "no_description", important=True))
    if symptoms.first_noticed:
        items.append(_have(Step.SYMPTOMS, "first_noticed", format_date(symptoms.first_noticed)))
    else:
        items.append(_gap(Step.SYMPTOMS, "no_first_noticed"))
    if symptoms.tried:
        items.append(_have(Step.SYMPTOMS, "tried", _first_line(symptoms.tried)))
    else:
        items.append(_gap(Step.SYMPTOMS, "no_tried"))
    if symptoms.photos:
        items.append(_have(Step.SYMPTOMS, "photos", _file_names(symptoms.photos)))
    elif case.case_type is CaseType.HARDWARE:
        items.append(_gap(Step.SYMPTOMS, "no_photos"))
    if case.case_type is CaseType.HARDWARE and case.repairs:
        latest = max(case.repairs, key=lambda r: r.date or date.min)
        what = ", ".join(part for part in (format_date(latest.date), latest.place) if part)
        items.append(
            _have(
                Step.REPAIRS,
                "repairs",
                _text("n_repairs").format(n=len(case.repairs), latest=what or latest.what),
            )
        )
    return items


def _program_titles(ids: list[str]) -> list[str]:
    from desktop.reference import programs

    titles = {p.id: p.title for p in programs()}
    return [titles.get(i, i) for i in ids]


def _first_line(text: str, limit: int = 90) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _file_names(attachments: list) -> str:  # type: ignore[type-arg]
    names = [att.file_name for att in attachments]
    if len(names) == 1:
        return names[0]
    shown = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
    return FILES.in_language(current_language())(len(names), names=shown)
