"""Writes of the public side that are not moves of a case.

Sending a form creates the case through `case_receive` and `document_add`, in one transaction
with the record of what was sent: either all of it is saved or none of it. A form sent twice (a
double click, a resent request after a time-out) finds the first submission by its key and
creates nothing. Moves of a case (asking for the next stage, withdrawing) go through
`case_take_action`; a late request for the next stage, which `case_take_action` rightly refuses
without a manager's decision, is recorded here and put in front of a manager instead.
"""

import logging
import secrets
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.files import File
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from redress.cases.models import Case, CaseEvent, Document
from redress.cases.services import StaleCase, case_receive, case_take_action, document_add
from redress.core.council import active_profile, profile_named
from redress.core.files import delete_stored_files
from redress.domain.facts import ActionRequest
from redress.domain.workflow import Action, GuardFailed, InvalidTransition, Stage
from redress.intake import selectors
from redress.intake.journeys import JOURNEYS, Journey, advocate_choice, contact_email
from redress.intake.models import (
    ComplainantMessage,
    Draft,
    HeldUpload,
    LateStageRequest,
    RateLimitHit,
    Submission,
    TrackingCode,
)
from redress.intake.steps import StepContext
from redress.intake.uploads import CheckedUpload

logger = logging.getLogger(__name__)


# --- Rate limits ---------------------------------------------------------------------------------


def parse_limit(value: str) -> tuple[int, int]:
    """ "20/3600" -> (20, 3600): at most 20 in any 3600 seconds."""
    count, _, seconds = value.partition("/")
    return int(count), int(seconds)


@transaction.atomic
def rate_limit_consume(*, bucket: str, key: str, now: datetime) -> bool:
    """Count one action by `key` in `bucket`. False, counting nothing, when over the limit."""
    count, seconds = parse_limit(settings.REDRESS_RATE_LIMITS[bucket])
    recent = RateLimitHit.objects.filter(
        bucket=bucket, key=key, at__gt=now - timedelta(seconds=seconds)
    )
    if recent.count() >= count:
        return False
    RateLimitHit.objects.create(bucket=bucket, key=key, at=now)
    return True


def hashed(purpose: str, value: str) -> str:
    """A keyed hash: lets us count and compare without keeping the value itself."""
    return salted_hmac(f"redress.intake.{purpose}", value, algorithm="sha256").hexdigest()


# --- Forms in progress ---------------------------------------------------------------------------


def _draft_for_update(key: UUID | None, journey: str) -> Draft | None:
    if key is None:
        return None
    return selectors.drafts_live().select_for_update().filter(key=key, journey=journey).first()


@transaction.atomic
def draft_record_answer(
    *, key: UUID | None, journey: str, step: str, answer: dict[str, Any]
) -> Draft:
    """Keep the answer to one page. Starts a draft if the browser has none (or an expired one)."""
    draft = _draft_for_update(key, journey) or Draft(journey=journey)
    draft.answers = {**draft.answers, step: answer}
    draft.save()
    return draft


class TooManyFiles(Exception):
    pass


@transaction.atomic
def held_upload_add(*, key: UUID | None, journey: str, checked: CheckedUpload) -> Draft:
    """Store an attached file now, so that sending the form cannot lose it."""
    draft = _draft_for_update(key, journey) or Draft.objects.create(journey=journey)
    if draft.uploads.count() >= settings.REDRESS_UPLOAD_MAX_FILES:
        raise TooManyFiles
    held = HeldUpload(
        draft=draft,
        name=checked.name,
        content_type=checked.content_type,
        size_bytes=checked.upload.size or 0,
    )
    held.file.save(checked.name, checked.upload, save=False)
    held.save()
    draft.save(update_fields=["updated_at"])
    return draft


@transaction.atomic
def held_upload_remove(*, key: UUID | None, journey: str, upload_id: int) -> None:
    draft = _draft_for_update(key, journey)
    if draft is None:
        return
    held = draft.uploads.filter(pk=upload_id).first()
    if held is None:
        return
    name = held.file.name
    held.delete()
    transaction.on_commit(lambda: delete_stored_files([name]))


# --- Sending a form ------------------------------------------------------------------------------


