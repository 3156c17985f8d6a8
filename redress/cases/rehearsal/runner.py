"""Replaying a scenario through the case services (the same path staff actions take).

Each scenario runs in one transaction that is rolled back at the end, so nothing it did is left
behind; each step runs in a savepoint of its own, so a refused step changes nothing. The people it
needs (someone in each staff role; the investigators and panel members by their `id`) are made
inside the same transaction.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from redress.accounts.models import Appointment, User, role_group
from redress.cases.models import Case, Channel
from redress.cases.rehearsal.scenario import PersonSpec, Scenario, StepSpec
from redress.cases.services import (
    FindingInput,
    NewComplaint,
    NotPermitted,
    PersonDetails,
    case_receive,
    case_take_action,
)
from redress.core.council import profile_named
from redress.domain.clock_states import ClockRecord, clock_state
from redress.domain.facts import ActionRequest, Discretion, Route, SentBy
from redress.domain.findings import FindingStage
from redress.domain.roles import EXTERNAL_ROLES, Role
from redress.domain.rules import Rule
from redress.domain.workflow import FINDINGS_RECORDED, Action, GuardFailed, InvalidTransition


@dataclass(frozen=True)
class ClockLine:
    rule: str
    day0: date
    due: date
    extended_due: date | None
    state: str

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "day0": self.day0.isoformat(),
            "due": self.due.isoformat(),
            "extended_due": self.extended_due.isoformat() if self.extended_due else None,
            "state": self.state,
        }


@dataclass(frozen=True)
class StepResult:
    step: StepSpec
    result: str  # "done" or "refused"
    message: str
    stage: str
    clocks: tuple[ClockLine, ...]

    @property
    def as_expected(self) -> bool:
        return self.step.expect is None or self.step.expect == self.result

    def as_json(self) -> dict[str, Any]:
        return {
            "step": self.step.number,
            "on": self.step.on.isoformat(),
            "action": self.step.action.value,
            "by": self.step.by.value,
            "result": self.result,
            "message": self.message,
            "stage": self.stage,
            "clocks": [clock.as_json() for clock in self.clocks],
        }


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    steps: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        return all(step.as_expected for step in self.steps)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.scenario.file,
            "council": self.scenario.council,
            "ok": self.ok,
            "steps": [step.as_json() for step in self.steps],
        }


class _Rollback(Exception):
    """Raised at the end of a scenario so its transaction leaves nothing behind."""


def rehearse(scenario: Scenario) -> ScenarioResult:
    """Replay `scenario` and undo everything it did."""
    results: list[StepResult] = []
    try:
        with transaction.atomic():
            cast = _Cast(scenario)
            case = _receive(scenario)
            for step in scenario.steps:
                results.append(_take(case, step, cast))
            raise _Rollback
    except _Rollback:
        pass
    return ScenarioResult(scenario, tuple(results))


def _receive(scenario: Scenario) -> Case:
    received_at = timezone.make_aware(datetime.combine(scenario.received, time(10, 0)))
    complaint = NewComplaint(
        channel=Channel.PHONE,
        received_at=received_at,
        summary="A rehearsed complaint",
        people=(PersonDetails(role="complainant", name="Rehearsal Complainant"),),
        points=tuple(f"Complaint point {n}" for n in range(1, scenario.points + 1)),
        service_area=scenario.service_area,
        grounds_arose_on=scenario.events_on,
    )
    return case_receive(complaint=complaint, profile=profile_named(scenario.council))


class _Cast:
    """The people a rehearsal needs, made on first use."""

    def __init__(self, scenario: Scenario) -> None:
        self.tag = f"rehearsal-{id(scenario)}"
        self.staff: dict[Role, User] = {}
        self.people: dict[int, User] = {}

    def staff_in(self, role: Role) -> User:
        if role not in self.staff:
            user = User.objects.create(username=f"{self.tag}-{role.value}", first_name=role.label)
            user.groups.add(role_group(role))
            self.staff[role] = user
        return self.staff[role]

    def person(self, spec: PersonSpec) -> User:
        user = self.people.get(spec.id)
        if user is None:
            user = User.objects.create(
                username=f"{self.tag}-person-{spec.id}",
                first_name=f"Person {spec.id}",
                is_external=True,
            )
            self.people[spec.id] = user
        fields = {
            "is_council_officer": spec.council_officer,
            "is_council_member": spec.council_member,
        }
        if any(getattr(user, name) != value for name, value in fields.items()):
            User.objects.filter(pk=user.pk).update(**fields)
            user.refresh_from_db()
        return user

    def actor(self, case: Case, role: Role, on: date) -> User:
        """Whoever takes the step: someone in that staff role, or for an external role the
        person appointed to it on this case (anyone else in that role has no appointment)."""
        if role not in EXTERNAL_ROLES:
            return self.staff_in(role)
        appointed = (
            Appointment.objects.current_on(on).filter(case=case, role=role).order_by("-pk").first()
        )
        if appointed is not None:
            return appointed.person  # type: ignore[no-any-return]
        return self.staff_in(role)


def _request(step: StepSpec, cast: _Cast) -> ActionRequest:
    def as_person(spec: PersonSpec | None) -> Any:
        if spec is None:
            return None
        return replace(cast.person(spec).as_person(), declared_interest=spec.declared_interest)

    # A discretion refusing a late complaint answers both questions with the step's reasons.
    refusing_late = step.action is Action.NOT_ACCEPT and step.discretion is Discretion.REFUSE
    return ActionRequest(
        on=step.on,
        reason=step.reason,
        discretion=step.discretion,
        complainant_agreed_on=step.complainant_agreed_on,
        extend_to_working_days=step.working_days,
        investigating_officer=as_person(step.io),
        independent_person=as_person(step.ip),
        panel=tuple(as_person(member) for member in step.panel),
        agreed_how=step.reason if step.complainant_agreed_on else "",
        grounds=step.grounds,
        why_not_in_time=step.reason if refusing_late else "",
        fair_consideration=step.reason if refusing_late else "",
        sent_by=step.sent_by or SentBy.EMAIL,
        received_by_complainant_on=step.received_by_complainant_on,
        meets_on=step.meets_on,
    )


def _findings(case: Case, step: StepSpec) -> list[FindingInput]:
    """The step's findings, one per point in order, at the stage the step records them (a
    withdrawal records them at the procedure's first stage)."""
    if step.action is Action.WITHDRAW:
        corporate = case.route == Route.CORPORATE
        stage = FindingStage.CORPORATE_STAGE1 if corporate else FindingStage.STAGE1
    elif step.action in FINDINGS_RECORDED:
        stage = FINDINGS_RECORDED[step.action]
    else:
        return []
    points = list(case.points.order_by("number"))
    return [
        FindingInput(point.pk, stage, finding, rationale="Rehearsal")
        for point, finding in zip(points, step.findings, strict=False)
    ]


def _take(case: Case, step: StepSpec, cast: _Cast) -> StepResult:
    message = ""
    # The people first, outside the step's savepoint: a refused step must not roll them back
    request, actor = _request(step, cast), cast.actor(case, step.by, step.on)
    try:
        with transaction.atomic():
            case_take_action(
                case_id=case.pk,
                action=step.action,
                request=request,
                by=actor,
                findings=_findings(case, step),
                today=step.on,
            )
        result = "done"
    except GuardFailed as refused:
        result, message = "refused", "; ".join(refused.problems)
    except (InvalidTransition, NotPermitted) as refused:
        result, message = "refused", str(refused)
    case.refresh_from_db()
    return StepResult(step, result, message, case.stage, _clocks(case, step.on))


def _clocks(case: Case, on: date) -> tuple[ClockLine, ...]:
    lines = []
    for clock in case.clocks.order_by("pk"):
        record = ClockRecord(
            Rule(clock.rule), clock.effective_due_date, clock.completed_on, clock.met
        )
        lines.append(
            ClockLine(
                clock.rule,
                clock.anchor_date,
                clock.due_date,
                clock.extended_due_date,
                clock_state(record, on).value,
            )
        )
    return tuple(lines)
