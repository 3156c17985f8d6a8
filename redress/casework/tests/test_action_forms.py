"""The action forms collect what the procedure's guards need: grounds for not accepting (with the
time-limit decision), how a response went and when it arrived, the complainant's agreement to a
resolution or to closing early, and the reason for a corporate detour. Each test posts the form
and sees the step done, or the guard's message beside the field it is about."""

from datetime import date

import pytest
import time_machine
from django.test import Client

from redress.cases.models import Case
from redress.cases.tests.factories import received_case, staff
from redress.casework.forms.actions import ActionContext, ActionForm
from redress.casework.tests.conftest import sign_in_as
from redress.casework.tests.walks import (
    TODAY,
    action_url,
    at_stage1,
    error_beside,
    findings_for,
    post,
    responded,
    take,
)
from redress.domain.facts import Discretion, NotAcceptedGrounds
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


A = Action
LATE = dict(received_on=date(2026, 3, 18), grounds_arose_on=date(2024, 1, 10))


def manager() -> Client:
    return sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))


def officer() -> Client:
    return sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))


def stage_of(case: Case) -> str:
    case.refresh_from_db()
    return case.stage


# -- not accepting a complaint ------------------------------------------------------------------


def test_not_accepting_asks_for_the_grounds_and_the_time_limit_questions() -> None:
    case = received_case(**LATE)

    page = manager().get(action_url(case, A.NOT_ACCEPT)).text

    assert "On what grounds is the complaint not accepted?" in page
    for grounds in NotAcceptedGrounds:
        assert grounds.label in page
    # Not a conditional reveal: its script puts aria-expanded on radios (axe aria-allowed-attr)
    assert "govuk-radios__conditional" not in page
    assert "If it is out of time: why was it not made in time, and why does that not" in page
    assert "If it is out of time: can it still be considered effectively and fairly?" in page


def test_not_accepting_without_grounds_says_so_beside_the_grounds() -> None:
    case = received_case()

    response = post(manager(), case, A.NOT_ACCEPT, reason="Not about children's social care")

    assert error_beside(response, "grounds") == "Select the grounds for not accepting the complaint"
    assert stage_of(case) == Stage.RECEIVED


def test_not_accepting_on_grounds_other_than_time_is_done() -> None:
    case = received_case()

    response = post(
        manager(),
        case,
        A.NOT_ACCEPT,
        grounds=NotAcceptedGrounds.NO_SUFFICIENT_INTEREST.value,
        reason="The neighbour has no sufficient interest in the child's welfare",
        why_not_in_time="Typed, then another choice made: dropped",
    )

    assert response.status_code == 302
    assert stage_of(case) == Stage.NOT_ACCEPTED
    assert case.late_discretion == ""


def test_out_of_time_needs_both_answers_of_the_time_limit_decision() -> None:
    case = received_case(**LATE)

    response = post(
        manager(), case, A.NOT_ACCEPT, grounds="out_of_time", reason="Two years after the events"
    )

    assert error_beside(response, "why_not_in_time") == (
        "Enter why the complaint was not made in time, and why that does not excuse it"
    )
    assert error_beside(response, "fair_consideration") == (
        "Enter whether the complaint can still be considered effectively and fairly"
    )
    assert stage_of(case) == Stage.RECEIVED


def test_out_of_time_with_both_answers_records_the_decision_not_to_consider_it() -> None:
    case = received_case(**LATE)

    response = post(
        manager(),
        case,
        A.NOT_ACCEPT,
        grounds="out_of_time",
        reason="Two years after the events",
        why_not_in_time="Nothing stopped the complaint being made at the time",
        fair_consideration="The staff involved have left and the records are gone",
    )

    assert response.status_code == 302
    assert stage_of(case) == Stage.NOT_ACCEPTED
    assert case.late_discretion == Discretion.REFUSE
    assert case.late_still_possible_to_consider.startswith("The staff involved have left")