class DraftGone(Exception):
    """The form expired (or was never started) and was not sent."""


class DraftIncomplete(Exception):
    def __init__(self, step: str) -> None:
        super().__init__(step)
        self.step = step


def context_for(draft: Draft, today: date) -> StepContext:
    return StepContext(answers=draft.answers, profile=active_profile(), today=today)


def submission_confirm(*, key: UUID | None, journey: str, client: str, now: datetime) -> Submission:
    """Send a draft: create the case, move its uploads onto it, keep what was sent.

    Idempotent on the draft's key: a second call (a double click) returns the first submission.
    """
    try:
        return _confirm(key=key, journey=JOURNEYS[journey], client=client, now=now)
    except IntegrityError:
        # Two requests raced past the lock (it cannot happen on PostgreSQL or SQLite, whose
        # transactions serialise here), and the unique key stopped the second.
        existing = selectors.submission_for(key, journey)
        if existing is None:
            raise
        return existing


@transaction.atomic
def _confirm(*, key: UUID | None, journey: Journey, client: str, now: datetime) -> Submission:
    draft = _draft_for_update(key, journey.name)
    if draft is None:
        # Waiting for the lock may have been waiting for the first of two presses to commit.
        existing = selectors.submission_for(key, journey.name)
        if existing is not None:
            return existing
        raise DraftGone
    context = context_for(draft, timezone.localdate(now))
    missing = journey.first_unanswered(context)
    if missing is not None:
        raise DraftIncomplete(missing.slug)
    case = case_receive(complaint=journey.build(context, now))
    uploads = list(draft.uploads.all())
    for held in uploads:
        with held.file.open("rb") as content:
            document_add(
                case_id=case.pk,
                kind=Document.Kind.EVIDENCE,
                title=held.name,
                content=File(content, name=held.name),
                content_type=held.content_type,
                by=None,
                on=case.received_on,
            )
    submission = Submission.objects.create(
        key=draft.key,
        journey=journey.name,
        case=case,
        answers=draft.answers,
        submitted_at=now,
        client=client,
    )
    _record_what_needs_attention(case, journey, context, submission)
    held_names = [held.file.name for held in uploads]
    draft.delete()  # and its held uploads' rows; the files go once this commits
    transaction.on_commit(lambda: delete_stored_files(held_names))
    email = contact_email(journey, context)
    if email:
        transaction.on_commit(lambda: _send_confirmation(case.pk, journey, email))
    return submission


def _record_what_needs_attention(
    case: Case, journey: Journey, context: StepContext, submission: Submission
) -> None:
    """One event on the timeline with what the team must act on from the online form."""
    details: dict[str, Any] = {"journey": journey.name, "submission": submission.pk}
    advocate = advocate_choice(context)
    if advocate:
        details["advocate"] = advocate
        details["advocate_requested"] = advocate == "yes"
    if "why-now" in context.answers and context.is_late:
        details["late_reasons"] = dict(context.answers["why-now"])
    if any(step.slug == "safe-how" for step in journey.applicable(context)):
        details["contact_safety"] = context.get("safe-how", "safe_details")
    CaseEvent.objects.create(
        case=case,
        action="submitted_online",
        on=case.received_on,
        by=None,
        from_stage=case.stage,
        to_stage=case.stage,
        details=details,
    )


def _send(subject: str, template: str, context: dict[str, Any], to: str) -> None:
    """Email after the transaction: a mail server that is down must not lose a submission."""
    try:
        send_mail(subject, render_to_string(template, context), None, [to])
    except Exception:
        logger.exception("Could not send '%s'", subject)


def _send_confirmation(case_id: int, journey: Journey, email: str) -> None:
    case = Case.objects.get(pk=case_id)
    ack = case.clocks.filter(rule="ack").first()
    _send(
        f"We have your {journey.noun}: {case.reference}",
        "intake/email/confirmation.txt",
        {
            "case": case,
            "journey": journey,
            "ack_due": ack.due_date if ack else None,
            "profile": profile_named(case.profile),
        },
        email,
    )


# --- Track my complaint: one-time codes ----------------------------------------------------------

CODE_DIGITS = 6


