"""When each demo step happens, in working days, relative to an earlier step or to a clock's day 0.

A scenario's timings are counted in working days from the case's receipt (day 0, domain.md §2.2),
so a case can be planned before its receipt date is known, then placed: the receipt date is chosen
so that the plan ends where the scenario needs "today" to be (an open stage 1 still in time, say,
or one past its due date), and every step's date is the Nth working day after the receipt.

Timings that answer a clock are written against that clock's deadline under the council profile:
`due(Rule.STAGE1_RESPONSE, -5, 0)` means "from five working days before the stage 1 response is due
up to the due date", so the same scenario is in time under every profile, and
`due(Rule.STAGE1_RESPONSE, 1, 8)` is a breach under every profile. Which step is day 0 of a clock
follows the transition table (redress/domain/workflow.py) and the profile's anchor settings.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from redress.domain.profiles import (
    CorporateAnchor,
    CouncilProfile,
    LaResponseAnchor,
    Stage2ClockStart,
)
from redress.domain.rules import EXTENDED_RULE, Rule, working_days_for
from redress.domain.working_days import WorkingCalendar

RECEIVE = "receive"


@dataclass(frozen=True)
class Wait:
    """`lo`..`hi` working days after `after`: the previous step (None), or the deadline of a clock
    or window (counted from its day 0).

    With `extended`, the offsets count from the clock's maximum (its extended deadline) instead of
    its standard deadline. Offsets against a deadline may be negative (before it). With `swept`,
    they count from the day the daily sweep closes a lapsed window: the deadline plus the grace.
    """

    lo: int
    hi: int
    after: Rule | None = None
    extended: bool = False
    swept: bool = False

    def working_days(self, profile: CouncilProfile, rng: Random, grace: int) -> int:
        """How many working days after the reference point this step falls, for this case."""
        base = 0
        if self.after is not None:
            rule = EXTENDED_RULE[self.after] if self.extended else self.after
            base = working_days_for(rule, profile)
        if self.swept:
            base += grace
        return base + rng.randint(self.lo, self.hi)


def gap(lo: int, hi: int | None = None) -> Wait:
    """`lo`..`hi` working days after the previous step (0: the same day)."""
    return Wait(lo, lo if hi is None else hi)


def due(rule: Rule, lo: int, hi: int, *, extended: bool = False) -> Wait:
    """Between `lo` and `hi` working days from the deadline of `rule` (negative: before it)."""
    return Wait(lo, hi, after=rule, extended=extended)


def swept(window: Rule) -> Wait:
    """The first working day the daily sweep runs after `window` lapsed and its grace ran out:
    it closes the case then (redress/letters/sweep.py, `REDRESS_AUTO_CLOSE_GRACE_WORKING_DAYS`)."""
    return Wait(1, 1, after=window, swept=True)


def day0_steps(rule: Rule, profile: CouncilProfile) -> tuple[str, ...]:
    """The steps whose date is day 0 of `rule` under `profile` (the latest one that happened).

    Mirrors the anchors of the transition table: stage 1 counts from receipt; stage 2 from the
    request or the agreed statement (profile `stage2.clock_start`); the council's stage 3 response
    from the panel or its report (`stage3.la_response_anchor`); corporate responses from receipt
    or acknowledgement (`corporate.*_response_anchor`).
    """
    stage2_from_request = profile.stage2.clock_start is Stage2ClockStart.REQUEST_RECEIVED
    la_from_panel = profile.stage3.la_response_anchor is LaResponseAnchor.PANEL_DATE
    corporate1_from_receipt = profile.corporate.stage1_response_anchor is CorporateAnchor.RECEIPT
    corporate2_from_request = profile.corporate.stage2_response_anchor is CorporateAnchor.RECEIPT
    anchors: Mapping[Rule, tuple[str, ...]] = {
        Rule.ACK: (RECEIVE,),
        Rule.STAGE1_RESPONSE: (RECEIVE,),
        Rule.STAGE2_REQUEST_WINDOW: ("respond_stage1", "resolve_stage1"),
        Rule.CORPORATE_STAGE2_REQUEST_WINDOW: ("respond_corporate_stage1",),
        Rule.STAGE2_RESPONSE: (
            ("request_stage2", "accept_statutory_stage2")
            if stage2_from_request
            else ("agree_statement",)
        ),
        Rule.STAGE3_REQUEST_WINDOW: ("adjudicate",),
        Rule.STAGE3_PANEL: ("request_stage3",),
        Rule.STAGE3_PANEL_REPORT: ("hold_panel",),
        Rule.STAGE3_LA_RESPONSE: ("hold_panel",) if la_from_panel else ("issue_panel_report",),
        Rule.CORPORATE_STAGE1_RESPONSE: (RECEIVE,) if corporate1_from_receipt else ("acknowledge",),
        Rule.CORPORATE_STAGE2_ACK: ("request_corporate_stage2",),
        Rule.CORPORATE_STAGE2_RESPONSE: (
            ("request_corporate_stage2",)
            if corporate2_from_request
            else ("acknowledge_corporate_stage2",)
        ),
    }
    return anchors[rule]


class Timeline:
    """Working-day offsets from receipt, step by step; never earlier than the step before."""

    def __init__(self, profile: CouncilProfile, rng: Random, grace: int) -> None:
        self.profile = profile
        self.rng = rng
        self.grace = grace
        self.latest: dict[str, int] = {RECEIVE: 0}
        self.last = 0

    def reference(self, wait: Wait) -> int:
        if wait.after is None:
            return self.last
        names = day0_steps(wait.after, self.profile)
        seen = [self.latest[name] for name in names if name in self.latest]
        if not seen:
            raise ValueError(f"no step has started the {wait.after} clock yet")
        return max(seen)

    def place(self, wait: Wait) -> int:
        """The offset of a step that waits `wait`, clamped so that steps stay in order."""
        offset = self.reference(wait) + wait.working_days(self.profile, self.rng, self.grace)
        return max(offset, self.last)

    def record(self, name: str, offset: int) -> None:
        self.latest[name] = offset
        self.last = offset


def working_days_before(calendar: WorkingCalendar, day: date, n: int) -> date:
    """The working day with exactly `n` working days after it up to `day`: a count's day 0."""
    current, counted = day, 0
    while not (counted == n and calendar.is_working_day(current)):
        if calendar.is_working_day(current):
            counted += 1
        current -= timedelta(days=1)
    return current
