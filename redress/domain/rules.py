"""Deadline rules: which profile value sets each clock, and what its day 0 is.

Rules: the statutory clocks of SI 2006/1738 (Regs 14-20 as summarised in domain spec §2.4-§2.6),
the corporate procedure (domain §2.9: the LGSCO Complaint Handling Code or a council's legacy
procedure) and the one-year time limit (§3.3), each read from the council's profile (§3.8).
Counting follows domain §2.2: day 0 is never counted, and an extension (the `*.extended` rules)
counts from the same day 0 as the standard clock, not on top of it.

The corporate stage 1 acknowledgement is the `ack` rule: a profile has one acknowledgement
timescale for every complaint it receives.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from redress.domain.calendar_limits import time_limit_last_day
from redress.domain.profiles import (
    CorporateAnchor,
    CouncilProfile,
    LaResponseAnchor,
    Stage2ClockStart,
)
from redress.domain.working_days import DueDate, SkippedDay, WorkingCalendar


class Rule(StrEnum):
    ACK = "ack"
    STAGE1_RESPONSE = "stage1.response"
    STAGE1_EXTENDED = "stage1.extended"
    STAGE2_REQUEST_WINDOW = "stage2.request_window"
    STAGE2_RESPONSE = "stage2.response"
    STAGE2_EXTENDED = "stage2.extended"
    STAGE3_REQUEST_WINDOW = "stage3.request_window"
    STAGE3_PANEL = "stage3.panel"
    STAGE3_PANEL_REPORT = "stage3.panel_report"
    STAGE3_LA_RESPONSE = "stage3.la_response"
    CORPORATE_STAGE1_RESPONSE = "corporate.stage1.response"
    CORPORATE_STAGE1_EXTENDED = "corporate.stage1.extended"
    CORPORATE_STAGE2_REQUEST_WINDOW = "corporate.stage2.request_window"
    CORPORATE_STAGE2_ACK = "corporate.stage2.ack"
    CORPORATE_STAGE2_RESPONSE = "corporate.stage2.response"
    CORPORATE_STAGE2_EXTENDED = "corporate.stage2.extended"
    TIME_LIMIT = "time_limit"  # calendar months, not working days


# The complainant's windows to ask for the next stage: not deadlines of the council's. Each counts
# from the day the complainant received the response (domain §2.2).
COMPLAINANT_WINDOWS: Final = frozenset(
    {
        Rule.STAGE2_REQUEST_WINDOW,
        Rule.STAGE3_REQUEST_WINDOW,
        Rule.CORPORATE_STAGE2_REQUEST_WINDOW,
    }
)

# The corporate procedure's clocks: a council's closure days may be non-working days for these
# (profile `[corporate] closure_days_are_non_working`), never for the statutory ones (Reg 2).
CORPORATE_RULES: Final = frozenset(
    {
        Rule.CORPORATE_STAGE1_RESPONSE,
        Rule.CORPORATE_STAGE1_EXTENDED,
        Rule.CORPORATE_STAGE2_REQUEST_WINDOW,
        Rule.CORPORATE_STAGE2_ACK,
        Rule.CORPORATE_STAGE2_RESPONSE,
        Rule.CORPORATE_STAGE2_EXTENDED,
    }
)

# Base clock -> the rule giving its maximum, counted from the same day 0.
EXTENDED_RULE: Final[Mapping[Rule, Rule]] = {
    Rule.STAGE1_RESPONSE: Rule.STAGE1_EXTENDED,
    Rule.STAGE2_RESPONSE: Rule.STAGE2_EXTENDED,
    Rule.CORPORATE_STAGE1_RESPONSE: Rule.CORPORATE_STAGE1_EXTENDED,
    Rule.CORPORATE_STAGE2_RESPONSE: Rule.CORPORATE_STAGE2_EXTENDED,
}

WORKING_DAYS: Final[Mapping[Rule, Callable[[CouncilProfile], int]]] = {
    Rule.ACK: lambda p: p.acknowledgement_working_days,
    Rule.STAGE1_RESPONSE: lambda p: p.stage1.response_working_days,
    Rule.STAGE1_EXTENDED: lambda p: p.stage1.maximum_working_days,
    Rule.STAGE2_REQUEST_WINDOW: lambda p: p.stage2.request_window_working_days,
    Rule.STAGE2_RESPONSE: lambda p: p.stage2.response_working_days,
    Rule.STAGE2_EXTENDED: lambda p: p.stage2.maximum_working_days,
    Rule.STAGE3_REQUEST_WINDOW: lambda p: p.stage3.request_window_working_days,
    Rule.STAGE3_PANEL: lambda p: p.stage3.panel_working_days,
    Rule.STAGE3_PANEL_REPORT: lambda p: p.stage3.panel_report_working_days,
    Rule.STAGE3_LA_RESPONSE: lambda p: p.stage3.la_response_working_days,
    Rule.CORPORATE_STAGE1_RESPONSE: lambda p: p.corporate.stage1_response_working_days,
    Rule.CORPORATE_STAGE1_EXTENDED: lambda p: p.corporate.stage1_maximum_working_days,
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: lambda p: p.corporate.stage2_request_window_working_days,
    Rule.CORPORATE_STAGE2_ACK: lambda p: p.corporate.stage2_acknowledgement_working_days,
    Rule.CORPORATE_STAGE2_RESPONSE: lambda p: p.corporate.stage2_response_working_days,
    Rule.CORPORATE_STAGE2_EXTENDED: lambda p: p.corporate.stage2_maximum_working_days,
}

RECEIVED: Final = "the date the complaint was received"
STAGE2_CLOCK_ANCHORS: Final[Mapping[Stage2ClockStart, str]] = {
    Stage2ClockStart.REQUEST_RECEIVED: "the date the stage 2 request was received",
    Stage2ClockStart.STATEMENT_AGREED: "the date the statement of complaint was agreed",
}
LA_RESPONSE_ANCHORS: Final[Mapping[LaResponseAnchor, str]] = {
    LaResponseAnchor.PANEL_DATE: "the date of the panel meeting",
    LaResponseAnchor.REPORT_RECEIVED: "the date the panel's report was received",
}
CORPORATE_STAGE1_ANCHORS: Final[Mapping[CorporateAnchor, str]] = {
    CorporateAnchor.RECEIPT: RECEIVED,
    CorporateAnchor.ACKNOWLEDGEMENT: "the date the acknowledgement was sent",
}
CORPORATE_STAGE2_ANCHORS: Final[Mapping[CorporateAnchor, str]] = {
    CorporateAnchor.RECEIPT: "the date the stage 2 request was received",
    CorporateAnchor.ACKNOWLEDGEMENT: "the date the stage 2 acknowledgement was sent",
}

ANCHORS: Final[Mapping[Rule, Callable[[CouncilProfile], str]]] = {
    Rule.ACK: lambda p: RECEIVED,
    Rule.STAGE1_RESPONSE: lambda p: RECEIVED,
    Rule.STAGE1_EXTENDED: lambda p: RECEIVED,
    Rule.STAGE2_REQUEST_WINDOW: lambda p: "the date the complainant received the stage 1 response",
    Rule.STAGE2_RESPONSE: lambda p: STAGE2_CLOCK_ANCHORS[p.stage2.clock_start],
    Rule.STAGE2_EXTENDED: lambda p: STAGE2_CLOCK_ANCHORS[p.stage2.clock_start],
    Rule.STAGE3_REQUEST_WINDOW: lambda p: "the date the complainant received the stage 2 response",
    Rule.STAGE3_PANEL: lambda p: "the date the stage 3 request was received",
    Rule.STAGE3_PANEL_REPORT: lambda p: "the date of the panel meeting",
    Rule.STAGE3_LA_RESPONSE: lambda p: LA_RESPONSE_ANCHORS[p.stage3.la_response_anchor],
    Rule.CORPORATE_STAGE1_RESPONSE: (
        lambda p: CORPORATE_STAGE1_ANCHORS[p.corporate.stage1_response_anchor]
    ),
    Rule.CORPORATE_STAGE1_EXTENDED: (
        lambda p: CORPORATE_STAGE1_ANCHORS[p.corporate.stage1_response_anchor]
    ),
    Rule.CORPORATE_STAGE2_REQUEST_WINDOW: (
        lambda p: "the date the complainant received the corporate stage 1 response"
    ),
    Rule.CORPORATE_STAGE2_ACK: lambda p: "the date the stage 2 request was received",
    Rule.CORPORATE_STAGE2_RESPONSE: (
        lambda p: CORPORATE_STAGE2_ANCHORS[p.corporate.stage2_response_anchor]
    ),
    Rule.CORPORATE_STAGE2_EXTENDED: (
        lambda p: CORPORATE_STAGE2_ANCHORS[p.corporate.stage2_response_anchor]
    ),
    Rule.TIME_LIMIT: lambda p: "the date the grounds for the complaint arose",
}


@dataclass(frozen=True)
class Deadline:
    rule: Rule
    council: str
    day0: date
    due: date
    working_days: int | None  # None for TIME_LIMIT, which counts calendar months
    skipped: tuple[SkippedDay, ...]
    anchor: str


def working_days_for(rule: Rule, profile: CouncilProfile) -> int:
    """The working days this profile allows for `rule`; ValueError for the calendar time limit."""
    getter = WORKING_DAYS.get(rule)
    if getter is None:
        raise ValueError(f"{rule} is counted in calendar months, not working days")
    return getter(profile)


def anchor_for(rule: Rule, profile: CouncilProfile) -> str:
    """The event day 0 is for `rule`, as this profile defines it, in plain English."""
    return ANCHORS[rule](profile)


def deadline_working_days(
    day0: date, n: int, calendar: WorkingCalendar, *, deemed_receipt: bool = False
) -> DueDate:
    """The Nth working day after day 0; with `deemed_receipt`, day 0 moves first (domain E28)."""
    if deemed_receipt:
        day0 = calendar.deemed_received_on(day0)
    return calendar.explain(day0, n)


def compute_deadline(
    rule: Rule,
    day0: date,
    profile: CouncilProfile,
    calendar: WorkingCalendar,
    *,
    deemed_receipt: bool = False,
) -> Deadline:
    """The due date for `rule` under `profile`, counted from `day0` (domain §2.2).

    `deemed_receipt` moves a non-working day 0 to the next working day before counting. It does
    not apply to the time limit, whose day 0 is when the grounds arose, not a receipt.
    """
    anchor = anchor_for(rule, profile)
    if rule is Rule.TIME_LIMIT:
        if deemed_receipt:
            raise ValueError(f"deemed receipt does not apply to {rule}: day 0 is {anchor}")
        due = time_limit_last_day(day0, profile.time_limit.months, profile.time_limit.leap_day)
        return Deadline(rule, profile.slug, day0, due, None, (), anchor)
    counted = deadline_working_days(
        day0, working_days_for(rule, profile), calendar, deemed_receipt=deemed_receipt
    )
    return Deadline(
        rule=rule,
        council=profile.slug,
        day0=counted.day0,
        due=counted.due,
        working_days=counted.working_days,
        skipped=counted.skipped,
        anchor=anchor,
    )
