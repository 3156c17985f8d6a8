"""Recomputing running clocks after the calendar changes (a new one-off bank holiday, say).

Due dates are stored, so when an administrator adds or removes a non-working day every running
clock is counted again from its own anchor with its own number of working days, on the calendar
its rule counts with: the corporate procedure's clocks (`CORPORATE_RULES`) on the corporate
calendar of the case's council profile, which may skip the council's closure days; every other
clock on the statutory calendar of Reg 2, which never does (domain.md §2.1).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from redress.cases.models import Clock
from redress.cases.services import cases_refresh_deadlines
from redress.core.calendar import corporate_calendar, working_calendar
from redress.core.council import profile_named
from redress.domain.rules import CORPORATE_RULES
from redress.domain.working_days import WorkingCalendar

# A case's council profile (its slug, `Case.profile`) -> the calendar for its corporate clocks.
CorporateCalendarFor = Callable[[str], WorkingCalendar]


@dataclass(frozen=True)
class MovedClock:
    reference: str
    rule: str
    was: date
    now: date


def deployment_corporate_calendar(profile_slug: str) -> WorkingCalendar:
    """The deployment's corporate calendar for a case on the council profile `profile_slug`."""
    return corporate_calendar(profile_named(profile_slug))


@transaction.atomic
def clocks_recalculate(
    *,
    calendar: WorkingCalendar | None = None,
    corporate_calendar_for: CorporateCalendarFor | None = None,
) -> list[MovedClock]:
    """Count every running clock again, and return those whose due dates moved.

    `calendar` counts the statutory clocks and `corporate_calendar_for(case.profile)` the
    corporate ones. Given neither, they are the deployment's (`working_calendar()` and
    `corporate_calendar(profile)`); a `calendar` given alone counts every clock, as it does in
    `workflow.plan`.
    """
    if calendar is None:
        statutory = working_calendar()
        corporate_for = corporate_calendar_for or deployment_corporate_calendar
    else:
        statutory = calendar
        corporate_for = corporate_calendar_for or (lambda _slug: calendar)
    corporate_by_profile: dict[str, WorkingCalendar] = {}

    def calendar_for(clock: Clock) -> WorkingCalendar:
        if clock.rule not in CORPORATE_RULES:
            return statutory
        slug = clock.case.profile
        if slug not in corporate_by_profile:
            corporate_by_profile[slug] = corporate_for(slug)
        return corporate_by_profile[slug]

    moved: list[MovedClock] = []
    changed: list[Clock] = []
    running = Clock.objects.running().select_related("case").select_for_update(of=("self",))
    for clock in running.order_by("pk").iterator(chunk_size=2000):
        counting = calendar_for(clock)
        due = counting.add_working_days(clock.anchor_date, clock.working_days)
        extended = (
            counting.add_working_days(clock.anchor_date, clock.extended_working_days)
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
