"""Red, amber or green by working days left, and how each clock's due date was worked out."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from redress.cases.models import Clock
from redress.casework.labels import rule_label
from redress.domain.profiles import CouncilProfile
from redress.domain.rules import Rule, anchor_for
from redress.domain.working_days import WorkingCalendar


@dataclass(frozen=True)
class Status:
    colour: str  # red, amber, green, grey: the GOV.UK tag colour
    text: str  # "3 working days left", "2 working days late"
    days_left: int | None

    @property
    def word(self) -> str:
        """One word for the tag; `text` says how far off the deadline is."""
        if self.days_left is None:
            return "No deadline" if self.text == NO_DEADLINE else self.text
        if self.days_left < 0:
            return "Overdue"
        return {"red": "Due today", "amber": "Due soon", "green": "On track"}[self.colour]


NO_DEADLINE = "No deadline running"


def _days(n: int) -> str:
    return f"{n} working day{'s' if n != 1 else ''}"


def status_of(due: date | None, *, today: date, calendar: WorkingCalendar) -> Status:
    if due is None:
        return Status("grey", NO_DEADLINE, None)
    if due < today:
        late = calendar.working_days_between(due, today)
        return Status("red", f"{_days(max(late, 1))} late", -max(late, 1))
    left = calendar.working_days_between(today, due)
    if due == today:
        return Status("red", "Due today", 0)
    colour = "amber" if left <= settings.REDRESS_QUEUE_AMBER_DAYS else "green"
    return Status(colour, f"{_days(left)} left", left)


@dataclass(frozen=True)
class ClockExplained:
    clock: Clock
    label: str
    status: Status
    anchor: str  # what day 0 is, in the profile's words
    counted: str  # "10 working days from Wednesday 18 March 2026"
    skipped: list[str]  # named non-working days passed over (weekends summed up)
    extension: str


def _skipped(day0: date, n: int, calendar: WorkingCalendar) -> list[str]:
    explained = calendar.explain(day0, n)
    weekends = [s for s in explained.skipped if s.reason in ("Saturday", "Sunday")]
    named = [f"{s.day:%A %-d %B %Y} ({s.reason})" for s in explained.skipped if s not in weekends]
    lines = []
    if weekends:
        lines.append(f"{len(weekends)} weekend day{'s' if len(weekends) != 1 else ''}")
    return lines + named


def explain_clock(
    clock: Clock, *, profile: CouncilProfile, calendar: WorkingCalendar, today: date
) -> ClockExplained:
    anchor = anchor_for(Rule(clock.rule), profile)
    counted = (
        f"{_days(clock.working_days)} from {clock.anchor_date:%A %-d %B %Y}, not counting that day"
    )
    extension = ""
    if clock.extended_due_date and clock.extended_working_days:
        agreed = (
            f", agreed by the complainant on {clock.complainant_agreed_on:%-d %B %Y}"
            if clock.complainant_agreed_on
            else ""
        )
        extension = (
            f"Extended to {_days(clock.extended_working_days)} from the same day 0: due "
            f"{clock.extended_due_date:%A %-d %B %Y}{agreed}. Reason: {clock.extension_reason}"
        )
    days = clock.extended_working_days or clock.working_days
    window = clock.rule in (Rule.STAGE2_REQUEST_WINDOW, Rule.STAGE3_REQUEST_WINDOW)
    status = (
        status_of(clock.effective_due_date, today=today, calendar=calendar)
        if clock.is_running
        else Status("grey", "Closed", None)
        if window
        else Status(
            "green" if clock.met else ("grey" if clock.met is None else "red"),
            "Met" if clock.met else ("Stopped" if clock.met is None else "Missed"),
            None,
        )
    )
    return ClockExplained(
        clock=clock,
        label=rule_label(clock.rule),
        status=status,
        anchor=anchor,
        counted=counted,
        skipped=_skipped(clock.anchor_date, days, calendar),
        extension=extension,
    )
