"""Record a contact: one page makes a case through the public form's service, with the clocks
counted from the date received, its files as documents, possible duplicates offered first, and
nothing saved when the input is wrong or the person may not record contacts."""

import re
from datetime import date, time
from html import unescape
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from redress.cases.models import Case, CaseEvent, Channel, Document, PersonRole
from redress.cases.services import NewComplaint, PersonDetails, case_receive, case_take_action
from redress.cases.tests.factories import received_case, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.facts import ActionRequest
from redress.domain.roles import Role
from redress.domain.rules import Rule
from redress.domain.workflow import Action
from redress.triage.models import HeldContact, HeldContactFile
from redress.triage.tests.conftest import PDF, PROGRAM, contact_form, date_boxes, local

pytestmark = pytest.mark.django_db

NOW = local(date(2026, 3, 20), 11, 0)  # a Friday
RECORD = reverse("triage:record")
INBOX = reverse("triage:inbox")


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def officer():
    return staff(Role.COMPLAINTS_OFFICER, first_name="Priya", last_name="Officer")


@pytest.fixture
def client_of(client, officer):
    return sign_in_as(client, officer)


def pdf(name: str = "letter.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def existing_case(
    *,
    child: str = "Alex Parent",
    born: date | None = date(2015, 6, 1),
    complainant: str = "Jo Someone",
    email: str = "",
    phone: str = "",
    received_on: date = date(2026, 3, 2),
) -> Case:
    return case_receive(
        complaint=NewComplaint(
            channel=Channel.EMAIL,
            received_at=local(received_on),
            summary="Contact arrangements",
            people=[
                PersonDetails(
                    role="complainant",
                    name=complainant,
                    complainant_type="parent",
                    email=email,
                    phone=phone,
                ),
                PersonDetails(role="child", name=child, date_of_birth=born),
            ],
            points=["Contact was cancelled"],
        )
    )


def test_the_page_asks_every_question_on_one_page(client_of):
    response = client_of.get(RECORD)

    assert response.status_code == 200
    page = response.content.decode()
    for name in (
        "channel",
        "received_on_day",
        "received_time",
        "complainant_type",
        "complainant_name",
        "email",
        "phone",
        "address",
        "child_name",
        "child_date_of_birth_day",
        "consent",
        "representative_name",
        "service_area",
        "details",
        "outcome",
        "grounds_arose_on_day",
        "advocacy_offered",
        "documents",
    ):
        assert f'name="{name}"' in page, name
    assert 'value="online_form"' not in page  # the online form records itself
    assert page.count("<fieldset") >= 5


def test_a_phone_complaint_becomes_a_case_whose_clocks_count_from_the_date_received(
    client_of, officer
):
    response = client_of.post(RECORD, contact_form(advocacy_offered="on"))

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case", args=[case.reference])
    assert (case.channel, case.received_on, case.service_area) == (
        "phone",
        date(2026, 3, 16),
        "child_in_care",
    )
    assert timezone.localtime(case.received_at).time() == time(10, 15)
    assert case.advocacy_offered is True
    assert case.desired_outcome == "A meeting with the social worker's manager."
    clock = case.clocks.get()
    # Monday 16 March is day 0; five working days later is Monday 23 March.
    assert (clock.rule, clock.anchor_date, clock.due_date) == (
        Rule.ACK,
        date(2026, 3, 16),
        date(2026, 3, 23),
    )
    people = {p.role: p for p in case.people.all()}
    assert people[PersonRole.COMPLAINANT].phone == "07700 900 982"
    assert people[PersonRole.CHILD].date_of_birth == date(2015, 6, 1)
    assert people[PersonRole.CHILD].consent_given is True
    assert case.points.get().summary == "Nobody returned my calls about contact with my son."
    event = case.events.get()
    assert (event.action, event.by, event.details["channel"]) == ("receive", officer, "phone")

    page = client_of.get(response["Location"]).content.decode()
    assert f"Case {case.reference} recorded. Acknowledge it by Monday 23 March 2026." in page


