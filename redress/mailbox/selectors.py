"""Reads of the complaints mailbox's messages, for the triage screens."""

from django.db.models import QuerySet

from redress.mailbox.models import InboundMessage, MessageStatus


def _listed(status: str) -> QuerySet[InboundMessage]:
    return (
        InboundMessage.objects.filter(status=status)
        .order_by("received_at", "pk")
        .prefetch_related("attachments")
    )


def messages_awaiting_triage() -> QuerySet[InboundMessage]:
    """Emails nobody has decided on yet, the longest waiting first."""
    return _listed(MessageStatus.AWAITING_TRIAGE)


def messages_unreadable() -> QuerySet[InboundMessage]:
    """Emails that could not be read (`problem` says why); their raw .eml is kept."""
    return _listed(MessageStatus.UNREADABLE)


def message_for_triage(message_id: int) -> InboundMessage:
    """One message with its attachments and any case it went to (DoesNotExist when unknown)."""
    return (
        InboundMessage.objects.select_related("case", "decided_by")
        .prefetch_related("attachments")
        .get(pk=message_id)
    )
