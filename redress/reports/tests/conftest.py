"""Fixtures for the report pages: people signed in with both factors."""

from collections.abc import Callable

import pytest
from django.test import Client

from redress.accounts.models import User
from redress.casework.tests.conftest import sign_in_as


@pytest.fixture
def signed_in(client: Client) -> Callable[[User], Client]:
    return lambda user: sign_in_as(client, user)
