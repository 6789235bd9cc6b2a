"""Translations: complete catalogs with the source's placeholders and each language's
plural forms, the core's texts in every language, the dossier's words, the UI language
from the OS, and the reference data's own translations."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest

from desktop import i18n, reference
from desktop.coverage import coverage_layers, strongest_argument
from desktop.dossier.strings import EN, DossierStrings, strings_for
from desktop.escalation import Rung, recommend, rung_title
from desktop.i18n import LANGUAGES, Plural, normalize_language, translator, ui_language
from desktop.identifiers import check_apple_id, check_eid, check_imei, check_serial
from desktop.letters import executive_letter, mailto_url
from desktop.model import Case, ContactEntry, DeviceKind, Outcome, Tier
from desktop.paths import resources_dir
from desktop.sample import sample_case

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
TRANSLATED = [language for language in LANGUAGES if language != "en"]


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_tool()


# -- the catalogs --------------------------------------------------------------


def test_template_matches_the_sources(tool: ModuleType) -> None:
    assert tool.check_template() == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_complete_with_the_sources_placeholders(tool: ModuleType, language: str) -> None:
    """Every message translated (none missing, empty or fuzzy), the same named
    placeholders in every form, the language's number of plural forms, .mo current."""
    problems = tool.check_catalog(language)
    assert problems == [], "\n".join(str(problem) for problem in problems)


def test_plural_forms_per_language(tool: ModuleType) -> None:
    forms = {lang: tool.read(tool.catalog_path(lang), lang).num_plurals for lang in TRANSLATED}
    assert forms == {"de": 2, "fr": 3, "zh_CN": 1, "ru": 3}


def test_a_catalog_takes_up_a_newer_plural_rule(tool: ModuleType) -> None:
    """French as Babel before 2.19 knew it (two forms) gets CLDR 47's third, "many"
    (exact millions), first as a copy of "other"; a million days then reads "jours"."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="fr")
    catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"
    catalog.add(("{count} day", "{count} days"), ("{count} jour", "{count} jours"))
    tool.follow_plural_rule(catalog, "fr")
    assert catalog.num_plurals == 3
    [message] = [m for m in catalog if m.id]
    assert message.string == ("{count} jour", "{count} jours", "{count} jours")
    assert tool.check_catalog_data("fr", catalog, catalog, "test.po") == []


def test_the_check_catches_a_wrong_placeholder_and_missing_forms(tool: ModuleType) -> None:
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("Ended {days} ago")
    template.add(("{count} day", "{count} days"))
    template.add("Untouched")
    catalog = Catalog(locale="ru")
    catalog.add("Ended {days} ago", "Истекла {дни} назад")  # a translated placeholder name
    catalog.add(("{count} day", "{count} days"), ("{count} день", "{count} дня"))  # 2 of 3
    problems = [str(p) for p in tool.check_catalog_data("ru", catalog, template, "test.po")]
    assert any("Ended" in p and "placeholders" in p for p in problems), problems
    assert any("2 plural forms, not 3" in p for p in problems), problems
    assert any("'Untouched' not translated" in p for p in problems), problems
    assert tool.placeholders("{count} of {total}") == {"count", "total"}
    assert tool.placeholders("{} or {0}") is None  # positional: refused


def test_every_dossier_text_is_in_the_template(tool: ModuleType) -> None:
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in tool.read(tool.TEMPLATE) if m.id}

    def texts(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, Plural):
            return [value.singular]
        if isinstance(value, (tuple, list)):
            return [text for item in value for text in texts(item)]
        if isinstance(value, dict):
            return [text for item in value.values() for text in texts(item)]
        return []

    found = [
        t
        for f in fields(DossierStrings)
        if f.name != "language"
        for t in texts(getattr(EN, f.name))
    ]
    assert len(found) > 200
    assert [text for text in found if text not in ids] == []


def test_every_translated_character_has_a_glyph() -> None:
    """The dossier's font chain draws every character of every translation."""
    from desktop.dossier.fonts import Weight, chain

    faces = [chain(Weight.REGULAR), chain(Weight.BOLD)]
    for language in TRANSLATED:
        with (resources_dir() / "locale" / language / "LC_MESSAGES" / "case_dossier.po").open(
            "rb"
        ) as handle:
            from babel.messages.pofile import read_po

            catalog = read_po(handle)
        chars = {
            char
            for message in catalog
            for text in (message.string if isinstance(message.string, tuple) else [message.string])
            for char in text or ""
            if char.isprintable() and not char.isspace()
        }
        missing = {char for char in chars for face in faces if face.face_for(char) is None}
        assert missing == set(), (language, sorted(missing))