def _code_hash(case_id: int, code: str) -> str:
    return hashed("tracking-code", f"{case_id}:{code}")


class CodeRequestRefused(Exception):
    """Too many codes asked for from this address, or for this case."""


def tracking_code_request(*, reference: str, email: str, client: str, now: datetime) -> None:
    """Email a one-time code if the reference and email match a case. Says nothing either way,
    so the form cannot be used to find out who has complained."""
    reference = selectors.normalise_reference(reference)
    if not rate_limit_consume(bucket="code_request", key=client, now=now):
        raise CodeRequestRefused
    if not rate_limit_consume(
        bucket="code_request_reference", key=hashed("reference", reference), now=now
    ):
        raise CodeRequestRefused
    case = selectors.case_for_complainant(reference=reference, email=email)
    if case is None:
        return
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        TrackingCode.objects.filter(
            case=case, email=email.strip().lower(), used_at__isnull=True
        ).update(expires_at=now)  # one live code at a time
        TrackingCode.objects.create(
            case=case,
            email=email.strip().lower(),
            code_hash=_code_hash(case.pk, code),
            created_at=now,
            expires_at=now + timedelta(minutes=settings.REDRESS_TRACKING_CODE_MINUTES),
        )
        context = {
            "code": code,
            "case": case,
            "minutes": settings.REDRESS_TRACKING_CODE_MINUTES,
            "profile": profile_named(case.profile),
        }
        # The address on the case, as the complainant first gave it, not as typed now.
        recipient = (
            case.people.filter(role="complainant", email__iexact=email.strip())
            .values_list("email", flat=True)
            .first()
        ) or email.strip()
        transaction.on_commit(
            lambda: _send(
                f"Your security code for {case.reference}",
                "intake/email/code.txt",
                context,
                recipient,
            )
        )


