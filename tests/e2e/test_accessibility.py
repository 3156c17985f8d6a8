"""The shared layout in a real browser: WCAG 2.2 AA (axe), keyboard, no JavaScript, CSP."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_home_page_has_no_axe_violations(live_server, page):
    page.goto(live_server.url + reverse("core:home"))

    assert_no_axe_violations(page)


def test_the_404_page_has_no_axe_violations(live_server, page):
    response = page.goto(live_server.url + "/no-such-page/")

    assert response.status == 404
    assert_no_axe_violations(page, heading="Page not found")


def test_the_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + reverse("core:home"))

    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_class("govuk-skip-link")
    expect(page.locator(":focus")).to_have_text("Skip to main content")

    page.keyboard.press("Enter")  # a link within the page: no new document to wait for
    expect(page.locator("#main-content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("main :focus")).to_have_count(1)


def test_the_home_page_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("core:home"))

        assert "js-enabled" not in (page.get_attribute("body", "class") or "")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("button", name="Start now")).to_be_visible()
        expect(page.get_by_role("link", name="Staff sign in")).to_be_visible()
        expect(page.locator(".govuk-service-navigation__service-name")).to_be_visible()
    finally:
        context.close()


def test_the_page_runs_under_its_csp_without_console_errors(live_server, page, console_errors):
    response = page.goto(live_server.url + reverse("core:home"))
    page.wait_for_selector("[data-govuk-skip-link-init]")  # init.js has run

    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", csp).group(1)
    # Browsers hide nonce attributes from the DOM once parsed, so look in the HTML as served.
    assert response.text().count(f'nonce="{nonce}"') == 2  # the js-enabled snippet and init.js
    assert "js-enabled" in page.get_attribute("body", "class")
    assert console_errors == []


def test_healthz_answers_ok(live_server, page):
    response = page.goto(live_server.url + reverse("core:health"))

    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    expect(page.locator("body")).to_have_text("ok")
