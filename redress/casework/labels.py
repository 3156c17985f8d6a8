"""Words for the staff screens: what each action, clock and timeline event is called."""

from redress.domain.rules import Rule
from redress.domain.workflow import Action

ACTION_LABELS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "Record the acknowledgement",
    Action.ACCEPT_STATUTORY: "Accept under the statutory procedure",
    Action.ACCEPT_STATUTORY_STAGE2: "Accept straight to stage 2 (agreed with the complainant)",
    Action.ACCEPT_CORPORATE: "Accept under the corporate procedure",
    Action.NOT_ACCEPT: "Do not accept the complaint",
    Action.REDIRECT: "Redirect to another process",
    Action.LOG_COMPLIMENT: "Log as a compliment",
    Action.LOG_COMMENT: "Log as a comment or suggestion",
    Action.EXTEND_STAGE1: "Extend the stage 1 deadline",
    Action.RESOLVE_STAGE1: "Record a local resolution",
    Action.RESPOND_STAGE1: "Record the stage 1 response",
    Action.REQUEST_STAGE2: "Record a request for stage 2",
    Action.REFUSE_LATE_STAGE2_REQUEST: "Refuse a late stage 2 request",
    Action.APPOINT_INVESTIGATORS: "Appoint the investigating officer and independent person",
    Action.AGREE_STATEMENT: "Agree the statement of complaint",
    Action.START_INVESTIGATION: "Start the investigation",
    Action.EXTEND_STAGE2: "Extend the stage 2 deadline",
    Action.RECEIVE_REPORTS: "Record that the reports were received",
    Action.ADJUDICATE: "Record the adjudication",
    Action.REQUEST_STAGE3: "Record a request for a review panel",
    Action.REFUSE_LATE_STAGE3_REQUEST: "Refuse a late review panel request",
    Action.CONVENE_PANEL: "Convene the review panel",
    Action.HOLD_PANEL: "Record that the panel met",
    Action.ISSUE_PANEL_REPORT: "Record the panel's report",
    Action.ISSUE_LA_RESPONSE: "Record the council's response to the panel",
    Action.EXTEND_CORPORATE_STAGE1: "Extend the corporate stage 1 deadline",
    Action.RESPOND_CORPORATE_STAGE1: "Record the corporate stage 1 response",
    Action.REQUEST_CORPORATE_STAGE2: "Record a request for corporate stage 2",
    Action.ACKNOWLEDGE_CORPORATE_STAGE2: "Record the stage 2 acknowledgement",
    Action.EXTEND_CORPORATE_STAGE2: "Extend the corporate stage 2 deadline",
    Action.RESPOND_CORPORATE_STAGE2: "Record the corporate stage 2 response",
    Action.WITHDRAW: "Record that the complaint was withdrawn",
    Action.DEFER: "Defer while other proceedings run",
    Action.RESUME: "Resume the deferred complaint",
    Action.CLOSE: "Close the case",
    Action.REOPEN: "Reopen the case",
}

RULE_LABELS: dict[str, str] = {
    Rule.ACK: "Acknowledgement",
    Rule.STAGE1_RESPONSE: "Stage 1 response",
    Rule.STAGE2_REQUEST_WINDOW: "Window to ask for stage 2",
    Rule.STAGE2_RESPONSE: "Stage 2 response",
    Rule.STAGE3_REQUEST_WINDOW: "Window to ask for a review panel",
    Rule.STAGE3_PANEL: "Review panel meets",
    Rule.STAGE3_PANEL_REPORT: "Panel's report",
    Rule.STAGE3_LA_RESPONSE: "Council's response to the panel",
    Rule.CORPORATE_STAGE1_RESPONSE: "Corporate stage 1 response",
    Rule.CORPORATE_STAGE2_ACK: "Corporate stage 2 acknowledgement",
    Rule.CORPORATE_STAGE2_RESPONSE: "Corporate stage 2 response",
}

