"""Keep the `WorkingDay` table in step with the working calendar (bank holidays plus the
administrator's extra non-working days).

The table is rebuilt only when the calendar's fingerprint (its range and its non-working weekdays)
changes, so a report normally pays one small query here. `working_calendar()` is itself cached
and forgotten when an administrator changes a non-working day, so the next report notices.
"""

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction

from redress.core.calendar import working_calendar
from redress.domain.working_days import WorkingCalendar
from redress.reports.models import WorkingDay, WorkingDayCalendar

_fingerprints: dict[int, tuple[WorkingCalendar, str]] = {}


def _days(calendar: WorkingCalendar) -> Iterator[date]:
    day = calendar.first
    while day <= calendar.last:
        yield day
        day += timedelta(days=1)


def fingerprint(calendar: WorkingCalendar) -> str:
    known = _fingerprints.get(id(calendar))
    if known is not None and known[0] is calendar:
        return known[1]
    digest = hashlib.sha256(f"{calendar.first}:{calendar.last}".encode())
    for day in _days(calendar):
        if day.weekday() < 5 and not calendar.is_working_day(day):
            digest.update(day.isoformat().encode())
    _fingerprints.clear()
    _fingerprints[id(calendar)] = (calendar, digest.hexdigest())
    return _fingerprints[id(calendar)][1]


def ensure_working_days() -> None:
    """Build, or rebuild, the table when the calendar differs from the one it was built from."""
    calendar = working_calendar()
    wanted = fingerprint(calendar)
    if WorkingDayCalendar.objects.filter(fingerprint=wanted).exists():
        return
    try:
        _build(calendar, wanted)
    except IntegrityError:
        # Two first builds at once: the other one won, and its rows are the same as ours.
        if not WorkingDayCalendar.objects.filter(fingerprint=wanted).exists():
            raise


def _build(calendar: WorkingCalendar, wanted: str) -> None:
    with transaction.atomic():
        # Lock out a second builder: it waits here, then finds the work done.
        list(WorkingDayCalendar.objects.select_for_update())
        if WorkingDayCalendar.objects.filter(fingerprint=wanted).exists():
            return
        fill(WorkingDay, WorkingDayCalendar, calendar)


def fill(working_day: Any, snapshot: Any, calendar: WorkingCalendar) -> None:
    """Replace the rows with `calendar`'s. Takes the models as arguments so that the migration
    that first fills the table can pass its historical models."""
    snapshot.objects.all().delete()
    working_day.objects.all().delete()
    first = calendar.first
    working_day.objects.bulk_create(
        (
            working_day(day=day, ordinal=calendar.working_days_between(first, day))
            for day in _days(calendar)
        ),
        batch_size=5000,
    )
    snapshot.objects.create(fingerprint=fingerprint(calendar))
