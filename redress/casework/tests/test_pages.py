"""The staff pages render for the people who use them, and say what they should."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from redress.cases.tests.factories import received_case, staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_a_complaints_officer_sees_the_queue_and_the_case_page(signed_in):
    officer = staff(Role.COMPLAINTS_OFFICER)
    case = received_case(date(2026, 3, 18))
    client = signed_in(officer)

    queue = client.get(reverse("casework:queue"))
    page = client.get(reverse("casework:case", args=[case.reference]))

    assert queue.status_code == 200
    assert case.reference in queue.text
    assert page.status_code == 200
    assert "Day 0 is the date the complaint was received" in page.text
    assert "Accept under the statutory procedure" in page.text


def test_documents_on_the_case_page_download_for_those_who_may_see_the_case(
    signed_in, settings, tmp_path, client
):
    from django.core.files.base import ContentFile

    from redress.cases.models import CaseView, Document
    from redress.cases.services import document_add
    from redress.cases.tests.factories import independent

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path)},
    }}  # fmt: skip
    case = received_case(date(2026, 3, 18))
    document = document_add(
        case_id=case.pk, kind=Document.Kind.EVIDENCE, title="Letter from Mrs Ahmed",
        content=ContentFile(b"%PDF-1.7 the letter", name="letter.pdf"),
        content_type="application/pdf", by=None, on=date(2026, 3, 18),
    )  # fmt: skip
    officer = staff(Role.COMPLAINTS_OFFICER)
    url = reverse("casework:document", args=[case.reference, document.pk])

    page = signed_in(officer).get(reverse("casework:case", args=[case.reference]))
    assert url in page.text
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 the letter"
    assert download["Content-Type"] == "application/pdf"
    assert CaseView.objects.filter(by=officer, path=url).exists()

    # Someone from outside the council who is not appointed to the case cannot fetch it.
    stranger = independent(Role.INVESTIGATING_OFFICER)
    assert signed_in(stranger).get(url).status_code == 404


def test_the_case_page_warns_when_it_is_not_always_safe_to_contact_someone(signed_in):
    from django.utils import timezone

    from redress.cases.models import Channel
    from redress.cases.services import NewComplaint, PersonDetails, case_receive

    case = case_receive(
        complaint=NewComplaint(
            channel=Channel.PHONE,
            received_at=timezone.now(),
            summary="Complaint about a placement move",
            people=[
                PersonDetails(
                    role="complainant", name="Sam Parent", complainant_type="parent",
                    email="sam@example.org", contact_methods=["email"], safe_to_contact=False,
                    safe_contact_details="Only by email, never by post",
                    support_needs="Formats: Large print",
                )
            ],
        )
    )  # fmt: skip

    page = signed_in(staff(Role.COMPLAINTS_OFFICER)).get(
        reverse("casework:case", args=[case.reference])
    )

    text = " ".join(page.text.split())
    assert "It is not always safe to contact Sam Parent. Only by email, never by post" in text
    assert "Contact by email" in text
    assert "Needs: Formats: Large print" in text
