"""Recomputing running clocks after the calendar changes (a new one-off bank holiday, say).

Due dates are stored, so when an administrator adds or removes a non-working day every running
clock is counted again from its own anchor with its own number of working days.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from redress.cases.models import Clock
from redress.cases.services import cases_refresh_deadlines
from redress.domain.working_days import WorkingCalendar


@dataclass(frozen=True)
class MovedClock:
    reference: str
    rule: str
    was: date
    now: date


@transaction.atomic
def clocks_recalculate(*, calendar: WorkingCalendar) -> list[MovedClock]:
    moved: list[MovedClock] = []
    changed: list[Clock] = []
    running = Clock.objects.running().select_related("case").select_for_update(of=("self",))
    for clock in running.order_by("pk").iterator(chunk_size=2000):
        due = calendar.add_working_days(clock.anchor_date, clock.working_days)
        extended = (
            calendar.add_working_days(clock.anchor_date, clock.extended_working_days)
            if clock.extended_working_days
            else None
        )
        if (due, extended) == (clock.due_date, clock.extended_due_date):
            continue
        moved.append(
            MovedClock(clock.case.reference, clock.rule, clock.effective_due_date, extended or due)
        )
        clock.due_date, clock.extended_due_date = due, extended
        changed.append(clock)
    Clock.objects.bulk_update(changed, ["due_date", "extended_due_date"], batch_size=2000)
    # The queues sort on each case's next due date: refresh it for the cases whose clocks moved.
    cases_refresh_deadlines(case_ids=sorted({clock.case_id for clock in changed}))
    return moved
