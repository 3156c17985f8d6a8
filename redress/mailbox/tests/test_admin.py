from datetime import UTC, datetime

import pytest

from redress.mailbox.services import message_receive
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db


def test_administrators_can_read_kept_emails_but_not_change_them(admin_client):
    message, _ = message_receive(
        raw=emails.with_attachments(), received_at=datetime(2026, 3, 18, 9, 0, tzinfo=UTC)
    )
    listed = admin_client.get("/admin/mailbox/inboundmessage/?status=awaiting_triage")
    assert listed.status_code == 200
    assert "Complaint with evidence" in listed.text
    shown = admin_client.get(f"/admin/mailbox/inboundmessage/{message.pk}/change/")
    assert shown.status_code == 200
    assert "voicemail.mp3" in shown.text
    assert 'name="_save"' not in shown.text
    assert admin_client.get("/admin/mailbox/inboundmessage/add/").status_code == 403
