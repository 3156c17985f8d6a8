"""Builders for the public side's tests (and the browser tests): drafts filled in through the
real forms, and cases moved through the real services to where a complainant can ask for the next
stage."""

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from redress.cases.models import Case, Channel
from redress.cases.services import (
    NewComplaint,
    PersonDetails,
    case_receive,
    case_take_action,
    point_record_finding,
)
from redress.cases.tests.factories import independent
from redress.core.council import active_profile
from redress.domain.facts import ActionRequest
from redress.domain.findings import Finding, FindingStage
from redress.domain.roles import Role
from redress.domain.workflow import Action
from redress.intake import services
from redress.intake.journeys import JOURNEYS
from redress.intake.models import Draft
from redress.intake.steps import StepContext

COMPLAINANT_EMAIL = "sam.parent@example.org"


def fill_in(journey: str, data: Mapping[str, Mapping[str, Any]], today: date) -> Draft:
    """A draft answered page by page through each page's form, as the views do."""
    key = None
    draft = None
    for step in JOURNEYS[journey].steps:
        answers = draft.answers if draft else {}
        context = StepContext(answers=answers, profile=active_profile(), today=today)
        if not step.applies(context):
            continue
        form = step.form(data.get(step.slug, {}), context=context)
        assert form.is_valid(), (step.slug, form.errors)
        draft = services.draft_record_answer(
            key=key, journey=journey, step=step.slug, answer=form.to_answers()
        )
        key = draft.key
    assert draft is not None
    return draft


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def complaint_from(email: str, received_on: date) -> Case:
    return case_receive(
        complaint=NewComplaint(
            channel=Channel.ONLINE_FORM,
            received_at=at(received_on),
            summary="Nobody returned my calls",
            people=[
                PersonDetails(
                    role="complainant", name="Sam Parent", complainant_type="parent", email=email
                )
            ],
            points=["Nobody returned my calls"],
        )
    )


def take(case: Case, action: Action, on: date, **request: Any) -> Case:
    return case_take_action(
        case_id=case.pk, action=action, request=ActionRequest(on=on, **request), by=None
    )


def record_findings(case: Case, stage: FindingStage, on: date) -> None:
    for point in case.points.all():
        point_record_finding(
            point_id=point.pk, stage=stage, finding=Finding.NOT_UPHELD, by=None, on=on
        )


def responded_case(responded_on: date, email: str = COMPLAINANT_EMAIL) -> Case:
    """A statutory complaint whose stage 1 response went out on `responded_on`."""
    received = date.fromordinal(responded_on.toordinal() - 14)
    case = complaint_from(email, received)
    take(case, Action.ACCEPT_STATUTORY, received)
    record_findings(case, FindingStage.STAGE1, received)
    return take(case, Action.RESPOND_STAGE1, responded_on)


def adjudicated_case(adjudicated_on: date, email: str = COMPLAINANT_EMAIL) -> Case:
    """A statutory complaint whose stage 2 response went out on `adjudicated_on`."""
    start = date.fromordinal(adjudicated_on.toordinal() - 60)
    case = responded_case(start, email)
    take(case, Action.REQUEST_STAGE2, start)
    take(
        case,
        Action.APPOINT_INVESTIGATORS,
        start,
        investigating_officer=independent(Role.INVESTIGATING_OFFICER).as_person(),
        independent_person=independent().as_person(),
    )
    take(case, Action.AGREE_STATEMENT, start)
    take(case, Action.START_INVESTIGATION, start)
    record_findings(case, FindingStage.STAGE2_INVESTIGATION, start)
    take(case, Action.RECEIVE_REPORTS, start)
    record_findings(case, FindingStage.STAGE2_ADJUDICATION, start)
    return take(case, Action.ADJUDICATE, adjudicated_on)


def corporate_responded_case(responded_on: date, email: str = COMPLAINANT_EMAIL) -> Case:
    received = date.fromordinal(responded_on.toordinal() - 14)
    case = complaint_from(email, received)
    take(case, Action.ACKNOWLEDGE, received)
    take(case, Action.ACCEPT_CORPORATE, received)
    record_findings(case, FindingStage.CORPORATE_STAGE1, received)
    return take(case, Action.RESPOND_CORPORATE_STAGE1, responded_on)
