"""Helpers for the public side's browser tests (tests/e2e/test_public_*.py): every page is checked
with axe as it first appears and in its error state, then answered. Each press of a button waits
for the page the server answers with (tests/browser.py: submit), so no check reads the page
before it."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.browser import assert_no_axe_violations, submit

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
REFERENCE = re.compile(r"CSC-\d{4}-\d{5}")


def scripts_run(page: Page) -> bool:
    """axe is a script: in a browser with JavaScript off it cannot run (and evaluate() waits)."""
    return page.context.browser is not None and "js-enabled" in (
        page.get_attribute("body", "class") or ""
    )


def check_page(page: Page) -> None:
    """WCAG 2.2 A and AA (axe, where scripts run), and a page title that is not a placeholder."""
    expect(page).to_have_title(re.compile(r"\S"))
    if scripts_run(page):
        assert_no_axe_violations(page)


def check_error_state(page: Page, button: str = "Continue") -> None:
    """Send the page as it is: a GOV.UK error summary (focused, when JavaScript runs), an error
    beside the field, "Error: " in the title, and still no axe violations."""
    submit(page, button, exact=True)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    for link in summary.locator("a").all():
        target = link.get_attribute("href") or ""
        assert page.locator(target).count() == 1, f"the error summary links to a missing {target}"
    if scripts_run(page):
        assert_no_axe_violations(page)


def answer(
    page: Page,
    fill: Callable[[Page], None],
    *,
    errors: bool = True,
    button: str = "Continue",
) -> None:
    """Check the page, its error state (unless every question is optional), answer, continue."""
    check_page(page)
    if errors:
        check_error_state(page, button)
    fill(page)
    submit(page, button, exact=True)


def fills(**boxes: str) -> Callable[[Page], None]:
    """An answer that types into boxes by id: fills(id_details="...")."""

    def fill(page: Page) -> None:
        for box, text in boxes.items():
            page.locator(f"#{box}").fill(text)

    return fill


def reference_on(page: Page) -> str:
    """The case reference in the confirmation panel, once the panel shows one."""
    panel = page.locator(".govuk-panel")
    expect(panel).to_contain_text(REFERENCE)
    return REFERENCE.search(panel.inner_text()).group(0)


def no_horizontal_scroll(page: Page) -> bool:
    page.wait_for_load_state("load")
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
