"""The main window's actions and menus: File, Edit, Case, Help.

Actions and menus are built before the first paint (cheap); shortcuts are set
right after it (`install_shortcuts`), because the first QKeySequence builds
PySide's Qt enums (about 20 ms) and nothing before the paint needs them.
Standard keys follow the platform (Cmd on macOS, Ctrl elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.i18n import N_, tr

TEXT_MENU_FILE = N_("&File")
TEXT_MENU_EDIT = N_("&Edit")
TEXT_MENU_CASE = N_("&Case")
TEXT_MENU_HELP = N_("&Help")
TEXT_NEW_CASE = N_("&New case…")
TEXT_OPEN_SAMPLE = N_("Open the &sample case")
TEXT_EXPORT_ALL = N_("&Export all cases…")
TEXT_CREATE_DOSSIER = N_("Create &dossier")
TEXT_PRINT = N_("&Print dossier…")
TEXT_SAVE_DOSSIER = N_("&Save dossier as…")
TEXT_QUIT = N_("&Quit")
TEXT_UNDO = N_("&Undo")
TEXT_UNDO_WHAT = N_("&Undo {what}")
TEXT_REDO = N_("&Redo")
TEXT_REDO_WHAT = N_("&Redo {what}")
TEXT_FIND = N_("&Find a case")
TEXT_PREFERENCES = N_("Pre&ferences…")
TEXT_LOG_CALL = N_("&Log a call")
TEXT_EDIT_CASE = N_("&Edit in wizard")
TEXT_CLOSE_CASE = N_("&Close case…")
TEXT_REOPEN_CASE = N_("&Reopen case")
TEXT_DELETE_CASE = N_("&Delete case…")
TEXT_WHERE_SERIAL = N_("Where to find your &serial number")
TEXT_OPEN_DATA = N_("Open data &folder")
TEXT_ABOUT = N_("&About Case Dossier")


@dataclass
class WindowActions:
    new_case: QAction
    open_sample: QAction
    export_all: QAction
    create_dossier: QAction
    print_dossier: QAction
    save_dossier: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    preferences: QAction
    log_call: QAction
    edit_case: QAction
    close_case: QAction
    reopen_case: QAction
    delete_case: QAction
    where_serial: QAction
    open_data: QAction
    about: QAction


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> WindowActions:
    """The actions, each connected to the slot of the same name, and the menus holding them."""

    def action(name: str, text: str) -> QAction:
        act = QAction(tr(text), window)
        act.setObjectName(f"action_{name}")
        act.triggered.connect(slots[name])
        return act

    a = WindowActions(
        new_case=action("new_case", TEXT_NEW_CASE),
        open_sample=action("open_sample", TEXT_OPEN_SAMPLE),
        export_all=action("export_all", TEXT_EXPORT_ALL),
        create_dossier=action("create_dossier", TEXT_CREATE_DOSSIER),
        print_dossier=action("print_dossier", TEXT_PRINT),
        save_dossier=action("save_dossier", TEXT_SAVE_DOSSIER),
        quit=action("quit", TEXT_QUIT),
        undo=action("undo", TEXT_UNDO),
        redo=action("redo", TEXT_REDO),
        find=action("find", TEXT_FIND),
        preferences=action("preferences", TEXT_PREFERENCES),
        log_call=action("log_call", TEXT_LOG_CALL),
        edit_case=action("edit_case", TEXT_EDIT_CASE),
        close_case=action("close_case", TEXT_CLOSE_CASE),
        reopen_case=action("reopen_case", TEXT_REOPEN_CASE),
        delete_case=action("delete_case", TEXT_DELETE_CASE),
        where_serial=action("where_serial", TEXT_WHERE_SERIAL),
        open_data=action("open_data", TEXT_OPEN_DATA),
        about=action("about", TEXT_ABOUT),
    )
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    a.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    a.about.setMenuRole(QAction.MenuRole.AboutRole)

    bar = window.menuBar()
    _fill(
        bar.addMenu(tr(TEXT_MENU_FILE)),
        [
            a.new_case,
            a.open_sample,
            a.export_all,
            None,
            a.create_dossier,
            a.print_dossier,
            a.save_dossier,
            None,
            a.quit,
        ],
    )
    _fill(bar.addMenu(tr(TEXT_MENU_EDIT)), [a.undo, a.redo, None, a.find, None, a.preferences])
    _fill(
        bar.addMenu(tr(TEXT_MENU_CASE)),
        [a.log_call, a.edit_case, None, a.close_case, a.reopen_case, None, a.delete_case],
    )
    _fill(bar.addMenu(tr(TEXT_MENU_HELP)), [a.where_serial, a.open_data, None, a.about])
    return a


def _fill(menu: QMenu, actions: list[QAction | None]) -> None:
    for act in actions:
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(act)


def install_shortcuts(a: WindowActions) -> None:
    from PySide6.QtGui import QKeySequence

    Key = QKeySequence.StandardKey
    a.new_case.setShortcut(QKeySequence(Key.New))
    a.print_dossier.setShortcut(QKeySequence(Key.Print))
    a.save_dossier.setShortcut(
        QKeySequence(Key.SaveAs)
        if QKeySequence.keyBindings(Key.SaveAs)
        else QKeySequence("Ctrl+Shift+S")
    )
    a.quit.setShortcut(QKeySequence(Key.Quit))
    a.undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
    a.redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
    a.find.setShortcut(QKeySequence(Key.Find))
    preferences = QKeySequence.keyBindings(Key.Preferences)
    a.preferences.setShortcuts(preferences or [QKeySequence("Ctrl+,")])
    a.create_dossier.setShortcut(QKeySequence("Ctrl+D"))
    a.log_call.setShortcut(QKeySequence("Ctrl+L"))
    a.edit_case.setShortcut(QKeySequence("Ctrl+E"))


def undo_text(what: str) -> str:
    return tr(TEXT_UNDO_WHAT).format(what=what) if what else tr(TEXT_UNDO)


def redo_text(what: str) -> str:
    return tr(TEXT_REDO_WHAT).format(what=what) if what else tr(TEXT_REDO)
