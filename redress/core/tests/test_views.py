import re
from dataclasses import dataclass

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from redress.core import context_processors, views
from redress.core.council import active_profile

# The home page counts today's dates on the working calendar, which reads the extra non-working
# days from the database.
pytestmark = pytest.mark.django_db

DASH = "\N{EN DASH}"  # separates the parts of a page title: page, service, council


@dataclass(frozen=True)
class FakeProfile:
    name: str
    team_name: str


@pytest.fixture
def northshire(monkeypatch):
    profile = FakeProfile(
        name="Northshire County Council", team_name="Complaints and Feedback Team"
    )
    monkeypatch.setattr(context_processors, "active_profile", lambda: profile)
    return profile


def test_home_shows_the_active_profiles_council_name(client):
    response = client.get(reverse("core:home"))

    assert response.status_code == 200
    assert active_profile().name in response.text


def test_home_names_the_council_and_its_team_from_the_profile(client, northshire):
    response = client.get(reverse("core:home"))

    assert "Northshire County Council" in response.text
    assert "Complaints and Feedback Team" in response.text
    title = re.search(r"<title>(.*?)</title>", response.text).group(1)
    assert title == f"Children&#39;s social care complaints {DASH} Northshire County Council"


def test_the_service_name_comes_from_settings(client, northshire, settings):
    settings.REDRESS_SERVICE_NAME = "Feedback about children's services"

    response = client.get(reverse("core:home"))

    assert "Feedback about children&#39;s services" in response.text


def test_home_links_staff_to_sign_in_and_shows_no_crown(client):
    response = client.get(reverse("core:home"))

    assert f'href="{reverse("casework:sign_in")}"' in response.text
    assert "Staff sign in" in response.text
    assert "govuk-logo" not in response.text
    assert "Crown copyright" not in response.text


def test_the_inline_script_carries_the_nonce_from_the_csp_header(client):
    response = client.get(reverse("core:home"))

    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    assert f'<script nonce="{nonce}">document.body.className' in response.text
    assert f'<script type="module" nonce="{nonce}" src="/static/frontend/init.js">' in response.text


@pytest.mark.django_db
def test_health_says_ok_in_plain_text(client):
    response = client.get(reverse("core:health"))

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_health_reports_an_unreachable_database_as_503(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)

    response = client.get(reverse("core:health"))

    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_an_unknown_address_gets_the_branded_404_page(client, northshire):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    title = re.search(r"<title>(.*?)</title>", response.text).group(1)
    assert title == (
        f"Page not found {DASH} Children&#39;s social care complaints {DASH} "
        "Northshire County Council"
    )
    assert "govuk-generic-header" in response.text
    assert 'href="/"' in response.text


def test_the_500_page_is_branded_and_keeps_the_nonce(northshire):
    request = RequestFactory().get("/")

    response = views.server_error(request)

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text
    assert "Northshire County Council" in response.text
    assert re.search(r'<script nonce="[^"]+">document\.body', response.text)