def test_the_letter_or_recording_is_stored_on_the_new_case(client_of):
    client_of.post(
        RECORD,
        {
            **contact_form(channel="letter"),
            "documents": [pdf("scan.pdf"), pdf("notes.txt", b"Call notes")],
        },
    )

    case = Case.objects.get()
    documents = list(case.documents.order_by("pk"))
    assert [(d.title, d.kind, d.content_type) for d in documents] == [
        ("scan.pdf", Document.Kind.COMPLAINT, "application/pdf"),
        ("notes.txt", Document.Kind.COMPLAINT, "text/plain"),
    ]
    assert documents[0].file.read() == PDF


def test_a_contact_today_with_no_time_counts_from_now(client_of):
    client_of.post(RECORD, contact_form(received_on=NOW.date(), received_time=""))

    case = Case.objects.get()
    assert case.received_at == NOW
    assert case.received_on == NOW.date()


def test_a_child_complaining_for_themselves_needs_no_separate_child_or_consent(client_of):
    response = client_of.post(
        RECORD,
        contact_form(
            complainant_type="child",
            complainant_name="Jordan Young",
            child_name="",
            consent="",
            child_born_on=date(2010, 2, 3),
        ),
    )

    assert response.status_code == 302
    (person,) = Case.objects.get().people.all()
    assert (person.role, person.name, person.date_of_birth) == (
        "complainant",
        "Jordan Young",
        date(2010, 2, 3),
    )


def test_a_representative_is_recorded_beside_the_complainant(client_of):
    client_of.post(
        RECORD,
        contact_form(
            representative_name="Dana Advocate",
            representative_role="Advocate, Children's Rights Service",
            representative_email="dana@example.org",
        ),
    )

    representative = Case.objects.get().people.get(role=PersonRole.REPRESENTATIVE)
    assert (representative.name, representative.email) == ("Dana Advocate", "dana@example.org")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"channel": ""}, "channel", "Select how the contact came in"),
        ({"channel": "online_form"}, "channel", "Select how the contact came in"),
        (date_boxes("received_on", None), "received_on", "Enter the date it was received"),
        (
            date_boxes("received_on", date(2026, 3, 21)),
            "received_on",
            "The date it was received must be today or in the past",
        ),
        (
            {**date_boxes("received_on", date(2026, 3, 20)), "received_time": "11:30"},
            "received_time",
            "Time received must be now or in the past",
        ),
        ({"received_time": "25:00"}, "received_time", "Enter the time received as hours"),
        (
            date_boxes("received_on", date(1999, 12, 31)),
            "received_on",
            "The date it was received must be in 2000 or later",
        ),
        ({"complainant_type": ""}, "complainant_type", "Select who is complaining"),
        ({"complainant_name": ""}, "complainant_name", "Enter the complainant's full name"),
        ({"phone": ""}, "email", "Enter an email address, phone number or postal address"),
        ({"phone": "call me"}, "phone", "Enter a phone number, like 01632 960 001"),
        ({"email": "sam@"}, "email", "Enter an email address in the correct format"),
        ({"child_name": ""}, "child_name", "Enter the child's full name"),
        ({"consent": ""}, "consent", "Select whether the child agrees to the complaint"),
        (
            {"representative_email": "dana@example.org"},
            "representative_name",
            "Enter the representative's name",
        ),
        ({"service_area": ""}, "service_area", "Select what the complaint is about"),
        ({"details": " "}, "details", "Enter what happened"),
        (
            date_boxes("grounds_arose_on", date(2026, 4, 1)),
            "grounds_arose_on",
            "The date it happened must be today or in the past",
        ),
    ],
)
def test_bad_input_is_named_beside_its_field_and_nothing_is_saved(
    client_of, changes, field, message
):
    response = client_of.post(RECORD, {**contact_form(), **changes})

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "There is a problem" in page
    assert f'href="#id_{field}' in page
    beside = f'id="id_{field}-error"[^>]*>\\s*<span[^>]*>Error:</span> {re.escape(message)}'
    assert re.search(beside, page), "the message is not beside the field"
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0
    assert HeldContact.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf("program.pdf", PROGRAM), "The selected file must be a "),
        (pdf("empty.pdf", b""), "The selected file is empty"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_saved(
    client_of, upload, message, tmp_path
):
    response = client_of.post(RECORD, {**contact_form(), "documents": [upload]})

    assert message in unescape(response.content.decode())
    assert Case.objects.count() == 0
    assert Document.objects.count() == 0
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.pdf"))


def test_a_file_over_the_limit_is_refused_with_the_public_forms_message(client_of, settings):
    settings.REDRESS_UPLOAD_MAX_MB = 1

    response = client_of.post(
        RECORD, {**contact_form(), "documents": [pdf("big.pdf", PDF + b"0" * 1024 * 1024)]}
    )

    assert "The selected file must be smaller than 1MB" in response.content.decode()
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    "role", [Role.RESPONDING_MANAGER, Role.ADJUDICATING_OFFICER, Role.DIRECTOR, Role.AUDITOR]
)
def test_only_the_complaints_team_may_record_a_contact(client, role):
    sign_in_as(client, staff(role))

    assert client.get(RECORD).status_code == 403
    assert client.post(RECORD, contact_form()).status_code == 403
    assert Case.objects.count() == 0


