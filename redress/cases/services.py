"""Every write to a case is one function here: keyword-only, atomic, and recorded as an event.

Each procedure step locks the case row, asks the domain (`workflow.plan`) whether the move is in the
table and its guards hold, then writes the event and starts, stops or extends clocks. Nothing is
half-written: a refusal raises before anything changes, and everything else is one transaction.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from redress.accounts.access import roles_on_case
from redress.accounts.models import Appointment, User
from redress.cases.models import (
    ActionPlanItem,
    Case,
    CaseEvent,
    CaseNote,
    CasePerson,
    CaseView,
    Channel,
    Clock,
    ComplaintPoint,
    Document,
    OmbudsmanReferral,
    PointFinding,
    Recommendation,
    ReferenceSequence,
    Remedy,
)
from redress.cases.selectors import appointed_roles, case_facts
from redress.core.calendar import working_calendar
from redress.core.council import active_profile, profile_named
from redress.domain.calendar_limits import is_late
from redress.domain.facts import ActionRequest, Discretion, Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.ombudsman import (
    OmbudsmanAction,
    OmbudsmanDecision,
    OmbudsmanStatus,
    next_ombudsman_status,
)
from redress.domain.receipt import receipt_dates
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import (
    FINDINGS_GIVEN,
    FINISHED_STAGES,
    ROUTES_POINTS_FOLLOW,
    Action,
    Anchor,
    Plan,
    Stage,
    allowed_actions,
    plan,
    transition_for,
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
    contact_methods: Sequence[str] = ()
    safe_to_contact: bool | None = None
    safe_contact_details: str = ""
    support_needs: str = ""


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
    receipt = receipt_dates(received_at, profile, calendar)
    received_on, ack_days, ack_due = (
        receipt.received_on,
        receipt.acknowledgement_working_days,
        receipt.acknowledge_by,
    )
    late = complaint.grounds_arose_on is not None and is_late(
        complaint.grounds_arose_on,
        received_on,
        profile.time_limit.months,
        profile.time_limit.leap_day,
    )
    case = Case.objects.create(
        reference=_next_reference(received_on.year),
        next_due_on=ack_due,
        next_due_rule=Rule.ACK,
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
        details = asdict(person)
        details["contact_methods"] = list(person.contact_methods)
        CasePerson.objects.create(case=case, **details)
    for number, summary in enumerate(complaint.points, start=1):
        ComplaintPoint.objects.create(case=case, number=number, summary=summary)
    Clock.objects.create(
        case=case,
        rule=Rule.ACK,
        anchor_type=Anchor.RECEIVED,
        anchor_date=received_on,
        working_days=ack_days,
        due_date=ack_due,
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
    findings: Sequence["FindingInput"] = (),
    details: dict[str, Any] | None = None,
) -> Case:
    """Take one step of the procedure. Raises InvalidTransition or GuardFailed, changing nothing.

    `findings` are recorded first, in the same transaction, so a response and the findings it
    gives are saved together or not at all. `details` carries what an action records beyond the
    `ActionRequest` (conflict-of-interest declarations, the panel date, the panel's
    recommendations, the council's decisions on them, the terms of a resolution).
    """
    case = _lock(case_id, expected_stage)
    from_stage = Stage(case.stage)
    if by is not None:
        _check_may_take(case, from_stage, action, by)
    details = details or {}
    for given in findings:
        _record_finding(case, given, by=by, on=request.on)
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


def _check_may_take(case: Case, stage: Stage, action: Action, by: User) -> None:
    """Belt and braces behind the screens, which offer only what the table allows: a person acts
    in their own roles, or an external person in the roles they are appointed to on this case.
    A step with no person (`by=None`) is the complainant online or Redress itself."""
    if action not in allowed_actions(stage):
        return  # `plan` refuses it with InvalidTransition, saying why
    roles = roles_on_case(by, appointed_roles(by, case, today=timezone.localdate()))
    if not transition_for(stage, action).roles & roles:
        raise NotPermitted(f"{by} may not {action.value.replace('_', ' ')} on {case.reference}")


def _apply_clocks(case: Case, the_plan: Plan, request: ActionRequest, action: Action) -> None:
    ending = case.clocks.running().filter(rule__in=the_plan.stop + the_plan.lapse)
    for clock in ending:
        clock.completed_on = request.on
        clock.stopped_by = action
        # A lapsed clock (withdrawn, deferred, the complainant's window unused) has no verdict.
        clock.met = request.on <= clock.effective_due_date if clock.rule in the_plan.stop else None
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


def _jsonable_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable_value(v) for k, v in value.items() if v not in (None, "", (), [])}
    if isinstance(value, list | tuple):
        return [_jsonable_value(v) for v in value]
    return value


def _jsonable(request: ActionRequest) -> dict[str, Any]:
    return _jsonable_value(asdict(request))  # type: ignore[no-any-return]


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


def _locked_row(model: Any, pk: int) -> tuple[Case, Any]:
    """Lock the case a row belongs to, then read the row: (case, row)."""
    case = _lock(model.objects.values_list("case_id", flat=True).get(pk=pk), None)
    return case, model.objects.get(pk=pk)


def _note(case: Case, action: str, *, on: date, by: User | None, **details: Any) -> CaseEvent:
    """An event for a record that does not move the case: it stays at its stage."""
    return _event(case, action=action, on=on, by=by, from_stage=case.stage, **details)


# --- Deadlines the queues sort on ------------------------------------------------------------

# Windows the complainant has to ask for the next stage: while one is open the council waits.
COMPLAINANT_WINDOWS = frozenset({Rule.STAGE2_REQUEST_WINDOW, Rule.STAGE3_REQUEST_WINDOW})


def _refresh_deadlines(case: Case, *, save: bool = True) -> None:
    """Copy the earliest running council deadline, and any open complainant window, onto the case.

    The queues filter and sort on these columns; the clocks remain the record.
    """
    council: list[tuple[date, str]] = []
    windows: list[date] = []
    for rule, due, extended in case.clocks.running().values_list(
        "rule", "due_date", "extended_due_date"
    ):
        effective = extended or due
        if rule in COMPLAINANT_WINDOWS:
            windows.append(effective)
        else:
            council.append((effective, rule))
    earliest = min(council) if council else None
    case.next_due_on = earliest[0] if earliest else None
    case.next_due_rule = earliest[1] if earliest else ""
    case.waiting_until = max(windows) if windows else None
    if save:
        case.save(update_fields=["next_due_on", "next_due_rule", "waiting_until", "updated_at"])


@transaction.atomic
def cases_refresh_deadlines(*, case_ids: Sequence[int] | None = None) -> int:
    """Refresh the queue columns of open cases, e.g. after `clocks_recalculate` moved clocks."""
    cases = Case.objects.select_for_update().exclude(stage__in=FINISHED_STAGES)
    if case_ids is not None:
        cases = cases.filter(pk__in=case_ids)
    count = 0
    for case in cases.iterator(chunk_size=500):
        _refresh_deadlines(case)
        count += 1
    return count


# --- What an action records beyond its request -------------------------------------------------


def _apply_details(
    case: Case, action: Action, request: ActionRequest, details: dict[str, Any], by: User | None
) -> None:
    if action is Action.APPOINT_INVESTIGATORS:
        declarations = details.get("conflicts_of_interest", {})
        for role, person in (
            (Role.INVESTIGATING_OFFICER, request.investigating_officer),
            (Role.INDEPENDENT_PERSON, request.independent_person),
        ):
            if person is not None and role.value in declarations:
                Appointment.objects.filter(
                    case=case, role=role, person_id=person.id, ends_on__isnull=True
                ).update(conflict_of_interest_declared=declarations[role.value])
    elif action is Action.CONVENE_PANEL and details.get("breach_reason"):
        case.clocks.running().filter(rule=Rule.STAGE3_PANEL).update(
            breach_reason=details["breach_reason"]
        )
    elif action is Action.ISSUE_PANEL_REPORT:
        for text in details.get("recommendations", ()):
            Recommendation.objects.create(
                case=case, source=Recommendation.Source.REVIEW_PANEL, text=text
            )
    elif action is Action.ISSUE_LA_RESPONSE:
        for recommendation_id, (decision, reasons) in details.get("decisions", {}).items():
            _decide(case, int(recommendation_id), decision, reasons, request.on)


def _decide(case: Case, recommendation_id: int, decision: str, reasons: str, on: date) -> None:
    recommendation = case.recommendations.get(pk=recommendation_id)
    recommendation.decision = decision
    recommendation.decision_reasons = reasons
    recommendation.decided_on = on
    recommendation.save(update_fields=["decision", "decision_reasons", "decided_on"])


# --- Case records that are not moves of the procedure -----------------------------------------


@transaction.atomic
def case_assign(
    *,
    case_id: int,
    assigned_to: User | None,
    team_id: int | None,
    by: User | None,
    on: date,
    expected_assignee_id: int | None = None,
    check_expected: bool = False,
) -> Case:
    """Give the case to a person and a team. With `check_expected`, refuse (StaleCase) when
    someone else changed the assignment since the user looked."""
    case = _lock(case_id, None)
    if check_expected and case.assigned_to_id != expected_assignee_id:
        raise StaleCase(case)
    case.assigned_to = assigned_to
    case.team_id = team_id
    case.save(update_fields=["assigned_to", "team", "updated_at"])
    _note(
        case,
        "assign",
        on=on,
        by=by,
        assigned_to=str(assigned_to) if assigned_to else "",
        team=team_id,
    )
    return case


@transaction.atomic
def case_add_note(*, case_id: int, text: str, by: User | None, on: date) -> CaseNote:
    case = _lock(case_id, None)
    note = CaseNote.objects.create(case=case, text=text, by=by)
    _note(case, "add_note", on=on, by=by, note=note.pk)
    return note


def case_record_view(*, case_id: int, by: User, path: str = "") -> CaseView:
    """The access log: one row each time someone opens a case (no lock: reading changes nothing)."""
    return CaseView.objects.create(case_id=case_id, by=by, path=path[:300])


@transaction.atomic
def case_link(*, case_id: int, other_case_id: int, by: User | None, on: date) -> None:
    if case_id == other_case_id:
        raise ValueError("A case cannot be linked to itself")
    case = _lock(case_id, None)
    other = Case.objects.select_for_update().get(pk=other_case_id)
    case.linked_cases.add(other)
    _note(case, "link_case", on=on, by=by, other=other.reference)
    _event(other, action="link_case", on=on, by=by, from_stage=other.stage, other=case.reference)


@transaction.atomic
def case_record_time_limit_decision(
    *,
    case_id: int,
    discretion: Discretion,
    not_reasonable_to_expect: str,
    still_possible_to_consider: str,
    by: User | None,
    on: date,
) -> Case:
    """Record the decision on a complaint made after the time limit: both limbs (domain §3.3)."""
    case = _lock(case_id, None)
    case.late_discretion = discretion
    case.late_not_reasonable_to_expect = not_reasonable_to_expect
    case.late_still_possible_to_consider = still_possible_to_consider
    case.save(
        update_fields=[
            "late_discretion",
            "late_not_reasonable_to_expect",
            "late_still_possible_to_consider",
            "updated_at",
        ]
    )
    _note(
        case,
        "time_limit_decision",
        on=on,
        by=by,
        discretion=discretion,
    )
    return case


@transaction.atomic
def person_record_eligibility(
    *, person_id: int, decision: Discretion, reasons: str, by: User | None, on: date
) -> CasePerson:
    """The sufficient-interest (or representative) decision on who may complain."""
    case, person = _locked_row(CasePerson, person_id)
    person.eligibility_decision = decision
    person.eligibility_reasons = reasons
    person.eligibility_decided_on = on
    person.eligibility_decided_by = by
    person.save()
    _note(
        case,
        "eligibility_decision",
        on=on,
        by=by,
        person=person.name,
        decision=decision,
    )
    return person


@transaction.atomic
def person_record_consent(*, person_id: int, given: bool, by: User | None, on: date) -> CasePerson:
    """Whether the child agreed to someone else complaining for them."""
    case, person = _locked_row(CasePerson, person_id)
    person.consent_given = given
    person.consent_recorded_on = on
    person.save(update_fields=["consent_given", "consent_recorded_on"])
    _note(
        case,
        "consent_recorded",
        on=on,
        by=by,
        person=person.name,
        given=given,
    )
    return person


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
def recommendation_add(
    *,
    case_id: int,
    source: str,
    text: str,
    by: User | None,
    on: date,
    point_id: int | None = None,
) -> Recommendation:
    case = _lock(case_id, None)
    recommendation = Recommendation.objects.create(
        case=case, source=source, text=text, point_id=point_id
    )
    _note(
        case,
        "add_recommendation",
        on=on,
        by=by,
        recommendation=recommendation.pk,
        source=source,
    )
    return recommendation


@transaction.atomic
def recommendation_decide(
    *, recommendation_id: int, decision: str, reasons: str, by: User | None, on: date
) -> Recommendation:
    """The council accepts or rejects a recommendation; a rejection needs its reasons."""
    if decision == Recommendation.Decision.REJECTED and not reasons.strip():
        raise ValueError("A rejected recommendation needs the reasons")
    recommendation = Recommendation.objects.only("case_id").get(pk=recommendation_id)
    case = _lock(recommendation.case_id, None)
    _decide(case, recommendation_id, decision, reasons, on)
    _note(
        case,
        "decide_recommendation",
        on=on,
        by=by,
        recommendation=recommendation_id,
        decision=decision,
    )
    return case.recommendations.get(pk=recommendation_id)


@transaction.atomic
def action_plan_add(
    *,
    case_id: int,
    description: str,
    owner: User | None,
    due_on: date,
    by: User | None,
    on: date,
    recommendation_id: int | None = None,
) -> ActionPlanItem:
    case = _lock(case_id, None)
    item = ActionPlanItem.objects.create(
        case=case,
        description=description,
        owner=owner,
        due_on=due_on,
        recommendation_id=recommendation_id,
    )
    _note(
        case,
        "add_plan_action",
        on=on,
        by=by,
        item=item.pk,
        owner=str(owner) if owner else "",
        due_on=due_on.isoformat(),
    )
    return item


@transaction.atomic
def action_plan_complete(
    *, item_id: int, evidence: str, by: User | None, on: date, practice_change: str = ""
) -> ActionPlanItem:
    case, item = _locked_row(ActionPlanItem, item_id)
    item.status = ActionPlanItem.Status.COMPLETE
    item.completed_on = on
    item.evidence = evidence
    item.practice_change = practice_change
    item.save()
    _note(case, "complete_plan_action", on=on, by=by, item=item.pk)
    return item


@transaction.atomic
def remedy_add(
    *,
    case_id: int,
    kind: str,
    by: User | None,
    on: date,
    due_on: date | None = None,
    amount_pence: int | None = None,
    payment_reason: str = "",
) -> Remedy:
    """A remedy the Ombudsman recommended, tied to the latest decided enquiry if there is one."""
    case = _lock(case_id, None)
    referral = case.ombudsman_referrals.filter(kind=OmbudsmanReferral.Kind.ENQUIRY).last()
    remedy = Remedy.objects.create(
        case=case,
        referral=referral,
        kind=kind,
        due_on=due_on,
        amount_pence=amount_pence,
        payment_reason=payment_reason,
    )
    _note(
        case,
        "add_remedy",
        on=on,
        by=by,
        remedy=remedy.pk,
        kind=kind,
        due_on=due_on.isoformat() if due_on else None,
        amount_pence=amount_pence,
    )
    return remedy


@transaction.atomic
def remedy_complete(*, remedy_id: int, evidence: str, by: User | None, on: date) -> Remedy:
    case, remedy = _locked_row(Remedy, remedy_id)
    remedy.completed_on = on
    remedy.evidence = evidence
    remedy.save(update_fields=["completed_on", "evidence"])
    _note(case, "complete_remedy", on=on, by=by, remedy=remedy.pk)
    return remedy


@transaction.atomic
def point_set_theme(*, point_id: int, theme: str, by: User | None, on: date) -> ComplaintPoint:
    """A complaint point's learning theme (domain §4.2; the annual report's themes table)."""
    case, point = _locked_row(ComplaintPoint, point_id)
    point.theme = theme
    point.save(update_fields=["theme"])
    PointFinding.objects.filter(point=point).update(theme=theme)
    _note(case, "set_theme", on=on, by=by, point=point.number, theme=theme)
    return point


@transaction.atomic
def case_appoint_advocate(*, case_id: int, advocate: User, by: User | None, on: date) -> Case:
    """Appoint an external advocate (s.26A Children Act 1989): they see the case from `on`."""
    case = _lock(case_id, None)
    Appointment.objects.get_or_create(
        case=case, person=advocate, role=Role.ADVOCATE, ends_on=None, defaults={"starts_on": on}
    )
    case.advocate_involved = True
    case.save(update_fields=["advocate_involved", "updated_at"])
    _note(case, "appoint_advocate", on=on, by=by, advocate=str(advocate))
    return case


@transaction.atomic
def case_record_event(
    *, case_id: int, action: str, on: date, by: User | None, **details: Any
) -> CaseEvent:
    """Put on the case's timeline something another part of Redress did to it (an email filed
    from the complaints mailbox): the case stays at its stage. Not for procedure steps, which go
    through `case_take_action`."""
    return _note(_lock(case_id, None), action, on=on, by=by, **details)
