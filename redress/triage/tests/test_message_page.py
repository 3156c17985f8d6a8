"""The email page tells officers which attachments were not kept, why, and where they are."""

from datetime import UTC, datetime
from html import unescape

import pytest
from django.urls import reverse

from redress.cases.tests.factories import staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role
from redress.mailbox.services import message_receive
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2026, 3, 18, 9, 31, tzinfo=UTC)


@pytest.fixture
def client_of(client):
    return sign_in_as(client, staff(Role.COMPLAINTS_OFFICER))


def page_of(response) -> str:
    assert response.status_code == 200
    return " ".join(unescape(response.content.decode()).split())


def test_attachments_left_out_are_named_with_why_and_where_the_original_is(client_of, settings):
    done = "Complaints \u2013 done"  # an en dash
    settings.REDRESS_MAILBOX = {**settings.REDRESS_MAILBOX, "MAX_ATTACHMENTS": 2,
                                "MAX_ATTACHMENT_MB": 1, "DONE_FOLDER": done}  # fmt: skip
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(1024 * 1024 + 1024)
    notes = tuple((f"note-{n}.txt", "text/plain", b"x" * 2048) for n in (1, 2, 3))
    raw = emails.email(attachments=(("video.mp4", "video/mp4", video), *notes))
    message, _ = message_receive(raw=raw, received_at=RECEIVED)

    page = page_of(client_of.get(reverse("triage:message", args=[message.pk])))

    assert "These attachments were not kept in Redress" in page
    assert "video.mp4 (1.0MB): larger than the 1 MB limit" in page
    assert "note-3.txt (2KB): more than 2 attachments" in page
    kept = message.attachments.all()
    assert [a.name for a in kept] == ["note-1.txt", "note-2.txt"]
    for attachment in kept:  # kept: each to download on its own
        assert reverse("triage:attachment", args=[message.pk, attachment.pk]) in page
    assert (
        f"The original email, with every attachment, is in the \u201c{done}\u201d folder of "
        "the complaints mailbox, and you can download it below." in page
    )
    raw_url = reverse("triage:message_raw", args=[message.pk])
    assert (
        f'href="{raw_url}" download>Download the original email (.eml), with every attachment'
        in page
    )
    response = client_of.get(raw_url)
    assert b"".join(response.streaming_content) == raw


def test_files_refused_by_the_upload_checks_are_listed_too(client_of, settings):
    settings.REDRESS_MAILBOX = {**settings.REDRESS_MAILBOX, "DONE_FOLDER": ""}
    raw = emails.email(attachments=(("setup.exe", "application/octet-stream", emails.PROGRAM),))
    message, _ = message_receive(raw=raw, received_at=RECEIVED)

    page = page_of(client_of.get(reverse("triage:message", args=[message.pk])))

    assert "None kept in Redress." in page
    assert "This attachment was not kept in Redress, so it cannot be opened here" in page
    assert "setup.exe (204 bytes): not a type of file the council accepts (PDF," in page
    assert "is in the “INBOX” folder of the complaints mailbox" in page  # no done folder


def test_an_email_with_every_attachment_kept_has_no_note(client_of):
    raw = emails.email(attachments=(("letter.pdf", "application/pdf", emails.PDF),))
    message, _ = message_receive(raw=raw, received_at=RECEIVED)

    page = page_of(client_of.get(reverse("triage:message", args=[message.pk])))

    assert "letter.pdf" in page
    assert "not kept in Redress" not in page
    assert "with every attachment" not in page