def test_out_of_time_for_a_complaint_in_time_is_refused_beside_the_grounds() -> None:
    case = received_case(date(2026, 3, 18), grounds_arose_on=date(2026, 1, 5))

    response = post(
        manager(),
        case,
        A.NOT_ACCEPT,
        grounds="out_of_time",
        reason="Late",
        why_not_in_time="No reason given",
        fair_consideration="It can",
    )

    assert error_beside(response, "grounds").startswith("The complaint is in time")
    assert stage_of(case) == Stage.RECEIVED


def test_a_recorded_time_limit_decision_is_used_instead_of_asking_again() -> None:
    case = received_case(**LATE)
    Case.objects.filter(pk=case.pk).update(
        late_discretion=Discretion.REFUSE,
        late_not_reasonable_to_expect="Nothing stopped it",
        late_still_possible_to_consider="It cannot be considered fairly now",
    )
    client = manager()

    page = client.get(action_url(case, A.NOT_ACCEPT)).text
    response = post(client, case, A.NOT_ACCEPT, grounds="out_of_time", reason="Out of time")

    assert "why was it not made in time" not in page
    assert "The decision on the time limit recorded on the case is used" in page
    assert response.status_code == 302
    assert stage_of(case) == Stage.NOT_ACCEPTED


# -- a corporate detour -------------------------------------------------------------------------


def statutory_area_case() -> Case:
    case = received_case()
    Case.objects.filter(pk=case.pk).update(service_area="child_in_care")
    return case


def test_only_the_manager_sends_a_statutory_matter_to_the_corporate_procedure() -> None:
    case = statutory_area_case()

    response = post(officer(), case, A.ACCEPT_CORPORATE)

    assert error_beside(response, "reason").startswith("Complaints about a child in care go")
    assert stage_of(case) == Stage.RECEIVED


def test_the_manager_gives_the_reason_for_a_corporate_detour() -> None:
    case = statutory_area_case()
    client = manager()

    page = client.get(action_url(case, A.ACCEPT_CORPORATE)).text
    without = post(client, case, A.ACCEPT_CORPORATE)
    done = post(client, case, A.ACCEPT_CORPORATE, reason="Only about the council's phone lines")

    assert "rather than the Children Act procedure?" in page
    assert error_beside(without, "reason").startswith("Enter why a complaint about a child")
    assert done.status_code == 302
    assert stage_of(case) == Stage.CORP_S1


# -- stage 1: resolution and response ----------------------------------------------------------


def test_a_resolution_needs_the_date_and_how_the_complainant_agreed() -> None:
    case = at_stage1()
    client = officer()

    page = client.get(action_url(case, A.RESOLVE_STAGE1)).text
    response = post(client, case, A.RESOLVE_STAGE1, **findings_for(case))

    assert "Date the complainant agreed to the resolution" in page
    assert "How did they agree?" in page
    assert "Post is counted as received 2 working days after it is sent" in page
    assert error_beside(response, "complainant_agreed_on") == (
        "Enter the date the complainant agreed to the resolution"
    )
    assert (
        error_beside(response, "agreed_how") == "Enter how the complainant agreed to the resolution"
    )
    assert stage_of(case) == Stage.STAT_S1


def test_an_agreement_after_the_step_is_refused_beside_its_date() -> None:
    case = at_stage1()

    response = post(
        officer(),
        case,
        A.RESOLVE_STAGE1,
        on=date(2026, 3, 16),
        complainant_agreed_on=date(2026, 3, 18),
        agreed_how="On the phone",
        **findings_for(case),
    )

    assert error_beside(response, "complainant_agreed_on").startswith(
        "The date the complainant agreed (18 March 2026) is after the date of this step"
    )
    assert stage_of(case) == Stage.STAT_S1


def test_a_resolution_sent_by_post_opens_the_window_when_the_letter_arrives() -> None:
    case = at_stage1()

    response = post(
        officer(),
        case,
        A.RESOLVE_STAGE1,
        on=date(2026, 3, 16),
        complainant_agreed_on=date(2026, 3, 13),
        agreed_how="At a meeting with the team manager",
        reason="An apology and a new contact plan",
        **findings_for(case, sent_by="post"),
    )

    assert response.status_code == 302
    assert stage_of(case) == Stage.RESOLVED_S1
    window = case.clocks.get(rule=Rule.STAGE2_REQUEST_WINDOW)
    assert window.anchor_date == date(2026, 3, 18)  # two working days after posting


