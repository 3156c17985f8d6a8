"""Working-day arithmetic for statutory and corporate complaint clocks.

Rule: Reg 2 of the Children Act 1989 Representations Procedure (England) Regulations 2006
(SI 2006/1738) defines a working day as any day other than a Saturday, a Sunday, Christmas Day,
Boxing Day, Good Friday or a bank holiday under the Banking and Financial Dealings Act 1971
(domain spec §2.1). Counting follows domain spec §2.2: day 0 is the trigger date and is never
counted; the due date is the Nth working day strictly after day 0.

Deemed receipt (§2.2, a local policy, not in the Regs): an item received on a non-working day, or
at or after a cut-off time, counts as received on the next working day.

Naming of non-working days (`reason_not_working`, `SkippedDay.reason`): a date in
`non_working_days` reports its name there, even when it falls at a weekend, so Saturday 25 December
2027 shows as "Christmas Day" and Monday 27 December 2027 as "Christmas Day (observed)". Any other
weekend day reports "Saturday" or "Sunday".

Pure Python: nothing here imports Django or the rest of the project. The calendar precomputes its
lookups over a fixed range of dates when it is built, so each count is a couple of list lookups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import holidays

SATURDAY: Final = 5
WEEKEND_NAMES: Final[Mapping[int, str]] = {5: "Saturday", 6: "Sunday"}
# Aware datetimes are read as wall-clock time in England: the Regs are English law.
ENGLAND: Final = ZoneInfo("Europe/London")


@dataclass(frozen=True, slots=True)
class SkippedDay:
    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class DueDate:
    day0: date
    working_days: int
    due: date
    skipped: tuple[SkippedDay, ...]


class WorkingCalendar:
    """Working days over the dates `first` to `last` inclusive.

    `non_working_days` maps a date to its name (bank holidays, or days an administrator adds);
    Saturdays and Sundays are always non-working. Asking about a date outside the range raises
    ValueError naming the range, rather than guessing about years with no holiday data.
    """

    __slots__ = ("_first", "_first_ordinal", "_last", "_names", "_size", "_upto", "_working")

    def __init__(self, non_working_days: Mapping[date, str], first: date, last: date) -> None:
        if last < first:
            raise ValueError(f"calendar range is empty: {first} is after {last}")
        self._first = first
        self._last = last
        self._first_ordinal = first.toordinal()
        self._size = last.toordinal() - self._first_ordinal + 1
        self._names: dict[date, str] = {
            day: name for day, name in non_working_days.items() if first <= day <= last
        }
        # _upto[i]: working days from `first` up to and including the date at offset i.
        # _working[k]: the (k+1)th working date of the range.
        self._upto: list[int] = []
        self._working: list[date] = []
        count = 0
        for offset in range(self._size):
            day = first + timedelta(days=offset)
            if day.weekday() < SATURDAY and day not in self._names:
                count += 1
                self._working.append(day)
            self._upto.append(count)

    @classmethod
    def england_and_wales(
        cls, extra: Mapping[date, str] | None = None, years: range = range(2000, 2061)
    ) -> WorkingCalendar:
        """England and Wales bank holidays from `holidays`, plus `extra` one-off days.

        Where an extra day coincides with a bank holiday, the administrator's name is kept.
        """
        if len(years) == 0:
            raise ValueError("years must not be empty")
        bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=years)
        names: dict[date, str] = {day: str(name) for day, name in bank_holidays.items()}
        names.update(extra or {})
        return cls(names, date(years[0], 1, 1), date(years[-1], 12, 31))

    @property
    def first(self) -> date:
        return self._first

    @property
    def last(self) -> date:
        return self._last

    def _offset(self, day: date) -> int:
        offset = day.toordinal() - self._first_ordinal
        if not 0 <= offset < self._size:
            raise self._out_of_range(day)
        return offset

    def _out_of_range(self, day: date) -> ValueError:
        return ValueError(
            f"{day.isoformat()} is outside the working-day calendar, which covers "
            f"{self._first.isoformat()} to {self._last.isoformat()}"
        )

    def is_working_day(self, day: date) -> bool:
        offset = self._offset(day)
        return self._upto[offset] != (self._upto[offset - 1] if offset else 0)

    def reason_not_working(self, day: date) -> str | None:
        """None for a working day; otherwise the holiday's name, or "Saturday"/"Sunday"."""
        if self.is_working_day(day):
            return None
        return self._names.get(day) or WEEKEND_NAMES[day.weekday()]

    def add_working_days(self, day0: date, n: int) -> date:
        """The Nth working day strictly after `day0`; `day0` itself when n is 0."""
        offset = day0.toordinal() - self._first_ordinal
        if not 0 <= offset < self._size:
            raise self._out_of_range(day0)
        if n <= 0:
            if n == 0:
                return day0
            raise ValueError(f"working days must not be negative, got {n}")
        index = self._upto[offset] + n - 1
        if index >= len(self._working):
            raise ValueError(
                f"{n} working days after {day0.isoformat()} falls after the end of the "
                f"working-day calendar, which covers {self._first.isoformat()} to "
                f"{self._last.isoformat()}"
            )
        return self._working[index]

    def explain(self, day0: date, n: int) -> DueDate:
        """The due date with every non-working day passed over on the way to it."""
        due = self.add_working_days(day0, n)
        skipped = tuple(
            SkippedDay(day, reason)
            for day in (day0 + timedelta(days=i) for i in range(1, (due - day0).days + 1))
            if (reason := self.reason_not_working(day)) is not None
        )
        return DueDate(day0=day0, working_days=n, due=due, skipped=skipped)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end; 0 when end is not after start."""
        if end <= start:
            return 0
        return self._upto[self._offset(end)] - self._upto[self._offset(start)]

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def deemed_received_on(self, received: date | datetime, cut_off: time | None = None) -> date:
        """The date an item counts as received under the deemed-receipt policy (§2.2).

        A non-working day, or a datetime at or after `cut_off`, moves to the next working day;
        otherwise the date itself. A plain date has no time, so `cut_off` does not apply to it.
        An aware datetime is first converted to England's wall-clock time.
        """
        if isinstance(received, datetime):
            local = received.astimezone(ENGLAND) if received.tzinfo is not None else received
            day = local.date()
            if cut_off is not None and local.time() >= cut_off:
                return self.next_working_day(day)
        else:
            day = received
        return day if self.is_working_day(day) else self.next_working_day(day)
