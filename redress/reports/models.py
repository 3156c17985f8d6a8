"""The working-day calendar as a table, so SQL can count working days between two dates.

`ordinal` is the number of working days from the calendar's first date up to and including `day`,
so the working days strictly after `a` up to and including `b` are `ordinal(b) - ordinal(a)`:
the same count as `WorkingCalendar.working_days_between(a, b)` (domain.md §2.2). Joining a clock's
anchor and completion dates to this table gives "average working days to respond" in one
aggregate query. The rows are generated from `working_calendar()` and rebuilt when its
non-working days change (`redress.reports.calendar_table`).
"""

from django.db import models


class WorkingDay(models.Model):
    day = models.DateField(primary_key=True)
    ordinal = models.PositiveIntegerField()

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day}: {self.ordinal}"


class WorkingDayCalendar(models.Model):
    """One row: a fingerprint of the calendar the `WorkingDay` rows were built from."""

    fingerprint = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.fingerprint
