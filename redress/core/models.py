"""Shared records: the administrator's extra non-working days."""

from django.db import models


class NonWorkingDay(models.Model):
    """A one-off non-working day the `holidays` package cannot know about.

    Reg 2 of SI 2006/1738 counts every bank holiday under the Banking and Financial Dealings Act
    1971, including days added by Royal proclamation (for example 8 May 2023). An administrator
    adds such a day here; `manage.py recalculate_deadlines` then moves the open clocks.
    """

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100, help_text="For example: Coronation of King Charles III")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "extra non-working day"

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.name}"