def test_signing_in_is_needed_first(client):
    response = client.post(RECORD, contact_form())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:sign_in"))
    assert Case.objects.count() == 0


# --- Possible duplicates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "reason"),
    [
        ({}, "the same child"),
        ({"child": "Someone Else", "email": "SAM@example.org"}, "the same email address"),
        ({"child": "Someone Else", "phone": "+447700900982"}, "the same phone number"),
        ({"child": "Someone Else", "complainant": "sam parent"}, "the same complainant's name"),
    ],
)
def test_a_contact_like_an_open_case_is_held_and_the_case_offered(client_of, existing, reason):
    case = existing_case(**existing)

    response = client_of.post(
        RECORD,
        {**contact_form(email="sam@example.org"), "documents": [pdf("scan.pdf")]},
    )

    held = HeldContact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("triage:duplicates", args=[held.pk])
    assert Case.objects.count() == 1  # nothing made yet
    assert held.files.get().file.read() == PDF
    page = client_of.get(response["Location"])
    text = unescape(page.content.decode())
    assert "Possible existing cases" in text
    assert case.reference in text
    assert reason.capitalize() in text
    assert f"Add this contact to {case.reference}" in text
    assert "Create a new case" in text


def test_the_same_child_needs_the_date_of_birth_too(client_of):
    existing_case(born=date(2016, 1, 1))

    response = client_of.post(RECORD, contact_form())

    assert response.status_code == 302
    assert Case.objects.count() == 2  # no match: a new case straight away
    assert HeldContact.objects.count() == 0


def test_a_finished_case_is_not_offered(client_of, officer):
    case = existing_case()
    case_take_action(
        case_id=case.pk,
        action=Action.WITHDRAW,
        request=ActionRequest(on=date(2026, 3, 10), reason="Resolved"),
        by=officer,
    )

    client_of.post(RECORD, contact_form())

    assert Case.objects.count() == 2
    assert HeldContact.objects.count() == 0


