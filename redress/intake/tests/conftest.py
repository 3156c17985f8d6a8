"""Fixtures for the public side's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads and case documents go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
