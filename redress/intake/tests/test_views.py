"""The public pages through Django's test client: every question's error state, the order of
pages, check your answers, sending once, abuse limits, uploads, and dates from the profile."""

import html
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from redress.cases.models import Case
from redress.core.council import active_profile
from redress.intake.journeys import JOURNEYS
from redress.intake.models import HeldUpload, Submission
from redress.intake.tests.builders import at
from redress.intake.tests.journey_data import FEEDBACK, PARENT_COMPLAINT, YOUNG_PERSON

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 6, 15)
DATA = {"complaint": PARENT_COMPLAINT, "young_person": YOUNG_PERSON, "feedback": FEEDBACK}
# Pages whose every question is optional: an empty answer is a valid one.
ALL_OPTIONAL = {
    ("complaint", "support"),
    ("young_person", "make-it-better"),
    ("feedback", "your-details"),
}


@pytest.fixture(autouse=True)
def monday(time_machine):
    time_machine.move_to(at(MONDAY), tick=False)


def step_url(journey: str, slug: str) -> str:
    if slug == "documents":
        return reverse(f"intake:{journey}_documents")
    return reverse(f"intake:{journey}_step", kwargs={"slug": slug})


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.text, re.S).group(1).strip()


def answer_all(client, journey: str, data=None) -> None:
    """Answer every page the way a browser would, following each redirect."""
    data = data or DATA[journey]
    url = step_url(journey, JOURNEYS[journey].steps[0].slug)
    while True:
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        if slug == "check":
            return
        if slug == "documents":
            response = client.post(url, {"action": "continue"})
        else:
            response = client.post(url, data[slug])
        assert response.status_code == 302, (slug, response.text[:2000])
        url = response["Location"]


def send(client, journey: str = "complaint"):
    return client.post(reverse(f"intake:{journey}_check"), {"website": ""})


@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_every_question_shows_govuk_errors_when_sent_empty_and_then_accepts_an_answer(
    client, journey
):
    steps_seen = []
    url = step_url(journey, JOURNEYS[journey].steps[0].slug)
    while (slug := url.rstrip("/").rsplit("/", 1)[-1]) != "check":
        steps_seen.append(slug)
        page = client.get(url)
        assert page.status_code == 200
        assert "Error:" not in title(page)
        assert 'class="govuk-back-link"' in page.text
        if slug == "documents":
            url = client.post(url, {"action": "continue"})["Location"]
            continue
        if (journey, slug) not in ALL_OPTIONAL:
            empty = client.post(url, {})
            assert empty.status_code == 200, slug
            assert title(empty).startswith("Error: ")
            assert 'class="govuk-error-summary' in empty.text
            assert 'class="govuk-error-message' in empty.text
            linked = re.findall(r'<a href="#([^"]+)">', empty.text)
            assert linked, slug
            assert all(f'id="{target}"' in empty.text for target in linked), slug
        response = client.post(url, DATA[journey][slug])
        assert response.status_code == 302, (slug, response.text[:1500])
        url = response["Location"]
    assert steps_seen == [
        step.slug
        for step in JOURNEYS[journey].steps
        if step.slug in DATA[journey] or step.slug == "documents"
    ]


def test_a_page_cannot_be_reached_before_the_pages_before_it_are_answered(client):
    response = client.get(step_url("complaint", "outcome"))

    assert response.status_code == 302
    assert response["Location"] == step_url("complaint", "who")


def test_an_unknown_page_is_not_found(client):
    assert client.get(step_url("complaint", "no-such-page")).status_code == 404


def test_check_your_answers_lists_every_answer_with_a_change_link(client):
    answer_all(client, "complaint")

    page = client.get(reverse("intake:complaint_check"))

    assert page.status_code == 200
    for text in (
        "Sam Parent",
        "Alex Parent",
        "3 April 2014",
        "A child in care",
        "2 March 2026",
        "sam.parent@example.org",
    ):
        assert text in page.text
    assert f'href="{step_url("complaint", "who")}?change=1"' in page.text
    # The procedure the complainant should expect, from the service area
    assert "children&#39;s social care complaints procedure" in page.text


def test_changing_an_answer_returns_to_check_your_answers(client):
    answer_all(client, "complaint")

    response = client.post(step_url("complaint", "outcome") + "?change=1", {"outcome": "Sorry"})

    assert response["Location"] == reverse("intake:complaint_check")
    assert "Sorry" in client.get(reverse("intake:complaint_check")).text


