"""Every write about letters: templates, drafts, sending, delivery attempts, posting.

Each function is keyword-only and atomic. Sending a letter is one transaction: the letter is
frozen, its PDF stored as a case document, its deliveries created and their background tasks
queued in the same database, so either all of it happens or none does. Delivery attempts run in
the background (`tasks.deliver`); a failure is recorded on the case, retried with backoff, and
after the last retry listed for staff. Nothing is dropped silently.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, Document
from redress.cases.services import _event as record_case_event  # see README: case_record_event
from redress.cases.services import document_add
from redress.domain.workflow import Stage
from redress.letters.catalogue import LETTERS, Audience, LetterKind
from redress.letters.merge import NoRecipient, case_context, recipient_for, to_jsonable
from redress.letters.models import (
    CorrespondencePreference,
    Delivery,
    DeliveryAttempt,
    Letter,
    LetterTemplate,
    LetterTemplateVersion,
)
from redress.letters.rendering import (
    LetterError,
    check_template,
    frame_from,
    html_to_text,
    letter_html,
    letter_pdf,
    render_body,
)
from redress.letters.transports import Attachment, OutgoingEmail, current_transport

Channel = CorrespondencePreference.Channel
Format = CorrespondencePreference.Format


class TemplateProblems(LetterError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def seed_templates(template_model: Any, version_model: Any, *, wording: int | None = None) -> int:
    """Version 1 of every catalogue letter that has no template yet, from `templates_src/`.

    `wording` picks the shipped wording (1: the first, which migration 0002 seeds, so a database
    made today starts from the same version 1 as one made before a later release); None, the
    latest. Takes the model classes so a data migration can pass its historical models.
    """
    created = 0
    for kind in LETTERS.values():
        template, _ = template_model.objects.get_or_create(key=kind.key)
        if not version_model.objects.filter(template=template).exists():
            version_model.objects.create(
                template=template,
                number=1,
                subject=kind.subject,
                body=kind.source() if wording is None else kind.shipped(wording),
                note="As shipped",
            )
            created += 1
    return created


def template_ship(
    template_model: Any, version_model: Any, *, key: str, wording: int, note: str
) -> bool:
    """Add shipped wording `wording` of letter `key` as its newest version, for a data migration.

    History is never edited: earlier versions, the council's own edits among them, stay as they
    are, and the letters already written keep theirs. The subject stays the current version's.
    Nothing is added when the newest version already has this wording. Returns whether it added.
    """
    body = LETTERS[key].shipped(wording)
    template, _ = template_model.objects.get_or_create(key=key)
    latest = version_model.objects.filter(template=template).order_by("-number").first()
    if latest is not None and latest.body == body:
        return False
    version_model.objects.create(
        template=template,
        number=(latest.number if latest else 0) + 1,
        subject=latest.subject if latest else LETTERS[key].subject,
        body=body,
        note=note,
    )
    return True


def template_current(key: str) -> LetterTemplateVersion:
    """The version in use for `key` (seeding the shipped version if the table was emptied)."""
    version = (
        LetterTemplateVersion.objects.filter(template__key=key)
        .select_related("template")
        .order_by("-number")
        .first()
    )
    if version is None:
        seed_templates(LetterTemplate, LetterTemplateVersion)
        version = LetterTemplateVersion.objects.filter(template__key=key).latest("number")
    return version


@transaction.atomic
def letter_template_save(
    *, key: str, subject: str, body: str, note: str, by: User | None
) -> LetterTemplateVersion:
    """Add a new version of a template. Raises TemplateProblems, saving nothing, when it has
    unknown merge fields, mistakes, or HTML that letters may not use."""
    if key not in LETTERS:
        raise TemplateProblems([f"There is no letter called {key!r}"])
    problems = check_template(subject, body)
    if problems:
        raise TemplateProblems(problems)
    template_current(key)  # the shipped version stays version 1 of the history
    template = LetterTemplate.objects.select_for_update().get(key=key)
    last = template.versions.aggregate(last=Max("number"))["last"] or 0
    return LetterTemplateVersion.objects.create(
        template=template, number=last + 1, subject=subject, body=body, note=note, created_by=by
    )


@transaction.atomic
def preference_set(
    *, case_id: int, channel: str, format: str, by: User | None, on: date
) -> CorrespondencePreference:
    """Record how the complainant wants letters: by email or post, standard or large print."""
    case = Case.objects.select_for_update().get(pk=case_id)
    preference, _ = CorrespondencePreference.objects.update_or_create(
        case=case, defaults={"channel": channel, "format": format, "recorded_by": by}
    )
    record_case_event(
        case,
        action="set_correspondence_preference",
        on=on,
        by=by,
        from_stage=case.stage,
        channel=channel,
        format=format,
    )
    return preference


def preference_for(case: Case) -> tuple[str, str]:
    """The complainant's channel and format: as recorded, else email if we have an address."""
    try:
        preference = case.correspondence_preference
    except CorrespondencePreference.DoesNotExist:
        person = next((p for p in case.people.all() if p.role == "complainant"), None)
        channel = Channel.EMAIL if person is not None and person.email else Channel.POST
        return channel, Format.STANDARD
    return preference.channel, preference.format