def test_a_response_received_before_it_was_sent_is_refused_beside_that_date() -> None:
    case = at_stage1()

    response = post(
        officer(),
        case,
        A.RESPOND_STAGE1,
        received_by_complainant_on=date(2026, 3, 19),
        **findings_for(case),
    )

    assert error_beside(response, "received_by_complainant_on").startswith(
        "The complainant cannot have received the response (19 March 2026) before it was sent"
    )
    assert stage_of(case) == Stage.STAT_S1


def test_a_known_day_of_receipt_is_day_0_of_the_complainants_window() -> None:
    case = at_stage1()

    response = post(
        officer(),
        case,
        A.RESPOND_STAGE1,
        on=date(2026, 3, 16),
        received_by_complainant_on=date(2026, 3, 19),
        **findings_for(case, sent_by="post"),
    )

    assert response.status_code == 302
    assert case.clocks.get(rule=Rule.STAGE2_REQUEST_WINDOW).anchor_date == date(2026, 3, 19)


def test_a_step_dated_before_the_last_one_is_refused_beside_its_date() -> None:
    case = at_stage1()
    take(case, A.ACKNOWLEDGE, date(2026, 2, 4))

    response = post(officer(), case, A.RESPOND_STAGE1, on=date(2026, 2, 3), **findings_for(case))

    assert error_beside(response, "on").startswith("The date of this step (3 February 2026)")


# -- closing while the complainant may still ask for the next stage -----------------------------


def test_closing_in_the_window_needs_the_day_the_complainant_said_they_would_not_go_on() -> None:
    case = responded(date(2026, 3, 16))
    due = case.clocks.get(rule=Rule.STAGE2_REQUEST_WINDOW).effective_due_date
    client = officer()

    page = client.get(action_url(case, A.CLOSE)).text
    refused = post(client, case, A.CLOSE)
    closed = post(client, case, A.CLOSE, complainant_agreed_on=date(2026, 3, 19))

    assert "Date the complainant said they will not take the complaint further" in page
    assert f"They can ask for the next stage until {due:%-d %B %Y}" in page
    assert error_beside(refused, "complainant_agreed_on").startswith(
        f"The complainant has until {due:%-d %B %Y} to ask for stage 2"
    )
    assert closed.status_code == 302
    assert stage_of(case) == Stage.CLOSED


def test_closing_after_the_window_asks_for_no_date() -> None:
    case = responded(date(2026, 2, 9))  # the window closed in early March

    page = officer().get(action_url(case, A.CLOSE)).text

    assert "Date the complainant said they will not take the complaint further" not in page


# -- which field a problem goes beside ----------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "problem", "field"),
    [
        (A.APPOINT_INVESTIGATORS, "Pat Smith works for the council: ...", "investigating_officer"),
        (A.APPOINT_INVESTIGATORS, "Pat declared an interest: enter the reason ...", "reason"),
        (A.CONVENE_PANEL, "Enter the date the panel will meet", "meets_on"),
        (A.CONVENE_PANEL, "The panel date (2 March 2026) must be after ...", "meets_on"),
        (A.CONVENE_PANEL, "The panel should meet by 14 April 2026 ...", "reason"),
        (A.NOT_ACCEPT, "Record when the matter complained about happened: ...", "grounds"),
        (A.RESPOND_STAGE1, "The date of this step (1 March 2026) is before ...", "on"),
        (A.RESPOND_STAGE1, "Something no rule says", None),
    ],
)
def test_each_guard_problem_goes_beside_the_field_it_is_about(action, problem, field) -> None:
    case = at_stage1()
    form = ActionForm(None, action=action, context=ActionContext(case, TODAY))
    form.cleaned_data = {}

    assert form.field_for(problem) == field
