"""Reference data shipped with the app: coverage rules, consumer law, repair programs.

Each file under resources/reference/ carries a version and an as-of date;
each entry its source and a confidence ("official", "secondary",
"uncertain"). Loading checks every entry and names the one that is wrong, so
a bad edit fails a test rather than a user's screen.

Titles and summaries are English source data. An entry may add its own words
in other languages, `"title_i18n": {"de": "…", "fr": "…", "zh_CN": "…", "ru": "…"}`
(likewise `summary_i18n`, `scope_i18n`); `title_in(language)` picks them, with
the English text for a language the entry does not have. A country override
that changes a text and gives no translations of its own uses the English one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from desktop.i18n import LANGUAGES, SOURCE_LANGUAGE, is_pseudo, normalize_language, pseudo_localize
from desktop.paths import resources_dir

CONFIDENCE = ("official", "secondary", "uncertain")
DEVICE_KINDS = ("iphone", "ipad", "mac", "watch", "airpods", "other")


class ReferenceDataError(ValueError):
    pass


Texts = dict[str, str]  # language (a key of desktop.i18n.LANGUAGES) -> text


def in_language(texts: Texts, language: str, english: str) -> str:
    """The text in a language, or the English source when the entry lacks it."""
    if is_pseudo(language):  # reference data's texts are translated too: show it
        return pseudo_localize(english)
    return texts.get(normalize_language(language)) or english


def read_translations(data: object, key: str, where: str) -> Texts:
    """An entry's `<key>_i18n` object, checked (unknown language or empty text refused)."""
    return _Entry(data, where).translations(key)


@dataclass(frozen=True)
class Period:
    """A span given in months or days; `open_ended` when the rule sets none."""

    months: int | None = None
    days: int | None = None
    open_ended: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    period: Period
    counted_from: str  # "purchase", "delivery" or "invoice"
    summary: str
    source: str
    confidence: str
    jurisdiction: str = ""
    device_kinds: tuple[str, ...] = DEVICE_KINDS
    burden_on_seller: bool = False  # the seller must prove the fault was not there
    title_i18n: Texts = field(default_factory=dict, hash=False)
    summary_i18n: Texts = field(default_factory=dict, hash=False)

    @property
    def uncertain(self) -> bool:
        return self.confidence == "uncertain"

    def title_in(self, language: str) -> str:
        return in_language(self.title_i18n, language, self.title)

    def summary_in(self, language: str) -> str:
        return in_language(self.summary_i18n, language, self.summary)


@dataclass(frozen=True)
class Program:
    id: str
    title: str
    device_kinds: tuple[str, ...]
    announced: date
    years: int | None  # None: a recall with no stated end
    scope: str
    source: str
    confidence: str
    title_i18n: Texts = field(default_factory=dict, hash=False)
    scope_i18n: Texts = field(default_factory=dict, hash=False)

    @property
    def uncertain(self) -> bool:
        return self.confidence == "uncertain"

    def title_in(self, language: str) -> str:
        return in_language(self.title_i18n, language, self.title)

    def scope_in(self, language: str) -> str:
        return in_language(self.scope_i18n, language, self.scope)


@dataclass(frozen=True)
class PlanTerms:
    id: str
    title: str
    default_months: dict[str, int] | None  # None: runs while paid
    summary: str
    source: str
    confidence: str
    title_i18n: Texts = field(default_factory=dict, hash=False)
    summary_i18n: Texts = field(default_factory=dict, hash=False)

    def title_in(self, language: str) -> str:
        return in_language(self.title_i18n, language, self.title)

    def summary_in(self, language: str) -> str:
        return in_language(self.summary_i18n, language, self.summary)


@dataclass(frozen=True)
class AppleTerms:
    warranty: Rule
    phone_support: Rule
    repair_guarantee: Rule
    plans: dict[str, PlanTerms]
    as_of: date


@dataclass(frozen=True)
class ConsumerLaw:
    eu_members: frozenset[str]
    rules: tuple[Rule, ...]
    overrides: dict[tuple[str, str], Rule]  # (rule id, country) -> the country's version
    as_of: date

    def rules_for(self, country: str, device_kind: str) -> list[Rule]:
        jurisdiction = "EU" if country in self.eu_members else country
        return [
            self.overrides.get((rule.id, country), rule)
            for rule in self.rules
            if rule.jurisdiction == jurisdiction and device_kind in rule.device_kinds
        ]


