"""The demo council's year as a table of scenarios: what happens to a case, and when.

Each scenario is a case's story as the steps staff take (actions of the transition table in
redress/domain/workflow.py, findings, Ombudsman steps), each with its timing (see timing.py), and
the stage the story ends at. An open scenario also says where today falls (`today`): "two to twelve
working days after the stage 1 response was due" makes an overdue stage 1. A finished scenario
ends some time in the year before today.

`CORE` scenarios appear once in every load, in table order, so that even a small load shows every
stage, every kind of finding, a breached clock and an overdue one. The rest of the year is drawn
from `WEIGHTED`, in proportions like a mid-sized council's annual report: most complaints end at
stage 1, about one in ten goes to stage 2 and a handful to a review panel; compliments are common.
"""

from dataclasses import dataclass
from enum import StrEnum

from redress.demo.catalogue import NOT_ACCEPTED, NOT_ACCEPTED_LATE
from redress.demo.timing import Wait, due, gap, swept
from redress.domain.facts import DeferralReason, Discretion, Route
from redress.domain.findings import Finding
from redress.domain.ombudsman import OmbudsmanAction, OmbudsmanDecision
from redress.domain.rules import Rule
from redress.domain.workflow import Action, Stage


class Kind(StrEnum):
    COMPLAINT = "complaint"
    COMPLIMENT = "compliment"
    COMMENT = "comment"


class Extra(StrEnum):
    """Steps that are not transitions of the table."""

    ADD_POINT = "add_point"  # a point added when the stage 2 statement is agreed
    ROUTE_POINT_ELSEWHERE = "route_point_elsewhere"  # one point of a mixed complaint (§3.2)


@dataclass(frozen=True)
class Step:
    do: Action | OmbudsmanAction | Extra
    wait: Wait
    reason: str = ""  # instead of the catalogue's usual reason for this action
    outcomes: tuple[Finding, ...] = ()  # findings to record, point by point (cycled)
    deferral: DeferralReason | None = None
    decision: OmbudsmanDecision | None = None
    recommendations: int | None = None  # how many a report makes (None: as the findings suggest)
    rejected: int = 0  # how many of the recommendations the council then rejects
    by_sweep: bool = False  # taken by the daily sweep (nobody), not by a member of staff

    @property
    def name(self) -> str:
        return self.do.value


@dataclass(frozen=True)
class Scenario:
    name: str
    ends_at: Stage
    steps: tuple[Step, ...]
    today: Wait | None = None  # None: the story is over before today
    kind: Kind = Kind.COMPLAINT
    route: Route = Route.STATUTORY  # which service areas it can be about
    points: tuple[int, int] = (1, 3)
    late_complaint: Discretion | None = None  # made after the time limit, and the decision
    channel: str = ""  # forced channel (otherwise drawn)
    complainant_type: str = ""  # forced complainant type (otherwise drawn)
    eligibility_refused: bool = False


step = Step
A = Action
R = Rule
OMB = OmbudsmanAction

