"""``secretariat-app``: start the desktop application.

    secretariat-app [--db URL] [--demo] [--smoke-test]

The window comes first, the database second (as Anki shows its window, then loads the
collection). Before ``show()`` the main thread pays only for Qt, the settings, the
translations and the window's skeleton: no SQLAlchemy, services or babel. At the first
idle after the window is shown, the database worker imports the database layer and
opens the store with all its checks; then the pages are built and read their records.
A database that cannot be opened is refused with the same message as before, and the
program exits with code 2 without having written to it.

``--smoke-test`` prints ``ready in S s`` when the window is shown and idle, then
``loaded in S s`` when the first page shows its records (both from process start) and
``first page shows N records`` (the rows in its tables), and quits. When those records
came from the first-page snapshot (``ui/first_page_snapshot.py``: proven unchanged in
the file, shown before SQLAlchemy is imported) it adds ``snapshot in S s`` (the same
moment) and, once the database's own rows have replaced them, ``database in S s``.
"""

import time

STARTED = time.perf_counter()  # before heavy imports: --smoke-test measures from here

import argparse  # noqa: E402
import sys  # noqa: E402

EXIT_STORE_REFUSED = 2
EXIT_NO_DISPLAY = 3


def parse_args(argv: list[str] | None):
    from secretariat.cli import argparse_i18n  # argparse's own words in the user's language
    from secretariat.i18n import _

    argparse_i18n.install()
    parser = argparse_i18n.ArgumentParser(prog="secretariat-app",
                                     description=_("Forum Secretariat desktop application"))
    parser.add_argument("--db", metavar="URL",
                        help=_("database file or URL (default: SECRETARIAT_DB, then the "
                               "data folder)"))
    parser.add_argument("--demo", action="store_true",
                        help=_("load the demo forum if the database is empty"))
    parser.add_argument("--smoke-test", action="store_true",
                        help=_("open the main window, report the start-up time and quit"))
    return parser.parse_args(argv)


def _application():
    from PySide6.QtWidgets import QApplication

    from ui import settings
    from ui.icons import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setWindowIcon(app_icon())
    return app


def _report(what: str) -> None:
    print(f"{what} in {time.perf_counter() - STARTED:.3f} s", flush=True)


def store_error_text(error: BaseException) -> str:
    from secretariat.errors import SecretariatError
    from secretariat.i18n import _

    if isinstance(error, SecretariatError):
        return str(error)
    return _("The database could not be opened: {error}").format(error=error)


