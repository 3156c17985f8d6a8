"""When a complaint counts as received, and when its acknowledgement is due.

Rule: domain spec §2.2: day 0 of the receipt clocks is the date the complaint was received, read as
wall-clock time in England; under the council profile's deemed-receipt policy (`[receipt]
deemed_receipt` and `cut_off`, a local policy, not in the Regs) an item received on a non-working
day, or at or after the cut-off time, counts as received on the next working day. §2.3: the
acknowledgement is due the profile's `[acknowledgement] working_days` after day 0 (rule `ack`).

The case services start the acknowledgement clock with these dates, and the triage inbox shows
the same dates for a message not yet recorded as a case, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from redress.domain.profiles import CouncilProfile
from redress.domain.rules import Rule, working_days_for
from redress.domain.working_days import ENGLAND, WorkingCalendar


@dataclass(frozen=True, slots=True)
class ReceiptDates:
    received_on: date  # day 0 of the receipt clocks, deemed receipt applied
    acknowledgement_working_days: int
    acknowledge_by: date


def day_received(received_at: datetime, profile: CouncilProfile, calendar: WorkingCalendar) -> date:
    """Day 0 for something that arrived at `received_at` (an aware datetime is read in England)."""
    if profile.receipt.deemed_receipt:
        return calendar.deemed_received_on(received_at, profile.receipt.cut_off)
    local = received_at.astimezone(ENGLAND) if received_at.tzinfo is not None else received_at
    return local.date()


def receipt_dates(
    received_at: datetime, profile: CouncilProfile, calendar: WorkingCalendar
) -> ReceiptDates:
    """Day 0 and the acknowledgement's due date for something that arrived at `received_at`."""
    received_on = day_received(received_at, profile, calendar)
    days = working_days_for(Rule.ACK, profile)
    return ReceiptDates(
        received_on=received_on,
        acknowledgement_working_days=days,
        acknowledge_by=calendar.add_working_days(received_on, days),
    )
