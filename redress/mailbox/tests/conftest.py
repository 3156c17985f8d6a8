"""Fixtures for the complaints mailbox's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Kept emails, attachments and case documents go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
