"""The plain snapshot of a case that the procedure's rules decide on (`redress.domain.facts`)."""

from datetime import date

from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, ComplaintPoint
from redress.domain.facts import (
    CaseFacts,
    ClockFacts,
    Discretion,
    PointFacts,
    RecommendationFacts,
    Route,
    TimeLimitDecision,
)
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action

PROCEDURE_STEPS = [action.value for action in Action]


def case_facts(case: Case, *, today: date | None = None) -> CaseFacts:
    """The plain snapshot the procedure's rules decide on. `today` decides which appointments
    are current (the real date unless a rehearsal says otherwise)."""
    clocks = list(case.clocks.order_by("pk"))
    running = {
        Rule(c.rule): ClockFacts(
            rule=Rule(c.rule),
            anchor_date=c.anchor_date,
            due=c.due_date,
            extended_due=c.extended_due_date,
            extended_working_days=c.extended_working_days,
        )
        for c in clocks
        if c.is_running
    }

    def last_completed(rule: Rule) -> date | None:
        done = [c.completed_on for c in clocks if c.rule == rule and c.completed_on]
        return max(done) if done else None

    points = tuple(
        PointFacts(
            number=p.number,
            route=Route(p.route),
            findings={FindingStage(f.stage): Finding(f.finding) for f in p.findings.all()},
        )
        for p in ComplaintPoint.objects.filter(case=case).prefetch_related("findings")
    )
    today = today or timezone.localdate()
    appointments = list(case.appointments.select_related("person"))
    current = [a for a in appointments if a.ends_on is None or a.ends_on >= today]

    def current_in(role: Role) -> User | None:
        people = [a.person for a in current if a.role == role]
        return people[-1] if people else None

    def ever(role: Role) -> frozenset[int]:
        return frozenset(a.person_id for a in appointments if a.role == role)

    officer = current_in(Role.INVESTIGATING_OFFICER)
    independent = current_in(Role.INDEPENDENT_PERSON)
    steps = case.events.filter(action__in=PROCEDURE_STEPS).order_by("-on", "-pk")
    restarts = steps.filter(action__in=[Action.REOPEN, Action.RESUME])
    last_step = steps.values_list("action", "on").first()
    return CaseFacts(
        reference=case.reference,
        received_on=case.received_on,
        triage_restarted_on=restarts.values_list("on", flat=True).first(),
        running_clocks=running,
        points=points,
        acknowledged_on=last_completed(Rule.ACK),
        corporate_stage2_acknowledged_on=last_completed(Rule.CORPORATE_STAGE2_ACK),
        investigating_officer=officer.as_person() if officer else None,
        independent_person=independent.as_person() if independent else None,
        stage2_independent_person_ids=ever(Role.INDEPENDENT_PERSON),
        stage2_investigating_officer_ids=ever(Role.INVESTIGATING_OFFICER),
        service_area=case.service_area,
        grounds_arose_on=case.grounds_arose_on,
        time_limit_decision=_time_limit_decision(case),
        last_step=tuple(last_step) if last_step else None,  # type: ignore[arg-type]
        recommendations=tuple(
            RecommendationFacts(r.pk, r.source, decided=r.decision != r.Decision.PENDING)
            for r in case.recommendations.order_by("pk")
        ),
    )


def _time_limit_decision(case: Case) -> TimeLimitDecision | None:
    if not case.late_discretion:
        return None
    return TimeLimitDecision(
        Discretion(case.late_discretion),
        case.late_not_reasonable_to_expect,
        case.late_still_possible_to_consider,
    )
