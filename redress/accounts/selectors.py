"""Reads of people: who can sign in, and the pool of independent people to appoint from."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from redress.accounts.models import Appointment, Team, User
from redress.domain.roles import Role


def active_user(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


def people_in_role(role: Role) -> QuerySet[User]:
    return User.objects.filter(groups__name=role.value, is_active=True).order_by(
        "last_name", "first_name", "pk"
    )


def pool(role: Role, *, today: date) -> QuerySet[User]:
    """External people in `role` who are available, with how many cases they hold now."""
    return (
        people_in_role(role)
        .filter(is_external=True, available_for_appointment=True)
        .annotate(
            current_cases=Count(
                "appointments",
                filter=Q(appointments__starts_on__lte=today)
                & (Q(appointments__ends_on__isnull=True) | Q(appointments__ends_on__gte=today)),
            )
        )
    )


def staff_who_can_be_assigned() -> QuerySet[User]:
    return User.objects.filter(is_active=True, is_external=False).order_by(
        "last_name", "first_name", "pk"
    )


def staff_in_roles(roles: frozenset[Role]) -> QuerySet[User]:
    """Council staff (not external people) holding any of `roles`: whom a case can be given to."""
    names = sorted(role.value for role in roles)
    return (
        User.objects.filter(is_active=True, is_external=False, groups__name__in=names)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def all_teams() -> QuerySet[Team]:
    return Team.objects.order_by("name")


def team_ids_of(user: User) -> list[int]:
    return list(user.teams.values_list("pk", flat=True))


def current_appointments(user: User, *, today: date) -> QuerySet[Appointment]:
    return Appointment.objects.current_on(today).filter(person=user).select_related("case")


def user_named(username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True).first()
