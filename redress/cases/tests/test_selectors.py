"""Who sees which cases: staff see the council's cases; external people only their appointments."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from redress.accounts.models import Appointment
from redress.cases.facts import case_facts
from redress.cases.selectors import cases_visible_to
from redress.cases.tests.factories import independent, received_case, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db


def test_council_staff_see_every_case() -> None:
    cases = {received_case().pk, received_case().pk}
    assert set(cases_visible_to(staff()).values_list("pk", flat=True)) == cases


def test_nobody_signed_out_or_deactivated_sees_any_case() -> None:
    received_case()
    assert not cases_visible_to(AnonymousUser()).exists()  # type: ignore[arg-type]
    assert not cases_visible_to(staff(is_active=False)).exists()


@pytest.mark.parametrize(
    ("today", "sees_it"),
    [
        (date(2026, 3, 31), False),  # before the appointment
        (date(2026, 4, 1), True),
        (date(2026, 6, 30), True),  # the last day
        (date(2026, 7, 1), False),  # after it ended
    ],
)
def test_an_independent_person_sees_only_their_case_and_only_while_appointed(
    today: date, sees_it: bool
) -> None:
    theirs, other = received_case(), received_case()
    person = independent()
    Appointment.objects.create(case=theirs, person=person, role=Role.INDEPENDENT_PERSON,
                               starts_on=date(2026, 4, 1), ends_on=date(2026, 6, 30))  # fmt: skip

    visible = set(cases_visible_to(person, today=today).values_list("pk", flat=True))

    assert visible == ({theirs.pk} if sees_it else set())
    assert other.pk not in visible


def test_case_facts_name_the_current_investigators_and_every_stage_2_independent_person() -> None:
    case = received_case()
    officer, first_ip, second_ip = (
        independent(Role.INVESTIGATING_OFFICER),
        independent(),
        independent(),
    )
    Appointment.objects.create(case=case, person=officer, role=Role.INVESTIGATING_OFFICER,
                               starts_on=date(2026, 1, 1))  # fmt: skip
    Appointment.objects.create(case=case, person=first_ip, role=Role.INDEPENDENT_PERSON,
                               starts_on=date(2026, 1, 1), ends_on=date(2026, 1, 31))  # fmt: skip
    Appointment.objects.create(case=case, person=second_ip, role=Role.INDEPENDENT_PERSON,
                               starts_on=date(2026, 2, 1))  # fmt: skip

    facts = case_facts(case)

    assert facts.investigating_officer == officer.as_person()
    assert facts.independent_person == second_ip.as_person()
    assert facts.stage2_independent_person_ids == {first_ip.pk, second_ip.pk}
