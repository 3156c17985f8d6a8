"""Every kind of staff page, in a real browser: axe finds no WCAG 2.2 AA violations, errors
are announced in the GOV.UK way, and the queue works from the keyboard."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from redress.accounts.models import Appointment
from redress.cases.services import case_add_note, case_assign
from redress.cases.tests.factories import independent, received_case, staff
from redress.domain.roles import Role
from tests.browser import assert_no_axe_violations, follow, press_through, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long demo password"


def signed_in(browser: Browser, live_server, role: Role, **kwargs) -> tuple[Page, object]:
    user = (independent if kwargs.pop("external", False) else staff)(role, **kwargs)
    user.set_password(PASSWORD)
    user.save()
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    page = browser.new_context().new_page()
    page.set_default_timeout(5000)
    page.goto(live_server.url + "/staff/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Continue")
    assert_no_axe_violations(page)
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    submit(page, "Sign in")
    return page, user


def cases_for(officer, count: int = 3) -> list:
    today = timezone.localdate()
    cases = [received_case(today - timedelta(days=14 * n + 1)) for n in range(count)]
    for case in cases:
        case_assign(case_id=case.pk, assigned_to=officer, team_id=None, by=officer, on=today)
        case_add_note(case_id=case.pk, text="Spoke to the family", by=officer, on=today)
    return cases


def test_the_sign_in_pages_and_their_errors_are_accessible(live_server, page):
    page.goto(live_server.url + "/staff/queue/")
    expect(page).to_have_url(live_server.url + "/staff/sign-in/?next=/staff/queue/")
    assert_no_axe_violations(page)

    submit(page, "Continue")

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your username")
    expect(summary).to_be_focused()
    assert_no_axe_violations(page)


def test_every_queue_search_and_the_audit_log_are_accessible(live_server, browser):
    page, officer = signed_in(browser, live_server, Role.COMPLAINTS_OFFICER)
    cases = cases_for(officer)
    for view in ("all", "mine", "team", "unassigned", "due", "overdue", "waiting"):
        page.goto(f"{live_server.url}/staff/queue/?view={view}")
        assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/staff/queue/?view=all&stage=received&sort=-received")
    expect(page.locator("table.app-queue tbody tr")).to_have_count(len(cases))
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/staff/search/?q=contact")
    expect(page.get_by_text(f"{len(cases)} cases found")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/staff/search/?q=")
    expect(page).to_have_title(re.compile("^Error: "))
    assert_no_axe_violations(page)

    auditor, _ = signed_in(browser, live_server, Role.AUDITOR)
    auditor.goto(live_server.url + "/staff/audit/")
    assert_no_axe_violations(auditor)


def test_action_and_record_forms_show_errors_the_gov_uk_way(live_server, browser):
    page, manager = signed_in(browser, live_server, Role.COMPLAINTS_MANAGER)
    case = cases_for(manager, 1)[0]
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    assert_no_axe_violations(page)

    follow(page, "Do not accept the complaint")
    submit(page, "Save")

    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why the complaint is not accepted"
    )
    expect(page.locator("#id_reason-error")).to_be_visible()
    assert_no_axe_violations(page)

    for record in ("note", "assign", "link", "recommendation", "plan", "ombudsman", "remedy"):
        page.goto(f"{live_server.url}/staff/cases/{case.reference}/record/{record}/")
        assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/record/note/")
    submit(page, "Save")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the note")
    assert_no_axe_violations(page)
    for action in ("defer", "extend_stage1", "withdraw"):
        page.goto(f"{live_server.url}/staff/cases/{case.reference}/actions/{action}/")
        assert_no_axe_violations(page)


def test_an_external_person_sees_their_cases_and_a_refusal_elsewhere(live_server, browser):
    page, person = signed_in(browser, live_server, Role.ADVOCATE, external=True)
    officer = staff(Role.COMPLAINTS_OFFICER)
    mine, other = cases_for(officer, 2)
    Appointment.objects.create(case=mine, person=person, role=Role.ADVOCATE,
                               starts_on=timezone.localdate())  # fmt: skip

    page.goto(live_server.url + "/staff/")
    expect(page.get_by_role("link", name=mine.reference)).to_be_visible()
    expect(page.get_by_role("link", name=other.reference)).to_have_count(0)
    assert_no_axe_violations(page)
    follow(page, mine.reference)
    expect(page.get_by_role("heading", level=1, name=mine.reference)).to_be_visible()
    expect(page.get_by_text("Spoke to the family")).to_have_count(0)  # no internal notes
    assert_no_axe_violations(page)
    assert page.goto(live_server.url + "/staff/queue/").status == 403
    assert_no_axe_violations(page)


def test_the_queue_works_from_the_keyboard(live_server, browser):
    page, officer = signed_in(browser, live_server, Role.COMPLAINTS_OFFICER)
    case = cases_for(officer, 1)[0]
    page.goto(live_server.url + "/staff/queue/?view=mine")

    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == case.reference:
            break
    press_through(page)

    expect(page.get_by_role("heading", level=1, name=case.reference)).to_be_visible()


def test_warnings_and_a_late_request_on_the_case_page_and_in_triage_are_accessible(
    live_server, browser
):
    from redress.cases.models import CasePerson
    from redress.intake import services as public
    from redress.intake.tests.builders import responded_case

    page, _manager = signed_in(browser, live_server, Role.COMPLAINTS_MANAGER)
    case = responded_case(timezone.localdate() - timedelta(days=60))
    CasePerson.objects.filter(case=case, role="complainant").update(
        safe_to_contact=False, safe_contact_details="Only by email", support_needs="Large print"
    )
    public.next_stage_request(
        case_id=case.pk, expected_stage=case.stage, reason="It missed the point",
        why_now="I was in hospital", on=timezone.localdate(),
    )  # fmt: skip

    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    expect(page.get_by_text("Late request awaiting a decision")).to_be_visible()
    expect(page.get_by_text("It is not always safe to contact")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/staff/triage/")
    expect(page.locator("#late-requests + p + table")).to_contain_text(case.reference)
    assert_no_axe_violations(page)
