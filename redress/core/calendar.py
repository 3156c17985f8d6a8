"""The working-day calendars this deployment counts with (domain.md §2.1).

`working_calendar()` is the statutory one, fixed by Reg 2 of SI 2006/1738: England and Wales bank
holidays from the `holidays` package plus the bank holidays an administrator adds
(`NonWorkingDay.Kind.BANK_HOLIDAY`, for a one-off Royal proclamation). A council closure day is a
working day in law, so it is not in this calendar and moves no statutory clock.

`corporate_calendar(profile)` counts the corporate procedure's clocks (`CORPORATE_RULES`): the
statutory calendar, plus the council's closure days only where its profile sets
`[corporate] closure_days_are_non_working`.

Building a calendar precomputes its lookups, so both are cached and rebuilt only when the extra
days change.
"""

from collections.abc import Iterable
from datetime import date
from functools import cache

from django.db.models.signals import post_delete, post_save

from redress.core.models import DayKind, NonWorkingDay
from redress.domain.profiles import CouncilProfile
from redress.domain.working_days import WorkingCalendar


def _extra_days(kinds: Iterable[DayKind]) -> dict[date, str]:
    return dict(NonWorkingDay.objects.filter(kind__in=list(kinds)).values_list("date", "name"))


@cache
def working_calendar() -> WorkingCalendar:
    """The statutory calendar: bank holidays (with the administrator's), never closure days."""
    return WorkingCalendar.england_and_wales(extra=_extra_days([DayKind.BANK_HOLIDAY]))


@cache
def _calendar_with_closure_days() -> WorkingCalendar:
    return WorkingCalendar.england_and_wales(
        extra=_extra_days([DayKind.BANK_HOLIDAY, DayKind.COUNCIL_CLOSURE])
    )


def corporate_calendar(profile: CouncilProfile) -> WorkingCalendar:
    """The calendar for `profile`'s corporate clocks: `working_calendar()` itself (the same
    object) unless the profile makes the council's closure days non-working."""
    if profile.corporate.closure_days_are_non_working:
        return _calendar_with_closure_days()
    return working_calendar()


def forget_calendar(**_: object) -> None:
    """Forget both calendars, so the next count reads the extra days again."""
    working_calendar.cache_clear()
    _calendar_with_closure_days.cache_clear()


# Cache invalidation only: no procedure flow hangs off these signals.
post_save.connect(forget_calendar, sender=NonWorkingDay, dispatch_uid="calendar-save")
post_delete.connect(forget_calendar, sender=NonWorkingDay, dispatch_uid="calendar-delete")
