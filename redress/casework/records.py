"""Everything recorded on a case beside the moves of the procedure: one entry per record form.

Each entry says who may record it (roles on the case), which form it uses, what it is about (a
point, a person, a recommendation...) and which service saves it. One view serves them all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import Http404

from redress.accounts.models import User
from redress.accounts.selectors import active_user
from redress.cases import services
from redress.cases.models import Case
from redress.cases.selectors import case_visible
from redress.casework.access import COMPLAINTS_TEAM
from redress.casework.forms import records as f
from redress.domain.facts import Discretion, Route
from redress.domain.findings import FindingStage
from redress.domain.ombudsman import OmbudsmanAction, OmbudsmanDecision
from redress.domain.roles import Role
from redress.domain.workflow import FINISHED_STAGES, GuardFailed

R = Role
FINDING_ROLES = {
    FindingStage.STAGE1: COMPLAINTS_TEAM | {R.RESPONDING_MANAGER},
    FindingStage.STAGE2_INVESTIGATION: COMPLAINTS_TEAM | {R.INVESTIGATING_OFFICER},
    FindingStage.STAGE2_ADJUDICATION: COMPLAINTS_TEAM | {R.ADJUDICATING_OFFICER},
    FindingStage.CORPORATE_STAGE1: COMPLAINTS_TEAM | {R.RESPONDING_MANAGER},
    FindingStage.CORPORATE_STAGE2: COMPLAINTS_TEAM,
}
FINDING_TITLES = {
    FindingStage.STAGE1: "Stage 1 findings",
    FindingStage.STAGE2_INVESTIGATION: "The investigating officer's findings",
    FindingStage.STAGE2_ADJUDICATION: "The adjudication on each point",
    FindingStage.CORPORATE_STAGE1: "Corporate stage 1 findings",
    FindingStage.CORPORATE_STAGE2: "Corporate stage 2 findings",
}
STATUTORY_FINDINGS = {
    FindingStage.STAGE1,
    FindingStage.STAGE2_INVESTIGATION,
    FindingStage.STAGE2_ADJUDICATION,
}


@dataclass(frozen=True)
class Saving:
    """What a record form's service call gets."""

    case: Case
    subject: Any
    data: dict[str, Any]
    by: User
    on: date


@dataclass(frozen=True)
class RecordKind:
    title: str
    form: type[f.RecordForm]
    roles: Callable[[str | None], frozenset[Role]]
    save: Callable[[Saving], object]
    subject: Callable[[Case, str | None], Any] = lambda case, key: None
    done: str = "Saved"
    titles: Callable[[str | None], str] | None = None

    def title_for(self, key: str | None) -> str:
        return self.titles(key) if self.titles else self.title


def _fixed(roles: frozenset[Role]) -> Callable[[str | None], frozenset[Role]]:
    return lambda key: roles


def _int(key: str | None) -> int:
    if key is None or not key.isdigit():
        raise Http404("Not found")
    return int(key)


def _one(rows: Any, key: str | None) -> Any:
    found = next((row for row in rows if row.pk == _int(key)), None)
    if found is None:
        raise Http404("Not found")
    return found


def _finding_stage(key: str | None) -> FindingStage:
    if key not in FindingStage.__members__.values():
        raise Http404("No such stage")
    return FindingStage(key)


def _finding_subject(case: Case, key: str | None) -> tuple[FindingStage, list[Any]]:
    stage = _finding_stage(key)
    route = Route.STATUTORY if stage in STATUTORY_FINDINGS else Route.CORPORATE
    points = [p for p in case.points.all() if p.route in (route, Route.UNDECIDED)]
    return stage, points


def _independent_subject(case: Case, key: str | None) -> list[Any]:
    rows = []
    for point in case.points.all():
        finding = next(
            (x for x in point.findings.all() if x.stage == FindingStage.STAGE2_INVESTIGATION), None
        )
        if finding is not None:
            rows.append((point, finding))
    return rows


def _save_assign(s: Saving) -> object:
    person = active_user(int(s.data["assigned_to"])) if s.data.get("assigned_to") else None
    seen = s.data.get("seen_assignee")
    try:
        return services.case_assign(
            case_id=s.case.pk,
            assigned_to=person,
            team_id=int(s.data["team"]) if s.data.get("team") else None,
            by=s.by,
            on=s.on,
            expected_assignee_id=int(seen) if seen else None,
            check_expected=True,
        )
    except GuardFailed as failed:  # a finished case is not reassigned
        raise FieldProblem(None, "; ".join(failed.problems)) from None


