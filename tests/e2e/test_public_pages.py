"""The public information pages: WCAG 2.2 A and AA (axe), and nothing wider than a phone."""

import re

import pytest
from django.urls import reverse

from redress.intake.tests.browser import check_page, no_horizontal_scroll
from tests.browser import expect_heading, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ESSENTIAL_COOKIES = {"csrftoken", "sessionid", "redress_forms", "messages"}
PAGES = [
    ("core:home", "Children's social care complaints"),
    ("core:contact", "Contact the"),
    ("core:privacy", "Privacy notice"),
    ("core:cookies", "Cookies"),
    ("core:accessibility", "Accessibility statement"),
    ("intake:young_person_start", "Tell us what's wrong"),
    ("intake:track_start", "Track your complaint"),
]


@pytest.mark.parametrize(("name", "heading"), PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_each_public_page_passes_axe_and_fits_the_screen(live_server, page, name, heading, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + reverse(name))

    expect_heading(page, re.compile("^" + re.escape(heading)))
    check_page(page)
    assert no_horizontal_scroll(page)


def test_the_public_pages_load_no_third_party_resources(live_server, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    for name, _ in PAGES:
        page.goto(live_server.url + reverse(name))

    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested
    # Only the cookies the cookies page lists, all needed for the service to work.
    assert {cookie["name"] for cookie in page.context.cookies()} <= ESSENTIAL_COOKIES


def test_the_too_many_requests_page_passes_axe(live_server, page, settings):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "code_request": "0/3600"}
    page.goto(live_server.url + reverse("intake:track_start"))
    page.get_by_label("Your complaint reference").fill("CSC-2026-00001")
    page.get_by_label("Email address").fill("sam@example.org")

    response = submit(page, "Send me a code")

    assert response.status == 429
    expect_heading(page, re.compile("^Sorry"))
    check_page(page)
