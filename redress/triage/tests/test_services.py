"""The triage services on their own: one transaction each, whatever fails inside them."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from redress.cases.models import Case, CaseEvent, Document
from redress.cases.tests.factories import received_case, staff
from redress.mailbox.models import MessageStatus
from redress.mailbox.services import MessageAlreadyDecided
from redress.triage import services
from redress.triage.models import HeldContact
from redress.triage.selectors import phone_digits
from redress.triage.tests.conftest import PDF, inbound, local

pytestmark = pytest.mark.django_db

ANSWERS = {
    "channel": "letter",
    "received_at": local(date(2026, 3, 16), 10).isoformat(),
    "complainant_type": "pr_holder",
    "complainant_name": "Robin Guardian",
    "address": "1 High Street",
    "child_name": "Casey",
    "child_date_of_birth": "2014-01-02",
    "consent": "not_asked",
    "service_area": "special_guardianship",
    "details": "The support payments stopped.",
    "advocacy_offered": False,
}


def letter() -> services.Attachment:
    return services.Attachment("letter.pdf", "application/pdf", ContentFile(PDF, "letter.pdf"))


def test_a_contact_becomes_a_case_with_its_letter_in_one_step():
    officer = staff()

    case = services.contact_record(answers=ANSWERS, attachments=[letter()], by=officer)

    assert (case.channel, case.received_on, case.next_due_on) == (
        "letter",
        date(2026, 3, 16),
        date(2026, 3, 23),
    )
    child = case.people.get(role="child")
    assert (child.name, child.consent_given) == ("Casey", None)
    assert case.documents.get().kind == Document.Kind.COMPLAINT
    assert list(case.events.values_list("action", flat=True)) == ["receive", "add_document"]


def test_nothing_is_recorded_when_the_email_was_dealt_with_meanwhile():
    email = inbound(local(date(2026, 3, 16)), status=MessageStatus.FILED)

    with pytest.raises(MessageAlreadyDecided):
        services.contact_record(
            answers=ANSWERS, attachments=[letter()], by=staff(), message_id=email.pk
        )

    assert Case.objects.count() == 0
    assert Document.objects.count() == 0
    assert CaseEvent.objects.count() == 0


def test_a_held_email_contact_made_a_case_files_the_email_on_it():
    officer = staff()
    email = inbound(local(date(2026, 3, 16)))
    held = services.contact_hold(answers=ANSWERS, checked=[], by=officer, message_id=email.pk)

    case = services.held_contact_record(held_id=held.pk, by=officer)

    email.refresh_from_db()
    assert (email.status, email.case) == (MessageStatus.MADE_CASE, case)
    assert HeldContact.objects.count() == 0


def test_a_held_email_contact_added_to_a_case_is_filed_there_once():
    officer = staff()
    existing = received_case(date(2026, 3, 10))
    email = inbound(local(date(2026, 3, 16)))
    held = services.contact_hold(answers=ANSWERS, checked=[], by=officer, message_id=email.pk)

    services.held_contact_add_to_case(held_id=held.pk, case_id=existing.pk, by=officer)

    email.refresh_from_db()
    assert (email.status, email.case) == (MessageStatus.FILED, existing)
    actions = list(existing.events.values_list("action", flat=True))
    assert actions.count("email_filed") == 1
    assert "further_contact" not in actions  # the email's filing is its entry on the timeline


def test_a_held_contact_is_recorded_once():
    officer = staff()
    held = services.contact_hold(answers=ANSWERS, checked=[], by=officer)
    services.held_contact_record(held_id=held.pk, by=officer)

    with pytest.raises(services.HeldContactGone):
        services.held_contact_record(held_id=held.pk, by=staff())

    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "forms"),
    [
        ("01632 960 001", {"01632960001", "+441632960001"}),
        ("+44 (0)1632-960001", {"+4401632960001", "001632960001"}),
        ("+44 7700 900982", {"+447700900982", "07700900982"}),
        ("", set()),
    ],
)
def test_a_phone_number_is_compared_without_its_spaces_in_both_uk_forms(typed, forms):
    assert phone_digits(typed) == forms
