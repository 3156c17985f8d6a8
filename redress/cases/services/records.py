"""Case records that are not moves of the procedure: assignment, notes, links, decisions,
recommendations, action plans, remedies, the Ombudsman track and documents."""

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction

from redress.accounts.models import Appointment, User
from redress.cases.models import (
    ActionPlanItem,
    Case,
    CaseEvent,
    CaseNote,
    CasePerson,
    CaseView,
    Document,
    OmbudsmanReferral,
    Recommendation,
    Remedy,
)
from redress.cases.services._base import StaleCase, _event, _lock, _locked_row, _note
from redress.cases.services.deadlines import _refresh_deadlines
from redress.cases.services.procedure import _decide
from redress.core.calendar import corporate_calendar, working_calendar
from redress.core.council import profile_named
from redress.domain.facts import Discretion
from redress.domain.ombudsman import (
    OmbudsmanAction,
    OmbudsmanDecision,
    OmbudsmanStatus,
    next_ombudsman_status,
)
from redress.domain.roles import Role
from redress.domain.rules import COMPLAINANT_WINDOWS, CORPORATE_RULES
from redress.domain.workflow import FINISHED_STAGES, Action, Anchor, GuardFailed, Stage


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


FINISHED_NOT_REASSIGNED = (
    "This case is finished, so it cannot be reassigned. Reopen it first to give it to someone."
)


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
    someone else changed the assignment since the user looked. A finished case is not
    reassigned (GuardFailed, so the form shows why)."""
    case = _lock(case_id, None)
    if Stage(case.stage) in FINISHED_STAGES:
        raise GuardFailed([FINISHED_NOT_REASSIGNED])
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
    _due_not_in_the_past(due_on, on, "the action")
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
    if due_on is not None:
        _due_not_in_the_past(due_on, on, "the remedy")
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


def _due_not_in_the_past(due_on: date, on: date, what: str) -> None:
    """A due date set today is today or later: a date already passed would record a breach as
    if it were planned (GuardFailed, so the form shows it beside the date)."""
    if due_on < on:
        raise GuardFailed(
            [
                f"The date {what} is due ({due_on:%-d %B %Y}) is in the past: a due date is "
                f"set on or after the day it is recorded ({on:%-d %B %Y})"
            ]
        )


@transaction.atomic
def case_record_response_received(
    *, case_id: int, received_on: date, by: User | None, on: date
) -> Case:
    """The day the complainant actually received the last response, when it is known (a posted
    letter that took longer, say): their window to ask for the next stage counts from it."""
    case = _lock(case_id, None)
    window = case.clocks.running().filter(rule__in=COMPLAINANT_WINDOWS).order_by("-pk").first()
    if window is None:
        raise GuardFailed(["There is no window open for the complainant to ask for the next stage"])
    sent_on = (
        case.events.filter(action__in=RESPONSES)
        .order_by("-on", "-pk")
        .values_list("on", flat=True)
        .first()
    )
    problems = []
    if sent_on is not None and received_on < sent_on:
        problems.append(
            f"The complainant cannot have received the response ({received_on:%-d %B %Y}) "
            f"before it was sent on {sent_on:%-d %B %Y}"
        )
    if received_on > on:
        problems.append("The date the complainant received the response must be in the past")
    if problems:
        raise GuardFailed(problems)
    profile = profile_named(case.profile)
    calendar = corporate_calendar(profile) if window.rule in CORPORATE_RULES else working_calendar()
    was = window.effective_due_date
    window.anchor_date = received_on
    window.anchor_type = Anchor.COMPLAINANT_RECEIVED
    window.due_date = calendar.add_working_days(received_on, window.working_days)
    window.save(update_fields=["anchor_date", "anchor_type", "due_date"])
    _refresh_deadlines(case)
    _note(
        case,
        "record_response_received",
        on=on,
        by=by,
        received_on=received_on.isoformat(),
        rule=window.rule,
        was=was.isoformat(),
        due=window.due_date.isoformat(),
    )
    return case


# The steps that send the complainant a response and open their window to ask for the next one.
RESPONSES = [
    Action.RESOLVE_STAGE1,
    Action.RESPOND_STAGE1,
    Action.ADJUDICATE,
    Action.RESPOND_CORPORATE_STAGE1,
]
