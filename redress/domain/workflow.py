"""The case lifecycle as a transition table (domain.md §8).

Every allowed move is one row of `TRANSITIONS`: from which stage, by which action, to which stage,
which clocks it starts, stops or extends, which route it sets, who may take it, and the guards that
must hold. Anything not in the table is refused. Sources for the rows: SI 2006/1738 (stage 1 under
Reg 14, stage 2 under Regs 16-17, the review panel under Regs 18-20), *Getting the Best from
Complaints* (2006), and the council profile for the corporate procedure.

Design notes (docs/adr/0004-lifecycle-as-a-table.md):
- Triage is an action whose outcome is the next stage, so there is no resting TRIAGED stage.
- Acknowledging is a self-move: it stops the acknowledgement clock and leaves the stage alone.
- Withdrawal and deferral are possible from every open stage and stop every running clock.
- Resuming a deferred case, or reopening a closed one, returns it to RECEIVED for triage.
- A clock starts when its row says so *and* its anchor date is known; a clock anchored on an
  acknowledgement that has not happened yet starts when the acknowledgement is recorded.
- The complainant's windows to ask for the next stage count from the day they received the
  response (`Anchor.COMPLAINANT_RECEIVED`, redress/domain/delivery.py).
- Every move must follow the case's chronology (`guards.chronology`), and a move the table does
  not have is refused with the reason a member of staff needs (`REFUSALS`), not only "not allowed".
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from redress.domain.delivery import received_by_complainant_on
from redress.domain.facts import ActionRequest, CaseFacts, Route
from redress.domain.findings import FindingStage
from redress.domain.guards import (
    Check,
    Guard,
    appointed_investigators_are_eligible,
    chronology,
    deferral_has_reason_and_review_date,
    direct_stage2_was_agreed,
    every_point_has_finding,
    every_recommendation_decided,
    extension_within_maximum,
    late_request_has_discretion_decision,
    long_date,
    needs_reason,
    not_accepted_on_grounds,
    panel_date_follows_the_request,
    panel_is_three_independent_people,
    refusal_only_for_late_request,
    resolution_was_agreed,
    response_receipt_follows_sending,
    stage1_response_is_overdue,
    statement_has_investigators_and_points,
    statutory_matter_needs_manager,
    window_closed_or_declined,
)
from redress.domain.profiles import CorporateAnchor, CouncilProfile, LaResponseAnchor
from redress.domain.profiles import Stage2ClockStart as S2Start
from redress.domain.roles import Role
from redress.domain.rules import CORPORATE_RULES, Rule, working_days_for
from redress.domain.working_days import WorkingCalendar


class Stage(StrEnum):
    RECEIVED = "received"
    # Triage outcomes that end the case here
    NOT_ACCEPTED = "not_accepted"
    REDIRECTED = "redirected"
    COMPLIMENT_LOGGED = "compliment_logged"
    COMMENT_LOGGED = "comment_logged"
    DEFERRED = "deferred"
    # Statutory procedure, stage 1
    STAT_S1 = "stat_s1"
    RESOLVED_S1 = "resolved_s1"
    RESPONDED_S1 = "responded_s1"
    # Statutory procedure, stage 2
    S2_REQUESTED = "s2_requested"
    S2_STATEMENT_AGREED = "s2_statement_agreed"
    S2_INVESTIGATING = "s2_investigating"
    S2_REPORTS_RECEIVED = "s2_reports_received"
    S2_ADJUDICATED = "s2_adjudicated"
    # Statutory procedure, stage 3
    S3_REQUESTED = "s3_requested"
    PANEL_SCHEDULED = "panel_scheduled"
    PANEL_HELD = "panel_held"
    PANEL_REPORT_ISSUED = "panel_report_issued"
    LA_RESPONSE_ISSUED = "la_response_issued"
    # Corporate procedure
    CORP_S1 = "corp_s1"
    CORP_S1_RESPONDED = "corp_s1_responded"
    CORP_S2 = "corp_s2"
    CORP_S2_RESPONDED = "corp_s2_responded"
    # The end
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.RECEIVED: "Received, awaiting triage",
    Stage.NOT_ACCEPTED: "Not accepted",
    Stage.REDIRECTED: "Redirected to another process",
    Stage.COMPLIMENT_LOGGED: "Compliment logged",
    Stage.COMMENT_LOGGED: "Comment or suggestion logged",
    Stage.DEFERRED: "Deferred while proceedings run",
    Stage.STAT_S1: "Stage 1: local resolution",
    Stage.RESOLVED_S1: "Stage 1: resolved",
    Stage.RESPONDED_S1: "Stage 1: responded",
    Stage.S2_REQUESTED: "Stage 2: requested",
    Stage.S2_STATEMENT_AGREED: "Stage 2: statement of complaint agreed",
    Stage.S2_INVESTIGATING: "Stage 2: investigating",
    Stage.S2_REPORTS_RECEIVED: "Stage 2: reports received",
    Stage.S2_ADJUDICATED: "Stage 2: adjudicated",
    Stage.S3_REQUESTED: "Stage 3: requested",
    Stage.PANEL_SCHEDULED: "Stage 3: panel scheduled",
    Stage.PANEL_HELD: "Stage 3: panel held",
    Stage.PANEL_REPORT_ISSUED: "Stage 3: panel report issued",
    Stage.LA_RESPONSE_ISSUED: "Stage 3: council response issued",
    Stage.CORP_S1: "Corporate stage 1",
    Stage.CORP_S1_RESPONDED: "Corporate stage 1: responded",
    Stage.CORP_S2: "Corporate stage 2",
    Stage.CORP_S2_RESPONDED: "Corporate stage 2: responded",
    Stage.CLOSED: "Closed",
    Stage.WITHDRAWN: "Withdrawn",
}


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    # triage
    ACCEPT_STATUTORY = "accept_statutory"
    ACCEPT_STATUTORY_STAGE2 = "accept_statutory_stage2"
    ACCEPT_CORPORATE = "accept_corporate"
    NOT_ACCEPT = "not_accept"
    REDIRECT = "redirect"
    LOG_COMPLIMENT = "log_compliment"
    LOG_COMMENT = "log_comment"
    # statutory stage 1
    EXTEND_STAGE1 = "extend_stage1"
    RESOLVE_STAGE1 = "resolve_stage1"
    RESPOND_STAGE1 = "respond_stage1"
    # statutory stage 2
    REQUEST_STAGE2 = "request_stage2"
    REFUSE_LATE_STAGE2_REQUEST = "refuse_late_stage2_request"
    APPOINT_INVESTIGATORS = "appoint_investigators"
    AGREE_STATEMENT = "agree_statement"
    START_INVESTIGATION = "start_investigation"
    EXTEND_STAGE2 = "extend_stage2"
    RECEIVE_REPORTS = "receive_reports"
    ADJUDICATE = "adjudicate"
    # statutory stage 3
    REQUEST_STAGE3 = "request_stage3"
    REFUSE_LATE_STAGE3_REQUEST = "refuse_late_stage3_request"
    CONVENE_PANEL = "convene_panel"
    HOLD_PANEL = "hold_panel"
    ISSUE_PANEL_REPORT = "issue_panel_report"
    ISSUE_LA_RESPONSE = "issue_la_response"
    # corporate procedure
    EXTEND_CORPORATE_STAGE1 = "extend_corporate_stage1"
    RESPOND_CORPORATE_STAGE1 = "respond_corporate_stage1"
    REQUEST_CORPORATE_STAGE2 = "request_corporate_stage2"
    ACKNOWLEDGE_CORPORATE_STAGE2 = "acknowledge_corporate_stage2"
    EXTEND_CORPORATE_STAGE2 = "extend_corporate_stage2"
    RESPOND_CORPORATE_STAGE2 = "respond_corporate_stage2"
    # any open stage
    WITHDRAW = "withdraw"
    DEFER = "defer"
    RESUME = "resume"
    CLOSE = "close"
    REOPEN = "reopen"


class Anchor(StrEnum):
    """Which date is day 0 of a clock when a transition starts it."""

    RECEIVED = "received"  # the case's (deemed) receipt date
    ACTION = "action"  # the date of the action that starts the clock
    ACKNOWLEDGED = "acknowledged"  # the date the complaint was acknowledged
    CORPORATE_STAGE2_ACKNOWLEDGED = "corporate_stage2_acknowledged"
    # The day the complainant received the response the action sends (delivery.py)
    COMPLAINANT_RECEIVED = "complainant_received"


ProfileTest = Callable[[CouncilProfile], bool]

COMPLAINTS_TEAM = frozenset({Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER})
MANAGER = frozenset({Role.COMPLAINTS_MANAGER})


@dataclass(frozen=True, slots=True)
class ClockStart:
    rule: Rule
    anchor: Anchor
    when: ProfileTest | None = None  # None: always; otherwise only under profiles where it holds

    def applies(self, profile: CouncilProfile) -> bool:
        return self.when is None or self.when(profile)


@dataclass(frozen=True, slots=True)
class Transition:
    stage: Stage
    action: Action
    to: Stage
    starts: tuple[ClockStart, ...] = ()
    stops: tuple[Rule, ...] = ()
    stops_all: bool = False
    # Clocks that end here without a verdict: the complainant's window simply ran out or was not
    # used, which is no deadline of the council's missed or met.
    lapses: tuple[Rule, ...] = ()
    extends: Rule | None = None
    route: Route | None = None
    roles: frozenset[Role] = field(default_factory=lambda: COMPLAINTS_TEAM)
    guards: tuple[Guard, ...] = ()


def s2_clock_from(mode: S2Start) -> ProfileTest:
    return lambda profile: profile.stage2.clock_start is mode


def la_response_from(anchor: LaResponseAnchor) -> ProfileTest:
    return lambda profile: profile.stage3.la_response_anchor is anchor


def corporate_stage1_from(anchor: CorporateAnchor) -> ProfileTest:
    return lambda profile: profile.corporate.stage1_response_anchor is anchor


def corporate_stage2_from(anchor: CorporateAnchor) -> ProfileTest:
    return lambda profile: profile.corporate.stage2_response_anchor is anchor


CORPORATE_STAGE1_CLOCK = (
    ClockStart(
        Rule.CORPORATE_STAGE1_RESPONSE,
        Anchor.RECEIVED,
        corporate_stage1_from(CorporateAnchor.RECEIPT),
    ),
    ClockStart(
        Rule.CORPORATE_STAGE1_RESPONSE,
        Anchor.ACKNOWLEDGED,
        corporate_stage1_from(CorporateAnchor.ACKNOWLEDGEMENT),
    ),
)

OPEN_STAGES = (
    Stage.RECEIVED,
    Stage.STAT_S1,
    Stage.RESOLVED_S1,
    Stage.RESPONDED_S1,
    Stage.S2_REQUESTED,
    Stage.S2_STATEMENT_AGREED,
    Stage.S2_INVESTIGATING,
    Stage.S2_REPORTS_RECEIVED,
    Stage.S2_ADJUDICATED,
    Stage.S3_REQUESTED,
    Stage.PANEL_SCHEDULED,
    Stage.PANEL_HELD,
    Stage.PANEL_REPORT_ISSUED,
    Stage.LA_RESPONSE_ISSUED,
    Stage.CORP_S1,
    Stage.CORP_S1_RESPONDED,
    Stage.CORP_S2,
    Stage.CORP_S2_RESPONDED,
)
# Stages where the council has answered the complainant: after a response the complaint closes,
# it is not withdrawn (a withdrawal is from a stage that still owes a response).
ANSWERED = (
    Stage.RESOLVED_S1,
    Stage.RESPONDED_S1,
    Stage.S2_ADJUDICATED,
    Stage.LA_RESPONSE_ISSUED,
    Stage.CORP_S1_RESPONDED,
    Stage.CORP_S2_RESPONDED,
)
WITHDRAWABLE = tuple(stage for stage in OPEN_STAGES if stage not in ANSWERED)
ACKNOWLEDGEABLE = (Stage.RECEIVED, Stage.STAT_S1, Stage.S2_REQUESTED, Stage.CORP_S1)
REOPENABLE = (Stage.CLOSED, Stage.WITHDRAWN, Stage.NOT_ACCEPTED, Stage.REDIRECTED)


def _rows() -> Iterable[Transition]:
    T = Transition
    ack_clock = (ClockStart(Rule.ACK, Anchor.ACTION),)

    for stage in ACKNOWLEDGEABLE:
        yield T(
            stage,
            Action.ACKNOWLEDGE,
            stage,
            stops=(Rule.ACK,),
            starts=CORPORATE_STAGE1_CLOCK if stage is Stage.CORP_S1 else (),
        )

    # Triage (domain.md §3.1)
    yield T(
        Stage.RECEIVED,
        Action.ACCEPT_STATUTORY,
        Stage.STAT_S1,
        route=Route.STATUTORY,
        starts=(ClockStart(Rule.STAGE1_RESPONSE, Anchor.RECEIVED),),
    )
    yield T(
        Stage.RECEIVED,
        Action.ACCEPT_STATUTORY_STAGE2,
        Stage.S2_REQUESTED,
        route=Route.STATUTORY,
        roles=MANAGER,
        guards=(direct_stage2_was_agreed,),
        starts=(
            ClockStart(
                Rule.STAGE2_RESPONSE, Anchor.ACTION, s2_clock_from(S2Start.REQUEST_RECEIVED)
            ),
        ),
    )
    yield T(
        Stage.RECEIVED,
        Action.ACCEPT_CORPORATE,
        Stage.CORP_S1,
        route=Route.CORPORATE,
        starts=CORPORATE_STAGE1_CLOCK,
        guards=(statutory_matter_needs_manager,),
    )
    yield T(
        Stage.RECEIVED,
        Action.NOT_ACCEPT,
        Stage.NOT_ACCEPTED,
        route=Route.NOT_ACCEPTED,
        stops=(Rule.ACK,),
        roles=MANAGER,
        guards=(not_accepted_on_grounds,),
    )
    yield T(
        Stage.RECEIVED,
        Action.REDIRECT,
        Stage.REDIRECTED,
        route=Route.OTHER_PROCESS,
        stops=(Rule.ACK,),
        guards=(needs_reason,),
    )
    yield T(
        Stage.RECEIVED,
        Action.LOG_COMPLIMENT,
        Stage.COMPLIMENT_LOGGED,
        route=Route.COMPLIMENT,
        stops=(Rule.ACK,),
    )
    yield T(
        Stage.RECEIVED,
        Action.LOG_COMMENT,
        Stage.COMMENT_LOGGED,
        route=Route.COMMENT,
        stops=(Rule.ACK,),
    )

    # Statutory stage 1: 10 working days from receipt, up to 20 (Reg 14)
    yield T(
        Stage.STAT_S1,
        Action.EXTEND_STAGE1,
        Stage.STAT_S1,
        extends=Rule.STAGE1_RESPONSE,
        guards=(extension_within_maximum,),
    )
    stage2_window = (ClockStart(Rule.STAGE2_REQUEST_WINDOW, Anchor.COMPLAINANT_RECEIVED),)
    yield T(
        Stage.STAT_S1,
        Action.RESOLVE_STAGE1,
        Stage.RESOLVED_S1,
        stops=(Rule.STAGE1_RESPONSE, Rule.ACK),
        # Resolved is the complainant's word, and they may still ask for stage 2 (Reg 15)
        starts=stage2_window,
        guards=(
            resolution_was_agreed,
            every_point_has_finding(FindingStage.STAGE1),
            response_receipt_follows_sending,
        ),
        roles=COMPLAINTS_TEAM | {Role.RESPONDING_MANAGER},
    )
    yield T(
        Stage.STAT_S1,
        Action.RESPOND_STAGE1,
        Stage.RESPONDED_S1,
        stops=(Rule.STAGE1_RESPONSE, Rule.ACK),
        starts=stage2_window,
        guards=(every_point_has_finding(FindingStage.STAGE1), response_receipt_follows_sending),
        roles=COMPLAINTS_TEAM | {Role.RESPONDING_MANAGER},
    )
    stage2_clock = (
        ClockStart(Rule.STAGE2_RESPONSE, Anchor.ACTION, s2_clock_from(S2Start.REQUEST_RECEIVED)),
    )
    # Escalation when stage 1 is late (docs/law/escalation.md): the stage 1 clock ends missed
    yield T(
        Stage.STAT_S1,
        Action.REQUEST_STAGE2,
        Stage.S2_REQUESTED,
        stops=(Rule.STAGE1_RESPONSE, Rule.ACK),
        starts=stage2_clock,
        guards=(stage1_response_is_overdue,),
    )

    # Asking for stage 2: 20 working days from receiving the stage 1 response or resolution
    for stage in (Stage.RESPONDED_S1, Stage.RESOLVED_S1):
        yield T(
            stage,
            Action.REQUEST_STAGE2,
            Stage.S2_REQUESTED,
            stops=(Rule.STAGE2_REQUEST_WINDOW,),
            starts=stage2_clock,
            guards=(late_request_has_discretion_decision(Rule.STAGE2_REQUEST_WINDOW),),
        )
        yield T(
            stage,
            Action.REFUSE_LATE_STAGE2_REQUEST,
            Stage.CLOSED,
            stops=(Rule.STAGE2_REQUEST_WINDOW,),
            roles=MANAGER,
            guards=(refusal_only_for_late_request(Rule.STAGE2_REQUEST_WINDOW), needs_reason),
        )
        yield T(
            stage,
            Action.CLOSE,
            Stage.CLOSED,
            lapses=(Rule.STAGE2_REQUEST_WINDOW,),
            guards=(window_closed_or_declined(Rule.STAGE2_REQUEST_WINDOW, "stage 2"),),
        )

    # Statutory stage 2: investigating officer and independent person; 25 working days, up to 65
    yield T(
        Stage.S2_REQUESTED,
        Action.APPOINT_INVESTIGATORS,
        Stage.S2_REQUESTED,
        guards=(appointed_investigators_are_eligible,),
    )
    yield T(
        Stage.S2_REQUESTED,
        Action.AGREE_STATEMENT,
        Stage.S2_STATEMENT_AGREED,
        starts=(
            ClockStart(
                Rule.STAGE2_RESPONSE, Anchor.ACTION, s2_clock_from(S2Start.STATEMENT_AGREED)
            ),
        ),
        guards=(statement_has_investigators_and_points,),
        roles=COMPLAINTS_TEAM | {Role.INVESTIGATING_OFFICER},
    )
    yield T(
        Stage.S2_STATEMENT_AGREED,
        Action.START_INVESTIGATION,
        Stage.S2_INVESTIGATING,
        roles=COMPLAINTS_TEAM | {Role.INVESTIGATING_OFFICER},
    )
    for stage in (
        Stage.S2_REQUESTED,
        Stage.S2_STATEMENT_AGREED,
        Stage.S2_INVESTIGATING,
        Stage.S2_REPORTS_RECEIVED,
    ):
        yield T(
            stage,
            Action.EXTEND_STAGE2,
            stage,
            extends=Rule.STAGE2_RESPONSE,
            guards=(extension_within_maximum,),
        )
    yield T(
        Stage.S2_INVESTIGATING,
        Action.RECEIVE_REPORTS,
        Stage.S2_REPORTS_RECEIVED,
        guards=(every_point_has_finding(FindingStage.STAGE2_INVESTIGATION),),
    )
    yield T(
        Stage.S2_REPORTS_RECEIVED,
        Action.ADJUDICATE,
        Stage.S2_ADJUDICATED,
        stops=(Rule.STAGE2_RESPONSE,),
        starts=(ClockStart(Rule.STAGE3_REQUEST_WINDOW, Anchor.COMPLAINANT_RECEIVED),),
        guards=(
            every_point_has_finding(FindingStage.STAGE2_ADJUDICATION),
            every_recommendation_decided("investigating_officer", "the investigating officer's"),
            response_receipt_follows_sending,
        ),
        roles=COMPLAINTS_TEAM | {Role.ADJUDICATING_OFFICER},
    )

    # Asking for stage 3: 20 working days from receiving the stage 2 response
    yield T(
        Stage.S2_ADJUDICATED,
        Action.REQUEST_STAGE3,
        Stage.S3_REQUESTED,
        stops=(Rule.STAGE3_REQUEST_WINDOW,),
        starts=(ClockStart(Rule.STAGE3_PANEL, Anchor.ACTION),),
        guards=(late_request_has_discretion_decision(Rule.STAGE3_REQUEST_WINDOW),),
    )
    yield T(
        Stage.S2_ADJUDICATED,
        Action.REFUSE_LATE_STAGE3_REQUEST,
        Stage.CLOSED,
        stops=(Rule.STAGE3_REQUEST_WINDOW,),
        roles=MANAGER,
        guards=(refusal_only_for_late_request(Rule.STAGE3_REQUEST_WINDOW), needs_reason),
    )
    yield T(
        Stage.S2_ADJUDICATED,
        Action.CLOSE,
        Stage.CLOSED,
        lapses=(Rule.STAGE3_REQUEST_WINDOW,),
        guards=(window_closed_or_declined(Rule.STAGE3_REQUEST_WINDOW, "a review panel"),),
    )

    # Stage 3 review panel: meets within 30 working days of the request (Reg 19(4)); report in 5
    # (Reg 20(1)); the council's response in 15 (Reg 20(3)). No power to extend: slippage is a
    # breach recorded with a reason.
    for stage in (Stage.S3_REQUESTED, Stage.PANEL_SCHEDULED):
        yield T(
            stage,
            Action.CONVENE_PANEL,
            Stage.PANEL_SCHEDULED,
            guards=(panel_is_three_independent_people, panel_date_follows_the_request),
        )
    yield T(
        Stage.PANEL_SCHEDULED,
        Action.HOLD_PANEL,
        Stage.PANEL_HELD,
        stops=(Rule.STAGE3_PANEL,),
        starts=(
            ClockStart(Rule.STAGE3_PANEL_REPORT, Anchor.ACTION),
            ClockStart(
                Rule.STAGE3_LA_RESPONSE,
                Anchor.ACTION,
                la_response_from(LaResponseAnchor.PANEL_DATE),
            ),
        ),
        roles=COMPLAINTS_TEAM | {Role.PANEL_CHAIR},
    )
    yield T(
        Stage.PANEL_HELD,
        Action.ISSUE_PANEL_REPORT,
        Stage.PANEL_REPORT_ISSUED,
        stops=(Rule.STAGE3_PANEL_REPORT,),
        starts=(
            ClockStart(
                Rule.STAGE3_LA_RESPONSE,
                Anchor.ACTION,
                la_response_from(LaResponseAnchor.REPORT_RECEIVED),
            ),
        ),
        roles=COMPLAINTS_TEAM | {Role.PANEL_CHAIR},
    )
    yield T(
        Stage.PANEL_REPORT_ISSUED,
        Action.ISSUE_LA_RESPONSE,
        Stage.LA_RESPONSE_ISSUED,
        stops=(Rule.STAGE3_LA_RESPONSE,),
        roles=MANAGER | {Role.DIRECTOR},
        guards=(
            every_recommendation_decided("review_panel", "the panel's"),
            response_receipt_follows_sending,
        ),
    )
    yield T(Stage.LA_RESPONSE_ISSUED, Action.CLOSE, Stage.CLOSED)

    # Corporate procedure (domain.md §2.9): the council profile sets its timescales and anchors
    yield T(
        Stage.CORP_S1,
        Action.EXTEND_CORPORATE_STAGE1,
        Stage.CORP_S1,
        extends=Rule.CORPORATE_STAGE1_RESPONSE,
        guards=(extension_within_maximum,),
    )
    yield T(
        Stage.CORP_S1,
        Action.RESPOND_CORPORATE_STAGE1,
        Stage.CORP_S1_RESPONDED,
        stops=(Rule.CORPORATE_STAGE1_RESPONSE, Rule.ACK),
        starts=(ClockStart(Rule.CORPORATE_STAGE2_REQUEST_WINDOW, Anchor.COMPLAINANT_RECEIVED),),
        guards=(
            every_point_has_finding(FindingStage.CORPORATE_STAGE1),
            response_receipt_follows_sending,
        ),
        roles=COMPLAINTS_TEAM | {Role.RESPONDING_MANAGER},
    )
    yield T(
        Stage.CORP_S1_RESPONDED,
        Action.REQUEST_CORPORATE_STAGE2,
        Stage.CORP_S2,
        stops=(Rule.CORPORATE_STAGE2_REQUEST_WINDOW,),
        guards=(late_request_has_discretion_decision(Rule.CORPORATE_STAGE2_REQUEST_WINDOW),),
        starts=(
            ClockStart(Rule.CORPORATE_STAGE2_ACK, Anchor.ACTION),
            ClockStart(
                Rule.CORPORATE_STAGE2_RESPONSE,
                Anchor.ACTION,
                corporate_stage2_from(CorporateAnchor.RECEIPT),
            ),
        ),
    )
    yield T(
        Stage.CORP_S1_RESPONDED,
        Action.CLOSE,
        Stage.CLOSED,
        lapses=(Rule.CORPORATE_STAGE2_REQUEST_WINDOW,),
        guards=(window_closed_or_declined(Rule.CORPORATE_STAGE2_REQUEST_WINDOW, "stage 2"),),
    )
    yield T(
        Stage.CORP_S2,
        Action.ACKNOWLEDGE_CORPORATE_STAGE2,
        Stage.CORP_S2,
        stops=(Rule.CORPORATE_STAGE2_ACK,),
        starts=(
            ClockStart(
                Rule.CORPORATE_STAGE2_RESPONSE,
                Anchor.CORPORATE_STAGE2_ACKNOWLEDGED,
                corporate_stage2_from(CorporateAnchor.ACKNOWLEDGEMENT),
            ),
        ),
    )
    yield T(
        Stage.CORP_S2,
        Action.EXTEND_CORPORATE_STAGE2,
        Stage.CORP_S2,
        extends=Rule.CORPORATE_STAGE2_RESPONSE,
        guards=(extension_within_maximum,),
    )
    yield T(
        Stage.CORP_S2,
        Action.RESPOND_CORPORATE_STAGE2,
        Stage.CORP_S2_RESPONDED,
        stops=(Rule.CORPORATE_STAGE2_RESPONSE, Rule.CORPORATE_STAGE2_ACK),
        guards=(
            every_point_has_finding(FindingStage.CORPORATE_STAGE2),
            response_receipt_follows_sending,
        ),
    )
    yield T(Stage.CORP_S2_RESPONDED, Action.CLOSE, Stage.CLOSED)

    # From any open stage (domain.md §2.8)
    for stage in WITHDRAWABLE:
        yield T(stage, Action.WITHDRAW, Stage.WITHDRAWN, stops_all=True)
    for stage in OPEN_STAGES:
        yield T(
            stage,
            Action.DEFER,
            Stage.DEFERRED,
            stops_all=True,
            route=Route.DEFERRED,
            guards=(deferral_has_reason_and_review_date,),
        )
    yield T(Stage.DEFERRED, Action.RESUME, Stage.RECEIVED, starts=ack_clock)
    yield T(Stage.DEFERRED, Action.WITHDRAW, Stage.WITHDRAWN)
    yield T(Stage.DEFERRED, Action.CLOSE, Stage.CLOSED, guards=(needs_reason,))
    for stage in REOPENABLE:
        yield T(
            stage,
            Action.REOPEN,
            Stage.RECEIVED,
            starts=ack_clock,
            roles=MANAGER,
            route=Route.UNDECIDED,
            guards=(needs_reason,),
        )


TRANSITIONS: dict[tuple[Stage, Action], Transition] = {}
for _row in _rows():
    if (_row.stage, _row.action) in TRANSITIONS:
        raise AssertionError(f"Two rows for {_row.stage} / {_row.action}")
    TRANSITIONS[(_row.stage, _row.action)] = _row


def allowed_actions(stage: Stage) -> list[Action]:
    """The actions the table allows from `stage`, in the table's order."""
    return [action for (from_stage, action) in TRANSITIONS if from_stage is stage]


