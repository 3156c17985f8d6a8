"""Track my complaint through the test client: signing in with an emailed code, what the
complainant sees, and what they can do (add information, ask for the next stage, withdraw)."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from redress.cases.models import Document
from redress.cases.services import document_add
from redress.domain.workflow import Action, Stage
from redress.intake.models import ComplainantMessage, LateStageRequest
from redress.intake.tests.builders import COMPLAINANT_EMAIL, complaint_from, responded_case, take

pytestmark = pytest.mark.django_db


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.text, re.S).group(1).strip()


def ask_for_code(client, case, email=COMPLAINANT_EMAIL):
    return client.post(
        reverse("intake:track_start"), {"reference": case.reference.lower(), "email": email}
    )


def emailed_code(smtp_server, count=1) -> str:
    message = smtp_server.wait_for(count)[count - 1]
    return re.search(r"^(\d{6})\s*$", message.get_content(), re.M).group(1)


@pytest.fixture
def signed_in(client, smtp_server, django_capture_on_commit_callbacks):
    """A complainant whose stage 1 response went out 5 days ago, signed in with their code."""

    def sign_in(case):
        with django_capture_on_commit_callbacks(execute=True):
            ask_for_code(client, case)
        response = client.post(reverse("intake:track_code"), {"code": emailed_code(smtp_server)})
        assert response["Location"] == reverse("intake:track_case")
        return case

    return sign_in


def test_signing_in_with_the_emailed_code_shows_the_case(client, signed_in):
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=5)))

    page = client.get(reverse("intake:track_case"))

    assert page.status_code == 200
    assert case.reference in page.text
    assert "Stage 1: we have sent you our response" in page.text
    window = case.clocks.get(rule="stage2.request_window").due_date
    assert f"{window.day} {window:%B %Y}" in page.text
    assert "You can ask for stage 2. The last day to ask is" in page.text


def test_a_wrong_code_gets_an_error_and_no_access(
    client, smtp_server, django_capture_on_commit_callbacks
):
    case = responded_case(date(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        ask_for_code(client, case)
    code = emailed_code(smtp_server)

    page = client.post(reverse("intake:track_code"), {"code": f"{(int(code) + 1) % 10**6:06d}"})

    assert title(page).startswith("Error: ")
    assert "The security code is incorrect" in page.text
    assert client.get(reverse("intake:track_case"))["Location"] == reverse("intake:track_start")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reference": "", "email": COMPLAINANT_EMAIL}, "Enter your complaint reference"),
        (
            {"reference": "12345", "email": COMPLAINANT_EMAIL},
            "Enter your reference in the correct format, like CSC-2026-00042",
        ),
        (
            {"reference": "CSC-2026-00001", "email": "sam"},
            "Enter an email address in the correct format, like name@example.com",
        ),
    ],
)
def test_the_tracking_form_explains_each_mistake(client, data, message):
    page = client.post(reverse("intake:track_start"), data)

    assert title(page).startswith("Error: ")
    assert page.text.count(message) == 2


def test_a_reference_that_does_not_match_looks_the_same_as_one_that_does(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("intake:track_start"),
            {"reference": "CSC-2026-09999", "email": "nobody@example.org"},
        )

    assert response["Location"] == reverse("intake:track_code")
    assert smtp_server.wait_for(1, timeout=0.5) == []
    page = client.post(reverse("intake:track_code"), {"code": "123456"})
    assert "The security code is incorrect" in page.text


def test_the_code_must_be_six_numbers(client):
    session = client.session
    session["redress_tracking_pending"] = {"reference": "CSC-2026-00001", "email": "a@b.org"}
    session.save()

    page = client.post(reverse("intake:track_code"), {"code": "12 34"})

    assert "The security code must be 6 numbers" in page.text


def test_only_letters_to_the_complainant_and_their_own_documents_can_be_downloaded(
    client, signed_in
):
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=5)))
    other = responded_case(timezone.localdate() - timedelta(days=5), email="other@example.org")
    today = timezone.localdate()

    def add(on_case, kind, title):
        return document_add(
            case_id=on_case.pk,
            kind=kind,
            title=title,
            content=ContentFile(b"%PDF-1.7", "x.pdf"),
            content_type="application/pdf",
            by=None,
            on=today,
        )

    letter = add(case, Document.Kind.LETTER, "Stage 1 response")
    report = add(case, Document.Kind.INVESTIGATION_REPORT, "Internal report")
    someone_elses = add(other, Document.Kind.LETTER, "Someone else's letter")

    page = client.get(reverse("intake:track_case")).text
    assert "Stage 1 response" in page
    assert "Internal report" not in page

    def download(document):
        return client.get(reverse("intake:track_document", kwargs={"document_id": document.pk}))

    assert download(letter).status_code == 200
    assert download(report).status_code == 404
    assert download(someone_elses).status_code == 404


def test_asking_for_stage_2_in_time_shows_the_last_day_and_moves_the_case(client, signed_in):
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=5)))

    form = client.get(reverse("intake:track_next_stage"))
    assert "The last day to ask for stage 2 is" in form.text
    assert "Why are you asking now?" not in form.text
    empty = client.post(reverse("intake:track_next_stage"), {})
    assert "Tell us why you are unhappy with our response" in empty.text

    response = client.post(reverse("intake:track_next_stage"), {"reason": "It missed my point"})

    assert response["Location"] == reverse("intake:track_next_stage_sent")
    case.refresh_from_db()
    assert case.stage == Stage.S2_REQUESTED
    assert "Request sent" in client.get(response["Location"]).text


def test_asking_late_asks_why_now_and_waits_for_a_manager(client, signed_in):
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=90)))

    form = client.get(reverse("intake:track_next_stage"))
    assert "The last day to ask for stage 2 was" in form.text
    missing = client.post(reverse("intake:track_next_stage"), {"reason": "It missed my point"})
    assert "Tell us why you are asking now" in missing.text
    assert not LateStageRequest.objects.exists()

    response = client.post(
        reverse("intake:track_next_stage"),
        {"reason": "It missed my point", "why_now": "I was in hospital"},
    )

    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1
    assert LateStageRequest.objects.get().why_now == "I was in hospital"
    sent = client.get(response["Location"]).text
    assert "a manager will decide whether to accept your request" in sent
    page = client.get(reverse("intake:track_case")).text
    assert "A manager is deciding whether to accept it" in page
    assert client.get(reverse("intake:track_next_stage"))["Location"] == reverse(
        "intake:track_case"
    )


def test_withdrawing_needs_a_yes_and_then_confirms(client, signed_in, smtp_server):
    received = timezone.localdate() - timedelta(days=5)
    case = complaint_from(COMPLAINANT_EMAIL, received)
    signed_in(take(case, Action.ACCEPT_STATUTORY, received))

    empty = client.post(reverse("intake:track_withdraw"), {})
    assert "Select yes if you want to withdraw your complaint" in empty.text
    kept = client.post(reverse("intake:track_withdraw"), {"confirm": "no"})
    assert kept["Location"] == reverse("intake:track_case")

    response = client.post(reverse("intake:track_withdraw"), {"confirm": "yes", "reason": ""})

    case.refresh_from_db()
    assert case.stage == Stage.WITHDRAWN
    assert "Complaint withdrawn" in client.get(response["Location"]).text
    assert "withdraw it" not in client.get(reverse("intake:track_case")).text


def test_an_answered_complaint_offers_the_next_stage_not_withdrawal(client, signed_in):
    # Item 12.12: was offered withdrawal after the stage 1 response; an answered case closes
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=5)))

    page = client.get(reverse("intake:track_case")).text
    refused = client.get(reverse("intake:track_withdraw"))

    assert "withdraw it" not in page
    assert "stage 2" in page
    assert refused.status_code in (302, 404)
    case.refresh_from_db()
    assert case.stage == Stage.RESPONDED_S1


def test_adding_information_and_a_file(client, signed_in):
    case = signed_in(responded_case(timezone.localdate() - timedelta(days=5)))

    empty = client.post(reverse("intake:track_add"), {})
    assert "Enter some information, or choose a file to upload" in empty.text
    wrong = client.post(
        reverse("intake:track_add"), {"file": SimpleUploadedFile("x.exe", b"MZ\x90")}
    )
    assert "The selected file must be a" in wrong.text

    response = client.post(
        reverse("intake:track_add"),
        {
            "information": "Another visit was cancelled",
            "file": SimpleUploadedFile("note.pdf", b"%PDF-1.7"),
        },
    )

    assert response["Location"] == reverse("intake:track_case")
    assert ComplainantMessage.objects.get(case=case).text == "Another visit was cancelled"
    page = client.get(reverse("intake:track_case")).text
    assert "We have added this to your complaint" in page
    assert "note.pdf" in page


def test_signing_out_ends_access(client, signed_in):
    signed_in(responded_case(timezone.localdate() - timedelta(days=5)))

    client.post(reverse("intake:track_sign_out"))

    assert client.get(reverse("intake:track_case"))["Location"] == reverse("intake:track_start")


def test_access_ends_after_the_signed_in_time(client, signed_in, settings, time_machine):
    signed_in(responded_case(timezone.localdate() - timedelta(days=5)))
    time_machine.move_to(
        timezone.now() + timedelta(minutes=settings.REDRESS_TRACKING_SIGNED_IN_MINUTES + 1)
    )

    assert client.get(reverse("intake:track_case"))["Location"] == reverse("intake:track_start")