# -- the translator ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("de-DE", "de"),
        ("de_AT.UTF-8", "de"),
        ("fr-CA", "fr"),
        ("ru_RU", "ru"),
        ("zh", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_TW", "zh_CN"),
        ("en-US", "en"),
        ("es", "en"),
        ("", "en"),
        ("<bad>", "en"),
    ],
)
def test_language_tags_map_to_a_catalog(tag: str, language: str) -> None:
    assert normalize_language(tag) == language


def test_missing_entries_fall_back_to_english() -> None:
    german = translator("de")
    assert german.gettext("Summary") == "Zusammenfassung"
    assert german.gettext("A text no catalog has") == "A text no catalog has"
    assert german.ngettext("{count} apple", "{count} apples", 3) == "{count} apples"
    assert translator("de") is german  # cached
    assert translator("es").gettext("Summary") == "Summary"


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "Действует, остался 1 день"),
        (2, "Действует, осталось 2 дня"),
        (5, "Действует, осталось 5 дней"),
        (11, "Действует, осталось 11 дней"),
        (21, "Действует, остался 21 день"),
    ],
)
def test_russian_has_three_plural_forms(count: int, text: str) -> None:
    assert strings_for("ru").status_active_left(count) == text


def test_plural_numbers_are_grouped_for_the_language() -> None:
    assert EN.status_ended(1) == "Ended 1 day ago"
    assert EN.status_ended(1234) == "Ended 1,234 days ago"
    assert strings_for("de").status_ended(1234) == "Vor 1.234 Tagen abgelaufen"
    assert strings_for("zh_CN").status_ended(3) == "已过期 3 天"


def test_reading_the_po_when_the_mo_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(resources_dir() / "locale" / "de" / "LC_MESSAGES" / "case_dossier.po", folder)
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n._translator.cache_clear()
    try:
        assert translator("de").gettext("Summary") == "Zusammenfassung"
    finally:
        i18n._translator.cache_clear()


# -- the UI language from the OS -------------------------------------------------


@pytest.mark.parametrize(
    ("preferred", "environ", "language"),
    [
        (None, {"LANG": "de_DE.UTF-8"}, "de"),
        (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "de_DE.UTF-8"}, "ru"),
        (None, {"LANGUAGE": "pt_BR:fr_FR", "LANG": "pt_BR.UTF-8"}, "fr"),
        (None, {"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "es_ES.UTF-8"}, "en"),
        (None, {}, "en"),
        (["es-ES", "ru-RU"], {}, "ru"),  # macOS / Windows list, via QLocale
        (["es-ES", "en-US", "de-DE"], {"LANG": "de_DE"}, "en"),
        (["zh-Hans-CN"], {"LANG": "en_US.UTF-8"}, "zh_CN"),
    ],
)
def test_ui_language_from_the_system(
    preferred: list[str] | None, environ: dict[str, str], language: str
) -> None:
    assert ui_language(preferred, environ=environ) == language


def test_ui_language_on_this_machine_is_one_of_ours() -> None:
    assert ui_language() in LANGUAGES


# -- the core in every language ----------------------------------------------------


def german_case() -> Case:
    case = sample_case()
    case.owner.country = case.purchase.country = "DE"
    return case


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Out of Apple's warranty by 63 days; within the EU legal guarantee"),
        ("de", "Gesetzliche Gewährleistung in der EU"),
        ("fr", "Garantie légale de conformité"),
        ("zh_CN", "已超出 Apple 保修期 63 天；"),
        ("ru", "Гарантия Apple истекла 63 дня назад."),
    ],
)
def test_strongest_argument_in_each_language(language: str, words: str) -> None:
    text = strongest_argument(german_case(), TODAY, language)
    assert words in text, text


