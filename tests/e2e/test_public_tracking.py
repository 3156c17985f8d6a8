"""Track my complaint in a real browser: signing in with a one-time code read from the test's
mail server, asking for stage 2 inside its window and after it, and withdrawing. Every page is
checked with axe (WCAG 2.2 A and AA) as it appears and in its error state."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from redress.cases.models import Case
from redress.domain.workflow import Action, Stage
from redress.intake.models import LateStageRequest
from redress.intake.tests.browser import answer, check_error_state, check_page
from redress.intake.tests.builders import COMPLAINANT_EMAIL, complaint_from, responded_case, take
from redress.intake.wording import day_and_date
from tests.browser import expect_heading, follow, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, smtp_server, case: Case) -> None:
    page.goto(live_server.url + reverse("intake:track_start"))

    def details(p: Page) -> None:
        p.get_by_label("Your complaint reference").fill(case.reference)
        p.get_by_label("Email address").fill(COMPLAINANT_EMAIL)

    answer(page, details, button="Send me a code")
    expect_heading(page, "Check your email")
    check_page(page)
    check_error_state(page)  # no code typed
    (message,) = smtp_server.wait_for(1)
    code = re.search(r"^(\d{6})\s*$", message.get_content(), re.M).group(1)
    page.get_by_label("Security code").fill(code)
    submit(page, "Continue")
    expect_heading(page, "Your complaint")
    check_page(page)


def test_a_complainant_signs_in_with_an_emailed_code_and_asks_for_stage_2_in_time(
    live_server, page, smtp_server
):
    case = responded_case(timezone.localdate() - timedelta(days=3))
    last_day = case.clocks.get(rule="stage2.request_window").due_date

    sign_in(page, live_server, smtp_server, case)

    expect(page.locator("main")).to_contain_text("Stage 1: we have sent you our response")
    expect(page.locator("main")).to_contain_text(f"The last day to ask is {day_and_date(last_day)}")
    follow(page, "Add information or documents")
    check_page(page)
    check_error_state(page, button="Send")
    follow(page, "Back")

    submit(page, "Ask for stage 2")
    expect_heading(page, "Ask for stage 2")
    expect(page.locator("main")).to_contain_text(day_and_date(last_day))
    answer(
        page,
        lambda p: p.get_by_label("Why are you unhappy with our response?").fill(
            "It missed a point"
        ),
        button="Send request",
    )

    expect(page.locator(".govuk-panel__title")).to_have_text("Request sent")
    check_page(page)
    case.refresh_from_db()
    assert case.stage == Stage.S2_REQUESTED


def test_a_request_after_the_window_asks_why_now_and_goes_to_a_manager(
    live_server, page, smtp_server
):
    case = responded_case(timezone.localdate() - timedelta(days=60))
    last_day = case.clocks.get(rule="stage2.request_window").due_date

    sign_in(page, live_server, smtp_server, case)

    expect(page.locator("main")).to_contain_text(
        f"The last day to ask for stage 2 was {day_and_date(last_day)}"
    )
    submit(page, "Ask for stage 2")

    def late(p: Page) -> None:
        p.get_by_label("Why are you unhappy with our response?").fill("It missed a point")
        p.get_by_label("Why are you asking now?").fill("I was in hospital until last week")

    answer(page, late, button="Send request")

    expect(page.locator(".govuk-panel__title")).to_have_text("Request received")
    expect(page.locator("main")).to_contain_text("a manager will decide")
    check_page(page)
    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1  # not refused: waiting for the manager's decision
    assert LateStageRequest.objects.get(case=case).why_now == "I was in hospital until last week"
    follow(page, "Back to your complaint")
    expect(page.locator("main")).to_contain_text("A manager is deciding whether to accept it")


def test_a_complainant_withdraws_their_complaint(live_server, page, smtp_server):
    # At stage 1, before the response: after it a case closes, it is not withdrawn (issue 12)
    received = timezone.localdate() - timedelta(days=3)
    case = take(complaint_from(COMPLAINANT_EMAIL, received), Action.ACCEPT_STATUTORY, received)
    sign_in(page, live_server, smtp_server, case)

    follow(page, "withdraw it")
    expect_heading(page, "Withdraw your complaint")
    answer(page, lambda p: p.get_by_label("Yes, withdraw my complaint").check())

    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint withdrawn")
    check_page(page)
    case.refresh_from_db()
    assert case.stage == Stage.WITHDRAWN
    confirmation = smtp_server.wait_for(2)[1]
    assert "has been withdrawn" in confirmation["Subject"]
