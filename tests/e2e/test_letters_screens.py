"""The letters screens in a real browser: prepare, preview and send a letter; the template editor
with a mistake in it; the print queue and the emails needing attention. axe checks every page."""

import re
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from redress.domain.roles import Role
from redress.domain.workflow import Stage
from redress.letters.models import Letter
from redress.letters.tests.walks import case_at
from tests.browser import assert_no_axe_violations, submit
from tests.e2e.test_staff_journeys import person, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _warm(live_server):
    """The first page a fresh server renders compiles its templates: not part of any timeout."""
    for path in ("/staff/", "/staff/letters/"):
        urlopen(live_server.url + path, timeout=60).read()


def test_an_officer_prepares_previews_and_sends_a_letter_by_post(live_server, browser):
    walk = case_at(Stage.STAT_S1, email="")
    officer = person(Role.COMPLAINTS_OFFICER, "olive_officer")
    page = sign_in(browser, live_server, officer)
    page.set_default_timeout(30_000)  # sending makes the PDF: on a busy machine, a few seconds

    page.goto(f"{live_server.url}/staff/letters/case/{walk.case.reference}/")
    assert_no_axe_violations(page)
    submit(page, "Prepare a draft")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    assert_no_axe_violations(page)

    page.get_by_label("Acknowledgement").check()
    submit(page, "Prepare a draft")
    expect(page.get_by_role("heading", name="Draft: Acknowledgement")).to_be_visible()
    expect(page.get_by_text("Wednesday 1 April 2026").first).to_be_visible()
    assert_no_axe_violations(page)

    submit(page, "Send this letter")
    expect(page.get_by_text("added to the print queue")).to_be_visible()
    assert_no_axe_violations(page)
    assert Letter.objects.get(case=walk.case).status == "sent"

    page.goto(f"{live_server.url}/staff/letters/print-queue/")
    assert_no_axe_violations(page)
    submit(page, re.compile(f"Record as posted.*{walk.case.reference}"))
    expect(page.get_by_text("Recorded as posted")).to_be_visible()

    for path in ("/staff/letters/", "/staff/letters/deliveries/"):
        page.goto(live_server.url + path)
        assert_no_axe_violations(page)


def test_the_complaints_manager_is_told_clearly_about_an_unknown_merge_field(live_server, browser):
    manager = person(Role.COMPLAINTS_MANAGER, "mona_manager")
    page = sign_in(browser, live_server, manager)

    page.goto(f"{live_server.url}/staff/letters/templates/acknowledgement/")
    assert_no_axe_violations(page)
    submit(page, "Edit this template")
    page.get_by_label("Template").fill("<p>Due {{ dates.stage1_due | longdate }}</p>")
    page.get_by_label("What did you change, and why?").fill("Shorter")
    submit(page, "Save a new version")

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Unknown merge field: dates.stage1_due"
    )
    assert_no_axe_violations(page)
