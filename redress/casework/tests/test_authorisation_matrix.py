"""The authorisation matrix: every URL in the project, for every role, denied by default.

URLs come from the URLconf at test time, so a page added anywhere is checked without editing
this file. A page is open to a role only if its view says so (`staff_view(roles)` keeps the roles
on the view as `allowed_roles`) or it is on the explicit public allow-list below; everything
else must turn every role away. External people reach only the cases they are appointed to, and
only while the appointment lasts.
"""

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from redress.accounts.models import Appointment, User
from redress.cases.models import Case
from redress.cases.tests.factories import independent, received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import EXTERNAL_ROLES, Role

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 20)
# Open to anyone, signed in or not: the public site (its pages, the health check) and the way in
# and out.
PUBLIC_NAMESPACES = {"core", "intake"}
PUBLIC_NAMES = {
    "admin:logout",
    "casework:sign_in",
    "casework:sign_in_code",
    "casework:sign_in_set_up",
    "casework:recovery_codes",
    "casework:sign_out",
    "casework:signed_out",
}
# Pages whose every allowed role must get the page itself (no per-case condition applies).
PLAIN_PAGES = {
    "casework:queue",
    "casework:search",
    "casework:audit",
    "casework:audit_export",
    "casework:case",
}
# Sample values for URL parameters, by name.
SAMPLES = {
    "action": "withdraw",
    "record": "note",
    "key": "1",
    "app_label": "cases",
    "model_name": "case",
    "object_id": "1",
    "content_type_id": "1",
    "pk": "1",
    "id": "1",
    "uidb64": "MQ",
    "token": "x",
}


def every_named_url(
    resolver: URLResolver | None = None, prefix: str = "", params: tuple[str, ...] = ()
) -> list[tuple[str, Any, tuple[str, ...]]]:
    """(namespaced name, pattern, every URL parameter it needs) for each named URL."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        here = params + tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += every_named_url(entry, namespace, here)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{prefix}{entry.name}", entry, here))
    return found


def concrete(name: str, params: tuple[str, ...], reference: str) -> str | None:
    kwargs = {k: reference if k == "reference" else SAMPLES.get(k, "1") for k in params}
    for args in ((), ("1",), ("1", "1")):  # some admin URLs have unnamed groups
        try:
            return reverse(name, args=args) if args else reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def is_denied(response: Any) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        # The admin sends people to its own login URL, which sends them on to ours.
        to = response["Location"]
        return to.startswith((reverse("casework:sign_in"), reverse("admin:login")))
    return False


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    with time_machine.travel(TODAY, tick=False):
        appointed_case = received_case(TODAY - timedelta(days=2))
        other_case = received_case(TODAY - timedelta(days=2))
    people: dict[Role, User] = {}
    for role in Role:
        if role in EXTERNAL_ROLES:
            person = independent(role)
            Appointment.objects.create(
                case=appointed_case, person=person, role=role, starts_on=TODAY - timedelta(days=1)
            )
        else:
            person = staff(role)
        people[role] = person
    # Changed with issue 13 item 5 ("Who sees what"): a responding manager now sees only the
    # cases given to them or their team, so the sample case is given to them; before, every
    # council role saw every case. What each role sees is in test_who_sees_what.py.
    Case.objects.filter(pk=appointed_case.pk).update(assigned_to=people[Role.RESPONDING_MANAGER])
    return {"case": appointed_case, "other": other_case, "people": people}


@time_machine.travel(TODAY, tick=False)
def test_every_url_turns_away_every_role_it_does_not_name(world: dict[str, Any]) -> None:
    case = world["case"]
    urls = every_named_url()
    assert len(urls) > 20
    unreachable, problems = [], []
    clients = {role: sign_in_as(Client(), person) for role, person in world["people"].items()}
    for name, pattern, params in urls:
        url = concrete(name, params, case.reference)
        if url is None:
            unreachable.append(name)
            continue
        public = name in PUBLIC_NAMES or name.split(":")[0] in PUBLIC_NAMESPACES
        allowed = frozenset(getattr(pattern.callback, "allowed_roles", frozenset()))
        if public:
            continue
        anonymous = Client().get(url)
        if not is_denied(anonymous):
            problems.append(f"{name}: anonymous got {anonymous.status_code}")
        for role, client in clients.items():
            response = client.get(url)
            if role not in allowed and not is_denied(response):
                problems.append(f"{name}: {role} got {response.status_code}, expected a refusal")
            if role in allowed and name in PLAIN_PAGES and response.status_code != 200:
                problems.append(f"{name}: {role} got {response.status_code}, expected the page")
    assert problems == [], "\n".join(problems)
    assert unreachable == [], "add a sample value for these URLs' parameters"


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("role", sorted(EXTERNAL_ROLES))
def test_external_people_reach_only_the_case_they_are_appointed_to(world, role) -> None:
    client = sign_in_as(Client(), world["people"][role])

    assert client.get(reverse("casework:case", args=[world["case"].reference])).status_code == 200
    assert client.get(reverse("casework:case", args=[world["other"].reference])).status_code == 404
    assert client.get(reverse("casework:queue")).status_code == 403
    assert client.get(reverse("casework:search"), {"q": "contact"}).status_code == 403


@pytest.mark.parametrize(
    ("starts", "ends", "visible"),
    [
        (TODAY - timedelta(days=5), None, True),
        (TODAY - timedelta(days=5), TODAY, True),  # the last day of the appointment
        (TODAY - timedelta(days=5), TODAY - timedelta(days=1), False),  # it has ended
        (TODAY + timedelta(days=1), None, False),  # it has not started
    ],
)
def test_an_external_person_sees_the_case_only_while_the_appointment_lasts(starts, ends, visible):
    with time_machine.travel(TODAY, tick=False):
        case = received_case(TODAY - timedelta(days=2))
        person = independent(Role.INVESTIGATING_OFFICER)
        Appointment.objects.create(
            case=case,
            person=person,
            role=Role.INVESTIGATING_OFFICER,
            starts_on=starts,
            ends_on=ends,
        )
        response = sign_in_as(Client(), person).get(reverse("casework:case", args=[case.reference]))

    assert response.status_code == (200 if visible else 404)


def test_a_password_alone_is_not_enough_to_open_a_staff_page(world) -> None:
    client = Client()
    client.force_login(world["people"][Role.COMPLAINTS_OFFICER])  # no second factor

    response = client.get(reverse("casework:queue"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:sign_in"))