# Fragments: the usual way each part of the procedure goes, reused by the scenarios below.
TRIAGE = (
    step(A.ACCEPT_STATUTORY, due(R.ACK, -3, 0)),
    step(A.ACKNOWLEDGE, gap(0)),  # the acknowledgement says which procedure applies
)
TRIAGE_CORPORATE = (
    step(A.ACCEPT_CORPORATE, due(R.ACK, -3, 0)),
    step(A.ACKNOWLEDGE, gap(0)),
)
RESPOND = step(A.RESPOND_STAGE1, due(R.STAGE1_RESPONSE, -5, 0))
STAGE1 = (*TRIAGE, RESPOND)
STAGE1_LATE = (*TRIAGE, step(A.RESPOND_STAGE1, due(R.STAGE1_RESPONSE, 1, 8)))
STAGE1_EXTENDED = (
    *TRIAGE,
    step(A.EXTEND_STAGE1, due(R.STAGE1_RESPONSE, -3, -1)),
    step(A.RESPOND_STAGE1, due(R.STAGE1_RESPONSE, -8, 0, extended=True)),
)
# Nobody asked for the next stage: the daily sweep closes the case once the window and its grace
# have passed, as the real system does.
SWEPT_AFTER_STAGE2_WINDOW = step(A.CLOSE, swept(R.STAGE2_REQUEST_WINDOW), by_sweep=True)
SWEPT_AFTER_STAGE3_WINDOW = step(A.CLOSE, swept(R.STAGE3_REQUEST_WINDOW), by_sweep=True)
SWEPT_AFTER_CORPORATE_WINDOW = step(
    A.CLOSE, swept(R.CORPORATE_STAGE2_REQUEST_WINDOW), by_sweep=True
)
REQUEST_STAGE2 = step(A.REQUEST_STAGE2, due(R.STAGE2_REQUEST_WINDOW, -16, -3))
APPOINT = step(A.APPOINT_INVESTIGATORS, gap(3, 8))
STATEMENT = (
    step(Extra.ADD_POINT, gap(4, 10)),  # the statement often sharpens or adds a point
    step(A.AGREE_STATEMENT, gap(0)),
)
INVESTIGATE = step(A.START_INVESTIGATION, gap(1, 4))
REPORTS = step(A.RECEIVE_REPORTS, due(R.STAGE2_RESPONSE, -8, -3))
ADJUDICATE = step(A.ADJUDICATE, due(R.STAGE2_RESPONSE, -2, 0))
STAGE2 = (APPOINT, *STATEMENT, INVESTIGATE, REPORTS, ADJUDICATE)
REQUEST_STAGE3 = step(A.REQUEST_STAGE3, due(R.STAGE3_REQUEST_WINDOW, -15, -2))
CONVENE = step(A.CONVENE_PANEL, gap(4, 10))
HOLD = step(A.HOLD_PANEL, due(R.STAGE3_PANEL, -6, 0))
PANEL_REPORT = step(A.ISSUE_PANEL_REPORT, due(R.STAGE3_PANEL_REPORT, -3, 0))
LA_RESPONSE = step(A.ISSUE_LA_RESPONSE, due(R.STAGE3_LA_RESPONSE, -5, 0))
CORPORATE_RESPOND = step(A.RESPOND_CORPORATE_STAGE1, due(R.CORPORATE_STAGE1_RESPONSE, -5, 0))
CORPORATE_STAGE2 = (
    step(A.REQUEST_CORPORATE_STAGE2, gap(5, 15)),
    step(A.ACKNOWLEDGE_CORPORATE_STAGE2, due(R.CORPORATE_STAGE2_ACK, -3, 0)),
)
CORPORATE_RESPOND_STAGE2 = step(A.RESPOND_CORPORATE_STAGE2, due(R.CORPORATE_STAGE2_RESPONSE, -6, 0))
CLOSE_CORPORATE_STAGE2 = step(A.CLOSE, gap(2, 8))  # the sweep leaves these to staff
OMBUDSMAN_ENQUIRY = step(OMB.RECORD_ENQUIRY, gap(15, 40))
ALL_FOUR = (
    Finding.UPHELD,
    Finding.PARTIALLY_UPHELD,
    Finding.NOT_UPHELD,
    Finding.UNABLE_TO_DETERMINE,
)