# When triage routes the whole case, points not routed one by one (domain.md §3.2) follow it.
ROUTES_POINTS_FOLLOW = frozenset(
    {Route.STATUTORY, Route.CORPORATE, Route.NOT_ACCEPTED, Route.OTHER_PROCESS}
)

# The findings an action gives the complainant (its guard checks every point has one). The day of
# the action puts them in a period's outcomes (domain.md §5.2): the services stamp it on each
# finding as its `given_on`.
FINDINGS_GIVEN: Mapping[Action, FindingStage] = {
    Action.RESOLVE_STAGE1: FindingStage.STAGE1,
    Action.RESPOND_STAGE1: FindingStage.STAGE1,
    Action.ADJUDICATE: FindingStage.STAGE2_ADJUDICATION,
    Action.RESPOND_CORPORATE_STAGE1: FindingStage.CORPORATE_STAGE1,
    Action.RESPOND_CORPORATE_STAGE2: FindingStage.CORPORATE_STAGE2,
}
# The findings a step records: those it gives, and the investigator's with the reports.
FINDINGS_RECORDED: Mapping[Action, FindingStage] = {
    **FINDINGS_GIVEN,
    Action.RECEIVE_REPORTS: FindingStage.STAGE2_INVESTIGATION,
}
# The steps that send the complainant a response: how it went decides when they received it.
RESPONSES = frozenset(
    {
        Action.RESOLVE_STAGE1,
        Action.RESPOND_STAGE1,
        Action.ADJUDICATE,
        Action.ISSUE_LA_RESPONSE,
        Action.RESPOND_CORPORATE_STAGE1,
        Action.RESPOND_CORPORATE_STAGE2,
    }
)

