"""Messages read from the complaints mailbox (issue 7), each kept exactly once.

A message becomes a draft awaiting triage, or is filed on the case whose reference it quotes, or is
kept as unreadable with the reason. Nothing read from the mailbox is ever deleted here.
"""

import uuid

from django.conf import settings
from django.db import models


class MessageStatus(models.TextChoices):
    AWAITING_TRIAGE = "awaiting_triage", "Awaiting triage"
    FILED = "filed", "Filed on an existing case"
    MADE_CASE = "made_case", "Recorded as a new case"
    SET_ASIDE = "set_aside", "Set aside (not a complaint)"
    UNREADABLE = "unreadable", "Could not be read"


def raw_message_path(message: "InboundMessage", filename: str) -> str:
    return f"mailbox/{message.received_at:%Y/%m}/{uuid.uuid4().hex}.eml"


class InboundMessage(models.Model):
    message_id = models.CharField(
        max_length=998,
        unique=True,
        help_text="The Message-ID header, or a digest of the raw message when it has none",
    )
    raw = models.FileField(upload_to=raw_message_path, max_length=200)
    received_at = models.DateTimeField(help_text="When the message reached the mailbox")
    sender = models.CharField(max_length=320, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=998, blank=True)
    body = models.TextField(blank=True, help_text="The message as plain text")
    attachment_count = models.PositiveSmallIntegerField(default=0)
    left_out = models.JSONField(
        default=list,
        blank=True,
        help_text="Attachments not stored apart (they are in the raw email): "
        '[{"name": ..., "size": bytes, "reason": ...}]',
    )
    status = models.CharField(
        max_length=20, choices=MessageStatus.choices, default=MessageStatus.AWAITING_TRIAGE
    )
    problem = models.TextField(blank=True, help_text="Why the message could not be read")
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inbound_messages",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self) -> str:
        return self.subject or self.message_id


class InboundAttachment(models.Model):
    """A file that came with a message and passed the upload checks. It stays here when the
    message is filed or made a case: the case gets a copy, as a Document."""

    message = models.ForeignKey(
        InboundMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="mailbox/attachments/", max_length=200)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
