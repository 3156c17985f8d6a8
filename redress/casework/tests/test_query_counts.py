"""The queue and case pages use the same number of queries however many cases and events exist."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redress.cases.services import case_add_note, case_assign, recommendation_add
from redress.cases.tests.factories import received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)


def make_cases(count: int, officer, *, events_each: int) -> list:
    cases = []
    for n in range(count):
        case = received_case(
            TODAY - timedelta(days=1 + (n * 7) % 20), points=("One", "Two", "Three")
        )
        case_assign(case_id=case.pk, assigned_to=officer, team_id=None, by=officer, on=TODAY)
        for i in range(events_each):
            case_add_note(case_id=case.pk, text=f"Note {i}", by=officer, on=TODAY)
            recommendation_add(case_id=case.pk, source="stage1", text=f"R{i}", by=officer, on=TODAY)
        cases.append(case)
    return cases


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("view", ["all", "mine", "overdue", "due", "unassigned", "waiting"])
@time_machine.travel(TODAY, tick=False)
def test_the_queue_uses_a_fixed_number_of_queries(client, django_assert_num_queries, view):
    officer = staff(Role.COMPLAINTS_OFFICER)
    sign_in_as(client, officer)
    url = reverse("casework:queue") + f"?view={view}"
    make_cases(2, officer, events_each=1)
    few = queries_for(client, url)

    make_cases(30, officer, events_each=1)  # more than a page
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


@time_machine.travel(TODAY, tick=False)
def test_the_case_page_uses_a_fixed_number_of_queries(client, django_assert_num_queries):
    officer = staff(Role.COMPLAINTS_OFFICER)
    sign_in_as(client, officer)
    small, large = (
        make_cases(1, officer, events_each=1)[0],
        make_cases(1, officer, events_each=25)[0],
    )
    few = queries_for(client, reverse("casework:case", args=[small.reference]))

    with django_assert_num_queries(few):
        client.get(reverse("casework:case", args=[large.reference]))
