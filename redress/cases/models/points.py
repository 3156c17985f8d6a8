"""Complaint points and the finding on each at each stage (domain.md §4.1)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from redress.cases.models.choices import choices_of
from redress.domain.facts import Route
from redress.domain.findings import Finding, FindingStage


class ComplaintPoint(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="points")
    number = models.PositiveSmallIntegerField()
    summary = models.TextField()
    route = models.CharField(max_length=20, choices=choices_of(Route), default=Route.UNDECIDED)
    route_reason = models.TextField(blank=True)
    desired_outcome = models.TextField(blank=True)
    theme = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_number_per_point")
        ]

    def __str__(self) -> str:
        return f"{self.case} point {self.number}"


class PointFinding(models.Model):
    point = models.ForeignKey(ComplaintPoint, on_delete=models.CASCADE, related_name="findings")
    # The point's case, kept here so that the annual report reads findings without the points.
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=24, choices=choices_of(FindingStage))
    finding = models.CharField(max_length=24, choices=choices_of(Finding))
    rationale = models.TextField(blank=True)
    # Stage 2: the independent person's view of the investigating officer's finding
    independent_person_agrees = models.BooleanField(null=True, blank=True)
    independent_person_comment = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    # The point's theme, kept in step by the services, for the same reason.
    theme = models.CharField(max_length=60, blank=True)
    given_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day the response giving this finding was sent (workflow.FINDINGS_GIVEN)",
    )

    class Meta:
        ordering = ["point", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["point", "stage"], name="one_finding_per_point_stage")
        ]
        indexes = [
            # The annual report's outcomes: findings given in a period, read from the index alone.
            models.Index(
                fields=["given_on", "stage"],
                include=["case", "finding", "theme"],
                name="finding_given",
                condition=Q(given_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.point}: {self.get_finding_display()} at {self.stage}"
