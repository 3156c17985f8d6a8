"""A clock's state on a given day, in the words the case page, the rehearsal and the reports use.

Rule: domain.md §8 (every clock stores its due dates, whether it was met and when it ended) and
shared/rehearsal.md. A council deadline is `running` until its last day (the extended one, if any)
has passed, then `overdue`; once ended it is `met` (finished on or before its last day) or `missed`
(finished after it, or the case moved on, was withdrawn, deferred or closed while it was overdue);
a clock stopped without a verdict before it was due is `ended`. The complainant's windows to ask
for the next stage are `running`, `used` (they asked in time) or `lapsed` (it ran out, or the case
moved on without a request in time).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from redress.domain.rules import COMPLAINANT_WINDOWS, Rule


class ClockState(StrEnum):
    RUNNING = "running"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"
    ENDED = "ended"
    USED = "used"
    LAPSED = "lapsed"


@dataclass(frozen=True, slots=True)
class ClockRecord:
    """A clock as stored: enough to say its state on any day."""

    rule: Rule
    last_day: date  # the extended due date if extended, else the due date
    completed_on: date | None = None
    met: bool | None = None  # None when it ended without a verdict


def clock_state(clock: ClockRecord, on: date) -> ClockState:
    """The state of `clock` as it stands on `on`."""
    if clock.rule in COMPLAINANT_WINDOWS:
        if clock.completed_on is None:
            return ClockState.RUNNING if clock.last_day >= on else ClockState.LAPSED
        return ClockState.USED if clock.met else ClockState.LAPSED
    if clock.completed_on is None:
        return ClockState.RUNNING if clock.last_day >= on else ClockState.OVERDUE
    if clock.met is True:
        return ClockState.MET
    if clock.met is False or clock.completed_on > clock.last_day:
        return ClockState.MISSED
    return ClockState.ENDED
