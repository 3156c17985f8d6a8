"""The case page: summary, people, points and findings, clocks explained, timeline, and more."""

from datetime import date

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from redress.accounts.access import local_today, roles_on_case, staff_view
from redress.cases.models import Case, Clock
from redress.cases.selectors import case_for_page
from redress.cases.services import case_record_view
from redress.casework.access import CASE_READERS, COMPLAINTS_TEAM, RESTRICTED_READERS
from redress.casework.actions import offered_actions
from redress.casework.deadlines import explain_clock, status_of
from redress.casework.labels import event_label, rule_label
from redress.casework.records import offered_records
from redress.core.calendar import working_calendar
from redress.core.council import profile_named
from redress.domain.clock_states import ClockRecord, ClockState, clock_state
from redress.domain.findings import FindingStage
from redress.domain.ombudsman import OmbudsmanStatus
from redress.domain.profiles import Stage2ClockStart
from redress.domain.rules import COMPLAINANT_WINDOWS, Rule
from redress.domain.workflow import Action, Stage
from redress.domain.working_days import WorkingCalendar
from redress.intake.selectors import late_request_pending

FINDING_STAGE_LABELS = {
    FindingStage.STAGE1: "Stage 1",
    FindingStage.STAGE2_INVESTIGATION: "Investigating officer",
    FindingStage.STAGE2_ADJUDICATION: "Adjudication",
    FindingStage.CORPORATE_STAGE1: "Corporate stage 1",
    FindingStage.CORPORATE_STAGE2: "Corporate stage 2",
}

# A clock's state (redress.domain.clock_states) in the page's words, with its tag colour
CLOCK_STATES = {
    ClockState.RUNNING: ("Running", "blue"),
    ClockState.OVERDUE: ("Overdue", "red"),
    ClockState.MET: ("Met", "green"),
    ClockState.MISSED: ("Missed", "red"),
    ClockState.ENDED: ("Ended without a verdict", "grey"),
    ClockState.USED: ("Used: asked in time", "green"),
    ClockState.LAPSED: ("Lapsed", "grey"),
}
STAGE2_REQUESTS = (Action.REQUEST_STAGE2, Action.ACCEPT_STATUTORY_STAGE2)


def _state_of(clock: Clock, today: date) -> tuple[str, str]:
    record = ClockRecord(Rule(clock.rule), clock.effective_due_date, clock.completed_on, clock.met)
    return CLOCK_STATES[clock_state(record, today)]


def _request_to_statement(case: Case, calendar: WorkingCalendar, today: date) -> str:
    """Under a profile whose stage 2 clock starts when the statement is agreed, how long the
    statement took from the request: the time the clock does not count (empty otherwise)."""
    if profile_named(case.profile).stage2.clock_start is not Stage2ClockStart.STATEMENT_AGREED:
        return ""
    events = list(case.events.all())  # the latest first
    requested_on = next((e.on for e in events if e.action in STAGE2_REQUESTS), None)
    if requested_on is None:
        return ""
    agreed_on = next(
        (e.on for e in events if e.action == Action.AGREE_STATEMENT and e.on >= requested_on),
        None,
    )
    if agreed_on is None and case.stage != Stage.S2_REQUESTED:
        return ""  # it moved on (withdrawn, deferred) without an agreed statement
    days = calendar.working_days_between(requested_on, agreed_on or today)
    text = f"Request to statement agreed: {days} working day{'s' if days != 1 else ''}"
    return text if agreed_on else f"{text} so far (the statement is not agreed yet)"


@require_safe
@staff_view(CASE_READERS)
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    today = local_today()
    case = case_for_page(request.user, reference, today=today)
    if case is None:
        raise Http404("No case with that reference that you can see")
    case_record_view(case_id=case.pk, by=request.user, path=request.path)
    current = [
        a
        for a in case.appointments.all()
        if a.starts_on <= today and (a.ends_on is None or a.ends_on >= today)
    ]
    roles = roles_on_case(request.user, [a.role for a in current if a.person_id == request.user.pk])
    calendar = working_calendar()
    profile = profile_named(case.profile)
    clocks = [
        explain_clock(c, profile=profile, calendar=calendar, today=today)
        for c in sorted(case.clocks.all(), key=lambda c: (not c.is_running, c.anchor_date, c.pk))
    ]
    restricted = bool(roles & RESTRICTED_READERS) and not (roles - RESTRICTED_READERS)
    window_open = any(c.is_running and c.rule in COMPLAINANT_WINDOWS for c in case.clocks.all())
    return render(
        request,
        "casework/case.html",
        {
            "case": case,
            "stage": Stage(case.stage),
            "status": status_of(case.next_due_on, today=today, calendar=calendar),
            "ombudsman": OmbudsmanStatus(case.ombudsman_status),
            "clocks": clocks,
            "clock_states": {c.clock.pk: _state_of(c.clock, today) for c in clocks},
            "request_to_statement": _request_to_statement(case, calendar, today),
            "window_open": window_open,
            "events": [(event, event_label(event.action)) for event in case.events.all()],
            "appointments": current,
            "actions": offered_actions(Stage(case.stage), roles),
            "records": offered_records(case, roles),
            "finding_stage_labels": FINDING_STAGE_LABELS,
            "restricted": restricted,
            "today": today,
            "stage_labels": {s.value: s.label for s in Stage},
            "rule_label": rule_label,
            "letters": bool(roles & COMPLAINTS_TEAM),
            "late_request": late_request_pending(case),
        },
    )


@require_safe
@staff_view(CASE_READERS)
def case_document(request: HttpRequest, reference: str, document_id: int) -> FileResponse:
    """A document on a case the person can see; the download is kept in the access log."""
    case = case_for_page(request.user, reference, today=local_today())
    document = case.documents.filter(pk=document_id).first() if case is not None else None
    if case is None or document is None:
        raise Http404("No such document on a case you can see")
    case_record_view(case_id=case.pk, by=request.user, path=request.path)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=document.content_type,
    )
