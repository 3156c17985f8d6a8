"""The demo council's complaints mailbox: a few days of the emails a complaints team receives.

Each is kept through `message_receive`, as `fetch_mail` keeps what it reads from the server, so
what happens to it is what would happen to a real one: new complaints wait in triage, a reply
quoting a case is filed on it, an automatic reply is set aside, and a message whose parts cannot
be found is kept as unreadable with the reason.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from django.utils import timezone

from redress.core.pdf import tagged_pdf
from redress.mailbox.services import message_receive

COUNCIL_ADDRESS = "complaints@council.example"


@dataclass(frozen=True)
class DemoEmail:
    hours_ago: float  # before the demo's "now": the end of its today, or now if that is sooner
    raw: Callable[[str, datetime], bytes]  # (a reference to quote, when it was sent) -> bytes


def compose_email(
    *,
    sender: str,
    subject: str,
    text: str | None,
    sent: datetime,
    message_id: str | None,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    """An email to the complaints mailbox as a mail program writes it (the tests' emails too):
    the text, an HTML version or only HTML, and attachments as (name, content type, bytes)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = COUNCIL_ADDRESS
    message["Subject"] = subject
    message["Date"] = format_datetime(sent)
    if message_id is not None:
        message["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        message[name] = value
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for name, content_type, content in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _email(
    key: str,
    sent: datetime,
    sender: str,
    subject: str,
    text: str | None,
    *,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachment: tuple[str, str, bytes] | None = None,
) -> bytes:
    """One of the demo's emails; its Message-ID is the same every load, so it is kept once."""
    return compose_email(
        sender=sender, subject=subject, text=text, sent=sent, html=html, headers=headers,
        message_id=f"<{key}@demo.example>", attachments=(attachment,) if attachment else (),
    )  # fmt: skip


def _grandmother(reference: str, sent: datetime) -> bytes:
    return _email(
        "grandmother",
        sent,
        "Margaret Hughes <margaret.hughes@example.org>",
        "Complaint about contact with my grandchildren",
        "Dear complaints team,\n\n"
        "My grandchildren Ellie (7) and Jack (9) went into foster care in the summer. I was "
        "promised fortnightly contact but it has been cancelled four times since September, "
        "each time on the morning itself, and nobody has told me why.\n\n"
        "I would like the contact plan kept to, and a named social worker I can ring.\n\n"
        "Margaret Hughes\n07700 900123",
    )


def _foster_carer(reference: str, sent: datetime) -> bytes:
    return _email(
        "foster-carer",
        sent,
        "Dev Sharma <dev.sharma@example.org>",
        "Fostering allowance not paid",
        None,
        html="<p>Hello,</p><p>We are foster carers and our <b>allowance for November has not "
        "been paid</b>. We have phoned the fostering team three times.</p>"
        "<p>Please treat this as a complaint.</p><p>Dev and Priya Sharma</p>",
    )


def _advocate(reference: str, sent: datetime) -> bytes:
    note = tagged_pdf(
        "<!doctype html><html lang='en-GB'><head><title>Notes from our meeting</title></head>"
        "<body><h1>Notes from our meeting</h1><p>Jordan (15) told me they have had five "
        "social workers this year and have not seen their pathway plan.</p>"
        "<p>Jordan would like a copy of the plan and a meeting with their social worker "
        "and me present.</p></body></html>"
    )
    return _email(
        "advocate",
        sent,
        "Alex Morgan (Advocacy Service) <alex.morgan@advocacy.example>",
        "Complaint on behalf of a young person I advocate for",
        "Hello,\n\nI am an independent advocate. A young person I work with, Jordan, wants to "
        "make a complaint about their pathway plan. They have agreed that I can act for them. "
        "My notes from our meeting are attached.\n\nAlex Morgan\nIndependent advocate",
        attachment=("meeting-notes.pdf", "application/pdf", note),
    )


def _reply(reference: str, sent: datetime) -> bytes:
    return _email(
        "reply",
        sent,
        "Sam Parent <sam.parent@example.org>",
        f"RE: Your complaint {reference}",
        "Thank you for your letter. I forgot to say that the missed visit was on a Tuesday, "
        "and I rang the duty line twice that week.\n\nSam",
    )


def _out_of_office(reference: str, sent: datetime) -> bytes:
    return _email(
        "out-of-office",
        sent,
        "Chris Brown <chris.brown@partner.example>",
        "Automatic reply: out of the office",
        "I am out of the office until Monday and will reply when I am back.",
        headers={"Auto-Submitted": "auto-replied"},
    )


def _broken(reference: str, sent: datetime) -> bytes:
    """Says it has parts, separated by a boundary that never appears."""
    return (
        b"From: Jamie Lee <jamie.lee@example.org>\r\n"
        b"To: " + COUNCIL_ADDRESS.encode() + b"\r\n"
        b"Subject: Complaint\r\n"
        b"Date: " + format_datetime(sent).encode() + b"\r\n"
        b"Message-ID: <broken@demo.example>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="never-appears"\r\n\r\n'
        b"--another-boundary\r\nContent-Type: text/plain\r\n\r\nMy complaint is\r\n"
    )


DEMO_INBOX: tuple[DemoEmail, ...] = (
    DemoEmail(75, _grandmother),
    DemoEmail(50, _out_of_office),
    DemoEmail(37, _advocate),
    DemoEmail(34, _broken),
    DemoEmail(3, _reply),  # the latest day: filed after every case's own events
    DemoEmail(0.5, _foster_carer),
)


def load_demo_inbox(*, today: date, quoting: str) -> int:
    """Keep the demo's emails, received in the days up to `today` and never after now; a reply
    quotes the case `quoting`. Returns how many were new (none when they are already there)."""
    end_of_today = timezone.make_aware(datetime.combine(today, time(23, 59)))
    latest = min(end_of_today, timezone.now())
    new = 0
    for demo in DEMO_INBOX:
        received = latest - timedelta(hours=demo.hours_ago)
        _, created = message_receive(
            raw=demo.raw(quoting, received), received_at=received, read_at=received
        )
        new += created
    return new