@dataclass(frozen=True)
class RenderedLetter:
    subject: str
    body_html: str
    html: str
    email_html: str
    text: str
    merge_values: dict[str, Any]


def letter_render(letter: Letter, *, today: date, sender: User | None) -> RenderedLetter:
    """The whole letter for its case as it stands today. Raises LetterError."""
    kind = LETTERS[letter.key]
    try:
        context = case_context(letter.case, audience=kind.audience, today=today, sender=sender)
    except NoRecipient as error:
        raise LetterError(str(error)) from None
    body = render_body(letter.subject, letter.body, context)
    frame = frame_from(context, body.subject, large_print=letter.format == Format.LARGE_PRINT)
    html = letter_html(frame, body.html)
    email_html = letter_html(frame, body.html, for_email=True)
    text = html_to_text(email_html)
    return RenderedLetter(body.subject, body.html, html, email_html, text, context)


def _check_applies(case: Case, kind: LetterKind) -> None:
    if Stage(case.stage) not in kind.stages:
        stages = ", ".join(f"'{stage.label}'" for stage in kind.stages)
        raise LetterError(
            f"A {kind.title.lower()} letter is not for a case at '{Stage(case.stage).label}'. "
            f"It is for cases at {stages}."
        )


@transaction.atomic
def letter_prepare(*, case_id: int, key: str, by: User | None, today: date) -> Letter:
    """Start a draft of letter `key` for the case, from the current template version.

    Raises LetterError, creating nothing, when the letter does not fit the case's stage, has no
    one to go to, or needs something the case does not have yet (a date, a decision).
    """
    case = Case.objects.select_for_update().get(pk=case_id)
    kind = LETTERS.get(key)
    if kind is None:
        raise LetterError(f"There is no letter called {key!r}")
    _check_applies(case, kind)
    try:
        recipient = recipient_for(case, kind.audience, today)
    except NoRecipient as error:
        raise LetterError(str(error)) from None
    version = template_current(key)
    channel, format = preference_for(case)
    if kind.audience is not Audience.COMPLAINANT:
        channel, format = Channel.EMAIL, Format.STANDARD
    letter = Letter(
        case=case,
        key=key,
        template_version=version,
        stage=case.stage,
        recipient_role=recipient.role,
        recipient_name=recipient.name,
        recipient_email=recipient.email,
        recipient_address=recipient.postal_address,
        channel=channel,
        format=format,
        subject=version.subject,
        body=version.body,
        prepared_by=by,
    )
    letter_render(letter, today=today, sender=by)  # raises before anything is saved
    letter.save()
    return letter


def _lock_draft(letter_id: int) -> Letter:
    letter = Letter.objects.select_for_update().select_related("case").get(pk=letter_id)
    if letter.status != Letter.Status.DRAFT:
        raise LetterError("This letter has already been sent or discarded: it cannot be changed")
    return letter


@transaction.atomic
def letter_edit(
    *,
    letter_id: int,
    subject: str,
    body: str,
    channel: str,
    format: str,
    by: User | None,
    today: date,
) -> Letter:
    """Change a draft before it is sent. Raises TemplateProblems, changing nothing."""
    letter = _lock_draft(letter_id)
    problems = check_template(subject, body)
    if channel == Channel.EMAIL and not letter.recipient_email:
        problems.append(f"{letter.recipient_name} has no email address: send it by post")
    if channel == Channel.POST and not letter.recipient_address:
        problems.append(f"{letter.recipient_name} has no postal address: send it by email")
    if problems:
        raise TemplateProblems(problems)
    letter.subject, letter.body = subject, body
    letter.channel, letter.format = channel, format
    letter.edited = (subject, body) != (
        letter.template_version.subject,
        letter.template_version.body,
    )
    try:
        letter_render(letter, today=today, sender=by)
    except LetterError as error:
        raise TemplateProblems([str(error)]) from None
    letter.save()
    return letter


