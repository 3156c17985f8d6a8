"""The public journeys in a real browser: a parent's complaint with an attachment, a young person's
complaint asking for an advocate, a compliment, and the complaint again without JavaScript.
Every page is checked with axe (WCAG 2.2 A and AA) as it appears and in its error state."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from redress.cases.models import Case
from redress.core.calendar import working_calendar
from redress.core.council import active_profile
from redress.domain.rules import Rule, compute_deadline
from redress.intake.tests.browser import (
    PDF,
    answer,
    check_error_state,
    check_page,
    fills,
    reference_on,
)
from redress.intake.wording import day_and_date
from tests.browser import expect_heading, follow, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def acknowledged_by(received: date) -> str:
    return day_and_date(
        compute_deadline(Rule.ACK, received, active_profile(), working_calendar()).due
    )


def fill_date(page: Page, prefix: str, day: str, month: str, year: str) -> None:
    page.locator(f"#{prefix}_day").fill(day)
    page.locator(f"#{prefix}_month").fill(month)
    page.locator(f"#{prefix}_year").fill(year)


def test_a_parent_complains_with_an_attachment(live_server, page):
    page.goto(live_server.url + reverse("core:home"))
    check_page(page)
    submit(page, "Start now")

    answer(page, lambda p: p.get_by_label("I am a parent of the child").check())
    answer(page, lambda p: p.get_by_label("Full name").fill("Sam Parent"))

    def child(p: Page) -> None:
        p.get_by_label("Their full name").fill("Alex Parent")
        fill_date(p, "id_date_of_birth", "3", "4", "2013")

    answer(page, child)
    expect_heading(page, "Does Alex know about this complaint and agree with it?")
    answer(page, lambda p: p.get_by_label("Yes, they agree").check())
    answer(page, lambda p: p.get_by_label("A child in care").check())
    expect(page.locator(".govuk-inset-text")).to_contain_text("children's social care complaints")
    answer(page, lambda p: p.locator("#id_details").fill("Nobody returned my calls for weeks."))

    answer(page, lambda p: p.get_by_label("I know the date").check())
    expect_heading(page, "What date did it happen?")
    month_ago = timezone.localdate() - timedelta(days=30)
    answer(
        page,
        fills(
            id_date_day=str(month_ago.day),
            id_date_month=str(month_ago.month),
            id_date_year=str(month_ago.year),
        ),
    )
    answer(page, lambda p: p.locator("#id_outcome").fill("An apology and a named worker."))

    def contact(p: Page) -> None:
        p.get_by_label("Email", exact=True).check()
        p.get_by_label("Email address").fill("sam.parent@example.org")

    answer(page, contact)
    answer(page, lambda p: p.get_by_label("Yes").check())
    answer(page, lambda p: None, errors=False)  # support: every question is optional

    expect_heading(page, "Upload documents, photos or recordings")
    check_page(page)
    check_error_state(page, button="Upload file")
    expect(page.locator("#id_file-error")).to_contain_text("Select a file")
    page.locator("#id_file").set_input_files(
        files=[{"name": "visit notes.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    submit(page, "Upload file")
    expect(page.locator(".govuk-summary-list")).to_contain_text("visit_notes.pdf")
    check_page(page)
    submit(page, "Continue")

    expect_heading(page, "Check your answers before sending your complaint")
    expect(page.locator("main")).to_contain_text("Alex Parent")
    expect(page.locator("main")).to_contain_text("visit_notes.pdf")
    check_page(page)
    submit(page, "Accept and send")

    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    check_page(page)
    case = Case.objects.get()
    assert reference_on(page) == case.reference
    expect(page.locator("main")).to_contain_text(acknowledged_by(case.received_on))
    document = case.documents.get()
    assert (document.title, document.kind) == ("visit_notes.pdf", "evidence")
    assert document.file.read() == PDF


def test_a_young_person_complains_and_asks_for_an_advocate(live_server, page):
    page.goto(live_server.url + reverse("intake:young_person_start"))
    check_page(page)
    submit(page, "Start")

    expect_heading(page, "Do you want an advocate to help you?")
    answer(page, lambda p: p.get_by_label("Yes, I want an advocate").check())

    def about(p: Page) -> None:
        p.get_by_label("What's your name?").fill("Jo Young")
        p.get_by_label("How old are you? (optional)").fill("14")

    answer(page, about)
    answer(page, lambda p: p.locator("#id_details").fill("I have had four social workers."))
    answer(page, lambda p: p.locator("#id_outcome").fill("One who stays."), errors=False)
    answer(page, lambda p: p.get_by_label("Through my advocate").check())
    answer(page, lambda p: p.get_by_label("Yes").check())
    check_page(page)
    submit(page, "Send")

    expect(page.locator(".govuk-panel__title")).to_have_text("We've got your complaint")
    expect(page.locator("main")).to_contain_text("An advocate will get in touch")
    check_page(page)
    case = Case.objects.get()
    assert case.advocacy_offered
    assert case.people.get().complainant_type == "child"
    assert case.events.get(action="submitted_online").details["advocate_requested"] is True


def test_someone_gives_a_compliment(live_server, page):
    page.goto(live_server.url + reverse("core:home"))
    follow(page, "give a compliment, make a comment or a suggestion")

    answer(page, lambda p: p.get_by_label("A compliment").check())
    expect_heading(page, "Your compliment")

    def message(p: Page) -> None:
        p.get_by_label("What would you like to tell us?").fill("Kim was brilliant with us.")
        p.get_by_label("Who or which team is it about? (optional)").fill("Kim, fostering team")

    answer(page, message)
    answer(page, lambda p: p.get_by_label("Full name (optional)").fill("Pat Carer"), errors=False)
    check_page(page)
    submit(page, "Accept and send")

    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you")
    check_page(page)
    case = Case.objects.get()
    assert case.summary == "Compliment: Kim was brilliant with us. (about Kim, fostering team)"
    assert reference_on(page) == case.reference


def test_the_complaint_journey_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("intake:complaint_start"))
        assert "js-enabled" not in (page.get_attribute("body", "class") or "")

        answer(page, lambda p: p.get_by_label("I am a young person who has left care").check())

        def about(p: Page) -> None:
            p.get_by_label("Full name").fill("Chris Leaver")
            fill_date(p, "id_date_of_birth", "9", "1", "2006")

        answer(page, about)
        answer(page, lambda p: p.get_by_label("Support for a young person leaving care").check())
        answer(page, lambda p: p.locator("#id_details").fill("My pathway plan was never done."))

        def roughly(p: Page) -> None:
            p.get_by_label("I know roughly when").check()

        answer(page, roughly)
        expect_heading(page, "Roughly when did it happen?")

        def month(p: Page) -> None:
            p.locator("#id_month_month").fill("1")
            p.locator("#id_month_year").fill("2020")

        answer(page, month)
        expect_heading(page, "Why are you complaining now?")

        def why_now(p: Page) -> None:
            p.locator("#id_why_not_sooner").fill("Nobody told me I could complain.")
            p.locator("#id_can_still_look").fill("My personal adviser kept emails.")

        answer(page, why_now)
        answer(page, lambda p: p.locator("#id_outcome").fill("A pathway plan."))
        answer(page, lambda p: p.get_by_label("No, thank you").check())

        # Without JavaScript the boxes under each way of contact show, and only the chosen count.
        expect(page.locator("#id_email")).to_be_visible()

        def contact(p: Page) -> None:
            p.get_by_label("Post", exact=True).check()
            p.get_by_label("Postal address").fill("1 High Street\nExampletown")

        answer(page, contact)
        answer(page, lambda p: p.get_by_label("No, or only in some ways").check())
        answer(page, lambda p: p.locator("#id_safe_details").fill("Letters only, never calls"))
        answer(page, lambda p: p.get_by_label("Large print").check(), errors=False)
        check_page(page)
        submit(page, "Continue")
        check_page(page)
        submit(page, "Accept and send")

        expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
        case = Case.objects.get()
        assert case.late
        assert case.grounds_arose_on == date(2020, 1, 31)
        assert case.people.get().postal_address == "1 High Street\r\nExampletown"
    finally:
        context.close()


def test_the_other_pages_a_complaint_can_show_pass_axe_in_their_error_states(live_server, page):
    """A young person's late complaint in the full form: the pages the parent never sees."""
    page.goto(live_server.url + reverse("intake:complaint_start"))
    answer(
        page,
        lambda p: p.get_by_label("I am the child or young person the complaint is about").check(),
    )

    def about(p: Page) -> None:
        p.get_by_label("Full name").fill("Jo Young")
        fill_date(p, "id_date_of_birth", "9", "1", "2012")

    answer(page, about)
    answer(page, lambda p: p.get_by_label("Something else, or I'm not sure").check())
    answer(page, lambda p: p.locator("#id_details").fill("My placement moved with no warning."))
    answer(page, lambda p: p.get_by_label("I know roughly when").check())
    expect_heading(page, "Roughly when did it happen?")
    answer(page, fills(id_month_month="5", id_month_year="2019"))
    expect_heading(page, "Why are you complaining now?")
    answer(page, fills(id_why_not_sooner="I was scared", id_can_still_look="My carer remembers"))
    answer(page, lambda p: p.locator("#id_outcome").fill("To be asked next time."))
    expect_heading(page, "Would you like an advocate to help you?")
    answer(page, lambda p: p.get_by_label("I already have an advocate").check())
    expect_heading(page, "About your advocate (optional)")
    answer(page, fills(id_advocate_name="Riya, Voices"), errors=False)

    def contact(p: Page) -> None:
        p.get_by_label("Phone", exact=True).check()
        p.get_by_label("Phone number").fill("07700 900982")

    answer(page, contact)
    answer(page, lambda p: p.get_by_label("No, or only in some ways").check())
    expect_heading(page, "How can we contact you safely?")
    answer(page, lambda p: p.locator("#id_safe_details").fill("Text only, after school"))
    answer(page, lambda p: None, errors=False)
    answer(page, lambda p: None, errors=False)  # documents
    check_page(page)
    submit(page, "Accept and send")

    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    check_page(page)
    event = Case.objects.get().events.get(action="submitted_online")
    assert event.details["contact_safety"] == "Text only, after school"
    assert "late_reasons" in event.details


def test_the_young_persons_follow_up_pages_pass_axe_in_their_error_states(live_server, page):
    page.goto(live_server.url + reverse("intake:young_person_step", kwargs={"slug": "advocate"}))
    answer(page, lambda p: p.get_by_label("I already have one").check())
    expect_heading(page, "About your advocate (optional)")
    answer(page, lambda p: None, errors=False)
    answer(page, lambda p: p.get_by_label("What's your name?").fill("Jo"))
    answer(page, lambda p: p.locator("#id_details").fill("Nobody listens."))
    answer(page, lambda p: None, errors=False)
    answer(page, lambda p: p.get_by_label("Through my advocate").check())
    answer(page, lambda p: p.get_by_label("No, or only in some ways").check())
    answer(page, lambda p: p.locator("#id_safe_details").fill("Only through my advocate"))
    expect_heading(page, "Check your answers before sending your complaint")
    check_page(page)