# Stages where the case is finished: no clock runs; at most it can be reopened.
FINISHED_STAGES = frozenset(
    {
        Stage.NOT_ACCEPTED,
        Stage.REDIRECTED,
        Stage.COMPLIMENT_LOGGED,
        Stage.COMMENT_LOGGED,
        Stage.CLOSED,
        Stage.WITHDRAWN,
    }
)


class InvalidTransition(Exception):
    """The action is not allowed from the case's current stage."""

    def __init__(self, stage: Stage, action: Action) -> None:
        super().__init__(
            f"You cannot {action.value.replace('_', ' ')} a case that is at "
            f"'{stage.label}'. Check its status and try again."
        )
        self.stage = stage
        self.action = action


class StepRefused(InvalidTransition):
    """The table has no such move, and there is a rule to explain why (`REFUSALS`)."""

    def __init__(self, stage: Stage, action: Action, message: str) -> None:
        Exception.__init__(self, message)
        self.stage = stage
        self.action = action


Explain = Callable[[CaseFacts, CouncilProfile, WorkingCalendar], str]

STAGE2_UNDER_WAY = (
    Stage.S2_REQUESTED,
    Stage.S2_STATEMENT_AGREED,
    Stage.S2_INVESTIGATING,
    Stage.S2_REPORTS_RECEIVED,
)


