"""Every write to the complaints mailbox's records: keeping a message read from the server, and
the triage decisions (made a case, filed on a case, set aside).

A message is kept before anything else happens to it, and kept whole (the raw .eml) whatever
else fails. Attachments and the email itself reach a case only through `document_add`, and
filing puts an entry on the case's timeline.
"""

import logging
from datetime import datetime
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, Document
from redress.cases.services import case_record_event, document_add
from redress.intake import uploads
from redress.mailbox.caps import DEFAULTS, left_out_reasons
from redress.mailbox.models import InboundAttachment, InboundMessage, MessageStatus
from redress.mailbox.parsing import ParsedAttachment, ParsedMessage, Unreadable, headline, parse
from redress.mailbox.parsing import message_key as key_of

logger = logging.getLogger(__name__)

UNDECIDED = (MessageStatus.AWAITING_TRIAGE, MessageStatus.UNREADABLE)
# Why an attachment is kept only inside the original email (uploads.check_upload's codes), worded
# as caps.py words its own reasons: "report.pdf (30.0MB): larger than the 25 MB limit".
REFUSED = {
    "too_large": "larger than the {limit} MB limit",
    "empty": "empty",
    "type": "not a type of file the council accepts ({labels})",
    "contents": "does not look like the kind of file its name says it is",
}


class MessageAlreadyDecided(Exception):
    """Someone has already decided what this message is."""

    def __init__(self, message: InboundMessage) -> None:
        super().__init__(
            f"This email has already been dealt with: {message.get_status_display().lower()}"
            + (f" ({message.case.reference})" if message.case else "")
            + ". Check the list and try again."
        )


def own_addresses() -> frozenset[str]:
    return frozenset({parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()} - {""})


# --- Keeping what the mailbox holds -----------------------------------------------------------


def message_receive(
    *, raw: bytes, received_at: datetime, read_at: datetime | None = None
) -> tuple[InboundMessage, bool]:
    """Keep one message from the mailbox, once: (the message, whether it is new).

    It is saved first, in its own transaction, awaiting triage (or unreadable, with the reason).
    Then what needs no person is done, as of `read_at` (now, unless the demo replays a past
    day): Redress's own letters and machine replies quoting no case are set aside; a message
    quoting exactly one existing case is filed on it.
    """
    key = key_of(raw)
    existing = InboundMessage.objects.filter(message_id=key).first()
    if existing is not None:
        return existing, False
    try:
        parsed = parse(raw, own_addresses=own_addresses())
    except Unreadable as reason:
        return _keep(key, raw, received_at, None, problem=str(reason))
    message, created = _keep(key, raw, received_at, parsed)
    if created:
        _settle(message, parsed, at=read_at or timezone.now())
        message.refresh_from_db()  # settling decided on a row of its own
    return message, created


def message_keep_unreadable(
    *, raw: bytes, received_at: datetime, problem: str
) -> tuple[InboundMessage, bool]:
    """Keep a message that could not be read, with the reason, for staff to look at."""
    return _keep(key_of(raw), raw, received_at, None, problem=problem)