class Startup:
    """Drives the window from shown to usable: open the store, make sure the database
    holds a forum (demo or welcome dialog), then attach the store to the window."""

    def __init__(self, app, window, worker, args, url: str):
        self.app, self.window, self.worker, self.args, self.url = app, window, worker, args, url
        self.exit_code: int | None = None  # set when start-up itself ends the program
        self.snapshot_shown = False  # the first page showed its snapshot's rows first
        window.shown_idle.connect(self._shown)
        if args.smoke_test:
            window.first_load_done.connect(self._loaded)

    def _shown(self) -> None:
        from PySide6.QtCore import QTimer

        if self.args.smoke_test:
            _report("ready")
        self.snapshot_shown = self.window.show_snapshot(self.url)
        if self.snapshot_shown:  # let the rows be painted before the worker takes the GIL
            QTimer.singleShot(0, self._open_after_snapshot)
        else:
            # Only now: the worker's imports hold the GIL, which would delay the first paint.
            self._open()

    def _open(self) -> None:
        self.worker.open(self.url, self._opened, self._refused)

    def _open_after_snapshot(self) -> None:
        if self.args.smoke_test:  # the snapshot's records are on screen
            _report("loaded")
            print(f"first page shows {self._records_shown()} records", flush=True)
            _report("snapshot")
        self._open()

    def _refused(self, error: BaseException) -> None:
        text = store_error_text(error)
        print(text, file=sys.stderr)
        self.window.stop_opening(text)
        if not self.args.smoke_test:
            from PySide6.QtWidgets import QMessageBox

            from secretariat.i18n import _

            QMessageBox.critical(self.window, _("Forum Secretariat"), text)
        self._quit(EXIT_STORE_REFUSED)

    def _opened(self, store) -> None:
        from ui.forum import forum_summary

        self.worker.submit(forum_summary, lambda summary: self._checked(store, summary),
                           self._refused)

    def _checked(self, store, summary) -> None:
        """An empty database gets the demo (--demo) or the welcome dialog."""
        if summary is not None or (self.args.smoke_test and not self.args.demo):
            self.window.attach_store(store)  # smoke test: measure the window, empty or not
        elif self.args.demo:
            from ui.demo_loader import load_demo_forum
            from ui.errors import show_error

            def failed(error: BaseException) -> None:
                show_error(self.window, error)
                self._quit(0)

            load_demo_forum(self.window, self.worker, lambda: self.window.attach_store(store),
                            failed)
        else:
            from ui.welcome import WelcomeDialog

            self.window.stop_opening()
            dialog = WelcomeDialog(self.worker, self.window)
            dialog.accepted.connect(lambda: self.window.attach_store(store))
            dialog.rejected.connect(lambda: self._quit(0))
            dialog.open()

    def _loaded(self) -> None:
        from PySide6.QtCore import QTimer

        def report() -> None:  # once the records are painted, i.e. the loop is idle again
            if self.snapshot_shown:  # "loaded" was the snapshot's: now the database's
                _report("database")
            else:
                _report("loaded")
                print(f"first page shows {self._records_shown()} records", flush=True)
            self._quit(0)

        QTimer.singleShot(0, report)

    def _records_shown(self) -> int:
        """Rows in the tables of the page on screen (the benchmark refuses a "loaded"
        without records)."""
        from PySide6.QtWidgets import QAbstractItemView

        page = self.window.stack.currentWidget()
        views = page.findChildren(QAbstractItemView) if page is not None else []
        return max((view.model().rowCount() for view in views if view.model() is not None),
                   default=0)

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.window.close()
        self.app.exit(code)


def main(argv: list[str] | None = None) -> int:
    from secretariat import i18n
    from ui import settings

    i18n.set_language(settings.language())  # --help and early messages in the user's language
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from ui.display import display_missing, display_missing_text

    if display_missing():
        print(display_missing_text(), file=sys.stderr)
        return EXIT_NO_DISPLAY
    from secretariat.paths import resolve_db_url
    from ui.language import apply_language
    from ui.main_window import MainWindow
    from ui.worker import DatabaseWorker

    app = _application()
    apply_language(settings.language())
    worker = DatabaseWorker()
    window = MainWindow(worker=worker)
    worker.setParent(window)
    startup = Startup(app, window, worker, args, resolve_db_url(args.db))
    window.show()
    code = app.exec()
    worker.shutdown()  # the queued jobs have committed; the store is closed
    if window.store is not None:
        _save_snapshot(window.store)
    _skip_final_collection()
    return code if startup.exit_code is None else startup.exit_code


def _save_snapshot(store) -> None:
    """The first-page snapshot for the next start (``ui/first_page_snapshot.py``), when
    the members page is the one shown at start. Never stops the program from exiting."""
    import datetime as dt

    from ui import first_page_snapshot, settings

    if settings.LAST_PAGE.value() != "members":
        return
    try:
        first_page_snapshot.save_after_close(
            store, on=dt.date.today(), include_past=settings.INCLUDE_PAST_TERMS.value())
    except Exception as error:  # noqa: BLE001 - a cache: the next start reads the database
        print(f"first-page snapshot not saved: {error}", file=sys.stderr)


def _skip_final_collection() -> None:
    """Exit in tens of milliseconds instead of hundreds.

    At exit the interpreter runs a garbage collection over every object the program
    made, SQLAlchemy's and the model's included; freezing them moves them out of the
    collector's reach. Nothing is lost: every job has committed, the store is closed,
    and objects outside cycles are still released (QSettings writes then)."""
    import gc

    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
