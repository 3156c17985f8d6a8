"""The triage inbox and the email page: emails and unacknowledged cases in one queue, oldest
first, each with its acknowledgement clock; what can be done with an email; who may do it."""

from dataclasses import replace
from datetime import date, time
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redress.cases.models import Case, Document
from redress.cases.services import case_take_action
from redress.cases.tests.factories import received_case, staff
from redress.casework.context_processors import staff as staff_menu
from redress.casework.tests.conftest import sign_in_as
from redress.domain.facts import ActionRequest
from redress.domain.profiles import Receipt, load_profile
from redress.domain.roles import Role
from redress.domain.workflow import Action
from redress.mailbox.models import MessageStatus
from redress.triage.models import HeldContact
from redress.triage.tests.conftest import PDF, contact_form, inbound, local

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 20)  # a Friday
INBOX = reverse("triage:inbox")


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(local(TODAY, 11), tick=False):
        yield


@pytest.fixture
def officer():
    return staff(Role.COMPLAINTS_OFFICER)


@pytest.fixture
def client_of(client, officer):
    return sign_in_as(client, officer)


def page_of(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_emails_and_unacknowledged_cases_wait_in_one_queue_oldest_first(client_of, officer):
    overdue = received_case(date(2026, 3, 2))  # acknowledgement due Monday 9 March
    newer = received_case(date(2026, 3, 18))  # due Wednesday 25 March
    email = inbound(local(date(2026, 3, 14), 11), subject="My son's placement")  # a Saturday
    acknowledged = received_case(date(2026, 3, 3))
    case_take_action(
        case_id=acknowledged.pk,
        action=Action.ACKNOWLEDGE,
        request=ActionRequest(on=date(2026, 3, 4)),
        by=officer,
    )
    inbound(local(date(2026, 3, 1)), subject="Newsletter", status=MessageStatus.SET_ASIDE)

    page = page_of(client_of.get(INBOX))

    order = [
        page.index(overdue.reference),
        page.index("My son's placement"),
        page.index(newer.reference),
    ]
    assert order == sorted(order)
    assert acknowledged.reference not in page
    assert "Newsletter" not in page
    assert "3 waiting: 1 email and 2 cases." in page
    rows = page.split('<tr class="govuk-table__row">')[2:]
    assert ("9 Mar 2026" in rows[0], "9 working days late" in rows[0]) == (True, True)
    # Saturday 14 March is day 0 under the statutory profile: 5 working days on is Friday 20th.
    assert ("20 Mar 2026" in rows[1], "Due today" in rows[1]) == (True, True)
    assert ("25 Mar 2026" in rows[2], "3 working days left" in rows[2]) == (True, True)
    assert f'href="{reverse("triage:message", args=[email.pk])}"' in page
    assert f'href="{reverse("casework:case", args=[newer.reference])}"' in page
    assert f'href="{reverse("triage:record")}"' in page


def test_the_inbox_reads_a_fixed_number_of_queries_however_long_the_queue(client_of):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page_of(client_of.get(INBOX))
        return len(captured)

    received_case(date(2026, 3, 16))
    inbound(local(date(2026, 3, 16)))
    few = queries()
    for day in (9, 10, 11, 12):
        received_case(date(2026, 3, day))
        inbound(local(date(2026, 3, day)), attachments=(("a.pdf", "application/pdf", PDF),))
    inbound(local(date(2026, 3, 13)), status=MessageStatus.UNREADABLE, problem="Not MIME")

    assert queries() == few + 1  # the unreadable list's attachments, read once it has rows


@pytest.fixture
def deemed_receipt(monkeypatch):
    """The statutory profile with deemed receipt on and a 17:00 cut-off, for every reader."""
    from redress.cases.services import intake as cases_services
    from redress.triage import queue, views

    switched_on = replace(
        load_profile("statutory"), receipt=Receipt(deemed_receipt=True, cut_off=time(17, 0))
    )
    for module in (cases_services, queue, views):
        monkeypatch.setattr(module, "active_profile", lambda: switched_on)


def test_an_emails_clock_in_the_inbox_is_the_clock_its_case_gets(client_of, deemed_receipt):
    # Wednesday 18 March at 17:30: after the cut-off, so deemed received on Thursday 19th.
    email = inbound(local(date(2026, 3, 18), 17, 30))

    page = page_of(client_of.get(INBOX))
    assert "Counts from 19 Mar 2026" in page
    assert "26 Mar 2026" in page  # five working days after Thursday 19 March
    message_page = page_of(client_of.get(reverse("triage:message", args=[email.pk])))
    assert "counts as received on Thursday 19 March 2026" in message_page
    assert "26 March 2026" in message_page

    form = client_of.get(reverse("triage:record"), {"message": email.pk})
    assert 'value="17:30"' in form.content.decode()
    client_of.post(
        reverse("triage:record"),
        contact_form(
            message=str(email.pk),
            channel="email",
            received_on=date(2026, 3, 18),
            received_time="17:30",
        ),
    )

    case = Case.objects.get()
    assert (case.received_on, case.next_due_on) == (date(2026, 3, 19), date(2026, 3, 26))


def test_unreadable_emails_are_listed_with_the_reason_and_the_original_to_download(client_of):
    broken = inbound(
        local(date(2026, 3, 19)),
        subject="Garbled",
        status=MessageStatus.UNREADABLE,
        problem="The message has no readable text part",
    )

    page = page_of(client_of.get(INBOX))
    section = page[page.index("Emails that could not be read") :]
    assert "The message has no readable text part" in section
    assert "Garbled" in section
    raw_url = reverse("triage:message_raw", args=[broken.pk])
    assert f'href="{raw_url}"' in section

    response = client_of.get(raw_url)
    assert response["Content-Type"] == "message/rfc822"
    assert "attachment" in response["Content-Disposition"]
    assert b"Subject: Garbled" in b"".join(response.streaming_content)


def test_the_email_page_shows_the_message_and_its_attachments_to_download(client_of):
    email = inbound(
        local(date(2026, 3, 19), 9, 5),
        body="Dear team,\n\nNobody <b>called</b> me back.\nSam",
        attachments=(("care plan.pdf", "application/pdf", PDF),),
    )

    page = page_of(client_of.get(reverse("triage:message", args=[email.pk])))

    assert "Sam Parent <sam.parent@example.org>" in page
    assert "Thursday 19 March 2026 at 09:05" in page
    assert "Nobody <b>called</b> me back.<br>Sam" in page  # the body is text, never HTML
    assert "Record as a new case" in page
    attachment = email.attachments.get()
    url = reverse("triage:attachment", args=[email.pk, attachment.pk])
    response = client_of.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="care plan.pdf"' in response["Content-Disposition"]
    other = inbound(local(date(2026, 3, 19)))
    assert (
        client_of.get(reverse("triage:attachment", args=[other.pk, attachment.pk])).status_code
        == 404
    )


def test_recording_an_email_as_a_new_case_prefills_the_form_and_files_the_email(client_of, officer):
    email = inbound(
        local(date(2026, 3, 16), 8, 45), attachments=(("plan.pdf", "application/pdf", PDF),)
    )

    form = page_of(client_of.get(reverse("triage:record"), {"message": email.pk}))
    assert 'value="sam.parent@example.org"' in form
    assert 'value="Sam Parent"' in form
    assert 'value="email" checked' in form
    assert 'value="08:45"' in form
    assert "Nobody has called me back about the care plan." in form

    response = client_of.post(
        reverse("triage:record"),
        contact_form(
            message=str(email.pk), channel="email", received_time="08:45", email=email.sender
        ),
    )

    case = Case.objects.get()
    assert response["Location"] == reverse("casework:case", args=[case.reference])
    email.refresh_from_db()
    assert (email.status, email.case, email.decided_by) == (MessageStatus.MADE_CASE, case, officer)
    kinds = sorted(case.documents.values_list("kind", "content_type"))
    assert kinds == [
        (Document.Kind.COMPLAINT, "message/rfc822"),
        (Document.Kind.EVIDENCE, "application/pdf"),
    ]
    inbox = page_of(client_of.get(INBOX))  # now a case waiting, no longer an email
    assert f'href="{reverse("casework:case", args=[case.reference])}"' in inbox
    assert f'href="{reverse("triage:message", args=[email.pk])}"' not in inbox


def test_an_email_someone_else_has_dealt_with_makes_no_case(client_of):
    email = inbound(local(date(2026, 3, 16)))
    form = contact_form(message=str(email.pk), channel="email")
    email.status = MessageStatus.SET_ASIDE
    email.save()

    response = client_of.post(reverse("triage:record"), form)

    assert "That email has already been dealt with" in page_of(response)
    assert Case.objects.count() == 0
    assert client_of.get(reverse("triage:record"), {"message": email.pk}).status_code == 404


def test_an_email_is_added_to_an_existing_case_by_its_reference(client_of, officer):
    case = received_case(date(2026, 3, 10))
    email = inbound(local(date(2026, 3, 19)))
    url = reverse("triage:message_file", args=[email.pk])

    unknown = client_of.post(url, {"reference": "CSC-2026-99999"})
    assert "There is no case with that reference" in page_of(unknown)
    blank = client_of.post(url, {"reference": ""})
    assert "Enter the reference of the case to add this email to" in page_of(blank)
    email.refresh_from_db()
    assert email.status == MessageStatus.AWAITING_TRIAGE

    response = client_of.post(url, {"reference": f" {case.reference.lower()} "})

    assert response["Location"] == reverse("casework:case", args=[case.reference])
    email.refresh_from_db()
    assert (email.status, email.case, email.decided_by) == (MessageStatus.FILED, case, officer)
    assert case.events.filter(action="email_filed").exists()


def test_not_a_complaint_needs_a_reason(client_of, officer):
    email = inbound(local(date(2026, 3, 19)))
    url = reverse("triage:set_aside", args=[email.pk])

    blank = client_of.post(url, {"reason": "  "})
    assert "Enter why this email is not a complaint" in page_of(blank)
    email.refresh_from_db()
    assert email.status == MessageStatus.AWAITING_TRIAGE

    response = client_of.post(url, {"reason": "A newsletter"})

    assert response["Location"] == INBOX
    email.refresh_from_db()
    assert (email.status, email.decision_note, email.decided_by) == (
        MessageStatus.SET_ASIDE,
        "A newsletter",
        officer,
    )
    page = page_of(client_of.get(reverse("triage:message", args=[email.pk])))
    assert "Record as a new case" not in page  # decided: nothing more to do


def test_a_contact_waiting_for_its_case_to_be_chosen_waits_in_the_inbox_with_its_clock(
    client_of,
):
    open_case = received_case(date(2026, 3, 2))  # Sam Parent's earlier complaint
    email = inbound(local(date(2026, 3, 16), 9))
    client_of.post(
        reverse("triage:record"),
        contact_form(message=str(email.pk), channel="email", received_time="09:00"),
    )
    held = HeldContact.objects.get()

    page = page_of(client_of.get(INBOX))

    duplicates = reverse("triage:duplicates", args=[held.pk])
    assert f'href="{duplicates}"' in page
    assert "Possible duplicate" in page
    assert "23 Mar 2026" in page  # five working days after Monday 16 March
    assert f'href="{reverse("triage:message", args=[email.pk])}"' not in page  # one row, not two
    assert "2 waiting: 1 contact that may belong to an open case and 1 case." in page
    # The email now leads to the held contact, and nothing else can be done with it meanwhile.
    message_page = page_of(client_of.get(reverse("triage:message", args=[email.pk])))
    assert f'href="{duplicates}"' in message_page
    assert "Set aside" not in message_page
    again = client_of.get(reverse("triage:record"), {"message": email.pk})
    assert again["Location"] == duplicates
    refused = client_of.post(reverse("triage:set_aside", args=[email.pk]), {"reason": "Spam"})
    assert "choose its case there" in page_of(refused)
    filed = client_of.post(
        reverse("triage:message_file", args=[email.pk]), {"reference": open_case.reference}
    )
    assert "choose its case there" in page_of(filed)
    email.refresh_from_db()
    assert email.status == MessageStatus.AWAITING_TRIAGE


@pytest.mark.parametrize("role", [Role.RESPONDING_MANAGER, Role.DIRECTOR, Role.AUDITOR])
def test_only_the_complaints_team_may_triage(client, role):
    sign_in_as(client, staff(role))
    email = inbound(local(date(2026, 3, 19)), attachments=(("a.pdf", "application/pdf", PDF),))
    case = received_case(date(2026, 3, 10))

    for url in (
        INBOX,
        reverse("triage:message", args=[email.pk]),
        reverse("triage:message_raw", args=[email.pk]),
        reverse("triage:attachment", args=[email.pk, email.attachments.get().pk]),
    ):
        assert client.get(url).status_code == 403, url
    filed = client.post(
        reverse("triage:message_file", args=[email.pk]), {"reference": case.reference}
    )
    aside = client.post(reverse("triage:set_aside", args=[email.pk]), {"reason": "Spam"})

    assert (filed.status_code, aside.status_code) == (403, 403)
    email.refresh_from_db()
    assert email.status == MessageStatus.AWAITING_TRIAGE


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.COMPLAINTS_OFFICER, True),
        (Role.COMPLAINTS_MANAGER, True),
        (Role.RESPONDING_MANAGER, False),
        (Role.DIRECTOR, False),
    ],
)
def test_triage_is_in_the_menu_of_the_complaints_team_only(rf, role, shown):
    request = rf.get("/staff/")
    user = staff(role)
    user.is_verified = lambda: True
    request.user = user

    assert ("Triage" in [text for _, text, _ in staff_menu(request)["staff_menu"]]) is shown