def _keep(
    key: str, raw: bytes, received_at: datetime, parsed: ParsedMessage | None, problem: str = ""
) -> tuple[InboundMessage, bool]:
    if parsed is None:
        sender, sender_name, subject = headline(raw)
        fields = {"sender": sender, "sender_name": sender_name, "subject": subject}
        status = MessageStatus.UNREADABLE
    else:
        fields = {"sender": parsed.sender, "sender_name": parsed.sender_name,
                  "subject": parsed.subject, "body": parsed.body}  # fmt: skip
        status = MessageStatus.AWAITING_TRIAGE
    message = InboundMessage(message_id=key, received_at=received_at, status=status, **fields)
    message.raw.save("message.eml", ContentFile(raw), save=False)
    stored = [message.raw.name]
    notes = list(parsed.notes) if parsed else [problem]
    attachments = parsed.attachments if parsed else ()
    checked = [_check_attachment(attachment) for attachment in attachments]
    reasons = left_out_reasons(
        [(len(a.content), refused) for a, (_, refused) in zip(attachments, checked, strict=True)],
        **_caps(),
    )
    try:
        with transaction.atomic():
            message.save()
            for attachment, (upload, _), reason in zip(attachments, checked, reasons, strict=True):
                if reason or upload is None:
                    message.left_out.append(
                        {"name": attachment.name, "size": len(attachment.content), "reason": reason}
                    )
                else:
                    _keep_attachment(message, attachment, upload, stored)
            message.attachment_count = len(stored) - 1  # the raw message is the first
            message.problem = "\n".join(notes)
            message.save(update_fields=["attachment_count", "problem", "left_out"])
    except IntegrityError:  # another run kept it first
        for name in stored:
            message.raw.storage.delete(name)
        return InboundMessage.objects.get(message_id=message.message_id), False
    return message, True


def _caps() -> dict[str, int]:
    """The mailbox's attachment caps (caps.left_out_reasons' arguments)."""
    config = {**DEFAULTS, **settings.REDRESS_MAILBOX}
    return {
        "most": int(config["MAX_ATTACHMENTS"]),
        "largest_mb": int(config["MAX_ATTACHMENT_MB"]),
    }


def _check_attachment(part: ParsedAttachment) -> tuple[uploads.CheckedUpload | None, str]:
    """The checks the public's uploads have: (the file, "") or (None, why they refuse it)."""
    upload = SimpleUploadedFile(part.name, part.content, part.content_type)
    try:
        return uploads.check_upload(upload), ""
    except ValidationError as refusal:
        reason = REFUSED.get(refusal.code or "", "could not be stored")
        return None, reason.format(
            limit=settings.REDRESS_UPLOAD_MAX_MB, labels=uploads.allowed_labels()
        )


def _keep_attachment(
    message: InboundMessage, part: ParsedAttachment, checked: uploads.CheckedUpload,
    stored: list[str],
) -> None:  # fmt: skip
    """Store a file that passed the checks and the caps, as an attachment of its own."""
    attachment = InboundAttachment(
        message=message,
        name=checked.name,
        content_type=checked.content_type,
        size_bytes=len(part.content),
    )
    attachment.file.save(checked.name, ContentFile(part.content), save=False)
    stored.append(attachment.file.name)
    attachment.save()


def _settle(message: InboundMessage, parsed: ParsedMessage, *, at: datetime) -> None:
    """What the mailbox decides without a person; any failure leaves it awaiting triage."""
    try:
        if parsed.own_letter:
            message_set_aside(message_id=message.pk, by=None, at=at,
                              reason="Sent by Redress itself: a copy of its own email")  # fmt: skip
            return
        cases = list(
            Case.objects.filter(reference__in=parsed.references).values_list("pk", "reference")
        )
        if len(cases) == 1:
            message_file_on_case(message_id=message.pk, case_id=cases[0][0], by=None, at=at,
                                 automatic=parsed.automatic)  # fmt: skip
        elif len(cases) > 1:
            _add_problem(message, "It quotes more than one case ("
                         + ", ".join(sorted(reference for _, reference in cases))
                         + "): choose which to file it on")  # fmt: skip
        elif parsed.automatic:
            message_set_aside(message_id=message.pk, by=None, at=at,
                              reason=f"Not a complaint: {parsed.automatic}")  # fmt: skip
    except Exception as error:
        logger.exception("Email %s was kept but could not be filed", message.pk)
        _add_problem(message, f"Kept, but it could not be filed automatically ({error})")


def _add_problem(message: InboundMessage, problem: str) -> None:
    message.problem = "\n".join(filter(None, [message.problem, problem]))
    InboundMessage.objects.filter(pk=message.pk).update(problem=message.problem)


