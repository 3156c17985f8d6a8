"""Shared records: the administrator's extra non-working days."""

from django.db import models


class DayKind(models.TextChoices):
    """Which clocks an extra non-working day moves (see `NonWorkingDay`)."""

    BANK_HOLIDAY = (
        "bank_holiday",
        "Bank holiday proclaimed under the Banking and Financial Dealings Act 1971 — "
        "moves every clock",
    )
    COUNCIL_CLOSURE = (
        "council_closure",
        "Council closure day — moves no statutory clock; corporate clocks only where the "
        "council's profile says so",
    )


class NonWorkingDay(models.Model):
    """A one-off non-working day the `holidays` package cannot know about, and which kind it is.

    Reg 2 of SI 2006/1738 fixes what a working day is: any day but a weekend, Christmas Day, Boxing
    Day, Good Friday or a bank holiday under the Banking and Financial Dealings Act 1971, including
    days added by Royal proclamation (for example 8 May 2023). Such a day is a `BANK_HOLIDAY` and
    moves every clock. A council's own closure day (29-31 December, say) is not in that list
    (domain.md §2.1): it moves no statutory clock, and moves the corporate procedure's clocks only
    where the council profile says `[corporate] closure_days_are_non_working = true`.
    After adding, changing or removing a day, `manage.py recalculate_deadlines` moves the open
    clocks (`redress.core.calendar` holds the two calendars).
    """

    Kind = DayKind

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100, help_text="For example: Coronation of King Charles III")
    # No default: whether a day moves the statutory clocks is a choice the administrator makes.
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        help_text=(
            "A bank holiday (including a one-off day proclaimed under the Banking and Financial "
            "Dealings Act 1971) is not a working day under Reg 2, so it moves every clock, "
            "statutory and corporate. A council closure day is still a working day in law: it "
            "moves no statutory clock, and moves the corporate procedure's clocks only where "
            "the council's profile treats closure days as non-working."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "extra non-working day"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=DayKind.values),
                name="core_nonworkingday_kind_known",
                violation_error_message="Choose whether the day is a bank holiday or a closure day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.name}"
