"""``secretariat-app``: start the desktop application.

    secretariat-app [--db URL] [--demo] [--smoke-test]

Start-up is kept short: heavy modules are imported inside ``main`` once the arguments are
known, the window is shown before any list is read, and records load on the worker.
"""

import time

STARTED = time.perf_counter()  # before heavy imports: --smoke-test measures from here

import argparse  # noqa: E402
import sys  # noqa: E402


def parse_args(argv: list[str] | None):
    from secretariat.i18n import _

    parser = argparse.ArgumentParser(prog="secretariat-app",
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


def _open_store(url: str, quiet: bool):
    """The store, or None after telling the user why it cannot be opened."""
    from secretariat.errors import SecretariatError
    from secretariat.i18n import _
    from secretariat.store import open_store

    try:
        return open_store(url)
    except Exception as error:  # noqa: BLE001 - every failure gets a message, not a trace
        text = str(error) if isinstance(error, SecretariatError) else _(
            "The database could not be opened: {error}").format(error=error)
        print(text, file=sys.stderr)
        if not quiet:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, _("Forum Secretariat"), text)
        return None


def _ensure_forum(worker, want_demo: bool, smoke_test: bool) -> bool:
    """An empty database gets the demo (--demo) or the welcome dialog; False = quit."""
    from ui.operations.forum import forum_summary

    if worker.run_now(forum_summary) is not None:
        return True
    if want_demo:
        return _load_demo_blocking(worker)
    if smoke_test:
        return True  # measure the window itself, empty or not
    from ui.welcome import WelcomeDialog

    return bool(WelcomeDialog(worker).exec())


def _load_demo_blocking(worker) -> bool:
    from PySide6.QtCore import QEventLoop

    from ui.demo_loader import load_demo_forum
    from ui.errors import show_error

    loop, outcome = QEventLoop(), {}

    def finished(ok: bool, error: BaseException | None = None) -> None:
        if error is not None:
            show_error(None, error)
        outcome["ok"] = ok
        loop.quit()

    load_demo_forum(None, worker, lambda: finished(True), lambda e: finished(False, e))
    loop.exec()
    return outcome.get("ok", False)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from secretariat.paths import resolve_db_url
    from ui import settings
    from ui.language import apply_language

    app = _application()
    apply_language(settings.language())
    store = _open_store(resolve_db_url(args.db), quiet=args.smoke_test)
    if store is None:
        return 2

    from ui.main_window import MainWindow
    from ui.worker import DatabaseWorker

    worker = DatabaseWorker(store)
    if not _ensure_forum(worker, args.demo, args.smoke_test):
        worker.shutdown()
        return 0
    window = MainWindow(store, worker)
    worker.setParent(window)
    if args.smoke_test:
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"ready in {time.perf_counter() - STARTED:.3f} s", flush=True)
            window.close()
            app.exit(0)

        # After the first records are shown, wait for the event loop to go idle.
        window.first_load_done.connect(lambda: QTimer.singleShot(0, report))
    window.show()
    code = app.exec()
    worker.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
