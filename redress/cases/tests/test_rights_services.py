"""Issue 12 through the case services, on the test database (SQLite and PostgreSQL): the roles
of whoever acts, the records the rules write, and the records that are not procedure steps."""

from dataclasses import replace
from datetime import date

import pytest

from redress.accounts.models import Appointment, User
from redress.cases.models import Case, Clock, Recommendation
from redress.cases.services import (
    action_plan_add,
    case_record_response_received,
    point_route,
    recommendation_add,
    remedy_add,
)
from redress.cases.tests.factories import independent, received_case, staff
from redress.cases.tests.test_services import clocks, finding, take
from redress.domain.facts import (
    Discretion,
    NotAcceptedGrounds,
    RecommendationDecision,
    Route,
    SentBy,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Person, Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action, GuardFailed, Stage

pytestmark = pytest.mark.django_db


def in_area(area: str, received: date = date(2026, 3, 18)) -> Case:
    case = received_case(received)
    Case.objects.filter(pk=case.pk).update(service_area=area)
    case.refresh_from_db()
    return case


def responded(on: date = date(2026, 4, 1), **request: object) -> Case:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    finding(case, FindingStage.STAGE1, Finding.NOT_UPHELD, date(2026, 3, 30))
    return take(case, Action.RESPOND_STAGE1, on, **request)


# --- 6. The actor's roles decide who may send a statutory matter corporate -----------------------


def test_a_complaints_officer_cannot_take_a_statutory_matter_corporate_but_the_manager_can() -> (
    None
):
    officer, manager = staff(Role.COMPLAINTS_OFFICER), staff(Role.COMPLAINTS_MANAGER)
    case = in_area("child_in_care")

    with pytest.raises(GuardFailed, match="only the complaints manager"):
        take(case, Action.ACCEPT_CORPORATE, date(2026, 3, 19), by=officer, reason="Corporate")
    done = take(
        case, Action.ACCEPT_CORPORATE, date(2026, 3, 19), by=manager, reason="A finance decision"
    )

    assert done.stage == Stage.CORP_S1
    event = done.events.get(action="accept_corporate")
    assert event.details["request"]["actor_roles"] == ["complaints_manager"]
    assert event.details["request"]["reason"] == "A finance decision"


def test_a_point_about_a_statutory_service_goes_corporate_only_by_the_manager() -> None:
    officer, manager = staff(Role.COMPLAINTS_OFFICER), staff(Role.COMPLAINTS_MANAGER)
    case = in_area("leaving_care")
    point = case.points.get()

    with pytest.raises(GuardFailed, match="only the complaints manager"):
        point_route(
            point_id=point.pk, route=Route.CORPORATE, reason="x", by=officer, on=date(2026, 3, 19)
        )
    with pytest.raises(GuardFailed, match="Enter why a complaint about"):
        point_route(
            point_id=point.pk, route=Route.CORPORATE, reason=" ", by=manager, on=date(2026, 3, 19)
        )
    point_route(
        point_id=point.pk,
        route=Route.CORPORATE,
        reason="About a council tax discount",
        by=manager,
        on=date(2026, 3, 19),
    )

    point.refresh_from_db()
    assert (point.route, point.route_reason) == (Route.CORPORATE, "About a council tax discount")
    assert case.events.filter(action="route_point").count() == 1


# --- 7. The time-limit decision is stored with the case -------------------------------------------


def test_refusing_a_late_complaint_stores_both_answers_on_the_case() -> None:
    manager = staff(Role.COMPLAINTS_MANAGER)
    case = received_case(date(2026, 3, 18), grounds_arose_on=date(2024, 9, 1))

    with pytest.raises(GuardFailed, match="never a rule applied rigidly"):
        take(
            case,
            Action.NOT_ACCEPT,
            date(2026, 3, 19),
            by=manager,
            grounds=NotAcceptedGrounds.OUT_OF_TIME,
            reason="Out of time",
        )
    done = take(
        case,
        Action.NOT_ACCEPT,
        date(2026, 3, 19),
        by=manager,
        grounds=NotAcceptedGrounds.OUT_OF_TIME,
        reason="Out of time",
        discretion=Discretion.REFUSE,
        why_not_in_time="No reason given for 18 months' delay",
        fair_consideration="The worker has left and the records were destroyed",
    )

    assert done.stage == Stage.NOT_ACCEPTED
    assert (done.late_discretion, done.late_not_reasonable_to_expect) == (
        Discretion.REFUSE,
        "No reason given for 18 months' delay",
    )
    assert done.events.get(action="not_accept").details["request"]["grounds"] == "out_of_time"


# --- 5. Windows from receipt, and the actual day when it is known ---------------------------------


def test_a_posted_response_opens_the_window_two_working_days_later() -> None:
    case = responded(date(2026, 4, 1), sent_by=SentBy.POST)  # Wednesday, before Easter
    window = Clock.objects.get(case=case, rule=Rule.STAGE2_REQUEST_WINDOW)
    assert (window.anchor_date, window.due_date) == (date(2026, 4, 7), date(2026, 5, 6))
    assert case.events.get(action="respond_stage1").details["request"]["sent_by"] == "post"


def test_recording_when_the_complainant_received_the_response_moves_their_window() -> None:
    case = responded(date(2026, 4, 1))
    with pytest.raises(GuardFailed, match="before it was sent on 1 April 2026"):
        case_record_response_received(
            case_id=case.pk, received_on=date(2026, 3, 31), by=None, on=date(2026, 4, 20)
        )

    case_record_response_received(
        case_id=case.pk, received_on=date(2026, 4, 14), by=None, on=date(2026, 4, 20)
    )

    window = Clock.objects.get(case=case, rule=Rule.STAGE2_REQUEST_WINDOW)
    assert (window.anchor_date, window.due_date) == (date(2026, 4, 14), date(2026, 5, 13))
    case.refresh_from_db()
    assert case.waiting_until == date(2026, 5, 13)
    assert case.events.filter(action="record_response_received").count() == 1


# --- 8. Due dates set today are not in the past ---------------------------------------------------


def test_an_action_or_remedy_cannot_be_due_before_the_day_it_is_set() -> None:
    case = responded()
    with pytest.raises(GuardFailed, match=r"is in the past: a due date is set on or after"):
        action_plan_add(
            case_id=case.pk,
            description="Train the team",
            owner=None,
            due_on=date(2026, 4, 30),
            by=None,
            on=date(2026, 5, 1),
        )
    with pytest.raises(GuardFailed, match="The date the remedy is due"):
        remedy_add(
            case_id=case.pk, kind="apology", by=None, on=date(2026, 5, 1), due_on=date(2026, 4, 1)
        )

    item = action_plan_add(
        case_id=case.pk,
        description="Train the team",
        owner=None,
        due_on=date(2026, 5, 1),
        by=None,
        on=date(2026, 5, 1),
    )
    assert item.due_on == date(2026, 5, 1)


# --- Withdrawn or closed while overdue: missed, never "no verdict" --------------------------------


def test_a_council_clock_that_lapses_after_its_day_is_missed_and_one_in_time_has_no_verdict() -> (
    None
):
    late = received_case(date(2026, 3, 2))
    take(late, Action.ACCEPT_STATUTORY, date(2026, 3, 3))
    take(late, Action.WITHDRAW, date(2026, 3, 20))  # stage 1 was due on 16 March
    in_time = received_case(date(2026, 3, 2))
    take(in_time, Action.ACCEPT_STATUTORY, date(2026, 3, 3))
    take(in_time, Action.WITHDRAW, date(2026, 3, 10))

    assert clocks(late)["stage1.response"] == (date(2026, 3, 16), date(2026, 3, 20), False)
    assert clocks(in_time)["stage1.response"] == (date(2026, 3, 16), date(2026, 3, 10), None)


# --- 10 and 11. Declared interests are recorded; adjudication decides every recommendation -------


def stage2_reports_received() -> tuple[Case, User]:
    manager = staff(Role.COMPLAINTS_MANAGER)
    officer, ip = independent(Role.INVESTIGATING_OFFICER), independent()
    case = responded(date(2026, 4, 1))
    take(case, Action.REQUEST_STAGE2, date(2026, 4, 20))
    take(
        case,
        Action.APPOINT_INVESTIGATORS,
        date(2026, 4, 21),
        by=manager,
        investigating_officer=officer.as_person(),
        independent_person=_declared(ip, "Knew the family in 2015"),
        reason="A link that ended ten years ago; the complainant agrees",
    )
    take(case, Action.AGREE_STATEMENT, date(2026, 4, 28))
    take(case, Action.START_INVESTIGATION, date(2026, 4, 29))
    finding(case, FindingStage.STAGE2_INVESTIGATION, Finding.UPHELD, date(2026, 5, 20))
    take(case, Action.RECEIVE_REPORTS, date(2026, 5, 20))
    return case, ip


def _declared(user: User, interest: str) -> Person:
    return replace(user.as_person(), declared_interest=interest)


def test_a_declared_interest_is_recorded_on_the_appointment() -> None:
    case, _ = stage2_reports_received()
    appointment = Appointment.objects.get(case=case, role=Role.INDEPENDENT_PERSON)
    assert appointment.conflict_of_interest_declared == "Knew the family in 2015"


def test_adjudication_records_the_councils_decision_on_each_investigators_recommendation() -> None:
    case, _ = stage2_reports_received()
    first, second = (
        recommendation_add(
            case_id=case.pk,
            source=Recommendation.Source.INVESTIGATING_OFFICER,
            text=text,
            by=None,
            on=date(2026, 5, 20),
        )
        for text in ("Apologise", "Review the contact plan")
    )
    finding(case, FindingStage.STAGE2_ADJUDICATION, Finding.UPHELD, date(2026, 5, 22))

    with pytest.raises(GuardFailed, match="Decide on the investigating officer's recommendation 2"):
        take(
            case,
            Action.ADJUDICATE,
            date(2026, 5, 22),
            decisions=(RecommendationDecision(first.pk, True, "Agreed"),),
        )
    take(
        case,
        Action.ADJUDICATE,
        date(2026, 5, 22),
        decisions=(
            RecommendationDecision(first.pk, True, "Agreed"),
            RecommendationDecision(second.pk, False, "The plan was reviewed in April"),
        ),
    )

    decided = dict(case.recommendations.values_list("text", "decision"))
    assert decided == {"Apologise": "accepted", "Review the contact plan": "rejected"}