def test_changing_who_you_are_asks_the_new_questions_before_check_your_answers(client):
    answer_all(client, "complaint")

    response = client.post(step_url("complaint", "who") + "?change=1", {"who": "child"})

    assert response["Location"] == step_url("complaint", "advocate") + "?change=1"
    check = client.get(reverse("intake:complaint_check"))
    assert check["Location"] == step_url("complaint", "advocate") + "?change=1"


def test_sending_shows_the_reference_and_the_acknowledgement_date(client):
    answer_all(client, "complaint")

    response = send(client)

    assert response["Location"] == reverse("intake:complaint_sent")
    case = Case.objects.get()
    page = client.get(response["Location"])
    assert case.reference in page.text
    assert "Monday 22 June 2026" in page.text  # 5 working days (statutory profile)
    assert "Monday 29 June 2026" in page.text  # the stage 1 response: 10 working days


def test_sending_twice_creates_one_case_and_both_reach_the_confirmation(client):
    answer_all(client, "complaint")
    form_cookie = client.cookies["redress_forms"].value

    first = send(client)
    client.cookies["redress_forms"] = form_cookie  # a double click: both carry the same form
    second = send(client)

    assert first["Location"] == second["Location"] == reverse("intake:complaint_sent")
    assert Case.objects.count() == 1


def test_the_back_button_after_sending_goes_to_the_confirmation_not_a_new_form(client):
    answer_all(client, "complaint")
    send(client)

    response = client.get(reverse("intake:complaint_check"))

    assert response["Location"] == reverse("intake:complaint_sent")


def test_a_form_filled_in_by_a_robot_is_not_sent(client):
    answer_all(client, "complaint")

    response = client.post(reverse("intake:complaint_check"), {"website": "http://spam"})

    assert response.status_code == 200
    assert "could not send this form" in response.text
    assert not Case.objects.exists()


def test_too_many_forms_from_one_address_are_refused_and_lose_nothing(client, settings):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submission": "1/3600"}
    answer_all(client, "feedback")
    send(client, "feedback")
    answer_all(client, "feedback")

    response = send(client, "feedback")

    assert response.status_code == 429
    assert "too many requests" in response.text
    assert Case.objects.count() == 1
    assert client.get(reverse("intake:feedback_check")).status_code == 200  # still there


def test_the_form_survives_the_session_ending(client):
    client.post(step_url("complaint", "who"), {"who": "parent"})
    client.session.flush()

    response = client.get(step_url("complaint", "about-you"))

    assert response.status_code == 200


@pytest.mark.parametrize("journey", ["young_person", "feedback"])
def test_the_other_journeys_send_and_confirm(client, journey):
    answer_all(client, journey)

    page = client.get(send(client, journey)["Location"])

    assert Submission.objects.get().journey == journey
    assert Case.objects.get().reference in page.text


def test_the_young_persons_version_starts_with_an_advocate(client):
    start = client.get(reverse("intake:young_person_start"))
    first = client.get(step_url("young_person", "advocate"))

    assert "You can have an advocate" in start.text
    assert "Do you want an advocate to help you?" in first.text


# --- Uploads ---------------------------------------------------------------------------------


def up_to_documents(client) -> str:
    answer_all(client, "complaint")
    return step_url("complaint", "documents")


def upload(client, url, name="letter.pdf", content=b"%PDF-1.7 x"):
    return client.post(url, {"action": "upload", "file": SimpleUploadedFile(name, content)})


def test_a_file_is_held_listed_and_can_be_removed(client):
    url = up_to_documents(client)

    assert upload(client, url).status_code == 302
    page = client.get(url)
    assert "letter.pdf" in page.text
    held = HeldUpload.objects.get()
    client.post(url, {"remove": str(held.pk)})
    assert not HeldUpload.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "The selected file must be a PDF"),
        ("letter.pdf", b"", "The selected file is empty"),
        (
            "big.pdf",
            b"%PDF-" + b"0" * (1024 * 1024 + 1),
            "The selected file must be smaller than 1MB",
        ),
    ],
)
def test_a_bad_file_gets_an_error_beside_the_field_and_in_the_summary(
    client, settings, name, content, message
):
    settings.REDRESS_UPLOAD_MAX_MB = 1
    url = up_to_documents(client)

    page = upload(client, url, name, content)

    assert page.status_code == 200
    assert title(page).startswith("Error: ")
    assert page.text.count(message) == 2  # the summary and beside the field
    assert 'href="#id_file"' in page.text
    assert not HeldUpload.objects.exists()


