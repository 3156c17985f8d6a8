"""Recalculating running clocks when an administrator adds a one-off bank holiday."""

from datetime import date

import pytest
from django.core.management import call_command

from redress.cases.models import Clock
from redress.cases.tests.factories import received_case
from redress.cases.tests.test_services import take
from redress.core.models import NonWorkingDay
from redress.domain.workflow import Action

pytestmark = pytest.mark.django_db


def test_a_new_bank_holiday_moves_running_clocks_and_the_command_says_which(capsys) -> None:
    case = received_case(date(2026, 3, 18))
    take(case, Action.ACKNOWLEDGE, date(2026, 3, 19))
    take(case, Action.ACCEPT_STATUTORY, date(2026, 3, 19))
    take(case, Action.EXTEND_STAGE1, date(2026, 3, 25), extend_to_working_days=20,
         reason="Complex")  # fmt: skip

    NonWorkingDay.objects.create(
        date=date(2026, 3, 27), name="A Royal proclamation", kind=NonWorkingDay.Kind.BANK_HOLIDAY
    )
    call_command("recalculate_deadlines")

    clock = case.clocks.get(rule="stage1.response")
    assert (clock.due_date, clock.extended_due_date) == (date(2026, 4, 2), date(2026, 4, 20))
    case.refresh_from_db()
    assert case.next_due_on == date(2026, 4, 20)  # the queues see the move too
    # The completed acknowledgement clock is history: it does not move.
    assert case.clocks.get(rule="ack").due_date == date(2026, 3, 25)
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{case.reference} stage1.response: 2026-04-17 -> 2026-04-20", "1 clock moved."]


def test_recalculating_an_unchanged_calendar_moves_nothing(capsys) -> None:
    received_case(date(2026, 3, 18))
    before = list(Clock.objects.values_list("due_date", flat=True))

    call_command("recalculate_deadlines")

    assert list(Clock.objects.values_list("due_date", flat=True)) == before
    assert capsys.readouterr().out.strip() == "0 clocks moved."
