"""The staff pages render for the people who use them, and say what they should."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from redress.cases.tests.factories import received_case, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_a_complaints_officer_sees_the_queue_and_the_case_page(signed_in):
    officer = staff(Role.COMPLAINTS_OFFICER)
    case = received_case(date(2026, 3, 18))
    client = signed_in(officer)

    queue = client.get(reverse("casework:queue"))
    page = client.get(reverse("casework:case", args=[case.reference]))

    assert queue.status_code == 200
    assert case.reference in queue.text
    assert page.status_code == 200
    assert "Day 0 is the date the complaint was received" in page.text
    assert "Accept under the statutory procedure" in page.text
