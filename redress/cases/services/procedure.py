"""One step of the procedure: `case_take_action` asks the domain (`workflow.plan`) whether the move
is in the table and its guards hold, then writes the event and starts, stops or extends clocks."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from redress.accounts.access import roles_on_case
from redress.accounts.models import Appointment, User
from redress.cases.facts import case_facts
from redress.cases.models import (
    Case,
    Clock,
    PointFinding,
    Recommendation,
)
from redress.cases.selectors import appointed_roles
from redress.cases.services._base import _event, _jsonable, _jsonable_value, _lock
from redress.cases.services.deadlines import _refresh_deadlines
from redress.cases.services.points import FindingInput, _record_finding
from redress.core.calendar import corporate_calendar, working_calendar
from redress.core.council import profile_named
from redress.domain.facts import ActionRequest, Route
from redress.domain.roles import Role
from redress.domain.rules import COMPLAINANT_WINDOWS, Rule
from redress.domain.workflow import (
    FINDINGS_GIVEN,
    FINISHED_STAGES,
    ROUTES_POINTS_FOLLOW,
    Action,
    Plan,
    Stage,
    allowed_actions,
    plan,
    transition_for,
)


@transaction.atomic
def case_take_action(
    *,
    case_id: int,
    action: Action,
    request: ActionRequest,
    by: User | None,
    expected_stage: Stage | None = None,
    findings: Sequence["FindingInput"] = (),
    details: dict[str, Any] | None = None,
    today: date | None = None,
) -> Case:
    """Take one step of the procedure. Raises InvalidTransition or GuardFailed, changing nothing.

    `findings` are recorded first, in the same transaction, so a response and the findings it
    gives are saved together or not at all. `details` carries what an action records beyond the
    `ActionRequest` (conflict-of-interest declarations, the panel's recommendations). The guards
    see the roles `by` holds on this case (`request.actor_roles`), worked out here; `today` (the
    real date unless a rehearsal says otherwise) decides whose appointments are current.
    """
    case = _lock(case_id, expected_stage)
    from_stage = Stage(case.stage)
    today = today or timezone.localdate()
    roles: frozenset[Role] = frozenset()
    if by is not None:
        roles = roles_on_case(by, appointed_roles(by, case, today=today))
        _check_may_take(case, from_stage, action, roles, by)
    request = replace(request, actor_roles=roles)
    details = details or {}
    for given in findings:
        _record_finding(case, given, by=by, on=request.on)
    profile = profile_named(case.profile)
    the_plan = plan(
        from_stage,
        action,
        facts=case_facts(case, today=today),
        request=request,
        profile=profile,
        calendar=working_calendar(),
        corporate_calendar=corporate_calendar(profile),
    )
    _apply_clocks(case, the_plan, request, action)
    _apply_side_records(case, action, request)
    if action in FINDINGS_GIVEN:
        PointFinding.objects.filter(case=case, stage=FINDINGS_GIVEN[action]).update(
            given_on=request.on
        )
    _apply_details(case, action, request, details, by)
    transition = the_plan.transition
    case.stage = transition.to
    if transition.route is not None:
        case.route = transition.route
        if transition.route in ROUTES_POINTS_FOLLOW:
            case.points.filter(route=Route.UNDECIDED).update(route=transition.route)
    case.closed_on = request.on if transition.to in FINISHED_STAGES else None
    if transition.to in FINISHED_STAGES:
        # Investigators, independent people, panels and advocates see a case while it runs.
        Appointment.objects.filter(case=case, ends_on__isnull=True).update(ends_on=request.on)
    _refresh_deadlines(case, save=False)
    case.save()
    _event(
        case,
        action=action,
        on=request.on,
        by=by,
        from_stage=from_stage,
        request=_jsonable(request),
        **({"details": _jsonable_value(details)} if details else {}),
        stopped=list(the_plan.stop),
        lapsed=list(the_plan.lapse),
        started=[{"rule": c.rule, "due": c.due.isoformat()} for c in the_plan.start],
        extended=(
            {"rule": the_plan.extend.rule, "due": the_plan.extend.due.isoformat()}
            if the_plan.extend
            else None
        ),
    )
    return case


class NotPermitted(Exception):
    """The person may not take this step: the table gives it to other roles."""


def _check_may_take(
    case: Case, stage: Stage, action: Action, roles: frozenset[Role], by: User
) -> None:
    """Belt and braces behind the screens, which offer only what the table allows: a person acts
    in their own roles, or an external person in the roles they are appointed to on this case.
    A step with no person (`by=None`) is the complainant online or Redress itself."""
    if action not in allowed_actions(stage):
        return  # `plan` refuses it with InvalidTransition, saying why
    allowed = transition_for(stage, action).roles
    if not allowed & roles:
        who = " or ".join(sorted(role.label.lower() for role in allowed))
        raise NotPermitted(
            f"Only the {who} can {action.value.replace('_', ' ')} at this stage; {by} is not "
            f"one on {case.reference} (the lifecycle table gives each step to its roles)"
        )


def _apply_clocks(case: Case, the_plan: Plan, request: ActionRequest, action: Action) -> None:
    ending = case.clocks.running().filter(rule__in=the_plan.stop + the_plan.lapse)
    for clock in ending:
        clock.completed_on = request.on
        clock.stopped_by = action
        clock.met = _verdict(clock, request.on, stopped=clock.rule in the_plan.stop)
        clock.save()
    for start in the_plan.start:
        Clock.objects.create(
            case=case,
            rule=start.rule,
            anchor_type=start.anchor,
            anchor_date=start.anchor_date,
            working_days=start.working_days,
            due_date=start.due,
        )
    if the_plan.extend is not None:
        clock = case.clocks.running().get(rule=the_plan.extend.rule)
        clock.extended_working_days = the_plan.extend.working_days
        clock.extended_due_date = the_plan.extend.due
        clock.extension_reason = request.reason
        clock.extension_notified_on = request.on
        clock.complainant_agreed = request.complainant_agreed_on is not None
        clock.complainant_agreed_on = request.complainant_agreed_on
        clock.save()


def _verdict(clock: Clock, on: date, *, stopped: bool) -> bool | None:
    """Met or missed. A council clock that ends after its last day is missed however it ended (the
    case moved on, was withdrawn, deferred or closed while overdue); one that lapses in time has no
    verdict, nor has a complainant's window left unused (shared/rehearsal.md, clock states)."""
    in_time = on <= clock.effective_due_date
    if stopped:
        return in_time
    return None if in_time or clock.rule in COMPLAINANT_WINDOWS else False


def _appoint(case: Case, person_id: int, role: Role, on: date) -> None:
    Appointment.objects.filter(case=case, role=role, ends_on__isnull=True).exclude(
        person_id=person_id
    ).update(ends_on=on)
    Appointment.objects.get_or_create(
        case=case, person_id=person_id, role=role, ends_on=None, defaults={"starts_on": on}
    )


def _apply_side_records(case: Case, action: Action, request: ActionRequest) -> None:
    """The records an action carries beyond stage and clocks."""
    if action is Action.APPOINT_INVESTIGATORS:
        assert request.investigating_officer
        assert request.independent_person
        _appoint(case, request.investigating_officer.id, Role.INVESTIGATING_OFFICER, request.on)
        _appoint(case, request.independent_person.id, Role.INDEPENDENT_PERSON, request.on)
    elif action is Action.CONVENE_PANEL:
        Appointment.objects.filter(
            case=case, role__in=[Role.PANEL_CHAIR, Role.PANEL_MEMBER], ends_on__isnull=True
        ).update(ends_on=request.on)
        chair, *members = request.panel
        for person, role in [(chair, Role.PANEL_CHAIR)] + [(m, Role.PANEL_MEMBER) for m in members]:
            Appointment.objects.create(
                case=case,
                person_id=person.id,
                role=role,
                starts_on=request.on,
                conflict_of_interest_declared=person.declared_interest,
            )
    elif action is Action.NOT_ACCEPT and request.discretion is not None:
        # The decision on the time limit, answering both questions (domain §3.3)
        case.late_discretion = request.discretion
        case.late_not_reasonable_to_expect = request.why_not_in_time
        case.late_still_possible_to_consider = request.fair_consideration
    elif action is Action.DEFER:
        assert request.deferral_reason
        case.deferral_reason = request.deferral_reason
        case.deferral_review_on = request.review_on
    elif action is Action.RESUME:
        case.deferral_reason = ""
        case.deferral_review_on = None


def _apply_details(
    case: Case, action: Action, request: ActionRequest, details: dict[str, Any], by: User | None
) -> None:
    if action is Action.APPOINT_INVESTIGATORS:
        declarations = details.get("conflicts_of_interest", {})
        for role, person in (
            (Role.INVESTIGATING_OFFICER, request.investigating_officer),
            (Role.INDEPENDENT_PERSON, request.independent_person),
        ):
            if person is not None:
                declared = declarations.get(role.value) or person.declared_interest
                Appointment.objects.filter(
                    case=case, role=role, person_id=person.id, ends_on__isnull=True
                ).update(conflict_of_interest_declared=declared)
    elif action is Action.CONVENE_PANEL and request.meets_on is not None:
        panel = case.clocks.running().filter(rule=Rule.STAGE3_PANEL)
        if panel.filter(due_date__lt=request.meets_on, extended_due_date__isnull=True).exists():
            panel.update(breach_reason=request.reason)
    elif action is Action.ISSUE_PANEL_REPORT:
        for text in details.get("recommendations", ()):
            Recommendation.objects.create(
                case=case, source=Recommendation.Source.REVIEW_PANEL, text=text
            )
    if action in DECIDES_RECOMMENDATIONS:
        for given in request.decisions:
            decision = ACCEPTED if given.accepted else REJECTED
            _decide(case, given.recommendation_id, decision, given.reasons, request.on)


# The steps that decide recommendations: the investigator's at adjudication, the panel's after it.
DECIDES_RECOMMENDATIONS = frozenset({Action.ADJUDICATE, Action.ISSUE_LA_RESPONSE})
ACCEPTED, REJECTED = Recommendation.Decision.ACCEPTED, Recommendation.Decision.REJECTED


def _decide(case: Case, recommendation_id: int, decision: str, reasons: str, on: date) -> None:
    recommendation = case.recommendations.get(pk=recommendation_id)
    recommendation.decision = decision
    recommendation.decision_reasons = reasons
    recommendation.decided_on = on
    recommendation.save(update_fields=["decision", "decision_reasons", "decided_on"])


# --- Case records that are not moves of the procedure -----------------------------------------
