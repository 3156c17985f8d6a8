"""The working-day calendar this deployment counts with: England and Wales bank holidays from the
`holidays` package plus the administrator's extra non-working days (`NonWorkingDay`).

Building the calendar precomputes its lookups, so it is cached and rebuilt only when the extra days
change.
"""

from functools import cache

from django.db.models.signals import post_delete, post_save

from redress.core.models import NonWorkingDay
from redress.domain.working_days import WorkingCalendar


@cache
def working_calendar() -> WorkingCalendar:
    extra = dict(NonWorkingDay.objects.values_list("date", "name"))
    return WorkingCalendar.england_and_wales(extra=extra)


def forget_calendar(**_: object) -> None:
    working_calendar.cache_clear()


# Cache invalidation only: no procedure flow hangs off these signals.
post_save.connect(forget_calendar, sender=NonWorkingDay, dispatch_uid="calendar-save")
post_delete.connect(forget_calendar, sender=NonWorkingDay, dispatch_uid="calendar-delete")