@transaction.atomic
def letter_discard(*, letter_id: int, by: User | None) -> Letter:
    letter = _lock_draft(letter_id)
    letter.status = Letter.Status.DISCARDED
    letter.save(update_fields=["status"])
    return letter


def _delay(attempt: int) -> timedelta | None:
    """How long to wait after failed attempt number `attempt`; None when there is no retry."""
    delays = settings.REDRESS_LETTER_RETRY_DELAYS
    return timedelta(seconds=delays[attempt - 1]) if attempt <= len(delays) else None


def _enqueue(delivery: Delivery, attempt: int, run_after: Any = None) -> None:
    from redress.letters.tasks import deliver

    task = deliver.using(run_after=run_after) if run_after is not None else deliver
    task.enqueue(delivery.pk, attempt)


def delivery_create(
    *,
    case: Case | None,
    letter: Letter | None,
    channel: str,
    to_address: str,
    subject: str,
    text: str = "",
) -> Delivery:
    """A delivery and, for email, its first background attempt, in the caller's transaction."""
    status = Delivery.Status.AWAITING_PRINT if channel == Delivery.Channel.POST else "pending"
    delivery = Delivery.objects.create(
        case=case,
        letter=letter,
        channel=channel,
        to_address=to_address,
        subject=subject,
        text=text,
        status=status,
        next_attempt_at=timezone.now() if status == Delivery.Status.PENDING else None,
    )
    if status == Delivery.Status.PENDING:
        _enqueue(delivery, 1)
    return delivery


@transaction.atomic
def letter_send(*, letter_id: int, by: User | None, today: date) -> Letter:
    """Send a draft: freeze it, store its PDF on the case, and deliver it by the chosen channel.

    Email: an HTML email with a plain-text alternative and the PDF attached, sent in the
    background. Post: the PDF waits in the print queue until someone marks it posted.
    Raises LetterError, changing nothing, when the letter cannot be completed.
    """
    letter = _lock_draft(letter_id)
    case = letter.case
    _check_applies(case, LETTERS[letter.key])
    rendered = letter_render(letter, today=today, sender=by)
    if letter.channel == Channel.EMAIL and not letter.recipient_email:
        raise LetterError(f"{letter.recipient_name} has no email address: send it by post")
    if letter.channel == Channel.POST and not letter.recipient_address:
        raise LetterError(f"{letter.recipient_name} has no postal address: send it by email")
    pdf = letter_pdf(rendered.html)
    kind = LETTERS[letter.key]
    document = document_add(
        case_id=case.pk,
        kind=Document.Kind.LETTER,
        title=f"{kind.title} to {letter.recipient_name}, {today:%-d %B %Y}",
        content=ContentFile(pdf, name=f"{case.reference}-{letter.key}-{letter.pk}.pdf"),
        content_type="application/pdf",
        by=by,
        on=today,
    )
    letter.subject = rendered.subject
    letter.html, letter.email_html, letter.text = rendered.html, rendered.email_html, rendered.text
    letter.merge_values = to_jsonable(rendered.merge_values)
    letter.dated, letter.sent_by, letter.sent_at = today, by, timezone.now()
    letter.document = document
    letter.status = Letter.Status.SENT
    letter.save()
    to_address = (
        letter.recipient_email if letter.channel == Channel.EMAIL else (letter.recipient_address)
    )
    delivery_create(
        case=case,
        letter=letter,
        channel=letter.channel,
        to_address=to_address,
        subject=letter.subject,
    )
    record_case_event(
        case,
        action="send_letter",
        on=today,
        by=by,
        from_stage=case.stage,
        letter=letter.pk,
        key=letter.key,
        document=document.pk,
        channel=letter.channel,
        recipient=letter.recipient_name,
        template_version=letter.template_version.number,
        edited=letter.edited,
    )
    return letter


def _outgoing(delivery: Delivery) -> OutgoingEmail:
    letter = delivery.letter
    if letter is None:
        return OutgoingEmail(
            to=delivery.to_address,
            subject=delivery.subject,
            text=delivery.text,
            reference=f"delivery-{delivery.pk}",
        )
    assert letter.document is not None
    with letter.document.file.open("rb") as file:
        pdf = file.read()
    return OutgoingEmail(
        to=delivery.to_address,
        subject=letter.subject,
        text=letter.text,
        html=letter.email_html,
        reference=f"{letter.case.reference}-letter-{letter.pk}",
        attachments=(
            Attachment(f"{letter.case.reference}-{letter.key}.pdf", pdf, "application/pdf"),
        ),
    )


