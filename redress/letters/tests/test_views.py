"""The letters screens: who may use them, and a letter prepared, previewed, edited and sent."""

import pytest
from django.urls import reverse

from redress.cases.tests.factories import independent, staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role
from redress.domain.workflow import Stage
from redress.letters.models import Delivery, Letter, LetterTemplateVersion
from redress.letters.services import template_current
from redress.letters.tests.walks import case_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = staff(Role.COMPLAINTS_OFFICER)
    sign_in_as(client, user)
    return user


def test_signed_out_people_are_sent_to_sign_in_and_others_are_refused(client):
    walk = case_at(Stage.STAT_S1)
    url = reverse("letters:case", kwargs={"reference": walk.case.reference})

    assert client.get(url).status_code == 302
    for user in (
        staff(Role.RESPONDING_MANAGER),
        staff(Role.AUDITOR),
        independent(Role.INVESTIGATING_OFFICER),
    ):
        sign_in_as(client, user)
        assert client.get(url).status_code == 403, user.roles
    external_with_team_role = staff(Role.COMPLAINTS_OFFICER, is_external=True)
    sign_in_as(client, external_with_team_role)
    assert client.get(url).status_code == 403


def test_an_officer_prepares_previews_edits_and_sends_a_letter(client, officer, time_machine):
    time_machine.move_to("2026-03-19 10:00", tick=False)
    walk = case_at(Stage.STAT_S1)
    case_url = reverse("letters:case", kwargs={"reference": walk.case.reference})

    page = client.get(case_url)
    assert page.status_code == 200
    assert b"Acknowledgement" in page.content

    prepared = client.post(
        reverse("letters:prepare", kwargs={"reference": walk.case.reference}),
        {"key": "acknowledgement"},
    )
    letter = Letter.objects.get(case=walk.case)
    assert prepared.url == reverse("letters:letter", kwargs={"pk": letter.pk})
    preview = client.get(prepared.url)
    assert b"Wednesday 1 April 2026" in preview.content
    pdf = client.get(reverse("letters:letter_pdf", kwargs={"pk": letter.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content])[:5] == b"%PDF-"

    refused = client.post(
        prepared.url,
        {"subject": letter.subject, "body": "<p>{{ case.nonsense }}</p>", "channel": "email",
         "format": "standard"},
    )  # fmt: skip
    assert refused.status_code == 200
    assert b"Unknown merge field: case.nonsense" in refused.content
    assert b"<title>Error: " in refused.content

    client.post(
        prepared.url,
        {"subject": letter.subject, "body": letter.body + "<p>We will phone you.</p>",
         "channel": "post", "format": "large_print"},
    )  # fmt: skip
    sent = client.post(reverse("letters:send", kwargs={"pk": letter.pk}))

    assert sent.url == case_url
    letter.refresh_from_db()
    assert (letter.status, letter.channel, letter.format) == ("sent", "post", "large_print")
    assert "We will phone you." in letter.text
    assert Delivery.objects.get(letter=letter).status == Delivery.Status.AWAITING_PRINT
    queue = client.get(reverse("letters:print_queue"))
    assert walk.case.reference.encode() in queue.content


def test_a_letter_the_stage_does_not_call_for_is_refused_with_a_clear_error(client, officer):
    walk = case_at(Stage.STAT_S1)

    response = client.post(
        reverse("letters:prepare", kwargs={"reference": walk.case.reference}),
        {"key": "final_response"},
    )

    assert response.status_code == 200
    assert b"Select one of the letters listed" in response.content
    assert not Letter.objects.exists()


def test_only_the_complaints_manager_edits_templates_and_mistakes_save_nothing(client, officer):
    url = reverse("letters:template_edit", kwargs={"key": "acknowledgement"})
    assert client.get(url).status_code == 403

    sign_in_as(client, staff(Role.COMPLAINTS_MANAGER))
    before = LetterTemplateVersion.objects.count()
    refused = client.post(url, {"subject": "Hi", "body": "<p>{{ nope }}</p>", "note": "test"})
    assert b"Unknown merge field: nope" in refused.content
    assert LetterTemplateVersion.objects.count() == before
    shipped = template_current("acknowledgement").number

    saved = client.post(
        url, {"subject": "Hi {{ case.reference }}", "body": "<p>Thanks.</p>", "note": "Shorter"}
    )
    assert saved.status_code == 302
    assert template_current("acknowledgement").number == shipped + 1
    assert template_current("acknowledgement").body == "<p>Thanks.</p>"


def test_the_letters_page_warns_when_it_is_not_always_safe_to_contact_the_complainant(
    client, officer
):
    case = case_at(Stage.STAT_S1).case
    case.people.filter(role="complainant").update(
        safe_to_contact=False, safe_contact_details="Never by post: her ex-partner reads it"
    )

    page = client.get(reverse("letters:case", kwargs={"reference": case.reference}))

    text = " ".join(page.text.split())
    assert "It is not always safe to contact" in text
    assert "Never by post: her ex-partner reads it" in text
