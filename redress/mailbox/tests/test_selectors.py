from datetime import UTC, datetime, timedelta

import pytest

from redress.mailbox.selectors import (
    message_for_triage,
    messages_awaiting_triage,
    messages_unreadable,
)
from redress.mailbox.services import message_receive
from redress.mailbox.tests import emails

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 3, 18, 9, 0, tzinfo=UTC)


def test_emails_awaiting_triage_come_oldest_first_with_their_attachments(
    django_assert_num_queries,
):
    later, _ = message_receive(
        raw=emails.with_attachments(), received_at=MORNING + timedelta(hours=2)
    )
    earlier, _ = message_receive(raw=emails.plain(), received_at=MORNING)
    message_receive(raw=emails.broken_mime(), received_at=MORNING + timedelta(hours=1))
    with django_assert_num_queries(2):  # the messages, then every attachment at once
        listed = [(m.pk, [a.name for a in m.attachments.all()]) for m in messages_awaiting_triage()]
    assert listed == [
        (earlier.pk, []),
        (later.pk, ["letter.pdf", "photo.png", "voicemail.mp3"]),
    ]


def test_unreadable_emails_are_listed_apart_with_the_reason():
    message_receive(raw=emails.plain(), received_at=MORNING)
    broken, _ = message_receive(raw=emails.broken_mime(), received_at=MORNING)
    assert [(m.pk, bool(m.problem)) for m in messages_unreadable()] == [(broken.pk, True)]
    assert message_for_triage(broken.pk).problem.startswith("It says it is in several parts")
