"""The report and the dashboard in Debian's Chromium: WCAG 2.2 AA by axe, and a screenshot."""

from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from redress.cases.tests.factories import staff
from redress.casework.tests.conftest import sign_in_as
from redress.domain.roles import Role
from redress.reports.tests.dataset import build
from tests.browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(django_settings.VAR_DIR) / "screenshots"


def signed_in_page(page, live_server):
    client = sign_in_as(Client(), staff(Role.COMPLAINTS_MANAGER))
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


@pytest.mark.parametrize("name", ["reports:annual", "reports:dashboard"])
def test_the_report_pages_have_no_axe_violations_and_no_console_errors(
    live_server,
    page,
    console_errors,
    name,
):
    with time_machine.travel(date(2026, 5, 1), tick=False):
        build()
    page = signed_in_page(page, live_server)

    response = page.goto(live_server.url + reverse(name) + "?year=2025")

    assert response.status == 200
    assert_no_axe_violations(page)
    assert console_errors == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(SCREENSHOTS / f"{name.split(':')[1]}.png"), full_page=True)
