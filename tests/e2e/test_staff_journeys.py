"""Staff journeys in a real browser: the right person does each part, and axe checks each page.

A statutory complaint goes from receipt to the council's response after a stage 3 review panel;
a corporate complaint goes through both of its stages. Everyone signs in as themselves with a
password and an authenticator code, in their own browser context.
"""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from redress.accounts.models import Team
from redress.cases.models import Case, Channel
from redress.cases.services import NewComplaint, PersonDetails, case_assign, case_receive
from redress.cases.tests.factories import independent, staff
from redress.domain.roles import Role
from tests.browser import assert_no_axe_violations, click_through, follow, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long demo password"


def person(role: Role, username: str, *, external: bool = False, **kwargs):
    make = independent if external else staff
    user = make(
        role,
        username=username,
        first_name=username.split("_")[0].title(),
        last_name=role.label.split(" ")[0],
        **kwargs,
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(browser: Browser, live_server, user, *, enrol: bool = False) -> Page:
    """A browser context signed in as `user`: password, then a code from their app."""
    device = None if enrol else TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    page = browser.new_context().new_page()
    page.set_default_timeout(5000)
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Continue")
    if enrol:
        assert_no_axe_violations(page)
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
        submit(page, "Continue")
        assert_no_axe_violations(page, heading="Your recovery codes")
        submit(page, "I have saved my recovery codes")
    else:
        page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
        submit(page, "Sign in")
    return page


def open_case(page: Page, live_server, case: Case) -> None:
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    assert_no_axe_violations(page)


def act(page: Page, link: str, *, fill=None, then: str = "Save") -> None:
    """Follow an action link on the case page, fill the form, save, and land back on the case.
    A step the procedure refuses comes back with an error summary: say what it says."""
    follow(page, link)
    assert_no_axe_violations(page)
    if fill:
        fill(page)
    submit(page, then)
    refusal = page.locator(".govuk-error-summary")
    if refusal.count():
        raise AssertionError(f"{link!r} was refused: {refusal.inner_text()}")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


def findings(value: str, reason: str):
    def fill(page: Page) -> None:
        for group in page.locator(".govuk-summary-card").all():
            group.get_by_label(value, exact=True).check()
            group.get_by_role("textbox").fill(reason)

    return fill


def stage_of(case: Case) -> str:
    case.refresh_from_db()
    return case.stage


def received(summary: str, points: list[str]) -> Case:
    return case_receive(
        complaint=NewComplaint(
            channel=Channel.EMAIL,
            received_at=timezone.make_aware(datetime.now()),
            summary=summary,
            people=[
                PersonDetails(role="complainant", name="Sam Parent", complainant_type="parent")
            ],
            points=points,
        )
    )


def test_a_statutory_complaint_from_receipt_to_the_councils_response_after_a_panel(
    live_server, browser
):
    team = Team.objects.create(name="Children Looked After Team")
    officer = person(Role.COMPLAINTS_OFFICER, "priya_officer")
    manager = person(Role.RESPONDING_MANAGER, "gareth_manager")
    manager.teams.add(team)
    adjudicator = person(Role.ADJUDICATING_OFFICER, "andrew_adjudicator")
    director = person(Role.DIRECTOR, "catherine_director")
    investigator = person(Role.INVESTIGATING_OFFICER, "philip_investigator", external=True)
    independent_person = person(Role.INDEPENDENT_PERSON, "janet_independent", external=True)
    chair = person(Role.PANEL_CHAIR, "elizabeth_chair", external=True)
    members = [
        person(Role.PANEL_MEMBER, f"{n}_member", external=True) for n in ("susan", "raymond")
    ]
    case = received("Contact with my children was cancelled", ["Contact cancelled", "No reply"])

    # The complaints officer: acknowledge, accept, assign the responding manager
    desk = sign_in(browser, live_server, officer, enrol=True)
    expect(desk.get_by_role("heading", name="All open cases")).to_be_visible()
    assert_no_axe_violations(desk)
    open_case(desk, live_server, case)
    act(desk, "Record the acknowledgement")
    act(desk, "Accept under the statutory procedure")
    assert stage_of(case) == "stat_s1"

    def assign(page: Page) -> None:
        page.get_by_label("Person").select_option(label=str(manager))
        page.get_by_label("Team").select_option(label=team.name)

    click_through(desk, desk.get_by_role("link", name="Change").first)
    assert_no_axe_violations(desk)
    assign(desk)
    submit(desk, "Save")
    expect(desk.locator(".govuk-notification-banner--success")).to_contain_text("Case assigned")

    # The responding manager sends the stage 1 response with a finding on each point
    responder = sign_in(browser, live_server, manager)
    responder.goto(live_server.url + "/staff/queue/?view=team")
    follow(responder, case.reference)
    act(responder, "Record the stage 1 response", fill=findings("Not upheld", "Records checked"))
    assert stage_of(case) == "responded_s1"

    # The complainant asks for stage 2; the officer records it and appoints from the pool
    open_case(desk, live_server, case)
    act(desk, "Record a request for stage 2")

    def appoint(page: Page) -> None:
        page.get_by_label("Investigating officer", exact=True).select_option(
            label=f"{investigator} (0 current cases)"
        )
        page.get_by_role(
            "group", name="Has the investigating officer declared an interest in this case?"
        ).get_by_label("No").check()
        page.get_by_label("Independent person", exact=True).select_option(
            label=f"{independent_person} (0 current cases)"
        )
        page.get_by_role(
            "group", name="Has the independent person declared an interest in this case?"
        ).get_by_label("No").check()

    act(desk, "Appoint the investigating officer and independent person", fill=appoint)

    # The investigating officer, signed in as themselves, sees only this case
    io = sign_in(browser, live_server, investigator)
    expect(io.get_by_role("heading", name="Your cases")).to_be_visible()
    assert_no_axe_violations(io)
    follow(io, case.reference)
    act(io, "Agree the statement of complaint")
    act(io, "Start the investigation")
    act(
        io,
        "Record the investigating officer's findings",
        fill=findings("Partially upheld", "Some visits were cancelled without notice"),
    )
    assert io.goto(live_server.url + "/staff/queue/").status == 403

    # The independent person gives their view on each finding
    ip = sign_in(browser, live_server, independent_person)
    follow(ip, case.reference)

    def agree(page: Page) -> None:
        for group in page.locator(".govuk-summary-card").all():
            group.get_by_label("Yes", exact=True).check()

    act(ip, "Record the independent person's view on each finding", fill=agree)

    # The officer records the reports; the adjudicating officer decides each point
    open_case(desk, live_server, case)
    act(desk, "Record that the reports were received")
    adjudication = sign_in(browser, live_server, adjudicator)
    open_case(adjudication, live_server, case)
    act(
        adjudication,
        "Record the adjudication",
        fill=findings("Partially upheld", "We agree with the investigation"),
    )
    assert stage_of(case) == "s2_adjudicated"

    # Stage 3: the request, then the panel from the pool (chair and two members)
    open_case(desk, live_server, case)
    act(desk, "Record a request for a review panel")

    def convene(page: Page) -> None:
        page.get_by_label("Panel chair", exact=True).select_option(
            label=f"{chair} (0 current cases)"
        )
        for n, member in enumerate(members, start=1):
            page.get_by_label(f"Panel member {n}", exact=True).select_option(
                label=f"{member} (0 current cases)"
            )
        for who in ("the panel chair", "panel member 1", "panel member 2"):
            page.get_by_role(
                "group", name=f"Has {who} declared an interest in this case?"
            ).get_by_label("No").check()
        # After the request (made today in this journey): the panel meets tomorrow
        meets = timezone.localdate() + timedelta(days=1)
        group = page.get_by_role("group", name="Date the panel will meet")
        group.get_by_label("Day").fill(str(meets.day))
        group.get_by_label("Month").fill(str(meets.month))
        group.get_by_label("Year").fill(str(meets.year))

    act(desk, "Convene the review panel", fill=convene)
    assert stage_of(case) == "panel_scheduled"

    # The panel chair records the meeting and the report with its recommendations
    panel = sign_in(browser, live_server, chair)
    follow(panel, case.reference)
    act(panel, "Record that the panel met")

    def report(page: Page) -> None:
        page.get_by_label("The panel's recommendations").fill(
            "Apologise to the family\nReview the contact policy"
        )

    act(panel, "Record the panel's report", fill=report)
    assert stage_of(case) == "panel_report_issued"

    # The director sends the council's response, accepting or rejecting each recommendation
    dcs = sign_in(browser, live_server, director)
    open_case(dcs, live_server, case)

    def respond(page: Page) -> None:
        cards = page.locator(".govuk-summary-card").all()
        cards[0].get_by_label("Accept", exact=True).check()
        cards[0].get_by_role("textbox").fill("We will apologise in writing")
        cards[1].get_by_label("Reject", exact=True).check()
        cards[1].get_by_role("textbox").fill("The policy was reviewed last month")

    act(dcs, "Record the council's response to the panel", fill=respond)
    assert stage_of(case) == "la_response_issued"
    decisions = sorted(case.recommendations.values_list("decision", flat=True))
    assert decisions == ["accepted", "rejected"]
    expect(dcs.locator(".moj-timeline__title").first).to_have_text(
        "Council's response to the panel sent"
    )


def test_a_corporate_complaint_goes_through_both_stages(live_server, browser):
    officer = person(Role.COMPLAINTS_OFFICER, "tom_officer")
    manager = person(Role.RESPONDING_MANAGER, "joanne_manager")
    case = received("The SEND officer did not reply to my emails", ["No replies to emails"])

    desk = sign_in(browser, live_server, officer)
    open_case(desk, live_server, case)
    act(desk, "Accept under the corporate procedure")
    act(desk, "Record the acknowledgement")
    assert stage_of(case) == "corp_s1"
    # A responding manager sees the cases given to them or their team (issue 13 item 5)
    case_assign(
        case_id=case.pk, assigned_to=manager, team_id=None, by=None, on=timezone.localdate()
    )

    responder = sign_in(browser, live_server, manager)
    open_case(responder, live_server, case)
    act(
        responder,
        "Record the corporate stage 1 response",
        fill=findings("Upheld", "Emails were missed during leave"),
    )
    assert stage_of(case) == "corp_s1_responded"

    open_case(desk, live_server, case)
    act(desk, "Record a request for corporate stage 2")
    act(desk, "Record the stage 2 acknowledgement")
    act(
        desk,
        "Record the corporate stage 2 response",
        fill=findings("Upheld", "The review agrees with stage 1"),
    )
    act(desk, "Close the case")
    assert stage_of(case) == "closed"