class CodeRejected(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def tracking_code_verify(
    *, reference: str, email: str, code: str, client: str, now: datetime
) -> int:
    """The case id if `code` is the live code for this reference and email; else CodeRejected.

    A code works once, for a limited time, and for a limited number of tries.
    """
    if not rate_limit_consume(bucket="code_check", key=client, now=now):
        raise CodeRejected("You have tried too many codes. Wait an hour, then ask for a new code")
    problem = _check_code(reference, email, code, now)
    if problem:
        raise CodeRejected(problem)
    case = selectors.case_for_complainant(reference=reference, email=email)
    assert case is not None  # the code matched it
    return case.pk


@transaction.atomic
def _check_code(reference: str, email: str, code: str, now: datetime) -> str:
    """The problem with the code, or "" when it is right (and now used)."""
    tracking = (
        TrackingCode.objects.select_for_update()
        .filter(
            case__reference=selectors.normalise_reference(reference),
            email=email.strip().lower(),
            used_at__isnull=True,
        )
        .order_by("-created_at")
        .first()
    )
    if tracking is None:
        return "The security code is incorrect"
    if tracking.expires_at <= now:
        return "The security code has expired. Ask for a new code"
    if tracking.attempts >= settings.REDRESS_TRACKING_CODE_ATTEMPTS:
        return "You have entered the wrong code too many times. Ask for a new code"
    tracking.attempts += 1
    if not constant_time_compare(_code_hash(tracking.case_id, code), tracking.code_hash):
        tracking.save(update_fields=["attempts"])
        return "The security code is incorrect"
    tracking.used_at = now
    tracking.save(update_fields=["attempts", "used_at"])
    return ""


# --- Track my complaint: adding information, the next stage, withdrawing ------------------------


def _lock(case_id: int, expected_stage: Stage) -> Case:
    case = Case.objects.select_for_update().get(pk=case_id)
    if case.stage != expected_stage:
        raise StaleCase(case)
    return case


def _event(case: Case, action: str, on: date, **details: Any) -> None:
    CaseEvent.objects.create(
        case=case,
        action=action,
        on=on,
        by=None,
        from_stage=case.stage,
        to_stage=case.stage,
        details=details,
    )


@transaction.atomic
def complainant_information_add(
    *, case_id: int, text: str, upload: CheckedUpload | None, on: date
) -> None:
    """More information from the complainant: a message, a file, or both."""
    case = Case.objects.select_for_update().get(pk=case_id)
    if text:
        message = ComplainantMessage.objects.create(case=case, text=text, received_on=on)
        _event(case, "complainant_added_information", on, message=message.pk)
    if upload is not None:
        document_add(
            case_id=case.pk,
            kind=Document.Kind.EVIDENCE,
            title=upload.name,
            content=File(upload.upload, name=upload.name),
            content_type=upload.content_type,
            by=None,
            on=on,
        )


class StageRequestOutcome(StrEnum):
    ACCEPTED = "accepted"  # the case moved to the next stage
    AWAITING_DECISION = "awaiting_decision"  # late: recorded for a manager's decision


class WhyNowNeeded(Exception):
    """The request is late and the complainant has not said why they are asking now."""

    def __init__(self, last_day: date) -> None:
        super().__init__(f"The window closed on {last_day}")
        self.last_day = last_day


@transaction.atomic
def next_stage_request(
    *, case_id: int, expected_stage: Stage, reason: str, why_now: str, on: date
) -> StageRequestOutcome:
    """Ask for the next stage. In time, the case moves. Late, the request is recorded, put on
    the case's timeline and in the managers' queue: it is never refused here (domain.md §2.4)."""
    case = _lock(case_id, expected_stage)
    window = selectors.next_stage_for(case)
    if window is None:
        raise InvalidTransition(Stage(case.stage), Action.REQUEST_STAGE2)
    if not window.is_late(on):
        try:
            case_take_action(
                case_id=case.pk,
                action=window.action,
                request=ActionRequest(on=on, reason=reason),
                by=None,
                expected_stage=expected_stage,
            )
        except GuardFailed:
            pass  # the window closed while they were writing: a late request after all
        else:
            return StageRequestOutcome.ACCEPTED
    if selectors.late_request_pending(case) is not None:
        return StageRequestOutcome.AWAITING_DECISION  # already asked: never twice in the queue
    if not why_now.strip():
        raise WhyNowNeeded(window.last_day)
    late = LateStageRequest.objects.create(
        case=case,
        from_stage=case.stage,
        action=window.action,
        requested_on=on,
        window_closed_on=window.last_day,
        reason=reason,
        why_now=why_now,
    )
    _event(
        case,
        "late_stage_request",
        on,
        late_request=late.pk,
        requested=window.action.value,
        window_closed_on=window.last_day.isoformat(),
        awaiting="manager's discretion decision",
    )
    return StageRequestOutcome.AWAITING_DECISION


@transaction.atomic
def complaint_withdraw(*, case_id: int, expected_stage: Stage, reason: str, on: date) -> Case:
    """The complainant withdraws: every clock stops (domain.md §2.8). Confirmed by email."""
    case = case_take_action(
        case_id=case_id,
        action=Action.WITHDRAW,
        request=ActionRequest(on=on, reason=reason or "Withdrawn by the complainant online"),
        by=None,
        expected_stage=expected_stage,
    )
    email = (
        case.people.filter(role="complainant").exclude(email="").values_list("email", flat=True)
    ).first()
    if email:
        context = {"case": case, "profile": profile_named(case.profile)}
        transaction.on_commit(
            lambda: _send(
                f"Your complaint {case.reference} has been withdrawn",
                "intake/email/withdrawn.txt",
                context,
                email,
            )
        )
    return case


def drafts_prune(*, now: datetime) -> int:
    """Delete forms nobody sent, and their files, once they have expired."""
    cutoff = now - timedelta(hours=settings.REDRESS_DRAFT_HOURS)
    expired = Draft.objects.filter(updated_at__lt=cutoff)
    names = list(HeldUpload.objects.filter(draft__in=expired).values_list("file", flat=True))
    longest_window = max(parse_limit(v)[1] for v in settings.REDRESS_RATE_LIMITS.values())
    with transaction.atomic():
        _, deleted = expired.delete()
        RateLimitHit.objects.filter(at__lt=now - timedelta(seconds=longest_window)).delete()
        TrackingCode.objects.filter(expires_at__lt=now).delete()
        transaction.on_commit(lambda: delete_stored_files(names))
    return deleted.get(Draft._meta.label, 0)
