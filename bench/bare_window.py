"""The baseline for the start-up benchmark: a bare PySide6 main window.

Measured exactly like ``secretariat-app --smoke-test``: from the top of the script to the
first turn of the event loop after the window is shown, printed as ``ready in S s``.
"""

import time

_STARTED = time.perf_counter()  # before any import, so Qt's import cost is counted too

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.resize(1024, 700)
    window.show()

    def report_ready() -> None:
        print(f"ready in {time.perf_counter() - _STARTED:.3f} s", flush=True)
        app.quit()

    # A zero timer fires once the loop has handled the events queued by show().
    QTimer.singleShot(0, report_ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
