"""Browser-test fixtures: Playwright's sync API driving Debian's Chromium, with axe-core from npm.

Registered for the whole project by `pytest_plugins` in the root conftest.py.

Never run `playwright install`: it downloads a browser, and only Debian's /usr/bin/chromium is
used here (`make system-deps` installs it). axe-core comes from node_modules (`npm ci`).
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

# Playwright's sync API runs an event loop in the test thread, and Django refuses database
# calls from a thread with a running loop unless told otherwise. The Makefile sets this too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (tests run as root); and stop Chromium calling Google hosts on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
BUILT_CSS = REPO / "redress" / "core" / "static" / "frontend" / "app.css"
# WCAG 2.2 AA, the level public-sector sites must meet.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    for needed, how in [
        (CHROMIUM, "make system-deps"),
        (AXE_JS, "npm ci (make install)"),
        (BUILT_CSS, "make assets"),
    ]:
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run `{how}` first", pytrace=False)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context: no cookies or storage shared between tests."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Everything the page reports as an error: console.error() calls, failed loads (which
    Chromium logs to the console) and uncaught exceptions. Listens from before the first goto."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors


def axe_violations(page: Page, tags: list[str] = AXE_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now and return its violations.

    The script goes in through page.evaluate, which the page's Content-Security-Policy does not
    apply to (a <script> tag added by the test would be refused for want of a nonce).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        tags,
    )
    return result["violations"]


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append("    " + " ".join(str(part) for part in node["target"]))
        raise AssertionError("\n".join(lines))
