"""Clocks: every deadline the procedure sets, stored with its due dates (domain.md §8).

Due dates are stored (not derived on each read) so that "overdue" and "due this week" are one
indexed query; `manage.py recalculate_deadlines` moves open clocks when the calendar changes.
"""

from datetime import date

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce

from redress.cases.models.choices import choices_of
from redress.domain.rules import Rule
from redress.domain.workflow import Anchor


class ClockQuerySet(models.QuerySet["Clock"]):
    def running(self) -> "ClockQuerySet":
        return self.filter(completed_on__isnull=True)

    def with_effective_due(self) -> "ClockQuerySet":
        return self.annotate(effective_due=Coalesce("extended_due_date", "due_date"))

    def overdue_on(self, day: date) -> "ClockQuerySet":
        return self.running().with_effective_due().filter(effective_due__lt=day)


class Clock(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="clocks")
    rule = models.CharField(max_length=32, choices=choices_of(Rule))
    anchor_type = models.CharField(max_length=32, choices=choices_of(Anchor))
    anchor_date = models.DateField(help_text="Day 0: not counted")
    working_days = models.PositiveSmallIntegerField()
    due_date = models.DateField()
    extended_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    extended_due_date = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    extension_notified_on = models.DateField(null=True, blank=True)
    complainant_agreed = models.BooleanField(null=True, blank=True)
    complainant_agreed_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    met = models.BooleanField(null=True, blank=True)
    stopped_by = models.CharField(
        max_length=40, blank=True, help_text="The action that stopped it, e.g. respond_stage1"
    )
    breach_reason = models.TextField(blank=True)

    objects = ClockQuerySet.as_manager()

    class Meta:
        ordering = ["anchor_date", "pk"]
        indexes = [
            models.Index(
                Coalesce("extended_due_date", "due_date"),
                name="running_clock_due",
                condition=Q(completed_on__isnull=True),
            ),
            models.Index(fields=["case", "rule"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule"],
                condition=Q(completed_on__isnull=True),
                name="one_running_clock_per_rule",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.rule} due {self.effective_due_date}"

    @property
    def effective_due_date(self) -> date:
        return self.extended_due_date or self.due_date

    @property
    def is_running(self) -> bool:
        return self.completed_on is None
