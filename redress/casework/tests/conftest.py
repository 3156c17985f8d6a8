"""Fixtures for the staff screens: people in each role, signed in with both factors."""

from collections.abc import Callable

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from redress.accounts.models import User


def sign_in_as(client: Client, user: User) -> Client:
    """Sign `user` in as if they had given their password and an authenticator code."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Test app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def signed_in(client: Client) -> Callable[[User], Client]:
    return lambda user: sign_in_as(client, user)