# Timeline titles for the moves of the procedure: what happened, in the past tense.
TIMELINE_LABELS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "Acknowledged",
    Action.ACCEPT_STATUTORY: "Accepted under the statutory procedure",
    Action.ACCEPT_STATUTORY_STAGE2: "Accepted straight to stage 2",
    Action.ACCEPT_CORPORATE: "Accepted under the corporate procedure",
    Action.NOT_ACCEPT: "Not accepted",
    Action.REDIRECT: "Redirected to another process",
    Action.LOG_COMPLIMENT: "Logged as a compliment",
    Action.LOG_COMMENT: "Logged as a comment",
    Action.EXTEND_STAGE1: "Stage 1 deadline extended",
    Action.RESOLVE_STAGE1: "Resolved locally at stage 1",
    Action.RESPOND_STAGE1: "Stage 1 response sent",
    Action.REQUEST_STAGE2: "Stage 2 requested",
    Action.REFUSE_LATE_STAGE2_REQUEST: "Late stage 2 request refused",
    Action.APPOINT_INVESTIGATORS: "Investigating officer and independent person appointed",
    Action.AGREE_STATEMENT: "Statement of complaint agreed",
    Action.START_INVESTIGATION: "Investigation started",
    Action.EXTEND_STAGE2: "Stage 2 deadline extended",
    Action.RECEIVE_REPORTS: "Investigation reports received",
    Action.ADJUDICATE: "Adjudication sent",
    Action.REQUEST_STAGE3: "Review panel requested",
    Action.REFUSE_LATE_STAGE3_REQUEST: "Late review panel request refused",
    Action.CONVENE_PANEL: "Review panel convened",
    Action.HOLD_PANEL: "Review panel met",
    Action.ISSUE_PANEL_REPORT: "Panel's report received",
    Action.ISSUE_LA_RESPONSE: "Council's response to the panel sent",
    Action.EXTEND_CORPORATE_STAGE1: "Corporate stage 1 deadline extended",
    Action.RESPOND_CORPORATE_STAGE1: "Corporate stage 1 response sent",
    Action.REQUEST_CORPORATE_STAGE2: "Corporate stage 2 requested",
    Action.ACKNOWLEDGE_CORPORATE_STAGE2: "Corporate stage 2 acknowledged",
    Action.EXTEND_CORPORATE_STAGE2: "Corporate stage 2 deadline extended",
    Action.RESPOND_CORPORATE_STAGE2: "Corporate stage 2 response sent",
    Action.WITHDRAW: "Withdrawn",
    Action.DEFER: "Deferred",
    Action.RESUME: "Resumed",
    Action.CLOSE: "Closed",
    Action.REOPEN: "Reopened",
}

# Timeline titles for events that are not moves of the procedure.
EVENT_LABELS: dict[str, str] = {
    "receive": "Complaint received",
    "add_point": "Complaint point added",
    "record_finding": "Finding recorded",
    "route_point": "Complaint point routed",
    "add_document": "Document added",
    "assign": "Case assigned",
    "add_note": "Note added",
    "link_case": "Linked to another case",
    "time_limit_decision": "Time-limit decision recorded",
    "eligibility_decision": "Decision on who may complain",
    "consent_recorded": "Consent recorded",
    "independent_person_view": "Independent person's view recorded",
    "add_recommendation": "Recommendation added",
    "decide_recommendation": "Decision on a recommendation",
    "add_plan_action": "Action added to the plan",
    "complete_plan_action": "Action completed",
    "add_remedy": "Remedy added",
    "complete_remedy": "Remedy completed",
    "record_ombudsman_enquiry": "Ombudsman enquiry",
    "record_premature_referral": "Premature referral back from the Ombudsman",
    "record_ombudsman_decision": "Ombudsman decision",
    "set_theme": "Learning theme recorded",
    "appoint_advocate": "Advocate appointed",
    "submitted_online": "Sent online",
    "further_contact": "Further contact",
    "email_filed": "Email filed on the case",
}


def event_label(action: str) -> str:
    if action in Action.__members__.values():
        return TIMELINE_LABELS[Action(action)]
    return EVENT_LABELS.get(action, action.replace("_", " ").capitalize())


def rule_label(rule: str) -> str:
    return RULE_LABELS.get(rule, rule)
