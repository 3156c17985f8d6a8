"""Limits counted in calendar months, not working days.

Rules:
- One-year time limit to complain (Reg 9 of SI 2006/1738 as summarised in domain spec §3.3): the
  council need not consider a complaint made more than `time_limit.months` months after the
  grounds arose. The last in-time date is the calendar anniversary (domain E32). Where that date
  does not exist (29 February in a common year, or the 31st of a shorter month), the profile's
  `time_limit.leap_day` policy decides: the last day of the shorter month (E33) or the first day
  of the next month (domain §10 item 14 [U]).
- Subject access requests (UK GDPR Art. 12(3), ICO guidance on time limits; domain §6, E34): one
  calendar month from receipt to the corresponding date next month, the last day of that month
  when there is no such date, then the next working day if that is not a working day.
"""

from __future__ import annotations

import calendar as gregorian
from datetime import date

from redress.domain.profiles import LeapDayPolicy
from redress.domain.working_days import WorkingCalendar


def add_calendar_months(day: date, months: int, overflow: LeapDayPolicy) -> date:
    """The same day of the month `months` later; `overflow` places a day the month lacks."""
    if months < 0:
        raise ValueError(f"months must not be negative, got {months}")
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = gregorian.monthrange(year, month)[1]
    if day.day <= last:
        return date(year, month, day.day)
    if overflow is LeapDayPolicy.LAST_DAY_OF_FEBRUARY:
        return date(year, month, last)
    return date(year + month // 12, month % 12 + 1, 1)


def time_limit_last_day(grounds_arose: date, months: int, leap_day: LeapDayPolicy) -> date:
    """The last date on which a complaint is still in time."""
    return add_calendar_months(grounds_arose, months, leap_day)


def is_late(grounds_arose: date, received: date, months: int, leap_day: LeapDayPolicy) -> bool:
    """True when received after the last in-time date: the discretion test then applies."""
    return received > time_limit_last_day(grounds_arose, months, leap_day)


def subject_access_due(received: date, calendar: WorkingCalendar) -> date:
    """The date a subject access response is due (one calendar month, ICO rule)."""
    due = add_calendar_months(received, 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)
    return due if calendar.is_working_day(due) else calendar.next_working_day(due)
