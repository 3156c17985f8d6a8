"""Appointing the investigators and the panel asks whether each person declared an interest, and
only the complaints manager appoints someone who did, with the reason; the panel's date is checked
against Reg 19(4); adjudication shows the investigation beside each point and decides the
investigating officer's recommendations, as the council's response decides the panel's."""

import html
from datetime import date

import pytest
import time_machine
from django.test import Client

from redress.accounts.models import Appointment
from redress.cases.models import Case, Recommendation
from redress.cases.services import (
    case_take_action,
    point_record_independent_view,
    recommendation_add,
)
from redress.cases.tests.factories import independent, staff
from redress.casework.tests.conftest import sign_in_as
from redress.casework.tests.walks import (
    TODAY,
    action_url,
    error_beside,
    findings_for,
    post,
    reports_received,
    responded,
    stage3_requested,
    take,
)
from redress.domain.facts import ActionRequest
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Stage

pytestmark = pytest.mark.django_db
A = Action
ACCEPTED, REJECTED = Recommendation.Decision.ACCEPTED, Recommendation.Decision.REJECTED


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def manager() -> Client:
    return sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))


def officer() -> Client:
    return sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))


def stage_of(case: Case) -> str:
    case.refresh_from_db()
    return case.stage


# -- appointing the investigating officer and the independent person ----------------------------


@pytest.fixture
def stage2():
    case = responded(date(2026, 2, 9))
    take(case, A.REQUEST_STAGE2, date(2026, 2, 10))
    io = independent(Role.INVESTIGATING_OFFICER, first_name="Olu", last_name="Investigator")
    ip = independent(Role.INDEPENDENT_PERSON, first_name="Ines", last_name="Independent")
    return case, io, ip


def appointing(io, ip, **fields: str) -> dict[str, str]:
    return {
        "investigating_officer": str(io.pk),
        "investigating_officer_declared": "yes",
        "investigating_officer_interest": "Worked with the social worker until 2024",
        "independent_person": str(ip.pk),
        "independent_person_declared": "no",
        **fields,
    }


def test_the_appointment_asks_whether_each_person_declared_an_interest(stage2) -> None:
    case, *_ = stage2

    page = officer().get(action_url(case, A.APPOINT_INVESTIGATORS)).text

    assert "Has the investigating officer declared an interest in this case?" in page
    assert "Has the independent person declared an interest in this case?" in page
    assert "If they did, what did the investigating officer declare?" in page
    assert "If they did, what did the independent person declare?" in page
    assert "If someone declared an interest, why appoint them all the same?" in page
    assert "declaration of interests" not in page


def test_only_the_manager_appoints_someone_who_declared_an_interest(stage2) -> None:
    case, io, ip = stage2

    response = post(officer(), case, A.APPOINT_INVESTIGATORS, **appointing(io, ip))

    assert error_beside(response, "investigating_officer") == (
        "Olu Investigator declared an interest (Worked with the social worker until 2024): only "
        "the complaints manager can appoint them as investigating officer, with the reason recorded"
    )
    assert not Appointment.objects.filter(case=case).exists()


def test_the_manager_says_why_someone_who_declared_an_interest_is_appointed(stage2) -> None:
    case, io, ip = stage2
    client = manager()

    without = post(client, case, A.APPOINT_INVESTIGATORS, **appointing(io, ip))
    done = post(
        client,
        case,
        A.APPOINT_INVESTIGATORS,
        **appointing(io, ip, reason="The only investigator free; the link ended two years ago"),
    )

    assert error_beside(without, "reason").startswith(
        "Olu Investigator declared an interest: enter the reason for appointing them"
    )
    assert done.status_code == 302
    declared = dict(
        Appointment.objects.filter(case=case).values_list("role", "conflict_of_interest_declared")
    )
    assert declared == {
        Role.INVESTIGATING_OFFICER: "Worked with the social worker until 2024",
        Role.INDEPENDENT_PERSON: "None",
    }


def test_a_yes_needs_what_they_declared_and_a_no_needs_nothing(stage2) -> None:
    case, io, ip = stage2
    client = officer()

    unanswered = post(client, case, A.APPOINT_INVESTIGATORS, **appointing(io, ip, **{
        "investigating_officer_declared": "", "investigating_officer_interest": ""}))  # fmt: skip
    empty = post(client, case, A.APPOINT_INVESTIGATORS, **appointing(io, ip, **{
        "investigating_officer_interest": ""}))  # fmt: skip
    neither = post(client, case, A.APPOINT_INVESTIGATORS, **appointing(io, ip, **{
        "investigating_officer_declared": "no"}))  # fmt: skip

    assert error_beside(unanswered, "investigating_officer_declared") == (
        "Select whether the investigating officer has declared an interest in this case"
    )
    assert error_beside(empty, "investigating_officer_interest") == (
        "Enter what the investigating officer declared"
    )
    assert neither.status_code == 302  # what was typed under "Yes" is dropped with "No"
    assert set(
        Appointment.objects.filter(case=case).values_list(
            "conflict_of_interest_declared", flat=True
        )
    ) == {"None"}


# -- convening the review panel -----------------------------------------------------------------


@pytest.fixture
def stage3():
    case = stage3_requested()
    chair = independent(Role.PANEL_CHAIR, first_name="Cara", last_name="Chair")
    members = [
        independent(Role.PANEL_MEMBER, first_name=name, last_name="Member") for name in ("Mo", "Ru")
    ]
    return case, [chair, *members]


def convening(panel, meets_on: date, **fields) -> dict:
    keys = ("panel_chair", "panel_member_1", "panel_member_2")
    data: dict = {"meets_on": meets_on}
    for key, person in zip(keys, panel, strict=True):
        data |= {key: str(person.pk), f"{key}_declared": "no"}
    return data | fields