def test_adding_the_contact_to_the_case_stores_its_files_and_puts_it_on_the_timeline(
    client_of, officer, django_capture_on_commit_callbacks
):
    case = existing_case()
    client_of.post(RECORD, {**contact_form(channel="letter"), "documents": [pdf("scan.pdf")]})
    held = HeldContact.objects.get()
    held_file = held.files.get().file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of.post(
            reverse("triage:duplicates", args=[held.pk]), {"choice": case.reference}
        )

    assert response["Location"] == reverse("casework:case", args=[case.reference])
    assert Case.objects.count() == 1
    document = case.documents.get()
    assert (document.title, document.kind, document.file.read()) == (
        "scan.pdf",
        Document.Kind.EVIDENCE,
        PDF,
    )
    event = case.events.get(action="further_contact")
    assert (event.on, event.by) == (date(2026, 3, 16), officer)
    assert event.details["channel"] == "letter"
    assert event.details["complainant"] == "Sam Parent"
    assert event.details["documents"] == [document.pk]
    assert HeldContact.objects.count() == 0
    assert HeldContactFile.objects.count() == 0
    assert not Path(held_file).exists()  # the held copy went once it was stored


def test_creating_a_new_case_anyway_keeps_the_held_files(client_of):
    case = existing_case()
    client_of.post(RECORD, {**contact_form(), "documents": [pdf("scan.pdf")]})
    held = HeldContact.objects.get()

    response = client_of.post(reverse("triage:duplicates", args=[held.pk]), {"choice": "new"})

    new = Case.objects.exclude(pk=case.pk).get()
    assert response["Location"] == reverse("casework:case", args=[new.reference])
    assert new.received_on == date(2026, 3, 16)
    assert new.documents.get().file.read() == PDF
    assert not case.documents.exists()
    assert HeldContact.objects.count() == 0


def test_no_choice_on_the_duplicates_page_is_an_error_and_changes_nothing(client_of):
    existing_case()
    client_of.post(RECORD, contact_form())
    held = HeldContact.objects.get()

    response = client_of.post(reverse("triage:duplicates", args=[held.pk]), {})

    assert response.status_code == 200
    assert "Select a case to add this contact to, or create a new case" in unescape(
        response.content.decode()
    )
    assert HeldContact.objects.count() == 1
    assert Case.objects.count() == 1


def test_a_colleague_can_finish_a_contact_someone_else_held(client_of, client):
    existing = existing_case()
    client_of.post(RECORD, contact_form())
    held = HeldContact.objects.get()
    colleague = sign_in_as(type(client)(), staff(Role.COMPLAINTS_MANAGER))

    assert colleague.get(reverse("triage:duplicates", args=[held.pk])).status_code == 200
    colleague.post(reverse("triage:duplicates", args=[held.pk]), {"choice": existing.reference})

    assert existing.events.filter(action="further_contact").count() == 1
    assert HeldContact.objects.count() == 0


def test_a_held_contact_recorded_twice_makes_one_case(client_of):
    existing_case()
    client_of.post(RECORD, contact_form())
    held = HeldContact.objects.get()
    url = reverse("triage:duplicates", args=[held.pk])

    client_of.post(url, {"choice": "new"})
    second = client_of.post(url, {"choice": "new"})

    assert second["Location"] == reverse("triage:inbox")
    assert "That contact has already been recorded." in client_of.get(INBOX).content.decode()
    assert Case.objects.count() == 2


def test_a_new_case_made_days_after_the_duplicate_page_counts_from_the_date_received(
    client_of, officer
):
    existing = existing_case()
    client_of.post(RECORD, contact_form())
    held = HeldContact.objects.get()

    with time_machine.travel(local(date(2026, 3, 24), 9), tick=False):
        sign_in_as(client_of, officer)  # signed out for being idle meanwhile
        client_of.post(reverse("triage:duplicates", args=[held.pk]), {"choice": "new"})

    new = Case.objects.exclude(pk=existing.pk).get()
    assert new.clocks.get().due_date == date(2026, 3, 23)


def test_a_case_created_for_the_test_factories_is_not_a_duplicate_of_an_unrelated_contact(
    client_of,
):
    received_case(date(2026, 3, 10))  # Sam Parent, no child, no contact details

    client_of.post(RECORD, contact_form(complainant_name="Chris Other", phone="01632 960 001"))

    assert Case.objects.count() == 2
