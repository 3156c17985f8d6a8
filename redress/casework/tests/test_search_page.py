"""The search page finds a case by what a caller quotes, says what was searched and shows the
matches (issue 13 item 9, docs/adr/0017-search-what-callers-quote.md)."""

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.cases.models import CasePerson
from redress.cases.tests.factories import received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "text", ["+44 7700 900 123", "sam@example.org", "sw1a1aa", "3 April 2015", "00001"]
)
def test_the_page_says_what_was_searched_and_shows_the_case_it_found(text: str) -> None:
    case, other = received_case(date(2026, 3, 18)), received_case(date(2026, 3, 18))
    case.people.update(
        phone="07700 900123", email="Sam@Example.org", postal_address="1 High St\nSW1A 1AA"
    )
    CasePerson.objects.create(case=case, role="child", name="Ash", date_of_birth=date(2015, 4, 3))
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_OFFICER))

    response = client.get(reverse("casework:search"), {"q": text})

    assert response.status_code == 200
    assert f"1 case found for \u2018{text}\u2019." in response.text
    assert case.reference in response.text
    assert other.reference not in response.text
