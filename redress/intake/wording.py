"""How the public side says things: dates, where a case has got to, and what each clock means.

Staff labels (`Stage.label`) are written for case workers; these are written for the person who
complained, in plain English.
"""

from datetime import date

from redress.domain.facts import Route
from redress.domain.rules import Rule
from redress.domain.workflow import Stage


def long_date(day: date) -> str:
    """4 March 2026"""
    return f"{day.day} {day:%B %Y}"


def day_and_date(day: date) -> str:
    """Wednesday 4 March 2026"""
    return f"{day:%A} {long_date(day)}"


def file_size(size: int) -> str:
    """120KB, 2.4MB"""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}KB"
    return f"{size / (1024 * 1024):.1f}MB"


# Where the case has got to, as the complainant should hear it.
PUBLIC_STAGES: dict[Stage, str] = {
    Stage.RECEIVED: "We have received it and are deciding how to deal with it",
    Stage.NOT_ACCEPTED: "We could not accept it under the complaints procedure",
    Stage.REDIRECTED: "We have passed it to the right process to deal with it",
    Stage.COMPLIMENT_LOGGED: "We have recorded your compliment and passed it on",
    Stage.COMMENT_LOGGED: "We have recorded your comment or suggestion",
    Stage.DEFERRED: "On hold while other proceedings finish",
    Stage.STAT_S1: "Stage 1: we are looking into your complaint",
    Stage.RESOLVED_S1: "Stage 1: your complaint has been resolved",
    Stage.RESPONDED_S1: "Stage 1: we have sent you our response",
    Stage.S2_REQUESTED: "Stage 2: you have asked for an independent investigation",
    Stage.S2_STATEMENT_AGREED: "Stage 2: we have agreed what will be investigated",
    Stage.S2_INVESTIGATING: "Stage 2: your complaint is being investigated",
    Stage.S2_REPORTS_RECEIVED: "Stage 2: the investigation reports are being considered",
    Stage.S2_ADJUDICATED: "Stage 2: we have sent you our response",
    Stage.S3_REQUESTED: "Stage 3: you have asked for a review panel",
    Stage.PANEL_SCHEDULED: "Stage 3: the review panel has been arranged",
    Stage.PANEL_HELD: "Stage 3: the review panel has met",
    Stage.PANEL_REPORT_ISSUED: "Stage 3: the review panel has written its report",
    Stage.LA_RESPONSE_ISSUED: "Stage 3: we have sent you our final response",
    Stage.CORP_S1: "Stage 1: we are looking into your complaint",
    Stage.CORP_S1_RESPONDED: "Stage 1: we have sent you our response",
    Stage.CORP_S2: "Stage 2: your complaint is being reviewed",
    Stage.CORP_S2_RESPONDED: "Stage 2: we have sent you our final response",
    Stage.CLOSED: "Closed",
    Stage.WITHDRAWN: "Withdrawn",
}

# What a running clock means for the complainant: "<phrase> <date>". The complainant's own
# windows to ask for the next stage are not dates the council must meet: the tracking page shows
# them with the request instead.
CLOCK_PHRASES: dict[Rule, str] = {
    Rule.ACK: "We will tell you we have your complaint by",
    Rule.STAGE1_RESPONSE: "We will send you our stage 1 response by",
    Rule.STAGE2_RESPONSE: "We will send you our stage 2 response by",
    Rule.STAGE3_PANEL: "The review panel will meet by",
    Rule.STAGE3_PANEL_REPORT: "The review panel will send its report by",
    Rule.STAGE3_LA_RESPONSE: "We will send you our final response by",
    Rule.CORPORATE_STAGE1_RESPONSE: "We will send you our stage 1 response by",
    Rule.CORPORATE_STAGE2_ACK: "We will tell you we have your stage 2 request by",
    Rule.CORPORATE_STAGE2_RESPONSE: "We will send you our stage 2 response by",
}

PROCEDURE_NAMES: dict[Route, str] = {
    Route.STATUTORY: "the children's social care complaints procedure",
    Route.CORPORATE: "the council's corporate complaints procedure",
    Route.UNDECIDED: "the procedure that fits your complaint",
}
