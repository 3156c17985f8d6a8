"""The report pages and files open for the people who need them, and for nobody else."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from redress.cases.tests.factories import independent, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db

PAGES = ["reports:dashboard", "reports:annual", "reports:annual_pdf", "reports:annual_xlsx"]
READERS = [Role.COMPLAINTS_MANAGER, Role.DIRECTOR, Role.AUDITOR, Role.ADMINISTRATOR]


@time_machine.travel(date(2026, 5, 1), tick=False)
@pytest.mark.parametrize("role", READERS)
def test_managers_directors_auditors_and_administrators_get_the_reports(signed_in, role):
    client = signed_in(staff(role))

    for name in PAGES:
        assert client.get(reverse(name)).status_code == 200, name


@pytest.mark.parametrize("role", [Role.COMPLAINTS_OFFICER, Role.RESPONDING_MANAGER])
@pytest.mark.parametrize("name", PAGES)
def test_other_staff_are_refused(signed_in, role, name):
    assert signed_in(staff(role)).get(reverse(name)).status_code == 403


def test_an_external_person_is_refused_even_with_a_manager_role(signed_in):
    outsider = independent(Role.INDEPENDENT_PERSON)
    outsider.groups.add(*staff(Role.COMPLAINTS_MANAGER).groups.all())

    assert signed_in(outsider).get(reverse("reports:annual")).status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(reverse("reports:annual"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:sign_in"))
