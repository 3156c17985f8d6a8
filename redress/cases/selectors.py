"""Reads of cases. Every read starts from `cases_visible_to(user)`: access is never forgotten."""

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from redress.accounts.models import Appointment, User
from redress.cases.models import Case, Clock, ComplaintPoint
from redress.domain.facts import CaseFacts, ClockFacts, PointFacts, Route
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.rules import Rule


def cases_visible_to(user: User, *, today: date | None = None) -> QuerySet[Case]:
    """Council staff see every case; external people only the cases they are appointed to now."""
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    if not user.is_external:
        return Case.objects.all()
    today = today or timezone.localdate()
    current = Appointment.objects.current_on(today).filter(person=user)
    return Case.objects.filter(pk__in=current.values("case_id"))


def running_clocks(case: Case) -> QuerySet[Clock]:
    return case.clocks.running().order_by("pk")


def case_facts(case: Case) -> CaseFacts:
    """The plain snapshot the procedure's rules decide on."""
    clocks = list(case.clocks.all())
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
    today = timezone.localdate()
    appointments = list(case.appointments.select_related("person"))
    current = [a for a in appointments if a.ends_on is None or a.ends_on >= today]

    def current_in(role: Role) -> User | None:
        people = [a.person for a in current if a.role == role]
        return people[-1] if people else None

    officer = current_in(Role.INVESTIGATING_OFFICER)
    independent = current_in(Role.INDEPENDENT_PERSON)
    return CaseFacts(
        reference=case.reference,
        received_on=case.received_on,
        running_clocks=running,
        points=points,
        acknowledged_on=last_completed(Rule.ACK),
        corporate_stage2_acknowledged_on=last_completed(Rule.CORPORATE_STAGE2_ACK),
        investigating_officer=officer.as_person() if officer else None,
        independent_person=independent.as_person() if independent else None,
        stage2_independent_person_ids=frozenset(
            a.person_id for a in appointments if a.role == Role.INDEPENDENT_PERSON
        ),
    )


def overdue_clocks(day: date) -> QuerySet[Clock]:
    return Clock.objects.overdue_on(day).select_related("case")