class _Entry:
    """Typed access to one JSON object, naming the entry in every error."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ReferenceDataError(f"{where}: expected an object")
        self.data: dict[str, Any] = data
        self.where = where

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ReferenceDataError(f"{self.where}: '{key}' must be non-empty text")
        return value

    def count(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ReferenceDataError(f"{self.where}: '{key}' must be a positive whole number")
        return value

    def translations(self, key: str) -> Texts:
        """`<key>_i18n`: an object of language -> non-empty text (absent: none)."""
        name = f"{key}_i18n"
        value = self.data.get(name)
        if value is None:
            return {}
        languages = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
        if not isinstance(value, dict) or any(
            code not in languages or not isinstance(text, str) or not text.strip()
            for code, text in value.items()
        ):
            raise ReferenceDataError(
                f"{self.where}: '{name}' must map languages {languages} to non-empty text"
            )
        return dict(value)

    def day(self, key: str) -> date:
        try:
            return date.fromisoformat(self.text(key))
        except ValueError:
            raise ReferenceDataError(f"{self.where}: '{key}' must be a date YYYY-MM-DD") from None

    def confidence(self) -> str:
        value = self.text("confidence")
        if value not in CONFIDENCE:
            raise ReferenceDataError(f"{self.where}: confidence must be one of {CONFIDENCE}")
        return value

    def kinds(self) -> tuple[str, ...]:
        value = self.data.get("device_kinds", list(DEVICE_KINDS))
        if not isinstance(value, list) or not value or any(v not in DEVICE_KINDS for v in value):
            raise ReferenceDataError(f"{self.where}: device_kinds must list {DEVICE_KINDS}")
        return tuple(value)

    def period(self) -> Period:
        months, days = self.count("months"), self.count("days")
        open_ended = self.data.get("open_ended") is True
        if [months is not None, days is not None, open_ended].count(True) != 1:
            raise ReferenceDataError(f"{self.where}: give exactly one of months, days, open_ended")
        return Period(months, days, open_ended)


def _rule(entry: _Entry, rule_id: str, jurisdiction: str = "") -> Rule:
    counted_from = entry.data.get("from", "purchase")
    if counted_from not in ("purchase", "delivery", "invoice"):
        raise ReferenceDataError(f"{entry.where}: 'from' must be purchase, delivery or invoice")
    return Rule(
        id=rule_id,
        title=entry.text("title"),
        period=entry.period(),
        counted_from=counted_from,
        summary=entry.text("summary"),
        source=entry.text("source"),
        confidence=entry.confidence(),
        jurisdiction=jurisdiction,
        device_kinds=entry.kinds(),
        burden_on_seller=entry.data.get("burden_on_seller") is True,
        title_i18n=entry.translations("title"),
        summary_i18n=entry.translations("summary"),
    )


def _override(raw: dict[str, Any], change: object) -> object:
    """A country's version of a rule: the rule with the changed keys; a changed text
    drops the rule's translations of it unless the change brings its own."""
    if not isinstance(change, dict):
        return change  # refused by _Entry, naming the override
    merged = {**raw, **change}
    for key in ("title", "summary"):
        if key in change and f"{key}_i18n" not in change:
            merged.pop(f"{key}_i18n", None)
    return merged


def _read(name: str, folder: Path | None) -> tuple[dict[str, Any], date]:
    path = (folder or resources_dir() / "reference") / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"{name}: cannot be read ({exc})") from None
    top = _Entry(data, name)
    if top.count("version") is None:
        raise ReferenceDataError(f"{name}: 'version' is missing")
    return top.data, top.day("as_of")


def load_consumer_law(folder: Path | None = None) -> ConsumerLaw:
    data, as_of = _read("consumer_law.json", folder)
    members = data.get("eu_members")
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        raise ReferenceDataError("consumer_law.json: eu_members must list country codes")
    rules: list[Rule] = []
    overrides: dict[tuple[str, str], Rule] = {}
    seen: set[str] = set()
    for i, raw in enumerate(data.get("rules", [])):
        entry = _Entry(raw, f"consumer_law.json rules[{i}]")
        rule_id = entry.text("id")
        if rule_id in seen:
            raise ReferenceDataError(f"{entry.where}: duplicate id {rule_id}")
        seen.add(rule_id)
        rule = _rule(entry, rule_id, entry.text("jurisdiction"))
        rules.append(rule)
        for country, change in (raw.get("overrides") or {}).items():
            merged = _Entry(_override(raw, change), f"{entry.where} override {country}")
            overrides[(rule_id, country)] = _rule(merged, rule_id, rule.jurisdiction)
    return ConsumerLaw(frozenset(members), tuple(rules), overrides, as_of)


def load_programs(folder: Path | None = None) -> tuple[tuple[Program, ...], date]:
    data, as_of = _read("repair_programs.json", folder)
    programs = []
    for i, raw in enumerate(data.get("programs", [])):
        entry = _Entry(raw, f"repair_programs.json programs[{i}]")
        programs.append(
            Program(
                id=entry.text("id"),
                title=entry.text("title"),
                device_kinds=entry.kinds(),
                announced=entry.day("announced"),
                years=entry.count("years"),
                scope=entry.text("scope"),
                source=entry.text("source"),
                confidence=entry.confidence(),
                title_i18n=entry.translations("title"),
                scope_i18n=entry.translations("scope"),
            )
        )
    if len({p.id for p in programs}) != len(programs):
        raise ReferenceDataError("repair_programs.json: duplicate program id")
    return tuple(programs), as_of


def load_apple_terms(folder: Path | None = None) -> AppleTerms:
    data, as_of = _read("apple_coverage.json", folder)
    plans = {}
    for plan_id, raw in (data.get("plans") or {}).items():
        entry = _Entry(raw, f"apple_coverage.json plans.{plan_id}")
        months = raw.get("default_months")
        if months is not None and (
            not isinstance(months, dict)
            or any(k not in DEVICE_KINDS or not isinstance(v, int) for k, v in months.items())
        ):
            raise ReferenceDataError(f"{entry.where}: default_months must map device kinds")
        plans[plan_id] = PlanTerms(
            plan_id,
            entry.text("title"),
            months,
            entry.text("summary"),
            entry.text("source"),
            entry.confidence(),
            entry.translations("title"),
            entry.translations("summary"),
        )
    return AppleTerms(
        warranty=_rule(_Entry(data.get("warranty"), "apple_coverage.json warranty"), "warranty"),
        phone_support=_rule(
            _Entry(data.get("phone_support"), "apple_coverage.json phone_support"), "phone_support"
        ),
        repair_guarantee=_rule(
            _Entry(data.get("repair_guarantee"), "apple_coverage.json repair_guarantee"),
            "repair_guarantee",
        ),
        plans=plans,
        as_of=as_of,
    )


@cache
def consumer_law() -> ConsumerLaw:
    return load_consumer_law()


@cache
def programs() -> tuple[Program, ...]:
    return load_programs()[0]


@cache
def apple_terms() -> AppleTerms:
    return load_apple_terms()
