"""Fixtures shared by every test."""

import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_policy
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests check rules, not speed (speed is measured in `make bench`): no time-based checks,
# which fail on a busy machine without anything being wrong.
hypothesis_settings.register_profile(
    "redress", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("redress")

# The browser fixtures (one Playwright driver and one Chromium for the whole run), and a real
# IMAP server (dovecot) for the complaints mailbox.
pytest_plugins = ["tests.browser", "tests.imap"]


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    """The working calendars are cached per process; a rolled-back test must not leave its days."""
    from redress.core.calendar import forget_calendar

    forget_calendar()
    yield
    forget_calendar()


@dataclass
class SmtpServer:
    """A real SMTP server on a loopback port, and the messages it has received."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[SmtpServer]:
    """Start aiosmtpd on a free loopback port and point the default mailer at it."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = SmtpServer("127.0.0.1", port)

    class Handler:
        async def handle_DATA(self, smtp: Any, session: Any, envelope: Any) -> str:
            server.messages.append(
                message_from_bytes(envelope.content, policy=email_policy)  # type: ignore[arg-type]
            )
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname=server.host, port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": server.host, "port": port, "timeout": 5},
        }
    }
    try:
        yield server
    finally:
        controller.stop()