def test_no_more_files_than_the_limit(client, settings):
    settings.REDRESS_UPLOAD_MAX_FILES = 1
    url = up_to_documents(client)
    upload(client, url)

    page = upload(client, url, "second.pdf")

    assert "You can upload up to 1 files" in page.text
    assert HeldUpload.objects.count() == 1


def test_continue_with_a_file_chosen_uploads_it_first(client):
    url = up_to_documents(client)

    response = client.post(
        url, {"action": "continue", "file": SimpleUploadedFile("letter.pdf", b"%PDF-1.7")}
    )

    assert response["Location"] == reverse("intake:complaint_check")
    assert HeldUpload.objects.count() == 1


# --- The council's profile on the pages --------------------------------------------------------


def test_switching_the_council_profile_changes_the_dates_and_timescales_on_the_pages(
    client, settings
):
    settings.REDRESS_COUNCIL_PROFILE = "norfolk"
    norfolk = client.get(reverse("core:home")).text
    settings.REDRESS_COUNCIL_PROFILE = "north-east-lincolnshire"
    lincolnshire = client.get(reverse("core:home")).text

    assert "within 5 working days. If you complain today, that is by Monday 22 June 2026" in norfolk
    assert (
        "within 2 working days. If you complain today, that is by Wednesday 17 June 2026"
        in lincolnshire
    )
    assert "Norfolk County Council" in norfolk
    assert "North East Lincolnshire Council" in lincolnshire

    settings.REDRESS_COUNCIL_PROFILE = "hampshire"
    answer_all(client, "complaint")
    sent = client.get(send(client)["Location"]).text
    assert "Hampshire" in sent
    hampshire = client.get(reverse("core:home")).text
    assert "never more than 60 working days" in hampshire  # Hampshire's flat stage 2 maximum
    assert "never more than 65 working days" in norfolk


def test_the_contact_page_shows_the_profiles_channels(client, settings):
    settings.REDRESS_COUNCIL_PROFILE = "hampshire"

    page = html.unescape(client.get(reverse("core:contact")).text)
    contact = active_profile().contact
    assert contact.email in page
    assert contact.phone in page
    assert contact.postal_address.split(",")[0] in page
    assert "Video or audio recording" in page


@pytest.mark.parametrize("name", ["privacy", "accessibility", "cookies", "contact"])
def test_the_footer_pages_exist_and_are_linked_from_every_page(client, name):
    page = client.get(reverse(f"core:{name}"))

    assert page.status_code == 200
    assert f'href="{reverse(f"core:{name}")}"' in client.get(reverse("core:home")).text


def test_the_cookies_page_says_there_are_no_non_essential_cookies(client):
    page = client.get(reverse("core:cookies")).text

    assert "only uses cookies it needs to work" in page
    assert "redress_forms" in page


def test_the_brand_colour_comes_from_settings(client, settings):
    settings.REDRESS_BRAND_COLOUR = "#00703c"

    home = client.get(reverse("core:home")).text
    href = re.search(r'href="(/brand\.css\?v=[0-9a-f]+)"', home).group(1)
    css = client.get(href)

    assert css["Content-Type"] == "text/css"
    assert "--govuk-brand-colour:#00703c" in css.text


def test_a_council_logo_from_settings_appears_in_the_header(client, settings):
    settings.REDRESS_COUNCIL_LOGO = "frontend/assets/images/favicon.svg"

    home = client.get(reverse("core:home")).text

    assert '<img class="app-header__logo" src="/static/frontend/assets/images/favicon.svg"' in home
    assert "govuk-logo" not in home


@pytest.mark.parametrize(
    ("colour", "problem"),
    [("#1d70b8", None), ("#ffdd00", "intake.E002"), ("blue", "intake.E001")],
)
def test_a_brand_colour_white_text_cannot_be_read_on_is_refused(settings, colour, problem):
    from redress.intake.branding import brand_colour_check

    settings.REDRESS_BRAND_COLOUR = colour

    assert [message.id for message in brand_colour_check()] == ([problem] if problem else [])
