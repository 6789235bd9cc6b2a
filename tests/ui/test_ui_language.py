"""The UI in another language: the main window and the wizard built after install() speak it,
the catalogs hold the UI texts, and a language chosen in Preferences applies at once: the
window is built again in the same process, with the same case, tab and data."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.i18n import LANGUAGES, PSEUDO_LANGUAGE
from desktop.sample import sample_case
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text
from tests.ui.test_layout import settle
from tests.ui.test_pseudo_ui import data_words, menu_texts, plain, untranslated, visible_texts

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = {
    "de": ("Worum geht es?", "Neuer Fall", "Weiter", "Abbrechen"),
    "ru": ("О чём обращение?", "Новое обращение", "Далее", "Отмена"),
}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    chosen = i18n.install(request.param, qapp)
    try:
        yield chosen
    finally:
        i18n.install("en", qapp)  # the other tests assert English texts


@pytest.mark.parametrize("language", ["de", "ru"], indirect=True)
def test_main_window_and_wizard_in_the_language(
    language: str, make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook
) -> None:
    title, window_title, next_text, cancel_text = EXPECTED[language]
    assert i18n.current_language() == language
    window = make_window(casebook)
    window.new_case_action.trigger()
    wizard = window.wizard
    assert wizard is not None
    try:
        assert wizard.windowTitle() == window_title
        first = wizard.page(wizard.startId())
        assert first.title_label.text() == title  # type: ignore[attr-defined]
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == next_text
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == cancel_text
    finally:
        wizard.close()


def test_ui_texts_are_in_every_catalog() -> None:
    """The completeness check (tests/test_i18n.py) covers the UI once it is extracted."""
    template = (ROOT / "desktop/resources/locale/messages.pot").read_text(encoding="utf-8")
    assert "desktop/ui/wizard/case_type_page.py" in template
    assert 'msgid "What is the problem about?"' in template
    assert set(LANGUAGES) == {"en", "de", "fr", "zh_CN", "ru"}


# -- changing the language in Preferences, without a restart -----------------------------


def pick_in_preferences(
    monkeypatch: pytest.MonkeyPatch, *, language: str | None = None, text_size: int | None = None
) -> None:
    """Preferences, as a user: choose in the combo boxes, press the dialog's OK (Save)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.settings_dialog import SettingsDialog

    def exec_(dialog: SettingsDialog) -> int:
        if language is not None:
            dialog.ui_language_combo.set_code(language)
        if text_size is not None:
            combo = dialog.text_size_combo
            combo.setCurrentIndex(combo.findData(text_size))
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", exec_)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def tab_texts(window: MainWindow) -> list[str]:
    tabs = window.workspace.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def english_patterns(language: str) -> list[re.Pattern[str]]:
    """Every English UI text the catalog of `language` translates differently, as a pattern
    ({placeholders} match anything): a visible text matching one was left in English."""
    from babel.messages.pofile import read_po

    path = ROOT / f"desktop/resources/locale/{language}/LC_MESSAGES/case_dossier.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    patterns = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or not any("desktop/ui/" in where for where, _ in message.locations):
            continue
        for source in ids:
            source = source.replace("&", "")
            if source in (s.replace("&", "") for s in strings):
                continue
            words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^}]*\}", "", source))
            if "{" in source and len(words) < 2:  # "{a} from {b}" would match data too
                continue
            parts = re.split(r"(\{[^}]*\})", source)
            regex = "".join(".+" if part.startswith("{") else re.escape(part) for part in parts)
            patterns.append(re.compile(regex, re.DOTALL))
    return patterns