def test_argument_dates_follow_the_language() -> None:
    case = german_case()
    assert "20. September 2027" in strongest_argument(case, TODAY, "de")
    assert "20 septembre 2027" in strongest_argument(case, TODAY, "fr")
    assert "20 сентября 2027 года." in strongest_argument(case, TODAY, "ru")  # no "г.."
    assert "2027年9月20日" in strongest_argument(case, TODAY, "zh_CN")


def test_layers_and_status_in_each_language() -> None:
    case = german_case()
    titles = {layer.id: layer.title for layer in coverage_layers(case, "de")}
    assert titles["apple:warranty"] == "Einjährige Herstellergarantie von Apple"
    assert titles["law:eu_guarantee"].startswith("Gesetzliche Gewährleistung")
    presumption = next(la for la in coverage_layers(case, "de") if la.id == "law:eu_presumption")
    assert presumption.summary.startswith("Deutschland: Beweislastumkehr")  # the DE override
    warranty = coverage_layers(case, "ru")[0]
    assert warranty.status_text(date(2026, 10, 2), "ru") == "срок истёк 12 дней назад"
    assert warranty.status_text(date(2026, 9, 19), "fr") == "en cours, encore 1 jour"
    assert coverage_layers(case)[0].title == "Apple One-Year Limited Warranty"  # default


def test_coach_in_each_language() -> None:
    case = german_case()
    german = recommend(case, TODAY, "de")
    assert german.headline == "Auf derselben Ebene erneut anrufen"
    assert any("Streiten Sie nie" in point for point in german.talking_points)
    assert any("Seriennummer H7XQ2LM9VR" in item for item in german.have_ready)
    assert recommend(case, TODAY, "zh_CN").talking_points[-1].startswith("不要争辩")
    assert rung_title(Rung.SENIOR_ADVISOR, "ru") == "Старший специалист"
    assert rung_title(Rung.SENIOR_ADVISOR) == "Senior advisor"


def test_waiting_reason_uses_plural_forms() -> None:
    case = Case()
    case.contacts = [
        ContactEntry(
            at=datetime(2026, 11, 20, 10, 0).astimezone(),
            tier=Tier.APPLECARE,
            outcome=Outcome.PENDING,
            next_step_due=date(2026, 11, 24),
            case_number="1029",
        )
    ]
    assert "через 2 дня" in recommend(case, TODAY, "ru").reason
    assert "in 2 Tagen" in recommend(case, TODAY, "de").reason


def test_letter_in_the_dossier_language() -> None:
    case = german_case()
    case.owner.dossier_language = "de"
    letter = executive_letter(case, TODAY)
    assert letter.body.startswith("Sehr geehrtes Executive-Relations-Team,\n\nich wende mich")
    assert "Mit freundlichen Grüßen\nLena Vogt" in letter.body
    assert "2. Dezember 2026" in letter.body
    # A Russian speaker in the US writes to the US team in English.
    english = executive_letter(case, TODAY, language="en")
    assert english.body.startswith("Dear Executive Relations team,")
    chinese = executive_letter(case, TODAY, language="zh_CN")
    assert "此致\n敬礼！" in chinese.body
    long = executive_letter(case, TODAY, ask="x" * 3000, language="fr")
    url, shortened = mailto_url(long, language="fr")
    assert shortened and "presse-papiers" in unquote(url)


def test_identifier_checks_in_the_ui_language() -> None:
    assert "Modellnummer" in check_serial("A2482", "de").message
    assert "номер модели" in check_serial("A2482", "ru").message
    assert "Vouliez-vous dire C02XK1ABJGH5" in check_serial("C02XKIABJGH5", "fr").message
    assert check_serial("C02XKIABJGH5", "fr").suggestion == "C02XK1ABJGH5"
    assert "IMEI" in check_imei("35678910452341", "zh_CN").message
    assert "32" in check_eid("123", "ru").message
    assert "Apple-ID" in check_apple_id("foo", "de").message
    assert check_serial("A2482").message.startswith("A2482 is a model number")


def test_directory_words_in_each_language() -> None:
    from desktop.directory import describe_hours, directory

    book = directory()
    china = book.support_line("CN")
    assert china is not None
    saturday_morning = datetime.fromisoformat("2026-11-28T00:30:00+00:00")
    assert describe_hours(china, "Europe/Berlin", saturday_morning, "de").startswith(
        "Jetzt nicht erreichbar; ab"
    )
    assert china.label_in("fr") == "Assistance Apple (AppleCare)"
    assert "礼品卡" in book.scam_warning_in("zh_CN")
    assert book.scam_warning_in("es") == book.scam_warning  # no catalog: English


