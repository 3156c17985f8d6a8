"""The council's timescales as the public pages state them (the start page and the public site),
with the dates they give today.

Every number comes from the active council profile and every date from the working calendar
(`compute_deadline`), so switching profile changes every page.
"""

from dataclasses import dataclass
from datetime import date

from redress.domain.profiles import CouncilProfile
from redress.domain.rules import Rule, compute_deadline
from redress.domain.working_days import WorkingCalendar


@dataclass(frozen=True)
class Timescale:
    working_days: int
    counted_from: str  # "the date the complaint was received"
    due: date  # if day 0 were `from_day`


@dataclass(frozen=True)
class Timescales:
    from_day: date
    ack: Timescale
    stage1: Timescale
    stage1_max: Timescale
    stage2_window: Timescale
    stage2: Timescale
    stage2_max: Timescale
    stage3_window: Timescale
    panel: Timescale
    panel_report: Timescale
    la_response: Timescale
    corporate_stage1: Timescale
    corporate_stage1_max: Timescale
    corporate_stage2: Timescale
    corporate_stage2_max: Timescale
    time_limit_months: int


def _timescale(
    rule: Rule, day0: date, profile: CouncilProfile, calendar: WorkingCalendar
) -> Timescale:
    deadline = compute_deadline(rule, day0, profile, calendar)
    assert deadline.working_days is not None
    return Timescale(deadline.working_days, deadline.anchor, deadline.due)


def timescales_from(day0: date, profile: CouncilProfile, calendar: WorkingCalendar) -> Timescales:
    """Every timescale the public pages mention, counted as if day 0 were `day0`."""
    if profile.receipt.deemed_receipt:
        day0 = calendar.deemed_received_on(day0)

    def of(rule: Rule) -> Timescale:
        return _timescale(rule, day0, profile, calendar)

    return Timescales(
        from_day=day0,
        ack=of(Rule.ACK),
        stage1=of(Rule.STAGE1_RESPONSE),
        stage1_max=of(Rule.STAGE1_EXTENDED),
        stage2_window=of(Rule.STAGE2_REQUEST_WINDOW),
        stage2=of(Rule.STAGE2_RESPONSE),
        stage2_max=of(Rule.STAGE2_EXTENDED),
        stage3_window=of(Rule.STAGE3_REQUEST_WINDOW),
        panel=of(Rule.STAGE3_PANEL),
        panel_report=of(Rule.STAGE3_PANEL_REPORT),
        la_response=of(Rule.STAGE3_LA_RESPONSE),
        corporate_stage1=of(Rule.CORPORATE_STAGE1_RESPONSE),
        corporate_stage1_max=of(Rule.CORPORATE_STAGE1_EXTENDED),
        corporate_stage2=of(Rule.CORPORATE_STAGE2_RESPONSE),
        corporate_stage2_max=of(Rule.CORPORATE_STAGE2_EXTENDED),
        time_limit_months=profile.time_limit.months,
    )