def bare(text: str) -> str:
    """A button's text without its mnemonic marker ("Dossier &erstellen")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def left_in_english(texts: Iterable[str], language: str) -> list[str]:
    patterns = english_patterns(language)
    found = []
    for text in texts:
        text = bare(plain(text)).strip()
        if text and any(pattern.fullmatch(text) for pattern in patterns):
            found.append(text)
    return found


def test_the_language_changes_at_once_in_the_same_window(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.i18n import translator

    window = make_window(casebook)
    window.open_sample_case()
    case = window.current_case
    assert case is not None
    timeline = window.workspace.timeline
    window.workspace.show_tab(timeline)
    window.splitter.setSizes([400, 700])
    splitter = window.splitter.saveState()
    english_menus = menu_titles(window)
    assert english_menus[0] == "&File"
    # The check below finds English texts when there are some.
    assert "Overview" in left_in_english([*visible_texts(window), *menu_texts(window)], "de")
    # An edit typed just before, not yet committed (the typing pause has not passed).
    title = window.workspace.details.title_edit
    title.selectAll()
    type_text(title, "Flickering screen, kept over the switch")
    assert window.workspace.details.bindings["title"].pending
    contacts = len(case.contacts)
    german = translator("de").gettext
    try:
        pick_in_preferences(monkeypatch, language="de")
        window.actions_.preferences.trigger()
        settle(qtbot)
        assert i18n.current_language() == "de"
        assert window.isVisible() and window.casebook is casebook  # no restart, same data
        # The edit is in the CaseBook, and the same case and tab are open.
        assert casebook.load(case.id).title == "Flickering screen, kept over the switch"
        assert window.current_case is not None and window.current_case.id == case.id
        assert window.workspace.tabs.currentWidget() is window.workspace.timeline
        assert window.splitter.saveState() == splitter
        assert len(window.current_case.contacts) == contacts
        # Menus, tabs, the case header, the timeline and the status bar speak German.
        assert menu_titles(window) == [
            german(text) for text in ("&File", "&Edit", "&Case", "&Help")
        ]
        assert menu_titles(window) != english_menus
        assert tab_texts(window) == [
            german(text) for text in ("Overview", "Timeline", "Details", "Evidence", "Dossier")
        ]
        header = window.workspace.header
        assert bare(header.dossier_button.text()) == german("Create dossier") != "Create dossier"
        assert bare(header.log_call_button.text()) == german("Log a call")
        timeline = window.workspace.timeline
        assert bare(timeline.add_button.text()) == german("Add contact") != "Add contact"
        status = window.statusBar().currentMessage()
        assert "Deutsch" in status and status.startswith("Case Dossier spricht")
        assert window.saved_label.text().startswith("✓ " + german("Saved at {time}")[:8])
        assert window.vault_label.text() and window.vault_label.text() != "Secrets in memory"
        window.statusBar().clearMessage()
        # Nothing visible is left in English, on any tab or in the menus.
        for index in range(window.workspace.tabs.count()):
            window.workspace.tabs.setCurrentIndex(index)
            settle(qtbot)
            texts = [*visible_texts(window), *menu_texts(window)]
            assert left_in_english(texts, "de") == [], window.workspace.tabs.tabText(index)
        # Undo starts afresh (the status bar said so), and the edit stays.
        assert not window.undo_action.isEnabled()

        # And back to English, the same way.
        pick_in_preferences(monkeypatch, language="en")
        window.actions_.preferences.trigger()
        settle(qtbot)
        assert i18n.current_language() == "en"
        assert menu_titles(window) == english_menus
        assert tab_texts(window)[0] == "Overview"
        assert window.statusBar().currentMessage().startswith("Case Dossier now speaks English.")
        assert window.current_case is not None and window.current_case.id == case.id
    finally:
        i18n.install("en", qapp)


def test_pseudo_localised_after_a_live_switch_every_text_is_translated(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The developer's pseudo-localisation wins over the choice (CASE_DOSSIER_PSEUDO), so
    choosing a language in Preferences rebuilds the window pseudo-localised: any text built
    once and kept (a cached tr(), a menu made once) would show without the markers."""
    from desktop.ui.app import PSEUDO_ENV

    window = make_window(casebook)
    window.open_sample_case()
    case = window.current_case
    assert case is not None
    monkeypatch.setenv(PSEUDO_ENV, "1")
    try:
        pick_in_preferences(monkeypatch, language="fr")
        window.actions_.preferences.trigger()
        settle(qtbot)
        assert i18n.current_language() == PSEUDO_LANGUAGE
        allowed = data_words(case)
        problems: dict[str, list[str]] = {}
        workspace = window.workspace
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            settle(qtbot)
            found = untranslated(visible_texts(window), allowed)
            if found:
                problems[workspace.tabs.tabText(index)] = found
        menus = untranslated(menu_texts(window), allowed)
        if menus:
            problems["menus"] = menus
        assert not problems, problems
    finally:
        i18n.install("en", qapp)


