"""Browser-test fixtures and helpers: Playwright's sync API driving Debian's Chromium, with
axe-core from npm.

Registered for the whole project by `pytest_plugins` in the root conftest.py.

Never run `playwright install`: it downloads a browser, and only Debian's /usr/bin/chromium is
used here (`make system-deps` installs it). axe-core comes from node_modules (`npm ci`).
"""

import os
from collections.abc import Iterator
from pathlib import Path
from re import Pattern
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    Response,
    expect,
    sync_playwright,
)

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


# Waiting. A click on a link or a form's button only starts the next page: Playwright returns
# from click() once the click is dispatched, while the old document is still there to be read
# (and on a busy machine it stays there for a while). So every click or key press that loads a
# new document goes through one of these, which return once the next document has fired its
# load event (and so has run its deferred and module scripts); content is then checked with
# expect(), which retries until it holds. Never sleep.


def click_through(page: Page, target: Locator) -> Response | None:
    """Click `target` (a link, or a button that sends a form) and wait until the document it
    leads to has loaded. Returns that document's response, so a test can check its status."""
    with page.expect_navigation() as navigation:
        target.click()
    return navigation.value


def submit(page: Page, name: str | Pattern[str], *, exact: bool = False) -> Response | None:
    """Press the button called `name` and wait for the page the server answers with (the next
    page, or this one again with its errors)."""
    return click_through(page, page.get_by_role("button", name=name, exact=exact))


def follow(page: Page, name: str | Pattern[str], *, exact: bool = False) -> Response | None:
    """Follow the link called `name` and wait for the page it leads to."""
    return click_through(page, page.get_by_role("link", name=name, exact=exact))


def press_through(page: Page, key: str = "Enter") -> Response | None:
    """Press `key` on whatever has focus (a link, a form's button) and wait for the next page."""
    with page.expect_navigation() as navigation:
        page.keyboard.press(key)
    return navigation.value


def expect_heading(page: Page, text: str | Pattern[str]) -> None:
    """The page's one h1 reads `text` (whole, or matching a pattern): waits for it to."""
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def axe_violations(page: Page, tags: list[str] = AXE_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page, once it has loaded and shows its h1, and return its violations.

    The script goes in through page.evaluate, which the page's Content-Security-Policy does not
    apply to (a <script> tag added by the test would be refused for want of a nonce).
    """
    page.wait_for_load_state("load")
    expect(page.locator("h1").first).to_be_visible()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        tags,
    )
    return result["violations"]


def assert_no_axe_violations(page: Page, heading: str | Pattern[str] | None = None) -> None:
    """No WCAG 2.2 A or AA violations on the page; and, given `heading`, first wait for the page
    whose h1 reads that, so axe is sure to check the page meant."""
    if heading is not None:
        expect_heading(page, heading)
    violations = axe_violations(page)
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append("    " + " ".join(str(part) for part in node["target"]))
        raise AssertionError("\n".join(lines))
