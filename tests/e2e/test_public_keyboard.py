"""The complaint journey with the keyboard alone: Tab to each control, Space and the arrow keys to
choose, typing to answer, Enter to continue. No mouse, no clicks."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from redress.cases.models import Case
from tests.browser import expect_heading, press_through

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOST_TABS = 80  # more than any page needs: a control not reached by then is unreachable


def tab_to(page: Page, condition: str, what: str) -> None:
    """Press Tab until the focused element meets `condition` (JavaScript on `el`)."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({condition})))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {what} on {page.url}")


def type_into(page: Page, field_id: str, text: str) -> None:
    tab_to(page, f"el.id === {field_id!r}", f"#{field_id}")
    page.keyboard.type(text)


def choose(page: Page, name: str, value: str) -> None:
    """Tab into a radio group, then move through it with the arrow keys to `value`."""
    tab_to(page, f"el.name === {name!r}", f"the {name} radios")
    page.keyboard.press("Space")
    for _ in range(12):
        if page.evaluate(f"document.activeElement.value === {value!r}"):
            assert page.evaluate("document.activeElement.checked")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached {name}={value}")


def tick(page: Page, name: str, value: str) -> None:
    tab_to(page, f"el.name === {name!r} && el.value === {value!r}", f"{name}={value}")
    page.keyboard.press("Space")


def press_button(page: Page, text: str) -> None:
    tab_to(
        page,
        f"el.tagName === 'BUTTON' && el.innerText.trim() === {text!r}",
        f"the {text} button",
    )
    press_through(page)


def test_the_complaint_journey_can_be_completed_with_the_keyboard_alone(live_server, page):
    page.goto(live_server.url + reverse("core:home"))
    tab_to(page, "el.innerText && el.innerText.trim() === 'Start now'", "the start button")
    press_through(page)

    choose(page, "who", "parent")
    press_button(page, "Continue")
    type_into(page, "id_name", "Sam Parent")
    press_button(page, "Continue")
    type_into(page, "id_name", "Alex Parent")
    press_button(page, "Continue")
    choose(page, "consent", "yes")
    press_button(page, "Continue")
    choose(page, "area", "early_help")
    press_button(page, "Continue")
    type_into(page, "id_details", "Nobody called me back.")
    press_button(page, "Continue")
    choose(page, "when", "exact")
    press_button(page, "Continue")

    expect_heading(page, "What date did it happen?")
    day = timezone.localdate() - timedelta(days=10)
    type_into(page, "id_date_day", str(day.day))
    type_into(page, "id_date_month", str(day.month))
    type_into(page, "id_date_year", str(day.year))
    press_button(page, "Continue")
    type_into(page, "id_outcome", "An apology.")
    press_button(page, "Continue")
    tick(page, "methods", "email")
    type_into(page, "id_email", "sam@example.org")  # revealed by the tick
    press_button(page, "Continue")
    choose(page, "safe", "yes")
    press_button(page, "Continue")
    press_button(page, "Continue")  # support: nothing needed

    expect_heading(page, "Upload documents, photos or recordings")
    press_button(page, "Continue")
    expect_heading(page, "Check your answers before sending your complaint")
    press_button(page, "Accept and send")

    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    case = Case.objects.get()
    assert case.service_area == "early_help"
    assert case.grounds_arose_on == day


def test_an_error_summary_takes_focus_and_its_link_moves_focus_to_the_field(live_server, page):
    page.goto(live_server.url + reverse("intake:complaint_step", kwargs={"slug": "who"}))

    press_button(page, "Continue")

    expect(page.locator(".govuk-error-summary")).to_be_focused()
    tab_to(page, "el.hash === '#id_who'", "the error summary's link")
    page.keyboard.press("Enter")  # a link within the page: no new document to wait for
    expect(page.locator("#id_who")).to_be_focused()
