"""Fixtures shared by every test."""

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    """The working calendar is cached per process; a rolled-back test must not leave its days."""
    from redress.core.calendar import working_calendar

    working_calendar.cache_clear()
    yield
    working_calendar.cache_clear()
