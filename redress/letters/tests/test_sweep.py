from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from redress.cases.demo.loader import DEFAULT_SEED, load_demo
from redress.cases.tests.factories import staff
from redress.domain.roles import Role
from redress.letters.models import Delivery, Reminder
from redress.letters.sweep import sweep

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def reminder_lines(messages) -> Counter:
    lines = Counter()
    for message in messages:
        body = message.get_body(("plain",)).get_content()
        for line in body.splitlines():
            if line.startswith("- "):
                lines[(message["To"], line)] += 1
    return lines


def test_the_sweep_run_twice_over_the_demo_data_sends_each_reminder_exactly_once(smtp_server):
    load_demo(cases=40, seed=DEFAULT_SEED, today=date(2026, 6, 30))
    manager = staff(Role.COMPLAINTS_MANAGER, email="manager@council.example")

    first = sweep(today=date(2026, 6, 30))
    run_worker()
    after_first = list(smtp_server.wait_for(first.emails))
    reminders = Reminder.objects.count()

    second = sweep(today=date(2026, 6, 30))
    run_worker()

    assert first.emails > 0
    assert reminders > 0
    assert second.emails == 0
    assert not second.closed
    assert Reminder.objects.count() == reminders
    assert len(smtp_server.messages) == len(after_first) == first.emails
    lines = reminder_lines(smtp_server.messages)
    assert sum(lines.values()) == reminders
    assert max(lines.values()) == 1
    assert any(to == manager.email for to, _ in lines), "breaches reach the complaints manager"
    assert not Delivery.objects.exclude(status=Delivery.Status.SENT).filter(letter=None).exists()
