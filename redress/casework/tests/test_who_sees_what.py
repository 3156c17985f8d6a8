"""Who sees what (issue 13 item 5): a responding manager sees the cases assigned to them or their
team; the complaints team, the adjudicator and the director see every case. Assignment offers only
people whose role can act on the case at its stage, and a finished case is not reassigned.

Run on SQLite and on PostgreSQL alike (nothing here is marked `postgres_only`)."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redress.accounts.models import Appointment
from redress.cases.models import Case
from redress.cases.selectors import cases_visible_to, search_cases
from redress.cases.services import case_assign
from redress.cases.services.records import FINISHED_NOT_REASSIGNED
from redress.cases.tests.factories import TeamFactory, independent, received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role
from redress.domain.workflow import FINISHED_STAGES, GuardFailed, Stage

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)

# Which of the four cases each role sees: given to them, given to their team, given to another
# person and team, given to nobody.
EVERY = {"theirs", "team", "other", "nobody"}
SEES = [
    (Role.COMPLAINTS_MANAGER, EVERY),
    (Role.COMPLAINTS_OFFICER, EVERY),
    (Role.ADJUDICATING_OFFICER, EVERY),
    (Role.DIRECTOR, EVERY),
    (Role.AUDITOR, EVERY),
    (Role.RESPONDING_MANAGER, {"theirs", "team"}),
]


def four_cases(user) -> dict[str, Case]:
    """Four cases: one given to `user`, one to `user`'s team, one elsewhere, one to nobody."""
    team, elsewhere = TeamFactory(name="Their team"), TeamFactory(name="Another team")
    user.teams.add(team)
    someone = staff(Role.RESPONDING_MANAGER)
    cases = {name: received_case() for name in ("theirs", "team", "other", "nobody")}
    assigned = {"theirs": (user, None), "team": (someone, team), "other": (someone, elsewhere)}
    for name, (person, to_team) in assigned.items():
        case_assign(case_id=cases[name].pk, assigned_to=person,
                    team_id=to_team.pk if to_team else None, by=None, on=TODAY)  # fmt: skip
    return cases


def names_in(cases: dict[str, Case], text: str) -> set[str]:
    return {name for name, case in cases.items() if case.reference in text}


@pytest.mark.parametrize(("role", "sees"), SEES)
def test_what_each_role_sees(role: Role, sees: set[str]) -> None:
    user = staff(role)
    cases = four_cases(user)
    visible = set(cases_visible_to(user, today=TODAY).values_list("pk", flat=True))
    assert visible == {cases[name].pk for name in sees}
    found = search_cases(user, "contact arrangements", today=TODAY)
    assert {case.pk for case in found} == {cases[name].pk for name in sees}


@pytest.mark.parametrize(("role", "sees"), SEES)
@time_machine.travel(TODAY, tick=False)
def test_the_queue_search_and_case_page_follow(role: Role, sees: set[str]) -> None:
    user = staff(role)
    cases = four_cases(user)
    client = sign_in_as(Client(), user)

    queue = client.get(reverse("casework:queue") + "?view=all")
    search = client.get(reverse("casework:search"), {"q": "contact arrangements"})

    assert names_in(cases, queue.text) == sees
    assert names_in(cases, search.text) == sees
    for name, case in cases.items():
        page = client.get(reverse("casework:case", args=[case.reference]))
        assert page.status_code == (200 if name in sees else 404), name


def test_a_responding_manager_also_sees_a_case_they_are_appointed_to() -> None:
    manager = staff(Role.RESPONDING_MANAGER)
    cases = four_cases(manager)
    Appointment.objects.create(case=cases["other"], person=manager, role=Role.ADJUDICATING_OFFICER,
                               starts_on=TODAY, ends_on=None)  # fmt: skip
    visible = set(cases_visible_to(manager, today=TODAY).values_list("pk", flat=True))
    assert visible == {cases[name].pk for name in ("theirs", "team", "other")}


def test_a_responding_manager_who_also_holds_a_team_role_sees_every_case() -> None:
    user = staff(Role.RESPONDING_MANAGER, Role.COMPLAINTS_OFFICER)
    cases = four_cases(user)
    assert cases_visible_to(user, today=TODAY).count() == len(cases)


@time_machine.travel(TODAY, tick=False)
def test_a_responding_managers_queue_uses_a_fixed_number_of_queries(django_assert_num_queries):
    manager = staff(Role.RESPONDING_MANAGER)
    client = sign_in_as(Client(), manager)
    url = reverse("casework:queue") + "?view=all"
    four_cases(manager)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(10):
        four_cases(manager)
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200


# --- Assignment ----------------------------------------------------------------------------------

# At each stage, who is offered: the roles some row of the lifecycle table lets act from it.
OFFERED = [
    (Stage.RECEIVED, {Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER}),
    (Stage.STAT_S1, {Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER, Role.RESPONDING_MANAGER}),
    (Stage.S2_REPORTS_RECEIVED,
     {Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER, Role.ADJUDICATING_OFFICER}),
    (Stage.PANEL_REPORT_ISSUED,
     {Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER, Role.DIRECTOR}),
]  # fmt: skip
NEVER_OFFERED = [Role.AUDITOR, Role.ADMINISTRATOR]


@pytest.mark.parametrize(("stage", "offered"), OFFERED)
@time_machine.travel(TODAY, tick=False)
def test_assignment_offers_only_people_whose_role_can_act_at_the_stage(
    stage: Stage, offered: set[Role]
) -> None:
    case = received_case()
    Case.objects.filter(pk=case.pk).update(stage=stage)
    people = {role: staff(role) for role in Role if role not in {Role.ADVOCATE}}
    external = independent(Role.INVESTIGATING_OFFICER)
    client = sign_in_as(Client(), people[Role.COMPLAINTS_MANAGER])

    form = client.get(reverse("casework:record", args=[case.reference, "assign"])).text

    for role, person in people.items():
        shown = f'<option value="{person.pk}"' in form
        assert shown == (role in offered), role
    for role in NEVER_OFFERED:
        assert f'<option value="{people[role].pk}"' not in form
    assert f'<option value="{external.pk}"' not in form


@pytest.mark.parametrize("stage", sorted(FINISHED_STAGES))
@time_machine.travel(TODAY, tick=False)
def test_a_finished_case_is_not_reassigned(stage: Stage) -> None:
    case = received_case()
    manager = staff(Role.COMPLAINTS_MANAGER)
    Case.objects.filter(pk=case.pk).update(stage=stage)

    with pytest.raises(GuardFailed, match="cannot be reassigned"):
        case_assign(case_id=case.pk, assigned_to=manager, team_id=None, by=manager, on=TODAY)

    client = sign_in_as(Client(), manager)
    page = client.get(reverse("casework:case", args=[case.reference]))
    assign_url = reverse("casework:record", args=[case.reference, "assign"])
    assert assign_url not in page.text  # the case page does not offer it
    response = client.post(assign_url, {"assigned_to": "", "team": "", "seen_assignee": ""})
    assert response.status_code == 200
    assert FINISHED_NOT_REASSIGNED in response.text
    case.refresh_from_db()
    assert case.assigned_to is None


@time_machine.travel(TODAY, tick=False)
def test_an_open_case_page_offers_assignment() -> None:
    case = received_case()
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))
    page = client.get(reverse("casework:case", args=[case.reference]))
    assert reverse("casework:record", args=[case.reference, "assign"]) in page.text
