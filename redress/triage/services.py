"""Writes for triage: a contact recorded by staff becomes a case, or further contact on one.

A new case is made through the same service as the public form (`case_receive`), its letters and
recordings stored with `document_add`, and the email it came from (if any) marked as made into
that case, all in one transaction: nothing is half-recorded. A contact that may belong to an open
case waits as a `HeldContact`, files and all, until the person recording it decides.
"""

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from redress.accounts.models import User
from redress.cases.models import Case, Document
from redress.cases.services import case_receive, case_record_event, document_add
from redress.core.files import delete_stored_files
from redress.intake.uploads import CheckedUpload
from redress.mailbox import services as mailbox
from redress.triage.contact import Contact
from redress.triage.models import HeldContact, HeldContactFile

FURTHER_CONTACT = "further_contact"


@dataclass(frozen=True)
class Attachment:
    """A file to store on a case: an upload just checked, or one held with a contact."""

    name: str
    content_type: str
    content: File


def attachments_from(checked: Sequence[CheckedUpload]) -> list[Attachment]:
    return [Attachment(c.name, c.content_type, File(c.upload, name=c.name)) for c in checked]


@contextmanager
def _held_attachments(held: HeldContact) -> Iterator[list[Attachment]]:
    with ExitStack() as stack:
        yield [
            Attachment(f.name, f.content_type, File(stack.enter_context(f.file.open("rb")), f.name))
            for f in held.files.all()
        ]


def _store(
    case: Case, attachments: Sequence[Attachment], *, kind: str, by: User, on: Any
) -> list[Document]:
    return [
        document_add(
            case_id=case.pk,
            kind=kind,
            title=attachment.name,
            content=attachment.content,
            content_type=attachment.content_type,
            by=by,
            on=on,
        )
        for attachment in attachments
    ]


@transaction.atomic
def contact_record(
    *,
    answers: dict[str, Any],
    attachments: Sequence[Attachment] = (),
    by: User,
    message_id: int | None = None,
    at: datetime | None = None,
) -> Case:
    """Record a contact as a new case, with its letters or recordings, in one transaction."""
    contact = Contact(answers)
    case = case_receive(complaint=contact.complaint(), by=by)
    _store(case, attachments, kind=Document.Kind.COMPLAINT, by=by, on=case.received_on)
    if message_id is not None:
        mailbox.message_made_case(
            message_id=message_id, case_id=case.pk, by=by, at=at or timezone.now()
        )
    return case


@transaction.atomic
def contact_add_to_case(
    *,
    answers: dict[str, Any],
    case_id: int,
    attachments: Sequence[Attachment] = (),
    by: User,
    message_id: int | None = None,
    at: datetime | None = None,
) -> Case:
    """Record a contact as further contact on an open case: its files become documents there,
    and the timeline says who got in touch, how, and what about."""
    contact = Contact(answers)
    on = timezone.localdate(contact.received_at)
    case = Case.objects.get(pk=case_id)
    documents = _store(case, attachments, kind=Document.Kind.EVIDENCE, by=by, on=on)
    if message_id is not None:
        # The email is filed on the case, and its filing is the timeline's entry for it.
        mailbox.message_file_on_case(
            message_id=message_id, case_id=case_id, by=by, at=at or timezone.now()
        )
        return case
    case_record_event(
        case_id=case_id,
        action=FURTHER_CONTACT,
        on=on,
        by=by,
        channel=contact.channel.value,
        received_at=contact.received_at.isoformat(),
        complainant=contact.complainant_name,
        summary=contact.summary,
        documents=[document.pk for document in documents],
    )
    return case


@transaction.atomic
def contact_hold(
    *,
    answers: dict[str, Any],
    checked: Sequence[CheckedUpload],
    by: User,
    message_id: int | None = None,
) -> HeldContact:
    """Keep a contact, and its files, while staff look at the cases it may belong to."""
    held = HeldContact.objects.create(answers=answers, recorded_by=by, message_id=message_id)
    for upload in checked:
        kept = HeldContactFile(
            contact=held,
            name=upload.name,
            content_type=upload.content_type,
            size_bytes=upload.upload.size or 0,
        )
        kept.file.save(upload.name, upload.upload, save=False)
        kept.save()
    return held


class HeldContactGone(Exception):
    """The held contact was already recorded (a second press of the button) or discarded."""


def _take(held_id: int) -> HeldContact:
    held = HeldContact.objects.select_for_update().filter(pk=held_id).first()
    if held is None:
        raise HeldContactGone
    return held


def _release(held: HeldContact) -> None:
    names = [f.file.name for f in held.files.all()]
    held.delete()
    transaction.on_commit(lambda: delete_stored_files(names))


@transaction.atomic
def held_contact_record(*, held_id: int, by: User, at: datetime | None = None) -> Case:
    """Make the held contact a new case after all."""
    held = _take(held_id)
    with _held_attachments(held) as attachments:
        case = contact_record(
            answers=held.answers,
            attachments=attachments,
            by=by,
            message_id=held.message_id,
            at=at,
        )
    _release(held)
    return case


@transaction.atomic
def held_contact_add_to_case(
    *, held_id: int, case_id: int, by: User, at: datetime | None = None
) -> Case:
    """Add the held contact to an open case as further contact."""
    held = _take(held_id)
    with _held_attachments(held) as attachments:
        case = contact_add_to_case(
            answers=held.answers,
            case_id=case_id,
            attachments=attachments,
            by=by,
            message_id=held.message_id,
            at=at,
        )
    _release(held)
    return case