S = Scenario
# fmt: off
CORE: tuple[Scenario, ...] = (
    # Just arrived, not yet triaged
    S("new complaint awaiting triage", Stage.RECEIVED, (), today=gap(0, 1)),
    # Triage outcomes that end the case
    S("late complaint refused", Stage.NOT_ACCEPTED,
      (step(A.NOT_ACCEPT, due(R.ACK, -3, 0), reason=NOT_ACCEPTED_LATE),),
      late_complaint=Discretion.REFUSE),
    S("redirected to another process", Stage.REDIRECTED,
      (step(A.REDIRECT, due(R.ACK, -3, 0)),)),
    S("compliment", Stage.COMPLIMENT_LOGGED,
      (step(A.LOG_COMPLIMENT, due(R.ACK, -4, 0)),), kind=Kind.COMPLIMENT, points=(0, 0)),
    S("comment or suggestion", Stage.COMMENT_LOGGED,
      (step(A.LOG_COMMENT, due(R.ACK, -4, 0)),), kind=Kind.COMMENT, points=(0, 0)),
    S("deferred while care proceedings run", Stage.DEFERRED,
      (step(A.ACKNOWLEDGE, due(R.ACK, -3, 0)),
       step(A.DEFER, gap(0, 2), deferral=DeferralReason.ONGOING_COURT)),
      today=gap(20, 90)),  # reviewed 8 to 16 weeks on: some reviews are due by today
    # Statutory stage 1
    S("stage 1 overdue", Stage.STAT_S1, TRIAGE, today=due(R.STAGE1_RESPONSE, 2, 12)),
    S("stage 1 resolved, awaiting closure", Stage.RESOLVED_S1,
      (*TRIAGE, step(A.RESOLVE_STAGE1, due(R.STAGE1_RESPONSE, -6, -1))), today=gap(0, 3)),
    S("stage 1 answered, stage 2 window open", Stage.RESPONDED_S1, STAGE1,
      today=due(R.STAGE2_REQUEST_WINDOW, -15, -1)),
    # Statutory stage 2, at each step
    S("stage 2 requested, investigators appointed", Stage.S2_REQUESTED,
      (*STAGE1, REQUEST_STAGE2, APPOINT), today=gap(1, 5)),
    S("stage 2 statement agreed", Stage.S2_STATEMENT_AGREED,
      (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT), today=gap(0, 4)),
    S("stage 2 investigating, extended", Stage.S2_INVESTIGATING,
      (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT, INVESTIGATE,
       step(A.EXTEND_STAGE2, due(R.STAGE2_RESPONSE, -8, -3))),
      today=due(R.STAGE2_RESPONSE, 1, 15), points=(2, 3)),
    S("stage 2 reports received", Stage.S2_REPORTS_RECEIVED,
      (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT, INVESTIGATE, REPORTS), today=gap(0, 2)),
    S("stage 2 adjudicated, stage 3 window open", Stage.S2_ADJUDICATED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2), today=due(R.STAGE3_REQUEST_WINDOW, -15, -1)),
    # Statutory stage 3, at each step
    S("stage 3 requested", Stage.S3_REQUESTED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3), today=gap(1, 5)),
    S("review panel scheduled", Stage.PANEL_SCHEDULED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE),
      today=due(R.STAGE3_PANEL, -8, -1)),
    S("review panel held", Stage.PANEL_HELD,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE, HOLD),
      today=due(R.STAGE3_PANEL_REPORT, -4, -1)),
    S("panel report issued", Stage.PANEL_REPORT_ISSUED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE, HOLD, PANEL_REPORT),
      today=due(R.STAGE3_LA_RESPONSE, -10, -1)),
    S("council's stage 3 response issued", Stage.LA_RESPONSE_ISSUED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE, HOLD, PANEL_REPORT,
       LA_RESPONSE), today=gap(1, 10)),
    # Corporate procedure, at each step
    S("corporate stage 1 open", Stage.CORP_S1, TRIAGE_CORPORATE,
      today=due(R.CORPORATE_STAGE1_RESPONSE, -6, -1), route=Route.CORPORATE),
    S("corporate stage 1 answered", Stage.CORP_S1_RESPONDED,
      (*TRIAGE_CORPORATE, CORPORATE_RESPOND), today=gap(1, 10), route=Route.CORPORATE),
    S("corporate stage 2 open", Stage.CORP_S2,
      (*TRIAGE_CORPORATE, CORPORATE_RESPOND, *CORPORATE_STAGE2),
      today=due(R.CORPORATE_STAGE2_RESPONSE, -10, -1), route=Route.CORPORATE),
    S("corporate stage 2 answered", Stage.CORP_S2_RESPONDED,
      (*TRIAGE_CORPORATE, CORPORATE_RESPOND, *CORPORATE_STAGE2, CORPORATE_RESPOND_STAGE2),
      today=gap(1, 10), route=Route.CORPORATE),
    # Finished stories
    S("stage 1 answered and closed", Stage.CLOSED, (*STAGE1, SWEPT_AFTER_STAGE2_WINDOW)),
    S("withdrawn at stage 1", Stage.WITHDRAWN, (*TRIAGE, step(A.WITHDRAW, gap(2, 6)))),
    S("stage 2 with every kind of finding, then the Ombudsman upheld it", Stage.CLOSED,
      (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT, INVESTIGATE,
       step(A.RECEIVE_REPORTS, due(R.STAGE2_RESPONSE, -8, -3), outcomes=ALL_FOUR,
            recommendations=3),
       step(A.ADJUDICATE, due(R.STAGE2_RESPONSE, 2, 9), outcomes=ALL_FOUR, rejected=1),
       SWEPT_AFTER_STAGE3_WINDOW, OMBUDSMAN_ENQUIRY,
       step(OMB.RECORD_DECISION, gap(20, 40), decision=OmbudsmanDecision.UPHELD)),
      points=(3, 3)),
    S("stage 3 review panel, council accepts most recommendations", Stage.CLOSED,
      (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE, HOLD,
       step(A.ISSUE_PANEL_REPORT, due(R.STAGE3_PANEL_REPORT, -3, 0), recommendations=3),
       step(A.ISSUE_LA_RESPONSE, due(R.STAGE3_LA_RESPONSE, -5, 0), rejected=1),
       step(A.CLOSE, gap(2, 8)))),
    S("stage 1 answered late", Stage.CLOSED, (*STAGE1_LATE, SWEPT_AFTER_STAGE2_WINDOW)),
    S("stage 1 extended", Stage.CLOSED, (*STAGE1_EXTENDED, SWEPT_AFTER_STAGE2_WINDOW)),
    # A late request can only come within the sweep's grace: after it, the case is closed and
    # the table has no move that takes a late request on a closed case.
    S("late stage 2 request accepted", Stage.CLOSED,
      (*STAGE1, step(A.REQUEST_STAGE2, due(R.STAGE2_REQUEST_WINDOW, 1, 3)), *STAGE2,
       SWEPT_AFTER_STAGE3_WINDOW)),
    S("late stage 2 request refused", Stage.CLOSED,
      (*STAGE1, step(A.REFUSE_LATE_STAGE2_REQUEST, due(R.STAGE2_REQUEST_WINDOW, 2, 4)))),
    S("late complaint accepted", Stage.CLOSED, (*STAGE1, SWEPT_AFTER_STAGE2_WINDOW),
      late_complaint=Discretion.ACCEPT),
    S("withdrawn, then reopened", Stage.CLOSED,
      (*TRIAGE, step(A.WITHDRAW, gap(2, 5)), step(A.REOPEN, gap(3, 10)),
       step(A.ACKNOWLEDGE, gap(0, 1)), step(A.ACCEPT_STATUTORY, gap(0)),
       step(A.RESPOND_STAGE1, gap(5, 9)), SWEPT_AFTER_STAGE2_WINDOW)),
    S("deferred during a police investigation, then resumed", Stage.CLOSED,
      (step(A.ACKNOWLEDGE, due(R.ACK, -3, 0)),
       step(A.DEFER, gap(0, 2), deferral=DeferralReason.ONGOING_CRIMINAL),
       step(A.RESUME, gap(30, 60)), step(A.ACKNOWLEDGE, gap(0, 1)),
       step(A.ACCEPT_STATUTORY, gap(0)), step(A.RESPOND_STAGE1, gap(5, 9)),
       SWEPT_AFTER_STAGE2_WINDOW)),
    S("referred back by the Ombudsman as premature", Stage.CLOSED,
      (step(OMB.RECORD_PREMATURE_REFERRAL, gap(0)), *STAGE1, SWEPT_AFTER_STAGE2_WINDOW),
      channel="ombudsman_referral"),
    S("straight to stage 2 by agreement", Stage.CLOSED,
      (step(A.ACCEPT_STATUTORY_STAGE2, due(R.ACK, -3, 0)), step(A.ACKNOWLEDGE, gap(0)),
       *STAGE2, SWEPT_AFTER_STAGE3_WINDOW)),
    S("stage 1 in time", Stage.STAT_S1, TRIAGE, today=due(R.STAGE1_RESPONSE, -6, -1)),
    S("corporate stage 1 answered and closed", Stage.CLOSED,
      (*TRIAGE_CORPORATE, CORPORATE_RESPOND, SWEPT_AFTER_CORPORATE_WINDOW),
      route=Route.CORPORATE),
    S("stage 2 overdue", Stage.S2_INVESTIGATING,
      (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT, INVESTIGATE),
      today=due(R.STAGE2_RESPONSE, 2, 12)),
    S("Ombudsman enquiry open after stage 1", Stage.CLOSED,
      (*STAGE1, SWEPT_AFTER_STAGE2_WINDOW, OMBUDSMAN_ENQUIRY), today=gap(5, 25)),
)

