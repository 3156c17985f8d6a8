"""Factories for tests. Cases are created through the services, as the system creates them."""

from collections.abc import Sequence
from datetime import date, datetime, time

import factory
from django.utils import timezone

from redress.accounts.models import Team, User, role_group
from redress.cases.models import Case, Channel
from redress.cases.services import NewComplaint, PersonDetails, case_receive
from redress.domain.roles import Role


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = "Children's Complaints Team"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")

    @factory.post_generation
    def roles(self, create: bool, roles: Sequence[Role] | None) -> None:
        for role in roles or ():
            self.groups.add(role_group(role))


def staff(*roles: Role, **kwargs: object) -> User:
    return UserFactory(roles=roles or (Role.COMPLAINTS_OFFICER,), **kwargs)


def independent(role: Role = Role.INDEPENDENT_PERSON, **kwargs: object) -> User:
    return UserFactory(roles=(role,), is_external=True, **kwargs)


def received_case(
    received_on: date = date(2026, 3, 18),
    *,
    points: Sequence[str] = ("The social worker did not return my calls",),
    grounds_arose_on: date | None = None,
    at: time = time(10, 0),
) -> Case:
    return case_receive(
        complaint=NewComplaint(
            channel=Channel.EMAIL,
            received_at=timezone.make_aware(datetime.combine(received_on, at)),
            summary="Complaint about contact arrangements",
            people=[
                PersonDetails(role="complainant", name="Sam Parent", complainant_type="parent")
            ],
            points=points,
            grounds_arose_on=grounds_arose_on,
        )
    )
