"""Action forms: offered from the table by role and stage, guard problems as GOV.UK errors, and
the second of two people saving keeps everything they typed."""

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.accounts.models import Appointment
from redress.cases.tests.factories import independent, received_case, staff
from redress.casework.actions import offered_actions
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role
from redress.domain.workflow import TRANSITIONS, Action, Stage

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)


def action_url(case, action: Action) -> str:
    return reverse("casework:action", args=[case.reference, action.value])


def dated(**fields: str) -> dict[str, str]:
    return {"on_day": "20", "on_month": "3", "on_year": "2026", **fields}


@pytest.mark.parametrize(("stage", "action"), sorted(TRANSITIONS))
def test_an_action_is_offered_exactly_to_the_roles_its_row_names(stage, action) -> None:
    row = TRANSITIONS[(stage, action)]
    for role in Role:
        offered = {o.action for o in offered_actions(stage, frozenset({role}))}
        assert (action in offered) == (role in row.roles), (stage, action, role)


@time_machine.travel(TODAY, tick=False)
def test_the_second_person_to_save_sees_what_changed_and_keeps_what_they_typed() -> None:
    case = received_case(date(2026, 3, 18))
    first = sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))
    second = sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))
    assert 'value="received"' in first.get(action_url(case, Action.ACCEPT_STATUTORY)).text
    assert second.get(action_url(case, Action.NOT_ACCEPT)).status_code == 200

    first.post(action_url(case, Action.ACCEPT_STATUTORY), dated(expected_stage="received"))
    typed = "Out of scope: the complaint is about a school, not social care"
    response = second.post(
        action_url(case, Action.NOT_ACCEPT),
        dated(expected_stage="received", grounds="not_about_a_service", reason=typed),
    )

    assert response.status_code == 200
    assert "<title>Error: " in response.text
    assert "Someone else has just updated case" in response.text
    assert "Stage 1: local resolution" in response.text
    assert "Nothing you typed has been lost" in response.text
    assert typed in response.text
    case.refresh_from_db()
    assert case.stage == Stage.STAT_S1


@time_machine.travel(TODAY, tick=False)
def test_guard_problems_show_beside_the_field_and_change_nothing() -> None:
    case = received_case(date(2026, 3, 18))
    manager = sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))

    response = manager.post(action_url(case, Action.NOT_ACCEPT), dated(expected_stage="received"))

    assert response.status_code == 200
    assert 'href="#id_reason"' in response.text  # the error summary links to the field
    assert 'id="id_reason-error"' in response.text
    case.refresh_from_db()
    assert case.stage == Stage.RECEIVED


@time_machine.travel(TODAY, tick=False)
def test_a_date_in_the_future_or_not_a_date_is_refused() -> None:
    case = received_case(date(2026, 3, 18))
    officer = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))

    future = officer.post(
        action_url(case, Action.ACKNOWLEDGE), dated(on_day="21", expected_stage="received")
    )
    nonsense = officer.post(
        action_url(case, Action.ACKNOWLEDGE), dated(on_month="13", expected_stage="received")
    )

    assert "The date must be today or in the past" in future.text
    assert "The date must be a real date" in nonsense.text


@time_machine.travel(TODAY, tick=False)
def test_an_action_the_role_cannot_take_is_refused() -> None:
    case = received_case(date(2026, 3, 18))
    officer = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))  # not accepting is a manager's

    assert officer.get(action_url(case, Action.NOT_ACCEPT)).status_code == 403
    response = officer.post(
        action_url(case, Action.NOT_ACCEPT), dated(expected_stage="received", reason="No")
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.stage == Stage.RECEIVED


@time_machine.travel(TODAY, tick=False)
def test_an_external_person_acts_only_in_the_role_they_are_appointed_to_on_that_case() -> None:
    case = received_case(date(2026, 3, 18))
    person = independent(Role.INVESTIGATING_OFFICER)
    Appointment.objects.create(
        case=case, person=person, role=Role.INDEPENDENT_PERSON, starts_on=TODAY
    )
    client = sign_in_as(Client(), person)

    page = client.get(reverse("casework:case", args=[case.reference]))

    assert page.status_code == 200
    assert "There is nothing for you to do on this case at this stage" in page.text
    assert client.get(action_url(case, Action.WITHDRAW)).status_code == 403


@time_machine.travel(TODAY, tick=False)
def test_the_case_page_explains_each_clock_and_records_the_view() -> None:
    case = received_case(date(2026, 3, 18))
    officer = staff(Role.COMPLAINTS_OFFICER)
    client = sign_in_as(Client(), officer)

    page = client.get(reverse("casework:case", args=[case.reference]))

    assert "Day 0 is the date the complaint was received: 18 March 2026" in page.text
    assert "not counting that day" in page.text
    assert case.views.filter(by=officer).count() == 1
