from datetime import UTC, datetime

import pytest
from django.utils import timezone

from redress.cases.models import CaseEvent, Document
from redress.cases.tests.factories import received_case, staff
from redress.mailbox import services
from redress.mailbox.models import InboundMessage, MessageStatus
from redress.mailbox.parsing import message_key, parse
from redress.mailbox.services import (
    MessageAlreadyDecided,
    message_file_on_case,
    message_made_case,
    message_receive,
    message_set_aside,
)
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2026, 3, 18, 9, 31, 5, tzinfo=UTC)


def receive(raw: bytes) -> InboundMessage:
    message, created = message_receive(raw=raw, received_at=RECEIVED)
    assert created
    message.refresh_from_db()
    return message


def test_a_new_email_is_kept_whole_awaiting_triage():
    raw = emails.plain()
    message = receive(raw)
    assert message.status == MessageStatus.AWAITING_TRIAGE
    assert message.received_at == RECEIVED
    assert (message.sender, message.sender_name) == ("sam.parent@example.org", "Sam Parent")
    assert message.subject == "Complaint about my son's placement"
    assert message.body.startswith("I want to complain")
    assert message.raw.read() == raw
    assert message.problem == ""


def test_the_same_email_twice_is_kept_once():
    raw = emails.plain()
    first = receive(raw)
    again, created = message_receive(raw=raw, received_at=RECEIVED)
    assert (again.pk, created) == (first.pk, False)
    assert InboundMessage.objects.count() == 1


def test_two_runs_keeping_the_same_email_at_once_keep_it_once(settings):
    raw = emails.with_attachments()
    first = receive(raw)
    # The other run looked before the first saved, so it goes on to save it too.
    again, created = services._keep(message_key(raw), raw, RECEIVED, parse(raw))
    assert (again.pk, created) == (first.pk, False)
    assert InboundMessage.objects.count() == 1
    files = [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]
    assert len(files) == 4  # the first run's email and attachments; the second's are removed


def test_an_email_without_message_id_is_kept_once_by_its_digest():
    raw = emails.email(message_id=None)
    message = receive(raw)
    assert message.message_id.startswith("sha256:")
    assert message_receive(raw=raw, received_at=RECEIVED)[1] is False


def test_attachments_are_kept_with_the_upload_checks_types():
    message = receive(emails.with_attachments())
    kept = list(message.attachments.values_list("name", "content_type", "size_bytes"))
    assert kept == [
        ("letter.pdf", "application/pdf", len(emails.PDF)),
        ("photo.png", "image/png", len(emails.PNG)),
        ("voicemail.mp3", "audio/mpeg", len(emails.MP3)),
    ]
    assert message.attachment_count == 3
    assert message.attachments.get(name="photo.png").file.read() == emails.PNG


def test_an_attachment_too_large_or_of_a_refused_type_is_noted_and_kept_in_the_email(settings):
    settings.REDRESS_UPLOAD_MAX_MB = 1
    big = emails.PDF + bytes(1024 * 1024)
    raw = emails.email(
        attachments=(
            ("report.pdf", "application/pdf", big),
            ("setup.exe", "application/octet-stream", emails.PROGRAM),
            ("fake.pdf", "application/pdf", emails.PROGRAM),
            ("notes.txt", "text/plain", b"My notes"),
        )
    )
    message = receive(raw)
    assert list(message.attachments.values_list("name", flat=True)) == ["notes.txt"]
    assert message.attachment_count == 1
    assert message.status == MessageStatus.AWAITING_TRIAGE
    assert message.left_out == [
        {"name": "report.pdf", "size": len(big), "reason": "larger than the 1 MB limit"},
        {"name": "setup.exe", "size": len(emails.PROGRAM),
         "reason": "not a type of file the council accepts (PDF, DOC, DOCX, ODT, RTF, TXT, JPG, "
                   "PNG, GIF, HEIC, WEBP, MP3, M4A, WAV, OGG, MP4, MOV or WEBM)"},
        {"name": "fake.pdf", "size": len(emails.PROGRAM),
         "reason": "does not look like the kind of file its name says it is"},
    ]  # fmt: skip
    assert message.problem == ""  # the email itself was read without fault
    assert message.raw.read() == raw  # nothing lost: the files are in the email


def numbered(count: int, size: int = 100) -> tuple[tuple[str, str, bytes], ...]:
    return tuple((f"note-{n}.txt", "text/plain", b"x" * size) for n in range(1, count + 1))


