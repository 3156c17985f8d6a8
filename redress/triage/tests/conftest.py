"""Fixtures for triage: files in a folder of each test's own, emails as the mailbox keeps them,
and the "Record a contact" form as a browser posts it."""

import uuid
from datetime import date, datetime
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from redress.mailbox.models import InboundAttachment, InboundMessage, MessageStatus

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def local(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def inbound(
    received_at: datetime,
    *,
    subject: str = "Complaint about my son's care plan",
    body: str = "Nobody has called me back about the care plan.\n\nPlease help.",
    sender: str = "sam.parent@example.org",
    sender_name: str = "Sam Parent",
    status: str = MessageStatus.AWAITING_TRIAGE,
    problem: str = "",
    attachments: tuple[tuple[str, str, bytes], ...] = (),
) -> InboundMessage:
    """An email as the mailbox keeps it: the raw .eml, the text, any attachments."""
    message = InboundMessage(
        message_id=f"<{uuid.uuid4().hex}@example.org>",
        received_at=received_at,
        sender=sender,
        sender_name=sender_name,
        subject=subject,
        body=body,
        status=status,
        problem=problem,
        attachment_count=len(attachments),
    )
    raw = f"From: {sender_name} <{sender}>\r\nSubject: {subject}\r\n\r\n{body}\r\n".encode()
    message.raw.save("message.eml", ContentFile(raw), save=False)
    message.save()
    for name, content_type, content in attachments:
        attachment = InboundAttachment(
            message=message, name=name, content_type=content_type, size_bytes=len(content)
        )
        attachment.file.save(name, ContentFile(content), save=False)
        attachment.save()
    return message


def date_boxes(name: str, day: date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def contact_form(
    *,
    received_on: date = date(2026, 3, 16),
    child_born_on: date | None = date(2015, 6, 1),
    grounds_arose_on: date | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """The form as a browser posts it for a parent's phone call about their son."""
    data: dict[str, Any] = {
        "channel": "phone",
        **date_boxes("received_on", received_on),
        "received_time": "10:15",
        "complainant_type": "parent",
        "complainant_name": "Sam Parent",
        "relationship": "",
        "email": "",
        "phone": "07700 900 982",
        "address": "",
        "child_name": "Alex Parent",
        **date_boxes("child_date_of_birth", child_born_on),
        "consent": "yes",
        "representative_name": "",
        "representative_role": "",
        "representative_email": "",
        "representative_phone": "",
        "service_area": "child_in_care",
        "details": "Nobody returned my calls about contact with my son.",
        "outcome": "A meeting with the social worker's manager.",
        **date_boxes("grounds_arose_on", grounds_arose_on),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