def _save_findings(s: Saving) -> object:
    stage, points = s.subject
    for point in points:
        services.point_record_finding(
            point_id=point.pk,
            stage=stage,
            finding=s.data[f"finding_{point.pk}"],
            rationale=s.data[f"rationale_{point.pk}"],
            by=s.by,
            on=s.on,
        )
    return None


def _save_independent(s: Saving) -> object:
    for point, _finding in s.subject:
        services.point_record_independent_view(
            point_id=point.pk,
            agrees=s.data[f"agrees_{point.pk}"] == "yes",
            comment=s.data[f"comment_{point.pk}"],
            by=s.by,
            on=s.on,
        )
    return None


class FieldProblem(Exception):
    """Input the form could not check by itself, refused by the record's save step."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


def _save_link(s: Saving) -> object:
    other = case_visible(s.by, s.data["reference"].strip().upper(), today=s.on)
    if other is None or other.pk == s.case.pk:
        raise FieldProblem("reference", "Enter the reference of another case you can see")
    return services.case_link(case_id=s.case.pk, other_case_id=other.pk, by=s.by, on=s.on)


def _save_ombudsman(s: Saving) -> object:
    decision = s.data.get("decision")
    return services.case_record_ombudsman(
        case_id=s.case.pk,
        action=OmbudsmanAction(s.data["step"]),
        by=s.by,
        on=s.on,
        ombudsman_reference=s.data.get("ombudsman_reference", ""),
        decision=OmbudsmanDecision(decision) if decision else None,
        summary=s.data.get("summary", ""),
    )


def _save_response_received(s: Saving) -> object:
    try:
        return services.case_record_response_received(
            case_id=s.case.pk, received_on=s.data["received_on"], by=s.by, on=s.on
        )
    except GuardFailed as failed:
        # "There is no window open ..." is about the case, not the date typed
        about_date = not failed.problems[0].startswith("There is no window")
        field = "received_on" if about_date else None
        raise FieldProblem(field, "; ".join(failed.problems)) from None


def _pence(amount: Decimal | None) -> int | None:
    return int(amount * 100) if amount is not None else None


TEAM = COMPLAINTS_TEAM
RECORDS: dict[str, RecordKind] = {
    "assign": RecordKind(
        "Assign the case", f.AssignForm, _fixed(TEAM), _save_assign, done="Case assigned"
    ),
    "note": RecordKind(
        "Add a note",
        f.NoteForm,
        _fixed(TEAM | {R.RESPONDING_MANAGER, R.ADJUDICATING_OFFICER, R.DIRECTOR}),
        lambda s: services.case_add_note(case_id=s.case.pk, text=s.data["text"], by=s.by, on=s.on),
        done="Note added",
    ),
    "add-point": RecordKind(
        "Add a complaint point",
        f.AddPointForm,
        _fixed(TEAM | {R.INVESTIGATING_OFFICER}),
        lambda s: services.point_add(
            case_id=s.case.pk, summary=s.data["summary"], by=s.by, on=s.on
        ),
        done="Complaint point added",
    ),
    "route-point": RecordKind(
        "Route a complaint point",
        f.RoutePointForm,
        _fixed(TEAM),
        lambda s: services.point_route(
            point_id=s.subject.pk, route=s.data["route"], reason=s.data["reason"], by=s.by, on=s.on
        ),
        subject=lambda case, key: _one(case.points.all(), key),
        done="Point routed",
    ),
    "findings": RecordKind(
        "Record findings",
        f.FindingsForm,
        lambda key: FINDING_ROLES[_finding_stage(key)],
        _save_findings,
        subject=_finding_subject,
        titles=lambda key: FINDING_TITLES[_finding_stage(key)],
        done="Findings saved",
    ),
    "independent-view": RecordKind(
        "The independent person's view",
        f.IndependentViewForm,
        _fixed(TEAM | {R.INDEPENDENT_PERSON}),
        _save_independent,
        subject=_independent_subject,
        done="Your view on each finding is saved",
    ),
    "eligibility": RecordKind(
        "Decide who may complain",
        f.EligibilityForm,
        _fixed(TEAM),
        lambda s: services.person_record_eligibility(
            person_id=s.subject.pk,
            decision=Discretion(s.data["decision"]),
            reasons=s.data["reasons"],
            by=s.by,
            on=s.on,
        ),
        subject=lambda case, key: _one(case.people.all(), key),
        done="Decision saved",
    ),
    "consent": RecordKind(
        "Record the child's consent",
        f.ConsentForm,
        _fixed(TEAM),
        lambda s: services.person_record_consent(
            person_id=s.subject.pk, given=s.data["given"] == "yes", by=s.by, on=s.on
        ),
        subject=lambda case, key: _one(case.people.all(), key),
        done="Consent recorded",
    ),
    "time-limit": RecordKind(
        "Decide on a late complaint",
        f.TimeLimitForm,
        _fixed(TEAM),
        lambda s: services.case_record_time_limit_decision(
            case_id=s.case.pk,
            discretion=Discretion(s.data["discretion"]),
            not_reasonable_to_expect=s.data["not_reasonable_to_expect"],
            still_possible_to_consider=s.data["still_possible_to_consider"],
            by=s.by,
            on=s.on,
        ),
        done="Time-limit decision saved",
    ),
    "recommendation": RecordKind(
        "Add a recommendation",
        f.RecommendationForm,
        _fixed(TEAM | {R.ADJUDICATING_OFFICER, R.INVESTIGATING_OFFICER}),
        lambda s: services.recommendation_add(
            case_id=s.case.pk, source=s.data["source"], text=s.data["text"], by=s.by, on=s.on
        ),
        done="Recommendation added",
    ),
    "recommendation-decision": RecordKind(
        "Decide on a recommendation",
        f.RecommendationDecisionForm,
        _fixed(frozenset({R.COMPLAINTS_MANAGER, R.ADJUDICATING_OFFICER, R.DIRECTOR})),
        lambda s: services.recommendation_decide(
            recommendation_id=s.subject.pk,
            decision=s.data["decision"],
            reasons=s.data["reasons"],
            by=s.by,
            on=s.on,
        ),
        subject=lambda case, key: _one(case.recommendations.all(), key),
        done="Decision saved",
    ),
    "plan": RecordKind(
        "Add an action to the plan",
        f.ActionPlanForm,
        _fixed(TEAM | {R.ADJUDICATING_OFFICER, R.DIRECTOR}),
        lambda s: services.action_plan_add(
            case_id=s.case.pk,
            description=s.data["description"],
            owner=active_user(int(s.data["owner"])),
            due_on=s.data["due_on"],
            by=s.by,
            on=s.on,
        ),
        done="Action added",
    ),
    "plan-complete": RecordKind(
        "Complete an action",
        f.PlanCompleteForm,
        _fixed(TEAM | {R.RESPONDING_MANAGER}),
        lambda s: services.action_plan_complete(
            item_id=s.subject.pk,
            evidence=s.data["evidence"],
            practice_change=s.data["practice_change"],
            by=s.by,
            on=s.on,
        ),
        subject=lambda case, key: _one(case.action_plan.all(), key),
        done="Action completed",
    ),
    "ombudsman": RecordKind(
        "Record an Ombudsman step",
        f.OmbudsmanForm,
        _fixed(TEAM),
        _save_ombudsman,
        done="Ombudsman step recorded",
    ),
    "remedy": RecordKind(
        "Add a remedy",
        f.RemedyForm,
        _fixed(TEAM),
        lambda s: services.remedy_add(
            case_id=s.case.pk,
            kind=s.data["kind"],
            due_on=s.data["due_on"],
            amount_pence=_pence(s.data.get("amount")),
            by=s.by,
            on=s.on,
        ),
        done="Remedy added",
    ),
    "remedy-complete": RecordKind(
        "Complete a remedy",
        f.CompleteForm,
        _fixed(TEAM),
        lambda s: services.remedy_complete(
            remedy_id=s.subject.pk, evidence=s.data["evidence"], by=s.by, on=s.on
        ),
        subject=lambda case, key: _one(case.remedies.all(), key),
        done="Remedy completed",
    ),
    "advocate": RecordKind(
        "Appoint an advocate",
        f.AdvocateForm,
        _fixed(TEAM),
        lambda s: services.case_appoint_advocate(
            case_id=s.case.pk, advocate=active_user(int(s.data["advocate"])), by=s.by, on=s.on
        ),
        done="Advocate appointed",
    ),
    "response-received": RecordKind(
        "Record when the complainant received the response",
        f.ResponseReceivedForm,
        _fixed(TEAM),
        _save_response_received,
        done="The date the complainant received the response is saved",
    ),
    "link": RecordKind(
        "Link another case", f.LinkForm, _fixed(TEAM), _save_link, done="Cases linked"
    ),
}


def offered_records(case: Case, roles: frozenset[Role]) -> set[str]:
    """The record forms these roles may use on this case (findings by stage: `findings:<stage>`)."""
    offered = {
        name for name, kind in RECORDS.items() if name != "findings" and kind.roles(None) & roles
    }
    offered |= {f"findings:{stage}" for stage, allowed in FINDING_ROLES.items() if allowed & roles}
    if case.stage in FINISHED_STAGES:
        offered.discard("assign")  # a finished case is not reassigned (issue 13 item 5)
    return offered