def test_attachments_past_the_mailbox_s_caps_are_listed_not_stored(settings):
    settings.REDRESS_MAILBOX = {**settings.REDRESS_MAILBOX, "MAX_ATTACHMENTS": 3,
                                "MAX_ATTACHMENT_MB": 1}  # fmt: skip
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(1024 * 1024)
    program = ("setup.exe", "application/octet-stream", emails.PROGRAM)
    attachments = (("video.mp4", "video/mp4", video), program, *numbered(5))
    raw = emails.email(attachments=attachments)

    message = receive(raw)

    assert message.status == MessageStatus.AWAITING_TRIAGE
    stored = list(message.attachments.values_list("name", flat=True))
    assert stored == ["note-1.txt", "note-2.txt", "note-3.txt"]
    assert message.attachment_count == 3
    assert message.left_out == [
        {"name": "video.mp4", "size": len(video), "reason": "larger than the 1 MB limit"},
        {"name": "setup.exe", "size": len(emails.PROGRAM),
         "reason": "not a type of file the council accepts (PDF, DOC, DOCX, ODT, RTF, TXT, JPG, "
                   "PNG, GIF, HEIC, WEBP, MP3, M4A, WAV, OGG, MP4, MOV or WEBM)"},
        {"name": "note-4.txt", "size": 100, "reason": "more than 3 attachments"},
        {"name": "note-5.txt", "size": 100, "reason": "more than 3 attachments"},
    ]  # fmt: skip
    files = [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]
    assert len(files) == 4  # the email and the three kept
    assert message.raw.read() == raw
    assert len(parse(raw).attachments) == 7  # every file is still in the email kept


def test_the_caps_default_to_20_attachments_of_25_mb(settings):
    settings.REDRESS_MAILBOX = {
        key: value for key, value in settings.REDRESS_MAILBOX.items() if not key.startswith("MAX")
    }  # a configuration from before the caps
    message = receive(emails.email(attachments=numbered(22, size=10)))
    assert message.attachment_count == 20
    assert [entry["reason"] for entry in message.left_out] == ["more than 20 attachments"] * 2


def test_filing_an_email_with_attachments_left_out_files_those_kept(settings):
    settings.REDRESS_MAILBOX = {**settings.REDRESS_MAILBOX, "MAX_ATTACHMENTS": 1}
    case = received_case()
    raw = emails.quoting(case.reference, attachments=numbered(3))
    message = receive(raw)
    assert (message.status, message.case_id) == (MessageStatus.FILED, case.pk)
    assert [entry["name"] for entry in message.left_out] == ["note-2.txt", "note-3.txt"]
    documents = list(case.documents.order_by("pk"))
    assert [d.content_type for d in documents] == ["message/rfc822", "text/plain"]
    assert documents[0].file.read() == raw  # the left-out files reach the case inside the email
    assert documents[1].title == "note-1.txt"


def test_an_unreadable_email_is_kept_with_the_reason_and_who_sent_it():
    raw = emails.broken_mime()
    message = receive(raw)
    assert message.status == MessageStatus.UNREADABLE
    assert message.problem == (
        "It says it is in several parts, but the separator between the parts never appears"
    )
    assert (message.sender, message.subject) == ("sam.parent@example.org", "Complaint")
    assert message.raw.read() == raw


def test_text_postgresql_would_refuse_is_stored_cleaned():
    raw = "From: Zo\u00eb <zoe@example.org>\r\nSubject: Caf\u00e9\r\n\r\nbad\x00text\r\n"
    message = receive(raw.encode("latin-1"))
    assert (message.sender_name, message.subject, message.body) == (
        "Zo\u00eb",
        "Caf\u00e9",
        "badtext",
    )


def test_an_email_quoting_a_case_is_filed_on_it_with_a_timeline_entry():
    case = received_case()
    raw = emails.quoting(
        case.reference.lower(), attachments=(("letter.pdf", "application/pdf", emails.PDF),)
    )
    message = receive(raw)
    assert (message.status, message.case_id, message.decided_by) == (
        MessageStatus.FILED, case.pk, None,
    )  # fmt: skip
    assert message.decision_note == f"Filed by the mailbox: it quotes {case.reference}"
    documents = list(case.documents.order_by("pk"))
    assert [(d.kind, d.content_type) for d in documents] == [
        (Document.Kind.OTHER, "message/rfc822"),
        (Document.Kind.EVIDENCE, "application/pdf"),
    ]
    assert documents[0].title == (
        f"Email from sam.parent@example.org: RE: Your complaint {case.reference.lower()}"
    )
    assert documents[0].file.read() == raw
    assert documents[1].file.read() == emails.PDF
    event = case.events.get(action="email_filed")
    assert event.details["message"] == message.pk
    assert event.details["documents"] == [d.pk for d in documents]
    assert event.to_stage == case.stage


def test_an_email_quoting_an_unknown_reference_awaits_triage():
    message = receive(emails.quoting("CSC-2026-99999"))
    assert message.status == MessageStatus.AWAITING_TRIAGE
    assert message.case is None