# --- Triage decisions ---------------------------------------------------------------------


def _lock_undecided(message_id: int) -> InboundMessage:
    message = InboundMessage.objects.select_for_update().get(pk=message_id)
    if message.status not in UNDECIDED:
        raise MessageAlreadyDecided(message)
    return message


def _onto_case(
    message: InboundMessage, case_id: int, *, kind: str, by: User | None, at: datetime
) -> list[Document]:
    """The email itself (the .eml, as received) and each attachment kept, as documents. Those
    left out (`message.left_out`) have no file of their own: the .eml holds them."""
    on = timezone.localdate(at)
    title = (
        f"Email from {message.sender or 'an unknown sender'}: {message.subject or '(no subject)'}"
    )
    with message.raw.open("rb") as raw:
        documents = [
            document_add(case_id=case_id, kind=kind, title=title[:200],
                         content=File(raw, name=f"email-{message.pk}.eml"),
                         content_type="message/rfc822", by=by, on=on)
        ]  # fmt: skip
    for attachment in message.attachments.all():
        with attachment.file.open("rb") as content:
            documents.append(
                document_add(case_id=case_id, kind=Document.Kind.EVIDENCE, title=attachment.name,
                             content=File(content, name=attachment.name),
                             content_type=attachment.content_type, by=by, on=on)
            )  # fmt: skip
    return documents


def _decided(
    message: InboundMessage, status: str, *, case_id: int | None, by: User | None, at: datetime,
    note: str = "",
) -> InboundMessage:  # fmt: skip
    message.status, message.case_id = status, case_id
    message.decided_by, message.decided_at, message.decision_note = by, at, note
    message.save(update_fields=["status", "case", "decided_by", "decided_at", "decision_note"])
    return message


@transaction.atomic
def message_made_case(*, message_id: int, case_id: int, by: User, at: datetime) -> InboundMessage:
    """The email was recorded as a new case (made by the caller): it and its attachments become
    the case's documents."""
    message = _lock_undecided(message_id)
    _onto_case(message, case_id, kind=Document.Kind.COMPLAINT, by=by, at=at)
    return _decided(message, MessageStatus.MADE_CASE, case_id=case_id, by=by, at=at)


@transaction.atomic
def message_file_on_case(
    *, message_id: int, case_id: int, by: User | None, at: datetime, automatic: str = ""
) -> InboundMessage:
    """The email belongs to an existing case: it and its attachments become documents there,
    and the case's timeline says an email was filed. `by` None: the mailbox filed it, because
    it quoted the case's reference."""
    message = _lock_undecided(message_id)
    documents = _onto_case(message, case_id, kind=Document.Kind.OTHER, by=by, at=at)
    case = Case.objects.only("reference").get(pk=case_id)
    case_record_event(
        case_id=case_id, action="email_filed", on=timezone.localdate(at), by=by,
        message=message.pk, sender=message.sender, subject=message.subject[:200],
        received_at=message.received_at.isoformat(), documents=[d.pk for d in documents],
        automatic=automatic,
    )  # fmt: skip
    note = f"Filed by the mailbox: it quotes {case.reference}" if by is None else ""
    if automatic:
        note += f" ({automatic})"
    return _decided(message, MessageStatus.FILED, case_id=case_id, by=by, at=at, note=note)


@transaction.atomic
def message_set_aside(
    *, message_id: int, reason: str, by: User | None, at: datetime
) -> InboundMessage:
    """Not a complaint and not for a case (spam, a newsletter, a machine's reply): kept, with
    why. `by` None: the mailbox set it aside (Redress's own email, an automatic reply)."""
    if not reason.strip():
        raise ValueError("Enter why this email is being set aside")
    message = _lock_undecided(message_id)
    return _decided(message, MessageStatus.SET_ASIDE, case_id=None, by=by, at=at,
                    note=reason.strip())  # fmt: skip