# -- the dossier's words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "exhibit"),
    [
        ("en", "Summary", "Exhibit 2"),
        ("de-DE", "Zusammenfassung", "Anlage 2"),
        ("fr", "Synthèse", "Pièce 2"),
        ("zh", "摘要", "附件 2"),
        ("ru", "Сводка", "Приложение 2"),
    ],
)
def test_strings_for_each_language(language: str, heading: str, exhibit: str) -> None:
    words = strings_for(language)
    assert words.summary_heading == heading
    assert words.exhibit_label.format(number=2) == exhibit
    assert words.language == normalize_language(language)
    assert words.outcome("refused") != "" and words.kind_label(DeviceKind.IPHONE) == "iPhone"


def test_unknown_language_prints_english() -> None:
    assert strings_for("es") is EN and strings_for("<bad>") is EN


# -- reference data in several languages ----------------------------------------------


def test_rule_texts_fall_back_to_english() -> None:
    rule = reference.Rule(
        "x", "Title", reference.Period(months=1), "purchase", "Summary", "s", "official",
        title_i18n={"de": "Titel"},
    )  # fmt: skip
    assert rule.title_in("de-AT") == "Titel"
    assert rule.title_in("fr") == "Title"
    assert rule.summary_in("de") == "Summary"


def test_shown_rules_have_every_language() -> None:
    law = reference.load_consumer_law()
    terms = reference.load_apple_terms()
    rules = [*law.rules, terms.warranty, terms.phone_support, terms.repair_guarantee]
    for rule in rules:
        assert set(rule.title_i18n) == set(TRANSLATED), rule.id
        assert set(rule.summary_i18n) == set(TRANSLATED), rule.id
    for override in law.overrides.values():
        assert set(override.summary_i18n) == set(TRANSLATED), override.id
    for program in reference.programs():  # the wizard and the Details tab list them
        assert set(program.title_i18n) == set(TRANSLATED), program.id
        assert set(program.scope_i18n) == set(TRANSLATED), program.id
    for plan in terms.plans.values():  # titles are product names: AppleCare+, AppleCare One
        assert set(plan.summary_i18n) == set(TRANSLATED), plan.id


def test_an_override_without_translations_keeps_its_english(tmp_path: Path) -> None:
    target = tmp_path / "reference"
    shutil.copytree(resources_dir() / "reference", target)
    path = target / "consumer_law.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][0]["overrides"]["ES"].pop("summary_i18n")
    path.write_text(json.dumps(data), encoding="utf-8")
    spain = reference.load_consumer_law(target).overrides[("eu_guarantee", "ES")]
    assert spain.summary_in("de").startswith("Spain:")  # not the EU-wide German text
    assert spain.title_in("de").startswith("Gesetzliche Gewährleistung")


def test_a_bad_translation_entry_is_named(tmp_path: Path) -> None:
    target = tmp_path / "reference"
    shutil.copytree(resources_dir() / "reference", target)
    path = target / "consumer_law.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][3]["title_i18n"]["es"] = "Título"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(reference.ReferenceDataError, match=r"rules\[3\].*title_i18n"):
        reference.load_consumer_law(target)


def test_dates_with_the_month_as_a_word_follow_each_locale() -> None:
    from desktop.formatting import short_month_date, short_month_date_time

    day = date(2026, 3, 4)  # 03/04 or 04/03: the month as a word leaves no doubt
    assert short_month_date(day, "en_US") == "Mar 4, 2026"
    assert short_month_date(day, "en_GB") == "4 Mar 2026"
    assert short_month_date(day, "de_DE") == "4. März 2026"
    assert short_month_date(day, "zh_CN") == "2026年3月4日"
    assert short_month_date(day, "ru_RU") == "4 мар. 2026\u202fг."  # a narrow no-break space
    moment = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
    assert short_month_date_time(moment, "zh_CN") == "2026年3月4日 14:30"
    assert short_month_date_time(moment, "en_US").replace("\u202f", " ") == "Mar 4, 2026, 2:30 PM"
    assert short_month_date_time(moment, "fr_FR") == "4 mars 2026, 14:30"