def test_an_email_quoting_two_cases_awaits_triage_saying_so():
    first, second = received_case(), received_case()
    message = receive(emails.email(f"About {first.reference} and {second.reference}"))
    assert message.status == MessageStatus.AWAITING_TRIAGE
    assert message.problem == (
        f"It quotes more than one case ({first.reference}, {second.reference}): "
        "choose which to file it on"
    )


def test_redress_s_own_email_is_set_aside_and_kept():
    case = received_case()
    message = receive(emails.own_letter(case.reference))
    assert message.status == MessageStatus.SET_ASIDE
    assert message.decision_note == "Sent by Redress itself: a copy of its own email"
    assert not case.documents.exists()


def test_an_automatic_reply_quoting_no_case_is_set_aside():
    message = receive(emails.auto_reply())
    assert message.status == MessageStatus.SET_ASIDE
    assert message.decision_note == (
        "Not a complaint: it says it was sent automatically (Auto-Submitted: auto-replied)"
    )


def test_a_bounced_letter_is_filed_on_its_case_so_staff_see_it_failed():
    case = received_case()
    message = receive(emails.bounce(case.reference))
    assert (message.status, message.case_id) == (MessageStatus.FILED, case.pk)
    event = case.events.get(action="email_filed")
    assert event.details["automatic"].startswith("it is a delivery failure report")


def test_made_case_puts_the_email_and_attachments_on_the_new_case():
    officer = staff()
    message = receive(emails.with_attachments())
    case = received_case()
    at = timezone.now()
    decided = message_made_case(message_id=message.pk, case_id=case.pk, by=officer, at=at)
    assert (decided.status, decided.case_id, decided.decided_by, decided.decided_at) == (
        MessageStatus.MADE_CASE, case.pk, officer, at,
    )  # fmt: skip
    documents = list(case.documents.order_by("pk"))
    assert [(d.kind, d.title) for d in documents] == [
        (Document.Kind.COMPLAINT, "Email from sam.parent@example.org: Complaint with evidence"),
        (Document.Kind.EVIDENCE, "letter.pdf"),
        (Document.Kind.EVIDENCE, "photo.png"),
        (Document.Kind.EVIDENCE, "voicemail.mp3"),
    ]
    assert all(d.uploaded_by == officer for d in documents)
    assert case.events.filter(action="add_document").count() == 4


def test_staff_file_an_unreadable_email_on_a_case():
    officer = staff()
    message = receive(emails.broken_mime())
    case = received_case()
    message_file_on_case(message_id=message.pk, case_id=case.pk, by=officer, at=timezone.now())
    message.refresh_from_db()
    assert (message.status, message.case_id, message.decision_note) == (
        MessageStatus.FILED, case.pk, "",
    )  # fmt: skip
    assert case.events.get(action="email_filed").by == officer
    assert case.documents.get().file.read() == emails.broken_mime()


DECISIONS = {
    "made_case": lambda message, case, by: message_made_case(
        message_id=message.pk, case_id=case.pk, by=by, at=timezone.now()
    ),
    "file": lambda message, case, by: message_file_on_case(
        message_id=message.pk, case_id=case.pk, by=by, at=timezone.now()
    ),
    "set_aside": lambda message, case, by: message_set_aside(
        message_id=message.pk, reason="Again", by=by, at=timezone.now()
    ),
}


@pytest.mark.parametrize("decide", DECISIONS.values(), ids=DECISIONS.keys())
def test_a_decided_email_cannot_be_decided_again(decide):
    officer = staff()
    case = received_case()
    message = receive(emails.plain())
    message_set_aside(message_id=message.pk, reason="Spam", by=officer, at=timezone.now())
    events = CaseEvent.objects.count()
    with pytest.raises(MessageAlreadyDecided, match="already been dealt with: set aside"):
        decide(message, case, officer)
    message.refresh_from_db()
    assert (message.status, message.decision_note) == (MessageStatus.SET_ASIDE, "Spam")
    assert CaseEvent.objects.count() == events
    assert not case.documents.exists()


def test_setting_aside_needs_a_reason():
    message = receive(emails.plain())
    with pytest.raises(ValueError, match="Enter why"):
        message_set_aside(message_id=message.pk, reason="  ", by=staff(), at=timezone.now())
    message.refresh_from_db()
    assert message.status == MessageStatus.AWAITING_TRIAGE


def test_filing_that_fails_leaves_the_email_kept_and_awaiting_triage(monkeypatch):
    case = received_case()

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(services, "document_add", broken)
    raw = emails.quoting(case.reference)
    message = receive(raw)
    assert message.status == MessageStatus.AWAITING_TRIAGE
    assert message.problem == "Kept, but it could not be filed automatically (disk full)"
    assert not case.events.filter(action="email_filed").exists()
    assert message.raw.read() == raw
