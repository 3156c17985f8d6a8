"""Staff, independent people and their teams; who is appointed to which case, and until when."""

from datetime import date

from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property

from redress.domain.roles import Person, Role


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """Anyone who signs in: council staff and the external independent people.

    Roles are Django groups named after `redress.domain.roles.Role` (created by a migration).
    """

    teams = models.ManyToManyField(Team, blank=True, related_name="members")
    is_external = models.BooleanField(
        default=False, help_text="From outside the council: sees only cases they are appointed to"
    )
    # Reg 2 of SI 2006/1738: who cannot be an independent person
    is_council_member = models.BooleanField(default=False)
    is_council_officer = models.BooleanField(default=False)
    is_partner_of_member_or_officer = models.BooleanField(
        default=False, verbose_name="is the spouse or civil partner of a council member or officer"
    )
    # The pool of independent people: whether they can take on a new case now.
    available_for_appointment = models.BooleanField(
        default=True, help_text="External people only: offered for new appointments"
    )

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> frozenset[Role]:
        names = {g.name for g in self.groups.all()}
        return frozenset(role for role in Role if role.value in names)

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def as_person(self) -> Person:
        return Person(
            id=self.pk,
            name=str(self),
            is_council_member=self.is_council_member,
            is_council_officer=self.is_council_officer,
            is_partner_of_member_or_officer=self.is_partner_of_member_or_officer,
        )


def role_group(role: Role) -> Group:
    return Group.objects.get_or_create(name=role.value)[0]


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def current_on(self, day: date) -> "AppointmentQuerySet":
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)


class Appointment(models.Model):
    """Someone appointed to one case in one role, from a date until an end date."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="appointments")
    person = models.ForeignKey(User, on_delete=models.PROTECT, related_name="appointments")
    role = models.CharField(max_length=32, choices=[(r.value, r.label) for r in Role])
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    conflict_of_interest_declared = models.TextField(
        blank=True, help_text="What the person declared; empty means they declared none"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["person", "starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.person} as {Role(self.role).label} on {self.case}"