def delivery_attempt(*, delivery_id: int, attempt: int) -> str:
    """One try at sending a delivery (run by the background worker). Returns what happened.

    The attempt is claimed in its own transaction before anything is sent, so a repeated task
    never sends twice. A failure is recorded, on the case too, and the next try is queued after
    the configured delay; after the last one the delivery is marked failed for staff to act on.
    """
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        if delivery.status != Delivery.Status.PENDING or delivery.attempts != attempt - 1:
            return f"skipped: delivery {delivery_id} is {delivery.status}, attempt {attempt}"
        delivery.attempts = attempt
        delivery.save(update_fields=["attempts"])
    transport = current_transport()
    try:
        reference = transport.send(_outgoing(delivery))
    except Exception as error:  # any failure is recorded and retried, never lost
        return _delivery_failed(delivery_id, attempt, transport.name, error)
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        now = timezone.now()
        DeliveryAttempt.objects.create(
            delivery=delivery, number=attempt, at=now, transport=transport.name, succeeded=True
        )
        delivery.status, delivery.completed_at = Delivery.Status.SENT, now
        delivery.transport, delivery.provider_reference = transport.name, reference[:100]
        delivery.next_attempt_at = None
        delivery.save()
        if delivery.case is not None and attempt > 1:
            _record_delivery(delivery, "letter_delivered", attempt=attempt)
    return f"sent: delivery {delivery_id} on attempt {attempt}"


def _record_delivery(delivery: Delivery, action: str, **details: Any) -> None:
    assert delivery.case is not None
    case = Case.objects.select_for_update().get(pk=delivery.case_id)
    record_case_event(
        case,
        action=action,
        on=timezone.localdate(),
        by=None,
        from_stage=case.stage,
        delivery=delivery.pk,
        letter=delivery.letter_id,
        to=delivery.to_address,
        **details,
    )


@transaction.atomic
def _delivery_failed(delivery_id: int, attempt: int, transport: str, error: Exception) -> str:
    delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
    now = timezone.now()
    message = f"{type(error).__name__}: {error}"[:2000]
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=attempt,
        at=now,
        transport=transport,
        succeeded=False,
        error=message,
    )
    delivery.last_error, delivery.transport = message, transport
    delay = _delay(attempt)
    if delay is None:
        delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
        outcome = f"failed: delivery {delivery_id} gave up after attempt {attempt}"
    else:
        delivery.next_attempt_at = now + delay
        _enqueue(delivery, attempt + 1, run_after=delivery.next_attempt_at)
        outcome = f"retrying: delivery {delivery_id} attempt {attempt} failed"
    delivery.save()
    if delivery.case is not None:
        _record_delivery(
            delivery,
            "letter_delivery_failed" if delay is None else "letter_delivery_retrying",
            attempt=attempt,
            error=message,
            next_attempt_at=delivery.next_attempt_at.isoformat()
            if delivery.next_attempt_at
            else None,
        )
    return outcome


@transaction.atomic
def delivery_retry_now(*, delivery_id: int, by: User | None) -> Delivery:
    """A member of staff asks for another try at a failed (or waiting) email."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
    if delivery.status not in (Delivery.Status.FAILED, Delivery.Status.PENDING):
        raise LetterError("Only an email that has not been sent can be tried again")
    if delivery.channel == Delivery.Channel.POST:
        raise LetterError("A posted letter is printed, not sent again")
    delivery.status, delivery.next_attempt_at = Delivery.Status.PENDING, timezone.now()
    delivery.save()
    _enqueue(delivery, delivery.attempts + 1)
    if delivery.case is not None:
        _record_delivery(delivery, "letter_delivery_retry_requested", requested_by=str(by or ""))
    return delivery


@transaction.atomic
def delivery_mark_posted(*, delivery_id: int, by: User | None, on: date) -> Delivery:
    """Someone has printed the letter and put it in the post."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
    if delivery.status != Delivery.Status.AWAITING_PRINT:
        raise LetterError("This letter is not waiting to be printed")
    delivery.status, delivery.completed_at, delivery.completed_by = (
        Delivery.Status.POSTED,
        timezone.now(),
        by,
    )
    delivery.save()
    if delivery.case is not None:
        case = Case.objects.select_for_update().get(pk=delivery.case_id)
        record_case_event(
            case,
            action="post_letter",
            on=on,
            by=by,
            from_stage=case.stage,
            delivery=delivery.pk,
            letter=delivery.letter_id,
        )
    return delivery
