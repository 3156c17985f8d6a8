"""Signing in: password, then an authenticator code; first-time set-up with a QR code and
recovery codes; lockout after wrong passwords; idle sessions end."""

import base64

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from redress.cases.tests.factories import staff
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def officer():
    person = staff(Role.COMPLAINTS_OFFICER, username="priya")
    person.set_password(PASSWORD)
    person.save()
    return person


def password_step(client, username="priya", password=PASSWORD):
    return client.post(reverse("casework:sign_in"), {"username": username, "password": password})


def test_a_first_sign_in_sets_up_the_app_shows_recovery_codes_and_lands_on_the_queue(
    client, officer
):
    assert password_step(client)["Location"] == reverse("casework:sign_in_set_up")
    page = client.get(reverse("casework:sign_in_set_up"))
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert base64.b32encode(device.bin_key).decode() in page.text

    done = client.post(reverse("casework:sign_in_set_up"), {"code": f"{totp(device.bin_key):06d}"})

    assert done["Location"] == reverse("casework:recovery_codes")
    codes = client.get(reverse("casework:recovery_codes"))
    assert codes.text.count("<li><code>") == 10
    assert client.get(reverse("casework:queue")).status_code == 200
    assert client.get(reverse("casework:recovery_codes")).status_code == 302  # shown once


def test_a_wrong_code_is_refused_with_a_message_and_nothing_is_signed_in(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="App", confirmed=True)
    password_step(client)

    response = client.post(reverse("casework:sign_in_code"), {"code": "000000"})

    assert response.status_code == 200
    assert "<title>Error: " in response.text
    assert "The security code is not right" in response.text
    assert client.get(reverse("casework:queue")).status_code == 302
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 1


def test_the_app_code_signs_in_and_returns_to_the_page_asked_for(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="App", confirmed=True)
    client.post(
        reverse("casework:sign_in"),
        {"username": "priya", "password": PASSWORD, "next": reverse("casework:search")},
    )

    response = client.post(
        reverse("casework:sign_in_code"), {"code": f"{totp(device.bin_key):06d}"}
    )

    assert response["Location"] == reverse("casework:search")
    assert client.get(reverse("casework:search")).status_code == 200


def test_a_recovery_code_works_once(client, officer):
    from redress.accounts.mfa import mfa_new_recovery_codes

    TOTPDevice.objects.create(user=officer, name="App", confirmed=True)
    code = mfa_new_recovery_codes(user=officer)[0]
    password_step(client)
    assert client.post(reverse("casework:sign_in_code"), {"code": code}).status_code == 302
    client.post(reverse("casework:sign_out"))

    password_step(client)
    again = client.post(reverse("casework:sign_in_code"), {"code": code})
    assert again.status_code == 200


def test_the_code_step_needs_the_password_step_first(client, officer):
    response = client.get(reverse("casework:sign_in_code"))

    assert response["Location"] == reverse("casework:sign_in")


def test_a_wrong_password_says_so_and_repeated_ones_lock_the_username(client, officer):
    first = password_step(client, password="wrong")
    assert "Enter a correct username and password" in first.text
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        password_step(client, password="wrong")

    locked = password_step(client)  # even the right password

    assert locked.status_code == 429
    assert "too many wrong passwords" in locked.text


def test_sessions_end_after_the_idle_time_and_each_request_renews_them() -> None:
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert 0 < settings.SESSION_COOKIE_AGE <= 60 * 60


def test_the_admin_has_no_password_only_sign_in(client):
    response = client.get(reverse("admin:login") + "?next=/admin/")

    assert response["Location"].startswith(reverse("casework:sign_in"))


def test_an_idle_session_ends_and_the_next_page_asks_to_sign_in_again(client, officer):
    import time_machine
    from django.utils import timezone

    from redress.casework.tests.conftest import sign_in_as

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in_as(client, officer)
        assert client.get(reverse("casework:queue")).status_code == 200
        traveller.shift(settings.SESSION_COOKIE_AGE - 60)
        assert client.get(reverse("casework:queue")).status_code == 200  # renewed
        traveller.shift(settings.SESSION_COOKIE_AGE + 60)

        response = client.get(reverse("casework:queue"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:sign_in"))


def test_resetting_an_authenticator_makes_the_person_set_up_a_new_one(client, officer):
    from django.core.management import call_command

    TOTPDevice.objects.create(user=officer, name="Lost phone", confirmed=True)
    call_command("reset_authenticator", "priya")

    assert password_step(client)["Location"] == reverse("casework:sign_in_set_up")
