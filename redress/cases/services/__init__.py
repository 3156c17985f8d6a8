"""Every write to a case is one function here: keyword-only, atomic, and recorded as an event.

Each procedure step locks the case row, asks the domain (`workflow.plan`) whether the move is in the
table and its guards hold, then writes the event and starts, stops or extends clocks. Nothing is
half-written: a refusal raises before anything changes, and everything else is one transaction.

The functions live in modules named for what they hold; import them from here.
"""

from redress.cases.services._base import StaleCase, _event
from redress.cases.services.deadlines import cases_refresh_deadlines
from redress.cases.services.intake import NewComplaint, PersonDetails, _next_reference, case_receive
from redress.cases.services.points import (
    FindingInput,
    point_add,
    point_record_finding,
    point_record_independent_view,
    point_route,
    point_set_theme,
)
from redress.cases.services.procedure import NotPermitted, case_take_action
from redress.cases.services.records import (
    action_plan_add,
    action_plan_complete,
    case_add_note,
    case_appoint_advocate,
    case_assign,
    case_link,
    case_record_event,
    case_record_ombudsman,
    case_record_response_received,
    case_record_time_limit_decision,
    case_record_view,
    document_add,
    person_record_consent,
    person_record_eligibility,
    recommendation_add,
    recommendation_decide,
    remedy_add,
    remedy_complete,
)

__all__ = [
    "FindingInput",
    "NewComplaint",
    "NotPermitted",
    "PersonDetails",
    "StaleCase",
    "_event",
    "_next_reference",
    "action_plan_add",
    "action_plan_complete",
    "case_add_note",
    "case_appoint_advocate",
    "case_assign",
    "case_link",
    "case_receive",
    "case_record_event",
    "case_record_ombudsman",
    "case_record_response_received",
    "case_record_time_limit_decision",
    "case_record_view",
    "case_take_action",
    "cases_refresh_deadlines",
    "document_add",
    "person_record_consent",
    "person_record_eligibility",
    "point_add",
    "point_record_finding",
    "point_record_independent_view",
    "point_route",
    "point_set_theme",
    "recommendation_add",
    "recommendation_decide",
    "remedy_add",
    "remedy_complete",
]
