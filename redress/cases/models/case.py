"""The case record (domain.md §8): reference, route, stage, council profile, receipt."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from redress.cases.models.choices import choices_of
from redress.domain.facts import DeferralReason, Discretion, Route
from redress.domain.ombudsman import OmbudsmanStatus
from redress.domain.workflow import FINISHED_STAGES, Stage

# Stages where a case is finished, as stored: the open-cases index and the queues use this list.
FINISHED_STAGE_VALUES = sorted(stage.value for stage in FINISHED_STAGES)


class Channel(models.TextChoices):
    """How the complaint reached the council (annual report table 9)."""

    ONLINE_FORM = "online_form", "Online form"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    RECORDING = "recording", "Video or audio recording"
    OMBUDSMAN_REFERRAL = "ombudsman_referral", "Ombudsman referral"
    MP_OR_COUNCILLOR = "mp_or_councillor", "MP or councillor enquiry"


class ReferenceSequence(models.Model):
    """The last reference number issued in a year: CSC-2026-00042."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Case(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    route = models.CharField(max_length=20, choices=choices_of(Route), default=Route.UNDECIDED)
    stage = models.CharField(max_length=32, choices=choices_of(Stage), default=Stage.RECEIVED)
    ombudsman_status = models.CharField(
        max_length=24, choices=choices_of(OmbudsmanStatus), default=OmbudsmanStatus.NONE
    )
    profile = models.CharField(
        max_length=60, help_text="The council profile whose timescales this case runs on"
    )
    received_on = models.DateField(help_text="Day 0 of the receipt clocks (deemed receipt applied)")
    received_at = models.DateTimeField(null=True, blank=True, help_text="When it actually arrived")
    channel = models.CharField(max_length=24, choices=Channel.choices)
    summary = models.TextField(help_text="What the complaint is about, in a sentence or two")
    service_area = models.CharField(max_length=60, blank=True)
    desired_outcome = models.TextField(blank=True)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    # One-year time limit (domain.md §3.3): both limbs of the discretion test are recorded.
    grounds_arose_on = models.DateField(null=True, blank=True)
    late = models.BooleanField(default=False)
    late_discretion = models.CharField(max_length=10, choices=choices_of(Discretion), blank=True)
    late_not_reasonable_to_expect = models.TextField(
        blank=True, verbose_name="why it was not reasonable to expect a complaint in time"
    )
    late_still_possible_to_consider = models.TextField(
        blank=True, verbose_name="why it is still possible to consider it effectively and fairly"
    )
    # Deferral while proceedings run (domain.md §3.4)
    deferral_reason = models.CharField(
        max_length=24, choices=choices_of(DeferralReason), blank=True
    )
    deferral_review_on = models.DateField(null=True, blank=True)
    advocacy_offered = models.BooleanField(default=False)
    advocate_involved = models.BooleanField(default=False)
    linked_cases = models.ManyToManyField("self", blank=True, symmetrical=True)
    closed_on = models.DateField(null=True, blank=True)
    # Denormalised from the running clocks by the services (`case_refresh_deadlines`), so the
    # work queues filter and sort on one indexed column of one table.
    next_due_on = models.DateField(
        null=True, blank=True, help_text="The earliest running deadline the council must meet"
    )
    next_due_rule = models.CharField(max_length=32, blank=True)
    waiting_until = models.DateField(
        null=True,
        blank=True,
        help_text="While a window to ask for the next stage is open: its last day",
    )
    legal_hold = models.BooleanField(
        default=False, help_text="Blocks deletion (for example the IICSA retention instruction)"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["stage"]),
            models.Index(fields=["received_on"]),
            models.Index(fields=["team", "stage"]),
            models.Index(fields=["assigned_to", "stage"]),
            models.Index(
                fields=["next_due_on", "id"],
                name="case_next_due",
                condition=Q(next_due_on__isnull=False),
            ),
            # Open cases (a few thousand among a million): the queues and their counts read
            # only these.
            models.Index(
                fields=["next_due_on", "id"],
                name="case_open_due",
                condition=~Q(stage__in=FINISHED_STAGE_VALUES),
            ),
            models.Index(
                fields=["assigned_to", "next_due_on", "id"],
                name="case_open_assigned",
                condition=~Q(stage__in=FINISHED_STAGE_VALUES),
            ),
            models.Index(
                fields=["team", "next_due_on", "id"],
                name="case_open_team",
                condition=~Q(stage__in=FINISHED_STAGE_VALUES),
            ),
            models.Index(
                fields=["waiting_until"],
                name="case_waiting",
                condition=Q(waiting_until__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def stage_enum(self) -> Stage:
        return Stage(self.stage)