def test_a_panel_meeting_after_reg_19_4_needs_the_reason_beside_it(stage3) -> None:
    case, panel = stage3
    due = case.clocks.get(rule=Rule.STAGE3_PANEL).effective_due_date
    late = date(2026, 5, 20)
    client = officer()

    page = client.get(action_url(case, A.CONVENE_PANEL)).text
    refused = post(client, case, A.CONVENE_PANEL, **convening(panel, late))
    done = post(
        client, case, A.CONVENE_PANEL, **convening(panel, late, reason="The chair is in hospital")
    )

    assert f"If it meets later than {due:%-d %B %Y}, why?" in page
    assert "Has the panel chair declared an interest in this case?" in page
    assert error_beside(refused, "reason").startswith(f"The panel should meet by {due:%-d %B %Y}")
    assert done.status_code == 302
    assert stage_of(case) == Stage.PANEL_SCHEDULED
    assert case.clocks.get(rule=Rule.STAGE3_PANEL).breach_reason == "The chair is in hospital"


def test_the_panel_date_is_needed_and_comes_after_the_request(stage3) -> None:
    case, panel = stage3
    client = officer()

    missing = post(client, case, A.CONVENE_PANEL, **{**convening(panel, TODAY), "meets_on": ""})
    early = post(client, case, A.CONVENE_PANEL, **convening(panel, date(2026, 3, 3)))

    assert error_beside(missing, "meets_on") == "Enter the date the panel will meet"
    assert error_beside(early, "meets_on").startswith("The panel date (3 March 2026) must be after")
    assert stage_of(case) == Stage.S3_REQUESTED


def test_a_panel_member_who_declared_an_interest_is_refused_beside_their_name(stage3) -> None:
    case, panel = stage3

    declared = {"panel_member_1_declared": "yes", "panel_member_1_interest": "Knows the family"}

    response = post(officer(), case, A.CONVENE_PANEL, **convening(panel, TODAY, **declared))

    assert error_beside(response, "panel_member_1").startswith(
        "Mo Member declared an interest (Knows the family): only the complaints manager"
    )
    assert stage_of(case) == Stage.S3_REQUESTED


# -- adjudication and the council's response to the panel ---------------------------------------


@pytest.fixture
def adjudicating():
    case = reports_received()
    point = case.points.get()
    point_record_independent_view(
        point_id=point.pk, agrees=False, comment="Two visits had notice", by=None, on=TODAY
    )
    recommendation = recommendation_add(
        case_id=case.pk, source="investigating_officer", text="Apologise for the visits",
        by=None, on=TODAY,
    )  # fmt: skip
    return case, recommendation


def test_adjudication_shows_the_investigation_beside_each_point(adjudicating) -> None:
    case, _ = adjudicating

    page = html.unescape(manager().get(action_url(case, A.ADJUDICATE)).text)

    assert "Investigating officer's finding" in page
    assert "Partially upheld</strong>: Visits were cancelled" in page
    assert "Does not agree with the finding: Two visits had notice" in page
    assert "The investigating officer's recommendation 1" in page
    assert "Apologise for the visits" in page


def test_adjudication_decides_the_investigating_officers_recommendations(adjudicating) -> None:
    case, recommendation = adjudicating
    client = manager()
    decision = f"decision_{recommendation.pk}"

    undecided = post(client, case, A.ADJUDICATE, **findings_for(case))
    done = post(client, case, A.ADJUDICATE, **findings_for(case), **{
        decision: ACCEPTED, f"reasons_{recommendation.pk}": "We will apologise"})  # fmt: skip

    assert error_beside(undecided, decision) == (
        "Decide on the investigating officer's recommendation 1: accept or reject it"
    )
    assert done.status_code == 302
    assert stage_of(case) == Stage.S2_ADJUDICATED
    recommendation.refresh_from_db()
    assert (recommendation.decision, recommendation.decision_reasons) == (
        ACCEPTED,
        "We will apologise",
    )


def panel_reported(case: Case, panel) -> list[Recommendation]:
    people = tuple(p.as_person() for p in panel)
    take(case, A.CONVENE_PANEL, date(2026, 3, 10), panel=people, meets_on=date(2026, 3, 12))
    take(case, A.HOLD_PANEL, date(2026, 3, 12))
    case_take_action(
        case_id=case.pk,
        action=A.ISSUE_PANEL_REPORT,
        request=ActionRequest(on=date(2026, 3, 13)),
        by=None,
        details={"recommendations": ["Apologise in writing", "Review the contact policy"]},
    )
    return list(case.recommendations.order_by("pk"))


def test_the_councils_response_decides_each_panel_recommendation(stage3) -> None:
    case, panel = stage3
    first, second = panel_reported(case, panel)
    director = sign_in_as(Client(), staff(Role.DIRECTOR))
    decisions = {
        f"decision_{first.pk}": ACCEPTED,
        f"reasons_{first.pk}": "We will apologise",
        f"decision_{second.pk}": REJECTED,
        "sent_by": "post",
    }

    no_reasons = post(director, case, A.ISSUE_LA_RESPONSE, **decisions)
    done = post(director, case, A.ISSUE_LA_RESPONSE, **decisions, **{
        f"reasons_{second.pk}": "Reviewed last month"})  # fmt: skip

    assert error_beside(no_reasons, f"reasons_{second.pk}") == (
        "Enter the reasons for the decision on the panel's recommendation 2"
    )
    assert done.status_code == 302
    assert stage_of(case) == Stage.LA_RESPONSE_ISSUED
    assert list(case.recommendations.order_by("pk").values_list("decision", flat=True)) == [
        ACCEPTED,
        REJECTED,
    ]