def _stage3_before_adjudication(
    facts: CaseFacts, profile: CouncilProfile, calendar: WorkingCalendar
) -> str:
    """Stage 2 past its ceiling (docs/law/escalation.md): a review panel reviews the council's
    stage 2 response (Reg 18), so there is none to ask for until it is sent; past the ceiling the
    complainant may go to the Ombudsman instead."""
    clock = facts.running_clocks.get(Rule.STAGE2_RESPONSE)
    ceiling = None
    if clock is not None:
        ceiling = calendar.add_working_days(
            clock.anchor_date, working_days_for(Rule.STAGE2_EXTENDED, profile)
        )
    base = (
        "A review panel (stage 3) considers the council's stage 2 response (Reg 18), and it has "
        "not been sent yet"
    )
    if ceiling is None:
        return base + ". Record the stage 2 response first"
    return (
        f"{base}. Stage 2 must be finished by {long_date(ceiling)} "
        f"({profile.stage2.maximum_working_days} working days from its start); after that day the "
        "complainant may complain to the Local Government and Social Care Ombudsman without "
        "waiting for stage 3 (the Ombudsman accepts complaints at any stage where the council's "
        "handling is significantly delayed)"
    )


def _withdraw_after_response(
    facts: CaseFacts, profile: CouncilProfile, calendar: WorkingCalendar
) -> str:
    return (
        "The complaint has been answered: after a response a case closes, it is not withdrawn. "
        "If the complainant does not want to go further, close it with the date they said so"
    )


