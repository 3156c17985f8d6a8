"""How an email leaves the building: Django's mailers, or GOV.UK Notify.

`settings.REDRESS_LETTERS_TRANSPORT` picks one ("django" or "notify"). Both take the same
`OutgoingEmail` and return the provider's reference; both raise on failure, and the caller
(`services.delivery_attempt`) records the failure and retries with backoff.
"""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    text: str
    html: str = ""
    reference: str = ""
    attachments: tuple[Attachment, ...] = ()


class Transport(Protocol):
    name: str

    def send(self, email: OutgoingEmail) -> str: ...


class DjangoMailTransport:
    """The default mailer (settings.MAILERS): SMTP in production, a real SMTP server in tests."""

    name = "django"

    def send(self, email: OutgoingEmail) -> str:
        message_id = make_msgid(domain=settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or None)
        message = EmailMultiAlternatives(
            email.subject,
            email.text,
            settings.DEFAULT_FROM_EMAIL,
            [email.to],
            headers={"Message-ID": message_id, "X-Redress-Reference": email.reference},
        )
        if email.html:
            message.attach_alternative(email.html, "text/html")
        for attachment in email.attachments:
            message.attach(attachment.filename, attachment.content, attachment.mimetype)
        if message.send() != 1:
            raise RuntimeError("The mail server did not accept the message")
        return message_id


class NotifyTransport:
    """GOV.UK Notify. Its email template must have the personalisation fields ((subject)) and
    ((body)); the plain-text letter goes in the body. The PDF is not attached: Notify sends files
    only as links, which a council must switch on first."""

    name = "notify"

    def send(self, email: OutgoingEmail) -> str:
        from notifications_python_client.notifications import NotificationsAPIClient

        client = NotificationsAPIClient(
            settings.REDRESS_NOTIFY_API_KEY,
            base_url=settings.REDRESS_NOTIFY_BASE_URL,
            timeout=settings.REDRESS_NOTIFY_TIMEOUT,
        )
        response = client.send_email_notification(
            email_address=email.to,
            template_id=settings.REDRESS_NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={"subject": email.subject, "body": email.text},
            reference=email.reference or None,
        )
        return str(response["id"])


TRANSPORTS: dict[str, type[DjangoMailTransport] | type[NotifyTransport]] = {
    "django": DjangoMailTransport,
    "notify": NotifyTransport,
}


def current_transport() -> Transport:
    name = settings.REDRESS_LETTERS_TRANSPORT
    try:
        return TRANSPORTS[name]()
    except KeyError:
        raise RuntimeError(
            f"REDRESS_LETTERS_TRANSPORT is {name!r}; use one of {', '.join(TRANSPORTS)}"
        ) from None
