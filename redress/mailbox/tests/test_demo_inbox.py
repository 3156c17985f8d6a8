"""The demo's mailbox: each kind of email a complaints team gets, kept as a real one would be."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from redress.cases.models import Document
from redress.cases.tests.factories import received_case
from redress.mailbox.demo import DEMO_INBOX, load_demo_inbox
from redress.mailbox.models import InboundMessage, MessageStatus

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 31)


def test_the_demo_inbox_shows_triage_filing_setting_aside_and_an_unreadable_email():
    case = received_case()

    assert load_demo_inbox(today=TODAY, quoting=case.reference) == len(DEMO_INBOX)

    by_subject = {m.subject: m for m in InboundMessage.objects.all()}
    statuses = sorted(m.status for m in by_subject.values())
    assert statuses == sorted(
        [MessageStatus.AWAITING_TRIAGE] * 3
        + [MessageStatus.FILED, MessageStatus.SET_ASIDE, MessageStatus.UNREADABLE]
    )
    reply = by_subject[f"RE: Your complaint {case.reference}"]
    assert reply.case == case
    assert Document.objects.filter(case=case).exists()  # the email, filed on the case
    unreadable = InboundMessage.objects.get(status=MessageStatus.UNREADABLE)
    assert unreadable.problem
    assert unreadable.sender == "jamie.lee@example.org"
    advocate = by_subject["Complaint on behalf of a young person I advocate for"]
    (notes,) = advocate.attachments.all()
    assert notes.name == "meeting-notes.pdf"
    assert notes.file.read().startswith(b"%PDF-")
    received = sorted(m.received_at.date() for m in by_subject.values())
    assert received[0] == date(2026, 3, 28)
    assert received[-1] == TODAY


def test_loading_the_demo_inbox_again_keeps_nothing_twice():
    case = received_case()
    load_demo_inbox(today=TODAY, quoting=case.reference)

    assert load_demo_inbox(today=TODAY, quoting=case.reference) == 0
    assert InboundMessage.objects.count() == len(DEMO_INBOX)


def test_the_demo_inbox_loaded_just_after_midnight_holds_nothing_received_after_now(time_machine):
    time_machine.move_to(timezone.make_aware(datetime(2026, 3, 31, 0, 20)), tick=False)
    case = received_case()
    load_demo_inbox(today=timezone.localdate(), quoting=case.reference)

    latest = InboundMessage.objects.order_by("-received_at").first()
    assert latest is not None
    assert latest.received_at <= timezone.now()
    assert latest.received_at > timezone.now() - timedelta(hours=1)