def _stage2_before_triage(
    facts: CaseFacts, profile: CouncilProfile, calendar: WorkingCalendar
) -> str:
    return (
        "The complaint has not been accepted into the procedure yet: accept it at stage 1 first. "
        "The complaints manager can take it straight to stage 2 if the complainant agrees"
    )


REFUSALS: Mapping[tuple[Stage, Action], Explain] = {
    **{(stage, Action.REQUEST_STAGE3): _stage3_before_adjudication for stage in STAGE2_UNDER_WAY},
    **{(stage, Action.WITHDRAW): _withdraw_after_response for stage in ANSWERED},
    (Stage.RECEIVED, Action.REQUEST_STAGE2): _stage2_before_triage,
}


def transition_for(stage: Stage, action: Action) -> Transition:
    try:
        return TRANSITIONS[(stage, action)]
    except KeyError:
        raise InvalidTransition(stage, action) from None


def next_stage(stage: Stage, action: Action) -> Stage:
    return transition_for(stage, action).to


class GuardFailed(Exception):
    """The move is in the table but its conditions do not hold. Nothing has changed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ClockToStart:
    rule: Rule
    anchor: Anchor
    anchor_date: date
    working_days: int
    due: date


@dataclass(frozen=True, slots=True)
class ClockExtension:
    rule: Rule
    working_days: int
    due: date


@dataclass(frozen=True, slots=True)
class Plan:
    """What taking an action does to a case: the functional core's answer to the shell."""

    transition: Transition
    stop: tuple[Rule, ...]  # completed now: met if on or before the due date
    start: tuple[ClockToStart, ...]
    extend: ClockExtension | None
    lapse: tuple[
        Rule, ...
    ] = ()  # ended now without a verdict (withdrawal, deferral, window unused)