def test_a_dossier_being_made_is_let_finish_and_shown_after_the_switch(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.dossier
    from desktop.ui import gc_pause

    gate = threading.Event()

    def slow_render(case: Any, out_path: Path, **kwargs: Any) -> int:
        gate.wait(10)
        out_path.write_bytes(b"%PDF-1.4 fake")
        return 4

    monkeypatch.setattr(desktop.dossier, "render_dossier", slow_render)
    casebook.save(sample_case())
    window = make_window(casebook)
    window.create_dossier_action.trigger()
    job = window.dossier_job
    assert job is not None and job.is_running() and gc_pause.is_paused()
    old_tab = window.workspace.dossier
    try:
        pick_in_preferences(monkeypatch, language="ru")
        window.actions_.preferences.trigger()
        # The window waits for the dossier (its worker reports to this tab), and says so.
        assert window.workspace.dossier is old_tab
        assert i18n.current_language() == "en"
        assert window.statusBar().currentMessage() == translator_ru(
            "Preferences saved. The window changes once the dossier is ready."
        )
        with qtbot.waitSignal(window.dossier_ready, timeout=10_000):
            gate.set()
        qtbot.waitUntil(lambda: i18n.current_language() == "ru", timeout=5_000)
        settle(qtbot)
        dossier = window.workspace.dossier
        assert dossier is not old_tab
        assert not gc_pause.is_paused()  # the worker has ended: collection runs again
        # The dossier made is shown in the new tab, its file still there.
        assert dossier.pdf_path is not None and dossier.pdf_path.read_bytes() == b"%PDF-1.4 fake"
        assert dossier.save_button.isEnabled()
        assert window.workspace.tabs.currentWidget() is dossier
        assert tab_texts(window)[-1] == translator_ru("Dossier")
    finally:
        gate.set()
        i18n.install("en", qapp)


def test_an_open_wizard_delays_the_switch_until_it_closes(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wizard is window-modal, so Preferences is not reachable while it is open; should
    it be (another route, a later change), the switch waits and nothing half-switches."""
    window = make_window(casebook)
    window.new_case_action.trigger()
    wizard = window.wizard
    assert wizard is not None
    try:
        pick_in_preferences(monkeypatch, language="de")
        window.show_preferences()
        assert i18n.current_language() == "en"  # the wizard's pages keep one language
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next"
        wizard._finished = True  # nothing typed: close without asking
        wizard.close()
        qtbot.waitUntil(lambda: i18n.current_language() == "de", timeout=5_000)
        settle(qtbot)
        assert menu_titles(window)[0] == "&Datei"
        window.new_case_action.trigger()
        assert window.wizard is not None
        assert window.wizard.buttonText(QWizard.WizardButton.NextButton) == "Weiter"
        window.wizard._finished = True
        window.wizard.close()
    finally:
        i18n.install("en", qapp)


def translator_ru(text: str) -> str:
    from desktop.i18n import translator

    return translator("ru").gettext(text)


def test_dates_follow_the_ui_language_unless_the_system_speaks_it() -> None:
    from PySide6.QtCore import QLocale

    from desktop.i18n import PSEUDO_LANGUAGE as PSEUDO

    us, at, germany = QLocale("en_US"), QLocale("de_AT"), QLocale("de_DE")
    assert i18n.ui_locale("ru", us).name() == "ru_RU"  # Russian UI, American system
    assert i18n.ui_locale("de", at).name() == "de_AT"  # the system's own region format
    assert i18n.ui_locale("en", germany).name() == "en_DE"  # English, German habits
    assert i18n.ui_locale("zh_CN", us).name() == "zh_CN"
    assert i18n.ui_locale(PSEUDO, germany).name() == "de_DE"
    assert i18n.ui_locale("en", QLocale.c()).language() == QLocale.Language.English


def test_ui_dates_and_amounts_switch_with_the_language(qapp: QApplication) -> None:
    from datetime import date
    from decimal import Decimal

    from desktop.ui.formatting import format_date, format_money

    try:
        i18n.install("ru", qapp)
        assert "мар" in format_date(date(2024, 3, 12))  # not "Mar" in a Russian window
        i18n.install("de", qapp)
        assert format_date(date(2024, 3, 12)) == "12. März 2024"
        assert format_money(Decimal("1299.5"), "EUR") == "1.299,50 EUR"
        i18n.install("zh_CN", qapp)
        assert format_date(date(2024, 3, 12)) == "2024年3月12日"  # in the language's own order
    finally:
        i18n.install("en", qapp)
    assert format_date(date(2024, 3, 12)) in {"Mar 12, 2024", "12 Mar 2024"}  # US or elsewhere
    assert format_money(Decimal("1299.5"), "EUR") == "1,299.50 EUR"


def test_date_fields_show_dates_as_the_rest_of_the_window(qtbot: QtBot, qapp: QApplication) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from desktop.ui.formatting import format_date
    from desktop.ui.timeline.fields import date_edit

    try:
        for language in ("en", "de", "fr", "zh_CN", "ru"):
            i18n.install(language, qapp)
            edit = date_edit()
            qtbot.addWidget(edit)
            edit.setDate(QDate(2024, 3, 12))
            assert edit.text() == format_date(date(2024, 3, 12)), language
    finally:
        i18n.install("en", qapp)
