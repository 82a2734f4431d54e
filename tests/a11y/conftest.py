"""A headless browser with axe-core for the accessibility tests, from the machine's own
packages: Debian's chromium and chromedriver, and the npm package axe-core (found at
``$AXE_CORE_JS``, or under ``.ci/node_modules`` where ``.ci/run`` installs it). Nothing is
downloaded. Without them the tests are skipped with the reason — except in CI (``CI`` set),
where a missing browser fails the run instead of silently checking nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def _axe_script() -> Path | None:
    for candidate in (os.environ.get("AXE_CORE_JS"),
                      REPO / ".ci" / "node_modules" / "axe-core" / "axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).exists() or not shutil.which(CHROMEDRIVER):
        return "Debian's chromium and chromium-driver are not installed"
    if _axe_script() is None:
        return "axe-core is not installed (npm install --prefix .ci axe-core)"
    return None


@pytest.fixture(scope="session")
def axe_browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"accessibility tests cannot run in CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver, _axe_script().read_text(encoding="utf-8")
    driver.quit()


def axe_violations(browser, url: str) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page at ``url``."""
    driver, script = browser
    driver.get(url)
    driver.execute_script(script)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(done);")
    return result["violations"]
