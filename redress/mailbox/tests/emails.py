"""Emails of every kind the complaints mailbox receives, as the bytes a mail server holds."""

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

from redress.mailbox.demo import compose_email

# Enough of each file for the upload checks (they look at the first bytes), and some content.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8
PROGRAM = b"MZ\x90\x00" + bytes(200)


def email(
    subject: str = "Complaint about my son's placement",
    body: str | None = "I want to complain about how my son's move was handled.",
    *,
    html: str | None = None,
    sender: str = "Sam Parent <sam.parent@example.org>",
    attachments: tuple[tuple[str, str, bytes], ...] = (),
    headers: dict[str, str] | None = None,
    message_id: str | None = "",
) -> bytes:
    """A message as a mail program writes it. `message_id` "" makes a fresh one; None none."""
    return compose_email(
        sender=sender, subject=subject, text=body, html=html, headers=headers,
        sent=datetime(2026, 3, 18, 9, 30, tzinfo=UTC), attachments=attachments,
        message_id=make_msgid(domain="example.org") if message_id == "" else message_id,
    )  # fmt: skip


def plain() -> bytes:
    return email()


def html_only() -> bytes:
    return email(
        "Complaint (HTML)",
        None,
        html="<html><head><style>p {color: red}</style><script>alert('x')</script></head>"
        "<body><p>Dear Sir &amp; Madam,</p><p>Nobody <b>called</b> me back.</p>"
        "<ul><li>First visit</li><li>Second visit</li></ul>"
        "<p>See <a href='https://example.org/notes'>my notes</a>.</p></body></html>",
    )


def alternative() -> bytes:
    return email(
        "Complaint with both versions",
        "The plain version of my complaint.",
        html="<p>The <i>HTML</i> version of my complaint.</p>",
    )


def with_attachments() -> bytes:
    return email(
        "Complaint with evidence",
        "The letter, a photo and a voicemail are attached.",
        attachments=(
            ("letter.pdf", "application/pdf", PDF),
            ("photo.png", "image/png", PNG),
            ("voicemail.mp3", "audio/mpeg", MP3),
        ),
    )


def quoting(reference: str, *, in_subject: bool = True, attachments: tuple = ()) -> bytes:
    subject = f"RE: Your complaint {reference}" if in_subject else "More information"
    body = "Here is more about my complaint." + ("" if in_subject else f"\n\nRef: {reference}")
    return email(subject, body, attachments=attachments)


def broken_mime() -> bytes:
    """Says it has parts, separated by a boundary that never appears."""
    return (
        b"From: Sam Parent <sam.parent@example.org>\r\n"
        b"Subject: Complaint\r\n"
        b"Message-ID: <broken-mime@example.org>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="never-appears"\r\n\r\n'
        b"--some-other-boundary\r\nContent-Type: text/plain\r\n\r\nlost text\r\n"
    )


def not_an_email() -> bytes:
    """Binary bytes that a broken relay stored as a message: no headers at all."""
    return bytes(range(1, 256)) * 3


def auto_reply(subject: str = "Automatic reply: out of the office") -> bytes:
    return email(
        subject,
        "I am out of the office until Monday.",
        headers={"Auto-Submitted": "auto-replied"},
    )


def bounce(reference: str) -> bytes:
    """A delivery failure report for one of Redress's letters (the original headers inside)."""
    message = EmailMessage()
    message["From"] = "Mail Delivery System <MAILER-DAEMON@mx.example.net>"
    message["To"] = "complaints@council.example"
    message["Subject"] = "Undelivered Mail Returned to Sender"
    message["Message-ID"] = make_msgid(domain="mx.example.net")
    message.set_content("This is the mail system. Your message could not be delivered.")
    original = EmailMessage()
    original["From"] = "complaints@council.example"
    original["To"] = "sam.parent@example.org"
    original["Subject"] = "Your complaint"
    original["X-Redress-Reference"] = reference
    original.set_content("Dear Sam, we have received your complaint.")
    message.add_attachment(original)
    return message.as_bytes()


def own_letter(reference: str) -> bytes:
    return email(
        f"Your complaint {reference}",
        "Dear Sam, we have received your complaint.",
        sender="Children's Complaints <complaints@council.example>",
        headers={"X-Redress-Reference": reference},
    )