# The rest of the year: (scenario, weight). Core scenarios reappear here with their weights.
_core = {scenario.name: scenario for scenario in CORE}
WEIGHTED: tuple[tuple[Scenario, int], ...] = (
    (_core["stage 1 answered and closed"], 88),
    (_core["stage 1 answered late"], 16),
    (_core["stage 1 extended"], 10),
    (S("stage 1 resolved and closed", Stage.CLOSED,
       (*TRIAGE, step(A.RESOLVE_STAGE1, due(R.STAGE1_RESPONSE, -6, 0)),
        step(A.CLOSE, gap(1, 5)))), 14),
    (S("mixed complaint, one point for another process", Stage.CLOSED,
       (step(Extra.ROUTE_POINT_ELSEWHERE, due(R.ACK, -3, 0)), *STAGE1,
        SWEPT_AFTER_STAGE2_WINDOW), points=(2, 3)), 5),
    (_core["compliment"], 45),
    (_core["comment or suggestion"], 10),
    (S("not accepted", Stage.NOT_ACCEPTED, (step(A.NOT_ACCEPT, due(R.ACK, -3, 0)),)), 5),
    (S("no sufficient interest", Stage.NOT_ACCEPTED,
       (step(A.NOT_ACCEPT, due(R.ACK, -3, 0), reason=NOT_ACCEPTED[2]),),
       complainant_type="sufficient_interest", eligibility_refused=True), 2),
    (_core["late complaint refused"], 1),
    (_core["redirected to another process"], 8),
    (_core["withdrawn at stage 1"], 6),
    (_core["corporate stage 1 answered and closed"], 24),
    (S("corporate stage 2 answered and closed", Stage.CLOSED,
       (*TRIAGE_CORPORATE, CORPORATE_RESPOND, *CORPORATE_STAGE2, CORPORATE_RESPOND_STAGE2,
        CLOSE_CORPORATE_STAGE2), route=Route.CORPORATE), 4),
    (S("stage 2 adjudicated and closed", Stage.CLOSED,
       (*STAGE1, REQUEST_STAGE2, *STAGE2, SWEPT_AFTER_STAGE3_WINDOW)), 6),
    (S("stage 2 extended and closed", Stage.CLOSED,
       (*STAGE1, REQUEST_STAGE2, APPOINT, *STATEMENT, INVESTIGATE,
        step(A.EXTEND_STAGE2, due(R.STAGE2_RESPONSE, -8, -3)),
        step(A.RECEIVE_REPORTS, due(R.STAGE2_RESPONSE, -12, -4, extended=True)),
        step(A.ADJUDICATE, due(R.STAGE2_RESPONSE, -3, 0, extended=True)),
        SWEPT_AFTER_STAGE3_WINDOW)), 3),
    (_core["stage 3 review panel, council accepts most recommendations"], 1),
    (S("review panel met late", Stage.CLOSED,
       (*STAGE1, REQUEST_STAGE2, *STAGE2, REQUEST_STAGE3, CONVENE,
        step(A.CONVENE_PANEL, gap(3, 6)),
        step(A.HOLD_PANEL, due(R.STAGE3_PANEL, 3, 10)), PANEL_REPORT,
        step(A.ISSUE_LA_RESPONSE, due(R.STAGE3_LA_RESPONSE, -5, 0)),
        step(A.CLOSE, gap(2, 8)))), 1),
    (_core["late complaint accepted"], 3),
    (_core["late stage 2 request accepted"], 1),
    (_core["deferred while care proceedings run"], 2),
    (_core["deferred during a police investigation, then resumed"], 1),
    (_core["referred back by the Ombudsman as premature"], 2),
    (S("Ombudsman found no fault", Stage.CLOSED,
       (*STAGE1, SWEPT_AFTER_STAGE2_WINDOW, OMBUDSMAN_ENQUIRY,
        step(OMB.RECORD_DECISION, gap(15, 35), decision=OmbudsmanDecision.NOT_UPHELD))), 2),
    (S("Ombudsman closed after initial enquiries", Stage.CLOSED,
       (*STAGE1, SWEPT_AFTER_STAGE2_WINDOW, OMBUDSMAN_ENQUIRY,
        step(OMB.RECORD_DECISION, gap(10, 25),
             decision=OmbudsmanDecision.CLOSED_AFTER_INITIAL_ENQUIRIES))), 1),
    (S("Ombudsman early resolution", Stage.CLOSED,
       (*STAGE1_LATE, SWEPT_AFTER_STAGE2_WINDOW, OMBUDSMAN_ENQUIRY,
        step(OMB.RECORD_DECISION, gap(10, 25), decision=OmbudsmanDecision.EARLY_RESOLUTION))),
     1),
    # Open work as of today
    (_core["new complaint awaiting triage"], 3),
    (_core["stage 1 in time"], 8),
    (_core["stage 1 overdue"], 3),
    (_core["stage 1 answered, stage 2 window open"], 5),
    (_core["corporate stage 1 open"], 3),
    (_core["corporate stage 1 answered"], 1),
)
# fmt: on
