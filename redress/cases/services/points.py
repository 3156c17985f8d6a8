"""Complaint points: adding, routing, findings, the independent person's view and themes."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from redress.accounts.access import roles_on_case
from redress.accounts.models import User
from redress.cases.models import (
    Case,
    ComplaintPoint,
    PointFinding,
)
from redress.cases.selectors import appointed_roles
from redress.cases.services._base import _event, _lock, _locked_row, _note
from redress.domain.facts import Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.guards import corporate_route_problems
from redress.domain.workflow import (
    FINDINGS_GIVEN,
    GuardFailed,
)


@transaction.atomic
def point_add(*, case_id: int, summary: str, by: User | None, on: date) -> ComplaintPoint:
    case = _lock(case_id, None)
    number = (case.points.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    point = ComplaintPoint.objects.create(case=case, number=number, summary=summary)
    _event(case, action="add_point", on=on, by=by, from_stage=case.stage, point=number)
    return point


@dataclass(frozen=True)
class FindingInput:
    """One finding on one complaint point, as a form gives it to a service."""

    point_id: int
    stage: FindingStage
    finding: Finding
    rationale: str = ""
    independent_person_agrees: bool | None = None
    independent_person_comment: str = ""


def _record_finding(case: Case, given: FindingInput, *, by: User | None, on: date) -> PointFinding:
    point = case.points.get(pk=given.point_id)
    recorded_now = {
        "finding": given.finding,
        "rationale": given.rationale,
        "independent_person_agrees": given.independent_person_agrees,
        "independent_person_comment": given.independent_person_comment,
        "recorded_by": by,
    }
    recorded, _ = PointFinding.objects.update_or_create(
        point=point,
        stage=given.stage,
        defaults=recorded_now,
        create_defaults={
            **recorded_now,
            "case": case,
            "theme": point.theme,
            "given_on": _last_given_on(case, given.stage),
        },
    )
    _event(
        case,
        action="record_finding",
        on=on,
        by=by,
        from_stage=case.stage,
        point=point.number,
        finding_stage=given.stage,
        finding=given.finding,
    )
    return recorded


def _last_given_on(case: Case, stage: FindingStage) -> date | None:
    """The day the case's last response at `stage` was sent, if one was: a finding added after
    it (a correction) counts as given with that response."""
    giving = [action for action, given in FINDINGS_GIVEN.items() if given is stage]
    return (
        case.events.filter(action__in=giving)
        .order_by("-on", "-pk")
        .values_list("on", flat=True)
        .first()
    )


@transaction.atomic
def point_record_finding(
    *,
    point_id: int,
    stage: FindingStage,
    finding: Finding,
    by: User | None,
    on: date,
    rationale: str = "",
    independent_person_agrees: bool | None = None,
    independent_person_comment: str = "",
) -> PointFinding:
    """Record (or correct) the finding on one complaint point at one stage."""
    point = ComplaintPoint.objects.only("case_id").get(pk=point_id)
    case = _lock(point.case_id, None)
    given = FindingInput(
        point_id=point_id,
        stage=stage,
        finding=finding,
        rationale=rationale,
        independent_person_agrees=independent_person_agrees,
        independent_person_comment=independent_person_comment,
    )
    return _record_finding(case, given, by=by, on=on)


@transaction.atomic
def point_route(*, point_id: int, route: str, reason: str, by: User | None, on: date) -> None:
    """Send one point to a procedure. A point about a service inside the Children Act procedure
    goes to the corporate one only by the complaints manager's decision, with its reason."""
    point = ComplaintPoint.objects.get(pk=point_id)
    case = _lock(point.case_id, None)
    if route == Route.CORPORATE and by is not None:
        roles = roles_on_case(by, appointed_roles(by, case, today=on))
        problems = corporate_route_problems(case.service_area, roles, reason)
        if problems:
            raise GuardFailed(problems)
    point.route, point.route_reason = route, reason
    point.save(update_fields=["route", "route_reason"])
    _event(
        case,
        action="route_point",
        on=on,
        by=by,
        from_stage=case.stage,
        point=point.number,
        route=route,
        reason=reason,
    )


@transaction.atomic
def point_record_independent_view(
    *, point_id: int, agrees: bool, comment: str, by: User | None, on: date
) -> PointFinding:
    """The independent person's view of the investigating officer's finding on one point."""
    point = ComplaintPoint.objects.only("case_id").get(pk=point_id)
    case = _lock(point.case_id, None)
    finding = PointFinding.objects.get(point_id=point_id, stage=FindingStage.STAGE2_INVESTIGATION)
    finding.independent_person_agrees = agrees
    finding.independent_person_comment = comment
    finding.save(update_fields=["independent_person_agrees", "independent_person_comment"])
    _note(
        case,
        "independent_person_view",
        on=on,
        by=by,
        point=finding.point.number,
        agrees=agrees,
    )
    return finding


@transaction.atomic
def point_set_theme(*, point_id: int, theme: str, by: User | None, on: date) -> ComplaintPoint:
    """A complaint point's learning theme (domain §4.2; the annual report's themes table)."""
    case, point = _locked_row(ComplaintPoint, point_id)
    point.theme = theme
    point.save(update_fields=["theme"])
    PointFinding.objects.filter(point=point).update(theme=theme)
    _note(case, "set_theme", on=on, by=by, point=point.number, theme=theme)
    return point
