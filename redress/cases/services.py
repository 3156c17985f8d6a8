"""Every write to a case is one function here: keyword-only, atomic, and recorded as an event.

Each procedure step locks the case row, asks the domain (`workflow.plan`) whether the move is in the
table and its guards hold, then writes the event and starts, stops or extends clocks. Nothing is
half-written: a refusal raises before anything changes, and everything else is one transaction.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from redress.accounts.models import Appointment, User
from redress.cases.models import (
    Case,
    CaseEvent,
    CasePerson,
    Channel,
    Clock,
    ComplaintPoint,
    Document,
    OmbudsmanReferral,
    PointFinding,
    ReferenceSequence,
)
from redress.cases.selectors import case_facts
from redress.core.calendar import working_calendar
from redress.core.council import active_profile, profile_named
from redress.domain.calendar_limits import is_late
from redress.domain.facts import ActionRequest, Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import (
    OmbudsmanAction,
    OmbudsmanDecision,
    OmbudsmanStatus,
    next_ombudsman_status,
)
from redress.domain.roles import Role
from redress.domain.rules import Rule, working_days_for
from redress.domain.workflow import (
    FINISHED_STAGES,
    ROUTES_POINTS_FOLLOW,
    Action,
    Anchor,
    Plan,
    Stage,
    plan,
)


class StaleCase(Exception):
    """The case changed after the user loaded it: they must look again before acting."""

    def __init__(self, case: Case) -> None:
        super().__init__(
            f"Someone else has just updated case {case.reference}: it is now at "
            f"'{Stage(case.stage).label}'. Check its status and try again."
        )


@dataclass(frozen=True)
class PersonDetails:
    role: str
    name: str
    complainant_type: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    date_of_birth: date | None = None
    relationship_to_child: str = ""
    consent_given: bool | None = None


@dataclass(frozen=True)
class NewComplaint:
    channel: Channel
    received_at: datetime
    summary: str
    people: Sequence[PersonDetails] = ()
    points: Sequence[str] = ()
    service_area: str = ""
    desired_outcome: str = ""
    grounds_arose_on: date | None = None
    advocacy_offered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _next_reference(year: int) -> str:
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"CSC-{year}-{sequence.last_number:05d}"


def _event(
    case: Case, *, action: str, on: date, by: User | None, from_stage: str = "", **details: Any
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        action=action,
        on=on,
        by=by,
        from_stage=from_stage,
        to_stage=case.stage,
        details=details,
    )


@transaction.atomic
def case_receive(*, complaint: NewComplaint, by: User | None = None) -> Case:
    """Record a new complaint, compliment or comment and start its acknowledgement clock."""
    profile = active_profile()
    calendar = working_calendar()
    received_at = timezone.localtime(complaint.received_at)
    received_on = received_at.date()
    if profile.receipt.deemed_receipt:
        received_on = calendar.deemed_received_on(received_at, profile.receipt.cut_off)
    late = complaint.grounds_arose_on is not None and is_late(
        complaint.grounds_arose_on,
        received_on,
        profile.time_limit.months,
        profile.time_limit.leap_day,
    )
    case = Case.objects.create(
        reference=_next_reference(received_on.year),
        profile=profile.slug,
        received_on=received_on,
        received_at=received_at,
        channel=complaint.channel,
        summary=complaint.summary,
        service_area=complaint.service_area,
        desired_outcome=complaint.desired_outcome,
        grounds_arose_on=complaint.grounds_arose_on,
        late=late,
        advocacy_offered=complaint.advocacy_offered,
    )
    for person in complaint.people:
        CasePerson.objects.create(case=case, **asdict(person))
    for number, summary in enumerate(complaint.points, start=1):
        ComplaintPoint.objects.create(case=case, number=number, summary=summary)
    ack_days = working_days_for(Rule.ACK, profile)
    Clock.objects.create(
        case=case,
        rule=Rule.ACK,
        anchor_type=Anchor.RECEIVED,
        anchor_date=received_on,
        working_days=ack_days,
        due_date=calendar.add_working_days(received_on, ack_days),
    )
    _event(case, action="receive", on=received_on, by=by, channel=complaint.channel, late=late)
    return case


def _lock(case_id: int, expected_stage: Stage | None) -> Case:
    case = Case.objects.select_for_update().get(pk=case_id)
    if expected_stage is not None and case.stage != expected_stage:
        raise StaleCase(case)
    return case


@transaction.atomic
def case_take_action(
    *,
    case_id: int,
    action: Action,
    request: ActionRequest,
    by: User | None,
    expected_stage: Stage | None = None,
) -> Case:
    """Take one step of the procedure. Raises InvalidTransition or GuardFailed, changing nothing."""
    case = _lock(case_id, expected_stage)
    from_stage = Stage(case.stage)
    the_plan = plan(
        from_stage,
        action,
        facts=case_facts(case),
        request=request,
        profile=profile_named(case.profile),
        calendar=working_calendar(),
    )
    _apply_clocks(case, the_plan, request, action)
    _apply_side_records(case, action, request)
    transition = the_plan.transition
    case.stage = transition.to
    if transition.route is not None:
        case.route = transition.route
        if transition.route in ROUTES_POINTS_FOLLOW:
            case.points.filter(route=Route.UNDECIDED).update(route=transition.route)
    case.closed_on = request.on if transition.to in FINISHED_STAGES else None
    case.save()
    _event(
        case,
        action=action,
        on=request.on,
        by=by,
        from_stage=from_stage,
        request=_jsonable(request),
        stopped=list(the_plan.stop),
        started=[{"rule": c.rule, "due": c.due.isoformat()} for c in the_plan.start],
        extended=(
            {"rule": the_plan.extend.rule, "due": the_plan.extend.due.isoformat()}
            if the_plan.extend
            else None
        ),
    )
    return case


def _apply_clocks(case: Case, the_plan: Plan, request: ActionRequest, action: Action) -> None:
    normal_stop = not the_plan.transition.stops_all
    for clock in case.clocks.running().filter(rule__in=the_plan.stop):
        clock.completed_on = request.on
        clock.stopped_by = action
        clock.met = request.on <= clock.effective_due_date if normal_stop else None
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
        Appointment.objects.create(
            case=case, person_id=chair.id, role=Role.PANEL_CHAIR, starts_on=request.on
        )
        for member in members:
            Appointment.objects.create(
                case=case, person_id=member.id, role=Role.PANEL_MEMBER, starts_on=request.on
            )
    elif action is Action.DEFER:
        assert request.deferral_reason
        case.deferral_reason = request.deferral_reason
        case.deferral_review_on = request.review_on
    elif action is Action.RESUME:
        case.deferral_reason = ""
        case.deferral_review_on = None


def _jsonable(request: ActionRequest) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items() if v not in (None, "", (), [])}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        return value

    return convert(asdict(request))


@transaction.atomic
def point_add(*, case_id: int, summary: str, by: User | None, on: date) -> ComplaintPoint:
    case = _lock(case_id, None)
    number = (case.points.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    point = ComplaintPoint.objects.create(case=case, number=number, summary=summary)
    _event(case, action="add_point", on=on, by=by, from_stage=case.stage, point=number)
    return point


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
    point = ComplaintPoint.objects.select_related("case").get(pk=point_id)
    case = _lock(point.case_id, None)
    recorded, _ = PointFinding.objects.update_or_create(
        point=point,
        stage=stage,
        defaults={
            "finding": finding,
            "rationale": rationale,
            "independent_person_agrees": independent_person_agrees,
            "independent_person_comment": independent_person_comment,
            "recorded_by": by,
        },
    )
    _event(
        case,
        action="record_finding",
        on=on,
        by=by,
        from_stage=case.stage,
        point=point.number,
        finding_stage=stage,
        finding=finding,
    )
    return recorded


@transaction.atomic
def point_route(*, point_id: int, route: str, reason: str, by: User | None, on: date) -> None:
    point = ComplaintPoint.objects.get(pk=point_id)
    case = _lock(point.case_id, None)
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
def case_record_ombudsman(
    *,
    case_id: int,
    action: OmbudsmanAction,
    by: User | None,
    on: date,
    ombudsman_reference: str = "",
    decision: OmbudsmanDecision | None = None,
    summary: str = "",
) -> Case:
    """A step on the Ombudsman track, which runs beside the case's stage (domain.md §2.7)."""
    case = _lock(case_id, None)
    case.ombudsman_status = next_ombudsman_status(OmbudsmanStatus(case.ombudsman_status), action)
    if action is OmbudsmanAction.RECORD_DECISION:
        if decision is None:
            raise ValueError("An Ombudsman decision needs its outcome")
        referral = case.ombudsman_referrals.filter(kind=OmbudsmanReferral.Kind.ENQUIRY).last()
        assert referral is not None  # the track only allows a decision after an enquiry
        referral.decision, referral.decided_on = decision, on
        referral.summary = summary or referral.summary
        referral.save()
    else:
        kind = (
            OmbudsmanReferral.Kind.ENQUIRY
            if action is OmbudsmanAction.RECORD_ENQUIRY
            else OmbudsmanReferral.Kind.PREMATURE
        )
        OmbudsmanReferral.objects.create(
            case=case,
            kind=kind,
            ombudsman_reference=ombudsman_reference,
            received_on=on,
            summary=summary,
        )
    case.save(update_fields=["ombudsman_status", "updated_at"])
    _event(
        case,
        action=action,
        on=on,
        by=by,
        from_stage=case.stage,
        ombudsman_reference=ombudsman_reference,
        decision=decision or "",
    )
    return case


@transaction.atomic
def document_add(
    *,
    case_id: int,
    kind: str,
    title: str,
    content: File,
    content_type: str,
    by: User | None,
    on: date,
) -> Document:
    """Store a file on a case, with its size and SHA-256, and record it on the timeline."""
    case = _lock(case_id, None)
    digest = hashlib.sha256()
    for chunk in content.chunks():
        digest.update(chunk)
    document = Document(
        case=case,
        kind=kind,
        title=title,
        content_type=content_type,
        size_bytes=content.size,
        sha256=digest.hexdigest(),
        uploaded_by=by,
    )
    document.file.save(Path(content.name or "document").name, content, save=False)
    document.save()
    _event(case, action="add_document", on=on, by=by, from_stage=case.stage,
           document=document.pk, title=title, kind=kind)  # fmt: skip
    return document