def plan(
    stage: Stage,
    action: Action,
    *,
    facts: CaseFacts,
    request: ActionRequest,
    profile: CouncilProfile,
    calendar: WorkingCalendar,
    corporate_calendar: WorkingCalendar | None = None,
) -> Plan:
    """Check the table and the guards, and work out every clock the move starts, stops or extends.

    `calendar` counts the statutory clocks (Reg 2); `corporate_calendar`, when given, the
    corporate procedure's (it may also skip the council's closure days). Raises InvalidTransition
    (StepRefused, with the rule, where one explains it) when the table has no such move, and
    GuardFailed when its conditions fail.
    """
    if (stage, action) not in TRANSITIONS and (stage, action) in REFUSALS:
        raise StepRefused(stage, action, REFUSALS[(stage, action)](facts, profile, calendar))
    transition = transition_for(stage, action)
    corporate = corporate_calendar or calendar

    def calendar_for(rule: Rule) -> WorkingCalendar:
        return corporate if rule in CORPORATE_RULES else calendar

    check = Check(facts, request, profile, calendar, extends=transition.extends)
    problems = chronology(check)
    problems += [problem for guard in transition.guards for problem in guard(check)]
    if problems:
        raise GuardFailed(problems)

    running = facts.running_clocks
    stop: tuple[Rule, ...]
    lapse: tuple[Rule, ...]
    if transition.stops_all:
        stop, lapse = (), tuple(running)
    else:
        stop = tuple(r for r in transition.stops if r in running)
        lapse = tuple(r for r in transition.lapses if r in running)
    anchor_dates = {
        # A reopened or resumed case is triaged afresh: its receipt clocks count from then.
        Anchor.RECEIVED: facts.triage_restarted_on or facts.received_on,
        Anchor.ACTION: request.on,
        Anchor.ACKNOWLEDGED: request.on if action is Action.ACKNOWLEDGE else facts.acknowledged_on,
        Anchor.CORPORATE_STAGE2_ACKNOWLEDGED: (
            request.on
            if action is Action.ACKNOWLEDGE_CORPORATE_STAGE2
            else facts.corporate_stage2_acknowledged_on
        ),
    }
    anchor_dates[Anchor.COMPLAINANT_RECEIVED] = received_by_complainant_on(
        request.on,
        request.sent_by,
        profile,
        calendar,
        known=request.received_by_complainant_on,
    )
    start = []
    for clock in transition.starts:
        anchor_date = anchor_dates[clock.anchor]
        if not clock.applies(profile) or anchor_date is None:
            continue
        if clock.rule in running and clock.rule not in stop + lapse:
            continue
        working_days = working_days_for(clock.rule, profile)
        due = calendar_for(clock.rule).add_working_days(anchor_date, working_days)
        start.append(ClockToStart(clock.rule, clock.anchor, anchor_date, working_days, due))

    extend = None
    if transition.extends is not None and request.extend_to_working_days is not None:
        extended = running[transition.extends]
        due = calendar_for(transition.extends).add_working_days(
            extended.anchor_date, request.extend_to_working_days
        )
        extend = ClockExtension(transition.extends, request.extend_to_working_days, due)
    return Plan(transition, stop, tuple(start), extend, lapse)
