"""The staff menu offers each person the parts of the service their roles open to them."""

import pytest
from django.test import RequestFactory

from redress.cases.tests.factories import independent, staff
from redress.casework.context_processors import staff as staff_menu
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db


def menu_for(user) -> list[str]:
    request = RequestFactory().get("/staff/")
    user.is_verified = lambda: True  # as django-otp's middleware marks a two-factor sign-in
    request.user = user
    return [text for _, text, _ in staff_menu(request)["staff_menu"]]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.COMPLAINTS_MANAGER, {"Letters", "Dashboard", "Annual report"}),
        (Role.COMPLAINTS_OFFICER, {"Letters"}),
        (Role.DIRECTOR, {"Dashboard", "Annual report"}),
        (Role.RESPONDING_MANAGER, set()),
    ],
)
def test_letters_and_reports_appear_only_for_the_roles_that_may_open_them(role, expected):
    assert set(menu_for(staff(role))) & {"Letters", "Dashboard", "Annual report"} == expected


def test_external_people_see_only_their_own_cases_in_the_menu():
    assert menu_for(independent()) == ["My cases"]
